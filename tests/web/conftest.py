"""One store per module, ingested by the real pipeline from short articles of our own, and
a TestClient of the API over it. Tests only read the store."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from eventwire.web import create_app
from tests.query.stores import ARTICLES as STORED_ARTICLES
from tests.query.stores import write_coded_store

ARTICLES = {
    **{name: STORED_ARTICLES[name] for name in ("sabotage.txt", "talks.txt")},
    # JSONL, because the text-dump extractor drops a paragraph with markup in it as boilerplate.
    "script.jsonl": json.dumps({
        "url": "https://kyiv.example/2024/05/20/drones", "title": "Ukraine says Russian drones hit Kharkiv",
        "published": "2024-05-20",
        "text": "KYIV — Russian drones struck Kharkiv overnight, Ukrainian officials said on Monday. Ukraine condemned "
        "the attack.\n\nHackers also defaced the city council website, leaving the text <script>alert(1)</script> "
        "on its front page, officials said.",
    }) + "\n",
}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_coded_store(tmp_path_factory.mktemp("web"), ARTICLES)


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db), raise_server_exceptions=False) as test_client:
        yield test_client
