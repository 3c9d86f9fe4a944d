"""The modality tables: every family is known, every result is a CAMEO code, lookups work."""

from __future__ import annotations

from eventwire.events.codebook import codes
from eventwire.events.modality import FAMILIES, control_verbs, recode, transforms


def test_every_result_is_a_code_of_the_codebook() -> None:
    for family, rows in transforms().items():
        assert family in FAMILIES
        for prefix, result in rows.items():
            assert result in ("=", "-") or result in codes(), (family, prefix, result)


def test_every_control_verb_has_a_family_with_rows() -> None:
    for lemma, control in control_verbs().items():
        assert control.family in transforms(), lemma


def test_the_longest_prefix_wins() -> None:
    assert recode("intent", "045") == "039"  # mediate: intent to mediate, not to meet
    assert recode("intent", "040") == "036"
    assert recode("threat", "190") == "1384"
    assert recode("refusal", "190") is None  # refusing to fight is no conflict event
    assert recode("appeal", "0841") == "0253"


def test_sector_roles_name_known_sectors_and_roles() -> None:
    from eventwire.actors.lexicon import load_lexicon
    from eventwire.events.lexicon import sectors_with_role

    known = {agent.sector for _, agent in load_lexicon().agents.phrases()} | {"UAF", "IGO", "NGO", "IMG"}
    for role in ("state", "home", "challenger", "armed", "abroad"):
        sectors = sectors_with_role(role)
        assert sectors and sectors <= known, role
    assert "MIL" in sectors_with_role("armed") and "COP" in sectors_with_role("home")


def test_doer_recodes_map_codes_to_codes() -> None:
    from eventwire.events.lexicon import doer_recodes, sectors_with_role

    assert doer_recodes()
    for (code, role), recoded in doer_recodes().items():
        assert code in codes() and recoded in codes() and sectors_with_role(role)


def test_an_ultimatum_is_the_threat_of_its_act_or_a_generic_threat() -> None:
    assert recode("ultimatum", "1621") == recode("threat", "1621") == "1311"  # cutting aid
    assert recode("ultimatum", "190") == "1384"
    assert recode("ultimatum", "0874") == "130"  # pulling troops out is no threat of its own
    assert recode("ultimatum", "010") is None  # a statement threatens nothing
