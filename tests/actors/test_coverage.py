"""Coverage by class: bodies any state has, organisations by kind, and sector nouns by kind.

Each test speaks for a class of actors with phrases of our own, so that a gap found in one
member of the class is closed for the class (the mechanism or the table rows), not for one
phrase.
"""

from __future__ import annotations

from eventwire.actors import find_actors, resolve_text
from eventwire.actors.agents import load_agents, normal_words
from eventwire.actors.model import Actor
from eventwire.actors.organisations import read_organisations
from eventwire.nlp import parse


def _actors(text: str) -> list[Actor]:
    return find_actors(parse(text))


def _codes(text: str) -> set[str | None]:
    return {actor.code for actor in _actors(text)}


# --- Bodies any state has ("Foreign Office"): the article's country reads them ---


def test_local_rows_are_generic_sector_nouns() -> None:
    agents = load_agents()
    local = [row for row in read_organisations() if row.local]
    assert local, "the table flags at least the Foreign Office as local"
    for row in local:
        agent = agents.lookup(row.name)
        assert agent is not None and normal_words(agent.phrase) == normal_words(row.name), row.name


def test_foreign_office_in_a_pakistani_story_is_pakistan_s() -> None:
    text = (
        "Pakistan accused Kabul of sheltering militants. The Foreign Office said Islamabad would "
        "respond to any cross-border attack."
    )
    assert "PAKGOV" in _codes(text)
    assert "GBRGOV" not in _codes(text)


def test_foreign_office_possessed_by_a_country_is_that_country_s() -> None:
    assert _codes("Sri Lanka's Foreign Office rejected the report.") >= {"LKAGOV"}


def test_foreign_office_keeps_its_uk_reading_in_british_news() -> None:
    assert "GBRGOV" in _codes("The Foreign Office told British citizens to leave Sudan.")
    assert "GBRGOV" in _codes("The Foreign Office issued new travel advice.")


def test_a_local_body_keeps_its_row_when_the_article_names_the_row_s_country() -> None:
    text = (
        "Russian diplomats met the adviser twice. The National Security Council reviewed the calls, "
        "and Russian officials denied any deal. Washington said nothing."
    )
    assert "USAGOV" in _codes(text)


def test_the_uk_body_s_own_names_are_never_local() -> None:
    text = "Pakistan protested. The FCDO said it had summoned no one."
    assert "GBRGOV" in _codes(text)
    assert resolve_text("FCDO").country == "GBR"


# --- Organisations by class ---


def _organisation(text: str) -> tuple[str | None, str | None]:
    coded = resolve_text(text)
    return coded.country, coded.code


def test_fleets_and_service_branches() -> None:
    assert _organisation("the Black Sea Fleet") == ("RUS", "RUSMIL")
    assert _organisation("the Seventh Fleet") == ("USA", "USAMIL")
    assert _organisation("the Royal Air Force") == ("GBR", "GBRMIL")
    assert _organisation("the Luftwaffe") == ("DEU", "DEUMIL")
    assert _organisation("the PLA Rocket Force") == ("CHN", "CHNMIL")


def test_shared_fleet_name_takes_the_article_s_country() -> None:
    assert "USAMIL" in _codes("The US Pacific Fleet said the Pacific Fleet would sail with Japan. Washington agreed.")
    assert "RUSMIL" in _codes("Moscow said the Pacific Fleet held drills near Vladivostok.")


def test_universities_and_think_tanks_are_education() -> None:
    assert _organisation("Stanford University") == ("USA", "USAEDU")
    assert _organisation("the University of Cambridge") == ("GBR", "GBREDU")
    assert _organisation("Tsinghua University") == ("CHN", "CHNEDU")
    assert _organisation("Chatham House") == ("GBR", "GBREDU")


def test_short_forms_shared_by_a_university_and_a_spy_agency() -> None:
    assert "TURSPY" in _codes("Turkey's MIT detained the suspects in Ankara, Turkish officials said.")
    assert "USAEDU" in _codes("Researchers at MIT in Cambridge, Massachusetts, told US officials the data was sound.")
    assert "CANSPY" in _codes("Canada's CSIS warned Ottawa about the plot.")


def test_government_agencies_by_country() -> None:
    assert _organisation("USAID") == ("USA", "USAGOV")
    assert _organisation("the ATF") == ("USA", "USACOP")
    assert _organisation("the National Crime Agency") == ("GBR", "GBRCOP")
    assert _organisation("the Bundeskriminalamt") == ("DEU", "DEUCOP")
    assert _organisation("India's Ministry of External Affairs")[0] == "IND"
    assert _organisation("the RCMP") == ("CAN", "CANCOP")


