"""Places: toponyms resolved to coordinates with an offline gazetteer (see ``docs/places.md``)."""

from eventwire.places.model import Feature, Place

__all__ = ["Feature", "Place"]
