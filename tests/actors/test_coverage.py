"""Coverage by class: bodies any state has, organisations by kind, and sector nouns by kind.

Each test speaks for a class of actors with phrases of our own, so that a gap found in one
member of the class is closed for the class (the mechanism or the table rows), not for one
phrase.
"""

from __future__ import annotations

from eventwire.actors import find_actors, resolve_text
from eventwire.actors.agents import load_agents, normal_words
from eventwire.actors.model import Actor
from eventwire.actors.organisations import read_organisations
from eventwire.nlp import parse


def _actors(text: str) -> list[Actor]:
    return find_actors(parse(text))


def _codes(text: str) -> set[str | None]:
    return {actor.code for actor in _actors(text)}


# --- Bodies any state has ("Foreign Office"): the article's country reads them ---


def test_local_rows_are_generic_sector_nouns() -> None:
    agents = load_agents()
    local = [row for row in read_organisations() if row.local]
    assert local, "the table flags at least the Foreign Office as local"
    for row in local:
        agent = agents.lookup(row.name)
        assert agent is not None and normal_words(agent.phrase) == normal_words(row.name), row.name


def test_foreign_office_in_a_pakistani_story_is_pakistan_s() -> None:
    text = (
        "Pakistan accused Kabul of sheltering militants. The Foreign Office said Islamabad would "
        "respond to any cross-border attack."
    )
    assert "PAKGOV" in _codes(text)
    assert "GBRGOV" not in _codes(text)


def test_foreign_office_possessed_by_a_country_is_that_country_s() -> None:
    assert _codes("Sri Lanka's Foreign Office rejected the report.") >= {"LKAGOV"}


def test_foreign_office_keeps_its_uk_reading_in_british_news() -> None:
    assert "GBRGOV" in _codes("The Foreign Office told British citizens to leave Sudan.")
    assert "GBRGOV" in _codes("The Foreign Office issued new travel advice.")


def test_the_uk_body_s_own_names_are_never_local() -> None:
    text = "Pakistan protested. The FCDO said it had summoned no one."
    assert "GBRGOV" in _codes(text)
    assert resolve_text("FCDO").country == "GBR"
