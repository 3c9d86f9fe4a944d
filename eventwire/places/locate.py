"""Where each event happened: one place per event, with the ``reason`` it was chosen.

The evidence, strongest first (``docs/places.md``, "Event locations"):

1. ``predicate``: a place the parse ties to the event's predicate: the object of a
   locative preposition hung on the predicate, on the words it hangs from up to its
   clause's verb, or on its object ("a visit to Baku", "was in Azerbaijan on a visit",
   "held talks in Geneva"), a place modifying the predicate noun ("the Geneva talks"), or
   the direct object of an act done at a place ("visited Baku", "shelled El Fasher"). The
   nearest in the parse wins.
2. ``sentence``: else a city or region standing as a location elsewhere in the sentence
   (after a locative preposition, or modifying a noun), outside the participants' words:
   "X, speaking in Brussels, accused Y" happened in Brussels.
3. ``dateline``: else the place the story was filed from ("MOSCOW (AFP) —"), for acts
   the sentence does not date away from the publication week.
4. ``actor-country``: else the source's country, else the target's, at its centre.

A place that names a participant ("Russia accused Armenia", "sanctions on Iran") is what
the act is aimed at, not where it happened, except for the acts done at a place that
``eventwire/data/places/place_acts.tsv`` lists (a visit to Baku is in Baku); a place inside
a participant's longer words ("Armenia's Prime Minister") is part of an actor's name and
never a location.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from typing import Literal

from spacy.tokens import Doc, Token

from eventwire.events.model import Event, Location, LocationReason, Participant
from eventwire.extract.datafiles import data_lines, data_rows
from eventwire.extract.furniture import dateline_length
from eventwire.places import gazetteer
from eventwire.places.model import Place
from eventwire.nlp import text_of

PLACE_ACTS = "places/place_acts.tsv"
PLACE_NOUNS = "places/place_nouns.txt"
LOCATIVE_PREPOSITIONS = frozenset(
    "in at to into onto on near outside across inside within throughout around toward towards from".split()
)
"""Prepositions whose object is where an act happens or is aimed ("into Ukraine"); "with",
"of", "against" and "for" name partners, owners and targets instead."""
DEPARTURE = "from"
"""Counts ("withdrew from Kherson") but loses to any other preposition at the same distance
("flew from Moscow to Baku" is in Baku)."""
CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj", "pcomp"})
"""Relations that open a clause: the climb from a predicate stops at the first verb with one,
so a place of another clause ("Russia accused Armenia of stoking tensions in Karabakh")
is not the predicate's."""
OBJECT_DEPS = frozenset({"dobj", "nsubjpass"})
"""The thing acted on: "bombed Rafah", "Rafah was bombed"."""
PHRASE_DEPS = frozenset({"conj", "appos"})
"""A place listed or restated after another ("in Geneva and Vienna", "the capital, Baku")
stands where the first one does."""
MODIFIER_DEPS = frozenset({"compound", "nmod"})
SENTENCE_FEATURES = frozenset({"city", "region"})
"""A country or an area elsewhere in the sentence is too often the subject of the story
rather than the scene of the act."""
DATELINE_DAYS = 7
"""An act dated within a week of publication is part of the story filed from the dateline."""
Role = Literal["locative", "object", "modifier", "other"]


@dataclass(frozen=True)
class _Placement:
    """One place of the document and how the sentence uses it, worked out once per document.

    ``role``: ``locative`` (the object of a locative preposition), ``object`` (a direct or
    passive object), ``modifier`` (modifying a noun: "the Baku talks"), ``other`` (a subject,
    a possessor: an actor, not a scene). ``governor`` is the word the place hangs from (the
    preposition's head, the verb, the noun modified); ``nouns`` the nouns climbed through
    ("the Karabakh enclave": enclave), any of which may be the predicate itself.
    """

    place: Place
    role: Role
    governor: int | None
    preposition: str | None
    nouns: frozenset[int]


@dataclass(frozen=True)
class _Candidate:
    """A place tied to the predicate; the smallest ``rank`` wins: nearest in the parse, then
    not by "from", then nearest in the text."""

    placement: _Placement
    distance: int
    departure: bool
    gap: int

    @property
    def rank(self) -> tuple[int, bool, int]:
        return self.distance, self.departure, self.gap


def locate_events(doc: Doc, events: Sequence[Event], places: Sequence[Place], *, dateline: Place | None = None) -> list[Event]:
    """``events`` with their ``location`` filled, by the rules of the module docstring.

    ``doc`` is the parse the events and places were found in (the body, or the title for
    title events), ``places`` its places (``find_places`` on the same ``doc``), and
    ``dateline`` the body's dateline place (``dateline_place``), used for title events too.
    """
    if not doc.has_annotation("SENT_START"):  # no parse to read: only the fallbacks apply
        return [replace(event, location=_fallback(event, dateline)) for event in events]
    by_sentence = _placements_by_sentence(doc, places, dateline)
    return [replace(event, location=_location(doc, event, by_sentence, dateline)) for event in events]


