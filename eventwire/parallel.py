"""Several worker processes on one machine: extraction, parse and coding of a batch in a
worker, reading and storing in the parent.

Why processes and this split: the parse and the coders are Python and Cython holding the
GIL, so threads would not run them side by side; each worker loads the spaCy pipeline once
(``initializer``) and keeps it. The parent only reads and decodes the inputs (cheap) and
receives small records back (``ArticleResult``: the article and its codings as dicts, never
a ``Doc``), so it has time left to store them. Batches go out in input order and results
come back in input order; at most ``2 x workers`` batches are in flight, so memory stays
bounded however large the input. The processes are ``eventwire.pool``'s, which notices a
worker's death whenever it happens (E901), where the standard library's pool can hang.

A resumed ingest must not parse what the store holds. The parent cannot ask the store per
batch (ids are known only after extraction, in the worker), so the workers receive, once,
the ids the store held when the run started, as a sorted array of 64-bit integers (ids are
16 hex digits: 8 MB per million articles), and each batch comes back with the ids it left
uncoded.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Collection, Iterable, Iterator

import numpy as np

from eventwire.errors import WorkerLost
from eventwire.ingest import DEFAULT_MAX_BYTES, Document, Failure, read_documents
from eventwire.nlp import DEFAULT_BATCH_SIZE
from eventwire.pipeline import ArticleResult, batched, code_batch, extract_input
from eventwire.pool import OrderedPool, WorkerDied


Batch = list[Document | Failure]

WORKER_BATCH = 32
"""Most articles one task of a worker codes: small enough that a few hundred articles keep
every worker busy, large enough for ``nlp.pipe`` (a body and a title each: 64 texts)."""

_stored: np.ndarray = np.zeros(0, dtype=np.uint64)
"""In a worker: the ids the store held when the run started (sorted)."""


def default_workers() -> int:
    """The number of cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def id_array(ids: Collection[str]) -> np.ndarray:
    """Article ids (16 hex digits) as a sorted array of integers, for ``_is_stored``."""
    return np.sort(np.fromiter((int(article_id, 16) for article_id in ids), dtype=np.uint64, count=len(ids)))


def _is_stored(article_id: str) -> bool:
    value = np.uint64(int(article_id, 16))
    position = np.searchsorted(_stored, value)
    return bool(position < len(_stored) and _stored[position] == value)


def _start_worker(stored: np.ndarray) -> None:
    """Load the pipeline once, and keep the stored ids, in a new worker."""
    global _stored
    from eventwire.nlp import load_nlp

    _stored = stored
    load_nlp()


def _code(batch: Batch) -> tuple[list[ArticleResult], set[str]]:
    """In a worker: extract, parse and code one batch; the results and the ids left uncoded
    because the store holds them."""
    results = [extract_input(item) for item in batch]
    skip = {r.article.id for r in results if r.article is not None and len(_stored) and _is_stored(r.article.id)}
    code_batch(results, skip=skip)
    return results, skip


def process_batches(
    specs: Iterable[str],
    *,
    workers: int,
    max_bytes: int = DEFAULT_MAX_BYTES,
    batch_size: int = DEFAULT_BATCH_SIZE,
    stored: Collection[str] = (),
) -> Iterator[tuple[list[ArticleResult], set[str]]]:
    """Each batch's results (in input order; at most ``batch_size`` and ``WORKER_BATCH``
    articles) and the ids of it left uncoded because they are in ``stored``, coded by
    ``workers`` processes. A consumer that stops early (an error, ``| head``) stops the
    workers without waiting for the batches they hold."""
    batches = batched(read_documents(specs, max_bytes=max_bytes), min(batch_size, WORKER_BATCH))
    with OrderedPool(_code, workers, initializer=_start_worker, initargs=(id_array(stored),)) as pool:
        try:
            yield from pool.map(batches)
        except WorkerDied as died:
            raise WorkerLost(_lost(died)) from died


def _lost(died: WorkerDied) -> str:
    """E901's detail: the inputs the worker held, and how it ended."""
    batch: Batch | None = died.item
    held = f"while coding {len(batch)} inputs from {batch[0].origin}" if batch else "before it was given work"
    if died.exitcode == -signal.SIGKILL:
        return f"{held} (killed: SIGKILL, as the kernel's out-of-memory killer sends)"
    return f"{held} (exit code {died.exitcode})"
