"""A real store to export: the articles of tests/export/articles ingested once per test session.

The articles are ours, written to hold what the exports must handle: a US city (GDELT's
US geo types and ADM1), a month-only date, an act reported twice in one article (counts
and --unique), and statements and appeals (CAMEO 01 and 02, which PLOVER has no type for).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.store.ingest import ingest

ARTICLES = Path(__file__).parent / "articles"


@pytest.fixture(scope="session")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("export") / "store.duckdb"
    report = ingest([str(ARTICLES)], path)
    assert (report.inputs, report.failed) == (3, 0)
    return path
