"""Stage 2: a document in, a clean article with metadata out.

Each format has its own extractor (``html``, ``textdump``, ``plaintext``); this module picks
one, lays the caller's own metadata (a JSONL record's url, title, date) over what was
found, dates a page that states no date by its capture (a WARC's), and records the
language. The caller gets the article and its warnings, or a coded exception.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from eventwire.article import Article
from eventwire.errors import NoArticleText, NotEnglish, PageCut, Problem, TruncatedHtml
from eventwire.extract.dates import parse_date
from eventwire.extract.html import extract_html
from eventwire.extract.language import detect_language
from eventwire.extract.plaintext import extract_plain_text
from eventwire.extract.textdump import extract_text_dump
from eventwire.ingest import Document, Format

ENGLISH = "en"
_HTML_CLOSED = re.compile(r"</(?:html|body)\s*>\s*(?:<!--.*?-->\s*)*$", re.I | re.S)
_WHOLE_PAGE = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype|html)\b", re.I | re.S)


def _is_truncated_page(html: str) -> bool:
    """A whole page (doctype or <html> first) that never closes; fragments are not pages."""
    return bool(_WHOLE_PAGE.match(html[:4096])) and not _HTML_CLOSED.search(html[-4096:])


@dataclass
class Extraction:
    """An extracted article and the warnings met on the way (``problems``)."""

    article: Article
    problems: list[Problem] = field(default_factory=list)

    @property
    def is_english(self) -> bool:
        """Unknown language (too short to tell) counts as English: it is the corpus default."""
        return self.article.language in (None, ENGLISH)


def _apply_metadata(article: Article, metadata: dict[str, object]) -> None:
    for key in ("url", "title", "section", "source"):
        value = metadata.get(key)
        if isinstance(value, str) and value.strip():
            setattr(article, key, value.strip())
    published = metadata.get("published")
    if isinstance(published, str):
        article.published = parse_date(published) or article.published
    captured = metadata.get("captured")  # when a crawler fetched the page: the last resort
    if article.published is None and isinstance(captured, str):
        article.published = parse_date(captured)
    authors = metadata.get("authors")
    if isinstance(authors, list) and all(isinstance(a, str) for a in authors):
        article.authors = [a for a in authors if a.strip()]
    elif isinstance(authors, str) and authors.strip():
        article.authors = [authors.strip()]


MAX_PAGE_CHARS = 8_000_000
"""Longest page markup extracted; a longer page is cut (W203). trafilatura's extraction grows
faster than the page: a 50 MB page took 190 s and 1.7 GB, far past any news page (under
5 MB), and a body longer than the parse's limit (``nlp.MAX_CHARS``) is cut there anyway."""


def extract(document: Document) -> Extraction:
    """Extract the article in ``document``.

    Raises ``NoArticleText`` (E201) when there is no body. A non-English article is returned
    with its language set and a ``NotEnglish`` (E202) problem, so that it is stored and
    reported but never passed to the English stages.
    """
    origin = document.origin
    problems = list(document.problems)
    url = document.metadata.get("url")
    if document.format is Format.HTML:
        markup = document.content
        if len(markup) > MAX_PAGE_CHARS:
            markup = markup[:MAX_PAGE_CHARS]
            problems.append(PageCut(f"{len(document.content):,} characters, cut at {MAX_PAGE_CHARS:,}", origin=origin).problem())
        article = extract_html(markup, url=url if isinstance(url, str) else None, origin=origin)
        if _is_truncated_page(document.content):
            problems.append(TruncatedHtml("no closing </body> or </html>", origin=origin).problem())
    elif document.format is Format.TEXTDUMP and detect_language(document.content) in (None, ENGLISH):
        article = extract_text_dump(document.content, origin=origin)
    else:
        # Plain text, or a dump in another language: the furniture rules read English cues,
        # so a foreign dump is kept whole, its language recorded, and reported below.
        article = extract_plain_text(document.content, origin=origin)
    if not article.text.strip():
        raise NoArticleText("the body is empty", origin=origin)
    _apply_metadata(article, document.metadata)
    article.origin = origin
    article.language = detect_language(article.text)
    extraction = Extraction(article, problems)
    if not extraction.is_english:
        extraction.problems.append(NotEnglish(f"language {article.language}", origin=origin).problem())
    return extraction


__all__ = ["Extraction", "extract"]
