"""Coding a short actor description alone: "the Nigerian army", "Great Britain", a name on a date.

The description is parsed and recognised like an article (``recognise``), so a phrase is
coded here exactly as it would be in running text; the actor is the one whose mention holds
the phrase's syntactic head (else the first found). A description coded alone is itself an
actor, so two more sources give a missing country:

1. a country named anywhere in the description, even as a place ("officials in Kabul",
   "bases in Iraq"), but not as the other party ("ambassador to Poland"); failing that, the
   country of a town or region named there ("a market in Mombasa": ``localities``);
2. the caller's ``context`` (a country, an adjective, a phrase naming one: "German"), for
   an actor found in the description.

A description that names no actor and no country gives an empty ``ActorCode``.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Token

from eventwire.actors.countries import Country
from eventwire.actors.describe import OTHER_PARTY_PREPOSITIONS
from eventwire.actors.lexicon import load_lexicon
from eventwire.actors.localities import named_countries, place_in, taken_tokens
from eventwire.actors.model import Actor, ActorCode
from eventwire.actors.names import find_names
from eventwire.actors.readings import settle_readings
from eventwire.actors.recognise import recognise
from eventwire.nlp import parse


def _main_actor(doc: Doc, actors: list[Actor]) -> Actor | None:
    """The actor whose mention holds the head of the description's first sentence (else the first)."""
    if not actors:
        return None
    root = next(iter(doc.sents)).root
    for actor in actors:
        if any(mention.start <= root.idx < mention.end for mention in actor.mentions):
            return actor
    return actors[0]


def _other_party(token: Token) -> bool:
    return any(ancestor.dep_ == "prep" and ancestor.lower_ in OTHER_PARTY_PREPOSITIONS for ancestor in token.ancestors)


def named_country(doc: Doc, day: date | None) -> Country | None:
    """The first country ``doc`` names, in any role but that of the other party; else the
    country of the first town or region it names so."""
    lexicon = load_lexicon()
    names = settle_readings(doc, find_names(doc, lexicon, day))
    for name in names:
        if name.country is not None and not _other_party(doc[name.start]):
            return name.country.country
    places = [token for token in doc if not _other_party(token)]
    return place_in(places, taken_tokens(names), named_countries(names, lexicon), lexicon)


def resolve_text(text: str, *, context: str | None = None, on: date | None = None) -> ActorCode:
    """The code of a short actor description, as of ``on`` (None: a person's latest office)."""
    day = on
    doc = parse(text.strip())
    actor = _main_actor(doc, recognise(doc, day))
    country = named_country(doc, day)
    state = load_lexicon().state_iso3
    if actor is None:
        return ActorCode(state(country), None, country.cameo, None) if country else ActorCode(None, None, None, None)
    if actor.country is not None or not _takes_a_country(actor):
        return ActorCode(actor.country, actor.sector, actor.code, actor.name)
    if country is None and context:
        country = named_country(parse(context), day)
    if country is None:
        return ActorCode(None, actor.sector, actor.code, actor.name)
    return ActorCode(state(country), actor.sector, country.cameo + (actor.code or ""), actor.name)


def _takes_a_country(actor: Actor) -> bool:
    """Organisations carry their own code (an international one has no country to add)."""
    return actor.kind != "organisation"
