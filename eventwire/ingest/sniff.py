"""What kind of input a blob of bytes is, judged by its content before its name.

Users hand over whatever their crawler saved: ``.txt`` files that are HTML, ``.html`` files
that are PDF, JSONL without the extension. The extension only breaks ties.
"""

from __future__ import annotations

import json
import re
import zlib
from enum import Enum

from eventwire.errors import BinaryContent


class Format(str, Enum):
    """Input formats. ``TEXT`` is never sniffed: it is an already clean body (a JSONL ``text``)."""

    GZIP = "gzip"
    HTML = "html"
    JSONL = "jsonl"
    TEXTDUMP = "textdump"
    TEXT = "text"
    WARC = "warc"


# Magic numbers of binary formats people mistake for articles; named in the error message.
_MAGIC: list[tuple[bytes, str]] = [
    (b"%PDF-", "PDF document"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"PK\x03\x04", "ZIP archive (or DOCX/XLSX)"),
    (b"PK\x05\x06", "ZIP archive (empty)"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"BZh", "bzip2 stream"),
    (b"\xfd7zXZ\x00", "xz stream"),
    (b"\x28\xb5\x2f\xfd", "zstd stream"),
    (b"\x7fELF", "ELF executable"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"RIFF", "RIFF media file"),
    (b"\x00\x00\x00\x18ftyp", "MP4 video"),
    (b"\x00\x00\x00\x20ftyp", "MP4 video"),
    (b"OggS", "Ogg media file"),
    (b"ID3", "MP3 audio"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office document"),
]
_GZIP_MAGIC = b"\x1f\x8b"
_WARC_MAGIC = b"WARC/1."
_HTML_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b", re.I | re.S)
_HTML_TAG = re.compile(rb"<(?:p|div|article|span|a|br|h[1-6]|section|script|table|li)\b[^>]*>", re.I)
_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f]")
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def binary_kind(head: bytes) -> str | None:
    """Name of the binary format ``head`` starts with, or None when it looks like text."""
    for magic, name in _MAGIC:
        if head.startswith(magic):
            return name
    if head.startswith(_UTF16_BOMS):
        return None
    sample = head[:8192]
    if b"\x00" in sample:
        return "unknown binary data (NUL bytes)"
    if sample and len(_CONTROL.findall(sample)) / len(sample) > 0.05:
        return "unknown binary data (control bytes)"
    return None


def _opens_with_json_object(head: bytes) -> bool:
    """Whether the first line is a whole JSON object: JSON Lines, whatever later lines hold."""
    stripped = head.lstrip()
    if not stripped.startswith(b"{"):
        return False
    try:
        return isinstance(json.loads(stripped.split(b"\n", 1)[0]), dict)
    except ValueError:
        return False


def _looks_like_jsonl(head: bytes) -> bool:
    # A first line cut by the sniff window, or a pretty-printed object: still JSON-ish.
    return _opens_with_json_object(head) or (head.lstrip().startswith(b"{") and (b'"text"' in head or b'"html"' in head))


def sniff(head: bytes, name: str = "") -> Format:
    """Classify input from its first bytes (``head``, a few kilobytes) and its name.

    Raises ``BinaryContent`` (E101) for binary data, so that a PDF never reaches a parser.
    A WARC is told before that: its first records may hold an image's bytes. A file named
    ``.warc`` is one whatever it starts with, so that a broken one gets a WARC's error (E110).
    """
    if head.startswith(_GZIP_MAGIC):
        return Format.GZIP
    lowered = name.lower()
    if head.lstrip().startswith(_WARC_MAGIC) or lowered.endswith(".warc"):
        return Format.WARC
    if _opens_with_json_object(head):  # a broken line further on (even of control bytes) is that line's error
        return Format.JSONL
    kind = binary_kind(head)
    if kind:
        raise BinaryContent(kind)
    if _looks_like_jsonl(head) or (lowered.endswith((".jsonl", ".ndjson")) and head.lstrip().startswith(b"{")):
        return Format.JSONL
    if _HTML_START.search(head[:4096]):
        return Format.HTML
    if lowered.endswith((".html", ".htm", ".xhtml")) and _HTML_TAG.search(head):
        return Format.HTML
    if len(_HTML_TAG.findall(head[:8192])) >= 5:
        return Format.HTML
    return Format.TEXTDUMP


def gzip_holds_warc(head: bytes, name: str = "") -> bool:
    """Whether gzip data (its first bytes, ``head``) is a compressed WARC, as Common Crawl's are.

    Told apart before the gzip is opened, because a WARC reader reads the compressed file
    itself: record by record, each its own gzip member, with each record's offset in it.
    """
    if name.lower().endswith(".warc.gz"):
        return True
    try:
        start = zlib.decompressobj(wbits=31).decompress(head, 64)
    except zlib.error:
        return False
    return start.lstrip().startswith(_WARC_MAGIC)
