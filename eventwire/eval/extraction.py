"""Extraction evaluation: body text against gold, beside trafilatura and readability.

``python -m eventwire.eval extraction [--json] [--gate] [--limit N] [--sets NAME ...]``

Three HTML sets (``scrapinghub``, ``fundus-news``, ``l3s-gn1``: real news pages with a gold
body) are extracted by eventwire's ``extract_html``, by plain trafilatura
(``trafilatura.extract`` with its defaults) and by readability-lxml
(``Document(html).summary()`` rendered as text), all on the same pages; the plain-text
dumps of the same pages (``textdump/<set>.jsonl``) go through ``extract_text_dump`` and
are compared with the whole dump taken as the body (what a system without a dump parser
would code). Bodies are scored with the ScrapingHub shingle metric (``shingles``); titles
and dates, where the gold has them, by exact match after normalisation.

With ``--json`` the last line printed is one JSON object ``{"task": "extraction",
"metrics": {...}}`` with flat keys ``<set>/<system>/<metric>``; ``--gate`` exits 1 when a
metric is below its floor in ``floors.json``.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import trafilatura
from readability import Document as ReadabilityDocument
from rich.console import Console
from rich.table import Table

from eventwire.errors import NoArticleText
from eventwire.eval.taskcli import finish, shared_or_complain, task_parser
from eventwire.eval.shingles import PageCounts, aggregate, match, tokenize
from eventwire.extract.html import extract_html
from eventwire.extract.htmltree import paragraphs, parse_html
from eventwire.extract.textdump import extract_text_dump

TASK = "extraction"
HTML_SETS = ("scrapinghub", "fundus-news", "l3s-gn1")
TEXTDUMP_PREFIX = "textdump-"


@dataclass(frozen=True)
class GoldPage:
    """One evaluation page: its input (HTML or a text dump) and the gold fields."""

    id: str
    content: str
    body: str
    title: str | None
    date: str | None


@dataclass(frozen=True)
class Prediction:
    text: str
    title: str | None = None
    date: str | None = None


@dataclass
class SystemScore:
    """A system's results on one set: page counts, time, and title/date hits where gold exists."""

    pages: list[PageCounts] = field(default_factory=list)
    seconds: float = 0.0
    titles: list[bool] = field(default_factory=list)
    dates: list[bool] = field(default_factory=list)

    def metrics(self, prefix: str) -> dict[str, float]:
        scores = aggregate(self.pages)
        found = {
            f"{prefix}/precision": scores.precision,
            f"{prefix}/recall": scores.recall,
            f"{prefix}/f1": scores.f1,
            f"{prefix}/ms_per_page": 1000 * self.seconds / max(1, len(self.pages)),
        }
        if self.titles:
            found[f"{prefix}/title_accuracy"] = sum(self.titles) / len(self.titles)
        if self.dates:
            found[f"{prefix}/date_accuracy"] = sum(self.dates) / len(self.dates)
        return found


def _read_jsonl(path: Path) -> Iterator[dict[str, object]]:
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def html_pages(root: Path, name: str, limit: int | None) -> list[GoldPage]:
    """The pages of an HTML set that have both a gold record and an HTML file."""
    pages = []
    for row in _read_jsonl(root / name / "ground_truth.jsonl"):
        path = root / name / "html" / f"{row['id']}.html"
        if path.is_file():
            html = path.read_text(encoding="utf-8", errors="replace")
            pages.append(GoldPage(str(row["id"]), html, str(row["body"]), _text(row.get("title")), _text(row.get("date"))))
        if limit is not None and len(pages) >= limit:
            break
    return pages


def dump_pages(root: Path, name: str, limit: int | None) -> list[GoldPage]:
    """The text dumps of a set's pages (``dump`` in, ``body`` gold)."""
    rows = list(_read_jsonl(root / "textdump" / f"{name}.jsonl"))[:limit]
    return [
        GoldPage(str(row["id"]), str(row["dump"]), str(row["body"]), _text(row.get("title")), _text(row.get("date")))
        for row in rows
    ]


def _title_words(text: str) -> list[str]:
    return [word.casefold() for word in tokenize(text)]


def same_title(predicted: str | None, gold: str) -> bool:
    """Equal word sequences, case and punctuation aside (quotes and dashes vary by rendering).

    A gold title of several lines is a headline with its subtitle (l3s-gn1 marks both as
    title); the headline alone, its first line, counts as right.
    """
    if predicted is None:
        return False
    words = _title_words(predicted)
    return words in (_title_words(gold), _title_words(gold.strip().split("\n")[0]))


