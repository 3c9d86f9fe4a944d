"""The command line: JSON Lines on stdout, problems on stderr, exit status from the failure count."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire import __version__
from eventwire.cli import app

from tests.test_pipeline import PAGE

runner = CliRunner()


def test_version_and_help() -> None:
    assert runner.invoke(app, ["--version"]).stdout.strip() == f"eventwire {__version__}"
    help_text = runner.invoke(app, ["--help"]).stdout
    assert "process" in help_text and "ingest" in help_text and "Examples" in help_text


def test_process_prints_json_lines_and_problems_on_stderr(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(PAGE)
    (tmp_path / "b.pdf").write_bytes(b"%PDF-1.5\n")
    result = runner.invoke(app, ["process", str(tmp_path)])
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["title"] for r in records] == ["Kenya and Ethiopia hold border talks", None]
    assert records[1]["errors"][0]["code"] == "E101"
    assert "E101 not an article: binary content" in result.stderr
    assert result.exit_code == 1


def test_process_table_format(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(PAGE)
    result = runner.invoke(app, ["process", str(tmp_path / "a.html"), "--format", "table"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "Kenya and Ethiopia" in result.stdout


def test_all_inputs_failing_exits_3(tmp_path: Path) -> None:
    result = runner.invoke(app, ["process", str(tmp_path / "missing.html")])
    assert result.exit_code == 3
    assert "E108" in result.stderr


def test_stdin_through_a_real_process(tmp_path: Path) -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "eventwire", "process", "-"],
        input=PAGE.encode(),
        capture_output=True,
        check=False,
        timeout=120,
    )
    assert completed.returncode == 0, completed.stderr.decode()
    (record,) = [json.loads(line) for line in completed.stdout.decode().splitlines()]
    assert record["origin"] == "<stdin>"


def test_ingest_stores_and_is_idempotent(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.html").write_text(PAGE)
    (tmp_path / "in" / "empty.txt").write_text("")
    db = tmp_path / "store.duckdb"
    first = runner.invoke(app, ["ingest", str(tmp_path / "in"), "--db", str(db)])
    assert first.exit_code == 1, first.output
    assert "1 new articles stored" in first.stdout
    second = runner.invoke(app, ["ingest", str(tmp_path / "in"), "--db", str(db)])
    assert "0 new articles stored, 1 already in the store" in second.stdout


def test_ingest_store_errors_print_a_bracketed_path_verbatim_with_its_hint(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.html").write_text(PAGE)
    db = tmp_path / "br[x]" / "none.duckdb"  # no such directory
    result = runner.invoke(app, ["ingest", str(tmp_path / "in"), "--db", str(db)])
    assert result.exit_code == 1
    assert "E500" in result.stderr and str(db) in result.stderr
    assert "Check the --db path" in result.stderr


def test_ingest_lists_only_the_first_inputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "in").mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / "in" / name).write_text("")
    monkeypatch.setattr("eventwire.cli.SUMMARY_ROWS", 2)
    result = runner.invoke(app, ["ingest", str(tmp_path / "in"), "--db", str(tmp_path / "s.duckdb")], env={"COLUMNS": "200"})
    assert result.exit_code == 3, result.output
    assert "a.txt" in result.stdout and "b.txt" in result.stdout and "c.txt" not in result.stdout
    assert "… and 1 more inputs" in result.stdout and "3 inputs" in result.stdout


def test_ingest_progress_off_a_terminal_is_a_line_per_batch(tmp_path: Path) -> None:
    """Off a terminal no progress by default; --progress prints a plain line per committed
    batch and one for the rest, with the errors counted."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.html").write_text(PAGE)
    (tmp_path / "in" / "b.pdf").write_bytes(b"%PDF-1.5\n")
    (tmp_path / "in" / "c.txt").write_text("")
    quiet = runner.invoke(app, ["ingest", str(tmp_path / "in"), "--db", str(tmp_path / "q.duckdb")])
    assert "progress:" not in quiet.stderr
    shown = runner.invoke(
        app, ["ingest", str(tmp_path / "in"), "--db", str(tmp_path / "p.duckdb"), "--batch-size", "2", "--progress"]
    )
    lines = [line for line in shown.stderr.splitlines() if line.startswith("progress:")]
    assert [line.split(",")[0] for line in lines] == ["progress: 2 articles", "progress: 3 articles"]
    assert lines[-1].endswith(", 2 errors")


def test_ingest_dask_refuses_a_bad_address_stdin_and_options_without_it(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.html").write_text(PAGE)
    db = tmp_path / "s.duckdb"
    bad = runner.invoke(app, ["ingest", str(tmp_path / "in"), "--db", str(db), "--dask", "scheduler:8786"])
    assert bad.exit_code == 2 and "E801" in bad.stderr and "tcp://host:8786" in bad.stderr
    stdin = runner.invoke(app, ["ingest", "-", "--db", str(db), "--dask", "local:1"], input="Ministers met.")
    assert stdin.exit_code == 1 and "E805" in stdin.stderr
    assert not db.exists(), "nothing was started or created"
    alone = runner.invoke(app, ["ingest", str(tmp_path / "in"), "--db", str(db), "--parts", str(tmp_path / "p")])
    assert alone.exit_code == 2 and "only with --dask" in alone.output


def test_ingest_dask_loads_chunks_found_done_without_a_cluster(tmp_path: Path) -> None:
    """Partitions coded earlier (here in this process, as a worker codes them) are loaded
    and no cluster is started: the address is never reached."""
    pytest.importorskip("distributed")
    from eventwire.scale import plan_chunks
    from eventwire.scale.worker import code_chunk

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.html").write_text(PAGE)
    (tmp_path / "in" / "empty.txt").write_text("")
    parts, db = tmp_path / "parts", tmp_path / "s.duckdb"
    (chunk,) = plan_chunks([str(tmp_path / "in")])
    manifest = code_chunk(chunk, str(parts), 10)
    assert code_chunk(chunk, str(parts), 10) == manifest  # a second attempt finds it done (the same seconds)
    command = ["ingest", str(tmp_path / "in"), "--db", str(db), "--dask", "tcp://127.0.0.1:9", "--parts", str(parts)]
    result = runner.invoke(app, command, env={"COLUMNS": "200"})
    assert result.exit_code == 1, result.output
    assert "1 chunks: 0 coded on the cluster, 1 found done, 0 failed" in result.stdout
    assert "2 inputs, 1 new articles stored" in result.stdout and "E102" in result.stderr
