"""trafilatura's warnings are quieted for our calls only, never for the rest of the process."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest
import trafilatura

from eventwire.extract.candidates import best_body
from eventwire.extract.htmltree import parse_html

EMPTY_PAGE = "<html><body><div></div></body></html>"  # trafilatura warns "discarding data" on it


@pytest.fixture
def trafilatura_level() -> Iterator[logging.Logger]:
    logger = logging.getLogger("trafilatura")
    level = logger.level
    yield logger
    logger.setLevel(level)


def _trafilatura_warnings(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [record for record in caplog.records if record.name.startswith("trafilatura")]


def test_our_calls_are_quiet_and_the_level_is_left_as_it_was(
    caplog: pytest.LogCaptureFixture, trafilatura_level: logging.Logger
) -> None:
    trafilatura_level.setLevel(logging.NOTSET)
    with caplog.at_level(logging.WARNING):
        best_body(parse_html(EMPTY_PAGE), url=None)
        assert not _trafilatura_warnings(caplog)
        assert trafilatura_level.level == logging.NOTSET
        trafilatura.bare_extraction(parse_html(EMPTY_PAGE))  # someone else's call still warns
        assert _trafilatura_warnings(caplog)


def test_a_configured_trafilatura_level_is_respected(
    caplog: pytest.LogCaptureFixture, trafilatura_level: logging.Logger
) -> None:
    trafilatura_level.setLevel(logging.WARNING)
    with caplog.at_level(logging.WARNING):
        best_body(parse_html(EMPTY_PAGE), url=None)
    assert _trafilatura_warnings(caplog)
    assert trafilatura_level.level == logging.WARNING
