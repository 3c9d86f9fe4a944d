"""Toponyms of an article, each resolved to one gazetteer entry with the reason it won.

Recognition takes the place of the dateline opening the text ("BAKU, Aug 19 (Reuters) -":
the model reads a word in capitals as anything), spaCy's GPE, LOC and FAC entities, and the
gazetteer's names in capitalised (proper-noun) runs the model left untagged, since the
small model misses many places. It leaves out what names a people or an actor rather than
a place: demonyms and adjectives ("Russian", "Azerbaijanis"), organisations and persons
(their entities are never scanned), and a place that speaks ("Baku said", "Moscow denied":
the government, an actor).

Resolution reads the article twice. First the context: the countries it names (by name,
adjective or demonym), and its anchors, the places with one reading: a city its qualifier
places, one of our regions such as a US state, or a town of ``SMALL_TOWN`` people or more
named by its own name that no namesake comes within ``DOMINANT_RATIO`` times of in size;
each anchor adds its country, its first-level division and its point. Then each toponym
takes, among the entries its name may denote: the one its qualifier names ("Paris, Texas");
the only one; else the one the name is the own name of (not an alternate), unless a city
called so by another name is ``DOMINANT_RATIO`` times larger ("St. Petersburg"); when
several have it as their own name, alternates are set aside; else our
country, region or area over same-named towns ("Gaza" is the Strip); else the largest in a
division the article names (Athens in an article on Georgia's towns is Athens, Georgia);
else the largest near an anchor; else the largest in a country the article names, unless a
namesake abroad is much larger (Paris in a story from Texas that does not say "Texas" is
still Paris, France); else the largest. A country's name is the country, except where the
article is about another country that has a same-named division or town (Georgia, Lebanon
and Palestine in American local news) and gives the country no sign of its own.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from eventwire.actors.countries import load_countries
from eventwire.actors.placenames import place_candidates, place_key
from eventwire.events.model import Field
from eventwire.extract.furniture import dateline_length
from eventwire.places import gazetteer
from eventwire.places.distance import haversine_km
from eventwire.places.gazetteer import Candidate, Entry
from eventwire.places.model import Place
from eventwire.nlp import text_of

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
MISREAD_LABELS = frozenset({"ORG", "PERSON", "PRODUCT", "WORK_OF_ART"})
"""Labels the small model often gives a bare place name ("Karabakh", "Crimea" as ORG, "Lyon"
as PERSON, a city after "bus from" as PRODUCT): such an entity is a place only when its whole
text passes the untagged-name test."""
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
COMPASS_WORDS = frozenset(
    "north south east west northeast northwest southeast southwest central centre center middle".split()
)
SMALL_TOWN = 15_000
"""Towns below this are read only where the article is (a named country or division, a
neighbour): the gazetteer holds 235,000 places of 500 people, and their names are often words."""
PLACED_REASONS = frozenset({"qualified", "division-context", "nearby-places"})
"""Reasons that tie a town to the article's own places."""
NEAR_KM = 150.0
"""A namesake this close to an anchor is the one the article means (its neighbours are named)."""
DOMINANT_RATIO = 20
"""A namesake abroad this many times larger than the largest in the article's countries wins
anyway: a world city is meant unless the text places the name."""
_LEADING_WORDS = frozenset({"the"})
DATELINE_STOPS = frozenset({",", "(", "—", "–", "--", "-"})

Division = tuple[str, str | None]
"""(ISO3, GeoNames first-level code or None for the whole country)."""


@dataclass(frozen=True)
class Context:
    """What the article says about where it is: the countries it names, each with the names
    that signal it; the first-level divisions its anchors lie in or are; the anchors' points."""

    signals: dict[str, frozenset[str]]
    divisions: frozenset[tuple[str, str]]  # (ISO3, GeoNames admin1)
    anchors: tuple[Entry, ...]

    @property
    def countries(self) -> frozenset[str]:
        return frozenset(self.signals)

    def signalled_otherwise(self, iso3: str, key: str) -> bool:
        """Whether something in the article other than the name ``key`` points at ``iso3``."""
        return any(signal != key for signal in self.signals.get(iso3, ()))

    def near_anchor(self, entry: Entry) -> bool:
        return any(haversine_km(entry.lat, entry.lon, anchor.lat, anchor.lon) <= NEAR_KM for anchor in self.anchors)


