"""Page metadata from small hand-written pages, one source of metadata at a time."""

from __future__ import annotations

import json

from eventwire.extract.htmltree import parse_html
from eventwire.extract.metadata import headline_from_title, read_metadata, split_names

GRAPH = {
    "@context": "https://schema.org",
    "@graph": [
        {"@type": "WebSite", "name": "Harbour Daily"},
        {
            "@type": ["NewsArticle"],
            "headline": "Port workers end strike after pay deal",
            "datePublished": "2024-03-05T09:30:00+01:00",
            "author": [{"@type": "Person", "name": "Mara Ostrova"}, {"@type": "Organization", "name": "Reuters"}],
            "publisher": {"@type": "Organization", "name": "Harbour Daily Ltd"},
            "articleSection": ["World", "Europe"],
            "description": "Dockers return on Monday.",
            "image": {"@type": "ImageObject", "caption": "Cranes at the port.", "creditText": "Jan Kos"},
            "mainEntityOfPage": {"@id": "https://example.org/port-strike"},
        },
    ],
}


def _page(head: str, body: str = "<p>Body.</p>") -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


def test_json_ld_inside_graph_with_authors_as_objects() -> None:
    head = f'<script type="application/ld+json">{json.dumps(GRAPH)}</script><title>Other | Harbour Daily</title>'
    meta = read_metadata(parse_html(_page(head)))
    assert meta.title == "Port workers end strike after pay deal"
    assert meta.published == "2024-03-05T09:30:00+01:00"
    assert meta.authors == ["Mara Ostrova"]
    assert meta.organisation_authors == ["Reuters"]
    assert meta.publisher == "Harbour Daily Ltd"
    assert meta.site_name == "Harbour Daily"
    assert meta.section == "World"
    assert meta.description == "Dockers return on Monday."
    assert (meta.image_caption, meta.image_credit) == ("Cranes at the port.", "Jan Kos")
    assert meta.url == "https://example.org/port-strike"


def test_json_ld_in_a_list_with_authors_as_strings() -> None:
    block = [{"@type": "Organization", "name": "X"}, {"@type": "ReportageNewsArticle", "headline": "H", "author": "By Ann Lee and Bo Chen"}]
    meta = read_metadata(parse_html(_page(f'<script type="application/ld+json">{json.dumps(block)}</script>')))
    assert meta.title == "H"
    assert meta.authors == ["Ann Lee", "Bo Chen"]


def test_broken_json_ld_is_skipped_and_open_graph_used() -> None:
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", </script>'
        '<meta property="og:title" content="Floods close the valley road | Valley Post">'
        '<meta property="og:site_name" content="Valley Post">'
        '<meta property="og:description" content="Rain fell for three days.">'
        '<meta property="article:published_time" content="2023-11-02T08:00:00Z">'
        '<meta property="article:section" content="Local">'
        '<meta property="og:url" content="https://valley.example/floods">'
    )
    meta = read_metadata(parse_html(_page(head)))
    assert meta.title == "Floods close the valley road"
    assert meta.site_name == "Valley Post"
    assert meta.description == "Rain fell for three days."
    assert meta.published == "2023-11-02T08:00:00Z"
    assert meta.section == "Local"
    assert meta.url == "https://valley.example/floods"


def test_time_element_when_nothing_else_dates_the_page() -> None:
    meta = read_metadata(parse_html(_page("<title>T</title>", '<time datetime="2022-07-14">14 July</time><p>x</p>')))
    assert meta.published == "2022-07-14"


def test_meta_author_byl_and_canonical() -> None:
    head = '<meta name="byl" content="By Pia Sand"><link rel="canonical" href="https://news.example/a/1">'
    meta = read_metadata(parse_html(_page(head)))
    assert meta.authors == ["Pia Sand"]
    assert meta.url == "https://news.example/a/1"


def test_title_element_takes_the_headline_the_page_repeats() -> None:
    page = _page("<title>Example Times: World : Rebels seize the airport</title>", "<h1>Rebels seize the airport</h1><p>x</p>")
    assert read_metadata(parse_html(page)).title == "Rebels seize the airport"


def test_headline_from_title_cuts_outlet_and_sections() -> None:
    assert headline_from_title("Talks collapse in Doha | Example News") == "Talks collapse in Doha"
    assert headline_from_title("Example News - Talks collapse in Doha") == "Talks collapse in Doha"
    assert headline_from_title("Talks collapse - World - Example News", ("Example News",)) == "Talks collapse"
    assert headline_from_title("No separator here") == "No separator here"


def test_split_names_drops_by_and_splits_lists() -> None:
    assert split_names("By Ann Lee, Bo Chen & Cy Dunn") == ["Ann Lee", "Bo Chen", "Cy Dunn"]


def test_standfirst_bylines_and_reading_time_from_the_page() -> None:
    body = (
        '<h2 class="article-deck">Dockers return to work on Monday after a week on strike.</h2>'
        '<span class="writer">Mara Ostrova</span><span class="reading-time">4 min read</span>'
        '<div class="lead-image"><p>Not a standfirst: the image box.</p></div>'
    )
    meta = read_metadata(parse_html(_page("", body)))
    assert meta.standfirst == "Dockers return to work on Monday after a week on strike."
    assert meta.bylines == ["Mara Ostrova"]
    assert meta.reading_minutes == 4


def test_reading_time_in_the_shapes_a_dump_line_has_and_not_in_a_sentence() -> None:
    page = '<html><body><p class="meta">Reading time: 3 minutes</p><p>Article text.</p></body></html>'
    assert read_metadata(parse_html(page)).reading_minutes == 3
    sentence = (
        "<html><body><p>Readers who want the full 5 min read of the report can find it on the ministry's "
        "website from Monday morning onwards.</p></body></html>"
    )
    assert read_metadata(parse_html(sentence)).reading_minutes is None
