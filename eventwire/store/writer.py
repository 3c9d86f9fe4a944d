"""Writing results into the DuckDB store: one transaction per batch, idempotent.

The article id is a hash of the normalised text, so storing the same article again is a
no-op (``ON CONFLICT DO NOTHING``): re-running an ingest over the same inputs changes no
row. A batch either lands whole or not at all, so an interrupted run leaves no half-stored
article.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

import duckdb

from eventwire.errors import StoreError, StoreLocked
from eventwire.pipeline import ArticleResult
from eventwire.store.schema import migrate

_ARTICLE_COLUMNS = (
    "id", "url", "title", "deck", "published", "section", "source", "authors", "image_credit",
    "caption", "reading_minutes", "language", "text", "related_headlines", "origin", "format",
)  # fmt: skip


@dataclass
class SaveCounts:
    articles_new: int = 0
    articles_known: int = 0
    problems: int = 0


class Store:
    """The event store in one DuckDB file. Open it with ``open_store``."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = str(path)
        try:
            self.connection = duckdb.connect(self.path, read_only=read_only)
        except duckdb.IOException as error:
            if "lock" in str(error).lower():
                raise StoreLocked(self.path, origin=self.path) from error
            raise StoreError(str(error), origin=self.path) from error
        if not read_only:
            migrate(self.connection)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self.connection.close()

    def save(self, results: Iterable[ArticleResult]) -> SaveCounts:
        """Store a batch of results in one transaction."""
        counts = SaveCounts()
        connection = self.connection
        placeholders = ", ".join("?" for _ in _ARTICLE_COLUMNS)
        connection.execute("BEGIN TRANSACTION")
        try:
            for result in results:
                article = result.article
                if article is not None:
                    row = article.to_dict()
                    inserted = connection.execute(
                        f"INSERT INTO articles ({', '.join(_ARTICLE_COLUMNS)}) VALUES ({placeholders}) "
                        "ON CONFLICT (id) DO NOTHING RETURNING id",
                        [row[column] for column in _ARTICLE_COLUMNS],
                    ).fetchall()
                    if inserted:
                        counts.articles_new += 1
                    else:
                        counts.articles_known += 1
                for problem in result.problems:
                    connection.execute(
                        "INSERT INTO ingest_errors (origin, code, severity, stage, message, article_id) "
                        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                        [problem.origin, problem.code, problem.severity, problem.stage, problem.message,
                         article.id if article else None],
                    )
                    counts.problems += 1
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        return counts

    def count(self, table: str) -> int:
        """Rows in one of the store's own tables."""
        if table not in {"articles", "ingest_errors"}:
            raise ValueError(f"unknown table {table!r}")
        row = self.connection.execute(f"SELECT count(*) FROM {table}").fetchone()
        return int(row[0]) if row else 0


def open_store(path: str | Path, *, read_only: bool = False) -> Store:
    """Open (and create or migrate, unless read-only) the store at ``path``."""
    return Store(path, read_only=read_only)
