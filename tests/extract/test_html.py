"""extract_html on small pages written for these tests."""

from __future__ import annotations

import json

import pytest

from eventwire.errors import NoArticleText
from eventwire.extract.html import extract_html, people

PARAGRAPHS = [
    "The council of the river towns voted on Tuesday to reopen the northern bridge after a month of repairs.",
    "The mayor said the vote ended a dispute between the two largest towns over who would pay for the work.",
    "Traders on both banks had complained that the closure cut their sales by half during the harvest season.",
    "Engineers will inspect the bridge again in the spring, and the council will meet to review their report.",
]


def _page(head: str = "", body_before: str = "", body_after: str = "", paragraphs: list[str] = PARAGRAPHS) -> str:
    text = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<html><head>{head}</head><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article>{body_before}{text}{body_after}</article><footer>Contact us</footer></body></html>"
    )


def test_body_is_the_article_paragraphs_separated_by_one_blank_line() -> None:
    article = extract_html(_page())
    assert article.paragraphs == PARAGRAPHS
    assert article.text == "\n\n".join(PARAGRAPHS)
    assert article.format == "html"
    assert "Home" not in article.text and "Contact us" not in article.text


def test_json_ld_graph_fills_the_fields_and_an_agency_author_is_the_source() -> None:
    data = {
        "@graph": [
            {"@type": "WebSite", "name": "River Gazette"},
            {
                "@type": "NewsArticle",
                "headline": "Council reopens the northern bridge",
                "datePublished": "2024-05-07T10:00:00Z",
                "author": [{"@type": "Person", "name": "Tomas Varga"}, {"@type": "Organization", "name": "Reuters"}],
                "articleSection": "Regions",
                "description": "A month of repairs ends.",
                "image": [{"@type": "ImageObject", "caption": "The bridge at dawn.", "creditText": "Ida Holm"}],
            },
        ]
    }
    head = f'<script type="application/ld+json">{json.dumps(data)}</script>'
    article = extract_html(_page(head), url="https://gazette.example/bridge", origin="bridge.html")
    assert article.title == "Council reopens the northern bridge"
    assert article.published == "2024-05-07T10:00:00Z"
    assert article.authors == ["Tomas Varga"]
    assert article.source == "Reuters"
    assert article.section == "Regions"
    assert article.deck == "A month of repairs ends."
    assert (article.caption, article.image_credit) == ("The bridge at dawn.", "Ida Holm")
    assert article.url == "https://gazette.example/bridge"
    assert article.origin == "bridge.html"


def test_open_graph_only_page_takes_the_site_name_as_source() -> None:
    head = (
        '<meta property="og:title" content="Council reopens the northern bridge">'
        '<meta property="og:site_name" content="River Gazette">'
        '<meta property="og:url" content="https://gazette.example/bridge">'
    )
    article = extract_html(_page(head))
    assert article.title == "Council reopens the northern bridge"
    assert article.source == "River Gazette"
    assert article.url == "https://gazette.example/bridge"
    assert article.authors == []


def test_time_element_only_dates_the_article() -> None:
    article = extract_html(_page(body_before='<time datetime="2021-09-30T18:45:00Z">Sept. 30</time>'))
    assert article.published == "2021-09-30T18:45:00Z"


def test_a_page_without_a_body_is_e201() -> None:
    page = "<html><head><title>Index</title></head><body><nav><a href='/a'>A</a> <a href='/b'>B</a></nav></body></html>"
    with pytest.raises(NoArticleText) as raised:
        extract_html(page, origin="index.html")
    assert raised.value.code == "E201"
    assert raised.value.origin == "index.html"


def test_script_and_style_noise_stays_out_of_the_text() -> None:
    noise = "<script>var tracker = {campaign: 'bridge reopening promo'};</script><style>p { color: red }</style>"
    article = extract_html(_page(body_before=noise, body_after=noise))
    assert "tracker" not in article.text and "color" not in article.text
    assert article.paragraphs == PARAGRAPHS


def test_related_links_block_is_metadata_not_text() -> None:
    related = (
        '<aside class="related-stories"><h3>Related stories</h3><ul>'
        "<li><a href='/1'>Ferry fares to rise in the autumn</a></li>"
        "<li><a href='/2'>Harvest fair draws record crowds downriver</a></li></ul></aside>"
    )
    article = extract_html(_page(body_after=related))
    assert article.related_headlines == ["Ferry fares to rise in the autumn", "Harvest fair draws record crowds downriver"]
    assert "Ferry fares" not in article.text and "Harvest fair" not in article.text


def test_read_more_line_in_the_body_becomes_a_related_headline() -> None:
    article = extract_html(_page(body_after="<p>Read more: Ferry fares to rise in the autumn</p>"))
    assert "Read more" not in article.text
    assert "Ferry fares to rise in the autumn" in article.related_headlines


def test_dateline_names_the_wire_agency_and_byline_the_author() -> None:
    lead = "RIVERTON, May 7 (Reuters) - " + PARAGRAPHS[0]
    article = extract_html(_page(body_before="<p>By Tomas Varga</p>", paragraphs=[lead, *PARAGRAPHS[1:]]))
    assert article.source == "Reuters"
    assert article.authors == ["Tomas Varga"]
    assert article.paragraphs[0] == lead


def test_sign_off_names_the_wire_agency() -> None:
    last = PARAGRAPHS[-1] + " — AFP"
    assert extract_html(_page(paragraphs=[*PARAGRAPHS[:-1], last])).source == "AFP"


def test_headline_share_bar_and_copyright_line_are_not_text() -> None:
    head = '<meta property="og:title" content="Council reopens the northern bridge">'
    before = "<h2>Council reopens the northern bridge</h2><p>Print | E-mail this story | Share</p>"
    after = "<p>Copyright 2024 River Gazette. All rights reserved.</p>"
    article = extract_html(_page(head, body_before=before, body_after=after))
    assert article.paragraphs == PARAGRAPHS


def test_people_leaves_out_agencies_desks_and_roles() -> None:
    assert people(["Ann Lee", "Reuters", "Staff and agencies", "Associate NFL Editor", "Ann Lee", "Bo Chen (AP)"]) == [
        "Ann Lee",
        "Bo Chen",
    ]


def test_standfirst_above_the_dateline_is_the_deck_not_text() -> None:
    deck = "The council ends a month of closures after a long dispute over the bill."
    lead = "RIVERTON — " + PARAGRAPHS[0]
    head = f'<meta name="description" content="{deck}">'
    article = extract_html(_page(head, body_before=f"<p>{deck}</p>", paragraphs=[lead, *PARAGRAPHS[1:]]))
    assert article.paragraphs[0] == lead
    assert article.deck == deck


def test_a_description_copied_from_the_lead_paragraph_stays_in_the_text() -> None:
    article = extract_html(_page(f'<meta name="description" content="{PARAGRAPHS[0]}">'))
    assert article.paragraphs == PARAGRAPHS


def test_related_headlines_are_in_page_order() -> None:
    inline = "<p><a href='/x'>Read more: Ferry fares to rise in the autumn</a></p>"
    rail = "<div class='rail'><h4>Most read</h4><ul><li><a href='/y'>Harvest fair draws record crowds downriver</a></li></ul></div>"
    article = extract_html(_page(body_before=inline, body_after=rail))
    assert article.related_headlines == ["Ferry fares to rise in the autumn", "Harvest fair draws record crowds downriver"]
