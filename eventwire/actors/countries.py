"""Countries and territories as actors: their names, adjectives, demonyms, capitals and seats.

News names a state in many ways: "Russia", "the Russian Federation", "Russian", "the
Russians", "Moscow", "the Kremlin". The table ``eventwire/data/countries.tsv`` (one row per
state or territory, written by us) lists those forms with the ISO 3166-1 and CAMEO codes and
the sector a capital or seat stands for; this module reads it once per process and answers
which country, and which sector, a phrase names: "the Pentagon" is the US military (USA,
MIL), "Moscow" the Russian government (RUS, GOV), "Armenia's" Armenia.

Spelling differences that mean nothing in news copy are ignored: case, the dots of "U.S.",
curly apostrophes, possessives, diacritics ("Türkiye" = "Turkiye"), hyphens and a leading
"the". Case does count for abbreviations, so that the pronoun "us" never names the United
States: a short form written with two capitals or more ("US", "DRC", "BiH") matches only
when the text writes it the same way.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from eventwire.extract.datafiles import data_rows

TABLE = "countries.tsv"
COLUMNS = (
    "iso3",
    "cameo",
    "name",
    "aliases",
    "adjectives",
    "demonyms",
    "capitals",
    "seats",
    "lookalikes",
    "needs_context",
    "status",
    "region",
    "notes",
)
STATUSES = frozenset({"member", "observer", "partial", "disputed", "territory", "de-facto"})
REGIONS = frozenset(
    {
        "Northern Africa",
        "Eastern Africa",
        "Middle Africa",
        "Southern Africa",
        "Western Africa",
        "Caribbean",
        "Central America",
        "South America",
        "Northern America",
        "Central Asia",
        "Eastern Asia",
        "South-eastern Asia",
        "Southern Asia",
        "Western Asia",
        "Eastern Europe",
        "Northern Europe",
        "Southern Europe",
        "Western Europe",
        "Australia and New Zealand",
        "Melanesia",
        "Micronesia",
        "Polynesia",
    }
)
"""The UN M49 geoscheme sub-regions."""
SEAT_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "SPY", "COP"})
"""The sectors a building or place can stand for (CAMEO agent codes)."""
CAPITAL_SECTOR = "GOV"
SEPARATIST_SUFFIX = "SEP"
"""De-facto states have no CAMEO country code: they are coded as their parent state's separatists."""
USER_ASSIGNED_PREFIX = "X"
"""ISO 3166-1 leaves XAA-XZZ to its users (Kosovo's XKX): codes no standard entry will ever take."""
ABBREVIATION_LENGTH = 5
"""Up to this many letters, a form written with two capitals or more is an abbreviation."""
NEEDS_CONTEXT_MARK = "?"
SECONDARY_MARK = "~"

Kind = Literal["name", "adjective", "demonym", "capital", "seat"]

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})
_DASHES = re.compile(r"[-\u2010-\u2015]")
_EDGE_PUNCTUATION = "\"“”«»()[]{}:;!?"
_POSSESSIVE = re.compile(r"(?:'s|(?<=s)')$", re.IGNORECASE)
_LEADING_THE = re.compile(r"^the ", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
_ISO3 = re.compile(r"^[A-Z]{3}$")


@lru_cache(maxsize=65536)
def surface_key(text: str) -> str:
    """How a form is compared, case kept: no diacritics, dots, possessive or edge punctuation,
    straight apostrophes, hyphens and commas as spaces, "&" as "and".

    "U.S.'s" -> "US", "Côte d’Ivoire" -> "Cote d'Ivoire", "Guinea-Bissau" -> "Guinea Bissau".
    """
    plain = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    plain = "".join(char for char in plain if not unicodedata.combining(char))
    plain = _DASHES.sub(" ", plain.replace(".", "").replace(",", " ").replace("&", " and "))
    plain = _SPACES.sub(" ", plain).strip().strip(_EDGE_PUNCTUATION).strip()
    return _POSSESSIVE.sub("", plain).strip()


def is_abbreviation(key: str) -> bool:
    """Whether a form (as ``surface_key`` gives it) is an abbreviation that keeps its case:
    "US", "DRC", "BiH", but not "Chad" or "No 10"."""
    letters = key.replace(" ", "")
    return len(letters) <= ABBREVIATION_LENGTH and sum(char.isupper() for char in letters) >= 2


@dataclass(frozen=True)
class Country:
    """One row of the table: a state, territory or de-facto state and every name news gives it.

    ``seats`` pairs each building or place with the sector it stands for. ``needs_context``
    says that a name of the country is often something else (``notes`` says what tells them
    apart). Forms keep the table's spelling, markers removed.
    """

    iso3: str
    cameo: str
    name: str
    aliases: tuple[str, ...]
    adjectives: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]
    seats: tuple[tuple[str, str], ...]
    needs_context: bool
    region: str
    status: str
    lookalikes: tuple[str, ...]
    notes: str


