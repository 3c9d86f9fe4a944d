"""The whole stack at once: Chromium loads the API from the live server over the store the
real pipeline wrote, with no console error (the ``page`` fixture checks, and saves a screenshot)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from tests.browser.conftest import STORED
from tests.browser.harness import PageProblems

if TYPE_CHECKING:
    from playwright.sync_api import Page


def _json_of(page: Page, page_problems: PageProblems, path: str) -> dict:
    """The JSON document at ``path``, as Chromium shows it (in a <pre>, pretty-printed or not).

    A JSON document has no ``<link rel="icon">``, so Chromium asks for /favicon.ico, which the
    API does not serve: that 404's console error is the document type's, not the app's.
    """
    page_problems.tolerate(r"status of 404 .*/favicon\.ico")
    response = page.goto(path)
    assert response is not None and response.ok, response and response.status
    assert response.headers["content-type"].startswith("application/json")
    return json.loads(page.locator("pre").first.inner_text())


def test_overview_json_renders(page: Page, page_problems: PageProblems) -> None:
    overview = _json_of(page, page_problems, "/api/overview")
    assert overview["counts"]["articles"] == len(STORED)
    # The malicious article's markup arrives as text (the recorder would report an alert).
    assert any("<script>alert(1)</script>" in event["sentence"] for event in overview["latest_events"])


def test_openapi_json_renders(page: Page, page_problems: PageProblems) -> None:
    document = _json_of(page, page_problems, "/openapi.json")
    assert "/api/overview" in document["paths"]
