"""The pipeline fills ``quotes`` for body and title, and the terminal report lists them."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from eventwire.pipeline import process
from eventwire.report import print_quotes_table

ARTICLE = """Harbour talks to resume, minister says

Canadian Prime Minister Justin Trudeau spoke in Halifax on Monday.

"The harbour will reopen within a month," Trudeau said.

Dockers called the plan a "paper promise".
"""


def test_quotes_in_the_result_and_the_table(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    (result,) = list(process([str(path)]))
    kinds = {(quote["field"], quote["type"]) for quote in result.quotes}
    assert ("text", "direct") in kinds and ("text", "scare") in kinds
    direct = next(quote for quote in result.quotes if quote["type"] == "direct")
    assert direct["speaker"]["code"] == "CANGOV"
    console = Console(record=True, width=160)
    print_quotes_table(console, [result])
    shown = console.export_text()
    assert "Quotes (" in shown and "CANGOV" in shown and "paper promise" not in shown
