"""Progress of a long ingest on stderr: articles done, articles per second, errors.

``ingest`` only calls a hook per result; this module is the hook the CLI passes. On a
terminal it is a live Rich line that problems scroll above; elsewhere (a log file, a pipe
read by a supervisor such as ``benchmarks/kill_resume.py``) it prints one plain line per
``every`` articles, each written after the batch holding those articles was committed:

    progress: 300 articles, 12.4 articles/s, 0 errors
"""

from __future__ import annotations

import time
from types import TracebackType

from rich.console import Console
from rich.progress import Progress, ProgressColumn, SpinnerColumn, Task, TextColumn, TimeElapsedColumn
from rich.text import Text

from eventwire.pipeline import ArticleResult


class _RateColumn(ProgressColumn):
    """Articles per second, averaged by Rich over its recent samples."""

    def render(self, task: Task) -> Text:
        return Text(f"{task.speed or 0:.1f} articles/s", style="cyan")


class IngestProgress:
    """A per-result hook that shows how far an ingest has come; use it as a context manager."""

    def __init__(self, console: Console, *, live: bool, every: int) -> None:
        self.console = console
        self.every = every
        self.done = 0
        self.errors = 0
        self._started = time.monotonic()
        self._live: Progress | None = None
        if live:
            self._live = Progress(
                SpinnerColumn(),
                TextColumn("[bold]{task.completed}[/] articles"),
                _RateColumn(),
                TextColumn("[red]{task.fields[errors]}[/] errors"),
                TimeElapsedColumn(),
                console=console,
                transient=False,
            )
            self._task = self._live.add_task("ingest", total=None, errors=0)

    def __enter__(self) -> IngestProgress:
        if self._live is not None:
            self._live.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        if self._live is not None:
            self._live.stop()
        elif self.done % self.every:
            self._print_line()

    def __call__(self, result: ArticleResult) -> None:
        self.done += 1
        self.errors += result.failed
        if self._live is not None:
            self._live.update(self._task, advance=1, errors=self.errors)
        elif self.done % self.every == 0:
            self._print_line()

    def _print_line(self) -> None:
        rate = self.done / max(time.monotonic() - self._started, 1e-9)
        self.console.print(
            f"progress: {self.done} articles, {rate:.1f} articles/s, {self.errors} errors", markup=False, highlight=False
        )
