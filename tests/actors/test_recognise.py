"""Actor recognition on sentences written for these tests, and on the founding example.

Every rule of ``eventwire.actors.recognise`` has a case here, traps included: Georgia the
US state, the two Congos, Turkey and the bird, a demonym as a noun, a capital that is a
person's surname, and the pronoun "us". The real spaCy model and the real tables run.
"""

from __future__ import annotations

import pytest

from eventwire.actors import Actor, find_actors
from eventwire.actors.lexicon import load_lexicon
from eventwire.actors.model import code_parts
from eventwire.eval.shared import shared_dir
from eventwire.extract.textdump import extract_text_dump
from eventwire.nlp import parse

DAY = "2024-05-01"
SEED = "seed/000_312903a8e4629411.txt"


def actors_of(text: str, published: str | None = DAY) -> list[Actor]:
    return find_actors(parse(text), published=published)


def actor_named(actors: list[Actor], mention: str) -> Actor:
    """The actor one of whose mentions is exactly ``mention``."""
    found = [actor for actor in actors if any(m.text == mention for m in actor.mentions)]
    assert len(found) == 1, f"{mention!r} is a mention of {len(found)} actors: {[a.code for a in actors]}"
    return found[0]


def codes(actors: list[Actor]) -> set[str | None]:
    return {actor.code for actor in actors}


# --- countries: names, capitals, seats, demonyms; places are no actors ---


@pytest.mark.parametrize(
    ("text", "mention", "code"),
    [
        ("Russia expelled two diplomats.", "Russia", "RUS"),
        ("Moscow said the talks had failed.", "Moscow", "RUSGOV"),
        ("Washington approved the sale.", "Washington", "USAGOV"),
        ("The Kremlin denied the report.", "Kremlin", "RUSGOV"),
        ("The Pentagon announced new aid.", "Pentagon", "USAMIL"),
        ("Armenia's decision angered Baku.", "Baku", "AZEGOV"),
        ("Armenia's decision angered Baku.", "Armenia", "ARM"),
        ("Relations between Yerevan and Moscow soured.", "Yerevan", "ARMGOV"),
        ("The deal was approved by Ankara last week.", "Ankara", "TURGOV"),
    ],
)
def test_country_forms_that_act(text: str, mention: str, code: str) -> None:
    actor = actor_named(actors_of(text), mention)
    assert actor.code == code
    assert actor.kind == "country"
    assert actor.resolved_by == "dictionary"


def test_a_capital_written_as_a_place_is_no_actor() -> None:
    assert codes(actors_of("The ministers met in Baku on Tuesday.")) == {"GOV"}
    assert codes(actors_of("She flew to Tbilisi after a visit to Moscow.")) == set()


def test_a_country_as_a_place_or_a_modifier_is_no_actor() -> None:
    found = codes(actors_of("The convoy stopped in Jordan on its way to its Syria mission."))
    assert "JOR" not in found and "SYR" not in found


def test_the_country_table_overrides_the_model_label() -> None:
    """The small model tags "Armenia's" as an organisation; the table says it is the country."""
    actors = actors_of("Armenia's foreign minister will visit next week, Armenia's government said.")
    assert actor_named(actors, "Armenia's government").code == "ARMGOV"


def test_a_demonym_is_the_country_and_counted_people_are_civilians() -> None:
    """Our choice: "the Russians" as a side is Russia; "three Russians", "ordinary Russians" are people (CVL)."""
    assert actor_named(actors_of("The Russians have offered a new deal."), "Russians").code == "RUS"
    for text in ("Three Russians were detained at the border.", "Ordinary Russians queued for bread.",
                 "Thousands of Russians crossed the border."):  # fmt: skip
        detained = actor_named(actors_of(text), "Russians")
        assert (detained.code, detained.kind) == ("RUSCVL", "group")


def test_the_pronoun_us_is_never_the_united_states() -> None:
    actors = actors_of("Let us talk, the US envoy said.")
    assert codes(actors) == {"USAGOV"}
    assert actor_named(actors, "the US envoy").kind == "group"


def test_turkey_and_turkiye_are_one_country_and_the_bird_is_none() -> None:
    actors = actors_of("Turkey and Türkiye are the same country, officials in Ankara insisted.")
    turkey = actor_named(actors, "Turkey")
    assert turkey.code == "TUR" and any(m.text == "Türkiye" for m in turkey.mentions)
    assert actors_of("We ate turkey for dinner.") == []


@pytest.mark.parametrize(
    ("text", "mention", "code"),
    [
        ("The Democratic Republic of Congo accused Rwanda.", "Democratic Republic of Congo", "COD"),
        ("The Republic of Congo signed the deal.", "Republic of Congo", "COG"),
        ("Congo's army clashed with rebels.", "Congo's army", "CODMIL"),
        ("Officials in Brazzaville said Congo would not send troops.", "Congo", "COG"),
    ],
)
def test_the_two_congos(text: str, mention: str, code: str) -> None:
    """Bare "Congo" is the DR Congo unless the article names the Republic of the Congo's capital."""
    assert actor_named(actors_of(text), mention).code == code


