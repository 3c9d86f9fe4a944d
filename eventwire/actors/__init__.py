"""Stage 4: actors. Who acts in an article, coded the CAMEO way (country + sector), with evidence.

``find_actors(doc, published=...)`` finds every actor of a parsed article: named people
with their titles, organisations, countries (names, capitals, seats, demonyms), unnamed
groups ("Turkish troops"), and the surnames, role descriptions and pronouns that refer back
to a person. ``resolve_text(text, context=..., on=...)`` codes one short description alone.
The rules are in ``recognise`` (the passes), ``describe`` (a noun phrase), ``persons``
(names and titles), ``coref`` (coreference) and ``readings`` (ambiguous country names); the
knowledge is in the four tables under ``eventwire/data``.
"""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc

from eventwire.actors.model import Actor, ActorCode, Mention
from eventwire.actors.recognise import recognise
from eventwire.actors.resolve import resolve_text

ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")

__all__ = ["Actor", "ActorCode", "Mention", "article_date", "find_actors", "resolve_text"]


def article_date(published: str | None) -> date | None:
    """The day an article speaks of: its ``published`` ISO date; None when it has none (people
    are then coded by their latest office)."""
    if published and ISO_DAY.match(published):
        try:
            return date.fromisoformat(published[:10])
        except ValueError:  # "2024-13-45": shaped like a date, not one
            return None
    return None


def find_actors(doc: Doc, *, published: str | None = None) -> list[Actor]:
    """Every actor of a parsed article, first mention first; ``published`` (ISO date) picks
    which office a named person held."""
    return recognise(doc, article_date(published))