@dataclass(frozen=True)
class CountryMatch:
    """What a phrase names: the country, how it names it and, for capitals and seats, the sector.

    ``needs_context`` is set when the form is often something else (Georgia, Washington) or is
    shared with other countries; ``alternatives`` are those other countries ("Congolese" reads
    as DR Congo, and may be the Republic of the Congo).
    """

    country: Country
    kind: Kind
    sector: str | None
    form: str
    needs_context: bool
    alternatives: tuple[Country, ...] = ()


@dataclass(frozen=True)
class _Form:
    """One spelling in one row, with the markers the table put on it."""

    text: str
    kind: Kind
    sector: str | None
    needs_context: bool
    secondary: bool


@dataclass(frozen=True)
class _Row:
    country: Country
    forms: tuple[_Form, ...]


def _split(cell: str) -> list[str]:
    return [value.strip() for value in cell.split("|") if value.strip()]


def _form(written: str, kind: Kind, sector: str | None = None) -> _Form:
    text = written.strip()
    secondary = text.startswith(SECONDARY_MARK)
    needs_context = text.endswith(NEEDS_CONTEXT_MARK)
    text = text.removeprefix(SECONDARY_MARK).removesuffix(NEEDS_CONTEXT_MARK).strip()
    return _Form(text, kind, sector, needs_context, secondary)


def _seat(written: str) -> _Form:
    """``Pentagon=MIL`` is the Pentagon standing for MIL; a bare metonym stands for GOV."""
    metonym, _, sector = written.partition("=")
    return _form(metonym, "seat", sector.strip() or CAPITAL_SECTOR)


def _row(fields: Sequence[str], number: int) -> _Row:
    """One table row; a row that cannot be read as one is an error of the file, with its number."""
    if len(fields) != len(COLUMNS):
        raise ValueError(f"{TABLE} row {number}: expected {len(COLUMNS)} columns, got {len(fields)}")
    cells = dict(zip(COLUMNS, (field.strip() for field in fields), strict=True))
    if cells["needs_context"] not in ("yes", "no"):
        raise ValueError(f"{TABLE} row {number} ({cells['iso3']}): needs_context is {cells['needs_context']!r}")
    forms = (
        _form(cells["name"], "name"),
        *(_form(alias, "name") for alias in _split(cells["aliases"])),
        *(_form(adjective, "adjective") for adjective in _split(cells["adjectives"])),
        *(_form(demonym, "demonym") for demonym in _split(cells["demonyms"])),
        *(_form(capital, "capital", CAPITAL_SECTOR) for capital in _split(cells["capitals"])),
        *(_seat(seat) for seat in _split(cells["seats"])),
    )

    def spellings(kind: Kind) -> tuple[str, ...]:
        return tuple(dict.fromkeys(form.text for form in forms[1:] if form.kind == kind))

    country = Country(
        iso3=cells["iso3"],
        cameo=cells["cameo"],
        name=forms[0].text,
        aliases=spellings("name"),
        adjectives=spellings("adjective"),
        demonyms=spellings("demonym"),
        capitals=spellings("capital"),
        seats=tuple(dict.fromkeys((form.text, form.sector) for form in forms if form.kind == "seat" and form.sector)),
        needs_context=cells["needs_context"] == "yes",
        region=cells["region"],
        status=cells["status"],
        lookalikes=tuple(_split(cells["lookalikes"])),
        notes=cells["notes"],
    )
    return _Row(country, forms)


def _index_key(spelling: str) -> tuple[bool, str]:
    """Where a form is filed: abbreviations under their exact key, the rest case-folded."""
    key = surface_key(spelling)
    return (True, key) if is_abbreviation(key) else (False, key.casefold())


