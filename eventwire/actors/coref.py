"""Within-article coreference: a surname, a role description or he/she tied to a person named before.

Three small rules, each explainable from the text:

- **surname**: a bare name that is the last word (or the table surname) of exactly one person
  named earlier in the article is that person ("Putin" after "Vladimir Putin"). This also
  settles a capital that is someone's surname: "Lima" after "Carlos Lima" is the person.
- **role description**: a definite singular role noun phrase with no name ("the Russian
  leader", "the Azerbaijani president", "the minister") is the most recently mentioned
  coded person it fits: the same country when it names one, and the same role when the
  noun is a title ("the president" needs a president; "the leader" or "the official" needs
  only the sector). When no coded person fits, it is the most recently mentioned person
  that nothing coded ("Lena Haddad said ... the Lebanese foreign minister added"), who
  takes the description's code (``resolved_by="coreference"``).
- **organisation description**: "the group", "the movement", "the alliance" (a definite
  singular noun of a kind of body, with no name or country in its phrase) is the most
  recently mentioned organisation of a fitting kind that was the subject of a clause, in
  the same or the two previous sentences ("Hezbollah fired rockets ... The group said"):
  an alliance or bloc is an intergovernmental one, a group, movement or militia anything
  but a state body or an intergovernmental one. A plural noun of people in between
  ("activists", "students") may be the group too: then it is left alone.
- **pronoun**: "he" or "she" as the subject of a clause is, in order of preference, (1) a
  person who is the subject of a clause of the same sentence that governs the pronoun's
  clause ("The Russian leader said that ... he will contact"), (2) the person who is the
  subject of the previous sentence ("Aliyev said ... . '...,' he said."), (3) the most
  recently mentioned person. Gender is not checked: the tables do not record it, and the
  subject preference settles the common cases.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from spacy.tokens import Span, Token

from eventwire.actors.agents import normal_words
from eventwire.actors.book import ActorBook, Placed
from eventwire.actors.describe import Description

PRONOUNS = frozenset({"he", "she"})
POSSESSIVES = frozenset({"his", "her"})
DEFINITE = frozenset({"the", "this", "that"})


def is_role_description(span: Span, head: Token, description: Description) -> bool:
    """A definite singular role phrase naming a person's role and no organisation: "the Russian leader"."""
    agent = description.agent
    if agent is None or not agent.person or description.organisation is not None or description.former:
        return False
    if head.tag_ in ("NNS", "NNPS"):
        return False
    return any(token.lower_ in DEFINITE and token.dep_ == "det" for token in span)


def _fits(book: ActorBook, placed: Placed, description: Description) -> bool:
    facts = book.people[placed.key]
    if description.iso3 is not None and facts.country != description.iso3:
        return False
    agent = description.agent
    if agent is None:
        return False
    if agent.title:
        return set(normal_words(agent.phrase)) <= facts.roles
    return agent.sector in (facts.sector, "UNK")


def resolve_role(book: ActorBook, span: Span, description: Description) -> tuple[str, str] | None:
    """The person a role description refers to: the most recently mentioned coded person that
    fits, else the most recently mentioned uncoded one (whom the description then codes)."""
    before = book.person_mentions_before(span.start)
    for placed in before:
        if book.actors[placed.key].code is not None and _fits(book, placed, description):
            return placed.key
    return next((placed.key for placed in before if book.actors[placed.key].code is None), None)


def _governing_subject(book: ActorBook, pronoun: Token) -> tuple[str, str] | None:
    """A person subject, earlier in the sentence, of a clause above the pronoun's."""
    ancestors = {token.i for token in pronoun.ancestors}
    for placed in book.person_mentions_before(pronoun.i):
        if placed.sentence != book.sentence_of[pronoun.i]:
            break
        head = book.doc[placed.head]
        if placed.subject and head.head.i in ancestors:
            return placed.key
    return None


def _previous_sentence_subject(book: ActorBook, pronoun: Token) -> tuple[str, str] | None:
    sentence = book.sentence_of[pronoun.i]
    for placed in book.person_mentions_before(pronoun.i):
        if placed.sentence < sentence - 1:
            break
        if placed.sentence == sentence - 1 and placed.subject:
            return placed.key
    return None


def resolve_pronoun(book: ActorBook, pronoun: Token) -> tuple[str, str] | None:
    """The person "he"/"she" (a clause subject) refers to, by the three preferences above."""
    found = _governing_subject(book, pronoun) or _previous_sentence_subject(book, pronoun)
    if found is not None:
        return found
    before = book.person_mentions_before(pronoun.i)
    return before[0].key if before else None


def is_person_pronoun(token: Token) -> bool:
    """ "he"/"she" as a clause subject, or "his"/"her" as a possessive ("his visit"): the
    pronouns whose person the rules above can find. Objects ("told him") are left out: they
    usually refer to someone other than the subject the rules would pick."""
    if token.lower_ in PRONOUNS:
        return token.dep_ in ("nsubj", "nsubjpass")
    return token.lower_ in POSSESSIVES and token.dep_ == "poss"


_STATE_OR_IGO = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "IGO"})
BODY_NOUNS = frozenset({"alliance", "bloc", "militia", "group", "movement", "organisation", "organization"})
"""Nouns that name a kind of organisation ("the group said"); ``body_fits`` says which."""
_SENTENCES_BACK = 2
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})


def body_fits(noun: str, sector: str | None) -> bool:
    """Whether an organisation of ``sector`` may be called "the <noun>"."""
    if noun in ("alliance", "bloc"):
        return sector == "IGO"
    if noun in ("group", "movement", "militia"):
        return sector not in _STATE_OR_IGO
    return True  # "the organisation": any body


def body_antecedents(book: ActorBook) -> list[Placed]:
    """The organisation mentions "the group" may stand for, in text order: subjects of a
    clause (what the story is about) named by a singular phrase ("Amnesty", not "Taliban
    fighters", which "the group" would not take up as one body)."""
    found = (
        p for p in book.placed if p.key[0] == "organisation" and p.subject and book.doc[p.head].tag_ not in _PLURAL_TAGS
    )
    return sorted(found, key=lambda p: p.start)


def resolve_body(
    book: ActorBook, phrase: Span, noun: str, antecedents: Sequence[Placed], people: Sequence[int]
) -> tuple[str, str] | None:
    """The organisation "the group" (or movement, alliance...) refers to: the latest of
    ``antecedents`` (``body_antecedents``) of a fitting kind, no more than two sentences
    back. A plural noun of people in between (``people``: token positions, in order) may be
    the group as well ("...detained 12 activists. The group was freed"): then none is."""
    sentence = book.sentence_of[phrase.start]
    for placed in reversed(antecedents):
        if placed.start >= phrase.start:
            continue
        if placed.sentence < sentence - _SENTENCES_BACK:
            return None
        if noun not in ("alliance", "bloc") and bisect_left(people, placed.end) < bisect_left(people, phrase.start):
            return None
        if body_fits(noun, book.actors[placed.key].sector):
            return placed.key
    return None
