"""Corrected articles and what the writer refuses to open: reruns never flip stored versions."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from eventwire.article import Article
from eventwire.errors import NotAStore, Problem, StoreOutdated
from eventwire.pipeline import ArticleResult
from eventwire.store import SCHEMA_VERSION, open_store

URL = "https://news.example/story"


def _version(text: str, published: str | None, problem: str | None = None) -> ArticleResult:
    problems = [Problem(code="W201", message=problem, origin=URL, severity="warning")] if problem else []
    return ArticleResult(origin=URL, article=Article(text=text, url=URL, published=published), problems=problems)


def _ids(store_path: Path) -> set[str]:
    with open_store(store_path) as store:
        return {row[0] for row in store.connection.execute("SELECT id FROM articles").fetchall()}


@pytest.mark.parametrize("published", [("2024-03-01", "2024-03-02"), (None, None)])
def test_rerunning_a_crawl_with_two_versions_of_a_url_changes_nothing(
    tmp_path: Path, published: tuple[str | None, str | None]
) -> None:
    path = tmp_path / "s.duckdb"
    first, second = _version("The first text of the story.", published[0]), _version("The corrected text.", published[1])
    runs = []
    for _ in range(3):
        with open_store(path) as store:
            store.save([first, second])
        runs.append(_ids(path))
    assert runs[0] == runs[1] == runs[2] == {second.article.id}  # type: ignore[union-attr]


def test_a_version_replaced_in_its_own_batch_leaves_no_coding_rows(tmp_path: Path) -> None:
    """Coding rows are inserted at the end of a batch: those of a version that a later one
    of the same batch replaced must not be among them."""
    first, second = _version("The first text.", "2024-03-01"), _version("The corrected text.", "2024-03-02")
    first.actors = [{"name": "Kenya", "code": "KEN"}, {"name": "Ethiopia", "code": "ETH"}]
    second.actors = [{"name": "Kenya", "code": "KEN"}]
    with open_store(tmp_path / "s.duckdb") as store:
        counts = store.save([first, second])
        rows = store.connection.execute("SELECT article_id, code FROM article_actors").fetchall()
    assert (counts.articles_new, counts.articles_replaced) == (2, 1)
    assert rows == [(second.article.id, "KEN")]  # type: ignore[union-attr]


def test_an_older_version_read_after_the_newer_one_is_not_stored(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    older, newer = _version("The first text.", "2024-03-01"), _version("The corrected text.", "2024-03-02")
    with open_store(path) as store:
        store.save([newer])
        counts = store.save([older])
        assert counts.articles_new == 0 and store.count("superseded_versions") == 1
    assert _ids(path) == {newer.article.id}  # type: ignore[union-attr]


def test_a_replaced_version_takes_its_problems_with_it(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.duckdb") as store:
        store.save([_version("The first text.", "2024-03-01", problem="odd characters")])
        store.save([_version("The corrected text.", "2024-03-02", problem="a different oddity")])
        ids = {row[0] for row in store.connection.execute("SELECT article_id FROM ingest_errors").fetchall()}
        stored = {row[0] for row in store.connection.execute("SELECT id FROM articles").fetchall()}
        assert ids == stored


def test_a_rerun_does_not_bring_back_a_replaced_version_s_problems(tmp_path: Path) -> None:
    """Rereading a crawl that holds both versions: the older one is known as superseded, and
    its problems stay gone (they went with it when it was replaced)."""
    first = _version("The first text.", "2024-03-01", problem="odd characters")
    second = _version("The corrected text.", "2024-03-02", problem="a different oddity")
    runs = []
    for _ in range(2):
        with open_store(tmp_path / "s.duckdb") as store:
            store.save([first, second])
            runs.append(store.connection.execute("SELECT article_id, message FROM ingest_errors ORDER BY ALL").fetchall())
    assert runs[0] == runs[1] == [(second.article.id, "a different oddity")]  # type: ignore[union-attr]


def test_a_failed_batch_brings_a_replaced_version_back(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    older = _version("The first text.", "2024-03-01")
    with open_store(path) as store:
        store.save([older])
        broken = ArticleResult(origin="x", article=Article(text="Another story.", url=None))
        broken.events = [{"missing": "every key an event has"}]
        with pytest.raises(KeyError):
            store.save([_version("The corrected text.", "2024-03-02"), broken])
        assert store.count("superseded_versions") == 0
    assert _ids(path) == {older.article.id}  # type: ignore[union-attr]


def test_a_store_from_a_newer_eventwire_is_not_written(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    with open_store(path) as store:
        store.connection.execute("INSERT INTO schema_info (version) VALUES (?)", [SCHEMA_VERSION + 1])
    with pytest.raises(StoreOutdated):
        open_store(path)


def test_another_duckdb_file_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "other.duckdb"
    with duckdb.connect(str(path)) as connection:
        connection.execute("CREATE TABLE prices (day DATE, value DOUBLE)")
    with pytest.raises(NotAStore):
        open_store(path)
    with duckdb.connect(str(path), read_only=True) as connection:
        tables = {row[0] for row in connection.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert tables == {"prices"}
