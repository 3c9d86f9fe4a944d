"""A readers-writer lock between the app's read-only connections and its one write.

DuckDB refuses, within one process, a read-write connection to a file that read-only
connections hold open (and the reverse): one database instance per file and per
configuration. The GET endpoints each open a read-only connection; ``POST /api/articles``
opens the store read-write to save. So a read holds the lock shared while its connection is
open, and a write holds it exclusive only while it opens the store, saves and closes it.

Readers go first: a read waits only while a write *holds* the lock, never because a write is
waiting for it. The other way round (a waiting write holding back new reads) deadlocks the
server: a read takes the lock in a dependency on one thread of the server's pool (40
threads) and needs another thread for its endpoint, so reads held back by the waiting write,
each blocking a thread, can leave the reads already in without a thread to finish on, and
the write waits for them for ever. Here a blocked read waits only for a write that already
holds the lock and its own thread, which needs no other thread to finish. The price is that
a write may wait for a gap in a steady stream of reads; it gives up after ``WRITE_WAIT``
seconds (503, E505), as a read does after ``READ_WAIT``.

The lock counts holders instead of recording which thread holds it, because FastAPI may
enter a dependency with ``yield`` on one thread of its pool and leave it on another. It is
not re-entrant in any way that matters here: a read may take it shared twice, a write must
not take it while it holds it shared.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from eventwire.errors import StoreBusy

READ_WAIT = 60.0
"""Seconds a read waits for a write to finish saving before answering 503 (a save takes tens
of milliseconds; a store changed under the server costs a rebuild of its cluster index)."""

WRITE_WAIT = 30.0
"""Seconds a write waits for a moment with no read in progress before answering 503."""


class ReadWriteLock:
    """Many readers at once, or one writer; readers wait only for a writer that holds it."""

    def __init__(self, *, read_wait: float = READ_WAIT, write_wait: float = WRITE_WAIT) -> None:
        self._changed = threading.Condition()
        self._readers = 0
        self._writing = False
        self.read_wait = read_wait
        self.write_wait = write_wait

    @contextmanager
    def shared(self) -> Iterator[None]:
        """Hold the lock with other readers, once no writer holds it (E505 after ``read_wait``)."""
        with self._changed:
            if not self._changed.wait_for(lambda: not self._writing, timeout=self.read_wait):
                raise StoreBusy(f"a write held the store for more than {self.read_wait:g} s")
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
        """Hold the lock alone, at a moment no reader holds it (E505 after ``write_wait``)."""
        with self._changed:
            if not self._changed.wait_for(lambda: not self._writing and not self._readers, timeout=self.write_wait):
                raise StoreBusy(f"reads held the store for more than {self.write_wait:g} s")
            self._writing = True
        try:
            yield
        finally:
            with self._changed:
                self._writing = False
                self._changed.notify_all()
