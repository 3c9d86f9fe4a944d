"""Run inputs through ``pipeline.process`` one at a time in a child process, each under a
time limit, and say for each what came out: results, codes, a crash, a hang, peak memory.

Why a child process: a hang can only be stopped from outside (the child is killed and a new
one started for the next input), a crash of the interpreter (a C extension's segfault, the
kernel's OOM killer) must not end the run that counts it, and the peak memory of a fresh
child is the peak of the input it ran. The child loads the pipeline once and reads requests,
one JSON line each, from its standard input.

    python -m eventwire.reliability.probe      # the child; ``Probe`` starts it
"""

from __future__ import annotations

import json
import os
import selectors
import subprocess
import sys
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

from eventwire.ingest import DEFAULT_MAX_BYTES

INTERNAL = "E900"
"""The code of an exception eventwire did not expect: a crash, though the batch went on."""


@dataclass
class Outcome:
    """What one input gave.

    ``crash`` names what went wrong when the input was not handled as designed: an exception
    out of ``process``, an ``E900`` problem, no result at all, or a child that died; ``hang``
    is true when the input took longer than the time limit.
    """

    path: str
    results: int = 0
    articles: int = 0
    codes: list[str] = field(default_factory=list)
    seconds: float = 0.0
    peak_rss_mb: float = 0.0
    crash: str | None = None
    hang: bool = False


def child_env() -> dict[str, str]:
    """This process's environment, with the folder holding this ``eventwire`` first on
    ``PYTHONPATH``, so that a child ``python -m eventwire...`` runs the same code."""
    here = str(Path(__file__).resolve().parents[2])
    return {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, (here, os.environ.get("PYTHONPATH"))))}


def _peak_rss_mb() -> float:
    """This process's peak resident memory so far (``VmHWM``), in MB."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def run_one(path: str, max_bytes: int) -> Outcome:
    """In the child: ``process`` over one input, and what came out."""
    from eventwire.pipeline import process

    outcome = Outcome(path)
    started = time.perf_counter()
    try:
        for result in process([path], max_bytes=max_bytes):
            outcome.results += 1
            outcome.articles += result.article is not None
            outcome.codes += [problem.code for problem in result.problems]
    except BaseException as error:  # noqa: BLE001 - what the probe exists to see
        outcome.crash = f"{type(error).__name__}: {error}\n{traceback.format_exc(limit=8)}"
    outcome.seconds = time.perf_counter() - started
    outcome.peak_rss_mb = _peak_rss_mb()
    if outcome.crash is None and INTERNAL in outcome.codes:
        outcome.crash = f"{INTERNAL} among the problems"
    if outcome.crash is None and outcome.results == 0:
        outcome.crash = "no result: the input was not accounted for"
    return outcome


def child() -> None:
    """The child's loop: one request (``{"path": ..., "max_bytes": ...}``) per line in, one
    ``Outcome`` per line out."""
    from eventwire.nlp import load_nlp

    load_nlp()
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        request = json.loads(line)
        outcome = run_one(request["path"], request.get("max_bytes", DEFAULT_MAX_BYTES))
        print(json.dumps(outcome.__dict__), flush=True)


class Probe:
    """The parent's side: a child that runs inputs one at a time, restarted after a crash or
    a hang. Use as a context manager; ``fresh=True`` on ``run`` gives an input a child of its
    own (so that the peak memory reported is that input's)."""

    def __init__(self, *, timeout: float = 30.0, start_timeout: float = 120.0) -> None:
        self.timeout = timeout
        self.start_timeout = start_timeout
        self._child: subprocess.Popen[str] | None = None

    def __enter__(self) -> Probe:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        self._stop()

    def _start(self) -> subprocess.Popen[str]:
        child = subprocess.Popen(
            [sys.executable, "-m", "eventwire.reliability.probe"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=child_env(),
        )  # fmt: skip
        if self._read_line(child, self.start_timeout) is None:
            child.kill()
            child.wait()
            raise RuntimeError("the probe's child did not start")
        return child

    def _stop(self) -> None:
        if self._child is not None:
            self._child.kill()
            self._child.wait()
            self._child = None

    @staticmethod
    def _read_line(child: subprocess.Popen[str], timeout: float) -> str | None:
        """The child's next line, or None when it sent none in ``timeout`` seconds or died."""
        assert child.stdout is not None
        with selectors.DefaultSelector() as selector:
            selector.register(child.stdout, selectors.EVENT_READ)
            if not selector.select(timeout):
                return None
        line = child.stdout.readline()
        return line or None

    def run(self, path: Path | str, *, max_bytes: int = DEFAULT_MAX_BYTES, fresh: bool = False) -> Outcome:
        """One input through the pipeline in the child, within the time limit."""
        if fresh:
            self._stop()
        if self._child is None:
            self._child = self._start()
        child = self._child
        assert child.stdin is not None
        started = time.perf_counter()
        child.stdin.write(json.dumps({"path": str(path), "max_bytes": max_bytes}) + "\n")
        child.stdin.flush()
        line = self._read_line(child, self.timeout)
        if line is not None:
            return Outcome(**json.loads(line))
        seconds = time.perf_counter() - started
        died = child.poll()
        self._stop()
        if died is not None:
            return Outcome(str(path), seconds=seconds, crash=f"the child process died (exit status {died})")
        return Outcome(str(path), seconds=seconds, hang=True)


if __name__ == "__main__":
    child()
