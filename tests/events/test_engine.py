"""The engine's grammar, on sentences of our own, through the real parse and lexicon.

Each test pins one convention of CAMEO coding that the engine implements (coordination,
passives, control verbs, negation, the future, reported speech, accusations, hosting), so
that a change to the rules or the lexicon that breaks one shows here by name.
"""

from __future__ import annotations

import pytest

from eventwire.events import Event, code_text

PUBLISHED = "2024-08-16"  # a Friday


def dyads(text: str) -> set[tuple[str | None, str | None, str]]:
    """(source country, target country, CAMEO code) of every event of ``text``."""
    return {(e.source.country if e.source else None, e.target.country if e.target else None, e.code) for e in events(text)}


def events(text: str) -> list[Event]:
    return code_text(text, published=PUBLISHED)


def test_plain_transitive_verb() -> None:
    assert ("IRN", "ISR", "190") in {(s, t, c[:3]) for s, t, c in dyads("Iran attacked Israel on Tuesday.")}


def test_passive_voice_reads_the_by_phrase_as_source() -> None:
    found = dyads("Ukraine was attacked by Russia.")
    assert any(source == "RUS" and target == "UKR" and code.startswith("19") for source, target, code in found)


def test_coordinated_subjects_give_one_event_each() -> None:
    found = {(s, t) for s, t, c in dyads("France, Germany and Italy met Japan in Rome.") if c.startswith("04")}
    assert {("FRA", "JPN"), ("DEU", "JPN"), ("ITA", "JPN")} <= found
    # a meeting is mutual: Japan met each of them too
    assert {("JPN", "FRA"), ("JPN", "DEU"), ("JPN", "ITA")} <= found


def test_between_x_and_y_gives_two_targets() -> None:
    found = dyads("Qatar will mediate between Sudan and Chad.")
    assert {("QAT", "SDN", "039"), ("QAT", "TCD", "039")} <= found


def test_control_verb_turns_the_act_into_an_intent() -> None:
    found = dyads("Turkey offered to mediate between Sudan and Chad.")
    assert {("TUR", "SDN", "039"), ("TUR", "TCD", "039")} <= found
    assert not any(code == "045" for _, _, code in found)


def test_refusal_and_threat() -> None:
    assert any(code.startswith("12") for s, t, code in dyads("Serbia refused to meet Kosovo.") if s == "SRB")
    threats = dyads("Israel threatened to attack Lebanon.")
    assert any(s == "ISR" and t == "LBN" and code.startswith("138") for s, t, code in threats)


def test_appeal_targets_the_party_asked() -> None:
    found = dyads("Germany urged Iran to release the detained sailors.")
    assert any(s == "DEU" and t == "IRN" and code.startswith("02") for s, t, code in found)


def test_negated_act_is_not_coded() -> None:
    assert not any(code.startswith("19") for _, _, code in dyads("Iran did not attack Israel."))


def test_future_cooperation_is_an_intent() -> None:
    found = events("Chile will meet Peru next week.")
    assert any(event.code == "036" and "future" in event.evidence.modifiers for event in found)


def test_reported_speech_codes_the_embedded_act() -> None:
    found = dyads("Israel said Iran attacked Iraq last week.")
    assert any(s == "IRN" and t == "IRQ" and code.startswith("19") for s, t, code in found)


def test_what_an_accusation_is_about_did_not_happen() -> None:
    found = dyads("Armenia accused Russia of attacking Georgia.")
    assert any(s == "ARM" and t == "RUS" and code.startswith("11") for s, t, code in found)
    assert not any(s == "RUS" and t == "GEO" for s, t, _ in found)


def test_a_hosted_visit_is_also_the_guests_visit() -> None:
    found = dyads("Egypt hosted the Japanese prime minister.")
    assert ("EGY", "JPN", "043") in found and ("JPN", "EGY", "042") in found


def test_visit_noun_takes_its_host_from_the_place() -> None:
    found = events("The Kenyan foreign minister began a visit to Kampala on Monday.")
    visit = next(event for event in found if event.code == "042")
    assert (visit.source.country, visit.target.country) == ("KEN", "UGA")
    assert visit.date == "2024-08-12" and visit.date_text == "on Monday"


