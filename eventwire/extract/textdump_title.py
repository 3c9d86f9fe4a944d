"""The headline of a scraped text dump.

Scrapers save the page title as the dump's first line ("Headline | Outlet", "Outlet:
Headline", "Section - Headline - Outlet"); the page shows the headline again above the
article, sometimes twice (over the photo too). The headline is found, in order of trust:

1. the line above the body that the page title names (equal to it, or a whole part of it),
2. a line shown twice just above the body,
3. the line above the body that shares most words with the page title and the lead
   (pages whose title is only the site's name),
4. the headline-shaped line standing right over the body, with only a date, a byline,
   a caption or a deck between,
5. the longest part of the page title once the outlet's name is split off.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from eventwire.extract.textdump_lines import DumpLine, Kind, stopwords

TITLE_WINDOW = 40  # the headline stands this close above the body
NEAR_WINDOW = 15  # a headline found by shared words stands closer still
REPEATED_TITLE_MIN_WORDS = 5  # shorter repeated lines are menu entries shown twice
REPEAT_DISTANCE = 12
MIN_NAMED_CHARS = 12  # a part of the page title this short is a site or section name
TRUNCATED_PAGE_TITLE_CHARS = 20
MIN_SHARED_SCORE = 3
COMPARABLE_SHARE = 0.6  # an earlier line scoring this share of the best is the headline, the best its deck
HEADLINE_MAX_WORDS = 25
_WORD = re.compile(r"\w+")
# " | ", " - ", " :: ", "_": and "Headline- outlet.com", a dash with a space on one side only.
_PAGE_TITLE_SEPARATOR = re.compile(r"\s+(?:[|–—»>]|-{1,2}|::)\s+|\s*-{1,2}\s+|\s+-{1,2}\s*|_")


@dataclass(frozen=True)
class Title:
    """The headline and the line it stands on (None when taken from the page title alone)."""

    text: str
    index: int | None


def key(text: str) -> str:
    """A line for comparison: lower case, words only."""
    return " ".join(_WORD.findall(text.lower()))


def headline_shaped(line: DumpLine) -> bool:
    """A line that could be a headline: a few words, no separators, not furniture."""
    return line.role is None and 3 <= line.words <= 40 and line.separators == 0 and line.kind != Kind.JUNK


def page_title_key(lines: list[DumpLine]) -> str:
    """The page title (the dump's first line) as a key, or "" when the first line is not one."""
    if not lines or lines[0].kind == Kind.JUNK or lines[0].words < 2:
        return ""
    return key(lines[0].text)


def names_page_title(line_key: str, page_key: str) -> bool:
    """``line_key`` is the page title, a whole part of it, or the page title is its cut start."""
    if not page_key or len(line_key.split()) < 3:
        return False
    if line_key == page_key:
        return True
    if len(line_key) >= MIN_NAMED_CHARS and f" {line_key} " in f" {page_key} ":
        return True
    return len(page_key) >= TRUNCATED_PAGE_TITLE_CHARS and line_key.startswith(page_key)


def last_headline_index(lines: list[DumpLine]) -> int | None:
    """Where the page shows the headline that its title names, lowest on the page.

    The article begins below it: what stands above (a sidebar, a comments teaser) is not
    the article, whatever headings it has.
    """
    page_key = page_title_key(lines)
    matches = [line for line in lines[1:] if headline_shaped(line) and names_page_title(key(line.text), page_key)]
    if not matches:
        return None
    longest = max(len(key(line.text)) for line in matches)
    return max(line.index for line in matches if len(key(line.text)) == longest)


def find_title(lines: list[DumpLine], region_start: int, lead: list[DumpLine]) -> Title | None:
    """The article's headline (see the module docstring for the order of the clues)."""
    window = [line for line in lines[max(1, region_start - TITLE_WINDOW) : region_start + 4] if headline_shaped(line)]
    found = (
        _named_by_page_title(lines, window)
        or _repeated_line(window)
        or _sharing_words(lines, window, region_start, lead)
        or _standing_over_the_body(lines, region_start)
    )
    if found is not None:
        return Title(found.text, found.index)
    page_title = _from_page_title(lines)
    return Title(page_title, None) if page_title else None


def _named_by_page_title(lines: list[DumpLine], window: list[DumpLine]) -> DumpLine | None:
    """The longest line that the page title names; of equals, the one nearest the body."""
    page_key = page_title_key(lines)
    named = [line for line in window if names_page_title(key(line.text), page_key)]
    return max(named, key=lambda line: (len(key(line.text)), line.index), default=None)


def _repeated_line(window: list[DumpLine]) -> DumpLine | None:
    """The first showing of the line repeated nearest the body (a headline over its photo)."""
    found: DumpLine | None = None
    seen: dict[str, DumpLine] = {}
    for line in window:
        if line.words < REPEATED_TITLE_MIN_WORDS:
            continue
        line_key = key(line.text)
        first = seen.get(line_key)
        if first is not None and line.index - first.index <= REPEAT_DISTANCE:
            found = first
        else:
            seen[line_key] = line
    return found


STEM_CHARS = 5  # "rescuers" and "rescue" are one word for this purpose


def _content_words(text: str) -> set[str]:
    """Stems of the words that carry meaning: no function words, cut to a common length."""
    stop = stopwords()
    return {word[:STEM_CHARS] for word in _WORD.findall(text.lower()) if len(word) > 2 and word not in stop}


def _sharing_words(
    lines: list[DumpLine], window: list[DumpLine], region_start: int, lead: list[DumpLine]
) -> DumpLine | None:
    """The headline-like line just above the body sharing most words with the page title and the lead.

    A headline names what the lead paragraph tells, and the page title repeats it; a menu
    entry or a teaser for another story shares little with either.
    """
    page_words = _content_words(lines[0].text) if lines else set()
    lead_words = set().union(*(_content_words(line.text) for line in lead)) if lead else set()
    scored: list[tuple[float, DumpLine]] = []
    for line in window:
        if line.index < region_start - NEAR_WINDOW or line.index >= region_start or line.words > HEADLINE_MAX_WORDS:
            continue
        if line.text.endswith(".") or not (line.text[0].isupper() or line.text[0].isdigit() or line.text[0] in "\"'‘“"):
            continue
        words = _content_words(line.text)
        shared = 2 * len(words & page_words) + len(words & lead_words)
        if shared >= MIN_SHARED_SCORE:
            scored.append((shared / len(words) ** 0.5, line))  # a long line shares more words by chance
    if not scored:
        return None
    best = max(score for score, _ in scored)
    # The headline comes first; the deck under it tells the same story at more length.
    return next(line for score, line in scored if score >= COMPARABLE_SHARE * best)


def _standing_over_the_body(lines: list[DumpLine], region_start: int) -> DumpLine | None:
    """The headline-shaped line right above the body, with only header furniture between.

    Date, byline, caption and buttons (lines with a role) and one sentence (the deck) may
    stand between a headline and its article; a menu entry or another paragraph may not.
    """
    sentences = 0
    for line in reversed(lines[max(0, region_start - NEAR_WINDOW) : region_start]):
        if line.role is not None:
            continue
        if headline_shaped(line) and not line.terminal and line.kind < Kind.GOOD and line.words <= HEADLINE_MAX_WORDS:
            return line
        if line.kind >= Kind.NEAR and sentences == 0:
            sentences += 1
            continue
        return None
    return None


def _from_page_title(lines: list[DumpLine]) -> str | None:
    """The longest part of the page title once split at its separators (the outlet is shorter)."""
    if not page_title_key(lines) or lines[0].role is not None or lines[0].kind >= Kind.GOOD:
        return None
    parts = [part.strip() for part in _PAGE_TITLE_SEPARATOR.split(lines[0].text) if part.strip()]
    headline_parts = [part for part in parts if len(_WORD.findall(part)) >= 3]
    return max(headline_parts, key=len) if headline_parts else lines[0].text
