"""Event evaluation: coded events against three gold sets, and the cost of event coding.

``python -m eventwire.eval events [--json] [--gate] [--show-errors N]``

The sets (``<shared>/eval/events/``, read in place) are parsed with ``parse_many``, actors
are found with ``find_actors`` and events with ``find_events``, each sentence on its own
with the set's ``date`` as ``published`` (``YYYYMMDD``, ``YYMMDD`` and ISO dates are read;
anything else, and the quad-class set's null, is no date):

- ``cameo_manual_examples.jsonl``: the CAMEO manual's example sentences coded in PLOVER.
  Each gold event has source actor codes (``source_codes``, else the ``code`` of each
  ``source`` item, else ``source`` as one string), target codes the same way (``""``,
  null or an empty list: no target) and a PLOVER type. Levels: ``dyad_plover`` and
  ``plover``.
- ``afp_gsr_sentences.jsonl``: news sentences with CAMEO actor codes and a CAMEO event
  code; ``expect_no_events`` sentences expect none; only ``active`` rows count. Levels:
  ``dyad_root``, ``dyad_code``, ``dyad_plover`` and ``plover``; the gold PLOVER type is
  ``codebook.lookup(code).plover_type``.
- ``quad_class_sentences.jsonl``: sentences with a sentence-level ``pentaclass_label``
  (0-4, ``codebook.pentaclass``'s grouping). The predicted class is the pentaclass of the
  sentence's main event: the event whose predicate (the token at
  ``evidence.predicate.start``) is fewest dependency arcs below its sentence's root, the
  first in the text on a tie; a sentence without events takes the class of its main act
  whoever does it (``events.sentence_code``), and is class 0 when it has none.

How events are scored (precision, recall and F1 micro-averaged over the events of a set):

- An event is a tuple (source key, target key, label); each sentence's gold and predicted
  events are sets of such tuples, so a duplicate counts once.
- Labels: ``root`` is the 2-digit CAMEO root, ``code`` the full CAMEO code, ``plover`` the
  PLOVER type. The ``plover`` level compares the set of PLOVER types of a sentence alone,
  actors ignored.
- Actor keys are the first three letters of the CAMEO actor code: a CAMEO country code
  (``RUS``, ``ROM`` for Romania), a code for actors of no single state (``IGO``, ``NGO``,
  ``IMG``), or ``---``, CAMEO's "no country". Gold codes are cut as written, except the
  few countries the gold sets write with older CAMEO codes (``LEGACY_COUNTRY_CODES``:
  JAP, ITL, VTN for Japan, Italy, Vietnam; TLS for East Timor, CAMEO TMP). A predicted
  participant's key is its ``.code``'s first three letters when those are a country or
  group code; when they are a bare sector (a code like ``GOV`` or ``REB``, no country
  known), it is the CAMEO code of the participant's ``.country`` (ISO3 mapped through the
  country table, which writes Romania's ISO ROU as CAMEO ROM), else ``---``. A missing
  participant has no key.
- A compound actor (several source or target codes) expands to every source-target pair.
- Matching: a gold event with a target is matched by a predicted event with the same
  source, target and label. A gold event without target is matched by a predicted event
  with the same source and label, whatever its target (with one or without). A gold event
  counts one true positive when anything matches it, else one false negative; a predicted
  event that matches no gold event is one false positive (so a predicted event without
  target matches only a targetless gold event). Precision, recall or F1 with nothing to
  divide by is 0.
- The manual set writes PLOVER 0.5 types; four of them have since been renamed or merged,
  and each is named after the CAMEO root it stood for (DEMAND, DISAPPROVE, INVESTIGATE,
  FIGHT), so a gold type that is not a current type is read as the PLOVER type the
  codebook gives the CAMEO root of that name (REQUEST, ACCUSE, ACCUSE, ASSAULT).
- At the PLOVER levels, events without a PLOVER type (CAMEO roots 01 and 02, which PLOVER
  dropped) are left out, predicted and gold alike.
- ``no_error_share``: the share of sentences without a false positive or a false negative
  at the set's strictest level (``dyad_plover`` for the manual, ``dyad_code`` for AFP); a
  sentence that expects no events is right when we code none.

Timing: the sentences of all three sets are parsed in one ``parse_many`` run, then
``find_actors`` and ``find_events`` run on every parse, each stage timed on its own (after
one untimed call of each on the first sentence, so that loading tables is not counted):
``timing/parse_ms_per_sentence``, ``timing/actors_ms_per_sentence``,
``timing/event_ms_per_sentence`` and ``timing/event_share`` (event time / parse time).

With ``--json`` the last line printed is ``{"task": "events", "metrics": {...}}`` with keys
``<set>/<level>/{precision,recall,f1}``, ``<set>/no_error_share``, ``quad_class/accuracy``
and the counts beside them; ``--show-errors N`` prints up to N sentences per set whose
events are wrong at the strictest level, gold beside ours (shown, never written to a file).
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from rich.table import Table
from spacy.tokens import Doc, Token

from eventwire.actors.agents import SECTORS
from eventwire.actors.countries import load_countries
from eventwire.actors.organisations import GROUP_COUNTRIES
from eventwire.eval.taskcli import run_scored_task
from eventwire.events import sentence_code
from eventwire.events.codebook import UnknownCodeError, codes, lookup, pentaclass
from eventwire.events.model import Event, Participant

TASK = "events"
SETS = Path("events")
CAMEO_MANUAL = "cameo_manual"
AFP = "afp_gsr"
QUAD = "quad_class"
FILES = {
    CAMEO_MANUAL: "cameo_manual_examples.jsonl",
    AFP: "afp_gsr_sentences.jsonl",
    QUAD: "quad_class_sentences.jsonl",
}
LEVELS = {CAMEO_MANUAL: ("dyad_plover", "plover"), AFP: ("dyad_root", "dyad_code", "dyad_plover", "plover")}
"""The levels scored for each set."""
STRICTEST = {CAMEO_MANUAL: "dyad_plover", AFP: "dyad_code"}
"""The level at which a set's sentences are right or wrong (``no_error_share``, ``--show-errors``)."""
NO_COUNTRY = "---"
"""CAMEO's country slot for an actor whose country is not known."""
ANY_ACTOR = ""
"""The actor key of both sides at the ``plover`` level, which compares event types alone."""
CLASSES = 5

