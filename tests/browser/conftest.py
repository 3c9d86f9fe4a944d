"""Fixtures of the browser tests: real headless Chromium against the real app on a socket.

Chromium, the store and the live server start once per session (each costs seconds); every
test gets a fresh browser context (no cookies or storage from another test) and page.

- ``db``: a store the real pipeline ingested from the web tests' short articles, the
  malicious ``<script>`` one among them, and the hostile articles of tests/web/hostile.py.
- ``live_server``: the base URL (``http://127.0.0.1:<port>``) of ``create_app(db)`` under uvicorn.
- ``browser``: Playwright's Browser on Debian's Chromium (skips, or fails under CI, without it).
- ``page``: a Page whose relative URLs go to the live server (``page.goto("/api/overview")``).
  When the test is done it saves a full-page screenshot named after the test, and fails the
  test if the browser recorded a console error, an uncaught exception, a failed request or a
  request to another origin.
- ``page_problems``: the page's ``PageProblems``; a test that provokes an error on purpose
  checks it and clears ``page_problems.problems``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from eventwire.web import create_app
from tests.browser.harness import (
    LiveServer,
    PageProblems,
    launch_chromium,
    require_browser,
    screenshot_path,
    settle_and_screenshot,
)
from tests.query.stores import write_coded_store
from tests.web.conftest import ARTICLES
from tests.web.hostile import FILES as HOSTILE

STORED = {**ARTICLES, **HOSTILE}
"""The web tests' articles and the hostile ones (tests/web/hostile.py)."""

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

HERE = Path(__file__).parent
PAGE_TIMEOUT_MS = 10_000
"""Playwright waits 30 s by default; a page of this app that takes 10 s is broken already."""
VIEWPORT = {"width": 1280, "height": 800}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test under tests/browser ``browser``, so that ``-m "not browser"`` leaves them out."""
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    require_browser()  # before paying for the ingest
    return write_coded_store(tmp_path_factory.mktemp("browser"), STORED)


@pytest.fixture(scope="session")
def live_server(db: Path) -> Iterator[str]:
    with LiveServer(create_app(db)) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def page_problems(live_server: str) -> PageProblems:
    return PageProblems(allowed_origins=[live_server])


@pytest.fixture
def page(
    browser: Browser, live_server: str, page_problems: PageProblems, request: pytest.FixtureRequest
) -> Iterator[Page]:
    context = browser.new_context(base_url=live_server, viewport=VIEWPORT)
    context.set_default_timeout(PAGE_TIMEOUT_MS)
    new_page = context.new_page()
    page_problems.watch(new_page)
    request.node.stash[WATCHED] = (new_page, page_problems)  # checked by pytest_runtest_call below
    yield new_page
    context.close()


WATCHED = pytest.StashKey[tuple["Page", PageProblems]]()
"""The page a test runs with and its recorder, for the check at the end of the test's call."""


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """After a test that used ``page``: its screenshot, then fail it if the browser recorded problems.

    Here rather than in the fixture's teardown, so that a broken page makes the test FAILED
    (not an ERROR at teardown after a pass), and a test failing on its own carries the
    browser's problems as a note to its exception: a console error often says why.
    """
    watched = item.stash.get(WATCHED, None)
    if watched is None:
        return (yield)
    page, problems = watched
    try:
        result = yield
    except BaseException as error:
        settle_and_screenshot(page, screenshot_path(item.path.stem, item.name))
        if report := problems.report():
            error.add_note(report)
        raise
    settle_and_screenshot(page, screenshot_path(item.path.stem, item.name))
    if report := problems.report():
        pytest.fail(report, pytrace=False)
    return result

