"""The founding example (../shared/seed): the events an analyst must get from it.

Skipped when the shared folder is absent. The expectations are the brief's: Russia's intent
to mediate between Azerbaijan and Armenia (039, one event per side), Putin's visit to Baku
(042), Armenia accusing Russia (11x), Azerbaijan's offensive dated to September 2023, and
nothing from the "Explore" list of other stories on the page.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.seedcase import NEEDS_SEED, seed_record

pytestmark = NEEDS_SEED


@pytest.fixture(scope="module")
def seed() -> dict[str, Any]:
    return seed_record()


def _dyads(seed: dict[str, Any]) -> set[tuple[str | None, str | None, str]]:
    return {
        (event["source"]["country"], event["target"]["country"] if event["target"] else None, event["code"])
        for event in seed["events"]
    }


def test_intent_to_mediate_with_each_side(seed: dict[str, Any]) -> None:
    assert {("RUS", "AZE", "039"), ("RUS", "ARM", "039")} <= _dyads(seed)


def test_visit_to_baku(seed: dict[str, Any]) -> None:
    visits = [e for e in seed["events"] if e["code"] == "042" and e["target"] and e["target"]["country"] == "AZE"]
    assert visits and all(e["source"]["code"] == "RUSGOV" for e in visits)
    assert visits[0]["plover"] == {"type": "CONSULT", "mode": "visit"}


def test_armenia_accuses_russia(seed: dict[str, Any]) -> None:
    assert any(s == "ARM" and t == "RUS" and code.startswith("11") for s, t, code in _dyads(seed))


def test_offensive_dated_to_september_2023(seed: dict[str, Any]) -> None:
    offensives = [e for e in seed["events"] if e["code"].startswith("19") and e["source"]["country"] == "AZE"]
    assert offensives and offensives[0]["date"] == "2023-09" and offensives[0]["published"] == "2024-08-19"


def test_nothing_from_the_explore_list(seed: dict[str, Any]) -> None:
    body = seed["title"] + " " + seed["text"]
    for event in seed["events"]:
        assert event["sentence"] in body
    countries = {c for s, t, _ in _dyads(seed) for c in (s, t) if c}
    assert {"RUS", "AZE", "ARM"} <= countries
    # countries the "Explore" headlines name and the article does not
    assert not countries & {"SAU", "PAK", "BGD", "IND", "POL", "BRA", "LBN", "ISR", "PSE", "SYR", "GBR", "FRA"}


def test_every_event_carries_its_evidence(seed: dict[str, Any]) -> None:
    for event in seed["events"]:
        text = seed["title"] if event["evidence"]["field"] == "title" else seed["text"]
        predicate = event["evidence"]["predicate"]
        assert text[predicate["start"] : predicate["end"]] == predicate["text"]
        assert text[event["source"]["start"] : event["source"]["end"]] == event["source"]["text"]
        assert event["evidence"]["pattern"]
