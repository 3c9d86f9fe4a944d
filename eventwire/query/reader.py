"""Opening the store for reading: never creating it, and saying why when it cannot be read.

Queries open their own read-only connection so that they can never change the store and so
that a mistyped ``--db`` is an error rather than a fresh, empty database (a writable DuckDB
connect would create one). DuckDB locks a file for its writer: while ``eventwire ingest``
writes, a read-only open is refused, which is reported as the store's lock error (E501).

DuckDB would otherwise install and load a known extension on first use (``read_parquet``
of an ``https://`` URL pulls in httpfs), which is exactly the INSTALL/LOAD that ``eventwire
sql`` refuses as a statement. The reader turns both off and locks the configuration, so
that no later ``SET`` on the connection can turn them back on.

These settings belong to the database instance, not to one connection, and DuckDB gives
every connection to one file in one process the same instance: while one reader is open
(the web API serves requests on several threads), the next finds the configuration locked
already, and a ``SET`` would fail. So the lockdown is applied only when the instance lacks
it, under a lock, so that two readers opening at once do not both try.
"""

from __future__ import annotations

import threading
from pathlib import Path

import duckdb

from eventwire.store import open_store

LOCKED_DOWN = {"autoinstall_known_extensions": "false", "autoload_known_extensions": "false", "lock_configuration": "true"}
"""The settings every reader runs with (``lock_configuration`` last: it freezes the others)."""
_LOCKDOWN = "; ".join(f"SET {name} = {value}" for name, value in LOCKED_DOWN.items())
_SETTINGS = "SELECT name, value FROM duckdb_settings() WHERE list_contains(?, name)"
_applying = threading.Lock()


def open_reader(db_path: str | Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the store at ``db_path`` (close it, or use it in ``with``).

    Raises StoreNotFound (E502) when there is no such file, StoreLocked (E501) while a writer
    holds it, NotAStore (E504) when the file lacks eventwire's tables and StoreOutdated
    (E503) when it is at another schema version (``Store`` checks all of them). Extensions
    are never installed or loaded automatically, and the configuration is locked.
    """
    connection = open_store(Path(db_path), read_only=True).connection
    try:
        with _applying:
            if dict(connection.execute(_SETTINGS, [list(LOCKED_DOWN)]).fetchall()) != LOCKED_DOWN:
                connection.execute(_LOCKDOWN)
    except BaseException:
        connection.close()  # an open read-only connection would keep a writer in this process out
        raise
    return connection
