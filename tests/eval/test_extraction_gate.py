"""The extraction evaluation on the full shared sets: floors hold, and eventwire beats both baselines.

Runs in-process in about 30 seconds; skipped when the shared evaluation sets are absent.
"""

from __future__ import annotations

import pytest

from eventwire.eval.extraction import HTML_SETS, TASK, evaluate
from tests.eval.gate_sets import NEEDS_SHARED_SETS, SHARED, assert_floors_hold

pytestmark = NEEDS_SHARED_SETS


@pytest.fixture(scope="module")
def metrics() -> dict[str, float]:
    assert SHARED is not None
    return evaluate(SHARED / "eval" / "extraction")


def test_every_floor_holds(metrics: dict[str, float]) -> None:
    assert_floors_hold(TASK, metrics)


@pytest.mark.parametrize("name", HTML_SETS)
def test_eventwire_is_at_least_the_better_baseline(metrics: dict[str, float], name: str) -> None:
    best_baseline = max(metrics[f"{name}/trafilatura/f1"], metrics[f"{name}/readability/f1"])
    assert metrics[f"{name}/eventwire/f1"] >= best_baseline
