"""Lines of a scraped text dump and how much each one reads like article prose.

The scraper's text keeps one line per page element: a paragraph, a menu entry, a headline,
a button. Whether a line is prose is judged the way jusText judges HTML paragraphs, from
what the text itself shows, so that it works on any outlet's page:

- length in words (menus and buttons are short, paragraphs are long),
- the density of function words ("the", "of", "that": about a third of running prose,
  little of a headline list or a tag cloud),
- a sentence's shape: it ends with terminal punctuation and most of its words are in lower
  case, where a menu or a headline is in Title Case.

Function words are English; a page in another language still has length, punctuation and
case, which is enough to find its paragraphs, less sharply. Scripts without case count as
lower case, and those written without spaces (Chinese, Japanese) are measured in characters.
"""

from __future__ import annotations

import enum
import html
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from eventwire.extract.datafiles import data_lines

_WORD = re.compile(r"\w+")
_LETTER_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff]+")
_MARKUP = re.compile(r"<\s*/?\s*[a-z][a-z0-9]*(?:\s[^<>]*)?/?>|\{\{[^{}]*\}\}|^\s*[{}]|&[a-z]+;", re.I)
_CODE_CHARS = re.compile(r"[{}<>=;\\]|\(\)|//|&&|\|\|")
CODE_DENSITY = 0.04  # script or style text left in a dump: braces, semicolons, "=" per character
# Scripts written without spaces between words (Han, kana): their length is counted in characters.
_UNSPACED_CHARS = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
CHARACTERS_PER_WORD = 2
_INNER_PUNCTUATION = re.compile(r"[.,;:!?…](?=[\s\"'”’)\]]|$)|[。、，！？；：]")
_URL = re.compile(r"https?://\S+|www\.\S+", re.I)
_SEPARATOR = re.compile(r"\s[|•·»›]\s|\s/\s")
_TERMINAL = re.compile(r"[.!?…:;。！？][\"'”’»)\]」』）]*\s*$|[\"”»」』]\s*$")
_CONTINUATION_START = re.compile(r"^[a-z]")


class Kind(enum.IntEnum):
    """How a line reads, from furniture to article prose (ordered: higher is more prose)."""

    JUNK = 0  # markup, a URL, a line of separators: never text
    BAD = 1  # long enough to judge, and not prose (a headline list, a menu run)
    SHORT = 2  # too short to judge alone: a button, a heading, a short quote
    NEAR = 3  # prose-like but thin: a short sentence
    GOOD = 4  # a paragraph of prose


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """English function words (``eventwire/data/textdump_stopwords.txt``)."""
    return frozenset(word.strip().lower() for word in data_lines("textdump_stopwords.txt"))


@dataclass
class DumpLine:
    """One non-blank line of a dump with the measures that classify it.

    ``blank_before`` tells that an empty line preceded it: scrapers put one between page
    blocks, so it marks where a paragraph or a widget starts.
    """

    index: int
    text: str
    blank_before: bool
    words: int
    stop_density: float
    lower_ratio: float
    terminal: bool
    markup: bool
    separators: int
    punctuation: int  # commas, stops, colons inside the line: prose has some, a tag cloud none
    glued_headline: bool  # opens like a headline ("Dies After Crash In ...") and goes on as prose
    kind: Kind = Kind.SHORT
    role: str | None = None  # the furniture this line is ("title", "caption", "byline", ...), if any


_INVISIBLE_CHARS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")


def clean_line(raw: str) -> str:
    """A line with its white space collapsed and invisible characters (controls, soft hyphens,
    zero-width and direction marks) removed."""
    text = raw if raw.isascii() else unicodedata.normalize("NFC", raw)
    return _SPACES.sub(" ", _INVISIBLE_CHARS.sub("", text)).strip()


