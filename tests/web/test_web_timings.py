"""``benchmarks/web_timings.py`` at a tiny size: it builds its store, serves the app over
real HTTP, times every page's API and ends with the JSON line its users read."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PAGES = {
    "overview", "events", "events_dyad", "events_goldstein", "events_csv", "article", "actor", "dyad", "network", "map",
    "search",
}  # fmt: skip


@pytest.mark.slow
def test_the_benchmark_times_every_page_s_api() -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, (str(ROOT), os.environ.get("PYTHONPATH"))))}
    command = [sys.executable, str(ROOT / "benchmarks" / "web_timings.py"), "--events", "2000", "--repeat", "1", "--json"]
    completed = subprocess.run(command, capture_output=True, text=True, timeout=300, env=env, check=False)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    report = json.loads(completed.stdout.splitlines()[-1])
    assert report["task"] == "web_timings"
    metrics = report["metrics"]
    assert {key.split("/")[0] for key in metrics if key.endswith("/api/median_ms")} == PAGES
    assert all(f"{page}/api/p95_ms" in metrics for page in PAGES)
    assert metrics["store/events"] == 2000
    assert metrics["all/api/under_300ms"] == 1
    assert metrics["all/api/max_median_ms"] == max(metrics[f"{page}/api/median_ms"] for page in PAGES)
    assert all("/" in key and isinstance(value, int | float) for key, value in metrics.items())
