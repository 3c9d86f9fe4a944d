"""Named office holders (heads of state and government, ministers, military chiefs) with their dates.

News names people, not institutions: "Lavrov said" is Russia's government speaking, and
"Shmyhal" was Ukraine's prime minister in 2023 but its defence minister in late 2025. The
table ``eventwire/data/people.tsv`` holds one row per person, role and term; this module reads
it once and answers which office a name (or a bare surname) stood for on an article's date,
so the actor coder can give the person's country and sector as of that day.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import util as importlib_util

from eventwire.extract.datafiles import data_rows

TABLE = "people.tsv"
COLUMNS = (
    "name",
    "aliases",
    "surname",
    "country",
    "organisation",
    "camp",
    "sector",
    "secondary",
    "tier",
    "role",
    "start",
    "end",
    "notes",
)
TIERS = ("state", "government", "leader", "igo", "deputy", "minister", "regional", "military", "official")
"""Kinds of office, in the order one is preferred when a person holds several at once: a
president who also commands the army is named as president."""
REGIONAL = "regional"
"""The tier of sub-national executives (governors, chief ministers, premiers of provinces):
introduced by their full name and title, never named by a bare surname alone (see
``Person.named_by_surname_on``)."""
SHARED_ROLE_NOTE = "one of several"
"""How ``notes`` opens on a row whose role several people hold at once (deputy ministers, a
ministry's spokespeople, vice chairmen of a commission): such terms may overlap."""
SECTORS = frozenset(
    "GOV MIL REB OPP PTY COP JUD SPY LEG MED EDU BUS CRM CVL LAB REF AGR HLH ELI NGO IGO UAF PRM SEP INS HRI ENV REL "
    "UNK".split()
)
"""The CAMEO sector vocabulary (with PLOVER's PRM and UAF) that ``sector`` and ``secondary`` draw on."""
GROUP_CODES = frozenset({"IGO", "XKX"})
"""Codes the table uses that are no ISO 3166 country: ``IGO`` for an intergovernmental
organisation's officials (the organisation in its own column) and ``XKX`` for Kosovo, which
has no ISO code and takes the user-assigned one most registries use."""
NO_SURNAME = "-"
KNOWLEDGE_END = date(2025, 10, 31)
"""The last day the table's authors knew of: an empty ``end`` means "in office then"."""

_APOSTROPHES = re.compile(r"['’‘ʼʻ`´]")
_SEPARATORS = re.compile(r"[\s.,\-‐‑–—]+")
_UNDECOMPOSED_LETTERS = str.maketrans(  # letters that Unicode does not split into a base and a mark
    {"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ð": "d", "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe"}
)
_ARABIC_ARTICLE = re.compile(r"(?<![^ ])(?:el|al|ul)(?= )")


def name_key(text: str) -> str:
    """How names are compared: a spelling's accidents removed, its letters kept.

    Case, diacritics ("Erdoğan" = "Erdogan"), apostrophes ("Sa'ar" = "Saar"), hyphens and
    periods ("Kim Jong-un" = "Kim Jong Un") and the spelling of the Arabic article inside a
    name ("el-Sisi" = "al-Sisi") differ between outlets for one person, never between people.
    """
    folded = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED_LETTERS))
    bare = "".join(char for char in folded if not unicodedata.combining(char))
    spaced = _SEPARATORS.sub(" ", _APOSTROPHES.sub("", bare.casefold())).strip()
    return _ARABIC_ARTICLE.sub("al", spaced)


def _without_article(key: str) -> str:
    """A surname key without its Arabic article ("al sisi" -> "sisi"), as second mentions write it."""
    return key.removeprefix("al ")


@dataclass(frozen=True)
class Office:
    """One term of one person in one role, as the table writes it.

    ``end`` is the day the office passed on (the successor's first day), so a term holds from
    ``start`` up to but not including ``end``; None means still held when the table was written.
    ``organisation`` names the body an ``IGO`` official serves ("UN"); ``camp`` names the side of
    a split state whose office this is ("Houthi", "east"), empty for the recognised government.
    ``shared`` marks a role several people hold at once (a ministry's deputy ministers).
    """

    name: str
    aliases: tuple[str, ...]
    country: str
    sector: str
    secondary: str | None
    role: str
    start: date
    end: date | None
    tier: str = "minister"
    organisation: str | None = None
    camp: str | None = None
    surnames: tuple[str, ...] = ()
    shared: bool = False

    def held_on(self, day: date) -> bool:
        """Whether the person held this office on ``day``."""
        return self.start <= day and (self.end is None or day < self.end)

    def days_from(self, day: date) -> int:
        """How far ``day`` lies outside this term (0 inside it): nearness for a person out of office."""
        if day < self.start:
            return (self.start - day).days
        if self.end is not None and day >= self.end:
            return (day - self.end).days + 1
        return 0


def _preference(office: Office) -> tuple[int, int]:
    """Sort key among offices held at once: the higher tier first, then the most recent term."""
    return (TIERS.index(office.tier), -office.start.toordinal())


