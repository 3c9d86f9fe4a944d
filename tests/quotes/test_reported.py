"""Indirect speech: a cue verb's reported clause, or the clause "according to" is attached to."""

from __future__ import annotations

from tests.quotes.helpers import quotes_of


def test_indirect_speech_with_a_cue_verb() -> None:
    (quote,) = quotes_of("Justin Trudeau said that the border would stay closed until June.")
    assert (quote.type, quote.text) == ("indirect", "the border would stay closed until June")
    assert quote.speaker is not None and quote.speaker.code == "CANGOV"


def test_a_warning_of_something() -> None:
    (quote,) = quotes_of("Justin Trudeau warned of higher tariffs on steel.")
    assert quote.type == "indirect" and quote.text == "higher tariffs on steel"


def test_according_to() -> None:
    (quote,) = quotes_of("According to Justin Trudeau, the ferry service will resume next week.")
    assert quote.type == "indirect" and quote.text == "the ferry service will resume next week"
    assert quote.cue is not None and quote.cue.text == "According to"
    assert quote.speaker is not None and quote.speaker.name == "Justin Trudeau"


def test_a_verb_of_speech_without_a_clause_is_no_quote() -> None:
    assert quotes_of("Justin Trudeau announced a new budget.") == []


def test_a_request_reports_its_object_and_infinitive() -> None:
    (quote,) = quotes_of("Justin Trudeau urged the provinces to cut fuel taxes.")
    assert quote.type == "indirect" and quote.text == "the provinces to cut fuel taxes"


def test_an_infinitive_after_a_verb_not_marked_for_it_is_no_quote() -> None:
    assert quotes_of("Justin Trudeau continued to campaign in Quebec.") == []
