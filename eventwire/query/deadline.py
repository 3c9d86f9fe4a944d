"""A time limit on a query: a watchdog thread interrupts the connection when it runs out.

DuckDB has no statement timeout of its own, but ``connection.interrupt()`` may be called
from another thread and makes the running query raise ``InterruptException``. The watchdog
records that it fired, so that only its own interrupts become a timeout error (E606) and
any other interrupt is passed on as it came. An interrupt that arrives after the query has
finished finds nothing running and is ignored by DuckDB; the watchdog is joined on the way
out, so that an interrupt already under way lands before the block ends and never on the
next query run on the same connection.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

import duckdb

from eventwire.errors import QueryTimeout

DEFAULT_TIMEOUT = 30.0
"""Seconds a query may run before it is interrupted."""


@contextmanager
def time_limit(connection: duckdb.DuckDBPyConnection, seconds: float | None) -> Iterator[None]:
    """Interrupt ``connection`` if the block runs longer than ``seconds`` (None: no limit)."""
    if seconds is None:
        yield
        return
    fired = threading.Event()

    def interrupt() -> None:
        fired.set()
        connection.interrupt()

    watchdog = threading.Timer(seconds, interrupt)
    watchdog.daemon = True
    watchdog.start()
    try:
        yield
    except duckdb.InterruptException as error:
        if fired.is_set():
            raise QueryTimeout(f"stopped after {seconds:g} s") from error
        raise
    finally:
        watchdog.cancel()
        watchdog.join()
