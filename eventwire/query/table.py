"""A ``Result`` as a terminal table (Rich), for reading rather than for further processing.

Many rows make one table with a column per field. A single row is shown as a card instead,
one line per field, because one record with many fields (an article, an event) reads
better down the page than across it; a field of that row holding a list of records (an
article's events) becomes a table of its own under the card, showing the fields
``part_columns`` names for it, or all of them. Lists and structs inside a cell are shown
as compact JSON.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any, TextIO

from rich.console import Console
from rich.table import Table

_SHORT = 24
"""Columns no wider than this are kept whole (an event id is 18 characters); a wider one
wraps, and is counted at this width when deciding whether the table fits."""


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def _is_records(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(item, dict) for item in value)


def _rows_table(title: str | None, columns: Sequence[str], rows: Sequence[Sequence[Any]], width: int) -> Table:
    """A table whose short columns (codes, dates, counts) keep their width and whose long
    ones (sentences) wrap in what is left, when that leaves them room: squeezing every
    column alike cuts codes and ids in pieces to spare a sentence a few characters. When
    the short columns alone fill ``width``, every column is squeezed alike after all."""
    table = Table(title=title, caption=f"{len(rows)} rows", title_justify="left", caption_justify="left")
    cells = [[_cell(value) for value in row] for row in rows]
    widths = [max([len(column), *(len(row[index]) for row in cells)]) for index, column in enumerate(columns)]
    borders = 3 * len(columns) + 1
    keep_short = sum(min(wide, _SHORT) for wide in widths) + borders <= width
    for column, wide in zip(columns, widths, strict=True):
        table.add_column(column, no_wrap=keep_short and wide <= _SHORT, overflow="fold")
    for row in cells:
        table.add_row(*row)
    return table


def _records_table(title: str, records: list[dict[str, Any]], shown: Sequence[str] | None, width: int) -> Table:
    columns = [key for key in (shown or records[0]) if key in records[0]]
    return _rows_table(title, columns, [[record.get(key) for key in columns] for record in records], width)


def write_table(
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    stream: TextIO,
    *,
    part_columns: Mapping[str, Sequence[str]] | None = None,
) -> None:
    """Print ``rows`` to ``stream``: a card for a single row, else one table."""
    console = Console(file=stream)
    if len(rows) != 1:
        console.print(_rows_table(None, columns, rows, console.width))
        return
    (row,) = rows
    card = Table(show_header=False, box=None, padding=(0, 2, 0, 0))
    card.add_column(style="bold", no_wrap=True)
    card.add_column(overflow="fold")
    parts: list[tuple[str, list[dict[str, Any]]]] = []
    for column, value in zip(columns, row, strict=True):
        if _is_records(value):
            parts.append((column, value))
            card.add_row(column, f"{len(value)} (below)")
        else:
            card.add_row(column, _cell(value))
    console.print(card)
    for column, records in parts:
        console.print(_records_table(column, records, (part_columns or {}).get(column), console.width))