Key = str | None
EventTuple = tuple[Key, Key, str]
"""(source key, target key, label); a target key of None is an event without target."""


# --- the gold sets ----------------------------------------------------------------------


@dataclass(frozen=True)
class GoldEvent:
    """One gold event as the set writes it: actor codes (several for a compound actor) and
    the event label (a PLOVER type in the manual set, a CAMEO code in AFP)."""

    sources: tuple[str, ...]
    targets: tuple[str, ...]
    code: str


@dataclass(frozen=True)
class Sentence:
    set_name: str
    id: str
    text: str
    published: str | None
    gold: tuple[GoldEvent, ...] = ()
    label: int | None = None  # the quad-class set's pentaclass


def iso_date(value: object) -> str | None:
    """A set's date as ISO (``YYYY-MM-DD``): from ISO, ``YYYYMMDD`` or ``YYMMDD`` (19YY from 50); else None."""
    text = str(value).strip() if value is not None else ""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}.*", text):
        return text[:10]
    if re.fullmatch(r"\d{8}", text):
        return f"{text[:4]}-{text[4:6]}-{text[6:]}"
    if re.fullmatch(r"\d{6}", text):
        century = "19" if int(text[:2]) >= 50 else "20"
        return f"{century}{text[:2]}-{text[2:4]}-{text[4:]}"
    return None


