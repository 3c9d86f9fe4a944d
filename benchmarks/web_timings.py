"""Page timings of the web app on a synthetic store of N events (default 100,000): the JSON
API behind every page, over real HTTP, median, p95 and max.

    PYTHONPATH=. python benchmarks/web_timings.py [--events 100000] [--repeat 20] [--json]

The store is built by ``benchmarks/query_latency.py``'s ``build_store`` (its docstring says
how it is shaped), the app is the one ``eventwire serve`` runs (``create_app``, default
timeout), served by uvicorn on a thread, on a free port of 127.0.0.1, and each route is
asked for with httpx over one kept-alive connection: a timing is what a browser's fetch
waits for, routing, the read-only open, the queries and the JSON encoding included. Each
route is asked once untimed first (DuckDB reads the file into its cache), then ``--repeat``
times.

``PAGES`` pairs each page with its API route and its HTML route (timed too; an HTML route
that does not answer 200 is listed as not present). ``DOWNLOADS`` are the whole-filter CSV
files, timed outside the page budget with their rows per second. The busiest dyad and its first country (the actor) and an article with
events fill in the routes' placeholders; the search phrase is that country's name.

The acceptance: every page's API answers in under 300 ms (median). The exit status is 1 when
one does not, or answers other than 200. With ``--json`` the last line is
``{"task": "web_timings", "metrics": {"<page>/api/median_ms": ..., "<page>/api/p95_ms": ...,
"<page>/html/median_ms": ..., "download/events_csv_all/rows_per_s": ..., "all/api/max_median_ms": ...,
"all/html/max_median_ms": ..., "all/api/under_300ms": 1, "store/events": ...}}``.
"""

from __future__ import annotations

import argparse
import json
import socket
import statistics
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import uvicorn
from rich.console import Console
from rich.table import Table

from eventwire.query import open_reader
from eventwire.web import create_app

from query_latency import build_store, busiest_dyad  # the sibling script: benchmarks/ is on sys.path when run

BUDGET_MS = 300.0
"""The acceptance: the median of every page's API call under this."""


@dataclass(frozen=True)
class Page:
    """A page of the web app: its name, its HTML route (None for a download), and the API
    route its data comes from. ``{a}``, ``{b}``, ``{actor}``, ``{article}``, ``{q}`` are
    filled in from the store."""

    name: str
    html: str | None
    api: str


PAGES = (
    Page("overview", "/", "/api/overview"),
    Page("events", "/events", "/api/events"),
    Page("events_dyad", "/events?dyad={a}:{b}&both_directions=true", "/api/events?dyad={a}:{b}&both_directions=true"),
    Page("events_goldstein", "/events?order=-goldstein", "/api/events?order=-goldstein"),
    Page("events_csv", None, "/api/events.csv?limit=100"),
    Page("article", "/articles/{article}", "/api/articles/{article}"),
    Page("actor", "/actors/{actor}", "/api/actors/{actor}"),
    Page("dyad", "/dyads/{a}/{b}", "/api/dyads/{a}/{b}"),
    Page("network", "/network", "/api/network"),
    Page("map", "/map", "/api/map"),
    Page("search", "/search?q={q}", "/api/search?q={q}"),
)


DOWNLOADS = (("events_csv_all", "/api/events.csv"),)
"""Downloads of a whole filter (the events page's CSV link: up to 100,000 rows): timed and
reported with their rows per second, outside the page budget, since they are files, not pages."""
DOWNLOAD_REPEAT = 3


@dataclass(frozen=True)
class Timing:
    """``repeat`` timings of one route in ms, and the status of its answers (the first
    status other than 200, if any)."""

    status: int
    timings: list[float]

    @property
    def median(self) -> float:
        return statistics.median(self.timings)

    @property
    def p95(self) -> float:
        """Nearest rank, as in ``query_latency``."""
        ordered = sorted(self.timings)
        return ordered[max(0, round(0.95 * len(ordered)) - 1)]

    @property
    def max(self) -> float:
        return max(self.timings)


def placeholders(db: Path) -> dict[str, str]:
    """The values the routes' placeholders take on this store."""
    with open_reader(db) as connection:
        a, b = busiest_dyad(connection)
        ((article,),) = connection.execute(
            "SELECT article_id FROM events GROUP BY article_id ORDER BY article_id LIMIT 1 OFFSET 7"
        ).fetchall()
        ((name,),) = connection.execute(
            "SELECT any_value(source_name) FROM events WHERE source_code = $a", {"a": a}
        ).fetchall()
    return {"a": a, "b": b, "actor": a, "article": str(article), "q": str(name)}


