"""Modality: how control verbs, negation, the future and conditions change an event's code.

CAMEO codes what was said about an act as well as the act: "Russia offered to mediate" is
an intent to mediate (039), "Iran refused to meet" a rejection (125), "Israel threatened to
strike" a threat (1384), "the EU urged Iran to release them" an appeal (0253), "Russia
will send aid" an intent (033), and "did not attack" nothing at all. The verbs that do this
and the code each family gives are data (``eventwire/data/modality/``); this module reads
them and finds, for one predicate, which modality the parse puts on it.
"""

from __future__ import annotations

from dataclasses import dataclass
from collections.abc import Mapping
from functools import cache
from types import MappingProxyType
from typing import Literal

from spacy.tokens import Token

from eventwire.dates import FUTURE_AUXILIARIES  # one list: the tense that dates an act also recodes it
from eventwire.events.lexicon import data_rows, word_list

Family = Literal["intent", "refusal", "threat", "demand", "appeal", "denial", "future", "conditional", "ultimatum"]
Parties = Literal["subject", "object"]
FAMILIES: frozenset[str] = frozenset(Family.__args__)  # type: ignore[attr-defined]
_SPECULATIVE_AUX = frozenset({"may", "might", "could", "can", "should", "must"})
_OBLIGATION_AUX = frozenset({"must", "should"})
# Verbs that begin or continue the act of the gerund they govern ("resumed shelling")
_ASPECT_VERBS = frozenset({"begin", "start", "resume", "continue", "keep", "restart"})
CONDITION_MARKS = frozenset({"if", "unless"})  # the engine reads the same conditions
# An ultimatum: an act to come "unless" someone acts, "if" they do not (or fail to), or
# "otherwise" after what they must do. CAMEO codes it as a threat: the threat family's
# code for the act ("will cut aid unless...": 1311), else the generic threat (130) for an
# act that is no conflict in itself ("will pull its troops out unless...")
GENERIC_THREAT = "130"
_ULTIMATUM_FAMILIES = frozenset({"future", "conditional", "intent", "threat"})
_FAILING_VERBS = frozenset({"fail", "refuse"})
# the relations that stay inside a clause: an infinitive, an object, a preposition's object
_INSIDE_A_CLAUSE = frozenset({"xcomp", "dobj", "pobj", "prep", "conj"})


@dataclass(frozen=True)
class Control:
    """A control verb's family and where its event's parties come from."""

    family: Family
    parties: Parties


@dataclass(frozen=True)
class Modality:
    """What the parse says about one predicate: the family that recodes it (or None), the
    control verb that carries it, and whether the act is denied outright (negated,
    speculative, or the antecedent of a condition), with the reason for the evidence."""

    family: Family | None
    control: Token | None
    parties: Parties
    suppressed: bool
    reason: str | None
    condition: Token | None = None
    """For an ultimatum, the clause that says what would avert the act (its subject is
    the party threatened)."""


class ModalityTableError(ValueError):
    """A row of the modality tables that cannot be read (our data is wrong)."""


@cache
def control_verbs() -> Mapping[str, Control]:
    """Control lemma -> its family and parties (``control_verbs.tsv``)."""
    table: dict[str, Control] = {}
    for where, fields in data_rows("modality/control_verbs.tsv", "lemma"):
        if len(fields) != 3 or fields[1] not in FAMILIES or fields[2] not in ("subject", "object"):
            raise ModalityTableError(f"{where}: expected lemma, family, subject|object")
        table[fields[0]] = Control(fields[1], fields[2])  # type: ignore[arg-type]
    return MappingProxyType(table)


@cache
def transforms() -> Mapping[str, Mapping[str, str]]:
    """Family -> embedded code prefix -> result (``=`` keeps the code, ``-`` drops the event)."""
    table: dict[str, dict[str, str]] = {}
    for where, fields in data_rows("modality/transforms.tsv", "family"):
        if len(fields) != 3 or fields[0] not in FAMILIES or not fields[1].isdigit():
            raise ModalityTableError(f"{where}: expected family, code prefix, result")
        table.setdefault(fields[0], {})[fields[1]] = fields[2]
    return MappingProxyType({family: MappingProxyType(rows) for family, rows in table.items()})


def recode(family: str, code: str) -> str | None:
    """The code an embedded event gets under ``family``; None when the family drops it.

    A family with no row for any prefix of ``code`` drops it too, so that a new family
    never codes an act it was not written for.
    """
    if family == "ultimatum":
        # its own rows when the table has any for the code, else the threat it makes
        own = _row(transforms().get(family, {}), code)
        if own is not None:
            return None if own == "-" else code if own == "=" else own
        threat = recode("threat", code)
        if threat is not None:
            return threat
        return GENERIC_THREAT if "03" <= code[:2] <= "12" else None  # not a statement or an appeal
    result = _row(transforms().get(family, {}), code)
    if result is None:
        return None
    return None if result == "-" else code if result == "=" else result