def test_georgia_the_us_state_is_not_the_country() -> None:
    assert not any(actor.country == "GEO" for actor in actors_of("Protesters gathered in Atlanta, Georgia, on Sunday."))
    governor = actor_named(actors_of("Georgia's governor signed the bill."), "Georgia's governor")
    assert governor.country is None
    assert (
        actor_named(actors_of("Georgia's prime minister said talks would go on."), "Georgia's prime minister").code
        == "GEOGOV"
    )


# --- titled people, appositions, the people table, discovery ---


def test_a_titled_person_in_the_table() -> None:
    actors = actors_of("German Chancellor Olaf Scholz called for calm.")
    scholz = actor_named(actors, "German Chancellor Olaf Scholz")
    assert (scholz.name, scholz.code, scholz.kind, scholz.resolved_by) == (
        "Olaf Scholz",
        "DEUGOV",
        "person",
        "dictionary",
    )


@pytest.mark.parametrize(
    "text",
    [
        "Greece's Prime Minister Kyriakos Mitsotakis said the border was calm.",
        "Kyriakos Mitsotakis, Greece's prime minister, said the border was calm.",
    ],
)
def test_a_title_before_or_in_apposition(text: str) -> None:
    mitsotakis = next(actor for actor in actors_of(text) if actor.kind == "person")
    assert (mitsotakis.name, mitsotakis.code) == ("Kyriakos Mitsotakis", "GRCGOV")


def test_the_article_date_picks_the_office() -> None:
    """Boris Johnson led the UK government in 2020; by 2024 he was a former official (ELI)."""
    assert actors_of("Boris Johnson spoke in London.", "2020-06-01")[0].code == "GBRGOV"
    assert actors_of("Boris Johnson spoke in London.", "2024-06-01")[0].code == "GBRELI"


def test_a_person_missing_from_the_table_is_coded_from_the_title() -> None:
    actors = actors_of(
        "Chilean Foreign Minister Alberto Vargas said the embassy would close. Vargas added that talks would resume."
    )
    vargas = actor_named(actors, "Chilean Foreign Minister Alberto Vargas")
    assert (vargas.code, vargas.resolved_by, vargas.evidence) == ("CHLGOV", "title", "Chilean Foreign Minister")
    assert [m.resolution for m in vargas.mentions] == ["title", "surname"]


def test_a_title_without_a_country_takes_the_country_of_its_sentence() -> None:
    actors = actors_of("Foreign Ministry spokeswoman Sara Malik said Pakistan would respond.")
    malik = actor_named(actors, "Foreign Ministry spokeswoman Sara Malik")
    assert malik.code == "PAKGOV"
    assert malik.evidence is not None and "Pakistan" in malik.evidence


def test_a_military_rank_codes_the_military() -> None:
    haddad = actor_named(actors_of("Lt. Gen. Omar Haddad inspected the border posts."), "Lt. Gen. Omar Haddad")
    assert haddad.sector == "MIL" and haddad.resolved_by == "title"


def test_a_former_office_holder_is_an_elite() -> None:
    actors = actors_of("Former Brazilian president Jair Bolsonaro was barred from office.", "2023-07-01")
    assert actor_named(actors, "Former Brazilian president Jair Bolsonaro").code == "BRAELI"


def test_a_misspelt_country_form() -> None:
    assert actor_named(actors_of("The Ukrianians rejected the offer."), "Ukrianians").country == "UKR"


def test_a_named_person_nothing_codes_is_kept_uncoded() -> None:
    person = actors_of("Maria Lopez answered the questions.")[0]
    assert (person.name, person.code, person.resolved_by) == ("Maria Lopez", None, "unresolved")


def test_a_capital_that_is_a_first_name_stays_in_the_name() -> None:
    actors = actors_of("Interior Secretary Aden Farah said the curfew would be lifted.")
    assert [(actor.name, actor.country) for actor in actors if actor.kind == "person"] == [("Aden Farah", None)]


def test_a_dateline_is_no_actor() -> None:
    actors = actors_of("NAIROBI — Kenyan police fired tear gas on Tuesday. Donors urged Nairobi to cut spending.")
    nairobi = actor_named(actors, "Nairobi")
    assert nairobi.code == "KENGOV" and len(nairobi.mentions) == 1


def test_coordinated_nationalities_are_one_group_each() -> None:
    actors = actors_of("Russian and Ukrainian delegations met in Istanbul.")
    assert codes(actors) == {"RUSGOV", "UKRGOV"}


def test_a_capital_that_is_a_surname_stays_the_person() -> None:
    actors = actors_of("Peruvian economist Carlos Lima criticised the budget. Lima said the deficit would grow.")
    assert [actor.name for actor in actors] == ["Carlos Lima"]
    assert [m.resolution for m in actors[0].mentions] == ["title", "surname"]
    assert not any(actor.country == "FRA" for actor in actors_of("Paris Hilton said she loved the show."))


# --- described groups (compound nominals) ---


