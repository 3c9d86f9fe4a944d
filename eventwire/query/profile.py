"""``actor_profile``: one actor's counterparts, its cooperation and conflict over time, and
what it was quoted saying.

The actor is a code prefix, as ``EventFilter.actor`` (RUS covers RUSGOV and RUSMIL), and
its events are the ones that filter keeps, so a profile and ``eventwire events --actor``
always agree. The timeline splits each month's Goldstein values by sign: ``cooperation``
sums the positive ones, ``conflict`` the negative ones, so a month of one big clash and
many small gestures shows both rather than cancelling out to zero. Months are cut by the
same SQL as ``EventFilter``'s ``period`` with ``by="month"``, so a month's link lists its events.
"""

from __future__ import annotations

import duckdb

from eventwire.errors import UnknownActor
from eventwire.query.deadline import DEFAULT_TIMEOUT
from eventwire.query.filters import PERIOD_SQL, EventFilter
from eventwire.query.result import Result, fetch

QUOTES_SHOWN = 50
"""Most quotes a profile lists, latest articles first."""


def actor_profile(
    connection: duckdb.DuckDBPyConnection, code: str, *, timeout: float | None = DEFAULT_TIMEOUT
) -> dict[str, Result]:
    """``counterparts`` (code, events, goldstein_mean; most events first), ``timeline``
    (month, events, cooperation, conflict) and ``quotes``; UnknownActor (E607) when no
    event, actor or quote of the store has a code starting with ``code``."""
    where, params = EventFilter(actor=code).where()
    counterparts = fetch(
        connection,
        f"""
        SELECT CASE WHEN starts_with(source_code, $actor) THEN target_code ELSE source_code END AS counterpart,
               count(*) AS events, round(avg(goldstein), 2) AS goldstein_mean
        FROM events {where} AND counterpart IS NOT NULL
        GROUP BY counterpart ORDER BY events DESC, counterpart
        """,
        params,
        timeout=timeout,
    )
    timeline = fetch(
        connection,
        f"""
        SELECT {PERIOD_SQL["month"]} AS month, count(*) AS events,
               round(coalesce(sum(goldstein) FILTER (WHERE goldstein > 0), 0), 1) AS cooperation,
               round(coalesce(sum(goldstein) FILTER (WHERE goldstein < 0), 0), 1) AS conflict
        FROM events {where} AND length(date) >= 7
        GROUP BY month ORDER BY month
        """,
        params,
        timeout=timeout,
    )
    quotes = fetch(
        connection,
        """
        SELECT q.article_id, q.seq, q.type, q.speaker_name, q.speaker_code, q.text, a.published
        FROM quotes q JOIN articles a ON a.id = q.article_id
        WHERE starts_with(q.speaker_code, $actor)
        ORDER BY a.published DESC NULLS LAST, q.article_id, q.seq LIMIT $most
        """,
        {"actor": params["actor"], "most": QUOTES_SHOWN},
        timeout=timeout,
    )
    if not (counterparts.rows or timeline.rows or quotes.rows) and not _named(connection, params["actor"], timeout):
        raise UnknownActor(repr(code))
    return {"counterparts": counterparts, "timeline": timeline, "quotes": quotes}


def _named(connection: duckdb.DuckDBPyConnection, prefix: object, timeout: float | None) -> bool:
    """Whether any event or coded actor has a code starting with ``prefix``."""
    sql = """
        SELECT EXISTS (SELECT 1 FROM actors WHERE starts_with(code, $actor))
            OR EXISTS (SELECT 1 FROM events WHERE starts_with(source_code, $actor) OR starts_with(target_code, $actor))
    """
    ((found,),) = fetch(connection, sql, {"actor": prefix}, timeout=timeout).rows
    return bool(found)