def find_places(doc: Doc, *, field: Field = "text") -> list[Place]:
    """The places of ``doc`` in text order, each resolved with its ``reason``; ``field`` says
    which part of the document ``doc`` is (its offsets are relative to that part)."""
    mentions = [(span, _qualifier(span)) for span in sorted(_mentions(doc), key=lambda span: span.start_char)]
    context = _context(doc, mentions)
    places = []
    for span, qualifier in mentions:
        resolved = _resolve(span.text, context, qualifier)
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
            if span is None or not _written_as_place(span) or _speaks(span):
                continue
            if entity.label_ in PLACE_LABELS or _scannable(span.text):
                yield span
    tagged = {token.i for entity in doc.ents for token in entity} | taken
    yield from _untagged_names(doc, tagged)


def _dateline(doc: Doc) -> Span | None:
    """The words in capitals that open the text's dateline, up to its comma, bracket or
    dash ("KYIV" in "KYIV, Ukraine —"), None when the text opens with no dateline."""
    length = dateline_length(text_of(doc))
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


def _written_as_place(span: Span) -> bool:
    """A place name starts with a capital and is not a bare compass word: "the West", "North"
    and a lower-case "bush" are towns somewhere in GeoNames but not places in the text."""
    return span.text[:1].isupper() and not (len(span) == 1 and span[0].lower_ in COMPASS_WORDS)


def _speaks(span: Span) -> bool:
    """Whether the place is the subject of a speech verb, so stands for its government."""
    root = span.root
    return root.dep_ in {"nsubj", "nsubjpass"} and root.head.lemma_ in SPEECH_LEMMAS


def _untagged_names(doc: Doc, tagged: set[int]) -> Iterator[Span]:
    """Longest gazetteer names among runs of capitalised proper nouns outside any entity.

    A candidate run starts and ends on a free capitalised proper noun and holds no entity
    token; those facts are read once per token, so that only runs
    that can be names become spans (most tokens start none)."""
    capitalised = [token.pos_ == "PROPN" and token.text[:1].isupper() and token.i not in tagged for token in doc]
    index = 0
    while index < len(doc):
        found = None
        for length in range(MAX_SCAN_TOKENS, 0, -1) if capitalised[index] else ():
            end = index + length
            if end > len(doc) or not capitalised[end - 1] or any(i in tagged for i in range(index, end)):
                continue
            span = doc[index:end]
            if _scannable(span.text):
                found = span
                break
        if found is not None:
            if not _speaks(found):
                yield found
            index = found.end
        else:
            index += 1


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


def _context(doc: Doc, mentions: list[tuple[Span, frozenset[Division]]]) -> Context:
    """The countries the article names by name, adjective or demonym (not by a capital, whose
    name may be another country's city: "Tripoli"), and its anchors (module docstring)."""
    table = load_countries()
    signals: dict[str, set[str]] = defaultdict(set)
    for entity in doc.ents:
        if entity.label_ in CONTEXT_LABELS:
            text = _trimmed_text(entity)
            match = table.lookup(text)
            if match is not None and match.kind in CONTEXT_KINDS:
                signals[match.country.iso3].add(place_key(text))
    anchors = []
    for span, qualifier in mentions:
        anchor = _anchor(span.text, qualifier)
        if anchor is not None and anchor.country is not None:
            anchors.append(anchor)
            signals[anchor.country].add(place_key(span.text))
    divisions = frozenset((anchor.country, anchor.admin1) for anchor in anchors if anchor.country and anchor.admin1)
    return Context(
        signals={iso3: frozenset(keys) for iso3, keys in signals.items()},
        divisions=divisions,
        anchors=tuple(anchor for anchor in anchors if anchor.feature == "city"),
    )


