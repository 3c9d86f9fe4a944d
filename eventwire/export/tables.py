"""CSV and Parquet copies of the store's tables and views, written by DuckDB's own COPY.

COPY writes types as DuckDB holds them (lists, timestamps, JSON) and streams large tables
without passing each row through Python. It writes only to files, so a copy to stdout goes
through a temporary file; Parquet cannot be written piecewise to a pipe anyway.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import BinaryIO, Literal

import duckdb

from eventwire.errors import UnknownExportTable

TableFormat = Literal["csv", "parquet"]
EXPORT_TABLES = (
    "events", "articles", "article_actors", "quotes", "places", "article_clusters", "ingest_errors",
    "actors", "event_reports", "unique_events",
)  # fmt: skip
"""What can be exported: every table an analyst reads, and the views. ``article_signatures``
(MinHash values for finding duplicates) and ``schema_info`` are the store's own bookkeeping."""
DEFAULT_TABLE = "events"
_OPTIONS: dict[TableFormat, str] = {"csv": "FORMAT csv, HEADER true", "parquet": "FORMAT parquet"}


def copy_table(connection: duckdb.DuckDBPyConnection, table: str, fmt: TableFormat, path: Path) -> int:
    """Write ``table`` to the file at ``path``; how many rows were written.

    Rows are sorted on all their columns, so that two exports of the same store are the same
    file (a view's order is otherwise whatever the query plan gives). A table not in
    ``EXPORT_TABLES`` is UnknownExportTable (E702): the name is put in the SQL text, so only
    known names may be.
    """
    if table not in EXPORT_TABLES:
        raise UnknownExportTable(f"{table!r} (one of {', '.join(EXPORT_TABLES)})")
    target = str(path).replace("'", "''")
    row = connection.execute(f"COPY (SELECT * FROM \"{table}\" ORDER BY ALL) TO '{target}' ({_OPTIONS[fmt]})").fetchone()
    return int(row[0]) if row else 0


def write_table(connection: duckdb.DuckDBPyConnection, table: str, fmt: TableFormat, out: BinaryIO) -> int:
    """Write ``table`` to the stream ``out`` through a temporary file; how many rows were written."""
    with tempfile.TemporaryDirectory(prefix="eventwire-export-") as directory:
        path = Path(directory) / f"{table}.{fmt}"
        count = copy_table(connection, table, fmt, path)
        with path.open("rb") as copied:
            shutil.copyfileobj(copied, out)
    return count
