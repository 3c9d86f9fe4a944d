"""``store_counts`` and ``monthly_quads``: what a store holds at a glance, for a dashboard's
first screen (the latest events come from ``find_events``, ordered by ``-date``).

Counts are of reports (``events``), as ``eventwire events`` shows them; actors are counted
by distinct code, since one code goes by several names. Months are cut from the event's
``date``; an event dated only to the year has no month and is left out of the monthly
counts rather than piled onto January.
"""

from __future__ import annotations

import duckdb

from eventwire.query.deadline import DEFAULT_TIMEOUT
from eventwire.query.result import Result, fetch


def store_counts(connection: duckdb.DuckDBPyConnection, *, timeout: float | None = DEFAULT_TIMEOUT) -> Result:
    """One row: articles, events, actors (distinct codes)."""
    sql = """
        SELECT (SELECT count(*) FROM articles) AS articles,
               (SELECT count(*) FROM events) AS events,
               (SELECT count(DISTINCT code) FROM actors WHERE code IS NOT NULL) AS actors
    """
    return fetch(connection, sql, timeout=timeout)


def monthly_quads(connection: duckdb.DuckDBPyConnection, *, timeout: float | None = DEFAULT_TIMEOUT) -> Result:
    """Rows of month (``2024-05``), quad_class and events, in month then quad order."""
    sql = """
        SELECT left(date, 7) AS month, quad_class, count(*) AS events
        FROM events WHERE length(date) >= 7 AND quad_class IS NOT NULL
        GROUP BY month, quad_class ORDER BY month, quad_class
    """
    return fetch(connection, sql, timeout=timeout)
