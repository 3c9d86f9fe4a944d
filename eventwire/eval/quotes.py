"""Quote evaluation: attributions found by ``find_quotes`` against PolNeAR and textacy's cases.

``python -m eventwire.eval quotes [--json] [--gate] [--show-errors N]``

The sets (``<shared>/eval/quotes/``, read in place) are parsed with ``parse_many`` (all
articles in one run), actors are found with ``find_actors`` (PolNeAR's ``meta.date`` as
``published``) and quotes with ``find_quotes(doc, actors, field="text")``:

- ``polnear_dev.jsonl``: PolNeAR's development articles. Every gold attribution has its
  content as ``quote_spans`` (several spans when the content is broken around the
  attribution; a direct quote's spans include its quote marks), a ``type`` (``direct``:
  wholly inside quote marks, else ``indirect``, partial quotes included) and the speaker
  as ``speaker_spans`` (words of the article, unresolved; empty or null when the source
  marks none). Levels: ``direct`` and ``all``. The training file beside it is not read.
- ``textacy_cases.jsonl``: textacy's test sentences, direct quotes only (``quote_span``,
  the speaker as a string; a case with no quotes expects none). Only the English cases
  count (``lang == "en"``: eventwire parses English); the others are counted as skipped.
  Level: ``direct``. The gold speaker's spans are every whole-word occurrence, outside the
  quote, of each word of its ``speaker`` string ("Burton Nick": "Burton" and "Nick").

How attributions are scored (precision, recall and F1 micro-averaged over a set's
attributions; a ratio with nothing to divide by is 0):

- Attributions are our quotes of type ``direct``, ``partial`` and ``indirect`` in the
  article text (``field == "text"``). Scare quotes are not attributions: they are never
  counted, neither as right nor as wrong.
- Content: a gold attribution's content is the union of its spans; ours is the union of
  ``parts`` (a quote broken around its attribution), else ``start``-``end``.
- Matching: a predicted and a gold attribution may match when their contents share at
  least half of the shorter content's characters (``MIN_OVERLAP``). Pairs are taken one
  to one, greedily, the largest shared length first (then the earlier gold, then the
  earlier prediction). A matched pair is one true positive; an unmatched gold attribution
  is a false negative and an unmatched prediction a false positive. So a quote broken in
  two that we report as two quotes gives one true positive and one false positive (PolNeAR
  also makes one attribution of "A," she said. "B." across sentences). Such false
  positives are counted beside the scores as ``fragments``: an unmatched prediction of
  ours at least half of whose content lies inside a gold attribution that another
  prediction matched.
- ``direct``: gold attributions of type ``direct`` against our ``direct`` quotes only.
- ``all``: every gold attribution against every attribution of ours, whatever the type.
- ``speaker_accuracy``: over the matched pairs whose gold attribution has a speaker span
  (pairs of the ``all`` level on PolNeAR, of ``direct`` on textacy), the share where our
  speaker is right. It is right when our ``Speaker`` span overlaps a gold speaker span by
  at least one character, or when both refer to the same actor: the gold speaker refers
  to the actor of ``find_actors`` whose mention shares the most characters with the gold
  speaker span (all of them on a tie; none when no mention overlaps it), and ours is that
  actor when our ``Speaker.name`` equals the actor's name (case-insensitively) or, when
  our speaker has no name, its ``code`` equals the actor's code. A pair where we give no
  speaker is wrong.

Timing: ``find_quotes`` is timed on every PolNeAR article (after one untimed call, so
that loading tables is not counted), beside the parse and ``find_actors``:
``timing/{parse,actors,quotes}_ms_per_article``.

With ``--json`` the last line printed is ``{"task": "quotes", "metrics": {...}}`` with
keys ``<set>/<level>/{precision,recall,f1}`` (``polnear_dev``: ``direct`` and ``all``;
``textacy``: ``direct``), ``<set>/speaker_accuracy``, the counts beside them
(``<set>/<level>/{gold,predicted,matched,fragments}``, ``<set>/speaker_scored``,
``<set>/articles``, ``<set>/scare_quotes``, ``textacy/skipped_cases``) and the timing;
``--show-errors N`` prints up to N wrong attributions per set (missed, spurious, or with
the wrong speaker), gold beside ours (shown, never written to a file).
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.table import Table
from spacy.tokens import Doc

from eventwire.actors.model import Actor
from eventwire.eval.events import Counts
from eventwire.eval.taskcli import run_scored_task
from eventwire.quotes.model import Quote, Speaker

TASK = "quotes"
SETS = Path("quotes")
POLNEAR = "polnear_dev"
TEXTACY = "textacy"
FILES = {POLNEAR: "polnear_dev.jsonl", TEXTACY: "textacy_cases.jsonl"}
LEVELS = {POLNEAR: ("direct", "all"), TEXTACY: ("direct",)}
"""The levels scored for each set."""
SPEAKER_LEVEL = {POLNEAR: "all", TEXTACY: "direct"}
"""The level whose matched pairs speaker accuracy is judged on."""
ATTRIBUTION_TYPES = frozenset({"direct", "partial", "indirect"})
"""Our quote types that report speech (``scare`` does not)."""
MIN_OVERLAP = 0.5
"""The share of the shorter content that two contents must share to match."""
LANGUAGE = "en"

Spans = tuple[tuple[int, int], ...]


# --- the gold sets ----------------------------------------------------------------------


@dataclass(frozen=True)
class GoldQuote:
    """One gold attribution: its content spans, type and speaker spans (none: not marked)."""

    id: str
    text: str
    type: str
    spans: Spans
    speaker: str
    speaker_spans: Spans = ()


@dataclass(frozen=True)
class Article:
    set_name: str
    id: str
    text: str
    published: str | None
    gold: tuple[GoldQuote, ...] = ()


def _rows(path: Path) -> Iterable[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)


def _spans(value: object) -> Spans:
    """``[[start, end], ...]`` (null or empty: none) as a tuple of pairs."""
    if not isinstance(value, list):
        return ()
    return tuple((int(pair[0]), int(pair[1])) for pair in value if isinstance(pair, list) and len(pair) == 2)


def polnear_article(row: dict[str, Any]) -> Article:
    meta = row.get("meta") or {}
    published = meta.get("date") if isinstance(meta, dict) else None
    gold = tuple(
        GoldQuote(
            id=str(quote.get("id", index)),
            text=str(quote.get("quote", "")),
            type=str(quote["type"]),
            spans=_spans(quote.get("quote_spans")),
            speaker=str(quote.get("speaker") or ""),
            speaker_spans=_spans(quote.get("speaker_spans")),
        )
        for index, quote in enumerate(row.get("quotes") or ())
    )
    return Article(POLNEAR, str(row["doc_id"]), str(row["text"]), str(published) if published else None, gold)


def word_spans(text: str, words: str, outside: Spans) -> Spans:
    """Every whole-word occurrence in ``text`` of each word of ``words``, outside ``outside``."""
    found = []
    for word in words.split():
        for hit in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text):
            if not any(start < hit.end() and hit.start() < end for start, end in outside):
                found.append((hit.start(), hit.end()))
    return tuple(sorted(found))


def textacy_article(row: dict[str, Any]) -> Article:
    text = str(row["text"])
    gold = []
    for index, quote in enumerate(row.get("quotes") or ()):
        content = _spans([quote["quote_span"]])
        speaker = str(quote.get("speaker") or "")
        gold.append(
            GoldQuote(str(index), str(quote.get("quote", "")), str(quote.get("type", "direct")), content, speaker,
                      word_spans(text, speaker, content))  # fmt: skip
        )
    return Article(TEXTACY, str(row["doc_id"]), text, None, tuple(gold))


def read_polnear(path: Path) -> list[Article]:
    return [polnear_article(row) for row in _rows(path)]


def read_textacy(path: Path) -> tuple[list[Article], int]:
    """The English cases, and how many others were skipped."""
    rows = list(_rows(path))
    english = [row for row in rows if row.get("lang", LANGUAGE) == LANGUAGE]
    return [textacy_article(row) for row in english], len(rows) - len(english)


# --- spans and matching -----------------------------------------------------------------


def merged(spans: Iterable[tuple[int, int]]) -> Spans:
    """Spans sorted and joined where they touch or overlap; empty spans dropped."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(span for span in spans if span[1] > span[0]):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return tuple(out)


