"""The dashboard's HTML pages, each rendering the answer of its JSON twin under ``/api``.

Every page handler calls the endpoint function of ``eventwire.web.api`` that its twin runs,
with the same parameters, and renders that answer: a page can show nothing the API does
not give, and both change together. Each page links to its twin ("JSON" in the footer).

Pages are rendered on the server with Jinja2, autoescaping every value, so an article's
text, a quote or a title never reaches the browser as markup. Charts, the network and the
map are drawn by the package's own scripts (``static/js``) from a JSON island the template
writes with ``tojson`` (which escapes ``<``, ``>`` and ``&``), so no page needs a second
request for its data, and the Content-Security-Policy can forbid inline scripts outright.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Annotated, Any
from urllib.parse import urlencode, urlsplit

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from eventwire.errors import EventwireError
from eventwire.query.dyad import Period
from eventwire.query.network import DEFAULT_MAX_EDGES
from eventwire.web import api
from eventwire.web.highlight import mark_article
from eventwire.web.outlines import country_outlines
from eventwire.web.params import CSV_MAX_ROWS, MAX_LIMIT, Limit, Offset, Quad, Since, Unique, Until
from eventwire.web.problems import status_of

router = APIRouter(include_in_schema=False)

templates = Environment(
    loader=PackageLoader("eventwire.web", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    undefined=StrictUndefined,
    extensions=["jinja2.ext.do"],
    trim_blocks=True,
    lstrip_blocks=True,
)

EVENT_TABLE_COLUMNS = (
    "id", "article_id", "date", "source_code", "code", "target_code", "quad_class", "goldstein", "num_articles",
    "predicate_text", "location_name", "sentence",
)  # fmt: skip
"""What the events table shows of each event (its JSON twin gives the brief columns unless
``columns`` asks for others)."""

SORTABLE = ("date", "source_code", "code", "target_code", "quad_class", "goldstein", "num_articles", "location_name")
"""Columns whose header sorts the events table."""

QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}

FILTER_FIELDS = ("actor", "dyad", "both_directions", "code", "root", "quad", "since", "until", "text", "located", "unique")
"""The event filter's parameters a page form carries over from one request to the next."""


def _url(path: str, params: Mapping[str, Any]) -> str:
    """``path`` with the parameters that have a value (False and empty ones left out)."""
    kept = {key: ("true" if value is True else value) for key, value in params.items() if value not in (None, "", False)}
    return f"{path}?{urlencode(kept)}" if kept else path


def _safe_link(url: str | None) -> str | None:
    """``url`` when it is http(s), else None: a stored URL is data, and a ``javascript:``
    one must never become a link."""
    return url if url and urlsplit(url).scheme in ("http", "https") else None


def twin_of(request: Request) -> str:
    """The JSON twin of the page ``request`` asks for: the same path and query under /api."""
    path = request.url.path
    twin = "/api/overview" if path == "/" else f"/api{path}"
    return f"{twin}?{request.url.query}" if request.url.query else twin


def render(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """``template`` rendered with ``context``, the page's twin and the quad names."""
    page = templates.get_template(template).render(
        request_path=request.url.path, twin=twin_of(request), quad_names=QUAD_NAMES, url=_url, **context
    )
    return HTMLResponse(page, status_code=status_code)


def error_page(request: Request, error: EventwireError, status: int | None = None) -> HTMLResponse:
    """The HTML form of the API's one error shape, for page requests."""
    code = status or status_of(error)
    return render(request, "error.html", code, title=error.title, error=error, status=code)


def _filter_values(request: Request) -> dict[str, str]:
    """The filter parameters of the request, as the form shows them again."""
    return {name: request.query_params.get(name, "") for name in FILTER_FIELDS}


def _month_bounds(period: str) -> tuple[str, str]:
    """``since`` and ``until`` covering a dyad period: the period itself, or a week's days."""
    if "-W" in period:
        year, week = period.split("-W")
        monday = dt.date.fromisocalendar(int(year), int(week), 1)
        return monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat()
    return period, period


@router.get("/", response_class=HTMLResponse)
def overview_page(request: Request, connection: api.Reader) -> HTMLResponse:
    data = api.overview(request, connection)
    chart = {"monthly": data["monthly"], "quads": QUAD_NAMES}
    return render(request, "overview.html", title="Overview", data=data, chart=chart)


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, connection: api.Reader, chosen: api.Filter) -> HTMLResponse:
    data = api.events(request, connection, chosen, ",".join(EVENT_TABLE_COLUMNS))
    params = dict(request.query_params)
    csv_params = {**params, "limit": CSV_MAX_ROWS, "offset": None}
    pages = {
        "previous": _url("/events", {**params, "offset": max(0, chosen.offset - (chosen.limit or 0))}) if chosen.offset else None,
        "next": _url("/events", {**params, "offset": data["next_offset"]}) if data["next_offset"] is not None else None,
    }  # fmt: skip
    sorting = {
        column: _url("/events", {**params, "order": column if chosen.order != column else f"-{column}", "offset": None})
        for column in SORTABLE
    }
    return render(
        request, "events.html", title="Events", data=data, form=_filter_values(request), order=chosen.order,
        sorting=sorting, pages=pages, csv=_url("/api/events.csv", csv_params),
    )  # fmt: skip


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, connection: api.Reader, article_id: str) -> HTMLResponse:
    data = api.article(request, connection, article_id)
    marked = {field: mark_article(data, field) for field in ("title", "text")}
    return render(
        request, "article.html", title=data.get("title") or data["id"], data=data, marked=marked,
        link=_safe_link(data.get("url")),
    )  # fmt: skip


