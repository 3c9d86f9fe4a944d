"""list_actors on pipeline rows: code prefix, name substring, event counts per code, order."""

from __future__ import annotations

from pathlib import Path

from eventwire.query import list_actors, open_reader


def test_code_prefix_and_event_counts(coded_db: Path) -> None:
    with open_reader(coded_db) as connection:
        records = list_actors(connection, code="rus").records()
        ((as_source, as_target),) = connection.sql(
            "SELECT count(*) FILTER (WHERE source_code = 'RUS'), count(*) FILTER (WHERE target_code = 'RUS') FROM events"
        ).fetchall()
    assert records and all(record["code"].startswith("RUS") for record in records)
    russia = next(record for record in records if (record["code"], record["name"]) == ("RUS", "Russia"))
    assert (russia["events_as_source"], russia["events_as_target"]) == (as_source, as_target)
    assert as_source > 0
    totals = [record["events_as_source"] + record["events_as_target"] for record in records]
    assert totals == sorted(totals, reverse=True)  # most active first


def test_name_substring_any_case_and_limit(coded_db: Path) -> None:
    with open_reader(coded_db) as connection:
        lavrov = list_actors(connection, name="LAVROV").records()
        two = list_actors(connection, limit=2).rows
    assert [(record["code"], record["name"]) for record in lavrov] == [("RUSGOV", "Sergei Lavrov")]
    assert lavrov[0]["articles"] == 1 and lavrov[0]["first_seen"] == "2024-04-04"
    assert len(two) == 2


def test_sql_in_a_name_or_code_is_only_a_value(coded_db: Path) -> None:
    with open_reader(coded_db) as connection:
        assert list_actors(connection, name="' OR 1=1 --").rows == []
        assert list_actors(connection, code="RUS' OR '1'='1").rows == []
