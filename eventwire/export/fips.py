"""ISO 3166-1 alpha-3 -> FIPS 10-4 country codes, for the GDELT export's geo columns.

GDELT writes FIPS codes where we store ISO3 codes; the table of the facts is
``eventwire/data/export/fips_countries.tsv`` (why a table and not a rule: its comments).
"""

from __future__ import annotations

from functools import cache

from eventwire.extract.datafiles import data_rows

TABLE = "export/fips_countries.tsv"
COLUMNS = ("iso3", "fips", "notes")
PALESTINE = "PSE"
GAZA_STRIP = "GZ"
GAZA_STRIP_EAST_EDGE = 34.7
"""Degrees east: the Gaza Strip lies west of it (34.2-34.6 E), the West Bank east (34.9-35.6 E)."""


@cache
def fips_codes() -> dict[str, str]:
    """ISO3 -> FIPS 10-4 for every country of the table (read once per process)."""
    rows = data_rows(TABLE, COLUMNS)
    if tuple(rows[0]) != COLUMNS:
        raise ValueError(f"{TABLE}: the first data line must be the header {'<TAB>'.join(COLUMNS)}")
    return {iso3: fips for iso3, fips, _ in rows[1:]}


def fips_code(iso3: str | None, lon: float | None = None) -> str | None:
    """The FIPS code of the country ``iso3``, None when unknown (no country, or one outside our
    table, such as a city GeoNames puts in an overseas territory).

    FIPS splits Palestine in two, so a point (``lon``) in the Gaza Strip gets GZ; any other
    Palestinian place, or one without a point, gets the West Bank's WE.
    """
    if iso3 is None:
        return None
    if iso3 == PALESTINE and lon is not None and lon < GAZA_STRIP_EAST_EDGE:
        return GAZA_STRIP
    return fips_codes().get(iso3)
