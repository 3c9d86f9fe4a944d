"""Named organisations and their CAMEO codes: "the U.N." is IGOUNO, "Hamas" PSEREBHMS, "the Duma" RUSLEG.

The rows live in ``eventwire/data/organisations.tsv`` (its header explains each column and the coding
conventions: what goes in ``country`` and what in ``code`` for international bodies). This module reads
the table once and answers for a name as news writes it: dots, a leading "the", apostrophes, hyphens
and accents do not matter, while case does where it tells a name from a word ("UN" is the United
Nations, "un" is not). Some codings change over time (the Taliban governed Afghanistan from 2021-08-15);
given the article's date, the row valid that day answers. Short names that several bodies share
("Congress", "SDF") are flagged ``needs_context``, and a country known from context picks among them.
A name that is also a body any state has ("Foreign Office", "Ministry of Defence") is flagged
``local``: in an article about another country it is that country's body, not the row's.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from eventwire.actors.agents import SECTORS
from eventwire.extract.datafiles import data_rows

TABLE = "organisations.tsv"
COLUMNS = ("name", "aliases", "country", "sector", "code", "kind", "start", "end", "needs_context", "notes")
GROUP_COUNTRIES = {
    "IGO": frozenset({"IGO"}),
    "NGO": frozenset({"NGO", "HRI", "ENV"}),
    "IMG": frozenset({"REB", "INS", "UAF", "PRM", "SEP"}),
}
"""CAMEO's country-slot codes for actors of no single state, with the sectors their rows may have."""

KINDS = frozenset(
    "igo ngo armed_group criminal_group party legislature executive intelligence security_force state_media "
    "court company academic".split()
)
CONTEXT_FLAGS = {"": (False, False), "yes": (True, False), "local": (True, True)}
"""``needs_context`` cells: (ambiguous, a body any state has)."""
SHORT_NAME_CHARACTERS = 4
"""Up to this many letters an alias is initials or a short word, and matches only as written."""

_ISO3 = re.compile(r"[A-Z]{3}")
_CODE = re.compile(r"(?:[A-Z]{3})+")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
_SEPARATORS = re.compile(r"[\s\-\u2010\u2011\u2013\u2014/(),;:\"]+")


def _words(text: str) -> tuple[str, ...]:
    """The words of a name as the table compares them, case kept: no accents, dots or apostrophes,
    hyphens and brackets as spaces, no leading "the" and no possessive ending ("the U.N.'s" -> UN)."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    plain = "".join(char for char in decomposed if not unicodedata.combining(char)).replace(".", "")
    plain = plain.strip().removesuffix("'s").removesuffix("'")
    words = [word for word in _SEPARATORS.split(plain.replace("'", "")) if word]
    if len(words) > 1 and words[0].casefold() == "the":
        words = words[1:]
    return tuple(words)


def _key(words: tuple[str, ...]) -> str:
    return " ".join(words).casefold()


def written_as_name(alias_words: tuple[str, ...], text_words: tuple[str, ...]) -> bool:
    """Whether text matching an alias up to case is the name: a short alias only exactly as written
    ("UN", not "Un" or "un"); a longer one with every capital of the alias a capital in the text."""
    if sum(len(word) for word in alias_words) <= SHORT_NAME_CHARACTERS:
        return alias_words == text_words
    return all(not alias[0].isupper() or text[0].isupper() for alias, text in zip(alias_words, text_words))


@dataclass(frozen=True)
class Organisation:
    """One row: an organisation and how it is coded (for a period, when ``start``/``end`` are set)."""

    name: str
    aliases: tuple[str, ...]
    country: str
    sector: str
    code: str
    kind: str
    start: date | None
    end: date | None
    needs_context: bool
    local: bool = False
    """A body any state has under this name: the article's country reads it as its own."""

    def forms(self) -> tuple[str, ...]:
        """The name and every alias."""
        return (self.name, *self.aliases)

    def valid_on(self, day: date) -> bool:
        """Whether this coding holds on ``day`` (``start`` inclusive, ``end`` exclusive)."""
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


class OrganisationTable:
    """The rows of ``organisations.tsv``, found by any of their forms."""

    def __init__(self, organisations: list[Organisation]) -> None:
        self._organisations = organisations
        self._by_key: dict[str, list[tuple[tuple[str, ...], Organisation]]] = defaultdict(list)
        for organisation in organisations:
            for form in organisation.forms():
                words = _words(form)
                self._by_key[_key(words)].append((words, organisation))

    def candidates(self, text: str, *, on: date | None = None) -> tuple[Organisation, ...]:
        """Every row ``text`` may name, in table order (the default reading first): valid on ``on``, or
        without a date the current codings (the rows with no end; for a body that is gone, its last)."""
        words = _words(text)
        found = [row for alias, row in self._by_key.get(_key(words), []) if written_as_name(alias, words)]
        rows = list(dict.fromkeys(found))
        if on is not None:
            return tuple(row for row in rows if row.valid_on(on))
        current = [row for row in rows if row.end is None]
        return tuple(current or sorted(rows, key=lambda row: row.end or date.max, reverse=True))

    def lookup(self, text: str, *, on: date | None = None, country: str | None = None) -> Organisation | None:
        """The organisation ``text`` names (the row valid on ``on`` when a date is given); among rows
        that share an ambiguous name, the one of ``country`` if any, else the default reading."""
        rows = self.candidates(text, on=on)
        for row in rows:
            if row.country == country:
                return row
        return rows[0] if rows else None

    def phrases(self) -> Iterator[tuple[str, Organisation]]:
        """Every form of every row as the table writes it, for phrase matchers (which should confirm a
        match with ``lookup``, as it applies the case rule and the dates)."""
        for organisation in self._organisations:
            for form in organisation.forms():
                yield form, organisation


