"""``find_events``: the events an ``EventFilter`` keeps, with how many articles report each.

Events are read from the ``event_reports`` view (or ``unique_events``) rather than the
``events`` table, so that every row carries its outlet, story cluster and the number of
articles and sources reporting the same act. The counts are taken over the whole story,
never over the filtered rows. DuckDB applies the filters on the columns the view's window
partitions by (actor and dyad codes, code and root) before computing it, so they stay cheap
on a large store; the others (quad class, dates, text) after it, over every event the first
kind kept: 70 to 100 ms per 100,000 events when they are alone (``benchmarks/query_latency.py``).

So a page of events asked for with its counts, not ordered by them and not filtered by the
window's own columns (the web API's first pages, the overview's latest events), is read in
two steps, so that the window runs over the page's stories only: first the page's ids, from
the view without the counts (DuckDB then leaves the window out), then those events with their
counts, the view restricted to the page's codes and dates (``same_stories``), columns its
window partitions by. On 100,000 events, a page of 101: unfiltered 65 -> 20 ms, by quad class
61 -> 22. A filter on the window's columns narrows it already: a second step would cost a
dyad page 14 -> 22 ms, and is not taken.
"""

from __future__ import annotations

from collections.abc import Sequence

import duckdb

from eventwire.errors import InvalidFilter
from eventwire.query.deadline import DEFAULT_TIMEOUT
from eventwire.query.filters import EVENT_COLUMNS, EventFilter
from eventwire.query.result import Params, Result, fetch

WINDOWED = ("num_articles", "num_sources")
"""Columns ``event_reports`` counts over each event's whole story, by a window."""
NARROWING = ("actor", "dyad", "code", "root")
"""Filters on columns the window partitions by: DuckDB applies them before computing it."""
TWO_STEP_MOST = 1000
"""Largest page read in two steps: past a few thousand rows, the window over the whole store
is cheaper than matching each row against the list of the page's ids (100,000 rows: 490 ms in
two steps, 210 ms in one)."""

BRIEF_COLUMNS: tuple[str, ...] = (
    "id", "date", "source_code", "code", "target_code", "quad_class", "goldstein", "num_articles", "sentence",
)  # fmt: skip
"""The columns given unless others are asked for: who did what to whom, when, how often it
was reported, and the sentence that says so; few enough for a terminal table. The event id
starts with its article's id."""


def check_columns(columns: Sequence[str]) -> tuple[str, ...]:
    """``columns`` if every one is an event column (they are SQL identifiers, so they are
    checked against the list rather than passed as values); E601 otherwise."""
    unknown = [column for column in columns if column not in EVENT_COLUMNS]
    if unknown or not columns:
        raise InvalidFilter(f"unknown columns {', '.join(unknown) or '(none given)'}; columns: {', '.join(EVENT_COLUMNS)}")
    return tuple(columns)


def find_events(
    connection: duckdb.DuckDBPyConnection,
    event_filter: EventFilter | None = None,
    *,
    columns: Sequence[str] = BRIEF_COLUMNS,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> Result:
    """The events ``event_filter`` keeps (all when None), with ``columns`` of EVENT_COLUMNS."""
    chosen = event_filter or EventFilter()
    checked = check_columns(columns)
    where, params = chosen.where()
    paging, paging_params = chosen.paging()
    selected = ", ".join(f'"{column}"' for column in checked)
    page_first = (
        chosen.limit is not None and chosen.limit <= TWO_STEP_MOST and not chosen.unique and all(getattr(chosen, name) is None for name in NARROWING)
        and chosen.order.removeprefix("-") not in WINDOWED and any(column in WINDOWED for column in checked)
    )  # fmt: skip
    if not page_first:
        sql = f"SELECT {selected} FROM {chosen.view} {where} {chosen.order_by()} {paging}"
        return fetch(connection, sql, {**params, **paging_params}, timeout=timeout)
    page = fetch(
        connection, f"SELECT id, code, date FROM {chosen.view} {where} {chosen.order_by()} {paging}",
        {**params, **paging_params}, timeout=timeout,
    ).rows  # fmt: skip
    stories, story_params = same_stories(page)
    sql = f"SELECT {selected} FROM {chosen.view} WHERE {stories} AND list_contains($page, id) {chosen.order_by()}"
    return fetch(connection, sql, {**story_params, "page": [row[0] for row in page]}, timeout=timeout)


def same_stories(events: list[tuple[object, ...]]) -> tuple[str, Params]:
    """A condition keeping, of ``event_reports``, every event that may share a story
    partition with one of ``events`` (rows of id, code, date), and its parameters.

    It names only columns the view's window partitions by, so that DuckDB applies it before
    computing the window, over those events rather than the whole store; and it keeps whole
    partitions, so that the counts are the same as over the whole store. The codes and dates
    are passed as constant lists: read from a subquery, DuckDB does not always push them.
    """
    codes = sorted({str(code) for _, code, _ in events})
    dates = sorted({str(day) for _, _, day in events if day is not None})
    sql = "list_contains($story_codes, code) AND (list_contains($story_dates, date) OR ($undated AND date IS NULL))"
    return sql, {"story_codes": codes, "story_dates": dates, "undated": any(day is None for _, _, day in events)}
