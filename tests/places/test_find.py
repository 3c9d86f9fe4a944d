"""Finding and resolving the places of sentences of our own, with the real model."""

from __future__ import annotations

import pytest

from eventwire.nlp import load_nlp
from eventwire.places import Place, find_places


def _places(text: str) -> dict[str, Place]:
    return {place.text: place for place in find_places(load_nlp()(text))}


def test_a_city_a_country_and_offsets() -> None:
    text = "The minister flew to Baku after talks in Armenia."
    places = _places(text)
    baku, armenia = places["Baku"], places["Armenia"]
    assert (baku.country, baku.feature, baku.reason) == ("AZE", "city", "only-entry")
    assert baku.geonameid is not None and text[baku.start : baku.end] == "Baku"
    assert (armenia.feature, armenia.country, armenia.reason) == ("country", "ARM", "country-name")
    assert armenia.lat == pytest.approx(40, abs=1) and armenia.lon == pytest.approx(45, abs=1)


def test_demonyms_organisations_and_speaking_capitals_are_not_places() -> None:
    places = _places("Baku said the Azerbaijanis and the World Bank would meet Russian officials in Geneva.")
    assert set(places) == {"Geneva"}


def test_disputed_regions_the_model_tags_as_organisations() -> None:
    places = _places("Azerbaijan retook Karabakh in 2023, and Russia annexed Crimea in 2014.")
    assert (places["Karabakh"].country, places["Karabakh"].feature) == ("AZE", "region")
    assert places["Crimea"].country == "UKR"


def test_a_region_over_a_same_named_city_and_an_area_across_borders() -> None:
    places = _places("Strikes hit Gaza as envoys toured the South Caucasus.")
    assert (places["Gaza"].feature, places["Gaza"].reason) == ("region", "named-region")
    assert (places["South Caucasus"].country, places["South Caucasus"].feature) == (None, "area")


def test_alternate_names_and_abbreviations() -> None:
    places = _places("Officials in Kiev and the US said aid would reach Kharkiv.")
    assert places["Kiev"].name == "Kyiv"
    assert places["US"].country == "USA"


def test_population_then_the_text_decides_between_namesakes() -> None:
    assert _places("Thousands marched in Paris on Sunday.")["Paris"].country == "FRA"
    paris = _places("A storm hit Paris, Texas, on Sunday.")["Paris"]
    assert (paris.country, paris.reason) == ("USA", "qualified")


def test_country_context_picks_the_namesake_in_a_named_country() -> None:
    places = _places("Troops in Lebanon said fighting in Tripoli had stopped.")
    assert (places["Tripoli"].country, places["Tripoli"].reason) == ("LBN", "country-context")


def test_field_is_carried() -> None:
    (place,) = find_places(load_nlp()("Storms in Lagos."), field="title")
    assert place.field == "title" and place.to_dict()["country"] == "NGA"


def test_the_datelines_place_whatever_the_model_tags_it() -> None:
    # the model reads "BAKU" as a common noun and "CAIRO" as an organisation
    for text, name in [
        ("BAKU, Aug 19 (Reuters) - Armenia rejected the proposal.", "Baku"),
        ("CAIRO (Reuters) — Egypt condemned the attack.", "Cairo"),
        ("NAIROBI — Kenya said talks would resume.", "Nairobi"),
    ]:
        first = find_places(load_nlp()(text))[0]
        assert (first.name, first.start) == (name, 0)
    kyiv, ukraine = find_places(load_nlp()("KYIV, Ukraine — Russia fired missiles overnight."))[:2]
    assert (kyiv.text, kyiv.name, kyiv.reason) == ("KYIV", "Kyiv", "qualified") and ukraine.text == "Ukraine"


def test_a_dateline_that_names_no_place_gives_none() -> None:
    assert [place.name for place in find_places(load_nlp()("UNITED NATIONS (AP) — The council met."))] == []
