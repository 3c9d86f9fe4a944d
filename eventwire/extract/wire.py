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

from eventwire.extract.agencies import wire_agencies

_ALTERNATION = wire_agencies().alternation
# "(Reuters)" within the first words of the lead; "(AP Photo)" is a credit, not a dateline.
_DATELINE = re.compile(r"^.{0,120}?\((?:the\s+)?(?P<agency>" + _ALTERNATION + r")\)", re.I)
_LEADING = re.compile(r"^(?P<agency>" + _ALTERNATION + r")\s*(?:--|-|–|—|:)\s+\S", re.I)
_TRAILING = re.compile(r"(?:--|-|–|—|\()\s*(?P<agency>" + _ALTERNATION + r")\s*\)?\s*\.?$", re.I)
_ANYWHERE = re.compile(r"(?<![\w-])(?:the\s+)?(?P<agency>" + _ALTERNATION + r")(?![\w-])", re.I)
_HEAD_PARAGRAPHS = 2
_TAIL_PARAGRAPHS = 2


def _match(pattern: re.Pattern[str], text: str) -> str | None:
    found = pattern.search(text)
    if found and wire_agencies().written_as_name(found.group("agency")):
        return wire_agencies().canonical(found.group("agency"))
    return None


def wire_agency(body: list[str], *, credit_lines: Iterable[str] = (), author_fields: Iterable[str] = ()) -> str | None:
    """The agency named by the body's dateline or sign-off, a credit line or an author field."""
    for name in author_fields:
        if agency := wire_agencies().canonical(name):
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