@dataclass(frozen=True)
class Person:
    """Every office of one person (one ``name`` in the table), oldest first."""

    name: str
    offices: tuple[Office, ...]

    def office_on(self, day: date) -> Office:
        """The office held on ``day`` (the highest tier if several); out of office, the nearest term."""
        held = [office for office in self.offices if office.held_on(day)]
        if held:
            return min(held, key=_preference)
        return min(self.offices, key=lambda office: (office.days_from(day), _preference(office)))

    def latest(self) -> Office:
        """The office of the person's most recent term (one still held before any that ended)."""
        ongoing = [office for office in self.offices if office.end is None]
        if ongoing:
            return min(ongoing, key=_preference)
        return max(self.offices, key=lambda office: (office.end, -TIERS.index(office.tier)))

    def named_by_surname_on(self, day: date | None) -> bool:
        """Whether a bare surname may stand for the person on ``day`` (None: when the table was written).

        Only a national or international office counts. News introduces a governor or a chief
        minister with name and title, and their surnames are often common words or other
        people's names ("Justice", "Little", "Scott", "Lee"): a bare one would code strangers.
        """
        national = [office for office in self.offices if office.tier != REGIONAL]
        if day is None:
            return any(office.end is None for office in national)
        return any(office.held_on(day) for office in national)


class PeopleTable:
    """The people of the table, found by full name, alias or surname."""

    def __init__(self, offices: Iterable[Office]) -> None:
        by_name: dict[str, list[Office]] = defaultdict(list)
        for office in offices:
            by_name[office.name].append(office)
        self.people = tuple(
            Person(name, tuple(sorted(terms, key=lambda office: office.start))) for name, terms in by_name.items()
        )
        self._by_key: dict[str, list[Person]] = defaultdict(list)
        self._by_surname: dict[str, list[Person]] = defaultdict(list)
        for person in self.people:
            for spelling in self.spellings(person):
                self._add(self._by_key, name_key(spelling), person)
            for surname in person.offices[0].surnames:
                key = name_key(surname)
                self._add(self._by_surname, key, person)
                self._add(self._by_surname, _without_article(key), person)

    @staticmethod
    def _add(index: dict[str, list[Person]], key: str, person: Person) -> None:
        if person not in index[key]:
            index[key].append(person)

    @staticmethod
    def spellings(person: Person) -> tuple[str, ...]:
        """The full name and every alias of ``person``, as the table writes them."""
        return (person.name, *person.offices[0].aliases)

    def person(self, name: str) -> Person | None:
        """The one person whose full name or alias is ``name`` (None if none, or several)."""
        found = self._by_key.get(name_key(name), [])
        return found[0] if len(found) == 1 else None

    def lookup(self, name: str, *, on: date | None = None) -> Office | None:
        """The office of the person called ``name`` on the date ``on`` (without one, their latest).

        A person out of office on ``on`` gets the term nearest in time, so a former minister is
        still recognised; ``Office.held_on(on)`` tells the caller whether it was current.
        """
        person = self.person(name)
        if person is None:
            return None
        return person.office_on(on) if on is not None else person.latest()

    def by_surname(self, surname: str, *, on: date | None = None) -> Office | None:
        """The office of the one person in office on ``on`` (None: today) with this surname.

        A bare surname names someone only when no one else in office then bears it: "Aliyev"
        is Azerbaijan's president, while "Kim" in 2021 was two Korean heads of government and
        a head of state, so it stays unresolved. Sub-national executives take no part: they
        are neither named by a bare surname nor make one ambiguous.
        """
        candidates = self._by_surname.get(name_key(surname), [])
        people = [person for person in candidates if person.named_by_surname_on(on)]
        if len(people) != 1:
            return None
        return people[0].office_on(on) if on is not None else people[0].latest()

    def phrases(self) -> Iterator[tuple[str, Office]]:
        """Every full name and alias with the person's latest office, for a phrase matcher.

        A spelling with diacritics comes a second time without them ("Erdoğan", "Erdogan"), as
        copy often drops them; the caller asks ``lookup`` again with the article's date.
        """
        for person in self.people:
            latest = person.latest()
            for spelling in self.spellings(person):
                yield spelling, latest
                plain = _plain_letters(spelling)
                if plain != spelling:
                    yield plain, latest


def _plain_letters(text: str) -> str:
    """``text`` with its diacritics removed and its case kept ("Erdoğan" -> "Erdogan")."""
    folded = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED_LETTERS))
    return "".join(char for char in folded if not unicodedata.combining(char))


def _split(field: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in field.split("|") if part.strip())


def _derived_surnames(name: str, written: str) -> tuple[str, ...]:
    """The surnames of a person: as written, none for ``-``, else the last word of the name."""
    if written == NO_SURNAME:
        return ()
    return _split(written) if written else (name.split()[-1],)


