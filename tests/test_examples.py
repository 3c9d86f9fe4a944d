"""Golden-file contract: the bundled examples extract to what examples/MANIFEST.jsonl says.

The manifest was written with the articles, by hand, before the extractors saw them: each
field is compared on its own so a failure names the article and the field.
"""

from __future__ import annotations

import html
import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from eventwire.article import Article
from eventwire.pipeline import ArticleResult, process

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
MANIFEST = [json.loads(line) for line in (EXAMPLES / "MANIFEST.jsonl").read_text(encoding="utf-8").splitlines() if line]
FIELDS = ("title", "published", "section", "source", "authors", "image_credit", "reading_minutes")


def _key(entry: dict[str, Any]) -> str:
    return f"{entry['file']}:{entry['line']}" if entry.get("line") else entry["file"]


@cache
def _results() -> dict[str, ArticleResult]:
    found: dict[str, ArticleResult] = {}
    for result in process([str(EXAMPLES / "articles")]):
        assert result.article is not None, result.problems
        assert not result.failed, result.problems
        found[result.origin.rsplit("/", 1)[-1]] = result
    return found


def _articles() -> dict[str, Article]:
    return {key: result.article for key, result in _results().items() if result.article is not None}


def _words(text: str) -> list[str]:
    return html.unescape(text).split()


def test_every_example_is_an_english_article_with_no_error() -> None:
    assert sorted(_articles()) == sorted(_key(entry) for entry in MANIFEST)
    assert {article.language for article in _articles().values()} == {"en"}


@pytest.mark.parametrize("entry", MANIFEST, ids=_key)
@pytest.mark.parametrize("field", FIELDS)
def test_metadata(entry: dict[str, Any], field: str) -> None:
    article = _articles()[_key(entry)]
    assert getattr(article, field) == entry[field]


@pytest.mark.parametrize("entry", MANIFEST, ids=_key)
def test_body_starts_and_ends_where_the_article_does(entry: dict[str, Any]) -> None:
    words = _articles()[_key(entry)].text.split()
    assert words[:8] == _words(entry["first_words"])
    assert words[-8:] == _words(entry["last_words"])


@pytest.mark.parametrize("entry", MANIFEST, ids=_key)
def test_no_furniture_in_the_body(entry: dict[str, Any]) -> None:
    text = _articles()[_key(entry)].text
    assert [item for item in entry["furniture"] if html.unescape(item) in text] == []


@pytest.mark.parametrize("entry", MANIFEST, ids=_key)
def test_related_headlines(entry: dict[str, Any]) -> None:
    assert _articles()[_key(entry)].related_headlines == [html.unescape(h) for h in entry["related_headlines"]]


# Events: each manifest entry's `events` are the acts an analyst codes from the article (title
# included), matched by source country, target country (None for null) and CAMEO root; an
# international body, whose actor has no country, matches by its code's first part (IGO, NGO,
# IMG). An event marked `known_miss` is one the engine does not produce yet: xfail with the reason.
GROUP_CODES = ("IGO", "NGO", "IMG")
EXPECTED_EVENTS = [
    pytest.param(
        entry,
        expected,
        id=f"{_key(entry)}:{expected['source']}>{expected['target']}:{expected['root']}",
        marks=[pytest.mark.xfail(reason=expected["known_miss"], strict=False)] if expected.get("known_miss") else [],
    )
    for entry in MANIFEST
    for expected in entry["events"]
]


def _country(actor: dict[str, Any] | None) -> str | None:
    if actor is None:
        return None
    code = actor.get("code") or ""
    return actor["country"] or (code[:3] if code[:3] in GROUP_CODES else None)


def _dyads(entry: dict[str, Any]) -> list[tuple[str | None, str | None, str]]:
    events = _results()[_key(entry)].events
    return [(_country(event["source"]), _country(event["target"]), event["code"]) for event in events]


@pytest.mark.parametrize("entry", MANIFEST, ids=_key)
def test_expected_events_are_well_formed_and_quote_the_article(entry: dict[str, Any]) -> None:
    article = _articles()[_key(entry)]
    assert len(entry["events"]) <= 4
    for expected in entry["events"]:
        assert expected["root"] in {f"{root:02d}" for root in range(1, 21)}
        assert expected["why"] in f"{article.title}\n{article.text}", expected["why"]
    assert all(len(pair) == 2 for pair in entry["no_events_between"])


@pytest.mark.parametrize(("entry", "expected"), EXPECTED_EVENTS)
def test_expected_event_is_coded(entry: dict[str, Any], expected: dict[str, Any]) -> None:
    wanted = (expected["source"], expected["target"], expected["root"])
    dyads = _dyads(entry)
    assert wanted in {(source, target, code[:2]) for source, target, code in dyads}, dyads


def _involves(dyad: tuple[str | None, str | None, str], pair: list[str]) -> bool:
    """[A, B]: an event between A and B, either way; [A, A]: any event with A as source or target."""
    source, target, _code = dyad
    first, second = pair
    return first in (source, target) if first == second else {source, target} == {first, second}


@pytest.mark.parametrize("entry", MANIFEST, ids=_key)
def test_no_event_from_page_furniture(entry: dict[str, Any]) -> None:
    dyads = _dyads(entry)
    pairs = entry["no_events_between"]
    assert [(pair, dyad) for pair in pairs for dyad in dyads if _involves(dyad, pair)] == []
