"""Quotes in quote marks: direct, partial and scare, with their cue and speaker.

Each quoted stretch (``marks.py``) is read with the words around it (``context.py``):

1. **broken quote**: two stretches of one paragraph separated by a short attribution that
   ends in a comma ("It is late," the minister said, "but not too late.") are one quote
   with two ``parts``, attributed by the cue between them;
2. **direct**: a stretch that stands as the whole of what was said (nothing of its sentence
   before it but the attribution and a colon or comma) with a cue after it or before it;
3. **partial**: a stretch inside a sentence ("he will call Rome to "settle the matter"")
   that a cue governs: the content is the reported clause, not the quoted words alone;
4. **headline form**: a quote after a noun phrase and a colon and nothing else
   ("Minister: 'We stay'") is that phrase's, the colon its cue; a quote signed by a dash
   and a name after it ("..." — Ana Ruiz, nurse) is that name's, the dash its cue;
5. **scare**: a stretch no cue attributes, which is embedded in a sentence or is no clause
   (a title, a term kept at a distance);
6. **adjacent attribution**: a clause in quote marks with no cue in its sentence takes the
   cue of a paragraph ending "X said:" just before it; else, when it follows an attributed
   quote in the same paragraph, or opens the next one, it is that quotation going on ("...," she said.
   "..."): a direct quote takes it as one more of its ``parts``, another quote lends it its
   cue and speaker.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Token

from eventwire.events.model import Field, Span
from eventwire.quotes.context import Cue, Tokens, cues_in
from eventwire.quotes.marks import Quoted, paragraph_bounds
from eventwire.quotes.model import Quote, QuoteType, Speaker
from eventwire.quotes.speaker import SpeakerFinder
from eventwire.nlp import text_of

_BREAK_MOST = 120  # characters of attribution between the parts of a broken quote
_OPEN_AFTER = frozenset({":", ",", "—", "–", "-", "("})
_CLAUSE_WORDS = 4
_DASHES = frozenset({"—", "–", "-", "--", "―"})
_CLAUSE_DEPS = ("ccomp", "xcomp", "dobj", "advcl", "conj", "parataxis")


def span_of(text: str, start: int, end: int) -> Span:
    return Span(start, end, text[start:end])


def cue_span(text: str, cue: Cue) -> Span:
    """The cue's words in ``text`` (the doc's text, read once: ``Doc.text`` is rebuilt on each call)."""
    start = cue.first.idx
    end = cue.last.idx + len(cue.last.text)
    return Span(start, end, text[start:end])


def _joined(text: str, earlier: Quote, later: Quote) -> Quote:
    """A direct quote extended by the quote that goes on after it (rule 6): one quote whose
    ``parts`` are both quotes' parts."""
    parts = (earlier.parts or (span_of(text, earlier.start, earlier.end),)) + (
        later.parts or (span_of(text, later.start, later.end),)
    )
    return replace(earlier, text=f"{earlier.text} {later.text}", end=later.end, parts=parts)


def cue_speaker(speakers: SpeakerFinder, cue: Cue) -> Speaker | None:
    """The speaker of a cue: the object of "according to", else the cue verb's subject."""
    if cue.is_phrase:
        named = next((child for child in cue.last.children if child.dep_ == "pobj"), None)
        return speakers.of_phrase(named) if named is not None else None
    return speakers.of_cue(cue.first)


