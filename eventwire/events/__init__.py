"""Stage 5: events. Who did what to whom, in CAMEO and PLOVER, with the evidence.

``find_events(doc, actors, published=...)`` codes a parsed article whose actors were found
by ``eventwire.actors.find_actors``; ``code_text(text, published=...)`` does the whole
chain for one text, events located among its places (for tests, notebooks and the
evaluation); ``sentence_code(sentence)``
labels a sentence by its main act whoever does it (for classifying sentences, not for
event data). The patterns are data
(``eventwire/data/events/*.tsv``, format in ``docs/events.md``), modality is data
(``eventwire/data/modality/``), the codes are the codebook (``eventwire/data/cameo.tsv``).
"""

from __future__ import annotations

from eventwire.actors import find_actors
from eventwire.events.engine import find_events, sentence_code
from eventwire.events.model import Event, Evidence, Participant, Plover, Span
from eventwire.nlp import parse

__all__ = ["Event", "Evidence", "Participant", "Plover", "Span", "code_text", "find_events", "sentence_code"]


def code_text(text: str, *, published: str | None = None) -> list[Event]:
    """Parse ``text``, find its actors, code its events and locate them."""
    # imported here: eventwire.places imports eventwire.events.model, which runs this __init__
    from eventwire.places import find_places
    from eventwire.places.locate import dateline_place, locate_events

    doc = parse(text)
    events = find_events(doc, find_actors(doc, published=published), published=published)
    places = find_places(doc)
    return locate_events(doc, events, places, dateline=dateline_place(doc, places))
