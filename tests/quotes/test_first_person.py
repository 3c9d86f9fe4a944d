"""Quotes feed events: "I" and "we" inside a quote are its speaker for the event stage."""

from __future__ import annotations

from pathlib import Path

from eventwire.actors import find_actors
from eventwire.events import find_events
from eventwire.nlp import parse
from eventwire.pipeline import process
from eventwire.quotes import find_quotes, with_quoted_speakers


ARTICLE = """Border talks planned for next week

Azerbaijan and Armenia have traded accusations over the border for months, and a new
round of talks has been delayed twice since the spring.

"I will meet Pashinyan next week," Aliyev told reporters in Baku on Tuesday.

Officials in Yerevan did not comment on the planned meeting.
"""


def coded(text: str) -> set[tuple[str | None, str | None, str]]:
    doc = parse(text)
    actors = find_actors(doc, published="2024-05-01")
    events = find_events(doc, with_quoted_speakers(doc, actors, find_quotes(doc, actors)), published="2024-05-01")
    return {(e.source.code if e.source else None, e.target.code if e.target else None, e.code) for e in events}


def test_we_in_a_quote_is_its_speaker() -> None:
    assert ("AZEGOV", "ARMGOV", "036") in coded('"I will meet Pashinyan next week," Aliyev told reporters.')


def test_without_the_speaker_link_the_quoted_act_has_no_doer() -> None:
    doc = parse('"I will meet Pashinyan next week," Aliyev told reporters.')
    assert not any(e.code == "036" for e in find_events(doc, find_actors(doc, published="2024-05-01")))


def test_a_quote_nobody_is_coded_for_lends_no_one() -> None:
    doc = parse('"We will meet Pashinyan next week," a bystander said.')
    actors = find_actors(doc, published="2024-05-01")
    assert with_quoted_speakers(doc, actors, find_quotes(doc, actors)) == actors


def test_the_pipeline_codes_a_quoted_act_as_the_speakers(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    (result,) = list(process([str(path)]))
    assert any(e["code"] == "036" and e["source"]["code"] == "AZEGOV" for e in result.events)
    assert all(m["resolution"] != "speaker" for a in result.actors for m in a["mentions"])
