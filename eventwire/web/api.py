"""The JSON endpoints under ``/api/``: each a thin wrapper over a function of
``eventwire.query`` (or ``eventwire.store.related_articles``), the same code the command
line runs, so the two always give the same answer.

Every endpoint here is GET and reads through the request's read-only connection (``reader``);
the one that writes is in ``writes``. Rows are returned as lists of objects keyed by column name.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import asdict, replace
from typing import Annotated, Any

import duckdb
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from eventwire.query import EventFilter, dyad_summary, find_events, get_article, open_reader
from eventwire.query.article import cluster_of
from eventwire.query.deadline import time_limit
from eventwire.query.filters import Period
from eventwire.query.events import BRIEF_COLUMNS
from eventwire.query.formats import write_csv
from eventwire.query.network import DEFAULT_MAX_EDGES, actor_network
from eventwire.query.overview import monthly_quads, store_counts
from eventwire.query.profile import actor_profile
from eventwire.query.search import search_articles
from eventwire.store import related_articles
from eventwire.web.params import MAX_LIMIT, Limit, Offset, Quad, Since, Unique, Until, csv_event_filter, event_filter, map_event_filter

router = APIRouter(prefix="/api")

LATEST_EVENTS = 10
"""Events the overview lists, latest first."""

MAP_COLUMNS = {
    "id": "event_id", "article_id": "article_id", "date": "date", "source_code": "source", "code": "code",
    "target_code": "target", "location_name": "name", "location_lat": "lat", "location_lon": "lon",
    "location_reason": "reason",
}  # fmt: skip
"""Event columns a map point carries, and the shorter names it gives them."""


def reader(request: Request) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection for one request (E5xx -> 503), open while the store lock is
    held shared (``locks``: a write waits for it), and closed when the endpoint returns."""
    with request.app.state.store_lock.shared(), open_reader(request.app.state.db_path) as connection:
        yield connection


Reader = Annotated[duckdb.DuckDBPyConnection, Depends(reader, scope="function")]
Filter = Annotated[EventFilter, Depends(event_filter)]
CsvFilter = Annotated[EventFilter, Depends(csv_event_filter)]
MapFilter = Annotated[EventFilter, Depends(map_event_filter)]


def _timeout(request: Request) -> float | None:
    return request.app.state.query_timeout


def _columns(columns: str | None) -> list[str]:
    return [column.strip() for column in columns.split(",")] if columns else list(BRIEF_COLUMNS)


Columns = Annotated[str | None, Query(description="Comma-separated event columns (docs/query.md); default the brief ones.")]


def _page(connection: duckdb.DuckDBPyConnection, chosen: EventFilter, columns: list[str], timeout: float | None) -> dict[str, Any]:
    """One page of events; one row more is asked for, to tell whether another page follows."""
    limit = chosen.limit or 0
    result = find_events(connection, replace(chosen, limit=limit + 1), columns=columns, timeout=timeout)
    rows = result.records()
    more = len(rows) > limit
    return {
        "rows": rows[:limit], "limit": limit, "offset": chosen.offset,
        "next_offset": chosen.offset + limit if more else None,
    }  # fmt: skip


@router.get("/overview")
def overview(request: Request, connection: Reader) -> dict[str, Any]:
    """Counts of articles, events and actors, the latest events, and events per month and quad class."""
    timeout = _timeout(request)
    latest = find_events(connection, EventFilter(order="-date", limit=LATEST_EVENTS), timeout=timeout)
    return {
        "counts": store_counts(connection, timeout=timeout).records()[0],
        "latest_events": latest.records(),
        "monthly": monthly_quads(connection, timeout=timeout).records(),
    }


@router.get("/events")
def events(request: Request, connection: Reader, chosen: Filter, columns: Columns = None) -> dict[str, Any]:
    """Events matching every filter given, one page; ``next_offset`` is null on the last page."""
    return _page(connection, chosen, _columns(columns), _timeout(request))


@router.get("/events.csv", response_class=Response, responses={200: {"content": {"text/csv": {}}}})
def events_csv(request: Request, connection: Reader, chosen: CsvFilter, columns: Columns = None) -> Response:
    """The events of ``/api/events``' filter as CSV with a header line (``eventwire events -f csv``);
    every matching event up to 100,000 unless ``limit`` says fewer."""
    result = find_events(connection, chosen, columns=_columns(columns), timeout=_timeout(request))
    text = io.StringIO()
    write_csv(result, text)
    return Response(text.getvalue(), media_type="text/csv; charset=utf-8")


@router.get("/articles/{article_id}")
def article(request: Request, connection: Reader, article_id: str) -> dict[str, Any]:
    """One article (id or a prefix naming one) with its events, quotes, places, actors,
    story cluster and related articles."""
    timeout = _timeout(request)
    (record,) = get_article(connection, article_id, timeout=timeout).records()
    with time_limit(connection, timeout):
        related = related_articles(connection, record["id"])
    return {**record, "cluster_id": cluster_of(connection, record["id"], timeout=timeout), "related": [asdict(r) for r in related]}


@router.get("/actors/{code}")
def actor(request: Request, connection: Reader, code: str) -> dict[str, Any]:
    """An actor (code prefix): counterparts by events, monthly cooperation and conflict, quotes."""
    profile = actor_profile(connection, code, timeout=_timeout(request))
    return {"code": code.upper(), **{part: result.records() for part, result in profile.items()}}


@router.get("/dyads/{a}/{b}")
def dyad(
    request: Request, connection: Reader, a: str, b: str,
    by: Period = "month", since: Since = None, until: Until = None, unique: Unique = False,
) -> dict[str, Any]:  # fmt: skip
    """Events between two actors per period, both directions as separate rows (``eventwire dyad``)."""
    result = dyad_summary(connection, a, b, by=by, since=since, until=until, unique=unique, timeout=_timeout(request))
    return {"a": a.upper(), "b": b.upper(), "by": by, "rows": result.records()}


@router.get("/network")
def network(
    request: Request, connection: Reader, since: Since = None, until: Until = None, quad: Quad = None,
    unique: Unique = False, max_edges: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_MAX_EDGES,
) -> dict[str, Any]:  # fmt: skip
    """Actors as nodes (events) and directed dyads as edges (events, mean Goldstein)."""
    chosen = EventFilter(since=since, until=until, quad=quad, unique=unique)
    nodes, edges = actor_network(connection, chosen, max_edges=max_edges, timeout=_timeout(request))
    return {"nodes": nodes.records(), "edges": edges.records()}


@router.get("/map")
def event_map(request: Request, connection: Reader, chosen: MapFilter) -> dict[str, Any]:
    """Located events as points (lat, lon, name, reason; event and article ids, date, source, code, target),
    one page (the latest 500 by default)."""
    page = _page(connection, replace(chosen, located=True), list(MAP_COLUMNS), _timeout(request))
    page["rows"] = [{MAP_COLUMNS[key]: value for key, value in row.items()} for row in page["rows"]]
    return page


@router.get("/search")
def search(
    request: Request, connection: Reader, q: Annotated[str, Query(min_length=1, max_length=200)],
    limit: Limit = 20, offset: Offset = 0,
) -> dict[str, Any]:  # fmt: skip
    """Articles whose title or text contains ``q`` (any case), most mentions first."""
    result = search_articles(connection, q, limit=limit, offset=offset, timeout=_timeout(request))
    return {"q": q, "rows": result.records(), "limit": limit, "offset": offset}


