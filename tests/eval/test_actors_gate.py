"""The actor evaluation on the shared set: the pinned floors hold.

Runs in-process in a few seconds; skipped when the shared evaluation sets are absent.
"""

from __future__ import annotations

import pytest

from eventwire.eval.actors import TASK, evaluate
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
    found, _ = evaluate(SHARED / "eval")
    return found


def test_every_floor_holds(metrics: dict[str, float]) -> None:
    assert load_floors(TASK), "no floors pinned for the actors task"
    assert check(TASK, metrics) == []


def test_both_accuracies_are_measured_on_cases(metrics: dict[str, float]) -> None:
    assert (
        metrics["actor_resolution/country_cases"] > 0
        and metrics["actor_resolution/sector_cases"] > 0
    )


def test_actor_coding_is_fast(metrics: dict[str, float]) -> None:
    """Coding actors costs a fraction of the parse it reads (both measured on the example articles)."""
    assert metrics["examples/eventwire/actors_ms_per_article"] < metrics["examples/spacy/parse_ms_per_article"]
