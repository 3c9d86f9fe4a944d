"""When an event happened: the sentence's temporal expressions, resolved against publication.

An event is dated by when it happened, not by when it was reported. News writes that date
relative to the day of publication ("on Thursday", "last week", "two days ago") or in full
("on Aug. 15, 2024", "in September 2023"). ``event_date`` finds the expressions of one
sentence, keeps the one that belongs to the event's predicate (its *anchor*), and turns it
into an ISO value with its precision: ``2024-08-15`` (day), ``2023-09`` (month) or ``2023``
(year). It returns None when the sentence gives the anchor no time; the caller then falls
back to the publication date.

Recognition is a closed vocabulary (month and weekday names, a dozen relative words, number
words), so it is written as one regular expression over the sentence text rather than read
from spaCy's DATE entities: the small model misses "last week", splits "September 2023",
merges "10 am yesterday" into one TIME and labels ages ("43-year-old") and durations
("three years") as DATE. The parse is still used where the words alone cannot decide: a
bare year counts only with a preposition or when the model labels it DATE ("the 2022
invasion"), a date inside a name (an ORG, LAW, PERSON... entity) is no date, and the
dependency tree says which predicate an expression belongs to.

Choices the text leaves open, fixed here so that every event is dated the same way:

- **Weekdays and tense.** A bare weekday is the most recent such day on or before
  publication ("on Thursday" in a Thursday article is that day: wire copy names the day
  even for today). When the anchor's predicate is future ("will meet on Thursday", "is due
  to", "is set to", "plans to"), it is the next such day on or after publication. "last
  Thursday" is strictly before, "next Thursday" strictly after. The same rule places a
  month without a year ("in September") and a day without a year ("on 15 August").
- **Weeks.** There is no week precision. "last week" (also "this week", "next week", "three
  weeks ago") is the calendar week (Monday to Sunday) holding publication minus seven days
  (minus 7 x N), given at month precision; a week that straddles two months belongs to the
  month holding its Thursday, the ISO 8601 rule for weeks that straddle years.
- **Overnight.** "overnight" is the publication day: a story published in the morning
  reports the night that ends on that day, and most of an overnight strike falls after
  midnight. "last night" is the day before publication, as are "yesterday", "the day
  before" and "the previous day" (read against publication; "the day before the vote" is
  relative to another event and is no date).
- **Ago.** "N days ago" is a day; "N weeks ago" follows the week rule; "N months ago" and "N
  years ago" are the month N months (or N x 12 months) before publication: "a year ago"
  means about this time last year.
- **Years and months.** "last year", "this year", "late last year", "in 2022" are years;
  "last month", "earlier this month", "in September", "since September last year", "last
  September" (the most recent September strictly before publication's month) are months.

Durations ("for three years", "a two-year war", "in the past decade", "the last year"),
ages and times of day ("at 10 am") give no date. Without a publication date only
expressions that name their year resolve (ISO dates, "15 August 2024", "September 2023",
"in 2022").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

from spacy.tokens import Doc, Span, Token

from eventwire.extract.dates import MONTHS

Precision = Literal["day", "month", "year"]


@dataclass(frozen=True)
class EventDate:
    """A resolved event date and the words of the sentence that gave it.

    ``value`` is ISO 8601 at ``precision``: ``2024-08-15``, ``2023-09`` or ``2023``; ``text``,
    ``start`` and ``end`` are the words and their character offsets into ``doc.text``, so that
    every date can be checked against the article.
    """

    value: str
    text: str
    start: int
    end: int
    precision: Precision


FULL_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
"""Month names that may stand alone ("in May"); abbreviations need a day or a year."""
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
DAY_WORDS = {
    "today": 0,
    "tonight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "overnight": 0,
    "yesterday": -1,
    "last night": -1,
    "the day before": -1,
    "the previous day": -1,
    "the day before yesterday": -2,
    "tomorrow": 1,
}
"""Words naming a day relative to publication, and its offset in days (see the module doc)."""
HOLIDAY_WEEKDAYS = ("Good", "Black", "Holy", "Ash", "Super", "Maundy", "Cyber", "Bloody")
"""Words that make a weekday a name ("Good Friday", "Bloody Sunday"), not a date."""
NAME_ENTITIES = frozenset({"PERSON", "ORG", "LAW", "EVENT", "WORK_OF_ART", "FAC", "PRODUCT", "GPE", "LOC", "NORP"})
"""Entity labels whose words name something; a month or weekday inside them is no date."""
FUTURE_AUXILIARIES = frozenset({"will", "'ll", "shall", "wo", "would"})
FUTURE_LEMMAS = frozenset({"due", "set", "schedule", "plan", "expect", "intend", "go", "prepare", "poise"})
"""Heads of a to-infinitive that put it in the future ("is due to visit", "plans to meet")."""
CLAUSE_LINKS = frozenset({"xcomp", "acomp", "oprd"})
"""Dependencies that keep a predicate in its head's clause ("began shelling", "is due to visit")."""
NOUN_CLAUSES = frozenset({"relcl", "acl"})
"""A clause that describes a noun ("the offensive, which began in September")."""
PREDICATE_POS = frozenset({"VERB", "AUX"})


