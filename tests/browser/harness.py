"""What the browser tests stand on, kept out of conftest.py so that it can be tested itself.

- ``require_browser``: the tests need Debian's Chromium and the playwright package. Missing,
  they skip on a developer's machine, but fail under CI (``CI`` set), where a skip would pass
  silently and the pages would go untested.
- ``launch_chromium``: Debian's /usr/bin/chromium, never a browser Playwright downloads, with
  the flags this closed network needs (without the background-networking ones Chromium keeps
  dialling Google's hosts, whose connections are refused).
- ``PageProblems``: records what breaks a page without failing an assertion: console errors,
  uncaught exceptions, failed requests, requests to another origin (the pages must work
  offline, so a CDN that happens to answer on a developer's machine is a bug all the same),
  and dialogs (the pages open none, so an ``alert`` is most likely text from an article run
  as script).
- ``LiveServer``: the real app under uvicorn in a thread, since a browser needs a real socket
  (FastAPI's TestClient never opens one).
- ``screenshot_path``: where a test's screenshot goes (``$EVENTWIRE_ARTIFACTS/screenshots``,
  else ``test-artifacts/screenshots`` in the repository; CI keeps either as an artifact).
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import socket
import threading
import time
import urllib.error
import urllib.request
import warnings
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import pytest
import uvicorn

if TYPE_CHECKING:
    from playwright.sync_api import Browser, ConsoleMessage, Dialog, Page, Playwright, Request
    from starlette.types import ASGIApp

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",  # CI runs as root in a container, where Chromium's sandbox cannot start
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # Containers often give /dev/shm 64 MB, too little for Chromium's renderers; Debian's
    # launcher means to add this flag then, but its size check breaks on some mounts.
    "--disable-dev-shm-usage",
    # The pages talk to 127.0.0.1 only: a proxy from the environment must not stand between.
    "--no-proxy-server",
)
LOCAL_SCHEMES = ("data", "blob", "about")
"""URL schemes that never leave the page, so they count as its own origin."""
SETTLE_TIMEOUT_MS = 3_000
"""How long a test's end waits for its page's requests to stop before the screenshot and checks."""
IGNORED_FAILURES = ("net::ERR_ABORTED",)
"""Request failures that are no fault: Chromium cancels what a page no longer needs, as on
leaving it by a click, or when the page aborts a fetch itself."""


def unavailable(chromium: Path = CHROMIUM) -> str | None:
    """Why the browser tests cannot run on this machine, or None when they can."""
    if not chromium.exists():
        return f"{chromium} is missing: `make browser` installs Debian's chromium and chromium-driver"
    if importlib.util.find_spec("playwright") is None:
        return "the playwright package is missing: pip install -e '.[dev]'"
    return None


def require_browser(chromium: Path = CHROMIUM) -> None:
    """Skip when the browser tests cannot run here, or fail when ``CI`` is set: CI must run them."""
    reason = unavailable(chromium)
    if reason is None:
        return
    if os.environ.get("CI"):
        pytest.fail(f"browser tests cannot run under CI: {reason}", pytrace=False)
    pytest.skip(reason)


def launch_chromium(playwright: Playwright) -> Browser:
    """Debian's Chromium, headless; Playwright gives each launch a fresh user-data-dir."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=list(CHROMIUM_ARGS))


