"""The event coder: patterns matched on the parse, arguments filled with coded actors.

For each sentence, every verb and noun whose lemma heads a pattern is tried: the pattern's
required particles and object must be there, then its source and target slots are filled
from the parse (``arguments``) and the modality on the predicate recodes or drops the
event (``modality``). Of the patterns that fit one predicate, one whose target is found
wins, then one whose object is named by its head, then the most specific. A few
sentence-level rules follow, each one a CAMEO convention:

- an act embedded under a control verb is coded once, as the control verb makes it
  ("offered to mediate" is 039, not also 045 and an event for "offer");
- a statement (01x) that reports a coded act is left out: the act is the news, and a
  bare statement or appeal (010, 020) without an addressee is not event data;
- an act inside what an accusation or denial is about ("accused Russia of failing...")
  is not coded as having happened;
- an act only named (inside another noun's phrase, in a time phrase, as a purpose, as what
  a plan, an invitation or a demand holds, or as a text's stated aim) is not coded;
- hosting a visit (043) is also the guest's visit (042), with the same evidence.

The result is one event per (sentence, source, target, code).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from datetime import date
from typing import Any
from weakref import WeakKeyDictionary

from spacy import symbols
from spacy.attrs import ORTH
from spacy.strings import hash_string
from spacy.tokens import Doc, Span, Token

from eventwire.actors.lexicon import load_lexicon as load_actor_tables
from eventwire.actors import article_date
from eventwire.actors.model import Actor
from eventwire.dates import EventDate, event_date
from eventwire.events.arguments import (
    ActorIndex,
    Filler,
    is_passive,
    names_a_place,
    object_of,
    party_named_by,
    passive_agent,
    same_party,
    sector_only,
    subject_of,
    with_country,
)
from eventwire.events.codebook import CodeInfo, lookup
from eventwire.events.lexicon import Lexicon, Pattern, Slot, doer_recodes, load_lexicon, sectors_with_role, word_list
from eventwire.events.modality import (
    CONDITION_MARKS,
    Control,
    Modality,
    control_verbs,
    controlled_by,
    find_modality,
    governing_control,
    noun_control,
    recode,
)
from eventwire.events.model import Event, Evidence, Field, Participant, Plover
from eventwire.events.model import Span as TextSpan
from eventwire.nlp import text_of

PARTY = "@party"
_VERB_POS = frozenset({"VERB", "AUX"})
_NOUN_POS = frozenset({"NOUN", "PROPN"})
_ABOUT_PREPOSITIONS = frozenset({"of", "for", "over"})
# "captured the town in an offensive", "during a visit": the verb's subject does the act
_MEANS_PREPOSITIONS = frozenset({"in", "during", "through", "via"})
_ACCUSING_ROOT = "11"  # accusations: what their "that" clause alleges is not coded as done
_ABOUT_ROOTS = frozenset({"01", "05", "11", "12"})
_REPORTED_CLAUSES = frozenset({"ccomp", "xcomp", "parataxis"})
# A bare statement or appeal is event data only when it is addressed to someone: "Putin
# said" alone is not an event, "Putin urged Armenia" is; a specific statement ("claimed
# responsibility") is one without an addressee.
_UNADDRESSED_GENERIC = frozenset({"010", "020"})
# Verbal acts whose target may be the subject of the clause they govern: "demanded that the
# Japan scrap the tariff", "warned that Iran would pay", "alleged that Chad knew".
_ADDRESSED_BY_CLAUSE = frozenset({"01", "02", "10", "11", "12", "13"})
_OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "obj"})
_VERB_WORD_DEPS = frozenset({"prt", "prep", "agent", "advmod", "dative"})
_NOUN_WORD_DEPS = frozenset({"compound", "amod", "nmod", "prep"})
# Acts that answer someone's act (an appeal or a demand, accepting or rejecting one) are
# aimed at its author: "turned down a proposal from Quito", "asked for an apology from Bogota"
_RESPONDING_ROOTS = frozenset({"02", "08", "10", "12"})
_AUTHOR_PREPOSITIONS = frozenset({"by", "from"})
_CONCERNING_PREPOSITIONS = frozenset({"with", "to", "on", "against", "for", "toward", "towards"})
# An act done in a place concerns that place when no target is named: a march in Lima is
# aimed at Peru's government, a summit in Doha is hosted by Qatar, a curfew eased in Chad
# is eased there. Statements and appeals are not done to a place.
_UNPLACED_ROOTS = frozenset({"01", "02"})
# ...and a meeting or a show of force in the doer's own country is aimed at no one there:
# "held a summit in Tehran", "paraded missiles in Pyongyang"
_ABROAD_ROOTS = frozenset({"04", "15"})
# Violence (assault, fight, mass violence) whose perpetrator is unnamed still has a source:
# CAMEO's unidentified armed force
_VIOLENT_ROOTS = frozenset({"18", "19", "20"})
# Coercion (17) and violence: the acts whose victims a participle after them may count
# ("shelled the town, killing 20"; "raided the camp, wounding two")
_COERCION_AND_VIOLENCE_ROOTS = frozenset({"17", *_VIOLENT_ROOTS})
# What sectors do (state, home, challenger, armed, abroad) is data: data/sector_roles.tsv
# Dissent and its easing or threat are aimed at the dissenters' government when no one is
# named: protests (14), threats to protest (133), calling off a protest or strike (082)
_DISSENT_CODES = ("14", "133", "082")
# A curfew, a state of emergency or martial law is laid on a territory: imposed, eased, or
# (whatever the modality makes of the act) threatened or promised with no party named, it
# is done to the doer's own country ("the government imposed martial law": its country's
# population), as CAMEO codes such measures. By the pattern's code, before any recoding.
_TERRITORIAL_CODES = frozenset({"1723", "1724", "1323", "1324", "0813", "0814"})
_VISIT_CODES = frozenset({"042", "043"})
_MUTUAL_CODES = frozenset({"040", "046"})
_EXCHANGE_VERBS = frozenset({"trade", "exchange", "swap"})
# An act its parties do together: coordinated parties holding joint drills or patrols
# cooperate militarily (062) rather than show force (15)
_JOINTLY = frozenset({"joint", "jointly", "together", "combined"})
_JOINT_FORCE_CODE = "062"
_MOST_RECIPROCAL = 8  # a longer list of parties met as a group: no one-to-one pairs
# Prefixes the tokenizer splits from their verb at the hyphen ("re-open", "co-operate")
_HYPHEN_PREFIXES = frozenset({"re", "co", "de", "pre", "counter"})
# ...of which these undo their verb: without the joined form in the lexicon, the base verb
# would code the opposite act ("de-recognise" is no recognition)
_REVERSING_PREFIXES = frozenset({"de"})
_HYPHEN = hash_string("-")
_HYPHENATED_PREFIX = re.compile(r"\b(?:" + "|".join(sorted(_HYPHEN_PREFIXES)) + r")-[a-z]", re.IGNORECASE)
_COMMITMENTS = "commitments.tsv"  # the control verbs' own events (pattern origin)
# Verbal cooperation (statements, appeals, intents, meetings, diplomacy): a condition of
# this kind on a threat does not make its party the threat's target
_ASKED_OR_OFFERED_ROOTS = frozenset({"01", "02", "03", "04", "05"})
_CLAUSE_DEPS = frozenset({symbols.ccomp, symbols.acl, symbols.relcl})  # by id: read per token
# Acts asked for (appeals, demands): what their "that" clause holds has not happened
_REQUEST_ROOTS = frozenset({"02", "10"})
# "after the invasion", "despite warnings": an act named in a time or concession phrase is
# background to the sentence's news
_BACKGROUND_PREPOSITIONS = frozenset({"after", "following", "since", "before", "despite", "until"})
_THIRD_PARTY_CODES = frozenset({"039", "045", "028", "105", "1055"})
_RECIPROCAL_ROOTS = frozenset({"03", "04", "05", "06", "19"})
_MATERIAL_QUADS = frozenset({2, 4})  # material cooperation, material conflict


@dataclass
class Match:
    """A pattern that fits a predicate, with the actors found in its slots."""

    pattern: Pattern
    predicate: Token
    sources: list[Filler]
    targets: list[Filler]
    modality: Modality
    index: ActorIndex
    together: bool = False
    """Its parties hold the show of force together (``_held_together``), decided once."""

    @property
    def rank(self) -> tuple[int, int, int]:
        """Target found first, then the pattern's own rank (``pattern_rank``)."""
        return (1 if self.targets or not self.pattern.target else 0, *pattern_rank(self.pattern, self.predicate))