def test_event_dated_by_its_own_expression_not_publication() -> None:
    found = events("Azerbaijan captured the region in a September 2023 offensive.")
    assert any(event.code.startswith("19") and event.date == "2023-09" for event in found)


def test_one_event_per_sentence_source_target_and_code() -> None:
    found = events("Russia attacked Ukraine and attacked Ukraine again.")
    keys = [(e.source.code, e.target.code if e.target else None, e.code) for e in found]
    assert len(keys) == len(set(keys))


def test_evidence_points_at_the_words() -> None:
    text = "Greece accused Turkey of violating its airspace."
    event = next(e for e in events(text) if e.code.startswith("11"))
    predicate = event.evidence.predicate
    assert text[predicate.start : predicate.end] == predicate.text == "accused"
    assert text[event.source.start : event.source.end] == "Greece"
    assert event.evidence.pattern and event.evidence.field == "text"
    assert event.sentence == text and event.published == PUBLISHED


@pytest.mark.parametrize("text", ["", "No actors here, only words.", "Then it rained."])
def test_sentences_without_actors_give_no_events(text: str) -> None:
    assert events(text) == []


def test_it_in_a_reported_clause_is_the_reporting_state() -> None:
    found = dyads("Norway said it would send aid to Haiti.")
    assert any(s == "NOR" and t == "HTI" and code.startswith("033") for s, t, code in found)


def test_it_never_refers_to_the_subject_of_its_own_clause() -> None:
    found = dyads("Peru says Chile attacked it.")
    assert any(s == "CHL" and t == "PER" and code.startswith("19") for s, t, code in found)


def test_a_demand_is_addressed_to_the_subject_of_its_clause() -> None:
    found = dyads("Chile demanded that Peru return the fishing boats.")
    assert any(s == "CHL" and t == "PER" and code.startswith("10") for s, t, code in found)


def test_willing_to_is_an_intent_of_the_subject_of_be() -> None:
    found = dyads("Kenya is willing to send peacekeepers to Haiti.")
    assert any(s == "KEN" and t == "HTI" and code.startswith("03") for s, t, code in found)


def test_will_not_is_a_refusal() -> None:
    found = events("Chad will not meet Niger.")
    assert any(e.code.startswith("12") and e.evidence.modifiers == ("negated:future",) for e in found)


def test_a_reported_obligation_is_a_demand_on_the_clause_subject() -> None:
    found = dyads("Chile said Peru must rethink its tariffs.")
    assert ("CHL", "PER", "100") in found


def test_a_commitment_whose_act_is_not_in_the_lexicon_is_still_an_intent() -> None:
    found = dyads("Laos agreed to postpone the vote on the Thai dam.")
    assert ("LAO", "THA", "030") in found


def test_a_measure_noun_stands_for_what_it_measures() -> None:
    found = dyads("Japan sent tons of food aid to Nepal.")
    assert any(s == "JPN" and t == "NPL" and code.startswith("07") for s, t, code in found)


def test_coordinated_parties_meet_each_other() -> None:
    found = {(s, t) for s, t, c in dyads("Chile and Peru met on Monday.") if c.startswith("04")}
    assert found == {("CHL", "PER"), ("PER", "CHL")}


def test_a_protest_is_aimed_at_the_country_where_it_happens() -> None:
    found = dyads("Nepali students protested in Delhi.")
    assert any(s == "NPL" and t == "IND" and code.startswith("14") for s, t, code in found)


def test_the_party_an_object_concerns_is_the_target() -> None:
    found = dyads("Ukrainian lawmakers ratified an agreement with Moldova.")
    assert any(s == "UKR" and t == "MDA" for s, t, _ in found)


def test_unnamed_perpetrator_is_an_unidentified_armed_force_of_the_place() -> None:
    found = events("A roadside bomb killed two Kenyan soldiers near Garissa.")
    attack = next(e for e in found if e.code.startswith("19") or e.code.startswith("18"))
    assert (attack.source.code, attack.target.country) == ("KENUAF", "KEN")


def test_a_party_without_a_country_takes_the_place_of_its_act() -> None:
    found = dyads("Dockers rioted at the port of Mombasa.")
    assert any(s == "KEN" and code.startswith("14") for s, _, code in found)


