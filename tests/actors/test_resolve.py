"""``resolve_text``: a short actor description coded alone, with its date and context; and the
tables the engine joins agree with each other."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.actors import ActorCode, resolve_text
from eventwire.actors.lexicon import load_lexicon


@pytest.mark.parametrize(
    ("text", "country", "sector", "code"),
    [
        ("the Kenyan navy", "KEN", "MIL", "KENMIL"),
        ("Britain", "GBR", None, "GBR"),
        ("the United Kingdom", "GBR", None, "GBR"),
        ("Canberra", "AUS", "GOV", "AUSGOV"),
        ("Peruvian fishermen", "PER", "AGR", "PERAGR"),
        ("Egypt's interior ministry", "EGY", "GOV", "EGYGOV"),
        ("a retired Nigerian general", "NGA", "ELI", "NGAELI"),
        ("Moroccan police officers", "MAR", "COP", "MARCOP"),
        ("soldiers", None, "MIL", "MIL"),
    ],
)
def test_descriptions(text: str, country: str | None, sector: str | None, code: str) -> None:
    coded = resolve_text(text)
    assert (coded.country, coded.sector, coded.code) == (country, sector, code)


def test_a_description_of_nothing() -> None:
    assert resolve_text("a quiet afternoon") == ActorCode(None, None, None, None)


def test_a_place_in_the_description_gives_the_country() -> None:
    coded = resolve_text("officials in Nairobi")
    assert (coded.country, coded.sector) == ("KEN", "GOV")


def test_the_other_party_gives_no_country() -> None:
    assert resolve_text("Spain's ambassador to Morocco").country == "ESP"
    assert resolve_text("an ambassador to Morocco").country is None


def test_the_context_gives_a_missing_country() -> None:
    assert resolve_text("the defence minister").code == "GOVMIL"
    assert resolve_text("the defence minister", context="Japanese").code == "JPNGOVMIL"
    assert resolve_text("the defence minister", context="Brazil").country == "BRA"


def test_the_context_does_not_make_an_actor() -> None:
    assert resolve_text("a quiet afternoon", context="Japanese") == ActorCode(None, None, None, None)


def test_a_name_on_a_date() -> None:
    assert resolve_text("Boris Johnson", on=date(2020, 6, 1)).code == "GBRGOV"
    assert resolve_text("Boris Johnson", on=date(2024, 6, 1)).code == "GBRELI"


def test_a_name_without_a_date_takes_the_latest_office() -> None:
    coded = resolve_text("Emmanuel Macron")
    assert (coded.country, coded.sector, coded.name) == ("FRA", "GOV", "Emmanuel Macron")


def test_a_title_of_another_sector_outranks_the_table() -> None:
    """JD Vance was a senator before he was Vice President: the title says which he was."""
    assert resolve_text("Senator JD Vance").sector == "LEG"
    assert resolve_text("JD Vance", on=date(2025, 6, 1)).sector == "GOV"


def test_a_de_facto_state_is_its_parent_state_separatists() -> None:
    coded = resolve_text("South Ossetia")
    assert (coded.country, coded.code) == ("GEO", "GEOSEP")


def test_an_international_organisation() -> None:
    coded = resolve_text("the International Monetary Fund")
    assert coded.country is None and coded.code is not None and coded.code.startswith("IGO")


def test_every_office_country_is_in_the_country_table() -> None:
    """The engine codes a person from the people table with the country table's CAMEO code."""
    lexicon = load_lexicon()
    known = {country.iso3 for country in lexicon.countries}
    for person in lexicon.people.people:
        for office in person.offices:
            assert office.organisation is not None or office.country in known, (person.name, office.country)
