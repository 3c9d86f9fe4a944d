"""Locating events (``eventwire.places.locate``) in sentences of our own, with the real model."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from eventwire.actors import find_actors
from eventwire.events import Event, code_text, find_events
from eventwire.events.codebook import codes
from eventwire.events.model import Participant
from eventwire.nlp import load_nlp
from eventwire.pipeline import process
from eventwire.places import find_places
from eventwire.places.locate import dateline_place, is_place_act, locate_events, place_acts, place_nouns

PUBLISHED = "2024-08-14"


def _event(text: str, code: str) -> Event:
    """The first event of ``text`` with ``code`` (a meeting gives one per side)."""
    events = [event for event in code_text(text, published=PUBLISHED) if event.code == code]
    assert events, f"no {code} in {text!r}"
    return events[0]


def _where(text: str, code: str) -> set[tuple[str, str] | None]:
    """Where each event of ``text`` with ``code`` happened, and why."""
    events = [event for event in code_text(text, published=PUBLISHED) if event.code == code]
    assert events, f"no {code} in {text!r}"
    return {(event.location.name, event.location.reason) if event.location else None for event in events}


def test_a_visit_to_a_city_is_in_that_city_with_its_words() -> None:
    text = "Egypt's foreign minister paid a visit to Khartoum on Sunday."
    location = _event(text, "042").location
    assert location is not None
    assert (location.name, location.country, location.feature, location.reason) == ("Khartoum", "SDN", "city", "predicate")
    assert location.start is not None and text[location.start : location.end] == location.text == "Khartoum"
    assert location.field == "text" and location.geonameid is not None


def test_the_object_of_an_act_done_at_a_place() -> None:
    assert _where("Turkish President Recep Tayyip Erdogan visited Baku on Tuesday.", "042") == {("Baku", "predicate")}
    assert _where("Rebels shelled the outskirts of Goma on Friday.", "194") == {("Goma", "predicate")}


def test_a_place_on_the_words_the_predicate_hangs_from() -> None:
    assert _where("Greek and Turkish diplomats held talks in Vienna.", "040") == {("Vienna", "predicate")}
    talks = "Kenya's president arrived in Addis Ababa for talks with Ethiopia's prime minister."
    assert _where(talks, "040") == {("Addis Ababa", "predicate")}


def test_the_destination_wins_over_the_departure() -> None:
    assert _where("The Kenyan president flew from Nairobi to Kigali for talks with Rwanda.", "042") == {("Kigali", "predicate")}


def test_a_place_that_is_the_participant_of_an_act_aimed_at_it_is_not_where_it_happened() -> None:
    accusation = _event("Russia accused Armenia of provocations.", "112").location
    assert accusation is not None
    assert (accusation.name, accusation.feature, accusation.reason) == ("Russia", "country", "actor-country")
    assert (accusation.text, accusation.start, accusation.end, accusation.field) == (None, None, None, None)
    # the Union has no country: the country of the action is the target's, not "on Iran" by the predicate
    assert _where("The European Union imposed sanctions on Iran.", "163") == {("Iran", "actor-country")}


def test_a_city_elsewhere_in_the_sentence() -> None:
    text = "The Armenian delegation, meeting in Tbilisi, accused Azerbaijan of violating the ceasefire."
    assert _where(text, "112") == {("Tbilisi", "sentence")}
    # the tensions are in another clause than the accusation: only the sentence ties them
    assert _where("Russia accused Armenia of stoking tensions in Karabakh.", "112") == {("Karabakh", "sentence")}


def test_a_place_inside_a_participants_words_is_part_of_an_actors_name() -> None:
    text = "Russia's ambassador in Ankara criticised the Turkish government."
    doc = load_nlp()(text)
    event = _event(text, "111")
    assert event.location is not None and event.location.name == "Ankara"
    named = "Russia's ambassador in Ankara"
    source = replace(event.source, text=named, start=0, end=len(named))
    (located,) = locate_events(doc, [replace(event, source=source, location=None)], find_places(doc))
    assert located.location is not None and (located.location.name, located.location.reason) == ("Russia", "actor-country")


def test_the_dateline_when_the_sentence_names_no_place() -> None:
    assert _where("NAIROBI — Kenya's foreign ministry condemned the decision on Tuesday.", "111") == {("Nairobi", "dateline")}
    doc = load_nlp()("BAKU, Aug 19 (Reuters) - Armenia rejected the proposal.")
    dateline = dateline_place(doc, find_places(doc))
    assert dateline is not None and (dateline.name, dateline.start) == ("Baku", 0)
    events = find_events(doc, find_actors(doc, published=PUBLISHED), published=PUBLISHED)
    (rejection,) = locate_events(doc, events, find_places(doc), dateline=dateline)
    assert rejection.location is not None and (rejection.location.name, rejection.location.reason) == ("Baku", "dateline")


def test_no_dateline_no_place_and_no_country_leave_no_location() -> None:
    doc = load_nlp()("Japan condemned the launch.")
    event = _event("Japan condemned the launch.", "111")
    assert event.location is not None and (event.location.name, event.location.reason) == ("Japan", "actor-country")
    stateless = replace(event.source, country=None)
    (located,) = locate_events(doc, [replace(event, source=stateless)], [])
    assert located.location is None
    assert dateline_place(doc, find_places(doc)) is None


def test_title_events_use_the_titles_places_then_the_bodys_dateline(tmp_path: Path) -> None:
    records = [
        {"title": "Egypt's foreign minister visits Port Sudan", "published": PUBLISHED,
         "text": "CAIRO (Reuters) — Egypt condemned the attack on a convoy on Sunday."},
        {"title": "Kenya condemns the decision", "published": PUBLISHED,
         "text": "NAIROBI — Kenya's foreign ministry condemned the decision on Tuesday."},
    ]  # fmt: skip
    (tmp_path / "two.jsonl").write_text("".join(json.dumps(record) + "\n" for record in records))
    visit, condemnation = (result.to_dict() for result in process([str(tmp_path / "two.jsonl")]))
    (title_visit,) = [e for e in visit["events"] if e["evidence"]["field"] == "title" and e["code"] == "042"]
    assert (title_visit["location"]["name"], title_visit["location"]["reason"]) == ("Port Sudan", "predicate")
    location = title_visit["location"]
    assert location["field"] == "title" and visit["title"][location["start"] : location["end"]] == "Port Sudan"
    (body,) = [e for e in visit["events"] if e["evidence"]["field"] == "text"]
    assert (body["location"]["name"], body["location"]["reason"]) == ("Cairo", "dateline")
    (title_condemnation,) = [e for e in condemnation["events"] if e["evidence"]["field"] == "title"]
    assert title_condemnation["location"]["reason"] == "dateline"
    assert (title_condemnation["location"]["name"], title_condemnation["location"]["field"]) == ("Nairobi", "text")


def test_the_acts_done_at_a_place_are_codebook_codes() -> None:
    assert place_acts() and all(code in codes() for code in place_acts())
    assert is_place_act("042") and is_place_act("195") and not is_place_act("112") and not is_place_act("043")


def test_the_place_nouns_are_lower_case_words() -> None:
    assert "town" in place_nouns() and all(noun.isalpha() and noun.islower() for noun in place_nouns())


def test_a_place_modifying_the_object_of_a_remote_act_is_not_its_scene() -> None:
    assert _where("Iran condemned the Gaza offensive on Monday.", "111") == {("Iran", "actor-country")}


def test_a_document_without_sentences_falls_back_without_raising() -> None:
    parsed = load_nlp()("Russia accused Armenia of sabotage.")
    events = find_events(parsed, find_actors(parsed))
    bare = load_nlp().make_doc(parsed.text)
    (located,) = locate_events(bare, events, [])
    assert located.location is not None and located.location.reason == "actor-country"


def test_a_possessive_place_noun_stands_where_its_owner_does() -> None:
    assert _where("Russian forces shelled Kharkiv's outskirts overnight.", "194") == {("Kharkiv", "predicate")}


def test_a_verbless_headline_is_located_without_climbing_forever() -> None:
    from eventwire.places.locate import _anchors

    title = load_nlp()("Fresh clashes near Kharkiv")
    root = next(token for token in title if token.dep_ == "ROOT")
    assert root.pos_ != "VERB"
    anchors = _anchors(title[1])
    assert anchors[title[1].i] == 0 and root.i in anchors


def test_the_dateline_does_not_place_an_act_dated_to_another_day() -> None:
    text = (
        "ALMATY, Kazakhstan — The talks opened on Monday.\n\n"
        "Azerbaijan retook the enclave in a September 2023 offensive, officials recalled."
    )
    dated = [event for event in code_text(text, published=PUBLISHED) if event.date == "2023-09"]
    assert dated and all(event.location is None or event.location.reason != "dateline" for event in dated)
