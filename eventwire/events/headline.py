"""The headline as a sentence of its own: the article's main event is often stated there.

A headline is parsed apart from the body (its offsets are into the title), so its people
are often named by surname alone ("Putin offers to mediate..."). The actor stage codes
them from the people table when it can; a name it cannot code is tied to the body's actor
with that surname, as a reader would. Related headlines (page furniture) are never coded:
only the article's own title is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from eventwire.actors import Actor, find_actors
from eventwire.events.engine import find_events
from eventwire.events.model import Event


def headline_events(title: Doc, body_actors: Sequence[Actor], *, published: str | None = None) -> list[Event]:
    """Events of the article's title, its unresolved people linked to the body's by surname."""
    by_surname: dict[str, list[Actor]] = {}
    for actor in body_actors:
        if actor.kind == "person" and actor.code and actor.name.split():
            by_surname.setdefault(actor.name.split()[-1].lower(), []).append(actor)
    actors = []
    for actor in find_actors(title, published=published):
        same = by_surname.get(actor.name.split()[-1].lower(), []) if actor.name.split() else []
        # linked only when one body person has that surname; two would be a guess
        known = same[0] if actor.kind == "person" and actor.code is None and len(same) == 1 else None
        actors.append(actor if known is None else replace(known, mentions=actor.mentions))
    return find_events(title, actors, published=published, field="title")
