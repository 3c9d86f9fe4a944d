"""Scraped text dumps: the body without the page's furniture, and what the furniture says.

The dumps below are written for these tests in the shapes scrapers leave (headers with date
and section, reading times, repeated headlines, captions with credits, share bars, related
links, lists of other stories with bylines, comments). The founding example and the
development sets are read in place from ``../shared`` and skipped when it is absent.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from eventwire.errors import NoArticleText
from eventwire.eval.shared import shared_dir
from eventwire.eval.shingles import aggregate, match
from eventwire.extract.textdump import extract_text_dump
from eventwire.extract.shapes import reading_minutes
from eventwire.extract.textdump_furniture import byline_names, date_line, split_credit

SHARED = shared_dir()
needs_shared = pytest.mark.skipif(SHARED is None, reason="../shared (seed and evaluation sets) is absent")

LEDE = (
    "GENEVA — Negotiators from the two neighbours agreed on Tuesday to reopen the main border crossing "
    "for trucks carrying food and medicine, ending a closure that had lasted almost three months."
)
SECOND = (
    "The agreement, reached after two days of talks hosted by Switzerland, also sets up a joint commission "
    "that will meet every month to settle disputes over customs fees and the movement of herders."
)
THIRD = (
    "Aid agencies welcomed the deal but warned that thousands of families in the border districts still "
    "depended on deliveries that had been stuck at the crossing since the spring."
)
FOURTH = (
    "Both delegations said the next round of talks would take up the harder questions of water rights "
    "along the river and the return of people displaced by last year's fighting."
)

PIPE_HEADER_DUMP = f"""POLITICS | 3 March 2025
Reading time: 4 minutes

Border crossing to reopen after Geneva talks

Trucks with food and medicine will be allowed through from next week, both sides say.

Trucks wait at the closed crossing near the river, February 28, 2025. (Photo: AFP)

By Maria Lopez and Tom Keller

Share this article
Facebook
X
Email

{LEDE}

{SECOND}

Read more: Herders caught between two armies as the border stays shut

{THIRD}

{FOURTH}

Source: Reuters

More stories
Parliament delays vote on new electoral map
By Anna Weber
Drought pushes grain prices to a ten-year high
By Sam Okafor
Opposition leader released on bail after two weeks

© 2025 Example Media. All rights reserved.
"""


def test_header_with_pipe_and_date_caption_byline_and_source_line() -> None:
    article = extract_text_dump(PIPE_HEADER_DUMP, origin="pipe.txt")
    assert article.paragraphs == [LEDE, SECOND, THIRD, FOURTH]
    assert article.title == "Border crossing to reopen after Geneva talks"
    assert article.deck == "Trucks with food and medicine will be allowed through from next week, both sides say."
    assert (article.published, article.section, article.reading_minutes) == ("2025-03-03", "POLITICS", 4)
    assert article.authors == ["Maria Lopez", "Tom Keller"]
    assert article.image_credit == "AFP"
    assert article.caption == "Trucks wait at the closed crossing near the river, February 28, 2025."
    assert article.source == "Reuters"
    assert article.related_headlines == [
        "Herders caught between two armies as the border stays shut",
        "Parliament delays vote on new electoral map",
        "Drought pushes grain prices to a ten-year high",
        "Opposition leader released on bail after two weeks",
    ]
    assert (article.format, article.origin) == ("textdump", "pipe.txt")


SINGLE_NEWLINE_DUMP = f"""AFRICA — 14.06.2024
5 min read
Flooding cuts the main road to the northern provinces
Residents wade through water in the market district. Credit: Getty Images
NAIROBI, June 14 (Reuters) - {SECOND}
{THIRD}
{FOURTH}
Share
"""


def test_single_newline_paragraphs_dotted_date_and_wire_dateline() -> None:
    article = extract_text_dump(SINGLE_NEWLINE_DUMP)
    assert article.paragraphs == [f"NAIROBI, June 14 (Reuters) - {SECOND}", THIRD, FOURTH]
    assert article.title == "Flooding cuts the main road to the northern provinces"
    assert (article.published, article.section, article.reading_minutes) == ("2024-06-14", "AFRICA", 5)
    assert article.source == "Reuters"  # the dateline stays in the body but names the source
    assert article.image_credit == "Getty Images"
    assert article.caption == "Residents wade through water in the market district."


SEED_STYLE_DUMP = f""" date 2025-01-09 WORLD
3 MIN READ
Ministers meet in Geneva to restart border talks
"We came here to open doors, not to trade blame," the mediator says.
Ministers meet in Geneva to restart border talks
Delegations arrive for the talks at the Palais des Nations in Geneva, January 9, 2025. / Photo: Reuters
January 9, 2025

