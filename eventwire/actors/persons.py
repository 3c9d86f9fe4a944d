"""Named people: the title written beside a name, and the code the title and the people table give.

A title is read from the parse, in the three places news puts it:

- before the name, inside its noun phrase: "Russian President Vladimir Putin",
  "Foreign Office spokeswoman Mumtaz Zahra Baloch", "Maj. Gen. Amina Okafor";
- as the noun the name is in apposition to: "Armenia's Prime Minister Nikol Pashinyan" (the
  parser hangs the name on "Minister"), with its "of"/"for" phrase ("the US special envoy
  for Sudan, Tom Perriello");
- as an apposition after the name: "Nikol Pashinyan, Armenia's prime minister," or
  "Ilham Aliyev, the president of Azerbaijan".

The code, in order of trust:

1. "former"/"ex-" in the title makes the person an elite (ELI) of the title's (or the
   table's) country: the text says the office is no longer held;
2. a person the people table knows is coded by the office held on the article's date
   (``resolved_by="dictionary"``; without a date, the latest office), unless the title
   names another country or a title of another sector ("US Senator Jane Doe" before she
   was Secretary of State): the text is newer than the table. A person whose terms all
   ended before that date is an elite (ELI) of the country served; one whose first term
   starts after it keeps the country and no sector (the table does not say what they were);
3. otherwise the title codes the person (``resolved_by="title"``, ``evidence`` = the
   title); a title without a country takes the country of its context (``context``);
4. otherwise the person is kept uncoded (``resolved_by="unresolved"``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Span, Token

from eventwire.actors.agents import normal_words
from eventwire.actors.countries import Country
from eventwire.actors.describe import Description, describe
from eventwire.actors.lexicon import Lexicon
from eventwire.actors.model import ResolvedBy, compose_code
from eventwire.actors.names import Name
from eventwire.actors.people import Office
from eventwire.actors.syntax import NOMINAL_POS, head_of, of_phrase_end, phrase_start, tokens_for_words

ELITE = "ELI"


@dataclass(frozen=True)
class Titled:
    """A person's name with the title written beside it (None if there is none)."""

    name: Span
    title: Span | None
    title_head: Token | None

    @property
    def mention(self) -> Span:
        """The whole mention: title and name, in text order."""
        if self.title is None:
            return self.name
        doc = self.name.doc
        return doc[min(self.title.start, self.name.start) : max(self.title.end, self.name.end)]


@dataclass(frozen=True)
class PersonCode:
    """The code of a named person and where it came from."""

    name: str
    iso3: str | None
    code: str | None
    sector: str | None
    resolved_by: ResolvedBy
    evidence: str | None
    roles: frozenset[str]
    surnames: frozenset[str]


def _is_title_head(token: Token, lexicon: Lexicon) -> bool:
    """A noun that can be a person's role ("minister", "spokeswoman"), judged by the agents table."""
    if token.pos_ not in NOMINAL_POS:
        return False
    agent = lexicon.agents.lookup(token.doc[phrase_start(token) : token.i + 1].text)
    return agent is not None and agent.person


def _office_head(title: Span, lexicon: Lexicon) -> Token:
    """The last word of the first title in a stack of titles before a name.

    "Deputy Minister of Defence Major-General Ivan Petrov", "Defence Minister General
    X": the office comes first and codes the person; a military rank after it is the holder's
    rank, not another office. Without a known title the last word is the head ("Foreign
    Office spokeswoman").
    """
    for position in range(len(title)):
        found = lexicon.agents.title_at_start(title[position:].text)
        if found is not None:
            return title[position + tokens_for_words(title[position:], found[1]) - 1]
    return title[-1]


def _title_before(head: Token, name: Span, lexicon: Lexicon) -> Token | None:
    """The title noun a name is in apposition to, before it: "Armenia's Prime Minister Nikol
    Pashinyan", or "the US special envoy for Sudan, Tom Perriello", where the small model
    hangs the name on the object of "for" instead of on "envoy"."""
    if head.dep_ != "appos" or head.head.i >= name.start:
        return None
    anchor = head.head
    if _is_title_head(anchor, lexicon):
        return anchor
    if anchor.dep_ == "pobj" and anchor.head.lower_ in ("of", "for") and _is_title_head(anchor.head.head, lexicon):
        return anchor.head.head
    return None


def find_title(name: Span, lexicon: Lexicon) -> Titled:
    """The title beside a name, from the parse (see the module docstring for the three places)."""
    doc = name.doc
    head = head_of(name)
    start = phrase_start(head)
    if start < name.start:
        title = doc[start : name.start]
        while len(title) and (title[0].dep_ == "det" or title[0].is_punct):
            title = doc[title.start + 1 : title.end]
        if len(title):
            return Titled(name, title, _office_head(title, lexicon))
    title_head = _title_before(head, name, lexicon)
    if title_head is not None:
        return Titled(name, doc[phrase_start(title_head) : min(of_phrase_end(title_head), name.start)], title_head)
    for child in head.rights:
        if child.dep_ == "appos" and _is_title_head(child, lexicon):
            return Titled(name, doc[phrase_start(child) : of_phrase_end(child)], child)
    return Titled(name, None, None)


