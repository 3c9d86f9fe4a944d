"""Kill an ingest with SIGKILL in the middle, run it again, and count what the store holds.

    python benchmarks/kill_resume.py [--articles 2000] [--kills 1] [--batch-size 50] [--reference] [--json]

Generates a corpus (``eventwire.bench.corpus``) in a temporary directory, starts
``eventwire ingest --progress`` on it and reads the progress lines it prints on stderr
after each committed batch (the store itself is not opened: DuckDB allows one writer).
Once a random point between a fifth and four fifths of the corpus is reported stored, it
waits a random fraction of a second (so that the kill lands anywhere in the next batch:
parsing, coding or inside its transaction) and sends SIGKILL. After ``--kills`` kills it
runs the ingest to the end, then once more over the finished store, and counts:

- lost: generated bodies (exact copies share one) that are not stored;
- duplicated: stored articles beyond one per URL, plus stored articles whose body was
  never generated (a mangled second copy);
- orphans: coding, cluster or signature rows whose article is not stored, and stored
  articles without exactly one cluster and signature row;
- changed by the rerun: rows the second full run added or removed (idempotency);
- with ``--reference``: articles whose codings (actors, events, quotes, places) or cluster
  differ from an uninterrupted run into a fresh store, and how long that run took.

Exits 1 if any of these is not zero. With ``--json`` the last line is one JSON object
``{"task": "kill_resume", "metrics": {...}}``.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from eventwire.article import article_id
from eventwire.bench.corpus import GeneratedArticle, distinct_bodies, generate
from eventwire.bench.formats import WRITERS

TABLES = ("articles", "article_actors", "events", "quotes", "places", "article_clusters", "article_signatures")
ORPHANS = """
SELECT (SELECT count(*) FROM events WHERE article_id NOT IN (SELECT id FROM articles))
     + (SELECT count(*) FROM article_actors WHERE article_id NOT IN (SELECT id FROM articles))
     + (SELECT count(*) FROM quotes WHERE article_id NOT IN (SELECT id FROM articles))
     + (SELECT count(*) FROM places WHERE article_id NOT IN (SELECT id FROM articles))
     + (SELECT count(*) FROM article_clusters WHERE article_id NOT IN (SELECT id FROM articles))
     + (SELECT count(*) FROM article_signatures WHERE article_id NOT IN (SELECT id FROM articles))
     + (SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM article_clusters))
     + (SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM article_signatures))
