"""Time a Dask ingest of one generated corpus with one worker and with two, and print the speed-up.

    python benchmarks/dask_speedup.py [--articles 200] [--chunk-files 10] [--seed 0] [--json]

The measuring is ``eventwire.bench.speedup.dask_speedup`` (its docstring says what is
timed). With ``--json`` the last line is one JSON object
``{"task": "dask_speedup", "metrics": {"dask_speedup_2_workers": ..., "articles": ...,
"seconds_1_worker": ..., "seconds_2_workers": ..., ...}}``. Exits 1 when the two stores
differ in any row.
"""

from __future__ import annotations

import argparse
import json
import sys

from eventwire.bench.speedup import dask_speedup


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--chunk-files", type=int, default=10, help="Files per chunk (200 articles: 20 chunks).")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", action="store_true", help="End with one JSON line of the metrics.")
    args = parser.parse_args()
    metrics = dask_speedup(args.articles, chunk_files=args.chunk_files, seed=args.seed)
    print(f"articles: {metrics['articles']} ({metrics['articles_stored']} stored), {metrics['chunk_files']} files per chunk")
    print(f"1 worker:  {metrics['seconds_1_worker']} s (cluster start {metrics['cluster_start_seconds_1_worker']} s apart)")
    print(f"2 workers: {metrics['seconds_2_workers']} s (cluster start {metrics['cluster_start_seconds_2_workers']} s apart)")
    print(f"speed-up of 2 workers over 1: {metrics['dask_speedup_2_workers']}; same rows: {metrics['same_rows']}")
    if args.json:
        print(json.dumps({"task": "dask_speedup", "metrics": metrics}))
    sys.exit(0 if metrics["same_rows"] else 1)


if __name__ == "__main__":  # LocalCluster's worker processes import this module again: start nothing then
    main()
