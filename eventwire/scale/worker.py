"""What runs on a Dask worker: the pipeline, loaded once per worker, and the chunk task.

``code_chunk`` is the task: it runs ``process`` over a chunk's files, exactly as a
single-process ingest reads them, and writes the rows into the chunk's partition. It
opens no store (the client's loader is the store's single writer), so workers never wait
for each other and a task can run twice without harm: a partition is renamed into place
whole, and a second attempt finds it there.
"""

from __future__ import annotations

import asyncio
import os
import socket
import threading
import time
from pathlib import Path
from typing import Any

from distributed import Worker, WorkerPlugin

from eventwire import __version__
from eventwire.errors import WorkerVersionMismatch
from eventwire.ingest import Document, Format
from eventwire.nlp import load_nlp
from eventwire.pipeline import batched, code_batch, extract_document, process
from eventwire.scale.chunks import Chunk
from eventwire.scale.partition import PartitionWriter, read_manifest
from eventwire.store.rows import result_rows

_pipeline = threading.Lock()
"""Held by whatever codes in this process: ``code_batch`` parses inside a spaCy memory zone,
which frees the new strings of the process's one vocabulary when it closes, so two zones
open at once (two threads) could free each other's. A worker started with several threads
codes one chunk at a time (its threads would only share the GIL anyway)."""


_WARM_UP_PAGE = """<html><head><title>Ministers meet in Geneva</title></head><body><article>
<h1>Ministers meet in Geneva</h1>
<p>GENEVA, Switzerland - The foreign ministers of Armenia and Azerbaijan met in Geneva on Monday
and agreed to resume talks on the border, officials said.</p>
<p>"We will meet again next month," the Armenian foreign minister told reporters after the meeting.</p>
</article></body></html>"""
"""A small page of our own, coded once when a worker starts."""


class PipelinePlugin(WorkerPlugin):
    """Loads the pipeline when a worker starts (or joins later), not in its first task.

    The spaCy model takes one to two seconds to load, and the stages load their tables
    (gazetteer, actor dictionaries, codebook) on first use, another second or so: coding one
    small page here pays both once per worker process, before any chunk runs.
    ``idempotent``: registering it again (a rerun on the same cluster) does nothing.
    """

    name = "eventwire-pipeline"
    idempotent = True

    async def setup(self, worker: Worker) -> None:
        # In a thread: the worker's event loop, blocked for seconds, would miss heartbeats and log warnings.
        await asyncio.to_thread(warm_up)


def warm_up() -> None:
    """Load the pipeline and code a small page, so that every stage has loaded its tables."""
    with _pipeline:
        load_nlp()
        code_batch([extract_document(Document("<warm-up>", Format.HTML, _WARM_UP_PAGE))])


def code_chunk(chunk: Chunk, parts: str, batch_size: int) -> dict[str, Any]:
    """Code a chunk's files into its partition under ``parts``; the partition's manifest.

    Raises ``WorkerVersionMismatch`` (E807) on a worker whose eventwire differs from the
    client's, whose codings could differ from those of the other workers.
    """
    if chunk.version != __version__:
        raise WorkerVersionMismatch(f"eventwire {__version__} on this worker, {chunk.version} on the client")
    folder = Path(parts) / chunk.id
    done = read_manifest(folder)
    if done is not None:  # an earlier attempt finished, then its worker was lost
        return done
    started = time.monotonic()
    with _pipeline:
        writer = PartitionWriter()
        failed = 0
        problems_by_code: dict[str, int] = {}
        for batch in batched(process(chunk.entries, max_bytes=chunk.max_bytes, batch_size=batch_size), batch_size):
            for result in batch:
                failed += result.failed
                for problem in result.problems:
                    problems_by_code[problem.code] = problems_by_code.get(problem.code, 0) + 1
            writer.add(result_rows(result) for result in batch)
        manifest = {
            "chunk": chunk.id,
            "eventwire": __version__,
            "entries": list(chunk.entries),
            "max_bytes": chunk.max_bytes,
            "inputs": writer.inputs,
            "failed": failed,
            "problems_by_code": problems_by_code,
            "worker": f"{socket.gethostname()}:{os.getpid()}",
            "seconds": round(time.monotonic() - started, 3),
        }
        return writer.write(Path(parts), chunk.id, manifest)
