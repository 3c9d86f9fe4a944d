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

from collections.abc import Mapping
from typing import Annotated, Any
from urllib.parse import urlencode, urlsplit

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from eventwire.errors import EventwireError
from eventwire.query import EventFilter
from eventwire.query.filters import Period
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

FILTER_FIELDS = (
    "actor", "dyad", "both_directions", "code", "root", "quad", "since", "until", "period", "by", "text", "located", "unique",
)  # fmt: skip
"""The event filter's parameters a page form carries over from one request to the next."""


def _url(path: str, params: Mapping[str, Any]) -> str:
    """``path`` with the parameters that have a value (None, empty and False left out; 0 kept)."""
    kept = {key: ("true" if value is True else value) for key, value in params.items()
            if value is not None and value is not False and value != ""}  # fmt: skip
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


def render(
    request: Request, template: str, status_code: int = 200, *, twin: str | None = "", **context: Any
) -> HTMLResponse:
    """``template`` rendered with ``context``, the quad names and the page's twin: by default
    the same path and query under /api, None for a page that has none."""
    page = templates.get_template(template).render(
        request_path=request.url.path, twin=twin_of(request) if twin == "" else twin, quad_names=QUAD_NAMES,
        **context,
    )  # fmt: skip
    return HTMLResponse(page, status_code=status_code)


def error_page(request: Request, error: EventwireError, status: int | None = None) -> HTMLResponse:
    """The HTML form of the API's one error shape, for page requests (no twin: the same
    request under /api answers the error as JSON)."""
    code = status or status_of(error)
    return render(request, "error.html", code, twin=None, title=error.title, error=error, status=code)


def _paging(path: str, params: Mapping[str, Any], chosen: EventFilter, next_offset: int | None) -> dict[str, str | None]:
    """The previous and next page links of a paged page (none for pages of no rows, ``limit=0``,
    whose every link would be the page itself)."""
    step = chosen.limit or 0
    return {
        "previous": _url(path, {**params, "offset": max(0, chosen.offset - step)}) if step and chosen.offset else None,
        "next": _url(path, {**params, "offset": next_offset}) if step and next_offset else None,
    }


def _filter_values(request: Request, chosen: EventFilter) -> dict[str, Any]:
    """The filter parameters of the request, as the form shows them again: the text fields as
    typed, the check boxes as the filter read them ("1", "on" and "yes" are true too), and the
    order and page size, which the form carries along unseen."""
    values: dict[str, Any] = {name: request.query_params.get(name, "") for name in FILTER_FIELDS}
    for name in ("both_directions", "located", "unique"):
        values[name] = getattr(chosen, name)
    return {**values, "order": chosen.order, "limit": chosen.limit}


@router.get("/", response_class=HTMLResponse)
def overview_page(request: Request, connection: api.Reader) -> HTMLResponse:
    """Counts, events per month stacked by quad class, the latest events."""
    data = api.overview(request, connection)
    chart = {"monthly": data["monthly"], "quads": QUAD_NAMES}
    return render(request, "overview.html", title="Overview", data=data, chart=chart)


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, connection: api.Reader, chosen: api.Filter) -> HTMLResponse:
    """The events table: the filter form, sortable headers, paging and the CSV of the filter."""
    columns = ",".join(EVENT_TABLE_COLUMNS)
    data = api.events(request, connection, chosen, columns)
    params = {key: value for key, value in request.query_params.items() if key != "columns"}
    pages = _paging("/events", params, chosen, data["next_offset"])
    sorting = {
        column: _url("/events", {**params, "order": column if chosen.order != column else f"-{column}", "offset": None})
        for column in SORTABLE
    }
    return render(
        request, "events.html", title="Events", twin=_url("/api/events", {**params, "columns": columns}), data=data,
        form=_filter_values(request, chosen), order=chosen.order, sorting=sorting, pages=pages,
        csv=_url("/api/events.csv", {**params, "columns": columns, "limit": CSV_MAX_ROWS, "offset": None}),
    )  # fmt: skip


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, connection: api.Reader, article_id: str) -> HTMLResponse:
    """The article's text with its codings marked, its metadata, codings and related articles."""
    data = api.article(request, connection, article_id)
    marked = {field: mark_article(data, field) for field in ("title", "text")}
    return render(
        request, "article.html", title=data.get("title") or data["id"], data=data, marked=marked,
        link=_safe_link(data.get("url")),
    )  # fmt: skip


