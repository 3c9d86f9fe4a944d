"""The readers-writer lock between the API's reads and its writes: on its own with threads,
then in the app, where a write among many reads must leave every answer whole and never
hang the server."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, wait
from pathlib import Path

import anyio
import pytest
from fastapi.testclient import TestClient

from eventwire.errors import StoreBusy
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


def test_readers_wait_only_for_a_writer_that_holds_the_lock() -> None:
    lock = ReadWriteLock()
    order: list[str] = []

    def write() -> None:
        with lock.exclusive():
            order.append("write")

    with lock.shared():
        writer, _ = _started(write)
        time.sleep(PAUSE)  # the writer is waiting for this reader
        with lock.shared():  # a new reader is not held back by the waiting writer
            order.append("read")
    writer.join(5)
    assert order == ["read", "write"]
    with lock.exclusive():
        reader, read_done = _started(lambda: lock.shared().__enter__() and None)
        assert not read_done.wait(PAUSE)  # but it waits while a writer holds the lock
    assert read_done.wait(5)
    reader.join()


def test_waits_give_up_with_a_coded_error() -> None:
    lock = ReadWriteLock(read_wait=0.05, write_wait=0.05)
    with lock.shared(), pytest.raises(StoreBusy, match="reads held the store"):
        with lock.exclusive():
            pass
    failures: list[StoreBusy] = []

    def read() -> None:
        try:
            with lock.shared():
                pass
        except StoreBusy as error:
            failures.append(error)

    with lock.exclusive():
        reader, _ = _started(read)
        reader.join(5)
    assert [error.code for error in failures] == ["E505"]
    with lock.shared(), lock.shared():  # nothing is left held by the failed waits
        pass
    with lock.exclusive():
        pass


def test_a_write_among_more_reads_than_server_threads_finishes(tmp_path: Path) -> None:
    """A read takes the lock on one server thread and answers on another; reads held back by
    a waiting write, each blocking a thread, used to leave the reads already in with no
    thread to finish on, and the server hung. Four threads and 40 reads make it certain."""
    db = tmp_path / "store.duckdb"
    open_store(db).close()
    with TestClient(create_app(db, write_token=TOKEN), raise_server_exceptions=False) as client:

        async def four_threads() -> None:
            anyio.to_thread.current_default_thread_limiter().total_tokens = 4

        client.portal.call(four_threads)
        bearer = {"Authorization": f"Bearer {TOKEN}"}
        assert client.post("/api/articles", json=SCRIPTED, headers=bearer).status_code == 201  # the model loaded
        with ThreadPoolExecutor(max_workers=40) as pool:
            reads = [pool.submit(client.get, "/api/events") for _ in range(40)]
            write = pool.submit(client.post, "/api/articles", json=TREATY, headers=bearer)
            reads += [pool.submit(client.get, "/api/events") for _ in range(40)]
            done, waiting = wait([*reads, write], timeout=60)
        assert not waiting, f"{len(waiting)} requests hung"
        assert write.result().status_code == 201
        assert {future.result().status_code for future in reads} == {200}


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
