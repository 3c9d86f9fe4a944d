"""``benchmarks/throughput.py`` at a tiny size: bare spaCy and the whole pipeline on the same
generated texts, each in its own process, ending with the JSON line its users read."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
KEYS = {
    "articles_per_s", "spacy_articles_per_s", "ratio_to_spacy", "peak_rss_mb", "words_per_s", "event_stage_share",
    "stage_share/parse", "stage_share/events",
}  # fmt: skip


@pytest.mark.slow
def test_the_benchmark_measures_both_sides_on_the_same_texts() -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, (str(ROOT), os.environ.get("PYTHONPATH"))))}
    command = [sys.executable, str(ROOT / "benchmarks" / "throughput.py"), "--articles", "12", "--workers", "1",
               "--repeat", "2", "--dask-articles", "0", "--json"]  # fmt: skip
    completed = subprocess.run(command, capture_output=True, text=True, timeout=600, env=env, check=False)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    report = json.loads(completed.stdout.splitlines()[-1])
    assert report["task"] == "throughput"
    metrics = report["metrics"]
    assert KEYS <= set(metrics)
    assert metrics["articles"] == 12 and metrics["repeat"] == 2
    assert 0 < metrics["ratio_to_spacy/lowest"] <= metrics["ratio_to_spacy/highest"]
    assert metrics["ratio_to_spacy"] == pytest.approx(metrics["articles_per_s"] / metrics["spacy_articles_per_s"], rel=1e-3)
    assert 0 < metrics["event_stage_share"] < 1 and 100 < metrics["peak_rss_mb"] < 4000
