"""The command-line shape every evaluation task shares: ``--json``, ``--gate``, the shared sets.

Each task adds its own options to ``task_parser`` and ends with ``finish``, so that every
task prints its gate failures and, with ``--json``, one last line
``{"task": ..., "metrics": {...}}`` in the same way.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Mapping
from pathlib import Path

from rich.table import Table

from eventwire.eval.gate import check
from eventwire.eval.shared import shared_dir


def task_parser(task: str, description: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=f"python -m eventwire.eval {task}", description=description)
    parser.add_argument("--json", action="store_true", help="end with one JSON line of all metrics")
    parser.add_argument("--gate", action="store_true", help="exit 1 when a metric is below its pinned floor")
    return parser


def shared_or_complain() -> Path | None:
    """The shared directory, or None after telling the user where it was looked for."""
    root = shared_dir()
    if root is None:
        print("evaluation sets not found: set $EVENTWIRE_SHARED or put them in ../shared beside the repo")
    return root


def finish(task: str, metrics: dict[str, float], args: argparse.Namespace) -> int:
    """Print gate failures (with ``--gate``) and the JSON line (with ``--json``); the exit code."""
    failures = check(task, metrics) if args.gate else []
    for failure in failures:
        print(f"gate: {failure}")
    if args.json:
        print(json.dumps({"task": task, "metrics": {key: round(value, 4) for key, value in metrics.items()}}))
    return 1 if failures else 0


def metrics_table(title: str, metrics: Mapping[str, float]) -> Table:
    """A two-column table of metric keys and values (counts and milliseconds above 10 with
    one decimal, ratios with three)."""
    table = Table(title=title)
    table.add_column("metric")
    table.add_column("value", justify="right")
    for key, value in metrics.items():
        table.add_row(key, f"{value:.3f}" if value < 10 else f"{value:.1f}")
    return table