@pytest.mark.parametrize(
    ("text", "mention", "code"),
    [
        ("Turkish troops crossed the border.", "Turkish troops", "TURMIL"),
        ("Sudan's army shelled the city.", "Sudan's army", "SDNMIL"),
        ("Argentina's Labor Department issued a statement.", "Argentina's Labor Department", "ARGGOVLAB"),
        ("Polish farmers blocked the roads.", "Polish farmers", "POLAGR"),
        ("Canadian scientists warned of a shortage.", "Canadian scientists", "CANEDU"),
        ("A British frigate sailed through the strait.", "A British frigate", "GBRMIL"),
        ("A former Kremlin adviser said the plan was flawed.", "A former Kremlin adviser", "RUSELI"),
        ("Dhaka police detained the suspects.", "Dhaka police", "BGDCOP"),
        ("The president of Azerbaijan arrived late.", "The president of Azerbaijan", "AZEGOV"),
        ("The head of the police resigned.", "The head of the police", "COP"),
        ("A spokesman for the army denied it.", "A spokesman for the army", "MIL"),
    ],
)
def test_described_groups(text: str, mention: str, code: str) -> None:
    actor = actor_named(actors_of(text), mention)
    assert actor.code == code
    assert actor.resolved_by == "description"


def test_an_opposition_mp_is_legislature_and_opposition() -> None:
    actor = actor_named(actors_of("An opposition MP said the vote was rigged."), "An opposition MP")
    assert actor.sector == "LEG" and "OPP" in code_parts(actor.code)


def test_an_organisation_in_the_table() -> None:
    actors = actors_of("The paramilitary Rapid Support Forces attacked the camp.", "2024-01-10")
    rsf = actor_named(actors, "Rapid Support Forces")
    assert (rsf.kind, rsf.country, rsf.sector) == ("organisation", "SDN", "REB")


def test_members_of_a_national_organisation_are_the_organisation() -> None:
    actors = actors_of("Hezbollah fighters fired rockets at the border.")
    assert actor_named(actors, "Hezbollah fighters").code == load_lexicon().organisations.lookup("Hezbollah").code


def test_an_international_organisation_keeps_no_country() -> None:
    un = actor_named(actors_of("The United Nations condemned the attack."), "United Nations")
    assert un.country is None and un.code is not None and un.code.startswith("IGO")


def test_a_predicate_nominal_is_no_second_actor() -> None:
    assert codes(actors_of("Norway has long been a mediator in the conflict.")) == {"NOR"}


# --- output shape, speed ---


def test_mentions_point_into_the_text() -> None:
    text = "Turkish troops crossed the border, and Moscow protested."
    for actor in actors_of(text):
        for mention in actor.mentions:
            assert text[mention.start : mention.end] == mention.text
    record = actors_of(text)[0].to_dict()
    assert set(record) == {"name", "code", "country", "sector", "kind", "resolved_by", "mentions", "evidence"}
    assert set(record["mentions"][0]) == {"start", "end", "text", "resolution", "sentence_index"}


def test_the_tables_are_loaded_once() -> None:
    assert load_lexicon() is load_lexicon()


# --- the founding example ---


@pytest.fixture(scope="module")
def seed_actors() -> list[Actor]:
    shared = shared_dir()
    if shared is None or not (shared / SEED).is_file():
        pytest.skip("the founding example is not present (../shared)")
    article = extract_text_dump((shared / SEED).read_text(encoding="utf-8"))
    return find_actors(parse(article.text), published=article.published)


def test_seed_people(seed_actors: list[Actor]) -> None:
    people = {actor.name: actor.code for actor in seed_actors if actor.kind == "person"}
    assert people == {"Vladimir Putin": "RUSGOV", "Ilham Aliyev": "AZEGOV", "Nikol Pashinyan": "ARMGOV"}


def test_seed_coreference(seed_actors: list[Actor]) -> None:
    putin = next(actor for actor in seed_actors if actor.name == "Vladimir Putin")
    aliyev = next(actor for actor in seed_actors if actor.name == "Ilham Aliyev")
    assert any(m.text == "The Russian leader" and m.resolution == "role" for m in putin.mentions)
    last_sentence = max(m.sentence_index for actor in seed_actors for m in actor.mentions)
    assert any(
        m.text == "he" and m.resolution == "pronoun" and m.sentence_index == last_sentence for m in aliyev.mentions
    )


@pytest.mark.parametrize(("capital", "country"), [("Baku", "AZE"), ("Moscow", "RUS"), ("Yerevan", "ARM")])
def test_seed_capitals_as_actors(seed_actors: list[Actor], capital: str, country: str) -> None:
    actor = actor_named(seed_actors, capital)
    assert (actor.country, actor.code) == (country, f"{country}GOV")


def test_seed_place_capital_is_no_mention(seed_actors: list[Actor]) -> None:
    """ "on a visit to Baku" and "in Baku" are places: Baku acts only in "Baku's campaign"."""
    baku = actor_named(seed_actors, "Baku")
    assert len(baku.mentions) == 2  # "Baku liberated the Karabakh enclave", "Baku's campaign"
