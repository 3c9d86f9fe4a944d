"""Several worker processes give exactly what one process gives, in the same order, and a
resumed ingest with workers codes nothing the store holds."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from eventwire.bench.corpus import generate
from eventwire.bench.formats import write_txt
from eventwire.bench.speedup import store_rows
from eventwire.parallel import WORKER_BATCH, id_array
from eventwire.pipeline import process
from eventwire.store.ingest import ingest

@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("parallel") / "corpus"
    # more than one worker batch, so that both workers code some, and a broken input among them
    write_txt(list(generate(WORKER_BATCH + 8, seed=3)), folder)
    (folder / "empty.txt").write_text("   \n", encoding="utf-8")
    return folder


@pytest.mark.slow
def test_two_workers_store_exactly_the_rows_of_one(corpus: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    ingest([str(corpus)], one, workers=1)
    report = ingest([str(corpus)], two, workers=2)
    assert report.failed == 1 and report.articles_new > WORKER_BATCH
    assert store_rows(one) == store_rows(two)
    again = ingest([str(corpus)], two, workers=2, keep_results=True)
    assert again.articles_new == 0 and again.articles_known == report.articles_new
    assert [(result.article, result.failed) for result in again.results] == [(None, True)]  # the empty input alone: nothing coded again
    assert store_rows(one) == store_rows(two)


@pytest.mark.slow
def test_process_with_workers_gives_the_same_results_in_order(corpus: Path) -> None:
    alone = [result.to_dict() for result in process([str(corpus)])]
    shared = [result.to_dict() for result in process([str(corpus)], workers=2)]
    assert shared == alone


def test_stored_ids_are_sorted_integers() -> None:
    ids = ["00ff00ff00ff00ff", "ffffffffffffffff", "0000000000000001"]
    assert list(id_array(ids)) == sorted(int(article_id, 16) for article_id in ids)
    assert len(id_array([])) == 0


KILLED_WORKER = """
import faulthandler, multiprocessing, os, signal, sys
faulthandler.dump_traceback_later(150, exit=True)  # a hang reports every thread's stack before the test's time limit
from eventwire.errors import WorkerLost
from eventwire.parallel import process_batches
batches = process_batches([sys.argv[1]], workers=2)
assert next(batches)[0]
for child in multiprocessing.active_children():  # the pool's workers, killed as the kernel's OOM killer would
    os.kill(child.pid, signal.SIGKILL)
try:
    list(batches)
except WorkerLost as error:
    print(error.code, error.message)
"""


@pytest.mark.slow
def test_a_worker_that_dies_is_a_coded_error(tmp_path: Path) -> None:
    """In a process of its own, so that a pool that hangs after its workers died fails the
    test by the time limit instead of stopping the test run."""
    write_txt(list(generate(6 * WORKER_BATCH, seed=4)), tmp_path / "many")  # batches still in flight after the first
    done = subprocess.run([sys.executable, "-c", KILLED_WORKER, str(tmp_path / "many")], capture_output=True, text=True,
                          timeout=180, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("E901 a worker process stopped: while coding"), done.stdout
