"""Human-readable output for the terminal (Rich): problems, result tables, ingest summaries.

Kept apart from the CLI so that the same renderings serve ``process --format table`` and
``ingest`` without the CLI growing logic.
"""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from eventwire.errors import Problem
from eventwire.pipeline import ArticleResult
from eventwire.scale import ScaleReport
from eventwire.store.ingest import IngestReport

_SEVERITY_STYLE = {"error": "red", "warning": "yellow"}


def print_problem(console: Console, problem: Problem) -> None:
    style = _SEVERITY_STYLE.get(problem.severity, "")
    console.print(f"[{style}]{problem.code}[/] {problem.message} [dim]\\[{problem.origin}][/]", highlight=False)


def print_results_table(console: Console, results: list[ArticleResult]) -> None:
    table = Table(title="Articles", show_lines=False)
    for column in ("id", "published", "section", "source", "words", "lang", "title", "actors", "problems"):
        table.add_column(column, overflow="fold")
    for result in results:
        article = result.article
        codes = " ".join(problem.code for problem in result.problems)
        if article is None:
            table.add_row("-", "", "", "", "", "", f"[dim]{result.origin}[/]", "", f"[red]{codes}[/]")
            continue
        table.add_row(
            article.id,
            article.published or "",
            article.section or "",
            article.source or "",
            str(article.word_count),
            article.language or "?",
            article.title or "[dim](no title)[/]",
            _actor_summary(result),
            codes,
        )
    console.print(table)
    print_events_table(console, results)
    print_quotes_table(console, results)


def print_events_table(console: Console, results: list[ArticleResult], most: int = 60) -> None:
    """The coded events, article by article: who did what to whom, when, and the pattern."""
    rows = [(result.article.id, event) for result in results if result.article is not None for event in result.events]
    if not rows:
        return
    table = Table(title=f"Events ({len(rows)})", show_lines=False)
    for column in ("article", "date", "source", "code", "target", "plover", "pattern"):
        table.add_column(column, no_wrap=column != "pattern", overflow="ellipsis")
    for article_id, event in rows[:most]:
        table.add_row(
            article_id[:8],
            event["date"] or "",
            _party(event["source"]),
            event["code"],
            _party(event["target"]),
            event["plover"]["type"] or "",
            event["evidence"]["pattern"],
        )
    console.print(table)
    if len(rows) > most:
        console.print(f"[dim]... and {len(rows) - most} more events (eventwire process --format json shows all)[/]")


def print_quotes_table(console: Console, results: list[ArticleResult], most: int = 40, width: int = 50) -> None:
    """Who said what, article by article: the speaker's code and name, the cue and the
    words (cut to ``width``); scare quotes are left out, as nobody is reported to say them."""
    rows = [
        (result.article.id, quote)
        for result in results
        if result.article is not None
        for quote in result.quotes
        if quote["type"] != "scare"
    ]
    if not rows:
        return
    table = Table(title=f"Quotes ({len(rows)})", show_lines=False)
    for column in ("article", "type", "speaker", "cue", "text"):
        table.add_column(column, no_wrap=True, overflow="ellipsis")
    for article_id, quote in rows[:most]:
        speaker = quote["speaker"]
        who = f"{speaker['code'] or '?'} {speaker['name'] or speaker['text']}" if speaker else "[dim]-[/]"
        words = " ".join(quote["text"].split())
        table.add_row(
            article_id[:8],
            quote["type"],
            who,
            quote["cue"]["text"] if quote["cue"] else "",
            words if len(words) <= width else words[: width - 1] + "…",
        )
    console.print(table)
    if len(rows) > most:
        console.print(f"[dim]... and {len(rows) - most} more quotes (eventwire process --format json shows all)[/]")


def _party(participant: dict[str, object] | None) -> str:
    if participant is None:
        return "[dim]-[/]"
    return str(participant["code"] or "?")


def _actor_summary(result: ArticleResult, most: int = 4) -> str:
    """The most mentioned actors' codes, for a one-line glance at who acts in an article."""
    ranked = sorted(
        (actor for actor in result.actors if actor.get("code")), key=lambda actor: -len(actor.get("mentions", []))
    )
    codes = list(dict.fromkeys(actor["code"] for actor in ranked))
    return " ".join(codes[:most])


SUMMARY_ROWS = 50
"""Inputs the ingest summary lists: enough to check a small run, while a run of thousands
neither holds every result in memory nor prints thousands of rows."""


def print_ingest_summary(
    console: Console, report: IngestReport, db_path: str | Path, shown: list[ArticleResult]
) -> None:
    """The first inputs of the run (``shown``, at most ``SUMMARY_ROWS``), then its counts.

    ``shown`` is collected by the caller as results arrive rather than taken from
    ``report.results``, so that a long run keeps only the rows printed. A run on a Dask
    cluster shows none, and says what became of its chunks.
    """
    if shown:
        print_results_table(console, shown)
        if report.inputs > len(shown):
            console.print(
                f"[dim]… and {report.inputs - len(shown)} more inputs (eventwire events and eventwire article show them)[/]"
            )
    if isinstance(report, ScaleReport):
        console.print(
            f"{report.chunks} chunks: {report.chunks_coded} coded on the cluster, {report.chunks_found} found done, "
            f"{len(report.failures)} failed -> {escape(report.parts)}"
        )
    console.print(
        f"[bold]{report.inputs}[/] inputs, [bold]{report.articles_new}[/] new articles stored, "
        f"{report.articles_known} already in the store, {report.failed} failed -> {escape(str(db_path))}"
    )
    if report.articles_clustered:
        console.print(f"{report.articles_clustered} of the new articles joined a story already stored (docs/store.md)")
    if report.problems_by_code:
        listing = ", ".join(f"{code}×{count}" for code, count in sorted(report.problems_by_code.items()))
        console.print(f"problems: {listing} (see docs/errors.md)")
