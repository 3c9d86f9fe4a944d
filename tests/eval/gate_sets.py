"""What the gate tests share: the shared sets (or a clean skip), and the floor check."""

from __future__ import annotations

import pytest

from eventwire.eval.gate import check, load_floors
from eventwire.eval.shared import shared_dir

SHARED = shared_dir()
NEEDS_SHARED_SETS = [
    pytest.mark.slow,
    pytest.mark.skipif(SHARED is None, reason="shared evaluation sets not present (../shared)"),
]


def assert_floors_hold(task: str, metrics: dict[str, float]) -> None:
    """The task has floors pinned, and none is missed."""
    assert load_floors(task), f"no floors pinned for the {task} task"
    assert check(task, metrics) == []
