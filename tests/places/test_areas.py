"""Our gazetteer table (eventwire/data/places/areas.tsv): it parses, and its rows hold together."""

from __future__ import annotations

from eventwire.actors.countries import load_countries
from eventwire.places.areas import area_problems, load_areas


def test_table_has_no_problems() -> None:
    known = {country.iso3 for country in load_countries()}
    assert area_problems(load_areas(), known) == []


def test_centroids_cover_the_countries_news_names_most() -> None:
    centroids = {area.country for area in load_areas() if area.feature == "country"}
    assert len(centroids) >= 60
    assert {"USA", "RUS", "UKR", "CHN", "ISR", "PSE", "AZE", "ARM", "IRN", "SDN"} <= centroids


def test_disputed_regions_sit_in_their_state() -> None:
    by_name = {name: area for area in load_areas() for name in area.names}
    assert by_name["Nagorno-Karabakh"].country == "AZE"
    assert by_name["Crimea"].country == "UKR"
    assert by_name["Kashmir"].country is None
    assert by_name["Essequibo"].feature == "region"


def test_a_bad_row_is_reported() -> None:
    from eventwire.places.areas import Area

    bad = (Area("Nowhere", (), "region", "ZZZ", 91.0, 0.0), Area("Nowhere", (), "area", None, 0.0, 0.0))
    problems = area_problems(bad, {"AZE"})
    assert len(problems) == 3
