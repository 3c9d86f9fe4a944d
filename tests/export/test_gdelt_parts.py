"""The pieces of the GDELT export that translate our codes: FIPS country codes, actor code
parts, geo blocks."""

from __future__ import annotations

import re

from eventwire.actors.countries import load_countries
from eventwire.export.actorcode import actor_parts
from eventwire.export.fips import fips_code, fips_codes
from eventwire.export.gdelt_geo import NO_GEO, country_geo, location_geo


def test_every_country_of_ours_has_a_fips_code() -> None:
    codes = fips_codes()
    assert {country.iso3 for country in load_countries()} == set(codes)
    assert all(re.fullmatch(r"[A-Z]{2}", code) for code in codes.values())


def test_fips_codes_are_unique_but_for_de_facto_states() -> None:
    """A de facto state takes its de jure state's code; no two other countries share one."""
    de_facto = {"XNC", "XSL", "XTR", "XAB", "XSO"}
    states = [code for iso3, code in fips_codes().items() if iso3 not in de_facto]
    assert len(states) == len(set(states))
    assert {fips_codes()[iso3] for iso3 in de_facto} <= set(states)


def test_fips_where_it_differs_from_iso() -> None:
    cases = {"DEU": "GM", "GBR": "UK", "RUS": "RS", "NGA": "NI", "NER": "NG", "UKR": "UP", "JPN": "JA", "CHN": "CH",
             "AUS": "AS", "AUT": "AU", "IRQ": "IZ", "ESP": "SP", "ZAF": "SF", "PHL": "RP", "SSD": "OD", "XKX": "KV"}
    assert {iso3: fips_code(iso3) for iso3 in cases} == cases


def test_palestine_splits_into_gaza_and_the_west_bank() -> None:
    assert fips_code("PSE", 34.45) == "GZ"
    assert fips_code("PSE", 35.2) == "WE"
    assert fips_code("PSE") == "WE"
    assert fips_code(None) is None and fips_code("PYF") is None


def test_actor_parts() -> None:
    romania = actor_parts("ROMGOV", "ROU", "GOV")
    assert (romania.country, romania.known_group, romania.types) == ("ROM", None, ("GOV",))
    assert actor_parts("KENGOVMIL", "KEN", "GOV").types == ("GOV", "MIL")
    assert actor_parts("LBNREBHEZ", "LBN", "REB").known_group == "HEZ"
    african_union = actor_parts("IGOAFRAFU", None, "IGO")
    assert (african_union.country, african_union.known_group, african_union.types) == (None, "AFU", ("IGO",))
    assert actor_parts(None, None, None) == actor_parts(None, None, None)
    assert actor_parts("GEOSEP", "XAB", "SEP").country == "GEO"


def test_geo_blocks() -> None:
    assert location_geo(None, None, None, None, None, None) is NO_GEO
    assert NO_GEO.columns() == ["0", "", "", "", "", "", "", ""]
    paris = location_geo("Paris", 48.85341, 2.3488, "FRA", "city", 2988507)
    assert paris.columns() == ["4", "Paris, France", "FR", "", "", "48.85341", "2.3488", "2988507"]
    texas = location_geo("Texas", 31.0, -99.0, "USA", "region", None)
    assert (texas.type, texas.adm1, texas.feature_id) == (2, "USTX", "TX")
    darfur = location_geo("Darfur", 13.0, 24.0, "SDN", "region", None)
    assert (darfur.type, darfur.country, darfur.adm1) == (5, "SU", None)
    sahel = location_geo("Sahel", 15.0, 5.0, None, "area", None)
    assert (sahel.type, sahel.full_name, sahel.country) == (0, "Sahel", None)
    germany = country_geo("DEU")
    assert (germany.type, germany.full_name, germany.country, germany.adm1, germany.feature_id) == (1, "Germany", "GM", "GM", "GM")
    assert country_geo(None) is NO_GEO
