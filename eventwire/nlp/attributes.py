"""The model's attribute rules (tag -> part of speech and morphology, and its exceptions),
applied as comparisons of token columns instead of through spaCy's ``Matcher``.

Why: the English model's ``attribute_ruler`` holds about 180 one- or two-token patterns
(one per fine-grained tag, and exceptions keyed on a word and its tag). spaCy's ``Matcher``
tries every pattern at every token, which costs a tenth of the whole parse, as much as the
tagger, parser head and lemmatizer together. Every one of these patterns is a conjunction
of equality or set tests on a token's columns, so the same matches come out of a few array
comparisons per pattern, and a pattern whose required word or tag is absent from the
document is skipped outright.

The result is the ruler's own: the matches are put in the order the ruler sorts them in and
handed to its own ``set_annotations``, so that every token gets exactly the attributes the
stock component gives it (``tests/nlp/test_attributes.py`` compares every token attribute
of both over hundreds of articles). A model whose ruler uses anything else (operators,
extension attributes, tests on ``POS`` or ``MORPH``) keeps the stock component: ``compile_rules``
raises ``UnsupportedRule`` and ``load_nlp`` leaves the pipeline as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from spacy.attrs import IDS
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

NAME = "eventwire_attribute_rules"
STRING_ATTRIBUTES = frozenset({"ORTH", "LOWER", "NORM", "TAG", "DEP", "LEMMA"})
"""Attributes ``Doc.to_array`` gives as the hash of their string, as the Matcher compares them
(``POS`` and ``MORPH`` are compared differently, so patterns on them keep the stock ruler)."""


class UnsupportedRule(ValueError):
    """A ruler pattern that the column comparisons cannot evaluate exactly."""


ColumnTest = Callable[[np.ndarray], np.ndarray]


@dataclass(frozen=True)
class TokenTest:
    """The tests one token of a pattern must pass: column index and comparison."""

    columns: tuple[int, ...]
    tests: tuple[ColumnTest, ...]
    required: tuple[tuple[int, int], ...]
    """(column, value) pairs the token must equal: a document lacking one cannot match."""


@dataclass(frozen=True)
class Rule:
    """One pattern of the ruler: the index of its attributes, its match key, its tokens."""

    attr_id: int
    key: int
    tokens: tuple[TokenTest, ...]


def _equals(value: int) -> ColumnTest:
    return lambda column: column == value


def _in(values: list[int]) -> ColumnTest:
    array = np.array(values, dtype=np.uint64)
    return lambda column: np.isin(column, array)


def _not_in(values: list[int]) -> ColumnTest:
    array = np.array(values, dtype=np.uint64)
    return lambda column: ~np.isin(column, array)


def _regex(nlp: Language, expression: str) -> ColumnTest:
    """The Matcher's ``REGEX`` test (``re.search`` on the attribute's string), run once per
    distinct value of the column."""
    compiled = re.compile(expression)
    strings = nlp.vocab.strings

    def test(column: np.ndarray) -> np.ndarray:
        values, inverse = np.unique(column, return_inverse=True)
        found = np.fromiter((compiled.search(strings[int(value)]) is not None for value in values), dtype=bool, count=len(values))
        return found[inverse]

    return test


def _value(nlp: Language, value: object) -> int:
    """A pattern value as the integer ``Doc.to_array`` gives: booleans as 0/1, strings hashed."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, str):
        return nlp.vocab.strings.add(value)
    if isinstance(value, int):
        return value
    raise UnsupportedRule(f"pattern value {value!r}")


def compile_rules(nlp: Language, ruler: AttributeRuler) -> tuple[list[int], list[Rule]]:
    """The attribute ids to read from each Doc and the ruler's patterns as ``Rule`` s.

    Raises ``UnsupportedRule`` for any pattern that is not a plain conjunction of
    equality, ``IN`` and ``NOT_IN`` tests and regular expressions on token attributes.
    """
    columns: dict[int, int] = {}
    rules = []
    for attr_id in range(len(ruler.attrs)):
        key = nlp.vocab.strings[str(attr_id)]
        _, patterns = ruler.matcher.get(key)
        for pattern in patterns:
            tokens = []
            for spec in pattern:
                token_columns, tests, required = [], [], []
                for key_name, condition in spec.items():
                    name = key_name.upper()
                    flag = name.startswith(("IS_", "LIKE_")) and isinstance(condition, bool)
                    if name not in IDS or not (flag or name in STRING_ATTRIBUTES):
                        raise UnsupportedRule(f"pattern key {key_name!r}")
                    column = columns.setdefault(IDS[name], len(columns))
                    if not isinstance(condition, dict):
                        value = _value(nlp, condition)
                        tests.append(_equals(value))
                        required.append((column, value))
                    elif set(condition) == {"IN"}:
                        tests.append(_in([_value(nlp, item) for item in condition["IN"]]))
                    elif set(condition) == {"REGEX"} and not flag:
                        tests.append(_regex(nlp, condition["REGEX"]))
                    elif set(condition) == {"NOT_IN"}:
                        tests.append(_not_in([_value(nlp, item) for item in condition["NOT_IN"]]))
                    else:
                        raise UnsupportedRule(f"pattern condition {condition!r}")
                    token_columns.append(column)
                tokens.append(TokenTest(tuple(token_columns), tuple(tests), tuple(required)))
            rules.append(Rule(attr_id, key, tuple(tokens)))
    return list(columns), rules


class AttributeRules:
    """A pipeline component giving each token the attributes ``ruler`` would give it."""

    def __init__(self, ruler: AttributeRuler, attributes: list[int], rules: list[Rule]) -> None:
        self.ruler = ruler
        self.attributes = attributes
        self.rules = rules

    def matches(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """(attribute index, key, start, end) of every match, in the ruler's order."""
        table = doc.to_array(self.attributes).reshape(len(doc), len(self.attributes))
        present = [set(table[:, column].tolist()) for column in range(len(self.attributes))]
        found = set()
        for rule in self.rules:
            width = len(rule.tokens)
            starts = len(doc) - width + 1
            if starts <= 0 or any(value not in present[column] for token in rule.tokens for column, value in token.required):
                continue
            hits = np.ones(starts, dtype=bool)
            for offset, token in enumerate(rule.tokens):
                for column, test in zip(token.columns, token.tests):
                    hits &= test(table[offset : offset + starts, column])
            found.update((rule.attr_id, rule.key, int(start), int(start) + width) for start in np.flatnonzero(hits))
        return sorted(found)

    def __call__(self, doc: Doc) -> Doc:
        if len(doc):
            self.ruler.set_annotations(doc, self.matches(doc))
        return doc


@Language.factory(NAME)
def make_attribute_rules(nlp: Language, name: str) -> AttributeRules:
    """The pipeline's ``attribute_ruler`` compiled (``UnsupportedRule`` if it cannot be)."""
    ruler = nlp.get_pipe("attribute_ruler")
    attributes, rules = compile_rules(nlp, ruler)
    return AttributeRules(ruler, attributes, rules)


def use_attribute_rules(nlp: Language) -> bool:
    """Replace ``nlp``'s ``attribute_ruler`` by its compiled form; False (and ``nlp``
    unchanged) when the model has none or its patterns cannot be compiled exactly."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    try:
        nlp.add_pipe(NAME, before="attribute_ruler")
    except UnsupportedRule:
        return False
    nlp.remove_pipe("attribute_ruler")
    return True
