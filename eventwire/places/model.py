"""The place records that ``eventwire.places`` produces and the JSON output carries.

A ``Place`` is one toponym of the article resolved to coordinates: the words (offsets), the
gazetteer entry chosen (name, feature, country, coordinates, GeoNames id when there is one)
and why that entry won over the others of the same name (``reason``), so that an analyst can
check every point on the map against the text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from eventwire.events.model import Feature, Field
from eventwire.records import record_dict

__all__ = ["Feature", "Field", "Place"]


@dataclass(frozen=True)
class Place:
    """One toponym and the gazetteer entry it resolves to.

    ``text``/``start``/``end``: the words of the article; ``name``: the entry's name;
    ``country``: ISO 3166-1 alpha-3 of the country it lies in (None for an area across
    borders); ``geonameid``: the GeoNames id when the entry comes from GeoNames;
    ``reason``: how the entry was chosen (``country-name``, ``qualified``, ``only-entry``,
    ``exact-name``, ``named-region``, ``division-context``, ``nearby-places``,
    ``country-context``, ``population``: the table in ``docs/places.md``).
    """

    text: str
    start: int
    end: int
    name: str
    lat: float
    lon: float
    country: str | None
    feature: Feature
    geonameid: int | None
    reason: str
    field: Field = "text"

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (``places`` in the CLI output)."""
        return record_dict(self)
