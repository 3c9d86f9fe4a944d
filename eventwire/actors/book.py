"""The actors of one article as recognition finds them, and what coreference asks of them.

Mentions are added in any order (people first, then groups, countries, pronouns); the book
keeps one ``Actor`` per identity (a person by name, an organisation by name, anything else
by its code, so "Moscow" and "the Russian government" are one RUSGOV actor) and remembers,
for each person, where it was mentioned and as what, so that a later "Putin", "the Russian
leader" or "he" can be tied to the right one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from eventwire.actors.agents import normal_words
from eventwire.actors.model import Actor, Mention, Resolution
from eventwire.actors.syntax import head_of, is_subject


@dataclass
class PersonFacts:
    """What coreference compares a description or pronoun with: country, sector, roles, surnames."""

    country: str | None
    sector: str | None
    roles: frozenset[str]
    surnames: frozenset[str]


@dataclass(frozen=True)
class Placed:
    """A mention with its token positions: its head and whether the head is a clause subject."""

    key: tuple[str, str]
    start: int
    end: int
    head: int
    subject: bool
    sentence: int


@dataclass
class ActorBook:
    """Actors keyed by identity, their mentions, and the token positions of every mention."""

    doc: Doc
    sentence_of: list[int]
    actors: dict[tuple[str, str], Actor] = field(default_factory=dict)
    people: dict[tuple[str, str], PersonFacts] = field(default_factory=dict)
    placed: list[Placed] = field(default_factory=list)
    claimed: bytearray = field(default_factory=bytearray)

    def __post_init__(self) -> None:
        self.claimed = bytearray(len(self.doc))

    def free(self, start: int, end: int) -> bool:
        """Whether no mention covers any token of ``start:end`` yet."""
        return not any(self.claimed[start:end])

    def add(
        self, key: tuple[str, str], actor: Actor, span: Span, resolution: Resolution, head: Token | None = None
    ) -> Actor:
        """Record a mention of the actor ``key`` (``actor`` is kept the first time the key is seen)."""
        kept = self.actors.setdefault(key, actor)
        head_token = head if head is not None else head_of(span)
        sentence = self.sentence_of[head_token.i]
        kept.mentions.append(Mention(span.start_char, span.end_char, span.text, resolution, sentence))
        self.placed.append(Placed(key, span.start, span.end, head_token.i, is_subject(head_token), sentence))
        self.claimed[span.start : span.end] = b"\x01" * len(span)
        return kept

    def add_person(self, key: tuple[str, str], facts: PersonFacts) -> None:
        """Remember (or widen) what is known of a person for later coreference."""
        known = self.people.get(key)
        if known is None:
            self.people[key] = facts
        else:
            known.roles = known.roles | facts.roles
            known.surnames = known.surnames | facts.surnames

    def person_by_surname(self, text: str, before: int) -> tuple[str, str] | None:
        """The one person mentioned before token ``before`` whose surname is ``text``."""
        key = " ".join(normal_words(text))
        found = {
            p.key
            for p in self.placed
            if p.start < before and p.key in self.people and key in self.people[p.key].surnames
        }
        return found.pop() if len(found) == 1 else None

    def person_mentions_before(self, position: int) -> list[Placed]:
        """Mentions of people that start before token ``position``, most recent first."""
        return sorted((p for p in self.placed if p.start < position and p.key in self.people), key=lambda p: -p.start)

    def actor_at(self, index: int) -> Actor | None:
        """The actor of the mention that covers token ``index``, if any."""
        for placed in self.placed:
            if placed.start <= index < placed.end:
                return self.actors[placed.key]
        return None

    def ordered(self) -> list[Actor]:
        """The actors in the order of their first mention, each with its mentions in text order."""
        for actor in self.actors.values():
            actor.mentions.sort(key=lambda mention: mention.start)
        return sorted(self.actors.values(), key=lambda actor: actor.mentions[0].start)