def pattern_rank(pattern: Pattern, predicate: Token) -> tuple[int, int]:
    """How well a fitting pattern names the act: an object named by its own word rather than
    by a modifier or a class ("peacekeepers" named beats @mil; "aid agencies" are agencies,
    a party), unless a modifier names an act and the object no party ("the ceasefire
    agreement" is a ceasefire); then the pattern's specificity."""
    light = _light_object(pattern, predicate) if pattern.objects and pattern.kind == "verb" else None
    if light is None or not (light.lemma_.lower() in pattern.objects or light.lower_ in pattern.objects):
        return 0, pattern.specificity
    nouns = load_lexicon().nouns
    act_modifier = any(child.dep_ == "compound" and child.lemma_.lower() in nouns for child in light.children)
    return int(not act_modifier or _names_a_party(light)), pattern.specificity


def find_events(
    doc: Doc, actors: Sequence[Actor], *, published: str | None = None, field: Field = "text"
) -> list[Event]:
    """Every event of a parsed text whose actors were found by ``find_actors``; ``field``
    says which text of the article ``doc`` is, for the evidence."""
    lexicon = load_lexicon()
    doc = _with_prefixed_verbs_joined(doc, lexicon)
    index = ActorIndex(doc, actors)
    day = article_date(published)
    events: list[Event] = []
    for sentence in doc.sents:
        events.extend(_sentence_events(sentence, lexicon, index, day, published, field))
    return events


def _with_prefixed_verbs_joined(doc: Doc, lexicon: Lexicon) -> Doc:
    """``doc``, or a copy with each verb the tokenizer split at a prefix's hyphen joined
    into one verb ("re-open" is "reopen", "co-operate" "cooperate").

    The model splits "re-open" into three tokens and parses them as three verbs, so the
    lexicon never sees "reopen" and the verb's subject, object and "to" hang from different
    pieces. Joined, the pieces' dependents become one verb's, whose lemma is the joined
    form when the lexicon has it ("reestablish") and the base verb otherwise ("re-impose":
    "impose"; not for a prefix that reverses the verb: "de-recognise" is joined under its
    own lemma, which codes nothing unless the lexicon has it). The actors index by character offsets, which the join keeps; the copy is
    made only for a text that has such a verb."""
    if _HYPHEN not in doc.to_array(ORTH):
        return doc  # the common case, decided without reading the text
    joins: list[tuple[Span, dict[str, str]]] = []
    for found in _HYPHENATED_PREFIX.finditer(text_of(doc)):
        piece = doc.char_span(found.start(), found.end() - 2)  # the prefix, when it is a token
        if piece is None or piece.end + 1 >= len(doc):
            continue
        prefix, hyphen, token = doc[piece.start], doc[piece.end], doc[piece.end + 1]
        if hyphen.text != "-" or prefix.whitespace_ or hyphen.whitespace_ or not token.is_alpha:
            continue
        tag = next((t.tag_ for t in (prefix, token) if t.tag_.startswith("VB")), None)
        forms = verb_forms(token)
        lemma = next((prefix.lower_ + form for form in forms if prefix.lower_ + form in lexicon.verbs), None)
        if lemma is None and prefix.lower_ in _REVERSING_PREFIXES:
            lemma = prefix.lower_ + forms[0]  # one verb the lexicon lacks: no act, not the base's
        lemma = lemma or next((form for form in forms if form in lexicon.verbs), None)
        if tag is not None and lemma is not None:
            joins.append((doc[prefix.i : token.i + 1], {"LEMMA": lemma, "POS": "VERB", "TAG": tag}))
    if not joins:
        return doc
    joined = doc.copy()
    with joined.retokenize() as retokenizer:
        for span, attrs in joins:
            retokenizer.merge(joined[span.start : span.end], attrs=attrs)
    return joined


def _sentence_events(
    sentence: Span, lexicon: Lexicon, index: ActorIndex, day: date | None, published: str | None, field: Field
) -> list[Event]:
    matches: dict[int, Match] = {}
    consumed: set[int] = set()
    clauses: list[Token] = []  # the words with a clause relation, gathered in the same pass
    for token in sentence:
        if token.dep in _CLAUSE_DEPS:
            clauses.append(token)
        if token.i in consumed:
            continue
        for match in _matches(token, lexicon, index):
            best = matches.get(token.i)
            if best is None or match.rank > best.rank:
                matches[token.i] = match
        chosen = matches.get(token.i)
        if chosen is not None and chosen.pattern.kind == "verb" and chosen.pattern.objects:
            light_object = _light_object(chosen.pattern, token)
            if light_object is not None:
                matches[token.i] = _act_on_object(chosen, token, light_object, lexicon, index)
                consumed.add(light_object.i)
                matches.pop(light_object.i, None)
                # "sent drones and military intelligence": each conjunct of the object that
                # another pattern of the verb names is an act of its own (072 and 064)
                for other, match in _acts_on_other_conjuncts(chosen, token, light_object, lexicon, index):
                    matches[other.i] = _act_on_object(match, token, other, lexicon, index)
                    consumed.add(other.i)
    for obligation in _bare_obligations(clauses, matches, lexicon, index):
        matches[obligation.predicate.i] = obligation
    controls = {match.modality.control.i for match in matches.values() if match.modality.control is not None}
    talked_about = _words_talked_about(matches)
    alleging = _accusing_words(clauses, lexicon)
    asked = _asked_clauses(clauses, lexicon)
    events: list[Event] = []
    text = sentence.text.rstrip() if matches else ""
    dates: dict[int, EventDate | None] = {}
    seen: set[tuple[str | None, str | None, str]] = set()
    for match in sorted(matches.values(), key=lambda m: m.predicate.i):
        if match.predicate.i in controls or _inside_what_is_said_about(match.predicate, talked_about, alleging):
            continue
        if _only_mentioned(match, matches, asked):
            continue
        for event in _events_of(match, sentence, text, day, published, field, dates):
            if event.root == "01" and _reports_an_act(match.predicate, matches):
                continue
            for coded in (event, *_guest_visit(event), *_each_other(event)):
                key = (_key(coded.source), _key(coded.target), coded.code)
                if key not in seen:
                    seen.add(key)
                    events.append(coded)
    return _without_partial_duplicates(events)


def _act_on_object(chosen: Match, verb: Token, light_object: Token, lexicon: Lexicon, index: ActorIndex) -> Match:
    """A verb and its object noun as one act, coded once ("detonated a bomb"). A more
    specific code of the same root on the noun ("detonated a car bomb": 1832; "launched an
    air strike": 195) takes the place of the verb's (183, 190); a verb of another root acts
    on the noun ("lifted the travel ban" yields, whatever a ban is) and keeps its code."""
    noun = max(_matches(light_object, lexicon, index), key=lambda m: m.rank, default=None)
    if noun is not None and (
        (
            noun.pattern.code[:2] == chosen.pattern.code[:2]
            and len(noun.pattern.code) >= len(chosen.pattern.code)
            and (len(noun.pattern.code) > len(chosen.pattern.code) or (noun.pattern.words and noun.pattern.code != chosen.pattern.code))
        )
        or _carried_compound_act(chosen.pattern, verb, light_object, noun.pattern)
    ):
        together = _held_together(noun.pattern, light_object, chosen.sources)
        targets = noun.targets or chosen.targets
        return Match(noun.pattern, light_object, chosen.sources, targets, chosen.modality, index, together)
    return chosen


def _acts_on_other_conjuncts(
    chosen: Match, verb: Token, light_object: Token, lexicon: Lexicon, index: ActorIndex
) -> list[tuple[Token, Match]]:
    """For each object coordinated with the chosen pattern's that this pattern does not name,
    the best other pattern of the verb that names it, as an act of its own ("sent drones and
    military intelligence": intelligence, 064 beside the drones' 072). Its doer and modality
    are the chosen act's; a target slot for the object is that conjunct."""
    found = []
    for other in light_object.conjuncts:
        if other.pos_ not in _NOUN_POS or _names_object(other, chosen.pattern.objects):
            continue
        # named by its own word or party, not by a modifier only: "intelligence officers"
        # are not intelligence
        own = _object_noun(other).own
        named = [
            p
            for p in _patterns_for(verb, lexicon)
            if p.objects and not p.intransitive and p.code != chosen.pattern.code
            and (not own.isdisjoint(p.objects) or _names_object_as_party(other, p.objects))
            and _attached_words(verb, "verb").issuperset(p.words)
        ]
        candidates = [_conjunct_match(p, verb, other, chosen, lexicon, index) for p in named]
        if candidates:
            # as for the verb's own object: a target found first, then its own word, then
            # the most specific ("sent tanks to Moldova" supplies weapons, 072, not 154)
            best = max(candidates, key=lambda m: (bool(m.targets), not own.isdisjoint(m.pattern.objects), m.pattern.specificity))
            found.append((other, best))
    return found


