"""The event evaluation on the shared sets: the pinned floors hold, and coding is cheap.

Runs in-process (about 10 s: 1,573 sentences parsed and coded); skipped when the shared
evaluation sets are absent.
"""

from __future__ import annotations

import pytest

from eventwire.eval.events import TASK, evaluate
from tests.eval.gate_sets import NEEDS_SHARED_SETS, SHARED, assert_floors_hold

pytestmark = NEEDS_SHARED_SETS


@pytest.fixture(scope="module")
def metrics() -> dict[str, float]:
    assert SHARED is not None
    return evaluate(SHARED / "eval").metrics


def test_every_floor_holds(metrics: dict[str, float]) -> None:
    assert_floors_hold(TASK, metrics)


def test_event_coding_costs_a_fraction_of_the_parse(metrics: dict[str, float]) -> None:
    """The issue's budget: under 1 ms per sentence and 10% of the parse (generous margins
    here, since CI machines are noisy; the eval prints the figures)."""
    assert metrics["timing/event_ms_per_sentence"] < 2.0
    assert metrics["timing/event_share"] < 0.2
