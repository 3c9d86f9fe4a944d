"""Which reading an ambiguous country form has in this article: Georgia or Georgia, Congo or Congo.

The country table marks forms that are often something else (``needs_context``) and forms
shared by two countries (``alternatives``). Two rules settle them from the article itself:

- **shared forms** ("Congo", "Congolese") take their usual reading (the DR Congo) unless the
  article names one of the other countries unambiguously ("Brazzaville", "Republic of
  Congo") and not the usual one: then the bare form is that country;
- **a sub-national reading** (Georgia the US state) is taken when the text says so next to
  the name: a place before it ("Atlanta, Georgia", where Atlanta is no form of the same
  country), "state" beside it ("Georgia state", "the state of Georgia"), or a sub-national
  role or body that the name modifies or possesses ("Georgia's governor", "Georgia voters",
  "Georgia Republicans"). Such a name is dropped: it is not the country. "Georgia's prime
  minister" has no such sign and stays the country.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from eventwire.actors.names import Name
from eventwire.actors.syntax import head_of

SUBNATIONAL_WORDS = frozenset(
    {
        "governor",
        "state",
        "county",
        "statehouse",
        "sheriff",
        "senator",
        "legislature",
        "republican",
        "democrat",
        "voter",
        "primary",
    }
)
"""Lemmas that make a place name a US state (or another federal unit) rather than a country."""


def _subnational(doc: Doc, name: Name, country_forms: set[str]) -> bool:
    before = doc[name.start - 2 : name.start] if name.start >= 2 else None
    if (
        before is not None
        and before[1].text == ","
        and before[0].pos_ == "PROPN"
        and before[0].lower_ not in country_forms
    ):
        return True
    if name.end < len(doc) and doc[name.end].lemma_.lower() in SUBNATIONAL_WORDS:
        return True
    if name.start >= 2 and doc[name.start - 1].lower_ == "of" and doc[name.start - 2].lemma_.lower() == "state":
        return True
    head = head_of(doc[name.start : name.end])
    return head.dep_ in ("poss", "compound", "nmod") and head.head.lemma_.lower() in SUBNATIONAL_WORDS


def settle_readings(doc: Doc, names: Sequence[Name]) -> list[Name]:
    """``names`` with shared country forms read as this article reads them and sub-national
    readings dropped (see the module docstring)."""
    certain = {
        name.country.country.iso3 for name in names if name.country is not None and not name.country.needs_context
    }
    settled = []
    for name in names:
        match = name.country
        if match is None or not match.needs_context:
            settled.append(name)
            continue
        forms = {form.casefold() for form in (match.country.name, *match.country.aliases, *match.country.capitals)}
        if match.kind == "name" and _subnational(doc, name, forms):
            continue
        named_instead = [other for other in match.alternatives if other.iso3 in certain]
        if match.country.iso3 not in certain and len(named_instead) == 1:
            match = replace(match, country=named_instead[0], alternatives=(match.country,))
        settled.append(replace(name, country=match))
    return settled
