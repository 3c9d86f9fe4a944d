"""A chunk's partition: the rows Store.save would write, read back unchanged, written whole or not at all."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from eventwire.errors import PartitionUnreadable
from eventwire.pipeline import process
from eventwire.scale.partition import MANIFEST, TMP, PartitionWriter, read_manifest, read_results
from eventwire.store.rows import ResultRows, result_rows

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> list[ResultRows]:
    folder = tmp_path_factory.mktemp("inputs")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.5\n")
    articles = sorted((ROOT / "examples" / "articles").glob("0[1-3]_*.txt"))
    specs = [str(articles[0]), str(folder / "broken.pdf"), *map(str, articles), str(folder / "missing.txt")]
    return [result_rows(result) for result in process(specs)]  # the first article twice: both readings are kept


def _write(results: list[ResultRows], parts: Path, chunk_id: str = "c1") -> dict[str, object]:
    writer = PartitionWriter()
    writer.add(results[:2])
    writer.add(results[2:])
    return writer.write(parts, chunk_id, {"chunk": chunk_id, "inputs": len(results)})


def test_results_read_back_as_they_were_written(results: list[ResultRows], tmp_path: Path) -> None:
    manifest = _write(results, tmp_path)
    assert manifest["rows"]["inputs"] == len(results) == 6  # type: ignore[index]
    assert sum(len(result.coded["events"]) for result in results) == manifest["rows"]["events"] > 0  # type: ignore[index]
    connection = duckdb.connect()
    assert read_results(connection, tmp_path / "c1", 0, 100) == results
    assert read_results(connection, tmp_path / "c1", 1, 3) == results[1:3]
    codes = [problem.code for result in results for problem in result.problems]
    assert "E101" in codes and "E108" in codes
    assert not (tmp_path / TMP).exists() or not any((tmp_path / TMP).iterdir())


def test_the_files_are_queried_like_the_store(results: list[ResultRows], tmp_path: Path) -> None:
    _write(results, tmp_path)
    connection = duckdb.connect()
    ((events,),) = connection.execute(f"SELECT count(*) FROM '{tmp_path}/*/events.parquet'").fetchall()
    assert events == sum(len(result.coded["events"]) for result in results)
    described = connection.execute(f"DESCRIBE SELECT * FROM '{tmp_path}/c1/events.parquet'").fetchall()
    types = {row[0]: row[1] for row in described}
    assert (types["goldstein"], types["modifiers"], types["location_geonameid"]) == ("DOUBLE", "VARCHAR[]", "BIGINT")


def test_a_second_attempt_keeps_the_partition_of_the_first(results: list[ResultRows], tmp_path: Path) -> None:
    first = _write(results, tmp_path)
    second = _write(results[:1], tmp_path)
    assert second == first == read_manifest(tmp_path / "c1")


def test_a_folder_without_a_manifest_is_no_partition(results: list[ResultRows], tmp_path: Path) -> None:
    (tmp_path / "c1").mkdir()
    (tmp_path / "c1" / "events.parquet").write_bytes(b"half")
    assert read_manifest(tmp_path / "c1") is None
    _write(results, tmp_path)  # replaces it
    assert read_manifest(tmp_path / "c1") is not None


def test_a_damaged_partition_is_reported(results: list[ResultRows], tmp_path: Path) -> None:
    _write(results, tmp_path)
    (tmp_path / "c1" / "quotes.parquet").write_bytes(b"PAR1 cut short")
    with pytest.raises(PartitionUnreadable) as caught:
        read_results(duckdb.connect(), tmp_path / "c1", 0, 100)
    assert caught.value.code == "E804" and "quotes.parquet" in str(caught.value)
    (tmp_path / "c1" / MANIFEST).write_text(json.dumps({"chunk": "another"}))
    assert read_manifest(tmp_path / "c1") is None
