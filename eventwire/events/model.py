"""The event records that coding produces and the JSON output carries.

An ``Event`` is one coded act: who (``source``) did what (CAMEO ``code``, PLOVER type and
mode) to whom (``target``), when (``date``), with the sentence and the character offsets
that prove it and the id of the lexicon pattern that fired, so that an analyst can check
every coding against the text and against the pattern file.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from eventwire.records import record_dict

Field = Literal["text", "title"]
Feature = Literal["city", "region", "country", "area"]
"""``city``: a populated place; ``region``: a first-level subdivision or a named region
(Donbas, Darfur); ``country``: a state or territory; ``area``: a disputed or historical
area that spans borders (Kashmir, the South Caucasus). Defined here rather than in
``eventwire.places.model`` so that an event's ``Location`` needs no import of the places
package, which imports this module."""


@dataclass(frozen=True)
class Participant:
    """One side of an event: the coded actor and the words of this sentence that name it.

    ``start``/``end`` are character offsets into the article text of the words the parse
    tied to the predicate (a pronoun or "the Russian leader" when that is what the sentence
    says; ``name`` is then the actor it refers to).
    """

    name: str
    code: str | None
    country: str | None
    sector: str | None
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Span:
    """Words of the article: character offsets and their text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Evidence:
    """Why the event was coded: the pattern id, the predicate's words, the sentence's bounds,
    the grammatical facts that changed the code (``modifiers``: ``future``,
    ``conditional``, ``control:<verb>``, ``guest-of:043``...), and which text the offsets
    are in (``field``: the article's ``text``, or its ``title``)."""

    pattern: str
    predicate: Span
    sentence_start: int
    sentence_end: int
    modifiers: tuple[str, ...] = ()
    field: Field = "text"


@dataclass(frozen=True)
class Plover:
    """The PLOVER reading of a CAMEO code: event type (``CONSULT``) and mode (``visit``), or
    None where PLOVER dropped the category (CAMEO 01, 02)."""

    type: str | None
    mode: str | None


LocationReason = Literal["predicate", "sentence", "dateline", "actor-country"]


@dataclass(frozen=True)
class Location:
    """Where an event happened: a gazetteer point and the ``reason`` it was chosen.

    ``reason`` is the rule of ``eventwire.places.locate`` that gave it (``predicate``,
    ``sentence``, ``dateline``, ``actor-country``); ``text``, ``start``, ``end`` and
    ``field`` are the words of the article that named the place, None when no words did (the
    country of the action, from the source's or target's country), so that every location
    can be checked against the text like the rest of the event.
    """

    name: str
    lat: float
    lon: float
    country: str | None
    feature: Feature
    geonameid: int | None
    reason: LocationReason
    text: str | None = None
    start: int | None = None
    end: int | None = None
    field: Field | None = None


@dataclass
class Event:
    """One coded event with its codes, dates and evidence.

    ``date`` is the day (or month, ``2023-09``, or year) the event happened, resolved from the
    sentence against ``published``; it is ``published`` when the sentence gives no time.
    ``date_text`` is the words that gave the date, None when it fell back to publication.
    ``location`` is where it happened, filled after coding by ``eventwire.places.locate``
    (None until then, and when neither the text nor the participants give a place).
    """

    source: Participant | None
    target: Participant | None
    code: str
    root: str
    quad_class: int
    goldstein: float
    plover: Plover
    date: str | None
    published: str | None
    sentence: str
    evidence: Evidence
    date_text: str | None = None
    location: Location | None = None

    def to_dict(self) -> dict[str, Any]:
        return record_dict(self)
