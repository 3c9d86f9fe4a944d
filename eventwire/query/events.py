"""``find_events``: the events an ``EventFilter`` keeps, with how many articles report each.

Events are read from the ``event_reports`` view (or ``unique_events``) rather than the
``events`` table, so that every row carries its outlet, story cluster and the number of
articles and sources reporting the same act. The counts are taken over the whole story,
never over the filtered rows. DuckDB applies the filters on the columns the view's window
partitions by (actor and dyad codes, code and root) before computing it, so they stay cheap
on a large store; the others (quad class, dates, text) after it, over every event the first
kind kept: 70 to 100 ms per 100,000 events when they are alone (``benchmarks/query_latency.py``).
"""

from __future__ import annotations

from collections.abc import Sequence

import duckdb

from eventwire.errors import InvalidFilter
from eventwire.query.deadline import DEFAULT_TIMEOUT
from eventwire.query.filters import EVENT_COLUMNS, EventFilter
from eventwire.query.result import Result, fetch

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
    where, params = chosen.where()
    paging, paging_params = chosen.paging()
    selected = ", ".join(f'"{column}"' for column in check_columns(columns))
    sql = f"SELECT {selected} FROM {chosen.view} {where} {chosen.order_by()} {paging}"
    return fetch(connection, sql, {**params, **paging_params}, timeout=timeout)