def _codes(side: object, listed: object) -> tuple[str, ...]:
    """Actor codes of one side: the ``*_codes`` list, else each item's ``code``, else the string."""
    if isinstance(listed, list) and listed:
        return tuple(str(code) for code in listed if code)
    if isinstance(side, list):
        return tuple(str(item.get("code")) for item in side if isinstance(item, dict) and item.get("code"))
    return (side,) if isinstance(side, str) and side.strip() else ()


def gold_event(row: dict[str, Any]) -> GoldEvent:
    return GoldEvent(
        sources=_codes(row.get("source"), row.get("source_codes")),
        targets=_codes(row.get("target"), row.get("target_codes")),
        code=str(row["code"]),
    )


def _rows(path: Path) -> Iterable[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)


def read_set(name: str, path: Path) -> list[Sentence]:
    """The sentences of one set (AFP: active rows only; their ``expect_no_events`` means no gold)."""
    sentences = []
    for row in _rows(path):
        if row.get("active") is False:
            continue
        events = () if row.get("expect_no_events") else tuple(gold_event(event) for event in row.get("events") or ())
        label = row.get("pentaclass_label")
        sentences.append(
            Sentence(
                set_name=name,
                id=str(row["id"]),
                text=str(row["text"]),
                published=iso_date(row.get("date")),
                gold=events,
                label=int(label) if label is not None and str(label).strip() != "" else None,
            )
        )
    return sentences


# --- actor keys -------------------------------------------------------------------------


@lru_cache(maxsize=None)
def cameo_country(iso3: str) -> str:
    """The CAMEO country code of an ISO3 code (``ROU`` -> ``ROM``), as the country table writes it."""
    try:
        return load_countries().by_iso3(iso3).cameo[:3]
    except KeyError:
        return iso3[:3]


LEGACY_COUNTRY_CODES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "TLS": "TMP"}
"""Country codes of older CAMEO dictionaries that the gold sets still write, as today's
CAMEO country table writes them (Japan, Italy, Vietnam; East Timor under its ISO code)."""


def gold_key(code: str) -> str:
    return LEGACY_COUNTRY_CODES.get(code[:3], code[:3])


def participant_key(participant: Participant | None) -> Key:
    """The actor key of one of our participants (see the module docstring)."""
    if participant is None:
        return None
    prefix = (participant.code or "")[:3]
    if prefix and (prefix in GROUP_COUNTRIES or prefix not in SECTORS):
        return prefix
    if participant.country:
        return cameo_country(participant.country)
    return NO_COUNTRY


# --- tuples and matching ----------------------------------------------------------------


def plover_of(code: str) -> str | None:
    """The PLOVER type of a CAMEO code (None: dropped by PLOVER, or not in the codebook)."""
    try:
        return lookup(code).plover_type
    except UnknownCodeError:
        return None


@lru_cache(maxsize=1)
def plover_types() -> frozenset[str]:
    """The PLOVER event types of today's ontology (those the codebook maps CAMEO codes to)."""
    return frozenset(info.plover_type for info in codes().values() if info.plover_type)


@lru_cache(maxsize=1)
def plover_of_root_name() -> dict[str, str]:
    """CAMEO root names (``DEMAND``) to the PLOVER type the codebook gives the root (``REQUEST``)."""
    return {info.name.upper(): info.plover_type for info in codes().values() if info.code == info.root and info.plover_type}


def current_plover(label: str) -> str:
    """A gold PLOVER type in today's vocabulary: an older type named after a CAMEO root
    (PLOVER 0.5's DEMAND, DISAPPROVE, INVESTIGATE, FIGHT) becomes the type the codebook gives
    that root (REQUEST, ACCUSE, ACCUSE, ASSAULT); a current type, or any other, is kept."""
    if label in plover_types():
        return label
    return plover_of_root_name().get(label.upper(), label)


