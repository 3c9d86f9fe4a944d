"""Speakers: the attribution's words, and the actor they refer to (through the actor stage)."""

from __future__ import annotations

from tests.quotes.helpers import of_type, quotes_of


def test_a_role_description_is_the_person_named_before() -> None:
    text = 'Justin Trudeau arrived in Ottawa. "We will talk again," the Canadian prime minister said.'
    (quote,) = of_type(quotes_of(text), "direct")
    assert quote.speaker is not None and quote.speaker.text == "the Canadian prime minister"
    assert (quote.speaker.name, quote.speaker.resolved_by) == ("Justin Trudeau", "coreference")


def test_an_apposition_names_the_speaker() -> None:
    text = 'The spokeswoman, Justin Trudeau, said: "No decision has been taken yet."'
    (quote,) = of_type(quotes_of(text), "direct")
    assert quote.speaker is not None and quote.speaker.name == "Justin Trudeau"


def test_a_speaker_no_actor_codes_keeps_its_words() -> None:
    (quote,) = of_type(quotes_of('"The bridge is safe," a neighbour said.'), "direct")
    assert quote.speaker is not None and quote.speaker.text == "a neighbour" and quote.speaker.code is None


def test_an_actor_with_a_blank_name_does_not_break_the_finder() -> None:
    from eventwire.actors.model import Actor
    from eventwire.nlp import parse
    from eventwire.quotes import find_quotes

    blank = Actor(name=" ", code=None, country=None, sector=None, kind="person", resolved_by="unresolved")
    (quote,) = find_quotes(parse('"Enough," a neighbour said.'), [blank])
    assert quote.type == "direct"


def test_a_participle_cue_takes_the_subject_of_the_clause_above() -> None:
    for text in (
        "Justin Trudeau responded by saying that taxes were too high.",
        "Justin Trudeau issued a statement saying that the treaty was obsolete.",
        "Justin Trudeau was quoted as saying that the treaty was obsolete.",
    ):
        (quote,) = quotes_of(text)
        assert quote.speaker is not None and quote.speaker.name == "Justin Trudeau", text


def test_the_speakers_words_take_in_its_prepositional_phrase() -> None:
    (quote,) = of_type(quotes_of('"The vote is void," a spokesman for the electoral commission said.'), "direct")
    assert quote.speaker is not None and quote.speaker.text == "a spokesman for the electoral commission"
