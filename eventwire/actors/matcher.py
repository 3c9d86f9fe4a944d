"""Finding table phrases in a parsed text: a trie over normalised token keys.

The tables (countries, organisations, people, agents) list surface forms as strings; the
article is a spaCy ``Doc``. Both sides are cut by the same tokenizer and every token is
reduced to a key that ignores what news copy varies on (case, curly vs straight
apostrophes, the dots of "U.S.", diacritics), so "Armenia’s", "ARMENIA's" and
"Armenia's" meet the same row. Matching walks the trie from each token, so a document is
scanned in time linear in its length (times the longest phrase), and the longest phrase
starting at a token wins: "Democratic Republic of the Congo" over "Congo".

Case is not part of the key; callers that match proper nouns check capitalisation on the
document side (so the pronoun "us" never meets the country "US").
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Generic, TypeVar

from spacy.tokens import Doc, Span, Token

from eventwire.nlp import load_nlp

T = TypeVar("T")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})
_DASHES = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-"})


@lru_cache(maxsize=65536)
def token_key(text: str) -> str:
    """A token's matching key: case-folded, straight apostrophes, no dots, no diacritics.

    A token that is only dots keeps them (so an ellipsis does not become the empty key).
    """
    folded = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES).translate(_DASHES))
    plain = "".join(char for char in folded if not unicodedata.combining(char)).casefold()
    stripped = plain.replace(".", "")
    return stripped or plain


@lru_cache(maxsize=65536)
def phrase_keys(phrase: str) -> tuple[str, ...]:
    """A phrase cut by the pipeline's tokenizer into token keys (the same cut as the article's)."""
    return tuple(token_key(token.text) for token in load_nlp().tokenizer(phrase.strip()) if not token.is_space)


_KEYS = "eventwire.token_keys"


def doc_keys(doc: Doc) -> list[str]:
    """The key of every token of ``doc``, computed once per Doc (each table's scan reads them
    all). Kept in ``user_data`` with the token count, so a retokenised copy, which inherits
    the user data, computes its own."""
    cached = doc.user_data.get(_KEYS)
    if cached is None or len(cached) != len(doc):
        cached = doc.user_data[_KEYS] = [token_key(token.text) for token in doc]
    return cached


def text_keys(tokens: Iterable[Token]) -> tuple[str, ...]:
    """Keys of document tokens, spaces left out."""
    return tuple(token_key(token.text) for token in tokens if not token.is_space)


@dataclass
class _Node(Generic[T]):
    children: dict[str, _Node[T]] = field(default_factory=dict)
    values: list[T] = field(default_factory=list)


@dataclass(frozen=True)
class Match(Generic[T]):
    """Document tokens ``start:end`` (token indices) spell a table phrase with these values."""

    start: int
    end: int
    values: tuple[T, ...]


class PhraseTrie(Generic[T]):
    """Phrases (as token-key tuples) to the table rows they name; several rows may share one."""

    def __init__(self) -> None:
        self._root: _Node[T] = _Node()

    def add(self, phrase: str, value: T) -> None:
        keys = phrase_keys(phrase)
        if not keys:
            return
        node = self._root
        for key in keys:
            node = node.children.setdefault(key, _Node())
        if value not in node.values:
            node.values.append(value)

    def longest_at(self, keys: Sequence[str], start: int) -> Match[T] | None:
        """The longest phrase that starts at ``keys[start]``."""
        node = self._root
        found: Match[T] | None = None
        for position in range(start, len(keys)):
            next_node = node.children.get(keys[position])
            if next_node is None:
                break
            node = next_node
            if node.values:
                found = Match(start, position + 1, tuple(node.values))
        return found

    def scan(self, tokens: Doc | Span | Sequence[Token]) -> list[Match[T]]:
        """Longest matches, left to right, not overlapping; token indices relative to ``tokens``."""
        keys = doc_keys(tokens) if isinstance(tokens, Doc) else [token_key(token.text) for token in tokens]
        matches: list[Match[T]] = []
        position = 0
        while position < len(keys):
            found = self.longest_at(keys, position)
            if found is None:
                position += 1
            else:
                matches.append(found)
                position = found.end
        return matches
