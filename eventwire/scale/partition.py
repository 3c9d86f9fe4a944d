"""A chunk's Parquet partition: the rows ``Store.save`` would write, one file per table.

    <parts>/<chunk id>/inputs.parquet         pos, origin: one row per input result
    <parts>/<chunk id>/articles.parquet       pos + the store's article columns
    <parts>/<chunk id>/article_actors.parquet pos + the store's columns (also events, quotes, places)
    <parts>/<chunk id>/ingest_errors.parquet  pos, seq + the store's problem columns
    <parts>/<chunk id>/manifest.json          the chunk's files and counts, written last

``pos`` is the input's place in its chunk: the loader saves results in that order, and a
body read twice in one chunk (an exact copy under another URL) keeps both readings, as a
single-process ingest reads both. Column types are the store's own, taken from its schema,
so the Parquet files read back into the store unchanged and a user can query them as they
would query the store's tables.

A worker writes the files into a private folder and renames it into place at the end: a
killed worker leaves no half partition (only a folder under ``.tmp``), and a partition
folder exists only with all its files.
"""

from __future__ import annotations

import json
import os
import shutil
import uuid
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

import duckdb

from eventwire.article import Article
from eventwire.errors import PartitionUnreadable, Problem
from eventwire.store.rows import CODING_TABLES, COLUMNS, ResultRows, Row, article_row, problem_row
from eventwire.store.schema import migrate
from eventwire.store.writer import insert_rows

MANIFEST = "manifest.json"
TMP = ".tmp"
TABLES = ("inputs", "articles", *CODING_TABLES, "ingest_errors")
"""The partition's tables, one Parquet file each."""
_ORDER = {"inputs": "pos", "articles": "pos"}
"""How each file's rows are read back in reading order (the others: ``pos, seq``)."""
_ARTICLE_FIELDS = tuple(column for column in COLUMNS["articles"] if column != "outlet")
"""The articles row's columns that are ``Article`` fields (``outlet`` is derived from them)."""


def _columns(table: str) -> tuple[str, ...]:
    """A partition file's columns: the input's ``pos`` (and a problem's ``seq``) first."""
    if table == "inputs":
        return ("pos", "origin")
    if table == "ingest_errors":
        return ("pos", "seq", *COLUMNS[table])
    return ("pos", *COLUMNS[table])


def _quoted(columns: Iterable[str]) -> str:
    return ", ".join(f'"{column}"' for column in columns)


@lru_cache(maxsize=1)
def _tables_ddl() -> tuple[str, ...]:
    """The statements creating a partition's tables, with the store's column types: read once
    per process from the schema migrated into a scratch database (30 ms, once per chunk else)."""
    with duckdb.connect(":memory:") as connection:
        migrate(connection)
        rows = connection.execute("SELECT table_name, column_name, data_type FROM duckdb_columns()").fetchall()
    types = {(table, column): kind for table, column, kind in rows} | {("inputs", "origin"): "VARCHAR"}
    statements = []
    for table in TABLES:
        columns = [
            f'"{column}" {"INTEGER" if column in ("pos", "seq") else types[(table, column)]}' for column in _columns(table)
        ]
        statements.append(f'CREATE TABLE "part_{table}" ({", ".join(columns)})')
    return tuple(statements)


class PartitionWriter:
    """Collects a chunk's results in an in-memory DuckDB, then writes them as its partition."""

    def __init__(self) -> None:
        self.connection = duckdb.connect(":memory:")
        for statement in _tables_ddl():
            self.connection.execute(statement)
        self.inputs = 0
        self.counts: dict[str, int] = defaultdict(int)

    def add(self, results: Iterable[ResultRows]) -> None:
        """Append the next results of the chunk, in reading order."""
        rows: dict[str, list[Row]] = defaultdict(list)
        for result in results:
            pos = self.inputs
            self.inputs += 1
            rows["inputs"].append((pos, result.origin))
            article = result.article
            if article is not None:
                rows["articles"].append((pos, *article_row(article)))
                for table in CODING_TABLES:
                    rows[table].extend((pos, *row) for row in result.coded[table])
            for seq, problem in enumerate(result.problems):
                rows["ingest_errors"].append((pos, seq, *problem_row(problem, article.id if article else None)))
        for table, table_rows in rows.items():
            insert_rows(self.connection, f'"part_{table}"', _columns(table), table_rows)
            self.counts[table] += len(table_rows)

    def write(self, parts: Path, chunk_id: str, manifest: dict[str, Any]) -> dict[str, Any]:
        """Write the partition of ``chunk_id`` under ``parts`` at once; its manifest, with row counts.

        When another attempt at the same chunk got there first (a worker that was thought
        lost finished after all), its partition is kept and this one dropped: both hold the
        same rows.
        """
        target = parts / chunk_id
        scratch = parts / TMP / f"{chunk_id}-{uuid.uuid4().hex[:8]}"
        scratch.mkdir(parents=True)
        try:
            for table in TABLES:
                path = str(scratch / f"{table}.parquet").replace("'", "''")
                self.connection.execute(f"COPY \"part_{table}\" TO '{path}' (FORMAT parquet)")
            manifest = {**manifest, "rows": {table: self.counts[table] for table in TABLES}}
            (scratch / MANIFEST).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
            if target.exists() and read_manifest(target) is None:
                shutil.rmtree(target)  # a folder without a whole partition, as we never leave one
            try:
                os.rename(scratch, target)
            except OSError:
                if (kept := read_manifest(target)) is None:
                    raise
                manifest = kept
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
            self.connection.close()
        return manifest


def read_manifest(folder: Path) -> dict[str, Any] | None:
    """The manifest of a whole partition, or None when ``folder`` holds none."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return manifest if isinstance(manifest, dict) and manifest.get("chunk") == folder.name else None


def read_results(connection: duckdb.DuckDBPyConnection, folder: Path, start: int, stop: int) -> list[ResultRows]:
    """The results at positions ``start`` to ``stop - 1`` of a partition, in reading order.

    Raises ``PartitionUnreadable`` (E804) when a file is missing, cut short or not ours.
    """
    tables: dict[str, list[tuple[Any, ...]]] = {}
    for table in TABLES:
        path = str(folder / f"{table}.parquet")
        order = _ORDER.get(table, "pos, seq")
        query = f"SELECT {_quoted(_columns(table))} FROM read_parquet(?) WHERE pos >= ? AND pos < ? ORDER BY {order}"
        try:
            tables[table] = connection.execute(query, [path, start, stop]).fetchall()
        except duckdb.Error as error:
            raise PartitionUnreadable(f"{path}: {error}", origin=path) from error
    origins = {pos: origin for pos, origin in tables["inputs"]}
    articles = {row[0]: _article(row[1:]) for row in tables["articles"]}
    coded: dict[int, dict[str, list[Row]]] = defaultdict(lambda: {table: [] for table in CODING_TABLES})
    for table in CODING_TABLES:
        for row in tables[table]:
            coded[row[0]][table].append(tuple(row[1:]))
    problems: dict[int, list[Problem]] = defaultdict(list)
    for row in tables["ingest_errors"]:
        origin, code, severity, stage, message, _ = row[2:]
        problems[row[0]].append(Problem(code=code, message=message, origin=origin, severity=severity, stage=stage))
    return [ResultRows(origins[pos], articles.get(pos), coded[pos], problems[pos]) for pos in sorted(origins)]


def _article(values: tuple[Any, ...]) -> Article:
    record = dict(zip(COLUMNS["articles"], values, strict=True))
    return Article(**{name: record[name] for name in _ARTICLE_FIELDS})
