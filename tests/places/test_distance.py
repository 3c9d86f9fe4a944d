"""Great-circle distances."""

from __future__ import annotations

import pytest

from eventwire.places.distance import haversine_km


def test_distances_on_the_globe() -> None:
    assert haversine_km(10.0, 20.0, 10.0, 20.0) == 0.0
    assert haversine_km(0.0, 0.0, 0.0, 1.0) == pytest.approx(111.195, abs=0.01)  # a degree on the equator
    assert haversine_km(0.0, 0.0, 0.0, 180.0) == pytest.approx(20015.1, abs=0.1)  # half the globe
    assert haversine_km(89.0, 0.0, 89.0, 180.0) == pytest.approx(222.39, abs=0.01)  # across the pole
    assert haversine_km(0.0, 179.5, 0.0, -179.5) == pytest.approx(111.195, abs=0.01)  # across the date line
