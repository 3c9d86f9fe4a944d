"""Who fills an event's slots: from a token of the parse to the coded actor it names.

The actor stage has already found every mention (names, titles, "the Russian leader", "he")
with character offsets; ``ActorIndex`` maps each token of those mentions back to its actor
so that a slot (a subject, an object, the object of "with") is coded by looking at the
head of its noun phrase and the words that modify it ("Russian forces", "Putin's", "the
government of Iran"). A place that the actor stage kept as a place ("a visit to Baku")
still stands for its country in a target slot: the country forms table (names, capitals,
adjectives) codes it, so that the visit has a host.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from eventwire.actors.lexicon import load_lexicon
from eventwire.actors.matcher import token_key
from eventwire.actors.model import Actor, compose_code
from eventwire.actors.placenames import place_candidates
from eventwire.actors.syntax import named_as_place, names_another_party, names_confinement
from eventwire.events.lexicon import load_lexicon as load_event_lexicon
from eventwire.events.lexicon import sectors_with_role
from eventwire.extract.furniture import dateline_length
from eventwire.events.model import Participant
from eventwire.nlp import text_of

# Modifiers that belong to the noun phrase itself; a phrase is searched through these only,
# never through its clauses or prepositions (which name other parties: "troops near Iran").
_PHRASE_DEPS = frozenset({"compound", "amod", "poss", "nmod", "nummod", "det", "appos", "npadvmod"})
_SUBJECTS = frozenset({"nsubj", "csubj", "expl"})
_RELATIVE_PRONOUNS = frozenset({"which", "who", "that", "whom"})
_GROUP_PRONOUNS = frozenset({"it", "its", "they", "their"})
_PRONOUNS = frozenset({"he", "she", "his", "her", "it", "its", "they", "their", "him", "them"})
# Nouns of a relation between two parties: their possessor is the other one ("Russia's ally").
# Not "proxy" or "client": a sponsor's proxy is left to the sponsor, as the event lexicon codes it
_RELATIONAL_NOUNS = frozenset({"ally", "partner", "enemy", "foe", "rival", "adversary", "opponent", "neighbour", "neighbor"})
# Participles that say where a group is based ("guerrillas based in Honduras"); not "trained
# in", which says where it was, not where it is
_PLACING_PARTICIPLES = frozenset({"base", "operate", "headquarter"})
_TRAINING_PARTICIPLES = frozenset({"train"})
_INTERGOVERNMENTAL = "IGO"  # CAMEO's code for an intergovernmental party; the sector field keeps "MIL"
_OPPOSITION = "OPP"
_HELP_NOUNS = frozenset({"help", "support", "assistance", "backing", "aid", "cooperation", "blessing", "consent"})
_PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "inside", "across", "throughout"})


@dataclass(frozen=True)
class Filler:
    """An actor found in a slot, and the tokens of the sentence that name it."""

    participant: Participant
    token: Token


class ActorIndex:
    """Every actor mention of an article, by the token indices it covers."""

    def __init__(self, doc: Doc, actors: Sequence[Actor]) -> None:
        self.doc = doc
        lead = dateline_length(text_of(doc))
        dateline = doc.char_span(0, lead, alignment_mode="expand") if lead else None
        self._dateline = range(dateline.start, dateline.end) if dateline is not None else range(0)
        # one mention may code several actors: "Danish and Swedish activists" are both
        self._by_token: dict[int, list[tuple[Actor, int, int]]] = {}
        spans: dict[int, list[Span]] = {}
        for actor in actors:
            for mention in actor.mentions:
                span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
                if span is None:
                    continue
                spans.setdefault(id(actor), []).append(span)
                for token in span:
                    self._by_token.setdefault(token.i, []).append((actor, span.start, span.end))
        # sentences naming a country's own force ("Russian troops"): peacekeepers there or
        # in the next sentence may be that force's, not an intergovernmental mission's
        self._sentence_of = {token.i: number for number, sentence in enumerate(doc.sents) for token in sentence}
        self._national_forces = {
            self._sentence_of[start]
            for token_mentions in self._by_token.values()
            for actor, start, _ in token_mentions
            if actor.country is not None and _is_national_force(actor.sector)
        }
        # per sentence: the countries whose parties in it are all challengers (rebels,
        # protesters), filled on first use by ``_challenged_at_home``
        self._challenged: dict[int, frozenset[str]] = {}
        # the places of other mentions are looked up through ``at``, which reads this map:
        # empty while it is built, so that no mention takes a country from another's
        self._country_of: dict[int, tuple[Participant, str]] = {}
        by_id = {id(actor): actor for actor in actors}
        named = {  # only actors coded by a sector alone need one
            key: place
            for key, found in spans.items()
            if sector_only(by_id[key]) and (place := self._named_country(found, by_id[key].sector))
        }
        self._country_of = named

    def _named_country(self, mentions: list[Span], sector: str | None) -> tuple[Participant, str] | None:
        """The country one of an actor's mentions names after "of"/"from" when the actor
        stage coded it by sector alone ("Prince Albert of Monaco": every later "he" is
        Morocco's king too), with the noun of that mention."""
        for span in mentions:
            place = _named_place(span.root, self, depth=1, based=_placed_by_its_base(sector))
            if place is not None:
                return place, span.root.lemma_.lower()
        return None

    def _place_of_mention(self, actor: Actor, mention: Span) -> Participant | None:
        """The country named on another mention of the actor, for this one: a pronoun, a
        name or the same noun refers to the same party ("students from Nepal ... the
        students"); another noun coded by the same sector alone is another party ("doctors
        from Gaza" and "a hospital" are both health workers, not one)."""
        named = self._country_of.get(id(actor))
        if named is None:
            return None
        place, noun = named
        root = mention.root
        return place if root.pos_ in ("PRON", "PROPN") or root.lemma_.lower() == noun else None

    def _near_national_force(self, start: int) -> bool:
        """Whether the sentence of token ``start`` or the one before names a country's force."""
        sentence = self._sentence_of[start]
        return sentence in self._national_forces or sentence - 1 in self._national_forces

    def at(self, token: Token) -> Participant | None:
        """The actor whose mention covers ``token``, as a participant with the mention's words."""
        found = self.all_at(token)
        return found[0] if found else None

    def all_at(self, token: Token) -> list[Participant]:
        """Every actor a mention covering ``token`` codes (usually one)."""
        if token.i in self._dateline:
            return []
        participants = []
        for actor, start, end in self._by_token.get(token.i, ()):
            participant = party_named_by(
                self.doc[start:end], name=actor.name, code=actor.code, country=actor.country, sector=actor.sector
            )
            if sector_only(participant) and _names_peacekeepers(self.doc[start:end]) and not self._near_national_force(start):
                participants.append(replace(participant, code=_INTERGOVERNMENTAL))
                continue
            place = self._place_of_mention(actor, self.doc[start:end]) if sector_only(participant) else None
            participants.append(with_country(participant, place.code or "", place.country or "") if place else participant)
        return participants

    def phrase_actor(self, head: Token, depth: int = 4) -> Filler | None:
        """The actor a noun phrase names: its head, else its modifiers (nearest first), else
        the ``of`` phrase of a collective head ("the government of Iran"), else a country
        form among its words (a place or an adjective the actor stage left alone)."""
        head = _antecedent(head)
        if head.i in self._dateline:  # "KYIV, Ukraine —": where the story was filed
            return None
        if _means_of_help(head):  # "with Egypt's help": a helper, not a party to the act
            return None
        found = self.at(head)
        if found is not None:
            found = _placed(found, head, self)
            if sector_only(found):
                better = self._modifier_with_country(head, found)
                if better is not None:
                    return better
            return Filler(found, head)
        if head.lower_ in _GROUP_PRONOUNS:
            return self._reporting_subject(head)
        modifiers = list(_phrase_tokens(head))
        if head.lemma_.lower() in load_event_lexicon().nouns:
            # an act stands for its doer when the phrase names one ("condemned Russia's
            # invasion" targets Russia); else for whom it was done to, below
            modifiers = [t for t in modifiers if t.dep_ in ("poss", "amod", "compound")]
        # a coded actor wins over one nothing codes: "a leader's armed group" is the group
        # when the table knows it and not the leader
        uncoded: Filler | None = None
        for token in modifiers:
            found = self.at(token)
            if found is not None and found.code:
                return Filler(found, token)
            if found is not None and uncoded is None:
                uncoded = Filler(found, token)
        if uncoded is not None:
            return uncoded
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        found_in = self.phrase_actor(pobj, depth - 1) if depth else None  # "thousands of Kenyan teachers"
                        if found_in is not None:
                            return found_in
        found_form = _country_form(head)
        if found_form is not None or self.at(head) is not None:
            return found_form
        role = _role_noun(head)  # "the police response", "army positions": a sector's party
        if role is not None:
            return role
        for child in head.children:  # a situation stands for its place: "the crisis in Haiti"
            if child.dep_ == "prep" and child.lower_ == "in":
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and depth and (placed := self.phrase_actor(pobj, depth - 1)) is not None:
                        return placed
        return None

    def _shared_role(self, head: Token, first: Participant) -> list[Participant]:
        """A role shared by coordinated countries: "foreign ministers from Kenya and Ethiopia"
        are Kenya's and Ethiopia's; the actor stage codes the first. One party per further
        country, with the role's sector."""
        if first.sector is None or first.country is None:
            return []
        others = []
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in ("from", "of"):
                for pobj in child.children:
                    for conjunct in pobj.conjuncts if pobj.dep_ == "pobj" else ():
                        place = self.at(conjunct) or (f.participant if (f := _country_form(conjunct)) else None)
                        if place is not None and place.country and place.country != first.country and place.code:
                            others.append(replace(with_country(replace(first, country=None, code=first.sector), place.code, place.country), text=conjunct.text))
        return others

    def _modifier_with_country(self, head: Token, found: Participant) -> Filler | None:
        """A group head whose modifier names the party: "Hezbollah's armed wing" (the
        organisation), "Saudi-led forces" (the country's forces)."""
        for token in _phrase_tokens(head):
            if token.dep_ not in ("poss", "compound", "amod", "npadvmod"):
                continue
            # the word may also be inside the group's own mention ("the Obama administration")
            other = next((p for p in self.all_at(token) if p.name != found.name), None)
            if other is not None and other.code is not None and not sector_only(other):
                if other.country is not None and found.code and len(other.code or "") == 3:
                    return Filler(with_country(found, other.code or "", other.country), token)
                return Filler(other, token)
            form = _country_form(token) if other is None else None
            if form is not None and form.participant.country is not None:
                return Filler(with_country(found, form.participant.code or "", form.participant.country), token)
        return None

    def localised(
        self, participant: Participant, predicate: Token, other_side: frozenset[str] = frozenset(), *, at_place: bool = True
    ) -> Participant:
        """A party with no country takes the country of the place where its act happens:
        "dockers rioted at the port of Mombasa" are Kenya's dockers; failing that, of a
        place the sentence names that is not the other side's country; then of the article's
        dateline. Only for parties coded by
        a sector alone (protesters, police, students); organisations keep their own code."""
        if not sector_only(participant):
            return participant
        act = [predicate, predicate.head] if predicate.pos_ in ("NOUN", "PROPN") else [predicate]
        # what does the act is where the act is: "a mortar round fired in Herat wounded..."
        act += [child for word in act for child in word.children if child.dep_ == "nsubj" and child.pos_ == "NOUN"]
        for place in (p for word in act for p in _places_of(word)) if at_place else ():
            if place.i in self._dateline:
                continue
            found = self.at(place) or (filler.participant if (filler := _country_form(place)) else None)
            if found is not None and found.country is not None and found.code:
                return with_country(participant, found.code, found.country)
        # then any place the sentence names ("a mine near Kandahar killed...", "authorities
        # in a story about Guinea"), but not the other side's country: "Russia accused the
        # authorities" in a sentence naming Moscow are not Russia's
        for place in _sentence_places(predicate):
            if place.i in self._dateline:
                continue
            if _place_of_a_group(place, participant):  # "rebels based in Iraq": theirs, not the act's
                continue
            found = self.at(place) or (filler.participant if (filler := _country_form(place)) else None)
            if found is not None and found.country is not None and found.code and (
                found.country not in other_side or self._challenged_at_home(participant, found.country, predicate)
            ):
                return with_country(participant, found.code, found.country)
        for index in self._dateline:  # "NAIROBI (Reuters) - Police fired...": the story's place
            found = filler.participant if (filler := _country_form(self.doc[index])) else None
            if found is not None and found.country is not None and found.code:
                return with_country(participant, found.code, found.country)
        return participant

    def _challenged_at_home(self, participant: Participant, country: str, predicate: Token) -> bool:
        """Whether an arm of the state ("army positions", "the police") facing the other side
        is that side's own country's: the other side of that country is only challengers
        (rebels attacking army positions in their own country), no state. Against a state
        ("Russia accused the authorities"), the authorities are another country's."""
        if participant.sector not in sectors_with_role("state"):
            return False
        sentence = predicate.sent
        if sentence.start not in self._challenged:
            self._challenged[sentence.start] = self._countries_only_challenged(sentence)
        return country in self._challenged[sentence.start]

    def _countries_only_challenged(self, sentence: Span) -> frozenset[str]:
        """The countries whose parties in ``sentence`` are all challengers, each mention
        looked at once."""
        challengers = sectors_with_role("challenger")
        seen: dict[str, bool] = {}
        for token in sentence:
            for party in self.all_at(token):
                if party.country is not None:
                    seen[party.country] = seen.get(party.country, True) and party.sector in challengers
        return frozenset(country for country, only in seen.items() if only)

    def _reporting_subject(self, pronoun: Token) -> Filler | None:
        """ "Oman says it is ready...", "Iran said they would...": "it"/"they" in a clause
        stands for the nearest subject, in a clause above its own, that is a state, an
        organisation or a group (a pronoun never refers to the subject of its own clause: in
        "Iran attacked it", "it" is not Iran; a possessive may: "Egypt renewed its offer").
        A person subject on the way stops the search: "it" is not a person's."""
        clause = next((a for a in pronoun.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if clause is None:
            return None
        verbs = [clause, *clause.ancestors] if pronoun.dep_ == "poss" else list(clause.ancestors)
        for verb in verbs:
            subject = next((child for child in verb.children if child.dep_ == "nsubj"), None)
            if verb.pos_ not in ("VERB", "AUX") or subject is None:
                continue
            mentions = self._by_token.get(subject.i)
            participant = self.at(subject)
            if mentions and participant is not None and mentions[0][0].kind != "person":
                return Filler(participant, subject)
            if mentions:
                return None
        return None

    def fillers(self, head: Token) -> list[Filler]:
        """The actors of a slot and of every phrase coordinated with it ("France and Germany")."""
        found: list[Filler] = []
        for token in (head, *_conjuncts(head)):
            filler = self.phrase_actor(token)
            if filler is None:
                continue
            for other in self.all_at(filler.token)[1:]:  # the same words coding two actors
                if all(other != f.participant for f in found):
                    found.append(Filler(other, filler.token))
            for other in self._shared_role(token, filler.participant):  # "ministers from Kenya and Ethiopia"
                if not any(same_party(other, f.participant) for f in found):
                    found.append(Filler(other, token))
            if found and sector_only(filler.participant):  # "Turkish jets and drones"
                first = found[0].participant
                # the adjective before the first conjunct qualifies them all: "Israeli
                # jets and tanks" are one state's forces, not two parties
                shared_adjective = found[0].token.i != head.i and found[0].token.head.i == head.i
                if first.country is not None and first.code and (first.sector is not None or shared_adjective):
                    filler = Filler(with_country(filler.participant, first.code, first.country), filler.token)
                    if first.sector is None:
                        continue
            if not any(same_party(filler.participant, other.participant) for other in found):
                found.append(filler)
        return found


def _conjuncts(token: Token) -> Iterator[Token]:
    """Phrases coordinated with ``token`` ("X, Y and Z"), not crossing into a clause. The
    parser reads some lists as an apposition that is then coordinated ("the US, Russia,
    and Switzerland": Russia appositive to the US, Switzerland conjoined to Russia); the
    apposition counts as coordination when it is itself coordinated."""
    listed = [child for child in token.children if child.dep_ == "appos" and child.conjuncts]
    for conjunct in (*token.conjuncts, *listed, *(c for a in listed for c in a.conjuncts)):
        if conjunct.pos_ in ("NOUN", "PROPN", "PRON", "ADJ") or conjunct.ent_type_:
            yield conjunct


def _names_peacekeepers(mention: Span) -> bool:
    """Peacekeepers whose phrase names no country or organisation ("peacekeepers patrolling
    near Bunia") serve an intergovernmental mission, not the country they are deployed in.
    The caller checks that no country's own force is named close by: a state also deploys
    its troops as "peacekeepers"."""
    return "peacekeep" in mention.text.lower()


def _is_national_force(sector: str | None) -> bool:
    """An armed arm of a state (army, police): named with its country, a "force" nearby may
    be its own."""
    return sector in sectors_with_role("state") and sector in sectors_with_role("armed")


def _placed_by_its_base(sector: str | None) -> bool:
    """Whether where a group is based places it: armed groups and opposition movements
    fight or campaign where they are based; a monitoring group or a charity based abroad
    (exiles in London) is not that country's."""
    armed_non_state = sector in sectors_with_role("armed") and sector not in sectors_with_role("state")
    return armed_non_state or sector == _OPPOSITION


def _is_placing_participle(token: Token) -> bool:
    """ "based in", "operating in", "headquartered in" modifying a noun."""
    return token.dep_ == "acl" and token.tag_ in ("VBN", "VBG") and token.lemma_.lower() in _PLACING_PARTICIPLES


def _place_of_a_group(place: Token, participant: Participant) -> bool:
    """Whether ``place`` is in a participle phrase that says where a group is or was, so
    that it gives ``participant`` no country: another group's phrase ("soldiers ambushed by
    militants trained in X" are not X's), or the participant's own base or training ground
    ("a monitoring group based in X", "militants trained in X"), which only ``_placed``
    gives, and to armed groups alone. Other participles of its own may place it ("refugees
    fleeing the war in X")."""
    verb = place.head.head if place.head.dep_ == "prep" else None
    if verb is None or verb.dep_ != "acl" or verb.tag_ not in ("VBN", "VBG"):
        return False
    own = participant.start <= verb.head.idx < participant.end
    return not own or verb.lemma_.lower() in _PLACING_PARTICIPLES | _TRAINING_PARTICIPLES


def _means_of_help(head: Token) -> bool:
    """ "with Egypt's help", "with the support of France": the phrase names who helped the
    doer, never whom the act is done to."""
    return head.lemma_.lower() in _HELP_NOUNS and head.dep_ == "pobj" and head.head.lower_ == "with"


def _antecedent(token: Token) -> Token:
    """A relative pronoun stands for the noun its clause modifies ("forces, which attacked...")."""
    if token.lower_ in _RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
        return token.head.head
    return token


def _phrase_tokens(head: Token) -> Iterator[Token]:
    """The words of ``head``'s noun phrase, breadth first, through modifiers only; the
    possessor of a relation ("Russia's ally", "Iran's regional rival") is the other party
    of the relation, not the phrase's."""
    frontier = [child for child in head.children if _of_the_phrase(child)]
    while frontier:
        token = frontier.pop(0)
        yield token
        frontier.extend(child for child in token.children if _of_the_phrase(child))


def _of_the_phrase(child: Token) -> bool:
    return child.dep_ in _PHRASE_DEPS and not (child.dep_ == "poss" and child.head.lemma_.lower() in _RELATIONAL_NOUNS)


def _placed(participant: Participant, head: Token, index: ActorIndex) -> Participant:
    """A group the actor stage left without a country takes the country its phrase names
    after "from", "in" or "of": "students from Nepal", "rebels in Mali", "the
    governor of the province of Herat"."""
    if not sector_only(participant):
        return participant
    place = _named_place(head, index, depth=2, based=_placed_by_its_base(participant.sector))
    return with_country(participant, place.code or "", place.country or "") if place is not None else participant


def _named_place(head: Token, index: ActorIndex, depth: int, *, based: bool = False) -> Participant | None:
    """The first country named after "from", "in", "of"... below ``head``, through at most
    ``depth`` nested phrases ("the province of Herat"), or, when ``based``, after a
    participle that says where the group is based ("guerrillas based in Honduras")."""
    located = [grand for child in head.children if _is_placing_participle(child) for grand in child.children] if based else []
    for child in (*head.children, *located):
        if child.dep_ == "prep" and child.lower_ in ("from", "in", "of", "across", "throughout"):
            for pobj in child.children:
                if pobj.dep_ != "pobj":
                    continue
                place = index.at(pobj) or (found.participant if (found := _country_form(pobj)) else None)
                if place is None and depth > 1:
                    place = _named_place(pobj, index, depth - 1)
                if place is not None and place.country is not None and place.code:
                    return place
    return None


def party_named_by(
    words: Span | Token, *, name: str, code: str | None, country: str | None, sector: str | None
) -> Participant:
    """A participant with the character offsets of the words of the article that name it."""
    start = words.start_char if isinstance(words, Span) else words.idx
    return Participant(name, code, country, sector, words.text, start, start + len(words.text))


def same_party(one: Participant, other: Participant) -> bool:
    """Two mentions of one actor (same code and name), whatever words name them ("Putin",
    "the Russian leader", "he"). A group named by its description ("Nigerian herders") is
    one party per description: the actor stage merges "Nigerian farmers" into it by code,
    but herders who attack farmers are two parties."""
    if one.code != other.code or one.name != other.name:
        return False
    described = one.name in (one.text, other.text) and one.text.lower() != other.text.lower()
    return not (described and one.text.lower() not in _PRONOUNS and other.text.lower() not in _PRONOUNS)


def sector_only(participant: Participant | Actor) -> bool:
    """A party coded by its sector alone (``GOV``, ``REB``): no country, no organisation. An
    intergovernmental party (``IGO``) is no country's sector: it is never given one."""
    return participant.country is None and participant.code is not None and len(participant.code) == 3 and participant.code != _INTERGOVERNMENTAL


def with_country(participant: Participant, country_code: str, country: str) -> Participant:
    """``participant`` (a sector) as that country's: REB + AFG -> AFGREB."""
    return replace(participant, code=country_code[:3] + (participant.code or ""), country=country)


def _places_of(predicate: Token) -> list[Token]:
    """The places an act is said to happen at: objects of "in", "at", "near", "outside" on
    the predicate, and the places nested in them ("at the port of Mombasa", "outside the
    district of Kunar")."""
    found: list[Token] = []
    frontier = [predicate]
    while frontier:
        holder = frontier.pop(0)
        for child in holder.children:
            nested = holder is not predicate and child.lower_ == "of"  # "outside the district of Kunar"
            if child.dep_ == "prep" and (child.lower_ in _PLACE_PREPOSITIONS or nested):
                objects = [pobj for pobj in child.children if pobj.dep_ == "pobj"]
                found.extend(objects)
                frontier.extend(objects)
    return found


def _sentence_places(predicate: Token) -> list[Token]:
    """The sentence's named places (GPE and LOC entities that say where something is, not
    modifiers: "near Kandahar", not "British soldiers"), nearest the predicate first: the
    fallback when the act's own phrases name none ("a mine near Kandahar killed...")."""
    places = [
        entity.root
        for entity in predicate.sent.ents
        if entity.label_ in ("GPE", "LOC") and _located(entity.root) and not _where_it_is_reported(entity.root, predicate)
    ]
    return sorted(places, key=lambda token: abs(token.i - predicate.i))


def _located(token: Token) -> bool:
    """A name that says where something is: the object of "in", "near", "of"... ("in
    Kandahar", "the district of Kunar"), or the owner of such a place ("at Chile's
    frontier"); not the object of "with" or "to", which names a party or a destination
    ("its frontier with Peru", "flew on to Peru")."""
    if token.dep_ == "poss":
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ in _PLACE_PREPOSITIONS | {"of"}


def _where_it_is_reported(place: Token, predicate: Token) -> bool:
    """Whether ``place`` hangs from a verb above the act's own clause: "a spokesman in Geneva
    said" places the speaker, not the fighting they report."""
    verb = next((a for a in place.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return verb is not None and verb.i != predicate.i and any(a.i == verb.i for a in predicate.ancestors)


def _role_noun(head: Token) -> Filler | None:
    """A state institution named by a noun of the actor tables that the actor stage left
    alone, as the head or a compound of the phrase ("the police response", "army
    positions"), or an armed group's ("rebel positions", "guerrilla camps"): a party coded by
    its sector, to be placed like any other (``ActorIndex.localised``). Other sectors' nouns
    modify too much else to stand for a party ("an association agreement", "union rules")."""
    if names_confinement(head):  # "fasting in jail": where, not whom
        return None
    tables = load_lexicon()
    for token in (head, *(child for child in head.children if child.dep_ == "compound")):
        agent = tables.agents.lookup(token.lemma_) if token.pos_ == "NOUN" else None
        if agent is not None and (agent.sector in sectors_with_role("state") or agent.sector in sectors_with_role("armed")):
            return Filler(party_named_by(token, name=token.text, code=agent.sector, country=None, sector=agent.sector), token)
    return None


def _country_form(head: Token) -> Filler | None:
    """A country named by a form in the phrase that no actor mention holds: "a visit to
    Baku" (capital: its government), "drills near South Korea", "Israeli jets" (adjective:
    the country). A form that often means something else ("Georgia") counts only where the
    model tags it as a place."""
    lexicon = load_lexicon()
    words = sorted((head, *_phrase_tokens(head)), key=lambda token: token.i)
    keys = [token_key(token.text) for token in words]
    for position, token in enumerate(words):
        if not (token.pos_ in ("PROPN", "ADJ") or token.ent_type_ in ("GPE", "NORP", "LOC")) or names_another_party(token):
            continue
        match = lexicon.country_forms.longest_at(keys, position)
        if match is None or len(match.values) != 1 or match.values[0] is None:
            continue
        form = match.values[0]
        if form.needs_context and token.ent_type_ not in ("GPE", "NORP"):
            continue
        country = form.country
        sector = form.sector if form.kind in ("capital", "seat") else None
        first, last = words[match.start], words[match.end - 1]
        # an adjective names the country's people or forces ("Chinese Christians"), not
        # the state: a party of its own, though coded with the same country
        people = form.kind in ("adjective", "demonym") and token.i != head.i
        participant = party_named_by(
            head.doc[first.i : last.i + 1],
            name=head.doc[head.left_edge.i : head.i + 1].text if people else country.name,
            code=compose_code(country.cameo, sector),
            country=lexicon.state_iso3(country),
            sector=sector,
        )
        return Filler(participant, token)
    return _city(head)


def _city(head: Token) -> Filler | None:
    """A city or province the model tags as a place stands for its country ("protested in
    Delhi"), when one country clearly owns the name (the most populous reading is ten times
    the next)."""
    if head.ent_type_ not in ("GPE", "LOC") and not named_as_place(head):
        return None
    span = next((entity for entity in head.sent.ents if entity.start <= head.i < entity.end), head.doc[head.i : head.i + 1])
    name = span.text[4:] if span.text.lower().startswith("the ") else span.text
    candidates = place_candidates(name)
    for word in span if not candidates and len(span) > 1 else ():  # "the Port of Mombasa": Mombasa
        if word.pos_ == "PROPN" and (candidates := place_candidates(word.text)):
            break
    if not candidates or (len(candidates) > 1 and candidates[0].population < 10 * candidates[1].population):
        return None
    lexicon = load_lexicon()
    country = lexicon.by_iso3.get(candidates[0].iso3)
    if country is None:
        return None
    participant = party_named_by(span, name=country.name, code=country.cameo, country=candidates[0].iso3, sector=None)
    return Filler(participant, head)


def names_a_place(token: Token) -> bool:
    """A capital or seat of government used as a place ("a Baku visit"), not as an actor."""
    match = load_lexicon().country_forms.longest_at([token_key(token.text)], 0)
    return match is not None and any(form is not None and form.kind in ("capital", "seat") for form in match.values)


def subject_of(verb: Token) -> Token | None:
    """The active subject of a verb, or of the verb it borrows one from.

    An infinitive or participle without its own subject takes the subject of the verb it
    hangs from ("Russia offered to mediate", "Iran attacked and seized..."), or its object
    when that verb's object controls it ("urged Iran to release", ``xcomp-subj``).
    """
    seen = 0
    while seen < 6:
        seen += 1
        for child in verb.children:
            if child.dep_ in _SUBJECTS and child.dep_ != "expl":
                return child
        if verb.dep_ == "conj":
            verb = verb.head
            continue
        if verb.dep_ in ("xcomp", "advcl") and _is_infinitive(verb):
            controller = object_of(verb.head)
            if controller is not None and verb.dep_ == "xcomp":
                return controller
            verb = verb.head
            continue
        if verb.dep_ == "acomp":  # "is ready to negotiate": the subject of "is"
            verb = verb.head
            continue
        if verb.dep_ == "relcl":
            return verb.head
        if verb.dep_ == "acl" and verb.tag_ == "VBG":
            return verb.head
        if verb.dep_ == "acl" and _is_infinitive(verb) and verb.head.pos_ in ("NOUN", "PROPN"):
            # "Iran's offer to mediate", "made an offer to mediate": the noun's owner or doer
            noun = verb.head
            owner = next((child for child in noun.children if child.dep_ == "poss"), None)
            if owner is not None:
                return owner
            if noun.dep_ in ("dobj", "attr") and noun.head.pos_ in ("VERB", "AUX"):
                verb = noun.head
                continue
            return None
        return None
    return None


def object_of(verb: Token) -> Token | None:
    """The direct object of an active verb (the passive subject of a passive one)."""
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass", "obj"):
            return child
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return verb.head
    return None


def is_passive(verb: Token) -> bool:
    """A passive verb: a passive subject or auxiliary, or a participle modifying a noun."""
    return any(child.dep_ in ("nsubjpass", "auxpass") for child in verb.children) or (
        verb.dep_ == "acl" and verb.tag_ == "VBN"
    )


def passive_agent(verb: Token) -> Token | None:
    """The object of a passive verb's "by" phrase; when the verb has none, of one the parser
    hung from its complement: "accused of embezzling funds by Kenyan prosecutors", "indicted
    on corruption charges by a court". Not the "by" phrase of a passive complement ("accused
    of being bribed by firms": the bribers) or of an act the complement names without its
    doer ("accused of the killing of protesters by the police": the killers)."""
    for child in verb.children:
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    for child in verb.children:
        if child.dep_ != "prep" or child.lower_ == "by":
            continue
        for complement in child.children:
            if complement.dep_ == "pcomp" and complement.pos_ in ("VERB", "AUX") and not is_passive(complement):
                holders = [complement, *(c for c in complement.children if c.dep_ == "dobj")]
            elif complement.dep_ == "pobj" and (
                complement.lemma_.lower() not in load_event_lexicon().nouns or any(c.dep_ == "poss" for c in complement.children)
            ):
                holders = [complement]
            else:
                continue
            for holder in holders:
                for by in holder.children:
                    if by.dep_ in ("prep", "agent") and by.lower_ == "by":
                        found = next((pobj for pobj in by.children if pobj.dep_ == "pobj"), None)
                        if found is not None:
                            return found
    return None


def _is_infinitive(verb: Token) -> bool:
    return any(child.dep_ == "aux" and child.lower_ == "to" for child in verb.children) or verb.tag_ == "VBG"
