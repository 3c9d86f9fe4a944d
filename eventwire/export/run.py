"""``export``: open a store read-only and write one of the export formats to a file or a stream.

A file is written under a temporary name beside it and renamed when complete
(``eventwire.outfile``), so that a failed or interrupted export never leaves a file that
looks finished.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import BinaryIO

import duckdb

from eventwire.export.gdelt import write_gdelt
from eventwire.export.plover import write_plover
from eventwire.export.tables import DEFAULT_TABLE, TableFormat, copy_table, write_table
from eventwire.outfile import written
from eventwire.query.reader import open_reader


class ExportFormat(str, Enum):
    gdelt = "gdelt"
    plover = "plover"
    csv = "csv"
    parquet = "parquet"


TABLE_FORMATS: dict[ExportFormat, TableFormat] = {ExportFormat.csv: "csv", ExportFormat.parquet: "parquet"}
"""Formats that copy a whole table or view; the others write events."""


def export(
    db: str | Path,
    fmt: ExportFormat,
    out: Path | None,
    stdout: BinaryIO,
    *,
    table: str = DEFAULT_TABLE,
    unique: bool = False,
    array: bool = False,
) -> int:
    """Export the store at ``db`` as ``fmt`` to the file ``out``, or to ``stdout`` when it is
    None; how many rows (events for gdelt and plover) were written.

    ``table`` is the table or view csv and parquet copy; ``unique`` writes each real-world
    event once (gdelt, plover); ``array`` writes plover as one JSON array instead of lines.
    """
    with open_reader(db) as connection:
        if out is None:
            return _write(connection, fmt, stdout, table=table, unique=unique, array=array)
        with written(out) as partial:
            if fmt in TABLE_FORMATS:
                return copy_table(connection, table, TABLE_FORMATS[fmt], partial)
            with partial.open("wb") as stream:
                return _write(connection, fmt, stream, table=table, unique=unique, array=array)


def _write(
    connection: duckdb.DuckDBPyConnection, fmt: ExportFormat, stream: BinaryIO, *, table: str, unique: bool, array: bool
) -> int:
    if fmt is ExportFormat.gdelt:
        return write_gdelt(connection, stream, unique=unique)
    if fmt is ExportFormat.plover:
        return write_plover(connection, stream, unique=unique, array=array)
    return write_table(connection, table, TABLE_FORMATS[fmt], stream)
