"""Page furniture inside an extracted body: lines that are about the article, not of it.

Extractors keep the block that holds the story, and with it the lines a page puts around
the paragraphs: the headline again, the byline and dateline, "Print | E-mail this story",
"Click photo to enlarge", the copyright notice, a bar of section links, "Read more: ...".
None of it is news, and an event coder that read it would code headlines of other stories
or an agency's copyright notice. Each test here looks at one paragraph's *shape* (how
short, which kind of words), not at any outlet's wording, so it carries over to pages we
have not seen.

The text-dump path names the same kinds of line with recognisers of its own
(``textdump_furniture``), stricter because a dump line has no markup and no extractor has
cut the page before. The two paths share the agency table (``agencies``) and the
reading-time line (``shapes``).

A paragraph is only ever classified whole: a real sentence that mentions a date, an agency
or "print" is long and mostly ordinary words, and stays.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum

from eventwire.extract.agencies import wire_agencies
from eventwire.extract.dates import MONTHS

_WORD = re.compile(r"[^\W_]+")


class Furniture(Enum):
    """Why a paragraph is not body text."""

    TITLE = "title"
    DECK = "deck"
    BYLINE = "byline"
    DATELINE = "dateline"
    UTILITY = "utility"
    COPYRIGHT = "copyright"
    LINK_BAR = "link bar"
    CAPTION = "caption"
    READ_MORE = "read more"


# Words of the agencies' names (``wire_agencies.tsv``): a short line of them names the wire, not news.
_AGENCY_WORDS = wire_agencies().words
_DATE_WORDS = frozenset(
    list(MONTHS)
    + "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun".split()
    + "am pm a m p gmt utc bst est edt cst cdt mst mdt pst pdt et ct pt ist cet cest jst aest hkt".split()
    + "st nd rd th posted updated published last modified created on at date time first".split()
)
# Words of the controls pages put around a story. A short paragraph made mostly of these
# (and no sentence) is a control bar, not text.
_UTILITY_WORDS = frozenset(
    """print printable printer friendly version email e mail mail send share shares sharing this article story
    page to a an the friend friends comment comments commenting post posted reply replies read more view views
    click here tap subscribe subscription subscribers tweet facebook twitter whatsapp linkedin reddit pinterest
    flipboard messenger telegram copy link save saved bookmark bookmarks related stories articles links
    advertisement advertisements advertising ad ads sponsored top back home font size text larger smaller
    increase decrease reset your say have rss feed feeds photo photos image images picture pictures gallery
    galleries video videos watch listen audio play follow us on sign up in newsletter newsletters log login
    register next previous prev of see also recommended for you loading enlarge larger full screen caption hide
    show toggle open close menu search go report abuse rate rating discuss discussion join conversation leave
    write letter editor contact reprints permissions license licensing buy order jump skip navigation all
    opinions opinion most popular read latest news headlines topics tags tagged filed under source sources""".split()
)
_COPYRIGHT = re.compile(
    r"©|\(c\)\s*(?:19|20)\d\d|\bcopyright\s*(?:\(c\)\s*)?(?:19|20)\d\d|\ball rights reserved\b|"
    r"may not be (?:re)?published, broadcast|\bmay not be reproduced\b",
    re.I,
)
# A paragraph that ends in a dash leads into the next one ("WASHINGTON, Dec. 30 (UPI) --").
_LEAD_IN = re.compile(r"(?:--|-|–|—)\s*$")
_BYLINE = re.compile(r"^(?:by|from|written by)\s*:?\s+\S", re.I)
_READ_MORE = re.compile(
    r"^(?:read more|read also|also read|see also|more|related|recommended|watch|listen|more on this story|"
    r"related (?:story|stories|article|articles|coverage|content|links)|more (?:stories|news|from [^:]{1,40}))\s*[:>»|–—-]\s*(?P<headline>.+)$",
    re.I,
)
_CREDIT = re.compile(
    r"(?:\((?:[A-Z][\w.]*\s)?(?:photo|picture|image|file|video)s?\s*[:/][^)]{1,60}\)|"
    r"\b(?:photo|picture|image|illustration)\s*(?:credit)?\s*:\s*[^.]{1,60}$|"
    r"\b(?:getty images|shutterstock|afp via getty images|reuters/[A-Z][^.]{1,40}|ap photo/[^)]{1,40})\s*\)?\s*$)",
    re.I,
)
_YEAR = re.compile(r"(?:19|20)\d\d")
_CLOCK = re.compile(r"\b[0-2]?\d:[0-5]\d\b")
_PIPE = re.compile(r"\s*[|•·»]\s*")
MAX_SHORT_WORDS = 12
# The dateline that opens a story: a place in capitals, maybe a date and an agency, a dash.
_DATELINE_LEAD = re.compile(r"^[A-Z][A-Z.'’ -]{2,40}(?:,\s*[A-Z][\w.'’ -]{1,40})?\s*(?:\([^)]{1,40}\)\s*)?(?:—|–|--|-)\s")
_DATELINE_WITHIN = 4


def dateline_length(paragraph: str) -> int:
    """How many characters of ``paragraph`` are the dateline that opens it ("KYIV, Ukraine —
    "), 0 when it opens with none. The coders skip these words: the place a story was
    filed from is not a party to its events."""
    found = _DATELINE_LEAD.match(paragraph)
    return found.end() if found else 0


def words(text: str) -> list[str]:
    """Letters-and-digits words of ``text``, case-folded."""
    return [word.casefold() for word in _WORD.findall(text)]


def _share(tokens: list[str], vocabulary: frozenset[str]) -> float:
    return sum(1 for token in tokens if token in vocabulary) / len(tokens) if tokens else 0.0


def _is_dateline(paragraph: str, tokens: list[str]) -> bool:
    """A date or time and little else: "Updated: 8:49 am EST January 23, 2008", "Reuters - 12 May 2019".

    Only dropped, not read (``html`` parses the date); a dump's ``date_line`` also reads
    what stands beside the date, so it allows more words there.
    """
    if not any(token in MONTHS or _YEAR.fullmatch(token) for token in tokens) and not _CLOCK.search(paragraph):
        return False
    known = sum(1 for token in tokens if token.isdigit() or token in _DATE_WORDS or token in _AGENCY_WORDS)
    return len(tokens) - known <= 1 or known / len(tokens) >= 0.75


def _is_agency_line(tokens: list[str]) -> bool:
    """An agency's name alone ("Reuters", "Staff and agencies", "By CP").

    Any short run of the agencies' words and desk words counts, naming one agency or none:
    the line is only dropped here, and ``wire`` names the agency. (The dump path instead
    looks a line up as one agency's exact name, ``Agencies.canonical``, to name its source.)
    """
    rest = [t for t in tokens if t not in _AGENCY_WORDS and t not in {"by", "and", "staff", "agencies", "wire", "services", "news", "service", "the", "writer"}]
    return len(tokens) <= 6 and not rest


def _is_link_bar(paragraph: str) -> bool:
    """Three or more short items between pipes or bullets: a bar of section links."""
    items = [item for item in _PIPE.split(paragraph) if item.strip()]
    return len(items) >= 3 and sum(len(item.split()) for item in items) / len(items) <= 3


def same_text(a: str, b: str) -> bool:
    """True when two strings have the same words in the same order (case and punctuation aside)."""
    return bool(a and b) and words(a) == words(b)


def classify(
    paragraph: str, *, title: str | None = None, caption: str | None = None, decks: tuple[str, ...] = ()
) -> Furniture | None:
    """The kind of furniture ``paragraph`` is, or None when it is body text.

    ``title``, ``caption`` and ``decks`` (the standfirst as the metadata and the page give
    it) are texts the page states elsewhere: a paragraph that repeats one is that, not body.
    """
    tokens = words(paragraph)
    if not tokens:
        return Furniture.UTILITY
    if title and same_text(paragraph, title):
        return Furniture.TITLE
    if any(same_text(paragraph, deck) for deck in decks):
        return Furniture.DECK
    if caption and same_text(paragraph, caption):
        return Furniture.CAPTION
    if _READ_MORE.match(paragraph) and len(tokens) <= 25:
        return Furniture.READ_MORE
    if _COPYRIGHT.search(paragraph) and len(tokens) <= 60:
        return Furniture.COPYRIGHT
    if _is_link_bar(paragraph):
        return Furniture.LINK_BAR
    if len(tokens) > MAX_SHORT_WORDS or _LEAD_IN.search(paragraph):
        return Furniture.CAPTION if _CREDIT.search(paragraph) else None
    if _BYLINE.match(paragraph) or _is_agency_line(tokens):
        return Furniture.BYLINE
    if _is_dateline(paragraph, tokens):
        return Furniture.DATELINE
    if _share(tokens, _UTILITY_WORDS) >= 0.75:
        return Furniture.UTILITY
    if _CREDIT.search(paragraph):
        return Furniture.CAPTION
    return None


def read_more_headlines(paragraph: str) -> list[str]:
    """The headlines a "Read more: ..." line points to ("See also: A | B" points to two)."""
    found = _READ_MORE.match(paragraph)
    if not found:
        return []
    return [headline for part in _PIPE.split(found.group("headline")) if (headline := part.strip())]


@dataclass
class Stripped:
    """A body without its furniture, and the furniture removed (kept: it carries metadata)."""

    paragraphs: list[str]
    removed: list[tuple[Furniture, str]] = field(default_factory=list)

    def of_kind(self, *kinds: Furniture) -> list[str]:
        return [text for kind, text in self.removed if kind in kinds]


def strip_furniture(
    paragraphs: Iterable[str],
    *,
    title: str | None = None,
    caption: str | None = None,
    decks: tuple[str, ...] = (),
    related: Iterable[str] = (),
) -> Stripped:
    """Split ``paragraphs`` into body text and furniture; a related story's headline is furniture too.

    A paragraph that repeats the deck is furniture only before the dateline that opens the
    story ("MANILA — ..."): pages often copy their lead paragraph into the description, and
    then it is the story's first paragraph, not a standfirst above it.
    """
    paragraphs = list(paragraphs)
    related_words = {tuple(words(headline)) for headline in related}
    opening = next((i for i, text in enumerate(paragraphs[:_DATELINE_WITHIN]) if _DATELINE_LEAD.match(text)), 0)
    result = Stripped([])
    for index, paragraph in enumerate(paragraphs):
        kind = classify(paragraph, title=title, caption=caption, decks=decks if index < opening else ())
        if kind is None and tuple(words(paragraph)) in related_words:
            kind = Furniture.READ_MORE
        if kind is None:
            result.paragraphs.append(paragraph)
        else:
            result.removed.append((kind, paragraph))
    return result
