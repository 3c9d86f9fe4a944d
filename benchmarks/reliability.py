"""Reliability, measured: hostile inputs, killed runs and a fuzz run.

    python benchmarks/reliability.py [--kills 5] [--kill-articles 120] [--fuzz-seconds 60] [--json]
    make reliability [JSON=1]

1. The hostile catalogue (``eventwire.reliability.hostile``) is written to a temporary folder
   and each input goes through ``pipeline.process`` in a probe child
   (``eventwire.reliability.probe``) with a 30 s limit: a crash is an exception out of
   ``process``, an ``E900`` problem, an input with no result, or a child that died; a hang
   is an input over the limit. The two large inputs (the 50 MB page, also with
   ``--max-bytes`` raised above its size so that it is really parsed, and the 100,000-word
   article) run each in a fresh child, whose peak RSS is reported (limit 2 GB).
2. ``eventwire ingest`` of the whole catalogue folder into a new store, twice: the batch
   must finish, every input must be in the store (an article or an ``ingest_errors`` row)
   and the second run must add nothing.
3. ``benchmarks/kill_resume.py --kills N``: an ingest SIGKILLed at N random points, then run
   to the end: articles lost or stored twice.
4. A worker killed: ``eventwire ingest --workers 2`` with one worker process SIGKILLed in the
   middle must stop with E901 (not hang), and a rerun must store every article once.
5. ``eventwire.reliability.fuzz`` for ``--fuzz-seconds``: executions and crashes.

Exits 1 when any crash, hang, loss, duplicate, unaccounted input or memory over the limit
is found. With ``--json`` the last line is ``{"task": "reliability", "metrics": {...}}``.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import duckdb
from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from kill_resume import store_metrics  # noqa: E402  (a sibling script)

from eventwire.article import article_id  # noqa: E402
from eventwire.bench.corpus import distinct_bodies, generate  # noqa: E402
from eventwire.bench.formats import write_txt  # noqa: E402
from eventwire.reliability.fuzz import run_fuzz  # noqa: E402
from eventwire.reliability.hostile import CATALOGUE, LARGE_BYTES, write_catalogue  # noqa: E402
from eventwire.reliability.probe import Outcome, Probe, child_env  # noqa: E402

HANG_SECONDS = 30.0
MEMORY_LIMIT_MB = 2048.0
ENV = child_env()
EVENTWIRE = [sys.executable, "-m", "eventwire"]


def hostile_outcomes(folder: Path) -> list[tuple[str, Outcome]]:
    """Every catalogue input through the probe; the large ones alone (and the large page also
    with ``--max-bytes`` above its size)."""
    outcomes = []
    with Probe(timeout=HANG_SECONDS) as probe:
        for hostile in CATALOGUE:
            path = folder / hostile.name
            outcomes.append((hostile.name, probe.run(path, fresh=hostile.large)))
            if hostile.large and path.stat().st_size > LARGE_BYTES // 2:
                outcome = probe.run(path, max_bytes=2 * LARGE_BYTES, fresh=True)
                outcomes.append((f"{hostile.name} (--max-bytes {2 * LARGE_BYTES})", outcome))
    return outcomes


def batch_metrics(folder: Path, work: Path) -> dict[str, int]:
    """The catalogue ingested as one batch, twice: exit codes, inputs the store does not
    account for, rows the second run added."""
    db = work / "hostile.duckdb"
    codes, counts = [], []
    for _run in range(2):
        done = subprocess.run([*EVENTWIRE, "ingest", str(folder), "--db", str(db)], capture_output=True, text=True,
                              env=ENV, timeout=1800, check=False)  # fmt: skip
        codes.append(done.returncode)
        counts.append(_counts(db))
    with duckdb.connect(str(db), read_only=True) as connection:
        origins = [row[0] for row in connection.execute("SELECT origin FROM articles UNION ALL SELECT origin FROM ingest_errors").fetchall()]
    unaccounted = sum(1 for path in folder.iterdir() if not any(origin.startswith(str(path)) for origin in origins))
    return {
        "batch_exit_ok": int(all(code in (0, 1, 3) for code in codes)),
        "batch_unaccounted": unaccounted,
        "batch_rows_added_by_rerun": sum(abs(counts[1][table] - counts[0][table]) for table in counts[0]),
    }


def _counts(db: Path) -> dict[str, int]:
    with duckdb.connect(str(db), read_only=True) as connection:
        return {table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # type: ignore[index]
                for table in ("articles", "events", "quotes", "places", "article_actors", "ingest_errors")}  # fmt: skip


def kill_metrics(kills: int, articles: int) -> dict[str, Any]:
    """``benchmarks/kill_resume.py`` with ``kills`` random SIGKILLs."""
    command = [sys.executable, str(ROOT / "benchmarks" / "kill_resume.py"), "--articles", str(articles), "--kills",
               str(kills), "--batch-size", "8", "--format", "jsonl", "--seed", "11", "--json"]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, env=ENV, timeout=3600, check=False)
    return json.loads(done.stdout.strip().splitlines()[-1])["metrics"]


def _children(pid: int) -> list[int]:
    """Process ids of ``pid``'s children (Linux ``/proc``)."""
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        children = (task / "children").read_text().split()
        found += [int(child) for child in children]
    return found


