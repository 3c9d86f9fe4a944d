"""Indirect speech: a cue verb with a reported clause and no quote marks.

"The minister said the talks had failed": the cue's clausal complement (``ccomp``; for a
verb like "warn" or "accuse" also its "of" phrase, for "urge" or "ask" its object and
infinitive, as ``cues.tsv`` says) is what was said, and the cue's subject
said it. "According to X" reports the clause it is attached to, less the phrase itself. A
clause that overlaps quote marks is left to ``quoted.py``, which reads it as a direct or
partial quote.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence

from spacy.tokens import Doc, Token

from eventwire.events.model import Field
from eventwire.quotes.context import Cue
from eventwire.quotes.cues import cue_phrase_end, is_cue_verb, load_cues
from eventwire.quotes.marks import Quoted
from eventwire.quotes.model import Quote
from eventwire.quotes.quoted import cue_span, cue_speaker
from eventwire.quotes.speaker import SpeakerFinder
from eventwire.nlp import text_of


class Stretches:
    """Which character ranges are in quote marks (bisect on the sorted stretches)."""

    def __init__(self, stretches: Sequence[Quoted]) -> None:
        self.stretches = stretches
        self.starts = [stretch.start for stretch in stretches]

    def overlaps(self, start: int, end: int) -> bool:
        index = bisect_right(self.starts, end - 1) - 1  # the last stretch starting before ``end``
        return index >= 0 and self.stretches[index].end > start


def _bounds(first: Token, last: Token) -> tuple[int, int]:
    if first.lower_ == "that" and first.i < last.i:  # the complementiser is not what was said
        first = first.doc[first.i + 1]
    return first.idx, last.idx + len(last.text)


def _said_by_verb(verb: Token) -> tuple[int, int] | None:
    """What a cue verb reports: its clausal complement; for a verb whose row in
    ``cues.tsv`` allows it, its "of" phrase ("warned of reprisals") or its object and
    infinitive ("urged Lisbon to act": the request, object included)."""
    cues = load_cues()
    lemma = verb.lemma_.lower()
    for child in verb.children:
        if child.dep_ == "ccomp":
            return _bounds(child.left_edge, child.right_edge)
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "of" and cues.reports(lemma, "of"):
            objects = [grandchild for grandchild in child.children if grandchild.dep_ in ("pobj", "pcomp")]
            if objects:
                return _bounds(objects[0].left_edge, child.right_edge)
        if child.dep_ == "xcomp" and child.i > verb.i and cues.reports(lemma, "to"):
            objects = [other for other in verb.children if other.dep_ == "dobj" and other.i < child.i]
            return _bounds(objects[0].left_edge if objects else child.left_edge, child.right_edge)
    return None


def _said_according_to(according: Token, to: Token) -> tuple[int, int] | None:
    """The clause "according to X" is attached to, on the longer side of the phrase."""
    head = according.head
    if head.i == according.i:
        return None
    doc = according.doc
    left = (head.left_edge.i, according.i - 1)
    right = (to.right_edge.i + 1, head.right_edge.i)
    first, last = max((left, right), key=lambda side: side[1] - side[0])
    while last > first and doc[last].is_punct:
        last -= 1
    while first < last and doc[first].is_punct:
        first += 1
    return _bounds(doc[first], doc[last]) if last > first else None


def reported_speech(
    doc: Doc, speakers: SpeakerFinder, stretches: Sequence[Quoted], used: set[int], field: Field
) -> Iterator[Quote]:
    """Every indirect quote of ``doc``: cue tokens outside quote marks whose reported clause
    overlaps no quote marks. ``used`` holds the positions of cues quotes already took."""
    marked = Stretches(stretches)
    text = text_of(doc)
    for token in doc:
        if token.i in used or marked.overlaps(token.idx, token.idx + len(token)):
            continue
        end = cue_phrase_end(token)
        if end is not None:
            cue, bounds = Cue(token, end), _said_according_to(token, end)
        elif is_cue_verb(token):
            cue, bounds = Cue(token, token), _said_by_verb(token)
        else:
            continue
        if bounds is None or marked.overlaps(*bounds):
            continue
        start, stop = bounds
        yield Quote(text[start:stop], start, stop, "indirect", cue_span(text, cue), cue_speaker(speakers, cue), (), field)