def test_what_a_claim_of_responsibility_is_for_is_not_coded_again() -> None:
    found = events("Hamas claimed responsibility for the killing of two Israeli soldiers.")
    assert [e.code for e in found] == ["015"]


def test_a_group_named_by_its_modifier_takes_its_country() -> None:
    found = dyads("Saudi-led forces shelled Yemeni villages.")
    assert any(s == "SAU" for s, _, code in found if code.startswith("19"))


def test_the_place_an_act_is_done_in_is_its_target_when_none_is_named() -> None:
    found = dyads("Turkish troops imposed a curfew in Syria.")
    assert any(s == "TUR" and t == "SYR" for s, t, _ in found)


def test_a_control_noun_recodes_the_act_it_governs() -> None:
    found = events("Egypt renewed its offer to mediate between Sudan and Chad.")
    assert {("EGY", "SDN", "039"), ("EGY", "TCD", "039")} <= {
        (e.source.country, e.target.country if e.target else None, e.code) for e in found
    }


def test_talks_between_two_parties_are_each_sides_act() -> None:
    found = {(s, t) for s, t, c in dyads("Talks between Rwanda and Uganda resumed in Doha.") if c.startswith("04")}
    assert found == {("RWA", "UGA"), ("UGA", "RWA")}


def test_a_countryless_party_of_a_domestic_act_takes_the_other_sides_country() -> None:
    assert ("TUN", "TUN", "193") in dyads("Tunisian police opened fire on strikers.")


def test_talks_with_someone_are_theirs_too() -> None:
    found = dyads("Oman held talks with Iran.")
    assert {("OMN", "IRN"), ("IRN", "OMN")} <= {(s, t) for s, t, c in found if c.startswith("04")}


def test_distributive_adjectives_give_each_country_its_party() -> None:
    found = dyads("Danish and Swedish activists staged a protest in Moscow.")
    assert {("DNK", "RUS"), ("SWE", "RUS")} <= {(s, t) for s, t, c in found if c.startswith("14")}


def test_a_verb_of_another_family_acts_on_its_object_noun() -> None:
    found = {code[:2] for _, _, code in dyads("Japan lifted the travel ban on China.")}
    assert "08" in found and "16" not in found


def test_a_vow_to_fight_is_a_threat_of_force() -> None:
    found = events("Tamil rebels vowed to fight on.")
    assert [e.code for e in found] == ["1384"]


def test_a_party_object_is_any_person_or_role() -> None:
    assert ("EGY", "ITA", "0841") in dyads("Egypt released the Italian student.")
    assert not any(code.startswith("084") for _, _, code in dyads("Egypt released its annual budget."))


@pytest.mark.parametrize(
    "text",
    [
        "Chile held no talks with Peru.",
        "Talks between Chile and Peru did not take place.",
        "Iran may attack Israel.",
        "Iran denied attacking Israel.",
        "If Iran attacks Israel, the region will burn.",
        "Iran said.",
    ],
)
def test_acts_that_did_not_happen_are_not_coded(text: str) -> None:
    assert not any(e.code[:2] in ("04", "19") or e.code == "010" for e in events(text))


def test_an_act_a_reaction_is_about_still_happened() -> None:
    found = dyads("Iran did not condemn the Russian attack on Ukraine.")
    assert any(s == "RUS" and t == "UKR" and code.startswith("19") for s, t, code in found)


def test_a_negated_intent_is_a_refusal() -> None:
    assert any(code.startswith("12") for s, _, code in dyads("Serbia did not agree to meet Kosovo.") if s == "SRB")


def test_armed_forces_arriving_do_not_visit() -> None:
    assert not any(code == "042" for _, _, code in dyads("Kenyan troops arrived in Haiti."))


def test_an_undated_event_takes_the_publication_day_only_when_it_is_a_date() -> None:
    assert {e.date for e in code_text("Iran attacked Israel.", published="2024-08-16")} == {"2024-08-16"}
    assert {e.date for e in code_text("Iran attacked Israel.", published="16 August 2024")} == {None}
    assert {e.date for e in code_text("Iran attacked Israel.", published="2024-13-45")} == {None}


