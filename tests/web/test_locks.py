"""The readers-writer lock between the API's reads and its writes: on its own with threads,
then in the app, where a write among many reads must leave every answer whole."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from fastapi.testclient import TestClient

from eventwire.store import open_store
from eventwire.web import create_app
from eventwire.web.locks import ReadWriteLock
from tests.web.posted import SCRIPTED, TOKEN, TREATY

PAUSE = 0.2
"""Long enough for a thread that could go on to have done so."""


def _started(action: Callable[[], None]) -> tuple[threading.Thread, threading.Event]:
    """``action`` on a thread of its own, and an event set once it is done."""
    done = threading.Event()

    def run() -> None:
        action()
        done.set()

    thread = threading.Thread(target=run)
    thread.start()
    return thread, done


def test_readers_share_and_a_writer_waits_for_them() -> None:
    lock = ReadWriteLock()
    with lock.shared():
        with lock.shared():  # a second reader is let in at once
            pass
        writer, wrote = _started(lambda: lock.exclusive().__enter__() and None)
        assert not wrote.wait(PAUSE)
    assert wrote.wait(5)
    writer.join()


def test_a_waiting_writer_goes_before_new_readers() -> None:
    lock = ReadWriteLock()
    order: list[str] = []

    def write() -> None:
        with lock.exclusive():
            order.append("write")

    def read() -> None:
        with lock.shared():
            order.append("read")

    with lock.shared():
        writer, _ = _started(write)
        time.sleep(PAUSE)  # the writer is waiting for this reader
        reader, read_done = _started(read)
        assert not read_done.wait(PAUSE)
    writer.join(5)
    reader.join(5)
    assert order == ["write", "read"]


def test_writes_among_reads_leave_every_answer_whole(tmp_path: Path) -> None:
    """In one process DuckDB refuses a read-write open while read-only connections to the
    file are open (and the reverse); without the lock some of these requests would fail."""
    db = tmp_path / "store.duckdb"
    open_store(db).close()
    with TestClient(create_app(db, write_token=TOKEN), raise_server_exceptions=False) as client:
        client.get("/api/overview")
        with ThreadPoolExecutor(max_workers=6) as pool:
            reads = [pool.submit(client.get, "/api/overview") for _ in range(60)]
            writes = [
                pool.submit(client.post, "/api/articles", json=record, headers={"Authorization": f"Bearer {TOKEN}"})
                for record in (TREATY, SCRIPTED)
            ]
            statuses = [future.result().status_code for future in (*reads, *writes)]
        assert statuses == [200] * len(reads) + [201] * len(writes)
        assert client.get("/api/overview").json()["counts"]["articles"] == 2