def length(spans: Spans) -> int:
    return sum(end - start for start, end in merged(spans))


def shared_length(a: Spans, b: Spans) -> int:
    """Characters in both unions of spans."""
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in merged(a) for s2, e2 in merged(b))


def content(quote: Quote) -> Spans:
    """Our quote's content: its parts when it is broken, else its whole span."""
    return tuple((part.start, part.end) for part in quote.parts) or ((quote.start, quote.end),)


def overlaps_enough(gold: Spans, ours: Spans) -> bool:
    shorter = min(length(gold), length(ours))
    return shorter > 0 and shared_length(gold, ours) >= MIN_OVERLAP * shorter


def match(gold: Sequence[GoldQuote], predicted: Sequence[Quote]) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs, greedily by shared length."""
    candidates = []
    for g, gold_quote in enumerate(gold):
        for p, quote in enumerate(predicted):
            ours = content(quote)
            if overlaps_enough(gold_quote.spans, ours):
                candidates.append((-shared_length(gold_quote.spans, ours), g, p))
    pairs, used_gold, used_ours = [], set(), set()
    for _, g, p in sorted(candidates):
        if g not in used_gold and p not in used_ours:
            pairs.append((g, p))
            used_gold.add(g)
            used_ours.add(p)
    return sorted(pairs)


def fragment_of(quote: Quote, matched: Sequence[GoldQuote]) -> GoldQuote | None:
    """The matched gold attribution that holds at least half of ``quote``'s content, if any."""
    ours = content(quote)
    size = length(ours)
    return next((g for g in matched if size and shared_length(g.spans, ours) >= MIN_OVERLAP * size), None)


