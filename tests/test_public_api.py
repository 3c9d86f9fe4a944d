"""The public API is pinned: a change here is a change users see, and must be deliberate."""

from __future__ import annotations

import inspect

import eventwire
from eventwire import ingest, pipeline, store
from eventwire.parallel import process_batches
from eventwire.extract import extract


def test_version_is_a_release_string() -> None:
    assert eventwire.__version__.count(".") == 2


def test_ingest_exports() -> None:
    assert sorted(ingest.__all__) == [
        "DEFAULT_MAX_BYTES", "Document", "Failure", "Format", "Source", "expand_sources", "read_documents", "read_source",
    ]  # fmt: skip


def test_store_exports() -> None:
    assert sorted(store.__all__) == [
        "RelatedArticle", "SCHEMA_VERSION", "SaveCounts", "Store", "open_store", "related_articles",
    ]  # fmt: skip


def test_scale_exports() -> None:
    from eventwire import scale

    assert sorted(scale.__all__) == [
        "Chunk", "ScaleReport", "default_parts", "parse_address", "plan_chunks", "run_dask",
    ]  # fmt: skip
    assert str(inspect.signature(scale.run_dask)) == (
        "(specs: 'Iterable[str]', db_path: 'str | Path', address: 'str', *, parts: 'str | Path | None' = None, "
        "batch_size: 'int' = 100, max_bytes: 'int' = 20971520, chunk_files: 'int' = 50, chunk_bytes: 'int' = 67108864, "
        "on_result: 'Callable[[ArticleResult], None] | None' = None) -> 'ScaleReport'"
    )


def test_signatures() -> None:
    assert str(inspect.signature(pipeline.process)) == (
        "(specs: 'Iterable[str]', *, max_bytes: 'int' = 20971520, batch_size: 'int' = 64, "
        "known: 'KnownIds | None' = None, workers: 'int' = 1) -> 'Iterator[ArticleResult]'"
    )
    assert str(inspect.signature(process_batches)) == (
        "(specs: 'Iterable[str]', *, workers: 'int', max_bytes: 'int' = 20971520, batch_size: 'int' = 64, "
        "stored: 'Collection[str]' = ()) -> 'Iterator[tuple[list[ArticleResult], set[str]]]'"
    )
    assert str(inspect.signature(extract)) == "(document: 'Document') -> 'Extraction'"
    assert str(inspect.signature(ingest.read_documents)) == (
        "(specs: 'Iterable[str]', *, max_bytes: 'int' = 20971520) -> 'Iterator[Document | Failure]'"
    )


def test_event_exports_and_signatures() -> None:
    from eventwire import events
    from eventwire.dates import event_date

    assert sorted(events.__all__) == [
        "Event", "Evidence", "Participant", "Plover", "Span", "code_text", "find_events", "sentence_code",
    ]  # fmt: skip
    assert str(inspect.signature(events.find_events)) == (
        "(doc: 'Doc', actors: 'Sequence[Actor]', *, published: 'str | None' = None, field: 'Field' = 'text') -> 'list[Event]'"
    )
    assert str(inspect.signature(events.code_text)) == "(text: 'str', *, published: 'str | None' = None) -> 'list[Event]'"
    assert str(inspect.signature(event_date)) == (
        "(sentence: 'Span', published: 'date | None', *, anchor: 'Token | None' = None) -> 'EventDate | None'"
    )


def test_quote_exports_and_signature() -> None:
    from eventwire import quotes

    assert sorted(quotes.__all__) == ["Quote", "QuoteType", "Speaker", "find_quotes", "with_quoted_speakers"]
    assert str(inspect.signature(quotes.with_quoted_speakers)) == (
        "(doc: 'Doc', actors: 'Sequence[Actor]', quotes: 'Sequence[Quote]') -> 'list[Actor]'"
    )
    assert str(inspect.signature(quotes.find_quotes)) == (
        "(doc: 'Doc', actors: 'Sequence[Actor]', *, field: 'Field' = 'text') -> 'list[Quote]'"
    )


def test_place_exports_and_signature() -> None:
    from eventwire import places

    assert sorted(places.__all__) == ["Feature", "Place", "find_places"]
    assert str(inspect.signature(places.find_places)) == "(doc: 'Doc', *, field: 'Field' = 'text') -> 'list[Place]'"


def test_query_exports() -> None:
    from eventwire import query

    assert sorted(query.__all__) == [
        "BRIEF_COLUMNS", "DEFAULT_TIMEOUT", "EVENT_COLUMNS", "EventFilter", "Format", "Result", "dyad_summary",
        "find_events", "get_article", "list_actors", "open_reader", "parse_dyad", "run_sql", "write_result",
    ]  # fmt: skip
    assert str(inspect.signature(query.dyad_summary)) == (
        "(connection: 'duckdb.DuckDBPyConnection', a: 'str', b: 'str', *, by: 'Period' = 'month', "
        "since: 'str | None' = None, until: 'str | None' = None, unique: 'bool' = False, "
        "timeout: 'float | None' = 30.0) -> 'Result'"
    )