def _resolve(readings: list[tuple[Country, _Form]]) -> CountryMatch:
    """What a spelling names: the row that writes it without ``~``, the others as alternatives."""
    country, form = next(((country, form) for country, form in readings if not form.secondary), readings[0])
    alternatives = tuple(dict.fromkeys(other for other, _ in readings if other is not country))
    needs_context = form.needs_context or bool(alternatives)
    return CountryMatch(country, form.kind, form.sector, form.text, needs_context, alternatives)


class CountryTable:
    """The countries of ``countries.tsv`` and every form that names them.

    A form shared by two rows reads as the row that writes it without the ``~`` marker (the
    more frequent reading in news): "Congo" and "Congolese" read as the Democratic Republic of
    the Congo, "Korea" and "Korean" as South Korea; the match lists the other rows as
    ``alternatives``.
    """

    def __init__(self, rows: Sequence[_Row]) -> None:
        self._rows = tuple(rows)
        self._by_iso3 = {row.country.iso3: row.country for row in self._rows}
        if len(self._by_iso3) != len(self._rows):
            raise ValueError(f"{TABLE}: two rows share an iso3 code")
        self._readings: dict[tuple[bool, str], list[tuple[Country, _Form]]] = {}
        for row in self._rows:
            for form in row.forms:
                self._readings.setdefault(_index_key(form.text), []).append((row.country, form))
        self._matches = {key: _resolve(readings) for key, readings in self._readings.items()}
        spellings = dict.fromkeys(form.text for row in self._rows for form in row.forms)
        self._phrases = tuple((spelling, self._matches[_index_key(spelling)]) for spelling in spellings)

    @classmethod
    def from_rows(cls, rows: Iterable[Sequence[str]]) -> CountryTable:
        """A table from rows of the file's columns, header row left out."""
        return cls([_row(fields, number) for number, fields in enumerate(rows, start=1)])

    def lookup(self, text: str) -> CountryMatch | None:
        """The country ``text`` names as an article writes it ("Armenia's", "the Kremlin", "U.S."),
        or None. Only a whole form matches; "us" in lower case is the pronoun, not the US."""
        key = surface_key(text)
        for candidate in dict.fromkeys((key, _LEADING_THE.sub("", key))):
            match = self._matches.get((True, candidate)) or self._matches.get((False, candidate.casefold()))
            if match is not None:
                return match
        return None

    def by_iso3(self, iso3: str) -> Country:
        """The row with this ISO 3166-1 alpha-3 (or user-assigned, Kosovo's XKX) code; KeyError if none."""
        try:
            return self._by_iso3[iso3.upper()]
        except KeyError:
            raise KeyError(f"no country with iso3 code {iso3!r} in {TABLE}") from None

    def phrases(self) -> Iterator[tuple[str, CountryMatch]]:
        """Every form as the table spells it, with what it names, to build a phrase matcher.

        A matcher's keys ignore case, so confirm a hit with ``lookup(span.text)``, which keeps
        the case of abbreviations. A demonym written with "the" ("the Dutch") is a noun only
        when no noun follows it: in "the Dutch government" it is the adjective.
        """
        return iter(self._phrases)

    def lookalikes(self) -> Iterator[tuple[str, Country]]:
        """Phrases that contain a country's form but are not the country ("Latin America"):
        a longest-match scanner that knows them does not read the country inside them."""
        return ((phrase, row.country) for row in self._rows for phrase in row.country.lookalikes)

    def __iter__(self) -> Iterator[Country]:
        return (row.country for row in self._rows)

    def __len__(self) -> int:
        return len(self._rows)

    def problems(self) -> list[str]:
        """Everything wrong with the table; the tests require none, so a bad edit fails CI.

        No form names two countries unless all rows but one mark it ``~``; codes are ISO
        3166-1 codes pycountry knows (or user-assigned X codes it does not) and CAMEO-shaped;
        ``needs_context`` agrees with the ``?`` marks on the names; vocabularies hold; every
        lookalike contains a form of its row and is no form itself.
        """
        problems = [problem for readings in self._readings.values() for problem in _collision_problems(readings)]
        cameo_codes = {row.country.cameo for row in self._rows}
        for row in self._rows:
            problems.extend(_code_problems(row.country, cameo_codes))
            problems.extend(_row_problems(row))
            problems.extend(self._lookalike_problems(row))
        return problems

    def _lookalike_problems(self, row: _Row) -> list[str]:
        problems = []
        own_keys = {surface_key(form.text).casefold() for form in row.forms}
        for phrase in row.country.lookalikes:
            key = f" {surface_key(phrase).casefold()} "
            if not any(f" {own} " in key for own in own_keys):
                problems.append(f"{row.country.iso3}: lookalike {phrase!r} contains none of the row's forms")
            if self.lookup(phrase) is not None:
                problems.append(f"{row.country.iso3}: lookalike {phrase!r} is itself a form of a country")
        return problems


