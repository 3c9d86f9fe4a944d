"""Toponyms of an article, each resolved to one gazetteer entry with the reason it won.

Recognition takes the place of the dateline opening the text ("BAKU, Aug 19 (Reuters) -":
the model reads a word in capitals as anything), spaCy's GPE, LOC and FAC entities, and the
gazetteer's names in capitalised (proper-noun) runs the model left untagged, since the
small model misses many places. It leaves out what names a people or an actor rather than
a place: demonyms and adjectives ("Russian", "Azerbaijanis"), organisations and persons
(their entities are never scanned), and a place that speaks ("Baku said", "Moscow denied":
the government, an actor).

Resolution picks, among the entries a name may denote: the only one; else those the name
is the own name of (not an alternate); else our country, region or area over same-named
cities ("Gaza" is the Strip); else the largest in a country the article names (Paris in an
article about Texas is Paris, Texas); else the largest (Paris, France).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc, Span

from eventwire.actors.countries import load_countries
from eventwire.actors.placenames import place_candidates
from eventwire.events.model import Field
from eventwire.extract.furniture import dateline_length
from eventwire.places import gazetteer
from eventwire.places.gazetteer import Candidate, Entry
from eventwire.places.model import Place

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
MISREAD_LABELS = frozenset({"ORG", "PERSON"})
"""Labels the small model often gives a bare place name ("Karabakh", "Crimea" as ORG, "Lyon"
as PERSON): such an entity is a place only when its whole text passes the untagged-name test."""
CONTEXT_LABELS = frozenset({"GPE", "LOC", "NORP"})
"""Entities whose country sets the article's context: "Azerbaijani" points at Azerbaijan too."""
CONTEXT_KINDS = frozenset({"name", "adjective", "demonym"})
NOT_PLACE_KINDS = frozenset({"adjective", "demonym", "seat"})
"""Country-table forms that name a people or an institution ("the Kremlin"), not a place."""
SPEECH_LEMMAS = frozenset(
    "say tell announce accuse deny claim warn urge demand insist reject condemn respond reply".split()
)
"""Verbs whose subject is an actor: "Baku said" is Azerbaijan's government, not a point on the map."""
MAX_SCAN_TOKENS = 4
"""The longest untagged name scanned for ("Bosnia and Herzegovina", "Horn of Africa")."""
MIN_SCAN_POPULATION = 100_000
"""An untagged capitalised word is a city only if the city is large: smaller towns' names
are too often surnames and words ("Florence", "Reading")."""
_LEADING_WORDS = frozenset({"the"})
DATELINE_STOPS = frozenset({",", "(", "—", "–", "--", "-"})


def find_places(doc: Doc, *, field: Field = "text") -> list[Place]:
    """The places of ``doc`` in text order, each resolved with its ``reason``; ``field`` says
    which part of the document ``doc`` is (its offsets are relative to that part)."""
    mentions = sorted(_mentions(doc), key=lambda span: span.start_char)
    context = _context_countries(doc)
    places = []
    for span in mentions:
        resolved = _resolve(span.text, context, _qualifier(span))
        if resolved is not None:
            entry, reason = resolved
            places.append(
                Place(
                    text=span.text, start=span.start_char, end=span.end_char, name=entry.name,
                    lat=entry.lat, lon=entry.lon, country=entry.country, feature=entry.feature,
                    geonameid=entry.geonameid, reason=reason, field=field,
                )
            )  # fmt: skip
    return places


def _mentions(doc: Doc) -> Iterator[Span]:
    """The dateline's place, place entities that are not actors, then gazetteer names in
    untagged proper-noun runs."""
    dateline = _dateline(doc)
    taken = set(range(dateline.start, dateline.end)) if dateline is not None else set()
    if dateline is not None:
        yield dateline
    for entity in doc.ents:
        if any(token.i in taken for token in entity):
            continue
        if entity.label_ in PLACE_LABELS or entity.label_ in MISREAD_LABELS:
            span = _trimmed(entity)
            if span is None or _speaks(span):
                continue
            if entity.label_ in PLACE_LABELS or _scannable(span.text):
                yield span
    tagged = {token.i for entity in doc.ents for token in entity} | taken
    yield from _untagged_names(doc, tagged)


def _dateline(doc: Doc) -> Span | None:
    """The words in capitals that open the text's dateline, up to its comma, bracket or
    dash ("KYIV" in "KYIV, Ukraine —"), None when the text opens with no dateline."""
    length = dateline_length(doc.text)
    end = 0
    while end < len(doc) and doc[end].idx < length and doc[end].text not in DATELINE_STOPS:
        end += 1
    span = doc[:end]
    return span if length and span.text.isupper() else None


def _trimmed(span: Span) -> Span | None:
    """The entity without a leading "the" and a trailing possessive; None if nothing is left."""
    start, end = span.start, span.end
    while start < end and span.doc[start].lower_ in _LEADING_WORDS:
        start += 1
    while end > start and span.doc[end - 1].tag_ == "POS":
        end -= 1
    return span.doc[start:end] if start < end else None


