"""Security headers on every answer, and a Content-Security-Policy on the pages.

The policy is the second line of defence behind escaping: the pages load scripts, styles
and data only from the server itself, run no inline script, and may not be framed. A
stored article that somehow slipped markup through the templates would still run nothing.
Nothing the dashboard needs comes from another host (every asset is in the package), so
the policy costs no feature.
"""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CONTENT_SECURITY_POLICY = "; ".join((
    "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "connect-src 'self'",
    "form-action 'self'", "base-uri 'none'", "frame-ancestors 'none'",
))  # fmt: skip

COMMON = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY"}


def secure(headers: MutableHeaders) -> None:
    """Add ``COMMON`` to ``headers``, and the policy when they describe an HTML answer."""
    for name, value in COMMON.items():
        headers.setdefault(name, value)
    if headers.get("content-type", "").startswith("text/html"):
        headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY


class SecurityHeaders:
    """Add the headers to every response (a 500 is answered outside any middleware, so its
    handler calls ``secure`` itself)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                secure(MutableHeaders(scope=message))
            await send(message)

        await self.app(scope, receive, with_headers)