def _row(rows: Mapping[str, str], code: str) -> str | None:
    """The result of the longest prefix of ``code`` that has a row."""
    for length in range(len(code), 0, -1):
        result = rows.get(code[:length])
        if result is not None:
            return result
    return None


def is_negated(token: Token) -> bool:
    """A predicate negated in its own clause: "did not attack", "no talks", and a verb whose
    object is "no ..." ("held no talks", "no talks were held", "sent no troops")."""
    if any(child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no") for child in token.children):
        return True
    return token.pos_ in ("VERB", "AUX") and any(
        child.dep_ in ("dobj", "nsubjpass") and any(c.dep_ == "det" and c.lower_ == "no" for c in child.children)
        for child in token.children
    )


def _has_aux(token: Token, words: frozenset[str]) -> bool:
    return any(child.dep_ in ("aux", "auxpass") and child.lower_ in words for child in token.children)


def _going_to(verb: Token) -> bool:
    """ "is going to visit", "is to visit": announced acts."""
    head = verb.head
    if verb.dep_ != "xcomp" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    return (head.lemma_ == "go" and head.tag_ == "VBG") or (head.lemma_ == "be" and head.dep_ == "ROOT")


def find_modality(predicate: Token, *, ultimatums: bool = True) -> Modality:
    """The modality on ``predicate`` (a verb, or an event noun through the verb that governs
    it); without ``ultimatums``, as if no condition made the act a threat (the engine asks
    again so when the condition names no party to threaten)."""
    found = _modality(predicate)
    if not ultimatums or found.suppressed or found.family not in _ULTIMATUM_FAMILIES:
        return found
    verb = _carrier(predicate) if predicate.pos_ in ("NOUN", "PROPN") else predicate
    condition = ultimatum_condition(verb)
    if condition is None and found.control is not None:
        condition = ultimatum_condition(found.control)  # "threatened on Monday to withdraw unless..."
    if condition is None:
        return found
    return Modality("ultimatum", found.control, found.parties, False, "ultimatum", condition)


def ultimatum_condition(verb: Token) -> Token | None:
    """The clause that would avert an act announced on ``verb``: "unless Somalia signs",
    "if Somalia does not sign" or "fails to sign", or the clause before "otherwise"
    ("Somalia must sign, otherwise Kenya will withdraw": "sign")."""
    for child in verb.children:
        if child.dep_ != "advcl":
            continue
        marks = {c.lower_ for c in child.children if c.dep_ == "mark"}
        if "unless" in marks:
            return child
        if "if" in marks and (is_negated(child) or child.lemma_.lower() in _FAILING_VERBS):
            return child
    if any(child.dep_ == "advmod" and child.lower_ == "otherwise" for child in verb.children):
        before = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis", "conj") and c.i < verb.i and c.pos_ in ("VERB", "AUX")]
        if verb.dep_ in ("ccomp", "parataxis", "conj") and verb.head.i < verb.i:
            before.append(verb.head)
        if before:
            return before[0]
    return None


def _modality(predicate: Token) -> Modality:
    if _continues(predicate) and not is_negated(predicate):
        # "vowed to keep bombarding", "will go on raiding": the aspect verb's modality
        return find_modality(predicate.head)
    verb = _carrier(predicate) if predicate.pos_ in ("NOUN", "PROPN") else predicate
    if is_negated(predicate) or (verb.i != predicate.i and is_negated(verb)):
        control = _control(verb)
        if control is not None and control[1].family == "intent":
            return Modality("refusal", control[0], "subject", False, f"negated:{control[0].lemma_}")
        if _has_aux(verb, FUTURE_AUXILIARIES):  # "will not take in migrants" refuses them
            return Modality("refusal", None, "subject", False, "negated:future")
        return Modality(None, None, "subject", True, "negated")
    obliged_by = _obligation(verb)
    if obliged_by is not None:
        return Modality("demand", obliged_by, "object", False, f"obligation:{obliged_by.lemma_}")
    if _in_condition(verb):
        return Modality(None, None, "subject", True, "condition")
    control = _control(verb)
    if control is not None:
        return controlled_by(*control)
    if _has_aux(verb, _SPECULATIVE_AUX):
        return Modality(None, None, "subject", True, "speculative")
    if _has_aux(verb, FUTURE_AUXILIARIES) or _going_to(verb):
        return Modality("future", None, "subject", False, "future")
    if any(child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in child.children) for child in verb.children):
        return Modality("conditional", None, "subject", False, "conditional")
    return Modality(None, None, "subject", False, None)


