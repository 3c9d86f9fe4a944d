"""The CAMEO codebook: name, Goldstein weight, quad class and PLOVER reading of every code.

The facts live in ``eventwire/data/cameo.tsv`` (its comment lines give the sources and every
deliberate departure from them) so that they can be reviewed like prose; this module reads
that file once per process and answers lookups. Codes are strings because the leading zero
is part of a CAMEO code ("042" is a visit, 42 is nothing).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType

from eventwire.extract.datafiles import data_rows

DATA_FILE = "cameo.tsv"
COLUMNS = ("code", "name", "goldstein", "quad_class", "plover_type", "plover_mode", "plover_context")

# Root -> 5-class label; see pentaclass() for why these groups.
_PENTACLASS: dict[str, int] = {
    **dict.fromkeys(("01", "02"), 0),
    **dict.fromkeys(("03", "04", "05"), 1),
    **dict.fromkeys(("06", "07", "08"), 2),
    **dict.fromkeys(("09", "10", "11", "12", "13", "16"), 3),
    **dict.fromkeys(("14", "15", "17", "18", "19", "20"), 4),
}


class UnknownCodeError(KeyError):
    """A code that is not in the CAMEO codebook.

    A KeyError so that code treating the codebook as a mapping can catch it as one; the
    message is readable (KeyError's own ``str`` would print only the quoted argument).
    """

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code

    def __str__(self) -> str:
        return f"unknown CAMEO code {self.code!r} (codes are 2-4 digit strings, leading zero kept: '042')"


@dataclass(frozen=True)
class CodeInfo:
    """One CAMEO code as the codebook gives it.

    ``root`` is the 2-digit root the code belongs to. The PLOVER fields are None where
    PLOVER has no counterpart (roots 01 and 02 were dropped) or names no mode or context;
    ``plover_context`` joins several contexts with ";".
    """

    code: str
    name: str
    root: str
    goldstein: float
    quad_class: int
    plover_type: str | None
    plover_mode: str | None
    plover_context: str | None


@cache
def codes() -> Mapping[str, CodeInfo]:
    """Every code, keyed by its string (read-only: the table is shared by the whole process)."""
    rows = data_rows(DATA_FILE, COLUMNS)
    if tuple(rows[0]) != COLUMNS:
        raise ValueError(f"{DATA_FILE}: the first data line must be the header {'<TAB>'.join(COLUMNS)}")
    table: dict[str, CodeInfo] = {}
    for code, name, goldstein, quad_class, plover_type, plover_mode, plover_context in rows[1:]:
        table[code] = CodeInfo(
            code=code,
            name=name,
            root=code[:2],
            goldstein=float(goldstein),
            quad_class=int(quad_class),
            plover_type=plover_type or None,
            plover_mode=plover_mode or None,
            plover_context=plover_context or None,
        )
    return MappingProxyType(table)


def lookup(code: str) -> CodeInfo:
    """The codebook entry for ``code``; raises UnknownCodeError (a KeyError) if there is none."""
    try:
        return codes()[code]
    except KeyError:
        raise UnknownCodeError(code) from None


def pentaclass(code: str) -> int:
    """The 5-class sentence label of ``code`` used by the quad-class evaluation set.

    0 = roots 01-02 (statements, appeals), 1 = 03-05 (verbal cooperation), 2 = 06-08
    (material cooperation), 3 = 09-13 and 16 (verbal conflict), 4 = 14, 15 and 17-20
    (material conflict). This is the Phoenix grouping that ConfliBERT's quad-class data
    uses, not CAMEO's own quad: neutral statements and appeals get a class of their own,
    INVESTIGATE and REDUCE RELATIONS count as verbal conflict and PROTEST as material
    conflict. Scoring our codes against that set needs its grouping, hence this function
    beside ``CodeInfo.quad_class``. Unknown codes raise UnknownCodeError.
    """
    return _PENTACLASS[lookup(code).root]
