"""Quotes feed events: "I" and "we" inside a quote are its speaker.

The event stage codes every sentence, quoted ones included, but a quoted threat or demand
names its author only as "we" ("'We will retaliate,' the minister said"). Giving each
first-person pronoun inside a direct or partial quote a mention of the speaker's actor lets
the event stage code the act as the speaker's: the quote's content decides the code, the
attribution decides the source.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from eventwire.actors.model import Actor, Mention
from eventwire.quotes.model import Quote

FIRST_PERSON = frozenset({"i", "we", "me", "us"})
"""Subject and object pronouns: a possessive ("our troops") names the speaker's side, which
the actor stage already reads as a description where it can."""


def with_quoted_speakers(doc: Doc, actors: Sequence[Actor], quotes: Sequence[Quote]) -> list[Actor]:
    """``actors`` with a ``speaker`` mention for every first-person pronoun inside a
    direct or partial quote whose speaker is a coded actor (new Actor objects; the
    originals are not changed). Quotes without a coded speaker add nothing."""
    by_identity = {(actor.name, actor.code): actor for actor in actors}
    added: dict[int, list[Mention]] = {}
    sentence_of = {sentence.start: number for number, sentence in enumerate(doc.sents)}
    for quote in quotes:
        if quote.type not in ("direct", "partial") or quote.speaker is None or quote.speaker.code is None:
            continue
        speaker = by_identity.get((quote.speaker.name, quote.speaker.code))
        if speaker is None:
            continue
        for start, end in [(part.start, part.end) for part in quote.parts] or [(quote.start, quote.end)]:
            span = doc.char_span(start, end, alignment_mode="contract")
            for token in span if span is not None else ():
                if token.lower_ in FIRST_PERSON:
                    mention = Mention(
                        start=token.idx,
                        end=token.idx + len(token.text),
                        text=token.text,
                        resolution="speaker",
                        sentence_index=sentence_of[token.sent.start],
                    )
                    added.setdefault(id(speaker), []).append(mention)
    return [replace(actor, mentions=[*actor.mentions, *added[id(actor)]]) if id(actor) in added else actor for actor in actors]
