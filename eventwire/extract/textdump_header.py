"""Metadata from the lines around a text dump's body: what the page's furniture tells.

The body finder has named the furniture (``textdump_roles``); here it is read: the deck
under the headline, the date and the section of the header line, the byline's authors,
the reading time, the photo caption and its credit, the source (a wire agency or the
outlet), and the headlines of the related stories the page links to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from eventwire.extract.agencies import wire_agencies
from eventwire.extract.shapes import reading_minutes
from eventwire.extract.textdump_furniture import (
    byline_names,
    date_line,
    dateline_agency,
    furniture_cues,
    source_line,
    split_credit,
)
from eventwire.extract.textdump_lines import DumpLine, Kind
from eventwire.extract.textdump_roles import (
    BYLINE,
    CAPTION,
    CREDIT,
    DATE,
    DECK,
    DROP,
    END,
    HEADER_ROLES,
    LIST,
    READING,
    RELATED,
    RELATED_MAX_WORDS,
    SOURCE,
    TITLE,
)

HEADER_LOOKBACK = 12  # lines above the body searched for date, byline, caption when no title is found
ABOVE_TITLE = 4  # a date, section or reading-time line may stand just above the headline
DECK_MAX_WORDS = 60
RELATED_LIMIT = 60


@dataclass
class Header:
    """What the lines around the body say about the article."""

    title: str | None = None
    title_index: int | None = None
    deck: str | None = None
    published: str | None = None
    section: str | None = None
    authors: list[str] = field(default_factory=list)
    source: str | None = None
    caption: str | None = None
    image_credit: str | None = None
    reading_minutes: int | None = None


def find_deck(lines: list[DumpLine], body: list[DumpLine], header: Header) -> None:
    """The deck: a sentence under the headline that header furniture parts from the body.

    Layouts put headline, deck, byline or date or photo, then the article; so the first
    prose line right under the title counts as the deck only when such furniture follows
    it before the next paragraph. Without that separation, or with a byline or a date
    between it and the headline, it is the article's first paragraph.
    """
    if header.title_index is None:
        return
    after_title = [line for line in lines[header.title_index + 1 :] if line.role is None and line.kind != Kind.SHORT]
    if not after_title:
        return
    first = after_title[0]
    if first.kind < Kind.NEAR or first.words > DECK_MAX_WORDS or dateline_agency(first.text):
        return
    if any(line.role in HEADER_ROLES for line in lines[header.title_index + 1 : first.index]):
        return  # byline or date under the headline: what follows is the article
    next_body = next((line for line in body if line.index > first.index), None)
    if next_body is None:
        return
    between = lines[first.index + 1 : next_body.index]
    if not any(line.role in HEADER_ROLES for line in between):
        return
    first.role = DECK
    header.deck = first.text
    if body and body[0] is first:
        body.pop(0)


def read_header(lines: list[DumpLine], body: list[DumpLine], header: Header) -> None:
    """Date, section, authors, reading time, caption and credit from the lines about the body."""
    start = body[0].index
    zone = lines[_header_top(header, start) : start]
    inside = [line for line in lines[start : body[-1].index + 1] if line.role in (CAPTION, CREDIT, DATE, BYLINE)]
    for line in zone:
        _read_date(line, header)
        if header.reading_minutes is None and line.role in (READING, DATE, None):
            header.reading_minutes = reading_minutes(line.text)
        if line.role == BYLINE and not header.authors:
            header.authors = _authors(line.text, header)
    if header.published is None:
        for line in inside:
            _read_date(line, header)
    for line in [*zone, *inside]:
        if line.role in (CAPTION, CREDIT) and header.image_credit is None:
            _read_caption(lines, line, header)
    if header.section is None:
        header.section = _section_above_title(lines, header)


def _header_top(header: Header, body_start: int) -> int:
    """Where the article's header begins: a few lines above the headline, or above the body."""
    if header.title_index is not None and header.title_index < body_start:
        return max(0, header.title_index - ABOVE_TITLE)
    return max(0, body_start - HEADER_LOOKBACK)


def _read_date(line: DumpLine, header: Header) -> None:
    if line.role not in (DATE, BYLINE, None) or line.kind >= Kind.GOOD:
        return
    found = date_line(line.text)
    if found is None:
        return
    if header.published is None:
        header.published = found.iso
    rest = found.rest
    if rest and header.section is None and _looks_like_section(rest):
        header.section = rest
    elif rest and header.source is None and wire_agencies().canonical(rest):
        header.source = wire_agencies().canonical(rest)


def _looks_like_section(text: str) -> bool:
    """A section name: one to three words of letters, not a label or an agency."""
    words = text.split()
    return (
        1 <= len(words) <= 3
        and all(re.fullmatch(r"[^\W\d_][\w&'’-]*", w) for w in words)
        and wire_agencies().canonical(text) is None
        and furniture_cues().kind_of(text) is None
        and text.lower() not in ("by", "on", "at", "and")
    )


def _authors(text: str, header: Header) -> list[str]:
    """Names of a byline; an agency named there is the source instead."""
    names = byline_names(text) or []
    authors = []
    for name in names:
        agency = wire_agencies().canonical(name)
        if agency:
            header.source = header.source or agency
        else:
            authors.append(name)
    return authors


