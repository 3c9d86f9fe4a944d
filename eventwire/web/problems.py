"""The one error shape of the web API, and the HTTP status of each coded error.

Every 4xx and 5xx answer is ``{"error": {"code", "title", "message", "hint"}}``, the same
fields the command line prints, so a client handles one shape and a user can look the code
up in ``docs/errors.md``. FastAPI's own parameter validation and Starlette's 404/405 are
mapped onto it too. An unexpected exception becomes E900 without its text: a traceback may
hold paths or SQL that are no business of a web client (it goes to the server's log).
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from eventwire.errors import (
    AmbiguousArticle, BadToken, EventwireError, ExtractionError, InputError, InternalError, InvalidFilter, QueryTimeout,
    RequestTooLarge, StoreError, UnknownActor, UnknownArticle, UnknownEndpoint, WritesDisabled,
)  # fmt: skip

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


def install(app: FastAPI) -> None:
    """Answer every error raised in ``app`` in the one shape."""

    @app.exception_handler(EventwireError)
    async def coded(_: Request, error: EventwireError) -> JSONResponse:
        return error_response(error)

    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, error: RequestValidationError) -> JSONResponse:
        return error_response(InvalidFilter(_validation_detail(error)), 400)

    @app.exception_handler(HTTPException)
    async def http(request: Request, error: HTTPException) -> JSONResponse:
        if error.status_code in (404, 405):
            return error_response(UnknownEndpoint(f"{request.method} {request.url.path}"), error.status_code)
        return error_response(InternalError(str(error.detail)), error.status_code)

    @app.exception_handler(Exception)
    async def unexpected(_: Request, error: Exception) -> JSONResponse:
        log.exception("unexpected error in the web API")
        return error_response(InternalError(type(error).__name__), 500)
