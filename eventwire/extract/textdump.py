"""Articles from scraped text dumps: the plain text a scraper saved from a news page.

A dump has the article's paragraphs somewhere in the middle of everything else the page
showed: navigation, the headline (often twice), a deck, a byline and a date, photo captions
with credits, "Related" links, a list of other stories, comments and footers. The parser
finds the body the way a reader does, without knowing the outlet:

1. every line is measured and classified by how much it reads like prose
   (``textdump_lines``), and recognisable furniture is named (``textdump_furniture``);
2. the body is the densest run of prose: the stretch of lines with the best sum of scores
   (prose counts for, furniture against), never crossing the heading of a comment section
   or of a list of other stories;
3. inside that run, short lines are kept when prose surrounds them (a one-line paragraph,
   a quote, a sub-heading) and furniture is dropped;
4. what the furniture says becomes metadata: title, deck, date, section, authors, source,
   photo caption and credit, reading time, and the headlines of related stories.

Raises ``NoArticleText`` (E201) when a dump holds no prose that could be an article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from eventwire.article import Article
from eventwire.errors import NoArticleText
from eventwire.extract.textdump_furniture import (
    byline_names,
    date_line,
    dateline_agency,
    furniture_cues,
    reading_minutes,
    source_line,
    split_credit,
    wire_agencies,
)
from eventwire.extract.textdump_lines import DumpLine, Kind, classify, document_is_english, split_lines
from eventwire.extract.textdump_title import find_title, key, last_headline_index

FORMAT = "textdump"
MIN_BODY_WORDS = 12  # less than a sentence or two is not an article

# Roles of furniture lines (DumpLine.role).
TITLE, DECK, CAPTION, CREDIT, DATE, BYLINE = "title", "deck", "caption", "credit", "date", "byline"
READING, SOURCE, RELATED, DROP, LIST, END = "reading", "source", "related", "drop", "list", "end"
TEASER = "teaser"  # a headline or summary of another story in a run of them
HEADER_ROLES = frozenset({TITLE, CAPTION, CREDIT, DATE, BYLINE, READING})
BARRIER_ROLES = frozenset({END, LIST})  # headings after which the article is over

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
TEASER_MIN_PAIRS = 3
GLUED_HEADLINE_STOPS = 2  # "Dies After Crash In ..." opening a paragraph: a Title Case headline glued to a teaser
TEASER_MAX_WORDS = 45

HEADER_LOOKBACK = 12  # lines above the body searched for date, byline, caption when no title is found
ABOVE_TITLE = 4  # a date, section or reading-time line may stand just above the headline
CONTEXT_MAX_WORDS = 20  # a line longer than this is not a heading or a short paragraph
DECK_MAX_WORDS = 60
RELATED_MAX_WORDS = 25
RELATED_LIMIT = 60


@dataclass
class Region:
    """A run of lines ``start``..``end`` (inclusive) and its score."""

    start: int
    end: int
    score: float


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


def extract_text_dump(text: str, *, origin: str = "") -> Article:
    """The article in a scraped text dump: clean body and the metadata around it."""
    lines = split_lines(text)
    english = document_is_english(lines)
    for line in lines:
        line.kind = classify(line, english=english)
        line.role = _role_of(line)
    _mark_author_boxes(lines)
    _mark_comment_signatures(lines)
    _mark_barriers(lines)
    _mark_teasers(lines)
    _mark_dated_cards(lines)
    region = _densest_region(lines, last_headline_index(lines))
    if region is None:
        raise NoArticleText("no paragraph of prose in the dump", origin=origin)
    header = Header()
    body = _find_title(lines, region, _body_lines(lines, region), header)
    body = _drop_boilerplate(body, lines, region)
    _find_deck(lines, body, header)
    body = _below_article_header(lines, body)
    if not body or sum(line.words for line in body) < MIN_BODY_WORDS:
        raise NoArticleText("the prose found is too short to be an article", origin=origin)
    _read_header(lines, body, header)
    header.source = _find_source(lines, body, header)
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
        related_headlines=_related_headlines(lines, body),
        origin=origin,
        format=FORMAT,
    )


# --- step 1: roles of furniture lines -------------------------------------------------


def _role_of(line: DumpLine) -> str | None:
    """The furniture ``line`` is, judged from its own text, or None for a candidate paragraph."""
    text = line.text
    if reading_minutes(text) is not None:
        return DATE if date_line(text) else READING
    cue = furniture_cues().kind_of(text, contains=line.kind < Kind.GOOD or line.words <= 12 or _addresses_reader(text))
    if cue == "caption":
        return CAPTION
    if cue in ("end", "list", "drop"):
        return {"end": END, "list": LIST, "drop": DROP}[cue]
    if line.words <= COMMENTS_HEADING_MAX_WORDS and _COMMENTS_HEADING.search(text):
        return END
    if _GALLERY_COUNTER.match(text) or (_EMAIL_ADDRESS.search(text) and _addresses_reader(text)):
        return DROP
    if furniture_cues().related_headline(text):
        return RELATED
    if source_line(text):
        return SOURCE
    if byline_names(text):
        return BYLINE
    credit = split_credit(text)
    if credit:
        return CAPTION if credit.caption else CREDIT
    if line.kind < Kind.GOOD and date_line(text):
        return DATE
    if line.capital_stops >= GLUED_HEADLINE_STOPS and line.kind >= Kind.NEAR:
        return TEASER
    return None


COMMENTS_HEADING_MAX_WORDS = 8
# "Comments (12)", "12 comments", "Show all 45 comments", "Comments are now closed for this story".
_COMMENTS_HEADING = re.compile(
    r"^(?:\d+\s+)?(?:reader'?s?'?\s+)?comments?\b(?!\s+(?:on|from|by)\b)|\bcomments\s*(?:\(\d+\)|are\s+(?:now\s+)?closed)|"
    r"^(?:show|view|read|load|see|post|add|leave|write|share)\s+(?:all\s+|a\s+|your\s+)?(?:\d+\s+)?(?:comments?|views?|opinions?)\b",
    re.I,
)
# "Posted by: Sean | Jan 10, 2008 4:49 PM", "Jane Doe says:", "John wrote on 3 May 2024 at 10:12"
_COMMENT_SIGNATURE = re.compile(r"^(?:posted|submitted|written)\s+by\b|^\S.{0,40}\s(?:says|said|wrote)\s*:?\s*$|^\S.{0,40}\s(?:says|said|wrote)\s+on\b", re.I)


def _mark_comment_signatures(lines: list[DumpLine]) -> None:
    """Readers' comments, recognised by their repeated signatures, end the article.

    A comment thread signs every comment the same way ("Posted by: name | date"); two
    such lines make a thread. The first signature standing above the article's prose is
    its byline, not a comment's.
    """
    signatures = [line for line in lines if line.words <= 16 and _COMMENT_SIGNATURE.search(line.text)]
    if len(signatures) < 2:
        return
    first_prose = next((line.index for line in lines if line.kind == Kind.GOOD and line.role is None), len(lines))
    for line in signatures:
        if line.index > first_prose:
            line.role = END


# "Image 2 of 5", "Photo 3/12": a gallery's counter.
_GALLERY_COUNTER = re.compile(r"^(?:image|photo|picture|slide|video)?\s*\d{1,3}\s*(?:of|/)\s*\d{1,3}$", re.I)
_EMAIL_ADDRESS = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.-]+\b")
_READER_ADDRESS = re.compile(r"\b(?:you|your|you're|we|our|us)\b", re.I)


def _addresses_reader(text: str) -> bool:
    """The line speaks to the reader ("your email", "our newsletter"): site text, not news.

    A sign-up form or a legal notice is as long as a paragraph; its cue phrase ("privacy
    policy") together with the second person tells it from a news story about a privacy policy.
    """
    return bool(_READER_ADDRESS.search(text))


def _mark_author_boxes(lines: list[DumpLine]) -> None:
    """The author's box after an article ("Jane Doe is a reporter who covers ...") ends it.

    It is recognised by its shape: a paragraph opening with a name and a description
    ("is a", "covers", "writes about"), whose name is the line just above it or is given
    further up the page, alone or in a byline. The name line and the box are furniture.
    """
    names_given: set[str] = set()
    for position, line in enumerate(lines):
        if line.role == BYLINE:
            names_given.update(_key(name) for name in byline_names(line.text) or [])
        if line.words <= 4 and line.role is None:
            names_given.add(_key(line.text))
        if line.role is not None or line.kind < Kind.NEAR:
            continue
        match = _BIO_OPENING.match(line.text)
        if not match:
            continue
        name_key = _key(match.group("name"))
        above = lines[position - 1] if position else None
        named_above = above is not None and _same_person(_key(above.text), name_key)
        if named_above or any(_same_person(given, name_key) for given in names_given):
            line.role = END
            if named_above and above is not None and above.role is None:
                above.role = DROP


def _same_person(name_line_key: str, name_key: str) -> bool:
    """A name line ("Stephanie Doe") and the name opening a bio ("Steph Doe"): same surname."""
    line_words, name_words = name_line_key.split(), name_key.split()
    return 2 <= len(line_words) <= 4 and line_words[-1] == name_words[-1]


_BIO_OPENING = re.compile(
    r"^(?P<name>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3})\s+(?:(?:is|was|has been)\s+(?:a|an|the)\b|"
    r"covers\b|writes\s+(?:about|for|on)\b|reports\s+(?:on|for|about)\b|joined\b|serves\s+as\b)"
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
            key = _key(line.text)
            counts[key] = counts.get(key, 0) + 1
            if line.index < region.start or line.index > region.end:
                outside.add(key)
    kept: list[DumpLine] = []
    seen: set[str] = set()
    for line in body:
        key = _key(line.text)
        if key in outside or counts.get(key, 0) > 2 or key in seen:
            continue
        seen.add(key)
        kept.append(line)
    return kept if sum(line.words for line in kept) * 2 >= sum(line.words for line in body) else body


def _mark_barriers(lines: list[DumpLine]) -> None:
    """Clear the list role of a list heading that is followed by prose, not by a list.

    A widget's label left behind in the middle of an article ("Recommended" above the
    next paragraph) is dropped like other furniture; only a heading with headlines under it
    ends the article.
    """
    for position, line in enumerate(lines):
        if line.role != LIST:
            continue
        following = [other for other in lines[position + 1 : position + 4] if other.role is None]
        if following and following[0].kind == Kind.GOOD and following[0].index == line.index + 1 + _skipped(lines, position):
            line.role = DROP
            above = lines[position - 1] if position else None
            if above is not None and above.role is None and _headline_like(above):
                above.role = RELATED  # "Some other story" then "Read more": the link sits above its label
        else:
            after = _mark_list_items(lines, position)
            if _prose_resumes(lines, after):
                line.role = DROP  # a "Related" box set inside the article: the article goes on


LIST_MAX_ITEMS = 40


def _mark_list_items(lines: list[DumpLine], heading: int) -> int:
    """Mark the headlines under a list heading as links; the position where the list ends."""
    misses = 0
    position = heading + 1
    for position in range(heading + 1, min(len(lines), heading + 1 + LIST_MAX_ITEMS)):
        line = lines[position]
        if line.role in (LIST, END) or line.kind == Kind.GOOD:
            return position
        if line.role is None and line.kind != Kind.JUNK and 3 <= line.words <= RELATED_MAX_WORDS:
            line.role = RELATED
            misses = 0
        elif line.role is None:
            misses += 1
            if misses >= 2:
                return position
    return position + 1


RESUME_LOOKAHEAD = 5
RESUME_PARAGRAPHS = 2


def _prose_resumes(lines: list[DumpLine], position: int) -> bool:
    """Paragraphs follow the list within a few lines (captions and buttons aside).

    Two of them: a list of teasers has one summary under a headline, then more links.
    """
    following = [line for line in lines[position : position + RESUME_LOOKAHEAD] if line.role is None][:RESUME_PARAGRAPHS]
    return (
        len(following) == RESUME_PARAGRAPHS
        and all(line.kind >= Kind.NEAR for line in following)
        and any(line.kind == Kind.GOOD for line in following)
    )


def _headline_like(line: DumpLine) -> bool:
    """Three words or more, no full stop, not long: how a link to another story reads."""
    return line.kind in (Kind.SHORT, Kind.BAD) and not line.terminal and 3 <= line.words <= 25


def _skipped(lines: list[DumpLine], position: int) -> int:
    """How many furniture lines stand between ``lines[position]`` and the next candidate."""
    count = 0
    for other in lines[position + 1 :]:
        if other.role is None:
            return count
        count += 1
    return count


def _mark_teasers(lines: list[DumpLine]) -> None:
    """Runs of headline-then-summary pairs: a list of other stories, not the article.

    A front page or a "more news" block shows each story as a headline and a one-sentence
    summary; three such pairs in a row are a list. An article's sub-headings are followed
    by several paragraphs, so they do not form the pattern.
    """
    headlines = [_teaser_headline(line) for line in lines]
    summaries = [_teaser_summary(line) for line in lines]
    position = 0
    while position < len(lines):
        end, pairs = _teaser_run(headlines, summaries, position)
        if pairs >= TEASER_MIN_PAIRS:
            for line in lines[position:end]:
                line.role = line.role or TEASER
        position = max(position + 1, end)  # a run starting inside this one has no more pairs


def _teaser_run(headlines: list[bool], summaries: list[bool], start: int) -> tuple[int, int]:
    """End (exclusive) and number of headline+summary pairs of the run starting at ``start``."""
    position, pairs = start, 0
    while True:
        after_headlines = position
        while after_headlines < len(headlines) and headlines[after_headlines]:
            after_headlines += 1
        if after_headlines == position or after_headlines >= len(headlines) or not summaries[after_headlines]:
            return position, pairs
        position, pairs = after_headlines + 1, pairs + 1


CARD_MIN_DATES = 3
CARD_MAX_SPACING = 6  # lines from one card's date to the next
CARD_HEAD_LINES = 3  # headline, author, and the like above a card's date


def _mark_dated_cards(lines: list[DumpLine]) -> None:
    """Story cards (headline, author, date, summary) repeated down the page: a list, not the article.

    Three or more short date lines a few lines apart are the dates of cards; every line
    of those cards is furniture. An article has one date line, at its head.
    """
    dates = [position for position, line in enumerate(lines) if line.role == DATE and not _quote_attribution(line.text)]
    run: list[int] = []
    for position in [*dates, None]:
        if position is not None and run and position - run[-1] <= CARD_MAX_SPACING:
            run.append(position)
            continue
        if len(run) >= CARD_MIN_DATES:
            _mark_cards(lines, run)
        run = [position] if position is not None else []


def _quote_attribution(text: str) -> bool:
    """"— Name (@handle) November 18, 2019": the signature of an embedded post, part of the article."""
    return text.lstrip().startswith(("—", "–", "-")) or "@" in text


def _mark_cards(lines: list[DumpLine], dates: list[int]) -> None:
    start = dates[0]
    while start > 0 and dates[0] - start < CARD_HEAD_LINES and lines[start - 1].kind < Kind.GOOD and lines[start - 1].role is None:
        start -= 1
    for line in lines[start : dates[-1] + 1]:  # after the last date may begin the article itself
        if line.role is None:
            line.role = TEASER


def _teaser_headline(line: DumpLine) -> bool:
    return line.role in (None, TITLE) and line.kind in (Kind.SHORT, Kind.BAD) and not line.terminal and line.words <= 20


def _teaser_summary(line: DumpLine) -> bool:
    return line.role is None and line.kind >= Kind.NEAR and line.words <= TEASER_MAX_WORDS


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
    candidates = [line for line in gap if line.role is None and line.kind != Kind.JUNK and line.words <= CONTEXT_MAX_WORDS]
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
    return line.words >= SHOUTED_MIN_WORDS and not line.terminal and bool(letters) and all(ch.isupper() for ch in letters)


# --- step 4: title and deck -----------------------------------------------------------

_TITLE_SUFFIX = re.compile(r"\s+(?:[|–—:»]|-{1,2}|::)\s+[^|–—»]+$|_[^_]+(?:_[^_]+)*$")


def _find_title(lines: list[DumpLine], region: Region, body: list[DumpLine], header: Header) -> list[DumpLine]:
    """The headline (``textdump_title``); every line equal to it is furniture, out of the body."""
    title = find_title(lines, region.start, body[:2])
    if title is None:
        return body
    header.title, header.title_index = title.text, title.index
    title_key = _key(title.text)
    for line in lines[: region.end + 1]:
        if line.role in (None, TEASER) and _key(line.text) == title_key:
            line.role = TITLE
    return [line for line in body if line.role is None]


_key = key


def _find_deck(lines: list[DumpLine], body: list[DumpLine], header: Header) -> None:
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


# --- step 5: metadata from the header -------------------------------------------------


def _read_header(lines: list[DumpLine], body: list[DumpLine], header: Header) -> None:
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


def _find_source(lines: list[DumpLine], body: list[DumpLine], header: Header) -> str | None:
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


# --- step 6: related headlines ---------------------------------------------------------

_TIMESTAMP = re.compile(r"^\s*(?:\d+\s*(?:min|mins|minutes|hours?|hrs?|days?|weeks?)\s+ago|updated.*|\d{1,2}:\d{2}.*)$", re.I)


def _related_headlines(lines: list[DumpLine], body: list[DumpLine]) -> list[str]:
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
