"""The model's rule lemmatizer, run over a Doc's columns instead of token by token.

Why: spaCy's ``Lemmatizer`` visits every token as a ``Token`` object, builds its
morphology object to make a cache key, and sets the lemma through the token: a tenth of a
millisecond per ten tokens, as much as the parser's own Python work. Its answer depends on
the word, its part of speech and its morphology only (the key of its own cache, which holds
only the words it had to look up, not the base forms it returns early), and those three are
columns of ``Doc.to_array``; so this component reads the columns once, answers every key it
has met from its own cache, asks the lemmatizer itself only for new keys, and writes the
lemma column back in one call. The cache holds at most ``CACHE_ENTRIES`` keys and starts
again when full, so that a long run does not grow.

The lemmas are the lemmatizer's own: ``tests/nlp/test_attributes.py`` compares every token's
lemma with the stock pipeline's over hundreds of articles. A lemmatizer in another mode
than ``rule`` (a lookup table has no cache) keeps the stock component.
"""

from __future__ import annotations

import numpy as np
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

NAME = "eventwire_lemmas"
COLUMNS = [ORTH, POS, MORPH, LEMMA]
CACHE_ENTRIES = 65_536
"""About 20,000 articles' worth of distinct (word, part of speech, morphology) keys."""


class CachedLemmas:
    """A pipeline component giving each token the lemma ``lemmatizer`` would give it."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.cache: dict[tuple[int, int, int], str] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        lemmatizer = self.lemmatizer
        cache, strings, overwrite = self.cache, doc.vocab.strings, lemmatizer.overwrite
        table = doc.to_array(COLUMNS).reshape(len(doc), len(COLUMNS))
        lemmas = table[:, 3].copy()
        added: dict[str, int] = {}  # each lemma string added to the store once per Doc (a memory zone drops it after)
        for index, (orth, pos, morph, lemma) in enumerate(table.tolist()):
            if lemma and not overwrite:
                continue
            form = cache.get((orth, pos, morph))
            if form is None:
                if len(cache) >= CACHE_ENTRIES:
                    cache.clear()
                form = cache[orth, pos, morph] = lemmatizer.lemmatize(doc[index])[0]
            key = added.get(form)
            if key is None:
                key = added[form] = strings.add(form)
            lemmas[index] = key
        doc.from_array([LEMMA], lemmas.astype(np.uint64))
        return doc


@Language.factory(NAME)
def make_cached_lemmas(nlp: Language, name: str) -> CachedLemmas:
    """The pipeline's ``lemmatizer`` applied column-wise."""
    return CachedLemmas(nlp.get_pipe("lemmatizer"))


def use_cached_lemmas(nlp: Language) -> bool:
    """Replace ``nlp``'s rule lemmatizer by ``CachedLemmas``; False (and ``nlp`` unchanged)
    when the model has no lemmatizer or one in another mode."""
    if "lemmatizer" not in nlp.pipe_names:
        return False
    lemmatizer = nlp.get_pipe("lemmatizer")
    if not isinstance(lemmatizer, Lemmatizer) or lemmatizer.mode != "rule":
        return False
    nlp.add_pipe(NAME, before="lemmatizer")
    nlp.remove_pipe("lemmatizer")
    return True


def model_lemmatizer(nlp: Language) -> Lemmatizer:
    """The model's lemmatizer (its tables list English words), in the pipeline or inside
    ``CachedLemmas``."""
    if NAME in nlp.pipe_names:
        return nlp.get_pipe(NAME).lemmatizer
    return nlp.get_pipe("lemmatizer")
