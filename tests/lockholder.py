"""A process that holds a DuckDB file's write lock, for tests of what readers and writers
meet while another process writes.

A separate process because DuckDB's file lock is per process: a second open in the test's
own process meets DuckDB's instance cache, not the lock. The function is at module
level so that a ``spawn`` context can import it in the child.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.synchronize
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb


def hold_lock(path: str, ready: multiprocessing.synchronize.Event, done: multiprocessing.synchronize.Event) -> None:
    """Open ``path`` for writing, set ``ready``, and hold the lock until ``done`` (at most 30 s)."""
    connection = duckdb.connect(path)
    ready.set()
    done.wait(30)
    connection.close()


@contextmanager
def lock_held(path: str | Path) -> Iterator[None]:
    """While the block runs, another process holds ``path``'s write lock."""
    context = multiprocessing.get_context("spawn")
    ready, done = context.Event(), context.Event()
    holder = context.Process(target=hold_lock, args=(str(path), ready, done))
    holder.start()
    try:
        assert ready.wait(30), "the lock holder did not start"
        yield
    finally:
        done.set()
        holder.join(30)
