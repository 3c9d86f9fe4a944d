"""Towns and regions as the country of an actor: the place-name index and how roles use it."""

from __future__ import annotations

import time

import pytest

from eventwire.actors import find_actors, resolve_text
from eventwire.actors.model import Actor
from eventwire.actors.placenames import PlaceCandidate, _index, place_candidates, place_key, subdivision_name
from eventwire.nlp import parse

INDEX_SECONDS = 5.0
"""Far above the ~0.3 s the index takes: only a regression (a bigger city file) fails it."""


def _groups(text: str) -> dict[str, Actor]:
    return {actor.name: actor for actor in find_actors(parse(text)) if actor.kind == "group"}


def _countries(candidates: tuple[PlaceCandidate, ...]) -> list[str]:
    return [candidate.iso3 for candidate in candidates]


def test_index_is_built_once_and_fast() -> None:
    _index.cache_clear()
    started = time.perf_counter()
    _index()
    assert time.perf_counter() - started < INDEX_SECONDS
    assert _index() is _index()


def test_city_by_its_name_and_its_exonym() -> None:
    assert _countries(place_candidates("Kharkiv")) == ["UKR"]
    assert _countries(place_candidates("Kharkov")) == ["UKR"]
    assert place_candidates("Kharkiv")[0].kind == "city"


def test_subdivision_by_its_cleaned_name_and_with_a_unit_word() -> None:
    assert _countries(place_candidates("Sichuan")) == ["CHN"]
    assert _countries(place_candidates("Sichuan Province")) == ["CHN"]
    assert place_candidates("Sichuan Province")[0].kind == "subdivision"


def test_shared_names_rank_subdivisions_then_population() -> None:
    assert _countries(place_candidates("Birmingham"))[0] == "GBR"
    assert set(_countries(place_candidates("Punjab"))) == {"IND", "PAK"}


def test_unknown_and_lowercase_forms() -> None:
    assert place_candidates("Blorptown") == ()
    assert place_key("Ivano-Frankivsk") == "ivano frankivsk"
    assert place_key("Ḩalab") == "halab"


@pytest.mark.parametrize(
    ("written", "expected"),
    [("Sichuan Sheng", "Sichuan"), ("Dagestan, Respublika", "Dagestan"), ("Wales [Cymru GB-CYM]", "Wales")],
)
def test_subdivision_names_lose_the_romanisation_words(written: str, expected: str) -> None:
    assert subdivision_name(written) == expected


@pytest.mark.parametrize(
    ("text", "group", "code"),
    [
        ("Lagos police detained two traders on Friday.", "Lagos police", "NGACOP"),
        ("Texas officials closed the border crossing.", "Texas officials", "USAGOV"),
        ("Kharkiv residents queued for water.", "Kharkiv residents", "UKRCVL"),
        ("Police in Mombasa dispersed the march.", "Police", "KENCOP"),
        ("The governor of Texas vetoed the bill.", "governor", "USAGOV"),
    ],
)
def test_a_place_beside_a_role_gives_its_country(text: str, group: str, code: str) -> None:
    assert _groups(text)[group].code == code


def test_a_dateline_city_is_no_modifier_of_the_title_after_it() -> None:
    actors = find_actors(parse("Istanbul (Reuters) President Joe Biden said on Monday that talks would go on."))
    assert all(actor.country != "TUR" for actor in actors)


def test_armed_roles_are_not_placed_by_in() -> None:
    assert _groups("Soldiers in Kharkiv repelled the assault.")["Soldiers"].country is None


def test_diplomatic_roles_take_no_place() -> None:
    groups = _groups("Reporters waited outside the Istanbul consulate.")
    assert all(actor.country != "TUR" for actor in groups.values())


def test_ambiguous_region_takes_the_country_the_article_names() -> None:
    assert _groups("The Punjab government imposed a curfew.")["Punjab government"].country is None
    named = _groups("In Pakistan, the Punjab government imposed a curfew.")
    assert named["Punjab government"].country == "PAK"


def test_adjectives_and_parts_of_longer_places_are_no_places() -> None:
    assert _groups("Nice residents voted on Sunday.")["Nice residents"].country is None
    groups = _groups("Residents of North Kivu province fled the fighting.")
    assert all(actor.country != "CMR" for actor in groups.values())


def test_resolve_text_places_and_context() -> None:
    assert resolve_text("a market in Mombasa").country == "KEN"
    assert resolve_text("Punjab government", context="Pakistan").country == "PAK"
    assert resolve_text("the envoy to Lagos").country is None


def test_stance_prefix_does_not_give_a_country() -> None:
    """An "anti-Moscow" journalist is a journalist of no country the phrase names."""
    from eventwire.actors import find_actors
    from eventwire.nlp import load_nlp

    doc = load_nlp()("Gunmen killed an anti-Moscow journalist in Kyiv.")
    journalist = next(actor for actor in find_actors(doc, published="2020-01-01") if "journalist" in actor.name)
    assert journalist.country is None


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Kosovo Serbs blocked roads near Mitrovica.", "XKX"),
        ("Turks of Bulgaria formed a new party.", "BGR"),
        ("Poles in Lithuania elected a new mayor.", "LTU"),
    ],
)
def test_a_people_living_in_another_country_is_coded_by_where_it_lives(text: str, country: str) -> None:
    """CAMEO codes a community by its country of residence, not by its kin state."""
    from eventwire.actors import find_actors
    from eventwire.nlp import load_nlp

    people = find_actors(load_nlp()(text), published="2020-01-01")[0]
    assert (people.country, people.sector) == (country, "CVL")