def test_deep_phrases_do_not_exhaust_the_stack() -> None:
    text = "Iran attacked the " + "allies of the " * 1200 + "Iraqi army."
    assert any(e.code.startswith("19") for e in events(text))


def test_the_headline_is_coded_with_the_bodys_people() -> None:
    from eventwire.actors import find_actors
    from eventwire.events.headline import headline_events
    from eventwire.nlp import parse

    body = parse("South African President Cyril Ramaphosa spoke in Pretoria on Monday.")
    title = parse("Ramaphosa offers to mediate between Sudan and Chad")
    found = headline_events(title, find_actors(body, published=PUBLISHED), published=PUBLISHED)
    assert {(e.source.country, e.target.country, e.code) for e in found} >= {("ZAF", "SDN", "039"), ("ZAF", "TCD", "039")}
    assert all(e.evidence.field == "title" for e in found)


def test_an_intended_act_is_dated_forward_and_an_offer_by_its_verb() -> None:
    assert {e.date for e in code_text("Iran plans to meet Iraq on Monday.", published=PUBLISHED)} == {"2024-08-19"}
    offers = code_text("Turkey offered on Monday to mediate between Sudan and Chad.", published=PUBLISHED)
    assert {e.date for e in offers} == {"2024-08-12"}


def test_an_object_class_names_every_role_noun_of_its_sector() -> None:
    from eventwire.events.engine import _names_object
    from eventwire.nlp import parse

    doc = parse("Chad sent soldiers, peacekeepers and refugees.")
    military = frozenset({"@mil"})
    assert _names_object(doc[2], military) and _names_object(doc[4], military)
    assert not _names_object(doc[6], military) and _names_object(doc[6], frozenset({"@ref"}))


def test_acts_said_to_be_mutual_pair_their_parties() -> None:
    found = {(s, t) for s, t, c in dyads("Sudan and Chad traded accusations.") if c.startswith("11")}
    assert found == {("SDN", "TCD"), ("TCD", "SDN")}


def test_a_second_verb_hung_on_a_reported_clause_keeps_the_speaker() -> None:
    found = dyads("Jordan's king said the deal was holding and urged Syria to respect it.")
    assert any(s == "JOR" and t == "SYR" and code.startswith("02") for s, t, code in found)


def test_a_role_shared_by_coordinated_countries_is_each_countrys() -> None:
    found = {(s, t) for s, t, c in dyads("Foreign ministers from Chile and Peru met in Lima.") if c.startswith("04")}
    assert {("CHL", "PER"), ("PER", "CHL")} <= found


def test_a_state_institution_named_by_a_noun_is_a_party() -> None:
    found = dyads("NAIROBI, Kenya — The opposition condemned the police response.")
    assert any(t == "KEN" and code.startswith("11") for _, t, code in found)


def test_a_country_named_on_one_mention_holds_for_every_mention() -> None:
    found = dyads("Prince Albert of Monaco said he would host talks between France and Italy.")
    assert any(s == "MCO" for s, _, code in found if code.startswith("03") or code.startswith("04"))


def test_the_doer_decides_a_blockade_from_a_protest() -> None:
    assert any(code == "144" for _, _, code in dyads("Kenyan protesters blocked roads in Nairobi."))
    assert not any(code == "144" for _, _, code in dyads("Israel blocked roads into Gaza."))


def test_an_answer_is_aimed_at_the_author_of_what_it_answers() -> None:
    found = dyads("Ecuador rejected an apology from Colombia.")
    assert any(s == "ECU" and t == "COL" and code.startswith("12") for s, t, code in found)


def test_a_protest_naming_no_one_is_aimed_at_the_protesters_government() -> None:
    found = events("Thousands of Kenyan teachers went on strike.")
    strike = next(e for e in found if e.code.startswith("14"))
    assert strike.target.code == "KENGOV" and "target:own-government" in strike.evidence.modifiers