def _office(fields: list[str], aliases: tuple[str, ...], surnames: tuple[str, ...], line: int) -> Office:
    name, _, _, country, organisation, camp, sector, secondary, tier, role, start, end, notes = fields
    try:
        started = date.fromisoformat(start)
        ended = date.fromisoformat(end) if end else None
    except ValueError as error:
        raise ValueError(f"{TABLE} line {line} ({name}): {error}") from error
    return Office(
        name=name,
        aliases=aliases,
        country=country,
        sector=sector,
        secondary=secondary or None,
        role=role,
        start=started,
        end=ended,
        tier=tier,
        organisation=organisation or None,
        camp=camp or None,
        surnames=surnames,
        shared=notes.startswith(SHARED_ROLE_NOTE),
    )


def read_offices() -> list[Office]:
    """Every row of the table as an ``Office``, each carrying all aliases and surnames of its person.

    Aliases and surnames may be written on any one row of a person; they belong to the person.
    """
    header, *rows = data_rows(TABLE, COLUMNS)
    if tuple(header) != COLUMNS:
        raise ValueError(f"{TABLE}: the first row must be the header {'<TAB>'.join(COLUMNS)}")
    rows = [[field.strip() for field in row] for row in rows]
    aliases: dict[str, dict[str, None]] = defaultdict(dict)
    surnames: dict[str, str] = {}
    for name, written_aliases, written_surname, *_ in rows:
        aliases[name].update(dict.fromkeys(_split(written_aliases)))
        if written_surname:
            surnames[name] = written_surname
    return [
        _office(row, tuple(aliases[row[0]]), _derived_surnames(row[0], surnames.get(row[0], "")), line)
        for line, row in enumerate(rows, start=2)
    ]


@lru_cache(maxsize=1)
def load_people() -> PeopleTable:
    """The people of ``eventwire/data/people.tsv`` (read once per process)."""
    return PeopleTable(read_offices())


def _valid_country_codes() -> frozenset[str] | None:
    """ISO 3166 alpha-3 codes from pycountry where it is installed (else None: shape check only)."""
    if importlib_util.find_spec("pycountry") is None:
        return None
    import pycountry

    return frozenset(country.alpha_3 for country in pycountry.countries)


def integrity_problems(offices: Iterable[Office]) -> list[str]:
    """What is wrong with the table, one sentence per problem (none for a sound table).

    Checked: terms that end before they start, dates past ``KNOWLEDGE_END``, two terms of one
    role of one country (or organisation, or camp) that overlap, a spelling shared by two
    people, unknown country codes, sectors and tiers, and an organisation named on a row that
    is not an IGO one (or missing on one that is). Run by the tests, so an edit that breaks
    the table fails CI.
    """
    offices = list(offices)
    known_codes = _valid_country_codes()
    problems = []
    for office in offices:
        where = f"{office.name} ({office.role}, {office.start})"
        if office.end is not None and office.end <= office.start:
            problems.append(f"{where}: ends on {office.end}, not after it starts")
        if max(office.start, office.end or office.start) > KNOWLEDGE_END:
            problems.append(f"{where}: a date after the table's knowledge end {KNOWLEDGE_END}")
        if office.country not in GROUP_CODES and not (
            office.country in known_codes if known_codes is not None else re.fullmatch(r"[A-Z]{3}", office.country)
        ):
            problems.append(f"{where}: {office.country!r} is no ISO 3166 alpha-3 code or documented group code")
        if (office.country == "IGO") != (office.organisation is not None):
            problems.append(f"{where}: an organisation is named exactly for IGO rows")
        for sector in (office.sector, office.secondary):
            if sector is not None and sector not in SECTORS:
                problems.append(f"{where}: unknown sector {sector!r}")
        if office.tier not in TIERS:
            problems.append(f"{where}: unknown tier {office.tier!r}")
    problems += _overlapping_terms(offices)
    problems += _shared_spellings(offices)
    return problems


def _overlapping_terms(offices: list[Office]) -> list[str]:
    """Two holders of one role at once, where the role has one holder (rival camps are separate;
    roles marked as held by several at once may overlap)."""
    holders: dict[tuple[str, str | None, str | None, str], list[Office]] = defaultdict(list)
    for office in offices:
        holders[(office.country, office.organisation, office.camp, office.role)].append(office)
    problems = []
    for (country, organisation, camp, role), terms in holders.items():
        terms.sort(key=lambda office: office.start)
        for earlier, later in zip(terms, terms[1:]):
            if earlier.shared and later.shared:
                continue
            if earlier.end is None or later.start < earlier.end:
                seat = " ".join(part for part in (country, organisation, camp, role) if part)
                both = f"{earlier.name} (from {earlier.start}) and {later.name} (from {later.start})"
                problems.append(f"{seat}: {both} overlap")
    return problems


def _shared_spellings(offices: list[Office]) -> list[str]:
    """Full names and aliases that two different people are written under."""
    owners: dict[str, set[str]] = defaultdict(set)
    for office in offices:
        for spelling in (office.name, *office.aliases):
            owners[name_key(spelling)].add(office.name)
    return [f"{key!r} names {' and '.join(sorted(names))}" for key, names in owners.items() if len(names) > 1]
