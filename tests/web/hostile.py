"""An article written to attack the dashboard: markup in its title, text, quotes and deck,
a ``javascript:`` URL, and a try at closing the page's JSON island. Ingested by the real
pipeline; the page tests (tests/web/test_xss.py) and the browser tests read it."""

from __future__ import annotations

import json
from pathlib import Path

from eventwire.store.ingest import ingest

PAYLOADS = (
    "<script>alert('title')</script>",
    "<img src=x onerror=alert('text')>",
    "</script><script>alert('island')</script>",
    "<svg onload=alert('svg')>",
    '"><iframe src=javascript:alert(1)>',
)
"""Markup that would run script if any of it reached a page unescaped."""

RECORD = {
    "url": "javascript:alert(document.domain)",
    "title": f"Russia accuses Ukraine of sabotage {PAYLOADS[0]}",
    "published": "2024-06-03",
    "text": (
        f"MOSCOW — Russia accused Ukraine on Monday of sabotaging a gas pipeline near Kursk {PAYLOADS[1]}, "
        "the Kremlin said.\n\n"
        f'"This is an act of terror {PAYLOADS[2]}," Kremlin spokesman Dmitry Peskov told reporters in Moscow. '
        f"Ukraine denied the accusation and said Russia was lying {PAYLOADS[3]}.\n\n"
        f"Officials in Kyiv condemned the claims {PAYLOADS[4]} and called for an international inquiry."
    ),
}


JSONL = json.dumps(RECORD) + "\n"
"""The article as a line of JSONL input."""


def write_hostile_store(folder: Path) -> tuple[Path, str]:
    """A store holding only the hostile article, and its id."""
    inputs = folder / "hostile"
    inputs.mkdir()
    (inputs / "hostile.jsonl").write_text(JSONL, encoding="utf-8")
    path = folder / "hostile.duckdb"
    report = ingest([str(inputs)], path, keep_results=True)
    assert report.articles_new == 1 and not report.failed, report
    return path, report.results[0].article.id
