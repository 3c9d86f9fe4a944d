"""The founding example (../shared/seed) through the pipeline: Baku and Karabakh on the map,
and Putin's visit located in Baku.

Skipped when the shared folder is absent.
"""

from __future__ import annotations

from typing import Any

import pytest

from eventwire.places.distance import haversine_km
from tests.seedcase import NEEDS_SEED, seed_record

pytestmark = NEEDS_SEED


@pytest.fixture(scope="module")
def seed() -> dict[str, Any]:
    return seed_record()


@pytest.fixture(scope="module")
def places(seed: dict[str, Any]) -> list[dict[str, Any]]:
    return seed["places"]


def test_baku_within_ten_km(places: list[dict[str, Any]]) -> None:
    bakus = [place for place in places if place["text"] == "Baku"]
    assert bakus and all(haversine_km(place["lat"], place["lon"], 40.41, 49.87) < 10 for place in bakus)


def test_karabakh_in_azerbaijan(places: list[dict[str, Any]]) -> None:
    karabakhs = [place for place in places if "Karabakh" in place["text"]]
    assert karabakhs and all(place["country"] == "AZE" for place in karabakhs)


def test_the_visit_to_baku_is_located_in_baku_by_its_predicate(seed: dict[str, Any]) -> None:
    (visit,) = [e for e in seed["events"] if e["code"] == "042" and e["target"] and e["target"]["text"] == "Baku"]
    location = visit["location"]
    assert (location["name"], location["reason"]) == ("Baku", "predicate")
    assert haversine_km(location["lat"], location["lon"], 40.41, 49.87) < 10
    assert seed["text"][location["start"] : location["end"]] == location["text"] == "Baku"