def dateline_place(doc: Doc, places: Iterable[Place]) -> Place | None:
    """The place of the dateline opening the body ("MOSCOW (AFP) —", "BAKU, Aug 19 (Reuters) -"),
    None when the body opens with none or its place was not resolved."""
    length = dateline_length(text_of(doc))
    return next((place for place in places if place.start < length), None) if length else None


@lru_cache(maxsize=1)
def place_acts() -> tuple[str, ...]:
    """The CAMEO codes (and the codes under them) of acts done at a place, from ``place_acts.tsv``."""
    return tuple(code.strip() for code, _why in data_rows(PLACE_ACTS, ("code", "why")))


def is_place_act(code: str) -> bool:
    """Whether the act is done at a place, so that its object or its participant named by a
    place is where it happened."""
    return code.startswith(place_acts())


@lru_cache(maxsize=1)
def place_nouns() -> frozenset[str]:
    """Nouns that name a place by the name after "of" ("the town of Goma"), from ``place_nouns.txt``."""
    return frozenset(line.strip() for line in data_lines(PLACE_NOUNS))


def _placements_by_sentence(doc: Doc, places: Sequence[Place], dateline: Place | None) -> dict[int, list[_Placement]]:
    """The places of each sentence (by its first character), their roles read once."""
    found: dict[int, list[_Placement]] = defaultdict(list)
    for place in places:
        if place == dateline:
            continue
        span = doc.char_span(place.start, place.end, alignment_mode="expand")
        if span is not None:
            found[span.sent.start_char].append(_placement(place, span.root))
    return found


def _placement(place: Place, root: Token) -> _Placement:
    """How the sentence uses the place whose head word is ``root``."""
    token, nouns = root, set()
    while token.head.i != token.i:  # spaCy makes a new Token per access: compare positions
        if token.dep_ in PHRASE_DEPS:
            token = token.head
        elif token.dep_ in MODIFIER_DEPS and token.head.pos_ == "NOUN":
            token = token.head
            nouns.add(token.i)
        elif token.dep_ == "pobj" and token.head.lower_ == "of" and _names_a_place(token.head.head):
            token = token.head.head  # "the town of Goma" stands where Goma does
            nouns.add(token.i)
        elif token.dep_ == "poss" and _names_a_place(token.head):
            token = token.head  # "Kharkiv's outskirts" too
            nouns.add(token.i)
        else:
            break
    head = token.head
    if token.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in LOCATIVE_PREPOSITIONS:
        return _Placement(place, "locative", head.head.i, head.lower_, frozenset(nouns))
    if token.dep_ in OBJECT_DEPS:
        return _Placement(place, "object", head.i, None, frozenset(nouns))
    if nouns:
        return _Placement(place, "modifier", token.i, None, frozenset(nouns))
    return _Placement(place, "other", None, None, frozenset())


def _names_a_place(noun: Token) -> bool:
    """Whether the noun is one of ``place_nouns.txt``, as written or by its lemma (the model
    lemmatises "outskirts" to "outskirt")."""
    return noun.lower_ in place_nouns() or noun.lemma_.lower() in place_nouns()


def _location(doc: Doc, event: Event, by_sentence: dict[int, list[_Placement]], dateline: Place | None) -> Location | None:
    """The first rule of the module docstring that gives the event a place."""
    evidence = event.evidence.predicate
    span = doc.char_span(evidence.start, evidence.end, alignment_mode="expand")
    if span is None:  # the event's words are in another text (a caller's mismatch): no sentence to read
        return _fallback(event, dateline)
    predicate = span.root
    placements = by_sentence.get(predicate.sent.start_char, [])
    at_place = is_place_act(event.code)
    participants = _participants(event)
    tied = _predicate_place(predicate, placements, participants, at_place)
    if tied is not None:
        return _from_place(tied, "predicate")
    sentence = _sentence_place(placements, participants, predicate.idx)
    if sentence is not None:
        return _from_place(sentence, "sentence")
    return _fallback(event, dateline)


def _participants(event: Event) -> list[Participant]:
    return [party for party in (event.source, event.target) if party is not None]


def _fallback(event: Event, dateline: Place | None) -> Location | None:
    """Where an event is when its sentence names no scene: the dateline, else the actors'
    country. The dateline is where the reporter files from, so it places only what happens
    as the story is filed: an act the sentence dates to another day ("a September 2023
    offensive" in a story filed from Almaty in 2025) is not placed there."""
    if dateline is not None and not _dated_elsewhere(event):
        return _from_place(dateline, "dateline")
    return _actor_country(_participants(event))


