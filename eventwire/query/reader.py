"""Opening the store for reading: never creating it, and saying why when it cannot be read.

Queries open their own read-only connection so that they can never change the store and so
that a mistyped ``--db`` is an error rather than a fresh, empty database (a writable DuckDB
connect would create one). DuckDB locks a file for its writer: while ``eventwire ingest``
writes, a read-only open is refused, which is reported as the store's lock error (E501).
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from eventwire.errors import NotAStore, StoreNotFound
from eventwire.store import open_store
from eventwire.store.schema import current_version

QUERY_SCHEMA = 2
"""The oldest schema the queries read: the first with events, actors and the views."""


def open_reader(db_path: str | Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the store at ``db_path`` (close it, or use it in ``with``).

    Raises StoreNotFound (E601) when there is no such file, StoreLocked (E501) while a writer
    holds it, and NotAStore (E602) when the file lacks eventwire's tables.
    """
    path = Path(db_path)
    if not path.is_file():
        raise StoreNotFound(str(path), origin=str(path))
    connection = open_store(path, read_only=True).connection
    version = current_version(connection)
    if version < QUERY_SCHEMA:
        connection.close()
        raise NotAStore(f"{path} has schema {version}, queries need {QUERY_SCHEMA} or later", origin=str(path))
    return connection