def attributions(quotes: Iterable[Quote]) -> list[Quote]:
    """Our quotes that report speech in the article text (scare quotes left out)."""
    return [quote for quote in quotes if quote.type in ATTRIBUTION_TYPES and quote.field == "text"]


def level_items(level: str, gold: Sequence[GoldQuote], ours: Sequence[Quote]) -> tuple[list[GoldQuote], list[Quote]]:
    if level == "direct":
        return [g for g in gold if g.type == "direct"], [q for q in ours if q.type == "direct"]
    return list(gold), list(ours)


# --- speakers ---------------------------------------------------------------------------


def referents(speaker_spans: Spans, actors: Sequence[Actor]) -> list[Actor]:
    """The actors the gold speaker's words refer to: of the actors with a mention overlapping
    a gold speaker span, those whose mention shares the most characters with it (so
    "Trump aide Kellyanne Conway" refers to Conway, not to Trump)."""
    shared = {
        index: max(shared_length(((m.start, m.end),), speaker_spans) for m in actor.mentions)
        for index, actor in enumerate(actors)
        if actor.mentions
    }
    most = max(shared.values(), default=0)
    return [actors[index] for index, length in shared.items() if most and length == most]


def same_actor(speaker: Speaker, actor: Actor) -> bool:
    if speaker.name:
        return speaker.name.casefold() == actor.name.casefold()
    return bool(speaker.code) and speaker.code == actor.code


def speaker_right(gold: GoldQuote, quote: Quote, actors: Sequence[Actor]) -> bool:
    """Our speaker's words overlap the gold speaker's, or both refer to the same actor."""
    speaker = quote.speaker
    if speaker is None:
        return False
    if any(speaker.start < end and start < speaker.end for start, end in gold.speaker_spans):
        return True
    return any(same_actor(speaker, actor) for actor in referents(gold.speaker_spans, actors))


