"""Every dashboard page in real Chromium: it renders and draws with no console error (the
``page`` fixture fails the test on one, and saves the screenshot), and the clicks an analyst
makes lead where they should."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest

from tests.browser.harness import get_json
from tests.web.hostile import RECORD as HOSTILE

if TYPE_CHECKING:
    from playwright.sync_api import Page


def _hostile_id(live_server: str) -> str:
    return get_json(live_server, "/api/search?q=onerror")["rows"][0]["id"]


def _drawn(page: Page, selector: str) -> int:
    """Wait for the figure's script to finish and return what it drew (data-drawn)."""
    page.wait_for_selector(f"{selector}[data-drawn]")
    return int(page.get_attribute(selector, "data-drawn") or 0)


PAGES = ["/", "/events", "/actors/RUS", "/dyads/RUS/ARM", "/dyads/RUS/ARM?by=week", "/network", "/map", "/search?q=border"]


@pytest.mark.parametrize("path", PAGES)
def test_page_renders_without_console_errors(page: Page, path: str) -> None:
    response = page.goto(path)
    assert response is not None and response.status == 200
    assert page.locator("h1").inner_text()
    for figure in page.locator("[data-chart]").all():
        figure.wait_for(state="attached")
        page.wait_for_function("f => f.dataset.drawn !== undefined", arg=figure.element_handle())


def test_overview_draws_the_four_quad_areas(page: Page) -> None:
    page.goto("/")
    assert _drawn(page, "#quads-chart") >= 1
    assert page.locator("#quads-chart polygon.area").count() == 4
    assert page.locator("#quads-chart .legend li").count() == 4


def test_a_click_in_the_events_table_opens_the_article_with_highlights(page: Page) -> None:
    page.goto("/events?actor=RUS&order=-date")
    link = page.locator("#events-table a.article-link").first
    href = link.get_attribute("href")
    link.click()
    page.wait_for_url(re.compile(r"/articles/[0-9a-f]+#event-"))
    anchor = href.split("#", 1)[1]
    target = page.locator(f"[id='{anchor}']")
    assert target.count() == 1 and target.is_visible()
    for kind in ("actor", "predicate"):
        assert page.locator(f"#article-text mark.hl-{kind}").count() > 0, kind
    assert page.locator("#article-events tbody tr").count() > 0


def test_the_map_draws_outlines_and_markers_and_opens_a_popup(page: Page, live_server: str) -> None:
    page.goto("/map")
    points = get_json(live_server, "/api/map")["rows"]
    places = {(round(p["lat"], 2), round(p["lon"], 2)) for p in points}
    assert places and _drawn(page, "#map-chart") == len(places)
    page.wait_for_selector("#map-chart[data-outlines=drawn]")
    assert page.locator("#map-chart path.country").count() > 150
    page.locator("#map-chart circle.marker").first.click()
    popup_links = page.locator("#map-chart .popup a")
    assert popup_links.count() >= 1
    href = popup_links.first.get_attribute("href")
    assert re.fullmatch(r"/articles/[0-9a-f]+#event-[0-9a-f]+-\d+", href or "")
    assert page.request.get(href.split("#")[0]).ok  # the screenshot keeps the map and its popup


def test_the_network_draws_every_node_and_edge(page: Page, live_server: str) -> None:
    page.goto("/network")
    network = get_json(live_server, "/api/network")
    assert network["nodes"] and _drawn(page, "#network-chart") == len(network["nodes"])
    assert page.locator("#network-chart a.node").count() == len(network["nodes"])
    assert page.locator("#network-chart path.edge").count() == len(network["edges"])


def test_a_click_on_a_network_node_opens_the_actor(page: Page) -> None:
    page.goto("/network")
    _drawn(page, "#network-chart")
    page.locator("#network-chart a.node").first.click()
    page.wait_for_url(re.compile(r"/actors/\w+$"))
    assert page.locator("#counterparts").count() == 1


def test_a_dyad_point_opens_the_events_behind_it(page: Page) -> None:
    page.goto("/dyads/RUS/ARM")
    assert _drawn(page, "#dyad-chart") >= 1
    page.locator("#dyad-chart a.point").first.click()
    page.wait_for_url(re.compile(r"/events\?dyad="))
    assert page.locator("#events-table tbody tr[id^=row-]").count() >= 1


def test_an_actor_month_opens_its_events(page: Page) -> None:
    page.goto("/actors/ARM")
    assert _drawn(page, "#timeline-chart") >= 1
    page.locator("#timeline-chart a.month").first.click()
    page.wait_for_url(re.compile(r"/events\?actor=ARM&period=\d{4}-\d\d&by=month"))
    assert page.locator("#events-table tbody tr[id^=row-]").count() >= 1


def test_the_hostile_article_runs_nothing(page: Page, live_server: str) -> None:
    """Its markup shows as text; an alert would be recorded as a dialog and fail the test."""
    article_id = _hostile_id(live_server)
    page.goto(f"/articles/{article_id}")
    assert "<script>alert('title')</script>" in page.locator("h1").inner_text()
    assert "<img src=x onerror=alert('text')>" in page.locator("#article-text").inner_text()
    assert page.locator("#article-text img, #article-text script, iframe").count() == 0
    assert page.get_by_text(HOSTILE["url"]).count() == 1 and page.locator("a[href^='javascript:']").count() == 0
    for path in ("/search?q=alert", "/events?text=alert", "/"):
        page.goto(path)
        assert page.locator("iframe, main img").count() == 0


def test_a_search_from_the_header_lists_articles(page: Page) -> None:
    page.goto("/")
    page.fill("header input[name=q]", "border")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/search\?q=border"))
    assert page.locator("#search-results li").count() >= 1
