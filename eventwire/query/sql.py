"""``run_sql``: a user's own SQL on the store, which can read everything and change nothing.

Three guards, each enough for the store on its own but not for everything around it:

1. The connection must be read-only (``open_reader``): DuckDB itself then refuses any write
   to the store, including one hidden in a CTE (``WITH x AS (DELETE ... RETURNING *)``).
2. The text must be one statement that only reads: SELECT (which DuckDB's parser also
   reports for WITH, FROM-first queries, VALUES, DESCRIBE, SHOW and SUMMARIZE), or an
   EXPLAIN of one. This refuses what a read-only store still allows and which acts outside
   it: COPY ... TO a file, EXPORT DATABASE, ATTACH (another, writable database), INSTALL
   and LOAD, SET, PRAGMA and CALL; and several statements at once, since DuckDB would run
   all but the last on the spot. The check uses DuckDB's own parser, not a regular
   expression over the text.
3. A time limit (``time_limit``): a query can still be arbitrarily expensive.

Table functions that read files (``read_csv``, ``read_parquet``) stay allowed: they read.
"""

from __future__ import annotations

import re

import duckdb

from eventwire.errors import NotReadOnly, SqlError
from eventwire.query.deadline import DEFAULT_TIMEOUT
from eventwire.query.result import Result, fetch

_EXPLAIN = re.compile(r"\s*EXPLAIN\s+(?:ANALY[SZ]E\s+)?", re.IGNORECASE)
_READ_ONLY_REFUSAL = "read-only mode"
"""What DuckDB says when a statement would write to a database opened read-only."""


def check_read_only(sql: str) -> None:
    """Raise NotReadOnly (E604) unless ``sql`` is one statement that only reads, and
    SqlError (E605) when DuckDB cannot parse it."""
    try:
        statements = duckdb.extract_statements(sql)
    except duckdb.Error as error:
        raise SqlError(str(error)) from error
    if len(statements) != 1:
        raise NotReadOnly(f"{len(statements)} statements given, one allowed")
    (statement,) = statements
    if statement.type is duckdb.StatementType.EXPLAIN:
        explained = _EXPLAIN.match(statement.query)
        if explained is None:
            raise NotReadOnly("only EXPLAIN [ANALYZE] followed by a query is allowed")
        check_read_only(statement.query[explained.end() :])
    elif statement.type is duckdb.StatementType.MULTI:
        raise NotReadOnly("a PIVOT without an IN list runs as several statements; name the values: ON c IN (...)")
    elif statement.type is not duckdb.StatementType.SELECT:
        raise NotReadOnly(f"{statement.type.name} is not a query")


def _is_read_only(connection: duckdb.DuckDBPyConnection) -> bool:
    ((read_only,),) = connection.sql(
        "SELECT readonly FROM duckdb_databases() WHERE database_name = current_database()"
    ).fetchall()
    return bool(read_only)


def run_sql(connection: duckdb.DuckDBPyConnection, sql: str, *, timeout: float | None = DEFAULT_TIMEOUT) -> Result:
    """The rows of ``sql`` on a read-only ``connection``, within ``timeout`` seconds.

    E604 for a writable connection or a statement that may write, E605 for an SQL error,
    E606 when the time limit stops it.
    """
    if not _is_read_only(connection):
        raise NotReadOnly("the connection can write; open the store with open_reader")
    check_read_only(sql)
    try:
        return fetch(connection, sql, timeout=timeout)
    except duckdb.InterruptException:
        raise
    except duckdb.Error as error:
        if _READ_ONLY_REFUSAL in str(error):
            raise NotReadOnly(str(error)) from error
        raise SqlError(str(error)) from error
