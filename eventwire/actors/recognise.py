"""Every actor of an article, from its parse and the tables, in five passes over the text.

1. **people**: each named person with the title beside it (``persons``), or a bare surname
   tied to a person named earlier (``coref``), also where the model did not tag it a name;
2. **organisations** named in the tables; an organisation that modifies a role noun brings
   the whole phrase with it ("Hezbollah fighters", "UN peacekeepers");
3. **described groups and roles**: every noun phrase whose head is a role noun of the agents
   table ("Turkish troops", "Sudan's army", "a ruling-party senator"), coded by
   ``describe``; a definite singular role ("the Russian leader") is first offered to
   coreference and becomes a group only when no earlier person fits;
4. **countries**: names, capitals, seats and demonyms not already part of a phrase above.
   A country name acts unless it is a place ("in Azerbaijan") or only modifies a noun ("its
   Ukraine campaign"); a capital or seat acts only as a subject, object, possessor, agent or
   party ("Moscow said", "Baku's campaign", "relations between Yerevan and Moscow"), being
   otherwise a place ("a visit to Baku"). A demonym used as a noun ("the Russians have
   offered", "Russians") is the country as a side; counted or qualified ("three Ukrainians",
   "many Kazakhs", "ordinary Georgians", "thousands of Armenians") it is people of the country,
   coded as civilians (CVL);
5. **pronouns**: "he"/"she" as a clause subject, tied to a person by ``coref``.

Each token belongs to one mention at most, so a phrase is coded once, by the first pass that
claims it. Only the text of the ``Doc`` is coded: the extractor has already set page
furniture and related headlines apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from eventwire.actors.agents import Agent, normal_words
from eventwire.actors.book import ActorBook, PersonFacts
from eventwire.actors.context import CountryContext, country_context
from eventwire.actors.countries import Country
from eventwire.actors.coref import (
    BODY_NOUNS,
    body_antecedents,
    is_person_pronoun,
    is_role_description,
    resolve_body,
    resolve_pronoun,
    resolve_role,
)
from eventwire.actors.describe import Description, describe, role_agent, state_of
from eventwire.actors.lexicon import Lexicon, load_lexicon
from eventwire.actors.model import Actor, ActorKind, code_parts, compose_code
from eventwire.actors.names import Name, find_names
from eventwire.actors.organisations import Organisation
from eventwire.actors.persons import code_person, find_title
from eventwire.actors.readings import settle_readings
from eventwire.actors.syntax import (
    NOMINAL_POS,
    acts,
    head_of,
    is_modifier,
    is_place,
    named_as_place,
    names_confinement,
    noun_phrase,
    of_phrase_end,
    phrase_start,
)

CIVILIANS = "CVL"
QUANTIFIERS = frozenset({"many", "some", "several", "few", "most", "other", "more", "fewer"})
QUANTITY_NOUNS = frozenset({"thousand", "hundred", "dozen", "million", "score", "number", "group", "crowd"})
PREDICATIVE = frozenset({"attr", "oprd"})
"""A predicate nominal ("Russia has been a traditional mediator") says what its subject is:
it is no other actor."""
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})


def sentence_indices(doc: Doc) -> list[int]:
    """The index of the sentence each token belongs to."""
    indices = [0] * len(doc)
    for number, sentence in enumerate(doc.sents):
        indices[sentence.start : sentence.end] = [number] * len(sentence)
    return indices


def _linked_to_earlier_person(book: ActorBook, span: Span) -> bool:
    """Add ``span`` as a surname mention of a person named earlier, if it is one ("Putin", or a
    capital that is an earlier person's surname); True when it was linked."""
    earlier = book.person_by_surname(span.text, before=span.start)
    if earlier is None:
        return False
    book.add(earlier, book.actors[earlier], span, "surname")
    return True


def _people(
    book: ActorBook, names: Sequence[Name], lexicon: Lexicon, day: date | None, context: CountryContext
) -> None:
    doc = book.doc
    for name in names:
        if name.kind != "person" or not book.free(name.start, name.end):
            continue
        written = doc[name.start : name.end]
        if _linked_to_earlier_person(book, written) or named_as_place(head_of(written)):
            continue  # "the village of Bunia" is no person, whatever the model says
        titled = find_title(written, lexicon)
        mention = titled.mention if book.free(titled.mention.start, titled.mention.end) else written
        around, where = context.for_sentence(book.sentence_of[name.start])
        coded = code_person(titled, name.person, names, lexicon, day, around, where)
        key = ("person", coded.name)
        actor = Actor(
            coded.name, coded.code, coded.iso3, coded.sector, "person", coded.resolved_by, evidence=coded.evidence
        )
        book.add(key, actor, mention, coded.resolved_by, head=head_of(written))
        book.add_person(key, PersonFacts(coded.iso3, coded.sector, coded.roles, coded.surnames))


def _bare_surnames(book: ActorBook) -> None:
    """Proper nouns the model left out of any person entity that are the surname of a person
    named before ("Vargas added", after "Foreign Minister Alberto Vargas")."""
    for token in book.doc:
        if token.pos_ == "PROPN" and token.text[:1].isupper() and book.free(token.i, token.i + 1):
            earlier = book.person_by_surname(token.text, before=token.i)
            if earlier is not None:
                book.add(earlier, book.actors[earlier], book.doc[token.i : token.i + 1], "surname")


def _organisations(
    book: ActorBook, names: Sequence[Name], lexicon: Lexicon, day: date | None, context: CountryContext
) -> None:
    doc = book.doc
    for name in names:
        organisation = name.organisation
        if organisation is None or not book.free(name.start, name.end):
            continue
        span = doc[name.start : name.end]
        head = head_of(span)
        if organisation.needs_context:
            reading = _reading_in_context(organisation, span, names, lexicon, day, context, book.sentence_of)
            if isinstance(reading, Country):
                _local_body(book, span, head, reading, lexicon)
                continue
            organisation = reading
        code, sector = organisation.code, organisation.sector
        role = _role_around(head, span)
        if role is not None:
            phrase = doc[min(span.start, phrase_start(role)) : max(role.i + 1, span.end)]
            agent = lexicon.agents.lookup(doc[phrase.start : role.i + 1].text)
            if agent is not None and book.free(phrase.start, phrase.end):
                span, head = phrase, role
                code, sector = _branch(organisation, agent)
        key = ("organisation", f"{organisation.name}:{code}")
        actor = Actor(organisation.name, code, state_of(organisation), sector, "organisation", "dictionary")
        book.add(key, actor, span, "dictionary", head=head)


def _own_country(span: Span, names: Sequence[Name]) -> Country | None:
    """A country written before a name as its possessor or adjective ("Pakistan's Foreign Office")."""
    start = phrase_start(head_of(span))
    for name in names:
        if name.country is not None and start <= name.start < span.start:
            return name.country.country
    return None


def _reading_in_context(
    organisation: Organisation,
    span: Span,
    names: Sequence[Name],
    lexicon: Lexicon,
    day: date | None,
    context: CountryContext,
    sentence_of: Sequence[int],
) -> Organisation | Country:
    """Which body an ambiguous name ("Congress", "Foreign Office") is here.

    The row of the country written before the name ("Indian Congress"), else of a country its
    sentence names, else of the country the sentence or the article is about, else of a
    country named anywhere in the article. A name flagged ``local`` is another country's own
    body (the country is returned) when that country is written before it ("Pakistan's
    Foreign Office"), or when the article names none of the rows' countries and is about
    that country. Failing all, the table's default reading.
    """
    candidates = lexicon.organisations.candidates(span.text, on=day)

    def row_of(country: Country | None) -> Organisation | None:
        iso3 = lexicon.state_iso3(country) if country is not None else None
        return next((row for row in candidates if iso3 is not None and row.country == iso3), None)

    sentence = sentence_of[span.start]
    own = _own_country(span, names)
    if own is not None:
        return row_of(own) or (own if organisation.local else organisation)
    for named in context.by_sentence.get(sentence, ()):
        if (row := row_of(named)) is not None:
            return row
    around, _ = context.for_sentence(sentence)
    if (row := row_of(around)) is not None:
        return row
    named = next((row for row in candidates if context.names(row.country)), None)
    if named is not None:
        return named
    return around if organisation.local and around is not None else organisation


def _local_body(book: ActorBook, span: Span, head: Token, country: Country, lexicon: Lexicon) -> None:
    """A body any state has ("the Foreign Office"), coded as the given country's: its sector
    noun in agents.tsv gives the sector, the possessor or adjective before it joins the mention."""
    agent = lexicon.agents.lookup(span.text)
    sector, secondary = (agent.sector, agent.secondary) if agent is not None else (None, None)
    start = phrase_start(head)
    phrase = book.doc[start : span.end] if book.free(start, span.end) else span
    code = compose_code(country.cameo, sector, secondary)
    group = Actor(_without_determiner(phrase), code, lexicon.state_iso3(country), sector, "group", "description",
                  evidence=phrase.text)  # fmt: skip
    book.add(("group", code or country.cameo), group, phrase, "description", head=head)


def _role_around(head: Token, span: Span) -> Token | None:
    """The role noun an organisation's name belongs with, if any.

    Either the name modifies the noun ("Hezbollah fighters", "UN peacekeepers"; when the small
    model misparses such a phrase, the noun follows the name at once and is its head), or
    the name is the object of "of"/"for" after it ("the president of the European Commission").
    """
    outer = head.head
    if head.dep_ == "pobj" and outer.lower_ in ("of", "for") and outer.head.pos_ in NOMINAL_POS:
        return outer.head if outer.head.i < span.start else None
    if outer.pos_ not in NOMINAL_POS or outer.i < span.end:
        return None
    return outer if is_modifier(head) or outer.i == span.end else None


def _branch(organisation: Organisation, agent: Agent) -> tuple[str, str]:
    """Code and sector of an organisation's people or body named by a role noun.

    The members of a national organisation are the organisation ("Hamas fighters", "ISWAP
    militants"); a role noun after an international organisation names one of its
    branches, whose sector is added ("UN peacekeepers" IGOUNO + MIL, "the AU police
    mission" + COP). Roles that only borrow a sector ("official", "spokesman") and the executive
    roles of the organisation itself ("president", "secretary": GOV) add nothing.
    """
    international = state_of(organisation) is None
    if not international or agent.borrows_sector or agent.sector in ("UNK", "IGO", "GOV"):
        return organisation.code, organisation.sector
    branch = organisation.code if agent.sector in code_parts(organisation.code) else organisation.code + agent.sector
    return branch, agent.sector


def _role_phrase(book: ActorBook, head: Token, names: Sequence[Name], lexicon: Lexicon) -> Span | None:
    """The free part of a head word's noun phrase, with the "of"/"for" phrase after it when
    that is free and either names one country or organisation ("the president of
    Azerbaijan") or changes the role ("minister of defence", "the head of the police"); "the
    foreign ministers of Armenia and Azerbaijan" keeps its two countries as actors."""
    phrase = noun_phrase(head)
    start = phrase.start
    while start <= head.i and (not book.free(start, start + 1) or book.doc[start].tag_ == "POS"):
        start += 1
    if start > head.i:
        return None
    end = of_phrase_end(head)
    if end == head.i + 1:  # no "of"/"for" phrase: nothing to weigh (most nouns; two descriptions saved)
        return book.doc[start:end]
    extension = book.doc[head.i + 1 : end]
    named = [name for name in names if name.kind != "person" and extension.start <= name.start < extension.end]
    whole, short = book.doc[start:end], book.doc[start : head.i + 1]
    useful = (
        len(named) == 1 or role_agent(whole, head, names, lexicon) != role_agent(short, head, names, lexicon)
    )
    if not book.free(extension.start, end) or not useful or any(token.dep_ == "conj" for token in extension):
        end = head.i + 1
    return book.doc[start:end]


def _with_possessor_country(book: ActorBook, head: Token, description: Description, lexicon: Lexicon) -> Description:
    """A role possessed by a coded person takes the person's country ("al-Bashir's government")."""
    if description.iso3 is not None or description.organisation is not None:
        return description
    for child in head.children:
        if child.dep_ == "poss":
            owner = book.actor_at(child.i)
            if owner is not None and owner.kind == "person" and owner.country is not None:
                return replace(description, country=lexicon.countries.by_iso3(owner.country), state=owner.country)
    return description


def _nominal(token: Token) -> bool:
    """A noun, or an adjective or participle used as one, with its determiner or possessor
    ("the displaced", "Sudan's displaced"): the agents table decides whether it is a role."""
    if token.pos_ in NOMINAL_POS:
        return True
    return token.pos_ in ("ADJ", "VERB") and any(child.dep_ in ("det", "poss") for child in token.children)


def _described(book: ActorBook, names: Sequence[Name], lexicon: Lexicon) -> None:
    for token in book.doc:
        if (
            not _nominal(token)
            or token.dep_ in PREDICATIVE
            or not book.free(token.i, token.i + 1)
            or is_modifier(token)
            or names_confinement(token)
        ):
            continue
        phrase = _role_phrase(book, token, names, lexicon)
        if phrase is None or role_agent(phrase, token, names, lexicon) is None:
            continue  # no role: ``describe`` would give no agent
        description = describe(phrase, token, names, lexicon)
        if description.agent is None or (description.sector == "UNK" and description.country is None):
            continue
        description = _with_possessor_country(book, token, description, lexicon)
        if is_role_description(phrase, token, description):
            person = resolve_role(book, phrase, description)
            if person is not None:
                if book.actors[person].code is None:
                    _code_from_role(book, person, description, phrase)
                book.add(person, book.actors[person], phrase, "role", head=token)
                continue
        for each in _per_country(phrase, description, names, lexicon):
            code = each.code
            if code is not None:
                group = Actor(_without_determiner(phrase), code, each.iso3, each.sector, "group", "description",
                              evidence=phrase.text)  # fmt: skip
                book.add(("group", code), group, phrase, "description", head=token)


def _per_country(phrase: Span, description: Description, names: Sequence[Name], lexicon: Lexicon) -> list[Description]:
    """One description per country of coordinated nationalities ("Russian and Ukrainian
    delegations" are a Russian and a Ukrainian group); the description itself otherwise."""
    coordinated = [
        name.country.country
        for name in names
        if name.country is not None and phrase.start <= name.start < phrase.end
        and (phrase.doc[name.start].dep_ == "conj" or any(t.dep_ == "conj" for t in phrase.doc[name.start].children))
    ]  # fmt: skip
    if len({country.iso3 for country in coordinated}) < 2 or description.organisation is not None:
        return [description]
    return [replace(description, country=country, state=lexicon.state_iso3(country)) for country in coordinated]


def _code_from_role(book: ActorBook, person: tuple[str, str], description: Description, phrase: Span) -> None:
    """An uncoded person takes the code of the role description that refers to it."""
    actor, facts = book.actors[person], book.people[person]
    actor.code, actor.country, actor.sector = description.code, description.iso3, description.sector
    actor.resolved_by, actor.evidence = "coreference", phrase.text
    facts.country, facts.sector = description.iso3, description.sector
    if description.agent is not None:
        facts.roles = facts.roles | frozenset(normal_words(description.agent.phrase))


def _without_determiner(phrase: Span) -> str:
    tokens = list(phrase)
    while tokens and tokens[0].lower_ in DETERMINERS:
        tokens.pop(0)
    return "".join(token.text_with_ws for token in tokens).strip() or phrase.text


def _counted_people(head: Token) -> bool:
    """Whether a demonym names some people rather than the nation: a number, a quantifier or
    an adjective qualifies it ("three Ukrainians", "many Kazakhs", "ordinary Georgians", "thousands
    of Armenians")."""
    for child in head.children:
        qualifier = child.dep_ in ("amod", "nummod", "quantmod") or (child.dep_ == "compound" and child.pos_ == "ADJ")
        if qualifier or (child.dep_ == "det" and child.lower_ in QUANTIFIERS):
            return True
    of = head.head if head.dep_ == "pobj" and head.head.lower_ == "of" else None
    return of is not None and (of.head.like_num or of.head.lemma_.lower() in QUANTITY_NOUNS)


def _home_country(head: Token, names: Sequence[Name], nation: Country) -> Country | None:
    """The country a people named by its demonym lives in, when the phrase places it in
    another: "Kosovo Serbs", "the Turks of Bulgaria", "Poles in Lithuania". CAMEO
    codes such a community by where it lives, not by its kin state. Only a country's name
    places it: an adjective may name either side ("Bosnian Serbs" live in Bosnia,
    "Japanese Canadians" in Canada)."""
    places = [child for child in head.children if child.dep_ == "compound" and child.i < head.i]
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "in"):
            places += [pobj for pobj in prep.children if pobj.dep_ == "pobj"]
    for place in places:
        for name in names:
            match = name.country
            if match is not None and match.kind == "name" and name.start <= place.i < name.end and match.country != nation:
                return match.country
    return None


