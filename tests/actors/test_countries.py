"""The countries table (``eventwire/data/countries.tsv``) and its loader.

The actor coder reads a country from a name, an adjective, a demonym, a capital or a seat of
government; these tests pin each kind with its sector, the traps news sets (Georgia, the two
Congos, "us" against "U.S.", turkey the bird), the codes analysts check first (Kosovo,
Taiwan, Romania's CAMEO ROM), the table's integrity check, and that no UN member is missing.
"""

from __future__ import annotations

import pycountry
import pytest

from eventwire.actors.countries import CountryTable, load_countries, surface_key

NOT_UN_MEMBERS_IN_ISO = frozenset(
    {
        "ABW", "AIA", "ALA", "ASM", "ATA", "ATF", "BES", "BLM", "BMU", "BVT", "CCK", "COK", "CUW", "CXR",
        "CYM", "ESH", "FLK", "FRO", "GGY", "GIB", "GLP", "GRL", "GUF", "GUM", "HKG", "HMD", "IMN", "IOT",
        "JEY", "MAC", "MAF", "MNP", "MSR", "MTQ", "MYT", "NCL", "NFK", "NIU", "PCN", "PRI", "PSE", "PYF",
        "REU", "SGS", "SHN", "SJM", "SPM", "SXM", "TCA", "TKL", "TWN", "UMI", "VAT", "VGB", "VIR", "WLF",
    }
)  # fmt: skip
"""ISO 3166-1 entries that are not UN member states: territories, Antarctica, and the
observers and disputed entities the table does include (Palestine, the Holy See, Taiwan...)."""
NON_MEMBERS_INCLUDED = frozenset(
    {"PSE", "VAT", "TWN", "XKX", "ESH", "HKG", "MAC", "PRI", "GRL", "XNC", "XSL", "XTR", "XAB", "XSO"}
)
UN_MEMBER_COUNT = 193


@pytest.fixture(scope="module")
def countries() -> CountryTable:
    return load_countries()


def test_the_table_has_no_problems(countries: CountryTable) -> None:
    assert countries.problems() == []


def test_every_un_member_is_a_member_row(countries: CountryTable) -> None:
    un_members = {country.alpha_3 for country in pycountry.countries} - NOT_UN_MEMBERS_IN_ISO
    members = {country.iso3 for country in countries if country.status == "member"}
    assert len(un_members) == UN_MEMBER_COUNT
    assert members == un_members


def test_the_non_members_are_the_ones_chosen(countries: CountryTable) -> None:
    assert {country.iso3 for country in countries if country.status != "member"} == NON_MEMBERS_INCLUDED
    assert len(countries) == UN_MEMBER_COUNT + len(NON_MEMBERS_INCLUDED)


@pytest.mark.parametrize(
    ("text", "iso3", "kind", "sector"),
    [
        ("Russia", "RUS", "name", None),
        ("Russian Federation", "RUS", "name", None),
        ("Azerbaijani", "AZE", "adjective", None),
        ("Azeri", "AZE", "adjective", None),
        ("Russians", "RUS", "demonym", None),
        ("Filipinos", "PHL", "demonym", None),
        ("Moscow", "RUS", "capital", "GOV"),
        ("Pretoria", "ZAF", "capital", "GOV"),
        ("Washington D.C.", "USA", "capital", "GOV"),
        ("The Hague", "NLD", "capital", "GOV"),
        ("Amsterdam", "NLD", "capital", "GOV"),
        ("Kremlin", "RUS", "seat", "GOV"),
        ("Pentagon", "USA", "seat", "MIL"),
        ("Downing Street", "GBR", "seat", "GOV"),
        ("Élysée", "FRA", "seat", "GOV"),
        ("Elysee", "FRA", "seat", "GOV"),
        ("Zhongnanhai", "CHN", "seat", "GOV"),
        ("Capitol Hill", "USA", "seat", "LEG"),
        ("Scotland Yard", "GBR", "seat", "COP"),
        ("Langley", "USA", "seat", "SPY"),
    ],
)
def test_every_kind_of_form_with_its_sector(countries: CountryTable, text: str, iso3: str, kind: str, sector: str | None) -> None:
    match = countries.lookup(text)
    assert match is not None, text
    assert (match.country.iso3, match.kind, match.sector) == (iso3, kind, sector)