def gold_label(set_name: str, code: str, level: str) -> str | None:
    """A gold event's label at ``level`` (None: the event does not count at that level)."""
    if set_name == CAMEO_MANUAL:
        return current_plover(code)
    if level == "dyad_root":
        return code[:2]
    if level == "dyad_code":
        return code
    return plover_of(code)


def predicted_label(event: Event, level: str) -> str | None:
    if level == "dyad_root":
        return event.root
    if level == "dyad_code":
        return event.code
    return event.plover.type


def gold_tuples(sentence: Sentence, level: str) -> set[EventTuple]:
    """The sentence's gold events at ``level``; a compound actor gives every source-target pair."""
    tuples: set[EventTuple] = set()
    for event in sentence.gold:
        label = gold_label(sentence.set_name, event.code, level)
        if label is None:
            continue
        if level == "plover":
            tuples.add((ANY_ACTOR, ANY_ACTOR, label))
            continue
        targets: Sequence[str | None] = [gold_key(code) for code in event.targets] or [None]
        sources: Sequence[str | None] = [gold_key(code) for code in event.sources] or [None]
        tuples.update((source, target, label) for source in sources for target in targets)
    return tuples


def predicted_tuples(events: Iterable[Event], level: str) -> set[EventTuple]:
    tuples: set[EventTuple] = set()
    for event in events:
        label = predicted_label(event, level)
        if label is None:
            continue
        if level == "plover":
            tuples.add((ANY_ACTOR, ANY_ACTOR, label))
        else:
            tuples.add((participant_key(event.source), participant_key(event.target), label))
    return tuples


def matches(predicted: EventTuple, gold: EventTuple) -> bool:
    """Same source and label, and the same target unless the gold event has none."""
    return predicted[0] == gold[0] and predicted[2] == gold[2] and (gold[1] is None or predicted[1] == gold[1])


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __iadd__(self, other: Counts) -> Counts:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn
        return self

    @property
    def exact(self) -> bool:
        return self.fp == 0 and self.fn == 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def scores(self, prefix: str) -> dict[str, float]:
        """``<prefix>/precision``, ``/recall`` and ``/f1``: the keys every scored task prints."""
        return {f"{prefix}/precision": self.precision, f"{prefix}/recall": self.recall, f"{prefix}/f1": self.f1}

    def totals(self, prefix: str) -> dict[str, float]:
        """``<prefix>/gold``, ``/predicted`` and ``/matched``: the counts behind the scores."""
        return {f"{prefix}/gold": float(self.tp + self.fn), f"{prefix}/predicted": float(self.tp + self.fp),
                f"{prefix}/matched": float(self.tp)}  # fmt: skip


def compare(gold: set[EventTuple], predicted: set[EventTuple]) -> Counts:
    """One sentence's counts: a gold event is one TP when anything matches it, else one FN;
    a predicted event matching no gold event is one FP."""
    tp = sum(any(matches(p, g) for p in predicted) for g in gold)
    fp = sum(not any(matches(p, g) for g in gold) for p in predicted)
    return Counts(tp=tp, fp=fp, fn=len(gold) - tp)


@dataclass(frozen=True)
class Outcome:
    """One sentence at its set's strictest level: gold and predicted tuples and the counts."""

    sentence: Sentence
    gold: set[EventTuple]
    predicted: set[EventTuple]
    counts: Counts


@dataclass
class SetScore:
    """A set's counts per level, and every sentence's outcome at the strictest level."""

    name: str
    levels: dict[str, Counts]
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def no_error_share(self) -> float:
        return sum(o.counts.exact for o in self.outcomes) / max(1, len(self.outcomes))

    def metrics(self) -> dict[str, float]:
        found: dict[str, float] = {}
        for level, counts in self.levels.items():
            found.update(counts.scores(f"{self.name}/{level}"))
        found[f"{self.name}/no_error_share"] = self.no_error_share
        found[f"{self.name}/sentences"] = float(len(self.outcomes))
        return found


