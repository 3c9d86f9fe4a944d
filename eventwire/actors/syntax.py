"""What the dependency parse says about a mention: its noun phrase, and whether it acts.

Recognition needs three questions answered from the parse alone, the same way everywhere:

- the *noun phrase* of a head word: the head and its pre-modifiers ("Armenia's Prime
  Minister", "a former Kremlin adviser"), the span a description is coded from;
- whether a word *acts*: an actor is the subject, object, possessor or agent of a
  predicate ("Moscow said", "Baku's campaign", "approved by Washington", "relations between
  Yerevan and Moscow"); "in Baku" and "a visit to Baku" name a place;
- whether a word only *modifies* another ("its Ukraine campaign", "the Ukrainian track"),
  in which case it is an attribute of something else, not a participant.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

NOMINAL_POS = frozenset({"NOUN", "PROPN"})
PRE_MODIFIERS = frozenset(
    {"det", "amod", "compound", "poss", "nummod", "nmod", "quantmod", "predet", "case", "punct", "npadvmod"}
)
"""Dependents left of a head that belong to its noun phrase ("the", "Russian", "Sudan 's", "two")."""
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
ACTING = SUBJECTS | {"dobj", "iobj", "dative", "poss", "attr", "oprd", "appos", "ROOT"}
"""Dependencies whose word takes part in the predicate: subjects, objects, possessors,
predicate nominals ("Russia is a mediator"), a fragment's root ("TEHRAN" alone)."""
PARTICIPANT_PREPOSITIONS = frozenset({"between", "with", "against", "by", "toward", "towards", "among", "versus", "vs"})
"""Prepositions whose object is a party to the relation ("talks with Moscow", "between
Yerevan and Moscow", "approved by Washington"), not a location."""
PLACE_PREPOSITIONS = frozenset(
    {
        "in",
        "at",
        "inside",
        "near",
        "across",
        "throughout",
        "within",
        "around",
        "outside",
        "into",
        "through",
        "via",
        "onto",
        "beyond",
        "along",
    }
)
MOTION_WORDS = frozenset(
    {
        "visit",
        "trip",
        "travel",
        "journey",
        "flight",
        "go",
        "come",
        "fly",
        "return",
        "arrive",
        "flee",
        "move",
        "head",
        "deploy",
        "send",
        "tour",
    }
)
"""Lemmas after which "to" and "from" introduce a place ("a visit to Baku", "fled from Kabul")."""
COORDINATION = frozenset({"conj", "appos"})
MODIFIERS = frozenset({"compound", "amod", "nmod", "npadvmod"})


def phrase_start(head: Token) -> int:
    """Index of the first token of ``head``'s noun phrase (its left pre-modifiers included).

    Leading punctuation (an opening quote) is not part of the phrase.
    """
    start = head.i
    for child in head.lefts:
        if child.dep_ in PRE_MODIFIERS:
            start = min(start, child.left_edge.i)
    doc = head.doc
    while start < head.i and (doc[start].is_punct or doc[start].is_space):
        start += 1
    return start


def noun_phrase(head: Token) -> Span:
    """The head with its pre-modifiers: "the Russian leader", "Armenia's Prime Minister"."""
    return head.doc[phrase_start(head) : head.i + 1]


def of_phrase_end(head: Token) -> int:
    """End (exclusive) of ``head`` extended by an "of"/"for" phrase after it ("president of Azerbaijan")."""
    end = head.i + 1
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in ("of", "for") and child.i == end:
            end = child.right_edge.i + 1
    return end


def coordinated_root(token: Token) -> Token:
    """The word whose role a coordinated or appositive word shares.

    "between Yerevan and its ally Moscow": Moscow is an apposition of "ally", which is
    coordinated with "Yerevan", so Moscow takes part as Yerevan does.
    """
    while token.dep_ in COORDINATION and token.head.i != token.i:
        token = token.head
    return token


def governing_preposition(token: Token) -> Token | None:
    """The preposition whose object ``token`` is (through coordination), if any."""
    root = coordinated_root(token)
    return root.head if root.dep_ == "pobj" else None


