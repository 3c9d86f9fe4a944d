"""``record_dict`` gives what ``dataclasses.asdict`` gives, and copies what it gives."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest

from eventwire.actors import find_actors
from eventwire.events import find_events
from eventwire.ingest import read_documents
from eventwire.nlp import parse
from eventwire.pipeline import extract_input
from eventwire.places import find_places
from eventwire.quotes import find_quotes

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "articles"


@pytest.fixture(scope="module")
def records() -> list[Any]:
    """Every article, actor, event, quote and place the coders find in the examples."""
    found: list[Any] = []
    for document in read_documents([str(EXAMPLES)]):
        article = extract_input(document).article
        if article is None:
            continue
        doc = parse(article.text)
        actors = find_actors(doc, published=article.published)
        found += [article, *actors, *find_events(doc, actors, published=article.published)]
        found += [*find_quotes(doc, actors), *find_places(doc)]
    return found


def test_every_record_of_the_examples_converts_as_asdict_does(records: list[Any]) -> None:
    assert {"Article", "Actor", "Event", "Quote", "Place"} <= {type(record).__name__ for record in records}
    for record in records:
        converted = record.to_dict()
        assert repr(converted) == repr(asdict(record))  # the same keys in the same order, tuples kept


def test_the_dictionary_is_a_copy(records: list[Any]) -> None:
    actor = next(record for record in records if type(record).__name__ == "Actor" and record.mentions)
    converted = actor.to_dict()
    converted["mentions"][0]["text"] = "changed"
    converted["mentions"].clear()
    assert actor.mentions and actor.mentions[0].text != "changed"