def _dated_elsewhere(event: Event) -> bool:
    """Whether the sentence dates the act away from the days the story covers: more than
    ``DATELINE_DAYS`` before or after publication, or to another month or year ("in a
    September 2023 offensive"); "on Tuesday" is still the reporter's story."""
    if event.date_text is None or event.date is None or event.published is None:
        return False
    if len(event.date) < len("2024-08-14"):  # a month or a year
        return not event.published.startswith(event.date)
    try:
        gap = abs((date.fromisoformat(event.date) - date.fromisoformat(event.published[:10])).days)
    except ValueError:  # a publication date we could not read: trust the dateline
        return False
    return gap > DATELINE_DAYS


def _predicate_place(
    predicate: Token, placements: list[_Placement], participants: list[Participant], at_place: bool
) -> Place | None:
    """The place tied to the predicate nearest in the parse, then the closest in the text."""
    anchors = _anchors(predicate)
    objects = {child.i for child in predicate.children if child.dep_ == "dobj"}
    candidates = []
    for placement in placements:
        distance = _distance(placement, anchors, objects, at_place)
        if distance is not None and _may_be_scene(placement.place, participants, at_place):
            gap = abs(placement.place.start - predicate.idx)
            candidates.append(_Candidate(placement, distance, placement.preposition == DEPARTURE, gap))
    return min(candidates, key=lambda candidate: candidate.rank).placement.place if candidates else None


def _anchors(predicate: Token) -> dict[int, int]:
    """The words a place may hang from to be the predicate's, each with its distance: the
    predicate, its objects ("held talks in Geneva"), and the words it hangs from up to its
    clause's verb ("was in Azerbaijan on a visit")."""
    anchors = {predicate.i: 0}
    anchors.update({child.i: 1 for child in predicate.children if child.dep_ == "dobj"})
    token, distance = predicate, 0
    while not _opens_clause(token) and token.head.i != token.i:
        token, distance = token.head, distance + 1
        anchors.setdefault(token.i, distance)
    return anchors


def _opens_clause(token: Token) -> bool:
    return token.dep_ in CLAUSE_DEPS and token.pos_ in ("VERB", "AUX")


def _distance(placement: _Placement, anchors: dict[int, int], objects: set[int], at_place: bool) -> int | None:
    """How far from the predicate the place hangs, None when it is not tied to it. A place
    modifying the predicate noun or a word it hangs from is its scene ("his Baku visit"); one
    modifying its object only for an act done at a place ("shelled the Kharkiv suburbs", but
    "condemned the Gaza offensive" is not in Gaza)."""
    modified = [anchors[noun] for noun in placement.nouns if noun in anchors and (noun not in objects or at_place)]
    if modified:
        return min(modified)
    if placement.governor not in anchors:
        return None
    if placement.role == "locative" or (placement.role == "object" and at_place):
        return anchors[placement.governor]
    return None


def _may_be_scene(place: Place, participants: list[Participant], at_place: bool) -> bool:
    """Not part of an actor's name; a participant itself only for an act done at a place."""
    for party in participants:
        if _overlaps(place, party):
            return at_place and (place.start, place.end) == (party.start, party.end)
    return True


def _overlaps(place: Place, party: Participant) -> bool:
    return party.start < party.end and place.start < party.end and party.start < place.end


def _sentence_place(placements: list[_Placement], participants: list[Participant], predicate: int) -> Place | None:
    """The city or region of the sentence standing as a location nearest the predicate in the
    text, outside the participants' words."""
    scenes = [
        placement.place
        for placement in placements
        if placement.role in ("locative", "modifier")
        and placement.place.feature in SENTENCE_FEATURES
        and not any(_overlaps(placement.place, party) for party in participants)
    ]
    return min(scenes, key=lambda place: abs(place.start - predicate)) if scenes else None


def _actor_country(participants: list[Participant]) -> Location | None:
    """The country of the action: the source's, else the target's, at its centre."""
    for party in participants:
        entry = gazetteer.country(party.country) if party.country else None
        if entry is not None:
            return Location(
                name=entry.name, lat=entry.lat, lon=entry.lon, country=entry.country, feature="country",
                geonameid=entry.geonameid, reason="actor-country",
            )  # fmt: skip
    return None


def _from_place(place: Place, reason: LocationReason) -> Location:
    return Location(
        name=place.name, lat=place.lat, lon=place.lon, country=place.country, feature=place.feature,
        geonameid=place.geonameid, reason=reason, text=place.text, start=place.start, end=place.end, field=place.field,
    )  # fmt: skip
