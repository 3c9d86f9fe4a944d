"""Bad requests get the one error shape with the right status, and filter values are only
ever compared: injection attempts change nothing and leak nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from eventwire.errors import QueryTimeout
from eventwire.web import create_app
from tests.lockholder import lock_held
from tests.web.answers import coded_error


@pytest.mark.parametrize(
    ("url", "params"),
    [
        ("/api/events", {"since": "2024/05/01"}),
        ("/api/events", {"until": "yesterday"}),
        ("/api/events", {"quad": 7}),
        ("/api/events", {"limit": -1}),
        ("/api/events", {"limit": 501}),
        ("/api/events", {"order": "date; DROP TABLE events"}),
        ("/api/events", {"columns": "id,password"}),
        ("/api/events", {"dyad": "RUS"}),
        ("/api/events.csv", {"quad": "x"}),
        ("/api/map", {"since": "2024-13"}),
        ("/api/network", {"quad": 0}),
        ("/api/dyads/RUS/ARM", {"by": "decade"}),
        ("/api/search", {"q": ""}),
    ],
)
def test_bad_parameters_are_400(client: TestClient, url: str, params: dict) -> None:
    coded_error(client.get(url, params=params), 400, "E601")


def test_unknown_article_and_actor_are_404(client: TestClient) -> None:
    coded_error(client.get("/api/articles/ffffffffffff"), 404, "E602")
    coded_error(client.get("/api/actors/ZZZ"), 404, "E607")
    coded_error(client.get("/api/nowhere"), 404, "E609")
    coded_error(client.post("/api/events"), 405, "E609")


def test_body_over_the_limit_is_413(client: TestClient) -> None:
    coded_error(client.request("GET", "/api/overview", content=b"x" * (1024 * 1024 + 1)), 413, "E608")


INJECTIONS = ["' OR 1=1 --", "RUS'; DROP TABLE events; --", "%", "_", "\\", "$actor", "1); DELETE FROM articles; --"]


@pytest.mark.parametrize("value", INJECTIONS)
def test_injection_in_filters_is_only_compared(client: TestClient, db: Path, value: str) -> None:
    before = client.get("/api/overview").json()["counts"]
    for name in ("actor", "code", "root", "text"):
        response = client.get("/api/events", params={name: value})
        assert response.status_code == 200, response.text
        assert response.json()["rows"] == []
    for url in (f"/api/dyads/{value}/ARM", "/api/search"):
        response = client.get(url, params={"q": value})
        assert response.status_code == 200
    assert client.get("/api/search", params={"q": value}).json()["rows"] == []
    coded_error(client.get("/api/actors/" + value.replace("/", "")), 404, "E607")
    assert client.get("/api/overview").json()["counts"] == before


def test_missing_store_is_503(tmp_path: Path) -> None:
    with TestClient(create_app(tmp_path / "none.duckdb")) as missing:
        error = coded_error(missing.get("/api/overview"), 503, "E502")
        page = missing.get("/")
    assert str(tmp_path) not in str(error)  # the server's paths are no business of a client
    assert page.status_code == 503 and "<code>E502</code>" in page.text and str(tmp_path) not in page.text


def test_locked_store_is_503(db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.duckdb"
    shutil.copy(db, copy)
    with lock_held(copy), TestClient(create_app(copy)) as locked:
        coded_error(locked.get("/api/overview"), 503, "E501")


def test_query_timeout_is_504(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    """The watchdog's error (tested with real queries in tests/query/test_deadline.py) maps to 504."""

    def timed_out(*_: object, **__: object) -> None:
        raise QueryTimeout("stopped after 0.001 s")

    monkeypatch.setattr("eventwire.web.api.store_counts", timed_out)
    coded_error(client.get("/api/overview"), 504, "E606")
