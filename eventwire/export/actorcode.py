"""An actor code split into the parts GDELT gives columns of their own: the CAMEO country,
the known group and up to three types.

We store the whole code (``KENGOVMIL``, ``LBNREBHEZ``, ``IGOAFRAFU``) with the country as
ISO3 and the primary sector; GDELT also wants the CAMEO country code (Romania is ROM there,
ROU in ISO), the further types and the named organisation apart. The parts are read back
from the code's three-letter segments rather than recoded, so they cannot disagree with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from eventwire.actors.agents import SECTORS
from eventwire.actors.countries import load_countries
from eventwire.actors.model import code_parts
from eventwire.actors.organisations import GROUP_COUNTRIES

GROUP_SLOTS = frozenset({*GROUP_COUNTRIES, "MNC"})
"""CAMEO's country-slot codes for actors of no single state (and multinational companies)."""
TYPE_COLUMNS = 3
"""GDELT has Type1Code to Type3Code."""


@dataclass(frozen=True)
class ActorParts:
    """``country``: the CAMEO country code; ``known_group``: the organisation's own segment
    (UNO, HEZ, AFU), if any; ``types``: the sector first, then the code's other sector
    segments, at most three."""

    country: str | None
    known_group: str | None
    types: tuple[str, ...]


@cache
def _cameo_countries() -> dict[str, str]:
    """ISO3 -> CAMEO country code; a de facto state's CAMEO code (GEOSEP) is its state's (GEO)."""
    return {country.iso3: country.cameo[:3] for country in load_countries()}


@cache
def _not_groups() -> frozenset[str]:
    """Segments that name something other than a group: countries, country slots, sectors."""
    return frozenset(_cameo_countries().values()) | GROUP_SLOTS | SECTORS


def actor_parts(code: str | None, iso3: str | None, sector: str | None) -> ActorParts:
    """The GDELT parts of one coded actor.

    The known group is the last segment that is neither a sector, a country, nor a
    country slot: IGOAFRAFU -> AFU (past the region AFR), LBNREBHEZ -> HEZ. Religion and
    ethnic segments are not told apart from groups, and our codes carry none so far.
    """
    country = _cameo_countries().get(iso3, iso3) if iso3 else None
    parts = code_parts(code)
    types = list(dict.fromkeys([*([sector] if sector else []), *(part for part in parts if part in SECTORS)]))
    groups = [part for part in parts if part not in _not_groups()]
    return ActorParts(country=country, known_group=groups[-1] if groups else None, types=tuple(types[:TYPE_COLUMNS]))
