"""Quotes: who said what, attributed to a coded speaker (see ``docs/quotes.md``)."""

from eventwire.quotes.find import find_quotes
from eventwire.quotes.first_person import with_quoted_speakers
from eventwire.quotes.model import Quote, QuoteType, Speaker

__all__ = ["Quote", "QuoteType", "Speaker", "find_quotes", "with_quoted_speakers"]
