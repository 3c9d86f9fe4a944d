"""``eventwire serve`` refuses a store it cannot read before starting a server."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from eventwire.cli import app


def test_serve_refuses_a_missing_store(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1
    assert "E502" in result.output
    assert not (tmp_path / "none.duckdb").exists()