def _read_caption(lines: list[DumpLine], line: DumpLine, header: Header) -> None:
    """Caption and credit from a caption line, or from a credit line and the caption above it."""
    credit = split_credit(line.text)
    header.image_credit = credit.credit if credit else None
    caption = credit.caption if credit else line.text
    if not caption and line.index > 0:
        above = lines[line.index - 1]
        if above.role in (None, CAPTION) and above.kind >= Kind.NEAR and above.index != header.title_index:
            caption = above.text
            above.role = CAPTION
    caption = _strip_caption_label(caption)
    header.caption = caption or None


_CAPTION_LABEL = re.compile(r"^(?:above|pictured|photo|image|caption|file photo|file)\s*[:\-–—]\s*", re.I)


def _strip_caption_label(text: str) -> str:
    return _CAPTION_LABEL.sub("", text.strip()).strip()


SECTION_SEARCH_LINES = 3


def _section_above_title(lines: list[DumpLine], header: Header) -> str | None:
    """A short label above the headline ("WORLD", "Asia Pacific"): the page's section.

    A date or reading-time line may stand between the label and the headline.
    """
    if header.title_index is None:
        return None
    for above in reversed(lines[max(0, header.title_index - SECTION_SEARCH_LINES) : header.title_index]):
        if above.role in (DATE, READING):
            continue
        if above.role is None and above.words <= 3 and _looks_like_section(above.text):
            return above.text
        return None
    return None


SIGN_OFF_LINES = 3


def find_source(lines: list[DumpLine], body: list[DumpLine], header: Header) -> str | None:
    """The wire agency (or outlet) the article comes from.

    In order of trust: a "Source: X" line after the body, the dateline that opens it
    ("MANILA, Nov. 24 (Xinhua) --"), an agency signing off under it ("— AFP"), a byline or
    date line naming an agency, and last the outlet named in the page title.
    """
    agencies = wire_agencies()
    for line in lines[body[0].index : min(len(lines), body[-1].index + 6)]:
        if line.role == SOURCE:
            named = source_line(line.text) or ""
            return agencies.canonical(named) or agencies.find_in(named) or named
    for line in body[:3]:
        agency = dateline_agency(line.text)
        if agency:
            return agency
    for line in lines[body[-1].index + 1 : body[-1].index + 1 + SIGN_OFF_LINES]:
        agency = agencies.canonical(line.text.strip("—–-() ")) if line.words <= 3 else None
        if agency:
            return agency  # "— AFP" or a bare "AFP" signing off the article
    if header.source:
        return header.source
    for line in lines[_header_top(header, body[0].index) : body[0].index]:
        if line.words <= 3 and line.role is None:
            agency = agencies.canonical(line.text)
            if agency:
                return agency
    return _outlet_from_page_title(lines, header)


_OUTLET_SEPARATOR = re.compile(r"(?:^|\s+)(?:[|–—»:>]|-{1,2}|::)\s+|_")


def _outlet_from_page_title(lines: list[DumpLine], header: Header) -> str | None:
    """The outlet the page title names beside the headline ("Headline | Outlet", "Outlet: Headline")."""
    if not lines or not header.title:
        return None
    page_title, title = lines[0].text, header.title
    if page_title.lower().startswith(title.lower()):
        parts = _OUTLET_SEPARATOR.split(page_title[len(title) :])
        outlet = next((part.strip() for part in reversed(parts) if part.strip()), None)
    elif page_title.lower().endswith(title.lower()):
        parts = _OUTLET_SEPARATOR.split(page_title[: -len(title)])
        outlet = next((part.strip() for part in parts if part.strip()), None)
    else:
        return None
    if not outlet:
        return None
    return wire_agencies().canonical(outlet) or outlet


# --- related headlines -----------------------------------------------------------------

_TIMESTAMP = re.compile(
    r"^\s*(?:\d+\s*(?:min|mins|minutes|hours?|hrs?|days?|weeks?)\s+ago|updated.*|\d{1,2}:\d{2}.*)$", re.I
)


def related_headlines(lines: list[DumpLine], body: list[DumpLine]) -> list[str]:
    """Headlines of other stories: inline "Related: ..." links and the lists after the article."""
    cues = furniture_cues()
    found: list[str] = []
    start = body[0].index
    in_list = False
    misses = 0
    for line in lines[start:]:
        if len(found) >= RELATED_LIMIT:
            break
        inline = (cues.related_headline(line.text) or line.text) if line.role == RELATED else None
        if inline:
            found.append(inline)
            continue
        if line.index <= body[-1].index:
            continue
        if line.role == LIST:
            in_list, misses = True, 0
        elif line.role == END:
            in_list = False
        elif in_list and _looks_like_headline(line):
            found.append(line.text)
            misses = 0
        elif in_list and line.role not in (BYLINE, DATE, DROP):
            misses += 1
            in_list = misses < 3
    return list(dict.fromkeys(_LIST_NUMBER.sub("", headline) for headline in found))


_LIST_NUMBER = re.compile(r"^\s*(?:\d{1,2}[.)]|#\d{1,2}|[•·*–—-])\s+")


def _looks_like_headline(line: DumpLine) -> bool:
    if line.role not in (None, TITLE) or line.kind == Kind.JUNK:
        return False
    if not 3 <= line.words <= RELATED_MAX_WORDS or _TIMESTAMP.match(line.text):
        return False
    return not (line.text.endswith(".") and line.words > 12)