def worker_kill_metrics(work: Path, articles: int = 160) -> dict[str, Any]:
    """An ingest with two workers, one of them SIGKILLed once 20 articles are stored: it must
    stop with E901 within the hang limit; a rerun must then store every article once."""
    generated = list(generate(articles, seed=13))
    corpus, db = work / "worker-corpus", work / "worker.duckdb"
    write_txt(generated, corpus)
    command = [*EVENTWIRE, "ingest", str(corpus), "--db", str(db), "--workers", "2", "--batch-size", "10", "--progress"]
    run = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=ENV)
    assert run.stderr is not None
    killed, stderr = False, []
    for line in run.stderr:
        stderr.append(line)
        if not killed and line.startswith("progress: ") and int(line.split()[1]) >= 20:
            workers = _children(run.pid)
            if workers:
                os.kill(workers[-1], signal.SIGKILL)
                killed = True
                started = time.perf_counter()
    try:
        code = run.wait(timeout=HANG_SECONDS)
        hung = 0
    except subprocess.TimeoutExpired:
        run.kill()
        code, hung = run.wait(), 1
    stopped_seconds = time.perf_counter() - started if killed else 0.0
    rerun = subprocess.run(command[:-1], capture_output=True, text=True, env=ENV, timeout=1800, check=False)
    stored = store_metrics(db, {article_id(article.text) for article in generated})
    return {
        "worker_killed": int(killed),
        "worker_kill_exit": code,
        "worker_kill_e901": int("E901" in "".join(stderr)),
        "worker_kill_hang": hung,
        "worker_kill_stop_seconds": round(stopped_seconds, 1),
        "worker_kill_rerun_exit": rerun.returncode,
        "worker_kill_lost": stored["lost"],
        "worker_kill_duplicated": stored["duplicated"],
        "worker_kill_expected": distinct_bodies(generated),
        "worker_kill_stored": stored["stored"],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=5, help="random SIGKILLs of an ingest")
    parser.add_argument("--kill-articles", type=int, default=120, help="articles of the killed ingest's corpus")
    parser.add_argument("--fuzz-seconds", type=int, default=60)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    console = Console(stderr=args.json)
    with tempfile.TemporaryDirectory(prefix="eventwire-reliability-") as name:
        work = Path(name)
        folder = work / "hostile"
        write_catalogue(folder)
        outcomes = hostile_outcomes(folder)
        batch = batch_metrics(folder, work)
        workers = worker_kill_metrics(work)
    killed = kill_metrics(args.kills, args.kill_articles)
    fuzz = run_fuzz(args.fuzz_seconds)

    table = Table(title="Hostile inputs")
    for column in ("input", "results", "articles", "codes", "seconds", "peak MB", "outcome"):
        table.add_column(column)
    for label, outcome in outcomes:
        verdict = "HANG" if outcome.hang else f"CRASH: {outcome.crash.splitlines()[0]}" if outcome.crash else "ok"
        codes = ", ".join(sorted(set(outcome.codes))) or "-"
        table.add_row(label, str(outcome.results), str(outcome.articles), codes, f"{outcome.seconds:.1f}",
                      f"{outcome.peak_rss_mb:.0f}", verdict)  # fmt: skip
    console.print(table)
    large = {label: outcome for label, outcome in outcomes if label.split(" ")[0] in {h.name for h in CATALOGUE if h.large}}
    metrics: dict[str, Any] = {
        "hostile_tried": len(outcomes),
        "crashes": sum(outcome.crash is not None for _, outcome in outcomes) + fuzz["fuzz_crashes"],
        "hangs": sum(outcome.hang for _, outcome in outcomes) + workers["worker_kill_hang"],
        "kills": killed["kills"] + workers["worker_killed"],
        "lost": killed["lost"] + workers["worker_kill_lost"],
        "duplicated": killed["duplicated"] + workers["worker_kill_duplicated"],
        "fuzz_execs": fuzz["fuzz_execs"],
        "hostile_crashes": sum(outcome.crash is not None for _, outcome in outcomes),
        "fuzz_crashes": fuzz["fuzz_crashes"],
        "fuzz_seconds": fuzz["fuzz_seconds"],
        "max_hostile_seconds": round(max(outcome.seconds for _, outcome in outcomes), 1),
        **{f"peak_rss_mb/{label}": round(outcome.peak_rss_mb, 1) for label, outcome in large.items()},
        **batch,
        **workers,
        "kill_orphans": killed["orphans"],
        "kill_changed_by_rerun": killed["changed_by_rerun"],
    }
    summary = Table(title="Reliability")
    summary.add_column("figure")
    summary.add_column("value", justify="right")
    for key, value in metrics.items():
        summary.add_row(key, f"{value:,}" if isinstance(value, int) else str(value))
    console.print(summary)
    bad = (
        metrics["crashes"] or metrics["hangs"] or metrics["lost"] or metrics["duplicated"]
        or metrics["batch_unaccounted"] or metrics["batch_rows_added_by_rerun"] or not metrics["batch_exit_ok"]
        or metrics["kill_orphans"] or metrics["kill_changed_by_rerun"] or not workers["worker_kill_e901"]
        or any(outcome.peak_rss_mb > MEMORY_LIMIT_MB for outcome in large.values())
    )  # fmt: skip
    if args.json:
        print(json.dumps({"task": "reliability", "metrics": metrics}))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
