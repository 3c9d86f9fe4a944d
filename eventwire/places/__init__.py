"""Places: toponyms resolved to coordinates with an offline gazetteer (see ``docs/places.md``)."""

from eventwire.places.find import find_places
from eventwire.places.model import Feature, Place

__all__ = ["Feature", "Place", "find_places"]
