"""``run_dask``: code chunks on a Dask cluster, load their partitions into the store here.

The client plans the chunks, submits one task per chunk whose partition is not done yet,
and loads the partitions into the DuckDB store in plan order as they arrive: one process
writes the store (DuckDB allows one writer), and loading in the order a single-process
ingest reads the inputs gives the same rows, story clusters included (an article joins the
cluster of a story stored before it, so the order decides the clusters).

Loading saves each batch of a partition as ``ingest`` saves a batch, in one transaction,
asking the store first which articles it holds; a partition loaded twice (a rerun, or a
run interrupted while loading) stores nothing twice. A chunk that fails (its worker was
lost three times, the parts directory is not writable) is reported (E803) and skipped: the
others are loaded, and the next run codes only what is missing.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterable
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from eventwire.errors import ChunkFailed, DaskMissing, PartitionUnreadable, ScaleError
from eventwire.ingest import DEFAULT_MAX_BYTES
from eventwire.pipeline import ArticleResult
from eventwire.scale.chunks import DEFAULT_CHUNK_BYTES, DEFAULT_CHUNK_FILES, Chunk, plan_chunks
from eventwire.scale.cluster import connect, parse_address
from eventwire.scale.partition import TMP, read_manifest, read_results
from eventwire.store.ingest import DEFAULT_BATCH_SIZE, IngestReport
from eventwire.store.writer import Store, open_store

if TYPE_CHECKING:
    from distributed import Client, Future

RETRIES = 2
"""Times a chunk whose task raised is run again (a worker that dies is replaced by the
scheduler, which runs its chunk elsewhere on its own, up to ``allowed-failures`` times)."""


@dataclass
class ScaleReport(IngestReport):
    """An ``IngestReport`` with the chunks: how many were planned, coded in this run, found
    done (coded by an earlier run), and the errors of those that failed to be coded or loaded."""

    chunks: int = 0
    chunks_coded: int = 0
    chunks_found: int = 0
    failures: list[ScaleError] = field(default_factory=list)
    parts: str = ""


def default_parts(db_path: str | Path) -> Path:
    """Where partitions go when no ``--parts`` is given: beside the store, ``<db>.parts``."""
    return Path(f"{db_path}.parts")


def run_dask(
    specs: Iterable[str],
    db_path: str | Path,
    address: str,
    *,
    parts: str | Path | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    max_bytes: int = DEFAULT_MAX_BYTES,
    chunk_files: int = DEFAULT_CHUNK_FILES,
    chunk_bytes: int = DEFAULT_CHUNK_BYTES,
    on_result: Callable[[ArticleResult], None] | None = None,
) -> ScaleReport:
    """Ingest ``specs`` into the store at ``db_path``, coding them on the cluster at ``address``.

    ``address`` is ``local``, ``local:N`` or a scheduler's (``tcp://host:8786``). Partitions
    are written under ``parts`` (default ``<db>.parts``), which a remote cluster's workers
    must reach at the same path; it and the inputs are made absolute for them. No cluster is started
    or reached when every chunk is done already. ``on_result`` is called for each result
    once its batch is stored, with the article and problems (codings are in the store).
    """
    target = parse_address(address)
    specs = list(specs)
    if not target.is_local:  # a remote worker's working directory is not ours
        specs = [spec if spec == "-" else os.path.abspath(spec) for spec in specs]
    folder = (Path(parts) if parts is not None else default_parts(db_path)).absolute()  # workers' cwd is not ours
    chunks = plan_chunks(specs, chunk_files=chunk_files, chunk_bytes=chunk_bytes, max_bytes=max_bytes)
    report = ScaleReport(chunks=len(chunks), parts=str(folder))
    with open_store(db_path) as store:  # before the cluster: a locked store (E501) stops the run at once
        pending = list({chunk.id: chunk for chunk in chunks if read_manifest(folder / chunk.id) is None}.values())
        with (connect(target) if pending else nullcontext()) as client:
            futures = _submit(client, pending, folder, batch_size) if client is not None else {}
            failed: set[str] = set()
            for chunk in chunks:  # in plan order, whichever finishes first
                if chunk.id in failed:  # named twice in the inputs, and reported already
                    continue
                try:
                    if chunk.id in futures:
                        _wait(futures.pop(chunk.id), chunk)
                        report.chunks_coded += 1
                    else:
                        report.chunks_found += 1
                    _load(store, folder / chunk.id, batch_size, report, on_result)
                except ScaleError as error:  # this chunk's; the others go on (a store error stops the run)
                    failed.add(chunk.id)
                    report.failures.append(error)
        shutil.rmtree(folder / TMP, ignore_errors=True)  # what killed workers left half written
    return report


def _submit(client: Client, chunks: list[Chunk], folder: Path, batch_size: int) -> dict[str, Future]:
    """One task per chunk, the first chunks first (the loader waits for them in that order)."""
    try:
        from eventwire.scale.worker import PipelinePlugin, code_chunk
    except ImportError as error:
        raise DaskMissing(str(error)) from error
    folder.mkdir(parents=True, exist_ok=True)
    client.register_plugin(PipelinePlugin())
    return {
        chunk.id: client.submit(
            code_chunk, chunk, str(folder), batch_size,
            key=f"eventwire-chunk-{chunk.id}", retries=RETRIES, priority=len(chunks) - position,
        )
        for position, chunk in enumerate(chunks)
    }  # fmt: skip


def _wait(future: Future, chunk: Chunk) -> None:
    """Wait for a chunk's task; its error, once retries are spent, as ``ChunkFailed`` (E803)."""
    try:
        future.result()
    except ScaleError:
        raise
    except Exception as error:  # noqa: BLE001 - whatever the task raised (or KilledWorker), named with its chunk
        first = chunk.entries[0] if chunk.entries else "(no files)"
        more = f" and {len(chunk.entries) - 1} more" if len(chunk.entries) > 1 else ""
        raise ChunkFailed(f"chunk {chunk.id} ({first}{more}): {type(error).__name__}: {error}", origin=first) from error


def _load(
    store: Store, folder: Path, batch_size: int, report: ScaleReport, on_result: Callable[[ArticleResult], None] | None
) -> None:
    """Save a partition into the store batch by batch, as ``ingest`` saves a run's batches."""
    manifest = read_manifest(folder)
    if manifest is None or not isinstance(manifest.get("inputs"), int):
        raise PartitionUnreadable(f"{folder}: no whole {folder.name}/manifest.json", origin=str(folder))
    for start in range(0, manifest["inputs"], batch_size):
        results = read_results(store.connection, folder, start, start + batch_size)
        ids = [result.article.id for result in results if result.article is not None]
        counts = store.save_rows(results, uncoded=store.known_ids(ids) if ids else ())
        report.articles_new += counts.articles_new
        report.articles_known += counts.articles_known
        report.articles_clustered += counts.articles_clustered
        for rows in results:
            result = ArticleResult(origin=rows.origin, article=rows.article, problems=rows.problems)
            report.inputs += 1
            report.failed += result.failed
            for problem in result.problems:
                report.problems_by_code[problem.code] = report.problems_by_code.get(problem.code, 0) + 1
            if on_result is not None:
                on_result(result)
