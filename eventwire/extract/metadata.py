"""Page metadata read from an lxml tree: the facts a page states about its article.

Why our own reader and not trafilatura's: we need fields trafilatura does not return
(standfirst, section, image caption and credit, authors as a list of people), and we need
to know *where* a value came from to rank sources. A publisher's JSON-LD is written for
search engines and is the most deliberate statement, so it wins over Open Graph tags, which
win over the ``<title>`` element and loose ``<meta>`` tags. Values are returned as the page
wrote them, trimmed; only the date is normalised (ISO 8601, via ``parse_date``).

Nothing here looks at the body text, so the text-dump path can reuse the pieces that apply
(``headline_from_title``, ``split_names``) without a tree.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml.html import HtmlElement

from eventwire.extract.dates import parse_date
from eventwire.extract.shapes import reading_minutes

ARTICLE_TYPES = frozenset({"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting"})
PERSON_TYPES = frozenset({"Person"})

_SPACE = re.compile(r"\s+")
# " | Outlet", " - Outlet", " — Outlet", "Outlet > Section > ": the separators around an outlet's name.
_TITLE_SEPARATOR = re.compile(r"\s+(?:\||-|--|–|—|::|·|•|>|»)\s+")
_BY = re.compile(r"^\s*(?:by|from)\s*:?\s+", re.I)
_NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\|)\s*", re.I)
_WORD = re.compile(r"\w+")
_HEADLINE_NAME = re.compile(r"headline|title|heading", re.I)
_HEADLINE_TAGS = frozenset({"h1", "h2", "h3", "h4"})
_MIN_HEADLINE_WORDS = 3
_MAX_HEADLINE_CHARS = 300
# Class-name words of the elements that hold a standfirst or a byline ("article-deck",
# "lede", "nota-firma", "writer"); compared as whole words of the class so that
# "lead-image" is not a lede.
_CLASS_WORD = re.compile(r"[a-z]+")
_STANDFIRST_CLASSES = frozenset({"deck", "dek", "standfirst", "summary", "lede", "teaser", "subtitle", "subheadline", "bajada", "excerpt", "strapline"})
_BYLINE_CLASSES = frozenset({"byline", "author", "authors", "writer", "autor", "firma", "byl", "contributor"})
_STANDFIRST_WORDS = (5, 80)
_MAX_BYLINE_CHARS = 120


@dataclass
class PageMetadata:
    """What the page says about its article, each field the best source's value or None."""

    title: str | None = None
    site_name: str | None = None
    publisher: str | None = None
    url: str | None = None
    description: str | None = None
    published: str | None = None
    section: str | None = None
    authors: list[str] = field(default_factory=list)
    organisation_authors: list[str] = field(default_factory=list)
    image_caption: str | None = None
    image_credit: str | None = None
    standfirst: str | None = None
    bylines: list[str] = field(default_factory=list)
    reading_minutes: int | None = None


def clean(value: Any) -> str | None:
    """A trimmed one-line string, or None for empty and non-string values."""
    if not isinstance(value, str):
        return None
    text = _SPACE.sub(" ", value).strip()
    return text or None


def headline_from_title(title: str, site_names: tuple[str, ...] = ()) -> str:
    """The headline inside a page title: the outlet's name and section labels cut away.

    Outlets put their furniture before or after the headline, between separators
    (" | ", " - ", " — ", " :: "): "Headline | Outlet", "Outlet - Headline", "Headline -
    Section - Outlet". The parts that are a known site name go first; of the rest the
    longest is the headline (the first on a tie), since a section or outlet name is short.
    A title with no separator is returned as it is.
    """
    title = title.strip()
    known = {name.casefold() for name in site_names if name}
    parts = [part.strip() for part in _TITLE_SEPARATOR.split(title)]
    parts = [part for part in parts if part and part.casefold() not in known] or [title]
    return max(parts, key=lambda part: len(part.split()))


def split_names(value: str) -> list[str]:
    """Names in a byline string: "By Ann Lee and Bo Chen" gives ["Ann Lee", "Bo Chen"]."""
    names = (clean(part) for part in _NAME_SPLIT.split(_BY.sub("", value)))
    return [name for name in names if name and any(ch.isalpha() for ch in name)]


def _meta(tree: HtmlElement) -> dict[str, str]:
    """``<meta>`` contents by lower-cased property or name; the first value of a key wins."""
    found: dict[str, str] = {}
    for element in tree.iter("meta"):
        key = (element.get("property") or element.get("name") or element.get("itemprop") or "").strip().lower()
        content = clean(element.get("content"))
        if key and content and key not in found:
            found[key] = content
    return found


