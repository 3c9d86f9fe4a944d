"""GDELT's geo blocks (eight columns each: type, full name, country, ADM1, ADM2, lat, long,
feature id) from our event locations and our actors' countries.

What GDELT means and what we can give (``docs/export.md``, "GDELT"):

- type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state (first-level
  division), GDELT's codes; 0 with every other column empty when there is no place. Our
  areas across borders (the Sahel) have no GDELT type: 0, but their name and point are kept.
- country and ADM1: FIPS 10-4 codes, as GDELT writes them (``eventwire.export.fips``). ADM1
  is the country code for a country (as GDELT does) and ``US`` + the state's postal code in
  the United States (GeoNames' first-level codes there are the postal codes); elsewhere
  GeoNames' first-level codes are not FIPS codes, so ADM1 stays empty. ADM2 always does.
- feature id: GDELT's is a GNS/GNIS id (ours are GeoNames ids, another numbering, so they
  would join wrongly): the FIPS code for a country and the postal code for a US state, as
  GDELT writes them, and the GeoNames id otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from eventwire.actors.countries import load_countries
from eventwire.export.fips import fips_code
from eventwire.places import gazetteer
from eventwire.places.areas import load_areas

UNITED_STATES = "USA"
US_FIPS = "US"
COUNTRY, US_STATE, US_CITY, WORLD_CITY, WORLD_STATE = 1, 2, 3, 4, 5
NO_PLACE = 0
"""What GDELT writes as the type of an empty geo block."""


@dataclass(frozen=True)
class GeoBlock:
    """The eight columns of one GDELT geo block, as written."""

    type: int = NO_PLACE
    full_name: str | None = None
    country: str | None = None
    adm1: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature_id: str | None = None

    def columns(self) -> list[str]:
        """The block's cells in GDELT's order (ADM2 is always empty)."""
        return [
            str(self.type), self.full_name or "", self.country or "", self.adm1 or "", "",
            _number(self.lat), _number(self.lon), self.feature_id or "",
        ]  # fmt: skip


NO_GEO = GeoBlock()


def _number(value: float | None) -> str:
    return "" if value is None else str(float(value))


@cache
def _country_names() -> dict[str, str]:
    return {country.iso3: country.name for country in load_countries()}


@cache
def _us_states() -> dict[str, str]:
    """A US state's name -> its postal code (GeoNames' first-level code), from our areas table."""
    return {area.name: area.admin1 for area in load_areas()
            if area.country == UNITED_STATES and area.feature == "region" and area.admin1}  # fmt: skip


def _us_city_state(name: str, geonameid: int | None) -> str | None:
    """The postal code of the state a US city lies in, from the gazetteer entry with its id
    (the store keeps the city's id, not its state)."""
    if geonameid is None:
        return None
    entries = (candidate.entry for candidate in gazetteer.lookup(name))
    return next((entry.admin1 for entry in entries if entry.geonameid == geonameid), None)


def _full_name(name: str, iso3: str | None) -> str:
    """"Place, Country" as GDELT writes it; a country alone is its own name."""
    country = _country_names().get(iso3) if iso3 else None
    return name if country is None or country == name else f"{name}, {country}"


def location_geo(
    name: str | None,
    lat: float | None,
    lon: float | None,
    iso3: str | None,
    feature: str | None,
    geonameid: int | None,
) -> GeoBlock:
    """The block of an event's location (``NO_GEO`` when it has none)."""
    if name is None or lat is None or lon is None:
        return NO_GEO
    country = fips_code(iso3, lon)
    in_us = iso3 == UNITED_STATES
    gnid = None if geonameid is None else str(geonameid)
    if feature == "country":
        return GeoBlock(COUNTRY, _country_names().get(iso3 or "", name), country, country, lat, lon, country)
    if feature == "region":
        state = _us_states().get(name) if in_us else None
        adm1 = US_FIPS + state if state else None
        return GeoBlock(US_STATE if in_us else WORLD_STATE, _full_name(name, iso3), country, adm1, lat, lon, state or gnid)
    if feature == "city":
        state = _us_city_state(name, geonameid) if in_us else None
        adm1 = US_FIPS + state if state else None
        return GeoBlock(US_CITY if in_us else WORLD_CITY, _full_name(name, iso3), country, adm1, lat, lon, gnid)
    return GeoBlock(NO_PLACE, name, country, None, lat, lon, gnid)


def country_geo(iso3: str | None) -> GeoBlock:
    """A participant's block: its country at the country's centre (``NO_GEO`` without one).

    GDELT places each actor where the text puts it; we know only the actor's country, so the
    block is country-level, which is what GDELT's type 1 says.
    """
    entry = gazetteer.country(iso3) if iso3 else None
    if entry is None:
        return NO_GEO
    return location_geo(entry.name, entry.lat, entry.lon, iso3, "country", entry.geonameid)
