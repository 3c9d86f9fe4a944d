"""``dyad_summary``: how two actors treated each other, period by period.

For each period and each direction (A->B, B->A) it counts the events, splits them by quad
class (verbal and material cooperation, verbal and material conflict) and gives the sum
and mean of their Goldstein values: the figures a dyad's conflict-cooperation curve is
drawn from. Both directions are always reported, as separate rows, because the point of a
dyad is usually the asymmetry. Actors are code prefixes as in ``EventFilter`` (RUS covers
RUSGOV); an event that fits both directions (A and B share a prefix) counts as A->B.

Periods are cut from the event's ``date``: ``2024-05-10`` (day), ``2024-W19`` (ISO week),
``2024-05`` (month), ``2024`` (year). An event dated less precisely than the period keeps
its own date as its period (an event of "2024" stays in a row "2024" when counting by
month) rather than being dropped or spread; undated events form the row with no period.
"""

from __future__ import annotations

from typing import get_args

import duckdb

from eventwire.errors import InvalidFilter
from eventwire.query.deadline import DEFAULT_TIMEOUT
from eventwire.query.filters import DYAD_FORWARD, PERIOD_SQL, EventFilter, Period
from eventwire.query.result import Result, fetch

def dyad_summary(
    connection: duckdb.DuckDBPyConnection,
    a: str,
    b: str,
    *,
    by: Period = "month",
    since: str | None = None,
    until: str | None = None,
    unique: bool = False,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> Result:
    """Rows of period, direction, events, the four quad class counts, goldstein_sum (one
    decimal) and goldstein_mean (two decimals), in period then direction order."""
    if by not in get_args(Period):
        raise InvalidFilter(f"cannot count by {by!r}; periods: {', '.join(get_args(Period))}")
    dyad = EventFilter(dyad=(a, b), both_directions=True, since=since, until=until, unique=unique)
    where, params = dyad.where()
    sql = f"""
        SELECT {PERIOD_SQL[by]} AS period,
               CASE WHEN {DYAD_FORWARD} THEN $forward ELSE $backward END AS direction,
               count(*) AS events,
               count(*) FILTER (WHERE quad_class = 1) AS verbal_cooperation,
               count(*) FILTER (WHERE quad_class = 2) AS material_cooperation,
               count(*) FILTER (WHERE quad_class = 3) AS verbal_conflict,
               count(*) FILTER (WHERE quad_class = 4) AS material_conflict,
               round(sum(goldstein), 1) AS goldstein_sum,
               round(avg(goldstein), 2) AS goldstein_mean
        FROM {dyad.view} {where}
        GROUP BY period, direction
        ORDER BY period NULLS FIRST, direction = $backward
    """
    params["forward"] = f"{params['dyad_a']}->{params['dyad_b']}"
    params["backward"] = f"{params['dyad_b']}->{params['dyad_a']}"
    return fetch(connection, sql, params, timeout=timeout)
