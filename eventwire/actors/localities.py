"""The country of a role from the town or region that qualifies it: "Lagos police" are Nigerian.

News names local actors by their place: "Texas authorities", "the Punjab government",
"Kharkiv residents", "police in Mombasa", "the mayor of Kharkiv". When a role phrase names
no country, a city or first-level subdivision (``placenames``) written beside the role gives
it one. The place is read where a country would be:

- a **modifier or possessor** before the role ("Sichuan officials", "Kano State government",
  "Punjab's chief minister");
- the object of **"of"** or **"from"** after it, its noun phrase but no clause inside it
  ("the governor of Texas", "officials from Lagos");
- the object of **"in"** after it ("protesters in Mombasa"), except for armed roles: troops,
  rebels and gunmen are found where they fight, not where they belong.

Diplomatic roles take no place at all: "the Istanbul consulate", "an envoy in Geneva" and
"negotiators in Lausanne" are where they are posted, not whose they are.

A word is a place name only when it is written as one: capitalised, part of no other name
the tables or the model found (a country, an organisation, a person), no table country form,
no sector noun, no stop word, not in capitals throughout ("NISA" is initials). A single
word that English uses as an adjective or adverb ("Nice", "Mobile", "South") is never a
place; one that is also a verb ("Shanghai", "Bath") only when the parser tags it a place
(GPE, LOC, NORP); one that is also a noun ("Delta", "Reading") only so, or when it names a
city of ``BIG_CITY`` people or more ("Kharkiv").

A name several countries share ("Birmingham", "Punjab") is the one of a country the
article names; else the largest place (a subdivision before any city); two subdivisions
of equal rank and no article country leave the actor without a country rather than guess.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from functools import lru_cache

from spacy.tokens import Span, Token

from eventwire.actors.agents import Agent, normal_words
from eventwire.actors.countries import Country
from eventwire.actors.lexicon import Lexicon
from eventwire.actors.names import Name
from eventwire.actors.placenames import PlaceCandidate, place_candidates
from eventwire.actors.syntax import noun_phrase

PLACE_ENTITIES = frozenset({"GPE", "LOC", "NORP"})
"""Entity labels by which the parser says a word is a place (or its people: "Punjab" NORP)."""
BIG_CITY = 1_000_000
CONNECTORS = frozenset({"de", "del", "da", "do", "dos", "das", "la", "el", "al", "es", "-"})
"""Lower-case words and marks inside a place name ("Rio de Janeiro", "Ivano-Frankivsk")."""
LOCATING_PREPOSITIONS = frozenset({"of", "from"})
ARMED_SECTORS = frozenset({"MIL", "REB", "UAF", "PRM", "INS", "SEP"})
"""Sectors of roles found where they fight, not where they come from."""
POSTED_ROLES = frozenset(
    "embassy consulate mission envoy ambassador consul diplomat negotiator delegation delegate attache".split()
)
"""Roles that serve their country abroad: found where they are posted, not where they belong."""


@lru_cache(maxsize=1)
def _english_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(nouns, verbs, adjectives and adverbs) of English as the parser's lemmatizer lists them:
    a place name that is also a word needs more evidence before it is read as a place."""
    from eventwire.nlp import load_nlp
    from eventwire.nlp.lemmas import model_lemmatizer

    index = model_lemmatizer(load_nlp()).lookups.get_table("lemma_index")
    describing = frozenset(index["adj"]) | frozenset(index["adv"])
    return frozenset(index["noun"]), frozenset(index["verb"]), describing


def _name_like(token: Token) -> bool:
    """Capitalised as a name is, not in capitals throughout as initials are ("NISA")."""
    return token.text[:1].isupper() and not token.is_punct and not token.text.isupper()


def _runs(tokens: Sequence[Token]) -> Iterator[list[Token]]:
    """Maximal runs of consecutive capitalised tokens (connectors inside: "Rio de Janeiro")."""
    run: list[Token] = []
    for token in tokens:
        follows = bool(run) and token.i == run[-1].i + 1
        if follows and (_name_like(token) or token.lower_ in CONNECTORS):
            run.append(token)
            continue
        if run:
            yield run
        run = [token] if _name_like(token) else []
    if run:
        yield run


def _windows(run: list[Token]) -> Iterator[list[Token]]:
    """Every stretch of ``run`` that starts and ends with a capitalised token, longest first."""
    for length in range(len(run), 0, -1):
        for start in range(len(run) - length + 1):
            window = run[start : start + length]
            if _name_like(window[0]) and _name_like(window[-1]):
                yield window


def _inside_longer_place(window: list[Token]) -> bool:
    """Whether the parser found a longer place name around ``window`` ("North" of "North Kivu")."""
    doc = window[0].doc
    first, last = window[0], window[-1]
    starts_inside = first.ent_iob_ == "I" and doc[first.i - 1].ent_type_ in PLACE_ENTITIES
    ends_inside = last.i + 1 < len(doc) and doc[last.i + 1].ent_iob_ == "I" and last.ent_type_ in PLACE_ENTITIES
    return starts_inside or ends_inside


