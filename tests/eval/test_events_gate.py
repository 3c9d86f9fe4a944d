"""The event evaluation on the shared sets: the pinned floors hold, and coding is cheap.

Runs in-process (about 10 s: 1,573 sentences parsed and coded); skipped when the shared
evaluation sets are absent.
"""

from __future__ import annotations

import pytest

from eventwire.eval.events import TASK, evaluate
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
    return evaluate(SHARED / "eval").metrics


def test_every_floor_holds(metrics: dict[str, float]) -> None:
    assert load_floors(TASK), "no floors pinned for the events task"
    assert check(TASK, metrics) == []


def test_event_coding_costs_a_fraction_of_the_parse(metrics: dict[str, float]) -> None:
    """The issue's budget: under 1 ms per sentence and 10% of the parse (generous margins
    here, since CI machines are noisy; the eval prints the figures)."""
    assert metrics["timing/event_ms_per_sentence"] < 2.0
    assert metrics["timing/event_share"] < 0.2
