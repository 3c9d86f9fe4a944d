"""The HTML pages: each renders its JSON twin's answer, links to it, and escapes what the
store holds. Real store, real app (TestClient); the browser tests draw them for real."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from eventwire.web.headers import CONTENT_SECURITY_POLICY
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
    ("/events?actor=RUS&order=-date", "/api/events?actor=RUS&order=-date"),
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


def test_dyad_points_link_to_the_events_behind_them(client: TestClient) -> None:
    html = _page(client, "/dyads/RUS/ARM", by="month")
    links = [link.replace("&amp;", "&") for link in re.findall(r'<td><a href="(/events\?dyad=[^"]+)">', html)]
    assert links
    for link in links:
        period = re.search(r"since=([0-9-]+)", link).group(1)
        rows = client.get("/api/events" + link.removeprefix("/events")).json()["rows"]
        assert rows and all(row["date"].startswith(period) for row in rows)


def test_week_periods_link_to_their_seven_days(client: TestClient) -> None:
    html = _page(client, "/dyads/RUS/ARM", by="week")
    link = re.search(r'<td><a href="(/events\?dyad=[^"]+)">(\d{4}-W\d\d)</a>', html)
    assert link and re.search(r"since=(\d{4}-\d\d-\d\d)&amp;until=(\d{4}-\d\d-\d\d)", link.group(1))


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


@pytest.mark.parametrize("value", INJECTIONS)
def test_injection_in_page_filters_is_only_compared(client: TestClient, value: str) -> None:
    before = client.get("/api/overview").json()["counts"]
    for name in ("actor", "code", "root", "text", "dyad"):
        for page in ("/events", "/map"):
            response = client.get(page, params={name: value})
            assert response.status_code in (200, 400), response.text  # a dyad without ':' is refused
            assert 'id="row-' not in response.text and 'class="marker"' not in response.text
    assert client.get("/search", params={"q": value}).status_code == 200
    assert client.get(f"/dyads/{value.replace('/', '')}/ARM").status_code == 200
    assert client.get("/api/overview").json()["counts"] == before


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
