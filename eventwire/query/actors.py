"""``list_actors``: who is in the store, how often named, and how often acting or acted on.

Rows come from the ``actors`` view: one per code and name ("Russia" RUS, "Moscow" RUSGOV,
"the Kremlin" RUSGOV), with the articles that name the actor that way. The event counts
are per code, because an event's party is coded, not named the way the actor rows are (the
coders recode "foreign ministers" to ARMGOV from context): ``events_as_source`` counts
the events whose source code is the row's code, under any name, so rows that share a code
share those counts. Most active first.
"""

from __future__ import annotations

import duckdb

from eventwire.query.deadline import DEFAULT_TIMEOUT
from eventwire.query.result import Params, Result, fetch


def list_actors(
    connection: duckdb.DuckDBPyConnection,
    *,
    code: str | None = None,
    name: str | None = None,
    limit: int | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> Result:
    """Actors whose code starts with ``code`` and whose name contains ``name`` (any case),
    by events (as source plus as target), then articles, most first."""
    clauses: list[str] = []
    params: Params = {"limit": limit}
    if code is not None:
        clauses.append("starts_with(a.code, $code)")
        params["code"] = code.upper()
    if name is not None:
        clauses.append("contains(lower(a.name), lower($name))")
        params["name"] = name
    where = "WHERE " + " AND ".join(clauses) if clauses else ""
    sql = f"""
        WITH as_source AS (SELECT source_code AS code, count(*) AS events FROM events GROUP BY source_code),
             as_target AS (SELECT target_code AS code, count(*) AS events FROM events GROUP BY target_code)
        SELECT a.code, a.name, a.country, a.sector, a.kind, a.articles, a.first_seen, a.last_seen,
               coalesce(s.events, 0) AS events_as_source, coalesce(t.events, 0) AS events_as_target
        FROM actors a LEFT JOIN as_source s ON s.code = a.code LEFT JOIN as_target t ON t.code = a.code
        {where}
        ORDER BY events_as_source + events_as_target DESC, a.articles DESC, a.code, a.name
        LIMIT $limit
    """
    return fetch(connection, sql, params, timeout=timeout)
