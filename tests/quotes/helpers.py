"""Quotes of a text of our own, with the actor stage run first as the pipeline does."""

from __future__ import annotations

from eventwire.actors import find_actors
from eventwire.nlp import parse
from eventwire.quotes import Quote, find_quotes


def quotes_of(text: str) -> list[Quote]:
    doc = parse(text)
    return find_quotes(doc, find_actors(doc, published="2024-05-01"))


def of_type(quotes: list[Quote], kind: str) -> list[Quote]:
    return [quote for quote in quotes if quote.type == kind]
