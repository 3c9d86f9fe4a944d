"""The hostile catalogue: what it holds, and the small inputs through the whole job."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.pipeline import process
from eventwire.reliability.hostile import CATALOGUE, LARGE_BYTES, LONG_WORDS, catalogue, write_catalogue
from eventwire.reliability.probe import Probe


def test_the_catalogue_is_deterministic_and_names_are_unique() -> None:
    names = [hostile.name for hostile in CATALOGUE]
    assert len(names) == len(set(names)) >= 50
    assert [h.make() for h in catalogue(large=False)][:20] == [h.make() for h in catalogue(large=False)][:20]


def test_the_large_inputs_are_as_large_as_the_issue_asks() -> None:
    large = {hostile.name: hostile.make() for hostile in CATALOGUE if hostile.large}
    assert len(large["large-50mb.html"]) >= LARGE_BYTES
    assert len(large["long-100000-words.txt"].split()) >= LONG_WORDS


@pytest.mark.slow
def test_every_small_hostile_input_gives_an_article_or_a_coded_error(tmp_path: Path) -> None:
    paths = write_catalogue(tmp_path, large=False)
    for path in paths:
        results = list(process([str(path)]))
        assert results, f"{path.name} was not accounted for"
        for result in results:
            codes = [problem.code for problem in result.problems]
            assert "E900" not in codes, (path.name, result.problems)
            assert result.article is not None or result.problems, path.name  # a skipped WARC response: W110


def test_the_probe_reports_a_hang_and_goes_on(tmp_path: Path) -> None:
    """A FIFO nobody writes to blocks its reader: the probe's limit stops it, and the next
    input runs in a new child."""
    import os

    fifo = tmp_path / "never-written.txt"
    os.mkfifo(fifo)
    article = tmp_path / "article.txt"
    article.write_text("Ministers from Kenya and Ethiopia met in Nairobi on Tuesday to discuss the border dispute.")
    with Probe(timeout=3) as probe:
        hung = probe.run(fifo)
        after = probe.run(article)
    assert hung.hang and hung.crash is None
    assert not after.hang and after.crash is None and after.articles == 1