def _anchor(text: str, qualifier: frozenset[Division]) -> Entry | None:
    """The one entry ``text`` can only denote: a city its qualifier places, our region with no
    namesake of its kind, or a town of ``SMALL_TOWN`` people or more named so by its own name
    that no namesake comes near in size (Chattanooga; Atlanta, Georgia over Atlanta, Texas);
    None for countries and the ambiguous."""
    if load_countries().lookup(text) is not None:
        return None
    candidates = gazetteer.lookup(text)
    qualified = [candidate.entry for candidate in candidates if _in(candidate.entry, qualifier)]
    if qualified:
        return max(qualified, key=_size)
    ours = [candidate.entry for candidate in candidates if candidate.entry.feature == "region"]
    if len(ours) == 1:
        return ours[0]
    towns = sorted((candidate.entry for candidate in candidates if candidate.exact and candidate.entry.feature == "city"),
                   key=lambda entry: -entry.population)  # fmt: skip
    if len(towns) != len(candidates) or not towns or towns[0].population < SMALL_TOWN:
        return None
    if len(towns) == 1 or towns[0].population >= DOMINANT_RATIO * towns[1].population:
        return towns[0]
    return None


def _qualifier(span: Span) -> frozenset[Division]:
    """Where a qualifying name after a comma puts the place ("Paris, Texas", "Athens, Ga.",
    "Tripoli, Lebanon"): (country, first-level division) pairs, the division None when the
    qualifier is a country or a division our gazetteer cannot match to towns."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].text != ",":
        return frozenset()
    if doc[span.end + 1].pos_ != "PROPN":
        return frozenset()
    longest = span.end + 2
    while longest < len(doc) and doc[longest].pos_ == "PROPN" and longest - span.end <= MAX_SCAN_TOKENS:
        longest += 1
    for end in range(longest, span.end + 1, -1):  # "Paris, Texas Governor Greg Abbott": "Texas"
        divisions = _divisions_named(doc[span.end + 1 : end].text)
        if divisions:
            return divisions
    return frozenset()


def _divisions_named(text: str) -> frozenset[Division]:
    """The country or first-level divisions a qualifier's words name, empty when none."""
    match = load_countries().lookup(text)
    if match is not None:
        return frozenset({(match.country.iso3, None)})
    regions = {(candidate.entry.country, candidate.entry.admin1) for candidate in gazetteer.lookup(text)
               if candidate.entry.feature == "region" and candidate.entry.country is not None}  # fmt: skip
    if regions:
        return frozenset(regions)
    return frozenset((candidate.iso3, None) for candidate in place_candidates(text) if candidate.kind == "subdivision")


def _in(entry: Entry, divisions: frozenset[Division]) -> bool:
    return any(entry.country == country and admin1 in (None, entry.admin1) for country, admin1 in divisions)


def _trimmed_text(span: Span) -> str:
    trimmed = _trimmed(span)
    return span.text if trimmed is None else trimmed.text


def _resolve(text: str, context: Context, qualifier: frozenset[Division]) -> tuple[Entry, str] | None:
    """The entry ``text`` denotes and why, or None when it is no place (a demonym) or unknown.

    A qualifier ("Paris, Texas") decides alone; a capital's own country joins the context
    when no namesake lies in a country the article names ("Tripoli" in a story on Lebanon).
    """
    match = load_countries().lookup(text)
    if match is not None and match.kind in NOT_PLACE_KINDS:
        return None
    candidates = gazetteer.lookup(text)
    if match is not None and match.kind == "name":
        own = [candidate.entry for candidate in candidates
               if candidate.entry.feature == "region" and candidate.entry.country == match.country.iso3]  # fmt: skip
        if own:  # "Scotland": a part of the country the table files the name under
            return own[0], "named-region"
        local = _local_namesake(place_key(text), match.country.iso3, candidates, context)
        if local is not None:
            return local
        entry = gazetteer.country(match.country.iso3)
        return None if entry is None else (entry, "country-name")
    if qualifier:
        qualified = [candidate.entry for candidate in candidates if _in(candidate.entry, qualifier)]
        if qualified:
            return max(qualified, key=_size), "qualified"
    countries = context.countries
    if match is not None and not any(candidate.entry.country in countries for candidate in candidates):
        countries = countries | {match.country.iso3}
    chosen = _choose(candidates, context, countries)
    if chosen is not None and _unsupported_small_town(chosen[0], chosen[1], countries):
        return None
    return chosen


