"""The harness itself: the problem recorder catches what it must (so a page test can fail),
the live server starts and stops, screenshots land in the artifacts folder, and a machine
without Chromium skips the browser tests, except under CI, where it fails them."""

from __future__ import annotations

import socket
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from fastapi import FastAPI

from tests.browser.harness import (
    LiveServer,
    PageProblems,
    require_browser,
    screenshot_path,
    settle_and_screenshot,
)

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page


@pytest.fixture
def watched(browser: Browser) -> Iterator[tuple[Page, PageProblems]]:
    """A page watched by a recorder that allows no origin, outside the ``page`` fixture (which would fail)."""
    page = browser.new_page()
    problems = PageProblems()
    problems.watch(page)
    yield page, problems
    page.close()


@pytest.fixture
def refusing_port() -> Iterator[int]:
    """A port bound but not listening, so that connecting to it is refused."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        yield sock.getsockname()[1]


def test_a_clean_page_has_no_problems(watched: tuple[Page, PageProblems]) -> None:
    page, problems = watched
    page.set_content("<p>fine</p><script>console.log('a log is no error'); console.warn('nor a warning')</script>")
    assert page.text_content("p") == "fine"
    assert problems.report() is None


def test_console_error_and_uncaught_exception_are_recorded(watched: tuple[Page, PageProblems]) -> None:
    page, problems = watched
    page.set_content("<script>console.error('the chart has no data')</script>")
    page.evaluate("setTimeout(() => { throw new Error('markers is undefined') }, 0)")
    page.wait_for_timeout(100)
    report = problems.report()
    assert report is not None
    assert "console error: the chart has no data" in report
    assert "uncaught exception: markers is undefined" in report


def test_failed_and_foreign_requests_are_recorded(watched: tuple[Page, PageProblems], refusing_port: int) -> None:
    page, problems = watched
    url = f"http://127.0.0.1:{refusing_port}/tiles.png"
    page.set_content(f'<img src="{url}">')
    report = problems.report()
    assert report is not None
    assert f"request failed: GET {url} (net::ERR_CONNECTION_REFUSED)" in report
    assert f"request to another origin (the pages must work offline): GET {url}" in report


def test_allowed_origin_and_data_urls_are_no_problem(browser: Browser, refusing_port: int) -> None:
    page = browser.new_page()
    problems = PageProblems(allowed_origins=[f"http://127.0.0.1:{refusing_port}"])
    problems.watch(page)
    try:
        page.set_content('<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">')
        page.evaluate(f"fetch('http://127.0.0.1:{refusing_port}/api').catch(() => null)")
        page.wait_for_timeout(100)
    finally:
        page.close()
    # The refused fetch is still a failed request, but not a foreign one.
    assert problems.problems and not any("another origin" in line for line in problems.problems)


def test_a_dialog_is_recorded_and_dismissed(watched: tuple[Page, PageProblems]) -> None:
    page, problems = watched
    page.set_content("<p>an article</p>")
    page.evaluate("alert(1)")  # returns: the recorder dismissed the dialog
    assert problems.problems == ["alert dialog opened: '1'"]


def test_tolerated_problems_are_not_recorded(watched: tuple[Page, PageProblems]) -> None:
    page, problems = watched
    problems.tolerate(r"^console error: expected ")
    page.set_content("<script>console.error('expected in this test'); console.error('not expected')</script>")
    assert problems.problems == ["console error: not expected"]


def test_live_server_answers_then_stops() -> None:
    with LiveServer(FastAPI()) as url:
        with urllib.request.build_opener(urllib.request.ProxyHandler({})).open(f"{url}/openapi.json") as response:
            assert response.status == 200
    port = int(url.rsplit(":", 1)[1])
    with socket.socket() as sock, pytest.raises(ConnectionRefusedError):
        sock.connect(("127.0.0.1", port))


def test_missing_chromium_skips_outside_ci(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="none/chromium is missing"):
        require_browser(tmp_path / "none" / "chromium")


def test_missing_chromium_fails_under_ci(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="cannot run under CI: .*none/chromium is missing"):
        require_browser(tmp_path / "none" / "chromium")


def test_screenshots_go_to_the_artifacts_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVENTWIRE_ARTIFACTS", str(tmp_path))
    expected = tmp_path / "screenshots" / "test_pages.test_map_dark_mode.png"
    assert screenshot_path("test_pages", "test_map[dark mode]") == expected
    monkeypatch.delenv("EVENTWIRE_ARTIFACTS")
    default = ("test-artifacts", "screenshots", "test_pages.test_map.png")
    assert screenshot_path("test_pages", "test_map").parts[-3:] == default


def test_screenshot_is_a_full_page_png(watched: tuple[Page, PageProblems], tmp_path: Path) -> None:
    page, _ = watched
    page.set_viewport_size({"width": 400, "height": 300})
    page.set_content('<div style="height: 2000px">tall</div>')
    path = tmp_path / "screenshots" / "tall.png"
    settle_and_screenshot(page, path)
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert int.from_bytes(data[20:24], "big") >= 2000  # the IHDR height: the whole page, not the viewport
