"""The query commands through Typer's runner: output formats, files, exit codes 0, 1 and 2."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import duckdb
from typer.testing import CliRunner

from eventwire.cli import app
from tests.query.stores import A1, PRECISE_EVENTS, precise_id

runner = CliRunner()


def test_sql_csv_has_a_header_line(precise_db: Path) -> None:
    result = runner.invoke(app, ["sql", "--db", str(precise_db), "--format", "csv", "select root, count(*) as n from events group by root order by root"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["root,n", "03,2", "04,1", "05,1", "11,2", "18,1", "19,1"]


def test_events_with_filters_as_json_lines(precise_db: Path) -> None:
    result = runner.invoke(
        app, ["events", "--db", str(precise_db), "--dyad", "RUS:ARM", "--both-directions", "--since", "2024-05-10", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [record["id"] for record in records] == [precise_id(1), precise_id(0), precise_id(4), precise_id(7)]
    assert set(records[0]) == {"id", "date", "source_code", "code", "target_code", "quad_class", "goldstein", "num_articles", "sentence"}


def test_events_options(precise_db: Path) -> None:
    def ids(*options: str) -> list[str]:
        result = runner.invoke(app, ["events", "--db", str(precise_db), "--format", "csv", "--columns", "id", *options])
        assert result.exit_code == 0, result.output
        return result.stdout.splitlines()[1:]

    assert ids("--actor", "UKR") == [precise_id(2), precise_id(3)]
    assert ids("--code", "03") == [precise_id(1), precise_id(7)]
    assert ids("--root", "19", "--quad", "4") == [precise_id(2)]
    assert ids("--text", "KREMLIN", "--until", "2024-05") == [precise_id(4)]
    assert ids("--dyad", "RUS:ARM", "--unique") == [precise_id(0)]
    assert ids("--order", "-goldstein", "--limit", "1", "--offset", "1") == [precise_id(1)]
    assert len(ids("--limit", "0")) == len(PRECISE_EVENTS)  # 0: no limit
    everything = runner.invoke(app, ["events", "--db", str(precise_db), "--format", "csv", "--columns", "all", "--limit", "1"])
    assert "location_geonameid" in everything.stdout.splitlines()[0]


def test_dyad_by_month_as_csv(precise_db: Path) -> None:
    result = runner.invoke(app, ["dyad", "RUS", "ARM", "--by", "month", "--db", str(precise_db), "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(row["period"], row["direction"], row["events"], row["goldstein_mean"]) for row in rows] == [
        ("2024-05", "RUS->ARM", "2", "-2.0"), ("2024-05", "ARM->RUS", "1", "4.0"), ("2024-07", "ARM->RUS", "1", "5.2"),
    ]  # fmt: skip


def test_actors_and_article(coded_db: Path, precise_db: Path) -> None:
    actors = runner.invoke(app, ["actors", "--db", str(coded_db), "--code", "ARM", "--format", "json"])
    assert actors.exit_code == 0, actors.output
    assert all(json.loads(line)["code"].startswith("ARM") for line in actors.stdout.splitlines())
    article = runner.invoke(app, ["article", A1[:3], "--db", str(precise_db), "--format", "json"])
    assert article.exit_code == 0, article.output
    (record,) = [json.loads(line) for line in article.stdout.splitlines()]
    assert record["id"] == A1 and len(record["events"]) == 4
    card = runner.invoke(app, ["article", A1, "--db", str(precise_db)], env={"COLUMNS": "160"})
    assert card.exit_code == 0 and "Moscow accused Yerevan of sabotage." in card.stdout


def test_parquet_to_a_file_and_to_a_pipe(precise_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "dyad.parquet"
    assert runner.invoke(app, ["dyad", "RUS", "ARM", "--db", str(precise_db), "--format", "parquet", "--out", str(out)]).exit_code == 0
    piped = runner.invoke(app, ["dyad", "RUS", "ARM", "--db", str(precise_db), "--format", "parquet"])
    assert piped.exit_code == 0 and piped.stdout_bytes[:4] == b"PAR1"
    (tmp_path / "piped.parquet").write_bytes(piped.stdout_bytes)
    with duckdb.connect() as connection:
        for path in (out, tmp_path / "piped.parquet"):
            assert connection.sql(f"SELECT count(*) FROM read_parquet('{path}')").fetchall() == [(3,)]


def test_text_formats_to_a_file(precise_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    result = runner.invoke(app, ["events", "--db", str(precise_db), "--format", "csv", "--out", str(out)])
    assert result.exit_code == 0 and result.stdout == ""
    assert out.read_text(encoding="utf-8").startswith("id,date,source_code,")


def test_an_out_in_a_missing_directory_is_e701_not_a_traceback(precise_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "missing" / "events.csv"
    result = runner.invoke(app, ["events", "--db", str(precise_db), "--format", "csv", "--out", str(out)])
    assert result.exit_code == 1 and "E701" in result.stderr and result.exception is not None
    assert isinstance(result.exception, SystemExit) and not out.parent.exists()


def test_errors_exit_1_with_their_code_on_stderr(precise_db: Path, tmp_path: Path) -> None:
    missing = runner.invoke(app, ["events", "--db", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 1 and "E502" in missing.stderr and not (tmp_path / "none.duckdb").exists()
    refused = runner.invoke(app, ["sql", "--db", str(precise_db), "DROP TABLE events"])
    assert refused.exit_code == 1 and "E604" in refused.stderr
    broken = runner.invoke(app, ["sql", "--db", str(precise_db), "SELECT [1"])  # a bracket Rich must not read as markup
    assert broken.exit_code == 1 and "E605" in broken.stderr
    unknown = runner.invoke(app, ["article", "ffff", "--db", str(precise_db)])
    assert unknown.exit_code == 1 and "E602" in unknown.stderr
    slow = runner.invoke(app, ["sql", "--db", str(precise_db), "--timeout", "0.2", "SELECT count(*) FROM range(100000000) a, range(100000) b"])
    assert slow.exit_code == 1 and "E606" in slow.stderr


def test_usage_errors_exit_2(precise_db: Path) -> None:
    assert runner.invoke(app, ["events", "--db", str(precise_db), "--quad", "5"]).exit_code == 2
    assert runner.invoke(app, ["dyad", "RUS", "ARM", "--db", str(precise_db), "--by", "fortnight"]).exit_code == 2
    assert runner.invoke(app, ["events", "--db", str(precise_db), "--format", "xml"]).exit_code == 2
    bad_date = runner.invoke(app, ["events", "--db", str(precise_db), "--since", "2024/05"])
    assert bad_date.exit_code == 2 and "E601" in bad_date.stderr
    bad_dyad = runner.invoke(app, ["events", "--db", str(precise_db), "--dyad", "RUS"])
    assert bad_dyad.exit_code == 2 and "E601" in bad_dyad.stderr
