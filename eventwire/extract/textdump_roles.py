"""Naming the furniture of a scraped text dump, line by line and then by the page's patterns.

Every line gets a ``role`` when it is furniture (``None`` when it may be article text):
first from its own text (a cue phrase, a byline, a date line, a photo credit), then from
the patterns the page draws across lines, which no single line shows:

- an author's box after the article ("Jane Doe is a reporter who covers ..."),
- a comment thread, by its repeated signatures,
- a list heading with the headlines under it, or only a widget's label inside the article,
- runs of headline-and-summary teasers, and story cards with a date each.

The roles are what the body finder scores against and what the metadata is read from.
"""

from __future__ import annotations

import re

from eventwire.extract.shapes import reading_minutes
from eventwire.extract.textdump_furniture import (
    byline_names,
    date_line,
    furniture_cues,
    source_line,
    split_credit,
)
from eventwire.extract.textdump_lines import DumpLine, Kind, classify, document_is_english
from eventwire.extract.textdump_title import key

# Roles of furniture lines (DumpLine.role).
TITLE, DECK, CAPTION, CREDIT, DATE, BYLINE = "title", "deck", "caption", "credit", "date", "byline"
READING, SOURCE, RELATED, DROP, LIST, END = "reading", "source", "related", "drop", "list", "end"
TEASER = "teaser"  # a headline or summary of another story in a run of them
HEADER_ROLES = frozenset({TITLE, CAPTION, CREDIT, DATE, BYLINE, READING})
BARRIER_ROLES = frozenset({END, LIST})  # headings after which the article is over

TEASER_MIN_PAIRS = 3
TEASER_MAX_WORDS = 45
RELATED_MAX_WORDS = 25


def mark_furniture(lines: list[DumpLine]) -> None:
    """Classify every line of a dump and give the furniture among them its role."""
    english = document_is_english(lines)
    for line in lines:
        line.kind = classify(line, english=english)
        line.role = role_of(line)
    mark_author_boxes(lines)
    mark_comment_signatures(lines)
    mark_list_headings(lines)
    mark_teasers(lines)
    mark_dated_cards(lines)


_CUE_ROLES = {"caption": CAPTION, "end": END, "list": LIST, "drop": DROP}  # furniture.tsv kinds ("related" aside)
CONTAINED_CUE_MAX_WORDS = 12  # a paragraph longer than this mentions a cue ("newsletter") without being furniture


def role_of(line: DumpLine) -> str | None:
    """The furniture ``line`` is, judged from its own text, or None for a candidate paragraph."""
    text = line.text
    if reading_minutes(text) is not None:
        return DATE if date_line(text) else READING
    short = line.kind < Kind.GOOD or line.words <= CONTAINED_CUE_MAX_WORDS
    cue = furniture_cues().kind_of(text, contains=short or _addresses_reader(text))
    if cue in _CUE_ROLES:
        return _CUE_ROLES[cue]
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
    if line.glued_headline and line.kind >= Kind.NEAR:
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
_COMMENT_SIGNATURE = re.compile(
    r"^(?:posted|submitted|written)\s+by\b|^\S.{0,40}\s(?:says|said|wrote)\s*:?\s*$|^\S.{0,40}\s(?:says|said|wrote)\s+on\b",
    re.I,
)


def mark_comment_signatures(lines: list[DumpLine]) -> None:
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


def mark_author_boxes(lines: list[DumpLine]) -> None:
    """The author's box after an article ("Jane Doe is a reporter who covers ...") ends it.

    It is recognised by its shape: a paragraph opening with a name and a description
    ("is a", "covers", "writes about"), whose name is the line just above it or is given
    further up the page, alone or in a byline. The name line and the box are furniture.
    """
    names_given: set[str] = set()
    for position, line in enumerate(lines):
        if line.role == BYLINE:
            names_given.update(key(name) for name in byline_names(line.text) or [])
        if line.words <= 4 and line.role is None:
            names_given.add(key(line.text))
        if line.role is not None or line.kind < Kind.NEAR:
            continue
        match = _BIO_OPENING.match(line.text)
        if not match:
            continue
        name_key = key(match.group("name"))
        above = lines[position - 1] if position else None
        named_above = above is not None and _same_person(key(above.text), name_key)
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


