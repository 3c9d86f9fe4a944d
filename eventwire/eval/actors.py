"""Actor evaluation: short actor descriptions coded alone, and the speed of coding whole articles.

``python -m eventwire.eval actors [--json] [--gate] [--misses N]``

``actors/actor_resolution.jsonl`` holds actor descriptions ("the Nigerian army", "Great
Britain", a name with a date) with the country and sector an analyst expects. Each case's
``text`` goes through ``eventwire.actors.resolve_text`` with its ``context`` and ``date``
(``Today``, empty or missing: coded as of today).

How cases are counted:

- **country**: every case whose ``expected`` has a ``country`` (a string, or ``{"!=": X}``),
  and every case whose ``expected`` is empty (the description names no actor, so no country
  is expected). ``""`` expects no country at all. An ISO3 code is compared with the coded
  country. A group code (``IGO``, ``UNO``, ``EUR``, ``NGO``...: not a country) is right when
  it is one of the three-letter parts of the coded actor code, so ``UNO`` accepts
  ``IGOUNOJUD`` and ``IGO`` accepts any ``IGO...`` code. ``{"!=": X}`` is right for any
  country but X, none included.
- **sector**: every case whose ``expected`` has a ``sector`` key, and every empty ``expected``.
  ``""`` and null expect no sector. The expected sectors are PLOVER's, ours are CAMEO's:
  ours are translated where the two vocabularies name one thing differently (CAMEO ``MED``
  media is PLOVER ``JRN``, CAMEO ``HLH`` health is PLOVER ``MED``, CAMEO's civil-society
  groups ``NGO``, ``HRI``, ``ENV`` are PLOVER ``SOC``, separatists and insurgents ``SEP``,
  ``INS`` are PLOVER ``REB``). A secondary sector (``code['code_2']``) is not scored.
- Cases that expect only a Wikipedia title (``wiki``) test an encyclopedia look-up that
  eventwire does not make, and count for neither.

Speed: every example article (``examples/articles``) is extracted and parsed once, then
``find_actors`` is timed on each parse; the figure printed is milliseconds per article for
actor coding alone and for the spaCy parse beside it.

With ``--json`` the last line printed is one JSON object ``{"task": "actors", "metrics":
{...}}`` with flat keys ``<set>/<system>/<metric>`` as every task writes them:
``actor_resolution/country_accuracy`` and ``actor_resolution/sector_accuracy`` (the keys the Actors issue names) (with the case
counts), ``examples/eventwire/actors_ms_per_article`` and ``examples/spacy/parse_ms_per_article``;
``--gate`` exits 1 when a metric is below its floor in ``floors.json``.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from eventwire.actors import ActorCode, find_actors, resolve_text
from eventwire.actors.countries import load_countries
from eventwire.actors.model import code_parts
from eventwire.eval.shared import REPO_ROOT
from eventwire.eval.taskcli import finish, metrics_table, shared_or_complain, task_parser
from eventwire.nlp import parse_many
from eventwire.pipeline import process

TASK = "actors"
CASES = Path("actors") / "actor_resolution.jsonl"
EXAMPLES = REPO_ROOT / "examples" / "articles"
PLOVER_SECTOR = {"MED": "JRN", "HLH": "MED", "NGO": "SOC", "HRI": "SOC", "ENV": "SOC", "SEP": "REB", "INS": "REB"}
"""Our (CAMEO) sector names that PLOVER, the vocabulary of the gold, writes differently."""
DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%B %d, %Y")


@dataclass(frozen=True)
class Case:
    """One gold description: what is coded (text, context, date) and what is expected."""

    id: str
    text: str
    context: str | None
    day: date | None
    expected: dict[str, Any]

    @property
    def scores_country(self) -> bool:
        return "country" in self.expected or not self.expected

    @property
    def scores_sector(self) -> bool:
        return "sector" in self.expected or not self.expected


@dataclass(frozen=True)
class Outcome:
    case: Case
    coded: ActorCode
    country_right: bool | None  # None: the case does not count for country
    sector_right: bool | None


def case_date(value: object) -> date | None:
    """A case's date: None for "Today", empty or missing (coded as of today), else the day written."""
    if not isinstance(value, str) or not value.strip() or value.strip().casefold() == "today":
        return None
    for pattern in DATE_FORMATS:
        try:
            return datetime.strptime(value.strip(), pattern).date()
        except ValueError:
            continue
    raise ValueError(f"unreadable case date {value!r}")


