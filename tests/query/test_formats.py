"""The writers: CSV with a header line, JSON Lines, Parquet DuckDB reads back, table and card."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import duckdb
import pytest

from eventwire.errors import OutputNotWritable
from eventwire.query import EventFilter, Format, find_events, get_article, open_reader, write_result
from eventwire.query.article import TABLE_COLUMNS
from eventwire.query.formats import write_csv, write_json_lines
from eventwire.query.table import write_table
from tests.query.stores import A1, precise_id

COLUMNS = ("id", "date", "goldstein", "modifiers", "sentence")


@pytest.fixture(scope="module")
def rows_and_file(precise_db: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str, Path]:
    """CSV and JSON Lines of three events, and the same as Parquet (written while the store is open)."""
    parquet = tmp_path_factory.mktemp("formats") / "events.parquet"
    with open_reader(precise_db) as connection:
        result = find_events(connection, EventFilter(actor="ARM", limit=3), columns=COLUMNS)
        write_result(result, Format.parquet, parquet)
    as_csv, as_json = io.StringIO(), io.StringIO()
    write_csv(result, as_csv)
    write_json_lines(result, as_json)
    return as_csv.getvalue(), as_json.getvalue(), parquet


def test_csv_has_a_header_line_and_json_text_for_lists(rows_and_file: tuple[str, str, Path]) -> None:
    text = rows_and_file[0]
    assert text.splitlines()[0] == ",".join(COLUMNS)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [row["id"] for row in rows] == [precise_id(1), precise_id(0), precise_id(4)]
    assert rows[0]["modifiers"] == "" and rows[0]["goldstein"] == "4.0"  # NULL is an empty field
    assert rows[2]["sentence"] == "The Kremlin ACCUSED Armenia of sabotage."


def test_json_is_one_object_per_line(rows_and_file: tuple[str, str, Path]) -> None:
    records = [json.loads(line) for line in rows_and_file[1].splitlines()]
    assert [list(record) for record in records] == [list(COLUMNS)] * 3
    assert records[0] == {"id": precise_id(1), "date": "2024-05", "goldstein": 4.0, "modifiers": None,
                          "sentence": "Armenia offered talks to Russia at 100% capacity."}  # fmt: skip


def test_parquet_is_read_back_by_duckdb_with_its_types(rows_and_file: tuple[str, str, Path]) -> None:
    with duckdb.connect() as connection:
        relation = connection.read_parquet(str(rows_and_file[2]))
        assert relation.columns == list(COLUMNS)
        assert [str(kind) for kind in relation.types] == ["VARCHAR", "VARCHAR", "DOUBLE", "VARCHAR[]", "VARCHAR"]
        assert [row[0] for row in relation.fetchall()] == [precise_id(1), precise_id(0), precise_id(4)]


def test_a_nested_article_round_trips_through_parquet_and_json(precise_db: Path, tmp_path: Path) -> None:
    with open_reader(precise_db) as connection:
        result = get_article(connection, A1)
        write_result(result, Format.parquet, tmp_path / "a.parquet")
        write_result(result, Format.json, tmp_path / "a.jsonl")
    with duckdb.connect() as connection:
        ((events,),) = connection.sql(f"SELECT events FROM read_parquet('{tmp_path / 'a.parquet'}')").fetchall()
    assert [event["id"] for event in events] == [f"{A1}-{seq}" for seq in range(4)]
    (line,) = (tmp_path / "a.jsonl").read_text(encoding="utf-8").splitlines()
    assert json.loads(line)["events"][0]["num_articles"] == 2


def test_many_rows_are_a_table_and_one_row_a_card_with_its_parts(precise_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "160")  # Rich's width when not writing to a terminal
    with open_reader(precise_db) as connection:
        many = find_events(connection, EventFilter(code="112"), columns=("id", "code"))
        one = get_article(connection, A1)
    table, card = io.StringIO(), io.StringIO()
    write_table(many.columns, many.rows, table)
    write_table(one.columns, one.rows, card, part_columns=TABLE_COLUMNS)
    assert precise_id(0) in table.getvalue() and "2 rows" in table.getvalue()
    text = card.getvalue()
    assert "Article a1000000000000aa" in text and "4 (below)" in text  # the card, its events counted
    assert "Russian forces shelled Kharkiv." in text  # the events' table shows the sentence
    assert "predicate_start" not in text  # but only the fields chosen for a terminal


def test_an_unwritable_out_is_e701_and_leaves_nothing(precise_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "missing" / "events.csv"
    with open_reader(precise_db) as connection:  # Parquet is written by DuckDB while it is open
        result = find_events(connection, EventFilter(limit=2), columns=COLUMNS)
        for output in (Format.csv, Format.parquet):
            with pytest.raises(OutputNotWritable) as caught:
                write_result(result, output, out)
            assert caught.value.code == "E701" and str(out) in str(caught.value)
    assert not (tmp_path / "missing").exists()


def test_a_failed_write_keeps_the_previous_file(
    precise_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "events.csv"
    out.write_text("the previous export\n")
    with open_reader(precise_db) as connection:
        result = find_events(connection, EventFilter(limit=2), columns=COLUMNS)

    def half_then_full_disk(result: object, stream: io.TextIOBase) -> None:
        stream.write("id,da")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("eventwire.query.formats.write_csv", half_then_full_disk)
    with pytest.raises(OutputNotWritable, match="No space left"):
        write_result(result, Format.csv, out)
    assert out.read_text() == "the previous export\n"
    assert [path.name for path in tmp_path.iterdir()] == ["events.csv"]