# --- scoring ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Error:
    """A wrong attribution: ``missed`` (gold unmatched), ``spurious`` (ours unmatched),
    ``fragment`` (ours unmatched, inside a gold attribution that another of ours matched;
    ``gold`` is that attribution) or ``speaker`` (matched, wrong speaker)."""

    kind: str
    level: str
    gold: GoldQuote | None
    ours: Quote | None


@dataclass
class SetScore:
    name: str
    levels: dict[str, Counts]
    fragments: dict[str, int] = field(default_factory=dict)
    speakers_right: int = 0
    speakers_scored: int = 0
    articles: int = 0
    scare_quotes: int = 0
    errors: list[tuple[Article, Error]] = field(default_factory=list)

    @property
    def speaker_accuracy(self) -> float:
        return self.speakers_right / self.speakers_scored if self.speakers_scored else 0.0

    def add(self, article: Article, quotes: Sequence[Quote], actors: Sequence[Actor]) -> None:
        """Score one article's quotes (see the module docstring)."""
        self.articles += 1
        self.scare_quotes += sum(quote.type == "scare" for quote in quotes)
        ours = attributions(quotes)
        for level in self.levels:
            gold_items, our_items = level_items(level, article.gold, ours)
            pairs = match(gold_items, our_items)
            self.levels[level] += Counts(tp=len(pairs), fp=len(our_items) - len(pairs), fn=len(gold_items) - len(pairs))
            matched_gold, matched_ours = {g for g, _ in pairs}, {p for _, p in pairs}
            self.errors += [(article, Error("missed", level, g, None)) for i, g in enumerate(gold_items)
                            if i not in matched_gold]  # fmt: skip
            matched = [gold_items[g] for g in sorted(matched_gold)]
            for i, ours_item in enumerate(our_items):
                if i not in matched_ours:
                    whole = fragment_of(ours_item, matched)
                    self.fragments[level] = self.fragments.get(level, 0) + (whole is not None)
                    kind = "spurious" if whole is None else "fragment"
                    self.errors.append((article, Error(kind, level, whole, ours_item)))
            if level != SPEAKER_LEVEL[self.name]:
                continue
            for g, p in pairs:
                if not gold_items[g].speaker_spans:
                    continue
                right = speaker_right(gold_items[g], our_items[p], actors)
                self.speakers_scored += 1
                self.speakers_right += right
                if not right:
                    self.errors.append((article, Error("speaker", level, gold_items[g], our_items[p])))

    def metrics(self) -> dict[str, float]:
        found: dict[str, float] = {}
        for level, counts in self.levels.items():
            prefix = f"{self.name}/{level}"
            found.update(counts.scores(prefix))
            found.update(counts.totals(prefix))
            found[f"{prefix}/fragments"] = float(self.fragments.get(level, 0))
        found[f"{self.name}/speaker_accuracy"] = self.speaker_accuracy
        found[f"{self.name}/speaker_scored"] = float(self.speakers_scored)
        found[f"{self.name}/articles"] = float(self.articles)
        found[f"{self.name}/scare_quotes"] = float(self.scare_quotes)
        return found


def new_score(name: str) -> SetScore:
    return SetScore(name, {level: Counts() for level in LEVELS[name]})


# --- the run ----------------------------------------------------------------------------


@dataclass
class Run:
    """What one evaluation found: the metrics, and the scores behind them for the tables."""

    metrics: dict[str, float]
    sets: dict[str, SetScore]


