"""Cut the inputs of a distributed ingest into chunks: the unit of work a Dask worker codes.

A chunk is a run of consecutive input files, in the order a single-process ingest reads
them (``expand_sources``), so that loading the chunks one after another stores exactly
what that ingest would. A file is never split: a JSONL file or a WARC archive is read by
one worker, and a WARC archive (a crawl's unit, often a gigabyte) always makes a chunk of
its own, as does any file over ``chunk_bytes``.

A chunk's id is a hash of what decides its rows: each file's path, size and modification
time, the eventwire version and the size limit the readers apply. A rerun over unchanged
files plans the same ids and finds their partitions done; a file that changed gets its
chunk coded again. Files added after the last one (a crawl that grew) leave every earlier
chunk as it was but the last, which now holds more files.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from eventwire import __version__
from eventwire.errors import EventwireError, NotDistributable
from eventwire.ingest import DEFAULT_MAX_BYTES, expand_sources

DEFAULT_CHUNK_FILES = 50
"""Files per chunk: a few seconds of a worker's time for news pages, so that a task's
overhead (milliseconds) is small and the workers stay balanced to the end of a run."""
DEFAULT_CHUNK_BYTES = 64 * 1024 * 1024
"""Bytes per chunk: bounds the work of a chunk of JSONL files, which hold many articles each."""
ARCHIVE_SUFFIXES = (".warc", ".warc.gz")


@dataclass(frozen=True)
class Chunk:
    """Consecutive inputs coded by one task into one partition.

    ``entries`` are the paths as a single-process ingest names them (its rows' ``origin``),
    and the specs that name no file, so that the worker reports those (E108) where a
    single-process run would. ``max_bytes`` goes with the chunk because it changes the rows.
    """

    id: str
    entries: tuple[str, ...]
    size: int
    max_bytes: int = DEFAULT_MAX_BYTES
    version: str = __version__


@dataclass(frozen=True)
class _Entry:
    name: str
    size: int
    mtime_ns: int


def _entries(specs: Iterable[str]) -> Iterator[_Entry]:
    for item in expand_sources(specs):
        if isinstance(item, EventwireError):  # a spec naming nothing: the worker reports it again
            yield _Entry(item.origin, -1, 0)
            continue
        if item.is_stdin:
            raise NotDistributable("standard input (-)", origin=item.origin)
        try:
            stat = os.stat(item.path)
        except OSError:  # unreadable: the worker reports it (E104) as a single run would
            yield _Entry(item.path, -1, 0)
            continue
        yield _Entry(item.path, stat.st_size, stat.st_mtime_ns)


def _chunk(entries: list[_Entry], max_bytes: int) -> Chunk:
    key = [__version__, max_bytes, [(entry.name, entry.size, entry.mtime_ns) for entry in entries]]
    digest = hashlib.sha256(json.dumps(key).encode("utf-8")).hexdigest()[:20]
    size = sum(max(entry.size, 0) for entry in entries)
    return Chunk(digest, tuple(entry.name for entry in entries), size, max_bytes)


def is_archive(path: str) -> bool:
    """Whether a file is a WARC archive (by its name), always a chunk of its own."""
    return path.lower().endswith(ARCHIVE_SUFFIXES)


def plan_chunks(
    specs: Iterable[str],
    *,
    chunk_files: int = DEFAULT_CHUNK_FILES,
    chunk_bytes: int = DEFAULT_CHUNK_BYTES,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> list[Chunk]:
    """The chunks of the inputs named by ``specs``, in reading order; the same for the same files.

    Raises ``NotDistributable`` (E805) for ``-``: workers cannot read this process's stdin.
    """
    if chunk_files < 1 or chunk_bytes < 1:
        raise ValueError("chunk_files and chunk_bytes must be positive")
    chunks: list[Chunk] = []
    current: list[_Entry] = []
    current_bytes = 0
    for entry in _entries(specs):
        alone = is_archive(entry.name) or entry.size >= chunk_bytes
        if current and (alone or len(current) >= chunk_files or current_bytes + entry.size > chunk_bytes):
            chunks.append(_chunk(current, max_bytes))
            current, current_bytes = [], 0
        if alone:
            chunks.append(_chunk([entry], max_bytes))
            continue
        current.append(entry)
        current_bytes += max(entry.size, 0)
    if current:
        chunks.append(_chunk(current, max_bytes))
    return chunks
