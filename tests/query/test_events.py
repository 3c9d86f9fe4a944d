"""find_events on rows the real pipeline stored: the filters meet what ingest writes."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.errors import InvalidFilter
from eventwire.query import BRIEF_COLUMNS, EVENT_COLUMNS, EventFilter, find_events, open_reader


def test_a_dyad_finds_the_coded_accusation(coded_db: Path) -> None:
    with open_reader(coded_db) as connection:
        result = find_events(connection, EventFilter(dyad=("RUS", "ARM"), root="11"))
    assert result.columns == BRIEF_COLUMNS
    records = result.records()
    assert records and {record["code"] for record in records} == {"112"}
    assert all(record["date"] == "2024-03-12" and record["quad_class"] == 3 for record in records)
    assert any("sabotage" in record["sentence"] for record in records)


def test_actor_prefix_covers_sector_codes(coded_db: Path) -> None:
    with open_reader(coded_db) as connection:
        codes = {row[0] for row in find_events(connection, EventFilter(actor="RUS"), columns=("source_code",)).rows}
        material = find_events(connection, EventFilter(actor="RUS", quad=4, since="2024-05"), columns=("source_code", "code"))
    assert {"RUS", "RUSGOV"} <= codes  # RUSGOV found through the prefix RUS
    assert ("RUSMIL", "190") in material.rows  # the drone strike on Kharkiv


def test_every_column_can_be_asked_for(coded_db: Path) -> None:
    with open_reader(coded_db) as connection:
        result = find_events(connection, EventFilter(limit=1), columns=EVENT_COLUMNS)
    assert result.columns == EVENT_COLUMNS and len(result.rows) == 1
    assert isinstance(result.records()[0]["modifiers"], list)  # a LIST column stays a list


@pytest.mark.parametrize("columns", [(), ("id", "nope"), ('id" FROM articles --',)])
def test_unknown_columns_are_refused(coded_db: Path, columns: tuple[str, ...]) -> None:
    with open_reader(coded_db) as connection, pytest.raises(InvalidFilter):
        find_events(connection, columns=columns)
