"""Readers: every input form, and every bad input becomes a coded failure, never an exception."""

from __future__ import annotations

import gzip
import io
import json
import os
import sys
from pathlib import Path

import pytest

from eventwire.ingest import Document, Failure, Format, read_documents

BODY = "Ministers from both countries met in Geneva on Monday and agreed to resume talks next week."
DUMP = f"WORLD | 12 March 2024\n\nTalks resume in Geneva\n\n{BODY}\n\nSource: Reuters\n"
PAGE = f"<!doctype html><html><head><title>Talks</title></head><body><article><p>{BODY}</p></article></body></html>"


def _codes(items: list[Document | Failure]) -> list[str]:
    return [item.problem.code for item in items if isinstance(item, Failure)]


def _read(*specs: str | Path, **kwargs: int) -> list[Document | Failure]:
    return list(read_documents([str(spec) for spec in specs], **kwargs))


def test_file_formats_detected_by_content(tmp_path: Path) -> None:
    (tmp_path / "page.txt").write_text(PAGE)
    (tmp_path / "dump.html").write_text(DUMP)
    items = _read(tmp_path / "page.txt", tmp_path / "dump.html")
    assert [(type(i).__name__, i.format) for i in items] == [("Document", Format.HTML), ("Document", Format.TEXTDUMP)]


def test_directory_is_walked_recursively_in_sorted_order_skipping_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text(DUMP)
    (tmp_path / "a.txt").write_text(DUMP)
    (tmp_path / ".hidden.txt").write_text(DUMP)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text(DUMP)
    origins = [item.origin for item in _read(tmp_path)]
    assert origins == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "2.txt")]


def test_glob_and_missing_paths(tmp_path: Path) -> None:
    for name in ("x1.txt", "x2.txt", "y.txt"):
        (tmp_path / name).write_text(DUMP)
    items = _read(tmp_path / "x*.txt", tmp_path / "nothing*.txt", tmp_path / "absent.txt")
    assert [i.origin for i in items if isinstance(i, Document)] == [str(tmp_path / "x1.txt"), str(tmp_path / "x2.txt")]
    assert _codes(items) == ["E108", "E108"]


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(PAGE.encode())))
    (item,) = _read("-")
    assert isinstance(item, Document) and item.origin == "<stdin>" and item.format is Format.HTML


def test_jsonl_records_broken_lines_and_fields(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": BODY, "url": "https://example.org/1", "title": "One", "published": "2024-03-12"}),
        "",
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"url": "https://example.org/no-body"}),
        json.dumps({"html": PAGE, "date": "March 12, 2024"}),
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n")
    items = _read(path)
    documents = [i for i in items if isinstance(i, Document)]
    assert [d.origin for d in documents] == [f"{path}:1", f"{path}:6"]
    assert documents[0].format is Format.TEXT and documents[0].metadata["title"] == "One"
    assert documents[1].format is Format.HTML and documents[1].metadata["published"] == "March 12, 2024"
    failures = [i for i in items if isinstance(i, Failure)]
    assert [(f.origin, f.problem.code) for f in failures] == [(f"{path}:3", "E106"), (f"{path}:4", "E106"), (f"{path}:5", "E106")]


def test_gzip_of_each_format_and_nested(tmp_path: Path) -> None:
    (tmp_path / "a.html.gz").write_bytes(gzip.compress(PAGE.encode(), mtime=0))
    (tmp_path / "b.jsonl.gz").write_bytes(gzip.compress((json.dumps({"text": BODY}) + "\n").encode() * 3, mtime=0))
    (tmp_path / "c.txt.gz.gz").write_bytes(gzip.compress(gzip.compress(DUMP.encode(), mtime=0), mtime=0))
    items = _read(tmp_path)
    assert [(i.origin.rsplit("/", 1)[-1], i.format) for i in items if isinstance(i, Document)] == [
        ("a.html.gz", Format.HTML),
        ("b.jsonl.gz:1", Format.TEXT),
        ("b.jsonl.gz:2", Format.TEXT),
        ("b.jsonl.gz:3", Format.TEXT),
        ("c.txt.gz.gz", Format.TEXTDUMP),
    ]


def test_truncated_gzip(tmp_path: Path) -> None:
    data = gzip.compress(PAGE.encode() * 200, mtime=0)
    (tmp_path / "cut.html.gz").write_bytes(data[: len(data) // 2])
    records = gzip.compress("".join(json.dumps({"text": f"{BODY} {n}"}) + "\n" for n in range(2000)).encode(), mtime=0)
    (tmp_path / "cut.jsonl.gz").write_bytes(records[: len(records) // 2])
    items = _read(tmp_path / "cut.html.gz", tmp_path / "cut.jsonl.gz")
    assert _codes(items) == ["E107", "E107"]
    kept = [i for i in items if isinstance(i, Document)]
    assert kept and all(i.origin.startswith(str(tmp_path / "cut.jsonl.gz")) for i in kept)


@pytest.mark.parametrize(("content", "code"), [(b"", "E102"), (b"  \n\t\n ", "E102"), (b"%PDF-1.4\n...", "E101")])
def test_empty_and_binary_files(tmp_path: Path, content: bytes, code: str) -> None:
    path = tmp_path / "bad.html"
    path.write_bytes(content)
    assert _codes(_read(path)) == [code]


def test_oversized_page_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.html"
    with path.open("wb") as handle:
        handle.write(b"<html><body>")
        handle.write(b"<p>padding paragraph</p>" * (50 * 1024 * 1024 // 24))
    assert path.stat().st_size > 50_000_000
    assert _codes(_read(path)) == ["E105"]


def test_oversized_jsonl_line_is_skipped_and_the_rest_read(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    path.write_text(json.dumps({"text": "x" * 5000}) + "\n" + json.dumps({"text": BODY}) + "\n")
    items = _read(path, max_bytes=1000)
    assert _codes(items) == ["E105"]
    assert [i.origin for i in items if isinstance(i, Document)] == [f"{path}:2"]


def test_unreadable_entries_in_a_directory_do_not_stop_the_batch(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(DUMP)
    os.symlink(tmp_path / "gone.txt", tmp_path / "b_broken_link.txt")
    (tmp_path / "c.txt").write_text(DUMP)
    items = _read(tmp_path)
    assert [type(i).__name__ for i in items] == ["Document", "Failure", "Document"]
    assert _codes(items) == ["E104"]


def test_legacy_encoding_warning_travels_with_the_document(tmp_path: Path) -> None:
    path = tmp_path / "ru.txt"
    path.write_bytes(("Министр иностранных дел заявил в понедельник, что переговоры продолжатся. " * 5).encode("cp1251"))
    (item,) = _read(path)
    assert isinstance(item, Document)
    assert [p.code for p in item.problems] == ["W103"]
