"""The issue's acceptance: a LocalCluster of two worker processes ingests a generated corpus
and the store holds exactly the rows of a single-process ingest; a rerun codes no chunk and
changes no row; a chunk whose worker is killed runs again and nothing is stored twice."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from eventwire.bench.corpus import generate
from eventwire.bench.formats import WRITERS
from eventwire.bench.speedup import store_rows
from eventwire.scale import plan_chunks, run_dask
from eventwire.scale.partition import MANIFEST, TMP
from eventwire.store.ingest import ingest

distributed = pytest.importorskip("distributed")

pytestmark = pytest.mark.slow

ARTICLES = 40
CHUNK_FILES = 5
@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """Generated pages (seed 5 has exact copies and near-copies, in different chunks), an empty
    file, a correction of an earlier article in a JSONL file, and a path that names nothing."""
    folder = tmp_path_factory.mktemp("corpus")
    articles = list(generate(ARTICLES, seed=5))
    WRITERS["html"](articles, folder / "pages")
    (folder / "pages" / "00007b.html").write_text("   ")
    corrected = articles[2]
    record = {"url": corrected.url, "title": corrected.title, "published": "2026-01-01",
              "text": corrected.text + "\n\nThis article was corrected after publication."}  # fmt: skip
    (folder / "pages" / "zz_corrections.jsonl").write_text(json.dumps(record) + "\n")
    return [str(folder / "pages"), str(folder / "missing.html")]


@pytest.fixture(scope="module")
def reference(corpus: list[str], tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple[Any, ...]]]:
    db = tmp_path_factory.mktemp("reference") / "single.duckdb"
    ingest(corpus, db)
    rows = store_rows(db)
    assert len(rows["articles"]) == ARTICLES - 2  # two exact copies; the correction replaced its original
    assert rows["superseded_versions"] and {"E102", "E108"} <= {row[1] for row in rows["ingest_errors"]}
    return rows


def test_two_workers_store_exactly_the_rows_of_one_process(
    corpus: list[str], reference: dict[str, list[tuple[Any, ...]]], tmp_path: Path
) -> None:
    db, parts = tmp_path / "dask.duckdb", tmp_path / "parts"
    (parts / TMP / "deadbeef-1234").mkdir(parents=True)  # what a worker killed while writing leaves
    chunks = plan_chunks(corpus, chunk_files=CHUNK_FILES)
    assert len(chunks) == 9

    report = run_dask(corpus, db, "local:2", parts=parts, chunk_files=CHUNK_FILES)
    assert (report.chunks, report.chunks_coded, report.failures) == (9, 9, [])
    assert (report.inputs, report.articles_new) == (ARTICLES + 3, ARTICLES - 1)
    assert store_rows(db) == reference
    assert not (parts / TMP).exists()
    workers = {json.loads((parts / chunk.id / MANIFEST).read_text())["worker"] for chunk in chunks}
    assert len(workers) == 2, "both workers coded chunks"

    again = run_dask(corpus, db, "local:2", parts=parts, chunk_files=CHUNK_FILES)  # starts no cluster
    assert (again.chunks_coded, again.chunks_found, again.articles_new, again.failures) == (0, 9, 0, [])
    assert store_rows(db) == reference

    (parts / chunks[4].id / MANIFEST).unlink()  # a partition without its manifest is not done
    shutil.rmtree(parts / chunks[7].id)
    partial = run_dask(corpus, db, "local:1", parts=parts, chunk_files=CHUNK_FILES)
    assert (partial.chunks_coded, partial.chunks_found, partial.articles_new) == (2, 7, 0)
    assert store_rows(db) == reference


class KillFirstChunk(distributed.WorkerPlugin):
    """Kills its worker process as the first chunk task of the cluster starts (test only):
    the marker file makes it happen once, whichever worker and however often they restart."""

    def __init__(self, marker: str) -> None:
        self.marker = marker

    def transition(self, key: Any, start: str, finish: str, **kwargs: Any) -> None:
        if finish == "executing" and str(key).startswith("eventwire-chunk-"):
            try:
                descriptor = os.open(self.marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
            except FileExistsError:
                return
            os.write(descriptor, str(key).encode())
            os.close(descriptor)
            os._exit(1)


def test_a_chunk_whose_worker_dies_runs_again_and_is_stored_once(
    corpus: list[str], reference: dict[str, list[tuple[Any, ...]]], tmp_path: Path
) -> None:
    marker = tmp_path / "killed"
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster:
        with distributed.Client(cluster) as client:
            client.register_plugin(KillFirstChunk(str(marker)))
            report = run_dask(corpus, tmp_path / "dask.duckdb", cluster.scheduler_address, parts=tmp_path / "parts",
                              chunk_files=CHUNK_FILES)  # fmt: skip
    assert marker.read_text().startswith("eventwire-chunk-"), "a worker was killed in a chunk"
    assert (report.chunks_coded, report.failures) == (9, [])
    assert store_rows(tmp_path / "dask.duckdb") == reference
