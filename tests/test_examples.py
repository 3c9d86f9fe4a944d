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
from eventwire.pipeline import process

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
MANIFEST = [json.loads(line) for line in (EXAMPLES / "MANIFEST.jsonl").read_text(encoding="utf-8").splitlines() if line]
FIELDS = ("title", "published", "section", "source", "authors", "image_credit", "reading_minutes")


def _key(entry: dict[str, Any]) -> str:
    return f"{entry['file']}:{entry['line']}" if entry.get("line") else entry["file"]


@cache
def _articles() -> dict[str, Article]:
    found: dict[str, Article] = {}
    for result in process([str(EXAMPLES / "articles")]):
        assert result.article is not None, result.problems
        assert not result.failed, result.problems
        found[result.origin.rsplit("/", 1)[-1]] = result.article
    return found


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
