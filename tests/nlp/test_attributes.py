"""The compiled attribute rules give every token exactly what the model's own ruler gives."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, SENT_START, TAG
from spacy.language import Language

from eventwire.bench.corpus import generate
from eventwire.nlp import MODEL, load_nlp
from eventwire.nlp.attributes import NAME, UnsupportedRule, compile_rules, use_attribute_rules

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "articles"
COLUMNS = [POS, TAG, MORPH, LEMMA, DEP, HEAD, SENT_START]
# what the ruler's exceptions are for: negations, auxiliaries, "there is", pronoun objects,
# determiners used as pronouns, contractions matched by regular expression, space tokens
EXCEPTIONS = [
    "There's no way they ain't coming, and y'all know it: I don't think nothin' will stop them.",
    "Those who voted said that it was theirs, and we'd have done it if we had known.",
    "  The minister,\n\n   who had been told   of it, gave it to me and you .\n",
]


@pytest.fixture(scope="module")
def stock() -> Language:
    nlp = spacy.load(MODEL)
    nlp.add_pipe("paragraph_breaks", before="parser")
    return nlp


def _texts() -> list[str]:
    articles = list(generate(80, seed=3))
    texts = ["\n\n".join(article.paragraphs) for article in articles] + [article.title for article in articles]
    texts += [path.read_text(errors="replace") for path in sorted(EXAMPLES.iterdir()) if path.suffix == ".txt"]
    return texts + EXCEPTIONS + ["", "\n"]


def test_the_pipeline_uses_the_compiled_rules() -> None:
    assert NAME in load_nlp().pipe_names and "attribute_ruler" not in load_nlp().pipe_names


def test_every_token_gets_the_stock_rulers_attributes(stock: Language) -> None:
    texts = _texts()
    ours = list(load_nlp().pipe(texts))
    theirs = list(stock.pipe(texts))
    assert sum(len(doc) for doc in ours) > 30_000
    for text, mine, reference in zip(texts, ours, theirs):
        assert np.array_equal(mine.to_array(COLUMNS), reference.to_array(COLUMNS)), text[:80]
        assert [str(token.morph) for token in mine] == [str(token.morph) for token in reference], text[:80]


def test_the_exceptions_are_exercised(stock: Language) -> None:
    """The sentences above make the ruler's exception patterns match, so that the comparison
    covers more than the one-tag-one-part-of-speech rules."""
    ruler = stock.get_pipe("attribute_ruler")
    matched = {attr_id for doc in stock.pipe(EXCEPTIONS) for attr_id, *_ in ruler.match(doc)}
    one_tag_rules = {
        attr_id
        for attr_id in range(len(ruler.attrs))
        if all(list(token) == ["TAG"] for pattern in ruler.matcher.get(str(attr_id))[1] for token in pattern)
    }
    assert len(matched - one_tag_rules) >= 8


def test_a_ruler_with_operators_is_left_as_it_is() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "very", "OP": "+"}]], {"LEMMA": "very"})
    with pytest.raises(UnsupportedRule):
        compile_rules(nlp, ruler)
    assert not use_attribute_rules(nlp)
    assert nlp.pipe_names == ["attribute_ruler"]


def test_a_blank_ruler_is_compiled_and_applied() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "'"}, {"LOWER": "all"}]], {"LEMMA": "you"}, index=1)
    ruler.add([[{"LOWER": {"REGEX": "^yall$"}}]], {"LEMMA": "you"})
    ruler.add([[{"IS_PUNCT": True, "LOWER": {"NOT_IN": ["!"]}}]], {"LEMMA": "PUNCT"})
    assert use_attribute_rules(nlp)
    doc = nlp("Yall and y' all !.")  # Yall | and | y | ' | all | ! | .
    assert [token.lemma_ for token in doc] == ["you", "", "", "PUNCT", "you", "", "PUNCT"]
