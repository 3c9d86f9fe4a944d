"""``create_app``: the dashboard and its JSON API over one store, read-only unless given a
write token.

Why a connection per request: a DuckDB read-only open costs 10 to 20 ms on a store of
100,000 events (a millisecond while another request holds the file open), a request that
ends closes its own, and no connection is shared between the threads FastAPI runs requests
on (a DuckDB connection is not safe to use from two threads at once). It also means a store
being ingested into (locked, E501) answers 503 for that request only, and the app serves the
new data once the writer is done, without a restart. Every read comes from ``open_reader``,
which DuckDB opens read-only.

The pages (``pages.py``) render the answers of the API functions (``api.py``); scripts and
styles are files of the package (``static/``), so the dashboard works with no network.
FastAPI's interactive ``/docs`` is off because it loads its scripts from a CDN; the API is
described at ``/openapi.json``.

The one endpoint that writes, ``POST /api/articles`` (``writes``), answers 403 unless the app
was given a token, and 401 to a request that does not bear it. It opens the store read-write
only to save, under the exclusive side of a lock whose shared side every read holds
(``locks``): DuckDB cannot hold both kinds of connection to one file in one process.
"""

from __future__ import annotations

import threading
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from eventwire import __version__
from eventwire.query import DEFAULT_TIMEOUT
from eventwire.web import api, pages, problems, writes
from eventwire.web.headers import SecurityHeaders
from eventwire.web.limits import MAX_BODY_BYTES, BodyLimit
from eventwire.web.locks import ReadWriteLock


def create_app(
    db_path: str | Path,
    *,
    query_timeout: float | None = DEFAULT_TIMEOUT,
    max_body: int = MAX_BODY_BYTES,
    write_token: str | None = None,
) -> FastAPI:
    """The app reading the store at ``db_path``; each query stops after ``query_timeout`` s (504).

    With ``write_token`` (16 or more visible ASCII characters, else ``WeakToken``, E612),
    ``POST /api/articles`` stores an article for a request bearing it; without, writes are off.
    """
    app = FastAPI(
        title="eventwire", version=__version__, description="Coded political events (docs/web.md).",
        docs_url=None, redoc_url=None,
    )  # fmt: skip
    app.state.db_path = Path(db_path)
    app.state.query_timeout = query_timeout
    app.state.write_token = writes.check_token(write_token) if write_token is not None else None
    app.state.store_lock = ReadWriteLock()
    app.state.write_lock = threading.Lock()
    app.state.story_index = writes.StoryIndexCache()
    problems.install(app, page_error=pages.error_page)
    app.include_router(api.router)
    app.include_router(writes.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(packages=[("eventwire.web", "static")]), name="static")
    app.add_middleware(BodyLimit, max_bytes=max_body)
    app.add_middleware(SecurityHeaders)
    return app
