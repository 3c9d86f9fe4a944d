"""Place evaluation: toponyms found and resolved by ``find_places`` against LGL, GeoWebNews and GeoVirus.

``python -m eventwire.eval places [--json] [--gate] [--show-errors N]``

The sets (``<shared>/eval/geo/``, read in place) are ``lgl.jsonl`` (local US news),
``geowebnews.jsonl`` (world news) and ``geovirus.jsonl`` (epidemic news, WikiNews). Each
row has the article ``text`` and gold ``toponyms``: ``name``, character offsets
``start``-``end`` into ``text``, ``lat``/``lon`` (null for some LGL toponyms that the
annotators could not place) and often a GeoNames id. Every article of the three sets is
parsed with ``parse_many`` (one run) and ``find_places(doc, field="text")`` gives our places.

Recognition (precision, recall and F1 micro-averaged over a set's toponyms; a ratio with
nothing to divide by is 0):

- Our toponyms are the places of ``find_places`` in the article text (``field ==
  "text"``), by span; two places on the same span count once.
- A span is compared after trimming a leading "the " (any case) from it, on both sides
  ("the Gaza Strip" and "Gaza Strip" are the same toponym); nothing else is trimmed.
- Primary level, ``toponym``: exact span match (same start and end after trimming). A gold
  toponym matched by one of ours is a true positive, an unmatched gold toponym a false
  negative and an unmatched place of ours a false positive.
- Overlap variant, ``toponym_overlap``: a gold toponym and a place of ours match when their
  spans share at least one character, one to one, greedily, the largest shared length
  first (then the earlier gold, then the earlier place). Reported beside the primary level
  so that a boundary difference ("Pandi, Bulacan" as one place) is told from a miss; it is
  not gated.
- GeoWebNews annotates adjectival modifiers ("Russian", "Chinese" in "Russian hackers",
  ``modifier_type == "Adjective"``) as toponyms. eventwire treats demonyms as not places,
  so these gold toponyms are set aside at every level: not a false negative when we skip
  them, and a place of ours on such a span (exact, or overlapping at the overlap level) is
  not a false positive either. Their number is reported as ``geowebnews/set_aside``.
  Every other GeoWebNews toponym counts, metonymic uses ("Russia said") included.
  ``other_annotations`` (non-toponyms, demonyms) are not read.

Resolution (over the gold toponyms matched at the primary level that have coordinates; an
LGL gold toponym without coordinates counts for recognition only):

- The error of a pair is the great-circle distance (haversine, Earth radius 6371.0088 km)
  from our ``lat``/``lon`` to the gold ``lat``/``lon``.
- ``acc161``: the share of those pairs with an error of at most 161 km (100 miles, the
  usual threshold); ``median_km``: the median error; 0 when no pair is scored.
  ``resolved`` is the number of pairs scored. Both are conditional on recognition: a gold
  toponym we miss is not scored for resolution (it lowers recall instead).

Timing: ``find_places`` is timed on every article (after one untimed call, so that loading
the gazetteer is not counted), beside the parse: ``timing/{parse,places}_ms_per_article``.
The gazetteer is timed in a fresh Python process (``GAZETTEER_PROBE``): with spaCy and
eventwire's parse module imported first (untimed), ``timing/gazetteer_load_s`` is the time
to import ``eventwire.places.gazetteer.lookup`` (the gazetteer's name lookup) and answer its
first lookup, so the load counts whether the index is built at import or at first use;
``timing/lookups_per_s`` is the lookups per second over every gold toponym name of the
three sets, looked up once each in order (duplicates included), after that first lookup.

With ``--json`` the last line printed is ``{"task": "places", "metrics": {...}}`` with keys
``<set>/acc161``, ``<set>/median_km``, ``<set>/toponym/{precision,recall,f1}``,
``<set>/toponym_overlap/{precision,recall,f1}``, the counts beside them
(``<set>/toponym/{gold,predicted,matched}``, ``<set>/resolved``, ``<set>/articles``,
``geowebnews/set_aside``) and the timing; ``--show-errors N`` prints up to N missed,
spurious or misplaced (more than 161 km off) toponyms per set, gold beside ours (shown,
never written to a file).
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.table import Table
from spacy.tokens import Doc

from eventwire.eval.events import Counts
from eventwire.eval.taskcli import run_scored_task
from eventwire.places.distance import haversine_km
from eventwire.places.model import Place

TASK = "places"
SETS = Path("geo")
LGL, GEOWEBNEWS, GEOVIRUS = "lgl", "geowebnews", "geovirus"
FILES = {LGL: "lgl.jsonl", GEOWEBNEWS: "geowebnews.jsonl", GEOVIRUS: "geovirus.jsonl"}
LEVELS = ("toponym", "toponym_overlap")
"""The recognition levels: exact span match (primary) and any overlap."""
ACCURACY_KM = 161.0
"""The distance within which a resolution is right (100 miles)."""
ARTICLE = "the "

Span = tuple[int, int]


# --- the gold sets ----------------------------------------------------------------------


@dataclass(frozen=True)
class GoldToponym:
    """One gold toponym: its words, offsets and coordinates (None: not placed by the set);
    ``set_aside``: an adjectival modifier, neither counted nor held against us."""

    name: str
    start: int
    end: int
    lat: float | None
    lon: float | None
    set_aside: bool = False


@dataclass(frozen=True)
class Article:
    set_name: str
    id: str
    text: str
    gold: tuple[GoldToponym, ...] = ()


def _rows(path: Path) -> Iterable[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)


def _coordinate(value: object) -> float | None:
    return None if value is None else float(value)  # type: ignore[arg-type]


def gold_toponym(item: dict[str, Any]) -> GoldToponym:
    lat, lon = _coordinate(item.get("lat")), _coordinate(item.get("lon"))
    if lat is None or lon is None:
        lat = lon = None
    return GoldToponym(
        name=str(item["name"]),
        start=int(item["start"]),
        end=int(item["end"]),
        lat=lat,
        lon=lon,
        set_aside=item.get("modifier_type") == "Adjective",
    )


def article(set_name: str, row: dict[str, Any]) -> Article:
    gold = tuple(gold_toponym(item) for item in row.get("toponyms") or ())
    return Article(set_name, str(row.get("doc_id", "")), str(row["text"]), gold)


def read_set(set_name: str, path: Path) -> list[Article]:
    return [article(set_name, row) for row in _rows(path)]


# --- spans and matching -----------------------------------------------------------------


def trimmed(text: str, start: int, end: int) -> Span:
    """``start``-``end`` without a leading "the " (any case) in ``text``."""
    if text[start : start + len(ARTICLE)].casefold() == ARTICLE and end - start > len(ARTICLE):
        start += len(ARTICLE)
    return start, end


def shared_length(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def exact_pairs(gold: Sequence[Span], ours: Sequence[Span]) -> list[tuple[int, int]]:
    """One-to-one (gold index, our index) pairs of equal spans."""
    where = {span: index for index, span in reversed(list(enumerate(ours)))}
    return [(g, where[span]) for g, span in enumerate(gold) if span in where]


def overlap_pairs(gold: Sequence[Span], ours: Sequence[Span]) -> list[tuple[int, int]]:
    """One-to-one (gold index, our index) pairs of overlapping spans, greedily by shared length."""
    candidates = sorted(
        (-shared_length(g_span, o_span), g, o)
        for g, g_span in enumerate(gold)
        for o, o_span in enumerate(ours)
        if shared_length(g_span, o_span) > 0
    )
    pairs, used_gold, used_ours = [], set(), set()
    for _, g, o in candidates:
        if g not in used_gold and o not in used_ours:
            pairs.append((g, o))
            used_gold.add(g)
            used_ours.add(o)
    return sorted(pairs)


def text_places(places: Iterable[Place]) -> list[Place]:
    """Our places in the article text, one per span (the first found)."""
    seen: set[Span] = set()
    out = []
    for place in places:
        if place.field == "text" and (place.start, place.end) not in seen:
            seen.add((place.start, place.end))
            out.append(place)
    return out


# --- scoring ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Error:
    """A wrong toponym: ``missed`` (gold unmatched), ``spurious`` (ours unmatched) or
    ``misplaced`` (matched, more than 161 km off; ``km`` is the error)."""

    kind: str
    gold: GoldToponym | None
    ours: Place | None
    km: float | None = None


@dataclass
class SetScore:
    name: str
    levels: dict[str, Counts] = field(default_factory=lambda: {level: Counts() for level in LEVELS})
    errors_km: list[float] = field(default_factory=list)
    set_aside: int = 0
    articles: int = 0
    errors: list[tuple[Article, Error]] = field(default_factory=list)

    @property
    def acc161(self) -> float:
        return sum(km <= ACCURACY_KM for km in self.errors_km) / len(self.errors_km) if self.errors_km else 0.0

    @property
    def median_km(self) -> float:
        return statistics.median(self.errors_km) if self.errors_km else 0.0

    def add(self, item: Article, places: Sequence[Place]) -> None:
        """Score one article's places (see the module docstring)."""
        self.articles += 1
        ours = text_places(places)
        our_spans = [trimmed(item.text, place.start, place.end) for place in ours]
        aside = [trimmed(item.text, g.start, g.end) for g in item.gold if g.set_aside]
        gold = [g for g in item.gold if not g.set_aside]
        gold_spans = [trimmed(item.text, g.start, g.end) for g in gold]
        self.set_aside += len(aside)
        for level in LEVELS:
            pairing = exact_pairs if level == "toponym" else overlap_pairs
            pairs = pairing(gold_spans, our_spans)
            matched_ours = {o for _, o in pairs}
            held = {o for _, o in pairing(aside, our_spans)} - matched_ours
            free = [o for o in range(len(ours)) if o not in matched_ours and o not in held]
            self.levels[level] += Counts(tp=len(pairs), fp=len(free), fn=len(gold) - len(pairs))
            if level != "toponym":
                continue
            matched_gold = {g for g, _ in pairs}
            self.errors += [(item, Error("missed", g, None)) for i, g in enumerate(gold) if i not in matched_gold]
            self.errors += [(item, Error("spurious", None, ours[o])) for o in free]
            for g, o in pairs:
                truth, place = gold[g], ours[o]
                if truth.lat is None or truth.lon is None:
                    continue
                km = haversine_km(place.lat, place.lon, truth.lat, truth.lon)
                self.errors_km.append(km)
                if km > ACCURACY_KM:
                    self.errors.append((item, Error("misplaced", truth, place, km)))

    def metrics(self) -> dict[str, float]:
        found: dict[str, float] = {}
        for level, counts in self.levels.items():
            found.update(counts.scores(f"{self.name}/{level}"))
        found.update(self.levels["toponym"].totals(f"{self.name}/toponym"))
        found.update(
            {
                f"{self.name}/acc161": self.acc161,
                f"{self.name}/median_km": self.median_km,
                f"{self.name}/resolved": float(len(self.errors_km)),
                f"{self.name}/articles": float(self.articles),
            }
        )
        if self.name == GEOWEBNEWS:
            found[f"{self.name}/set_aside"] = float(self.set_aside)
        return found


