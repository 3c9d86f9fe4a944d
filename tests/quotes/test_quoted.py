"""Quotes in quote marks: direct, broken, continued, partial and scare, on sentences of our own."""

from __future__ import annotations

import time

from eventwire.actors import find_actors
from eventwire.nlp import parse
from eventwire.quotes import find_quotes
from tests.quotes.helpers import of_type, quotes_of


def test_a_direct_quote_attributed_after_it() -> None:
    (quote,) = quotes_of('"The harbour will reopen on Monday," Prime Minister Justin Trudeau said.')
    assert quote.type == "direct" and quote.text == "The harbour will reopen on Monday"
    assert quote.cue is not None and quote.cue.text == "said"
    assert quote.speaker is not None and quote.speaker.code == "CANGOV"


def test_a_quote_broken_around_its_attribution_is_one_quote() -> None:
    text = '"We have waited long enough," Justin Trudeau said, "and the answer is no."'
    (quote,) = of_type(quotes_of(text), "direct")
    assert len(quote.parts) == 2 and quote.start == 0 and quote.end == len(text)
    assert quote.speaker is not None and quote.speaker.name == "Justin Trudeau"


def test_a_pronoun_speaker_is_the_person_it_refers_to() -> None:
    text = 'Justin Trudeau visited the port. "The repairs are late," he said.'
    (quote,) = of_type(quotes_of(text), "direct")
    assert quote.speaker is not None
    assert (quote.speaker.text, quote.speaker.name, quote.speaker.resolved_by) == ("he", "Justin Trudeau", "coreference")


def test_a_paragraph_after_a_colon_attribution() -> None:
    text = 'Justin Trudeau told parliament:\n\n"We will not sign this treaty as it stands."'
    (quote,) = of_type(quotes_of(text), "direct")
    assert quote.speaker is not None and quote.speaker.name == "Justin Trudeau"


def test_a_quote_going_on_in_the_next_paragraph_is_one_quote_with_its_speaker() -> None:
    text = '"The fleet is ready," Justin Trudeau said.\n\n"Our sailors have trained for months and they will sail."'
    (quote,) = of_type(quotes_of(text), "direct")
    assert len(quote.parts) == 2 and quote.end == len(text)
    assert quote.text == "The fleet is ready Our sailors have trained for months and they will sail."
    assert quote.speaker is not None and quote.speaker.name == "Justin Trudeau"


def test_a_partial_quote_reports_the_whole_clause() -> None:
    text = 'Justin Trudeau said he would call the mayor to "settle the matter quickly".'
    (quote,) = quotes_of(text)
    assert quote.type == "partial"
    assert quote.text.startswith("he would call the mayor") and "settle the matter quickly" in quote.text
    assert quote.speaker is not None and quote.speaker.name == "Justin Trudeau"


def test_a_term_in_quote_marks_is_scare_with_no_speaker() -> None:
    (quote,) = quotes_of('The army ended its "border security exercise" in March.')
    assert (quote.type, quote.speaker, quote.cue) == ("scare", None, None)


def test_a_title_is_scare() -> None:
    (quote,) = quotes_of('The film "Northern Lights" opened in Oslo.')
    assert quote.type == "scare"


def test_an_unbalanced_mark_keeps_the_rest_of_the_article() -> None:
    text = 'The mayor shouted "stop and walked out.\n\nLater, Justin Trudeau said: "The vote is void."'
    quotes = quotes_of(text)
    direct = of_type(quotes, "direct")
    assert direct and direct[-1].text == "The vote is void."
    assert all(quote.end <= text.index("\n") or quote.start > text.index("\n") for quote in quotes)


def test_quote_marks_after_that_are_a_partial_quote() -> None:
    (quote,) = quotes_of('Justin Trudeau said that "the harbour deal is finished".')
    assert quote.type == "partial" and quote.text == '"the harbour deal is finished"'


def test_a_quote_after_other_words_of_its_paragraph_is_not_the_previous_speakers() -> None:
    text = '"The fleet is ready," Justin Trudeau said.\n\nThe admiral disagreed. "Our ships need another year of repairs."'
    first, second = of_type(quotes_of(text), "direct")
    assert first.speaker is not None and second.speaker is None


def test_a_headline_quote_after_a_name_and_a_colon() -> None:
    body = parse("Canadian Prime Minister Justin Trudeau spoke in Halifax.")
    actors = find_actors(body, published="2024-05-01")
    (quote,) = find_quotes(parse('Trudeau: "The harbour will reopen"'), actors, field="title")
    assert (quote.type, quote.field, quote.cue.text if quote.cue else None) == ("direct", "title", ":")
    assert quote.speaker is not None and (quote.speaker.text, quote.speaker.code) == ("Trudeau", "CANGOV")


def test_marks_around_nothing_are_no_quote() -> None:
    assert quotes_of('He typed "" and then "   " twice.') == []


def test_a_quote_signed_with_a_dash_and_a_name() -> None:
    text = '"The harbour must stay open."\n\n— Justin Trudeau\n\n"We want our jobs back."\n\n— Marie Dubois, 41, welder'
    first, second = of_type(quotes_of(text), "direct")
    assert first.speaker is not None and (first.speaker.text, first.speaker.name) == ("Justin Trudeau", "Justin Trudeau")
    assert first.cue is not None and first.cue.text == "—"
    assert second.speaker is not None and second.speaker.text.startswith("Marie Dubois")


def test_an_attribution_after_a_long_apposition() -> None:
    text = (
        '"The waters are ours," Justin Trudeau, the prime minister of Canada since 2015 and a former '
        "teacher from Montreal, said on Friday."
    )
    (quote,) = of_type(quotes_of(text), "direct")
    assert quote.speaker is not None and quote.speaker.name == "Justin Trudeau"


def test_thousands_of_quote_marks_stay_fast() -> None:
    text = "\n\n".join('"We go," she said, "and stay." He told "them" the "plan" was "good".' for _ in range(300))
    doc = parse(text)
    started = time.perf_counter()
    quotes = find_quotes(doc, [])
    assert len(quotes) >= 1200 and time.perf_counter() - started < 3
