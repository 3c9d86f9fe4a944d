"""The web API over a store (``eventwire serve``; ``docs/web.md``): JSON under ``/api/``, read-only
but for ``POST /api/articles``, which is off unless the server was given a token."""

from eventwire.web.app import create_app

__all__ = ["create_app"]
