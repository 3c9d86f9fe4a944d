"""Finding and resolving the places of sentences of our own, with the real model."""

from __future__ import annotations

import pytest

from eventwire.nlp import load_nlp
from eventwire.places import Place, find_places, gazetteer


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


def test_a_state_abbreviation_qualifies_a_town_and_names_its_state() -> None:
    places = _places("The council of Athens, Ga., met on Monday, and a fire closed a school in Tenn.")
    athens = places["Athens"]
    assert (athens.country, athens.reason) == ("USA", "qualified")
    assert athens.lat == pytest.approx(33.96, abs=0.2) and athens.lon == pytest.approx(-83.38, abs=0.2)
    assert (places["Tenn."].name, places["Tenn."].feature) == ("Tennessee", "region")


def test_a_named_state_places_its_towns() -> None:
    places = _places("Flooding in Tennessee closed roads near Paris and Dresden on Tuesday.")
    paris = places["Paris"]
    assert (paris.country, paris.reason) == ("USA", "division-context")
    assert paris.lat == pytest.approx(36.3, abs=0.3) and paris.lon == pytest.approx(-88.3, abs=0.3)


def test_a_town_near_a_place_with_one_reading_is_its_neighbour() -> None:
    from eventwire.places.find import Context, _choose
    from eventwire.places.gazetteer import Candidate, Entry

    anchor = Entry("Rome", 34.26, -85.16, "USA", "city", 1, 36_000, "GA")
    big = Entry("Cleveland", 41.50, -81.69, "USA", "city", 2, 365_000, "OH")
    near = Entry("Cleveland", 35.16, -84.88, "USA", "city", 3, 44_000, "TN")
    context = Context(signals={"USA": frozenset({"rome"})}, divisions=frozenset(), anchors=(anchor,))
    pool = [Candidate(big, True), Candidate(near, True)]
    assert _choose(pool, context, frozenset({"USA"})) == (near, "nearby-places")
    far = _places("The bus from Chattanooga broke down outside Rome.")["Rome"]  # Rome, Georgia is near
    assert (far.country, far.reason) == ("ITA", "population")  # but Rome, Italy is 60 times its size


def test_georgia_is_the_state_in_american_local_news_and_the_country_otherwise() -> None:
    local = _places("Farmers from Macon, Georgia, met growers from Alabama and Florida in Georgia's capital.")
    assert (local["Georgia"].country, local["Georgia"].feature) == ("USA", "region")
    abroad = _places("Georgia and Armenia signed a transit deal in Tbilisi.")
    assert (abroad["Georgia"].country, abroad["Georgia"].reason) == ("GEO", "country-name")


def test_a_nation_of_the_united_kingdom_is_a_region_of_it() -> None:
    scotland = _places("Storms closed schools across Scotland.")["Scotland"]
    assert (scotland.country, scotland.feature, scotland.reason) == ("GBR", "region", "named-region")


def test_continents_are_at_the_points_geonames_gives_them() -> None:
    europe = _places("Prices rose across Europe.")["Europe"]
    assert (europe.feature, europe.country) == ("area", None)
    assert europe.geonameid is not None


def test_a_much_larger_city_by_another_name_beats_a_town_of_that_name() -> None:
    petersburg = _places("The ferry left St. Petersburg for Helsinki.")["St. Petersburg"]
    assert (petersburg.country, petersburg.reason) == ("RUS", "population")


def test_initials_are_not_a_state_abbreviation() -> None:
    places = _places("She moved from L.A. to a farm near Shreveport, La., last year.")
    assert "L.A." not in places
    assert (places["La."].name, places["Shreveport"].reason) == ("Louisiana", "qualified")


def test_compass_words_lower_case_words_and_stray_villages_are_not_places() -> None:
    assert _places("Relations between the West and Moscow soured.").keys() == {"Moscow"}
    village = gazetteer.lookup("Titan")
    assert village and all(candidate.entry.population < 15_000 for candidate in village)
    assert "Titan" not in _places("The Titan rocket was launched from a pad in Florida.")


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


def test_a_qualifier_is_read_up_to_the_words_that_name_a_division() -> None:
    paris = _places("Crews reached Paris, Texas Governor Greg Abbott said.")["Paris"]
    assert (paris.country, paris.reason) == ("USA", "qualified")


def test_georgia_is_the_state_when_its_own_towns_are_the_article() -> None:
    places = _places("The mayor of Athens, Ga., said Georgia would pay for the bridge.")
    assert (places["Georgia"].country, places["Georgia"].reason) == ("USA", "division-context")
