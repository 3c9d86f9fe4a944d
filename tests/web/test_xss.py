"""Nothing an article holds reaches a page as markup: every page that shows the hostile
article (tests/web/hostile.py) shows its payloads as text, and its URL is no link."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from eventwire.web import create_app
from tests.web.hostile import PAYLOADS, RECORD, write_hostile_store


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, str]]:
    path, article_id = write_hostile_store(tmp_path_factory.mktemp("xss"))
    with TestClient(create_app(path)) as client:
        yield client, article_id


def _pages(article_id: str) -> list[str]:
    return [
        "/", "/events", f"/articles/{article_id}", "/actors/RUS", "/dyads/RUS/UKR", "/network", "/map",
        "/search?q=alert", "/search?q=<script>", f"/events?text={PAYLOADS[0]}",
    ]  # fmt: skip


def _scripts_and_handlers(page: str) -> list[str]:
    """Script elements other than ours and the JSON island, and inline event handlers."""
    tags = re.findall(r"<script\b[^>]*>", page)
    foreign = [tag for tag in tags if not re.fullmatch(r'<script src="/static/js/\w+\.js" defer>|<script type="application/json" id="page-data">', tag)]
    handlers = re.findall(r"<[a-z]+\b[^>]*\son\w+\s*=", page)
    return foreign + handlers + re.findall(r"<(?:iframe|img|svg)\b", page)


def test_the_payloads_were_stored_verbatim(hostile: tuple[TestClient, str]) -> None:
    client, article_id = hostile
    article = client.get(f"/api/articles/{article_id}").json()
    stored = article["title"] + article["text"]
    assert PAYLOADS[0] in stored and PAYLOADS[2] in stored  # so the page tests below test something


@pytest.mark.parametrize("index", range(10))
def test_pages_show_payloads_as_text(hostile: tuple[TestClient, str], index: int) -> None:
    client, article_id = hostile
    url = _pages(article_id)[index]
    response = client.get(url)
    assert response.status_code == 200, response.text
    page = response.text
    assert _scripts_and_handlers(page) == [], url
    island = re.search(r'<script type="application/json" id="page-data">(.*?)</script>', page, re.S)
    if island:  # the island ends at its own closing tag: no payload closed it early
        assert "<" not in island.group(1)


def test_article_page_escapes_title_text_and_quotes(hostile: tuple[TestClient, str]) -> None:
    client, article_id = hostile
    page = client.get(f"/articles/{article_id}").text
    visible = html.unescape(re.sub(r"<[^>]+>", "", page))  # an unescaped payload would be cut out as tags
    for payload in PAYLOADS[:4]:
        assert payload in visible, payload
    assert 'href="javascript:' not in page
    assert "javascript:alert(document.domain)" in page  # shown as text, not as a link


def test_metadata_is_text_and_a_quoted_url_stays_in_its_attribute(hostile: tuple[TestClient, str]) -> None:
    client, article_id = hostile
    page = client.get(f"/articles/{article_id}").text
    visible = html.unescape(re.sub(r"<[^>]+>", "", page))
    for value in (RECORD["section"], RECORD["source"], RECORD["authors"][0]):
        assert value in visible, value
    linked = client.get("/api/search", params={"q": "shelling residential"}).json()["rows"][0]["id"]
    page = client.get(f"/articles/{linked}").text
    assert _scripts_and_handlers(page) == []
    assert 'href="https://news.example/a&#34;onmouseover=&#34;alert(1)&#34;x=&#34;"' in page


def test_search_results_escape_snippets(hostile: tuple[TestClient, str]) -> None:
    client, _ = hostile
    page = client.get("/search", params={"q": "onerror"}).text
    assert "&lt;img src=x onerror=alert(&#39;text&#39;)&gt;" in page
