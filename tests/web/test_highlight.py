"""Cutting a text into marked segments (eventwire/web/highlight.py)."""

from __future__ import annotations

import json

from eventwire.web.highlight import Span, article_spans, mark

TEXT = "Russia accused Ukraine.\nKyiv denied it."


def _flat(marked: object) -> list[list[tuple[str, tuple[str, ...]]]]:
    return [[(segment.text, segment.kinds) for segment in paragraph] for paragraph in marked.paragraphs]


def test_overlapping_spans_give_segments_with_every_kind() -> None:
    quote = Span(7, 22, "quote", "quote")
    actor = Span(15, 22, "actor", "actor UKR")
    predicate = Span(7, 14, "predicate", "event 112", anchor="event-a-0")
    marked = mark(TEXT, [actor, predicate, quote])
    assert _flat(marked)[0] == [
        ("Russia ", ()), ("accused", ("quote", "predicate")), (" ", ("quote",)), ("Ukraine", ("quote", "actor")), (".", ()),
    ]  # fmt: skip
    assert [segment.anchors for segment in marked.paragraphs[0]] == [(), ("event-a-0",), (), (), ()]


def test_lines_are_paragraphs_and_a_span_across_them_is_cut() -> None:
    marked = mark(TEXT, [Span(15, 28, "quote", "q")])
    assert _flat(marked) == [
        [("Russia accused ", ()), ("Ukraine.", ("quote",))],
        [("Kyiv", ("quote",)), (" denied it.", ())],
    ]  # fmt: skip


def test_spans_that_do_not_fit_are_counted_not_drawn() -> None:
    outside, empty, wrong = Span(30, 99, "actor", "a"), Span(3, 3, "actor", "b"), Span(0, 6, "actor", "c")
    marked = mark(TEXT, [outside, empty, wrong], {wrong: "Moscow"})
    assert marked.skipped == 3
    assert _flat(marked) == [[("Russia accused Ukraine.", ())], [("Kyiv denied it.", ())]]


def test_quotes_are_marked_by_their_parts() -> None:
    text = '"We will not yield," he said. "Never."'
    article = {
        "text": text, "actors": [], "events": [], "places": [],
        "quotes": [{
            "field": "text", "type": "direct", "start": 0, "end": len(text), "text": "We will not yield Never",
            "speaker_name": None, "speaker_text": "he", "speaker_start": 21, "speaker_end": 23,
            "parts": json.dumps([{"start": 0, "end": 20, "text": '"We will not yield,"'}, {"start": 30, "end": 38, "text": '"Never."'}]),
        }],
    }  # fmt: skip
    spans, expected = article_spans(article, "text")
    marked = mark(text, spans, expected)
    assert marked.skipped == 0
    assert _flat(marked)[0] == [
        ('"We will not yield,"', ("quote",)), (" ", ()), ("he", ("speaker",)), (" said. ", ()), ('"Never."', ("quote",)),
    ]  # fmt: skip
