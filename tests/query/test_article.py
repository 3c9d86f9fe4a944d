"""get_article: one nested row with the article's codings; ids by prefix; coded errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.errors import AmbiguousArticle, UnknownArticle
from eventwire.query import get_article, open_reader
from tests.query.stores import A1, A2, C1


def test_an_article_with_everything_coded_from_it(coded_db: Path) -> None:
    with open_reader(coded_db) as connection:
        ((article_id, events, quotes, places),) = connection.sql(
            "SELECT id, (SELECT count(*) FROM events WHERE article_id = a.id), "
            "(SELECT count(*) FROM quotes WHERE article_id = a.id), (SELECT count(*) FROM places WHERE article_id = a.id) "
            "FROM articles a WHERE title LIKE 'Russia accuses%'"
        ).fetchall()
        result = get_article(connection, article_id[:6])
    (record,) = result.records()
    assert record["id"] == article_id and record["title"].startswith("Russia accuses Armenia")
    assert (len(record["events"]), len(record["quotes"]), len(record["places"])) == (events, quotes, places)
    assert events and quotes and places and record["actors"]
    assert [event["seq"] for event in record["events"]] == list(range(events))  # in the article's order
    first = record["events"][0]
    assert (first["source_code"], first["code"], first["target_code"], first["num_articles"]) == ("RUS", "112", "ARM", 1)
    assert "article_id" not in first
    assert any(quote["text"] == "We have nothing to hide" for quote in record["quotes"])
    assert any(place["name"] == "Yerevan" for place in record["places"])


def test_parts_of_an_article_without_codings_are_empty_lists(precise_db: Path) -> None:
    with open_reader(precise_db) as connection:
        (record,) = get_article(connection, A1).records()
        (uncoded,) = get_article(connection, C1).records()
    assert (record["actors"], record["quotes"], record["places"]) == ([], [], [])
    assert [event["id"] for event in record["events"]] == [f"{A1}-{seq}" for seq in range(4)]
    assert uncoded["id"] == C1 and uncoded["events"] == []


def test_unknown_and_ambiguous_ids(precise_db: Path) -> None:
    with open_reader(precise_db) as connection:
        with pytest.raises(UnknownArticle) as unknown:
            get_article(connection, "ffff")
        with pytest.raises(AmbiguousArticle) as ambiguous:
            get_article(connection, "a")
        with pytest.raises(UnknownArticle):
            get_article(connection, "")
        with pytest.raises(UnknownArticle):
            get_article(connection, "a' OR '1'='1")
    assert unknown.value.code == "E602"
    assert ambiguous.value.code == "E603" and A1 in str(ambiguous.value) and A2 in str(ambiguous.value)
