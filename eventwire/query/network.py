"""``actor_network``: who acts on whom, as a graph of actor codes.

An edge is a directed pair of codes (source -> target) with its number of events and their
mean Goldstein value; a node is a code with the events it takes part in on the kept edges.
Events are chosen by an ``EventFilter`` (the same WHERE clause as ``find_events``), and
those without both parties, or with one party acting on itself, are no edge. Only the
``max_edges`` busiest edges are kept, so that a drawing of a large store stays readable.
"""

from __future__ import annotations

import duckdb

from eventwire.query.deadline import DEFAULT_TIMEOUT
from eventwire.query.filters import EventFilter
from eventwire.query.result import Result, fetch

DEFAULT_MAX_EDGES = 200
"""Edges kept when the caller names no limit: more is a hairball, not a picture."""


def _edges_sql(event_filter: EventFilter) -> tuple[str, dict[str, object]]:
    where, params = event_filter.where()
    pair = "source_code IS NOT NULL AND target_code IS NOT NULL AND source_code <> target_code"
    where = f"{where} AND {pair}" if where else f"WHERE {pair}"
    sql = f"""
        SELECT source_code AS source, target_code AS target, count(*) AS events,
               round(avg(goldstein), 2) AS goldstein_mean
        FROM {event_filter.view} {where}
        GROUP BY source, target ORDER BY events DESC, source, target LIMIT $max_edges
    """
    return sql, params


def actor_network(
    connection: duckdb.DuckDBPyConnection,
    event_filter: EventFilter | None = None,
    *,
    max_edges: int = DEFAULT_MAX_EDGES,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> tuple[Result, Result]:
    """(nodes, edges): nodes are code and events, most first; edges source, target, events
    and goldstein_mean, busiest first."""
    edges_sql, params = _edges_sql(event_filter or EventFilter())
    params["max_edges"] = max_edges
    edges = fetch(connection, edges_sql, params, timeout=timeout)
    nodes = fetch(
        connection,
        f"""
        WITH edges AS ({edges_sql})
        SELECT code, sum(events) AS events
        FROM (SELECT source AS code, events FROM edges UNION ALL SELECT target, events FROM edges)
        GROUP BY code ORDER BY events DESC, code
        """,
        params,
        timeout=timeout,
    )
    return nodes, edges
