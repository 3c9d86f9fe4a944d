"""Articles from scraped text dumps: the plain text a scraper saved from a news page.

A dump has the article's paragraphs somewhere in the middle of everything else the page
showed: navigation, the headline (often twice), a deck, a byline and a date, photo captions
with credits, "Related" links, a list of other stories, comments and footers. The parser
finds the body the way a reader does, without knowing the outlet:

1. every line is measured and classified by how much it reads like prose
   (``textdump_lines``), and furniture is named, from cue phrases and shapes
   (``textdump_furniture``) and from the patterns the page draws across lines: comment
   threads, lists of other stories, teasers (``textdump_roles``);
2. the body is the densest run of prose: the stretch of lines with the best sum of scores
   (prose counts for, furniture against), never crossing the heading of a comment section
   and crossing a list heading only for much more prose;
3. inside that run, short lines are kept when prose surrounds them (a one-line paragraph,
   a quote, a sub-heading), and furniture and boilerplate printed twice are dropped;
4. what the furniture says becomes metadata: the headline (``textdump_title``), deck,
   date, section, authors, source, photo caption and credit, reading time, and the
   headlines of related stories (``textdump_header``).

Raises ``NoArticleText`` (E201) when a dump holds no prose that could be an article.
"""

from __future__ import annotations

from dataclasses import dataclass

from eventwire.article import Article
from eventwire.errors import NoArticleText
from eventwire.extract.textdump_header import Header, find_deck, find_source, read_header, related_headlines
from eventwire.extract.textdump_lines import DumpLine, Kind, split_lines
from eventwire.extract.textdump_roles import (
    BARRIER_ROLES,
    BYLINE,
    DATE,
    DROP,
    END,
    LIST,
    READING,
    RELATED,
    SOURCE,
    TEASER,
    TITLE,
    mark_furniture,
)
from eventwire.extract.textdump_title import find_title, key, last_headline_index

FORMAT = "textdump"
MIN_BODY_WORDS = 12  # less than a sentence or two is not an article

# Scores of the densest-run search: prose weighs by its length, furniture against.
NEAR_WEIGHT = 0.5
SHORT_PENALTY = 1.0
FURNITURE_PENALTY = 2.0
JUNK_PENALTY = 3.0
BAD_PENALTY = 3.0
BAD_PENALTY_PER_WORD = 1 / 3
ARTICLE_SCORE = 100.0  # a run scoring this much is an article: what follows its end is not
AFTER_LIST_WEIGHT = 0.35  # prose after a list heading that follows an article
AFTER_END_WEIGHT = 0.1  # prose after a comments heading that follows an article
LIST_PENALTY = 25.0  # a list heading inside an article (a "Related" box) is crossed only for much more prose
CONTEXT_MAX_WORDS = 20  # a line longer than this is not a heading or a short paragraph


@dataclass
class Region:
    """A run of lines ``start``..``end`` (inclusive) and its score."""

    start: int
    end: int
    score: float


def extract_text_dump(text: str, *, origin: str = "") -> Article:
    """The article in a scraped text dump: clean body and the metadata around it."""
    lines = split_lines(text)
    mark_furniture(lines)
    region = _densest_region(lines, last_headline_index(lines))
    if region is None:
        raise NoArticleText("no paragraph of prose in the dump", origin=origin)
    header = Header()
    body = _find_title(lines, region, _body_lines(lines, region), header)
    body = _drop_boilerplate(body, lines, region)
    find_deck(lines, body, header)
    body = _below_article_header(lines, body)
    if not body or sum(line.words for line in body) < MIN_BODY_WORDS:
        raise NoArticleText("the prose found is too short to be an article", origin=origin)
    read_header(lines, body, header)
    header.source = find_source(lines, body, header)
    return Article(
        text="\n\n".join(line.text for line in body),
        title=header.title,
        deck=header.deck,
        published=header.published,
        section=header.section,
        source=header.source,
        authors=header.authors,
        image_credit=header.image_credit,
        caption=header.caption,
        reading_minutes=header.reading_minutes,
        related_headlines=related_headlines(lines, body),
        origin=origin,
        format=FORMAT,
    )