@contextmanager
def serving(db: Path) -> Iterator[str]:
    """The app over ``db`` under uvicorn on a thread; yields its base URL."""
    # IPPROTO_TCP named, not left 0: asyncio turns Nagle's algorithm off (TCP_NODELAY) only on
    # sockets that say they are TCP, and with it on, each answer on a kept-alive connection
    # waited about 40 ms for the client's delayed ACK. (uvicorn's own sockets say so.)
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    listener.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(create_app(db), log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    try:
        while not server.started:
            if not thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.01)
        host, port = listener.getsockname()
        yield f"http://{host}:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
        listener.close()


def time_route(client: httpx.Client, route: str, repeat: int) -> Timing:
    """One untimed call, then ``repeat`` timed ones (the body read whole)."""
    statuses = [client.get(route).status_code]
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(route)
        response.read()
        timings.append((time.perf_counter() - started) * 1000)
        statuses.append(response.status_code)
    return Timing(next((status for status in statuses if status != 200), 200), timings)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000, help="events in the synthetic store")
    parser.add_argument("--repeat", type=int, default=20, help="timed calls per route, after one untimed call")
    parser.add_argument("--db", type=Path, help="serve this store instead of building one (query_latency.py --db keeps one)")
    parser.add_argument("--json", action="store_true", help="end with one JSON line of all metrics")
    args = parser.parse_args()
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    with tempfile.TemporaryDirectory(prefix="eventwire-web-") as folder:
        db = args.db or Path(folder) / "bench.duckdb"
        if args.db is None:
            build_store(db, args.events)
        values = placeholders(db)
        with open_reader(db) as connection:
            ((events,),) = connection.execute("SELECT count(*) FROM events").fetchall()
        report = Table(title=f"Web page timings, {events:,} events, {args.repeat} calls per route")
        for column in ("page", "route", "median ms", "p95 ms", "max ms", "status"):
            report.add_column(column, justify="left" if column in ("page", "route", "status") else "right")
        metrics: dict[str, float] = {"store/events": events}
        medians: list[float] = []
        failed = False
        with serving(db) as base, httpx.Client(base_url=base, timeout=60) as client:
            for page in PAGES:
                api = page.api.format(**values)
                timing = time_route(client, api, args.repeat)
                medians.append(timing.median)
                failed |= timing.status != 200 or timing.median >= BUDGET_MS
                metrics.update({f"{page.name}/api/median_ms": timing.median, f"{page.name}/api/p95_ms": timing.p95})
                report.add_row(f"{page.name}/api", api, f"{timing.median:.1f}", f"{timing.p95:.1f}", f"{timing.max:.1f}",
                               str(timing.status))  # fmt: skip
                if page.html is None:
                    continue
                html = page.html.format(**values)
                status = client.get(html).status_code
                if status != 200:
                    report.add_row(f"{page.name}/html", html, "", "", "", f"{status}: not present")
                    continue
                timing = time_route(client, html, args.repeat)
                metrics.update({f"{page.name}/html/median_ms": timing.median, f"{page.name}/html/p95_ms": timing.p95})
                report.add_row(f"{page.name}/html", html, f"{timing.median:.1f}", f"{timing.p95:.1f}", f"{timing.max:.1f}",
                               str(timing.status))  # fmt: skip
            for name, route in DOWNLOADS:
                timing = time_route(client, route, DOWNLOAD_REPEAT)
                rows = len(client.get(route).text.splitlines()) - 1
                metrics.update({f"download/{name}/median_ms": timing.median, f"download/{name}/rows": rows,
                                f"download/{name}/rows_per_s": rows / (timing.median / 1000)})  # fmt: skip
                report.add_row(f"download/{name}", f"{route} ({rows:,} rows)", f"{timing.median:.1f}", f"{timing.p95:.1f}",
                               f"{timing.max:.1f}", str(timing.status))  # fmt: skip
                failed |= timing.status != 200
        metrics["all/api/max_median_ms"] = max(medians)
        metrics["all/api/under_300ms"] = int(max(medians) < BUDGET_MS)
        html_medians = [value for key, value in metrics.items() if key.endswith("/html/median_ms")]
        if html_medians:
            metrics["all/html/max_median_ms"] = max(html_medians)
        Console(width=160).print(report)
    if args.json:
        print(json.dumps({"task": "web_timings", "metrics": {key: round(value, 2) for key, value in metrics.items()}}))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
