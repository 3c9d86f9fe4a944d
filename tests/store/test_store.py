"""The DuckDB store: schema versioning, idempotent batches, whole transactions, lock errors."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from eventwire.article import Article
from eventwire.errors import Problem, StoreLocked
from eventwire.pipeline import ArticleResult
from eventwire.store import SCHEMA_VERSION, open_store
from eventwire.store.schema import current_version
from tests.lockholder import lock_held


def _result(text: str) -> ArticleResult:
    return ArticleResult(origin="t", article=Article(text=text, title="T", origin="t", format="text"))


def test_schema_is_created_and_versioned(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.duckdb") as store:
        assert current_version(store.connection) == SCHEMA_VERSION
    with open_store(tmp_path / "s.duckdb") as store:  # reopening migrates nothing twice
        rows = store.connection.execute("SELECT count(*) FROM schema_info").fetchone()
        assert rows == (SCHEMA_VERSION,)


def test_saving_the_same_article_twice_changes_nothing(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.duckdb") as store:
        first = store.save([_result("Ministers met."), _result("Troops withdrew.")])
        again = store.save([_result("Ministers  met.")])  # same normalised text
        assert (first.articles_new, again.articles_new, again.articles_known) == (2, 0, 1)
        assert store.count("articles") == 2


def test_a_failed_batch_leaves_nothing_behind(tmp_path: Path) -> None:
    class Boom(Exception):
        pass

    def results() -> object:
        yield _result("First article of the batch.")
        raise Boom

    with open_store(tmp_path / "s.duckdb") as store:
        with pytest.raises(Boom):
            store.save(results())  # type: ignore[arg-type]
        assert store.count("articles") == 0


def test_problems_are_recorded_once(tmp_path: Path) -> None:
    failed = ArticleResult(origin="x.pdf", problems=[Problem("E101", "not an article: binary content", "x.pdf")])
    with open_store(tmp_path / "s.duckdb") as store:
        store.save([failed])
        store.save([failed])
        assert store.count("ingest_errors") == 1


def test_a_store_held_by_another_writer_is_a_coded_error(tmp_path: Path) -> None:
    path = str(tmp_path / "s.duckdb")
    open_store(path).close()
    with lock_held(path):
        with pytest.raises(StoreLocked) as caught:
            open_store(path)
        assert caught.value.code == "E501"


def test_every_coding_is_stored_and_a_corrected_article_replaces_the_old(tmp_path: Path) -> None:
    """Rows for each table; the same URL with a new text replaces the article and its rows."""
    from eventwire.article import Article
    from eventwire.pipeline import ArticleResult, code_article
    from eventwire.nlp import load_nlp
    from eventwire.store import open_store

    def coded(text: str) -> ArticleResult:
        result = ArticleResult(origin="test", article=Article(text=text, url="https://news.example/a1", published="2024-03-02"))
        code_article(result, load_nlp()(text))
        return result

    first = coded('Russia accused Armenia of sabotage in Yerevan. "We will respond," the Armenian foreign minister said.')
    corrected = coded("Russia accused Armenia of sabotage in Gyumri on Friday.")
    with open_store(tmp_path / "s.duckdb") as store:
        store.save([first])
        tables = ("articles", "article_actors", "events", "quotes", "places")
        before = {table: store.count(table) for table in tables}
        assert all(before.values()), before
        assert store.save([first]).articles_known == 1
        assert {table: store.count(table) for table in tables} == before
        counts = store.save([corrected])
        assert (counts.articles_new, counts.articles_replaced) == (1, 1)
        assert corrected.article is not None
        for table in ("article_actors", "events", "quotes", "places"):
            ids = {row[0] for row in store.connection.execute(f"SELECT DISTINCT article_id FROM {table}").fetchall()}
            assert ids <= {corrected.article.id}, table
        assert store.count("articles") == 1
        (place,) = store.connection.execute("SELECT location_name FROM events WHERE code LIKE '11%'").fetchone()
        assert place == "Gyumri"


def test_a_rerun_parses_nothing_it_stored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Resuming skips the parse of stored articles; the progress hook still sees every input."""
    import eventwire.pipeline
    from eventwire.store.ingest import ingest

    inputs = tmp_path / "in.jsonl"
    inputs.write_text('{"text": "Kenya and Ethiopia held talks in Nairobi."}\n{"text": "Troops withdrew."}\n')
    db = tmp_path / "s.duckdb"
    assert ingest([str(inputs)], db).articles_new == 2

    def no_parse() -> None:
        raise AssertionError("a stored article was parsed again")

    seen: list[ArticleResult] = []
    monkeypatch.setattr(eventwire.pipeline, "load_nlp", no_parse)
    report = ingest([str(inputs)], db, on_result=seen.append, keep_results=True)
    assert (report.articles_new, report.articles_known, len(seen), report.results) == (0, 2, 2, [])


def test_an_uncoded_article_is_never_inserted(tmp_path: Path) -> None:
    """A stored article left uncoded does not come back (without codings) after a correction
    in the same batch deleted it."""
    first = ArticleResult(origin="t", article=Article(text="Ministers met in Addis Ababa.", url="https://x.example/a"))
    corrected = ArticleResult(origin="t", article=Article(text="Ministers met in Nairobi.", url="https://x.example/a"))
    assert first.article is not None and corrected.article is not None
    with open_store(tmp_path / "s.duckdb") as store:
        store.save([first])
        counts = store.save([corrected, first], uncoded={first.article.id})
        assert (counts.articles_new, counts.articles_replaced, counts.articles_known) == (1, 1, 1)
        ids = {row[0] for row in store.connection.execute("SELECT id FROM articles").fetchall()}
        assert ids == {corrected.article.id}