# --- step 2: the densest run of prose -------------------------------------------------


def _score(line: DumpLine) -> float:
    if line.role is not None:
        return -FURNITURE_PENALTY
    if line.kind == Kind.GOOD:
        return float(line.words)
    if line.kind == Kind.NEAR:
        return line.words * NEAR_WEIGHT
    if line.kind == Kind.SHORT:
        return -SHORT_PENALTY
    if line.kind == Kind.JUNK:
        return -JUNK_PENALTY
    return -(BAD_PENALTY + line.words * BAD_PENALTY_PER_WORD)


def _densest_region(lines: list[DumpLine], headline_index: int | None = None) -> Region | None:
    """The run of lines with the highest total score (maximum subarray), None if nothing scores.

    No run crosses the heading of a comment section; the heading of a list of other stories
    weighs heavily against a run, which crosses it only when much more prose follows (a
    "Related" box set between two paragraphs). Once a run as long as an article has been
    seen, prose after either heading counts for less: the article comes before its
    comments and its "more stories", rarely after. Headings above ``headline_index`` (the
    headline the page title names) do not count so: the article is still to come.
    """
    best: Region | None = None
    current: Region | None = None
    weight = 1.0
    for line in lines:
        after_headline = headline_index is None or line.index > headline_index
        if line.role in BARRIER_ROLES and after_headline and best is not None and best.score >= ARTICLE_SCORE:
            weight = min(weight, AFTER_END_WEIGHT if line.role == END else AFTER_LIST_WEIGHT)
        if line.role == END:
            current = None
            continue
        score = -LIST_PENALTY if line.role == LIST else _score(line)
        if score > 0:
            score *= weight
        if current is None or current.score <= 0:
            current = Region(line.index, line.index, score)
        else:
            current = Region(current.start, line.index, current.score + score)
        if current.score > 0 and (best is None or current.score > best.score):
            best = Region(current.start, current.end, current.score)
    return best


# --- step 3: the body inside the run --------------------------------------------------


def _is_prose(line: DumpLine) -> bool:
    return line.role is None and line.kind >= Kind.NEAR


def _body_lines(lines: list[DumpLine], region: Region) -> list[DumpLine]:
    """Prose lines of the region, and the few short lines that stand between paragraphs.

    A short line is judged by its neighbours (jusText's context rule): alone between two
    paragraphs it is a sub-heading, a one-line paragraph or a short quote; a run of them
    is a widget's buttons and links.
    """
    inside = lines[region.start : region.end + 1]
    body: list[DumpLine] = []
    position = 0
    while position < len(inside):
        if _is_prose(inside[position]):
            body.append(inside[position])
            position += 1
            continue
        end = position
        while end < len(inside) and not _is_prose(inside[end]):
            end += 1
        body.extend(_kept_from_gap(inside[position:end]))
        position = end
    return body


GAP_MAX_SENTENCES = 3


def _kept_from_gap(gap: list[DumpLine]) -> list[DumpLine]:
    """The lines of a gap between two paragraphs that belong to the article.

    One line alone is kept (a sub-heading, "He declined to comment."); up to three short
    sentences are kept (an exchange of quotes); anything more is page furniture. A line in
    capitals that is long for a heading is a link to another story.
    """
    candidates = [
        line for line in gap if line.role is None and line.kind != Kind.JUNK and line.words <= CONTEXT_MAX_WORDS
    ]
    for line in candidates:
        if _shouted_headline(line):
            line.role = RELATED
    candidates = [line for line in candidates if line.role is None]
    if len(candidates) == 1 and len(gap) <= 2:
        return candidates
    if len(candidates) <= GAP_MAX_SENTENCES and all(line.terminal for line in candidates):
        return candidates
    if _in_article_list(gap, candidates):
        return candidates
    return []


