"""Clean bodies given as plain text (a JSONL ``text`` field): only white space is tidied.

The text is the user's own extraction, so nothing is cut; paragraphs are re-joined with one
blank line, and hard-wrapped lines inside a paragraph become one line.
"""

from __future__ import annotations

import re

from eventwire.article import Article

_BLANK_LINES = re.compile(r"\n\s*\n")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


def tidy_paragraphs(text: str) -> str:
    """Paragraphs separated by one blank line, white space inside each collapsed.

    Text with no blank line at all has one paragraph per line (the common export shape).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    blocks = _BLANK_LINES.split(text) if _BLANK_LINES.search(text) else text.split("\n")
    paragraphs = (_SPACES.sub(" ", " ".join(line.strip() for line in block.split("\n"))).strip() for block in blocks)
    return "\n\n".join(p for p in paragraphs if p)


def extract_plain_text(text: str, *, origin: str = "") -> Article:
    """An Article from an already clean body."""
    return Article(text=tidy_paragraphs(text), origin=origin, format="text")
