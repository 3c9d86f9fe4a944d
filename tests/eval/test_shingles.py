"""The shingle metric on cases small enough to count by hand."""

from __future__ import annotations

import pytest

from eventwire.eval.shingles import PageCounts, aggregate, match, shingles, tokenize


def test_tokens_are_word_runs_with_case_kept() -> None:
    assert tokenize("U.S. troops—in Kabul, 2021!") == ["U", "S", "troops", "in", "Kabul", "2021"]


def test_shingles_are_a_multiset_of_four_token_runs() -> None:
    found = shingles("a b c d a b c d")
    assert found[("a", "b", "c", "d")] == 2
    assert sum(found.values()) == 5


def test_short_text_is_one_short_shingle_and_empty_text_none() -> None:
    assert shingles("two words") == {("two", "words"): 1}
    assert not shingles("  ... ")


def test_identical_texts_score_one() -> None:
    counts = match("one two three four five", "one two three four five")
    assert (counts.tp, counts.fp, counts.fn) == (1.0, 0.0, 0.0)
    assert counts.precision == counts.recall == 1.0


def test_extra_and_missing_text_are_counted_and_normalised() -> None:
    # gold shingles: (a b c d), (b c d e); predicted: (a b c d), (b c d x)
    counts = match("a b c d e", "a b c d x")
    assert counts.tp == pytest.approx(1 / 3)
    assert counts.fp == pytest.approx(1 / 3)
    assert counts.fn == pytest.approx(1 / 3)
    assert counts.precision == pytest.approx(0.5)
    assert counts.recall == pytest.approx(0.5)


def test_case_matters() -> None:
    assert match("Alpha beta gamma delta", "alpha beta gamma delta").tp == 0.0


def test_set_scores_are_macro_averages_and_f1_of_the_means() -> None:
    pages = [PageCounts(1.0, 0.0, 0.0), PageCounts(0.5, 0.5, 0.0)]  # precision 1 and 0.5, recall 1 and 1
    scores = aggregate(pages)
    assert scores.precision == pytest.approx(0.75)
    assert scores.recall == pytest.approx(1.0)
    assert scores.f1 == pytest.approx(2 * 0.75 / 1.75)


def test_an_empty_prediction_costs_recall_only() -> None:
    scores = aggregate([match("a b c d e", "a b c d e"), match("f g h i j", "")])
    assert scores.precision == pytest.approx(1.0)
    assert scores.recall == pytest.approx(0.5)


def test_a_page_with_empty_gold_costs_precision_only() -> None:
    scores = aggregate([match("a b c d e", "a b c d e"), match("", "f g h i j")])
    assert scores.precision == pytest.approx(0.5)
    assert scores.recall == pytest.approx(1.0)
