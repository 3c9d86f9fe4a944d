"""Every pattern's own example must produce that pattern's event: the lexicon tests itself.

Each row of ``eventwire/data/events/*.tsv`` carries a sentence we wrote and the dyad it
should give; this contract catches a pattern that a more specific one shadows, a slot
that the parse never fills, and a typo in a lemma.
"""

from __future__ import annotations

from functools import cache

import pytest

from eventwire.actors import find_actors
from eventwire.events import Event, find_events
from eventwire.events.codebook import lookup
from eventwire.events.lexicon import Pattern, load_lexicon
from eventwire.nlp import parse_many

PATTERNS = load_lexicon().patterns


@cache
def coded_examples() -> dict[str, list[Event]]:
    """Every example sentence parsed once (batched) and coded."""
    texts = sorted({pattern.example for pattern in PATTERNS})
    return {text: find_events(doc, find_actors(doc)) for text, doc in zip(texts, parse_many(texts), strict=True)}


def test_lexicon_is_large_and_covers_every_root() -> None:
    assert len(PATTERNS) >= 900
    assert {pattern.code[:2] for pattern in PATTERNS} == {f"{root:02d}" for root in range(1, 21)}


def test_every_pattern_code_is_in_the_codebook() -> None:
    for pattern in PATTERNS:
        assert lookup(pattern.code).code == pattern.code, pattern.origin


@pytest.mark.parametrize("pattern", PATTERNS, ids=[f"{p.origin.split(':')[0]}::{p.id}" for p in PATTERNS])
def test_example_fires_its_pattern(pattern: Pattern) -> None:
    events = coded_examples()[pattern.example]
    fired = [event for event in events if event.evidence.pattern == pattern.id]
    assert fired, f"{pattern.origin} {pattern.id}: no event; got {[(e.evidence.pattern, e.code) for e in events]}"
    source, target = pattern.expect
    assert any(
        event.code == pattern.code
        and event.source is not None
        and event.source.country == source
        and (event.target.country if event.target is not None else None) == target
        for event in fired
    ), f"{pattern.origin}: expected {pattern.code} {source}>{target}, got " + repr(
        [(e.code, e.source and e.source.country, e.target and e.target.country) for e in fired]
    )
