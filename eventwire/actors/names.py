"""Proper names in a parse: countries (and their capitals, seats, adjectives), organisations, people.

The tables decide what a name is, not the model's entity label: en_core_web_sm tags
"Armenia's" as an organisation and "Yerevan" as a person, but the country table knows both.
The model's PERSON entities add the people the people table does not know (a person
introduced with a title is still an actor), and a bare surname of exactly one person in
office ("Trump", "Aliyev") is that person even where the model calls it something else.

Where names overlap, the longest wins ("Democratic Republic of the Congo" over "Congo",
"Paris Hilton" over "Paris"); at equal length a table entry beats a model entity, so a
capital the model takes for a person stays a capital (a capital that is really the surname
of a person named earlier is settled by recognition, which knows who was named before).

A capitalised word of six letters or more that no table knows but that is a country form
with two neighbouring letters swapped ("Kazahks") is read as that form.

A place in capitals opening a paragraph before a dash ("NAIROBI —") is a dateline and no
name of an actor.

Table names match only when written with a capital letter somewhere ("US", "the U.S.",
"Turkey"), so the pronoun "us" and the bird "turkey" are never countries.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from spacy.tokens import Doc, Span

from eventwire.actors.countries import CountryMatch
from eventwire.actors.lexicon import Lexicon
from eventwire.actors.matcher import text_keys
from eventwire.actors.organisations import Organisation
from eventwire.actors.syntax import tokens_for_words

NameKind = Literal["country", "organisation", "person"]
_PRIORITY: dict[NameKind, int] = {"person": 0, "organisation": 1, "country": 2}
PERSON_LABEL = "PERSON"
MIN_TYPO_LETTERS = 6
DATELINE_MARKS = frozenset({"—", "–", "-", ",", "("})
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
"""Entity labels the small model gives a bare surname it does not recognise as a person."""
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "madam", "mx"})
"""Courtesy words the model sometimes puts inside a PERSON entity ("Mr Putin"): not part of the name."""


@dataclass(frozen=True)
class Name:
    """Doc tokens ``start:end`` name a country form, an organisation or a person.

    ``person`` is the person's table name (None for a person only the model found).
    """

    start: int
    end: int
    kind: NameKind
    country: CountryMatch | None = None
    organisation: Organisation | None = None
    person: str | None = None
    from_table: bool = True

    @property
    def length(self) -> int:
        return self.end - self.start


def capitalised(span: Span) -> bool:
    """Whether a name is written as a proper noun: some letter of it is upper case."""
    return any(char.isupper() for char in span.text)


def _table_names(doc: Doc, lexicon: Lexicon, day: date | None) -> list[Name]:
    names: list[Name] = []
    for match in lexicon.country_forms.scan(doc):
        span = doc[match.start : match.end]
        confirmed = lexicon.countries.lookup(span.text) if match.values[0] is not None else None
        if confirmed is not None and capitalised(span):
            names.append(Name(match.start, match.end, "country", country=confirmed))
    for match in lexicon.organisation_names.scan(doc):
        span = doc[match.start : match.end]
        organisation = lexicon.organisations.lookup(span.text, on=day)
        if organisation is not None and capitalised(span):
            names.append(Name(match.start, match.end, "organisation", organisation=organisation))
    for match in lexicon.person_names.scan(doc):
        if capitalised(doc[match.start : match.end]) and len(set(match.values)) == 1:
            names.append(Name(match.start, match.end, "person", person=match.values[0]))
    return names


def transpositions(word: str) -> list[str]:
    """``word`` with each pair of neighbouring letters swapped: the commonest typing slip."""
    return [word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1) if word[i] != word[i + 1]]


def _misspelt_countries(doc: Doc, lexicon: Lexicon, covered: set[int]) -> list[Name]:
    """Capitalised words no table knows that are a country form with two letters swapped
    ("Kazahks"): only words of ``MIN_TYPO_LETTERS`` letters or more, and only when exactly one
    swap names a country, so a short or real word is not bent into a country."""
    found = []
    for token in doc:
        if (
            token.i in covered
            or len(token.text) < MIN_TYPO_LETTERS
            or not token.is_alpha
            or not token.text[0].isupper()
        ):
            continue
        matches = {
            match.country.iso3: match
            for word in transpositions(token.text)
            if (match := lexicon.countries.lookup(word))
        }
        if len(matches) == 1:
            found.append(Name(token.i, token.i + 1, "country", country=next(iter(matches.values()))))
    return found


def _table_surnames(doc: Doc, lexicon: Lexicon, day: date | None) -> list[Name]:
    """Single name-like tokens that are the surname of exactly one person in office ("Trump",
    "Aliyev"): proper nouns, or words the model put in a name entity, written capitalised."""
    found = []
    for token in doc:
        if not token.text[:1].isupper() or (token.pos_ != "PROPN" and token.ent_type_ not in NAME_LABELS):
            continue
        office = lexicon.people.by_surname(token.text, on=day)
        if office is not None:
            found.append(Name(token.i, token.i + 1, "person", person=office.name, from_table=False))
    return found


def _leading_extras(span: Span, lexicon: Lexicon) -> int:
    """How many first tokens of a model PERSON entity are a title, an honorific or a country form."""
    skip = 0
    while skip < len(span) - 1:
        rest = span[skip:]
        if rest[0].lower_.rstrip(".") in HONORIFICS or rest[0].is_punct:
            skip += 1
            continue
        title = lexicon.agents.title_at_start(rest.text)
        if title is not None:
            skip += max(1, tokens_for_words(rest, title[1]))
            continue
        country = lexicon.country_forms.longest_at(text_keys(rest), 0)
        if country is not None and country.end < len(rest) and _is_nationality(country.values[0]):
            skip += country.end
            continue
        break
    return skip


def _is_nationality(match: CountryMatch | None) -> bool:
    """An adjective or demonym ("Azerbaijani" in "Azerbaijani President Ilham Aliyev"), not a
    city that is also a first name ("Aden Duale", "Paris Hilton")."""
    return match is not None and match.kind in ("adjective", "demonym")


def _is_dateline(doc: Doc, name: Name) -> bool:
    """A place in capitals opening a paragraph before a dash, comma or bracket ("NAIROBI —",
    "BEIRUT (Reuters) —"): where the story was filed, not an actor."""
    opens = name.start == 0 or "\n" in doc[name.start - 1].text
    span = doc[name.start : name.end]
    return opens and span.text.isupper() and name.end < len(doc) and doc[name.end].text in DATELINE_MARKS


def _model_people(doc: Doc, lexicon: Lexicon) -> list[Name]:
    people = []
    for entity in doc.ents:
        if entity.label_ != PERSON_LABEL:
            continue
        start = entity.start + _leading_extras(entity, lexicon)
        end = entity.end
        while end > start and (doc[end - 1].is_punct or doc[end - 1].tag_ == "POS"):
            end -= 1
        if end > start:
            people.append(Name(start, end, "person", from_table=False))
    return people


def find_names(doc: Doc, lexicon: Lexicon, day: date | None) -> list[Name]:
    """Every proper name of ``doc`` the tables or the model know, without overlaps, in text order."""
    tabled = [name for name in _table_names(doc, lexicon, day) if not _is_dateline(doc, name)]
    covered = {index for name in tabled for index in range(name.start, name.end)}
    candidates = tabled + _misspelt_countries(doc, lexicon, covered) + _table_surnames(doc, lexicon, day)
    candidates += _model_people(doc, lexicon)
    candidates.sort(key=lambda name: (-name.length, not name.from_table, _PRIORITY[name.kind], name.start))
    taken = [False] * len(doc)
    chosen = []
    for name in candidates:
        if not any(taken[name.start : name.end]):
            chosen.append(name)
            taken[name.start : name.end] = [True] * name.length
    return sorted(chosen, key=lambda name: name.start)
