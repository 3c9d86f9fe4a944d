"""Throughput of the whole pipeline against bare spaCy, on the same texts and processes.

    PYTHONPATH=. python benchmarks/throughput.py [--articles 2000] [--workers N] [--repeat 1] [--source generated|news] [--json]

Inputs: ``--source generated`` (default) writes ``--articles`` plain-text articles of about
450 words from our corpus generator (``eventwire.bench.corpus``, seed 0); ``news`` reads the
real articles of ``../shared/eval/news`` (about 970 words) when that folder is present.

Each measurement runs in a fresh Python process, so that its peak memory is its own:

- ``spacy``: the clean texts (extracted beforehand, untimed) through ``nlp.pipe`` of the
  same model with its default components, ``n_process`` = ``--workers``, batches of 64;
- ``pipeline``: ``eventwire.store.ingest`` of the input files into a new DuckDB store with
  ``workers`` = ``--workers``: reading, extraction, parse, every coder and storage;
- ``stages``: the pipeline in one process over the first 200 articles, with the seconds spent
  in each stage (``eventwire.pipeline.STAGE_SECONDS``): the events stage's share of the time;
- ``dask``: ``eventwire.bench.speedup.dask_speedup`` over ``--dask-articles`` generated pages
  (200; 0 leaves it out): a Dask ingest with two workers against one, the same rows.

It prints articles/s, words/s and peak RSS per process (the largest of the worker processes
when there are several, and the parent's), the ratio pipeline / spaCy, and the stage shares.
``--repeat N`` runs each side N times, alternating, and reports the median run of each (a
two-core machine's speed drifts by a few percent between runs), the largest peak RSS, and
the lowest and highest ratio of a pipeline run to the spaCy run before it.
``--long N`` instead runs the pipeline in one process over N generated articles and prints
its RSS after 100 articles, every 1,000 and at the end (a long run must not grow:
``nlp.memory_zone``; caches that fill up early are not growth), and the growth from the
100th article and from the 1,000th (after the warm-up) to the end.
With ``--json`` the last line is ``{"task": "throughput", "metrics": {"articles_per_s": ...,
"spacy_articles_per_s": ..., "ratio_to_spacy": ..., "peak_rss_mb": ..., ...}}``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from eventwire.bench.corpus import generate
from eventwire.bench.formats import write_txt
from eventwire.parallel import default_workers

SHARED_NEWS = Path(os.environ.get("EVENTWIRE_SHARED", Path(__file__).resolve().parents[2] / "shared")) / "eval" / "news"
STAGE_ARTICLES = 200


def _peak_mb() -> dict[str, float]:
    """Peak RSS of this process and of the largest of its finished children, in MB (Linux: KB)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"parent_rss_mb": own, "worker_rss_mb": children}


def _rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def _inputs(source: str, articles: int, folder: Path) -> list[str]:
    """The input files: generated plain text, or the shared news articles."""
    if source == "news":
        if not SHARED_NEWS.is_dir():
            raise SystemExit(f"no {SHARED_NEWS}: use --source generated")
        return sorted(str(path) for path in SHARED_NEWS.rglob("*") if path.is_file())[:articles]
    out = folder / "corpus"
    write_txt(list(generate(articles, seed=0)), out)
    return sorted(str(path) for path in out.iterdir())


def _clean_texts(paths: list[str]) -> list[str]:
    """The extracted bodies of the inputs (what bare spaCy parses)."""
    from eventwire.ingest import read_documents
    from eventwire.pipeline import extract_input

    results = (extract_input(item) for item in read_documents(paths))
    return [result.article.text for result in results if result.article is not None and not result.failed]


# --- the measurements, each run by a fresh process (``--run``) -------------------------


def run_spacy(texts_file: Path, workers: int) -> dict[str, float]:
    import spacy

    from eventwire.nlp import MODEL

    texts = json.loads(texts_file.read_text(encoding="utf-8"))
    nlp = spacy.load(MODEL)
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64, n_process=workers):
        pass
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "articles": len(texts), **_peak_mb()}


def run_pipeline(paths_file: Path, workers: int) -> dict[str, float]:
    from eventwire.store.ingest import ingest

    paths = json.loads(paths_file.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="eventwire-throughput-") as folder:
        started = time.perf_counter()
        report = ingest(paths, Path(folder) / "store.duckdb", workers=workers)
        seconds = time.perf_counter() - started
    # every article read, as spaCy parses every text: an exact copy is stored once, not skipped unread
    return {"seconds": seconds, "articles": report.articles_new + report.articles_known, **_peak_mb()}


def run_stages(paths_file: Path, _: int) -> dict[str, float]:
    from eventwire.nlp import load_nlp
    from eventwire.pipeline import STAGE_SECONDS, process

    paths = json.loads(paths_file.read_text(encoding="utf-8"))[:STAGE_ARTICLES]
    load_nlp()
    started = time.perf_counter()
    done = sum(1 for _ in process(paths))
    return {"seconds": time.perf_counter() - started, "articles": done, **STAGE_SECONDS}


def run_dask(count_file: Path, _: int) -> dict[str, float]:
    from eventwire.bench.speedup import dask_speedup

    figures = dask_speedup(int(count_file.read_text()))
    return {key: float(value) for key, value in figures.items()}


