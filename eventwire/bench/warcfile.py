"""WARC records as a news crawler writes them, for the generated corpus (``--format warc``).

Shaped like Common Crawl's: WARC/1.1, every record its own gzip member (so that one record
can be cut out of a file by its offset, as their index does), a ``warcinfo`` record first,
and each capture a ``request``, a ``response`` and a ``metadata`` record. Besides the
articles a file holds the captures a crawl of news sites always has and a reader must pass
over: a robots.txt, a redirect, an image and a 404 page (``side_captures``).

Written by hand rather than by a WARC library, so that the bytes depend only on what is
captured: record ids are derived from the URL and the date, and gzip's timestamp is zero.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import struct
import uuid
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

_REASONS = {200: "OK", 301: "Moved Permanently", 404: "Not Found"}
_USER_AGENT = "eventwire-bench/1.0 (generated corpus)"


@dataclass(frozen=True)
class Capture:
    """One fetch of a URL: what the server answered (status, media type, body) and when."""

    url: str
    when: datetime
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    location: str | None = None


def _stamp(when: datetime) -> str:
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def _record_id(kind: str, url: str, when: datetime) -> str:
    return f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'{kind} {url} {_stamp(when)}')}>"


def _digest(data: bytes) -> str:
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode("ascii")


def record(headers: list[tuple[str, str]], block: bytes) -> bytes:
    """One WARC record (its headers, then Content-Length and the block) as a gzip member."""
    lines = ["WARC/1.1", *(f"{name}: {value}" for name, value in headers), f"Content-Length: {len(block)}"]
    head = ("\r\n".join(lines) + "\r\n\r\n").encode("utf-8")
    return gzip.compress(head + block + b"\r\n\r\n", compresslevel=6, mtime=0)


def warcinfo(filename: str, when: datetime) -> bytes:
    """The record that opens a file: who wrote it and how."""
    fields = (
        "software: eventwire bench corpus\r\n"
        "format: WARC File Format 1.1\r\n"
        "description: generated news-like articles for benchmarks and tests; not real news\r\n"
    ).encode("utf-8")
    headers = [
        ("WARC-Type", "warcinfo"),
        ("WARC-Date", _stamp(when)),
        ("WARC-Record-ID", _record_id("warcinfo", filename, when)),
        ("WARC-Filename", filename),
        ("Content-Type", "application/warc-fields"),
    ]
    return record(headers, fields)


def _http_response(capture: Capture) -> bytes:
    lines = [
        f"HTTP/1.1 {capture.status} {_REASONS[capture.status]}",
        f"Date: {capture.when:%a, %d %b %Y %H:%M:%S} GMT",
        f"Content-Type: {capture.content_type}",
        f"Content-Length: {len(capture.body)}",
    ]
    if capture.location:
        lines.append(f"Location: {capture.location}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + capture.body


def _http_request(url: str) -> bytes:
    parts = urlsplit(url)
    lines = [
        f"GET {parts.path or '/'}{'?' + parts.query if parts.query else ''} HTTP/1.1",
        f"Host: {parts.netloc}",
        f"User-Agent: {_USER_AGENT}",
        "Accept: text/html,application/xhtml+xml,*/*;q=0.8",
    ]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def capture_records(capture: Capture) -> bytes:
    """The request, response and metadata records of one fetch, in the order a crawler writes them."""
    stamp = _stamp(capture.when)
    response_id = _record_id("response", capture.url, capture.when)
    request = [
        ("WARC-Type", "request"),
        ("WARC-Date", stamp),
        ("WARC-Record-ID", _record_id("request", capture.url, capture.when)),
        ("WARC-Target-URI", capture.url),
        ("WARC-Concurrent-To", response_id),
        ("Content-Type", "application/http; msgtype=request"),
    ]
    block = _http_response(capture)
    response = [
        ("WARC-Type", "response"),
        ("WARC-Date", stamp),
        ("WARC-Record-ID", response_id),
        ("WARC-Target-URI", capture.url),
        ("WARC-Payload-Digest", _digest(capture.body)),
        ("WARC-Block-Digest", _digest(block)),
        ("Content-Type", "application/http; msgtype=response"),
    ]
    metadata = [
        ("WARC-Type", "metadata"),
        ("WARC-Date", stamp),
        ("WARC-Record-ID", _record_id("metadata", capture.url, capture.when)),
        ("WARC-Target-URI", capture.url),
        ("WARC-Refers-To", response_id),
        ("Content-Type", "application/warc-fields"),
    ]
    fetch_ms = 40 + len(capture.body) % 400
    return (
        record(request, _http_request(capture.url))
        + record(response, block)
        + record(metadata, f"fetchTimeMs: {fetch_ms}\r\n".encode("ascii"))
    )


def _png_chunk(tag: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))


def tiny_png() -> bytes:
    """A valid 1x1 grey PNG (67 bytes): an image response as small as one can be."""
    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", zlib.compress(b"\x00\x80"))
        + _png_chunk(b"IEND", b"")
    )


def side_captures(article_url: str, when: datetime) -> Iterator[Capture]:
    """What a crawl of a news site fetches besides its articles: robots.txt, the ``http://``
    address that redirects to the article, a picture and a dead link (404, an HTML page)."""
    parts = urlsplit(article_url)
    site = f"{parts.scheme}://{parts.netloc}"
    yield Capture(f"{site}/robots.txt", when, b"User-agent: *\nAllow: /\n", "text/plain")
    moved = b"<html><body><p>Moved to the secure site.</p></body></html>"
    yield Capture(f"http://{parts.netloc}{parts.path}", when, moved, status=301, location=article_url)
    yield Capture(f"{site}/images{parts.path}.png", when, tiny_png(), "image/png")
    missing = b"<!DOCTYPE html><html><head><title>Page not found</title></head><body><h1>Not found</h1></body></html>"
    yield Capture(f"{site}{parts.path}-old", when, missing, status=404)
