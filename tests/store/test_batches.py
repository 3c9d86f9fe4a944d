"""A batch is stored as if its articles came one at a time.

The writer reads what it needs of the store once per batch and keeps it in step in memory
(``_BatchView``); the store answers each question afresh when every batch holds one article.
So any sequence of articles (repeats, corrections of a URL in either order, undated
versions, problems) split into batches of any sizes must leave the same rows as the same
sequence one article per batch. Examples are derandomised, as in the reliability properties.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.article import Article
from eventwire.errors import Problem
from eventwire.pipeline import ArticleResult
from eventwire.store import open_store
from eventwire.store.writer import TABLES

TEXTS = (
    "Kenya and Ethiopia signed a trade agreement in Nairobi on Monday after two days of talks.",
    "Kenya and Ethiopia signed a trade agreement in Nairobi on Monday after three days of talks.",
    "Protesters marched through the capital on Friday demanding the release of detained journalists.",
    "The finance ministry said inflation fell for the fourth month in a row, to 6.1 percent.",
    "Rescue teams searched for survivors after floods swept through villages in the north.",
)
URLS = ("https://news.example/a", "https://news.example/b", None)
DATES = ("2024-03-01", "2024-03-02", "2024-03-05", None)


def _result(text: int, url: int, date: int, problem: bool) -> ArticleResult:
    origin = URLS[url] or f"file-{text}.txt"
    article = Article(text=TEXTS[text], url=URLS[url], published=DATES[date])
    result = ArticleResult(origin=origin, article=article)
    result.actors = [{"name": "Kenya", "code": "KEN"}, {"name": f"party {text}", "code": None}]
    if problem:
        result.problems = [Problem(code="W201", message=f"odd characters in text {text}", origin=origin, severity="warning")]
    return result


ARTICLES = st.lists(
    st.builds(_result, st.integers(0, len(TEXTS) - 1), st.integers(0, len(URLS) - 1), st.integers(0, len(DATES) - 1), st.booleans()),
    min_size=1,
    max_size=12,
)


def _stored(results: list[ArticleResult], cuts: list[int]) -> dict[str, list[tuple[object, ...]]]:
    """Every table's rows (without timestamps, sorted) after saving ``results`` in batches
    that end at ``cuts``."""
    bounds = [0, *sorted({cut for cut in cuts if 0 < cut < len(results)}), len(results)]
    with tempfile.TemporaryDirectory() as folder, open_store(Path(folder) / "s.duckdb") as store:
        for start, end in zip(bounds, bounds[1:], strict=False):
            store.save(results[start:end])
        tables = {}
        for table in sorted(TABLES):  # the time a row was written differs between the runs
            columns = store.connection.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ? AND data_type <> 'TIMESTAMP'", [table]
            ).fetchall()
            names = ", ".join(f'"{column}"' for (column,) in columns)
            tables[table] = sorted(store.connection.execute(f"SELECT {names} FROM {table}").fetchall(), key=repr)
        return tables


@settings(derandomize=True, deadline=None, database=None, max_examples=60)
@given(ARTICLES, st.lists(st.integers(0, 12), max_size=4))
def test_any_batches_store_what_one_article_at_a_time_stores(results: list[ArticleResult], cuts: list[int]) -> None:
    one_at_a_time = _stored(results, list(range(len(results))))
    assert _stored(results, cuts) == one_at_a_time