def _meta_all(tree: HtmlElement, key: str) -> list[str]:
    """Every content of a repeated ``<meta>`` key (``article:author`` may appear once per author)."""
    values = []
    for element in tree.iter("meta"):
        name = (element.get("property") or element.get("name") or "").strip().lower()
        content = clean(element.get("content"))
        if name == key and content:
            values.append(content)
    return values


def _json_ld_objects(tree: HtmlElement) -> Iterator[dict[str, Any]]:
    """Every JSON object in the page's JSON-LD blocks, walking ``@graph`` and lists."""
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except json.JSONDecodeError:
            continue  # a broken block is the publisher's bug; the other sources still count
        stack: list[Any] = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                yield item
                graph = item.get("@graph")
                if isinstance(graph, list):
                    stack.extend(graph)


def _types(item: dict[str, Any]) -> set[str]:
    kind = item.get("@type")
    if isinstance(kind, str):
        return {kind}
    if isinstance(kind, list):
        return {k for k in kind if isinstance(k, str)}
    return set()


def _names(value: Any) -> tuple[list[str], list[str]]:
    """(people, organisations) named by a JSON-LD author value: objects, strings or lists."""
    people: list[str] = []
    organisations: list[str] = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, str):
            people.extend(split_names(item))
        elif isinstance(item, dict) and (name := clean(item.get("name"))):
            kinds = _types(item)
            if kinds and not kinds & PERSON_TYPES:
                organisations.append(name)
            else:
                people.extend(split_names(name))
    return people, organisations


def _first_text(value: Any) -> str | None:
    """A string value, or the first string of a list (``articleSection`` is often a list)."""
    if isinstance(value, list):
        return next((text for item in value if (text := clean(item))), None)
    return clean(value)


def _image_fields(value: Any) -> tuple[str | None, str | None]:
    """(caption, credit) of a JSON-LD image value, the first image that has either."""
    for item in value if isinstance(value, list) else [value]:
        if not isinstance(item, dict):
            continue
        caption = clean(item.get("caption")) or clean(item.get("description"))
        credit = clean(item.get("creditText")) or clean(item.get("copyrightHolder"))
        if credit is None and isinstance(item.get("copyrightHolder"), dict):
            credit = clean(item["copyrightHolder"].get("name"))
        if caption or credit:
            return caption, credit
    return None, None


def _name_of(value: Any) -> str | None:
    if isinstance(value, dict):
        return clean(value.get("name"))
    if isinstance(value, list):
        return next((name for item in value if (name := _name_of(item))), None)
    return clean(value)


def _from_json_ld(tree: HtmlElement, record: PageMetadata) -> None:
    """Fill ``record`` from the first article object of the page's JSON-LD."""
    objects = list(_json_ld_objects(tree))
    article = next((item for item in objects if _types(item) & ARTICLE_TYPES), None)
    record.site_name = next((clean(item.get("name")) for item in objects if "WebSite" in _types(item)), None)
    if article is None:
        return
    record.title = clean(article.get("headline")) or clean(article.get("name"))
    record.published = parse_date(clean(article.get("datePublished")) or clean(article.get("dateCreated")))
    record.authors, record.organisation_authors = _names(article.get("author"))
    record.publisher = _name_of(article.get("publisher"))
    record.section = _first_text(article.get("articleSection"))
    record.description = clean(article.get("description"))
    record.image_caption, record.image_credit = _image_fields(article.get("image"))
    page = article.get("mainEntityOfPage")
    record.url = clean(article.get("url")) or (clean(page.get("@id")) if isinstance(page, dict) else clean(page))


def _words(text: str) -> str:
    """Case-folded words joined by single spaces and padded, for whole-word containment tests."""
    return " " + " ".join(word.casefold() for word in _WORD.findall(text)) + " "


def headline_in_page(tree: HtmlElement, page_title: str) -> str | None:
    """The page's own headline element whose words the ``<title>`` contains, the longest one.

    Old pages have no JSON-LD or Open Graph title, and their ``<title>`` wraps the headline
    in the outlet's furniture on either side ("SFGate: World Views : Headline", "Headline_
    English_Xinhua"). The headline also stands in the page as a heading (``h1``-``h4``, or an
    element named ``headline``/``title``); the one the title repeats is the real one.
    """
    title_words = _words(page_title)
    best: str | None = None
    best_size = _MIN_HEADLINE_WORDS - 1
    for element in tree.iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag not in _HEADLINE_TAGS and not _HEADLINE_NAME.search(f"{element.get('class') or ''} {element.get('id') or ''}"):
            continue
        text = clean(element.text_content())
        if not text or len(text) > _MAX_HEADLINE_CHARS:
            continue
        words = _words(text)
        size = words.count(" ") - 1
        if size > best_size and words in title_words:
            best, best_size = text, size
    return best