def describe_title(titled: Titled, names: Sequence[Name], lexicon: Lexicon) -> Description | None:
    """The title coded as a description (None when there is no title or it names no role or country)."""
    if titled.title is None or titled.title_head is None:
        return None
    head = titled.title_head if titled.title_head.i < titled.title.end else titled.title[-1]
    description = describe(titled.title, head, names, lexicon)
    return description if description.names_actor else None


def _office_country(office: Office, lexicon: Lexicon) -> Country | None:
    """The country an office serves (None for an international organisation's office)."""
    return None if office.organisation is not None else lexicon.countries.by_iso3(office.country)


def _office_code(office: Office, lexicon: Lexicon) -> tuple[str | None, str | None]:
    """(ISO3, code) of an office: an IGO official carries the organisation's code."""
    if office.organisation is not None:
        organisation = lexicon.organisations.lookup(office.organisation)
        return None, organisation.code if organisation is not None else None
    country = _office_country(office, lexicon)
    return office.country, compose_code(country.cameo if country else office.country, office.sector, office.secondary)


def _roles(title: Description | None, office: Office | None) -> frozenset[str]:
    """Role words a later description may use for this person ("president", "minister")."""
    words: set[str] = set()
    if title is not None and title.agent is not None:
        words.update(normal_words(title.agent.phrase))
    if office is not None:
        words.update(normal_words(office.role))
    return frozenset(words)


def _surnames(written: Span, office: Office | None) -> frozenset[str]:
    """Keys a later bare surname may take: the last word written, and the table's surnames."""
    keys = {" ".join(normal_words(written[-1].text))}
    if office is not None:
        keys.update(" ".join(normal_words(surname)) for surname in office.surnames)
    return frozenset(key for key in keys if key)


def _table_agrees(title: Description | None, office: Office) -> bool:
    """Whether the title leaves the table's office standing: no other country, no other role sector.

    Only a real title ("Senator", "General") can contradict the table's sector; a role noun
    whose sector is a default ("leader", "official") cannot.
    """
    if title is None:
        return True
    if title.iso3 is not None and title.iso3 != office.country:
        return False
    agent = title.agent
    if agent is not None and agent.title and not agent.borrows_sector and title.sector not in (None, "UNK"):
        return title.sector in (office.sector, office.secondary)
    return True


def code_person(
    titled: Titled,
    table_name: str | None,
    names: Sequence[Name],
    lexicon: Lexicon,
    day: date | None,
    context: Country | None,
    context_source: str = "",
) -> PersonCode:
    """Code a named person as of ``day`` (None: their latest office); see the module docstring."""
    written = titled.name
    office = lexicon.people.lookup(table_name, on=day) if table_name else None
    if office is None and len(written) == 1:
        office = lexicon.people.by_surname(written.text, on=day)
    title = describe_title(titled, names, lexicon)
    name = office.name if office is not None else written.text
    roles, surnames = _roles(title, office), _surnames(written, office)
    evidence = titled.title.text if titled.title is not None and title is not None else None

    def coded(
        sector: str | None,
        resolved_by: ResolvedBy,
        why: str | None,
        country: Country | None,
        secondary: str | None = None,
    ) -> PersonCode:
        iso3 = lexicon.state_iso3(country) if country is not None else None
        cameo = country.cameo if country is not None else None
        return PersonCode(name, iso3, compose_code(cameo, sector, secondary), sector, resolved_by, why, roles, surnames)

    if title is not None and title.sector == ELITE:
        country = title.country or (_office_country(office, lexicon) if office else None) or context
        return coded(ELITE, "title", evidence, country)
    if office is not None and _table_agrees(title, office):
        country = _office_country(office, lexicon)
        if day is not None and office.end is not None and day >= office.end:
            return coded(ELITE, "dictionary", f"former {office.role} (until {office.end.isoformat()})", country)
        if day is not None and day < office.start:
            return coded(None, "dictionary", f"{office.role} only from {office.start.isoformat()}", country)
        iso3, code = _office_code(office, lexicon)
        return PersonCode(name, iso3, code, office.sector, "dictionary", None, roles, surnames)
    if title is not None and title.organisation is not None:
        return PersonCode(name, title.iso3, title.code, title.sector, "title", evidence, roles, surnames)
    if title is not None and (title.sector is not None or title.country is not None):
        country = title.country or context
        why = (
            evidence
            if title.country is not None or country is None
            else f"{evidence} (country from the {context_source}: {country.name})"
        )
        return coded(title.sector, "title", why, country, title.secondary)
    return PersonCode(name, None, None, None, "unresolved", None, roles, surnames)
