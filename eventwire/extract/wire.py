"""The wire agency behind an article, when the page names one.

An outlet that runs a Reuters or AFP story is not the story's source: for event data the
agency is (its reporters saw the event, and the same story appears on many sites). Pages
say so in a few fixed shapes, which are what we look for, never a bare mention in a
sentence ("Reuters reported on Tuesday" is about the agency, not by it):

- the dateline at the start of the lead: "ISLAMABAD, March 4 (Reuters) -", "(AP) —";
- the agency as the first or last word group of a paragraph: "AFP - ...", "... — AFP";
- a byline, dateline or copyright line that names it ("By CP", "© 2019 Associated Press");
- an author field that is an agency rather than a person.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from eventwire.extract.furniture import WIRE_AGENCIES

CANONICAL: dict[str, str] = {
    "ap": "Associated Press", "associated press": "Associated Press", "the associated press": "Associated Press",
    "afp": "AFP", "agence france-presse": "AFP", "agence france presse": "AFP",
    "dpa": "dpa", "deutsche presse-agentur": "dpa",
    "pa": "PA Media", "press association": "PA Media", "pa media": "PA Media",
    "upi": "UPI", "united press international": "UPI",
    "cp": "The Canadian Press", "canadian press": "The Canadian Press", "the canadian press": "The Canadian Press",
    "aap": "AAP", "australian associated press": "AAP",
    "pti": "PTI", "press trust of india": "PTI",
    "kyodo news": "Kyodo", "anadolu agency": "Anadolu",
}  # fmt: skip
"""Aliases of one agency, case-folded, to the name we record; other agencies keep their own name."""

_NAMES = sorted(WIRE_AGENCIES, key=len, reverse=True)
_ALTERNATION = "|".join(re.escape(name) for name in _NAMES)
# "(Reuters)" within the first words of the lead; "(AP Photo)" is a credit, not a dateline.
_DATELINE = re.compile(r"^.{0,120}?\((?:the\s+)?(?P<agency>" + _ALTERNATION + r")\)", re.I)
_LEADING = re.compile(r"^(?P<agency>" + _ALTERNATION + r")\s*(?:--|-|–|—|:)\s+\S", re.I)
_TRAILING = re.compile(r"(?:--|-|–|—|\()\s*(?P<agency>" + _ALTERNATION + r")\s*\)?\s*\.?$", re.I)
_ANYWHERE = re.compile(r"(?<![\w-])(?:the\s+)?(?P<agency>" + _ALTERNATION + r")(?![\w-])", re.I)
_HEAD_PARAGRAPHS = 2
_TAIL_PARAGRAPHS = 2


def canonical_agency(name: str) -> str | None:
    """The agency's recorded name if ``name`` is exactly an agency's (any alias), else None."""
    key = re.sub(r"\s+", " ", name).strip().casefold()
    if key in CANONICAL:
        return CANONICAL[key]
    return next((agency for agency in WIRE_AGENCIES if agency.casefold() == key), None)


def _agency_case_ok(found: str) -> bool:
    """Short acronyms count only in capitals ("AP", not "ap" inside a sentence fragment)."""
    return len(found) > 4 or found.isupper() or found == "dpa"


def _match(pattern: re.Pattern[str], text: str) -> str | None:
    found = pattern.search(text)
    if found and _agency_case_ok(found.group("agency")):
        return canonical_agency(found.group("agency"))
    return None


def wire_agency(body: list[str], *, credit_lines: Iterable[str] = (), author_fields: Iterable[str] = ()) -> str | None:
    """The agency named by the body's dateline or sign-off, a credit line or an author field."""
    for name in author_fields:
        if agency := canonical_agency(name):
            return agency
    for paragraph in body[:_HEAD_PARAGRAPHS]:
        if agency := _match(_DATELINE, paragraph) or _match(_LEADING, paragraph):
            return agency
    for paragraph in body[-_TAIL_PARAGRAPHS:]:
        if agency := _match(_TRAILING, paragraph):
            return agency
    for line in credit_lines:
        if agency := _match(_ANYWHERE, line):
            return agency
    return None
