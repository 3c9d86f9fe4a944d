"""The place evaluation on the shared sets: the pinned floors hold.

Runs in-process (about a minute: 912 LGL, GeoWebNews and GeoVirus articles parsed and
geoparsed, and the gazetteer timed in a fresh process); skipped when the shared evaluation
sets are absent.
"""

from __future__ import annotations

import json

import pytest

from eventwire.eval import places as pe
from tests.eval.gate_sets import NEEDS_SHARED_SETS, SHARED, assert_floors_hold

pytestmark = NEEDS_SHARED_SETS


@pytest.fixture(scope="module")
def run() -> pe.Run:
    assert SHARED is not None
    return pe.evaluate(SHARED / "eval")


def test_every_floor_holds(run: pe.Run) -> None:
    assert_floors_hold(pe.TASK, run.metrics)


def test_every_article_and_toponym_is_scored(run: pe.Run) -> None:
    metrics = run.metrics
    assert (metrics["lgl/articles"], metrics["geowebnews/articles"], metrics["geovirus/articles"]) == (588, 95, 229)
    assert (metrics["lgl/toponym/gold"], metrics["geovirus/toponym/gold"]) == (5088, 2170)
    assert metrics["geowebnews/toponym/gold"] + metrics["geowebnews/set_aside"] == 1240
    assert 0 < metrics["lgl/resolved"] <= metrics["lgl/toponym/matched"]


def test_the_gazetteer_is_timed(run: pe.Run) -> None:
    assert run.metrics["timing/gazetteer_load_s"] > 0 and run.metrics["timing/lookups_per_s"] > 0
    assert run.metrics["timing/lookups"] == 5088 + 1240 + 2170


def test_the_json_line_carries_every_acceptance_key(
    run: pe.Run, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(pe, "evaluate", lambda root: run)
    assert pe.main(["--json", "--gate"]) == 0
    metrics = json.loads(capsys.readouterr().out.strip().splitlines()[-1])["metrics"]
    keys = [f"{name}/{key}" for name in pe.FILES
            for key in ("acc161", "median_km", "toponym/precision", "toponym/recall", "toponym/f1")]  # fmt: skip
    assert set(keys) <= set(metrics)
    assert all(0.0 <= metrics[key] <= 1.0 for key in keys if not key.endswith("median_km"))