def origin(url: str) -> str:
    """``scheme://host:port`` of a URL, the unit the same-origin check compares."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


class PageProblems:
    """What went wrong on the pages it watches, each as one line of text.

    ``watch`` a page before loading anything in it; ``report`` is None when nothing went
    wrong. A test that provokes an error on purpose clears ``problems`` after checking it;
    one that expects an error it cannot avoid says which with ``tolerate`` first, so that
    the exception stays visible in the test rather than hidden here.
    """

    def __init__(self, allowed_origins: Iterable[str] = ()) -> None:
        self.allowed_origins = {origin(url) for url in allowed_origins}
        self.problems: list[str] = []
        self.tolerated: list[re.Pattern[str]] = []

    def tolerate(self, pattern: str) -> None:
        """Record no problem whose line matches the regular expression ``pattern`` (``re.search``)."""
        self.tolerated.append(re.compile(pattern))

    def watch(self, page: Page) -> None:
        """Record ``page``'s console errors, uncaught exceptions, bad requests and dialogs from now on."""
        page.on("console", self._console)
        page.on("pageerror", self._page_error)
        page.on("requestfailed", self._request_failed)
        page.on("request", self._request)
        page.on("dialog", self._dialog)

    def report(self) -> str | None:
        """All problems, one per line, or None."""
        if not self.problems:
            return None
        return f"{len(self.problems)} problem(s) in the browser:\n" + "\n".join(f"  {line}" for line in self.problems)

    def _add(self, line: str) -> None:
        if not any(pattern.search(line) for pattern in self.tolerated):
            self.problems.append(line)

    def _console(self, message: ConsoleMessage) -> None:
        if message.type != "error":
            return
        location = message.location
        where = f" (at {location['url']}:{location['lineNumber']})" if location and location.get("url") else ""
        self._add(f"console error: {message.text}{where}")

    def _page_error(self, error: Exception) -> None:
        self._add(f"uncaught exception: {error}")

    def _request_failed(self, request: Request) -> None:
        failure = request.failure or "unknown failure"
        if failure not in IGNORED_FAILURES:
            self._add(f"request failed: {request.method} {request.url} ({failure})")

    def _request(self, request: Request) -> None:
        url = request.url
        if url.split(":", 1)[0] in LOCAL_SCHEMES or origin(url) in self.allowed_origins:
            return
        self._add(f"request to another origin (the pages must work offline): {request.method} {url}")


    def _dialog(self, dialog: Dialog) -> None:
        self._add(f"{dialog.type} dialog opened: {dialog.message!r}")
        dialog.dismiss()  # a dialog left open blocks the page's scripts


def screenshot_path(module: str, test: str) -> Path:
    """The screenshot file of test ``test`` in module ``module`` (its file name's stem)."""
    root = Path(os.environ["EVENTWIRE_ARTIFACTS"]) if os.environ.get("EVENTWIRE_ARTIFACTS") else REPO / "test-artifacts"
    name = re.sub(r"[^\w.-]+", "_", f"{module}.{test}").strip("_")
    return root / "screenshots" / f"{name}.png"


def settle_and_screenshot(page: Page, path: Path, settle_ms: float = SETTLE_TIMEOUT_MS) -> None:
    """Let late requests and scripts finish (their errors count too), then save the screenshot.

    A screenshot that cannot be taken (the test closed or crashed the page) is a warning: the
    test's own outcome says what went wrong.
    """
    from playwright.sync_api import Error as PlaywrightError

    try:
        page.wait_for_load_state("networkidle", timeout=settle_ms)
    except PlaywrightError:
        pass  # still busy (a poll, a stream): screenshot what is there
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=path, full_page=True)
    except PlaywrightError as error:
        warnings.warn(f"no screenshot {path.name}: {error}", stacklevel=1)


LOCAL = urllib.request.build_opener(urllib.request.ProxyHandler({}))
"""An opener that never goes through a proxy from the environment: requests go to 127.0.0.1."""


def get_json(base_url: str, path: str) -> Any:
    """The JSON the live server at ``base_url`` answers at ``path``."""
    with LOCAL.open(f"{base_url}{path}", timeout=10) as response:
        return json.load(response)


class LiveServer:
    """``app`` served by uvicorn on a free 127.0.0.1 port in a daemon thread.

    ``with LiveServer(app) as url:`` returns once the server answers HTTP, and stops it on
    leaving. The socket is bound here and handed to uvicorn, so no other process can take
    the port between choosing it and listening on it.
    """

    def __init__(self, app: ASGIApp, *, start_timeout: float = 15.0) -> None:
        self.app = app
        self.start_timeout = start_timeout
        self.url = ""
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    def __enter__(self) -> str:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{sock.getsockname()[1]}"
        # Warnings only: each request's access line would drown a failing test's output.
        config = uvicorn.Config(self.app, log_level="warning", access_log=False)
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [sock]}, name="eventwire-live-server", daemon=True
        )
        self._thread.start()
        try:
            self._wait_until_answering()
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self.url

    def _wait_until_answering(self) -> None:
        assert self._thread is not None
        deadline = time.monotonic() + self.start_timeout
        while True:
            if not self._thread.is_alive():
                raise RuntimeError(f"the live server at {self.url} stopped while starting (see its log above)")
            try:
                with LOCAL.open(f"{self.url}/openapi.json", timeout=2) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"the live server at {self.url} did not answer within {self.start_timeout} s")
            time.sleep(0.05)

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        if self._server is None or self._thread is None:
            return
        self._server.should_exit = True
        self._thread.join(timeout=10)
        if self._thread.is_alive():  # a request that will not finish: drop the connections
            self._server.force_exit = True
            self._thread.join(timeout=5)
        if self._thread.is_alive():
            raise RuntimeError(f"the live server at {self.url} did not stop")
