"""Marking up an article's text with what was coded in it: actors, event predicates,
quotes, speakers and places.

The store keeps every coding with character offsets into the article's title or text
(``field``). The article page shows the text cut into paragraphs, and each paragraph into
segments, each segment carrying the kinds of every coding that covers it. Flat segments
rather than nested elements, because codings overlap freely (a quote holds an actor and a
predicate; an actor's mention can straddle nothing but may share its start with a quote).
The template escapes each segment's text: nothing of the article reaches the page as HTML.

A coding whose offsets do not fit the text, or whose recorded text differs from what the
offsets cut out, is left unmarked and counted (``Marked.skipped``) rather than drawn in
the wrong place.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

KINDS = ("quote", "actor", "speaker", "predicate", "place")
"""Kinds of span, in the order their labels are listed on a segment."""


@dataclass(frozen=True)
class Span:
    """A coding's stretch of text: ``kind`` (one of ``KINDS``), its label (shown on hover)
    and, for events, the anchor the events table links to."""

    start: int
    end: int
    kind: str
    label: str
    anchor: str | None = None


@dataclass
class Segment:
    """A run of text covered by the same codings."""

    text: str
    kinds: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    anchors: tuple[str, ...] = ()


@dataclass
class Marked:
    """A field cut into paragraphs of segments, and the codings that could not be placed."""

    paragraphs: list[list[Segment]] = field(default_factory=list)
    skipped: int = 0


def _fits(text: str, start: Any, end: Any, expected: str | None) -> bool:
    if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start < end <= len(text):
        return False
    return expected is None or text[start:end] == expected


def mark(text: str, spans: Iterable[Span], expected: Mapping[Span, str | None] | None = None) -> Marked:
    """``text`` cut at every span boundary and at paragraph breaks (blank or single newlines).

    ``expected`` gives, for spans that recorded it, the text their offsets should cut out.
    """
    kept, skipped = [], 0
    for span in spans:
        if _fits(text, span.start, span.end, (expected or {}).get(span)):
            kept.append(span)
        else:
            skipped += 1
    cuts = sorted({0, len(text), *(s.start for s in kept), *(s.end for s in kept)})
    marked = Marked(paragraphs=[[]], skipped=skipped)
    for start, end in zip(cuts, cuts[1:], strict=False):
        covering = sorted((s for s in kept if s.start <= start and end <= s.end), key=lambda s: KINDS.index(s.kind))
        anchors = tuple(s.anchor for s in covering if s.anchor and s.start == start)
        for number, line in enumerate(text[start:end].split("\n")):
            if number and marked.paragraphs[-1]:
                marked.paragraphs.append([])
            line = line.removesuffix("\r")  # a CRLF text's line end
            if line:
                marked.paragraphs[-1].append(Segment(
                    line, tuple(dict.fromkeys(s.kind for s in covering)), tuple(s.label for s in covering), anchors,
                ))  # fmt: skip
                anchors = ()  # on the first piece of the span that shows, wherever its line starts
    marked.paragraphs = [paragraph for paragraph in marked.paragraphs if paragraph]
    return marked


def _actor_label(actor: Mapping[str, Any]) -> str:
    return f"actor {actor.get('code') or 'uncoded'}: {actor.get('name') or ''}".strip()


def article_spans(article: Mapping[str, Any], field_name: str) -> tuple[list[Span], dict[Span, str | None]]:
    """The spans of every coding of ``article`` (``get_article``'s record) in ``field_name``
    ("title" or "text"), and the text each recorded for itself."""
    spans: list[Span] = []
    expected: dict[Span, str | None] = {}

    def add(span: Span, text: str | None) -> None:
        spans.append(span)
        expected[span] = text

    if field_name == "text":  # actor mentions are offsets into the body only
        for actor in article.get("actors") or ():
            for mention in json.loads(actor.get("mentions") or "[]"):
                add(Span(mention["start"], mention["end"], "actor", _actor_label(actor)), mention.get("text"))
    for event in article.get("events") or ():
        if event.get("field") == field_name and event.get("predicate_start") is not None:
            label = f"event {event['code']}: {event.get('source_code') or '?'} -> {event.get('target_code') or '?'}"
            span = Span(event["predicate_start"], event["predicate_end"], "predicate", label, f"event-{event['id']}")
            add(span, event.get("predicate_text"))
    for quote in article.get("quotes") or ():
        if quote.get("field") != field_name:
            continue
        speaker = quote.get("speaker_name") or quote.get("speaker_text") or "unattributed"
        label = f"{quote.get('type') or ''} quote: {speaker}".lstrip()
        # A quote's text is stored without its marks and joined across the narration that
        # interrupts it; its parts, when there are several, are what stands in the text.
        parts = json.loads(quote.get("parts") or "[]") or [{"start": quote["start"], "end": quote["end"]}]
        for part in parts:
            add(Span(part["start"], part["end"], "quote", label), part.get("text"))
        if quote.get("speaker_start") is not None:
            label = f"speaker {quote.get('speaker_code') or ''} {speaker}".replace("  ", " ")
            add(Span(quote["speaker_start"], quote["speaker_end"], "speaker", label), quote.get("speaker_text"))
    for place in article.get("places") or ():
        if place.get("field") == field_name:
            label = f"place: {place.get('name') or 'unresolved'} {place.get('country') or ''}".strip()
            add(Span(place["start"], place["end"], "place", label), place.get("text"))
    return spans, expected


def mark_article(article: Mapping[str, Any], field_name: str) -> Marked:
    """The article's ``field_name`` marked with its codings."""
    spans, expected = article_spans(article, field_name)
    return mark(article.get(field_name) or "", spans, expected)
