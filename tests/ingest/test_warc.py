"""WARC input: a document per 200 HTML response, a coded skip per other response, request and
metadata records passed over, a cut or broken file a coded error after what it held. The
WARC files are real ones, written by the corpus generator's WARC writer."""

from __future__ import annotations

import brotli
import gzip
import io
import sys
from datetime import datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.article import article_id
from eventwire.bench.corpus import generate
from eventwire.bench.formats import page, write_warc
from eventwire.bench.warcfile import Capture, capture_records, record, warcinfo
from eventwire.cli import app
from eventwire.errors import SkippedWarcResponse
from eventwire.ingest import Document, Failure, Format, read_documents
from eventwire.pipeline import extract_document

WHEN = datetime(2024, 3, 14, 9, 30)
BODY = (
    "The foreign ministers of both countries met in Geneva on Monday and agreed to resume talks on the border "
    "dispute next week, officials said after the meeting."
)
UNDATED = f"<!DOCTYPE html><html><head><title>Talks resume</title></head><body><article><h1>Talks resume</h1><p>{BODY}</p></article></body></html>"


def _read(*specs: str | Path, **kwargs: int) -> list[Document | Failure]:
    return list(read_documents([str(spec) for spec in specs], **kwargs))


def _documents(items: list[Document | Failure]) -> list[Document]:
    return [item for item in items if isinstance(item, Document)]


def _codes(items: list[Document | Failure]) -> list[str]:
    return [item.problem.code for item in items if isinstance(item, Failure)]


def _warc(path: Path, *captures: Capture) -> Path:
    path.write_bytes(warcinfo(path.name, WHEN) + b"".join(capture_records(capture) for capture in captures))
    return path


def test_pages_become_documents_and_other_responses_coded_skips(tmp_path: Path) -> None:
    articles = list(generate(3, seed=1))
    write_warc(articles, tmp_path)
    items = _read(tmp_path)
    documents = _documents(items)
    assert [d.metadata["url"] for d in documents] == [a.url for a in articles]
    assert [d.content for d in documents] == [page(a) for a in articles]
    assert {d.format for d in documents} == {Format.HTML} and all(d.problems == () for d in documents)
    skips = [item.problem for item in items if isinstance(item, Failure)]
    host = articles[0].url.split("/")[2]
    assert [(p.code, p.severity) for p in skips] == [("W110", "warning")] * 4
    assert [p.message.removeprefix(f"{SkippedWarcResponse.title}: ") for p in skips] == [
        f"text/plain for https://{host}/robots.txt",
        f"HTTP 301 for {articles[0].url.replace('https://', 'http://')}",
        f"image/png for https://{host}/images/{articles[0].url.split('/', 3)[3]}.png",
        f"HTTP 404 for {articles[0].url}-old",
    ]
    # warcinfo, requests and metadata records give nothing: 3 pages and 4 skips, in file order
    assert len(items) == 7 and isinstance(items[0], Document) and isinstance(items[-1], Document)
    extracted = [extract_document(d).article for d in documents]
    assert [a.id for a in extracted if a] == [article_id(a.text) for a in articles]


@pytest.mark.parametrize("compressed", [True, False])
def test_an_origin_gives_the_records_offset_in_the_file(tmp_path: Path, compressed: bool) -> None:
    write_warc(list(generate(2, seed=3)), tmp_path)
    path = tmp_path / "articles-00000.warc.gz"
    if not compressed:
        path = tmp_path / "articles-00000.warc"
        path.write_bytes(gzip.decompress((tmp_path / "articles-00000.warc.gz").read_bytes()))
        (tmp_path / "articles-00000.warc.gz").unlink()
    data = path.read_bytes()
    for item in _read(path):
        name, offset = item.origin.rsplit("@", 1)
        assert name == str(path)
        tail = data[int(offset) :]
        found = gzip.GzipFile(fileobj=io.BytesIO(tail)).read(300) if compressed else tail[:300]
        assert found.startswith(b"WARC/1.1\r\nWARC-Type: response\r\n")


def test_a_truncated_warc_gz_gives_the_records_before_the_cut_and_one_error(tmp_path: Path) -> None:
    write_warc(list(generate(8, seed=2)), tmp_path / "whole")
    data = (tmp_path / "whole" / "articles-00000.warc.gz").read_bytes()
    whole = _documents(_read(tmp_path / "whole"))
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: len(data) * 3 // 5])
    items = _read(cut)
    kept = _documents(items)
    assert 2 <= len(kept) < len(whole) and [d.content for d in kept] == [d.content for d in whole[: len(kept)]]
    assert _codes(items) == ["W110"] * 4 + ["E110"]
    error = items[-1]
    assert isinstance(error, Failure) and error.origin == str(cut) and error.problem.severity == "error"
    assert "at byte" in error.problem.message


