"""Who said it: the words at the attribution, and the coded actor they refer to.

No new resolution is done here. The actor stage has already tied every "he", every "the
Russian leader" and every surname to its person (its coreference rules, ``docs/actors.md``);
``ActorIndex`` maps those mentions to token positions, and the speaker is whatever the index
says the attribution's words refer to. What this module adds is where the speaker's words
are: the subject of the cue verb, the other half of an apposition ("Anna Berg, the
spokeswoman, said"), or the object of "according to".
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from eventwire.actors.model import Actor
from eventwire.events.arguments import ActorIndex
from eventwire.events.model import Field
from eventwire.quotes.model import Speaker

_SUBJECTS = ("nsubj", "nsubjpass")
_CLIMB = 5  # "responded (1) by (2) saying": enough for a participle under a preposition or a noun
_NAMED = frozenset({"dictionary", "title", "description", "surname", "unresolved"})
_PHRASE_RIGHT = frozenset({"compound", "flat", "prep", "nummod", "amod"})


class SpeakerFinder:
    """Speakers of one doc. For the title (``field="title"``) the actors' offsets are in the
    body, so the index is empty and a speaker is matched to an actor by name alone."""

    def __init__(self, doc: Doc, actors: Sequence[Actor], field: Field = "text") -> None:
        self.index = ActorIndex(doc, actors if field == "text" else ())
        # how each mention was tied, by its first character: a pronoun or a role is
        # coreference, anything else names the actor
        self._resolution = {m.start: m.resolution for a in actors for m in a.mentions} if field == "text" else {}
        by_word: dict[str, list[Actor]] = {}
        for actor in actors:
            words = actor.name.lower().split()
            if actor.kind in ("person", "organisation") and words:  # a name may be blank
                for word in {" ".join(words), words[-1]}:
                    by_word.setdefault(word, []).append(actor)
        self._by_name = {word: found[0] for word, found in by_word.items() if len(found) == 1}

    def of_cue(self, cue: Token) -> Speaker | None:
        """The speaker of a cue verb: its subject, else the subject of the nearest clause
        above it ("he added, saying ...", "she was quoted as saying ...", "responded by
        saying ...", "issued a statement saying ..."), a few steps up at most."""
        token = cue
        for _ in range(_CLIMB):
            subject = next((child for child in token.children if child.dep_ in _SUBJECTS), None)
            if subject is not None:
                return self.of_phrase(subject)
            if token.head.i == token.i or token.dep_ == "relcl":  # the root (Tokens are made per access)
                break
            token = token.head
        return None

    def of_phrase(self, head: Token) -> Speaker:
        """The speaker a noun phrase names, through its apposition when the phrase itself is
        no actor ("the spokeswoman, Anna Berg")."""
        speaker = self._resolve(head)
        if speaker.name is None:
            for other in (child for child in head.children if child.dep_ == "appos"):
                named = self._resolve(other)
                if named.name is not None:
                    return Speaker(speaker.text, speaker.start, speaker.end, named.name, named.code, "apposition")
        return speaker

    def _resolve(self, head: Token) -> Speaker:
        doc = head.doc
        start = head.left_edge.i
        while start < head.i and doc[start].is_punct:  # a dash or bracket the parse hung on the name
            start += 1
        end = head.i + 1
        for child in head.rights:  # "the spokesman for the ministry"; not an apposition or a clause
            if child.i != end or child.dep_ not in _PHRASE_RIGHT:
                break
            end = child.right_edge.i + 1
        words = doc[start:end]
        text, first, last = words.text, words.start_char, words.end_char
        found = self.index.phrase_actor(head)
        if found is not None:
            resolution = self._resolution.get(found.participant.start)
            how = "name" if resolution is None or resolution in _NAMED else "coreference"
            return Speaker(text, first, last, found.participant.name, found.participant.code, how)
        for token in words:
            actor = self._by_name.get(token.lower_) if token.pos_ == "PROPN" else None
            if actor is not None:
                return Speaker(text, first, last, actor.name, actor.code, "name")
        return Speaker(text, first, last, None, None, None)
