"""Quote marks: where quoted stretches of an article begin and end, read from the characters alone.

The parse is not trusted with quote marks (it splits sentences inside them and tags a
straight mark either way), so the stretches are found first on the text, in one pass:

- double marks: straight ``"`` (opening and closing in turn), curly ``“ ”``, and the
  typewriter pair ``` `` ``` / ``''``; single marks ``' ‘ ’`` only where they cannot be an
  apostrophe (an opening one after a space or at the start, a closing one before a space or
  punctuation) and only outside double marks, as headlines use them;
- a quote that a paragraph leaves open continues when the next paragraph opens with a quote
  mark (the wire convention for a quotation running over several paragraphs);
- otherwise an open quote ends with its paragraph (``closed=False``), so that an unbalanced
  mark never takes the rest of the article with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARKS = re.compile(r"``|''|[\"“”„‘’']")
_OPENING = frozenset({"“", "``", "„"})
_CLOSING = frozenset({"”", "''"})
_SINGLES = frozenset({"'", "‘", "’"})
_DOUBLE_OPENERS = ('"', "“", "``", "„")


@dataclass(frozen=True)
class Quoted:
    """One quoted stretch: ``start``/``end`` include its marks (``inner_start``/``inner_end``
    do not); ``paragraph`` is the number of the paragraph it opens in; ``closed`` is False
    when the paragraph ended first; ``single`` for single marks."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    paragraph: int
    closed: bool = True
    single: bool = False


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each non-blank line of ``text``: a paragraph, as extraction writes them."""
    bounds = []
    position = 0
    for line in text.split("\n"):
        if line.strip():
            bounds.append((position, position + len(line)))
        position += len(line) + 1
    return bounds


def _opens_paragraph(text: str, start: int) -> int:
    """The length of the double quote mark ``text`` has at ``start`` (after spaces), else 0."""
    stripped = text[start : start + 8].lstrip()
    offset = start + len(text[start : start + 8]) - len(stripped)
    for mark in _DOUBLE_OPENERS:
        if text.startswith(mark, offset):
            return offset - start + len(mark)
    return 0


def _single_opens(text: str, at: int) -> bool:
    before = text[at - 1] if at else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    return (before.isspace() or before in "([—-") and after.isalnum()


def _single_closes(text: str, at: int) -> bool:
    before = text[at - 1] if at else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    return not before.isspace() and not after.isalnum()


def quoted_stretches(text: str) -> list[Quoted]:
    """Every quoted stretch of ``text``, in order (linear in its length)."""
    found: list[Quoted] = []
    paragraphs = paragraph_bounds(text)
    # an open quote: (start of its opening mark, end of it, paragraph it opened in, single)
    open_at: tuple[int, int, int, bool] | None = None
    for number, (start, end) in enumerate(paragraphs):
        skip_to = start
        if open_at is not None:  # left open by the previous paragraph, which said it goes on
            skip_to = start + _opens_paragraph(text, start)
        for match in _MARKS.finditer(text, skip_to, end):
            mark, at = match.group(), match.start()
            if mark in _SINGLES:
                if open_at is None and mark != "’" and _single_opens(text, at):
                    open_at = (at, match.end(), number, True)
                elif open_at is not None and open_at[3] and mark != "‘" and _single_closes(text, at):
                    found.append(Quoted(open_at[0], match.end(), open_at[1], at, open_at[2], single=True))
                    open_at = None
                continue
            if open_at is not None and open_at[3]:  # a double mark inside single ones: the singles were apostrophes
                open_at = None
            if open_at is None:
                if mark not in _CLOSING:  # a closing mark with nothing open is a stray one
                    open_at = (at, match.end(), number, False)
            elif mark in _OPENING:  # opened again: the earlier opening was unbalanced
                found.append(Quoted(open_at[0], at, open_at[1], at, open_at[2], closed=False))
                open_at = (at, match.end(), number, False)
            else:
                found.append(Quoted(open_at[0], match.end(), open_at[1], at, open_at[2]))
                open_at = None
        if open_at is None:
            continue
        following = paragraphs[number + 1][0] if number + 1 < len(paragraphs) else None
        if open_at[3] or following is None or not _opens_paragraph(text, following):
            found.append(Quoted(open_at[0], end, open_at[1], end, open_at[2], closed=False, single=open_at[3]))
            open_at = None
    return found
