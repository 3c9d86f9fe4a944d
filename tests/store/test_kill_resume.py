"""The issue's acceptance on a small corpus: SIGKILL an ingest in the middle, run it again,
and every article is stored exactly once, with no orphan rows, nothing changed by a rerun,
and the same codings and clusters as an uninterrupted run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_a_killed_ingest_resumes_without_loss_or_duplicates() -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, (str(ROOT), os.environ.get("PYTHONPATH"))))}
    command = [sys.executable, str(ROOT / "benchmarks" / "kill_resume.py"), "--articles", "40", "--batch-size", "5",
               "--kills", "1", "--format", "jsonl", "--seed", "5", "--reference", "--json"]  # fmt: skip
    completed = subprocess.run(command, capture_output=True, text=True, timeout=300, env=env, check=False)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    report = json.loads(completed.stdout.splitlines()[-1])
    assert report["task"] == "kill_resume"
    metrics = report["metrics"]
    assert metrics["kills"] == 1 and metrics["exit_codes"][0] == -9
    assert (metrics["lost"], metrics["duplicated"], metrics["orphans"], metrics["changed_by_rerun"]) == (0, 0, 0, 0)
    assert (metrics["codings_differing"], metrics["clusters_differing"]) == (0, 0)  # as if never interrupted
    assert metrics["stored"] == metrics["expected"] == metrics["articles"] - 2  # seed 5 has two exact copies
    assert metrics["near_copies_with_source"] == metrics["near_copies"] > 0
