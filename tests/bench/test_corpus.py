"""The generated corpus: the same bytes for a seed, one file per article, read back by the
ingest stage as the articles generated, and copies that cluster where originals do not."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from fastwarc.warc import ArchiveIterator

from eventwire.article import article_id
from eventwire.bench.corpus import distinct_bodies, generate, main
from eventwire.bench.formats import WRITERS
from eventwire.ingest import Document, Failure, read_documents
from eventwire.pipeline import extract_document
from eventwire.store.clusters import SAME_STORY, signature
from eventwire.store.ingest import ingest
from eventwire.store.rows import outlet


def _tree(directory: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(directory.iterdir())}


def _record_types(path: Path) -> list[str | None]:
    with path.open("rb") as handle:
        return [record.headers.get("WARC-Type") for record in ArchiveIterator(handle)]


@pytest.mark.parametrize("fmt", ["gz", "warc"])
def test_a_seed_gives_the_same_bytes_and_another_seed_others(tmp_path: Path, fmt: str) -> None:
    main(["12", str(tmp_path / "a"), "--seed", "5", "--format", fmt])
    main(["12", str(tmp_path / "b"), "--seed", "5", "--format", fmt])
    main(["12", str(tmp_path / "c"), "--seed", "6", "--format", fmt])
    assert _tree(tmp_path / "a") == _tree(tmp_path / "b")
    assert _tree(tmp_path / "a") != _tree(tmp_path / "c")


def test_warc_files_hold_a_set_number_of_articles_and_read_back_as_html_does(tmp_path: Path) -> None:
    """The scale-out runner's work unit is a file, so a WARC corpus comes in several; read
    back, it gives the articles the same corpus gives as pages, in the same order."""
    main(["30", str(tmp_path / "warc"), "--seed", "3", "--format", "warc", "--per-warc", "12"])
    main(["30", str(tmp_path / "html"), "--seed", "3", "--format", "html"])
    files = sorted((tmp_path / "warc").iterdir())
    assert [path.name for path in files] == [f"articles-{n:05d}.warc.gz" for n in range(3)]
    types = [_record_types(path) for path in files]
    assert [kinds[0] for kinds in types] == ["warcinfo"] * 3
    assert [kinds.count("response") for kinds in types] == [12 + 4, 12 + 4, 6 + 4]
    assert all(kinds.count("request") == kinds.count("response") == kinds.count("metadata") for kinds in types)

    def ids(directory: Path) -> list[str]:
        documents = [item for item in read_documents([str(directory)]) if isinstance(item, Document)]
        return [result.article.id for result in map(extract_document, documents) if result.article]

    warc_ids = ids(tmp_path / "warc")
    assert len(warc_ids) == 30 and warc_ids == ids(tmp_path / "html")


def test_per_warc_must_be_positive(tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        main(["3", str(tmp_path), "--format", "warc", "--per-warc", "0"])


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_each_format_reads_back_as_the_generated_articles(tmp_path: Path, fmt: str) -> None:
    articles = list(generate(15, seed=2))
    files = WRITERS[fmt](articles, tmp_path)
    assert files == len(list(tmp_path.iterdir())) == (1 if fmt in ("jsonl", "warc") else 15)
    items = list(read_documents([str(tmp_path)]))
    skipped = [item.problem.code for item in items if isinstance(item, Failure)]
    assert skipped == (["W110"] * 4 if fmt == "warc" else [])  # a WARC's robots.txt, redirect, image and 404
    results = [extract_document(item) for item in items if isinstance(item, Document)]
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