# --- the gazetteer ----------------------------------------------------------------------

GAZETTEER_PROBE = """
import json, sys, time
import eventwire.nlp  # spaCy and the parse module: imported before the clock starts
names = json.load(sys.stdin)
started = time.perf_counter()
from eventwire.places.gazetteer import lookup
lookup(names[0] if names else "Paris")
loaded = time.perf_counter()
for name in names:
    lookup(name)
done = time.perf_counter()
print(json.dumps({"load_s": loaded - started, "lookups": len(names), "lookup_s": done - loaded}))
"""
"""Run in a fresh process: the gazetteer's load time and lookup throughput (module docstring)."""


def gazetteer_timing(names: Sequence[str]) -> dict[str, float]:
    """``timing/gazetteer_load_s`` and ``timing/lookups_per_s``, measured in a fresh process."""
    done = subprocess.run(
        [sys.executable, "-c", GAZETTEER_PROBE],
        input=json.dumps(list(names)),
        capture_output=True,
        text=True,
        check=True,
    )
    timed = json.loads(done.stdout.strip().splitlines()[-1])
    return {
        "timing/gazetteer_load_s": float(timed["load_s"]),
        "timing/lookups_per_s": timed["lookups"] / timed["lookup_s"] if timed["lookup_s"] > 0 else 0.0,
        "timing/lookups": float(timed["lookups"]),
    }


