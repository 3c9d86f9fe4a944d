"""The people table by class of office: every UN member's heads, former leaders, sub-national
executives, deputies and spokespeople, and the rules those classes bring (regional tier,
roles several people hold at once)."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from eventwire.actors.countries import load_countries
from eventwire.actors.people import (
    KNOWLEDGE_END,
    REGIONAL,
    Office,
    PeopleTable,
    integrity_problems,
    load_people,
    read_offices,
)

HEADS = ("state", "government")
WITHOUT_A_LISTED_HEAD = {"SMR"}  # two Captains Regent, changed every six months (see the table's header)


@pytest.fixture(scope="module")
def table() -> PeopleTable:
    return load_people()


@pytest.fixture(scope="module")
def offices() -> list[Office]:
    return read_offices()


def _office(table: PeopleTable, name: str, on: date | None = None) -> Office:
    office = table.lookup(name, on=on)
    assert office is not None, name
    return office


def _term(name: str, role: str, start: date, end: date | None, **fields: object) -> Office:
    defaults: dict[str, object] = {"aliases": (), "country": "FRA", "sector": "GOV", "secondary": None}
    defaults.update(fields)
    return Office(name=name, role=role, start=start, end=end, **defaults)  # type: ignore[arg-type]


def _heads_on(offices: list[Office], day: date) -> set[str]:
    return {office.country for office in offices if office.tier in HEADS and office.held_on(day)}


def test_every_un_member_state_has_a_head_in_office_at_the_knowledge_end(offices: list[Office]) -> None:
    members = {country.iso3 for country in load_countries() if country.status == "member"}
    assert len(members) == 193
    assert members - _heads_on(offices, KNOWLEDGE_END) == WITHOUT_A_LISTED_HEAD


def test_every_un_member_state_has_a_head_in_office_in_2016(offices: list[Office]) -> None:
    members = {country.iso3 for country in load_countries() if country.status == "member"}
    assert members - _heads_on(offices, date(2016, 6, 1)) == WITHOUT_A_LISTED_HEAD


@pytest.mark.parametrize(
    ("name", "day", "role", "country"),
    [
        ("Serdar Berdimuhamedow", date(2023, 1, 1), "President", "TKM"),
        ("Gurbanguly Berdimuhamedow", date(2020, 1, 1), "President", "TKM"),
        ("Mohamed Muizzu", date(2024, 1, 1), "President", "MDV"),
        ("Mswati III", date(2019, 1, 1), "King", "SWZ"),
        ("Xanana Gusmão", date(2024, 1, 1), "Prime Minister", "TLS"),
        ("Adylbek Kasymaliev", date(2025, 2, 1), "Chairman of the Cabinet of Ministers", "KGZ"),
        ("Ellen Johnson Sirleaf", date(2016, 1, 1), "President", "LBR"),
        ("José Mujica", date(2012, 1, 1), "President", "URY"),
    ],
)
def test_heads_of_the_smaller_states_are_known(table: PeopleTable, name: str, day: date, role: str, country: str) -> None:
    office = _office(table, name, day)
    assert (office.role, office.country, office.sector) == (role, country, "GOV")
    assert office.held_on(day)


@pytest.mark.parametrize(
    ("name", "in_office", "after", "country"),
    [
        ("José Luis Rodríguez Zapatero", date(2008, 1, 1), date(2015, 1, 1), "ESP"),
        ("Jan Peter Balkenende", date(2005, 1, 1), date(2012, 1, 1), "NLD"),
        ("Jiang Zemin", date(2001, 1, 1), date(2010, 1, 1), "CHN"),
    ],
)
def test_former_leaders_hold_office_then_and_not_after(
    table: PeopleTable, name: str, in_office: date, after: date, country: str
) -> None:
    then, later = _office(table, name, in_office), _office(table, name, after)
    assert then.held_on(in_office) and then.country == country
    assert later.end is not None and not later.held_on(after)


def test_a_sub_national_executive_is_the_government_of_the_country(table: PeopleTable) -> None:
    governor = _office(table, "Babajide Sanwo-Olu", date(2022, 1, 1))
    assert (governor.country, governor.sector, governor.tier) == ("NGA", "GOV", REGIONAL)
    assert governor.role == "Governor of Lagos State"
    premier = _office(table, "Annastacia Palaszczuk", date(2020, 1, 1))
    assert (premier.country, premier.role) == ("AUS", "Premier of Queensland")


def test_every_us_state_has_a_governor_at_the_knowledge_end(offices: list[Office]) -> None:
    governors = Counter(
        office.role
        for office in offices
        if office.country == "USA" and office.role.startswith("Governor of ") and office.held_on(KNOWLEDGE_END)
    )
    assert len(governors) == 50
    assert set(governors.values()) == {1}


def test_a_national_office_is_preferred_to_a_regional_one_and_follows_the_date(table: PeopleTable) -> None:
    assert _office(table, "Jason Kenney", date(2015, 6, 1)).role == "Defence Minister"
    assert _office(table, "Jason Kenney", date(2020, 6, 1)).role == "Premier of Alberta"
    assert _office(table, "Mohsin Naqvi", date(2024, 6, 1)).role == "Interior Minister"


def test_a_bare_surname_never_names_a_regional_office_holder(table: PeopleTable) -> None:
    assert table.by_surname("Kretschmann", on=date(2020, 1, 1)) is None
    assert table.by_surname("Kenney", on=date(2020, 6, 1)) is None  # premier then
    office = table.by_surname("Kenney", on=date(2015, 6, 1))  # defence minister then
    assert office is not None and office.name == "Jason Kenney"


def test_a_regional_office_holder_leaves_a_national_surname_unambiguous() -> None:
    terms = [
        _term("Ann Lee", "President", date(2020, 1, 1), None, tier="state", surnames=("Lee",)),
        _term("Bob Lee", "Governor of Somewhere", date(2020, 1, 1), None, tier=REGIONAL, surnames=("Lee",)),
    ]
    office = PeopleTable(terms).by_surname("Lee", on=date(2021, 1, 1))
    assert office is not None and office.name == "Ann Lee"


def test_separatist_heads_change_country_and_sector_at_the_annexation(table: PeopleTable) -> None:
    before = _office(table, "Leonid Pasechnik", date(2020, 1, 1))
    after = _office(table, "Leonid Pasechnik", date(2023, 1, 1))
    assert (before.country, before.sector, before.camp) == ("UKR", "SEP", "LPR")
    assert (after.country, after.sector, after.camp, after.tier) == ("RUS", "GOV", None, REGIONAL)
    assert _office(table, "Alexander Zakharchenko", date(2016, 1, 1)).camp == "DPR"


def test_occupation_heads_are_russian_government(table: PeopleTable) -> None:
    office = _office(table, "Yevgeny Balitsky", date(2023, 6, 1))
    assert (office.country, office.sector) == ("RUS", "GOV")


@pytest.mark.parametrize(
    ("name", "day", "code"),
    [
        ("Alexander Grushko", date(2023, 1, 1), ("RUS", "GOV", None)),
        ("Anna Tsivileva", date(2025, 1, 1), ("RUS", "GOV", "MIL")),
        ("Zhang Youxia", date(2020, 1, 1), ("CHN", "MIL", None)),
        ("Vasily Nebenzya", date(2022, 1, 1), ("RUS", "GOV", None)),
        ("Nasser Kanaani", date(2023, 1, 1), ("IRN", "GOV", None)),
        ("Amir Ali Hajizadeh", date(2020, 1, 1), ("IRN", "MIL", None)),
    ],
)
def test_deputies_spokespeople_and_commanders_are_coded(
    table: PeopleTable, name: str, day: date, code: tuple[str, str, str | None]
) -> None:
    office = _office(table, name, day)
    assert (office.country, office.sector, office.secondary) == code
    assert office.held_on(day)


def test_roles_several_people_hold_at_once_may_overlap(offices: list[Office]) -> None:
    day = date(2023, 1, 1)
    vice_chairmen = {
        office.name
        for office in offices
        if office.role == "Vice Chairman of the Central Military Commission" and office.held_on(day)
    }
    assert vice_chairmen == {"Zhang Youxia", "He Weidong"}
    shared = [
        _term("Ann One", "Deputy Foreign Minister", date(2020, 1, 1), None, shared=True),
        _term("Bob Two", "Deputy Foreign Minister", date(2021, 1, 1), None, shared=True),
    ]
    assert integrity_problems(shared) == []
    single = [
        _term("Ann One", "Foreign Minister", date(2020, 1, 1), None),
        _term("Bob Two", "Foreign Minister", date(2021, 1, 1), None),
    ]
    assert integrity_problems(single) != []


def test_a_spokesperson_with_a_common_surname_is_found_by_full_name_only(table: PeopleTable) -> None:
    assert _office(table, "Mao Ning", date(2023, 6, 1)).role == "Foreign Ministry Spokesperson"
    assert table.by_surname("Mao", on=date(2023, 6, 1)) is None