def _conjunct_match(pattern: Pattern, verb: Token, conjunct: Token, chosen: Match, lexicon: Lexicon, index: ActorIndex) -> Match:
    """``pattern`` on ``verb`` with ``conjunct`` as its object, done by the chosen act's doers
    under its modality."""
    targets: list[Filler] = []
    for slot in pattern.target:
        heads = [conjunct] if slot.kind == "dobj" else _slot_heads(slot, pattern, verb, lexicon, None)
        targets = next((fillers for head in heads if (fillers := index.fillers(head))), [])
        if targets:
            break
    if chosen.modality.parties == "object" and chosen.modality.control is not None:
        targets = chosen.targets  # the party asked
    if not targets:
        targets = _implied_targets(pattern, verb, chosen.sources, index, lexicon, chosen.modality, False)
    return Match(pattern, verb, chosen.sources, targets, chosen.modality, index)


def _carried_compound_act(verb_pattern: Pattern, verb: Token, noun: Token, noun_pattern: Pattern) -> bool:
    """A support verb whose pattern fit only through a compound of its object that the
    lexicon names as part of the object's own act: "launched war games" does war games
    (150), not a war (190). A verb of its own ("halted food shipments") acts on the noun
    and keeps its code."""
    if not noun_pattern.words or noun.lemma_.lower() in verb_pattern.objects or noun.lower_ in verb_pattern.objects:
        return False
    if not any(form in word_list("support_verbs.txt") for form in verb_forms(verb)):
        return False
    compounds = {child.lemma_.lower() for child in noun.children if child.dep_ == "compound"}
    return bool(compounds & verb_pattern.objects & set(noun_pattern.words))


def _without_partial_duplicates(events: list[Event]) -> list[Event]:
    """Drop an event without a target when the sentence gives the same source and code a
    target elsewhere (two predicates naming one act: "met ... to discuss")."""
    targeted = {(_key(e.source), e.code) for e in events if e.target is not None}
    return [e for e in events if e.target is not None or (_key(e.source), e.code) not in targeted]


def _each_other(event: Event) -> list[Event]:
    """Meeting and negotiating are done with someone: "Iran held talks with Oman" is also
    Oman's talks with Iran (040, 046 with a target)."""
    if event.code not in _MUTUAL_CODES or event.target is None or event.source is None:
        return []
    return [_reversed(event, f"mutual:{event.code}", lookup(event.code))]


def _guest_visit(hosting: Event) -> list[Event]:
    """A hosted visit (043, host -> guest) is also the guest's visit (042, guest -> host)."""
    if hosting.code != "043" or hosting.target is None or hosting.source is None:
        return []
    return [_reversed(hosting, "guest-of:043", lookup("042"))]


def _reversed(event: Event, modifier: str, info: CodeInfo) -> Event:
    """The same act seen from its target's side, coded ``info``, with the rule that made it."""
    evidence = replace(event.evidence, modifiers=(*event.evidence.modifiers, modifier))
    return replace(event, source=event.target, target=event.source, evidence=evidence, **_coded_as(info))


def _coded_as(info: CodeInfo) -> dict[str, Any]:
    """An event's code fields, all read from the codebook row."""
    return {
        "code": info.code,
        "root": info.root,
        "quad_class": info.quad_class,
        "goldstein": info.goldstein,
        "plover": Plover(info.plover_type, info.plover_mode),
    }


def _reciprocal(code: str, sources: Sequence[Filler], predicate: Token | None = None) -> bool:
    """Coordinated parties of an act they do to each other: a meeting, a deal, a fight
    ("Chile and Peru met"; not mediation, whose co-mediators act on third parties), or any
    act the sentence says is mutual ("traded accusations", "respect each other's borders")."""
    if not 1 < len(sources) <= _MOST_RECIPROCAL:
        return False
    if predicate is not None and _said_to_be_mutual(predicate):
        return True
    return code[:2] in _RECIPROCAL_ROOTS and code not in _THIRD_PARTY_CODES


def _said_to_be_mutual(predicate: Token) -> bool:
    """ "traded/exchanged accusations", "each other", "one another" in the act's clause.
    Read once per predicate: the clause may be the whole sentence."""
    known = _facts(predicate.doc).mutual
    found = known.get(predicate.i)
    if found is None:
        governor = _governor(predicate) if predicate.pos_ in _NOUN_POS else None
        if governor is not None and governor.lemma_.lower() in _EXCHANGE_VERBS:
            found = True
        else:
            clause = predicate.head if predicate.dep_ in ("xcomp", "dobj", "pobj") else predicate
            words = [token.lower_ for token in clause.subtree]
            found = any(pair in zip(words, words[1:]) for pair in (("each", "other"), ("one", "another")))
        known[predicate.i] = found
    return found


def _perpetrator_unnamed(predicate: Token, modality: Modality) -> bool:
    """An act of violence reported as having happened with no one named as its doer: a
    passive without agent ("were killed"), a verb whose subject is a weapon or an event
    ("a bomb killed"), or an event noun standing as subject or as the means of a passive
    ("killed in an ambush"). Not an infinitive, a gerund, a noun under "of"/"for" ("no
    intention of invading") or the object of a control verb ("planned an attack"), which
    report no act."""
    if modality.control is not None or modality.family is not None:
        return False
    if predicate.pos_ in _VERB_POS:
        if predicate.dep_ == "acl":  # "troops killed in Mali": a reduced passive
            return predicate.tag_ == "VBN"
        return predicate.tag_ in ("VBD", "VBN", "VBZ", "VBP") and predicate.dep_ not in ("xcomp", "pcomp", "advcl")
    head = predicate.head
    if predicate.dep_ == "pobj" and head.lower_ in _ABOUT_PREPOSITIONS:
        return False
    if governing_control(predicate) is not None:
        return False  # "planned an attack", "urged an offensive": asked or intended, not done
    return predicate.dep_ in ("nsubj", "nsubjpass", "pobj", "dobj", "ROOT")


def _unidentified_attacker(predicate: Token) -> Filler:
    """CAMEO's unidentified armed force (UAF): the source of violence against a named party
    whose perpetrator the sentence does not name ("a roadside bomb killed two Kenyan
    soldiers"); its country is the place's, when the sentence names one (``localised``)."""
    participant = party_named_by(predicate, name="unidentified armed force", code="UAF", country=None, sector="UAF")
    return Filler(participant, predicate)


def _implied_targets(
    pattern: Pattern,
    token: Token,
    sources: list[Filler],
    index: ActorIndex,
    lexicon: Lexicon,
    modality: Modality,
    together: bool,
) -> list[Filler]:
    """The target when the pattern's own slots hold no actor, by the first rule that finds one:

    1. a verbal act addressed by its clause: "demanded that Japan scrap the tariff";
    2. a control verb's governed clause: "threatened to close the Saudi consulate", or
       the purpose an act serves: "fired tear gas to scatter the dockers";
    3. an act asked for, named on its noun: "called for an Israeli withdrawal";
    4. the party an act on an object concerns: "ratified a treaty with Moldova", "eased the
       siege of Somalia" (an object that is an act, by "of" first),
       "engaged Nigerien soldiers in a gunfight", or for an answer to someone's act its
       author: "turned down a proposal from Quito";
    5. for a threat, the party whose act a condition on it names: "threatened to ban
       imports if Peru sends troops" (not a promise: "will give aid if Peru signs"; not a
       condition that is a request or offer: "will send troops if Peru asks");
    6. the place an act is done in: "marched in Lima", "a summit in Doha", "eased the
       curfew in Chad" (not for statements and appeals).
    """
    if pattern.code[:2] in _ADDRESSED_BY_CLAUSE:
        # "demanded that Japan scrap...", "its demand that Japan scrap..."; the parser may
        # hang a noun's clause on the verb that governs it ("restated its insistence that...")
        governor = _governor(token) if pattern.kind == "noun" else None
        found = _clause_subjects(token, index) or (_clause_subjects(governor, index) if governor is not None else [])
        if found:
            return found
    if token.lemma_.lower() in control_verbs() or pattern.kind == "verb":
        # a control verb's clause ("threatened to close the Saudi consulate"), or an act's
        # purpose ("fired tear gas to scatter the dockers")
        found = _others(_governed_clause_actors(token, index), sources)
        if found:
            return found
    if pattern.kind == "noun" and pattern.objects:
        named = [f for head in _own_parties(token) for f in index.fillers(head)]
        found = [f for f in named if not any(same_party(f.participant, s.participant) for s in sources)][:1]
        if found:
            return found
    if pattern.kind == "verb":
        direct_object = object_of(token)
        holders = [direct_object] if direct_object is not None and direct_object.head.i == token.i else []
    else:
        governor = _governor(token)
        holders = [c for c in governor.children if c.dep_ == "dobj" and c.i != token.i] if governor is not None and token.dep_ == "pobj" else []
    for holder in holders:
        # for a noun, the governing verb's object ("engaged Nigerien soldiers in a
        # gunfight"); for a verb, its object's owner ("closed the Saudi consulate")
        if pattern.kind == "noun":
            found = index.fillers(holder)
        else:
            # not the object's own party when it names no country: "pulled its troops out"
            # names no one by "its" ("the Saudi consulate" names Saudi Arabia)
            own = index.at(holder)
            own = own if own is not None and sector_only(own) else None
            owners = [c for c in holder.children if c.dep_ in ("poss", "amod", "compound")] if pattern.objects else []
            found = next(
                (fillers for owner in owners if (fillers := [f for f in _others(index.fillers(owner), sources) if f.participant != own])),
                [],
            )
        if not found and pattern.kind == "verb" and holder.lemma_.lower() in lexicon.nouns:
            # an object that is an act names whom it is done to by "of": "eased the
            # siege of Somalia", "ended the occupation of the island"
            found = _others([f for pobj in _prepositional_objects([holder], "of") for f in index.fillers(pobj)], sources)
        concerning = _CONCERNING_PREPOSITIONS | (_AUTHOR_PREPOSITIONS if pattern.code[:2] in _RESPONDING_ROOTS else frozenset())
        for child in holder.children if not found else ():
            if child.dep_ == "prep" and child.lower_ in concerning:
                found = [f for pobj in child.children if pobj.dep_ == "pobj" for f in index.fillers(pobj)]
                if found:
                    break
        if found:
            return found
    if _threatens(pattern, modality):
        found = _ultimatum_parties(modality, index, sources) or _others(_condition_subjects(token, index, lexicon), sources)
        if found:
            return found
    placed = not together and not _reciprocal(pattern.code, sources)
    if pattern.code[:2] not in _UNPLACED_ROOTS and placed:  # not where parties act together
        governor = _governor(token) if pattern.kind == "noun" else _light_object(pattern, token) if pattern.objects else None
        places = _prepositional_objects([token, *([governor] if governor is not None else [])], "in")
        for place in places:
            found = [f for f in index.fillers(place) if not any(same_party(f.participant, s.participant) for s in sources)]
            if pattern.code[:2] in _ABROAD_ROOTS:  # "held a summit in Tehran" hosts no one
                found = [f for f in found if not any(f.participant.country == s.participant.country for s in sources)]
            if found:
                return found[:1]
    return []


