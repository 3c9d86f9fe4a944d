"""The ScrapingHub article-extraction-benchmark metric: F1 over 4-word shingles.

We score body text the way that benchmark does so that our figures can be set beside the
published ones. The rules, as its ``evaluate.py`` applies them:

- Tokens are the runs of ``\\w`` characters (Unicode word characters); case is kept and
  punctuation is dropped, so a quote mark or a dash never decides a match.
- A shingle is a run of 4 consecutive tokens; a text shorter than 4 tokens gives one shorter
  shingle (all its tokens), an empty text none. Shingles are a multiset: a sentence that is
  repeated must be predicted as often as it is in the gold.
- Per page, true positives are the shingles in both multisets, false positives the extra
  predicted ones, false negatives the missed gold ones; the three are then divided by their
  sum so that a long page weighs no more than a short one.
- Over a set (macro average): precision is the mean of the page precisions over the pages
  where something was predicted (tp + fp > 0), recall the mean of the page recalls over the
  pages whose gold is not empty (tp + fn > 0). F1 is the harmonic mean of those two means,
  not the mean of page F1s. A page with an empty prediction therefore costs recall only.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

_TOKEN = re.compile(r"\w+")
SHINGLE_SIZE = 4


def tokenize(text: str) -> list[str]:
    """Word tokens as the benchmark takes them: runs of word characters, case kept."""
    return _TOKEN.findall(text or "")


def shingles(text: str, size: int = SHINGLE_SIZE) -> Counter[tuple[str, ...]]:
    """The multiset of ``size``-token shingles of ``text``."""
    tokens = tokenize(text)
    if len(tokens) < size:
        return Counter([tuple(tokens)] if tokens else [])
    return Counter(tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1))


@dataclass(frozen=True)
class PageCounts:
    """True positive, false positive and false negative shares of one page (they sum to 1)."""

    tp: float
    fp: float
    fn: float

    @property
    def precision(self) -> float:
        if self.fp == self.fn == 0:
            return 1.0
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        if self.fp == self.fn == 0:
            return 1.0
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0


def match(gold: str, predicted: str, size: int = SHINGLE_SIZE) -> PageCounts:
    """Shingle matching of one page, normalised so that the three counts sum to 1."""
    gold_shingles = shingles(gold, size)
    predicted_shingles = shingles(predicted, size)
    tp = sum((gold_shingles & predicted_shingles).values())
    fp = sum((predicted_shingles - gold_shingles).values())
    fn = sum((gold_shingles - predicted_shingles).values())
    total = tp + fp + fn
    if not total:
        return PageCounts(0.0, 0.0, 0.0)
    return PageCounts(tp / total, fp / total, fn / total)


@dataclass(frozen=True)
class Scores:
    """Set-level precision, recall and F1 (see the module docstring for the averaging)."""

    precision: float
    recall: float
    f1: float
    pages: int


def aggregate(pages: Iterable[PageCounts]) -> Scores:
    """Macro-averaged precision and recall over pages, and their harmonic mean."""
    counted = list(pages)
    precisions = [page.precision for page in counted if page.tp + page.fp > 0]
    recalls = [page.recall for page in counted if page.tp + page.fn > 0]
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(precision=precision, recall=recall, f1=f1, pages=len(counted))
