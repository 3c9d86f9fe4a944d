"""``create_app``: the web API over one store, read-only.

Why a connection per request: DuckDB read-only connections open in about a millisecond,
a request that ends closes its own, and no connection is shared between the threads FastAPI
runs requests on (a DuckDB connection is not safe to use from two threads at once). It also
means a store being ingested into (locked, E501) answers 503 for that request only, and the
API serves the new data once the writer is done, without a restart. The app never writes:
every connection comes from ``open_reader``, which DuckDB opens read-only.

There is no POST endpoint: nothing a client sends can change the store. An ingest
endpoint (off by default, behind a token) is for the web issue's next slice.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI

from eventwire import __version__
from eventwire.query import DEFAULT_TIMEOUT
from eventwire.web import api, problems
from eventwire.web.limits import MAX_BODY_BYTES, BodyLimit


def create_app(
    db_path: str | Path, *, query_timeout: float | None = DEFAULT_TIMEOUT, max_body: int = MAX_BODY_BYTES
) -> FastAPI:
    """The API reading the store at ``db_path``; each query stops after ``query_timeout`` s (504)."""
    app = FastAPI(title="eventwire", version=__version__, description="Coded political events, read-only (docs/web.md).")
    app.state.db_path = Path(db_path)
    app.state.query_timeout = query_timeout
    problems.install(app)
    app.include_router(api.router)
    app.add_middleware(BodyLimit, max_bytes=max_body)
    return app
