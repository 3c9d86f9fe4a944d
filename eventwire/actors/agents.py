"""Sector nouns: the words and titles that tell an actor's role ("troops", "Defence Ministry", "Lt. Gen.").

CAMEO codes an unnamed actor by its country and the sector its noun gives: "Russian troops" is
RUS + MIL, "the Azerbaijani Foreign Ministry" AZE + GOV. The nouns and their sectors live in
``eventwire/data/agents.tsv`` (its header explains each column); this module reads the table once
and answers for a noun phrase in any inflection, so the table holds each lemma once: "lawmakers",
"Lawmakers'" and "lawmaker" meet one row, "Defense Ministry" meets "defence ministry", and
"Lt. Gen." meets "lt. gen.". Plurals are undone by a few English suffix rules whose guesses only
count when the table knows the result, which keeps the rules small without a parser.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from eventwire.extract.datafiles import data_rows

TABLE = "agents.tsv"
COLUMNS = ("phrase", "sector", "secondary", "person", "title", "borrows", "notes")

SECTORS = frozenset(
    "GOV MIL REB OPP PTY COP JUD SPY LEG MED EDU BUS CRM CVL LAB REF AGR HLH ELI NGO IGO UAF PRM SEP INS HRI "
    "ENV REL UNK".split()
)
"""The sector vocabulary: CAMEO's agent codes plus PLOVER's PRM (paramilitaries)."""

_BRITISH_SPELLING = {
    "defense": "defence",
    "defenses": "defences",
    "offense": "offence",
    "labor": "labour",
    "laborer": "labourer",
    "laborers": "labourers",
    "organization": "organisation",
    "organizations": "organisation",
    "organized": "organised",
    "center": "centre",
    "centers": "centres",
    "counselor": "counsellor",
    "councilor": "councillor",
    "traveler": "traveller",
    "travelers": "travellers",
    "theater": "theatre",
}
"""American spellings that news writes in role nouns, to the British ones the table uses."""

_AMERICAN_SPELLING = {british: american for american, british in _BRITISH_SPELLING.items()}

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
_SEPARATORS = str.maketrans({"-": " ", "\u2010": " ", "\u2011": " ", "\u2013": " ", "\u2014": " ", "/": " "})
_EDGE_PUNCTUATION = ',;:!?()[]{}"'
_INVARIANT = frozenset(
    "police personnel staff media clergy press intelligence counterintelligence infantry artillery military "
    "customs people enforcement society industry".split()
)
"""Words the table uses that take no plural ending, so ``phrases`` offers no "polices"."""


PHRASE_CACHE = 16_384
"""Entries of each phrase cache: enough for the phrases that recur (heads, titles, bodies), and
full within the first two thousand articles, so that a long run's memory stops rising there
(65,536 entries were still filling after 20,000 articles, about 2 MB per 1,000)."""


@lru_cache(maxsize=PHRASE_CACHE)
def normal_words(text: str) -> tuple[str, ...]:
    """The words of ``text`` as the table keys them: case-folded, accents and dots dropped, hyphens
    as spaces, possessive endings cut ("soldiers'" -> "soldiers"), American spellings made British.

    Cached: the coders ask for the same phrases over and over (every noun phrase of an
    article is described, and its head looked up, several times)."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    plain = "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()
    words = []
    for raw in plain.replace(".", "").translate(_SEPARATORS).split():
        word = raw.strip(_EDGE_PUNCTUATION).removesuffix("'s").strip("'")
        if word:
            words.append(_BRITISH_SPELLING.get(word, word))
    return tuple(words)


def singulars(word: str) -> list[str]:
    """Singular forms a plural ``word`` may have, most likely first (only guesses: the table decides)."""
    guesses = []
    if word.endswith("children"):
        guesses.append(word[: -len("ren")])
    if word.endswith("men") and len(word) > len("men"):
        guesses.append(word[: -len("men")] + "man")  # gunmen, spokeswomen, policemen
    if word.endswith("ies") and len(word) > len("xies"):
        guesses.append(word[: -len("ies")] + "y")  # authorities, militaries, deputies
    if word.endswith("ves"):
        guesses += [word[: -len("ves")] + "f", word[: -len("ves")] + "fe"]  # thieves, wives
    if word.endswith(("ses", "xes", "zes", "ches", "shes")):
        guesses.append(word[: -len("es")])  # businesses, witnesses
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        guesses.append(word[:-1])
    return guesses


def _plural(word: str) -> str:
    """The regular plural of a table word, for the surface forms ``phrases`` lists."""
    if word in _INVARIANT or word.endswith(("s", ".")):
        return word
    if word.endswith("man"):
        return word[: -len("man")] + "men"
    if word.endswith("child"):
        return word + "ren"
    if word.endswith("y") and word[-2:-1] not in tuple("aeiou"):
        return word[:-1] + "ies"
    if word.endswith(("x", "ch", "sh")):
        return word + "es"
    return word + "s"


