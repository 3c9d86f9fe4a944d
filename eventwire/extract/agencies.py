"""Wire agencies and the names they are written under: one table for both extractors.

The table is ``eventwire/data/wire_agencies.tsv`` (the name we store, then its aliases).
Both the HTML path (``wire``, ``furniture``) and the text-dump path (``textdump_header``,
``textdump_furniture``) read it through ``wire_agencies()``, so that one story read from a
page or from a dump gets one source, and an agency added to the file is known to both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from eventwire.extract.datafiles import data_rows

_SPACES = re.compile(r"\s+")
_EDGE_PUNCTUATION = ".,:;()[]/-–—"
_WORD = re.compile(r"[^\W_]+")
_SPAN_WORD = re.compile(r"[\w'’&.-]+")
SHORT_NAME_CHARS = 4  # up to this length a name is an acronym, which plain words can spell too


def _key(name: str) -> str:
    """How an alias is looked up: edge punctuation and white space trimmed, case folded."""
    return _SPACES.sub(" ", name.strip().strip(_EDGE_PUNCTUATION)).strip().casefold()


@dataclass(frozen=True)
class Agencies:
    """The agencies of the table, by every name they are written under."""

    by_alias: dict[str, str]
    spellings: tuple[str, ...]  # every name and alias as the table writes it

    def canonical(self, name: str) -> str | None:
        """The stored name of the agency called exactly ``name`` ("Agence France-Presse" -> "AFP"), else None."""
        return self.by_alias.get(_key(name))

    def find_in(self, text: str) -> str | None:
        """The first agency named in a short ``text`` (a credit, a byline): runs of words, longest first."""
        words = _SPAN_WORD.findall(text)
        for size in range(self._longest_name_words, 0, -1):
            for start in range(len(words) - size + 1):
                if found := self.canonical(" ".join(words[start : start + size])):
                    return found
        return None

    def written_as_name(self, found: str) -> bool:
        """Whether ``found`` in running text is the agency and not a word: short names only
        in capitals ("AP", not "ap") or as the table spells them ("dpa", "Lusa")."""
        return len(found) > SHORT_NAME_CHARS or found.isupper() or found in self.spellings

    @cached_property
    def _longest_name_words(self) -> int:
        """Words in the longest name ("Korean Central News Agency": 4): longer runs of a text need no look-up."""
        return max(len(_SPAN_WORD.findall(name)) for name in self.spellings)

    @cached_property
    def alternation(self) -> str:
        """Every name as one regular-expression alternation, longest first (so "Kyodo News" beats "Kyodo")."""
        return "|".join(re.escape(name) for name in sorted(self.spellings, key=len, reverse=True))

    @cached_property
    def words(self) -> frozenset[str]:
        """The case-folded words of every name ("associated", "press", "ap", ...)."""
        return frozenset(word.casefold() for name in self.spellings for word in _WORD.findall(name))


@lru_cache(maxsize=1)
def wire_agencies() -> Agencies:
    """The agencies of ``eventwire/data/wire_agencies.tsv`` (read once).

    An alias written under two agencies is an error in the table: the first would win silently.
    """
    by_alias: dict[str, str] = {}
    spellings: dict[str, None] = {}
    for name, aliases in data_rows("wire_agencies.tsv", ("name", "aliases")):
        name = name.strip()
        for alias in [name, *(alias.strip() for alias in aliases.split("|"))]:
            key = _key(alias)
            if by_alias.setdefault(key, name) != name:
                raise ValueError(f"wire_agencies.tsv: {alias!r} is an alias of both {by_alias[key]} and {name}")
            spellings.setdefault(alias, None)
    return Agencies(by_alias, tuple(spellings))
