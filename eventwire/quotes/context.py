"""Where a quotation's attribution can be: the words next to its marks, within its sentence.

An attribution sits just after the closing mark ("...," Putin said) or just before the
opening one (Putin said: "..."), in the same paragraph and the same sentence, and never
beyond the next quoted stretch. The context is read on tokens, bounded by characters
(the stretches and paragraphs), and capped in length, so that each quote costs a few
tokens whatever the article's size.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from eventwire.quotes.cues import cue_phrase_end, is_cue_verb

_TERMINATORS = frozenset({".", "!", "?"})
_AFTER_MOST = 30  # "...," a name, a long apposition (who she is, since when, where from), "said"
_BEFORE_MOST = 40


@dataclass(frozen=True)
class Cue:
    """A cue found in a context: its first and last tokens ("said"; "according" ... "to")."""

    first: Token
    last: Token

    @property
    def is_phrase(self) -> bool:
        return self.first.i != self.last.i


class Tokens:
    """Token lookup by character offset for one doc (a sorted list of token starts)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.starts = [token.idx for token in doc]

    def first_from(self, char: int) -> int:
        """Index of the first token starting at or after ``char``."""
        return bisect_left(self.starts, char)

    def at(self, char: int) -> Token:
        """The token covering (or last starting before) ``char``."""
        return self.doc[max(bisect_right(self.starts, char) - 1, 0)]

    def after(self, char: int, limit: int) -> list[Token]:
        """The tokens from ``char`` to the end of the sentence, ``limit`` or a few words."""
        found: list[Token] = []
        index = self.first_from(char)
        while index < len(self.doc) and self.doc[index].idx < limit and len(found) < _AFTER_MOST:
            token = self.doc[index]
            if token.text in _TERMINATORS:
                break
            found.append(token)
            index += 1
        return found

    def before(self, char: int, limit: int) -> list[Token]:
        """The tokens from the start of the sentence (or ``limit``) up to ``char``, in order."""
        found: list[Token] = []
        index = self.first_from(char) - 1
        while index >= 0 and self.doc[index].idx >= limit and len(found) < _BEFORE_MOST:
            token = self.doc[index]
            if token.text in _TERMINATORS:
                break
            found.append(token)
            index -= 1
        found.reverse()
        return found


def cues_in(tokens: Sequence[Token]) -> list[Cue]:
    """The cue verbs and cue phrases among ``tokens``, in order."""
    found = []
    for token in tokens:
        end = cue_phrase_end(token)
        if end is not None and end.i <= tokens[-1].i:
            found.append(Cue(token, end))
        elif is_cue_verb(token):
            found.append(Cue(token, token))
    return found
