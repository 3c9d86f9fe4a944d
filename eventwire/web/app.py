"""``create_app``: the dashboard and its JSON API over one store, read-only.

Why a connection per request: DuckDB read-only connections open in about a millisecond,
a request that ends closes its own, and no connection is shared between the threads FastAPI
runs requests on (a DuckDB connection is not safe to use from two threads at once). It also
means a store being ingested into (locked, E501) answers 503 for that request only, and the
app serves the new data once the writer is done, without a restart. The app never writes:
every connection comes from ``open_reader``, which DuckDB opens read-only.

The pages (``pages.py``) render the answers of the API functions (``api.py``); scripts and
styles are files of the package (``static/``), so the dashboard works with no network.
FastAPI's interactive ``/docs`` is off because it loads its scripts from a CDN; the API is
described at ``/openapi.json``.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from eventwire import __version__
from eventwire.query import DEFAULT_TIMEOUT
from eventwire.web import api, pages, problems
from eventwire.web.headers import SecurityHeaders
from eventwire.web.limits import MAX_BODY_BYTES, BodyLimit


def create_app(
    db_path: str | Path, *, query_timeout: float | None = DEFAULT_TIMEOUT, max_body: int = MAX_BODY_BYTES
) -> FastAPI:
    """The app reading the store at ``db_path``; each query stops after ``query_timeout`` s (504)."""
    app = FastAPI(
        title="eventwire", version=__version__, description="Coded political events, read-only (docs/web.md).",
        docs_url=None, redoc_url=None,
    )  # fmt: skip
    app.state.db_path = Path(db_path)
    app.state.query_timeout = query_timeout
    problems.install(app, page_error=pages.error_page)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(packages=[("eventwire.web", "static")]), name="static")
    app.add_middleware(BodyLimit, max_bytes=max_body)
    app.add_middleware(SecurityHeaders)
    return app
