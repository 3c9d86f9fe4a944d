"""The article record: what extraction produces and every later stage reads.

One record per article, whatever the input format. ``id`` is a hash of the normalised body
text so that the same article read from a page, a text dump or a JSONL line is the same
article (the store relies on this for idempotent ingest).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from eventwire.records import record_dict

_SPACE = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """Canonical form of a body for hashing: NFKC, case-folded, white space collapsed.

    Typography that differs between renderings of one article (curly vs straight quotes are
    kept, but non-breaking spaces and line wrapping are not) must not change the id.
    """
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()


def article_id(text: str) -> str:
    """Stable 16-hex-digit id of an article body."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()[:16]


@dataclass
class Article:
    """A clean article with its metadata.

    ``text`` holds the body only, paragraphs separated by one blank line. Page furniture that
    is still informative (headlines of related stories) is kept apart in
    ``related_headlines`` and must never be coded as news.
    """

    text: str
    id: str = ""
    url: str | None = None
    title: str | None = None
    deck: str | None = None
    published: str | None = None
    section: str | None = None
    source: str | None = None
    authors: list[str] = field(default_factory=list)
    image_credit: str | None = None
    caption: str | None = None
    reading_minutes: int | None = None
    language: str | None = None
    related_headlines: list[str] = field(default_factory=list)
    origin: str = ""
    format: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            self.id = article_id(self.text)

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.text.split("\n\n") if p.strip()]

    @property
    def word_count(self) -> int:
        return len(self.text.split())

    def to_dict(self) -> dict[str, Any]:
        return record_dict(self)
