"""Cue words: the verbs and phrases that report speech, read from ``data/quotes/cues.tsv``.

A vocabulary lives in a data file, not in code, so that adding a reporting verb is a
one-line change a reviewer can see. Verbs are matched by lemma ("said", "says", "saying"
are all ``say``); phrases by their words in order ("according to").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

from eventwire.events.lexicon import LexiconError, data_rows


@dataclass(frozen=True)
class Cues:
    """The reporting vocabulary: verb lemmas, and phrases as tuples of lower-case words."""

    verbs: frozenset[str]
    phrases: frozenset[tuple[str, ...]]
    of_verbs: frozenset[str]
    """verbs whose "of" phrase says what was said ("warned of reprisals")"""


@cache
def load_cues() -> Cues:
    """The cue words of ``eventwire/data/quotes/cues.tsv`` (a bad ``kind`` is a packaging error)."""
    verbs: set[str] = set()
    phrases: set[tuple[str, ...]] = set()
    of_verbs: set[str] = set()
    for where, fields in data_rows("quotes/cues.tsv", "cue"):
        cue, kind = (value.strip() for value in fields[:2])
        if kind in ("verb", "verb+of"):
            verbs.add(cue)
            if kind == "verb+of":
                of_verbs.add(cue)
        elif kind == "phrase":
            phrases.add(tuple(cue.lower().split()))
        else:
            raise LexiconError(f"{where}: unknown cue kind {kind!r} (verb, verb+of or phrase)")
    return Cues(frozenset(verbs), frozenset(phrases), frozenset(of_verbs))


def is_cue_verb(token: Token) -> bool:
    """A verb of speech as a verb ("said"), not as a noun or adjective ("the claim")."""
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in load_cues().verbs


def cue_phrase_end(token: Token) -> Token | None:
    """The last word of the cue phrase that starts at ``token`` ("according" -> "to"), else None."""
    doc = token.doc
    for phrase in load_cues().phrases:
        end = token.i + len(phrase)
        if end <= len(doc) and tuple(t.lower_ for t in doc[token.i : end]) == phrase:
            return doc[end - 1]
    return None
