"""``get_article``: one article with everything coded from it, as a single nested row.

The answer is one row: the article's columns, then ``actors``, ``events``, ``quotes`` and
``places``, each a list of records in the article's order. One row rather than five results
so that every output format holds the whole article: JSON as one nested object, Parquet
with list-of-struct columns, and the table as a card with a table per part. Events come
from ``event_reports``, with the number of articles and sources reporting each act.

An id may be shortened to any prefix that names one article, as with git commits.
"""

from __future__ import annotations

import duckdb

from eventwire.errors import AmbiguousArticle, UnknownArticle
from eventwire.query.deadline import DEFAULT_TIMEOUT
from eventwire.query.events import same_stories
from eventwire.query.result import Result, fetch

_SHOWN_CANDIDATES = 5
"""How many matching ids an ambiguous prefix's error lists."""

_PARTS = {
    "actors": "article_actors WHERE article_id = $id",
    "events": "event_reports WHERE article_id = $id AND {stories}",
    "quotes": "quotes WHERE article_id = $id",
    "places": "places WHERE article_id = $id",
}
"""Each list column of the answer and the rows its records come from.

The events' second condition (``same_stories`` of the article's events: their codes and
dates) changes no row but restricts ``event_reports`` by columns its window partitions by,
which DuckDB then applies before computing the window rather than over every event of the
store: for one article among 100,000 events, 250 ms with neither, 45 ms with the codes, 15
with the codes and the dates. They are passed as constant lists, read first: as a subquery
the restriction was applied in only about four runs out of five."""

TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "actors": ("seq", "name", "code", "kind", "resolved_by"),
    "events": ("id", "date", "source_code", "code", "target_code", "quad_class", "goldstein", "num_articles", "sentence"),
    "quotes": ("seq", "type", "speaker_name", "speaker_code", "text"),
    "places": ("seq", "text", "name", "country", "feature", "reason"),
}
"""The fields of each part a terminal table shows (JSON, CSV and Parquet keep every field)."""


def resolve_article_id(connection: duckdb.DuckDBPyConnection, prefix: str, *, timeout: float | None = DEFAULT_TIMEOUT) -> str:
    """The one stored article id starting with ``prefix``; E602 if none, E603 if several."""
    if not prefix:
        raise UnknownArticle("an empty id names no article")
    matches = fetch(
        connection,
        "SELECT id FROM articles WHERE starts_with(id, $prefix) ORDER BY id LIMIT $most",
        {"prefix": prefix, "most": _SHOWN_CANDIDATES + 1},
        timeout=timeout,
    ).rows
    if not matches:
        raise UnknownArticle(repr(prefix))
    if len(matches) > 1:
        shown = ", ".join(row[0] for row in matches[:_SHOWN_CANDIDATES])
        more = " ..." if len(matches) > _SHOWN_CANDIDATES else ""
        raise AmbiguousArticle(f"{prefix!r} matches {shown}{more}")
    return str(matches[0][0])


def get_article(connection: duckdb.DuckDBPyConnection, article_id: str, *, timeout: float | None = DEFAULT_TIMEOUT) -> Result:
    """The article whose id is or starts with ``article_id``, with its codings (one row)."""
    resolved = resolve_article_id(connection, article_id, timeout=timeout)
    events = fetch(connection, "SELECT id, code, date FROM events WHERE article_id = $id", {"id": resolved}, timeout=timeout)
    stories, story_params = same_stories(events.rows)
    parts = ",\n".join(
        f"coalesce((SELECT list(p ORDER BY p.seq) FROM (SELECT * EXCLUDE (article_id) FROM {rows}) p), []) AS {part}"
        for part, rows in _PARTS.items()
    ).format(stories=stories)
    params = {"id": resolved, **story_params}
    return fetch(connection, f"SELECT a.*, {parts} FROM articles a WHERE a.id = $id", params, timeout=timeout)


def cluster_of(connection: duckdb.DuckDBPyConnection, article_id: str, *, timeout: float | None = DEFAULT_TIMEOUT) -> str | None:
    """The story cluster of the stored article ``article_id`` (None before it is clustered)."""
    rows = fetch(
        connection, "SELECT cluster_id FROM article_clusters WHERE article_id = $id", {"id": article_id}, timeout=timeout
    ).rows
    return str(rows[0][0]) if rows else None
