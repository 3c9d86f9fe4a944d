"""The people table: the office a name stood for on a date, surnames, spellings, and the table's soundness."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.actors import people
from eventwire.actors.organisations import load_organisations
from eventwire.actors.people import Office, PeopleTable, integrity_problems, load_people, name_key, read_offices


@pytest.fixture(scope="module")
def table() -> PeopleTable:
    return load_people()


def _office(table: PeopleTable, name: str, on: date | None = None) -> Office:
    office = table.lookup(name, on=on)
    assert office is not None, name
    return office


def test_the_shipped_table_is_sound() -> None:
    assert integrity_problems(read_offices()) == []


def test_the_table_is_read_once(table: PeopleTable) -> None:
    assert load_people() is table


def test_the_table_covers_several_hundred_terms(table: PeopleTable) -> None:
    offices = read_offices()
    assert len(offices) > 800
    assert {"USA", "RUS", "UKR", "CHN", "ISR", "PSE", "SDN", "IGO", "XKX"} <= {office.country for office in offices}


@pytest.mark.parametrize(
    ("name", "day", "role", "country"),
    [
        ("Vladimir Putin", date(2015, 6, 1), "President", "RUS"),
        ("Fumio Kishida", date(2016, 1, 1), "Foreign Minister", "JPN"),
        ("Fumio Kishida", date(2022, 1, 1), "Prime Minister", "JPN"),
        ("Lai Ching-te", date(2018, 1, 1), "Premier", "TWN"),
        ("Lai Ching-te", date(2021, 1, 1), "Vice President", "TWN"),
        ("Lai Ching-te", date(2024, 6, 1), "President", "TWN"),
        ("Jean-Yves Le Drian", date(2016, 1, 1), "Defence Minister", "FRA"),
        ("Jean-Yves Le Drian", date(2018, 1, 1), "Foreign Minister", "FRA"),
        ("Denys Shmyhal", date(2023, 1, 1), "Prime Minister", "UKR"),
        ("Denys Shmyhal", date(2025, 8, 1), "Defence Minister", "UKR"),
        ("Donald Trump", date(2018, 1, 1), "President", "USA"),
        ("Donald Trump", date(2025, 3, 1), "President", "USA"),
        ("Joe Biden", date(2016, 1, 1), "Vice President", "USA"),
        ("Joe Biden", date(2023, 1, 1), "President", "USA"),
        ("Hulusi Akar", date(2017, 1, 1), "Chief of the General Staff", "TUR"),
        ("Hulusi Akar", date(2020, 1, 1), "Defence Minister", "TUR"),
    ],
)
def test_the_role_is_the_one_held_on_the_date(table: PeopleTable, name: str, day: date, role: str, country: str) -> None:
    office = _office(table, name, day)
    assert (office.role, office.country) == (role, country)
    assert office.held_on(day)


def test_a_term_ends_on_the_successors_first_day(table: PeopleTable) -> None:
    handover = date(2024, 7, 5)
    assert _office(table, "Rishi Sunak", handover).held_on(handover) is False
    assert _office(table, "Keir Starmer", handover).held_on(handover)
    assert _office(table, "Rishi Sunak", date(2024, 7, 4)).held_on(date(2024, 7, 4))


def test_a_head_of_government_is_preferred_over_a_ministry_held_at_once(table: PeopleTable) -> None:
    office = _office(table, "Benjamin Netanyahu", date(2016, 6, 1))  # also his own foreign minister then
    assert office.role == "Prime Minister"
    assert _office(table, "Abdel Fattah al-Burhan", date(2024, 1, 1)).role == "Chairman of the Sovereignty Council"


def test_the_sector_follows_the_date(table: PeopleTable) -> None:
    before_the_war = _office(table, "Hemedti", date(2021, 1, 1))
    during_the_war = _office(table, "Hemedti", date(2024, 1, 1))
    assert (before_the_war.sector, before_the_war.camp) == ("GOV", None)
    assert (during_the_war.sector, during_the_war.camp) == ("REB", "RSF")
    defence = _office(table, "Boris Pistorius", date(2024, 1, 1))
    assert (defence.sector, defence.secondary) == ("GOV", "MIL")


def test_an_organisations_official_names_the_organisation(table: PeopleTable) -> None:
    prime_minister = _office(table, "Mark Rutte", date(2020, 1, 1))
    secretary_general = _office(table, "Mark Rutte", date(2025, 1, 1))
    assert (prime_minister.country, prime_minister.organisation) == ("NLD", None)
    assert (secretary_general.country, secretary_general.organisation, secretary_general.sector) == ("IGO", "NATO", "IGO")


def test_every_organisation_named_is_in_the_organisations_table() -> None:
    organisations = load_organisations()
    named = {office.organisation for office in read_offices() if office.organisation is not None}
    assert {name for name in named if organisations.lookup(name) is None} == set()


def test_a_person_out_of_office_gets_the_nearest_term_flagged_as_past(table: PeopleTable) -> None:
    later = date(2023, 5, 1)
    office = _office(table, "Angela Merkel", later)
    assert office.role == "Chancellor"
    assert office.end == date(2021, 12, 8)
    assert office.held_on(later) is False
    between_terms = _office(table, "Donald Trump", date(2022, 6, 1))
    assert between_terms.end == date(2021, 1, 20)
    assert between_terms.held_on(date(2022, 6, 1)) is False


def test_before_a_first_office_the_nearest_term_is_the_first(table: PeopleTable) -> None:
    office = _office(table, "Lai Ching-te", date(2015, 1, 1))
    assert office.role == "Premier"
    assert office.held_on(date(2015, 1, 1)) is False


def test_without_a_date_the_latest_office(table: PeopleTable) -> None:
    assert _office(table, "Mark Rutte").organisation == "NATO"
    assert _office(table, "Mohammed bin Salman").role == "Prime Minister"
    assert _office(table, "Rishi Sunak").end == date(2024, 7, 5)


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("Recep Tayyip Erdogan", "Recep Tayyip Erdoğan"),
        ("RECEP TAYYIP ERDOĞAN", "Recep Tayyip Erdoğan"),
        ("Volodymyr Zelenskyy", "Volodymyr Zelensky"),
        ("Volodymyr Zelenskiy", "Volodymyr Zelensky"),
        ("Aliaksandr Lukashenka", "Alexander Lukashenko"),
        ("Alyaksandr Lukashenka", "Alexander Lukashenko"),
        ("MBS", "Mohammed bin Salman"),
        ("Abdel-Fattah Al Sisi", "Abdel Fattah el-Sisi"),
        ("Abdel Fattah el Sisi", "Abdel Fattah el-Sisi"),
        ("Gideon Sa’ar", "Gideon Sa'ar"),
        ("Gideon Saar", "Gideon Sa'ar"),
        ("Kim Jong-un", "Kim Jong Un"),
        ("Lars Lokke Rasmussen", "Lars Løkke Rasmussen"),
        ("Binali Yildirim", "Binali Yıldırım"),
        ("Aleksandar Vucic", "Aleksandar Vučić"),
        ("Abu Mohammad al-Jolani", "Ahmed al-Sharaa"),
    ],
)
def test_spellings_of_one_person(table: PeopleTable, written: str, name: str) -> None:
    assert _office(table, written).name == name


def test_a_bare_surname_is_no_full_name(table: PeopleTable) -> None:
    assert table.lookup("Putin") is None
    assert table.lookup("Someone Unknown") is None


@pytest.mark.parametrize(
    ("surname", "day", "name"),
    [
        ("Putin", date(2015, 6, 1), "Vladimir Putin"),
        ("Aliyev", date(2020, 1, 1), "Ilham Aliyev"),
        ("Erdogan", None, "Recep Tayyip Erdoğan"),
        ("Zelenskyy", None, "Volodymyr Zelensky"),
        ("Zelenskiy", date(2022, 3, 1), "Volodymyr Zelensky"),
        ("Lukashenka", None, "Alexander Lukashenko"),
        ("Sisi", date(2020, 1, 1), "Abdel Fattah el-Sisi"),
        ("el-Sisi", None, "Abdel Fattah el-Sisi"),
        ("Sharif", date(2023, 1, 1), "Shehbaz Sharif"),
        ("Aoun", date(2025, 6, 1), "Joseph Aoun"),
        ("Xi", None, "Xi Jinping"),
        ("Merkel", date(2019, 1, 1), "Angela Merkel"),
    ],
)
def test_a_unique_surname_names_the_person_in_office(table: PeopleTable, surname: str, day: date | None, name: str) -> None:
    office = table.by_surname(surname, on=day)
    assert office is not None and office.name == name


@pytest.mark.parametrize(
    ("surname", "day"),
    [
        ("Kim", date(2021, 6, 1)),  # Kim Jong Un and South Korea's prime minister Kim Boo-kyum
        ("Sharif", date(2016, 1, 1)),  # Nawaz Sharif and army chief Raheel Sharif
        ("Aoun", date(2018, 1, 1)),  # President Michel Aoun and army commander Joseph Aoun
        ("Rajapaksa", date(2020, 1, 1)),  # the president and the prime minister were brothers
        ("Merkel", None),  # out of office at the table's end
        ("Trump", date(2022, 6, 1)),  # between his terms
        ("Salman", None),  # no surname: a patronymic chain
    ],
)
def test_an_ambiguous_or_idle_surname_names_no_one(table: PeopleTable, surname: str, day: date | None) -> None:
    assert table.by_surname(surname, on=day) is None


def test_rival_camps_hold_one_role_at_once(table: PeopleTable) -> None:
    day = date(2022, 6, 1)
    tripoli = _office(table, "Abdul Hamid Dbeibah", day)
    east = _office(table, "Fathi Bashagha", day)
    assert tripoli.held_on(day) and east.held_on(day)
    assert (tripoli.camp, east.camp) == (None, "east")


def test_phrases_give_every_spelling_and_a_plain_letter_copy(table: PeopleTable) -> None:
    phrases = {phrase: office.name for phrase, office in table.phrases()}
    assert phrases["Recep Tayyip Erdoğan"] == phrases["Recep Tayyip Erdogan"] == "Recep Tayyip Erdoğan"
    assert "Putin" not in phrases and "Zelenskyy" not in phrases  # surnames are not phrases
    assert phrases["Lars Lokke Rasmussen"] == "Lars Løkke Rasmussen"
    assert all(table.person(phrase) is not None for phrase in phrases)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Erdoğan", "erdogan"),
        ("al-Sisi", "El Sisi"),
        ("Sa'ar", "Sa’ar"),
        ("Kim Jong-un", "kim jong un"),
        ("Charles Q. Brown", "Charles Q Brown"),
        ("Łukasz", "Lukasz"),
    ],
)
def test_name_keys_ignore_the_accidents_of_spelling(one: str, other: str) -> None:
    assert name_key(one) == name_key(other)


def _term(name: str, role: str, start: date, end: date | None, **fields: object) -> Office:
    defaults: dict[str, object] = {"aliases": (), "country": "FRA", "sector": "GOV", "secondary": None}
    defaults.update(fields)
    return Office(name=name, role=role, start=start, end=end, **defaults)  # type: ignore[arg-type]


def test_the_integrity_check_names_each_fault() -> None:
    faults = [
        _term("Ann One", "President", date(2020, 1, 1), date(2024, 1, 1)),
        _term("Bob Two", "President", date(2023, 1, 1), None),  # overlaps Ann One
        _term("Cy Three", "Prime Minister", date(2021, 1, 1), date(2020, 1, 1)),  # ends before it starts
        _term("Di Four", "Prime Minister", date(2022, 1, 1), None, country="XYZ"),  # no such country
        _term("Ed Five", "Foreign Minister", date(2022, 1, 1), None, aliases=("Ann One",)),  # another's name
        _term("Fay Six", "Defence Minister", date(2022, 1, 1), None, sector="ABC", tier="boss"),
        _term("Gus Seven", "Secretary-General", date(2022, 1, 1), None, country="IGO"),  # no organisation
    ]
    problems = "\n".join(integrity_problems(faults))
    assert "Ann One (from 2020-01-01) and Bob Two (from 2023-01-01) overlap" in problems
    assert "Cy Three" in problems and "not after it starts" in problems
    assert "'XYZ'" in problems
    assert "names Ann One and Ed Five" in problems
    assert "unknown sector 'ABC'" in problems and "unknown tier 'boss'" in problems
    assert "Gus Seven" in problems


def test_terms_of_rival_camps_do_not_overlap() -> None:
    terms = [
        _term("Ann One", "Prime Minister", date(2020, 1, 1), None, country="LBY"),
        _term("Bob Two", "Prime Minister", date(2021, 1, 1), None, country="LBY", camp="east"),
    ]
    assert integrity_problems(terms) == []


def test_a_malformed_date_is_reported_with_its_line(monkeypatch: pytest.MonkeyPatch) -> None:
    header = list(people.COLUMNS)
    row = ["Ann One", "", "", "FRA", "", "", "GOV", "", "state", "President", "2020-13-01", "", ""]
    monkeypatch.setattr(people, "data_rows", lambda name, columns: [header, row])
    with pytest.raises(ValueError, match="line 2 \\(Ann One\\)"):
        read_offices()


def test_a_missing_header_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    row = ["Ann One", "", "", "FRA", "", "", "GOV", "", "state", "President", "2020-01-01", "", ""]
    monkeypatch.setattr(people, "data_rows", lambda name, columns: [row, row])
    with pytest.raises(ValueError, match="header"):
        read_offices()