def _in_condition(word: Token) -> bool:
    """``word`` is the antecedent of a condition ("if Peru sends troops"), or an act its
    verb governs ("unless Somalia agrees to hold talks", "if Peru agrees to talks")."""
    for _ in range(4):
        if word.dep_ == "advcl":
            return any(child.dep_ == "mark" and child.lower_ in CONDITION_MARKS for child in word.children)
        if word.dep_ not in _INSIDE_A_CLAUSE or word.head.i == word.i:
            return False
        word = word.head
    return False


def controlled_by(token: Token, found: Control) -> Modality:
    """The modality a control verb (or adjective, or noun) puts on the act it governs: its
    family, or a refusal when an intent is negated ("did not agree to meet")."""
    if is_negated(token) and found.family == "intent":
        return Modality("refusal", token, found.parties, False, f"negated:{token.lemma_}")
    if is_negated(token):
        return Modality(None, token, found.parties, True, f"negated:{token.lemma_}")
    return Modality(found.family, token, found.parties, False, f"control:{token.lemma_}")


def noun_control(noun: Token) -> tuple[Token, Control] | None:
    """The control verb whose subject would do what an event noun names, the noun being
    its object: "agreed to talks", "planned an offensive", "refused a meeting"."""
    found = governing_control(noun)
    return found if found is not None and found[1].parties == "subject" else None


def governing_control(noun: Token) -> tuple[Token, Control] | None:
    """The control verb an event noun is the object of (directly or by "to"), whoever would
    do the act: "agreed to talks", "planned an offensive", "urged an offensive" (not a
    denial: what is denied is not an act to come)."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "to" and head.head.pos_ in ("VERB", "AUX"):
        verb = head.head
    elif noun.dep_ == "dobj" and head.pos_ in ("VERB", "AUX"):
        verb = head
    else:
        return None
    found = control_verbs().get(verb.lemma_.lower())
    if found is None or found.family == "denial":
        return None
    return verb, found


def _continues(verb: Token) -> bool:
    """A gerund after an aspect verb ("resume shelling", "began withdrawing"): the act is
    done when and as the aspect verb says."""
    return (
        verb.dep_ == "xcomp"
        and verb.tag_ == "VBG"
        and verb.head.pos_ == "VERB"
        and verb.head.lemma_.lower() in _ASPECT_VERBS
    )


def _obligation(verb: Token) -> Token | None:
    """The speech verb that reports an obligation on this clause ("said Peru must return the
    boats": said): a demand made of the clause's subject."""
    if verb.dep_ != "ccomp" or not _has_aux(verb, _OBLIGATION_AUX):
        return None
    return verb.head if verb.head.lemma_.lower() in word_list("speech_verbs.txt") else None


def _carrier(noun: Token) -> Token:
    """The verb whose negation and modality an event noun takes: one that carries the act
    out ("held no talks", "did not take part in talks") or says it takes place ("the talks
    did not take place", "talks may resume"); the noun itself under any other verb ("Iran
    did not condemn the attack": the attack still happened)."""
    head = noun.head
    if noun.dep_ in ("dobj", "attr", "nsubjpass") and head.pos_ in ("VERB", "AUX") and _carries(head):
        return head
    if noun.dep_ == "nsubj" and head.pos_ in ("VERB", "AUX") and _takes_place(head):
        return head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX") and _carries(head.head):
        return head.head
    return noun


def _carries(verb: Token) -> bool:
    return verb.lemma_.lower() in word_list("support_verbs.txt") or verb.lower_ in word_list("support_verbs.txt")


def _takes_place(verb: Token) -> bool:
    return verb.lemma_.lower() in word_list("occurrence_verbs.txt")


def _control(verb: Token) -> tuple[Token, Control] | None:
    """The control verb (or adjective: "ready to"; or noun: "its offer to mediate") an
    infinitive hangs from, with its entry. A coordinated infinitive (a bare verb) without a
    subject of its own shares its first conjunct's ("threatened to suspend and cancel aid");
    a finite verb is an act of its own ("threatened to close the border and expelled...")."""
    while verb.dep_ == "conj" and verb.tag_ == "VB" and verb.head.pos_ in ("VERB", "AUX") and not any(
        child.dep_ in ("nsubj", "nsubjpass") for child in verb.children
    ):
        verb = verb.head
    if verb.dep_ not in ("xcomp", "advcl", "ccomp") and not (verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN")):
        return None
    if not any(child.dep_ == "aux" and child.lower_ == "to" for child in verb.children):
        return None
    head = verb.head
    found = control_verbs().get(head.lemma_.lower()) or control_verbs().get(head.lower_)
    if found is None and head.lemma_ == "be":
        for child in head.children:
            if child.dep_ == "acomp":
                found = control_verbs().get(child.lower_)
                if found is not None:
                    return head, found
    if found is None:
        return None
    if head.pos_ == "VERB" and head.lemma_ == "call" and not any(child.dep_ == "prep" and child.lower_ == "on" for child in head.children) and not any(c.dep_ == "dobj" for c in head.children):
        return None
    return head, found