def is_place(token: Token) -> bool:
    """Whether ``token`` names a location: the object of "in", "at"..., or of "to"/"from" after motion.

    "in Baku", "a visit to Baku", "arrived from Moscow" are places; "talks with Moscow" is not.
    """
    preposition = governing_preposition(token)
    if preposition is None:
        return False
    word = preposition.lower_
    if word in PLACE_PREPOSITIONS:
        return True
    if word in ("to", "from"):
        return preposition.head.lemma_.lower() in MOTION_WORDS
    return False


def is_modifier(token: Token) -> bool:
    """Whether ``token`` only modifies another noun ("Ukraine campaign", "Ukrainian track")."""
    root = coordinated_root(token)
    return root.dep_ in MODIFIERS and root.head.i != root.i and root.head.i > root.i


def acts(token: Token) -> bool:
    """Whether ``token`` is a party to a predicate: subject, object, possessor, agent, participant.

    Coordinated and appositive words share the role of the word they attach to.
    """
    root = coordinated_root(token)
    if root.dep_ in ACTING:
        return True
    if root.dep_ == "pobj":
        preposition = root.head
        return preposition.dep_ == "agent" or preposition.lower_ in PARTICIPANT_PREPOSITIONS
    return False


def head_of(span: Span) -> Token:
    """The token of ``span`` whose head lies outside it (its syntactic head)."""
    for token in span:
        if token.head.i < span.start or token.head.i >= span.end or token.head.i == token.i:
            return token
    return span[-1]


def tokens_for_words(span: Span, words: int) -> int:
    """How many tokens of ``span`` make up its first ``words`` white-space separated words."""
    seen_words = 0
    for index, token in enumerate(span):
        if token.whitespace_ or index == len(span) - 1:
            seen_words += 1
            if seen_words == words:
                return index + 1
    return len(span)


def is_subject(token: Token) -> bool:
    """Whether ``token`` (through coordination) is the subject of a clause."""
    return coordinated_root(token).dep_ in SUBJECTS


PLACE_NOUNS = frozenset({"town", "city", "village", "province", "region", "district", "port", "capital"})
"""Nouns that call the name in their "of" phrase a place ("the village of Bunia")."""


def named_as_place(token: Token) -> bool:
    """A proper name that its own phrase calls a place, whatever the model's entity label:
    "the village of Bunia", "the province of Kunduz"."""
    return (
        token.pos_ == "PROPN"
        and token.dep_ == "pobj"
        and token.head.lower_ == "of"
        and token.head.head.lemma_.lower() in PLACE_NOUNS
    )


CONFINEMENT_NOUNS = frozenset({"prison", "jail", "gaol", "custody", "detention"})


def names_confinement(token: Token) -> bool:
    """ "in prison", "from jail", "into custody": a state of being held, not the prison
    service as a party (fasting "in jail" is aimed at no jail)."""
    return (
        token.lemma_.lower() in CONFINEMENT_NOUNS
        and token.dep_ == "pobj"
        and token.head.lower_ in ("in", "from", "into", "to")
    )


STANCE_PREFIXES = frozenset({"anti", "pro"})
"""Prefixes that make a country form a stance, not a nationality: an "anti-Iran cleric"
or a "pro-Tehran militia" is placed by where it acts, not coded as Iran's."""
AFFILIATION_PARTICIPLES = frozenset({"linked", "affiliated", "inspired", "allied", "aligned"})
"""Participles after a hyphen that make the name before them an ally: an "ISIS-affiliated
cell" is not ISIS itself. A sponsor's proxy ("Rwandan-backed rebels") is left to the
sponsor, as the event lexicon codes it."""


def names_another_party(token: Token) -> bool:
    """Whether ``token`` names a party other than the phrase it modifies: after "anti-" or
    "pro-" ("anti-Iran", "pro-Western"), or in a name before "-linked", "-affiliated"...
    ("Hamas-allied", "ISIS-affiliated")."""
    doc = token.doc
    if token.i >= 2 and doc[token.i - 1].text == "-" and doc[token.i - 2].lower_ in STANCE_PREFIXES:
        return True
    for end in range(token.i, min(token.i + 5, len(doc) - 2)):  # through a name of several words
        if doc[end + 1].text == "-" and doc[end + 2].lower_ in AFFILIATION_PARTICIPLES:
            return True
        if not (doc[end + 1].pos_ == "PROPN" or doc[end + 1].text == "-"):
            return False
    return False
