"""The command-line shape every evaluation task shares: ``--json``, ``--gate``, the shared sets.

Each task adds its own options to ``task_parser`` and ends with ``finish``, so that every
task prints its gate failures and, with ``--json``, one last line
``{"task": ..., "metrics": {...}}`` in the same way. Tasks that score sets with a
``--show-errors N`` listing run whole through ``run_scored_task``.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Protocol, TypeVar

from rich.console import Console

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


class ScoredRun(Protocol):
    """What an evaluation returns: at least its flat metrics."""

    metrics: dict[str, float]


RunT = TypeVar("RunT", bound=ScoredRun)


def run_scored_task(
    task: str,
    description: str,
    argv: list[str],
    *,
    wrong: str,
    evaluate: Callable[[Path], RunT],
    tables: Callable[[RunT, int], Sequence[Table]],
    without_sets: int,
) -> int:
    """A task's whole command: ``--show-errors N`` (up to N ``wrong`` items per set), the
    shared sets (exit ``without_sets`` when they are absent), the task's ``tables`` (given
    the run and N), the timing table of the ``timing/`` metrics, and ``finish``."""
    parser = task_parser(task, description)
    parser.add_argument("--show-errors", type=int, default=0, metavar="N",
                        help=f"print up to N {wrong} per set, gold beside ours")  # fmt: skip
    args = parser.parse_args(argv)
    root = shared_or_complain()
    if root is None:
        return without_sets
    run = evaluate(root / "eval")
    console = Console(width=160)
    for table in tables(run, max(args.show_errors, 0)):
        console.print(table)
    console.print(metrics_table("Timing", {k: v for k, v in run.metrics.items() if k.startswith("timing/")}))
    return finish(task, run.metrics, args)
