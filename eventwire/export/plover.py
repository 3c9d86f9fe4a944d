"""The PLOVER export: one JSON object per event in the shape of PLOVER/POLECAT event data
(event type, mode, contexts, actor and recipient, date, location), with the offsets and the
sentence it was coded from, as JSON Lines or one JSON array.

Every record validates against ``eventwire/data/schemas/plover_event.schema.json``, which we
wrote from the PLOVER specification; ``docs/export.md`` ("PLOVER") describes each field.
Events of CAMEO roots 01 and 02 (statements, appeals) are left out: PLOVER dropped those
categories, so they have no event type (the GDELT and table exports keep them).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import Any, BinaryIO

import duckdb

from eventwire.events.codebook import lookup
from eventwire.export.reports import Report, event_reports

SCHEMA_FILE = "plover_event.schema.json"
CONTEXT_SEPARATOR = ";"
"""How the codebook joins several contexts of one code."""
Record = dict[str, Any]


@cache
def plover_schema() -> dict[str, Any]:
    """The JSON Schema of one exported record (draft 2020-12)."""
    text = resources.files("eventwire").joinpath("data", "schemas", SCHEMA_FILE).read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def _contexts(code: str) -> list[str]:
    """The PLOVER contexts of the CAMEO code, from our codebook (the events table does not store
    them: they follow from the code)."""
    joined = lookup(code).plover_context
    return joined.split(CONTEXT_SEPARATOR) if joined else []


def _participant(report: Report, role: str) -> Record | None:
    """The actor or recipient from the ``source_*`` or ``target_*`` fields, None when absent."""
    fields = ("name", "code", "country", "sector", "text", "start", "end")
    participant = {field: report[f"{role}_{field}"] for field in fields}
    return None if participant["name"] is None and participant["code"] is None else participant


def _location(report: Report) -> Record | None:
    if report["location_name"] is None:
        return None
    fields = ("name", "lat", "lon", "country", "feature", "geonameid", "reason", "text", "start", "end")
    return {field: report[f"location_{field}"] for field in fields}


def plover_record(report: Report) -> Record:
    """One event as the PLOVER export writes it (``report`` must have a PLOVER event type)."""
    return {
        "id": report["id"],
        "date": report["date"],
        "event_type": report["plover_type"],
        "mode": report["plover_mode"],
        "context": _contexts(report["code"]),
        "actor": _participant(report, "source"),
        "recipient": _participant(report, "target"),
        "article": {
            "id": report["article_id"], "url": report["article_url"], "title": report["article_title"],
            "published": report["article_published"], "outlet": report["outlet"],
        },
        "evidence": {
            "field": report["field"],
            "sentence": {"text": report["sentence"], "start": report["sentence_start"], "end": report["sentence_end"]},
            "predicate": {"text": report["predicate_text"], "start": report["predicate_start"], "end": report["predicate_end"]},
            "pattern": report["pattern"],
            "modifiers": list(report["modifiers"] or ()),
            "date_text": report["date_text"],
        },
        "location": _location(report),
        "num_articles": report["num_articles"],
        "num_sources": report["num_sources"],
        "cameo": {"code": report["code"], "root": report["root"], "goldstein": report["goldstein"],
                  "quad_class": report["quad_class"]},
    }  # fmt: skip


def plover_records(connection: duckdb.DuckDBPyConnection, *, unique: bool = False) -> Iterator[Record]:
    """Every event that has a PLOVER type, every report or one per real-world event."""
    for report in event_reports(connection, unique=unique):
        if report["plover_type"] is not None:
            yield plover_record(report)


def write_plover(connection: duckdb.DuckDBPyConnection, out: BinaryIO, *, unique: bool = False, array: bool = False) -> int:
    """Write the records to ``out`` as UTF-8 JSON Lines, or with ``array`` as one JSON array (one
    record a line, so that it streams as well); how many records were written."""
    count = 0
    if array:
        out.write(b"[\n")
    for record in plover_records(connection, unique=unique):
        if array and count:
            out.write(b",\n")
        out.write(json.dumps(record, ensure_ascii=False).encode("utf-8"))
        if not array:
            out.write(b"\n")
        count += 1
    if array:
        out.write(b"\n]\n")
    return count