"""


@dataclass
class Run:
    """One ingest process: how far its progress lines got, whether it was killed, how long it ran."""

    reported: int = 0
    killed: bool = False
    seconds: float = 0.0
    exit_code: int | None = None


def ingest_run(corpus: Path, db: Path, batch_size: int, kill_at: int | None, rng: random.Random) -> Run:
    """Run ``eventwire ingest``; SIGKILL it a random moment after it reports ``kill_at`` articles."""
    command = [sys.executable, "-m", "eventwire", "ingest", str(corpus), "--db", str(db),
               "--batch-size", str(batch_size), "--progress"]  # fmt: skip
    run = Run()
    started = time.monotonic()
    with subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True) as process:
        assert process.stderr is not None
        for line in process.stderr:
            if not line.startswith("progress: "):
                continue
            run.reported = int(line.split()[1])
            if kill_at is not None and run.reported >= kill_at:
                time.sleep(rng.uniform(0.0, 1.0))
                process.send_signal(signal.SIGKILL)
                run.killed = True
                break
        run.exit_code = process.wait()
    run.seconds = time.monotonic() - started
    return run


def rows_changed(before: Path, after: Path) -> int:
    """Rows of any table in one store and not the other (as multisets): equal counts with
    swapped articles still show up."""
    with duckdb.connect(str(after), read_only=True) as connection:
        connection.execute(f"ATTACH '{before}' AS before (READ_ONLY)")
        return sum(
            int(connection.execute(
                f"SELECT (SELECT count(*) FROM (FROM {table} EXCEPT ALL FROM before.{table})) "
                f"+ (SELECT count(*) FROM (FROM before.{table} EXCEPT ALL FROM {table}))"
            ).fetchone()[0])  # type: ignore[index]
            for table in TABLES
        )  # fmt: skip


def table_counts(db: Path) -> dict[str, int]:
    with duckdb.connect(str(db), read_only=True) as connection:
        return {table: int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]) for table in TABLES}  # type: ignore[index]


def store_metrics(db: Path, generated_ids: set[str]) -> dict[str, int]:
    """What the store holds against what was generated."""
    with duckdb.connect(str(db), read_only=True) as connection:
        stored_ids = {row[0] for row in connection.execute("SELECT id FROM articles").fetchall()}
        (url_duplicates,) = connection.execute("SELECT count(url) - count(DISTINCT url) FROM articles").fetchone()  # type: ignore[misc]
        (orphans,) = connection.execute(ORPHANS).fetchone()  # type: ignore[misc]
        (clusters,) = connection.execute("SELECT count(DISTINCT cluster_id) FROM article_clusters").fetchone()  # type: ignore[misc]
    return {
        "stored": len(stored_ids),
        "lost": len(generated_ids - stored_ids),
        "duplicated": int(url_duplicates) + len(stored_ids - generated_ids),
        "orphans": int(orphans),
        "clusters": int(clusters),
    }


def cluster_metrics(db: Path, generated: list[GeneratedArticle]) -> dict[str, int]:
    """How the generated copies clustered: with their source, and originals kept apart."""
    with duckdb.connect(str(db), read_only=True) as connection:
        cluster_of = dict(connection.execute("SELECT article_id, cluster_id FROM article_clusters").fetchall())
    by_number = {article.number: cluster_of.get(article_id(article.text)) for article in generated}
    near = [article for article in generated if article.copy_of is not None and not article.exact]
    originals = [by_number[article.number] for article in generated if article.copy_of is None]
    return {
        "near_copies": len(near),
        "near_copies_with_source": sum(by_number[a.number] == by_number[a.copy_of] for a in near),  # type: ignore[index]
        "originals_merged": len(originals) - len(set(originals)),
    }


DIFFERENCES = """
WITH mine AS (
    SELECT a.id, c.cluster_id,
           (SELECT count(*) FROM article_actors WHERE article_id = a.id) AS actors,
           (SELECT count(*) FROM events WHERE article_id = a.id) AS events,
           (SELECT count(*) FROM quotes WHERE article_id = a.id) AS quotes,
           (SELECT count(*) FROM places WHERE article_id = a.id) AS places
    FROM articles a LEFT JOIN article_clusters c ON c.article_id = a.id
),
theirs AS (
    SELECT a.id, c.cluster_id,
           (SELECT count(*) FROM reference.article_actors WHERE article_id = a.id) AS actors,
           (SELECT count(*) FROM reference.events WHERE article_id = a.id) AS events,
           (SELECT count(*) FROM reference.quotes WHERE article_id = a.id) AS quotes,
           (SELECT count(*) FROM reference.places WHERE article_id = a.id) AS places
    FROM reference.articles a LEFT JOIN reference.article_clusters c ON c.article_id = a.id
)
SELECT count(*) FILTER (WHERE (m.actors, m.events, m.quotes, m.places) IS DISTINCT FROM (t.actors, t.events, t.quotes, t.places)),
       count(*) FILTER (WHERE m.cluster_id IS DISTINCT FROM t.cluster_id)