def _words(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first so that "the day before yesterday" wins."""
    return "|".join(sorted(words, key=len, reverse=True))


_FULL_MONTH = "(?:" + _words(FULL_MONTHS) + r")\b"
_ABBREVIATIONS = (name.capitalize() for name in MONTHS if name.capitalize() not in FULL_MONTHS)
_MONTH = "(?:" + _FULL_MONTH + "|(?:" + _words(_ABBREVIATIONS) + r")\b\.?)"
"""A month name, or an abbreviation with its dot ("Aug."); a full name takes no dot, which
ends the sentence ("on the 5th of May.")."""
_WEEKDAY = "".join(f"(?<!{word} )" for word in HOLIDAY_WEEKDAYS) + "(?:" + _words(WEEKDAYS) + r")\b"
_YEAR = r"(?:19|20)\d\d\b(?![-\u2013/]\d)"
_DAY = r"[0-3]?\d(?:st|nd|rd|th)?\b"
_NUMBER = "(?:" + _words(NUMBER_WORDS) + r"|\d{1,2})"
_LEAD = (
    r"(?i:(?:(?:on|in|since|during|from|until|till|by|as\s+of)\s+)?"
    r"(?:(?:at\s+)?the\s+(?:end|beginning|start|middle)\s+of\s+)?"
    r"(?:(?:earlier|later|early|late)\s+|mid-?)?(?:(?:on|in)\s+)?)"
)
"""Words before an expression that belong to it: "on", "in", "since", "earlier on", "late",
"at the end of"."""

_EXPRESSION = re.compile(
    r"(?<![\w-])(?P<lead>" + _LEAD + r")(?:"
    r"(?P<iso>(?P<iso_y>(?:19|20)\d\d)-(?P<iso_m>[01]\d)-(?P<iso_d>[0-3]\d))\b"
    r"|(?P<dmy>(?:" + _WEEKDAY + r",?\s+)?(?:the\s+)?(?P<dmy_d>" + _DAY + r")\s+(?:of\s+)?"
    r"(?P<dmy_m>" + _MONTH + r")(?:,?\s+(?P<dmy_y>" + _YEAR + r"))?)"
    r"|(?P<mdy>(?:" + _WEEKDAY + r",?\s+)?(?P<mdy_m>" + _MONTH + r")\s+(?P<mdy_d>" + _DAY + r")"
    r"(?!,?\d)(?:,?\s+(?P<mdy_y>" + _YEAR + r"))?)"
    r"|(?P<my>(?P<my_m>" + _MONTH + r"),?\s+(?:of\s+)?(?P<my_y>" + _YEAR + r"))"
    r"|(?P<mrel>(?P<mrel_m>" + _FULL_MONTH + r")\s+(?:of\s+)?(?i:(?P<mrel_rel>last|this|next)\s+year)\b)"
    r"|(?P<relm>(?i:(?<!the\s)(?P<relm_rel>last|this|next))\s+(?P<relm_m>" + _FULL_MONTH + r"))"
    r"|(?P<wd>(?i:(?P<wd_rel>last|this|next)\s+)?(?P<wd_d>" + _WEEKDAY + r")"
    r"(?i:\s+(?:morning|afternoon|evening|night))?)"
    r"|(?P<dw>(?i:(?P<dw_w>" + _words(DAY_WORDS).replace(" ", r"\s+") + r")"
    r"(?:\s+(?:morning|afternoon|evening))?)\b)"
    r"|(?P<unit>(?i:(?<!the\s)(?P<unit_rel>last|this|next)\s+(?P<unit_u>week|month|year))\b)"
    r"|(?P<ago>(?i:(?P<ago_n>" + _NUMBER + r")\s+(?P<ago_u>day|week|month|year)s?\s+ago)\b)"
    r"|(?P<bm>(?P<bm_m>" + _FULL_MONTH + r"))"
    r"|(?P<yr>(?<![\d/\u2013])(?<!\d-)(?P<yr_y>" + _YEAR + r"))"
    r")"
)
"""Every temporal expression the module resolves, one alternative per kind, tried in order
at each word (specific before general: "August 15, 2024" before "August")."""
_HINT = re.compile(
    r"\d|day|night|morning|afternoon|evening|week|month|year|tomorrow"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
)
"""Words one of which every expression holds (weekdays, "today" and "yesterday" end in
"day"), searched in the lowered text first: most sentences have none, and this is several
times faster than the full expression."""


@dataclass(frozen=True)
class _Found:
    """One expression the parse accepts: its match, kind (the alternative's group name),
    words and offsets into ``doc.text``, and the tokens it covers."""

    match: re.Match[str]
    kind: str
    text: str
    start: int
    end: int
    tokens: Span


def event_date(sentence: Span, published: date | None, *, anchor: Token | None = None) -> EventDate | None:
    """The date of the event at ``anchor`` in ``sentence``, or None when the sentence gives none.

    ``anchor`` is the event's predicate (a verb, "attacked", or an event noun, "offensive"),
    the sentence's root when omitted. Expressions are ranked by how closely they belong to
    it: one attached to the anchor or its noun phrase or relative clause ("a September 2023
    offensive", "attacked the town on Thursday"), then one attached to the predicate the
    anchor belongs to ("launched an offensive on Thursday"), then one in the same clause
    through a control verb or coordination ("began shelling on Monday"); nearest first within
    a rank. An expression of another clause ("said on Monday that...") is never taken. The
    chosen expression is resolved against ``published`` (see the module doc); None when it
    needs a publication date and there is none.
    """
    text = sentence.text
    if not _HINT.search(text.lower()):
        return None
    matches = list(_EXPRESSION.finditer(text))
    if not matches:
        return None
    if isinstance(published, datetime):
        published = published.date()  # a datetime does not compare with a date
    if anchor is None:
        anchor = sentence.root
    doc = sentence.doc
    offset = sentence.start_char
    predicate = _predicate(anchor)
    clause = _clause(predicate)
    best: tuple[int, int] | None = None
    chosen: _Found | None = None
    for match in matches:
        found = _found(match, doc, offset)
        if found is None:
            continue
        rank = _rank(found.tokens, anchor, predicate, clause)
        if rank is None:
            continue
        key = (rank, min(abs(token.i - anchor.i) for token in found.tokens))
        if best is None or key < best:
            best, chosen = key, found
    if chosen is None:
        return None
    resolved = _resolve(chosen, published, _is_future(predicate))
    if resolved is None:
        return None
    value, precision = resolved
    return EventDate(value, chosen.text, chosen.start, chosen.end, precision)


def _found(match: re.Match[str], doc: Doc, offset: int) -> _Found | None:
    """The match with its tokens, or None when the parse says it is no date."""
    kind = match.lastgroup or ""
    start, end = match.span()
    core_start = match.start(kind)
    tokens = doc.char_span(offset + start, offset + end, alignment_mode="expand")
    if tokens is None or not len(tokens):
        return None
    core = [token for token in tokens if token.idx + len(token) > offset + core_start]
    if any(token.ent_type_ in NAME_ENTITIES for token in core):
        return None
    lead = match.group("lead")
    if kind == "bm" and not lead:
        return None  # "May" and "March" alone are words; "in May", "late March" are months
    if kind == "yr" and not _is_year(core[0], bool(lead)):
        return None
    if kind == "dw" and match.group("dw_w").lower().endswith("before"):
        before = core[-1]
        if any(child.dep_ == "pobj" for child in before.children):
            return None  # "the day before the vote" is relative to the vote
    return _Found(match, kind, match.group(), offset + start, offset + end, tokens)


def _is_year(token: Token, lead: bool) -> bool:
    """Whether a bare four-digit number is a year: "in 2022", "the 2022 referendum",
    "Baku's 2023 offensive", a number the model labels DATE; but not a count, "2000 troops",
    "in 2000 villages" (before a plural noun without a determiner, whatever the label)."""
    head = token.head
    if token.dep_ in ("nummod", "compound", "nmod") and head.pos_ in ("NOUN", "PROPN"):
        if any(child.dep_ in ("det", "poss") and child.i < token.i for child in head.children):
            return True
        if head.tag_ in ("NNS", "NNPS"):
            return False
    return lead or token.ent_type_ == "DATE"


def _predicate(token: Token) -> Token:
    """The verb whose clause ``token`` is in: itself for a verb, the governing verb of a noun."""
    while token.pos_ not in PREDICATE_POS and token.head.i != token.i:
        token = token.head
    return token


def _clause(predicate: Token) -> frozenset[Token]:
    """The predicates of ``predicate``'s clause: its control heads ("began" for "shelling",
    "is" for "due to visit") and its coordinated verbs."""
    heads = [predicate]
    token = predicate
    while token.dep_ in CLAUSE_LINKS and token.head.i != token.i:
        token = token.head
        heads.append(token)
    # a coordinated verb shares the clause only when it shares the subject: in "was in Baku,
    # and since Baku liberated the enclave in 2023", the second verb is another clause
    heads.extend(
        conjunct
        for head in list(heads)
        for conjunct in head.conjuncts
        if not any(child.dep_ in ("nsubj", "nsubjpass") for child in conjunct.children)
    )
    heads.extend(child for child in predicate.children if child.dep_ in CLAUSE_LINKS)
    return frozenset(heads)


def _governor(token: Token, anchor: Token) -> Token:
    """The first predicate (or the anchor) above ``token``: the word the expression modifies.

    An appositive stops the climb: in "a visit, his first since the 2022 war", the year
    dates the earlier visit the apposition speaks of, not this one.
    """
    while token.head.i != token.i:
        if token.dep_ == "appos":
            break
        token = token.head
        if token == anchor or token.pos_ in PREDICATE_POS:
            break
    return token


def _rank(tokens: Span, anchor: Token, predicate: Token, clause: frozenset[Token]) -> int | None:
    """0 on the anchor, 1 on the anchor's predicate, 2 elsewhere in its clause, None outside."""
    ranks = []
    for token in tokens:
        if tokens.start <= token.head.i < tokens.end and token.head.i != token.i:
            continue
        if token == anchor:
            return 0
        governor = _governor(token, anchor)
        if governor == anchor or (governor.dep_ in NOUN_CLAUSES and governor.head == anchor):
            ranks.append(0)
        elif governor == predicate:
            ranks.append(1)
        elif governor in clause:
            ranks.append(2)
    return min(ranks) if ranks else None


def _is_future(predicate: Token) -> bool:
    """Whether the anchor's clause is future: "will"/"shall" on it or on a control head, or a
    head that plans ("is due to", "is set to", "plans to", "is going to")."""
    token = predicate
    while True:
        if any(child.dep_ == "aux" and child.lower_ in FUTURE_AUXILIARIES for child in token.children):
            return True
        if token.i != predicate.i and token.lemma_ in FUTURE_LEMMAS and (token.lemma_ != "go" or token.tag_ == "VBG"):
            return True  # "is going to meet", not "went to meet"
        if token.dep_ not in CLAUSE_LINKS or token.head.i == token.i:
            return False
        token = token.head


def _resolve(found: _Found, published: date | None, future: bool) -> tuple[str, Precision] | None:
    match, kind = found.match, found.kind
    if kind == "iso":
        return _day(int(match["iso_y"]), int(match["iso_m"]), int(match["iso_d"]))
    if kind in ("dmy", "mdy"):
        month = _month_number(match[f"{kind}_m"])
        day = int(match[f"{kind}_d"].rstrip("stndrh"))
        year_text = match[f"{kind}_y"]
        if year_text:
            return _day(int(year_text), month, day)
        return _day_without_year(month, day, published, future)
    if kind == "my":
        return _month(int(match["my_y"]), _month_number(match["my_m"]))
    if kind == "yr":
        return match["yr_y"], "year"
    if published is None:
        return None
    if kind == "mrel":
        shift = {"last": -1, "this": 0, "next": 1}[match["mrel_rel"].lower()]
        return _month(published.year + shift, _month_number(match["mrel_m"]))
    if kind in ("relm", "bm"):
        rel = match["relm_rel"].lower() if kind == "relm" else None
        return _month_without_year(_month_number(match[f"{kind}_m"]), rel, published, future)
    if kind == "wd":
        rel = match["wd_rel"].lower() if match["wd_rel"] else None
        return _weekday(WEEKDAYS.index(match["wd_d"]), rel, published, future), "day"
    if kind == "dw":
        words = " ".join(match["dw_w"].lower().split())
        return (published + timedelta(days=DAY_WORDS[words])).isoformat(), "day"
    if kind == "unit":
        shift = {"last": -1, "this": 0, "next": 1}[match["unit_rel"].lower()]
        return _shifted(published, match["unit_u"].lower(), shift)
    if kind == "ago":
        number = match["ago_n"].lower()
        count = int(number) if number.isdigit() else NUMBER_WORDS[number]
        unit = match["ago_u"].lower()
        if unit == "year":  # "a year ago" is about this time last year: a month
            unit, count = "month", 12 * count
        return _shifted(published, unit, -count)
    return None


def _month_number(name: str) -> int:
    return MONTHS[name.rstrip(".").lower()]


def _day(year: int, month: int, day: int) -> tuple[str, Precision] | None:
    try:
        return date(year, month, day).isoformat(), "day"
    except ValueError:
        return None


def _month(year: int, month: int) -> tuple[str, Precision]:
    return f"{year:04d}-{month:02d}", "month"


def _day_without_year(month: int, day: int, published: date | None, future: bool) -> tuple[str, Precision] | None:
    """The most recent such day on or before publication; the next one on or after in the future."""
    if published is None:
        return None
    for year in (published.year, published.year + (1 if future else -1)):
        try:
            value = date(year, month, day)
        except ValueError:
            continue
        if (value >= published) if future else (value <= published):
            return value.isoformat(), "day"
    return None


def _month_without_year(month: int, rel: str | None, published: date, future: bool) -> tuple[str, Precision]:
    """"last September" is strictly before publication's month, "next" strictly after, "this"
    is publication's year; a bare month is on or before it, on or after in the future."""
    year = published.year
    if rel == "last" and month >= published.month:
        year -= 1
    elif rel == "next" and month <= published.month:
        year += 1
    elif rel is None and future and month < published.month:
        year += 1
    elif rel is None and not future and month > published.month:
        year -= 1
    return _month(year, month)


def _weekday(weekday: int, rel: str | None, published: date, future: bool) -> str:
    """The weekday's date: past on or before publication, future on or after, "last" strictly
    before, "next" strictly after."""
    back = (published.weekday() - weekday) % 7
    ahead = (weekday - published.weekday()) % 7
    if rel == "last":
        days = -(back or 7)
    elif rel == "next":
        days = ahead or 7
    elif future:
        days = ahead
    else:
        days = -back
    return (published + timedelta(days=days)).isoformat()


def _shifted(published: date, unit: str, count: int) -> tuple[str, Precision]:
    """Publication moved by ``count`` days, weeks, months or years, at the unit's precision."""
    if unit == "day":
        return (published + timedelta(days=count)).isoformat(), "day"
    if unit == "week":
        monday = published + timedelta(days=7 * count - published.weekday())
        thursday = monday + timedelta(days=3)
        return _month(thursday.year, thursday.month)
    if unit == "year":
        return str(published.year + count), "year"
    months = published.year * 12 + published.month - 1 + count
    return _month(months // 12, months % 12 + 1)


__all__ = ["EventDate", "event_date"]
