"""Coding a description: a noun phrase ("Sudan's army", "a former Kremlin adviser") to country + sector.

One function codes every description the same way, whether it is a group in an article
("Turkish troops"), the title beside a name ("Armenia's Prime Minister"), a role that
coreference resolves ("the Russian leader") or a phrase coded alone (``resolve_text``):

- the **sector** comes from the role noun, the longest agents-table phrase ending at the
  head ("deputy foreign minister" over "minister"), or reaching into an "of" phrase after it
  ("minister of defence"); a role that borrows ("spokesman", "official") takes the sector of
  a body named before it ("army spokesman" MIL), of a seat ("Pentagon official" MIL) or of
  a body in its "of"/"for" phrase ("the head of the police" COP);
- an **organisation** named in the phrase codes it as a whole: "Hezbollah fighters" are Hezbollah
  Haram, "NATO's chief" speaks for NATO;
- the **country** is the first country form in the phrase, written as a possessor ("Sudan's
  army"), an adjective ("Turkish troops"), a name or capital used as a modifier ("US
  destroyer", "Abuja police") or the object of "of", "in", "from" ("president of Azerbaijan");
  the object of "to", "against", "with"... is the other party ("Russia's ambassador to
  Poland" is Russian), not the actor's country. A role with no country form takes the
  country of a town or region that qualifies it ("Lagos police", "the governor of Texas":
  ``localities``);
- **former** ("former", "ex-", "retired", "ousted", "exiled", "deposed") makes a role an
  elite (ELI): the person no longer holds it;
- a role word inside a country's name is no role ("the Russian Federation");
- a capitalised **Union** with no members named in it ("the Soviet Union", "the Customs
  Union") is a union of states or a party, not a trade union: only members ("Teachers Union",
  "National Union of Journalists") or the words "trade" and "labour" make it labour (LAB);
- **opposition** before a role makes a government role the opposition ("opposition leader"
  OPP) and adds OPP as secondary sector to any other ("opposition lawmaker" LEG + OPP);
- a phrase with no role noun but a country form is the country itself, its capital the
  government ("Tehran" IRN + GOV), its seat the seat's institution ("Pentagon" USA + MIL).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from eventwire.actors.agents import Agent, normal_words
from eventwire.actors.countries import Country
from eventwire.actors.lexicon import Lexicon
from eventwire.actors.localities import role_place
from eventwire.actors.model import compose_code
from eventwire.actors.names import Name
from eventwire.actors.organisations import GROUP_COUNTRIES, Organisation
from eventwire.actors.syntax import names_another_party, phrase_start

FORMER_MARKERS = frozenset({"former", "ex", "retired", "ousted", "exiled", "deposed", "onetime", "erstwhile"})
"""Words before a role saying it is no longer held: the holder is an elite (ELI)."""
OPPOSITION_MARKER = "opposition"
OTHER_PARTY_PREPOSITIONS = frozenset(
    {"to", "against", "with", "toward", "towards", "between", "on", "over", "versus", "vs"}
)
"""Prepositions whose object is another party than the described actor ("ambassador to Poland")."""
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
UNION = ("union",)
LABOUR_WORDS = frozenset({"trade", "labour", "labor", "workers"})
"""Words that make a capitalised Union a trade union even with no member noun ("Trade Union")."""


@dataclass(frozen=True)
class Description:
    """What a noun phrase says about its actor: country, sector, and what they were read from."""

    text: str
    country: Country | None
    sector: str | None
    secondary: str | None
    agent: Agent | None
    organisation: Organisation | None
    country_name: Name | None
    former: bool
    state: str | None
    """ISO3 of the state the code speaks of (a de-facto state's parent: Abkhazia is GEO)."""

    @property
    def code(self) -> str | None:
        """The CAMEO code: an organisation's own, else country + sector [+ secondary]."""
        if self.organisation is not None and not self.former:
            return self.organisation.code
        return compose_code(self.country.cameo if self.country else None, self.sector, self.secondary)

    @property
    def iso3(self) -> str | None:
        """The ISO3 country of the actor: the organisation's state (None for an international
        one), else the state of the country named."""
        if self.organisation is not None and not self.former:
            return state_of(self.organisation)
        return self.state

    @property
    def names_actor(self) -> bool:
        """Whether the phrase says anything about an actor (a role, an organisation, a country)."""
        return self.agent is not None or self.organisation is not None or self.country is not None


def state_of(organisation: Organisation) -> str | None:
    """The ISO3 state an organisation belongs to; None for one of no single state (its country
    slot is a group code: IGO, NGO, IMG)."""
    return None if organisation.country in GROUP_COUNTRIES else organisation.country


def _other_party_tokens(span: Span) -> set[int]:
    """Indices of tokens that name another party than the described actor: governed (inside
    ``span``) by a preposition that introduces one, or after a stance prefix ("anti-")."""
    # "an anti-Iran cleric", "an ISIS-affiliated cell": only a hyphenated phrase has one
    excluded = {token.i for token in span if names_another_party(token)} if "-" in span.text else set()
    for token in span:
        if token.lower_ in OTHER_PARTY_PREPOSITIONS and token.dep_ in ("prep", "agent", "dative"):
            excluded.update(child.i for child in token.subtree if child.i != token.i)
    return excluded


def _role_agent(span: Span, head: Token, lexicon: Lexicon) -> Agent | None:
    """The agents-table role of a phrase: the longest phrase ending at the head, or one
    continuing into the "of"/"for" phrase after it ("minister of defence")."""
    upto_head = span.doc[span.start : head.i + 1].text
    at_head = lexicon.agents.lookup(upto_head)
    if head.i + 1 < span.end:
        after_head = len(normal_words(span.doc[head.i + 1 : span.end].text))
        whole = lexicon.agents.lookup(span.text)
        if whole is not None and len(normal_words(whole.phrase)) > after_head:
            return whole
    return at_head


def _former(span: Span, head: Token) -> bool:
    return any(token.lower_ in FORMER_MARKERS for token in span if token.i < head.i)


def _opposition(span: Span, head: Token) -> bool:
    return any(token.lower_ == OPPOSITION_MARKER for token in span if token.i < head.i)


def _first(names: Sequence[Name], kind: str, excluded: set[int]) -> Name | None:
    return next((name for name in names if name.kind == kind and name.start not in excluded), None)


def describe(span: Span, head: Token, names: Sequence[Name], lexicon: Lexicon) -> Description:
    """Code the noun phrase ``span`` (whose syntactic head is ``head``); ``names`` are the
    proper names found in the document (those inside the span are used)."""
    inside = _inside(span, names)
    excluded = _other_party_tokens(span)
    organisation_name = _first(inside, "organisation", excluded)
    country_name = _first(inside, "country", excluded)
    organisation = organisation_name.organisation if organisation_name else None
    country = country_name.country.country if country_name and country_name.country else None
    agent = role_agent(span, head, names, lexicon)
    former = _former(span, head)
    sector, secondary = _sectors(agent, country_name, former, _opposition(span, head))
    if country is None and organisation is None and agent is not None:
        country = role_place(span, head, agent, sector, names, excluded, lexicon)
    state = lexicon.state_iso3(country) if country is not None else None
    return Description(span.text, country, sector, secondary, agent, organisation, country_name, former, state)


def role_agent(span: Span, head: Token, names: Sequence[Name], lexicon: Lexicon) -> Agent | None:
    """The agents-table role of ``describe(span, head, names, lexicon)``, alone: most noun
    phrases have none, and need not be described further."""
    agent = _with_body_of(_role_agent(span, head, lexicon), span, head, lexicon)
    if agent is None or _union_of_states(agent, span, head, lexicon) or _inside_a_name(head, _inside(span, names)):
        return None
    return agent


def _inside(span: Span, names: Sequence[Name]) -> list[Name]:
    return [name for name in names if span.start <= name.start and name.end <= span.end]


def _inside_a_name(head: Token, inside: Sequence[Name]) -> bool:
    """Whether the head word belongs to a country's name ("the Russian Federation", "the Union
    of the Comoros"): the name is the actor, its last word no role."""
    return any(name.kind == "country" and name.start <= head.i < name.end for name in inside)


def _union_of_states(agent: Agent | None, span: Span, head: Token, lexicon: Lexicon) -> bool:
    """Whether the role is a capitalised "Union" that names no members (see the module docstring)."""
    if agent is None or normal_words(agent.phrase) != UNION or not head.text[:1].isupper():
        return False
    members = [token for token in span if token.i != head.i]
    for preposition in head.rights:
        if preposition.dep_ == "prep" and preposition.lower_ == "of":
            members += [child for child in preposition.children if child.dep_ == "pobj"]
    for token in members:
        named = lexicon.agents.lookup(token.text) if token.pos_ in ("NOUN", "PROPN") else None
        if token.lower_ in LABOUR_WORDS or (named is not None and named.person):
            return False
    return True


def _with_body_of(agent: Agent | None, span: Span, head: Token, lexicon: Lexicon) -> Agent | None:
    """A person's role takes the sector of the body named in its "of"/"for" phrase when the role
    only borrows or defaults its sector ("the head of the police" COP, "a spokesman for the
    army" MIL); "minister of defence" is a table phrase and keeps its own row."""
    if agent is None or not agent.person or not (agent.borrows_sector or agent.sector in ("UNK", "GOV")):
        return agent
    for preposition in head.rights:
        if preposition.dep_ != "prep" or preposition.lower_ not in ("of", "for") or preposition.i >= span.end:
            continue
        for body_head in preposition.children:
            if body_head.dep_ == "pobj" and body_head.i < span.end:
                body = lexicon.agents.lookup(span.doc[phrase_start(body_head) : body_head.i + 1].text)
                if body is not None and not body.person and body.sector not in ("UNK", agent.sector):
                    return replace(agent, sector=body.sector, secondary=body.secondary)
    return agent


def _sectors(
    agent: Agent | None, country_name: Name | None, former: bool, opposition: bool
) -> tuple[str | None, str | None]:
    """Sector and secondary sector from the role, the country form, and the markers."""
    seat_sector = country_name.country.sector if country_name and country_name.country else None
    if agent is None:
        return seat_sector, None
    sector, secondary = agent.sector, agent.secondary
    if agent.borrows_sector and seat_sector is not None and country_name and country_name.country.kind == "seat":
        sector, secondary = seat_sector, None
    if former and sector != "ELI" and (agent.person or sector in STATE_SECTORS):
        return "ELI", None
    if opposition and sector != "OPP":
        return ("OPP", None) if sector == "GOV" else (sector, "OPP")
    return sector, secondary