def evaluate(root: Path) -> Run:
    """Every metric of the task from the sets under ``root`` (``<shared>/eval``)."""
    from eventwire.actors import find_actors
    from eventwire.nlp import load_nlp, parse_many
    from eventwire.quotes import find_quotes

    polnear = read_polnear(root / SETS / FILES[POLNEAR])
    textacy, skipped = read_textacy(root / SETS / FILES[TEXTACY])
    articles = polnear + textacy
    load_nlp()
    started = time.perf_counter()
    docs: list[Doc] = list(parse_many(article.text for article in polnear))
    parsed = time.perf_counter()
    actors = [find_actors(doc, published=article.published) for doc, article in zip(docs, polnear, strict=True)]
    found_actors = time.perf_counter()
    docs += parse_many(article.text for article in textacy)  # short cases: parsed, not timed
    actors += [find_actors(doc, published=article.published) for doc, article in zip(docs[len(polnear) :], textacy,
                                                                                     strict=True)]  # fmt: skip
    if docs:  # untimed first call: tables and lexicons load once per process
        find_quotes(docs[0], actors[0], field="text")
    sets = {name: new_score(name) for name in FILES}
    quotes_s = 0.0
    for article, doc, acts in zip(articles, docs, actors, strict=True):
        before = time.perf_counter()
        quotes = list(find_quotes(doc, acts, field="text"))
        if article.set_name == POLNEAR:
            quotes_s += time.perf_counter() - before
        sets[article.set_name].add(article, quotes, acts)
    count = max(1, len(polnear))
    metrics: dict[str, float] = {}
    for score in sets.values():
        metrics.update(score.metrics())
    metrics[f"{TEXTACY}/skipped_cases"] = float(skipped)
    metrics.update(
        {
            "timing/articles": float(len(polnear)),
            "timing/parse_ms_per_article": 1000 * (parsed - started) / count,
            "timing/actors_ms_per_article": 1000 * (found_actors - parsed) / count,
            "timing/quotes_ms_per_article": 1000 * quotes_s / count,
        }
    )
    return Run(metrics, sets)


# --- output -----------------------------------------------------------------------------


def _levels_table(sets: dict[str, SetScore]) -> Table:
    table = Table(title="Quotes: micro-averaged precision / recall / F1, and speaker accuracy")
    for column in ("set", "level", "P", "R", "F1", "TP", "FP", "FN"):
        table.add_column(column, justify="left" if column in ("set", "level") else "right")
    for score in sets.values():
        for level, c in score.levels.items():
            table.add_row(score.name, level, f"{c.precision:.3f}", f"{c.recall:.3f}", f"{c.f1:.3f}",
                          str(c.tp), str(c.fp), str(c.fn))  # fmt: skip
        table.add_row(score.name, f"speaker_accuracy ({SPEAKER_LEVEL[score.name]})", f"{score.speaker_accuracy:.3f}",
                      "", "", str(score.speakers_right), "", f"{score.speakers_scored} scored")  # fmt: skip
    return table


def _clip(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _gold_text(gold: GoldQuote | None) -> str:
    if gold is None:
        return "-"
    return f"[{gold.type}] {_clip(gold.text)}\nspeaker: {gold.speaker or '-'}"


def _our_text(quote: Quote | None) -> str:
    if quote is None:
        return "-"
    speaker = quote.speaker
    who = "-" if speaker is None else f"{speaker.text} -> {speaker.name or '?'} ({speaker.code or '-'})"
    return f"[{quote.type}] {_clip(quote.text)}\nspeaker: {who}"


def _errors_table(score: SetScore, limit: int) -> Table:
    table = Table(title=f"{score.name}: wrong attributions (gold vs ours)")
    for column in ("article", "level", "error", "gold", "ours"):
        table.add_column(column)
    for article, error in score.errors[:limit]:
        table.add_row(article.id[-40:], error.level, error.kind, _gold_text(error.gold), _our_text(error.ours))
    return table


def _tables(run: Run, show_errors: int) -> list[Table]:
    errors = [_errors_table(score, show_errors) for score in run.sets.values()] if show_errors else []
    return [*errors, _levels_table(run.sets)]


def main(argv: list[str]) -> int:
    return run_scored_task(TASK, __doc__.splitlines()[0], argv, wrong="wrong attributions",
                           evaluate=evaluate, tables=_tables, without_sets=2)  # fmt: skip
