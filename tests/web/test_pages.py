"""The HTML pages: each renders its JSON twin's answer, links to it, and escapes what the
store holds. Real store, real app (TestClient); the browser tests draw them for real."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import duckdb
import pytest
from fastapi.testclient import TestClient

from eventwire.query import open_reader
from eventwire.store.writer import open_store
from eventwire.web import create_app
from eventwire.web.headers import CONTENT_SECURITY_POLICY
from eventwire.web.pages import EVENT_TABLE_COLUMNS
from tests.web.test_errors import INJECTIONS


@pytest.fixture(scope="module")
def article_id(client: TestClient) -> str:
    rows = client.get("/api/search", params={"q": "resume border talks"}).json()["rows"]
    return rows[0]["id"]


def _page(client: TestClient, url: str, **params: object) -> str:
    response = client.get(url, params=params or None)  # an empty dict would drop the url's own query
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    return response.text


PAGES = [
    ("/", "/api/overview"),
    ("/events?actor=RUS&order=-date", "/api/events?actor=RUS&order=-date&columns=" + "%2C".join(EVENT_TABLE_COLUMNS)),
    ("/actors/RUS", "/api/actors/RUS"),
    ("/dyads/RUS/ARM?by=week", "/api/dyads/RUS/ARM?by=week"),
    ("/network?quad=3", "/api/network?quad=3"),
    ("/map", "/api/map"),
    ("/search?q=border", "/api/search?q=border"),
]


@pytest.mark.parametrize(("page", "twin"), PAGES)
def test_every_page_links_its_json_twin(client: TestClient, page: str, twin: str) -> None:
    html = _page(client, page)
    assert f'<a class="twin" href="{twin.replace("&", "&amp;")}">' in html
    answer = client.get(twin)
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("application/json")


def test_pages_without_a_twin_link_none(client: TestClient) -> None:
    for url in ("/search", "/search?q=", "/nowhere"):
        assert 'class="twin"' not in client.get(url).text, url


def test_article_page_links_its_twin(client: TestClient, article_id: str) -> None:
    html = _page(client, f"/articles/{article_id}")
    assert f'href="/api/articles/{article_id}"' in html


def test_events_page_lists_what_its_twin_gives(client: TestClient) -> None:
    html = _page(client, "/events", actor="ARM", order="-goldstein")
    twin = client.get("/api/events", params={"actor": "ARM", "order": "-goldstein"}).json()["rows"]
    assert twin and re.findall(r'<tr id="row-([^"]+)"', html) == [row["id"] for row in twin]


def test_events_page_sorts_pages_and_downloads_the_whole_filter(client: TestClient) -> None:
    html = _page(client, "/events", actor="RUS", limit=2, order="date")
    assert 'class="sort asc">Date' in html
    assert 'href="/events?actor=RUS&amp;limit=2&amp;order=-date"' in html  # the header reverses the order
    assert 'rel="next" href="/events?actor=RUS&amp;limit=2&amp;order=date&amp;offset=2"' in html
    assert 'rel="prev"' not in html
    csv_link = re.search(r'class="csv" href="([^"]+)"', html).group(1).replace("&amp;", "&")
    assert "limit=100000" in csv_link and "offset" not in csv_link
    lines = client.get(csv_link).text.splitlines()
    events = client.get("/api/events", params={"actor": "RUS", "limit": 500}).json()["rows"]
    assert len(lines) == len(events) + 1 > 3  # a header, then every matching event, not one page


def test_article_page_marks_actors_predicates_quotes_and_places(client: TestClient, article_id: str) -> None:
    html = _page(client, f"/articles/{article_id}")
    body = client.get(f"/api/articles/{article_id}").json()
    text_events = [event for event in body["events"] if event["field"] == "text"]
    assert text_events
    for event in text_events:  # the events table's links land on the predicate's mark
        assert f'id="event-{event["id"]}"' in html
        assert f'href="#event-{event["id"]}"' in html
    for kind in ("actor", "predicate", "place"):
        assert f"hl-{kind}" in html.split('<article class="text"')[1]
    predicate = r'<mark class="[^"]*hl-predicate[^"]*" title="[^"]*event 036: RUS -&gt; ARM[^"]*" id="event-[^"]+">resume</mark>'
    assert re.search(predicate, html.split('<article class="text"')[1])


def test_actor_page_ranks_counterparts_and_draws_from_the_page_data(client: TestClient) -> None:
    html = _page(client, "/actors/ARM")
    counterparts = client.get("/api/actors/ARM").json()["counterparts"]
    shown = re.findall(r'<a href="/dyads/ARM/([^"]+)">', html)
    assert shown == [row["counterpart"] for row in counterparts]
    assert '<script type="application/json" id="page-data">' in html


def _linked_count(client: TestClient, link: str) -> int:
    """How many events the /events link lists (through its JSON twin)."""
    return len(client.get("/api/events" + link.replace("&amp;", "&").removeprefix("/events"), params=None).json()["rows"])


@pytest.mark.parametrize("by", ["day", "week", "month", "year"])
def test_dyad_rows_link_to_exactly_the_events_they_count(client: TestClient, by: str) -> None:
    html = _page(client, "/dyads/RUS/ARM", by=by, since="2024")
    rows = re.findall(r'<tr><td><a href="(/events\?[^"]+)">[^<]+</a></td><td>[^<]+</td><td class="num">(\d+)</td>', html)
    assert rows
    for link, events in rows:
        assert "since=2024" in link and f"by={by}" in link
        assert _linked_count(client, link) == int(events), link


def test_actor_months_link_to_exactly_their_events(client: TestClient) -> None:
    page = _page(client, "/actors/ARM")
    island = json.loads(re.search(r'id="page-data">(.*?)</script>', page, re.S).group(1))
    assert island["timeline"]
    for month in island["timeline"]:
        assert _linked_count(client, month["href"]) == month["events"], month


def test_search_page_without_words_shows_only_the_form(client: TestClient) -> None:
    html = _page(client, "/search")
    assert 'id="search-results"' not in html and 'name="q"' in html


def test_search_page_lists_results_with_snippets(client: TestClient) -> None:
    html = _page(client, "/search", q="Kremlin")
    assert html.count('<p class="snippet">') >= 1 and "Kremlin" in html.split('id="search-results"')[1]


def test_page_errors_are_pages_in_the_one_shape(client: TestClient) -> None:
    for url, status, code in (("/nowhere", 404, "E609"), ("/events?quad=9", 400, "E601"), ("/actors/ZZZ", 404, "E607"),
                              ("/articles/ffffffffffff", 404, "E602"), ("/events?since=May", 400, "E601")):  # fmt: skip
        response = client.get(url)
        assert response.status_code == status and response.headers["content-type"].startswith("text/html")
        assert f"<code>{code}</code>" in response.text
    assert client.get("/api/nowhere").json()["error"]["code"] == "E609"


PAGE_PARAMETERS = {
    "/events": ("actor", "dyad", "both_directions", "code", "root", "quad", "since", "until", "period", "by", "text",
                "located", "unique", "order", "limit", "offset"),
    "/map": ("actor", "dyad", "both_directions", "code", "root", "quad", "since", "until", "period", "by", "text",
             "unique", "order", "limit", "offset"),
    "/network": ("since", "until", "quad", "unique", "max_edges"),
    "/dyads/RUS/ARM": ("by", "since", "until", "unique"),
    "/search": ("q", "limit", "offset"),
}  # fmt: skip
"""Every query parameter of every page."""


def _stored(db: Path) -> list[tuple]:
    with open_reader(db) as connection:
        return [connection.execute(f"SELECT count(*) FROM {table}").fetchone() for table in ("articles", "events", "quotes")]


@pytest.mark.parametrize("value", INJECTIONS)
def test_injection_in_every_page_parameter_is_only_compared(client: TestClient, db: Path, value: str) -> None:
    before = _stored(db)
    for page, names in PAGE_PARAMETERS.items():
        for name in names:
            response = client.get(page, params={name: value})
            assert response.status_code in (200, 400), (page, name, response.status_code)
            if response.status_code == 200 and name not in ("order", "by"):  # a value matches nothing
                assert 'id="row-' not in response.text and 'id="search-results"><li' not in response.text
    for path in (f"/dyads/{value}/ARM", f"/actors/{value}", f"/articles/{value}"):
        assert client.get(path).status_code in (200, 400, 404)
    assert _stored(db) == before


def test_a_page_that_fails_answers_a_secured_error_page(db: Path, tmp_path: Path) -> None:
    """A store whose stored mentions are not mentions makes the article page fail: the 500 is the error
    page, without the exception's text, and carries the security headers like any answer."""
    broken = tmp_path / "broken.duckdb"
    shutil.copy(db, broken)
    connection = duckdb.connect(str(broken))
    connection.execute("UPDATE article_actors SET mentions = '[1]'")  # valid JSON, not a list of mentions
    article_id = connection.execute("SELECT article_id FROM article_actors LIMIT 1").fetchone()[0]
    connection.close()
    with TestClient(create_app(broken), raise_server_exceptions=False) as client:
        response = client.get(f"/articles/{article_id}")
    assert response.status_code == 500 and "<code>E900</code>" in response.text and "TypeError" in response.text
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert response.headers["x-content-type-options"] == "nosniff"


def test_every_page_of_an_empty_store(tmp_path: Path) -> None:
    empty = tmp_path / "empty.duckdb"
    open_store(empty).close()
    with TestClient(create_app(empty)) as client:
        for url in ("/", "/events", "/network", "/map", "/search?q=anything", "/dyads/RUS/ARM"):
            response = client.get(url)
            assert response.status_code == 200, url
            assert 'id="page-data"' in response.text or url.startswith(("/events", "/search"))
        assert client.get("/actors/RUS").status_code == 404
        assert client.get("/articles/abc").status_code == 404


def test_no_page_loads_anything_from_another_host(client: TestClient) -> None:
    folder = Path(__file__).parents[2] / "eventwire" / "web"
    for path in [*folder.glob("templates/*.html"), *folder.glob("static/**/*.*")]:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", text), path
        assert "@import" not in text and "url(http" not in text, path
    html = _page(client, "/")
    for asset in re.findall(r'(?:src|href)="(/static/[^"]+)"', html):
        assert client.get(asset).status_code == 200, asset


def test_the_map_page_and_its_twin_show_up_to_500_points(client: TestClient) -> None:
    assert client.get("/api/map").json()["limit"] == 500
    assert client.get("/api/events").json()["limit"] == 100