def _countries(book: ActorBook, names: Sequence[Name], lexicon: Lexicon) -> None:
    doc = book.doc
    for name in names:
        match = name.country
        if match is None or not book.free(name.start, name.end):
            continue
        span = doc[name.start : name.end]
        if _linked_to_earlier_person(book, span):
            continue
        head = head_of(span)
        country = match.country
        own_sector = country.cameo[3:] or None  # a de-facto state's actors are separatists (GEOSEP)
        kind: ActorKind
        if match.kind == "name":
            if is_place(head) or is_modifier(head):
                continue
            code, sector, kind = country.cameo, own_sector, "country"
        elif match.kind in ("capital", "seat"):
            if not acts(head):
                continue
            code, sector, kind = compose_code(country.cameo, match.sector), match.sector, "country"
        elif match.kind == "adjective" and (is_modifier(head) or head.pos_ not in NOMINAL_POS) or is_place(head):
            continue
        elif any(child.lower_ == "ethnic" for child in head.children):
            # "ethnic Uzbeks": kin, not citizens; placed by where the text puts them
            code, sector, kind = CIVILIANS, CIVILIANS, "group"
        elif (home := _home_country(head, names, country)) is not None:
            country = home
            code, sector, kind = compose_code(country.cameo, CIVILIANS), CIVILIANS, "group"
        elif _counted_people(head):
            code, sector, kind = compose_code(country.cameo, CIVILIANS), CIVILIANS, "group"
        else:
            code, sector, kind = country.cameo, own_sector, "country"
        label = country.name if kind == "country" else _without_determiner(span)
        evidence = None if kind == "country" else span.text
        kin_only = code == CIVILIANS  # an ethnic group: no state of its own in the code
        iso3 = None if kin_only else lexicon.state_iso3(country)
        actor = Actor(label, code, iso3, sector, kind, "dictionary", evidence=evidence)
        # kin of several countries are several groups: the kin state stays in the key
        key_code = (code + country.cameo) if kin_only else (code or country.cameo)
        book.add((kind, key_code), actor, span, "dictionary", head=head)


