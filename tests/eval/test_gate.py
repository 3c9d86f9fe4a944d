"""The gate's comparison of metrics with floors."""

from __future__ import annotations

import json
from pathlib import Path

from eventwire.eval.gate import FLOORS_PATH, check, load_floors


def test_metrics_at_or_above_their_floors_pass() -> None:
    assert check("t", {"a/f1": 0.9, "b/f1": 0.95}, {"a/f1": 0.9, "b/f1": 0.94}) == []


def test_a_metric_below_or_missing_is_listed() -> None:
    failures = check("t", {"a/f1": 0.89}, {"a/f1": 0.9, "b/f1": 0.5})
    assert len(failures) == 2
    assert "a/f1" in failures[0] and "below" in failures[0]
    assert "b/f1" in failures[1] and "not measured" in failures[1]


def test_pinned_floors_are_fractions_with_three_decimals() -> None:
    floors = json.loads(Path(FLOORS_PATH).read_text(encoding="utf-8"))
    for task in floors:
        for key, floor in load_floors(task).items():
            assert key.count("/") in (1, 2)  # <set>/<metric> or <set>/<system>/<metric>
            assert 0.0 <= floor <= 1.0 and round(floor, 3) == floor
