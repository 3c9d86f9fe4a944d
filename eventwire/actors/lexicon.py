"""The four actor tables gathered for matching, built once per process.

Recognition asks the same tables over and over (every article, every noun phrase), so the
tables are loaded and their surface forms put in token tries once (``load_lexicon`` is
cached); after that, coding an article is a linear scan plus dictionary look-ups.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from eventwire.actors.agents import AgentTable, load_agents
from eventwire.actors.countries import Country, CountryMatch, CountryTable, load_countries
from eventwire.actors.matcher import PhraseTrie
from eventwire.actors.organisations import Organisation, OrganisationTable, load_organisations
from eventwire.actors.people import PeopleTable, load_people


@dataclass(frozen=True)
class Lexicon:
    """The tables and a trie of the surface forms of each proper-noun table.

    The country trie maps lookalikes ("Latin America", "New South Wales") to None, so that
    the longest match there is "not a country" rather than the country inside. The people
    trie maps every spelling to the person's table name; the office that name held is asked
    of ``people`` with the article's date.
    """

    countries: CountryTable
    organisations: OrganisationTable
    people: PeopleTable
    agents: AgentTable
    country_forms: PhraseTrie[CountryMatch | None]
    organisation_names: PhraseTrie[Organisation]
    person_names: PhraseTrie[str]
    by_cameo: dict[str, Country]
    by_iso3: dict[str, Country]

    def state_iso3(self, country: Country) -> str:
        """The ISO3 code of the state an actor code of ``country`` speaks of.

        A de-facto state has no CAMEO country: it is coded as separatists of the state it
        belongs to de jure (Abkhazia GEOSEP), so its actors are that state's (GEO).
        """
        parent = self.by_cameo.get(country.cameo[:3]) if len(country.cameo) > 3 else None
        return parent.iso3 if parent is not None else country.iso3


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Every actor table with its trie (read and built once per process)."""
    countries, organisations, people = load_countries(), load_organisations(), load_people()
    country_forms: PhraseTrie[CountryMatch | None] = PhraseTrie()
    for phrase, match in countries.phrases():
        country_forms.add(phrase, match)
    for phrase, _ in countries.lookalikes():
        country_forms.add(phrase, None)
    organisation_names: PhraseTrie[Organisation] = PhraseTrie()
    for phrase, organisation in organisations.phrases():
        organisation_names.add(phrase, organisation)
    person_names: PhraseTrie[str] = PhraseTrie()
    for phrase, office in people.phrases():
        person_names.add(phrase, office.name)
    by_cameo = {country.cameo: country for country in countries if len(country.cameo) == 3}
    by_iso3 = {country.iso3: country for country in countries}
    return Lexicon(
        countries,
        organisations,
        people,
        load_agents(),
        country_forms,
        organisation_names,
        person_names,
        by_cameo,
        by_iso3,
    )