def _coded(pattern: Pattern, modality: Modality) -> str | None:
    """The code the act gets: its pattern's, recoded by its modality's family (None: dropped)."""
    return pattern.code if modality.family is None else recode(modality.family, pattern.code)


def _threatens(pattern: Pattern, modality: Modality) -> bool:
    """The act is coded as a threat (13), by its own code or its modality's recoding."""
    code = _coded(pattern, modality)
    return code is not None and code.startswith("13")


def _condition_subjects(word: Token, index: ActorIndex, lexicon: Lexicon) -> list[Filler]:
    """The party whose act a condition on a threat names: an act threatened "if" or
    "unless" someone does something is aimed at them ("threatened to ban imports if Peru
    sends troops": Peru), unless the condition is a statement, request, offer or meeting
    of the lexicon (roots 01-05: "will send troops if Peru asks" is not aimed at Peru).
    The condition may hang from the act or its control verb."""
    holders = [word, *([word.head] if word.dep_ in ("xcomp", "conj") else [])]
    for holder in holders:
        for clause in holder.children:
            if clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in clause.children):
                subject = _clause_subject(clause)
                if subject is None or any(
                    p.code[:2] in _ASKED_OR_OFFERED_ROOTS and _fits(p, clause) for p in _patterns_for(clause, lexicon)
                ):
                    continue
                if fillers := index.fillers(subject):
                    return fillers
    return []


def _ultimatum_parties(modality: Modality, index: ActorIndex, sources: list[Filler]) -> list[Filler]:
    """The party an ultimatum is aimed at: the subject of what would avert it, whatever
    that act is ("unless Somalia agrees to talks": Somalia), when not the doer itself."""
    subject = _clause_subject(modality.condition) if modality.condition is not None else None
    return _others(index.fillers(subject), sources) if subject is not None else []


def _others(fillers: list[Filler], sources: list[Filler]) -> list[Filler]:
    """``fillers`` that are not one of the sources ("held their talks": their is the source)."""
    return [f for f in fillers if not any(same_party(f.participant, s.participant) or f.token.i == s.token.i for s in sources)]


def _bare_obligations(clauses: list[Token], matches: dict[int, Match], lexicon: Lexicon, index: ActorIndex) -> list[Match]:
    """ "Chile said Peru must rethink": a reported obligation whose act is not in the lexicon
    is still a demand (100) from the speaker on the clause's subject (``commit.obligation``).
    ``clauses``: the sentence's words with a clause relation."""
    found = []
    for token in clauses:
        if token.dep_ != "ccomp" or token.pos_ not in _VERB_POS:
            continue
        if any(token.i == m.predicate.i or token in m.predicate.ancestors for m in matches.values()):
            continue
        modality = find_modality(token)
        if modality.family != "demand" or modality.control is None or not (modality.reason or "").startswith("obligation:"):
            continue
        speaker = subject_of(modality.control)
        asked = _clause_subject(token)
        sources = index.fillers(speaker) if speaker is not None else []
        targets = index.fillers(asked) if asked is not None else []
        if sources:
            plain = Modality(None, modality.control, "subject", False, modality.reason)
            found.append(Match(lexicon.pattern("commit.obligation"), token, sources, targets, plain, index))
    return found


def _key(participant: Participant | None) -> str | None:
    return None if participant is None else (participant.code or participant.name)


_INFLECTIONS = (("ied", "y"), ("ies", "y"), ("ed", "e"), ("ed", ""), ("es", ""), ("s", ""), ("ing", "e"), ("ing", ""))


def _patterns_for(token: Token, lexicon: Lexicon) -> tuple[Pattern, ...]:
    """The patterns headed by a verb's or noun's lemma (a verb's by ``verb_forms``; a
    noun's lemma is reliable: "refugees" is no "refuge")."""
    if token.pos_ in _VERB_POS:
        found = lexicon.verbs.get(token.lemma_.lower())  # the model's lemma first: the common case
        return found or next((lexicon.verbs[form] for form in verb_forms(token) if form in lexicon.verbs), ())
    if token.pos_ in _NOUN_POS:
        return lexicon.nouns.get(token.lemma_.lower()) or lexicon.nouns.get(token.lower_) or ()
    return ()


def verb_forms(token: Token) -> tuple[str, ...]:
    """The lemmas a verb may have, the model's first. The small model mislemmatises some
    verbs ("fined" -> "fin", "staged" -> "stag"), so the word itself and its regular stems
    follow."""
    text = token.lower_
    stems = [text[: -len(suffix)] + ending for suffix, ending in _INFLECTIONS if text.endswith(suffix) and len(text) > len(suffix) + 2]
    return tuple(dict.fromkeys((token.lemma_.lower(), text, *stems)))


def _matches(token: Token, lexicon: Lexicon, index: ActorIndex) -> Iterable[Match]:
    fitting = [pattern for pattern in _patterns_for(token, lexicon) if _fits(pattern, token)]
    if not fitting:
        return
    modality = find_modality(token)
    for pattern in fitting:
        sources = _fill(pattern.source, pattern, token, index, lexicon, source=True, modality=modality)
        targets = _fill(pattern.target, pattern, token, index, lexicon, source=False, modality=modality)
        if not sources and pattern.kind == "noun" and pattern.code[:2] in _RECIPROCAL_ROOTS:
            # "talks between Kigali and Kinshasa", "clashes between A and B": each side's act
            governor = _governor(token)
            holders = [token, *([governor] if governor is not None else [])]
            between = [f for head in _prepositional_objects(holders, "between") for f in index.fillers(head)]
            if len(between) > 1:
                sources, targets = between, []
        committed = (
            _committed_by_doers(token, sources, index, lexicon)
            if sources and pattern.kind == "noun" and not pattern.objects and modality.control is None and not modality.suppressed
            else None
        )
        if committed is not None:
            modality = controlled_by(*committed)
            targets = _fill(pattern.target, pattern, token, index, lexicon, source=False, modality=modality)
        if not sources and targets and pattern.code[:2] in _VIOLENT_ROOTS and _perpetrator_unnamed(token, modality):
            sources = [_unidentified_attacker(token)]
        if not sources:
            continue
        if modality.family == "ultimatum" and not _ultimatum_parties(modality, index, sources):
            # "will send aid unless the rains stop": no one is threatened
            modality = find_modality(token, ultimatums=False)
        if modality.parties == "object" and modality.control is not None:
            asked = (
                _clause_subject(token)
                if modality.family == "demand" and modality.reason and modality.reason.startswith("obligation:")
                else object_of(modality.control) or _called_on(modality.control)
            )
            targets = index.fillers(asked) if asked is not None else []
        together = _held_together(pattern, token, sources)
        if not targets:
            targets = _implied_targets(pattern, token, sources, index, lexicon, modality, together)
        yield Match(pattern, token, sources, targets, modality, index, together)


