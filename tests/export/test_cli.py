"""``eventwire export``: each format to stdout or to --out, coded errors, option checks."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from eventwire.cli import app

runner = CliRunner()


@pytest.mark.parametrize("fmt", ["gdelt", "plover", "csv"])
def test_stdout_and_out_file_are_the_same(store_path: Path, tmp_path: Path, fmt: str) -> None:
    to_stdout = runner.invoke(app, ["export", "--format", fmt, "--db", str(store_path)])
    assert to_stdout.exit_code == 0, to_stdout.output
    out = tmp_path / f"events.{fmt}"
    to_file = runner.invoke(app, ["export", "--format", fmt, "--db", str(store_path), "--out", str(out)])
    assert to_file.exit_code == 0, to_file.output
    assert to_file.stdout_bytes == b""
    assert out.read_bytes() == to_stdout.stdout_bytes != b""
    assert not list(tmp_path.glob(".*.partial"))
    assert "written to" in to_file.stderr


def test_parquet_to_stdout_and_to_a_file(store_path: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "-f", "parquet", "--db", str(store_path), "--table", "places"])
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes[:4] == b"PAR1"
    out = tmp_path / "places.parquet"
    assert runner.invoke(app, ["export", "-f", "parquet", "--db", str(store_path), "--table", "places", "-o", str(out)]).exit_code == 0
    with duckdb.connect() as reader:
        (rows,) = reader.execute(f"SELECT count(*) FROM '{out}'").fetchone() or (0,)
    assert rows > 0


def test_plover_array_is_one_json_document(store_path: Path) -> None:
    result = runner.invoke(app, ["export", "-f", "plover", "--array", "--unique", "--db", str(store_path)])
    assert result.exit_code == 0, result.output
    assert isinstance(json.loads(result.stdout), list)


def test_a_missing_store_is_a_coded_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "-f", "gdelt", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1
    assert "E502" in result.stderr
    assert not (tmp_path / "none.duckdb").exists()


def test_an_unwritable_output_is_a_coded_error(store_path: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "-f", "csv", "--db", str(store_path), "-o", str(tmp_path / "no" / "x.csv")])
    assert result.exit_code == 1
    assert "E701" in result.stderr


@pytest.mark.parametrize(
    "options",
    [
        ["-f", "gdelt", "--table", "events"],
        ["-f", "csv", "--table", "schema_info"],
        ["-f", "csv", "--unique"],
        ["-f", "gdelt", "--array"],
        ["-f", "xml"],
    ],
)
def test_options_that_do_not_apply_are_usage_errors(store_path: Path, options: list[str]) -> None:
    result = runner.invoke(app, ["export", *options, "--db", str(store_path)])
    assert result.exit_code == 2


def test_an_error_prints_a_bracketed_path_verbatim_with_its_hint(tmp_path: Path) -> None:
    db = tmp_path / "br[x]" / "none.duckdb"
    result = runner.invoke(app, ["export", "--format", "gdelt", "--db", str(db)])
    assert result.exit_code == 1
    assert f"E502 no store at this path: {db}" in result.stderr
    assert "Reading commands do not create a store" in result.stderr
