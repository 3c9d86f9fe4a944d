"""The main job: inputs in, one result per article out, whatever the inputs hold.

Every command (``process``, ``ingest``), the Python API and the distributed runner call
``process``. The per-article boundary is here: a coded error from any stage becomes a
problem on that article's result; an unexpected exception becomes ``E900`` with the input
named, and the batch goes on.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, fields
from typing import Any

from eventwire.article import Article
from eventwire.errors import EventwireError, InternalError, Problem
from eventwire.extract import extract
from eventwire.ingest import DEFAULT_MAX_BYTES, Document, Failure, read_documents

log = logging.getLogger("eventwire")
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


def process_document(document: Document) -> ArticleResult:
    """Run every stage on one document; never raises for bad input."""
    result = ArticleResult(origin=document.origin)
    try:
        extraction = extract(document)
    except EventwireError as error:
        result.problems = [*document.problems, error.problem(document.origin)]
        return result
    except Exception as error:  # noqa: BLE001 - the article boundary: record, report, go on
        log.exception("E900 while extracting %s", document.origin)
        internal = InternalError(f"{type(error).__name__}: {error}", origin=document.origin)
        result.problems = [*document.problems, internal.problem()]
        return result
    result.article = extraction.article
    result.problems = extraction.problems
    return result


def process(specs: Iterable[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[ArticleResult]:
    """One result per article found in ``specs`` (paths, directories, globs, ``-``).

    Inputs that yield no article (unreadable, binary, empty) give a result with no article
    and the coded problem, in input order, so that every input is accounted for.
    """
    for item in read_documents(specs, max_bytes=max_bytes):
        if isinstance(item, Failure):
            yield ArticleResult(origin=item.origin, problems=[item.problem])
        else:
            yield process_document(item)


def exit_status(total: int, failed: int) -> int:
    """Exit code for a batch: 0 all inputs gave articles, 1 some failed, 3 all failed or none read."""
    if total == 0 or failed == total:
        return 3
    return 1 if failed else 0