def _collision_problems(readings: list[tuple[Country, _Form]]) -> list[str]:
    """A spelling filed twice: in two rows it needs ``~`` in all but one; in one row, one meaning."""
    problems = []
    spelling = readings[0][1].text
    countries = list(dict.fromkeys(country for country, _ in readings))
    usual = list(dict.fromkeys(country for country, form in readings if not form.secondary))
    if len(countries) > 1 and len(usual) != 1:
        codes = ", ".join(country.iso3 for country in usual or countries)
        problems.append(f"{spelling!r} names {codes}: all rows but the usual reading must mark it {SECONDARY_MARK}")
    if len(countries) == 1 and not usual:
        problems.append(f"{countries[0].iso3}: {SECONDARY_MARK}{spelling} has no usual reading in another row")
    for country in countries:
        meanings = {(form.kind, form.sector) for other, form in readings if other is country}
        if len(meanings) > 1:
            problems.append(f"{country.iso3}: {spelling!r} is written as {sorted(kind for kind, _ in meanings)}")
    return problems


def _code_problems(country: Country, cameo_codes: set[str]) -> list[str]:
    """The ISO code is one pycountry knows, or a user-assigned one it cannot know; the CAMEO
    code has three letters, or is a parent state's code plus SEP for a de-facto state.

    pycountry is imported here: only this check needs it, loading the table does not.
    """
    import pycountry

    problems = []
    shaped = bool(_ISO3.match(country.iso3))
    known = shaped and pycountry.countries.get(alpha_3=country.iso3) is not None
    if country.iso3.startswith(USER_ASSIGNED_PREFIX):
        if known or not shaped:
            problems.append(f"{country.iso3}: not a free user-assigned code")
        if country.status == "member":
            problems.append(f"{country.iso3}: a UN member has an ISO code of its own")
    elif not known:
        problems.append(f"{country.iso3}: not an ISO 3166-1 alpha-3 code")
    parent = country.cameo.removesuffix(SEPARATIST_SUFFIX)
    if not _ISO3.match(country.cameo) and not (parent != country.cameo and parent in cameo_codes):
        problems.append(f"{country.iso3}: CAMEO code {country.cameo!r} is neither three letters nor a state's + SEP")
    return problems


def _row_problems(row: _Row) -> list[str]:
    """Vocabularies (status, region, seat sectors), and ``needs_context`` against the ``?`` marks."""
    country = row.country
    problems = []
    if country.status not in STATUSES:
        problems.append(f"{country.iso3}: unknown status {country.status!r}")
    if country.region not in REGIONS:
        problems.append(f"{country.iso3}: {country.region!r} is not a UN M49 sub-region")
    for seat, sector in country.seats:
        if sector not in SEAT_SECTORS:
            problems.append(f"{country.iso3}: seat {seat!r} stands for unknown sector {sector!r}")
    if country.needs_context and not country.notes:
        problems.append(f"{country.iso3}: needs_context without a note on what disambiguates")
    marked = any(form.needs_context for form in row.forms if form.kind == "name")
    if marked != country.needs_context:
        flag = "yes" if country.needs_context else "no"
        problems.append(f"{country.iso3}: needs_context is {flag}, but {'a' if marked else 'no'} name is marked ?")
    return problems


@lru_cache(maxsize=1)
def load_countries() -> CountryTable:
    """The table of ``eventwire/data/countries.tsv``, parsed once per process."""
    rows = data_rows(TABLE, COLUMNS)
    if rows and tuple(field.strip() for field in rows[0]) == COLUMNS:
        rows = rows[1:]
    return CountryTable.from_rows(rows)