def mark_list_headings(lines: list[DumpLine]) -> None:
    """Tell a list heading that ends the article from a widget's label inside it.

    A label left behind above the next paragraph ("Recommended") or a box of links set
    between two paragraphs is dropped like other furniture, the headlines under it kept as
    related; only a heading with a list under it and no article after stays a list heading.
    """
    for position, line in enumerate(lines):
        if line.role != LIST:
            continue
        window = lines[position + 1 : position + 1 + LABEL_LOOKAHEAD]
        following = next((other for other in window if other.role is None), None)
        if following is not None and following.kind == Kind.GOOD:
            line.role = DROP
            above = lines[position - 1] if position else None
            if above is not None and above.role is None and _headline_like(above):
                above.role = RELATED  # "Some other story" then "Read more": the link sits above its label
        else:
            after = _mark_list_items(lines, position)
            if _prose_resumes(lines, after):
                line.role = DROP  # a "Related" box set inside the article: the article goes on


LABEL_LOOKAHEAD = 3  # a label's paragraph follows within this many lines (buttons aside)
LIST_MAX_ITEMS = 40


def _mark_list_items(lines: list[DumpLine], heading: int) -> int:
    """Mark the headlines under a list heading as links; the position where the list ends."""
    misses = 0
    end = min(len(lines), heading + 1 + LIST_MAX_ITEMS)
    for position in range(heading + 1, end):
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
    return end


RESUME_LOOKAHEAD = 5
RESUME_PARAGRAPHS = 2


def _prose_resumes(lines: list[DumpLine], position: int) -> bool:
    """Paragraphs follow the list within a few lines (captions and buttons aside).

    Two of them: a list of teasers has one summary under a headline, then more links.
    """
    following = [line for line in lines[position : position + RESUME_LOOKAHEAD] if line.role is None][
        :RESUME_PARAGRAPHS
    ]
    return (
        len(following) == RESUME_PARAGRAPHS
        and all(line.kind >= Kind.NEAR for line in following)
        and any(line.kind == Kind.GOOD for line in following)
    )


def _headline_like(line: DumpLine) -> bool:
    """Three words or more, no full stop, not long: how a link to another story reads."""
    return line.kind in (Kind.SHORT, Kind.BAD) and not line.terminal and 3 <= line.words <= 25


def mark_teasers(lines: list[DumpLine]) -> None:
    """Runs of headline-then-summary pairs: a list of other stories, not the article.

    A front page or a "more news" block shows each story as a headline and a one-sentence
    summary; three such pairs in a row are a list. An article's sub-headings are followed
    by several paragraphs, so they do not form the pattern.
    """
    headlines = [_teaser_headline(line) for line in lines]
    summaries = [_teaser_summary(line) for line in lines]
    position = 0
    while position < len(lines):
        end, pairs, frontier = _teaser_run(headlines, summaries, position)
        if pairs >= TEASER_MIN_PAIRS:
            for line in lines[position:end]:
                line.role = line.role or TEASER
        # A run starting inside this one has no more pairs; without a pair, none starts before the frontier.
        position = max(position + 1, end if pairs else frontier)


def _teaser_run(headlines: list[bool], summaries: list[bool], start: int) -> tuple[int, int, int]:
    """End (exclusive) and number of headline+summary pairs of the run starting at ``start``,
    and how far the scan looked (the end of the headlines that found no summary)."""
    position, pairs = start, 0
    while True:
        after_headlines = position
        while after_headlines < len(headlines) and headlines[after_headlines]:
            after_headlines += 1
        if after_headlines == position or after_headlines >= len(headlines) or not summaries[after_headlines]:
            return position, pairs, after_headlines
        position, pairs = after_headlines + 1, pairs + 1


CARD_MIN_DATES = 3
CARD_MAX_SPACING = 6  # lines from one card's date to the next
CARD_HEAD_LINES = 3  # headline, author, and the like above a card's date


def mark_dated_cards(lines: list[DumpLine]) -> None:
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
    """The signature of an embedded post ("— Name (@handle) November 18, 2019"): part of the article."""
    return text.lstrip().startswith(("—", "–", "-")) or "@" in text


def _mark_cards(lines: list[DumpLine], dates: list[int]) -> None:
    start = dates[0]
    while (
        start > 0
        and dates[0] - start < CARD_HEAD_LINES
        and lines[start - 1].kind < Kind.GOOD
        and lines[start - 1].role is None
    ):
        start -= 1
    for line in lines[start : dates[-1] + 1]:  # after the last date may begin the article itself
        if line.role is None:
            line.role = TEASER


def _teaser_headline(line: DumpLine) -> bool:
    return line.role in (None, TITLE) and line.kind in (Kind.SHORT, Kind.BAD) and not line.terminal and line.words <= 20


def _teaser_summary(line: DumpLine) -> bool:
    return line.role is None and line.kind >= Kind.NEAR and line.words <= TEASER_MAX_WORDS
