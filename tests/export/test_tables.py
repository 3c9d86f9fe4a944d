"""CSV and Parquet copies of the store's tables and views."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import duckdb
import pytest

from eventwire.errors import UnknownExportTable
from eventwire.export.tables import EXPORT_TABLES, copy_table, write_table
from eventwire.store import open_store


@pytest.mark.parametrize("table", EXPORT_TABLES)
def test_every_table_copies_to_parquet_with_all_its_rows(store_path: Path, tmp_path: Path, table: str) -> None:
    path = tmp_path / f"{table}.parquet"
    with open_store(store_path, read_only=True) as store:
        written = copy_table(store.connection, table, "parquet", path)
        (rows,) = store.connection.execute(f"SELECT count(*) FROM {table}").fetchone() or (0,)
        columns = [row[0] for row in store.connection.execute(f"DESCRIBE {table}").fetchall()]
    assert written == rows
    with duckdb.connect() as reader:
        assert reader.execute(f"SELECT count(*) FROM '{path}'").fetchone() == (rows,)
        assert [row[0] for row in reader.execute(f"DESCRIBE SELECT * FROM '{path}'").fetchall()] == columns


def test_csv_has_a_header_line_and_one_row_per_event(store_path: Path) -> None:
    out = io.BytesIO()
    with open_store(store_path, read_only=True) as store:
        written = write_table(store.connection, "events", "csv", out)
    rows = list(csv.reader(io.StringIO(out.getvalue().decode("utf-8"))))
    assert rows[0][:4] == ["id", "article_id", "seq", "field"] and "location_reason" in rows[0]
    assert len(rows) - 1 == written > 0
    codes = {row[rows[0].index("code")] for row in rows[1:]}
    assert "043" in codes  # leading zeros kept


def test_parquet_to_a_stream(store_path: Path, tmp_path: Path) -> None:
    out = io.BytesIO()
    with open_store(store_path, read_only=True) as store:
        written = write_table(store.connection, "unique_events", "parquet", out)
    path = tmp_path / "copied.parquet"
    path.write_bytes(out.getvalue())
    with duckdb.connect() as reader:
        assert reader.execute(f"SELECT count(*) FROM '{path}'").fetchone() == (written,)


def test_unknown_tables_are_refused(store_path: Path, tmp_path: Path) -> None:
    with open_store(store_path, read_only=True) as store, pytest.raises(UnknownExportTable) as caught:
        copy_table(store.connection, "schema_info", "csv", tmp_path / "x.csv")
    assert caught.value.code == "E702" and "'schema_info'" in str(caught.value)
