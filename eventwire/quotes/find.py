"""``find_quotes``: every quotation of a parsed article, quoted or reported, in text order."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from eventwire.actors.model import Actor
from eventwire.events.model import Field
from eventwire.quotes.context import Tokens
from eventwire.quotes.marks import quoted_stretches
from eventwire.quotes.model import Quote
from eventwire.quotes.quoted import QuotedReader
from eventwire.quotes.reported import reported_speech
from eventwire.quotes.speaker import SpeakerFinder
from eventwire.nlp import text_of


def find_quotes(doc: Doc, actors: Sequence[Actor], *, field: Field = "text") -> list[Quote]:
    """The direct, partial, indirect and scare quotes of ``doc``, with speakers coded from
    ``actors`` (the actor stage's output for the article body: for ``field="title"`` they
    are matched by name, their offsets being the body's)."""
    tokens = Tokens(doc)
    speakers = SpeakerFinder(doc, actors, field)
    text = text_of(doc)
    # quote marks around nothing ('""') quote nobody
    stretches = [s for s in quoted_stretches(text) if text[s.inner_start : s.inner_end].strip()]
    quotes = list(QuotedReader(tokens, speakers, field).read(stretches))
    used = {tokens.first_from(quote.cue.start) for quote in quotes if quote.cue is not None}
    quotes += reported_speech(doc, speakers, stretches, used, field)
    return sorted(quotes, key=lambda quote: (quote.start, quote.end))