def measure(index: int, text: str, blank_before: bool) -> DumpLine:
    """A ``DumpLine`` with its measures (not yet classified)."""
    words = _WORD.findall(text)
    lowered = [w.lower() for w in words]
    letter_words = _LETTER_WORD.findall(text)
    stop = stopwords()
    stop_density = sum(w in stop for w in lowered) / len(words) if words else 0.0
    lower_ratio = _lower_case_share(letter_words)
    return DumpLine(
        index=index,
        text=text,
        blank_before=blank_before,
        words=max(len(words), len(_UNSPACED_CHARS.findall(text)) // CHARACTERS_PER_WORD),
        stop_density=stop_density,
        lower_ratio=lower_ratio,
        terminal=bool(_TERMINAL.search(text)),
        markup=bool(_MARKUP.search(text))
        or (bool(_URL.search(text)) and len(words) < 12)
        or len(_CODE_CHARS.findall(text)) > CODE_DENSITY * len(text),
        separators=len(_SEPARATOR.findall(text)),
        punctuation=len(_INNER_PUNCTUATION.findall(text)),
        glued_headline=len(_title_cased_stops(text)) >= GLUED_HEADLINE_STOPS
        or _shouted_opening(text) >= SHOUTED_OPENING_WORDS,
    )


def _lower_case_share(letter_words: list[str]) -> float:
    """Share of words starting in lower case, among those in a script with case.

    A line mostly in a script without case (Hangul, Han, Arabic) counts as all lower case:
    case tells nothing about it, and a brand name in Latin capitals must not make it a menu.
    """
    if not letter_words:
        return 0.0
    cased_words = [word for word in letter_words if word[0].lower() != word[0].upper()]
    if len(cased_words) < CASED_SHARE * len(letter_words):
        return 1.0
    return sum(word[0].islower() for word in cased_words) / len(cased_words)


OPENING_WORDS = 12
TITLE_CASE_SHARE = 0.7
GLUED_HEADLINE_STOPS = 2  # "In", "After" capitalised in the opening: a Title Case headline
SHOUTED_OPENING_WORDS = 4  # a dateline has one or two words in capitals ("NEW YORK (AP) —")


def _shouted_opening(text: str) -> int:
    """How many words in capitals open a line that goes on in lower case.

    "LOOKING AT THE RACE FROM AFAR PARIS -- Watching the ..." is a headline in capitals
    glued to its teaser; an article's dateline is shorter.
    """
    tokens = text.split()
    count = 0
    for token in tokens:
        if token.startswith("(") or token in ("-", "--", "—", "–"):
            break  # the dateline ends at its agency or its dash
        letters = [ch for ch in token if ch.isalpha()]
        if not letters:
            continue
        if not all(ch.isupper() for ch in letters):
            break
        count += 1
    rest = tokens[count:]
    return count if any(token[:1].islower() for token in rest) else 0


def _title_cased_stops(text: str) -> list[str]:
    """Function words written with a capital in the opening words, not starting a sentence.

    Headlines in Title Case capitalise "In", "After", "Of"; prose does not, except at the
    start of a sentence. A line that opens this way and goes on as prose is a headline
    glued to its teaser by the scraper.
    """
    stop = stopwords()
    found: list[str] = []
    tokens = text.split()[:OPENING_WORDS]
    lettered = [token for token in tokens if token[:1].isalpha()]
    if not lettered or sum(token[0].isupper() for token in lettered) < TITLE_CASE_SHARE * len(lettered):
        return found  # the opening is not in Title Case: capitals there are names ("The We Company")
    for position, token in enumerate(tokens[1:], start=1):
        word = token.strip("\"'“”‘’()[]")
        if (
            word[:1].isupper()
            and word.lower() in stop
            and word != "I"
            and not tokens[position - 1].endswith((".", "!", "?", ":", "—", "-"))
        ):
            found.append(word)
    return found


# --- dumps that kept the page's markup -----------------------------------------------

_TAG = re.compile(r"<\s*/?\s*[a-z][a-z0-9]*(?:\s[^<>]*)?/?\s*>", re.I)
_INVISIBLE = re.compile(
    r"<\s*(script|style|noscript|iframe|select|head)\b.*?<\s*/\s*\1\s*>|<!--.*?-->|<!\[CDATA\[.*?\]\]>", re.I | re.S
)
_BLOCK_TAG = re.compile(
    r"<\s*/?\s*(?:p|div|br|li|ul|ol|h[1-6]|tr|td|th|table|section|article|header|footer|nav|aside|form|"
    r"blockquote|dd|dt|dl|pre|title|option|figure|figcaption|hr|center|body|html|main)\b[^<>]*>",
    re.I,
)
MARKUP_TAGS_PER_WORD = 0.1  # a rendered dump has a stray tag or two; a saved page source has one every few words


def looks_like_markup(text: str) -> bool:
    """The scraper saved the page source, not its text."""
    tags = len(_TAG.findall(text))
    return tags >= 20 and tags > MARKUP_TAGS_PER_WORD * len(text.split())


def strip_markup(text: str) -> str:
    """The text of a page source: scripts and styles dropped, one line per block element."""
    text = _INVISIBLE.sub(" ", text)
    text = _BLOCK_TAG.sub("\n", text)
    text = _TAG.sub("", text)
    return html.unescape(text)


def split_lines(text: str) -> list[DumpLine]:
    """The non-blank lines of a dump, measured, with hard-wrapped paragraphs re-joined.

    A line that stops mid-sentence and is continued on the next one is one paragraph
    wrapped by the scraper; it is joined so that it is judged, and output, whole. A dump
    that is really a saved page source is first reduced to its text.
    """
    if looks_like_markup(text):
        text = strip_markup(text)
    raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    merged: list[tuple[str, bool]] = []
    blank = True
    for raw in raw_lines:
        line = clean_line(raw)
        if not line:
            blank = True
            continue
        if merged and not blank and _continues(merged[-1][0], line):
            merged[-1] = (merged[-1][0] + " " + line, merged[-1][1])
        else:
            merged.append((line, blank))
        blank = False
    return [measure(i, line, blank_before) for i, (line, blank_before) in enumerate(merged)]


WRAPPED_LINE_MIN_WORDS = 8  # a scraper's hard wrap leaves lines of 60 characters or more


def _continues(previous: str, line: str) -> bool:
    """``line`` carries on the sentence that ``previous`` left unfinished.

    It does when it starts in lower case, or when ``previous`` is as long as a wrapped line
    and stops on a comma or on a word no sentence ends with ("hosted by" / "Switzerland, ...").
    """
    if _TERMINAL.search(previous) or _SEPARATOR.search(previous) or _MARKUP.search(previous) or not line[:1].isalnum():
        return False
    if not (previous[-1].isalpha() or previous.endswith(",")):
        return False
    if _URL.match(line):
        return False  # "www.example.com 2007-11-24 Print" under a headline is the page's, not the sentence's
    words = _WORD.findall(previous)
    if _CONTINUATION_START.match(line):
        return len(words) >= 4
    return len(words) >= WRAPPED_LINE_MIN_WORDS and (previous.endswith(",") or words[-1] in _NEVER_LAST_WORDS)


# Words that cannot end a sentence or a headline: a line stopping on one was cut by a wrap.
_NEVER_LAST_WORDS = frozenset("a an the of by and or from with between than into its their his her our your my".split())


# --- classification -----------------------------------------------------------------

SHORT_MAX_WORDS = 6  # up to this a line is judged by its neighbours
GOOD_MIN_WORDS = 14  # a paragraph this long with prose density is good by itself
STOP_HIGH = 0.27  # English prose; headlines and menus stay under it
STOP_LOW = 0.17
STOP_NAMES = 0.1  # a long sentence of names and titles still has a few function words
LOWER_PROSE = 0.55  # share of lower-case words in a sentence (case-marking scripts)
CASED_SHARE = 0.3  # below this share of words in a cased script, a line is judged as caseless
UNPUNCTUATED_PARAGRAPH_WORDS = 30  # a line this long is a paragraph even without a full stop
HEADLINE_MAX_WORDS = 20


ENGLISH_DOCUMENT_DENSITY = 0.15  # function-word density of a page whose longer lines are English
PUNCTUATION_PER_WORD = 1 / 60  # a long line with less punctuation than this is a list of words


def document_is_english(lines: list[DumpLine]) -> bool:
    """Whether the page's longer lines are English: then function-word density is a measure.

    Decided once per page, since a line of Portuguese shares enough short words with
    English ("a", "no", "as") to look like thin English prose by itself.
    """
    long_lines = [line for line in lines if line.words >= 8 and not line.markup]
    words = sum(line.words for line in long_lines)
    stops = sum(line.stop_density * line.words for line in long_lines)
    return words > 0 and stops / words >= ENGLISH_DOCUMENT_DENSITY


def classify(line: DumpLine, *, english: bool = True) -> Kind:
    """The kind of ``line`` from its own text (neighbours are considered later).

    A sentence ends with terminal punctuation; a line without it is a headline, a label or
    a menu entry however wordy, and is left to its neighbours to judge (SHORT) unless it is
    long enough to be a paragraph that lost its full stop.
    """
    if line.markup or line.words == 0:
        return Kind.JUNK
    if line.separators >= 2:
        return Kind.BAD
    if line.words <= SHORT_MAX_WORDS:
        return Kind.SHORT
    if line.words >= UNPUNCTUATED_PARAGRAPH_WORDS and line.punctuation < line.words * PUNCTUATION_PER_WORD:
        return Kind.BAD
    prose_case = line.lower_ratio >= LOWER_PROSE
    dense = line.stop_density >= STOP_HIGH if english else prose_case
    thin = line.stop_density >= STOP_LOW if english else prose_case
    if line.terminal and line.words >= GOOD_MIN_WORDS and dense and prose_case:
        return Kind.GOOD
    if line.words >= UNPUNCTUATED_PARAGRAPH_WORDS and thin and (line.terminal or prose_case):
        return Kind.GOOD
    if line.terminal and thin:
        return Kind.NEAR
    if line.terminal and english and line.words >= GOOD_MIN_WORDS and line.stop_density >= STOP_NAMES:
        return Kind.NEAR  # a full sentence thick with names ("Montreal, QC - The Montreal Alouettes named ...")
    if not line.terminal and line.words <= HEADLINE_MAX_WORDS and (prose_case or thin):
        return Kind.SHORT
    return Kind.BAD