def test_a_measure_on_a_territory_naming_no_one_is_laid_on_the_doers_own_country() -> None:
    imposed = next(e for e in events("Kenya imposed martial law after the riots.") if e.code == "1724")
    assert imposed.target.code == "KEN" and "target:own-country" in imposed.evidence.modifiers
    threatened = next(e for e in events("President Ruto threatened to impose a curfew.") if e.code == "1323")
    assert threatened.target.code == "KEN"
    on_refugees = next(e for e in events("Kenya imposed a curfew on Somali refugees.") if e.code == "1723")
    assert on_refugees.target.country == "SOM"  # a named party keeps the act


def test_an_acts_purpose_names_its_target() -> None:
    assert ("TUN", "TUN", "175") in dyads("Tunisian police fired tear gas to scatter striking dockers.")


def test_what_travellers_came_for_is_their_act() -> None:
    found = {(s, t) for s, t, c in dyads("Chilean and Peruvian negotiators returned to Geneva for talks.") if c.startswith("04")}
    assert {("CHL", "PER"), ("PER", "CHL")} <= found


def test_visitors_are_not_placed_where_they_meet() -> None:
    visits = [e for e in events("The envoys arrived in Doha for talks.") if e.code == "042"]
    assert visits and all(e.source.country is None for e in visits)


# --- acts that are named but not reported (engine._only_mentioned) -----------------------


@pytest.mark.parametrize(
    ("text", "kept", "dropped"),
    [
        # a noun inside another noun's phrase is part of what that noun names
        ("Uruguay criticised the timing of the Argentine troop withdrawal.", "111", "0874"),
        # an act in a time phrase is background, even when "following" is parsed as a verb
        ("Norway proposed peace talks following a Russian assault on Ukraine.", "036", "190"),
        ("Brazil restored ties with Paraguay after last year's Paraguayan invasion.", "054", "192"),
        # what an accusation alleges has not been shown to have happened
        ("Chile alleged that Peru attacked Bolivian troops.", "112", "190"),
        # a present relative clause or participle describes a party
        ("Chile condemned the Bolivian militia, which rejects the accord with Peru.", "111", "127"),
        ("Chile arrested Bolivian activists opposing the accord with Peru.", "173", "110"),
        # ...as a material act without an object of its own does (a role, not an act)
        ("Chile arrested Bolivian guerrillas fighting in Peru.", "173", "190"),
        # what a rejection rejects is coded as the rejection
        ("Chile rejected Peru's proposal.", "120", "030"),
        # the content of an invitation or a plan that another act takes as its object
        ("Denmark rejected an invitation from Norway to visit Oslo.", "125", "042"),
        ("Canada shelved plans to sell helicopters to Chile.", "0832", "0312"),
        # what a demand asks for has not happened
        ("Chile demanded that Bolivia recall its ambassador.", "100", "161"),
        # ...whether the demand is a verb, or asks for a noun whose clause holds the act
        ("Peru pressed for a confession by Chile that its sailors had attacked Peruvian fishermen.", "100", "190"),
        # a purpose is what an act is for
        ("Jordan sent envoys to Cairo to negotiate with Egypt.", "042", "046"),
        # a text's stated aim is not its authors' act
        ("Italy praised a Nigerian scheme that seeks to deploy troops in Mali.", "051", "138"),
    ],
)
def test_an_act_only_mentioned_is_not_coded(text: str, kept: str, dropped: str) -> None:
    codes = {code for _, _, code in dyads(text)}
    assert kept in codes
    assert dropped not in codes


def test_an_act_measured_by_its_duration_in_a_time_phrase_is_background() -> None:
    found = dyads("Bolivian rebels accepted a truce after three years of Chilean air strikes.")
    assert not any(code.startswith("19") for _, _, code in found)


