"""Faults around the store: a full disk, a file another writer holds, readers during an
ingest. Each must give a coded error (never a traceback), keep what was stored, and let
the same command finish the job once the fault is gone. (SIGKILLs at random points:
``tests/store/test_kill_resume.py`` and ``make reliability``.)"""

from __future__ import annotations

import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from eventwire.article import article_id
from eventwire.bench.corpus import distinct_bodies, generate
from eventwire.bench.formats import write_txt
from eventwire.reliability.probe import child_env
from tests.lockholder import lock_held

ENV = child_env()


def _ingest(corpus: Path, db: Path, *extra: str, limit_bytes: int | None = None) -> subprocess.CompletedProcess[str]:
    def limited() -> None:  # in the child: files may not grow past limit_bytes, as on a full disk
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead of killing
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit_bytes, limit_bytes))

    command = [sys.executable, "-m", "eventwire", "ingest", str(corpus), "--db", str(db), *extra]
    return subprocess.run(command, capture_output=True, text=True, env=ENV, timeout=600, check=False,
                          preexec_fn=limited if limit_bytes is not None else None)  # fmt: skip


def _stored(db: Path) -> list[str]:
    with duckdb.connect(str(db), read_only=True) as connection:
        return [row[0] for row in connection.execute("SELECT id FROM articles").fetchall()]


def _corpus(tmp_path: Path, count: int, seed: int) -> tuple[Path, set[str], int]:
    articles = list(generate(count, seed=seed))
    corpus = tmp_path / "corpus"
    write_txt(articles, corpus)
    return corpus, {article_id(article.text) for article in articles}, distinct_bodies(articles)


@pytest.mark.slow
def test_a_full_disk_stops_the_ingest_with_a_coded_error_and_keeps_what_was_stored(tmp_path: Path) -> None:
    corpus, ids, expected = _corpus(tmp_path, 40, seed=21)
    first = tmp_path / "first"
    first.mkdir()
    for path in sorted(corpus.iterdir())[:8]:
        path.rename(first / path.name)
    db = tmp_path / "store.duckdb"
    assert _ingest(first, db).returncode == 0
    before = set(_stored(db))
    assert len(before) == 8

    full = _ingest(corpus, db, "--batch-size", "4", limit_bytes=64 * 1024)  # the WAL fills up within a few batches
    assert full.returncode not in (0, 3), full.stderr
    assert "E506" in full.stderr and "Traceback" not in full.stderr, full.stderr
    assert before <= set(_stored(db)), "what was stored before the disk filled up is kept"

    for path in first.iterdir():
        path.rename(corpus / path.name)
    resumed = _ingest(corpus, db)
    assert resumed.returncode == 0, resumed.stderr
    stored = _stored(db)
    assert len(stored) == len(set(stored)) == expected and set(stored) <= ids


@pytest.mark.slow
def test_a_store_another_writer_holds_is_a_coded_error_and_stays_whole(tmp_path: Path) -> None:
    corpus, ids, expected = _corpus(tmp_path, 12, seed=22)
    db = tmp_path / "store.duckdb"
    assert _ingest(corpus, db).returncode == 0
    before = sorted(_stored(db))
    more = tmp_path / "more"
    write_txt(list(generate(6, seed=23)), more)
    with lock_held(db):
        started = time.perf_counter()
        refused = _ingest(more, db)
        assert time.perf_counter() - started < 60
    assert refused.returncode != 0 and "E501" in refused.stderr and "Traceback" not in refused.stderr, refused.stderr
    assert sorted(_stored(db)) == before
    assert _ingest(more, db).returncode == 0
    assert len(_stored(db)) == len(set(_stored(db))) == expected + 6


@pytest.mark.slow
def test_readers_during_an_ingest_get_an_answer_or_a_coded_error_and_the_ingest_finishes(tmp_path: Path) -> None:
    corpus, ids, expected = _corpus(tmp_path, 40, seed=24)
    db = tmp_path / "store.duckdb"
    command = [sys.executable, "-m", "eventwire", "ingest", str(corpus), "--db", str(db), "--batch-size", "4", "--progress"]
    writer = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=ENV)
    assert writer.stderr is not None
    answers: list[subprocess.CompletedProcess[str]] = []
    for line in writer.stderr:
        if line.startswith("progress: ") and len(answers) < 4:
            reader = [sys.executable, "-m", "eventwire", "events", "--db", str(db), "--limit", "3"]
            answers.append(subprocess.run(reader, capture_output=True, text=True, env=ENV, timeout=60, check=False))
    assert writer.wait(timeout=600) == 0
    assert answers, "the ingest reported no progress to read during"
    for answer in answers:
        assert answer.returncode == 0 or "E501" in answer.stderr, answer.stderr
        assert "Traceback" not in answer.stderr, answer.stderr
    stored = _stored(db)
    assert len(stored) == len(set(stored)) == expected and set(stored) <= ids