{LEDE}

{SECOND}

RelatedDrought and tariffs strain ties between the two neighbours
Recommended

{THIRD}

{FOURTH}

SOURCE:AFP
Explore
Election commission rejects opposition appeal
Heatwave closes schools across the south
By Lena Fischer
Central bank holds rates for a third month
"""


def test_repeated_headline_deck_glued_related_label_and_explore_list_with_bylines() -> None:
    article = extract_text_dump(SEED_STYLE_DUMP)
    assert article.paragraphs == [LEDE, SECOND, THIRD, FOURTH]
    assert article.title == "Ministers meet in Geneva to restart border talks"
    assert article.deck == '"We came here to open doors, not to trade blame," the mediator says.'
    assert (article.published, article.section, article.reading_minutes) == ("2025-01-09", "WORLD", 3)
    assert (article.source, article.image_credit) == ("AFP", "Reuters")
    assert article.caption == "Delegations arrive for the talks at the Palais des Nations in Geneva, January 9, 2025."
    assert article.related_headlines == [
        "Drought and tariffs strain ties between the two neighbours",
        "Election commission rejects opposition appeal",
        "Heatwave closes schools across the south",
        "Central bank holds rates for a third month",
    ]
    assert not any(word in article.text for word in ("Recommended", "SOURCE", "Lena Fischer", "Explore"))


@pytest.mark.parametrize(
    ("opening", "sign_off", "source"),
    [
        ("WASHINGTON (AP) — ", "", "Associated Press"),  # the name the HTML extractor records too
        ("MANILA, Nov. 24 (Xinhua) -- ", "", "Xinhua"),
        ("GENEVA — ", "— AFP", "AFP"),
        ("GENEVA — ", "Source: Agence France-Presse", "AFP"),
    ],
)
def test_wire_source_from_dateline_sign_off_or_source_line(opening: str, sign_off: str, source: str) -> None:
    dump = f"Talks resume\n\n{opening}{SECOND}\n\n{THIRD}\n\n{sign_off}\n"
    article = extract_text_dump(dump)
    assert article.source == source
    assert article.paragraphs[0].startswith(opening.strip())  # the dateline stays in the body


def test_a_dump_without_furniture_is_all_body() -> None:
    dump = f"{LEDE}\n\n{SECOND}\n\n{THIRD}\n"
    article = extract_text_dump(dump)
    assert article.paragraphs == [LEDE, SECOND, THIRD]
    assert (article.title, article.published, article.source, article.related_headlines) == (None, None, None, [])


def test_one_line_paragraph_and_quote_only_paragraph_are_kept() -> None:
    quote = '"We will not move one step back."'
    short = "He declined to comment."
    dump = f"Talks stall over the river border\n\n{LEDE}\n\n{quote}\n\n{SECOND}\n\n{short}\n\n{THIRD}\n"
    assert extract_text_dump(dump).paragraphs == [LEDE, quote, SECOND, short, THIRD]


def test_hard_wrapped_paragraphs_are_joined() -> None:
    wrapped = "\n".join(
        [
            "The agreement, reached after two days of talks hosted by",
            "Switzerland, also sets up a joint commission that will meet every",
            "month to settle disputes over customs fees and the movement of herders.",
        ]
    )
    article = extract_text_dump(f"{LEDE}\n\n{wrapped}\n\n{THIRD}\n")
    assert article.paragraphs == [LEDE, SECOND, THIRD]


def test_comments_and_author_box_after_the_article_are_not_body() -> None:
    comment = (
        "I have driven that road for twenty years and the crossing has never been closed this long, "
        "so I will believe it when the first trucks are actually through."
    )
    dump = (
        f"Border crossing to reopen\nBy Maria Lopez\n\n{LEDE}\n\n{SECOND}\n\n{THIRD}\n\n"
        "Maria Lopez\nMaria Lopez is a correspondent who covers diplomacy and trade from Geneva.\n\n"
        f"Comments (2)\n{comment}\nReply\n{comment} Still waiting.\n"
    )
    article = extract_text_dump(dump)
    assert article.paragraphs == [LEDE, SECOND, THIRD]
    assert article.authors == ["Maria Lopez"]


def test_headline_and_summary_teasers_are_not_body() -> None:
    teasers = "\n".join(
        f"{headline}\n{summary}"
        for headline, summary in [
            (
                "Port strike enters its second week",
                "Dock workers say they will not return until the pay offer is improved.",
            ),
            (
                "New rail line opens to the coast",
                "The line cuts the journey from the capital to the coast to four hours.",
            ),
            (
                "Court blocks sale of state airline",
                "Judges ruled that parliament should have been consulted before the sale.",
            ),
        ]
    )
    dump = f"Border crossing to reopen\n\n{LEDE}\n\n{SECOND}\n\n{THIRD}\n\nLatest news\n{teasers}\n"
    assert extract_text_dump(dump).paragraphs == [LEDE, SECOND, THIRD]


def test_navigation_only_dump_has_no_article() -> None:
    dump = "\n".join(
        ["Home", "World", "Politics", "Business", "Sport", "", "Subscribe", "Sign in", "", "Most read", "Terms of use"]
        + ["Privacy policy", "© 2025 Example Media"]
    )
    with pytest.raises(NoArticleText) as raised:
        extract_text_dump(dump, origin="nav.txt")
    assert raised.value.code == "E201"
    assert raised.value.origin == "nav.txt"


def test_empty_dump_has_no_article() -> None:
    with pytest.raises(NoArticleText):
        extract_text_dump("\n \n")


def test_page_title_outlet_is_not_the_headline() -> None:
    headline = "Border crossing to reopen after talks"
    dump = f"{headline} | Example Herald\n\nHome\nWorld\n\n{headline}\n\n{LEDE}\n\n{SECOND}\n"
    article = extract_text_dump(dump)
    assert article.title == "Border crossing to reopen after talks"
    assert article.paragraphs == [LEDE, SECOND]
    assert article.source == "Example Herald"  # no agency credited: the outlet the page names


def test_unspaced_script_paragraphs_are_measured_in_characters() -> None:
    first = "東京では月曜日、新しい鉄道路線の開通式が行われ、多くの市民が朝早くから駅に集まった。"
    second = "市の担当者によると、この路線によって郊外から中心部までの移動時間は約二十分短くなるという。"
    dump = "\n".join(["ホーム", "ニュース", "スポーツ", "", first, second, "", "シェア", "ランキング"])
    assert extract_text_dump(dump).paragraphs == [first, second]


def test_saved_page_source_is_read_as_text() -> None:
    page = (
        "<html><head><title>Border crossing to reopen</title><script>var menu = {open: true};</script></head>"
        "<body><nav><a href='/'>Home</a> | <a href='/world'>World</a></nav>"
        f"<p>{LEDE}</p><p>{SECOND}</p><p>{THIRD}</p>" + "<div class='ad'><a href='/x'>Advertisement</a></div>" * 10
    ) + "</body></html>"
    assert extract_text_dump(page).paragraphs == [LEDE, SECOND, THIRD]


def test_time_grows_with_the_page_not_faster() -> None:
    menu = "\n".join(f"Section {number}" for number in range(20000))
    started = time.perf_counter()
    article = extract_text_dump(f"{menu}\n\n{LEDE}\n\n{SECOND}\n\n{menu}")
    assert article.paragraphs == [LEDE, SECOND]
    assert time.perf_counter() - started < 5.0  # a few hundred milliseconds when written


def test_same_dump_same_article() -> None:
    assert extract_text_dump(PIPE_HEADER_DUMP).to_dict() == extract_text_dump(PIPE_HEADER_DUMP).to_dict()


@pytest.mark.parametrize(
    ("line", "caption", "credit"),
    [
        ("Crowds gather outside the court. / Photo: Reuters", "Crowds gather outside the court.", "Reuters"),
        ("Crowds gather outside the court. (Photo: AFP)", "Crowds gather outside the court.", "AFP"),
        ("Crowds gather outside the court. Photo: AP / Jane Roe", "Crowds gather outside the court.", "AP / Jane Roe"),
        ("Crowds gather outside the court. Credit: Getty Images", "Crowds gather outside the court.", "Getty Images"),
        (
            "Crowds gather outside the court. (AP Photo/John Doe)",
            "Crowds gather outside the court.",
            "AP Photo/John Doe",
        ),
        ("Jane Roe | AFP | Getty Images", "", "Jane Roe | AFP | Getty Images"),
        ("Image Credit: Example Corp", "", "Example Corp"),
    ],
)
def test_photo_credits(line: str, caption: str, credit: str) -> None:
    found = split_credit(line)
    assert found is not None and (found.caption, found.credit) == (caption, credit)


def test_a_sentence_is_not_a_credit() -> None:
    assert split_credit("The ministers posed for a photo before the talks began on Tuesday.") is None


@pytest.mark.parametrize(
    ("line", "minutes"),
    [
        ("3 MIN READ", 3),
        ("Reading time: 5 minutes", 5),
        ("18 Sep 2024 · 5 min read", 5),
        ("4-minute read", 4),
        ("Read time 7 mins", 7),
    ],
)
def test_reading_time_lines(line: str, minutes: int) -> None:
    assert reading_minutes(line) == minutes


def test_minutes_in_a_sentence_are_not_a_reading_time() -> None:
    assert (
        reading_minutes("The vote was delayed by 45 minutes after a power cut in the chamber on Monday evening.")
        is None
    )


@pytest.mark.parametrize(
    ("line", "iso", "rest"),
    [
        (" date 2024-08-19 WORLD", "2024-08-19", "WORLD"),
        ("Politics · 10 May 2024", "2024-05-10", "Politics"),
        ("Middle East | 27 November 2024", "2024-11-27", "Middle East"),
        ("Posted January 1, 2008 16:10:00", "2008-01-01T16:10:00", ""),
    ],
)
def test_date_lines(line: str, iso: str, rest: str) -> None:
    found = date_line(line)
    assert found is not None and (found.iso, found.rest) == (iso, rest)


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Maria Lopez", ["Maria Lopez"]),
        ("By Maria Lopez and Tom Keller", ["Maria Lopez", "Tom Keller"]),
        ("BY JANE ROE, Staff Writer", ["JANE ROE"]),
        ("by Ana de la Cruz | 3 May 2024", ["Ana de la Cruz"]),
        ("By the end of the week the road was open again.", None),
    ],
)
def test_bylines(line: str, names: list[str] | None) -> None:
    assert byline_names(line) == names


# --- the founding example and the development sets (../shared) ------------------------------


@needs_shared
def test_founding_example() -> None:
    assert SHARED is not None
    seed = SHARED / "seed" / "000_312903a8e4629411.txt"
    article = extract_text_dump(seed.read_text(encoding="utf-8"), origin=str(seed))
    assert article.title == "Putin offers to mediate between Azerbaijan and Armenia for peace deal"
    assert (article.published, article.section, article.source) == ("2024-08-19", "WORLD", "AFP")
    assert (article.image_credit, article.reading_minutes) == ("Reuters", 3)
    assert article.deck is not None and article.deck.startswith('"If we can do something to sign a peace agreement')
    assert article.caption is not None and article.caption.startswith("Russia's President Vladimir Putin and")
    assert "Photo" not in article.caption and "Reuters" not in article.caption
    assert article.text.startswith("Russian President Vladimir Putin has said")
    lines = article.text.splitlines()
    assert not any(line.startswith(("Related", "Recommended", "SOURCE:")) for line in lines)
    assert "Armenia's 'provocative actions' signal war preparation: Azerbaijan" in article.related_headlines
    seed_lines = seed.read_text(encoding="utf-8").splitlines()
    explore = [line.strip() for line in seed_lines[seed_lines.index("Explore") + 1 :] if line.strip()]
    headlines = [line for line in explore if not line.startswith("By ")]
    assert headlines and all(headline in article.related_headlines for headline in headlines)
    assert not any(headline in article.text for headline in headlines)
    assert not any(name.startswith("By ") for name in article.related_headlines)


DEV_SETS = ("scrapinghub", "fundus-news", "l3s-gn1")
F1_FLOOR = 0.85  # measured 0.90 / 0.96 / 0.95 when written; the whole page scores about 0.68
MARGIN_OVER_WHOLE_PAGE = 0.15
MS_PER_PAGE_CEILING = 50.0  # measured under 10 ms; generous for slow CI machines


@needs_shared
@pytest.mark.parametrize("name", DEV_SETS)
def test_development_set_far_above_the_whole_page(name: str) -> None:
    assert SHARED is not None
    path: Path = SHARED / "eval" / "extraction" / "textdump" / f"{name}.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    predicted, seconds = [], 0.0
    for row in rows:
        started = time.perf_counter()
        try:
            predicted.append(extract_text_dump(row["dump"]).text)
        except NoArticleText:
            predicted.append("")
        seconds += time.perf_counter() - started
    ours = aggregate(match(row["body"], text) for row, text in zip(rows, predicted, strict=True))
    whole_page = aggregate(match(row["body"], row["dump"]) for row in rows)
    assert ours.f1 >= F1_FLOOR
    assert ours.f1 >= whole_page.f1 + MARGIN_OVER_WHOLE_PAGE
    assert 1000 * seconds / len(rows) <= MS_PER_PAGE_CEILING