def _committed_to(noun: Token, lexicon: Lexicon) -> tuple[Token, Control] | None:
    """The control verb an event noun is the object of, when that verb's only patterns are
    its own commitment (``commitments.tsv``): "agreed to talks with Peru" is an intent to
    meet, as "agreed to meet Peru" is. A verb with acts of its own keeps them ("rejected
    talks" is a rejection, by the lexicon's ``reject`` rows). Read once per noun."""
    known = _facts(noun.doc).committed
    if noun.i in known:
        return known[noun.i]
    found = noun_control(noun)
    if found is not None:
        others = [p for p in _patterns_for(found[0], lexicon) if _COMMITMENTS not in p.origin]
        found = found if not any(_fits(p, found[0]) for p in others) else None
    known[noun.i] = found
    return found


def _committed_by_doers(
    noun: Token, sources: list[Filler], index: ActorIndex, lexicon: Lexicon
) -> tuple[Token, Control] | None:
    """``_committed_to``, when the act's doers are that verb's subject (``_done_by_subject_of``)."""
    found = _committed_to(noun, lexicon)
    return found if found is not None and _done_by_subject_of(found[0], sources, index) else None


def _done_by_subject_of(verb: Token, sources: list[Filler], index: ActorIndex) -> bool:
    """The act's doers are the verb's subject ("Chile agreed to talks"), not a party the noun
    names ("Chile agreed to Peruvian mediation": Peru mediates)."""
    subject = subject_of(verb)
    subjects = {f.token.i for f in index.fillers(subject)} if subject is not None else set()
    return all(f.token.i in subjects for f in sources)


