"""The map's country outlines (eventwire/web/outlines.py)."""

from __future__ import annotations

import json

from eventwire.web.outlines import country_outlines


def _bounds(feature: dict) -> tuple[float, float, float, float]:
    points = [point for polygon in feature["geometry"]["coordinates"] for ring in polygon for point in ring]
    lons, lats = [lon for lon, _ in points], [lat for _, lat in points]
    return min(lons), max(lons), min(lats), max(lats)


def test_outlines_are_geojson_keyed_by_iso3() -> None:
    collection = json.loads(country_outlines())
    assert collection["type"] == "FeatureCollection"
    features = {feature["id"]: feature for feature in collection["features"]}
    assert len(features) > 150 and {"ARM", "AZE", "RUS", "UKR", "USA", "BRA"} <= set(features)
    for feature in features.values():
        assert feature["geometry"]["type"] == "MultiPolygon"
        west, east, south, north = _bounds(feature)
        assert -180 <= west <= east <= 180 and -90 <= south <= north <= 90, feature["id"]


def test_outlines_are_where_the_countries_are() -> None:
    features = {feature["id"]: feature for feature in json.loads(country_outlines())["features"]}
    for iso, (lat, lon) in {"ARM": (40.18, 44.51), "AZE": (40.41, 49.87), "KEN": (-1.29, 36.82), "PER": (-12.05, -77.04)}.items():
        west, east, south, north = _bounds(features[iso])
        assert west <= lon <= east and south <= lat <= north, iso
