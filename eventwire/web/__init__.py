"""The web API over a store (``eventwire serve``; ``docs/web.md``): JSON under ``/api/``, read-only."""

from eventwire.web.app import create_app

__all__ = ["create_app"]
