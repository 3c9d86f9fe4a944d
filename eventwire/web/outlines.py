"""Country outlines for the map's base layer, read from the ``countryinfo`` package.

Why from a package and not a tile server: the dashboard must work offline, so the base
layer travels with the installation. ``countryinfo`` (MIT, pinned in pyproject) carries a
GeoJSON outline of each of about 170 countries at a small scale (about 1:110 million),
enough to see where events happened. The outlines are read once per process, their
coordinates rounded to 0.01 degree (about 1 km, far below what a world map can show), and
served as one GeoJSON FeatureCollection whose feature ids are ISO 3166 alpha-3 codes.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

PRECISION = 2
"""Decimal places kept of each coordinate."""

Ring = list[list[float]]


def _rounded(rings: list[Ring]) -> list[Ring]:
    return [[[round(lon, PRECISION), round(lat, PRECISION)] for lon, lat in ring] for ring in rings]


def _polygons(geometry: dict[str, Any]) -> list[list[Ring]]:
    """The geometry as a list of polygons (each a list of rings), whatever its type."""
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    if geometry["type"] == "MultiPolygon":
        return list(geometry["coordinates"])
    raise ValueError(f"unexpected outline geometry {geometry['type']!r}")


def _features(record: dict[str, Any]) -> list[dict[str, Any]]:
    """One feature per country record that has an outline (small islands have none)."""
    collection = record.get("geoJSON") or {}
    features = []
    for feature in collection.get("features", []):
        polygons = [_rounded(polygon) for polygon in _polygons(feature["geometry"])]
        features.append({
            "type": "Feature", "id": feature.get("id"), "properties": {"name": record.get("name")},
            "geometry": {"type": "MultiPolygon", "coordinates": polygons},
        })  # fmt: skip
    return features


@lru_cache(maxsize=1)
def country_outlines() -> bytes:
    """The outlines as GeoJSON (UTF-8 bytes), countries in name order; built once per process."""
    folder = resources.files("countryinfo") / "data"
    features = []
    for entry in sorted(folder.iterdir(), key=lambda item: item.name):
        if entry.name.endswith(".json"):
            features.extend(_features(json.loads(entry.read_text(encoding="utf-8"))))
    collection = {"type": "FeatureCollection", "features": features}
    return json.dumps(collection, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
