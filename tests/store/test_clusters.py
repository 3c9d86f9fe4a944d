"""Story clusters: rewrites of one story share a cluster, its events are counted once, and
the index follows corrections, failed batches and reopened stores."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.article import Article
from eventwire.pipeline import ArticleResult
from eventwire.store import open_store, related_articles
from eventwire.store.clusters import STORY_DAYS
from eventwire.store.ingest import ingest
from tests.store.stories import MOYALE, POWER_DEAL

COUNTED = ("articles", "article_actors", "events", "quotes", "places", "article_clusters", "article_signatures")


def _result(record: dict[str, str], **changes: str | None) -> ArticleResult:
    fields = {key: record[key] for key in ("url", "title", "published", "text")} | changes
    return ArticleResult(origin="test", article=Article(origin="test", format="text", **fields))  # type: ignore[arg-type]


def _cluster(store: object, url: str) -> str:
    row = store.connection.execute(  # type: ignore[attr-defined]
        "SELECT c.cluster_id FROM article_clusters c JOIN articles a ON a.id = c.article_id WHERE a.url = ?", [url]
    ).fetchone()
    assert row is not None, url
    return str(row[0])


@pytest.mark.slow
def test_three_rewrites_are_one_story_counted_once(tmp_path: Path) -> None:
    """The issue's acceptance: one cluster, num_articles 3 and num_sources 3, one unique event
    per act; a different story on the same dyad stays apart but is related; a second ingest
    changes no count."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "1_moyale.jsonl").write_text("".join(json.dumps(record) + "\n" for record in MOYALE))
    (inputs / "2_power.jsonl").write_text(json.dumps(POWER_DEAL) + "\n")
    db = tmp_path / "store.duckdb"
    report = ingest([str(inputs)], db)
    assert (report.articles_new, report.failed) == (4, 0)

    with open_store(db) as store:
        clusters = {_cluster(store, record["url"]) for record in MOYALE}
        assert len(clusters) == 1
        (story,) = clusters
        assert _cluster(store, POWER_DEAL["url"]) != story

        acts = store.connection.execute(
            "SELECT source_code, target_code, code, date, min(num_articles), max(num_articles), "
            "min(num_sources), count(DISTINCT article_id) FROM event_reports WHERE cluster_id = ? "
            "GROUP BY ALL HAVING count(DISTINCT article_id) = 3",
            [story],
        ).fetchall()
        dyad_codes = {(source, target, code) for source, target, code, *_ in acts}
        assert {("KEN", "ETH", "161"), ("KEN", "ETH", "112")} <= dyad_codes  # the recall and the accusation
        assert all(row[4:7] == (3, 3, 3) for row in acts), acts
        for source, target, code, day, *_ in acts:
            (unique,) = store.connection.execute(
                "SELECT count(*) FROM unique_events WHERE cluster_id = ? AND source_code = ? "
                "AND target_code IS NOT DISTINCT FROM ? AND code = ? AND date = ?",
                [story, source, target, code, day],
            ).fetchone()
            assert unique == 1

        first = store.connection.execute("SELECT id FROM articles WHERE url = ?", [MOYALE[0]["url"]]).fetchone()
        related = related_articles(store.connection, first[0])
        assert [item.reason for item in related] == ["same story", "same story", "shared dyad"]
        assert related[2].url == POWER_DEAL["url"]
        before = {table: store.count(table) for table in COUNTED}

    again = ingest([str(inputs)], db)
    assert (again.articles_new, again.articles_known) == (0, 4)
    with open_store(db) as store:
        assert {table: store.count(table) for table in COUNTED} == before


def test_a_story_published_again_after_the_window_is_another_story(tmp_path: Path) -> None:
    late = _result(MOYALE[1], published=f"2024-06-{11 + STORY_DAYS + 1}")
    undated = _result(MOYALE[2], published=None)
    with open_store(tmp_path / "s.duckdb") as store:
        counts = store.save([_result(MOYALE[0]), late, undated])
        assert counts.articles_clustered == 1
        assert _cluster(store, MOYALE[1]["url"]) != _cluster(store, MOYALE[0]["url"])
        assert _cluster(store, MOYALE[2]["url"]) == _cluster(store, MOYALE[0]["url"])


def test_a_reopened_store_clusters_against_what_it_holds(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.duckdb") as store:
        store.save([_result(MOYALE[0])])
    with open_store(tmp_path / "s.duckdb") as store:
        assert store.save([_result(MOYALE[1])]).articles_clustered == 1
        assert _cluster(store, MOYALE[1]["url"]) == _cluster(store, MOYALE[0]["url"])


def test_a_corrected_article_leaves_the_index(tmp_path: Path) -> None:
    original = _result(MOYALE[0])
    corrected = _result(POWER_DEAL, url=MOYALE[0]["url"], published=MOYALE[0]["published"])
    assert original.article is not None and corrected.article is not None
    with open_store(tmp_path / "s.duckdb") as store:
        store.save([original])
        assert original.article.id in store.clusters.index
        counts = store.save([corrected])
        assert counts.articles_replaced == 1
        assert original.article.id not in store.clusters.index
        assert store.count("article_signatures") == store.count("article_clusters") == 1
        # a rewrite of the withdrawn text no longer finds it
        assert store.save([_result(MOYALE[1])]).articles_clustered == 0


def test_a_failed_batch_leaves_no_article_in_the_index(tmp_path: Path) -> None:
    class Boom(Exception):
        pass

    def results() -> object:
        yield _result(MOYALE[0])
        raise Boom

    with open_store(tmp_path / "s.duckdb") as store:
        with pytest.raises(Boom):
            store.save(results())  # type: ignore[arg-type]
        assert store.save([_result(MOYALE[1])]).articles_clustered == 0
        assert len(store.clusters.index) == 1