def run_long(count_file: Path, _: int) -> dict[str, float]:
    from eventwire.bench.formats import write_jsonl
    from eventwire.pipeline import process

    count = int(count_file.read_text())
    with tempfile.TemporaryDirectory(prefix="eventwire-long-") as folder:
        write_jsonl(list(generate(count, seed=1)), Path(folder))
        samples: list[float] = []
        number = 0
        started = time.perf_counter()
        for number, _ in enumerate(process([folder]), 1):
            if number % 1000 == 0 or number == min(100, count):
                samples.append(_rss_mb())
        seconds = time.perf_counter() - started
    sampled_at = [min(100, count), *range(1000, number + 1, 1000)]
    return {"articles": number, "seconds": seconds, "rss_first_mb": samples[0], "rss_last_mb": _rss_mb(),
            "rss_max_sampled_mb": max(samples),
            **{f"rss_mb_at/{at:06d}": value for at, value in zip(sampled_at, samples, strict=False)}}  # fmt: skip


def _median_run(runs: list[dict[str, float]]) -> dict[str, float]:
    """The run of median time (the lower middle one of an even number)."""
    return sorted(runs, key=lambda run: run["seconds"] / run["articles"])[(len(runs) - 1) // 2]


RUNS = {"spacy": run_spacy, "pipeline": run_pipeline, "stages": run_stages, "dask": run_dask, "long": run_long}


def _measure(kind: str, argument: Path, workers: int) -> dict[str, float]:
    """``kind`` in a fresh interpreter; its dictionary of figures."""
    command = [sys.executable, __file__, "--run", kind, str(argument), "--workers", str(workers)]
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=default_workers())
    parser.add_argument("--source", choices=("generated", "news"), default="generated")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each side, alternated; the median is reported")
    parser.add_argument("--dask-articles", type=int, default=200, help="articles of the Dask speed-up run (0: none)")
    parser.add_argument("--long", type=int, help="instead: RSS over a one-process run of this many articles")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--run", nargs=2, metavar=("KIND", "FILE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.long is not None and args.long < 1:
        parser.error("--long needs at least one article")
    if args.repeat < 1:
        parser.error("--repeat needs at least one run")
    if args.run:
        kind, argument = args.run
        print(json.dumps(RUNS[kind](Path(argument), args.workers)))
        return 0
    metrics: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="eventwire-throughput-") as name:
        folder = Path(name)
        if args.long is not None:
            (folder / "count").write_text(str(args.long))
            long = _measure("long", folder / "count", 1)
            metrics = {f"long/{key}": value for key, value in long.items()}
            metrics["long/rss_growth_mb"] = long["rss_last_mb"] - long["rss_first_mb"]
            if "rss_mb_at/001000" in long:  # after the warm-up: the tables and bounded caches full
                metrics["long/rss_growth_after_1000_mb"] = long["rss_last_mb"] - long["rss_mb_at/001000"]
        else:
            paths = _inputs(args.source, args.articles, folder)
            texts = _clean_texts(paths)
            words = sum(len(text.split()) for text in texts) / len(texts)
            (folder / "paths.json").write_text(json.dumps(paths))
            (folder / "texts.json").write_text(json.dumps(texts))
            bares, wholes = [], []
            for _ in range(args.repeat):  # alternated, so that a slow spell of the machine meets both sides
                bares.append(_measure("spacy", folder / "texts.json", args.workers))
                wholes.append(_measure("pipeline", folder / "paths.json", args.workers))
            bare, whole = _median_run(bares), _median_run(wholes)
            stages = _measure("stages", folder / "paths.json", 1)
            metrics = {
                "articles": whole["articles"], "workers": args.workers, "words_per_article": round(words),
                "repeat": args.repeat,
                "articles_per_s": whole["articles"] / whole["seconds"],
                "words_per_s": whole["articles"] * words / whole["seconds"],
                "spacy_articles_per_s": bare["articles"] / bare["seconds"],
                "spacy_words_per_s": bare["articles"] * words / bare["seconds"],
                # peak memory: the largest of every run
                "peak_rss_mb": max(max(run["worker_rss_mb"], run["parent_rss_mb"]) for run in wholes),
                "peak_rss_worker_mb": max(run["worker_rss_mb"] for run in wholes),
                "peak_rss_parent_mb": max(run["parent_rss_mb"] for run in wholes),
                "spacy_peak_rss_mb": max(max(run["worker_rss_mb"], run["parent_rss_mb"]) for run in bares),
            }  # fmt: skip
            metrics["ratio_to_spacy"] = metrics["articles_per_s"] / metrics["spacy_articles_per_s"]
            # each pipeline run against the spaCy run just before it: the spread of the ratio
            paired = [(b["seconds"] / b["articles"]) / (w["seconds"] / w["articles"]) for b, w in zip(bares, wholes, strict=True)]
            metrics["ratio_to_spacy/lowest"], metrics["ratio_to_spacy/highest"] = min(paired), max(paired)
            timed = {key: value for key, value in stages.items() if key not in ("seconds", "articles")}
            for key, value in timed.items():
                metrics[f"stage_share/{key}"] = value / stages["seconds"]
            metrics["event_stage_share"] = metrics["stage_share/events"]
            if args.dask_articles:
                (folder / "dask_count").write_text(str(args.dask_articles))
                dask = _measure("dask", folder / "dask_count", 2)
                metrics["dask_speedup_2_workers"] = dask["dask_speedup_2_workers"]
                metrics["dask_same_rows"] = dask["same_rows"]
                metrics["dask_seconds_1_worker"] = dask["seconds_1_worker"]
                metrics["dask_seconds_2_workers"] = dask["seconds_2_workers"]
    table = Table(title="Throughput" if args.long is None else f"RSS over {args.long:,} articles")
    table.add_column("figure")
    table.add_column("value", justify="right")
    for key, value in metrics.items():
        table.add_row(key, f"{value:,.3f}" if isinstance(value, float) else f"{value:,}")
    Console().print(table)
    if args.json:
        print(json.dumps({"task": "throughput", "metrics": {key: round(value, 4) for key, value in metrics.items()}}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
