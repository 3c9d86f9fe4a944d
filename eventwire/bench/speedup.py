"""The speed-up of a Dask ingest with more workers: one corpus, a LocalCluster per worker count.

    python benchmarks/dask_speedup.py [--articles 200] [--chunk-files 10] [--json]

Each run starts a LocalCluster of N single-threaded worker processes, waits until every
worker has loaded and warmed up the pipeline (``PipelinePlugin``), then times
``run_dask`` from planning to the last partition loaded, into a fresh store and parts
directory. Starting the cluster is timed apart: it is paid once per cluster, not per
article. The stores of all runs must hold the same rows.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path
from typing import Any

import duckdb

from eventwire.bench.corpus import generate
from eventwire.bench.formats import WRITERS

TABLES = ("articles", "article_actors", "events", "quotes", "places", "article_clusters", "article_signatures",
          "ingest_errors", "superseded_versions")  # fmt: skip
_WRITTEN_AT = {"articles": "ingested_at", "ingest_errors": "recorded_at", "superseded_versions": "recorded_at"}


def store_rows(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the store's tables but when it was written, sorted: equal for equal stores."""
    with duckdb.connect(str(db), read_only=True) as connection:
        return {
            table: connection.execute(
                f"SELECT * {f'EXCLUDE ({_WRITTEN_AT[table]})' if table in _WRITTEN_AT else ''} FROM {table} ORDER BY ALL"
            ).fetchall()
            for table in TABLES
        }


def timed_run(corpus: Path, workdir: Path, workers: int, chunk_files: int) -> dict[str, Any]:
    """One ingest of ``corpus`` on a new LocalCluster of ``workers`` processes; its timings."""
    from distributed import Client, LocalCluster

    from eventwire.scale import run_dask
    from eventwire.scale.worker import PipelinePlugin

    started = time.monotonic()
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with Client(cluster) as client:
            client.register_plugin(PipelinePlugin())
            ready = time.monotonic()
            db = workdir / f"workers-{workers}.duckdb"
            report = run_dask([str(corpus)], db, cluster.scheduler_address, parts=workdir / f"parts-{workers}",
                              chunk_files=chunk_files)  # fmt: skip
            done = time.monotonic()
    if report.failures:
        raise RuntimeError(f"{len(report.failures)} chunks failed: {report.failures[0]}")
    return {"db": db, "seconds": done - ready, "start_seconds": ready - started, "articles": report.articles_new}


def dask_speedup(articles: int = 200, *, chunk_files: int = 10, seed: int = 0, workdir: Path | None = None) -> dict[str, Any]:
    """Ingest the same generated corpus (``articles`` pages of 300 to 600 words) with one and
    with two workers; the seconds of each and the ratio, as ``benchmarks/throughput.py`` reports it."""
    with tempfile.TemporaryDirectory(prefix="dask-speedup-") as scratch:
        folder = workdir or Path(scratch)
        corpus = folder / "corpus"
        WRITERS["html"](list(generate(articles, seed=seed)), corpus)
        one = timed_run(corpus, folder, 1, chunk_files)
        two = timed_run(corpus, folder, 2, chunk_files)
        same = store_rows(one["db"]) == store_rows(two["db"])
    return {
        "dask_speedup_2_workers": round(one["seconds"] / two["seconds"], 2),
        "articles": articles,
        "articles_stored": two["articles"],
        "chunk_files": chunk_files,
        "seconds_1_worker": round(one["seconds"], 2),
        "seconds_2_workers": round(two["seconds"], 2),
        "cluster_start_seconds_1_worker": round(one["start_seconds"], 2),
        "cluster_start_seconds_2_workers": round(two["start_seconds"], 2),
        "same_rows": same,
    }