def _body_references(book: ActorBook, names: Sequence[Name], lexicon: Lexicon) -> None:
    """ "the group", "the alliance": the organisation named just before (``coref.resolve_body``).
    Only a bare definite phrase counts: a name or country inside it ("the Palestinian group")
    makes it a description of its own."""
    heads = [
        head
        for head in book.doc  # singular only ("NN"): the singular is the lemma
        if head.lower_ in BODY_NOUNS and head.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)
    ]
    if not heads:
        return
    named = {index for name in names for index in range(name.start, name.end)}
    antecedents = body_antecedents(book)
    people = [token.i for token in book.doc if token.tag_ == "NNS" and lexicon.agents.lookup(token.lemma_) is not None]
    for head in heads:
        phrase = noun_phrase(head)
        if any(token.i in named for token in phrase) or not book.free(phrase.start, phrase.end):
            continue
        key = resolve_body(book, phrase, head.lower_, antecedents, people)
        if key is not None:
            book.add(key, book.actors[key], phrase, "role", head=head)


def _pronouns(book: ActorBook) -> None:
    for token in book.doc:
        if is_person_pronoun(token) and book.free(token.i, token.i + 1):
            person = resolve_pronoun(book, token)
            if person is not None:
                book.add(person, book.actors[person], book.doc[token.i : token.i + 1], "pronoun", head=token)


def recognise(doc: Doc, day: date | None) -> list[Actor]:
    """The actors of ``doc`` as of ``day`` (which office a named person held; None: their
    latest), first mention first."""
    lexicon = load_lexicon()
    names = settle_readings(doc, find_names(doc, lexicon, day))
    book = ActorBook(doc, sentence_indices(doc))
    context = country_context(names, book.sentence_of)
    _people(book, names, lexicon, day, context)
    _bare_surnames(book)
    _organisations(book, names, lexicon, day, context)
    _body_references(book, names, lexicon)
    _described(book, names, lexicon)
    _countries(book, names, lexicon)
    _pronouns(book)
    return book.ordered()