def read_cases(path: Path) -> Iterator[Case]:
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                row = json.loads(line)
                context = row.get("context")
                yield Case(
                    id=str(row["id"]),
                    text=str(row["text"]),
                    context=context if isinstance(context, str) and context.strip() else None,
                    day=case_date(row.get("date")),
                    expected=dict(row.get("expected") or {}),
                )


def country_right(expected: object, coded: ActorCode) -> bool:
    """Whether the coded country is the expected one (see the module docstring for the rules)."""
    if isinstance(expected, dict):
        return all(coded.country != excluded for excluded in expected.values())
    if not expected:
        return coded.country is None
    if coded.country == expected:
        return True
    return str(expected) not in country_codes() and str(expected) in code_parts(coded.code)


@lru_cache(maxsize=1)
def country_codes() -> frozenset[str]:
    """The ISO3 codes of the country table: an expected code outside it is a group code."""
    return frozenset(country.iso3 for country in load_countries())


def sector_right(expected: object, coded: ActorCode) -> bool:
    """Whether the coded sector, in PLOVER's names, is the expected one ("" and null: none)."""
    ours = PLOVER_SECTOR.get(coded.sector or "", coded.sector) if coded.sector else None
    return ours == (expected or None)


def score(case: Case) -> Outcome:
    coded = resolve_text(case.text, context=case.context, on=case.day)
    country = country_right(case.expected.get("country", ""), coded) if case.scores_country else None
    sector = sector_right(case.expected.get("sector"), coded) if case.scores_sector else None
    return Outcome(case, coded, country, sector)


def accuracy(flags: list[bool | None]) -> float:
    counted = [flag for flag in flags if flag is not None]
    return sum(counted) / max(1, len(counted))


def resolution_metrics(outcomes: list[Outcome]) -> dict[str, float]:
    return {
        "actor_resolution/country_accuracy": accuracy([outcome.country_right for outcome in outcomes]),
        "actor_resolution/sector_accuracy": accuracy([outcome.sector_right for outcome in outcomes]),
        "actor_resolution/country_cases": float(sum(o.country_right is not None for o in outcomes)),
        "actor_resolution/sector_cases": float(sum(o.sector_right is not None for o in outcomes)),
    }


def speed_metrics(directory: Path = EXAMPLES) -> dict[str, float]:
    """Milliseconds per example article: parsing, and actor coding of the parse."""
    articles = [result.article for result in process([str(directory)]) if result.article is not None]
    started = time.perf_counter()
    docs = list(parse_many(article.text for article in articles))
    parsed = time.perf_counter()
    for article, doc in zip(articles, docs):
        find_actors(doc, published=article.published)
    coded = time.perf_counter()
    count = max(1, len(articles))
    return {
        "examples/eventwire/articles": float(len(articles)),
        "examples/spacy/parse_ms_per_article": 1000 * (parsed - started) / count,
        "examples/eventwire/actors_ms_per_article": 1000 * (coded - parsed) / count,
    }


def evaluate(root: Path) -> tuple[dict[str, float], list[Outcome]]:
    """Every metric of this task and the per-case outcomes (for the table of misses)."""
    outcomes = [score(case) for case in read_cases(root / CASES)]
    return {**resolution_metrics(outcomes), **speed_metrics()}, outcomes


def _expected_text(expected: dict[str, Any]) -> str:
    return " ".join(f"{key}={value!r}" for key, value in expected.items() if key in ("country", "sector")) or "nothing"


def _misses_table(outcomes: list[Outcome], limit: int) -> Table:
    table = Table(title="Actor resolution: misses (country or sector wrong)")
    for column in ("case", "text", "context", "date", "expected", "coded"):
        table.add_column(column)
    misses = [o for o in outcomes if o.country_right is False or o.sector_right is False]
    for outcome in misses[:limit]:
        case, coded = outcome.case, outcome.coded
        marks = ("country " if outcome.country_right is False else "") + (
            "sector" if outcome.sector_right is False else ""
        )
        table.add_row(case.id.split(":")[-1], case.text, case.context or "", str(case.day or ""),
                      _expected_text(case.expected), f"{coded.code or '-'} ({marks.strip()})")  # fmt: skip
    return table




def main(argv: list[str]) -> int:
    parser = task_parser(TASK, __doc__.splitlines()[0])
    parser.add_argument("--misses", type=int, default=200, help="show at most N missed cases")
    args = parser.parse_args(argv)
    root = shared_or_complain()
    if root is None:
        return 2
    metrics, outcomes = evaluate(root / "eval")
    console = Console(width=160)
    console.print(_misses_table(outcomes, args.misses))
    console.print(metrics_table("Actors", metrics))
    return finish(TASK, metrics, args)