def _clause_subject(verb: Token) -> Token | None:
    """The subject of a verb's own clause (active or passive)."""
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _governed_clause_actors(verb: Token, index: ActorIndex) -> list[Filler]:
    """The first actor among the objects of the infinitive a control verb governs
    ("threatened to close the Saudi consulate": Saudi Arabia)."""
    for child in verb.children:
        if child.dep_ in ("xcomp", "advcl", "acl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
            for token in child.subtree:
                if token.dep_ in ("dobj", "pobj", "dative") and token.i != child.i:
                    fillers = index.fillers(token)
                    if fillers:
                        return fillers
    return []


def _clause_subjects(word: Token, index: ActorIndex) -> list[Filler]:
    """The actors that are subjects of the clause a verb governs ("demanded that X..."), or
    that an act's noun states as its content ("its demand that X...")."""
    for clause in _content_clauses(word):
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return index.fillers(subject)
    return []


def _content_clauses(word: Token) -> list[Token]:
    """The clauses that say what a verb or noun states or asks: a verb's ``ccomp``, and a
    noun's clause introduced by "that" ("the demand that Peru withdraw"), which the parser
    hangs as ``acl`` or ``relcl`` (a relative clause has no "that" mark: "the demand that
    Peru made" describes the demand)."""
    return [child for child in word.children if _is_content_clause(child)]


def _is_content_clause(clause: Token) -> bool:
    """``clause`` is a verb's ``ccomp`` or a noun's "that" clause (``_content_clauses``)."""
    if clause.dep_ == "ccomp":
        return True
    return clause.dep_ in ("acl", "relcl") and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def _fits(pattern: Pattern, token: Token) -> bool:
    """The pattern's particles and its object (or governing verb) are in the parse."""
    if pattern.words:
        # a verb's particle or preposition ("call for"); a noun's modifier ("car bomb")
        if not _attached_words(token, pattern.kind).issuperset(pattern.words):
            return False
    if pattern.intransitive:
        return object_of(token) is None
    if not pattern.objects:
        return True
    if pattern.kind == "verb":
        if not pattern.words and not _verb_objects(token) and token.dep_ != "acl":
            return False  # no object to name (the common case, decided without building one)
        light_object = _light_object(pattern, token)
        return light_object is not None and _names_object(light_object, pattern.objects)
    governor = _governor(token)
    return governor is not None and any(form in pattern.objects for form in verb_forms(governor))


def _attached_words(token: Token, kind: str) -> frozenset[str]:
    """The words and lemmas of a verb's particles and prepositions, or of a noun's
    modifiers, that a pattern's ``words`` must be among; read once per word and kind (a
    verb heads many patterns)."""
    known = _facts(token.doc).attached
    found = known.get((token.i, kind))
    if found is None:
        deps = _NOUN_WORD_DEPS if kind == "noun" else _VERB_WORD_DEPS
        children = [child for child in token.children if child.dep_ in deps]
        found = known[(token.i, kind)] = frozenset(
            (*(child.lower_ for child in children), *(child.lemma_.lower() for child in children))
        )
    return found


@dataclass(frozen=True, slots=True)
class _ObjectNoun:
    """What a pattern's object list is checked against on one noun, read once per document:
    a verb such as "send" heads dozens of patterns, each asking about the same object."""

    words: frozenset[str]
    """The noun's lemma and word, and the lemmas of its compound modifiers."""
    own: frozenset[str]
    """The noun's lemma and word alone."""
    party: bool
    sector: str | None


@dataclass(slots=True)
class _ParseFacts:
    """Per-document answers the matcher asks for again and again (objects of a verb, facts of
    an object noun), by token index."""

    nouns: dict[int, _ObjectNoun]
    objects: dict[int, tuple[int, ...]]
    committed: dict[int, tuple[Token, Control] | None]
    """An event noun's commitment verb (``_committed_to``)."""
    mutual: dict[int, bool]
    """Whether a predicate's clause says its act is mutual (``_said_to_be_mutual``)."""
    attached: dict[tuple[int, str], frozenset[str]]
    """The words a pattern's particles or modifiers are looked for among (``_attached_words``)."""


_PARSE_FACTS: WeakKeyDictionary[Doc, _ParseFacts] = WeakKeyDictionary()
"""Entries go with their document."""


def _facts(doc: Doc) -> _ParseFacts:
    found = _PARSE_FACTS.get(doc)
    if found is None:
        found = _PARSE_FACTS[doc] = _ParseFacts({}, {}, {}, {}, {})
    return found


def _object_noun(noun: Token) -> _ObjectNoun:
    nouns = _facts(noun.doc).nouns
    found = nouns.get(noun.i)
    if found is None:
        own = frozenset((noun.lemma_.lower(), noun.lower_))
        compounds = {child.lemma_.lower() for child in noun.children if child.dep_ == "compound"}
        agent = load_actor_tables().agents.lookup(noun.lemma_)
        party = noun.ent_type_ in ("PERSON", "NORP", "GPE", "ORG") or noun.lower_ in ("him", "her", "them") or agent is not None
        found = nouns[noun.i] = _ObjectNoun(own | compounds, own, party, agent.sector if agent is not None else None)
    return found


def _names_object(noun: Token, objects: frozenset[str]) -> bool:
    """The object is one of ``objects``, by its lemma, its word, or a compound modifier that
    names the thing ("halted aid shipments", "an aid budget": aid). ``@party`` in
    ``objects`` stands for any party: a named person, group, organisation or country, or a
    role noun of the actor tables ("released the mayor", "freed three activists");
    ``@mil``, ``@ref``, ``@cop``... for a role noun of that sector ("troops", "soldiers",
    "forces", "peacekeepers" are all ``@mil``)."""
    facts = _object_noun(noun)
    if not objects.isdisjoint(facts.words):
        return True
    if facts.party and PARTY in objects:
        return True
    return facts.sector is not None and f"@{facts.sector.lower()}" in objects


def _names_object_as_party(noun: Token, objects: frozenset[str]) -> bool:
    """``_names_object`` by the noun's party or sector ("released the mayor", "troops")."""
    facts = _object_noun(noun)
    return (facts.party and PARTY in objects) or (facts.sector is not None and f"@{facts.sector.lower()}" in objects)


def _names_a_party(noun: Token) -> bool:
    return _object_noun(noun).party


def _verb_objects(verb: Token) -> tuple[Token, ...]:
    """A verb's direct objects, each followed by what it measures when it is a measure or a
    collection ("tons of food aid", "a wave of arrests", "a package of sanctions")."""
    known = _facts(verb.doc).objects
    indexes = known.get(verb.i)
    if indexes is None:
        objects = [child for child in verb.children if child.dep_ in _OBJECT_DEPS]
        measures = word_list("measure_nouns.txt")
        objects += [pobj for o in objects if o.lemma_.lower() in measures for pobj in _prepositional_objects([o], "of")]
        indexes = known[verb.i] = tuple(o.i for o in objects)
    return tuple(verb.doc[i] for i in indexes)


def _light_object(pattern: Pattern, verb: Token) -> Token | None:
    """The object a pattern constrains: the direct object, or for a phrasal verb whose
    particle the parser took for a preposition ("called in the ambassador"), its object."""
    found = next((o for o in _verb_objects(verb) if _names_object(o, pattern.objects)), None)
    found = found if found is not None else object_of(verb)  # "offered Italy the extradition"
    if found is not None or not pattern.words:
        return found
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in pattern.words:
            return next((pobj for pobj in child.children if pobj.dep_ == "pobj"), None)
    return None


def _governor(noun: Token) -> Token | None:
    """The verb an event noun is the object or subject of ("launched an offensive",
    "protests swept the capital"), through a measure noun ("carried out a wave of raids")."""
    if noun.dep_ in ("dobj", "nsubjpass", "attr", "nsubj") and noun.head.pos_ in _VERB_POS:
        return noun.head
    if noun.dep_ == "pobj" and noun.head.head.pos_ in _VERB_POS:
        return noun.head.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ in _NOUN_POS and _through_measures(noun) is not noun:
        # "launched a wave of strikes": launched the strikes; "began the resumption of talks"
        return _governor(noun.head.head)
    return None


def _fill(
    slots: tuple[Slot, ...],
    pattern: Pattern,
    token: Token,
    index: ActorIndex,
    lexicon: Lexicon,
    *,
    source: bool,
    modality: Modality,
) -> list[Filler]:
    """The actors of the first slot that holds any."""
    for slot in slots:
        for head in _slot_heads(slot, pattern, token, lexicon, modality if source else None):
            fillers = index.fillers(head)
            if fillers:
                return fillers
    return []


def _slot_heads(slot: Slot, pattern: Pattern, token: Token, lexicon: Lexicon, modality: Modality | None) -> list[Token]:
    """The tokens heading the phrase(s) in ``slot`` of ``token``."""
    if pattern.kind == "noun":
        return _noun_slot_heads(slot, pattern, token, lexicon)
    passive = is_passive(token)
    if slot.kind == "subj":
        if modality is not None and modality.parties == "object" and modality.control is not None:
            found = subject_of(modality.control)
            return [found] if found is not None else []
        found = passive_agent(token) if passive else subject_of(token)
        heads = [found] if found is not None else []
        if token.dep_ == "conj" and token.head.dep_ == "ccomp" and token.head.head.i < token.head.i and not passive:
            # "the minister said the truce was holding and urged Israel...": the parser may
            # hang the second verb on the reported clause; the speaker comes next (not
            # when the attribution follows the report: "... and wounded two, police said")
            heads += [child for child in token.head.head.children if child.dep_ == "nsubj"]
        return heads
    if slot.kind == "dobj":
        found = next((c for c in token.children if c.dep_ == ("nsubjpass" if passive else "dobj")), None)
        if found is None and token.dep_ == "acl" and token.tag_ == "VBN":
            found = token.head
        if found is None and pattern.words:
            found = _light_object(pattern, token)
        return [found] if found is not None else []
    if slot.kind == "iobj":
        return [c for c in token.children if c.dep_ in ("dative", "iobj") and c.pos_ != "ADP"] + [
            pobj for c in token.children if c.dep_ == "dative" and c.pos_ == "ADP" for pobj in c.children if pobj.dep_ == "pobj"
        ]
    if slot.kind == "xcomp-subj":
        found = object_of(token)
        return [found] if found is not None and any(c.dep_ == "xcomp" for c in token.children) else []
    # The preposition may hang from the verb, its particle or adverb ("pulled back from"),
    # or its object ("imported oil from Russia", "imposed sanctions on Iran").
    # a particle the parser took for a preposition holds it too ("pulled its troops out of
    # Somalia": "of" hangs from "out")
    holders = [token, *(c for c in token.children if c.dep_ in ("prt", "advmod") or (c.dep_ == "prep" and c.lower_ in pattern.words))]
    direct_object = _light_object(pattern, token) if pattern.objects else object_of(token)
    if direct_object is not None and (direct_object.head.i == token.i or direct_object.head.head.i == token.i):
        # and its conjuncts: "imposed sanctions and an arms embargo on Mali"
        holders += [direct_object, *(c for c in direct_object.conjuncts if c.i > direct_object.i)]
    return _prepositional_objects(holders, slot.word or "")


def _noun_slot_heads(slot: Slot, pattern: Pattern, noun: Token, lexicon: Lexicon) -> list[Token]:
    governor = _governor(noun)
    if slot.kind == "subj":
        own = _own_parties(noun)
        governing_subject: list[Token] = []
        supports = governor is not None and (
            any(form in pattern.objects or form in word_list("support_verbs.txt") for form in verb_forms(governor))
            or (noun.dep_ == "pobj" and noun.head.lower_ in _MEANS_PREPOSITIONS)
            or (noun.dep_ == "pobj" and noun.head.lower_ == "on" and pattern.code[:2] == "04")  # "on a visit"
            or (noun.dep_ == "pobj" and noun.head.lower_ == "for" and _goes(governor))  # "arrived for talks"
        )
        # "agreed to talks": the subject's own act to come (a pattern that names its
        # governing verb codes that verb's act itself: "sought aid" is an appeal)
        committed = _committed_to(noun, lexicon) if not pattern.objects else None
        if committed is not None:
            governor, supports = committed[0], True
        if governor is not None and supports and noun.dep_ != "nsubj":
            found = subject_of(governor) if not is_passive(governor) else passive_agent(governor)
            if found is not None:
                governing_subject.append(found)
        # A noun whose pattern names its governing verb is that verb's act: in "Egypt called
        # for an Israeli withdrawal" Egypt calls. Otherwise the noun's own words name the
        # doer first: "Russia's offensive", "Israeli strikes".
        return governing_subject + own if pattern.objects else own + governing_subject
    if slot.kind in ("dobj", "iobj"):
        found = _prepositional_objects([noun], "of") if slot.kind == "dobj" else []
        if governor is not None and noun.dep_ == "pobj":  # "asked Jordan for help"
            found += [c for c in governor.children if c.dep_ in ("dobj", "dative") and c.i != noun.i]
        return found
    if slot.kind == "prep":
        found = _prepositional_objects([noun], slot.word or "")
        # "a show of force against Seoul": the preposition hangs from the "of" phrase
        found += _prepositional_objects(_prepositional_objects([noun], "of"), slot.word or "")
        if slot.word == "to":  # "a Baku visit", "the Moscow talks": the place where it happens
            found += [child for child in noun.children if child.dep_ == "compound" and names_a_place(child)]
        if governor is not None:  # "held talks in Doha", "was in Baku on a visit"
            found += [t for t in _prepositional_objects([governor], slot.word or "") if t.i != noun.i]
        return found
    return []


def _goes(verb: Token) -> bool:
    """A verb of going somewhere (``motion_verbs.txt``)."""
    return any(form in word_list("motion_verbs.txt") for form in verb_forms(verb))


def _own_parties(noun: Token) -> list[Token]:
    """The words of an event noun that name a party: its possessor, an actor adjective or
    compound (not a capital used as a place), its "by" phrase."""
    heads = [child for child in noun.children if child.dep_ == "poss"]
    heads += [child for child in noun.children if child.dep_ in ("compound", "amod", "nmod") and not names_a_place(child)]
    return heads + _prepositional_objects([noun], "by")


def _prepositional_objects(holders: list[Token], word: str) -> list[Token]:
    found = []
    for holder in holders:
        for child in holder.children:
            if child.dep_ in ("prep", "agent", "dative") and child.lower_ == word:
                found.extend(pobj for pobj in child.children if pobj.dep_ in ("pobj", "pcomp"))
    return found


def _words_talked_about(matches: dict[int, Match]) -> frozenset[int]:
    """The words whose "of/for/over" phrase is what an accusation, a rejection or a
    statement is about: their predicates, and their objects ("claimed responsibility for the
    killing": the preposition hangs from the object). Once per sentence."""
    about = {match.predicate.i for match in matches.values() if match.pattern.code[:2] in _ABOUT_ROOTS}
    about |= {
        light.i
        for match in matches.values()
        if match.pattern.code[:2] in _ABOUT_ROOTS and match.pattern.objects
        and (light := _light_object(match.pattern, match.predicate)) is not None
    }
    return frozenset(about)


def _accusing_words(clauses: list[Token], lexicon: Lexicon) -> frozenset[int]:
    """The verbs that accuse (root 11) and govern a clause (among the sentence's
    ``clauses``), whether or not the accuser is an actor ("a leaked memo alleged that the
    marines shot..."): their clause is what is alleged."""
    heads = {clause.head.i: clause.head for clause in clauses if clause.dep_ == "ccomp"}
    return frozenset(
        i
        for i, head in heads.items()
        if any(p.code[:2] == _ACCUSING_ROOT and _fits(p, head) for p in _patterns_for(head, lexicon))
    )


def _inside_what_is_said_about(predicate: Token, about: frozenset[int], alleging: frozenset[int]) -> bool:
    """The act is what an accusation, a rejection or a statement is about: "accused Russia
    of failing to...", "denied attacking", "condemned X for shelling", or the clause of an
    accusation, whoever makes it (``alleging``: "a report alleged that Chad attacked..."):
    not coded as having happened. (What an appeal or an offer is for, "asked Germany for
    tanks", is the act asked for, and the appeal's own pattern codes it.)"""
    child = predicate
    for ancestor in predicate.ancestors:
        if ancestor.i in about and child.dep_ == "prep" and child.lower_ in _ABOUT_PREPOSITIONS:
            return True
        if ancestor.i in alleging and child.dep_ == "ccomp":  # "alleged that Chad attacked..."
            return True
        denial = control_verbs().get(ancestor.lemma_.lower())
        if denial is not None and denial.family == "denial" and child.dep_ in ("xcomp", "ccomp", "dobj"):
            return True
        child = ancestor
    return False


def _asked_clauses(clauses: list[Token], lexicon: Lexicon) -> frozenset[int]:
    """The clauses that say what an appeal or a demand asks for, by their verbs: the "that"
    clause of a word that fits a pattern of root 02 or 10, whether or not its author is an
    actor ("demanded that Chile recall..."), of a verb whose object is such a noun ("repeated
    its demand that...": the parser may hang the clause there), or of a noun that such a
    word asks for ("pressed for a confession that Chile had lied"). ``clauses``: the
    sentence's words with a clause relation."""
    found: set[int] = set()
    for clause in clauses:
        if not _is_content_clause(clause):
            continue
        head = clause.head
        askers = [head, *(c for c in head.children if c.dep_ in _OBJECT_DEPS)]
        if head.dep_ in _OBJECT_DEPS:
            askers.append(head.head)
        if any(p.code[:2] in _REQUEST_ROOTS and _fits(p, word) for word in askers for p in _patterns_for(word, lexicon)):
            found.add(clause.i)
    return frozenset(found)


def _only_mentioned(match: Match, matches: dict[int, Match], asked: frozenset[int]) -> bool:
    """The predicate names an act without reporting that it happened, by one of the
    conventions of event coding (the sentence's other predicates code what happened):

    - an event noun inside another noun's phrase is part of what that noun names ("the
      timing of the troop withdrawal", "a rally in solidarity with the jailed
      strikers"), unless that noun measures it ("a wave of arrests") or names a phase of
      it ("the resumption of talks", ``phase_nouns.txt``);
    - an event noun in a time or concession phrase, itself or through a measure noun, is
      background ("after last year's invasion", "after three years of air strikes",
      "despite appeals from aid groups"): it was news when it happened (a clause reports
      the act itself: "ties warmed after the president visited Peru");
    - an event noun a rejection takes as its object is what is rejected, coded as the
      rejection ("turned down Peru's proposal");
    - an infinitive on a noun that another coded act takes as its object is that object's
      content ("turned down an invitation to visit Paris", "shelved plans to buy jets");
    - an infinitive of purpose is what an act is for, not yet done ("sent envoys to
      negotiate", "marched to demand reforms");
    - the "that" clause of an appeal or demand, whoever makes it, is what is asked for
      ("demanded that Chile recall its envoy", ``_asked_clauses``);
    - a participle that says whom an act of force killed is its outcome
      (``_consequence_of_force``);
    - the aims a document, plan or law states are not its authors' acts ("a scheme
      that seeks to deploy troops", "the bill is meant to curb arms exports");
    - a present relative clause or participle of stance describes a party
      (``_describes_a_party``).
    """
    predicate = match.predicate
    head = predicate.head
    control = match.modality.control
    if control is not None and control.pos_ in _VERB_POS and _document_subject(control):
        return True
    if _describes_a_party(predicate, _coded(match.pattern, match.modality)) or _consequence_of_force(match, matches):
        return True
    if match.pattern.kind == "noun":
        # a measure or phase noun stands for the act in its "of" phrase: "after three years
        # of air strikes" is background as "after the air strikes" is
        word = _through_measures(predicate)
        head = word.head
        # the parser may take "following" for a verb and the noun for its object
        if head.lower_ in _BACKGROUND_PREPOSITIONS and word.dep_ in ("pobj", "dobj"):
            return True
        rejection = matches.get(head.i)
        if word.dep_ in _OBJECT_DEPS and rejection is not None and rejection.pattern.code[:2] == "12":
            return True
        return word.dep_ == "pobj" and head.head.pos_ in _NOUN_POS
    if predicate.i in asked:
        return True
    if not any(child.dep_ == "aux" and child.lower_ == "to" for child in predicate.children):
        return False
    if predicate.dep_ == "acl" and head.dep_ in _OBJECT_DEPS and head.head.i in matches:
        return True
    return predicate.dep_ == "advcl" and control is None and _clause_subject(predicate) is None


@cache
def _measure_and_phase_nouns() -> frozenset[str]:
    return word_list("measure_nouns.txt") | word_list("phase_nouns.txt")


def _through_measures(noun: Token) -> Token:
    """The phrase an event noun stands in, through the measure and phase nouns whose "of"
    phrase it is ("a wave of arrests", "three years of air strikes", "the resumption of
    talks": the measure or phase noun's own place)."""
    containers = _measure_and_phase_nouns()
    while noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in containers:
        noun = noun.head.head
    return noun


def _consequence_of_force(match: Match, matches: dict[int, Match]) -> bool:
    """A participle that says whom an act of force killed or wounded ("shelled the town,
    killing 20") is that act's outcome, coded once as the act (an act of force, roots
    17-20, and violence, 18-20, in the participle); arrests and other acts of their own
    stay ("opened fire, killing one and arresting twelve": the arrests)."""
    participle = match.predicate
    while participle.dep_ == "conj" and participle.head.tag_ == "VBG":
        participle = participle.head
    if participle.dep_ != "advcl" or participle.tag_ != "VBG" or _clause_subject(participle) is not None:
        return False
    act = matches.get(participle.head.i)  # by its word: one look-up, not a scan of the matches
    if act is None or act.pattern.code[:2] not in _COERCION_AND_VIOLENCE_ROOTS or match.pattern.code[:2] not in _VIOLENT_ROOTS:
        return False
    return bool(act.targets) or not match.targets  # the victims named only here still tell whom


def _describes_a_party(predicate: Token, code: str | None) -> bool:
    """The act's clause is a relative clause or participle in the present that says where
    a party stands ("the militia, which rejects the accord", "activists opposing the dam",
    "a movement that is preparing an offensive"): a description of the party, not an act
    at a time. The clause's own verb doing a material act (quad classes 2 and 4) to an
    object is reported ("jets strike militants who fire rockets at the town", "killed
    gunmen attacking a post"; not a role without an object: "guerrillas fighting in the
    hills", nor an act the clause only names: "a party that backs the port's blockade"), as is a past or perfect clause ("rebels who attacked the town", "where
    the dockers have been jailed")."""
    if (
        code is not None
        and predicate.pos_ in _VERB_POS
        and lookup(code).quad_class in _MATERIAL_QUADS
        and any(child.dep_ == "dobj" for child in predicate.children)
    ):
        return False
    clause = predicate
    while clause.pos_ not in _VERB_POS and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ not in ("relcl", "acl") or not _names_a_party(clause.head):
        return False
    auxiliaries = [child for child in clause.children if child.dep_ in ("aux", "auxpass")]
    if any(aux.tag_ in ("VBD", "VBN") or aux.lemma_ == "have" for aux in auxiliaries):
        return False
    return clause.tag_ in ("VBZ", "VBP", "VBG")


def _document_subject(verb: Token) -> bool:
    """The verb's subject is a text, plan or measure (``document_nouns.txt``), not a party:
    "the scheme aims to...", "a bill that seeks to..." (a relative pronoun stands for
    the noun its clause describes)."""
    subject = _clause_subject(verb)
    if subject is not None and subject.tag_ == "WDT" and verb.dep_ == "relcl":
        subject = verb.head
    return subject is not None and subject.lemma_.lower() in word_list("document_nouns.txt")


def _reports_an_act(statement: Token, matches: dict[int, Match]) -> bool:
    """A statement verb whose reported clause holds another coded act ("said Iran
    attacked..."); a time phrase ("after the bombing") is not what was said."""
    clauses = [child for child in statement.children if child.dep_ in _REPORTED_CLAUSES]
    return any(
        match.predicate.i == clause.i or clause in match.predicate.ancestors
        for clause in clauses
        for match in matches.values()
    )


def _events_of(
    match: Match,
    sentence: Span,
    text: str,
    day: date | None,
    published: str | None,
    field: Field,
    dates: dict[int, EventDate | None],
) -> list[Event]:
    """The match's events: one per source and target pair, recoded by its modality;
    ``text`` is the sentence's, without trailing space (read once per sentence)."""
    modality = match.modality
    if modality.suppressed:
        return []
    code = _coded(match.pattern, modality)
    if code is None:
        return []
    info = lookup(code)
    # the act's own date ("plans to meet on Monday": next Monday), else the control verb's
    # ("offered on Monday to mediate"); one resolution per word, several patterns share it
    when = None
    for anchor in (match.predicate, *([modality.control] if modality.control is not None else [])):
        if anchor.i not in dates:
            dates[anchor.i] = event_date(sentence, day, anchor=anchor)
        when = dates[anchor.i]
        if when is not None:
            break
    evidence = Evidence(
        pattern=match.pattern.id,
        predicate=TextSpan(match.predicate.idx, match.predicate.idx + len(match.predicate.text), match.predicate.text),
        sentence_start=sentence.start_char,
        sentence_end=sentence.start_char + len(text),
        modifiers=(modality.reason,) if modality.reason else (),
        field=field,
    )
    if not match.targets and info.code in _UNADDRESSED_GENERIC:
        return []
    events = []
    target_countries = frozenset(t.participant.country for t in match.targets if t.participant.country)
    # visitors and delegates come from elsewhere: the place of a meeting is not theirs
    at_place = info.root != "04"
    sources = [
        replace(source, participant=match.index.localised(source.participant, match.predicate, target_countries, at_place=at_place))
        for source in match.sources
    ]
    source_countries = frozenset(s.participant.country for s in sources if s.participant.country)
    all_targets = [
        replace(target, participant=match.index.localised(target.participant, match.predicate, source_countries))
        for target in match.targets
    ]
    if not all_targets and match.together and info.code[:2] == "15":
        # "Chile and Peru held (joint) drills": military cooperation between them, not a
        # show of force (which a named target still makes it: "joint drills off Japan");
        # other postures are joint when the sentence says so ("patrolled together")
        info = lookup(_JOINT_FORCE_CODE)
        evidence = replace(evidence, modifiers=(*evidence.modifiers, "joint"))
    reciprocal = not all_targets and _reciprocal(info.code, sources, match.predicate)
    if info.code in _VISIT_CODES:  # armed forces arriving somewhere deploy; they do not visit
        sources = [source for source in sources if source.participant.sector not in sectors_with_role("armed")]
    for source in sources:
        if reciprocal:
            events.extend(
                _event(info, source.participant, other.participant, text, when, published, evidence)
                for other in sources
                if not same_party(other.participant, source.participant)
            )
            continue
        # an actor is not its own target; the act is kept without one ("France mobilised
        # police against French rioters" when both code as France)
        targets: list[Filler | None] = [
            t for t in all_targets if t.token.i != source.token.i and not same_party(t.participant, source.participant)
        ]
        said = evidence
        if not targets and info.code.startswith(_DISSENT_CODES) and (government := _own_government(source)) is not None:
            targets, said = [government], replace(evidence, modifiers=(*evidence.modifiers, "target:own-government"))
        if not targets and match.pattern.code in _TERRITORIAL_CODES and (territory := _own_country(source)) is not None:
            targets, said = [territory], replace(evidence, modifiers=(*evidence.modifiers, "target:own-country"))
        for target in targets or [None]:
            doer, done_to = _domestic(source.participant, None if target is None else target.participant)
            events.append(_event(_by_doer(info, doer), doer, done_to, text, when, published, said))
    return events


def _held_together(pattern: Pattern, predicate: Token, sources: Sequence[Filler]) -> bool:
    """Coordinated parties hold a show of force together: drills, exercises or any other
    posture (15) the sentence marks as joint (``_done_jointly``), or that one body of forces
    made up of theirs holds (``_one_body``). Drills that two parties each held ("both Chile
    and Peru held exercises") are each party's own."""
    if pattern.code[:2] != "15" or not 1 < len(sources) <= _MOST_RECIPROCAL:
        return False
    return _one_body(sources) or _done_jointly(pattern, predicate)


def _one_body(sources: Sequence[Filler]) -> bool:
    """The parties are named by one phrase whose head is a single body of forces made up of
    theirs: "Chilean and Peruvian frigates", "the Kenyan and Ugandan armies" (the actor
    stage gives each country a participant on the same head word)."""
    return len({source.token.i for source in sources}) == 1


def _done_jointly(pattern: Pattern, predicate: Token) -> bool:
    """The sentence says its parties do the act together: "joint" or "combined" on the act
    or its object ("held joint exercises"), "jointly" or "together" on the verb, or "each
    other" / "one another" in its clause."""
    words = [predicate, *predicate.children]
    if pattern.kind == "verb" and (light := _light_object(pattern, predicate)) is not None:
        words += light.children
    elif (governor := _governor(predicate)) is not None:
        words += governor.children
    return any(word.lower_ in _JOINTLY for word in words) or _said_to_be_mutual(predicate)


def _own_government(source: Filler) -> Filler | None:
    """CAMEO's reading of dissent that names no one: it is aimed at the dissenters' own
    government ("thousands of Kenyans marched", "the union called off its strike")."""
    participant = source.participant
    if not participant.country or not participant.code or participant.sector == "GOV":
        return None
    government = Participant(
        name=f"government ({participant.country})",
        code=participant.code[:3] + "GOV",
        country=participant.country,
        sector="GOV",
        text="",
        start=participant.start,
        end=participant.start,
    )
    return Filler(government, source.token)


def _own_country(source: Filler) -> Filler | None:
    """The country a state's measure on its territory is laid on when the sentence names no
    one (``_TERRITORIAL_CODES``): the doer's own, coded by its country alone."""
    participant = source.participant
    if not participant.country or not participant.code or sector_only(participant):
        return None
    country = Participant(
        name=participant.country,
        code=participant.code[:3],
        country=participant.country,
        sector=None,
        text="",
        start=participant.start,
        end=participant.start,
    )
    return Filler(country, source.token)


def _by_doer(info: CodeInfo, doer: Participant) -> CodeInfo:
    """The code as its doer's sector makes it (``doer_recodes.tsv``). The ``challenger``
    rows are for unarmed challengers: rebels besieging a town do impose a blockade."""
    if doer.sector in sectors_with_role("challenger") and doer.sector not in sectors_with_role("armed"):
        recoded = doer_recodes().get((info.code, "challenger"))
        if recoded is not None:
            return lookup(recoded)
    return info


def _domestic(source: Participant, target: Participant | None) -> tuple[Participant, Participant | None]:
    """A party with no country on one side of a domestic act takes the other side's: the
    police, a government or a court act on their own country's protesters, rebels,
    journalists ("Egyptian police dispersed demonstrators": Egypt's); protesters, rebels
    and strikers act against their own state ("rebels attacked army positions")."""
    if target is None:
        return source, target
    if sector_only(target) and source.country and source.sector in sectors_with_role("home") and target.sector not in sectors_with_role("abroad"):
        return source, with_country(target, source.code or "", source.country or "")
    if sector_only(source) and target.country and source.sector in sectors_with_role("challenger") and (
        target.sector in sectors_with_role("state") or target.sector is None
    ):
        return with_country(source, target.code or "", target.country or ""), target
    return source, target


def _day_of(published: str | None) -> str | None:
    """The publication day an undated event falls back to (None when it is not a date)."""
    day = article_date(published)
    return day.isoformat() if day is not None else None


def _event(
    info: CodeInfo,
    source: Participant,
    target: Participant | None,
    sentence: str,
    when: EventDate | None,
    published: str | None,
    evidence: Evidence,
) -> Event:
    return Event(
        source=source,
        target=target,
        **_coded_as(info),
        date=when.value if when is not None else _day_of(published),
        published=published,
        sentence=sentence,
        evidence=evidence,
        date_text=when.text if when is not None else None,
    )


def _called_on(control: Token) -> Token | None:
    """ "called on Iran to": the person asked is the object of "on"."""
    for child in control.children:
        if child.dep_ == "prep" and child.lower_ in ("on", "upon"):
            return next((pobj for pobj in child.children if pobj.dep_ == "pobj"), None)
    return None


def sentence_code(sentence: Span) -> tuple[str, Pattern] | None:
    """The CAMEO code of a sentence's main act, whoever does it.

    For labelling sentences (by quad class, say) rather than producing event data: the
    predicate nearest the sentence's root that fits a pattern, recoded by its modality,
    without requiring actors in its slots. None when no predicate fits or its modality drops it.
    """
    lexicon = load_lexicon()
    found: list[tuple[int, int, str, Pattern]] = []
    controls: set[int] = set()
    for token in sentence:
        patterns = _patterns_for(token, lexicon)
        fitting = sorted((p for p in patterns if _fits(p, token)), key=lambda p: pattern_rank(p, token), reverse=True)
        if not fitting:
            continue
        modality = find_modality(token)
        if modality.control is not None:
            controls.add(modality.control.i)
        if modality.suppressed:
            continue
        pattern = fitting[0]
        code = pattern.code if modality.family is None else recode(modality.family, pattern.code)
        if code is not None:
            found.append((_depth(token), token.i, code, pattern))
    found = [item for item in found if item[1] not in controls]
    if not found:
        return None
    _, _, code, pattern = min(found, key=lambda item: (item[0], item[1]))
    return code, pattern


def _depth(token: Token) -> int:
    """Edges from ``token`` up to its sentence's root."""
    depth = 0
    while token.head.i != token.i:
        token = token.head
        depth += 1
    return depth
