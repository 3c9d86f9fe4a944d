"""The actor evaluation on the shared set: the pinned floors hold.

Runs in-process in a few seconds; skipped when the shared evaluation sets are absent.
"""

from __future__ import annotations

import pytest

from eventwire.eval.actors import TASK, evaluate
from tests.eval.gate_sets import NEEDS_SHARED_SETS, SHARED, assert_floors_hold

pytestmark = NEEDS_SHARED_SETS


@pytest.fixture(scope="module")
def metrics() -> dict[str, float]:
    assert SHARED is not None
    found, _ = evaluate(SHARED / "eval")
    return found


def test_every_floor_holds(metrics: dict[str, float]) -> None:
    assert_floors_hold(TASK, metrics)


def test_both_accuracies_are_measured_on_cases(metrics: dict[str, float]) -> None:
    assert (
        metrics["actor_resolution/country_cases"] > 0
        and metrics["actor_resolution/sector_cases"] > 0
    )


def test_actor_coding_is_fast(metrics: dict[str, float]) -> None:
    """Coding actors costs a fraction of the parse it reads (both measured on the example articles)."""
    assert metrics["examples/eventwire/actors_ms_per_article"] < metrics["examples/spacy/parse_ms_per_article"]