# --- the run ----------------------------------------------------------------------------


@dataclass
class Run:
    """What one evaluation found: the metrics, and the scores behind them for the tables."""

    metrics: dict[str, float]
    sets: dict[str, SetScore]


def evaluate(root: Path) -> Run:
    """Every metric of the task from the sets under ``root`` (``<shared>/eval``)."""
    from eventwire.nlp import load_nlp, parse_many
    from eventwire.places import find_places

    articles = [item for name, file in FILES.items() for item in read_set(name, root / SETS / file)]
    gazetteer = gazetteer_timing([g.name for item in articles for g in item.gold])
    load_nlp()
    started = time.perf_counter()
    docs: list[Doc] = list(parse_many(item.text for item in articles))
    parsed = time.perf_counter()
    if docs:  # untimed first call: the gazetteer loads once per process
        find_places(docs[0], field="text")
    sets = {name: SetScore(name) for name in FILES}
    places_s = 0.0
    for item, doc in zip(articles, docs, strict=True):
        before = time.perf_counter()
        places = list(find_places(doc, field="text"))
        places_s += time.perf_counter() - before
        sets[item.set_name].add(item, places)
    count = max(1, len(articles))
    metrics: dict[str, float] = {}
    for score in sets.values():
        metrics.update(score.metrics())
    metrics.update(
        {
            "timing/articles": float(len(articles)),
            "timing/parse_ms_per_article": 1000 * (parsed - started) / count,
            "timing/places_ms_per_article": 1000 * places_s / count,
        }
    )
    metrics.update(gazetteer)
    return Run(metrics, sets)