def score_set(name: str, coded: Iterable[tuple[Sentence, Sequence[Event]]]) -> SetScore:
    """Every level of a set from its sentences and the events coded for each."""
    levels = LEVELS[name]
    result = SetScore(name, {level: Counts() for level in levels})
    for sentence, events in coded:
        for level in levels:
            gold, predicted = gold_tuples(sentence, level), predicted_tuples(events, level)
            counts = compare(gold, predicted)
            result.levels[level] += counts
            if level == STRICTEST[name]:
                result.outcomes.append(Outcome(sentence, gold, predicted, counts))
    return result


# --- the quad-class set -----------------------------------------------------------------


def token_at(doc: Doc, offset: int) -> Token | None:
    """The token whose characters include ``offset`` (or the first one after it)."""
    return next((token for token in doc if token.idx + len(token) > offset), None)


def depth(token: Token) -> int:
    """Dependency arcs from ``token`` up to its sentence's root."""
    hops = 0
    while token.head.i != token.i:
        token, hops = token.head, hops + 1
    return hops


def main_event(doc: Doc, events: Sequence[Event]) -> Event | None:
    """The event whose predicate is nearest its sentence's root; the first in the text on a tie."""

    def rank(event: Event) -> tuple[int, int]:
        token = token_at(doc, event.evidence.predicate.start)
        return (depth(token) if token is not None else len(doc), event.evidence.predicate.start)

    return min(events, key=rank, default=None)


def predicted_class(doc: Doc, events: Sequence[Event], classify: Callable[[str], int] = pentaclass) -> int:
    """The pentaclass of the main event; without one, of the sentence's main act whoever
    does it (``sentence_code``); without either, 0 (a statement)."""
    main = main_event(doc, events)
    if main is not None:
        return classify(main.code)
    for sentence in doc.sents:
        found = sentence_code(sentence)
        if found is not None:
            return classify(found[0])
    return 0


@dataclass
class QuadScore:
    confusion: list[list[int]] = field(default_factory=lambda: [[0] * CLASSES for _ in range(CLASSES)])

    def add(self, gold: int, predicted: int) -> None:
        self.confusion[gold][predicted] += 1

    @property
    def count(self) -> int:
        return sum(map(sum, self.confusion))

    @property
    def accuracy(self) -> float:
        return sum(self.confusion[c][c] for c in range(CLASSES)) / max(1, self.count)

    def metrics(self) -> dict[str, float]:
        return {f"{QUAD}/accuracy": self.accuracy, f"{QUAD}/sentences": float(self.count)}


# --- the run ----------------------------------------------------------------------------


@dataclass
class Run:
    """What one evaluation found: the metrics, and the scores behind them for the tables."""

    metrics: dict[str, float]
    sets: dict[str, SetScore]
    quad: QuadScore


def code_sentences(sentences: Sequence[Sentence]) -> tuple[list[tuple[Doc, list[Event]]], dict[str, float]]:
    """Parse, find actors and find events for every sentence; the timing metrics beside."""
    from eventwire.actors import find_actors
    from eventwire.events import find_events  # the engine; imported when the task runs
    from eventwire.nlp import load_nlp, parse_many

    load_nlp()
    started = time.perf_counter()
    docs = list(parse_many(sentence.text for sentence in sentences))
    parsed = time.perf_counter()
    if docs:  # untimed first calls: tables and lexicons load once per process
        find_events(docs[0], find_actors(docs[0], published=sentences[0].published), published=sentences[0].published)
    started_actors = time.perf_counter()
    actors = [find_actors(doc, published=s.published) for doc, s in zip(docs, sentences, strict=True)]
    found_actors = time.perf_counter()
    events = [
        list(find_events(doc, acts, published=s.published))
        for doc, acts, s in zip(docs, actors, sentences, strict=True)
    ]
    found_events = time.perf_counter()
    count = max(1, len(sentences))
    parse_s, actors_s, events_s = parsed - started, found_actors - started_actors, found_events - found_actors
    timing = {
        "timing/sentences": float(len(sentences)),
        "timing/parse_ms_per_sentence": 1000 * parse_s / count,
        "timing/actors_ms_per_sentence": 1000 * actors_s / count,
        "timing/event_ms_per_sentence": 1000 * events_s / count,
        "timing/event_share": events_s / parse_s if parse_s else 0.0,
    }
    return list(zip(docs, events, strict=True)), timing


