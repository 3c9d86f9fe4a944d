"""Read inputs into documents: one per file, one per line of a JSONL file, or one per page of a WARC.

A reader never raises for bad input. Whatever goes wrong with one file or one line becomes
a ``Failure`` with a coded problem and the batch goes on; the caller decides what a
failure means for its exit code. Files are streamed: a JSONL corpus of any size is read a
line at a time, a WARC a record at a time (``warc``), and a single page over the size limit
is refused before it is read.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import re
import sys
import zlib
from collections.abc import Iterable, Iterator
from typing import IO, Any

from eventwire.errors import (
    BrokenJsonLine,
    CorruptCompression,
    EmptyInput,
    EventwireError,
    InputTooLarge,
    InvalidBytesReplaced,
    UnreadableSource,
    UnsupportedFormat,
)
from eventwire.ingest.decoding import decode
from eventwire.ingest.document import Document, Failure
from eventwire.ingest.sniff import Format, gzip_holds_warc, sniff
from eventwire.ingest.sources import Source, expand_sources
from eventwire.ingest.warc import read_warc

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
"""Largest single page or JSONL line read (20 MiB); real news pages are well under 5 MiB."""

_HEAD_BYTES = 64 * 1024
_MAX_GZIP_DEPTH = 2
_JSONL_FIELDS = ("url", "title", "published", "section", "source", "authors")


class _Prepended(io.RawIOBase):
    """A stream that replays ``head`` (already read for sniffing) before the rest of ``tail``.

    It tells its position (the WARC reader asks it) but cannot seek: ``tail`` may be a pipe.
    """

    def __init__(self, head: bytes, tail: IO[bytes]) -> None:
        self._head = io.BytesIO(head)
        self._tail = tail
        self._position = 0

    def readable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._position

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer)
        count = self._head.readinto(view)
        if not count:
            data = self._tail.read(len(view))
            count = len(data)
            view[:count] = data
        self._position += count
        return count


def _from_start(stream: IO[bytes], head: bytes, *, rewind: bool) -> IO[bytes]:
    """``stream`` from its first byte again: sought back if ``rewind`` is safe and it can
    seek (a file; the WARC reader then checks the file's end), else replayed from ``head``."""
    if rewind and stream.seekable():
        stream.seek(0)
        return stream
    return _Prepended(head, stream)  # type: ignore[return-value]


def _open(source: Source) -> IO[bytes]:
    if source.is_stdin:
        return sys.stdin.buffer
    try:
        return open(source.path, "rb")  # noqa: SIM115 - closed by the caller
    except OSError as error:
        raise UnreadableSource(f"{error.strerror or error}", origin=source.origin) from error


def _read(stream: IO[bytes], size: int, origin: str) -> bytes:
    """Up to ``size`` bytes, with decompression and I/O failures turned into coded errors."""
    try:
        return stream.read(size)
    except (EOFError, zlib.error, gzip.BadGzipFile) as error:
        raise CorruptCompression(str(error), origin=origin) from error
    except OSError as error:
        raise UnreadableSource(f"{error.strerror or error}", origin=origin) from error


def _read_rest(head: bytes, stream: IO[bytes], max_bytes: int, origin: str) -> bytes:
    data = head + _read(stream, max_bytes + 1 - len(head), origin)
    if len(data) > max_bytes:
        raise InputTooLarge(f"over {max_bytes:,} bytes", origin=origin)
    return data


def read_record(line: bytes, origin: str) -> Document:
    """The document in one JSONL record (a line of a file, or the body of a web request).

    Raises ``EmptyInput`` (E102) for a blank record, ``BrokenJsonLine`` (E106) for one that
    is not a JSON object with a non-empty ``text`` or ``html``, and ``UndecodableText``
    (E103) for bytes in no encoding it can recognise. One function for both callers, so
    that ``POST /api/articles`` accepts exactly what a line of ``eventwire ingest``'s JSONL
    input may hold.
    """
    if not line.strip():
        raise EmptyInput("blank line", origin=origin)
    decoded = decode(line, origin=origin)
    try:
        record = json.loads(decoded.text)
    except json.JSONDecodeError as error:
        raise BrokenJsonLine(f"not JSON ({error.msg} at column {error.colno})", origin=origin) from error
    if not isinstance(record, dict):
        raise BrokenJsonLine(f"a JSON {type(record).__name__}, not an object", origin=origin)
    problems = tuple(decoded.problems)
    cleaned = _without_lone_surrogates(record)
    if cleaned != record:
        record = cleaned
        problems += (InvalidBytesReplaced("lone UTF-16 surrogate escapes replaced by U+FFFD", origin=origin).problem(),)
    metadata = {key: record[key] for key in _JSONL_FIELDS if record.get(key)}
    if "published" not in metadata and isinstance(record.get("date"), str):
        metadata["published"] = record["date"]
    for key, fmt in (("html", Format.HTML), ("text", Format.TEXT)):
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            return Document(origin, fmt, value, metadata, problems)
    raise BrokenJsonLine("no non-empty 'text' or 'html' field", origin=origin)


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _without_lone_surrogates(value: Any) -> Any:
    """``value`` with every lone surrogate in its strings replaced by U+FFFD: JSON may escape
    half a character ("\\ud800"), which no text encoding can write, so it would fail every
    stage that hashes, stores or prints the text."""
    if isinstance(value, str):
        return _LONE_SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [_without_lone_surrogates(item) for item in value]
    if isinstance(value, dict):
        return {_without_lone_surrogates(key): _without_lone_surrogates(item) for key, item in value.items()}
    return value


def _jsonl_documents(stream: IO[bytes], origin: str, max_bytes: int) -> Iterator[Document | Failure]:
    reader = io.BufferedReader(stream, buffer_size=1 << 20)  # type: ignore[arg-type]
    number = 0
    while True:
        try:
            line = reader.readline(max_bytes + 1)
        except (EOFError, zlib.error, gzip.BadGzipFile) as error:
            yield Failure(origin, CorruptCompression(f"after line {number}: {error}", origin=origin).problem())
            return
        if not line:
            return
        number += 1
        line_origin = f"{origin}:{number}"
        if len(line) > max_bytes and not line.endswith(b"\n"):
            yield Failure(line_origin, InputTooLarge(f"line over {max_bytes:,} bytes", origin=line_origin).problem())
            _skip_to_line_end(reader)
            continue
        if not line.strip():
            continue
        try:
            yield read_record(line, line_origin)
        except EventwireError as error:
            yield Failure(line_origin, error.problem(line_origin))


def _skip_to_line_end(reader: io.BufferedReader) -> None:
    while True:
        chunk = reader.readline(1 << 20)
        if not chunk or chunk.endswith(b"\n"):
            return


def _documents_from_stream(
    stream: IO[bytes], name: str, origin: str, max_bytes: int, depth: int = 0
) -> Iterator[Document | Failure]:
    head = _read(stream, _HEAD_BYTES, origin)
    blank = 0
    while head and not head.strip():  # white space longer than a head before the content: skip it
        blank += len(head)
        if blank > max_bytes:
            raise InputTooLarge(f"more than {max_bytes:,} bytes of white space", origin=origin)
        head = _read(stream, _HEAD_BYTES, origin)
    if not head.strip():
        raise EmptyInput("only white space" if blank else "no content", origin=origin)
    fmt = sniff(head, name)
    if fmt is Format.WARC or (fmt is Format.GZIP and gzip_holds_warc(head, name)):
        # a gzip stream says it can seek, but seeking back re-reads a stream that may be a pipe
        yield from read_warc(_from_start(stream, head, rewind=depth == 0), origin, max_bytes)
        return
    if fmt is Format.GZIP:
        if depth >= _MAX_GZIP_DEPTH:
            raise UnsupportedFormat("gzip nested in gzip more than twice", origin=origin)
        inner = gzip.GzipFile(fileobj=_Prepended(head, stream), mode="rb")  # type: ignore[arg-type]
        inner_name = name[:-3] if name.lower().endswith(".gz") else name
        yield from _documents_from_stream(inner, inner_name, origin, max_bytes, depth + 1)
        return
    if fmt is Format.JSONL:
        yield from _jsonl_documents(_Prepended(head, stream), origin, max_bytes)  # type: ignore[arg-type]
        return
    data = _read_rest(head, stream, max_bytes, origin)
    decoded = decode(data, origin=origin)
    if not decoded.text.strip():
        raise EmptyInput("only white space after decoding", origin=origin)
    yield Document(origin, fmt, decoded.text, {}, tuple(decoded.problems))


def read_source(source: Source, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | Failure]:
    """The documents in one input (one, or one per JSONL line or WARC page), or the failures that replaced them."""
    origin = source.origin
    try:
        if not source.is_stdin:
            if os.path.isdir(source.path):
                raise UnreadableSource("is a directory", origin=origin)
            size = os.path.getsize(source.path)
            if size > max_bytes and not source.path.lower().endswith((".jsonl", ".ndjson", ".gz")):
                head = _peek_file(source.path)
                if not _is_streamable(head, source.path):
                    raise InputTooLarge(f"{size:,} bytes, over {max_bytes:,}", origin=origin)
        stream = _open(source)
        try:
            yield from _documents_from_stream(stream, source.path, origin, max_bytes)
        finally:
            if not source.is_stdin:
                stream.close()
    except EventwireError as error:
        yield Failure(origin, error.problem(origin))
    except OSError as error:
        yield Failure(origin, UnreadableSource(f"{error.strerror or error}", origin=origin).problem())


def _peek_file(path: str) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read(_HEAD_BYTES)
    except OSError as error:
        raise UnreadableSource(f"{error.strerror or error}", origin=path) from error


def _is_streamable(head: bytes, name: str) -> bool:
    """Whether a large file is a stream of records (JSONL, WARC, gzip) rather than one huge page."""
    try:
        return sniff(head, name) in (Format.JSONL, Format.WARC, Format.GZIP)
    except EventwireError:
        return False


def read_documents(specs: Iterable[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | Failure]:
    """Every document named by ``specs`` (paths, directories, globs, ``-``), in a stable order."""
    for item in expand_sources(specs):
        if isinstance(item, EventwireError):
            yield Failure(item.origin, item.problem())
        else:
            yield from read_source(item, max_bytes=max_bytes)