def test_a_demonym_used_as_a_noun(countries: CountryTable) -> None:
    match = countries.lookup("the Russians")
    assert match is not None and (match.country.iso3, match.kind) == ("RUS", "demonym")
    british = countries.lookup("the British")
    assert british is not None and british.kind == "demonym"
    adjective = countries.lookup("British")
    assert adjective is not None and adjective.kind == "adjective"


@pytest.mark.parametrize("text", ["U.S.", "US", "USA", "U.S.A.", "United States of America", "America", "U.S.'s"])
def test_the_united_states_by_every_abbreviation(countries: CountryTable, text: str) -> None:
    match = countries.lookup(text)
    assert match is not None and match.country.iso3 == "USA"


@pytest.mark.parametrize("text", ["us", "Us", "uk", "drc", "uae", "bih"])
def test_abbreviations_keep_their_case(countries: CountryTable, text: str) -> None:
    assert countries.lookup(text) is None
    assert countries.lookup(text.upper() if text != "bih" else "BiH") is not None


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("Armenia's", "ARM"),
        ("Armenia\u2019s", "ARM"),
        ("ARMENIA'S", "ARM"),
        ("the Philippines'", "PHL"),
        ("the Kremlin's", "RUS"),
        ("the Netherlands", "NLD"),
        ("Holland", "NLD"),
        ("Côte d'Ivoire", "CIV"),
        ("Cote d\u2019Ivoire", "CIV"),
        ("Ivory Coast", "CIV"),
        ("Guinea Bissau", "GNB"),
        ("Burma", "MMR"),
        ("Czechia", "CZE"),
        ("Swaziland", "SWZ"),
        ("eSwatini", "SWZ"),
        ("Macedonia", "MKD"),
        ("UK", "GBR"),
        ("U.K.", "GBR"),
        ("Northern Ireland", "GBR"),
        ("Scotland", "GBR"),
        ("Emirati", "ARE"),
        ("Kosovar", "XKX"),
        ("Saudi", "SAU"),
        ("Dutch", "NLD"),
        ("Palestinians", "PSE"),
        ("Israelis", "ISR"),
        ("Chinese Taipei", "TWN"),
        ("PRC", "CHN"),
        ("mainland China", "CHN"),
        ("Republic of Korea", "KOR"),
        ("Democratic People's Republic of Korea", "PRK"),
        ("ROK", "KOR"),
        ("DPRK", "PRK"),
        ("North Korea", "PRK"),
    ],
)
def test_spellings_news_varies_on(countries: CountryTable, text: str, iso3: str) -> None:
    match = countries.lookup(text)
    assert match is not None and match.country.iso3 == iso3, text


def test_turkey_by_both_names(countries: CountryTable) -> None:
    turkey, turkiye, plain = (countries.lookup(text) for text in ("Turkey", "Türkiye", "Turkiye"))
    assert turkey is not None and turkiye is not None and plain is not None
    assert turkey.country is turkiye.country is plain.country
    assert turkey.country.iso3 == "TUR"
    assert turkey.needs_context and not turkiye.needs_context


def test_georgia_needs_context(countries: CountryTable) -> None:
    match = countries.lookup("Georgia")
    assert match is not None and match.country.iso3 == "GEO"
    assert match.needs_context and match.country.needs_context
    assert "US state" in match.country.notes
    tbilisi = countries.lookup("Tbilisi")
    assert tbilisi is not None and tbilisi.country.iso3 == "GEO" and not tbilisi.needs_context


def test_the_two_congos(countries: CountryTable) -> None:
    congo = countries.lookup("Congo")
    assert congo is not None and congo.country.iso3 == "COD" and congo.needs_context
    assert [country.iso3 for country in congo.alternatives] == ["COG"]
    congolese = countries.lookup("Congolese")
    assert congolese is not None and congolese.country.iso3 == "COD"
    assert [country.iso3 for country in congolese.alternatives] == ["COG"]
    for text, iso3 in [
        ("DRC", "COD"),
        ("DR Congo", "COD"),
        ("Democratic Republic of the Congo", "COD"),
        ("Congo-Kinshasa", "COD"),
        ("Kinshasa", "COD"),
        ("Republic of the Congo", "COG"),
        ("Republic of Congo", "COG"),
        ("Congo-Brazzaville", "COG"),
        ("Brazzaville", "COG"),
    ]:
        match = countries.lookup(text)
        assert match is not None and match.country.iso3 == iso3 and not match.alternatives, text