def _date(cell: str, column: str, name: str) -> date | None:
    if not cell:
        return None
    try:
        return date.fromisoformat(cell)
    except ValueError as error:
        raise ValueError(f"{TABLE}: {name!r} has {column}={cell!r}, expected an ISO date") from error


def read_organisations() -> list[Organisation]:
    """The rows of ``organisations.tsv`` (its first row is the header, checked against ``COLUMNS``)."""
    header, *rows = data_rows(TABLE, COLUMNS)
    if tuple(header) != COLUMNS:
        raise ValueError(f"{TABLE}: header {header} is not {list(COLUMNS)}")
    organisations = []
    for name, aliases, country, sector, code, kind, start, end, needs_context, _notes in rows:
        if needs_context not in CONTEXT_FLAGS:
            raise ValueError(f"{TABLE}: {name!r} has needs_context={needs_context!r}, expected 'yes', 'local' or empty")
        ambiguous, local = CONTEXT_FLAGS[needs_context]
        organisations.append(
            Organisation(
                name=name,
                aliases=tuple(alias for alias in aliases.split("|") if alias),
                country=country,
                sector=sector,
                code=code,
                kind=kind,
                start=_date(start, "start", name),
                end=_date(end, "end", name),
                needs_context=ambiguous,
                local=local,
            )
        )
    return organisations


def _coding_problems(row: Organisation) -> list[str]:
    """What is wrong with one row's codes, kind and dates."""
    problems = []
    allowed_sectors = GROUP_COUNTRIES.get(row.country, SECTORS)
    if row.country not in GROUP_COUNTRIES and not _ISO3.fullmatch(row.country):
        problems.append(f"{row.name!r}: country {row.country!r} is neither ISO3 nor one of {sorted(GROUP_COUNTRIES)}")
    if row.sector not in SECTORS or row.sector not in allowed_sectors:
        problems.append(f"{row.name!r}: sector {row.sector!r} does not fit country {row.country!r}")
    if not _CODE.fullmatch(row.code) or not row.code.startswith(row.country):
        problems.append(f"{row.name!r}: code {row.code!r} is not country {row.country!r} + three-letter parts")
    elif row.country not in GROUP_COUNTRIES and row.code[3:6] != row.sector:
        problems.append(f"{row.name!r}: code {row.code!r} does not continue with sector {row.sector!r}")
    if row.kind not in KINDS:
        problems.append(f"{row.name!r}: unknown kind {row.kind!r}")
    if row.local and row.country in GROUP_COUNTRIES:
        problems.append(f"{row.name!r}: only a state's body can be local, not one of {row.country!r}")
    if row.start and row.end and row.start >= row.end:
        problems.append(f"{row.name!r}: start {row.start} is not before end {row.end}")
    return problems


def _periods_overlap(rows: list[Organisation]) -> bool:
    ordered = sorted(rows, key=lambda row: row.start or date.min)
    return any((earlier.end or date.max) > (later.start or date.min) for earlier, later in zip(ordered, ordered[1:]))


def table_problems(organisations: list[Organisation]) -> list[str]:
    """The integrity check: codes, sectors, kinds and dates of every row, and every form naming one
    row at a time unless the rows sharing it are flagged ambiguous or are one body in turn."""
    problems = [problem for row in organisations for problem in _coding_problems(row)]
    sharing: dict[str, list[Organisation]] = defaultdict(list)
    for row in organisations:
        for key in dict.fromkeys(_key(_words(form)) for form in row.forms()):
            sharing[key].append(row)
    for key, rows in sharing.items():
        if len(rows) < 2 or all(row.needs_context for row in rows):
            continue
        if len({row.name for row in rows}) > 1 or _periods_overlap(rows):
            problems.append(f"{key!r} names {', '.join(row.name for row in rows)} without needs_context")
    return problems


@lru_cache(maxsize=1)
def load_organisations() -> OrganisationTable:
    """The organisations table, read and checked once per process (a faulty row is an error)."""
    organisations = read_organisations()
    if problems := table_problems(organisations):
        raise ValueError(f"{TABLE}: " + "; ".join(problems))
    return OrganisationTable(organisations)
