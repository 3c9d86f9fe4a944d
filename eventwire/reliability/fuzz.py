"""Coverage-guided fuzzing of the readers and the extraction with atheris (libFuzzer).

    python -m eventwire.reliability.fuzz [--seconds 60] [--json]     # make fuzz

Each input the fuzzer makes is one file: its first byte picks the file name's suffix (HTML,
text, JSONL, gzip, WARC, none), the rest is its content. The target reads it with
``read_documents`` and extracts every document with ``extract_input``: any exception, and
any ``E900`` problem (an exception the pipeline caught for us), is a crash; libFuzzer then
stops, and the input is kept in ``fuzz-crashes/`` in the current folder. The spaCy parse and the
coders are left out: they run too slowly for fuzzing (about ten inputs a second), and the
property tests (``tests/reliability``) give them arbitrary text.

The run is bounded in time (``-max_total_time``); the seed corpus is the hostile catalogue
without its two large inputs, and a few generated articles in each format.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from eventwire.reliability.probe import child_env

SUFFIXES = (".html", ".txt", ".jsonl", ".txt.gz", ".html.gz", ".warc.gz", ".warc", "")
KEPT = Path("fuzz-crashes")
"""Where the inputs that crashed are copied (in the current folder)."""
MAX_BYTES = 1 << 20
"""Largest input the readers accept while fuzzing (libFuzzer's inputs are smaller still)."""


def _target(folder: Path) -> object:
    """The function libFuzzer calls with each input (built after the imports are instrumented)."""
    from eventwire.ingest import Document, read_documents
    from eventwire.pipeline import extract_input

    paths = [folder / f"input{suffix}" for suffix in SUFFIXES]

    def one_input(data: bytes) -> None:
        if not data:
            return
        path = paths[data[0] % len(paths)]
        path.write_bytes(data[1:])
        for item in read_documents([str(path)], max_bytes=MAX_BYTES):
            result = extract_input(item)
            codes = [problem.code for problem in result.problems]
            if "E900" in codes:
                raise AssertionError(f"E900 on {path.name}: {result.problems}")
            if not isinstance(item, Document) and not codes:
                raise AssertionError(f"a failure without a problem on {path.name}")

    return one_input


def _seed_corpus(folder: Path) -> None:
    """The catalogue's small inputs and generated articles, each with its suffix byte."""
    from eventwire.bench.corpus import generate
    from eventwire.bench.formats import WRITERS
    from eventwire.reliability.hostile import catalogue

    def add(name: str, data: bytes) -> None:
        suffix = next((s for s in sorted(SUFFIXES, key=len, reverse=True) if s and name.endswith(s)), "")
        (folder / name).write_bytes(bytes([SUFFIXES.index(suffix)]) + data[:MAX_BYTES])

    for hostile in catalogue(large=False):
        add(hostile.name, hostile.make())
    articles = list(generate(3, seed=7))
    with tempfile.TemporaryDirectory() as written:
        for kind, writer in WRITERS.items():
            writer(articles, Path(written) / kind)
        for path in Path(written).rglob("*"):
            if path.is_file():
                add(f"{path.parent.name}-{path.name}", path.read_bytes())


def fuzz_child(seconds: int, corpus: Path, work: Path) -> None:
    """In the child: instrument eventwire's reading and extraction, then fuzz."""
    import atheris

    with atheris.instrument_imports(include=["eventwire", "trafilatura", "justext", "htmldate", "courlan"]):
        target = _target(work)
    options = [f"-max_total_time={seconds}", "-max_len=65536", "-rss_limit_mb=4096", "-print_final_stats=1"]
    atheris.Setup([sys.argv[0], *options, str(corpus)], target)
    atheris.Fuzz()


_RUNS = re.compile(r"(?:stat::number_of_executed_units:\s*(\d+))|(?:Done (\d+) runs)")


def run_fuzz(seconds: int) -> dict[str, float]:
    """A bounded fuzz run in a child process: executions, and whether a crash was found."""
    with tempfile.TemporaryDirectory(prefix="eventwire-fuzz-") as name:
        folder = Path(name)
        corpus, work = folder / "corpus", folder / "work"
        corpus.mkdir()
        work.mkdir()
        _seed_corpus(corpus)
        seeds = sum(1 for _ in corpus.iterdir())
        command = [sys.executable, "-m", "eventwire.reliability.fuzz", "--child", str(seconds), str(corpus), str(work)]
        done = subprocess.run(command, capture_output=True, text=True, cwd=work, timeout=seconds + 600, check=False,
                              env=child_env())  # fmt: skip
        output = done.stdout + done.stderr
        counts = [int(a or b) for a, b in _RUNS.findall(output)]
        found = [path for pattern in ("crash-*", "timeout-*", "oom-*") for path in work.glob(pattern)]
        crashes = len(found) or int(done.returncode != 0)
        if crashes:
            sys.stderr.write(output[-4000:])
            KEPT.mkdir(exist_ok=True)
            for path in found:  # the temporary folder goes: keep the inputs that crashed, to replay them
                shutil.copy(path, KEPT / path.name)
            sys.stderr.write(f"\ninputs that crashed: {KEPT}/ (first byte: the suffix, SUFFIXES[byte % {len(SUFFIXES)}]; then the file)\n")
    return {"fuzz_execs": max(counts, default=0), "fuzz_crashes": crashes, "fuzz_seconds": seconds, "fuzz_seeds": seeds}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=60, help="how long to fuzz")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--child", nargs=3, metavar=("SECONDS", "CORPUS", "WORK"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        seconds, corpus, work = args.child
        fuzz_child(int(seconds), Path(corpus), Path(work))
        return 0
    metrics = run_fuzz(args.seconds)
    for key, value in metrics.items():
        print(f"{key:>14}  {value:,}")
    if args.json:
        print(json.dumps({"task": "fuzz", "metrics": metrics}))
    return 1 if metrics["fuzz_crashes"] else 0


if __name__ == "__main__":
    sys.exit(main())
