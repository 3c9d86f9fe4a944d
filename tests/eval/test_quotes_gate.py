"""The quote evaluation on the shared sets: the pinned floors hold.

Runs in-process (about 20 s: 84 PolNeAR articles and textacy's cases parsed, actors and
quotes found); skipped when the shared evaluation sets are absent.
"""

from __future__ import annotations

import pytest

from eventwire.eval.quotes import TASK, evaluate
from tests.eval.gate_sets import NEEDS_SHARED_SETS, SHARED, assert_floors_hold

pytestmark = NEEDS_SHARED_SETS


@pytest.fixture(scope="module")
def metrics() -> dict[str, float]:
    assert SHARED is not None
    return evaluate(SHARED / "eval").metrics


def test_every_floor_holds(metrics: dict[str, float]) -> None:
    assert_floors_hold(TASK, metrics)


def test_every_article_and_case_is_scored(metrics: dict[str, float]) -> None:
    assert metrics["polnear_dev/articles"] == 84
    assert metrics["textacy/articles"] + metrics["textacy/skipped_cases"] == 9
    assert metrics["polnear_dev/all/gold"] > metrics["polnear_dev/direct/gold"] > 0