def test_generic_departments_stay_the_article_country_s() -> None:
    assert "PHLGOVBUS" in _codes("The Philippines raised fuel prices. The Department of Energy said supplies were short.")


def test_companies_with_their_home_country() -> None:
    assert _organisation("Samsung") == ("KOR", "KORBUS")
    assert _organisation("Volkswagen") == ("DEU", "DEUBUS")
    assert _organisation("Petronas") == ("MYS", "MYSBUSGOV")
    assert _organisation("Rheinmetall") == ("DEU", "DEUBUSMIL")
    assert _organisation("Norinco")[0] == "CHN"


def test_militias_and_armed_groups() -> None:
    assert _organisation("the Badr Organization") == ("IRQ", "IRQPRM")
    assert _organisation("the Arakan Rohingya Salvation Army") == ("MMR", "MMRREB")
    assert _organisation("the Proud Boys") == ("USA", "USAUAF")
    assert _organisation("La Familia Michoacana") == ("MEX", "MEXCRM")
    assert _organisation("Mai-Mai fighters")[0] == "COD"


def test_rights_groups_and_prisoner_monitors() -> None:
    assert _organisation("OVD-Info") == ("RUS", "RUSHRI")
    assert _organisation("Viasna") == ("BLR", "BLRHRI")
    assert _organisation("the Assistance Association for Political Prisoners") == ("MMR", "MMRHRI")


# --- Sector nouns by class ---


def _sector(text: str) -> str | None:
    return resolve_text(text).sector


def test_bare_government_bodies() -> None:
    assert _sector("the ministry") == "GOV"
    assert _sector("the department") == "GOV"
    assert _sector("the agency") == "GOV"
    assert resolve_text("Peru's Ministry of Fisheries").code == "PERGOVAGR"
    assert resolve_text("Peru's Ministry of Ports and Waterways").code == "PERGOV"
    assert resolve_text("Zambia's Ministry of Mines").country == "ZMB"


def test_deputy_minister_of_forms() -> None:
    assert resolve_text("the Deputy Minister of Health").code == "GOVHLH"
    assert resolve_text("Deputy Minister of Foreign Affairs").code == "GOV"


def test_workers_by_trade() -> None:
    assert _sector("farm workers") == "AGR"
    assert _sector("agricultural labourers") == "AGR"
    assert _sector("lorry drivers") == "CVL"
    assert _sector("coal miners") == "LAB"
    assert _sector("nurses") == "HLH"
    assert _sector("a navy accountant") == "MIL"


def test_displaced_people() -> None:
    assert _sector("the displaced") == "REF"
    assert _sector("internally displaced people") == "REF"
    assert "SDNREF" in _codes("Sudan's displaced have nowhere to go.")


def test_unions_leagues_associations() -> None:
    assert _sector("the union said") == "LAB"
    assert _sector("the Teachers Union") == "LAB"
    assert _sector("the national rights league") == "HRI"
    assert _sector("a human rights association") == "HRI"
    assert _sector("the bar association") == "JUD"


def test_a_capitalised_union_of_states_is_no_trade_union() -> None:
    for text in ("the Soviet Union", "the Customs Union", "the Union of South American Nations"):
        assert _sector(text) != "LAB", text


def test_community_leaders_are_civilians() -> None:
    for text in ("an indigenous leader", "village elders", "tribal elders", "a community leader"):
        assert _sector(text) == "CVL", text


def test_people_online_and_youths() -> None:
    for text in ("netizens", "social media influencers", "youths"):
        assert _sector(text) == "CVL", text


def test_criminal_groups() -> None:
    for text in ("a smuggling syndicate", "drug cartels", "street gangs", "a trafficking ring"):
        assert _sector(text) == "CRM", text


def test_opposition_legislators_are_the_legislature_first() -> None:
    coded = resolve_text("an opposition lawmaker")
    assert (coded.sector, coded.code) == ("LEG", "LEGOPP")
    assert resolve_text("opposition senators").code == "LEGOPP"


def test_institutional_adjectives_lend_their_sector() -> None:
    assert _sector("congressional aides") == "LEG"
    assert _sector("a parliamentary delegation") == "LEG"


def test_a_role_word_inside_a_country_s_name_is_no_role() -> None:
    codes = _codes("The Russian Federation rejected the note.")
    assert "RUS" in codes and "RUSNGO" not in codes
