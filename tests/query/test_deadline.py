"""time_limit: its own interrupt is a timeout (E606); any other is passed on as it came."""

from __future__ import annotations

import threading
import time

import duckdb
import pytest

from eventwire.errors import QueryTimeout
from eventwire.query.deadline import time_limit
from tests.query.test_sql import SLOW


def test_a_query_within_the_limit_is_untouched() -> None:
    with duckdb.connect() as connection, time_limit(connection, 5):
        assert connection.sql("SELECT 1").fetchall() == [(1,)]


def test_the_watchdog_interrupts_after_the_limit() -> None:
    started = time.monotonic()
    with duckdb.connect() as connection, pytest.raises(QueryTimeout), time_limit(connection, 0.2):
        connection.sql(SLOW).fetchall()
    assert time.monotonic() - started < 10


def test_an_interrupt_that_is_not_the_watchdog_s_is_passed_on() -> None:
    with duckdb.connect() as connection:
        other = threading.Timer(0.2, connection.interrupt)
        other.start()
        with pytest.raises(duckdb.InterruptException), time_limit(connection, 60):
            connection.sql(SLOW).fetchall()
        other.join()


class _SlowToInterrupt:
    """A connection whose interrupt takes a while, as one racing the end of a query can."""

    def __init__(self) -> None:
        self.interrupted = threading.Event()

    def interrupt(self) -> None:
        time.sleep(0.3)
        self.interrupted.set()


def test_a_late_interrupt_lands_before_the_block_ends() -> None:
    connection = _SlowToInterrupt()
    with time_limit(connection, 0.01):  # type: ignore[arg-type]
        time.sleep(0.05)  # the watchdog fires, and is still interrupting when the block ends
    assert connection.interrupted.is_set()
