"""docs/events.md shows one event as the CLI prints it; this test fails when it goes stale."""

from __future__ import annotations

import json
import re
from pathlib import Path

from eventwire.events import code_text

DOC = Path(__file__).resolve().parents[2] / "docs" / "events.md"


def test_the_documented_event_is_what_the_engine_gives() -> None:
    text = DOC.read_text(encoding="utf-8")
    documented = json.loads(re.search(r"```json\n(.*?)```", text, re.S).group(1))  # type: ignore[union-attr]
    events = code_text(documented["sentence"], published=documented["published"])
    assert documented in [json.loads(json.dumps(event.to_dict())) for event in events]


def test_the_readme_example_prints_what_it_says() -> None:
    readme = (DOC.parents[1] / "README.md").read_text(encoding="utf-8")
    block = re.search(r"from eventwire\.events import code_text\n\n(.*?)```", readme, re.S).group(1)  # type: ignore[union-attr]
    sentence, published = re.search(r'code_text\("([^"]+)", published="([^"]+)"\)', block).groups()  # type: ignore[union-attr]
    promised = [line[2:] for line in block.splitlines() if line.startswith("# ")]
    got = [
        f"{e.source.code} {e.code} {e.target.code if e.target else None} {e.date} {e.evidence.pattern}"
        for e in code_text(sentence, published=published)
    ]
    assert got == promised
