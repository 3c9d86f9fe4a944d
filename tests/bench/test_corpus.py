"""The generated corpus: the same bytes for a seed, one file per article, read back by the
ingest stage as the articles generated, and copies that cluster where originals do not."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from eventwire.article import article_id
from eventwire.bench.corpus import distinct_bodies, generate, main
from eventwire.bench.formats import WRITERS
from eventwire.ingest import read_documents
from eventwire.pipeline import extract_document
from eventwire.store.clusters import SAME_STORY, signature
from eventwire.store.ingest import ingest
from eventwire.store.rows import outlet


def _tree(directory: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(directory.iterdir())}


def test_a_seed_gives_the_same_bytes_and_another_seed_others(tmp_path: Path) -> None:
    main(["12", str(tmp_path / "a"), "--seed", "5", "--format", "gz"])
    main(["12", str(tmp_path / "b"), "--seed", "5", "--format", "gz"])
    main(["12", str(tmp_path / "c"), "--seed", "6", "--format", "gz"])
    assert _tree(tmp_path / "a") == _tree(tmp_path / "b")
    assert _tree(tmp_path / "a") != _tree(tmp_path / "c")


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_each_format_reads_back_as_the_generated_articles(tmp_path: Path, fmt: str) -> None:
    articles = list(generate(15, seed=2))
    files = WRITERS[fmt](articles, tmp_path)
    assert files == len(list(tmp_path.iterdir())) == (1 if fmt == "jsonl" else 15)
    results = [extract_document(document) for document in read_documents([str(tmp_path)])]
    assert [result.problems for result in results] == [[]] * 15
    read = [result.article for result in results if result.article is not None]
    assert [article.id for article in read] == [article_id(article.text) for article in articles]
    assert all(300 <= len(article.text.split()) <= 650 for article in articles)
    if fmt != "txt":  # a text dump carries no URL
        assert [outlet(article) for article in read] == [article.url.split("/")[2] for article in articles]
        assert [article.published[:10] for article in read if article.published] == [
            article.published.isoformat() for article in articles
        ]


def test_copies_tell_their_story_and_originals_their_own() -> None:
    articles = list(generate(300, seed=4))
    signatures = {article.number: signature(article.text) for article in articles}
    copies = [article for article in articles if article.copy_of is not None]
    assert 20 <= len(copies) <= 60  # about one in eight
    assert any(copy.exact for copy in copies) and not all(copy.exact for copy in copies)
    assert all(signatures[copy.number].jaccard(signatures[copy.copy_of]) >= SAME_STORY for copy in copies)
    originals = [article.number for article in articles if article.copy_of is None][:150]
    closest = max(signatures[a].jaccard(signatures[b]) for a, b in itertools.combinations(originals, 2))
    assert closest < SAME_STORY - 0.15
    assert distinct_bodies(articles) == len(articles) - sum(copy.exact for copy in copies)


def test_the_corpus_ingests_with_one_article_per_distinct_body(tmp_path: Path) -> None:
    articles = list(generate(8, seed=9))
    WRITERS["jsonl"](articles, tmp_path / "in")
    report = ingest([str(tmp_path / "in")], tmp_path / "s.duckdb")
    assert (report.inputs, report.failed, report.articles_new) == (8, 0, distinct_bodies(articles))
    lines = (tmp_path / "in" / "articles.jsonl").read_text().splitlines()
    assert {json.loads(line)["source"] for line in lines} == {article.outlet for article in articles}