def same_date(predicted: str | None, gold: str) -> bool:
    """Same calendar day: the gold gives days, a page may add the time."""
    return predicted is not None and predicted[:10] == gold[:10]


def eventwire_html(html: str) -> Prediction:
    try:
        article = extract_html(html)
    except NoArticleText:
        return Prediction("")  # a refusal scores as an empty body: no precision counted, no recall
    return Prediction(article.text, article.title, article.published)


def eventwire_dump(dump: str) -> Prediction:
    try:
        article = extract_text_dump(dump)
    except NoArticleText:
        return Prediction("")
    return Prediction(article.text, article.title, article.published)


def trafilatura_html(html: str) -> Prediction:
    return Prediction(trafilatura.extract(html) or "")


def readability_html(html: str) -> Prediction:
    summary = ReadabilityDocument(html).summary()
    return Prediction("\n\n".join(paragraphs(parse_html(summary))) if summary.strip() else "")


def whole_page(dump: str) -> Prediction:
    return Prediction(dump)


HTML_SYSTEMS: dict[str, Callable[[str], Prediction]] = {
    "eventwire": eventwire_html,
    "trafilatura": trafilatura_html,
    "readability": readability_html,
}
DUMP_SYSTEMS: dict[str, Callable[[str], Prediction]] = {"eventwire": eventwire_dump, "wholepage": whole_page}


def score_system(system: Callable[[str], Prediction], pages: list[GoldPage], *, fields: bool) -> SystemScore:
    """Run ``system`` on every page, timing only the system itself; ``fields``: score title and date too."""
    result = SystemScore()
    for page in pages:
        started = time.perf_counter()
        predicted = system(page.content)
        result.seconds += time.perf_counter() - started
        result.pages.append(match(page.body, predicted.text))
        if fields and page.title:
            result.titles.append(same_title(predicted.title, page.title))
        if fields and page.date:
            result.dates.append(same_date(predicted.date, page.date))
    return result


def evaluate(root: Path, sets: tuple[str, ...] = HTML_SETS, limit: int | None = None) -> dict[str, float]:
    """Every metric of this task, keyed ``<set>/<system>/<metric>``."""
    metrics: dict[str, float] = {}
    for name in sets:
        pages = html_pages(root, name, limit)
        for system, run in HTML_SYSTEMS.items():
            metrics.update(score_system(run, pages, fields=system == "eventwire").metrics(f"{name}/{system}"))
        if (root / "textdump" / f"{name}.jsonl").is_file():
            dumps = dump_pages(root, name, limit)
            for system, run in DUMP_SYSTEMS.items():
                found = score_system(run, dumps, fields=system == "eventwire")
                metrics.update(found.metrics(f"{TEXTDUMP_PREFIX}{name}/{system}"))
    return metrics


def _table(metrics: dict[str, float]) -> Table:
    table = Table(title="Extraction: shingle precision / recall / F1 of the body")
    for column in ("set", "system", "precision", "recall", "F1", "ms/page", "title acc.", "date acc."):
        table.add_column(column, justify="left" if column in ("set", "system") else "right")
    rows = sorted({key.rsplit("/", 1)[0] for key in metrics}, key=lambda row: (row.startswith(TEXTDUMP_PREFIX), row))
    for row in rows:
        name, system = row.split("/")

        def cell(metric: str, digits: int = 3, row: str = row) -> str:
            value = metrics.get(f"{row}/{metric}")
            return "" if value is None else f"{value:.{digits}f}"

        table.add_row(name, system, cell("precision"), cell("recall"), cell("f1"), cell("ms_per_page", 1),
                      cell("title_accuracy"), cell("date_accuracy"))  # fmt: skip
    return table


def main(argv: list[str]) -> int:
    parser = task_parser(TASK, __doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="at most N pages of each set")
    parser.add_argument("--sets", nargs="+", choices=HTML_SETS, default=list(HTML_SETS), help="HTML sets (and their dumps)")
    args = parser.parse_args(argv)
    root = shared_or_complain()
    if root is None:
        return 2
    metrics = evaluate(root / "eval" / "extraction", tuple(args.sets), args.limit)
    Console(width=120).print(_table(metrics))
    return finish(TASK, metrics, args)
