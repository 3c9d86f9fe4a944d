"""The ``eventwire`` command: a thin Typer layer over the plain functions of each stage.

Results go to stdout (JSON Lines by default); logs, problems and progress go to stderr, so
``eventwire process ... > out.jsonl`` keeps a clean file. Exit status: 0 when every input
gave an article, 1 when some failed, 3 when all failed (or none was found), 2 for usage
errors.
"""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from eventwire import __version__
from eventwire.errors import EventwireError
from eventwire.export import ExportFormat, export
from eventwire.export.run import TABLE_FORMATS
from eventwire.export.tables import DEFAULT_TABLE, EXPORT_TABLES
from eventwire.ingest import DEFAULT_MAX_BYTES
from eventwire.pipeline import ArticleResult, exit_status, process
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
        "  eventwire ingest examples/articles --db eventwire.duckdb\n\n"
        "  eventwire export --format gdelt --db eventwire.duckdb > events.tsv"
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
) -> None:
    """Process articles and store them in the DuckDB store, then print what was found.

    Example: eventwire ingest examples/articles --db eventwire.duckdb
    """
    try:
        report = ingest(
            paths,
            db,
            batch_size=batch_size,
            max_bytes=max_bytes,
            on_result=lambda result: [print_problem(stderr, p) for p in result.problems],
            keep_results=True,
        )
    except EventwireError as error:
        stderr.print(f"[bold red]{error}[/]")
        raise typer.Exit(1) from error
    print_ingest_summary(Console(), report, db)
    raise typer.Exit(exit_status(report.inputs, report.failed))


FormatOpt = Annotated[
    ExportFormat,
    typer.Option("--format", "-f", help="gdelt: GDELT 2.0 events (TSV); plover: PLOVER JSON; csv, parquet: one table."),
]
TableOpt = Annotated[
    str | None,
    typer.Option("--table", help=f"csv/parquet: the table or view ({', '.join(EXPORT_TABLES)}); default events."),
]


@app.command("export")
def export_command(
    fmt: FormatOpt,
    db: Annotated[Path, typer.Option("--db", help="DuckDB store to read (opened read-only).")] = Path("eventwire.duckdb"),
    out: Annotated[Path | None, typer.Option("--out", "-o", help="File to write; stdout when not given.")] = None,
    table: TableOpt = None,
    unique: Annotated[bool, typer.Option("--unique", help="gdelt/plover: each real-world event once.")] = False,
    array: Annotated[bool, typer.Option("--array", help="plover: one JSON array, not JSON Lines.")] = False,
) -> None:
    """Export the store as GDELT 2.0 events, PLOVER JSON, or CSV/Parquet of a table (docs/export.md).

    Example: eventwire export --format gdelt --db eventwire.duckdb --out events.tsv
    """
    tabular = fmt in TABLE_FORMATS
    if table is not None and not tabular:
        raise typer.BadParameter("only with --format csv or parquet", param_hint="--table")
    if table is not None and table not in EXPORT_TABLES:
        raise typer.BadParameter(f"one of {', '.join(EXPORT_TABLES)}", param_hint="--table")
    if unique and tabular:
        raise typer.BadParameter("only with --format gdelt or plover (a table: --table unique_events)", param_hint="--unique")
    if array and fmt is not ExportFormat.plover:
        raise typer.BadParameter("only with --format plover", param_hint="--array")
    try:
        count = export(db, fmt, out, sys.stdout.buffer, table=table or DEFAULT_TABLE, unique=unique, array=array)
    except EventwireError as error:
        stderr.print(f"[bold red]{error}[/]")
        raise typer.Exit(1) from error
    sys.stdout.buffer.flush()
    stderr.print(f"{count} {'rows' if tabular else 'events'} written to {out or 'stdout'}")


def main() -> None:
    """Console-script entry point."""
    app()
