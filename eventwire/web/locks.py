"""A readers-writer lock between the app's read-only connections and its one write.

DuckDB refuses, within one process, a read-write connection to a file that read-only
connections hold open (and the reverse): one database instance per file and per
configuration. The GET endpoints each open a read-only connection; ``POST /api/articles``
opens the store read-write to save. So a read holds the lock shared while its connection is
open, and a write holds it exclusive only while it opens the store, saves and closes it.

A waiting write goes before reads that arrive after it: otherwise a steady stream of reads,
each overlapping the next, would keep the store shared and the write waiting for ever.

The lock counts holders instead of recording which thread holds it, because FastAPI may
enter a dependency with ``yield`` on one thread of its pool and leave it on another.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager


class ReadWriteLock:
    """Many readers at once, or one writer; a waiting writer is served before new readers."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._readers = 0
        self._writing = False
        self._writers_waiting = 0

    @contextmanager
    def shared(self) -> Iterator[None]:
        """Hold the lock with other readers, while no writer holds or waits for it."""
        with self._changed:
            self._changed.wait_for(lambda: not self._writing and not self._writers_waiting)
            self._readers += 1
        try:
            yield
        finally:
            with self._changed:
                self._readers -= 1
                if not self._readers:
                    self._changed.notify_all()

    @contextmanager
    def exclusive(self) -> Iterator[None]:
        """Hold the lock alone, once the readers already in have left."""
        with self._changed:
            self._writers_waiting += 1
            try:
                self._changed.wait_for(lambda: not self._writing and not self._readers)
            finally:
                self._writers_waiting -= 1
                self._changed.notify_all()  # readers held back by this writer, should its wait fail
            self._writing = True
        try:
            yield
        finally:
            with self._changed:
                self._writing = False
                self._changed.notify_all()
