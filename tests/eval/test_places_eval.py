"""The place evaluation's scoring, on hand-built places and gold written here.

The unit tests need neither the shared sets nor the place finder: predictions are plain
``Place`` records and the gold rows are invented.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.eval import places as pe
from eventwire.places.model import Place

TEXT = "Talks in the Vardan Valley and in Orlen ended. Kestrel officials said the Orlen mayor left."


def at(words: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(words, start + 1)
    return start, start + len(words)


def place(span: tuple[int, int], lat: float = 0.0, lon: float = 0.0, where: str = "text") -> Place:
    start, end = span
    return Place(text=TEXT[start:end], start=start, end=end, name="x", lat=lat, lon=lon, country=None, feature="city",
                 geonameid=None, reason="only-entry", field=where)  # type: ignore[arg-type]  # fmt: skip


def gold(span: tuple[int, int], lat: float | None = 0.0, lon: float | None = 0.0,
         aside: bool = False) -> pe.GoldToponym:  # fmt: skip
    return pe.GoldToponym(name=TEXT[span[0] : span[1]], start=span[0], end=span[1], lat=lat, lon=lon, set_aside=aside)


def scored(gold_items: list[pe.GoldToponym], ours: list[Place], name: str = pe.LGL) -> pe.SetScore:
    score = pe.SetScore(name)
    score.add(pe.Article(name, "a", TEXT, tuple(gold_items)), ours)
    return score


# --- reading the sets ----------------------------------------------------------------------


def test_rows_keep_offsets_read_null_coordinates_as_none_and_set_adjectives_aside(tmp_path: Path) -> None:
    rows = [
        {"doc_id": "d1", "text": TEXT, "toponyms": [
            {"name": "Orlen", "start": 34, "end": 39, "lat": 10.5, "lon": -3.25, "geonameid": "123"},
            {"name": "Vardan Valley", "start": 13, "end": 26, "lat": None, "lon": None},
        ]},
        {"doc_id": "d2", "text": "Kestrel officials met.", "toponyms": [
            {"name": "Kestrel", "start": 0, "end": 7, "lat": 1.0, "lon": 2.0, "modifier_type": "Adjective"},
        ]},
    ]  # fmt: skip
    path = tmp_path / "set.jsonl"
    path.write_text("\n".join(json.dumps(row) for row in rows) + "\n\n", encoding="utf-8")
    first, second = pe.read_set(pe.GEOWEBNEWS, path)
    assert first.gold[0] == pe.GoldToponym("Orlen", 34, 39, 10.5, -3.25)
    assert first.gold[1].lat is None and first.gold[1].lon is None
    assert second.gold[0].set_aside and not first.gold[0].set_aside


# --- recognition ---------------------------------------------------------------------------


def test_a_leading_the_is_trimmed_on_either_side_and_nothing_else() -> None:
    valley = at("Vardan Valley")
    the_valley = (valley[0] - 4, valley[1])
    assert TEXT[the_valley[0] : the_valley[1]] == "the Vardan Valley"
    assert pe.trimmed(TEXT, *the_valley) == valley
    assert pe.trimmed(TEXT, *valley) == valley
    score = scored([gold(the_valley)], [place(valley)])
    assert score.levels["toponym"] == pe.Counts(tp=1, fp=0, fn=0)
    short = (valley[0], valley[0] + len("Vardan"))
    score = scored([gold(valley)], [place(short)])
    assert score.levels["toponym"] == pe.Counts(tp=0, fp=1, fn=1)
    assert score.levels["toponym_overlap"] == pe.Counts(tp=1, fp=0, fn=0)


def test_overlap_pairs_are_one_to_one_by_largest_shared_length() -> None:
    gold_spans = [(0, 10), (12, 20)]
    ours = [(5, 14), (0, 9), (13, 20)]
    assert pe.overlap_pairs(gold_spans, ours) == [(0, 1), (1, 2)]
    assert pe.overlap_pairs([(0, 5)], [(5, 9)]) == []  # touching is not overlapping


def test_counts_are_micro_and_places_outside_the_text_or_repeated_count_once_or_not_at_all() -> None:
    orlen, second_orlen, kestrel = at("Orlen"), at("Orlen", 1), at("Kestrel")
    ours = [place(orlen), place(orlen), place(kestrel), place(second_orlen, where="title")]
    score = scored([gold(orlen), gold(second_orlen)], ours)
    assert score.levels["toponym"] == pe.Counts(tp=1, fp=1, fn=1)
    score.add(pe.Article(pe.LGL, "b", TEXT, (gold(orlen),)), [place(orlen)])
    metrics = score.metrics()
    assert metrics["lgl/toponym/precision"] == pytest.approx(2 / 3)
    assert metrics["lgl/toponym/recall"] == pytest.approx(2 / 3)
    assert metrics["lgl/toponym/f1"] == pytest.approx(2 / 3)
    assert (metrics["lgl/toponym/gold"], metrics["lgl/toponym/predicted"], metrics["lgl/articles"]) == (3, 3, 2)
    assert "lgl/set_aside" not in metrics


def test_an_adjectival_gold_toponym_is_neither_missed_nor_held_against_us() -> None:
    kestrel, orlen = at("Kestrel"), at("Orlen")
    skipped = scored([gold(kestrel, aside=True), gold(orlen)], [place(orlen)], pe.GEOWEBNEWS)
    found = scored([gold(kestrel, aside=True), gold(orlen)], [place(orlen), place(kestrel)], pe.GEOWEBNEWS)
    for score in (skipped, found):
        assert score.levels["toponym"] == pe.Counts(tp=1, fp=0, fn=0)
        assert score.levels["toponym_overlap"] == pe.Counts(tp=1, fp=0, fn=0)
        assert score.metrics()["geowebnews/set_aside"] == 1


def test_nothing_found_and_nothing_expected_scores_zero_without_dividing_by_zero() -> None:
    metrics = scored([], []).metrics()
    assert metrics["lgl/toponym/f1"] == 0.0 and metrics["lgl/acc161"] == 0.0 and metrics["lgl/median_km"] == 0.0


# --- resolution ----------------------------------------------------------------------------


def test_resolution_is_scored_on_exact_matches_with_coordinates_only() -> None:
    valley, orlen, second_orlen, kestrel = at("Vardan Valley"), at("Orlen"), at("Orlen", 1), at("Kestrel")
    gold_items = [
        gold(orlen, 0.0, 0.0),
        gold(second_orlen, 0.0, 0.0),
        gold(valley, None, None),  # no coordinates: recognition only
        gold(kestrel, 0.0, 0.0),
    ]
    ours = [
        place(orlen, 0.0, 1.0),  # 111 km: right
        place(second_orlen, 0.0, 2.0),  # 222 km: wrong
        place(valley, 50.0, 50.0),
        place((kestrel[0], kestrel[0] + 3), 0.0, 0.0),  # overlap only: not scored for resolution
    ]
    score = scored(gold_items, ours)
    metrics = score.metrics()
    assert metrics["lgl/resolved"] == 2
    assert metrics["lgl/acc161"] == 0.5
    assert metrics["lgl/median_km"] == pytest.approx((111.195 + 222.39) / 2, abs=0.01)
    kinds = sorted(error.kind for _, error in score.errors)
    assert kinds == ["misplaced", "missed", "spurious"]


def test_161_km_exactly_is_right() -> None:
    orlen = at("Orlen")
    degrees = 161.0 / pe.haversine_km(0.0, 0.0, 0.0, 1.0)
    score = scored([gold(orlen, 0.0, 0.0)], [place(orlen, 0.0, degrees * (1 - 1e-12))])
    assert score.acc161 == 1.0
    score = scored([gold(orlen, 0.0, 0.0)], [place(orlen, 0.0, degrees * 1.001)])
    assert score.acc161 == 0.0


# --- the command ---------------------------------------------------------------------------


def test_the_json_line_is_last_and_the_gate_reads_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    orlen = at("Orlen")
    score = scored([gold(orlen, 0.0, 0.0)], [place(orlen, 0.0, 0.5)])
    timing = {"timing/gazetteer_load_s": 0.25, "timing/lookups_per_s": 40000.0}
    run = pe.Run({**score.metrics(), **timing}, {pe.LGL: score})
    monkeypatch.setenv("EVENTWIRE_SHARED", str(tmp_path))
    monkeypatch.setattr(pe, "evaluate", lambda root: run)
    assert pe.main(["--json", "--show-errors", "5"]) == 0
    out = capsys.readouterr().out
    last = json.loads(out.strip().splitlines()[-1])
    assert last["task"] == "places"
    assert last["metrics"]["lgl/acc161"] == 1.0 and last["metrics"]["lgl/toponym/f1"] == 1.0
    assert last["metrics"]["timing/lookups_per_s"] == 40000.0
    assert "gazetteer_load_s" in out and "lookups_per_s" in out