def _written_as_place(window: list[Token], candidates: Sequence[PlaceCandidate], lexicon: Lexicon) -> bool:
    """Whether these tokens are a place name here (see the module docstring)."""
    text = window[0].doc[window[0].i : window[-1].i + 1].text
    if lexicon.countries.lookup(text) is not None or _inside_longer_place(window):
        return False
    if len(window) > 1:
        return True
    token = window[0]
    if token.is_stop or lexicon.agents.lookup(token.text) is not None:
        return False
    nouns, verbs, describing = _english_words()
    word = token.lower_
    tagged_place = token.ent_type_ in PLACE_ENTITIES
    if word in describing:
        return False
    if word in verbs:
        return tagged_place
    if word in nouns:
        return tagged_place or any(c.kind == "city" and c.population >= BIG_CITY for c in candidates)
    return True


def _choose(candidates: Sequence[PlaceCandidate], preferred: Collection[str], lexicon: Lexicon) -> Country | None:
    """The country of a place name: the only one, else the one the article names, else the
    largest place's unless two subdivisions tie."""
    known = [candidate for candidate in candidates if candidate.iso3 in lexicon.by_iso3]
    countries = list(dict.fromkeys(candidate.iso3 for candidate in known))
    named = [iso3 for iso3 in countries if iso3 in preferred]
    if len(named) == 1:
        return lexicon.by_iso3[named[0]]
    if not known or (len(known) > 1 and known[0].rank == known[1].rank):
        return None
    return lexicon.by_iso3[known[0].iso3]


def place_in(
    tokens: Sequence[Token], taken: Collection[int], preferred: Collection[str], lexicon: Lexicon
) -> Country | None:
    """The country of the first place named among ``tokens`` (those in ``taken`` belong to other names)."""
    free = [token for token in tokens if token.i not in taken]
    for run in _runs(free):
        for window in _windows(run):
            candidates = place_candidates(window[0].doc[window[0].i : window[-1].i + 1].text)
            if candidates and _written_as_place(window, candidates, lexicon):
                return _choose(candidates, preferred, lexicon)
    return None


def named_countries(names: Sequence[Name], lexicon: Lexicon) -> frozenset[str]:
    """The ISO3 codes of the countries ``names`` name: the article's countries, which settle a
    place name that several countries share."""
    return frozenset(
        lexicon.state_iso3(name.country.country) for name in names if name.country is not None
    )


def taken_tokens(names: Sequence[Name]) -> frozenset[int]:
    """Indices of tokens inside a name (country, organisation or person): no place's."""
    return frozenset(index for name in names for index in range(name.start, name.end))


def _posted(agent: Agent) -> bool:
    words = normal_words(agent.phrase)
    return bool(words) and words[-1] in POSTED_ROLES


def _modifiers_before(span: Span, head: Token) -> list[Token]:
    """The tokens of ``span`` before ``head`` that modify it without a break: back from the head
    to the first bracket, dash or comma ("Istanbul (CNN) President": none)."""
    start = head.i
    while start > span.start and not _breaks(span.doc[start - 1]):
        start -= 1
    return list(span.doc[start : head.i])


def _breaks(token: Token) -> bool:
    """A bracket, dash, comma or line break between a place and a role: the place is no modifier."""
    return (token.is_punct and token.text not in ("-", "'", "\u2019")) or "\n" in token.whitespace_ + token.text


def role_place(
    span: Span,
    head: Token,
    agent: Agent,
    sector: str | None,
    names: Sequence[Name],
    excluded: Collection[int],
    lexicon: Lexicon,
) -> Country | None:
    """The country of a place that qualifies the role ``head`` of ``span`` (the role ``agent``,
    of ``sector``): before the head (modifier, possessor), else the object of "of"/"from"
    after it, or of "in" (see the module docstring). ``excluded`` tokens name another party
    ("envoy to Lagos")."""
    if _posted(agent):
        return None
    before = _modifiers_before(span, head)
    prepositions = LOCATING_PREPOSITIONS if sector in ARMED_SECTORS else LOCATING_PREPOSITIONS | {"in"}
    objects = [
        list(noun_phrase(place))
        for preposition in head.rights
        if preposition.dep_ == "prep" and preposition.lower_ in prepositions
        for place in preposition.children
        if place.dep_ == "pobj"
    ]
    if not any(_name_like(token) for tokens in (before, *objects) for token in tokens):
        return None
    taken = taken_tokens(names) | frozenset(excluded)
    preferred = named_countries(names, lexicon)
    for tokens in (before, *objects):
        found = place_in(tokens, taken, preferred, lexicon)
        if found is not None:
            return found
    return None
