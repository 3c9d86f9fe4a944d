"""Format detection by content: the extension only breaks ties."""

from __future__ import annotations

import gzip

import pytest

from eventwire.errors import BinaryContent
from eventwire.ingest.sniff import Format, gzip_holds_warc, sniff


@pytest.mark.parametrize(
    ("head", "name", "expected"),
    [
        (b"<!DOCTYPE html><html><head><title>x</title>", "a.txt", Format.HTML),
        (b"\n  <html lang='en'><body><p>Hello</p>", "noext", Format.HTML),
        (b"<?xml version='1.0'?>\n<html><body>", "page.xhtml", Format.HTML),
        (b"<div><p>one</p><p>two</p><p>three</p><a href='#'>x</a><span>y</span></div>", "frag", Format.HTML),
        (b'{"text": "Ministers met in Rome.", "url": "https://example.org/a"}\n{"text": "b"}\n', "dump.txt", Format.JSONL),
        (b"WORLD | 12 March 2024\nMinisters met in Rome on Monday.\n", "a.html", Format.TEXTDUMP),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "a.html", Format.GZIP),
        (b"WARC/1.1\r\nWARC-Type: response\r\n", "a.warc", Format.WARC),
        (b"WARC/1.0\r\nWARC-Type: response\r\n\r\nHTTP/1.1 200 OK\r\n\r\n\x89PNG\r\n\x1a\n\x00\x00", "noext", Format.WARC),
        (b"\x00\x00 not what its name says", "crawl.warc", Format.WARC),
        (b"Ministers said <b>nothing</b> on Monday.", "a.txt", Format.TEXTDUMP),
    ],
)
def test_sniff_by_content(head: bytes, name: str, expected: Format) -> None:
    assert sniff(head, name) is expected


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"PK\x03\x04\x14\x00\x00\x00", "ZIP"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
        (b"plain start\x00\x00\x00\x01\x02binary tail", "NUL"),
    ],
)
def test_binary_content_is_refused_with_its_kind(head: bytes, kind: str) -> None:
    with pytest.raises(BinaryContent) as caught:
        sniff(head, "article.html")
    assert caught.value.code == "E101"
    assert kind in str(caught.value)


def test_utf16_with_bom_is_text_not_binary() -> None:
    head = "\ufeffMinisters met in Rome on Monday.".encode("utf-16")
    assert sniff(head, "a.txt") is Format.TEXTDUMP


def test_a_gzipped_warc_is_told_by_its_name_or_its_first_record() -> None:
    member = gzip.compress(b"WARC/1.1\r\nWARC-Type: warcinfo\r\n", mtime=0)
    page = gzip.compress(b"<html><body>WARC/1.1 is a format</body></html>", mtime=0)
    assert gzip_holds_warc(member[:40]) and gzip_holds_warc(page, "CC-NEWS-0001.warc.gz")
    assert not gzip_holds_warc(page, "page.html.gz") and not gzip_holds_warc(b"\x1f\x8bnot deflate", "x.gz")
