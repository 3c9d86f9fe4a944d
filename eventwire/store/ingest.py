"""``ingest``: run the pipeline over inputs and store the results, batch by batch.

Each batch is one transaction, so an interrupted run keeps every finished batch and no
half-stored article; re-running skips what is stored (ids are content hashes) and does not
even parse it again: the pipeline asks the store which ids of each batch it holds.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from eventwire.ingest import DEFAULT_MAX_BYTES
from eventwire.pipeline import ArticleResult, KnownIds, batched, process
from eventwire.store.writer import Store, open_store

DEFAULT_BATCH_SIZE = 100


@dataclass
class IngestReport:
    """What one ingest run read and stored.

    ``results`` holds, when asked for, the results of the articles coded in this run (those
    found already stored are counted in ``articles_known`` only).
    """

    inputs: int = 0
    failed: int = 0
    articles_new: int = 0
    articles_known: int = 0
    articles_clustered: int = 0
    problems_by_code: dict[str, int] = field(default_factory=dict)
    results: list[ArticleResult] = field(default_factory=list)


def _coded_batches(
    store: Store, specs: Iterable[str], batch_size: int, max_bytes: int, known: KnownIds, workers: int
) -> Iterator[tuple[list[ArticleResult], set[str]]]:
    """Batches of results and the ids each left uncoded (stored before): in this process,
    asking the store per batch (``known`` records them itself), or in ``workers`` processes
    that receive the stored ids once."""
    if workers <= 1:
        for batch in batched(process(specs, max_bytes=max_bytes, batch_size=batch_size, known=known), batch_size):
            yield batch, set()
        return
    from eventwire.parallel import process_batches  # spawns processes: only when asked

    results: list[ArticleResult] = []
    uncoded: set[str] = set()
    for batch, skipped in process_batches(specs, workers=workers, max_bytes=max_bytes, batch_size=batch_size,
                                          stored=store.stored_ids()):  # fmt: skip
        results.extend(batch)
        uncoded |= skipped
        if len(results) >= batch_size:  # transactions of batch_size, as in one process
            yield results, uncoded
            results, uncoded = [], set()
    if results:
        yield results, uncoded


def ingest(
    specs: Iterable[str],
    db_path: str | Path,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_result: Callable[[ArticleResult], None] | None = None,
    keep_results: bool = False,
    workers: int = 1,
) -> IngestReport:
    """Process ``specs`` and store every result in the DuckDB file at ``db_path``.

    Articles are parsed ``batch_size`` at a time and each such batch is stored in one
    transaction, so that an interrupted run loses at most the batch it was working on.

    ``on_result`` is called for each result once its batch is committed (progress displays,
    logs; ``eventwire.progress`` has the CLI's); ``keep_results`` keeps the results of the
    articles coded in this run on the report (for a summary of a small run). ``workers``
    above 1 extracts, parses and codes in that many processes (``eventwire.parallel``); the
    store stays in this one, its only writer.
    """
    report = IngestReport()
    with open_store(db_path) as store:
        skipped: set[str] = set()  # found stored and left uncoded, until their batch is saved

        def known(ids: list[str]) -> set[str]:
            found = store.known_ids(ids)
            skipped.update(found)
            return found

        for batch, uncoded in _coded_batches(store, specs, batch_size, max_bytes, known, workers):
            skipped.update(uncoded)
            counts = store.save(batch, uncoded=skipped)
            report.articles_new += counts.articles_new
            report.articles_known += counts.articles_known
            report.articles_clustered += counts.articles_clustered
            for result in batch:
                report.inputs += 1
                report.failed += result.failed
                for problem in result.problems:
                    report.problems_by_code[problem.code] = report.problems_by_code.get(problem.code, 0) + 1
                if on_result:
                    on_result(result)
            ids = {result.article.id for result in batch if result.article is not None}
            if keep_results:
                report.results.extend(r for r in batch if r.article is None or r.article.id not in skipped)
            skipped -= ids
    return report