@router.get("/actors/{code}", response_class=HTMLResponse)
def actor_page(request: Request, connection: api.Reader, code: str) -> HTMLResponse:
    """Counterparts, the monthly cooperation and conflict chart (each month opening its
    events), quotes."""
    data = api.actor(request, connection, code)
    timeline = [
        {**row, "href": _url("/events", {"actor": data["code"], "period": row["month"], "by": "month"})}
        for row in data["timeline"]
    ]
    return render(request, "actor.html", title=f"Actor {data['code']}", data=data, chart={"timeline": timeline})


@router.get("/dyads/{a}/{b}", response_class=HTMLResponse)
def dyad_page(
    request: Request, connection: api.Reader, a: str, b: str,
    by: Period = "month", since: Since = None, until: Until = None, unique: Unique = False,
) -> HTMLResponse:  # fmt: skip
    """Both directions per period, each point and row opening exactly the events it counts
    (the same period cut from the date, within the page's dates)."""
    data = api.dyad(request, connection, a, b, by=by, since=since, until=until, unique=unique)
    forward = f"{data['a']}->{data['b']}"
    rows = []
    for row in data["rows"]:
        source, target = (data["a"], data["b"]) if row["direction"] == forward else (data["b"], data["a"])
        href = None
        if row["period"] is not None:
            href = _url("/events", {
                "dyad": f"{source}:{target}", "period": row["period"], "by": by, "since": since, "until": until,
                "unique": unique,
            })  # fmt: skip
        rows.append({**row, "href": href})
    chart = {"rows": rows, "directions": [forward, f"{data['b']}->{data['a']}"], "by": by}
    return render(
        request, "dyad.html", title=f"{data['a']} and {data['b']}", data={**data, "rows": rows}, chart=chart,
        form={"by": by, "since": since or "", "until": until or "", "unique": unique},
    )  # fmt: skip


@router.get("/network", response_class=HTMLResponse)
def network_page(
    request: Request, connection: api.Reader, since: Since = None, until: Until = None, quad: Quad = None,
    unique: Unique = False, max_edges: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_MAX_EDGES,
) -> HTMLResponse:  # fmt: skip
    """The actor network drawn from the busiest directed dyads of the filter."""
    data = api.network(request, connection, since=since, until=until, quad=quad, unique=unique, max_edges=max_edges)
    form = {"since": since or "", "until": until or "", "quad": quad or "", "unique": unique, "max_edges": max_edges}
    return render(request, "network.html", title="Network", data=data, chart=data, form=form)


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, connection: api.Reader, chosen: api.MapFilter) -> HTMLResponse:
    """Located events as markers over the country outlines, the latest 500 by default."""
    data = api.event_map(request, connection, chosen)
    params = dict(request.query_params)
    pages = _paging("/map", params, chosen, data["next_offset"])
    return render(
        request, "map.html", title="Map", data=data, chart={"points": data["rows"]}, form=_filter_values(request, chosen),
        pages=pages,
    )  # fmt: skip


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request, connection: api.Reader,
    q: Annotated[str, Query(max_length=200)] = "", limit: Limit = 20, offset: Offset = 0,
) -> HTMLResponse:  # fmt: skip
    """Articles containing the words, with the text around the first match; only the form
    (and no twin, which needs words) before a search."""
    if not q.strip():
        return render(request, "search.html", title="Search", twin=None, q=q, data=None)
    return render(request, "search.html", title="Search", q=q, data=api.search(request, connection, q, limit, offset))


@router.get("/assets/countries.geo.json")
def outlines() -> Response:
    """The map's base layer: country outlines as GeoJSON (``outlines.py``), cached a day."""
    return Response(
        country_outlines(), media_type="application/geo+json", headers={"Cache-Control": "public, max-age=86400"}
    )