LIST_ITEM_MEAN_WORDS = 4.0
WIDGET_ROLES = frozenset({DROP, LIST, END, RELATED, TEASER, SOURCE, TITLE, DATE, BYLINE, READING})


def _in_article_list(gap: list[DumpLine], candidates: list[DumpLine]) -> bool:
    """A list that is part of the article (specifications, places, results), not a widget.

    A widget's lines are buttons and labels of a word or two, and sit next to share or
    sign-up furniture; the items of an article's list are longer, and only photos
    (captions) break them.
    """
    if not candidates or any(line.role in WIDGET_ROLES for line in gap):
        return False
    return sum(line.words for line in candidates) / len(candidates) >= LIST_ITEM_MEAN_WORDS


SHOUTED_MIN_WORDS = 6


def _shouted_headline(line: DumpLine) -> bool:
    letters = [ch for ch in line.text if ch.isalpha()]
    return (
        line.words >= SHOUTED_MIN_WORDS and not line.terminal and bool(letters) and all(ch.isupper() for ch in letters)
    )


def _drop_boilerplate(body: list[DumpLine], lines: list[DumpLine], region: Region) -> list[DumpLine]:
    """Body lines that the page prints again elsewhere: site boilerplate and repeated captions.

    A mission statement or a promotion is printed in a menu and again under the article,
    a photo caption once per image size; an article's own paragraphs are printed once, or
    twice within the article (a key point repeated in the text: the first is kept).
    """
    counts: dict[str, int] = {}
    outside: set[str] = set()
    for line in lines:
        if line.words >= 5:
            line_key = key(line.text)
            counts[line_key] = counts.get(line_key, 0) + 1
            if line.index < region.start or line.index > region.end:
                outside.add(line_key)
    kept: list[DumpLine] = []
    seen: set[str] = set()
    for line in body:
        line_key = key(line.text)
        if line_key in outside or counts.get(line_key, 0) > 2 or line_key in seen:
            continue
        seen.add(line_key)
        kept.append(line)
    return kept if sum(line.words for line in kept) * 2 >= sum(line.words for line in body) else body


# --- step 4: title and deck -----------------------------------------------------------


def _find_title(lines: list[DumpLine], region: Region, body: list[DumpLine], header: Header) -> list[DumpLine]:
    """The headline (``textdump_title``); every line equal to it is furniture, out of the body."""
    title = find_title(lines, region.start, body[:2])
    if title is None:
        return body
    header.title, header.title_index = title.text, title.index
    title_key = key(title.text)
    for line in lines[: region.end + 1]:
        if line.role in (None, TEASER) and key(line.text) == title_key:
            line.role = TITLE
    return [line for line in body if line.role is None]


HEADER_SEARCH_PARAGRAPHS = 3  # the article's header stands above its third paragraph at the latest
HEADER_DEBRIS_MAX_WORDS = 25


def _below_article_header(lines: list[DumpLine], body: list[DumpLine]) -> list[DumpLine]:
    """The body without what the run picked up above the article's headline, date or byline.

    The run of prose may start a line or two early, on a share bar or a teaser that reads
    like a sentence; the article's own header marks where it really begins. Only short
    lines are cut this way, never a paragraph.
    """
    if len(body) < 2:
        return body
    limit = body[min(HEADER_SEARCH_PARAGRAPHS, len(body) - 1)].index
    marks = [line for line in lines[body[0].index : limit] if line.role in (TITLE, DATE, BYLINE, READING)]
    if not marks:
        return body
    above = [line for line in body if line.index < marks[-1].index]
    if any(line.kind == Kind.GOOD and line.words > HEADER_DEBRIS_MAX_WORDS for line in above):
        return body
    return [line for line in body if line.index > marks[-1].index] or body
