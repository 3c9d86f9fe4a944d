"""Rows of the store's tables from one article's result: the JSON shapes of ``eventwire
process`` flattened into columns, so that SQL can filter on a dyad, a code or a place.

One function per table, each giving the rows in the column order of ``COLUMNS[table]``.
Nested parts that analysts rarely filter on (an actor's mentions, a quote's parts) stay JSON.
``result_rows`` gathers them for one result: what ``Store.save`` writes, and what a
scale-out worker writes to its Parquet partition for the loader to save the same way.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from eventwire.article import Article
from eventwire.errors import Problem

if TYPE_CHECKING:  # the pipeline loads spaCy: a loader of stored rows never needs it
    from eventwire.pipeline import ArticleResult

Row = tuple[Any, ...]

CODING_TABLES = ("article_actors", "events", "quotes", "places")
"""Tables of rows coded from one article, keyed by ``article_id``."""

COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": (
        "id", "url", "title", "deck", "published", "section", "source", "authors", "image_credit",
        "caption", "reading_minutes", "language", "text", "related_headlines", "origin", "format", "outlet",
    ),
    "article_actors": (
        "article_id", "seq", "name", "code", "country", "sector", "kind", "resolved_by", "mentions", "evidence",
    ),
    "events": (
        "id", "article_id", "seq", "field",
        "source_name", "source_code", "source_country", "source_sector", "source_text", "source_start", "source_end",
        "target_name", "target_code", "target_country", "target_sector", "target_text", "target_start", "target_end",
        "code", "root", "quad_class", "goldstein", "plover_type", "plover_mode", "date", "published", "date_text",
        "sentence", "sentence_start", "sentence_end", "predicate_text", "predicate_start", "predicate_end",
        "pattern", "modifiers",
        "location_name", "location_lat", "location_lon", "location_country", "location_feature",
        "location_geonameid", "location_reason", "location_text", "location_start", "location_end",
    ),
    "quotes": (
        "article_id", "seq", "field", "type", "text", "start", "end", "cue_text", "cue_start", "cue_end",
        "speaker_text", "speaker_name", "speaker_code", "speaker_resolved_by", "speaker_start", "speaker_end", "parts",
    ),
    "places": (
        "article_id", "seq", "field", "text", "start", "end", "name", "lat", "lon", "country", "feature",
        "geonameid", "reason",
    ),
    "ingest_errors": ("origin", "code", "severity", "stage", "message", "article_id"),
    "article_clusters": ("article_id", "cluster_id", "similarity"),
    "article_signatures": ("article_id", "signature"),
}  # fmt: skip
"""The columns of each table written from a result, in the order its rows give them."""


@dataclass
class ResultRows:
    """One input's result as the store's rows: the article (None when the input gave none),
    the rows coded from it by table (``CODING_TABLES``) and the problems met on the input.

    The article stays an ``Article`` because storing it needs more than its row: its URL and
    date decide whether it supersedes a stored version, its text places it in a story cluster.
    """

    origin: str
    article: Article | None
    coded: dict[str, list[Row]]
    problems: list[Problem]


def result_rows(result: ArticleResult) -> ResultRows:
    """The rows of one pipeline result (none coded for an input that gave no article)."""
    article = result.article
    coded: dict[str, list[Row]] = {table: [] for table in CODING_TABLES}
    if article is not None:
        coded = {
            "article_actors": actor_rows(article.id, result.actors),
            "events": event_rows(article.id, result.events),
            "quotes": quote_rows(article.id, result.quotes),
            "places": place_rows(article.id, result.places),
        }
    return ResultRows(result.origin, article, coded, list(result.problems))


def problem_row(problem: Problem, article_id: str | None) -> Row:
    """An ``ingest_errors`` row: the problem and the article it was met on, if any."""
    return (problem.origin, problem.code, problem.severity, problem.stage, problem.message, article_id)


def outlet(article: Article) -> str | None:
    """Who published the article, for counting sources: the URL's host without "www.", else
    the agency or site the extraction found, else None."""
    if article.url:
        host = urlsplit(article.url).hostname or ""
        if host:
            return host.removeprefix("www.")
    return article.source


def article_row(article: Article) -> Row:
    record = article.to_dict()
    record["outlet"] = outlet(article)
    return tuple(record[column] for column in COLUMNS["articles"])


def actor_rows(article_id: str, actors: list[dict[str, Any]]) -> list[Row]:
    return [
        (article_id, seq, actor.get("name"), actor.get("code"), actor.get("country"), actor.get("sector"),
         actor.get("kind"), actor.get("resolved_by"), _json(actor.get("mentions")), _json(actor.get("evidence")))
        for seq, actor in enumerate(actors)
    ]  # fmt: skip


def _party(party: dict[str, Any] | None) -> Row:
    if party is None:
        return (None,) * 7
    return (party.get("name"), party.get("code"), party.get("country"), party.get("sector"),
            party.get("text"), party.get("start"), party.get("end"))  # fmt: skip


def _location(location: dict[str, Any] | None) -> Row:
    if location is None:
        return (None,) * 10
    return tuple(location.get(key) for key in
                 ("name", "lat", "lon", "country", "feature", "geonameid", "reason", "text", "start", "end"))  # fmt: skip


def event_id(article_id: str, seq: int) -> str:
    """An event's id: its article's and its place among the article's events (stable, since
    coding the same text gives the same events in the same order)."""
    return f"{article_id}-{seq}"


def event_rows(article_id: str, events: list[dict[str, Any]]) -> list[Row]:
    rows = []
    for seq, event in enumerate(events):
        evidence, plover = event["evidence"], event.get("plover") or {}
        predicate = evidence["predicate"]
        rows.append((
            event_id(article_id, seq), article_id, seq, evidence.get("field"),
            *_party(event.get("source")), *_party(event.get("target")),
            event["code"], event["root"], event.get("quad_class"), event.get("goldstein"),
            plover.get("type"), plover.get("mode"), event.get("date"), event.get("published"), event.get("date_text"),
            event.get("sentence"), evidence.get("sentence_start"), evidence.get("sentence_end"),
            predicate.get("text"), predicate.get("start"), predicate.get("end"),
            evidence.get("pattern"), list(evidence.get("modifiers") or ()),
            *_location(event.get("location")),
        ))  # fmt: skip
    return rows


def quote_rows(article_id: str, quotes: list[dict[str, Any]]) -> list[Row]:
    rows = []
    for seq, quote in enumerate(quotes):
        cue, speaker = quote.get("cue") or {}, quote.get("speaker") or {}
        rows.append((
            article_id, seq, quote.get("field"), quote.get("type"), quote.get("text"), quote.get("start"),
            quote.get("end"), cue.get("text"), cue.get("start"), cue.get("end"),
            speaker.get("text"), speaker.get("name"), speaker.get("code"), speaker.get("resolved_by"),
            speaker.get("start"), speaker.get("end"), _json(quote.get("parts")),
        ))  # fmt: skip
    return rows


def place_rows(article_id: str, places: list[dict[str, Any]]) -> list[Row]:
    return [
        (article_id, seq, place.get("field"), place.get("text"), place.get("start"), place.get("end"),
         place.get("name"), place.get("lat"), place.get("lon"), place.get("country"), place.get("feature"),
         place.get("geonameid"), place.get("reason"))
        for seq, place in enumerate(places)
    ]  # fmt: skip


def _json(value: object) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)
