"""Within-article coreference: surnames, role descriptions and he/she, on sentences written for these tests."""

from __future__ import annotations

from eventwire.actors import Actor, find_actors
from eventwire.nlp import parse

DAY = "2024-05-01"


def actors_of(text: str) -> list[Actor]:
    return find_actors(parse(text), published=DAY)


def person(actors: list[Actor], name: str) -> Actor:
    return next(actor for actor in actors if actor.kind == "person" and actor.name == name)


def resolutions(actor: Actor) -> list[tuple[str, str]]:
    return [(mention.text, mention.resolution) for mention in actor.mentions]


def test_a_surname_after_the_full_name() -> None:
    actors = actors_of("Vladimir Putin arrived on Monday. Putin then met the governor.")
    assert resolutions(person(actors, "Vladimir Putin")) == [("Vladimir Putin", "dictionary"), ("Putin", "surname")]


def test_a_surname_the_model_did_not_tag_as_a_name() -> None:
    actors = actors_of("Chilean Interior Minister Rodrigo Soto spoke first. Soto added that the border would reopen.")
    assert ("Soto", "surname") in resolutions(person(actors, "Rodrigo Soto"))


def test_a_role_description_goes_to_the_most_recent_person_of_its_country() -> None:
    text = "Vladimir Putin met Recep Tayyip Erdogan in Sochi. The Russian leader said the talks were useful."
    actors = actors_of(text)
    assert ("The Russian leader", "role") in resolutions(person(actors, "Vladimir Putin"))
    assert not any(m.text == "The Russian leader" for m in person(actors, "Recep Tayyip Erdoğan").mentions)


def test_a_title_in_a_role_description_must_match_the_person_role() -> None:
    text = (
        "Chilean Interior Minister Rodrigo Soto met Chilean President Gabriel Boric. "
        "The president said the border would reopen. The minister disagreed."
    )
    actors = actors_of(text)
    assert ("The president", "role") in resolutions(person(actors, "Gabriel Boric"))
    assert ("The minister", "role") in resolutions(person(actors, "Rodrigo Soto"))


def test_an_indefinite_role_is_a_new_actor() -> None:
    actors = actors_of("Vladimir Putin spoke on Monday. A Russian official later denied the report.")
    official = next(actor for actor in actors if actor.kind == "group")
    assert (official.code, official.resolved_by) == ("RUSGOV", "description")


def test_a_role_with_no_fitting_person_stays_a_group() -> None:
    actors = actors_of("Mariam Okafor, a Nigerian senator, met the minister of finance on Friday.")
    minister = next(actor for actor in actors if actor.kind == "group")
    assert minister.sector == "GOV"


def test_an_uncoded_person_is_coded_by_a_later_role_description() -> None:
    actors = actors_of(
        "Tariq Hamdan arrived in Cairo on Monday. The Jordanian foreign minister said he hoped for a ceasefire."
    )
    hamdan = person(actors, "Tariq Hamdan")
    assert (hamdan.code, hamdan.resolved_by, hamdan.evidence) == (
        "JORGOV",
        "coreference",
        "The Jordanian foreign minister",
    )


def test_he_in_a_clause_governed_by_a_person_subject() -> None:
    text = "Vladimir Putin met Recep Tayyip Erdogan in Sochi. The Turkish president said that he would return in May."
    assert ("he", "pronoun") in resolutions(person(actors_of(text), "Recep Tayyip Erdoğan"))


def test_he_after_a_quotation_is_the_subject_of_the_previous_sentence() -> None:
    text = (
        "Emmanuel Macron met Olaf Scholz in Berlin. Scholz said the talks had gone well. "
        '"We agree on the essentials," he said.'
    )
    actors = actors_of(text)
    assert ("he", "pronoun") in resolutions(person(actors, "Olaf Scholz"))
    assert ("he", "pronoun") not in resolutions(person(actors, "Emmanuel Macron"))


def test_she_without_a_subject_before_is_the_most_recent_person() -> None:
    text = "The committee heard Maria Lopez on Tuesday. Reporters waited outside. She said the plan was wrong."
    assert ("She", "pronoun") in resolutions(person(actors_of(text), "Maria Lopez"))


def test_a_pronoun_with_nobody_before_is_no_mention() -> None:
    assert actors_of("He said the plan was wrong.") == []


def test_a_bare_body_noun_is_the_organisation_named_just_before() -> None:
    """ "the group" after Hezbollah is Hezbollah; "the alliance" after NATO is NATO; a group
    phrase that names a country, or an alliance with no IGO before it, is left alone."""
    from eventwire.actors import find_actors
    from eventwire.nlp import load_nlp

    doc = load_nlp()(
        "Hezbollah fired rockets at northern Israel on Monday. The group also threatened to attack Haifa. "
        "NATO met in Brussels. The alliance condemned Russia."
    )
    mentions = {actor.code: [m.text for m in actor.mentions] for actor in find_actors(doc, published="2020-01-01")}
    assert "The group" in mentions["LBNREBHEZ"]
    assert "The alliance" in mentions["IGOWSTNAT"]


def test_a_body_noun_skips_an_organisation_of_another_kind() -> None:
    from eventwire.actors import find_actors
    from eventwire.nlp import load_nlp

    doc = load_nlp()("NATO ministers met in Brussels. The group later marched to parliament.")
    nato = next(actor for actor in find_actors(doc, published="2020-01-01") if actor.code == "IGOWSTNAT")
    assert all(m.text != "The group" for m in nato.mentions)


def test_a_body_noun_after_a_plural_of_people_is_left_alone() -> None:
    """ "The group" after "15 students" may be the students: no organisation is guessed."""
    from eventwire.actors import find_actors
    from eventwire.nlp import load_nlp

    doc = load_nlp()("Human Rights Watch reported that soldiers arrested 15 students in Harare. The group was later released on bail.")
    watch = next(actor for actor in find_actors(doc, published="2020-01-01") if actor.code == "NGOHRIHRW")
    assert all(m.text != "The group" for m in watch.mentions)


def test_a_body_noun_takes_up_a_subject_not_a_modifier() -> None:
    """ "a Hamas member" was arrested: "the group" later is not thereby Hamas."""
    from eventwire.actors import find_actors
    from eventwire.nlp import load_nlp

    doc = load_nlp()("Police arrested a Hamas member in Hebron. The group condemned the arrest.")
    assert all(m.text != "The group" for actor in find_actors(doc, published="2020-01-01") for m in actor.mentions)
