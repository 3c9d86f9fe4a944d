"""The column-wise lemmatizer gives every token the model's own lemma.

``tests/nlp/test_attributes.py`` compares the whole pipeline's lemmas with the stock
pipeline's over hundreds of texts; here, the component itself: in the pipeline, and
exact when its cache is full and starts again.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import spacy
from spacy.attrs import LEMMA
from spacy.language import Language

from eventwire.nlp import MODEL, load_nlp
from eventwire.nlp import lemmas
from eventwire.nlp.lemmas import NAME, CachedLemmas, model_lemmatizer

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "articles"


@pytest.fixture(scope="module")
def stock() -> Language:
    return spacy.load(MODEL)


def test_the_pipeline_uses_the_column_wise_lemmatizer() -> None:
    assert NAME in load_nlp().pipe_names and "lemmatizer" not in load_nlp().pipe_names


def test_a_cache_that_starts_again_gives_the_same_lemmas(stock: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lemmas, "CACHE_ENTRIES", 16)
    component = CachedLemmas(stock.get_pipe("lemmatizer"))
    texts = [path.read_text(errors="replace") for path in sorted(EXAMPLES.glob("*.txt"))]
    with stock.select_pipes(disable=["lemmatizer"]):
        docs = list(stock.pipe(texts))
    reference = list(stock.pipe(texts))
    for doc, expected in zip(docs, reference, strict=True):
        component(doc)
        assert len(component.cache) <= 16
        assert np.array_equal(doc.to_array([LEMMA]), expected.to_array([LEMMA]))
        assert [token.lemma_ for token in doc] == [token.lemma_ for token in expected]


def test_the_model_lemmatizer_is_found_inside_the_component(stock: Language) -> None:
    assert model_lemmatizer(load_nlp()) is load_nlp().get_pipe(NAME).lemmatizer
    assert model_lemmatizer(stock) is stock.get_pipe("lemmatizer")
