"""Our gazetteer table (eventwire/data/places/areas.tsv): it parses, and its rows hold together."""

from __future__ import annotations

from eventwire.actors.countries import load_countries
from eventwire.places.areas import Area, area_problems, load_areas


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
    bad = (
        Area("Nowhere", (), "region", "ZZZ", 91.0, 0.0),
        Area("Nowhere", (), "area", None, 0.0, 0.0),
        Area("Nowhere", (), "area", None, 1.0, 1.0),
    )
    problems = area_problems(bad, {"AZE"})
    assert len(problems) == 3
    assert any("filed under both" in problem for problem in problems)


def test_one_name_in_two_countries_is_two_places() -> None:
    georgia = (Area("Georgia", (), "country", "GEO", 42.0, 43.5), Area("Georgia", (), "region", "USA", 32.7, -83.4))
    assert area_problems(georgia, {"GEO", "USA"}) == []


BORDER_POINTS = {
    "HRV": "BIH",  # Croatia's centre lies in its narrow waist, nearer Bihać than any Croatian city
    "TJK": "KGZ",  # the Fergana valley's Kyrgyz towns are nearer Tajikistan's centre than Dushanbe
    "TKM": "UZB",  # the Karakum's centre is nearer the Uzbek towns on the Amu Darya
    "ESH": "MRT",  # Western Sahara has few towns; Mauritanian ones border its centre
}
"""Countries whose centre is nearer a neighbour's city than any of their own, checked by hand."""
FILED_UNDER_PARENT = frozenset({"XNC", "XSL", "XTR", "XAB", "XSO"})
"""Breakaway states whose towns GeoNames files under the state they broke from."""


def test_each_country_point_lies_among_its_own_cities() -> None:
    """A centroid typed with a wrong sign or a swapped digit lands in a neighbour or the sea."""
    from eventwire.actors.placenames import geonames
    from eventwire.places.distance import haversine_km

    cities, countries = geonames()
    points = [(float(city["latitude"]), float(city["longitude"]), countries[city["countrycode"]]["iso3"])
              for city in cities.values() if city["countrycode"] in countries]  # fmt: skip
    for area in load_areas():
        if area.feature != "country" or area.country in FILED_UNDER_PARENT:
            continue
        nearest = min(points, key=lambda point: haversine_km(area.lat, area.lon, point[0], point[1]))[2]
        assert nearest == BORDER_POINTS.get(area.country, area.country), area.name


def test_each_first_level_code_names_towns_of_its_country() -> None:
    """A mistyped code would tie a state to no town (or to another state's towns)."""
    import sqlite3
    from contextlib import closing

    import pycountry

    from eventwire.places.cityindex import open_index

    coded = [area for area in load_areas() if area.admin1 is not None]
    assert len(coded) >= 70
    with closing(sqlite3.connect(open_index().path)) as index:
        for area in coded:
            alpha2 = pycountry.countries.get(alpha_3=area.country).alpha_2
            (near,) = index.execute(
                "select count(*) from city where countrycode = ? and admin1 = ? and abs(lat - ?) < 12 and abs(lon - ?) < 25",
                (alpha2, area.admin1, area.lat, area.lon),
            ).fetchone()
            assert near > 0, area.name