@pytest.mark.parametrize("text", ["Chad", "Jordan", "Guinea", "Niger", "Israel", "China", "Cuba", "Dominica", "Sudan"])
def test_names_that_are_often_something_else(countries: CountryTable, text: str) -> None:
    match = countries.lookup(text)
    assert match is not None and match.needs_context and match.country.needs_context and match.country.notes


def test_codes_analysts_check(countries: CountryTable) -> None:
    kosovo = countries.by_iso3("XKX")
    assert (kosovo.name, kosovo.cameo) == ("Kosovo", "KSV")
    taiwan = countries.by_iso3("TWN")
    assert (taiwan.name, taiwan.cameo) == ("Taiwan", "TWN")
    assert countries.by_iso3("ROU").cameo == "ROM"
    assert countries.by_iso3("TLS").cameo == "TMP"
    assert countries.by_iso3("rus").name == "Russia"
    assert countries.by_iso3("XAB").cameo == "GEOSEP"
    with pytest.raises(KeyError):
        countries.by_iso3("EUR")


def test_every_column_is_read(countries: CountryTable) -> None:
    netherlands = countries.by_iso3("NLD")
    assert "Holland" in netherlands.aliases and "Dutch" in netherlands.adjectives
    assert "the Dutch" in netherlands.demonyms and {"Amsterdam", "The Hague"} <= set(netherlands.capitals)
    united_states = countries.by_iso3("USA")
    assert ("Pentagon", "MIL") in united_states.seats and ("White House", "GOV") in united_states.seats
    assert "Latin America" in united_states.lookalikes
    assert united_states.region == "Northern America" and united_states.status == "member"
    assert countries.by_iso3("PSE").status == "observer"
    assert countries.by_iso3("HKG").status == "territory"


def test_lookalikes_are_not_the_country(countries: CountryTable) -> None:
    found = dict(countries.lookalikes())
    assert found["Latin America"].iso3 == "USA" and found["Lake Chad"].iso3 == "TCD"
    assert all(countries.lookup(phrase) is None for phrase in found)


def test_tel_aviv_gaza_and_brussels_are_places_not_metonyms(countries: CountryTable) -> None:
    assert countries.lookup("Tel Aviv") is None
    assert countries.lookup("Gaza") is None and countries.lookup("West Bank") is None
    assert countries.lookup("Brussels") is None
    jerusalem = countries.lookup("Jerusalem")
    assert jerusalem is not None and (jerusalem.country.iso3, jerusalem.sector) == ("ISR", "GOV")


def test_phrases_cover_every_form_and_read_back(countries: CountryTable) -> None:
    phrases = dict(countries.phrases())
    for country in countries:
        forms = [country.name, *country.aliases, *country.adjectives, *country.demonyms, *country.capitals]
        assert set(forms) | {seat for seat, _ in country.seats} <= set(phrases), country.iso3
    for spelling, match in phrases.items():
        assert countries.lookup(spelling) == match, spelling


def test_surface_key_ignores_what_copy_varies_on() -> None:
    assert surface_key("U.S.'s") == "US"
    assert surface_key("Côte d\u2019Ivoire") == "Cote d'Ivoire"
    assert surface_key("Guinea-Bissau") == "Guinea Bissau"
    assert surface_key("Washington, D.C.") == "Washington DC"


def test_the_integrity_check_finds_faults() -> None:
    def row(iso3: str, cameo: str, name: str, aliases: str = "", seats: str = "", context: str = "no") -> list[str]:
        return [iso3, cameo, name, aliases, "", "", "", seats, "", context, "member", "Middle Africa", ""]

    table = CountryTable.from_rows(
        [
            row("COD", "COD", "DR Congo", "Congo"),
            row("COG", "COG", "Republic of the Congo", "Congo"),
            row("QQQ", "QQ", "Nowhere", seats="Hill=XXX"),
            row("XKX", "KSV", "Kosovo", "~Kosova"),
            row("TCD", "TCD", "Chad", context="yes"),
        ]
    )
    problems = "\n".join(table.problems())
    assert "'Congo' names COD, COG" in problems
    assert "QQQ: not an ISO 3166-1 alpha-3 code" in problems
    assert "CAMEO code 'QQ'" in problems
    assert "unknown sector 'XXX'" in problems
    assert "~Kosova has no usual reading" in problems
    assert "XKX: a UN member has an ISO code of its own" in problems
    assert "TCD: needs_context without a note" in problems


def test_a_row_with_missing_columns_is_an_error() -> None:
    with pytest.raises(ValueError, match="expected 13 columns"):
        CountryTable.from_rows([["RUS", "RUS", "Russia"]])
