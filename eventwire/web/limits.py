"""A limit on request bodies: the API reads none, so anything large is refused (413, E608).

A pure ASGI middleware rather than a check in each endpoint, so that it holds for every
path, the unknown ones included. A declared ``Content-Length`` over the limit is refused
before the body is read; a chunked body is counted as it is received, and refused when it
passes the limit.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from eventwire.errors import RequestTooLarge
from eventwire.web.problems import error_response

MAX_BODY_BYTES = 1024 * 1024
"""Largest request body accepted (1 MB)."""


class BodyLimit:
    """Refuse request bodies larger than ``max_bytes``."""

    def __init__(self, app: ASGIApp, max_bytes: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            await error_response(RequestTooLarge(f"more than {self.max_bytes} bytes"))(scope, receive, send)
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.max_bytes:
                raise RequestTooLarge(f"more than {self.max_bytes} bytes")
            return message

        await self.app(scope, counted, send)
