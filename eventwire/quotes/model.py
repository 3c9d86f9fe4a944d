"""The quotation records that ``eventwire.quotes`` produces and the JSON output carries.

A ``Quote`` is one attribution: what was said (``text``, with its offsets), how it is
reported (``type``), the word that reports it (``cue``) and who said it (``speaker``: the
words of the article that name the speaker, and the coded actor they refer to). Analysts
read statements beside actions, so every quote keeps the offsets that prove it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from eventwire.events.model import Field, Span
from eventwire.records import record_dict

QuoteType = Literal["direct", "partial", "indirect", "scare"]
"""``direct``: the content is wholly inside quote marks ("'We will win,' she said");
``partial``: reported speech that quotes some of its words (he will contact Pashinyan to
"tell him about the results"); ``indirect``: reported speech without quote marks (he said
the talks had failed); ``scare``: words in quote marks that nobody is reported to say
here (a title, a term kept at a distance: the "special military operation")."""


@dataclass(frozen=True)
class Speaker:
    """Who said it: the words that name the speaker where the quote is attributed
    (``text``/``start``/``end``: "he", "the Russian leader", "Aliyev") and the actor they
    refer to (``name`` and CAMEO ``code`` when the actor stage coded one; ``resolved_by``
    says how the words were tied to it: ``name``, ``coreference``, ``apposition``...)."""

    text: str
    start: int
    end: int
    name: str | None
    code: str | None
    resolved_by: str | None = None


@dataclass(frozen=True)
class Quote:
    """One quotation or report of speech.

    ``start``/``end`` cover the content: for a direct quote, the quote marks included; for a
    quote broken around its attribution, from the first part's opening mark to the last
    part's closing mark, with ``parts`` giving each part's bounds. ``cue`` is the reporting
    word ("said", "according to"), None for a scare quote. ``field`` says whether the
    offsets are in the article's ``text`` or its ``title``.
    """

    text: str
    start: int
    end: int
    type: QuoteType
    cue: Span | None
    speaker: Speaker | None
    parts: tuple[Span, ...] = ()
    field: Field = "text"

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (``quotes`` in the CLI output)."""
        return record_dict(self)