def _speaks(span: Span) -> bool:
    """Whether the place is the subject of a speech verb, so stands for its government."""
    root = span.root
    return root.dep_ in {"nsubj", "nsubjpass"} and root.head.lemma_ in SPEECH_LEMMAS


def _untagged_names(doc: Doc, tagged: set[int]) -> Iterator[Span]:
    """Longest gazetteer names among runs of capitalised proper nouns outside any entity."""
    index = 0
    while index < len(doc):
        found = None
        for length in range(MAX_SCAN_TOKENS, 0, -1):
            span = doc[index : index + length]
            if len(span) == length and _is_untagged_name(span, tagged) and _scannable(span.text):
                found = span
                break
        if found is not None:
            if not _speaks(found):
                yield found
            index = found.end
        else:
            index += 1


def _is_untagged_name(span: Span, tagged: set[int]) -> bool:
    """A run of proper nouns (function words allowed inside: "Horn of Africa"), first and last
    capitalised, none inside an entity."""
    first, last = span[0], span[-1]
    return (
        all(token.i not in tagged for token in span)
        and first.pos_ == "PROPN" and first.text[:1].isupper()
        and last.pos_ == "PROPN" and last.text[:1].isupper()
    )  # fmt: skip


def _scannable(text: str) -> bool:
    """Whether an untagged name is safe to read as a place: our countries and regions, or a
    large city by its own name (alternates and small towns are too often other words)."""
    match = load_countries().lookup(text)
    if match is not None:
        return match.kind == "name" and not match.needs_context
    return any(
        candidate.exact and (candidate.entry.feature != "city" or candidate.entry.population >= MIN_SCAN_POPULATION)
        for candidate in gazetteer.lookup(text)
    )


def _context_countries(doc: Doc) -> frozenset[str]:
    """The countries the article names by name, adjective or demonym; not by a capital, whose
    name may be another country's city ("Tripoli")."""
    table = load_countries()
    found = (table.lookup(_trimmed_text(entity)) for entity in doc.ents if entity.label_ in CONTEXT_LABELS)
    return frozenset(match.country.iso3 for match in found if match is not None and match.kind in CONTEXT_KINDS)


def _qualifier(span: Span) -> frozenset[str]:
    """The countries of a qualifying name after a comma ("Paris, Texas", "Tripoli, Lebanon"):
    the text saying which of the same-named places it means."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].text != ",":
        return frozenset()
    qualifier = doc[span.end + 1]
    end = span.end + 2
    while end < len(doc) and doc[end].pos_ == "PROPN" and end - span.end <= MAX_SCAN_TOKENS:
        end += 1
    text = doc[span.end + 1 : end].text if qualifier.pos_ == "PROPN" else ""
    match = load_countries().lookup(text) if text else None
    if match is not None:
        return frozenset({match.country.iso3})
    return frozenset(candidate.iso3 for candidate in place_candidates(text) if candidate.kind == "subdivision")


def _trimmed_text(span: Span) -> str:
    trimmed = _trimmed(span)
    return span.text if trimmed is None else trimmed.text


def _resolve(text: str, context: frozenset[str], qualifier: frozenset[str]) -> tuple[Entry, str] | None:
    """The entry ``text`` denotes and why, or None when it is no place (a demonym) or unknown.

    A qualifier ("Paris, Texas") decides alone; a capital's own country joins the context
    when no namesake lies in a country the article names ("Tripoli" in a story on Lebanon).
    """
    match = load_countries().lookup(text)
    if match is not None and match.kind in NOT_PLACE_KINDS:
        return None
    if match is not None and match.kind == "name":
        entry = gazetteer.country(match.country.iso3)
        return None if entry is None else (entry, "country-name")
    candidates = gazetteer.lookup(text)
    if qualifier:
        qualified = [candidate.entry for candidate in candidates if candidate.entry.country in qualifier]
        if qualified:
            return max(qualified, key=lambda entry: entry.population), "qualified"
    if match is not None and not any(candidate.entry.country in context for candidate in candidates):
        context = context | {match.country.iso3}
    return _choose(candidates, context)


def _choose(candidates: Iterable[Candidate], context: frozenset[str]) -> tuple[Entry, str] | None:
    """The resolution rules of the module docstring, in order."""
    pool = list(candidates)
    if not pool:
        return None
    if len(pool) == 1:
        return pool[0].entry, "only-entry"
    exact = [candidate.entry for candidate in pool if candidate.exact]
    if len(exact) == 1:
        return exact[0], "exact-name"
    entries = exact or [candidate.entry for candidate in pool]
    ours = [entry for entry in entries if entry.feature != "city"]
    if ours:
        return ours[0], "named-region"
    in_context = [entry for entry in entries if entry.country in context]
    if in_context:
        return max(in_context, key=lambda entry: entry.population), "country-context"
    return max(entries, key=lambda entry: entry.population), "population"
