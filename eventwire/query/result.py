"""``Result``: the answer to a query, its columns and rows, and the one way queries run.

Every query function builds its SQL and parameters and calls ``fetch``, so that each runs
the same way: once, under the time limit, into a relation DuckDB holds in memory. The rows
are then read into Python at once, so that a result outlives the connection that answered
it; Parquet is written by DuckDB from the in-memory relation, with every column's SQL type
(lists and structs kept, no Python round trip), and so needs the connection still open.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb

from eventwire.errors import SqlError
from eventwire.query.deadline import DEFAULT_TIMEOUT, time_limit

Params = dict[str, object]
"""Named parameters of a query (``$name`` in its SQL): values are never formatted into SQL."""


class Result:
    """One query's answer: ``columns`` (names), ``types`` (DuckDB's type names) and ``rows``,
    tuples of Python values (lists for LIST columns, dicts for STRUCT columns)."""

    def __init__(self, relation: duckdb.DuckDBPyRelation) -> None:
        """``relation``: a materialised relation (``fetch`` makes one)."""
        self._relation = relation
        self.columns: tuple[str, ...] = tuple(relation.columns)
        self.types: tuple[str, ...] = tuple(str(kind) for kind in relation.types)
        self.rows: list[tuple[Any, ...]] = relation.fetchall()

    def records(self) -> list[dict[str, Any]]:
        """Every row as a dict keyed by column name."""
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]

    def write_parquet(self, path: str | Path) -> None:
        """Write the rows to a Parquet file, by DuckDB, keeping every column's SQL type (while
        the connection that answered is open)."""
        self._relation.write_parquet(str(path))


def fetch(
    connection: duckdb.DuckDBPyConnection, sql: str, params: Params | None = None, *, timeout: float | None = DEFAULT_TIMEOUT
) -> Result:
    """Run one SELECT with its named parameters, within ``timeout`` seconds (E606 past it)."""
    with time_limit(connection, timeout):
        relation = connection.sql(sql, params=params)
        if relation is None:
            raise SqlError("the statement returns no rows")
        return Result(relation.materialize())
