"""The country an untitled role belongs to when the text does not say: from its sentence, else the article.

"Foreign Office spokeswoman Mumtaz Zahra Baloch said Pakistan..." names no country in the
title, yet an analyst reads a Pakistani official. The rule, applied only to people coded
from a title that lacks a country:

1. the one country named in the same sentence (in any form, places included);
2. otherwise the country the article names most often, if it is named more often than any
   other (a tie means the article is about two countries and the choice would be a guess);
3. otherwise none: the person keeps a sector without a country.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from eventwire.actors.countries import Country
from eventwire.actors.names import Name


@dataclass(frozen=True)
class CountryContext:
    """Countries named per sentence and over the whole article."""

    by_sentence: dict[int, tuple[Country, ...]]
    dominant: Country | None

    def names(self, iso3: str | None) -> bool:
        """Whether the article names the country ``iso3`` anywhere."""
        return any(country.iso3 == iso3 for found in self.by_sentence.values() for country in found)

    def for_sentence(self, sentence: int) -> tuple[Country | None, str]:
        """The context country for a role in ``sentence`` and where it was read ("sentence", "article")."""
        named = self.by_sentence.get(sentence, ())
        if len(set(country.iso3 for country in named)) == 1:
            return named[0], "sentence"
        if self.dominant is not None:
            return self.dominant, "article"
        return None, ""


def country_context(names: Sequence[Name], sentence_of: Sequence[int]) -> CountryContext:
    """The countries that ``names`` mention, by sentence and in the whole article."""
    by_sentence: dict[int, list[Country]] = {}
    counts: Counter[str] = Counter()
    records: dict[str, Country] = {}
    for name in names:
        if name.kind != "country" or name.country is None:
            continue
        country = name.country.country
        by_sentence.setdefault(sentence_of[name.start], []).append(country)
        counts[country.iso3] += 1
        records[country.iso3] = country
    ranked = counts.most_common(2)
    dominant = None
    if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        dominant = records[ranked[0][0]]
    return CountryContext({sentence: tuple(found) for sentence, found in by_sentence.items()}, dominant)