class QuotedReader:
    """Reads the quoted stretches of one doc into quotes (rules 1-6 of the module)."""

    def __init__(self, tokens: Tokens, speakers: SpeakerFinder, field: Field) -> None:
        self.tokens = tokens
        self.text = text_of(tokens.doc)
        self.speakers = speakers
        self.field = field
        self.paragraphs = paragraph_bounds(self.text)
        self._paragraph_starts = [start for start, _ in self.paragraphs]

    def paragraph_of(self, char: int) -> int:
        return max(bisect_right(self._paragraph_starts, char) - 1, 0)

    def read(self, stretches: Sequence[Quoted]) -> list[Quote]:
        """The quotes of ``stretches`` (in text order), a broken quote's parts and a
        quotation going on joined into one quote."""
        found: list[Quote] = []
        previous: int | None = None  # position in ``found`` of the last attributed quote
        index = 0
        while index < len(stretches):
            parts = [stretches[index]]
            gap_cue = self._broken_at(stretches, index)
            if gap_cue is not None:
                index += 1
                parts.append(stretches[index])
            quote = self._quote(parts, gap_cue, stretches, index)
            index += 1
            if quote.type == "direct" and quote.cue is None and previous is not None:
                earlier = found[previous]
                if self._goes_on(earlier, quote):
                    if earlier.type == "direct":  # the same quotation going on: one quote, in parts
                        found[previous] = _joined(self.text, earlier, quote)
                        continue
                    quote = replace(quote, cue=earlier.cue, speaker=earlier.speaker)
            if quote.type != "scare":  # a signed quote ("..." — Ana Ruiz) ends with its signature
                signed = quote.cue is not None and quote.cue.text in _DASHES
                previous = len(found) if quote.speaker is not None and not signed else None
            found.append(quote)
        return found

    def _goes_on(self, earlier: Quote, later: Quote) -> bool:
        """Whether ``later`` (no cue of its own) is ``earlier``'s quotation going on: in the
        same paragraph, or opening the next one. A quote after other words of its paragraph
        ("Mr Tan turned to the minister. "...") may be someone else's: it is left alone."""
        here, there = self.paragraph_of(later.start), self.paragraph_of(earlier.end - 1)
        return here == there or (here == there + 1 and not self.text[self.paragraphs[here][0] : later.start].strip())

    def _after_limit(self, stretches: Sequence[Quoted], index: int) -> int:
        """Where the words after stretch ``index`` stop: its paragraph's end or the next stretch."""
        paragraph_end = self.paragraphs[self.paragraph_of(stretches[index].end - 1)][1]
        following = stretches[index + 1].start if index + 1 < len(stretches) else len(self.text)
        return min(paragraph_end, following)

    def _broken_at(self, stretches: Sequence[Quoted], index: int) -> Cue | None:
        """The cue between stretch ``index`` and the next when they are one broken quote."""
        if index + 1 >= len(stretches):
            return None
        first, second = stretches[index], stretches[index + 1]
        gap = self.text[first.end : second.start]
        if (
            not first.closed
            or second.paragraph != self.paragraph_of(first.end - 1)
            or len(gap) > _BREAK_MOST
            or not self.text[first.inner_start : first.inner_end].rstrip().endswith(",")
            or not gap.rstrip().endswith((",", ":"))
        ):
            return None
        words = self.tokens.after(first.end, second.start)
        cues = cues_in(words) if words else []
        return cues[0] if cues else None

    def _quote(
        self,
        parts: list[Quoted],
        gap_cue: Cue | None,
        stretches: Sequence[Quoted],
        index: int,
    ) -> Quote:
        """The quote of ``parts`` (one stretch, or two around ``gap_cue``), the last of
        which is stretch ``index``, read with the words around it (rules 2-6)."""
        first, last = parts[0], parts[-1]
        # the comma before the attribution ("...," she said) belongs to the sentence, not the words
        words = " ".join(self.text[p.inner_start : p.inner_end].strip() for p in parts).removesuffix(",")
        spans = tuple(span_of(self.text, p.start, p.end) for p in parts) if len(parts) > 1 else ()
        before_limit = self.paragraphs[self.paragraph_of(first.start)][0]
        if index - len(parts) >= 0:  # not beyond the stretch before
            before_limit = max(before_limit, stretches[index - len(parts)].end)
        before = self.tokens.before(first.start, before_limit)
        after = self.tokens.after(last.end, self._after_limit(stretches, index))
        embedded = bool(before) and before[-1].lower_ not in _OPEN_AFTER and not cues_in(before[-1:])
        if gap_cue is not None:
            return self._make(words, first.start, last.end, "direct", gap_cue, spans)
        after_cues, before_cues = cues_in(after) if after else [], cues_in(before) if before else []
        if embedded:
            governing = self._governing_cue(first, before_cues)
            if governing is None and after_cues:
                governing = after_cues[0]
            if governing is None:
                return self._make(words, first.start, last.end, "scare", None, spans)
            start, end = self._reported_clause(governing, first)
            return self._make(self.text[start:end], start, end, "partial", governing, spans)
        if after_cues or before_cues:
            cue = after_cues[0] if after_cues else before_cues[-1]
            return self._make(words, first.start, last.end, "direct", cue, spans)
        named = self._headline_speaker(before)
        if named is not None:
            colon = before[-1]
            cue = Span(colon.idx, colon.idx + 1, ":")
            return Quote(words, first.start, last.end, "direct", cue, self.speakers.of_phrase(named), spans, self.field)
        signed = self._signature(last, after)
        if signed is not None:
            dash, name = signed
            cue = Span(dash.idx, dash.idx + len(dash), dash.text)
            return Quote(words, first.start, last.end, "direct", cue, self.speakers.of_phrase(name), spans, self.field)
        if not self._is_clause(first):
            return self._make(words, first.start, last.end, "scare", None, spans)
        introduced = self._introducing_cue(first)
        if introduced is not None:
            return self._make(words, first.start, last.end, "direct", introduced, spans)
        return Quote(words, first.start, last.end, "direct", None, None, spans, self.field)

    def _make(
        self,
        words: str,
        start: int,
        end: int,
        kind: QuoteType,
        cue: Cue | None,
        parts: tuple[Span, ...],
    ) -> Quote:
        speaker = cue_speaker(self.speakers, cue) if cue is not None else None
        return Quote(words, start, end, kind, cue_span(self.text, cue) if cue is not None else None, speaker, parts, self.field)

    def _governing_cue(self, stretch: Quoted, before_cues: list[Cue]) -> Cue | None:
        """The cue before an embedded quote whose clause holds it (an ancestor of its words),
        else the nearest cue before it in the sentence."""
        if not before_cues:
            return None
        inside = self.tokens.doc[self.tokens.first_from(stretch.inner_start)]
        ancestors = {token.i for token in inside.ancestors}
        return next((cue for cue in reversed(before_cues) if cue.first.i in ancestors), before_cues[-1])

    def _reported_clause(self, cue: Cue, stretch: Quoted) -> tuple[int, int]:
        """The character bounds of what a cue reports, holding ``stretch``: the cue's clause
        whose words include it, else the sentence from the cue to the quote's end."""
        doc = self.tokens.doc
        inside = doc[self.tokens.first_from(stretch.inner_start)]
        head: Token = cue.first if not cue.is_phrase else cue.first.head
        for child in head.children:
            if child.dep_ in _CLAUSE_DEPS and child.left_edge.i <= inside.i <= child.right_edge.i:
                first = child.left_edge
                if first.lower_ == "that" and first.i < child.i:
                    first = doc[first.i + 1]
                return first.idx, max(child.right_edge.idx + len(child.right_edge.text), stretch.end)
        sentence = inside.sent
        start = cue.last.idx + len(cue.last.text) if cue.first.i < inside.i else sentence.start_char
        end = stretch.end if cue.first.i < inside.i else cue.first.idx
        return start + (len(self.text[start:end]) - len(self.text[start:end].lstrip())), end

    @staticmethod
    def _headline_speaker(before: Sequence[Token]) -> Token | None:
        """The speaker of a quote after "Name:" and nothing else (the headline form
        "Minister: 'We will not resign'"): the head of the noun phrase before the colon."""
        if len(before) < 2 or before[-1].text != ":" or before[-2].pos_ not in ("PROPN", "NOUN"):
            return None
        head = before[-2]
        return head if all(token.i == head.i or head.i in {a.i for a in token.ancestors} for token in before[:-1]) else None

    def _signature(self, stretch: Quoted, after: Sequence[Token]) -> tuple[Token, Token] | None:
        """The dash and the name that sign a quote ("..." — Ana Ruiz, 34, nurse), right after
        it or opening the next paragraph when the quote ends its own."""
        if not after:
            number = self.paragraph_of(stretch.end - 1)
            if number + 1 >= len(self.paragraphs) or self.text[stretch.end : self.paragraphs[number][1]].strip():
                return None
            start, end = self.paragraphs[number + 1]
            after = self.tokens.after(start, end)
            if any(token.pos_ in ("VERB", "AUX") for token in after):  # a sentence, not a signature line
                return None
        if len(after) < 2 or after[0].text not in _DASHES or after[1].pos_ != "PROPN":
            return None
        name = after[1]
        while name.dep_ in ("compound", "flat") and name.head.i > name.i and name.head.pos_ == "PROPN":
            name = name.head
        return after[0], name

    def _is_clause(self, stretch: Quoted) -> bool:
        """Whether quoted words say something (a verb and a few words), not name something."""
        inner = self.tokens.doc.char_span(stretch.inner_start, stretch.inner_end, alignment_mode="expand")
        if inner is None:
            return False
        words = [token for token in inner if not token.is_punct]
        return len(words) >= _CLAUSE_WORDS and any(token.pos_ in ("VERB", "AUX") for token in words)

    def _introducing_cue(self, stretch: Quoted) -> Cue | None:
        """The cue of the paragraph before, when it ends with a colon ("The minister said:")."""
        number = self.paragraph_of(stretch.start)
        if self.text[self.paragraphs[number][0] : stretch.start].strip() or number == 0:
            return None
        start, end = self.paragraphs[number - 1]
        if not self.text[start:end].rstrip().endswith(":"):
            return None
        cues = cues_in(self.tokens.before(end, start))
        return cues[-1] if cues else None