def _inflections(words: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
    """``words`` as written, then with its last word made singular, then with one other word made
    singular ("attorneys general", "chiefs of staff")."""
    yield words
    for position in [len(words) - 1, *range(len(words) - 1)]:
        for singular in singulars(words[position]):
            yield words[:position] + (singular,) + words[position + 1 :]


@dataclass(frozen=True)
class Agent:
    """A sector noun of the table: the sector it gives and how a name attaches to it.

    ``borrows_sector`` marks roles that take the sector of a body named before them ("army
    spokesman"); a phrase resolved that way comes back with the body's sector and the whole
    phrase as ``phrase``.
    """

    phrase: str
    sector: str
    secondary: str | None
    person: bool
    title: bool
    borrows_sector: bool = False


class AgentTable:
    """The rows of ``agents.tsv`` keyed by their normalised words."""

    def __init__(self, agents: list[Agent]) -> None:
        self._agents = agents
        self._by_words: dict[tuple[str, ...], Agent] = {normal_words(agent.phrase): agent for agent in agents}
        self._longest = max(len(words) for words in self._by_words)
        # ``lookup`` meets the same heads over and over (every noun of every article): cached, bounded
        self._head_agent = lru_cache(maxsize=PHRASE_CACHE)(self._ending_at_head)

    def _known(self, words: tuple[str, ...]) -> Agent | None:
        """The row these words name, as written or in the singular."""
        for form in _inflections(words):
            if found := self._by_words.get(form):
                return found
        return None

    def _ending_at_head(self, words: tuple[str, ...]) -> Agent | None:
        """The longest known phrase ending at the last word; a borrowing role takes the sector of
        the known phrase just before it."""
        for start in range(max(0, len(words) - self._longest), len(words)):
            role = self._known(words[start:])
            if role is None:
                continue
            body = self._ending_at_head(words[:start]) if role.borrows_sector and start else None
            if body is None or body.sector == "UNK":
                return role
            return Agent(f"{body.phrase} {role.phrase}", body.sector, body.secondary, role.person, False)
        return None

    def lookup(self, words: str) -> Agent | None:
        """The row for a noun phrase or its head, in any case and number: "troops", "Defence Ministry",
        "lawmakers", "Russia's deputy foreign minister" (the longest known phrase ending at the head
        wins: "deputy foreign minister" over "foreign minister" over "minister")."""
        normal = normal_words(words)
        return self._head_agent(normal) if normal else None

    def title_at_start(self, words: str) -> tuple[Agent, int] | None:
        """The longest title that opens ``words`` ("Maj. Gen. Amina Okafor") and how many of its
        whitespace-separated words it takes; None when the longest known phrase there is no title
        ("Defence Ministry spokesman ..." opens with a body, not the title "Defence Minister")."""
        written = words.split()
        for count in range(min(len(written), self._longest), 0, -1):
            normal = normal_words(" ".join(written[:count]))
            if normal and (found := self._known(normal)):
                return (found, count) if found.title else None
        return None

    def phrases(self) -> Iterator[tuple[str, Agent]]:
        """Every surface form of every row, for phrase matchers: the phrase, its plural, and their
        American spellings ("defence minister", "defence ministers", "defense minister", ...). A
        matcher should confirm a match with ``lookup``, which also resolves borrowed sectors."""
        for agent in self._agents:
            words = normal_words(agent.phrase)
            head = words.index("of") - 1 if "of" in words[1:] else len(words) - 1  # "ministers of defence"
            plural = (*words[:head], _plural(words[head]), *words[head + 1 :])
            forms = {agent.phrase: None, " ".join(plural): None}
            for form in list(forms):
                forms[" ".join(_AMERICAN_SPELLING.get(word, word) for word in form.split())] = None
            for form in forms:
                yield form, agent


def _yes(cell: str, column: str, phrase: str) -> bool:
    if cell not in ("yes", ""):
        raise ValueError(f"{TABLE}: {phrase!r} has {column}={cell!r}, expected 'yes' or empty")
    return cell == "yes"


def table_problems(agents: list[Agent]) -> list[str]:
    """What is wrong with the rows: unknown sectors, a secondary equal to the sector, a title that is
    no person, two rows for one phrase once spelling and case are normalised."""
    problems = []
    seen: dict[tuple[str, ...], str] = {}
    for agent in agents:
        if agent.sector not in SECTORS or (agent.secondary is not None and agent.secondary not in SECTORS):
            problems.append(f"{agent.phrase!r}: unknown sector {agent.sector}/{agent.secondary}")
        if agent.secondary == agent.sector:
            problems.append(f"{agent.phrase!r}: secondary sector repeats the sector")
        if agent.title and not agent.person:
            problems.append(f"{agent.phrase!r}: a title must name a person")
        words = normal_words(agent.phrase)
        if words in seen:
            problems.append(f"{agent.phrase!r}: same phrase as {seen[words]!r}")
        seen.setdefault(words, agent.phrase)
    return problems


def read_agents() -> list[Agent]:
    """The rows of ``agents.tsv`` (its first row is the header, checked against ``COLUMNS``)."""
    header, *rows = data_rows(TABLE, COLUMNS)
    if tuple(header) != COLUMNS:
        raise ValueError(f"{TABLE}: header {header} is not {list(COLUMNS)}")
    return [
        Agent(
            phrase=phrase,
            sector=sector,
            secondary=secondary or None,
            person=_yes(person, "person", phrase),
            title=_yes(title, "title", phrase),
            borrows_sector=_yes(borrows, "borrows", phrase),
        )
        for phrase, sector, secondary, person, title, borrows, _notes in rows
    ]


@lru_cache(maxsize=1)
def load_agents() -> AgentTable:
    """The agents table, read and checked once per process (a faulty row is an error, not a guess)."""
    agents = read_agents()
    if problems := table_problems(agents):
        raise ValueError(f"{TABLE}: " + "; ".join(problems))
    return AgentTable(agents)
