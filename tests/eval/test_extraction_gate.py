"""The extraction evaluation on the full shared sets: floors hold, and eventwire beats both baselines.

Runs in-process in about 30 seconds; skipped when the shared evaluation sets are absent.
"""

from __future__ import annotations

import pytest

from eventwire.eval.extraction import HTML_SETS, TASK, evaluate
from eventwire.eval.gate import check, load_floors
from eventwire.eval.shared import shared_dir

SHARED = shared_dir()
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(SHARED is None, reason="shared evaluation sets not present (../shared)"),
]


@pytest.fixture(scope="module")
def metrics() -> dict[str, float]:
    assert SHARED is not None
    return evaluate(SHARED / "eval" / "extraction")


def test_every_floor_holds(metrics: dict[str, float]) -> None:
    assert load_floors(TASK), "no floors pinned for the extraction task"
    assert check(TASK, metrics) == []


@pytest.mark.parametrize("name", HTML_SETS)
def test_eventwire_is_at_least_the_better_baseline(metrics: dict[str, float], name: str) -> None:
    best_baseline = max(metrics[f"{name}/trafilatura/f1"], metrics[f"{name}/readability/f1"])
    assert metrics[f"{name}/eventwire/f1"] >= best_baseline
