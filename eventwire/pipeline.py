"""The main job: inputs in, one result per article out, whatever the inputs hold.

Every command (``process``, ``ingest``), the Python API and the distributed runner call
``process``. The per-article boundary is here: a coded error from any stage becomes a
problem on that article's result; an unexpected exception becomes ``E900`` with the input
named, and the batch goes on.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from time import perf_counter
from dataclasses import dataclass, field, fields
from typing import Any, TypeVar

from spacy.tokens import Doc

from eventwire.actors import find_actors
from eventwire.article import Article
from eventwire.events import find_events
from eventwire.events.headline import headline_events
from eventwire.errors import EventwireError, InternalError, Problem
from eventwire.extract import extract
from eventwire.ingest import DEFAULT_MAX_BYTES, Document, Failure, read_documents
from eventwire.nlp import DEFAULT_BATCH_SIZE, load_nlp, parse, parse_many
from eventwire.places import find_places
from eventwire.places.locate import dateline_place, locate_events
from eventwire.quotes import find_quotes, with_quoted_speakers

log = logging.getLogger("eventwire")
T = TypeVar("T")

STAGE_SECONDS: Counter[str] = Counter()
"""Seconds this process spent in each stage (extract, parse, actors, places, quotes, events),
for ``benchmarks/throughput.py``: a few clock reads per article, so always on."""


@contextmanager
def stage(name: str) -> Iterator[None]:
    """Add the time spent in the block to ``STAGE_SECONDS[name]``."""
    started = perf_counter()
    try:
        yield
    finally:
        STAGE_SECONDS[name] += perf_counter() - started
_LIST_FIELDS = {f.name for f in fields(Article) if f.default_factory is list}


@dataclass
class ArticleResult:
    """What eventwire found in one input: the article (if any), its codings and its problems.

    ``actors``, ``events``, ``quotes`` and ``places`` are filled by the coding stages; an
    article that is not English keeps them empty.
    """

    origin: str
    article: Article | None = None
    problems: list[Problem] = field(default_factory=list)
    actors: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    places: list[dict[str, Any]] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        """True when any problem is an error (warnings alone do not fail an input)."""
        return any(problem.severity == "error" for problem in self.problems)

    def to_dict(self) -> dict[str, Any]:
        """The JSON Lines record printed by ``eventwire process``."""
        if self.article is not None:
            record = self.article.to_dict()
        else:  # the same keys as an article, so that every line of the output has one shape
            record = {f.name: [] if f.name in _LIST_FIELDS else None for f in fields(Article)}
            record["origin"] = self.origin
        record.update(
            actors=self.actors,
            events=self.events,
            quotes=self.quotes,
            places=self.places,
            errors=[problem.to_dict() for problem in self.problems],
        )
        return record


def extract_document(document: Document) -> ArticleResult:
    """Extract the article in one document; never raises for bad input."""
    result = ArticleResult(origin=document.origin)
    try:
        with stage("extract"):
            extraction = extract(document)
    except EventwireError as error:
        result.problems = [*document.problems, error.problem(document.origin)]
        return result
    except Exception as error:  # noqa: BLE001 - the article boundary: record, report, go on
        result.problems = [*document.problems, _internal_error(error, document.origin, "extracting")]
        return result
    result.article = extraction.article
    result.problems = extraction.problems
    return result


def extract_input(item: Document | Failure) -> ArticleResult:
    """The result of one input read: its extracted article, or its reading problem alone
    (an input that gave no document is still accounted for)."""
    if isinstance(item, Failure):
        return ArticleResult(origin=item.origin, problems=[item.problem])
    return extract_document(item)


def _internal_error(error: Exception, origin: str, doing: str) -> Problem:
    log.exception("E900 while %s %s", doing, origin)
    return InternalError(f"{type(error).__name__}: {error}", origin=origin).problem()


def code_article(result: ArticleResult, doc: Doc, title: Doc | None = None) -> None:
    """Run the coding stages on one parsed article (body and, when it has one, title),
    filling ``result`` in place."""
    assert result.article is not None
    published = result.article.published
    with stage("actors"):
        actors = find_actors(doc, published=published)
        result.actors = [actor.to_dict() for actor in actors]
    with stage("places"):
        title_places = find_places(title, field="title") if title is not None else []
        body_places = find_places(doc)
        result.places = [place.to_dict() for place in (*title_places, *body_places)]
    with stage("quotes"):
        title_quotes = find_quotes(title, actors, field="title") if title is not None else []
        body_quotes = find_quotes(doc, actors)
        result.quotes = [quote.to_dict() for quote in (*title_quotes, *body_quotes)]
    with stage("events"):
        # quotes feed events: "we" in a quoted threat is its speaker
        body_events = find_events(doc, with_quoted_speakers(doc, actors, body_quotes), published=published)
        # each part's events are located among that part's places; the title's use the body's dateline
        dateline = dateline_place(doc, body_places)
        events = []
        if title is not None:
            events += locate_events(title, headline_events(title, actors, published=published), title_places, dateline=dateline)
        events += locate_events(doc, body_events, body_places, dateline=dateline)
        result.events = [event.to_dict() for event in events]


def _code_guarded(result: ArticleResult, doc: Doc, title: Doc | None) -> None:
    try:
        code_article(result, doc, title)
    except EventwireError as error:
        result.problems.append(error.problem(result.origin))
    except Exception as error:  # noqa: BLE001 - the article boundary
        result.problems.append(_internal_error(error, result.origin, "coding"))


def _texts(result: ArticleResult) -> tuple[str, str]:
    """The body and the title (empty when there is none) of an extracted article."""
    assert result.article is not None
    return result.article.text, result.article.title or ""


def code_batch(results: list[ArticleResult], *, skip: Collection[str] = ()) -> None:
    """Parse the codable articles of a batch together and code each one.

    Codable: an article was extracted, no error was met (a non-English article carries
    ``E202`` and is skipped) and its id is not in ``skip`` (stored by an earlier run).
    Bodies and titles are parsed in one stream. Docs live only inside the batch's memory
    zone, so a long run does not grow the string store; the coders turn them into plain
    records before it ends. If the batched parse itself fails,
    the batch is parsed again article by article so that the failure is pinned on the one
    article that caused it.
    """
    codable = [
        result for result in results if result.article is not None and not result.failed and result.article.id not in skip
    ]
    if not codable:
        return
    nlp = load_nlp()
    with nlp.memory_zone():
        try:
            with stage("parse"):
                docs = list(parse_many([text for result in codable for text in _texts(result)]))
        except Exception:  # noqa: BLE001 - fall back to one article at a time, below
            log.exception("batched parse failed; parsing the batch article by article")
            docs = []
        if docs:
            for position, result in enumerate(codable):
                body, title = docs[2 * position], docs[2 * position + 1]
                _code_guarded(result, body, title if len(title) else None)
            return
        for result in codable:
            body_text, title_text = _texts(result)
            try:
                body, title = parse(body_text), parse(title_text) if title_text else None
            except Exception as error:  # noqa: BLE001 - the article boundary
                result.problems.append(_internal_error(error, result.origin, "parsing"))
                continue
            _code_guarded(result, body, title)


KnownIds = Callable[[list[str]], Collection[str]]
"""Given the article ids of a batch, the ones not to parse and code again."""


def process(
    specs: Iterable[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    batch_size: int = DEFAULT_BATCH_SIZE,
    known: KnownIds | None = None,
    workers: int = 1,
) -> Iterator[ArticleResult]:
    """One result per article found in ``specs`` (paths, directories, globs, ``-``).

    Inputs that yield no article (unreadable, binary, empty) give a result with no article
    and the coded problem, in input order, so that every input is accounted for. Articles
    are parsed ``batch_size`` at a time; results come out in input order.

    ``known`` names the articles to extract but leave uncoded: the store passes the ids it
    holds, so that a resumed ingest skips the parse (most of the time per article) of what
    it stored before. Their results carry the article with no codings.

    ``workers`` above 1 codes the batches in that many processes (``eventwire.parallel``),
    same results in the same order; ``known`` is then not asked (the store gives the
    workers its ids once instead: ``eventwire.store.ingest``).
    """
    if workers > 1:
        if known is not None:
            raise ValueError("process: with several workers the store's ids go to parallel.process_batches")
        from eventwire.parallel import process_batches  # spawns processes: only when asked

        for results, _ in process_batches(specs, workers=workers, max_bytes=max_bytes, batch_size=batch_size):
            yield from results
        return
    extracted = (extract_input(item) for item in read_documents(specs, max_bytes=max_bytes))
    for batch in batched(extracted, batch_size):
        ids = [result.article.id for result in batch if result.article is not None]
        code_batch(batch, skip=known(ids) if known is not None and ids else ())
        yield from batch


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of ``size`` items (the last one shorter), in input order."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def exit_status(total: int, failed: int) -> int:
    """Exit code for a batch: 0 all inputs gave articles, 1 some failed, 3 all failed or none read."""
    if total == 0 or failed == total:
        return 3
    return 1 if failed else 0
