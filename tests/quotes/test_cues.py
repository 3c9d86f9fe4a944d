"""The cue vocabulary loads from its data file and is matched on lemmas and phrases."""

from __future__ import annotations

from eventwire.nlp import parse
from eventwire.quotes.cues import cue_phrase_end, is_cue_verb, load_cues


def test_the_cue_file_loads() -> None:
    cues = load_cues()
    assert {"say", "tell", "add", "warn", "accuse", "insist", "deny", "claim", "announce"} <= cues.verbs
    assert ("according", "to") in cues.phrases
    assert cues.reports("accuse", "of") and cues.reports("urge", "to") and not cues.reports("say", "to")


def test_verbs_by_lemma_not_nouns() -> None:
    doc = parse("The envoy says the claim was denied.")
    assert [t.text for t in doc if is_cue_verb(t)] == ["says", "denied"]


def test_a_phrase_ends_on_its_last_word() -> None:
    doc = parse("According to the envoy, talks resume.")
    end = cue_phrase_end(doc[0])
    assert end is not None and end.text == "to"