# --- output -----------------------------------------------------------------------------


def _sets_table(sets: dict[str, SetScore]) -> Table:
    table = Table(title="Places: toponym recognition (micro P / R / F1) and resolution (acc@161 km, median km)")
    for column in ("set", "level", "P", "R", "F1", "TP", "FP", "FN", "acc161", "median km", "resolved"):
        table.add_column(column, justify="left" if column in ("set", "level") else "right")
    for score in sets.values():
        for level, c in score.levels.items():
            resolution = (f"{score.acc161:.3f}", f"{score.median_km:.1f}", str(len(score.errors_km)))
            table.add_row(score.name, level, f"{c.precision:.3f}", f"{c.recall:.3f}", f"{c.f1:.3f}", str(c.tp),
                          str(c.fp), str(c.fn), *(resolution if level == "toponym" else ("", "", "")))  # fmt: skip
    return table


def _gold_text(gold: GoldToponym | None) -> str:
    if gold is None:
        return "-"
    where = "no coordinates" if gold.lat is None else f"{gold.lat:.2f}, {gold.lon:.2f}"
    return f"{gold.name} [{gold.start}:{gold.end}] ({where})"


def _our_text(place: Place | None) -> str:
    if place is None:
        return "-"
    return (f"{place.text} [{place.start}:{place.end}] -> {place.name}, {place.country or '-'} {place.feature} "
            f"({place.lat:.2f}, {place.lon:.2f}; {place.reason})")  # fmt: skip


def _errors_table(score: SetScore, limit: int) -> Table:
    table = Table(title=f"{score.name}: wrong toponyms (gold vs ours)")
    for column in ("article", "error", "gold", "ours", "km"):
        table.add_column(column)
    for item, error in score.errors[:limit]:
        km = "" if error.km is None else f"{error.km:.0f}"
        table.add_row(item.id[-40:], error.kind, _gold_text(error.gold), _our_text(error.ours), km)
    return table


def _tables(run: Run, show_errors: int) -> list[Table]:
    errors = [_errors_table(score, show_errors) for score in run.sets.values()] if show_errors else []
    return [*errors, _sets_table(run.sets)]


def main(argv: list[str]) -> int:
    return run_scored_task(TASK, __doc__.splitlines()[0], argv, wrong="wrong toponyms",
                           evaluate=evaluate, tables=_tables, without_sets=2)  # fmt: skip
