"""The GDELT 2.0 event export: the 61 tab-separated columns of GDELT's event files, in their
order, one line per event, no header, UTF-8, so that scripts written for GDELT read ours.

Each field's source and what stays empty is in ``docs/export.md`` ("GDELT"); the choices
that are not GDELT's own are said where they are made below.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from datetime import datetime
from typing import BinaryIO

import duckdb

from eventwire.export.actorcode import TYPE_COLUMNS, actor_parts
from eventwire.export.gdelt_geo import GeoBlock, country_geo, location_geo
from eventwire.export.reports import Report, event_reports

_ACTOR_FIELDS = (
    "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
    "Type1Code", "Type2Code", "Type3Code",
)  # fmt: skip
_GEO_FIELDS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")

GDELT_COLUMNS: tuple[str, ...] = (
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{field}" for field in _ACTOR_FIELDS),
    *(f"Actor2{field}" for field in _ACTOR_FIELDS),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{block}Geo_{field}" for block in ("Actor1", "Actor2", "Action") for field in _GEO_FIELDS),
    "DATEADDED", "SOURCEURL",
)  # fmt: skip
"""GDELT 2.0's event table columns, in the order its files give them."""

_DATE = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
ID_BITS = 63
"""GlobalEventID fits a signed 64-bit integer, as GDELT's own ids and pandas' int64 do."""


def global_event_id(event_id: str) -> int:
    """A stable integer for our event id: the top 63 bits of its BLAKE2b hash.

    Our id is the article's content hash and the event's place in it, so the same article
    coded by the same eventwire gets the same GlobalEventID in every store and every export
    (a row number would change as the store grows). A collision among a billion events has a
    chance of about 1 in 20.
    """
    digest = hashlib.blake2b(event_id.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big") >> (64 - ID_BITS)


def date_parts(date: str) -> tuple[int, int, int]:
    """Year, month and day of a YYYY-MM-DD, YYYY-MM or YYYY date (at least a year expected).

    GDELT has no way to say "some day in June": a month-only date is written as the first of
    the month and a year-only date as 1 January (the PLOVER and CSV exports keep the date as
    coded).
    """
    match = _DATE.match(date)
    if match is None:
        raise ValueError(f"not a date: {date!r}")
    year, month, day = match.groups()
    return int(year), int(month or 1), int(day or 1)


def fraction_date(year: int, month: int, day: int) -> str:
    """GDELT's FractionDate: the year plus (month * 30 + day) / 365, to four places.

    That is GDELT's published formula, kept as it is (its fraction passes 1 in December)
    so that our values compare with GDELT's own.
    """
    return f"{year + (month * 30 + day) / 365:.4f}"


def _event_date(report: Report) -> tuple[int, int, int]:
    """The event's date, else its article's publication day, else the day it was ingested."""
    for value in (report["date"], report["published"], report["article_published"]):
        if value and _DATE.match(value):
            return date_parts(value)
    added: datetime = report["ingested_at"]
    return added.year, added.month, added.day


def _actor(report: Report, role: str) -> list[str]:
    """Ten actor columns from the ``source_*`` or ``target_*`` fields."""
    code, name = report[f"{role}_code"], report[f"{role}_name"]
    parts = actor_parts(code, report[f"{role}_country"], report[f"{role}_sector"])
    types = [*parts.types, *[""] * TYPE_COLUMNS][:TYPE_COLUMNS]
    # Ethnic and religion codes: our coder assigns none.
    return [code or "", (name or "").upper(), parts.country or "", parts.known_group or "", "", "", "", *types]


def _action_geo(report: Report) -> GeoBlock:
    return location_geo(report["location_name"], report["location_lat"], report["location_lon"],
                        report["location_country"], report["location_feature"], report["location_geonameid"])  # fmt: skip


def gdelt_row(report: Report) -> list[str]:
    """One event's 61 cells, as written."""
    year, month, day = _event_date(report)
    code: str = report["code"]
    added: datetime = report["ingested_at"]
    return [
        str(global_event_id(report["id"])), f"{year:04d}{month:02d}{day:02d}", f"{year:04d}{month:02d}",
        f"{year:04d}", fraction_date(year, month, day),
        *_actor(report, "source"), *_actor(report, "target"),
        "1" if report["in_lead"] else "0", code, code[:3], report["root"],
        _cell(report["quad_class"]), _cell(report["goldstein"]),
        str(report["num_mentions"]), str(report["num_sources"]), str(report["num_articles"]),
        "",  # AvgTone: we do not score tone, and 0 would claim a neutral one.
        *country_geo(report["source_country"]).columns(), *country_geo(report["target_country"]).columns(),
        *_action_geo(report).columns(),
        added.strftime("%Y%m%d%H%M%S"), report["article_url"] or report["article_origin"] or "",
    ]  # fmt: skip


def _cell(value: object) -> str:
    return "" if value is None else str(value)


def _clean(cell: str) -> str:
    """A cell cannot hold the tab or the line break that separate cells and rows."""
    return cell.replace("\t", " ").replace("\r", " ").replace("\n", " ")


def gdelt_lines(connection: duckdb.DuckDBPyConnection, *, unique: bool = False) -> Iterator[str]:
    """The export's lines (each ending in a line break), every report or one per event."""
    for report in event_reports(connection, unique=unique):
        yield "\t".join(_clean(cell) for cell in gdelt_row(report)) + "\n"


def write_gdelt(connection: duckdb.DuckDBPyConnection, out: BinaryIO, *, unique: bool = False) -> int:
    """Write the export to ``out`` as UTF-8; how many events were written."""
    count = 0
    for line in gdelt_lines(connection, unique=unique):
        out.write(line.encode("utf-8"))
        count += 1
    return count
