"""The ``eventwire`` command: a thin Typer layer over the plain functions of each stage.

Results go to stdout (JSON Lines by default); logs, problems and progress go to stderr, so
``eventwire process ... > out.jsonl`` keeps a clean file. Exit status: 0 when every input
gave an article, 1 when some failed, 3 when all failed (or none was found), 2 for usage
errors. The query commands (``events``, ``dyad``, ``actors``, ``article``, ``sql``) exit 0
with their answer, 1 on an error (its code on stderr) and 2 on a usage error.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from contextlib import nullcontext
from enum import Enum
from pathlib import Path
from typing import Annotated

import duckdb
import typer
from rich.console import Console

from eventwire import __version__
from eventwire.errors import BadClusterAddress, EventwireError, InvalidFilter, StoreLocked
from eventwire.export import ExportFormat, export
from eventwire.export.run import TABLE_FORMATS
from eventwire.export.tables import DEFAULT_TABLE, EXPORT_TABLES
from eventwire.ingest import DEFAULT_MAX_BYTES
from eventwire.parallel import default_workers
from eventwire.pipeline import ArticleResult, exit_status, process
from eventwire.progress import IngestProgress
from eventwire.query import (
    BRIEF_COLUMNS, DEFAULT_TIMEOUT, EVENT_COLUMNS, EventFilter, Format, Result, dyad_summary, find_events, get_article,
    list_actors, open_reader, parse_dyad, run_sql, write_result,
)  # fmt: skip
from eventwire.query.article import TABLE_COLUMNS as ARTICLE_TABLE_COLUMNS
from eventwire.query.filters import Period
from eventwire.report import SUMMARY_ROWS, print_ingest_summary, print_problem, print_results_table
from eventwire.scale import ScaleReport, run_dask
from eventwire.scale.chunks import DEFAULT_CHUNK_FILES
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
        "  eventwire dyad RUS UKR --by month --db eventwire.duckdb\n\n"
        "  eventwire export --format gdelt --db eventwire.duckdb > events.tsv"
    ),
)
stderr = Console(stderr=True)

PathsArg = Annotated[list[str], typer.Argument(help="Files, directories (recursive), globs, or - for stdin.")]
MaxBytesOpt = Annotated[int, typer.Option("--max-bytes", help="Refuse a page (a file, a JSONL line, a WARC record) larger than this.")]
WorkersOpt = Annotated[
    int | None,
    typer.Option("--workers", min=1, help="Processes that extract, parse and code (default: the number of cores)."),
]


def _print_error(error: EventwireError) -> None:
    """Print a coded error and its hint on stderr, verbatim.

    Rich markup is off because messages hold user text: a path such as ``br[x]/a.duckdb``
    or SQL such as ``SELECT [1`` would otherwise be read as tags and lose its brackets. The
    error is not wrapped, so that its line in a log holds the whole path for grep.
    """
    stderr.print(str(error), style="bold red", markup=False, highlight=False, soft_wrap=True)
    if error.hint:
        stderr.print(error.hint, style="dim", markup=False, highlight=False)


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
    workers: WorkersOpt = None,
) -> None:
    """Process articles and print one JSON object per article (JSON Lines) on stdout.

    Example: eventwire process examples/articles --format table
    """
    results: list[ArticleResult] = []
    total = failed = 0
    for result in process(paths, max_bytes=max_bytes, workers=workers or default_workers()):
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
    workers: WorkersOpt = None,
    progress: Annotated[
        bool | None,
        typer.Option(
            "--progress/--no-progress",
            help="Show articles done, articles/s and errors on stderr (default: when stderr is a terminal; "
            "elsewhere a plain line per batch).",
            show_default=False,
        ),
    ] = None,
    dask: Annotated[
        str | None,
        typer.Option(
            "--dask", metavar="ADDRESS", help="Code on a Dask cluster: local, local:N or tcp://host:8786 (docs/scale.md)."
        ),
    ] = None,
    parts: Annotated[
        Path | None,
        typer.Option("--parts", help="With --dask: folder of the chunks' Parquet partitions (default: DB.parts)."),
    ] = None,
    chunk_files: Annotated[
        int, typer.Option("--chunk-files", min=1, help="With --dask: input files per chunk.")
    ] = DEFAULT_CHUNK_FILES,
) -> None:
    """Process articles and store them in the DuckDB store, then print the first inputs and the counts.

    Example: eventwire ingest examples/articles --db eventwire.duckdb

    Example: eventwire ingest crawl/ --dask local:4 --db eventwire.duckdb
    """
    if dask is None and (parts is not None or chunk_files != DEFAULT_CHUNK_FILES):
        raise typer.BadParameter("only with --dask", param_hint="--parts/--chunk-files")
    show_progress = stderr.is_terminal if progress is None else progress
    tracker = IngestProgress(stderr, live=stderr.is_terminal, every=batch_size) if show_progress else None

    shown: list[ArticleResult] = []  # the summary's rows only: a long run keeps no more

    def on_result(result: ArticleResult) -> None:
        # a Dask run's loader has each result's rows, not the codings the table of inputs shows
        if dask is None and len(shown) < SUMMARY_ROWS:
            shown.append(result)
        for problem in result.problems:
            print_problem(stderr, problem)
        if tracker is not None:
            tracker(result)

    try:
        with tracker or nullcontext():
            if dask is None:
                report = ingest(
                    paths, db, batch_size=batch_size, max_bytes=max_bytes, on_result=on_result,
                    workers=workers or default_workers(),
                )  # fmt: skip
            else:
                report = run_dask(
                    paths, db, dask, parts=parts, batch_size=batch_size, max_bytes=max_bytes, chunk_files=chunk_files,
                    on_result=on_result,
                )  # fmt: skip
    except EventwireError as error:
        _print_error(error)
        raise typer.Exit(2 if isinstance(error, BadClusterAddress) else 1) from error
    status = exit_status(report.inputs, report.failed)
    if isinstance(report, ScaleReport):
        for failure in report.failures:
            _print_error(failure)
        if report.failures and status == 0:  # every input that was coded gave an article, but not all were
            status = 1
    print_ingest_summary(Console(), report, db, shown)
    raise typer.Exit(status)


# --- Queries: events, dyad, actors, article, sql (eventwire.query; docs/query.md) ------------

ReadDbOpt = Annotated[Path, typer.Option("--db", help="DuckDB store to read (opened read-only, never created).")]
QueryFormatOpt = Annotated[
    Format, typer.Option("--format", "-f", help="table, csv (header line), json (JSON Lines) or parquet.")
]
OutOpt = Annotated[Path | None, typer.Option("--out", "-o", help="Write to this file instead of stdout.")]
TimeoutOpt = Annotated[float, typer.Option("--timeout", min=0.001, help="Stop the query after this many seconds (E606).")]
SinceOpt = Annotated[str | None, typer.Option("--since", help="Events dated on or after this ISO date: 2024, 2024-05, 2024-05-10.")]
UntilOpt = Annotated[str | None, typer.Option("--until", help="Events dated on or before this ISO date.")]
UniqueOpt = Annotated[bool, typer.Option("--unique", help="Count each real-world event once, not every report of it.")]
LimitOpt = Annotated[int, typer.Option("--limit", min=0, help="At most this many rows; 0 for all.")]


def _answer(
    db: Path,
    output: Format,
    out: Path | None,
    query: Callable[[duckdb.DuckDBPyConnection], Result],
    *,
    part_columns: Mapping[str, Sequence[str]] | None = None,
) -> None:
    """Open the store read-only, run ``query`` and write its result.

    Exit 1 with the coded error on stderr when it fails; exit 2 (usage) for a value the
    API refuses (E601), as for one Typer refuses.
    """
    if output is Format.parquet and out is None and sys.stdout.isatty():
        raise typer.BadParameter("Parquet is binary: give --out FILE or redirect stdout.", param_hint="'--format'")
    try:
        with open_reader(db) as connection:
            write_result(query(connection), output, out, part_columns=part_columns)
    except EventwireError as error:
        _print_error(error)
        raise typer.Exit(2 if isinstance(error, InvalidFilter) else 1) from error


@app.command("events")
def events_command(
    db: ReadDbOpt = Path("eventwire.duckdb"),
    actor: Annotated[str | None, typer.Option("--actor", help="Source or target code prefix: RUS matches RUSGOV.")] = None,
    dyad: Annotated[str | None, typer.Option("--dyad", help="SOURCE:TARGET code prefixes, directed: RUS:ARM.")] = None,
    both_directions: Annotated[bool, typer.Option("--both-directions", help="With --dyad, TARGET:SOURCE events too.")] = False,
    code: Annotated[str | None, typer.Option("--code", help="CAMEO code prefix: 03 keeps 030 to 0399.")] = None,
    root: Annotated[str | None, typer.Option("--root", help="CAMEO root, two digits: 19.")] = None,
    quad: Annotated[int | None, typer.Option("--quad", min=1, max=4, help="Quad class, 1 to 4.")] = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    period: Annotated[str | None, typer.Option("--period", help="One period as `eventwire dyad` cuts it: 2024-W19, 2024-05.")] = None,
    by: Annotated[Period | None, typer.Option("--by", help="With --period: day, week, month or year (default its own).")] = None,
    text: Annotated[str | None, typer.Option("--text", help="Sentence contains this, in any case.")] = None,
    unique: UniqueOpt = False,
    limit: LimitOpt = 100,
    offset: Annotated[int, typer.Option("--offset", min=0, help="Skip this many rows first.")] = 0,
    order: Annotated[str, typer.Option("--order", help="Column to sort by; -column for descending.")] = "date",
    columns: Annotated[str | None, typer.Option("--columns", help="Comma-separated columns, or 'all'.")] = None,
    output: QueryFormatOpt = Format.table,
    out: OutOpt = None,
    timeout: TimeoutOpt = DEFAULT_TIMEOUT,
) -> None:
    """Events matching every filter given, in date order.

    Example: eventwire events --dyad RUS:UKR --since 2024-06 --quad 4 --format csv
    """

    def query(connection: duckdb.DuckDBPyConnection) -> Result:
        event_filter = EventFilter(
            actor=actor, dyad=parse_dyad(dyad) if dyad is not None else None, both_directions=both_directions,
            code=code, root=root, quad=quad, since=since, until=until, period=period, by=by, text=text,
            unique=unique, limit=limit or None, offset=offset, order=order,
        )  # fmt: skip
        chosen = EVENT_COLUMNS if columns == "all" else columns.split(",") if columns else BRIEF_COLUMNS
        return find_events(connection, event_filter, columns=[column.strip() for column in chosen], timeout=timeout)

    _answer(db, output, out, query)


@app.command("dyad")
def dyad_command(
    a: Annotated[str, typer.Argument(help="First actor's code prefix (RUS).")],
    b: Annotated[str, typer.Argument(help="Second actor's code prefix (ARM).")],
    db: ReadDbOpt = Path("eventwire.duckdb"),
    by: Annotated[Period, typer.Option("--by", help="Period: day, week (ISO), month or year.")] = "month",
    since: SinceOpt = None,
    until: UntilOpt = None,
    unique: UniqueOpt = False,
    output: QueryFormatOpt = Format.table,
    out: OutOpt = None,
    timeout: TimeoutOpt = DEFAULT_TIMEOUT,
) -> None:
    """Events between two actors, both directions, per period: counts by quad class, Goldstein sum and mean.

    Example: eventwire dyad RUS UKR --by month
    """
    _answer(
        db, output, out,
        lambda connection: dyad_summary(connection, a, b, by=by, since=since, until=until, unique=unique, timeout=timeout),
    )  # fmt: skip


@app.command("actors")
def actors_command(
    db: ReadDbOpt = Path("eventwire.duckdb"),
    code: Annotated[str | None, typer.Option("--code", help="Code prefix: RUS lists RUS, RUSGOV, RUSMIL...")] = None,
    name: Annotated[str | None, typer.Option("--name", help="Name contains this, in any case.")] = None,
    limit: LimitOpt = 100,
    output: QueryFormatOpt = Format.table,
    out: OutOpt = None,
    timeout: TimeoutOpt = DEFAULT_TIMEOUT,
) -> None:
    """Actors in the store by code and name, with their articles and events as source and target.

    Example: eventwire actors --code RUS
    """
    _answer(
        db, output, out,
        lambda connection: list_actors(connection, code=code, name=name, limit=limit or None, timeout=timeout),
    )  # fmt: skip


@app.command("article")
def article_command(
    article_id: Annotated[str, typer.Argument(metavar="ID", help="Article id, or a prefix naming one article.")],
    db: ReadDbOpt = Path("eventwire.duckdb"),
    output: QueryFormatOpt = Format.table,
    out: OutOpt = None,
    timeout: TimeoutOpt = DEFAULT_TIMEOUT,
) -> None:
    """One article with its actors, events, quotes and places.

    Example: eventwire article 3481ef98 --format json
    """
    _answer(
        db, output, out, lambda connection: get_article(connection, article_id, timeout=timeout),
        part_columns=ARTICLE_TABLE_COLUMNS,
    )  # fmt: skip


@app.command("sql")
def sql_command(
    query: Annotated[str, typer.Argument(metavar="QUERY", help="One SELECT (or WITH, DESCRIBE, SHOW, EXPLAIN) statement.")],
    db: ReadDbOpt = Path("eventwire.duckdb"),
    output: QueryFormatOpt = Format.table,
    out: OutOpt = None,
    timeout: TimeoutOpt = DEFAULT_TIMEOUT,
) -> None:
    """Run your own read-only SQL on the store (tables and views: docs/store.md).

    Example: eventwire sql "select root, count(*) from events group by root order by 2 desc" --format csv
    """
    _answer(db, output, out, lambda connection: run_sql(connection, query, timeout=timeout))


# --- Exports (eventwire.export; docs/export.md) ------------------------------------------

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
        _print_error(error)
        raise typer.Exit(1) from error
    sys.stdout.buffer.flush()
    stderr.print(f"{count} {'rows' if tabular else 'events'} written to {out or 'stdout'}", markup=False, highlight=False)


# --- The web API (eventwire.web; docs/web.md) ---------------------------------------------


@app.command("serve")
def serve_command(
    db: ReadDbOpt = Path("eventwire.duckdb"),
    host: Annotated[str, typer.Option("--host", help="Address to listen on (127.0.0.1: this machine only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8000,
    timeout: TimeoutOpt = DEFAULT_TIMEOUT,
    allow_writes: Annotated[
        bool,
        typer.Option("--allow-writes", help="Accept POST /api/articles from clients bearing the token in EVENTWIRE_WEB_TOKEN."),
    ] = False,
) -> None:
    """Serve the dashboard and its JSON API over a store (docs/web.md); read-only unless --allow-writes.

    Example: eventwire serve --db eventwire.duckdb --port 8000
    """
    import uvicorn  # here, so that the other commands do not pay for importing the web stack

    from eventwire.web import create_app
    from eventwire.web.writes import TOKEN_VARIABLE, check_token

    try:
        token = check_token(os.environ.get(TOKEN_VARIABLE)) if allow_writes else None
        open_reader(db).close()
    except StoreLocked:
        pass  # an ingest is running: the API answers 503 until it is done, then serves its data
    except EventwireError as error:
        _print_error(error)
        raise typer.Exit(1) from error
    if token is not None:
        stderr.print(f"Writes are on: POST /api/articles with the token in {TOKEN_VARIABLE}.", markup=False, highlight=False)
    uvicorn.run(create_app(db, query_timeout=timeout, write_token=token), host=host, port=port)


def main() -> None:
    """Console-script entry point."""
    app()
