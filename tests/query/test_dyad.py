"""dyad_summary: both directions per period, quad class counts and Goldstein sum and mean."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.errors import InvalidFilter
from eventwire.query import EventFilter, dyad_summary, find_events, open_reader

COLUMNS = (
    "period", "direction", "events", "verbal_cooperation", "material_cooperation", "verbal_conflict",
    "material_conflict", "goldstein_sum", "goldstein_mean",
)  # fmt: skip


def test_by_month(precise_db: Path) -> None:
    with open_reader(precise_db) as connection:
        result = dyad_summary(connection, "RUS", "ARM", by="month")
    assert result.columns == COLUMNS
    assert result.rows == [
        # two reports of one accusation (A1, A2) and Armenia's offer of talks dated only to the month
        ("2024-05", "RUS->ARM", 2, 0, 0, 2, 0, -4.0, -2.0),
        ("2024-05", "ARM->RUS", 1, 1, 0, 0, 0, 4.0, 4.0),
        ("2024-07", "ARM->RUS", 1, 1, 0, 0, 0, 5.2, 5.2),
    ]


def test_unique_counts_the_act_once(precise_db: Path) -> None:
    with open_reader(precise_db) as connection:
        result = dyad_summary(connection, "rus", "arm", unique=True, since="2024-05", until="2024-05")
    assert [row[:3] for row in result.rows] == [("2024-05", "RUS->ARM", 1), ("2024-05", "ARM->RUS", 1)]


def test_periods(precise_db: Path) -> None:
    with open_reader(precise_db) as connection:
        by_day = dyad_summary(connection, "RUS", "ARM", by="day").rows
        by_week = dyad_summary(connection, "RUS", "ARM", by="week").rows
        by_year = dyad_summary(connection, "RUS", "UKR", by="year").rows
    # an event dated to the month keeps its month as its period when counting by day or week
    assert [row[:3] for row in by_day] == [("2024-05", "ARM->RUS", 1), ("2024-05-10", "RUS->ARM", 2), ("2024-07-02", "ARM->RUS", 1)]
    assert [row[:2] for row in by_week] == [("2024-05", "ARM->RUS"), ("2024-W19", "RUS->ARM"), ("2024-W27", "ARM->RUS")]
    assert by_year == [("2024", "RUS->UKR", 1, 0, 0, 0, 1, -10.0, -10.0), ("2024", "UKR->RUS", 1, 0, 0, 0, 1, -10.0, -10.0)]


def test_an_unknown_period_is_refused(precise_db: Path) -> None:
    with open_reader(precise_db) as connection, pytest.raises(InvalidFilter):
        dyad_summary(connection, "RUS", "ARM", by="fortnight")  # type: ignore[arg-type]


def test_on_pipeline_rows(coded_db: Path) -> None:
    with open_reader(coded_db) as connection:
        rows = dyad_summary(connection, "RUS", "ARM").rows
    months = {(row[0], row[1]) for row in rows}
    assert ("2024-03", "RUS->ARM") in months and ("2024-04", "RUS->ARM") in months
    march = next(row for row in rows if row[:2] == ("2024-03", "RUS->ARM"))
    assert march[5] >= 1 and march[7] < 0  # the accusation: verbal conflict, negative Goldstein


@pytest.mark.parametrize("by", ["day", "week", "month", "year"])
def test_each_row_is_exactly_the_events_its_period_filter_keeps(precise_db: Path, by: str) -> None:
    """What a dashboard's dyad point links to (``period`` and ``by``) lists the events it counts,
    on a store of mixed date precision."""
    with open_reader(precise_db) as connection:
        rows = dyad_summary(connection, "RUS", "ARM", by=by).records()
        assert rows
        for row in rows:
            if row["period"] is None:
                continue
            source, target = row["direction"].split("->")
            chosen = EventFilter(dyad=(source, target), period=row["period"], by=by)
            assert len(find_events(connection, chosen).rows) == row["events"], row
