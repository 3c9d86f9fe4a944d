"""The organisations table (``eventwire/data/organisations.tsv``) and its loader.

Analysts read the codes straight from these rows (IGOUNO, PSEREBHMS, RUSLEG), so the tests pin
the table's integrity and the traps of names in news copy: initials with and without dots, case
that tells a name from a word, codings that change on a date, and short names several bodies share.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest

from eventwire.actors import organisations
from eventwire.actors.agents import SECTORS
from eventwire.actors.organisations import (
    GROUP_COUNTRIES,
    KINDS,
    Organisation,
    load_organisations,
    read_organisations,
    table_problems,
)

COUNTRIES_TABLE = Path(organisations.__file__).parents[1] / "data" / "countries.tsv"


def _row(name: str, **changes: object) -> Organisation:
    base = Organisation(name, (), "RUS", "LEG", "RUSLEG", "legislature", None, None, False)
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def test_the_table_passes_its_integrity_check() -> None:
    rows = read_organisations()
    assert len(rows) > 400
    assert table_problems(rows) == []


def test_every_column_is_read() -> None:
    for row in read_organisations():
        assert row.name and all(row.aliases)
        assert row.country in GROUP_COUNTRIES or (len(row.country) == 3 and row.country.isupper())
        assert row.sector in SECTORS and row.kind in KINDS
        assert row.code.startswith(row.country) and len(row.code) % 3 == 0
    taliban = [row for row in read_organisations() if row.name == "Taliban"]
    assert [row.start for row in taliban][1:] == [date(1996, 9, 27), date(2001, 11, 13), date(2021, 8, 15)]
    assert any(row.needs_context for row in read_organisations())


def test_state_countries_are_known_countries() -> None:
    if not COUNTRIES_TABLE.exists():
        pytest.skip("the countries table is not in this tree")
    lines = [line.split("\t") for line in COUNTRIES_TABLE.read_text(encoding="utf-8").splitlines()]
    header, *rows = [fields for fields in lines if fields[0] and not fields[0].startswith("#")]
    known = {fields[header.index("iso3")] for fields in rows}
    unknown = {row.country for row in read_organisations() if row.country not in GROUP_COUNTRIES} - known
    assert unknown == set()


def test_the_loader_is_read_once() -> None:
    assert load_organisations() is load_organisations()


@pytest.mark.parametrize("text", ["UN", "U.N.", "the United Nations", "United Nations", "the UN's", "UNO"])
def test_the_united_nations_by_any_of_its_names(text: str) -> None:
    found = load_organisations().lookup(text)
    assert found is not None and (found.name, found.country, found.code) == ("United Nations", "IGO", "IGOUNO")


@pytest.mark.parametrize("text", ["un", "Un", "who", "eu", "icc", "opec", "pti"])
def test_short_names_count_only_in_capitals(text: str) -> None:
    assert load_organisations().lookup(text) is None


def test_short_names_in_capitals_and_as_the_table_writes_them() -> None:
    table = load_organisations()
    expected = {"NATO": "IGOWSTNAT", "Unicef": "IGOUNOKID", "N.A.T.O.": "IGOWSTNAT", "AU": "IGOAFRAFU"}
    expected |= {"ICC": "IGOJUDICC", "AfD": "DEUPTY", "PTI": "PAKPTY"}
    for text, code in expected.items():
        found = table.lookup(text)
        assert found is not None and found.code == code, text


def test_long_names_need_their_capitals() -> None:
    table = load_organisations()
    assert table.lookup("Shell") is not None and table.lookup("shell") is None
    assert table.lookup("HEZBOLLAH") == table.lookup("Hezbollah") is not None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("al Shabaab", "al-Shabaab"),
        ("Al-Shabab", "al-Shabaab"),
        ("People’s Liberation Army", "People's Liberation Army"),
        ("Peoples Liberation Army", "People's Liberation Army"),
        ("PML(N)", "Pakistan Muslim League-Nawaz"),
        ("Médecins Sans Frontières", "Medecins Sans Frontieres"),
        ("Doctors Without Borders", "Medecins Sans Frontieres"),
        ("the Abu Sayyaf Group", "Abu Sayyaf"),
        ("B’Tselem", "B'Tselem"),
    ],
)
def test_spellings_apostrophes_hyphens_and_accents(text: str, name: str) -> None:
    found = load_organisations().lookup(text)
    assert found is not None and found.name == name


def test_international_bodies_carry_cameo_codes() -> None:
    table = load_organisations()
    expected = {
        "UNHCR": ("IGO", "IGO", "IGOUNOREFHCR"),
        "World Health Organization": ("IGO", "IGO", "IGOUNOHLHWHO"),
        "European Union": ("IGO", "IGO", "IGOEUREEC"),
        "European Commission": ("IGO", "IGO", "IGOEUREEC"),
        "Amnesty International": ("NGO", "HRI", "NGOHRIAMN"),
        "ICRC": ("NGO", "NGO", "NGOHLHIRC"),
        "al-Qaeda": ("IMG", "REB", "IMGMOSALQ"),
        "Hamas": ("PSE", "REB", "PSEREBHMS"),
        "Duma": ("RUS", "LEG", "RUSLEG"),
        "TASS": ("RUS", "GOV", "RUSGOVMED"),
        "Revolutionary Guards": ("IRN", "MIL", "IRNMIL"),
        "Basij": ("IRN", "PRM", "IRNPRM"),
    }
    for text, coding in expected.items():
        found = table.lookup(text)
        assert found is not None and (found.country, found.sector, found.code) == coding, text


@pytest.mark.parametrize(
    ("day", "code"),
    [
        (date(1995, 1, 1), "AFGREBTAL"),
        (date(1998, 1, 1), "AFGGOVTAL"),
        (date(2010, 6, 1), "AFGREBTAL"),
        (date(2021, 8, 14), "AFGREBTAL"),
        (date(2021, 8, 15), "AFGGOVTAL"),
        (date(2024, 8, 19), "AFGGOVTAL"),
    ],
)
def test_the_taliban_before_and_after_they_took_kabul(day: date, code: str) -> None:
    found = load_organisations().lookup("the Taliban", on=day)
    assert found is not None and (found.code, found.sector) == (code, code[3:6])


def test_without_a_date_the_current_coding_answers() -> None:
    table = load_organisations()
    assert table.lookup("Taliban").code == "AFGGOVTAL"  # type: ignore[union-attr]
    assert table.lookup("Rapid Support Forces").sector == "REB"  # type: ignore[union-attr]
    assert table.lookup("Rapid Support Forces", on=date(2022, 1, 1)).sector == "PRM"  # type: ignore[union-attr]


def test_a_body_that_did_not_exist_yet_is_not_named() -> None:
    table = load_organisations()
    assert table.lookup("Alliance of Sahel States", on=date(2020, 1, 1)) is None
    assert table.lookup("Alliance of Sahel States", on=date(2024, 1, 1)) is not None


def test_an_ambiguous_name_is_flagged_and_context_chooses() -> None:
    table = load_organisations()
    congress = table.lookup("Congress")
    assert congress is not None and congress.needs_context and congress.country == "USA"
    indian = table.lookup("Congress", country="IND")
    assert indian is not None and (indian.country, indian.sector) == ("IND", "PTY")
    assert [row.country for row in table.candidates("SDF")] == ["SYR", "JPN"]
    assert table.lookup("SDF", country="JPN").code == "JPNMIL"  # type: ignore[union-attr]
    full = table.lookup("Syrian Democratic Forces")
    assert full is not None and not full.needs_context


def test_a_country_without_a_reading_keeps_the_default() -> None:
    found = load_organisations().lookup("PTI", country="FRA")
    assert found is not None and found.name == "PTI" and found.country == "PAK"


def test_phrases_list_every_form() -> None:
    forms = {form for form, _row in load_organisations().phrases()}
    assert {"United Nations", "UN", "U.N.", "Hamas", "Taliban", "Islamic Emirate"} <= forms


def test_the_check_reports_faulty_rows() -> None:
    rows = [
        _row("State Duma", aliases=("Duma",)),
        _row("Duma Party", aliases=("Duma",), sector="PTY", code="RUSPTY", kind="party"),
        _row("Atlantis Council", country="ATL1"),
        _row("Wrong Code", code="USALEG"),
        _row("Wrong Sector", country="IGO", sector="GOV", code="IGOUNO", kind="igo"),
        _row("Secret Club", kind="club"),
        _row("Backwards", start=date(2020, 1, 1), end=date(2019, 1, 1)),
        _row("Twice", start=date(2000, 1, 1)),
        _row("Twice", end=date(2001, 1, 1), sector="GOV", code="RUSGOV"),
    ]
    problems = " ".join(table_problems(rows))
    for trouble in ("'duma' names", "ATL1", "'USALEG'", "does not fit", "unknown kind", "not before", "'twice' names"):
        assert trouble in problems, trouble


def test_flagged_or_successive_rows_may_share_a_name() -> None:
    rows = [
        _row("Senate", needs_context=True),
        _row("Senate", country="FRA", code="FRALEG", needs_context=True),
        _row("Junta", sector="GOV", code="RUSGOV", end=date(2000, 1, 1)),
        _row("Junta", sector="REB", code="RUSREB", start=date(2000, 1, 1)),
    ]
    assert table_problems(rows) == []


def test_a_cell_that_is_no_date_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [list(organisations.COLUMNS), ["Duma", "", "RUS", "LEG", "RUSLEG", "legislature", "1993", "", "", ""]]
    monkeypatch.setattr(organisations, "data_rows", lambda name, columns: rows)
    with pytest.raises(ValueError, match="expected an ISO date"):
        read_organisations()


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The EEC imposed quotas on Japanese steel.", "IGOEUREEC"),
    ],
)
def test_former_names_code_the_organisation(text: str, code: str) -> None:
    """The EU's names before 1993 are the EU itself (CAMEO's EEC code keeps the old name)."""
    from eventwire.actors import find_actors
    from eventwire.nlp import load_nlp

    assert code in {actor.code for actor in find_actors(load_nlp()(text), published="1985-05-01")}


@pytest.mark.parametrize(
    ("text", "day", "code"),
    [
        ("The Khmer Rouge shelled the town.", "1990-03-01", "KHMREB"),
        ("The Khmer Rouge ordered the city emptied.", "1976-03-01", "KHMGOV"),
        ("RENAMO guerrillas attacked a train.", "1987-05-01", "MOZREB"),
        ("RENAMO boycotted the vote.", "2004-12-01", "MOZOPP"),
    ],
)
def test_historical_movements_are_coded_for_their_time(text: str, day: str, code: str) -> None:
    """Older news names movements that changed role: the row of the article's date codes them."""
    from eventwire.actors import find_actors
    from eventwire.nlp import load_nlp

    assert code in {actor.code for actor in find_actors(load_nlp()(text), published=day)}
