"""The founding example (../shared/seed) through the pipeline: Baku and Karabakh on the map,
and Putin's visit located in Baku.

Skipped when the shared folder is absent.
"""

from __future__ import annotations

import math
from typing import Any

import pytest

from eventwire.eval.shared import shared_dir
from eventwire.pipeline import process

SHARED = shared_dir()
pytestmark = pytest.mark.skipif(SHARED is None, reason="../shared is not present")


@pytest.fixture(scope="module")
def seed() -> dict[str, Any]:
    assert SHARED is not None
    (result,) = list(process([str(SHARED / "seed")]))
    assert not result.failed
    return result.to_dict()


@pytest.fixture(scope="module")
def places(seed: dict[str, Any]) -> list[dict[str, Any]]:
    return seed["places"]


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def test_baku_within_ten_km(places: list[dict[str, Any]]) -> None:
    bakus = [place for place in places if place["text"] == "Baku"]
    assert bakus and all(_km(place["lat"], place["lon"], 40.41, 49.87) < 10 for place in bakus)


def test_karabakh_in_azerbaijan(places: list[dict[str, Any]]) -> None:
    karabakhs = [place for place in places if "Karabakh" in place["text"]]
    assert karabakhs and all(place["country"] == "AZE" for place in karabakhs)


def test_the_visit_to_baku_is_located_in_baku_by_its_predicate(seed: dict[str, Any]) -> None:
    (visit,) = [e for e in seed["events"] if e["code"] == "042" and e["target"] and e["target"]["text"] == "Baku"]
    location = visit["location"]
    assert (location["name"], location["reason"]) == ("Baku", "predicate")
    assert _km(location["lat"], location["lon"], 40.41, 49.87) < 10
    assert seed["text"][location["start"] : location["end"]] == location["text"] == "Baku"