def evaluate(root: Path) -> Run:
    """Every metric of the task from the sets under ``root`` (``<shared>/eval``)."""
    by_set = {name: read_set(name, root / SETS / file) for name, file in FILES.items()}
    sentences = [sentence for name in FILES for sentence in by_set[name]]
    coded, timing = code_sentences(sentences)
    events_of = {id(sentence): pair for sentence, pair in zip(sentences, coded, strict=True)}
    sets = {
        name: score_set(name, ((s, events_of[id(s)][1]) for s in by_set[name])) for name in (CAMEO_MANUAL, AFP)
    }
    quad = QuadScore()
    for sentence in by_set[QUAD]:
        if sentence.label is not None:
            doc, events = events_of[id(sentence)]
            quad.add(sentence.label, predicted_class(doc, events))
    metrics: dict[str, float] = {}
    for score in sets.values():
        metrics.update(score.metrics())
    metrics.update(quad.metrics())
    metrics.update(timing)
    return Run(metrics, sets, quad)


# --- output -----------------------------------------------------------------------------


def _levels_table(sets: dict[str, SetScore]) -> Table:
    table = Table(title="Events: micro-averaged precision / recall / F1")
    for column in ("set", "level", "P", "R", "F1", "TP", "FP", "FN"):
        table.add_column(column, justify="left" if column in ("set", "level") else "right")
    for score in sets.values():
        for level, c in score.levels.items():
            table.add_row(score.name, level, f"{c.precision:.3f}", f"{c.recall:.3f}", f"{c.f1:.3f}",
                          str(c.tp), str(c.fp), str(c.fn))  # fmt: skip
        table.add_row(score.name, f"no_error_share ({STRICTEST[score.name]})", f"{score.no_error_share:.3f}", "", "", "", "",
                      f"{len(score.outcomes)} sent.")  # fmt: skip
    return table


def _confusion_table(quad: QuadScore) -> Table:
    table = Table(title=f"Quad class: gold (rows) x predicted (columns); accuracy {quad.accuracy:.3f} of {quad.count}")
    table.add_column("gold")
    for predicted in range(CLASSES):
        table.add_column(str(predicted), justify="right")
    for gold in range(CLASSES):
        table.add_row(str(gold), *(str(n) for n in quad.confusion[gold]))
    return table




def _tuple_text(tuples: set[EventTuple]) -> str:
    return "\n".join(f"{s or '-'} > {t or '-'} : {label}" for s, t, label in sorted(tuples, key=str)) or "(none)"


def _errors_table(score: SetScore, limit: int) -> Table:
    level = STRICTEST[score.name]
    table = Table(title=f"{score.name}: sentences wrong at {level} (gold vs ours)")
    for column in ("id", "sentence", "gold", "ours"):
        table.add_column(column)
    for outcome in [o for o in score.outcomes if not o.counts.exact][:limit]:
        table.add_row(outcome.sentence.id, outcome.sentence.text, _tuple_text(outcome.gold),
                      _tuple_text(outcome.predicted))  # fmt: skip
    return table


def _tables(run: Run, show_errors: int) -> list[Table]:
    errors = [_errors_table(score, show_errors) for score in run.sets.values()] if show_errors else []
    return [*errors, _levels_table(run.sets), _confusion_table(run.quad)]


def main(argv: list[str]) -> int:
    return run_scored_task(TASK, __doc__.splitlines()[0], argv, wrong="wrongly coded sentences",
                           evaluate=evaluate, tables=_tables, without_sets=0)  # fmt: skip