def _unsupported_small_town(entry: Entry, reason: str, countries: frozenset[str]) -> bool:
    """A town of fewer than ``SMALL_TOWN`` people chosen by its name alone, in a country the
    article does not name: the model's "place" is then more likely a word or a name
    ("Titan", "Marburg" the virus) than a village abroad."""
    return (
        entry.feature == "city" and entry.population < SMALL_TOWN
        and reason not in PLACED_REASONS and entry.country not in countries
    )  # fmt: skip


def _local_namesake(
    key: str, iso3: str, candidates: Iterable[Candidate], context: Context
) -> tuple[Entry, str] | None:
    """A division or town of the article's own country named like a foreign country (the US
    state of Georgia in an article whose anchors lie in the US, Lebanon in an article on
    Pennsylvania's towns), when nothing else in the article points at that foreign country;
    None otherwise. The country's name is never an anchor itself, so the article's own
    divisions come from its other places."""
    if context.signalled_otherwise(iso3, key):
        return None
    local_countries = {country for country, _ in context.divisions}
    entries = [candidate.entry for candidate in candidates if candidate.entry.country != iso3]
    regions = [entry for entry in entries if entry.feature == "region" and entry.country in local_countries]
    if regions:
        return regions[0], "division-context"
    towns = [entry for entry in entries if (entry.country, entry.admin1) in context.divisions]
    return (max(towns, key=_size), "division-context") if towns else None


def _choose(candidates: Iterable[Candidate], context: Context, countries: frozenset[str]) -> tuple[Entry, str] | None:
    """The resolution rules of the module docstring, in order."""
    pool = list(candidates)
    if not pool:
        return None
    if len(pool) == 1:
        return pool[0].entry, "only-entry"
    exact = [candidate.entry for candidate in pool if candidate.exact]
    if len(exact) == 1:
        alternate = max((candidate.entry for candidate in pool if not candidate.exact), key=_size)
        if exact[0].feature == "city" and exact[0].population >= SMALL_TOWN and _dwarfs(alternate, exact[0]):
            # "St. Petersburg" is Russia's (GeoNames' "Saint Petersburg") over Florida's
            return alternate, "population"
        return exact[0], "exact-name"
    entries = exact or [candidate.entry for candidate in pool]
    ours = [entry for entry in entries if entry.feature != "city"]
    if ours:
        return ours[0], "named-region"
    largest = max(entries, key=_size)
    in_division = [entry for entry in entries if (entry.country, entry.admin1) in context.divisions]
    if in_division:
        return max(in_division, key=_size), "division-context"
    nearby = [entry for entry in entries if context.near_anchor(entry)]
    if nearby and not _dwarfs(largest, best := max(nearby, key=_size)):
        return best, "nearby-places"
    in_context = [entry for entry in entries if entry.country in countries]
    if in_context and not _dwarfs(largest, best := max(in_context, key=_size)):
        return best, "country-context"
    return largest, "population"


def _size(entry: Entry) -> int:
    return entry.population


def _dwarfs(larger: Entry, smaller: Entry) -> bool:
    """Whether a city is so much larger than a namesake that it is meant unless the text
    places the name (a qualifier or a named division)."""
    return larger.feature == "city" and larger.population >= DOMINANT_RATIO * smaller.population