def _class_words(element: HtmlElement) -> set[str]:
    return set(_CLASS_WORD.findall(f"{element.get('class') or ''} {element.get('itemprop') or ''}".lower()))


def _link_text_share(element: HtmlElement, text: str) -> float:
    linked = sum(len(normalised) for link in element.iter("a") if (normalised := clean(link.text_content()) or ""))
    return linked / len(text) if text else 0.0


def page_furniture(tree: HtmlElement) -> tuple[str | None, list[str]]:
    """The standfirst and the byline texts, found by the class names pages give them.

    A standfirst is the first element so named with a sentence of text (not a card of
    links to other stories); bylines are the short texts of byline-named elements, in page
    order, for the authors and the wire agency when the metadata has neither.
    """
    standfirst: str | None = None
    bylines: list[str] = []
    for element in tree.iter("p", "div", "h2", "h3", "span", "a", "address", "li"):
        names = _class_words(element)
        if not names or not names & (_STANDFIRST_CLASSES | _BYLINE_CLASSES) or (element.get("rel") == "tag"):
            continue
        text = clean(element.text_content())
        if not text:
            continue
        if standfirst is None and names & _STANDFIRST_CLASSES:
            low, high = _STANDFIRST_WORDS
            if low <= len(text.split()) <= high and _link_text_share(element, text) < 0.5:
                standfirst = text
        elif names & _BYLINE_CLASSES and len(text) <= _MAX_BYLINE_CHARS and text not in bylines:
            bylines.append(text)
    return standfirst, bylines


def stated_reading_minutes(tree: HtmlElement) -> int | None:
    """The "4 min read" a page states in a text of its own, if any (the same shape a text dump's line has)."""
    for text in tree.xpath("//body//text()[contains(., 'read') or contains(., 'Read')]"):
        if (minutes := reading_minutes(text)) is not None:
            return minutes
    return None


def _fill(record: PageMetadata, name: str, value: str | None) -> None:
    """Set a field only when no better source has set it already."""
    if value and not getattr(record, name):
        setattr(record, name, value)


def read_metadata(tree: HtmlElement) -> PageMetadata:
    """The page's metadata, from JSON-LD, then Open Graph and ``article:`` tags, then the rest."""
    record = PageMetadata()
    _from_json_ld(tree, record)
    meta = _meta(tree)
    _fill(record, "site_name", meta.get("og:site_name") or meta.get("application-name"))
    _fill(record, "title", meta.get("og:title") or meta.get("twitter:title"))
    _fill(record, "description", meta.get("og:description") or meta.get("description") or meta.get("twitter:description"))
    _fill(record, "section", meta.get("article:section"))
    _fill(record, "url", meta.get("og:url"))
    for key in ("article:published_time", "datepublished", "pubdate", "publishdate", "date", "dc.date", "sailthru.date"):
        _fill(record, "published", parse_date(meta.get(key)))
    if not record.published:
        times = (parse_date(element.get("datetime")) for element in tree.iter("time"))
        record.published = next((iso for iso in times if iso), None)
    if not record.authors:
        people = [name for value in _meta_all(tree, "article:author") if "://" not in value for name in split_names(value)]
        record.authors = people or split_names(meta.get("author") or meta.get("byl") or "")
    canonical = next((clean(link.get("href")) for link in tree.iter("link") if (link.get("rel") or "").lower() == "canonical"), None)
    if canonical:
        record.url = canonical
    title_element = tree.find(".//title")
    page_title = clean(title_element.text_content()) if title_element is not None else None
    if page_title and not record.title:
        record.title = headline_in_page(tree, page_title) or page_title
    if not record.title:  # a fragment (an HTML field of a JSONL record): its heading is the headline
        heading = next((text for h1 in tree.iter("h1") if (text := clean(h1.text_content()))), None)
        record.title = heading if heading and len(heading) <= _MAX_HEADLINE_CHARS else None
    if record.title:
        record.title = headline_from_title(record.title, tuple(n for n in (record.site_name, record.publisher) if n))
    record.standfirst, record.bylines = page_furniture(tree)
    record.reading_minutes = stated_reading_minutes(tree)
    return record
