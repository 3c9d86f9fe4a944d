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


_ALSO = frozenset({"of", "to"})


@dataclass(frozen=True)
class Cues:
    """The reporting vocabulary: verb lemmas, phrases as tuples of lower-case words, and
    what else than a clause each verb may report (``also``: "of", "to")."""

    verbs: frozenset[str]
    phrases: frozenset[tuple[str, ...]]
    also: dict[str, frozenset[str]]

    def phrases_from(self, word: str) -> list[tuple[str, ...]]:
        """The phrases whose first word is ``word`` (lower case), in the order of ``phrases``:
        most words start none, and are answered without a look at the words after them."""
        return _by_first_word(self.phrases).get(word, [])

    def reports(self, lemma: str, complement: str) -> bool:
        """Whether verb ``lemma`` reports its ``complement`` ("of" or "to") as what was said."""
        return complement in self.also.get(lemma, frozenset())


@cache
def _by_first_word(phrases: frozenset[tuple[str, ...]]) -> dict[str, list[tuple[str, ...]]]:
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        if phrase:
            by_first.setdefault(phrase[0], []).append(phrase)
    return by_first


@cache
def load_cues() -> Cues:
    """The cue words of ``eventwire/data/quotes/cues.tsv`` (a bad row is a packaging error)."""
    verbs: set[str] = set()
    phrases: set[tuple[str, ...]] = set()
    also: dict[str, frozenset[str]] = {}
    for where, fields in data_rows("quotes/cues.tsv", "cue"):
        if len(fields) != 3:
            raise LexiconError(f"{where}: {len(fields)} columns, expected 3 (cue, kind, also)")
        cue, kind, extra = (value.strip() for value in fields)
        complements = frozenset(word.strip() for word in extra.split(",") if word.strip())
        if not complements <= _ALSO:
            raise LexiconError(f"{where}: unknown complement in {extra!r} (of, to)")
        if kind == "verb":
            verbs.add(cue)
            also[cue] = complements
        elif kind == "phrase":
            phrases.add(tuple(cue.lower().split()))
        else:
            raise LexiconError(f"{where}: unknown cue kind {kind!r} (verb or phrase)")
    return Cues(frozenset(verbs), frozenset(phrases), also)


def is_cue_verb(token: Token) -> bool:
    """A verb of speech as a verb ("said"), not as a noun or adjective ("the claim")."""
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in load_cues().verbs


def cue_phrase_end(token: Token) -> Token | None:
    """The last word of the cue phrase that starts at ``token`` ("according" -> "to"), else None."""
    doc = token.doc
    for phrase in load_cues().phrases_from(token.lower_):
        end = token.i + len(phrase)
        if end <= len(doc) and tuple(t.lower_ for t in doc[token.i : end]) == phrase:
            return doc[end - 1]
    return None
