"""The quote evaluation's scoring, on hand-built quotes and gold written here.

The unit tests need neither the shared sets nor the quote finder: predictions are plain
``Quote`` records and the gold rows are invented. The last test runs ``python -m
eventwire.eval quotes --json`` in-process and is skipped when the shared sets are absent.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.actors.model import Actor, Mention
from eventwire.eval import quotes as qe
from eventwire.eval.events import Counts
from eventwire.eval.shared import shared_dir
from eventwire.events.model import Span
from eventwire.quotes.model import Quote, QuoteType, Speaker

SHARED = shared_dir()


def quote(start: int, end: int, kind: QuoteType = "direct", speaker: Speaker | None = None,
          parts: tuple[tuple[int, int], ...] = (), where: str = "text") -> Quote:  # fmt: skip
    return Quote(text="x" * (end - start), start=start, end=end, type=kind, cue=Span(0, 1, "x"), speaker=speaker,
                 parts=tuple(Span(s, e, "x") for s, e in parts), field=where)  # type: ignore[arg-type]  # fmt: skip


def gold(spans: qe.Spans, kind: str = "direct", speaker: qe.Spans = ()) -> qe.GoldQuote:
    return qe.GoldQuote(id="g", text="x", type=kind, spans=spans, speaker="s", speaker_spans=speaker)


def who(start: int, end: int, name: str | None = None, code: str | None = None) -> Speaker:
    return Speaker(text="x", start=start, end=end, name=name, code=code, resolved_by="name")


def person(name: str, code: str | None, *mentions: tuple[int, int]) -> Actor:
    return Actor(name=name, code=code, country=None, sector=None, kind="person", resolved_by="dictionary",
                 mentions=[Mention(s, e, "x", "dictionary", 0) for s, e in mentions])  # fmt: skip


def article(*items: qe.GoldQuote, set_name: str = qe.POLNEAR) -> qe.Article:
    return qe.Article(set_name=set_name, id="a", text="", published=None, gold=items)


# --- reading the sets ----------------------------------------------------------------------


def test_a_polnear_row_keeps_broken_content_and_reads_a_null_speaker_as_none() -> None:
    row = {"doc_id": "d1", "text": "t", "meta": {"date": "2016-10-01"}, "quotes": [
        {"id": "E1", "quote": "q", "speaker": "Ann", "type": "direct", "quote_spans": [[5, 9], [20, 30]],
         "speaker_spans": [[11, 14]]},
        {"id": "E2", "quote": "r", "speaker": "", "type": "indirect", "quote_spans": [[40, 50]], "speaker_spans": None},
    ]}  # fmt: skip
    read = qe.polnear_article(row)
    assert read.published == "2016-10-01"
    assert read.gold[0].spans == ((5, 9), (20, 30)) and read.gold[0].speaker_spans == ((11, 14),)
    assert read.gold[1].speaker_spans == () and read.gold[1].type == "indirect"


def test_textacy_speaker_spans_are_each_word_outside_the_quote(tmp_path: Path) -> None:
    text = 'Mara and Tobi wrote: "Tobi is tired." Mara and Tobi left.'
    rows = [
        {"doc_id": "x-en-0", "lang": "en", "text": text,
         "quotes": [{"quote": '"Tobi is tired."', "speaker": "Mara Tobi", "type": "direct", "quote_span": [21, 37]}]},
        {"doc_id": "x-de-1", "lang": "de", "text": "Sie sagte etwas.", "quotes": []},
    ]  # fmt: skip
    path = tmp_path / "cases.jsonl"
    path.write_text("\n".join(json.dumps(row) for row in rows), encoding="utf-8")
    read, skipped = qe.read_textacy(path)
    assert skipped == 1 and len(read) == 1
    spans = read[0].gold[0].speaker_spans
    assert [text[s:e] for s, e in spans] == ["Mara", "Tobi", "Mara", "Tobi"]
    assert all(not 21 <= s < 37 for s, _ in spans)


# --- matching ------------------------------------------------------------------------------


def test_contents_match_when_they_share_half_of_the_shorter_one() -> None:
    assert qe.overlaps_enough(((0, 100),), ((50, 60),))  # the shorter one wholly inside
    assert qe.overlaps_enough(((0, 10),), ((5, 40),))  # 5 of the shorter 10
    assert not qe.overlaps_enough(((0, 10),), ((6, 40),))  # 4 of 10
    assert not qe.overlaps_enough(((0, 10),), ((10, 20),))  # touching, nothing shared


def test_a_broken_quote_is_the_union_of_its_parts() -> None:
    broken = quote(0, 100, parts=((0, 30), (70, 100)))
    assert qe.content(broken) == ((0, 30), (70, 100))
    assert qe.content(quote(5, 9)) == ((5, 9),)
    # the gold second part alone lies in the gap of ours only partly: 10 of its 40 shared
    assert not qe.overlaps_enough(((40, 80),), qe.content(broken))
    assert qe.overlaps_enough(((0, 30), (70, 100)), qe.content(broken))


def test_matching_is_one_to_one_largest_overlap_first() -> None:
    golds = [gold(((0, 20),)), gold(((20, 60),))]
    ours = [quote(10, 50), quote(0, 20)]
    # ours[0] shares 10 with gold 0 and 30 with gold 1; ours[1] shares 20 with gold 0
    assert qe.match(golds, ours) == [(0, 1), (1, 0)]
    assert qe.match([gold(((0, 20),))], [quote(0, 20), quote(0, 20)]) == [(0, 0)]


def test_a_quote_broken_in_two_reported_as_two_gives_one_hit_and_one_false_positive() -> None:
    score = qe.new_score(qe.POLNEAR)
    score.add(article(gold(((0, 30), (70, 100)))), [quote(0, 30), quote(70, 100)], [])
    assert score.levels["direct"] == Counts(tp=1, fp=1, fn=0)
    assert score.fragments["direct"] == 1  # counted beside the score: a piece of a matched gold quote
    assert [error.kind for _, error in score.errors if error.level == "direct"] == ["fragment"]
    assert score.metrics()["polnear_dev/direct/fragments"] == 1.0


# --- levels --------------------------------------------------------------------------------


def test_direct_compares_direct_with_direct_and_all_compares_every_attribution() -> None:
    golds = (gold(((0, 20),), "direct"), gold(((30, 60),), "indirect"), gold(((70, 90),), "indirect"))
    ours = [quote(0, 20, "partial"), quote(30, 60, "indirect"), quote(100, 120, "direct")]
    score = qe.new_score(qe.POLNEAR)
    score.add(article(*golds), ours, [])
    assert score.levels["direct"] == Counts(tp=0, fp=1, fn=1)
    assert score.levels["all"] == Counts(tp=2, fp=1, fn=1)
    kinds = sorted((error.level, error.kind) for _, error in score.errors)
    assert kinds == [("all", "missed"), ("all", "spurious"), ("direct", "missed"), ("direct", "spurious")]


def test_scare_quotes_and_title_quotes_count_for_nothing() -> None:
    score = qe.new_score(qe.POLNEAR)
    score.add(article(gold(((0, 20),), "indirect")), [quote(0, 20, "scare"), quote(0, 20, "direct", where="title")], [])
    assert score.levels["all"] == Counts(tp=0, fp=0, fn=1)
    assert score.scare_quotes == 1


def test_textacy_scores_direct_only_and_a_negative_case_counts_our_quotes_as_false_positives() -> None:
    score = qe.new_score(qe.TEXTACY)
    assert set(score.levels) == {"direct"}
    score.add(article(set_name=qe.TEXTACY), [quote(0, 9), quote(10, 20, "scare")], [])
    assert score.levels["direct"] == Counts(tp=0, fp=1, fn=0)


# --- speakers ------------------------------------------------------------------------------


def test_a_speaker_is_right_when_the_spans_overlap() -> None:
    golden = gold(((0, 20),), speaker=((25, 28),))
    assert qe.speaker_right(golden, quote(0, 20, speaker=who(25, 28)), [])
    assert qe.speaker_right(golden, quote(0, 20, speaker=who(20, 26)), [])
    assert not qe.speaker_right(golden, quote(0, 20, speaker=who(30, 35)), [])
    assert not qe.speaker_right(golden, quote(0, 20), [])


def test_a_speaker_is_right_when_it_names_the_actor_of_the_gold_span() -> None:
    # gold speaker "he" at 25-27 is a pronoun mention of Vera Kaplan; ours points at her name elsewhere
    actors = [person("Vera Kaplan", "XYZGOV", (3, 14), (25, 27)), person("Ivo Lund", "XYZGOV", (40, 48))]
    golden = gold(((0, 20),), speaker=((25, 27),))
    assert qe.speaker_right(golden, quote(0, 20, speaker=who(3, 14, name="vera kaplan")), actors)
    assert not qe.speaker_right(golden, quote(0, 20, speaker=who(40, 48, name="Ivo Lund", code="XYZGOV")), actors)
    assert qe.speaker_right(golden, quote(0, 20, speaker=who(40, 48, code="XYZGOV")), actors)  # no name: by code
    assert not qe.speaker_right(golden, quote(0, 20, speaker=who(40, 48)), actors)


def test_the_gold_speaker_refers_to_the_actor_whose_mention_covers_most_of_it() -> None:
    # gold speaker "Lund aide Vera Kaplan" (0-21): Ivo Lund is named inside it, Kaplan's mention is longer
    actors = [person("Ivo Lund", "XYZGOV", (0, 4), (50, 54)), person("Vera Kaplan", "XYZGOV", (10, 21))]
    assert qe.referents(((0, 21),), actors) == [actors[1]]
    golden = gold(((30, 45),), speaker=((0, 21),))
    assert not qe.speaker_right(golden, quote(30, 45, speaker=who(50, 54, name="Ivo Lund")), actors)
    assert qe.referents(((25, 28),), actors) == []


def test_speaker_accuracy_counts_matched_attributions_whose_gold_has_a_speaker() -> None:
    golds = (gold(((0, 20),), speaker=((22, 25),)), gold(((30, 50),)), gold(((60, 80),), speaker=((82, 85),)),
             gold(((90, 99),), speaker=((1, 2),)))  # fmt: skip
    ours = [quote(0, 20, speaker=who(22, 25)), quote(30, 50), quote(60, 80, speaker=who(0, 3))]
    score = qe.new_score(qe.POLNEAR)
    score.add(article(*golds), ours, [])
    assert (score.speakers_right, score.speakers_scored) == (1, 2)  # unmatched gold and speakerless gold not judged
    assert score.speaker_accuracy == 0.5
    assert [error.kind for _, error in score.errors if error.kind == "speaker"] == ["speaker"]


def test_the_metric_keys_are_flat_and_empty_ratios_are_zero() -> None:
    metrics = qe.new_score(qe.TEXTACY).metrics()
    assert metrics["textacy/direct/f1"] == 0.0 and metrics["textacy/speaker_accuracy"] == 0.0
    polnear = qe.new_score(qe.POLNEAR).metrics()
    assert {f"polnear_dev/{level}/{m}" for level in ("direct", "all") for m in ("precision", "recall", "f1")} <= set(
        polnear
    )


# --- the command ---------------------------------------------------------------------------


def test_the_json_line_is_last_and_the_gate_reads_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    score = qe.new_score(qe.POLNEAR)
    score.add(article(gold(((0, 20),), speaker=((22, 25),))), [quote(0, 20, speaker=who(22, 25))], [])
    run = qe.Run({**score.metrics(), "timing/quotes_ms_per_article": 1.0}, {qe.POLNEAR: score})
    monkeypatch.setenv("EVENTWIRE_SHARED", str(tmp_path))
    monkeypatch.setattr(qe, "evaluate", lambda root: run)
    assert qe.main(["--json"]) == 0
    last = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert last["task"] == "quotes"
    assert last["metrics"]["polnear_dev/direct/f1"] == 1.0 and last["metrics"]["polnear_dev/speaker_accuracy"] == 1.0


@pytest.mark.slow
@pytest.mark.skipif(SHARED is None, reason="shared evaluation sets not present (../shared)")
def test_the_task_prints_every_metric_on_its_json_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert qe.main(["--json"]) == 0
    metrics = json.loads(capsys.readouterr().out.strip().splitlines()[-1])["metrics"]
    ratios = [*(f"polnear_dev/{level}/{m}" for level in ("direct", "all") for m in ("precision", "recall", "f1")),
              "polnear_dev/speaker_accuracy", *(f"textacy/direct/{m}" for m in ("precision", "recall", "f1")),
              "textacy/speaker_accuracy"]  # fmt: skip
    assert set(ratios) <= set(metrics)
    assert all(0.0 <= metrics[key] <= 1.0 for key in ratios)
    assert metrics["polnear_dev/articles"] == 84 and metrics["timing/quotes_ms_per_article"] > 0
