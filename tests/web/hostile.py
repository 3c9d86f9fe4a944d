"""Articles written to attack the dashboard: markup in the title, text, quotes, section,
source and authors, a ``javascript:`` URL, an ``http`` URL that tries to leave its
attribute, and a try at closing the page's JSON island. Ingested by the real pipeline; the
page tests (tests/web/test_xss.py) and the browser tests read them."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb

from tests.query.stores import write_coded_store

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
    "section": "<b onmouseover=alert('section')>World</b>",
    "source": "<script>alert('source')</script>",
    "authors": ["<img src=x onerror=alert('author')>"],
    "text": (
        f"MOSCOW — Russia accused Ukraine on Monday of sabotaging a gas pipeline near Kursk {PAYLOADS[1]}, "
        "the Kremlin said.\n\n"
        f'"This is an act of terror {PAYLOADS[2]}," Kremlin spokesman Dmitry Peskov told reporters in Moscow. '
        f"Ukraine denied the accusation and said Russia was lying {PAYLOADS[3]}.\n\n"
        f"Officials in Kyiv condemned the claims {PAYLOADS[4]} and called for an international inquiry."
    ),
}


LINKED = {
    "url": 'https://news.example/a"onmouseover="alert(1)"x="',
    "title": "Ukraine accuses Russia of shelling Kharkiv",
    "published": "2024-06-04",
    "text": (
        "KYIV — Ukraine accused Russia on Tuesday of shelling residential districts of Kharkiv overnight, "
        "officials said.\n\nRussia denied targeting civilians and accused Ukraine of staging the damage."
    ),
}
"""An article whose http URL (the one stored value that becomes a link) carries quotes."""

FILES = {"hostile.jsonl": json.dumps(RECORD) + "\n", "linked.jsonl": json.dumps(LINKED) + "\n"}
"""The two articles as input files, one JSONL line each."""


def write_hostile_store(folder: Path) -> tuple[Path, str]:
    """A store holding only the hostile articles, and the id of the first (``RECORD``)."""
    path = write_coded_store(folder, FILES)
    with duckdb.connect(str(path), read_only=True) as connection:
        ((first,),) = connection.execute("SELECT id FROM articles WHERE url = ?", [RECORD["url"]]).fetchall()
    return path, first
