"""docs/quotes.md shows one quote as the CLI prints it; this test fails when it goes stale."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.quotes.helpers import quotes_of

DOC = Path(__file__).resolve().parents[2] / "docs" / "quotes.md"


def test_the_documented_quote_is_what_the_finder_gives() -> None:
    text = DOC.read_text(encoding="utf-8")
    documented = json.loads(re.search(r"```json\n(.*?)```", text, re.S).group(1))  # type: ignore[union-attr]
    example = re.search(r"for the text `(.*?)`:", text, re.S).group(1)  # type: ignore[union-attr]
    found = quotes_of(" ".join(example.split()))
    assert documented in [json.loads(json.dumps(quote.to_dict())) for quote in found]
