"""The sector-noun table (``eventwire/data/agents.tsv``) and its loader.

The recognition engine codes every unnamed actor ("Russian troops", "the Defence Ministry",
"opposition MPs") from these rows, so the tests pin the traps a news sentence sets: plural
and possessive forms, the longest phrase at the head, British and American spellings, titles
with abbreviations before a name, and roles that take the sector of the body named before them.
"""

from __future__ import annotations

import pytest

from eventwire.actors import agents
from eventwire.actors.agents import SECTORS, Agent, load_agents, normal_words, read_agents, table_problems


def test_the_table_passes_its_integrity_check() -> None:
    rows = read_agents()
    assert len(rows) > 300
    assert table_problems(rows) == []


def test_every_row_has_a_known_sector_and_secondary() -> None:
    for agent in read_agents():
        assert agent.sector in SECTORS, agent
        assert agent.secondary is None or agent.secondary in SECTORS, agent


def test_the_loader_is_read_once() -> None:
    assert load_agents() is load_agents()


@pytest.mark.parametrize(
    ("words", "phrase", "sector"),
    [
        ("troops", "troop", "MIL"),
        ("lawmakers", "lawmaker", "LEG"),
        ("authorities", "authority", "GOV"),
        ("militias", "militia", "PRM"),
        ("police", "police", "COP"),
        ("gunmen", "gunman", "UAF"),
        ("spokeswomen", "spokeswoman", "GOV"),
        ("attorneys general", "attorney general", "JUD"),
        ("chiefs of staff", "chief of staff", "GOV"),
        ("asylum seekers", "asylum seeker", "REF"),
        ("MPs", "mp", "LEG"),
        ("NGOs", "ngo", "NGO"),
        ("the protesters'", "protester", "CVL"),
        ("a soldier's", "soldier", "MIL"),
    ],
)
def test_plurals_and_possessives_meet_the_lemma(words: str, phrase: str, sector: str) -> None:
    found = load_agents().lookup(words)
    assert found is not None and (found.phrase, found.sector) == (phrase, sector)


@pytest.mark.parametrize(
    ("words", "phrase"),
    [
        ("deputy foreign minister", "deputy foreign minister"),
        ("Russia's Deputy Foreign Minister", "deputy foreign minister"),
        ("the foreign minister", "foreign minister"),
        ("a minister", "minister"),
        ("the attorney general", "attorney general"),
        ("Secretaries-General", "secretary general"),
        ("the Ministry of Foreign Affairs", "ministry of foreign affairs"),
    ],
)
def test_the_longest_phrase_ending_at_the_head_wins(words: str, phrase: str) -> None:
    found = load_agents().lookup(words)
    assert found is not None and found.phrase == phrase


def test_the_attorney_general_is_not_the_rank_of_general() -> None:
    found = load_agents().lookup("attorney general")
    assert found is not None and found.sector == "JUD"
    general = load_agents().lookup("general")
    assert general is not None and general.sector == "MIL"


@pytest.mark.parametrize("words", ["Defense Ministry", "defence ministry", "DEFENCE MINISTRY", "ministry of defense"])
def test_spellings_and_case_meet_one_row(words: str) -> None:
    found = load_agents().lookup(words)
    assert found is not None and (found.sector, found.secondary) == ("GOV", "MIL")


def test_american_labor_meets_british_labour() -> None:
    assert load_agents().lookup("labor unions") == load_agents().lookup("labour union")
    assert normal_words("Labor Minister") == ("labour", "minister")


@pytest.mark.parametrize(
    ("words", "sector", "secondary"),
    [
        ("defence minister", "GOV", "MIL"),
        ("state media", "GOV", "MED"),
        ("military court", "JUD", "MIL"),
        ("central bank", "GOV", "BUS"),
        ("health ministry", "GOV", "HLH"),
        ("opposition MP", "LEG", "OPP"),
    ],
)
def test_secondary_sectors(words: str, sector: str, secondary: str) -> None:
    found = load_agents().lookup(words)
    assert found is not None and (found.sector, found.secondary) == (sector, secondary)


def test_leader_and_official_are_government_by_default() -> None:
    for words in ("leader", "official", "spokesman", "the authorities", "a senior official"):
        found = load_agents().lookup(words)
        assert found is not None and found.sector == "GOV", words


def test_person_marks_roles_a_name_attaches_to() -> None:
    def is_person(words: str) -> bool:
        found = load_agents().lookup(words)
        assert found is not None, words
        return found.person

    assert all(is_person(words) for words in ("soldier", "president", "journalist", "farmer"))
    assert not any(is_person(words) for words in ("army", "police", "government", "embassy"))