FROM mine m FULL JOIN theirs t USING (id)
"""


def reference_metrics(corpus: Path, db: Path, batch_size: int, rng: random.Random) -> dict[str, Any]:
    """Ingest the corpus uninterrupted into a fresh store and compare, article by article."""
    reference = db.with_name("reference.duckdb")
    run = ingest_run(corpus, reference, batch_size, None, rng)
    with duckdb.connect(str(db), read_only=True) as connection:
        connection.execute(f"ATTACH '{reference}' AS reference (READ_ONLY)")
        codings, clusters = connection.execute(DIFFERENCES).fetchone()  # type: ignore[misc]
    return {"codings_differing": int(codings), "clusters_differing": int(clusters), "reference_seconds": round(run.seconds, 1)}


def kill_resume(
    articles: int, kills: int, batch_size: int, seed: int, fmt: str, workdir: Path, *, reference: bool
) -> dict[str, Any]:
    corpus, db = workdir / "corpus", workdir / "store.duckdb"
    generated = list(generate(articles, seed=seed))
    WRITERS[fmt](generated, corpus)
    rng = random.Random(seed)
    low, high = max(1, articles // 5), max(1, articles * 4 // 5)
    targets = sorted(rng.sample(range(low, high + 1), min(kills, high - low + 1)))
    runs = [ingest_run(corpus, db, batch_size, target, rng) for target in targets]
    resume = ingest_run(corpus, db, batch_size, None, rng)
    before = db.with_name("before-rerun.duckdb")
    shutil.copyfile(db, before)
    rerun = ingest_run(corpus, db, batch_size, None, rng)
    after = table_counts(db)
    metrics: dict[str, Any] = {
        "articles": articles,
        "expected": distinct_bodies(generated),
        **store_metrics(db, {article_id(article.text) for article in generated}),
        **cluster_metrics(db, generated),
        "kills": sum(run.killed for run in runs),
        "killed_after_reported": [run.reported for run in runs if run.killed],
        "changed_by_rerun": rows_changed(before, db),
        "events": after["events"],
        "seconds_until_kills": round(sum(run.seconds for run in runs), 1),
        "resume_seconds": round(resume.seconds, 1),
        "rerun_seconds": round(rerun.seconds, 1),
        "exit_codes": [run.exit_code for run in (*runs, resume, rerun)],
    }
    if reference:
        metrics.update(reference_metrics(corpus, db, batch_size, rng))
    return metrics


def failed(metrics: dict[str, Any]) -> bool:
    keys = ("lost", "duplicated", "orphans", "changed_by_rerun", "codings_differing", "clusters_differing")
    return any(metrics.get(key) for key in keys)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--kills", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=50)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--format", choices=sorted(WRITERS), default="html")
    parser.add_argument("--reference", action="store_true", help="Compare with an uninterrupted run, article by article.")
    parser.add_argument("--json", action="store_true", help="End with one JSON line of the metrics.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kill-resume-") as workdir:
        metrics = kill_resume(
            args.articles, args.kills, args.batch_size, args.seed, args.format, Path(workdir), reference=args.reference
        )
    print(f"articles in corpus:        {metrics['articles']}")
    print(f"distinct articles expected: {metrics['expected']}")
    print(f"articles stored:           {metrics['stored']} in {metrics['clusters']} story clusters, {metrics['events']} events")
    print(f"lost / duplicated:         {metrics['lost']} / {metrics['duplicated']}")
    print(f"near copies in the cluster of their source: {metrics['near_copies_with_source']} of {metrics['near_copies']}; "
          f"originals merged with another: {metrics['originals_merged']}")  # fmt: skip
    print(f"orphan or missing rows:    {metrics['orphans']}")
    print(f"kills:                     {metrics['kills']} (after {metrics['killed_after_reported']} articles reported)")
    print(f"rows changed by a rerun:   {metrics['changed_by_rerun']}")
    print(f"seconds: until kills {metrics['seconds_until_kills']}, resume {metrics['resume_seconds']}, "
          f"rerun of the finished store {metrics['rerun_seconds']}")  # fmt: skip
    if args.reference:
        print(f"against an uninterrupted run ({metrics['reference_seconds']} s): codings differ for "
              f"{metrics['codings_differing']} articles, clusters for {metrics['clusters_differing']}")  # fmt: skip
    if args.json:
        print(json.dumps({"task": "kill_resume", "metrics": metrics}))
    sys.exit(1 if failed(metrics) else 0)


if __name__ == "__main__":
    main()
