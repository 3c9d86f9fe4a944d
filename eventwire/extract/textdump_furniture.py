"""Recognisers for the furniture of scraped news pages: the lines around an article's body.

A scraper that saves a page as plain text keeps everything a reader sees: menus, the
headline, a byline, photo captions with their credits, "Related" links, share buttons, a
list of other stories, the cookie notice. This module names those lines so that the
text-dump parser can drop them from the body and keep what they tell (date, author, source,
credit, related headlines) as metadata.

Two kinds of knowledge live here. Phrases that vary by outlet ("More stories", "Most
read", "Share this article") are data, in ``eventwire/data/furniture.tsv``, loaded once.
Shapes that are the same everywhere (a photo credit, a byline, a dateline) are small
regular expressions with the reason they look the way they do; the reading-time line,
which the HTML path reads the same way, is in ``shapes``, and agency names in ``agencies``.

The HTML path (``furniture``, ``images``, ``metadata``) recognises bylines, credits and
date lines with recognisers of its own, for a reason: there the markup says which element
is a byline or a caption, and the body paragraphs come from an extractor that has already
cut most of the page away, so its tests only sort what is left. Here a line has no markup
and must show by its own text that it is furniture, so each recogniser also decides
*whether* the line is one, and is stricter. (Swapping one path's recogniser for the
other's changes what is kept on the evaluation pages.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from eventwire.extract.agencies import wire_agencies
from eventwire.extract.datafiles import data_rows
from eventwire.extract.dates import find_date

CueKind = str  # "list", "end", "drop", "related" or "caption" (see furniture.tsv)
MATCH_KINDS = ("line", "prefix", "contains")
CONTAINS_MAX_WORDS = 30  # a cue inside a longer line is more likely a sentence about it

_WORD = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")
_SPACES = re.compile(r"\s+")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})
# Counts and arrows that decorate furniture ("Comments (12)", "12 Comments", "More »").
_EDGE_NOISE = re.compile(r"^[\s\d()\[\]{}|:;,.!?»«›‹>•·*#+=~_–—-]+|[\s\d()\[\]{}|:;,.!?»«›‹>•·*#+=~_–—-]+$")


def cue_key(text: str) -> str:
    """A line as whole-line cue phrases are written: lower case, plain apostrophes, no counts,
    arrows or colons at its edges ("Comments (12)" and "» More stories:" match their phrases)."""
    lowered = _SPACES.sub(" ", text.translate(_APOSTROPHES).lower()).strip()
    return _EDGE_NOISE.sub("", lowered)


def _starts_with_words(text: str, phrase: str) -> bool:
    """``text`` begins with ``phrase`` and the phrase ends at a word boundary."""
    if not text.startswith(phrase):
        return False
    if len(text) == len(phrase) or not phrase[-1].isalnum():
        return True
    return not text[len(phrase)].isalnum()


@dataclass
class FurnitureCues:
    """The cue phrases of ``furniture.tsv``, indexed by how they match."""

    whole: dict[str, CueKind] = field(default_factory=dict)
    prefixes: list[tuple[str, CueKind]] = field(default_factory=list)
    contained: list[tuple[str, CueKind]] = field(default_factory=list)

    def add(self, kind: CueKind, match: str, phrase: str) -> None:
        phrase = phrase.strip().lower()
        if match == "line":
            self.whole.setdefault(cue_key(phrase), kind)
        elif match == "prefix":
            self.prefixes.append((phrase, kind))
        elif match == "contains":
            self.contained.append((phrase, kind))
        else:
            raise ValueError(f"furniture.tsv: unknown match {match!r} (expected one of {MATCH_KINDS})")

    @cached_property
    def _furniture_starts(self) -> tuple[str, ...]:
        """Every prefix but the "related" ones, as one tuple: ``str.startswith`` tests them at once.

        Most lines start with none, and skip the loop that finds which one and its kind.
        (Read once the cues are loaded: ``add`` comes first.)
        """
        return tuple(phrase for phrase, kind in self.prefixes if kind != "related")

    @cached_property
    def _related_starts(self) -> tuple[str, ...]:
        return tuple(phrase for phrase, kind in self.prefixes if kind == "related")

    def kind_of(self, text: str, *, contains: bool = True) -> CueKind | None:
        """The furniture kind that ``text`` is a cue of, or None for an ordinary line.

        Whole-line cues win over prefixes, prefixes over phrases contained in the line: "Related"
        alone heads a list, "Related: Some headline" introduces one link. ``contains=False``
        skips the contained phrases, for a paragraph of prose that may mention "newsletter".
        """
        key = cue_key(text)
        if not key:
            return None
        if key in self.whole:
            return self.whole[key]
        lowered = _SPACES.sub(" ", text.translate(_APOSTROPHES).lower()).strip().lstrip("»›>•·*#|-– ")
        if lowered.startswith(self._furniture_starts):
            for phrase, kind in self.prefixes:
                if kind != "related" and _starts_with_words(lowered, phrase):
                    return kind
        if contains and len(_WORD.findall(key)) <= CONTAINS_MAX_WORDS:
            for phrase, kind in self.contained:
                if phrase in lowered:
                    return kind
        return None

    def related_headline(self, text: str) -> str | None:
        """The headline after a "Related:" / "Read more:" style prefix, else None.

        Scrapers often glue a label element to the link after it ("RelatedSome headline"),
        so a prefix also counts when the headline's capital letter follows it directly.
        """
        stripped = text.strip()
        lowered = stripped.translate(_APOSTROPHES).lower()
        if not lowered.startswith(self._related_starts):
            return None
        for phrase, kind in self.prefixes:
            if kind != "related" or not lowered.startswith(phrase):
                continue
            rest = stripped[len(phrase) :]
            glued = bool(rest) and not phrase.endswith(":") and (rest[0].isupper() or rest[0] in "\"'‘“")
            spaced = bool(rest) and (phrase.endswith(":") or rest[0] in ":|-–— ")
            if not (glued or spaced):
                continue
            headline = rest.lstrip(":|-–— \t").strip()
            if _is_headline(headline):
                return headline
        return None


RELATED_HEADLINE_MAX_WORDS = 25


def _is_headline(text: str) -> bool:
    """Three words or more, short, and not a sentence (a headline may end with "?" or "!")."""
    words = len(_WORD.findall(text))
    if not 3 <= words <= RELATED_HEADLINE_MAX_WORDS:
        return False
    return not text.endswith(".") or words <= 12


@lru_cache(maxsize=1)
def furniture_cues() -> FurnitureCues:
    """The cue phrases of ``eventwire/data/furniture.tsv`` (read once)."""
    cues = FurnitureCues()
    for kind, match, phrase in data_rows("furniture.tsv", ("kind", "match", "phrase")):
        cues.add(kind, match, phrase)
    return cues


# --- shapes that are the same on every site --------------------------------------------

_CREDIT_WORD = r"(?:photo(?:graph)?s?|image|picture|pic|illustration|graphic|video|footage|credit|source)(?:\s+credit)?"
# Credits that end a caption: "... / Photo: Reuters", "... (Photo: AFP)", "... Photograph: Name/Agency",
# "... (AP Photo/Name)", "... Photo by Name", "... Name | AFP | Getty Images".
_CREDIT_AT_END = [
    re.compile(r"\s*[/|–—-]\s*" + _CREDIT_WORD + r"\s*:\s*(?P<credit>[^/|]{2,80}(?:/[^/|]{2,40})?)$", re.I),
    re.compile(r"\s*[(\[]\s*" + _CREDIT_WORD + r"\s*:\s*(?P<credit>[^()\[\]]{2,80})[)\]]\s*\.?$", re.I),
    re.compile(r"\s*[(\[](?P<credit>[^()\[\]]{1,40}?\b(?:photo|pool|file)\b[^()\[\]]{0,60})[)\]]\s*\.?$", re.I),
    re.compile(r"(?:^|(?<=[.!?”\"’)])|\s)\s*" + _CREDIT_WORD + r"\s*:\s*(?P<credit>\S.{1,79})$", re.I),
    re.compile(
        r"(?:^|(?<=[.!?”\"’)])|\s)\s*(?:photo(?:graph)?|picture|illustration|cartoon|image|video)s?\s+by\s+"
        r"(?P<credit>[A-Z].{1,79})$",
        re.I,
    ),
    re.compile(
        r"(?P<credit>(?:^|(?<=[.!?”\"’)]))[^.!?]{0,80}?\b"
        r"(?:getty images|shutterstock|alamy|ap images|eyevine|rex features))\s*$",
        re.I,
    ),
]
_CREDIT_ONLY_WORDS = 10  # a credit with no caption is a name or two and an agency


@dataclass(frozen=True)
class Credit:
    """A line split into its caption (maybe empty) and the photo credit at its end."""

    caption: str
    credit: str


# Words every credit pattern above needs: most lines have none and skip the expressions.
_CREDIT_HINTS = (
    *("photo", "image", "picture", "pic", "illustration", "graphic", "video", "footage", "credit", "source"),
    *("getty", "shutterstock", "alamy", "eyevine", "rex features", "pool", "file", "cartoon"),
)


def split_credit(text: str) -> Credit | None:
    """The caption and credit of a caption line, or None when ``text`` carries no credit.

    This also decides that a line is a caption (``textdump_roles``), so every pattern is
    anchored at the line's end and the credit is a few words at most. The HTML path's
    ``images.credit_in`` reads caption boxes the markup shows, and records the credit
    differently ("(AP Photo/Name)" is "Name" there, "AP Photo/Name" here).
    """
    stripped = text.strip()
    lowered = stripped.lower()
    if not any(hint in lowered for hint in _CREDIT_HINTS):  # most lines: no regular expression needed
        return None
    for pattern in _CREDIT_AT_END:
        match = pattern.search(stripped)
        if not match:
            continue
        credit = match.group("credit").strip().strip(".;,")
        caption = stripped[: match.start()].strip().rstrip("/|–—-").strip()
        if len(_WORD.findall(credit)) > _CREDIT_ONLY_WORDS or not _WORD.search(credit):
            continue
        return Credit(caption=caption, credit=credit)
    return None


# "By Jane Doe", "By Jane Doe and John Roe", "by JANE DOE, Staff Writer", "By Jane Doe | Reuters".
_BYLINE = re.compile(r"^(?:written\s+|reported\s+)?by[:\s]\s*(?P<names>.+)$", re.I)
_NAME_SEPARATORS = re.compile(r"\s*(?:,|;|\band\b|&|\bwith\b)\s*", re.I)
_BYLINE_TAIL = re.compile(r"\s+(?:[|·•–—]|-\s).*$")
_NAME_PARTICLES = {"de", "da", "del", "der", "van", "von", "al", "el", "bin", "ibn", "la", "le", "di", "du", "st"}
_ROLE_WORDS = frozenset(
    "staff writer reporter correspondent editor contributor columnist bureau chief senior news desk team".split()
)
BYLINE_MAX_WORDS = 14


def _looks_like_name(text: str) -> bool:
    words = text.split()
    if not 1 <= len(words) <= 5:
        return False
    capitalised = [w for w in words if w[0].isupper() or w.lower() in _NAME_PARTICLES]
    return len(capitalised) == len(words) and any(ch.isalpha() for ch in text)


def byline_names(text: str) -> list[str] | None:
    """The authors of a "By ..." line, or None when ``text`` is not a byline.

    Dates, times and roles after the names ("By Jane Doe, Senior Writer | 3 May 2024") are cut;
    every name must look like one (capitalised words), else the line is a sentence that
    happens to start with "by". (The HTML path splits names with ``metadata.split_names``
    and sorts out non-people afterwards, because there a byline is known from the markup
    and need not start with "By".)
    """
    stripped = text.strip()
    if len(_WORD.findall(stripped)) > BYLINE_MAX_WORDS:
        return None
    match = _BYLINE.match(stripped)
    if not match:
        return None
    names_part = _BYLINE_TAIL.sub("", match.group("names"))
    found = find_date(names_part)
    if found:
        names_part = names_part[: found[1].start()]
    names = []
    for piece in _NAME_SEPARATORS.split(names_part):
        piece = piece.strip(" .:")
        if not piece or piece.lower() in _ROLE_WORDS or set(piece.lower().split()) <= _ROLE_WORDS:
            continue
        if not _looks_like_name(piece):
            if names:
                break  # a role or a place after the names
            return None
        names.append(piece)
    return names or None


# "SOURCE: AFP", "Source: Reuters", "Sources: AP, Reuters".
_SOURCE_LINE = re.compile(r"^(?:sources?|via)\s*:\s*(?P<source>\S.{0,60})$", re.I)


def source_line(text: str) -> str | None:
    """What a "Source: X" line names, else None."""
    match = _SOURCE_LINE.match(text.strip())
    return match.group("source").strip().rstrip(".") if match else None


# "MANILA, Nov. 24 (Xinhua) -- ...", "WASHINGTON (Reuters) - ...", "(AP) — ...", "PARIS (AFP) ..."
_DATELINE = re.compile(r"^[^()\n]{0,80}?\((?P<agency>[A-Za-z][\w .&'’-]{0,40}?)\)\s*(?:-{1,2}|—|–|:)")
_DATELINE_PLAIN = re.compile(
    r"^[A-Z][A-Z .,'’-]{2,40}\s*(?:-{1,2}|—|–)\s*(?P<agency>[A-Z][\w.-]{1,20})\s*(?:-{1,2}|—|–)"
)


def dateline_agency(paragraph: str) -> str | None:
    """The agency in the dateline that opens a body paragraph, in its stored name, else None."""
    head = paragraph[:200]
    for pattern in (_DATELINE, _DATELINE_PLAIN):
        match = pattern.match(head)
        if match:
            agency = wire_agencies().canonical(match.group("agency"))
            if agency:
                return agency
    return None


# --- date lines -----------------------------------------------------------------------

_DATE_LABEL = re.compile(
    r"^\s*(?:date|published|updated|posted|last\s+(?:modified|updated)|first\s+published|modified|created|on)\b(?:\s+on\b)?\s*:?\s*",
    re.I,
)
_TIME_BITS = re.compile(
    r"\b\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?|"
    r"\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\b\.?,?|\bupdated\b|\bago\b|"
    r"\b\d{1,3}\s*-?\s*(?:min|mins|minutes?)\.?(?:\s+read)?\b",
    re.I,
)
# Time zones in capitals only: "EST" is a zone, "East" a section.
_TIME_ZONE = re.compile(r"\b(?:[A-Z]{2,4}T|UTC|GMT|IST|CET|CEST|EST|EDT|PST|PDT|BST|AEDT|AEST)\b")
DATE_LINE_MAX_WORDS = 16
DATE_LINE_REST_MAX_WORDS = 6  # a section, a source or a name beside the date


@dataclass(frozen=True)
class DateLine:
    """A short line that carries a date: the ISO date and whatever else it says."""

    iso: str
    rest: str


def date_line(text: str) -> DateLine | None:
    """The date of a header line such as "date 2024-08-19 WORLD" or "Posted January 1, 2008".

    Only short lines count, so that a sentence mentioning a date stays a sentence.
    ``rest`` is the line without the date, labels, times and separators: a section name,
    a source or an author, for the caller to read. (The HTML path's date-line test,
    ``furniture._is_dateline``, only has to drop a paragraph that is a date or a time and
    next to nothing else; a dump's header line is read for the date and what stands beside it.)
    """
    stripped = text.strip()
    if not _DIGIT.search(stripped) or len(_WORD.findall(stripped)) > DATE_LINE_MAX_WORDS:
        return None  # every date form has a year in digits
    found = find_date(stripped)
    if not found:
        return None
    iso, match = found
    rest = stripped[: match.start()] + " " + stripped[match.end() :]
    rest = _TIME_ZONE.sub(" ", _TIME_BITS.sub(" ", _DATE_LABEL.sub("", rest.strip())))
    rest = _SPACES.sub(" ", re.sub(r"[|·•,/]+", " ", rest)).strip(" -–—:")
    if len(_WORD.findall(rest)) > DATE_LINE_REST_MAX_WORDS:
        return None  # a sentence with a date in it, not a date line
    return DateLine(iso=iso, rest=rest)