@pytest.mark.parametrize(
    ("words", "phrase", "count"),
    [
        ("President Vladimir Putin", "president", 1),
        ("Lt. Gen. Samuel Okello", "lt. gen.", 2),
        ("Lt.-Gen. Samuel Okello", "lt. gen.", 1),
        ("Lieutenant General Samuel Okello", "lieutenant general", 2),
        ("Deputy Foreign Minister Sergei Ryabkov", "deputy foreign minister", 3),
        ("Foreign Minister Sergei Lavrov", "foreign minister", 2),
        ("Secretary of State Antony Blinken", "secretary of state", 3),
        ("Vice-President Kamala Harris", "vice president", 1),
        ("PM Narendra Modi", "pm", 1),
        ("Sen. Bernie Sanders", "sen.", 1),
        ("Gov. Gavin Newsom", "gov.", 1),
        ("Amb. Linda Thomas-Greenfield", "amb.", 1),
        ("Dr. Tedros Adhanom Ghebreyesus", "dr.", 1),
        ("Crown Prince Mohammed bin Salman", "crown prince", 2),
        ("Defense Secretary Lloyd Austin", "defence secretary", 2),
    ],
)
def test_titles_before_a_name(words: str, phrase: str, count: int) -> None:
    found = load_agents().title_at_start(words)
    assert found is not None and (found[0].phrase, found[1]) == (phrase, count)


@pytest.mark.parametrize(
    "words",
    [
        "Vladimir Putin said",
        "Defence Ministry spokesman Igor Konashenkov",
        "General Staff chief",
        "Justice Ministry said",
    ],
)
def test_no_title_where_a_name_or_a_body_opens_the_phrase(words: str) -> None:
    assert load_agents().title_at_start(words) is None


def test_occupations_are_people_but_not_titles() -> None:
    spokesman = load_agents().lookup("spokesman")
    assert spokesman is not None and spokesman.person and not spokesman.title


@pytest.mark.parametrize(
    ("words", "sector", "secondary"),
    [
        ("army spokesman", "MIL", None),
        ("the rebels' spokesman", "REB", None),
        ("Defense Ministry spokesman", "GOV", "MIL"),
        ("health ministry officials", "GOV", "HLH"),
        ("police chief", "COP", None),
        ("union leader", "LAB", None),
        ("opposition supporters", "OPP", None),
        ("party members", "PTY", None),
    ],
)
def test_roles_take_the_sector_of_the_body_named_before_them(
    words: str, sector: str, secondary: str | None
) -> None:
    found = load_agents().lookup(words)
    assert found is not None and (found.sector, found.secondary) == (sector, secondary)
    assert found.person or found.phrase.endswith("authority")


def test_a_role_before_an_unknown_body_keeps_its_default() -> None:
    found = load_agents().lookup("Kremlin spokesman")  # the organisation table names the Kremlin
    assert found is not None and (found.phrase, found.sector) == ("spokesman", "GOV")


def test_words_that_are_no_agent() -> None:
    table = load_agents()
    assert table.lookup("weather") is None
    assert table.lookup("") is None
    assert table.lookup("laboratory") is None


def test_phrases_list_plural_and_american_forms() -> None:
    forms = {form for form, _agent in load_agents().phrases()}
    assert {"labour minister", "labour ministers", "labor minister", "labor ministers"} <= forms
    assert {"gunman", "gunmen", "authority", "authorities", "lt. gen.", "ministers of defence"} <= forms
    assert "polices" not in forms and "personnels" not in forms


def test_the_check_reports_faulty_rows() -> None:
    rows = [
        Agent("labour minister", "GOV", "LAB", person=True, title=True),
        Agent("labor minister", "GOV", "LAB", person=True, title=True),
        Agent("warlord", "WAR", None, person=True, title=False),
        Agent("army", "MIL", "MIL", person=False, title=True),
    ]
    problems = table_problems(rows)
    assert any("same phrase" in problem for problem in problems)
    assert any("unknown sector" in problem for problem in problems)
    assert any("repeats" in problem for problem in problems)
    assert any("must name a person" in problem for problem in problems)


def test_a_cell_that_is_not_yes_or_empty_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [list(agents.COLUMNS), ["army", "MIL", "", "no", "", "", ""]]
    monkeypatch.setattr(agents, "data_rows", lambda name, columns: rows)
    with pytest.raises(ValueError, match="person='no'"):
        read_agents()