def test_clashes_measured_in_a_time_phrase_are_background() -> None:
    found = dyads("Kenya and Uganda opened talks following two months of clashes between Kenyan and Ugandan soldiers.")
    assert {("KEN", "UGA", "046"), ("UGA", "KEN", "046")} <= found
    assert not any(code.startswith("19") for _, _, code in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kenya announced the resumption of talks with Uganda.", {("KEN", "UGA", "040"), ("UGA", "KEN", "040")}),
        ("Ghana welcomed the start of talks between Togo and Benin.", {("TGO", "BEN", "040"), ("BEN", "TGO", "040")}),
    ],
)
def test_an_act_in_a_phase_nouns_phrase_takes_place(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert expected <= dyads(text)


def test_a_measure_noun_still_reports_its_acts() -> None:
    found = dyads("A series of Egyptian arrests of Libyan smugglers angered Tripoli.")
    assert ("EGY", "LBY", "173") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the joined verb, when the lexicon has it
        ("Spain re-established diplomatic relations with Syria.", ("ESP", "SYR", "054")),
        ("Greece decided to re-open its embassy in Turkey.", ("GRC", "TUR", "054")),
        ("Chile pledged to co-operate with Peru.", ("CHL", "PER", "032")),
        # the base verb, when it does not
        ("Israel re-imposed a blockade on Gaza.", ("ISR", "PSE", "191")),
    ],
)
def test_a_verb_split_at_its_prefix_hyphen_is_one_verb(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in dyads(text)


def test_a_reversing_prefix_does_not_fall_back_to_the_base_verb() -> None:
    for text in ("Kenya decided to de-recognise the Somali junta.", "Kenya de-recognises the Somali junta."):
        assert not any(code.startswith("05") for _, _, code in dyads(text))


def test_a_noun_split_at_its_prefix_hyphen_is_left_alone() -> None:
    assert dyads("Peru won re-election in May.") == set()


@pytest.mark.parametrize(
    "text",
    [
        "Chile and Peru held joint military exercises.",
        "Chile and Peru jointly patrolled the border.",
        "Chile and Peru patrolled the border together.",
    ],
)
def test_coordinated_parties_acting_jointly_cooperate_with_each_other(text: str) -> None:
    found = dyads(text)
    assert {("CHL", "PER", "062"), ("PER", "CHL", "062")} <= found
    assert not any(code.startswith("15") for _, _, code in found)


def test_joint_drills_near_a_named_country_are_still_a_show_of_force() -> None:
    assert ("CHL", "BOL", "150") in dyads("Chile and Peru held joint naval drills off Bolivia.")


def test_a_posture_not_said_to_be_joint_stays_each_partys_own() -> None:
    found = dyads("Chile and Peru put their troops on alert.")
    assert not any(code == "062" for _, _, code in found)


def test_a_coordinated_infinitive_shares_its_control_verb() -> None:
    found = dyads("Kenya threatened to suspend and cancel its aid to Somalia.")
    assert ("KEN", "SOM", "1311") in found  # a threat to cancel it, not cancelled aid
    assert ("KEN", "SOM", "162") not in found


def test_a_finite_verb_coordinated_with_a_threat_is_an_act_of_its_own() -> None:
    found = dyads("Ghana threatened to shut its embassy and expelled the Togolese envoy on Friday.")
    assert ("GHA", "TGO", "161") in found  # the expulsion happened
    assert not any(t == "TGO" and code.startswith("13") for _, t, code in found)


@pytest.mark.parametrize(
    "text",
    [
        "Chile restated its insistence that Peru pull back its troops.",  # clause hung on the verb
        "Chile issued a demand that Peru pay compensation.",  # clause hung on the noun
    ],
)
def test_a_demand_noun_is_addressed_to_the_subject_of_its_clause(text: str) -> None:
    found = dyads(text)
    assert ("CHL", "PER", "100") in found
    assert not any(source == "PER" for source, _, _ in found)  # what is asked has not happened


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kenyan jets bomb Shabaab fighters who shell Kenyan towns.", ("SOM", "KEN", "19")),
        ("Malian troops killed six Nigerien gunmen raiding a Malian army camp.", ("NER", "MLI", "19")),
    ],
)
def test_a_present_clause_doing_a_material_act_to_an_object_reports_it(text: str, expected: tuple[str, str, str]) -> None:
    assert any((s, t, c[:2]) == expected for s, t, c in dyads(text))


def test_a_past_relative_clause_still_reports_an_act() -> None:
    assert ("BOL", "PER", "190") in dyads("Chile condemned the Bolivian rebels who attacked Peru.")


