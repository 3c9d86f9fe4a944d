"""The evaluation gate: pinned floors that a task's metrics must not fall below.

``floors.json`` beside this module maps each task to ``{metric key: floor}``. A floor is
the figure the task reached when it was pinned, rounded down to 3 decimals, so a change
that makes extraction (or later coding) worse is caught by ``--gate`` and by the test that
runs it.

Floors may be raised, never lowered: when a change improves a metric, pin the new figure;
a change that needs a floor lowered is a regression to fix, not a floor to move.
"""

from __future__ import annotations

import json
from pathlib import Path

FLOORS_PATH = Path(__file__).with_name("floors.json")


def load_floors(task: str, path: Path = FLOORS_PATH) -> dict[str, float]:
    """The floors pinned for ``task`` (none for a task that has not pinned any)."""
    floors: dict[str, dict[str, float]] = json.loads(path.read_text(encoding="utf-8"))
    return floors.get(task, {})


def check(task: str, metrics: dict[str, float], floors: dict[str, float] | None = None) -> list[str]:
    """One line per floor missed: below its figure, or not measured at all."""
    pinned = load_floors(task) if floors is None else floors
    failures = []
    for key, floor in sorted(pinned.items()):
        value = metrics.get(key)
        if value is None:
            failures.append(f"{task} {key}: not measured (floor {floor:.3f})")
        elif value < floor:
            failures.append(f"{task} {key}: {value:.4f} is below the floor {floor:.3f}")
    return failures
