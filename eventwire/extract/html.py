"""An Article from a news page's HTML: the clean body and what the page says about it.

The steps, each in its own module, all on one lxml tree parsed once:

1. ``metadata``: JSON-LD, Open Graph and ``article:`` tags, ``<title>``, ``<time>``, bylines;
   ``images``: the lead image's caption and credit.
2. ``related``: headlines of related-story link blocks (metadata, never text).
3. ``candidates``: bodies from trafilatura (precision mode; balanced mode without tables)
   and a readability-style scorer, and the one that agrees most with the others (the
   second trafilatura run only when the other two disagree).
4. ``furniture``: the headline, standfirst, bylines, datelines, share bars, captions and
   copyright lines that the chosen body still holds, removed and read for metadata.
5. ``wire``: the agency behind the story, if the page names one; else the outlet.

Why three extractors rather than one: on our evaluation pages neither trafilatura nor
readability wins everywhere (each loses whole pages the other gets right), and the vote
between them beats both; see ``python -m eventwire.eval extraction``.
"""

from __future__ import annotations

import re

from lxml.etree import ParserError


from eventwire.article import Article
from eventwire.errors import NoArticleText
from eventwire.extract.agencies import wire_agencies
from eventwire.extract.candidates import best_body
from eventwire.extract.dates import parse_date
from eventwire.extract.furniture import Furniture, Stripped, read_more_headlines, strip_furniture
from eventwire.extract.htmltree import parse_html
from eventwire.extract.images import credit_in, lead_image
from eventwire.extract.metadata import PageMetadata, read_metadata, split_names
from eventwire.extract.related import related_headlines
from eventwire.extract.wire import wire_agency

# Words that make a byline part a role or a desk rather than a person's name.
_NOT_A_PERSON = frozenset(
    """staff agencies agency editor editors correspondent correspondents reporter reporters writer writers news
    service services desk team bureau online newsroom wire wires contributor contributors media press
    associate senior chief political foreign sports business""".split()
)
_MAX_NAME_WORDS = 5
# An article has at least one sentence-length paragraph; a body of short lines only is a
# menu, a tag list or a gallery, whatever an extractor made of it. Characters count too:
# Japanese or Chinese prose has no spaces between words.
MIN_PROSE_WORDS = 8
MIN_PROSE_CHARS = 50
_PARENTHESES = re.compile(r"\s*\([^)]*\)")


def _is_person(name: str) -> bool:
    words = name.split()
    return (
        0 < len(words) <= _MAX_NAME_WORDS
        and name[0].isupper()
        and wire_agencies().canonical(name) is None
        and not any(ch.isdigit() or ch in "@/:" for ch in name)
        and not any(word.casefold().strip(".,") in _NOT_A_PERSON for word in words)
    )


def people(names: list[str]) -> list[str]:
    """The names that are people's: agencies, desks and roles left out, repeats removed."""
    found: dict[str, None] = {}
    for name in names:
        name = _PARENTHESES.sub("", name).strip(" ,;")
        if _is_person(name):
            found.setdefault(name, None)
    return list(found)


def _is_prose(paragraph: str) -> bool:
    return len(paragraph.split()) >= MIN_PROSE_WORDS or len(paragraph) >= MIN_PROSE_CHARS


def _article(stripped: Stripped, meta: PageMetadata, related: list[str], *, url: str | None, origin: str) -> Article:
    bylines = meta.bylines + stripped.of_kind(Furniture.BYLINE)
    credit_lines = bylines + stripped.of_kind(Furniture.DATELINE, Furniture.COPYRIGHT)
    agency = wire_agency(
        stripped.paragraphs, credit_lines=credit_lines, author_fields=meta.organisation_authors + meta.authors
    )
    authors = people(meta.authors) or people([name for line in bylines for name in split_names(line)])
    published = meta.published or next(
        (iso for line in stripped.of_kind(Furniture.DATELINE, Furniture.BYLINE) if (iso := parse_date(line))), None
    )
    caption = meta.image_caption or next(iter(stripped.of_kind(Furniture.CAPTION)), None)
    read_more = [headline for line in stripped.of_kind(Furniture.READ_MORE) for headline in read_more_headlines(line)]
    return Article(
        text="\n\n".join(stripped.paragraphs),
        url=url or meta.url,
        title=meta.title,
        deck=meta.description or meta.standfirst,
        published=published,
        section=meta.section,
        source=agency or meta.site_name or meta.publisher,
        authors=authors,
        image_credit=meta.image_credit or (credit_in(caption) if caption else None),
        caption=caption,
        reading_minutes=meta.reading_minutes,
        related_headlines=list(dict.fromkeys(related + read_more)),
        origin=origin,
        format="html",
    )


def extract_html(html: str, *, url: str | None = None, origin: str = "") -> Article:
    """The article in ``html``, with the page's metadata.

    ``url`` is where the page was read from; without it the page's canonical URL is used.
    Raises ``NoArticleText`` (E201) when no extractor finds a body, or the body is furniture only.
    """
    try:
        tree = parse_html(html)
    except ParserError as error:  # lxml finds no element at all (an empty or blank page)
        raise NoArticleText(f"the page holds no markup or text ({error})", origin=origin) from error
    meta = read_metadata(tree)
    if meta.image_caption is None or meta.image_credit is None:
        caption, credit = lead_image(tree)
        meta.image_caption, meta.image_credit = meta.image_caption or caption, meta.image_credit or credit
    related = related_headlines(tree)
    body = list(best_body(tree, url=url).paragraphs)
    if not body:
        raise NoArticleText("no extractor found a body on the page", origin=origin)
    decks = tuple(deck for deck in (meta.description, meta.standfirst) if deck)
    stripped = strip_furniture(body, title=meta.title, caption=meta.image_caption, decks=decks, related=related)
    if not any(_is_prose(paragraph) for paragraph in stripped.paragraphs):
        raise NoArticleText("the page holds only headlines, bylines and links", origin=origin)
    return _article(stripped, meta, related, url=url, origin=origin)