def test_a_cut_in_the_gzip_framing_or_the_plain_record_is_reported(tmp_path: Path) -> None:
    """Cuts that leave every record before them whole (inside the next gzip member's header,
    inside an uncompressed record's header), a file that holds no record, and a cut in an
    outer gzip around the WARC's own."""
    write_warc(list(generate(2, seed=5)), tmp_path / "whole")
    data = (tmp_path / "whole" / "articles-00000.warc.gz").read_bytes()
    last = int(_read(tmp_path / "whole")[-1].origin.rsplit("@", 1)[1])
    (tmp_path / "framing.warc.gz").write_bytes(data[: last + 5])
    plain = gzip.decompress(data)
    (tmp_path / "header.warc").write_bytes(plain[: plain.rindex(b"WARC-Target-URI")])
    (tmp_path / "empty.warc.gz").write_bytes(data[:6])
    write_warc(list(generate(60, seed=5)), tmp_path / "long")  # its first 64 KiB are read whole to sniff
    twice = gzip.compress((tmp_path / "long" / "articles-00000.warc.gz").read_bytes(), mtime=0)
    (tmp_path / "twice.warc.gz.gz").write_bytes(twice[: len(twice) // 2])
    for name in ("framing.warc.gz", "header.warc", "empty.warc.gz", "twice.warc.gz.gz"):
        items = _read(tmp_path / name)
        assert _codes(items)[-1:] == ["E110"], name


def test_garbage_inside_a_warc_stops_it_with_the_offset(tmp_path: Path) -> None:
    plain = gzip.decompress(_warc(tmp_path / "a.warc.gz", Capture("https://n.example/1", WHEN, UNDATED.encode())).read_bytes())
    second = capture_records(Capture("https://n.example/2", WHEN, UNDATED.encode()))
    (tmp_path / "b.warc").write_bytes(plain + b"this is not a WARC header\r\n\r\n" + gzip.decompress(second))
    items = _read(tmp_path / "b.warc")
    assert [d.metadata["url"] for d in _documents(items)] == ["https://n.example/1"]
    assert _codes(items) == ["E110"] and "after the record at byte" in items[-1].problem.message  # type: ignore[union-attr]


def test_a_file_named_warc_that_is_none_is_a_warc_error(tmp_path: Path) -> None:
    (tmp_path / "x.warc").write_bytes(b"\x00\x01 not a web archive at all")
    assert _codes(_read(tmp_path / "x.warc")) == ["E110"]


def test_the_http_charset_is_trusted_before_a_guess(tmp_path: Path) -> None:
    text = "Le ministre a déclaré lundi que les négociations à Genève reprendront — « bientôt », a-t-il dit."
    html = f"<html><body><p>{text}</p><p>“Quoted” words.</p></body></html>".encode("cp1252")
    _warc(tmp_path / "fr.warc.gz", Capture("https://n.example/fr", WHEN, html, "text/html; charset=windows-1252"))
    (document,) = _read(tmp_path / "fr.warc.gz")
    assert isinstance(document, Document)
    assert text in document.content and "“Quoted”" in document.content
    assert [p.code for p in document.problems] == ["W103"] and "HTTP header" in document.problems[0].message


def test_a_response_without_content_type_is_read_by_its_bytes(tmp_path: Path) -> None:
    page_block = b"HTTP/1.1 200 OK\r\nServer: n\r\n\r\n" + UNDATED.encode()
    png_block = b"HTTP/1.1 200 OK\r\nServer: n\r\n\r\n\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
    headers = [("WARC-Type", "response"), ("WARC-Date", "2024-03-14T09:30:00Z"), ("Content-Type", "application/http; msgtype=response")]
    path = tmp_path / "untyped.warc.gz"
    path.write_bytes(
        record([*headers, ("WARC-Target-URI", "https://n.example/page")], page_block)
        + record([*headers, ("WARC-Target-URI", "https://n.example/pic")], png_block)
    )
    items = _read(path)
    assert [d.metadata["url"] for d in _documents(items)] == ["https://n.example/page"]
    assert _codes(items) == ["W110"] and "no Content-Type" in items[1].problem.message  # type: ignore[union-attr]


def _encoded(url: str, payload: bytes, headers: str) -> bytes:
    block = f"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n{headers}\r\n".encode() + payload
    warc_headers = [("WARC-Type", "response"), ("WARC-Target-URI", url), ("Content-Type", "application/http; msgtype=response")]
    return record(warc_headers, block)


def test_content_and_transfer_codings_are_undone_and_a_bad_one_spoils_its_record_only(tmp_path: Path) -> None:
    html = UNDATED.encode()
    zipped = gzip.compress(html)
    chunked = b"".join(b"%x\r\n%s\r\n" % (len(zipped[i : i + 100]), zipped[i : i + 100]) for i in range(0, len(zipped), 100))
    path = tmp_path / "coded.warc.gz"
    path.write_bytes(
        _encoded("https://n.example/gz", chunked + b"0\r\n\r\n", "Content-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n")
        + _encoded("https://n.example/br", brotli.compress(html), "Content-Encoding: br\r\n")
        + _encoded("https://n.example/cut", zipped[:-30], "Content-Encoding: gzip\r\n")
        + _encoded("https://n.example/zz", html, "Content-Encoding: compress\r\n")
        + _encoded("https://n.example/plain", html, "")
    )
    items = _read(path)
    assert [(d.metadata["url"], d.content) for d in _documents(items)] == [
        ("https://n.example/gz", UNDATED),
        ("https://n.example/br", UNDATED),
        ("https://n.example/plain", UNDATED),
    ]
    assert _codes(items) == ["E107", "E109"]


def test_max_bytes_bounds_a_record_not_the_file(tmp_path: Path) -> None:
    big = f"<html><body><p>{BODY}</p>{'<p>more words</p>' * 400}</body></html>".encode()
    captures = [Capture(f"https://n.example/{n}", WHEN, UNDATED.encode()) for n in range(30)]
    path = _warc(tmp_path / "a.warc", *captures[:2], Capture("https://n.example/big", WHEN, big), *captures[2:])
    path.write_bytes(gzip.decompress(path.read_bytes()))  # an uncompressed WARC, many times the limit
    assert path.stat().st_size > 10 * 4000
    items = _read(path, max_bytes=4000)
    assert len(_documents(items)) == 30
    assert _codes(items) == ["E105"] and isinstance(items[2], Failure) and "https" not in items[2].origin


def test_a_warc_in_a_directory_is_found_beside_other_inputs(tmp_path: Path) -> None:
    (tmp_path / "crawl").mkdir()
    _warc(tmp_path / "crawl" / "b.warc.gz", Capture("https://n.example/b", WHEN, UNDATED.encode()))
    (tmp_path / "a.html").write_text(UNDATED)
    (tmp_path / "c.txt.gz").write_bytes(gzip.compress(_warc(tmp_path / "x", Capture("https://n.example/c", WHEN, UNDATED.encode())).read_bytes()))
    (tmp_path / "x").unlink()
    origins = [item.origin.replace(str(tmp_path), "") for item in _read(tmp_path)]
    # sniffed by content too: a WARC (gzipped twice) under another name is read as one
    assert [origin.split("@")[0] for origin in origins] == ["/a.html", "/c.txt.gz", "/crawl/b.warc.gz"]


def test_the_capture_date_dates_a_page_only_when_it_states_none(tmp_path: Path) -> None:
    (article,) = generate(1, seed=8)
    _warc(
        tmp_path / "a.warc.gz",
        Capture("https://n.example/undated", WHEN, UNDATED.encode()),
        Capture(article.url, WHEN, page(article).encode()),
    )
    undated, dated = (extract_document(d).article for d in _documents(_read(tmp_path / "a.warc.gz")))
    assert undated is not None and dated is not None
    assert undated.published == "2024-03-14T09:30:00Z" and undated.url == "https://n.example/undated"
    assert dated.published is not None and dated.published.startswith(article.published.isoformat())


class _Pipe(io.RawIOBase):
    """Standard input from a pipe: it reads, but cannot seek or tell."""

    def __init__(self, data: bytes) -> None:
        self._data = io.BytesIO(data)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        return self._data.readinto(buffer)


@pytest.mark.parametrize("cut", [False, True])
def test_a_warc_on_standard_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cut: bool) -> None:
    write_warc(list(generate(4, seed=6)), tmp_path)
    data = (tmp_path / "articles-00000.warc.gz").read_bytes()
    from_file = _read(tmp_path / "articles-00000.warc.gz")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(_Pipe(data[: len(data) - 100 if cut else None]))))
    items = _read("-")
    expected = [item.origin.rsplit("@", 1)[1] for item in from_file][: len(items) - 1 if cut else None]
    assert [item.origin.rsplit("@", 1)[1] for item in items if "@" in item.origin] == expected
    assert _codes(items)[-1] == ("E110" if cut else "W110")


def test_ingest_stores_the_pages_of_a_warc_once(tmp_path: Path) -> None:
    articles = list(generate(3, seed=7))
    write_warc(articles, tmp_path / "in")
    warc = tmp_path / "in" / "articles-00000.warc.gz"
    db = tmp_path / "s.duckdb"
    runner = CliRunner()
    first = runner.invoke(app, ["ingest", str(warc), "--db", str(db)], env={"COLUMNS": "200"})
    assert first.exit_code == 0, first.output  # skipped responses are warnings: the batch did not fail
    assert "7 inputs, 3 new articles stored" in first.stdout and "W110×4" in first.stdout
    second = runner.invoke(app, ["ingest", str(warc), "--db", str(db)], env={"COLUMNS": "200"})
    assert second.exit_code == 0 and "0 new articles stored, 3 already in the store" in second.stdout