@router.get("/actors/{code}", response_class=HTMLResponse)
def actor_page(request: Request, connection: api.Reader, code: str) -> HTMLResponse:
    data = api.actor(request, connection, code)
    timeline = [
        {**row, "href": _url("/events", {"actor": data["code"], "since": row["month"], "until": row["month"]})}
        for row in data["timeline"]
    ]
    return render(request, "actor.html", title=f"Actor {data['code']}", data=data, chart={"timeline": timeline})


@router.get("/dyads/{a}/{b}", response_class=HTMLResponse)
def dyad_page(
    request: Request, connection: api.Reader, a: str, b: str,
    by: Period = "month", since: Since = None, until: Until = None, unique: Unique = False,
) -> HTMLResponse:  # fmt: skip
    data = api.dyad(request, connection, a, b, by=by, since=since, until=until, unique=unique)
    forward = f"{data['a']}->{data['b']}"
    rows = []
    for row in data["rows"]:
        source, target = (data["a"], data["b"]) if row["direction"] == forward else (data["b"], data["a"])
        href = None
        if row["period"] is not None:
            first, last = _month_bounds(row["period"])
            href = _url("/events", {"dyad": f"{source}:{target}", "since": first, "until": last, "unique": unique})
        rows.append({**row, "href": href})
    chart = {"rows": rows, "directions": [forward, f"{data['b']}->{data['a']}"]}
    return render(
        request, "dyad.html", title=f"{data['a']} and {data['b']}", data={**data, "rows": rows}, chart=chart,
        form={"by": by, "since": since or "", "until": until or "", "unique": unique},
    )  # fmt: skip


@router.get("/network", response_class=HTMLResponse)
def network_page(
    request: Request, connection: api.Reader, since: Since = None, until: Until = None, quad: Quad = None,
    unique: Unique = False, max_edges: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_MAX_EDGES,
) -> HTMLResponse:  # fmt: skip
    data = api.network(request, connection, since=since, until=until, quad=quad, unique=unique, max_edges=max_edges)
    form = {"since": since or "", "until": until or "", "quad": quad or "", "unique": unique, "max_edges": max_edges}
    return render(request, "network.html", title="Network", data=data, chart=data, form=form)


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, connection: api.Reader, chosen: api.MapFilter) -> HTMLResponse:
    data = api.event_map(request, connection, chosen)
    return render(request, "map.html", title="Map", data=data, chart={"points": data["rows"]}, form=_filter_values(request))


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request, connection: api.Reader,
    q: Annotated[str, Query(max_length=200)] = "", limit: Limit = 20, offset: Offset = 0,
) -> HTMLResponse:  # fmt: skip
    data = api.search(request, connection, q, limit, offset) if q.strip() else None
    return render(request, "search.html", title="Search", q=q, data=data)


@router.get("/assets/countries.geo.json")
def outlines() -> Response:
    """The map's base layer: country outlines as GeoJSON (``outlines.py``), cached a day."""
    return Response(
        country_outlines(), media_type="application/geo+json", headers={"Cache-Control": "public, max-age=86400"}
    )

