"""Opening the store for reading: never creating it, and saying why when it cannot be read.

Queries open their own read-only connection so that they can never change the store and so
that a mistyped ``--db`` is an error rather than a fresh, empty database (a writable DuckDB
connect would create one). DuckDB locks a file for its writer: while ``eventwire ingest``
writes, a read-only open is refused, which is reported as the store's lock error (E501).

DuckDB would otherwise install and load a known extension on first use (``read_parquet``
of an ``https://`` URL pulls in httpfs), which is exactly the INSTALL/LOAD that ``eventwire
sql`` refuses as a statement. The reader turns both off and locks the configuration, so
that no later ``SET`` on the connection can turn them back on.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from eventwire.store import open_store

_LOCKDOWN = "SET autoinstall_known_extensions = false; SET autoload_known_extensions = false; SET lock_configuration = true"
"""Applied right after the read-only open (``Store`` opens the connection, so not in its config)."""


def open_reader(db_path: str | Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the store at ``db_path`` (close it, or use it in ``with``).

    Raises StoreNotFound (E502) when there is no such file, StoreLocked (E501) while a writer
    holds it, NotAStore (E504) when the file lacks eventwire's tables and StoreOutdated
    (E503) when it is at another schema version (``Store`` checks all of them). Extensions
    are never installed or loaded automatically, and the configuration is locked.
    """
    connection = open_store(Path(db_path), read_only=True).connection
    connection.execute(_LOCKDOWN)
    return connection
