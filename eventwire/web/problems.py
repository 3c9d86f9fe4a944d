"""The one error shape of the web API, and the HTTP status of each coded error.

Every 4xx and 5xx answer is ``{"error": {"code", "title", "message", "hint"}}``, the same
fields the command line prints, so a client handles one shape and a user can look the code
up in ``docs/errors.md``. FastAPI's own parameter validation and Starlette's 404/405 are
mapped onto it too. An unexpected exception becomes E900 without its text: a traceback may
hold paths or SQL that are no business of a web client (it goes to the server's log).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException

from eventwire.errors import (
    AmbiguousArticle, BadToken, EventwireError, ExtractionError, InputError, InternalError, InvalidFilter, QueryTimeout,
    RequestTooLarge, StoreBusy, StoreError, UnknownActor, UnknownArticle, UnknownEndpoint, WritesDisabled,
)  # fmt: skip
from eventwire.web.headers import secure

log = logging.getLogger(__name__)

_STATUS: tuple[tuple[type[EventwireError], int], ...] = (
    (InvalidFilter, 400),
    (AmbiguousArticle, 400),
    (InputError, 400),  # a posted body that is not one JSONL record
    (BadToken, 401),
    (WritesDisabled, 403),
    (ExtractionError, 422),  # a posted record whose article the pipeline refuses
    (UnknownArticle, 404),
    (UnknownActor, 404),
    (UnknownEndpoint, 404),
    (RequestTooLarge, 413),
    (StoreError, 503),
    (QueryTimeout, 504),
)
"""The first class an error is an instance of gives its status; any other error is a 500."""


def status_of(error: EventwireError) -> int:
    """The HTTP status for ``error``."""
    return next((status for cls, status in _STATUS if isinstance(error, cls)), 500)


def public(error: EventwireError) -> EventwireError:
    """``error`` as a web client may see it: a store error's detail names the file on the
    server, which is no business of the client (the title says what is wrong; the log keeps
    the path); other errors unchanged."""
    if isinstance(error, StoreError) and not isinstance(error, StoreBusy) and error.detail:
        log.warning("store error answered without its detail: %s", error)
        return type(error)()
    return error


def error_response(error: EventwireError, status: int | None = None) -> JSONResponse:
    """The JSON answer for ``error``; a 401 names the scheme to authenticate with (RFC 6750)."""
    body = {"error": {"code": error.code, "title": error.title, "message": error.message, "hint": error.hint}}
    headers = {"WWW-Authenticate": "Bearer"} if isinstance(error, BadToken) else None
    return JSONResponse(body, status_code=status or status_of(error), headers=headers)


def _validation_detail(error: RequestValidationError) -> str:
    """``limit: Input should be less than or equal to 500; ...``, without the input echoed."""
    parts = []
    for problem in error.errors():
        where = ".".join(str(part) for part in problem.get("loc", ()) if part not in ("query", "path"))
        parts.append(f"{where}: {problem.get('msg', 'invalid')}")
    return "; ".join(parts)


PageError = Callable[[Request, EventwireError, int | None], Response]
"""Renders an error for a page request (the dashboard's HTML error page)."""

MACHINE_PATHS = ("/api/", "/openapi.json", "/static/", "/assets/")
"""Paths whose errors are always the JSON shape: the API, its description and the files."""


def install(app: FastAPI, page_error: PageError | None = None) -> None:
    """Answer every error raised in ``app`` in the one shape: JSON for the API, and the
    same fields as an HTML page (``page_error``) for any other path, the pages."""

    def respond(request: Request, error: EventwireError, status: int | None = None) -> Response:
        error = public(error)
        if page_error is not None and not request.url.path.startswith(MACHINE_PATHS):
            try:
                return page_error(request, error, status)
            except Exception:  # the error page itself failed: the JSON shape still says what happened
                log.exception("could not render the error page for %s", error.code)
        return error_response(error, status)

    @app.exception_handler(EventwireError)
    async def coded(request: Request, error: EventwireError) -> Response:
        return respond(request, error)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: RequestValidationError) -> Response:
        return respond(request, InvalidFilter(_validation_detail(error)), 400)

    @app.exception_handler(HTTPException)
    async def http(request: Request, error: HTTPException) -> Response:
        if error.status_code == 404:
            return respond(request, UnknownEndpoint(f"{request.method} {request.url.path}"), 404)
        if error.status_code == 405:
            allowed = (error.headers or {}).get("Allow", "GET")
            response = respond(request, UnknownEndpoint(f"{request.method} {request.url.path} (allowed: {allowed})"), 405)
            response.headers["Allow"] = allowed
            return response
        return respond(request, InternalError(str(error.detail)), error.status_code)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, error: Exception) -> Response:
        log.exception("unexpected error in the web app")
        response = respond(request, InternalError(type(error).__name__), 500)
        secure(response.headers)  # answered by the outermost middleware, outside SecurityHeaders
        return response
