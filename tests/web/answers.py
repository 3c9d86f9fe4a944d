"""The check every test of an error answer makes: its status, and the one error shape."""

from __future__ import annotations

from typing import Any

import httpx


def coded_error(response: httpx.Response, status: int, code: str) -> dict[str, Any]:
    """The ``error`` object of ``response``, after checking its status, type, shape and code."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "title", "message", "hint"}
    assert body["error"]["code"] == code
    return body["error"]
