"""run_sql reads anything and changes nothing: statements that may write are refused with
E604 (by the statement check, or by DuckDB's read-only store for a write hidden in a CTE)."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from eventwire.errors import NotReadOnly, QueryTimeout, SqlError
from eventwire.query import open_reader, run_sql
from tests.query.stores import PRECISE_EVENTS

SLOW = "SELECT count(*) FROM range(100000000) a, range(100000) b WHERE a.range + b.range = -1"
"""A cross join of 10^13 rows: far longer than any time limit in these tests."""


@pytest.mark.parametrize(
    ("sql", "first_column"),
    [
        ("SELECT count(*) AS n FROM events", "n"),
        ("WITH dyads AS (SELECT source_code, target_code FROM events) SELECT count(*) AS n FROM dyads", "n"),
        ("FROM unique_events SELECT count(*) AS n", "n"),
        ("VALUES (1)", "col0"),
        ("DESCRIBE events", "column_name"),
        ("SHOW TABLES", "name"),
        ("SUMMARIZE events", "column_name"),
        ("EXPLAIN SELECT * FROM event_reports", "explain_key"),
        ("select 1 as n;", "n"),
        ("PIVOT events ON quad_class IN (1, 2, 3, 4) USING count(*) GROUP BY root", "root"),
    ],
)
def test_queries_that_read(precise_db: Path, sql: str, first_column: str) -> None:
    with open_reader(precise_db) as connection:
        result = run_sql(connection, sql)
    assert result.columns[0] == first_column and result.rows


@pytest.mark.parametrize(
    "sql",
    [
        "INSERT INTO events (id, article_id, seq, code, root) VALUES ('x', 'y', 0, '010', '01')",
        "UPDATE events SET goldstein = 0",
        "DELETE FROM events",
        "DROP TABLE events",
        "CREATE TABLE t AS SELECT 1",
        "CREATE TEMP TABLE t AS SELECT 1",
        "ATTACH '{folder}/other.duckdb' AS other",
        "COPY events TO '{folder}/leak.csv'",
        "EXPORT DATABASE '{folder}/leak'",
        "SELECT 1; DROP TABLE events",
        "SELECT 1; SELECT 2",
        "EXPLAIN ANALYZE COPY events TO '{folder}/leak.csv'",
        "EXPLAIN DELETE FROM events",
        "PRAGMA version",
        "CALL pragma_version()",
        "CHECKPOINT",
        "SET threads = 1",
        "LOAD json",
        "INSTALL httpfs",
        "PIVOT events ON quad_class USING count(*)",  # runs a query for the values first
        "WITH gone AS (DELETE FROM events RETURNING *) SELECT count(*) FROM gone",
        "WITH added AS (INSERT INTO articles (id, text) VALUES ('x', 'y') RETURNING *) SELECT * FROM added",
    ],
)
def test_statements_that_may_write_are_refused(precise_db: Path, tmp_path: Path, sql: str) -> None:
    with open_reader(precise_db) as connection:
        with pytest.raises(NotReadOnly) as caught:
            run_sql(connection, sql.format(folder=tmp_path))
        assert caught.value.code == "E604"
        assert run_sql(connection, "SELECT count(*) FROM events").rows == [(len(PRECISE_EVENTS),)]
    assert list(tmp_path.iterdir()) == []  # nothing written beside the store either


def test_a_writable_connection_is_refused(tmp_path: Path) -> None:
    with duckdb.connect(str(tmp_path / "w.duckdb")) as connection, pytest.raises(NotReadOnly):
        run_sql(connection, "SELECT 1")


@pytest.mark.parametrize("sql", ["SELEC 1", "SELECT * FROM no_such_table", "SELECT 1/'a'"])
def test_sql_errors_are_coded(precise_db: Path, sql: str) -> None:
    with open_reader(precise_db) as connection, pytest.raises(SqlError) as caught:
        run_sql(connection, sql)
    assert caught.value.code == "E605"


def test_a_slow_query_is_stopped_and_the_connection_stays_usable(precise_db: Path) -> None:
    with open_reader(precise_db) as connection:
        with pytest.raises(QueryTimeout) as caught:
            run_sql(connection, SLOW, timeout=0.2)
        assert caught.value.code == "E606"
        assert run_sql(connection, "SELECT 42").rows == [(42,)]
