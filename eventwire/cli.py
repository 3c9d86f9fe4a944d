"""The ``eventwire`` command: a thin Typer layer over the plain functions of each stage.

Results go to stdout (JSON Lines by default); logs, problems and progress go to stderr, so
``eventwire process ... > out.jsonl`` keeps a clean file. Exit status: 0 when every input
gave an article, 1 when some failed, 3 when all failed (or none was found), 2 for usage
errors.
"""

from __future__ import annotations

import json
import sys
from contextlib import nullcontext
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from eventwire import __version__
from eventwire.errors import EventwireError
from eventwire.ingest import DEFAULT_MAX_BYTES
from eventwire.pipeline import ArticleResult, exit_status, process
from eventwire.progress import IngestProgress
from eventwire.report import print_ingest_summary, print_problem, print_results_table
from eventwire.store.ingest import DEFAULT_BATCH_SIZE, ingest

app = typer.Typer(
    name="eventwire",
    help="Structured, explainable political event data from raw news articles.",
    no_args_is_help=True,
    rich_markup_mode="rich",
    epilog=(
        "Examples:\n\n"
        "  eventwire process examples/articles/01_caucasus_mediation.txt\n\n"
        "  eventwire process 'crawl/**/*.html' --format table\n\n"
        "  cat articles.jsonl | eventwire process -\n\n"
        "  eventwire ingest examples/articles --db eventwire.duckdb"
    ),
)
stderr = Console(stderr=True)

PathsArg = Annotated[list[str], typer.Argument(help="Files, directories (recursive), globs, or - for stdin.")]
MaxBytesOpt = Annotated[int, typer.Option("--max-bytes", help="Refuse a page or JSONL line larger than this.")]


class OutputFormat(str, Enum):
    json = "json"
    table = "table"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"eventwire {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """eventwire turns news articles into coded events, quotes and places, with their evidence."""


@app.command("process")
def process_command(
    paths: PathsArg,
    output: Annotated[OutputFormat, typer.Option("--format", "-f", help="json: JSON Lines; table: a summary.")] = OutputFormat.json,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
) -> None:
    """Process articles and print one JSON object per article (JSON Lines) on stdout.

    Example: eventwire process examples/articles --format table
    """
    results: list[ArticleResult] = []
    total = failed = 0
    for result in process(paths, max_bytes=max_bytes):
        total += 1
        failed += result.failed
        for problem in result.problems:
            print_problem(stderr, problem)
        if output is OutputFormat.json:
            sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
        else:
            results.append(result)
    if output is OutputFormat.table:
        print_results_table(Console(), results)
    raise typer.Exit(exit_status(total, failed))


@app.command("ingest")
def ingest_command(
    paths: PathsArg,
    db: Annotated[Path, typer.Option("--db", help="DuckDB file to write (created if missing).")] = Path("eventwire.duckdb"),
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Articles per transaction.")] = DEFAULT_BATCH_SIZE,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
    progress: Annotated[
        bool | None,
        typer.Option(
            "--progress/--no-progress",
            help="Show articles done, articles/s and errors on stderr (default: when stderr is a terminal; "
            "elsewhere a plain line per batch).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Process articles and store them in the DuckDB store, then print what was found.

    Example: eventwire ingest examples/articles --db eventwire.duckdb
    """
    shown = stderr.is_terminal if progress is None else progress
    tracker = IngestProgress(stderr, live=stderr.is_terminal, every=batch_size) if shown else None

    def on_result(result: ArticleResult) -> None:
        for problem in result.problems:
            print_problem(stderr, problem)
        if tracker is not None:
            tracker(result)

    try:
        with tracker or nullcontext():
            report = ingest(paths, db, batch_size=batch_size, max_bytes=max_bytes, on_result=on_result, keep_results=True)
    except EventwireError as error:
        stderr.print(f"[bold red]{error}[/]")
        raise typer.Exit(1) from error
    print_ingest_summary(Console(), report, db)
    raise typer.Exit(exit_status(report.inputs, report.failed))


def main() -> None:
    """Console-script entry point."""
    app()