@pytest.mark.parametrize(
    "text", ["Chile planned an attack on Bolivia.", "Chile is preparing an offensive against Bolivian rebels."]
)
def test_an_attack_planned_is_not_an_attack_by_an_unidentified_force(text: str) -> None:
    assert not any(code.startswith("19") for _, _, code in dyads(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile agreed to talks with Peru.", ("CHL", "PER", "036")),  # as "agreed to meet Peru"
        ("Chile planned an attack on Bolivia.", ("CHL", "BOL", "1384")),  # as "planned to attack"
        ("Chile did not agree to talks with Peru.", ("CHL", "PER", "125")),  # a negated intent
    ],
)
def test_an_event_noun_a_control_verb_governs_is_its_subjects_act_to_come(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in dyads(text)


def test_a_noun_naming_another_party_as_doer_is_not_recoded() -> None:
    found = dyads("Bolivia agreed to a Brazilian mediation effort.")
    assert ("BOL", "BRA", "030") in found
    assert not any(source == "BOL" and code.startswith("03") and code != "030" for source, _, code in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Bolivian army began bombarding Chilean trenches.", "194"),
        ("The Bolivian army will keep bombarding Chilean trenches.", "1384"),  # a threat
        ("Bolivia's army vowed to keep bombarding Chilean trenches.", "1384"),
    ],
)
def test_a_gerund_after_an_aspect_verb_takes_that_verbs_modality(text: str, expected: str) -> None:
    assert {code for _, _, code in dyads(text) if code.startswith(("19", "13"))} == {expected}


def test_a_gerund_after_a_speculative_aspect_verb_is_not_coded() -> None:
    assert dyads("The Bolivian army might start bombarding Chilean trenches again.") == set()


def test_an_event_noun_after_a_measure_noun_is_the_support_verbs_act() -> None:
    assert ("EGY", "LBY", "173") in dyads("Egyptian police carried out a wave of arrests of Libyan smugglers.")


def test_drills_of_one_body_of_both_sides_forces_are_held_together() -> None:
    found = dyads("Chilean and Peruvian frigates held a week of exercises.")
    assert {("CHL", "PER", "062"), ("PER", "CHL", "062")} <= found
    assert not any(code == "150" for _, _, code in found)


def test_drills_each_party_held_are_not_joint() -> None:
    found = dyads("Both Kenya and Uganda held military exercises last week.")
    assert not any(code == "062" for _, _, code in found)
    assert ("KEN", None, "150") in found and ("UGA", None, "150") in found


def test_a_support_verb_carries_the_act_its_object_names_with_its_compound() -> None:
    # "war games" are games, not a war; a verb of its own still acts on its object's compound
    assert ("BOL", None, "150") in dyads("Bolivia launched war games along its border with Chile.")
    assert ("CHL", "PER", "163") in dyads("Chile halted food shipments to Peru.")


def test_whom_an_act_of_force_killed_is_its_outcome_not_a_second_act() -> None:
    found = dyads("Chilean troops shelled Peru, killing twenty civilians.")
    assert ("CHL", "PER", "194") in found
    assert not any(code.startswith("18") for _, _, code in found)


def test_an_outcome_that_alone_names_the_victims_is_kept() -> None:
    assert ("CHL", "PER", "1823") in dyads("Chilean troops shelled Tacna, killing twenty Peruvian civilians.")


def test_arrests_after_an_act_of_force_are_acts_of_their_own() -> None:
    found = dyads("Chilean riot police beat students in Valparaiso, injuring three and detaining forty.")
    assert any(code == "173" for _, _, code in found)


