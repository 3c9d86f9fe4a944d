"""Writing a ``Result`` as a table, CSV, JSON Lines or Parquet, to a file or to stdout.

- ``table``: for reading in a terminal (``eventwire.query.table``).
- ``csv``: a header line, then one line per row (the csv module's quoting). Lists and
  structs are written as JSON text, NULL as an empty field.
- ``json``: JSON Lines, one object per row keyed by column name, as ``eventwire process``
  prints; lines stream and concatenate, which a single array does not. Lists and structs
  stay nested; dates and times are ISO strings; a value of SQL type JSON is its JSON text.
- ``parquet``: written by DuckDB with every column's SQL type (lists and structs kept).
  Parquet is binary, so without a file it goes to stdout as raw bytes (for a pipe or a
  redirect; the CLI refuses to send it to a terminal).
"""

from __future__ import annotations

import csv
import json
import shutil
import sys
import tempfile
from collections.abc import Mapping, Sequence
from datetime import date, datetime, time
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from eventwire.outfile import written
from eventwire.query.result import Result
from eventwire.query.table import write_table


class Format(str, Enum):
    """The output formats of every query command."""

    table = "table"
    csv = "csv"
    json = "json"
    parquet = "parquet"


def _plain(value: Any) -> Any:
    """What JSON writes for a value it has no type for: ISO strings for dates and times,
    numbers for decimals, the text of anything else (UUIDs, intervals)."""
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return str(value)


def _csv_field(value: Any) -> Any:
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, default=_plain)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return value


def write_csv(result: Result, stream: TextIO) -> None:
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(result.columns)
    writer.writerows([_csv_field(value) for value in row] for row in result.rows)


def write_json_lines(result: Result, stream: TextIO) -> None:
    for record in result.records():
        stream.write(json.dumps(record, ensure_ascii=False, default=_plain) + "\n")


def write_parquet_bytes(result: Result, stream: BinaryIO) -> None:
    """Parquet on a byte stream (DuckDB writes files, so through a temporary one)."""
    with tempfile.TemporaryDirectory(prefix="eventwire-") as folder:
        path = Path(folder) / "result.parquet"
        result.write_parquet(path)
        with path.open("rb") as parquet:
            shutil.copyfileobj(parquet, stream)
        stream.flush()


def write_result(
    result: Result,
    output: Format,
    out: Path | None = None,
    *,
    part_columns: Mapping[str, Sequence[str]] | None = None,
) -> None:
    """Write ``result`` in ``output`` format to the file ``out``, or to stdout when None.

    ``part_columns`` narrows the table's sub-tables (see ``write_table``); other formats
    write every field. A file is written under a temporary name and renamed when complete;
    one that cannot be written is OutputNotWritable (E701), with nothing left half written.
    """
    if out is None:
        if output is Format.parquet:
            sys.stdout.flush()
            write_parquet_bytes(result, sys.stdout.buffer)
        else:
            _write_text(result, output, sys.stdout, part_columns)
        return
    with written(out) as partial:
        if output is Format.parquet:
            result.write_parquet(partial)
        else:
            with partial.open("w", encoding="utf-8", newline="") as stream:
                _write_text(result, output, stream, part_columns)


def _write_text(
    result: Result, output: Format, stream: TextIO, part_columns: Mapping[str, Sequence[str]] | None
) -> None:
    if output is Format.table:
        write_table(result.columns, result.rows, stream, part_columns=part_columns)
    elif output is Format.csv:
        write_csv(result, stream)
    else:
        write_json_lines(result, stream)
