"""The query parameters of the event endpoints, turned into an ``EventFilter``.

One set of conditions for ``/api/events``, ``/api/events.csv`` and ``/api/map`` (and their
pages), each with its own paging defaults, so that every filter of ``EventFilter`` is a
parameter of each, with the same name and meaning as the
command line's option (``docs/query.md``). Types and ranges FastAPI can check are declared
here (a quad of 7 or a limit of -1 never reaches the filter); dates, dyads and the order
column are checked by ``EventFilter`` itself (E601), so the API and the CLI refuse the same
values with the same message.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated

from fastapi import Depends, Query

from eventwire.query import EventFilter, parse_dyad
from eventwire.query.filters import Period

MAX_LIMIT = 500
"""Most rows one page of events holds: larger answers are paged with ``offset``."""

CSV_MAX_ROWS = 100_000
"""Most rows one CSV download holds: the whole of a filter, within reason (and the query's time limit)."""

Limit = Annotated[int, Query(ge=0, le=MAX_LIMIT, description=f"Rows per page, at most {MAX_LIMIT}.")]
CsvLimit = Annotated[int, Query(ge=0, le=CSV_MAX_ROWS, description=f"Rows, at most {CSV_MAX_ROWS}.")]
Offset = Annotated[int, Query(ge=0, description="Rows to skip first.")]
Quad = Annotated[int | None, Query(ge=1, le=4, description="Quad class, 1 to 4.")]
Since = Annotated[str | None, Query(description="Events dated on or after this ISO date: 2024, 2024-05, 2024-05-10.")]
Until = Annotated[str | None, Query(description="Events dated on or before this ISO date.")]
Unique = Annotated[bool, Query(description="Each real-world event once, not every report of it.")]


def _conditions(
    actor: Annotated[str | None, Query(description="Source or target code prefix: RUS matches RUSGOV.")] = None,
    dyad: Annotated[str | None, Query(description="SOURCE:TARGET code prefixes, directed: RUS:ARM.")] = None,
    both_directions: Annotated[bool, Query(description="With dyad, TARGET:SOURCE events too.")] = False,
    code: Annotated[str | None, Query(description="CAMEO code prefix: 03 keeps 030 to 0399.")] = None,
    root: Annotated[str | None, Query(description="CAMEO root, two digits: 19.")] = None,
    quad: Quad = None,
    since: Since = None,
    until: Until = None,
    period: Annotated[str | None, Query(description="One period as a dyad or timeline cuts it: 2024-W19, 2024-05, 2024-05-10, 2024.")] = None,
    by: Annotated[Period | None, Query(description="The kind of period (day, week, month, year); default the period's own.")] = None,
    text: Annotated[str | None, Query(description="Sentence contains this, in any case.")] = None,
    located: Annotated[bool, Query(description="Only events with a resolved location.")] = False,
    unique: Unique = False,
) -> EventFilter:
    """The filter's conditions, without order and paging (E601 for a value it refuses)."""
    return EventFilter(
        actor=actor, dyad=parse_dyad(dyad) if dyad is not None else None, both_directions=both_directions,
        code=code, root=root, quad=quad, since=since, until=until, period=period, by=by, text=text, located=located,
        unique=unique,
    )  # fmt: skip


Order = Annotated[str, Query(description="Column to sort by; -column for descending.")]


def _ordered(conditions: EventFilter, order: str, limit: int, offset: int) -> EventFilter:
    return replace(conditions, order=order, limit=limit, offset=offset)


def event_filter(
    conditions: Annotated[EventFilter, Depends(_conditions)], order: Order = "date", limit: Limit = 100, offset: Offset = 0
) -> EventFilter:
    """The filter the request's parameters describe, one page of at most ``MAX_LIMIT`` rows."""
    return _ordered(conditions, order, limit, offset)


def map_event_filter(
    conditions: Annotated[EventFilter, Depends(_conditions)], order: Order = "-date", limit: Limit = MAX_LIMIT,
    offset: Offset = 0,
) -> EventFilter:  # fmt: skip
    """The same filter for the map: as many points as a page may hold, the latest first."""
    return _ordered(conditions, order, limit, offset)


def csv_event_filter(
    conditions: Annotated[EventFilter, Depends(_conditions)], order: Order = "date", limit: CsvLimit = CSV_MAX_ROWS,
    offset: Offset = 0,
) -> EventFilter:  # fmt: skip
    """The same filter for a CSV download, which may hold every matching event up to ``CSV_MAX_ROWS``."""
    return _ordered(conditions, order, limit, offset)