def test_what_an_unnamed_accuser_alleges_is_not_coded_either() -> None:
    found = dyads("A leaked memo alleged that Chilean marines had shot Peruvian fishermen.")
    assert not any(code.startswith(("18", "19")) for _, _, code in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile threatened to ban imports if Peru sends troops.", ("CHL", "PER", "1312")),
        ("Chile will close the border unless Peru withdraws its troops.", ("CHL", "PER", "1381")),
    ],
)
def test_a_conditional_act_is_aimed_at_the_party_its_condition_names(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in dyads(text)


def test_a_promise_on_a_condition_is_not_aimed_at_the_party_it_names() -> None:
    found = dyads("Ghana will send troops if Nigeria asks.")
    assert not any(t == "NGA" for _, t, _ in found)


def test_an_object_that_is_an_act_names_its_target_by_of() -> None:
    found = dyads("Kenya eased its siege of Somalia, helped by Uganda.")
    assert ("KEN", "SOM", "0872") in found
    assert not any(target == "UGA" for _, target, _ in found)


def test_the_place_of_joint_drills_is_not_their_target() -> None:
    found = dyads("Greece and Egypt held joint air drills in Cyprus.")
    assert {("GRC", "EGY", "062"), ("EGY", "GRC", "062")} <= found
    assert not any(target == "CYP" for _, target, _ in found)


def test_an_act_in_a_time_clause_is_reported() -> None:
    assert ("CHL", "PER", "042") in dyads("Relations warmed after the Chilean president visited Peru in April.")


@pytest.mark.parametrize(
    "text, expected",
    [
        # a yielding act to come, unless someone acts: a threat (130), aimed at that party
        ("Rwanda will pull its battalions out of Mozambique unless Maputo pays for them.", ("RWA", "MOZ", "130")),
        ("Rwanda said it would withdraw its battalions if Mozambique did not pay for them.", ("RWA", "MOZ", "130")),
        ("Rwanda vowed to withdraw its battalions from Mozambique unless Maputo agrees to talks.", ("RWA", "MOZ", "130")),
        ("Mozambique must pay for the battalions, otherwise Rwanda will withdraw its troops.", ("RWA", "MOZ", "130")),
        # the threat of an act of its own family keeps that family's threat code
        ("Norway will suspend aid to Malawi unless Lilongwe holds elections.", ("NOR", "MWI", "1311")),
    ],
)
def test_an_act_to_come_unless_someone_acts_is_an_ultimatum(text: str, expected: tuple[str, str, str]) -> None:
    found = dyads(text)
    assert expected in found
    assert not any(code.startswith(("03", "08")) for s, _, code in found if s == expected[0])


def test_an_ultimatum_is_not_aimed_at_the_doers_own_troops() -> None:
    found = {(e.source.code, e.target.code if e.target else None, e.code) for e in events(
        "Rwanda will pull its battalions out of Mozambique unless Maputo pays for them."
    )}
    assert ("RWA", "MOZ", "130") in found
    assert not any(target is not None and target.endswith("MIL") for _, target, _ in found)


def test_an_act_to_come_unless_nothing_done_by_a_party_is_no_threat() -> None:
    found = dyads("Japan will send food aid to Laos unless the harvest improves.")
    assert ("JPN", "LAO", "0333") in found
    assert not any(code.startswith("13") for _, _, code in found)


def test_the_act_inside_an_ultimatums_condition_is_not_coded() -> None:
    found = dyads("Rwanda will withdraw its battalions from Mozambique unless Maputo agrees to talks.")
    assert not any(s == "MOZ" for s, _, _ in found)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Poland is sending tanks and satellite intelligence to Moldova.", {("POL", "MDA", "072"), ("POL", "MDA", "064")}),
        ("Poland is sending satellite intelligence and tanks to Moldova.", {("POL", "MDA", "072"), ("POL", "MDA", "064")}),
        ("Germany sent helicopters and medicine to Libya.", {("DEU", "LBY", "072"), ("DEU", "LBY", "073")}),
        # the doer's modality is each conjunct's
        ("Poland will send tanks and satellite intelligence to Moldova.", {("POL", "MDA", "0332"), ("POL", "MDA", "0314")}),
    ],
)
def test_each_coordinated_object_is_tried_against_the_verbs_patterns(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert expected <= dyads(text)


def test_coordinated_objects_of_one_pattern_are_one_act() -> None:
    found = dyads("Norway sent rifles and grenades to Finland.")
    assert {code for s, _, code in found if s == "NOR"} == {"072"}


def test_a_conjunct_named_only_by_a_modifier_is_no_act_of_its_own() -> None:
    # intelligence officers are sent, no intelligence is shared
    assert not any(code == "064" for _, _, code in dyads("Britain is sending frigates and intelligence officers to Oman."))


def test_a_preposition_on_the_last_conjunct_of_the_object_names_the_target() -> None:
    assert ("FRA", "MLI", "163") in dyads("France imposed sanctions and an arms embargo on Mali.")
