"""Planning chunks: reading order, stable ids, archives alone, what a single run would report."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from eventwire.errors import NotDistributable
from eventwire.scale import plan_chunks


def _files(folder: Path, count: int, size: int = 10) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"{number:03d}.html" for number in range(count)]
    for path in paths:
        path.write_bytes(b"x" * size)
    return paths


def test_chunks_follow_the_reading_order_and_cut_by_files_and_bytes(tmp_path: Path) -> None:
    paths = _files(tmp_path / "in", 7)
    chunks = plan_chunks([str(tmp_path / "in")], chunk_files=3)
    assert [len(chunk.entries) for chunk in chunks] == [3, 3, 1]
    assert [entry for chunk in chunks for entry in chunk.entries] == [str(path) for path in paths]
    by_bytes = plan_chunks([str(tmp_path / "in")], chunk_files=100, chunk_bytes=25)
    assert [len(chunk.entries) for chunk in by_bytes] == [2, 2, 2, 1]
    assert [chunk.size for chunk in by_bytes] == [20, 20, 20, 10]


def test_ids_are_stable_and_change_with_a_file(tmp_path: Path) -> None:
    paths = _files(tmp_path / "in", 6)
    first = [chunk.id for chunk in plan_chunks([str(tmp_path / "in")], chunk_files=2)]
    assert first == [chunk.id for chunk in plan_chunks([str(tmp_path / "in")], chunk_files=2)]
    assert len(set(first)) == 3
    os.utime(paths[3], ns=(0, 12345))  # touched: its chunk is coded again, the others are not
    touched = [chunk.id for chunk in plan_chunks([str(tmp_path / "in")], chunk_files=2)]
    assert (touched[0], touched[2]) == (first[0], first[2]) and touched[1] != first[1]
    assert plan_chunks([str(tmp_path / "in")], chunk_files=2, max_bytes=1000)[0].id != first[0]


def test_files_added_at_the_end_keep_the_earlier_chunks(tmp_path: Path) -> None:
    _files(tmp_path / "in", 5)
    before = [chunk.id for chunk in plan_chunks([str(tmp_path / "in")], chunk_files=2)]
    (tmp_path / "in" / "999.html").write_bytes(b"y")
    after = [chunk.id for chunk in plan_chunks([str(tmp_path / "in")], chunk_files=2)]
    assert after[:2] == before[:2] and after[2] != before[2]


def test_an_archive_and_a_large_file_are_chunks_of_their_own(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    _files(folder, 2)
    (folder / "001b.warc.gz").write_bytes(b"w")
    (folder / "001c.jsonl").write_bytes(b"j" * 100)
    chunks = plan_chunks([str(folder)], chunk_files=10, chunk_bytes=50)
    assert [[Path(entry).name for entry in chunk.entries] for chunk in chunks] == [
        ["000.html", "001.html"], ["001b.warc.gz"], ["001c.jsonl"],
    ]  # fmt: skip


def test_a_missing_input_is_kept_for_the_worker_to_report(tmp_path: Path) -> None:
    _files(tmp_path / "in", 1)
    chunks = plan_chunks([str(tmp_path / "in"), str(tmp_path / "nowhere.html")])
    assert chunks[0].entries == (str(tmp_path / "in" / "000.html"), str(tmp_path / "nowhere.html"))


def test_standard_input_cannot_be_distributed() -> None:
    with pytest.raises(NotDistributable) as caught:
        plan_chunks(["-"])
    assert caught.value.code == "E805"


def test_a_task_that_failed_is_reported_with_its_chunk(tmp_path: Path) -> None:
    from eventwire.errors import ChunkFailed
    from eventwire.scale.run import _wait

    class Lost:
        def result(self) -> None:
            raise RuntimeError("worker lost three times")

    _files(tmp_path / "in", 3)
    (chunk,) = plan_chunks([str(tmp_path / "in")])
    with pytest.raises(ChunkFailed) as caught:
        _wait(Lost(), chunk)  # type: ignore[arg-type]
    assert caught.value.code == "E803"
    assert f"{tmp_path / 'in' / '000.html'} and 2 more): RuntimeError: worker lost three times" in str(caught.value)
