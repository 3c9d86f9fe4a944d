"""What a reader yields for each input: a ``Document`` to extract, or a ``Failure`` saying why not."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from eventwire.errors import Problem
from eventwire.ingest.sniff import Format


@dataclass(frozen=True)
class Document:
    """The decoded content of one article input, before extraction.

    ``metadata`` carries fields a JSONL record supplied (url, title, published, ...): they
    take precedence over what extraction finds, because the user's own data knows better.
    A WARC capture supplies its ``url`` and ``captured``, the date it was fetched, which
    extraction takes only when the page states no date of its own.
    """

    origin: str
    format: Format
    content: str
    metadata: dict[str, Any] = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class Failure:
    """An input that produced no document, and why."""

    origin: str
    problem: Problem
