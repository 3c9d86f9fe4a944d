"""The event evaluation's scoring, on hand-built events; and the whole task on the shared sets.

The unit tests need neither the shared sets nor the event engine. The last test runs
``python -m eventwire.eval events --json`` in-process and is skipped when the shared sets
are absent or the engine (``eventwire.events.find_events``) is not there yet.
"""

from __future__ import annotations

import importlib
import json

import pytest

from eventwire.eval import events as ev
from eventwire.eval.shared import shared_dir
from eventwire.events.codebook import lookup
from eventwire.events.model import Event, Evidence, Participant, Plover, Span

SHARED = shared_dir()


def actor(code: str | None, country: str | None = None, sector: str | None = None) -> Participant:
    return Participant(name=code or "-", code=code, country=country, sector=sector, text="x", start=0, end=1)


def event(source: Participant | None, target: Participant | None, code: str, start: int = 0) -> Event:
    info = lookup(code)
    return Event(
        source=source,
        target=target,
        code=code,
        root=info.root,
        quad_class=info.quad_class,
        goldstein=info.goldstein,
        plover=Plover(info.plover_type, info.plover_mode),
        date=None,
        published=None,
        sentence="",
        evidence=Evidence(pattern="test.pattern", predicate=Span(start, start + 1, "x"), sentence_start=0,
                          sentence_end=1),  # fmt: skip
    )


def manual(*gold: ev.GoldEvent) -> ev.Sentence:
    return ev.Sentence(set_name=ev.CAMEO_MANUAL, id="m", text="", published=None, gold=gold)


def afp(*gold: ev.GoldEvent) -> ev.Sentence:
    return ev.Sentence(set_name=ev.AFP, id="a", text="", published=None, gold=gold)


def gold(sources: tuple[str, ...], targets: tuple[str, ...], code: str) -> ev.GoldEvent:
    return ev.GoldEvent(sources, targets, code)


# --- reading the sets --------------------------------------------------------------------


def test_gold_codes_come_from_the_code_lists_then_the_items_then_the_string() -> None:
    listed = ev.gold_event({"source": [{"code": "FRA"}], "source_codes": ["FRAGOV"], "target": "", "code": "AID"})
    assert listed == gold(("FRAGOV",), (), "AID")
    items = ev.gold_event({"source": [{"code": "FRA"}, {"code": "DEU"}], "target": [{"code": "ITA"}], "code": "AID"})
    assert items == gold(("FRA", "DEU"), ("ITA",), "AID")
    strings = ev.gold_event({"source": "USAGOV", "target": "", "code": "042"})
    assert strings == gold(("USAGOV",), (), "042")
    assert ev.gold_event({"source": "USA", "target": None, "code": "042"}).targets == ()


@pytest.mark.parametrize(
    ("written", "iso"),
    [("20080804", "2008-08-04"), ("2000-01-01", "2000-01-01"), ("121108", "2012-11-08"), ("790822", "1979-08-22"),
     (None, None), ("", None), ("Today", None)],
)  # fmt: skip
def test_set_dates_become_iso_dates(written: str | None, iso: str | None) -> None:
    assert ev.iso_date(written) == iso


# --- actor keys --------------------------------------------------------------------------


def test_participant_keys_are_the_first_three_letters_of_a_country_or_group_code() -> None:
    assert ev.participant_key(actor("RUSGOV", "RUS", "GOV")) == "RUS"
    assert ev.participant_key(actor("IGOUNO", None, "IGO")) == "IGO"
    assert ev.participant_key(actor("NGOHRIAMN", None, "HRI")) == "NGO"
    assert ev.participant_key(actor("NGO", None, "NGO")) == "NGO"
    assert ev.participant_key(None) is None


def test_a_bare_sector_code_falls_back_to_the_country_in_cameo_spelling_else_no_country() -> None:
    assert ev.participant_key(actor("GOV", "ROU", "GOV")) == "ROM"  # ISO ROU is CAMEO ROM
    assert ev.participant_key(actor(None, "ROU")) == "ROM"
    assert ev.participant_key(actor("REB", None, "REB")) == ev.NO_COUNTRY
    assert ev.participant_key(actor(None, None)) == ev.NO_COUNTRY


# --- tuples, compound actors, matching ----------------------------------------------------


def test_compound_actors_expand_to_every_source_target_pair() -> None:
    sentence = manual(gold(("USAGOV", "FRAGOV"), ("IRN", "IRQMIL"), "DEMAND"))
    assert ev.gold_tuples(sentence, "dyad_plover") == {
        ("USA", "IRN", "REQUEST"), ("USA", "IRQ", "REQUEST"), ("FRA", "IRN", "REQUEST"), ("FRA", "IRQ", "REQUEST"),
    }  # fmt: skip
    assert ev.gold_tuples(sentence, "plover") == {(ev.ANY_ACTOR, ev.ANY_ACTOR, "REQUEST")}
    ours = [event(actor("USAGOV", "USA", "GOV"), actor("IRNGOV", "IRN", "GOV"), "100")]  # 100: REQUEST
    counts = ev.compare(ev.gold_tuples(sentence, "dyad_plover"), ev.predicted_tuples(ours, "dyad_plover"))
    assert (counts.tp, counts.fp, counts.fn) == (1, 0, 3)


def test_older_plover_types_of_the_manual_set_read_as_todays() -> None:
    assert [ev.current_plover(label) for label in ("DEMAND", "DISAPPROVE", "INVESTIGATE", "FIGHT")] == [
        "REQUEST", "ACCUSE", "ACCUSE", "ASSAULT",
    ]  # fmt: skip
    assert ev.current_plover("ASSAULT") == "ASSAULT" and ev.current_plover("AGREE") == "AGREE"
    assert ev.current_plover("NOT-A-TYPE") == "NOT-A-TYPE"


def test_duplicates_count_once() -> None:
    ours = [event(actor("RUS"), actor("UKR"), "190"), event(actor("RUSMIL", "RUS", "MIL"), actor("UKR"), "190")]
    assert ev.predicted_tuples(ours, "dyad_code") == {("RUS", "UKR", "190")}
    sentence = afp(gold(("RUS",), ("UKR",), "190"), gold(("RUSMIL",), ("UKRMIL",), "190"))
    assert ev.gold_tuples(sentence, "dyad_code") == {("RUS", "UKR", "190")}


def test_a_targetless_gold_event_is_matched_whatever_our_target_and_counts_one() -> None:
    sentence = manual(gold(("EGYCOP",), (), "ASSAULT"))
    ours = [
        event(actor("EGYCOP", "EGY", "COP"), actor("EGYCVL", "EGY", "CVL"), "180", start=0),
        event(actor("EGY"), None, "180", start=5),
    ]
    counts = ev.compare(ev.gold_tuples(sentence, "dyad_plover"), ev.predicted_tuples(ours, "dyad_plover"))
    assert (counts.tp, counts.fp, counts.fn) == (1, 0, 0)


def test_our_targetless_event_matches_only_a_targetless_gold_event() -> None:
    sentence = afp(gold(("USA",), ("CHN",), "042"))
    ours = [event(actor("USA"), None, "042")]
    counts = ev.compare(ev.gold_tuples(sentence, "dyad_code"), ev.predicted_tuples(ours, "dyad_code"))
    assert (counts.tp, counts.fp, counts.fn) == (0, 1, 1)
    wrong_label = [event(actor("USA"), None, "043")]
    counts = ev.compare(ev.gold_tuples(afp(gold(("USA",), (), "042")), "dyad_code"),
                        ev.predicted_tuples(wrong_label, "dyad_code"))  # fmt: skip
    assert (counts.tp, counts.fp, counts.fn) == (0, 1, 1)


def test_afp_levels_compare_root_code_and_plover_type() -> None:
    sentence = afp(gold(("USAGOV",), ("IRN",), "1014"))  # 1014: REQUEST
    ours = [event(actor("USAGOV", "USA", "GOV"), actor("IRNGOV", "IRN", "GOV"), "1011")]  # also REQUEST
    score = ev.score_set(ev.AFP, [(sentence, ours)])
    assert score.levels["dyad_root"].tp == 1
    assert (score.levels["dyad_code"].tp, score.levels["dyad_code"].fp, score.levels["dyad_code"].fn) == (0, 1, 1)
    assert score.levels["dyad_plover"].tp == 1
    assert score.levels["plover"].tp == 1
    assert score.no_error_share == 0.0  # wrong at the strictest level, the full code


def test_events_plover_dropped_are_left_out_of_the_plover_levels_only() -> None:
    sentence = afp(gold(("USA",), ("ISR",), "015"), gold(("ISR",), ("PSE",), "190"))  # 015: no PLOVER type
    ours = [event(actor("USA"), actor("ISR"), "015"), event(actor("ISR"), actor("PSE"), "190"),
            event(actor("ISR"), actor("LBN"), "020")]  # fmt: skip
    score = ev.score_set(ev.AFP, [(sentence, ours)])
    code = score.levels["dyad_code"]
    assert (code.tp, code.fp, code.fn) == (2, 1, 0)
    for level in ("dyad_plover", "plover"):
        counts = score.levels[level]
        assert (counts.tp, counts.fp, counts.fn) == (1, 0, 0), level


def test_no_error_share_counts_exact_sentences_and_an_empty_sentence_coded_empty_is_right() -> None:
    exact = manual(gold(("ISR",), ("PSE",), "ASSAULT"))
    extra = manual(gold(("ISR",), ("PSE",), "ASSAULT"))
    nothing = manual()
    spurious = manual()
    hit = event(actor("ISRMIL", "ISR", "MIL"), actor("PSE"), "190")
    coded = [(exact, [hit]), (extra, [hit, event(actor("ISR"), actor("LBN"), "190")]), (nothing, []),
             (spurious, [hit])]  # fmt: skip
    score = ev.score_set(ev.CAMEO_MANUAL, coded)
    assert score.no_error_share == pytest.approx(2 / 4)
    metrics = score.metrics()
    strict = score.levels["dyad_plover"]
    assert (strict.tp, strict.fp, strict.fn) == (2, 2, 0)
    assert metrics["cameo_manual/dyad_plover/precision"] == pytest.approx(0.5)
    assert metrics["cameo_manual/dyad_plover/recall"] == pytest.approx(1.0)
    assert metrics["cameo_manual/dyad_plover/f1"] == pytest.approx(2 / 3)


def test_ratios_with_nothing_to_divide_by_are_zero() -> None:
    empty = ev.Counts()
    assert (empty.precision, empty.recall, empty.f1) == (0.0, 0.0, 0.0)


# --- the quad-class main event -------------------------------------------------------------


def test_the_main_event_is_the_one_nearest_the_root_first_in_text_on_a_tie() -> None:
    from eventwire.nlp import parse

    text = "Officials said that soldiers attacked the village."
    doc = parse(text)
    said, attacked = text.index("said"), text.index("attacked")
    assert ev.depth(ev.token_at(doc, said)) < ev.depth(ev.token_at(doc, attacked))
    statement, attack = event(actor("GOV"), None, "010", start=said), event(actor("MIL"), None, "190", start=attacked)
    assert ev.main_event(doc, [attack, statement]) is statement
    assert ev.predicted_class(doc, [attack, statement]) == 0
    assert ev.predicted_class(doc, [attack]) == 4
    # without events, the sentence's main act whoever does it ("attacked": 4)
    assert ev.predicted_class(doc, []) == 4
    assert ev.predicted_class(parse("The weather was mild."), []) == 0
    twin = event(actor("MIL"), None, "042", start=said)
    later = event(actor("MIL"), None, "190", start=said)
    assert ev.main_event(doc, [later, twin]) is later  # same token: the first given keeps its place


def test_quad_score_accuracy_and_confusion() -> None:
    quad = ev.QuadScore()
    for gold_class, predicted in [(0, 0), (4, 4), (3, 4), (1, 1)]:
        quad.add(gold_class, predicted)
    assert quad.metrics() == {"quad_class/accuracy": 0.75, "quad_class/sentences": 4.0}
    assert quad.confusion[3][4] == 1


# --- the task ---------------------------------------------------------------------------------


def test_without_the_shared_sets_the_task_says_so_and_exits_0(
    monkeypatch: pytest.MonkeyPatch, tmp_path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("EVENTWIRE_SHARED", str(tmp_path / "absent"))
    assert ev.main(["--json"]) == 0
    assert "evaluation sets not found" in capsys.readouterr().out


def _engine_present() -> bool:
    try:
        return callable(getattr(importlib.import_module("eventwire.events"), "find_events", None))
    except ImportError:
        return False


RATIOS = [
    *(f"cameo_manual/{level}/{m}" for level in ("dyad_plover", "plover") for m in ("precision", "recall", "f1")),
    "cameo_manual/no_error_share",
    *(f"afp_gsr/{level}/{m}" for level in ("dyad_root", "dyad_code", "dyad_plover", "plover")
      for m in ("precision", "recall", "f1")),
    "afp_gsr/no_error_share",
    "quad_class/accuracy",
]  # fmt: skip
OTHERS = [
    "cameo_manual/sentences", "afp_gsr/sentences", "quad_class/sentences", "timing/sentences",
    "timing/parse_ms_per_sentence", "timing/actors_ms_per_sentence", "timing/event_ms_per_sentence",
    "timing/event_share",
]  # fmt: skip


@pytest.mark.slow
@pytest.mark.skipif(SHARED is None, reason="shared evaluation sets not present (../shared)")
@pytest.mark.skipif(not _engine_present(), reason="eventwire.events.find_events not there yet")
def test_the_task_prints_every_metric_on_its_json_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert ev.main(["--json"]) == 0
    last = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert last["task"] == "events"
    metrics = last["metrics"]
    assert set(RATIOS + OTHERS) <= set(metrics)
    for key in RATIOS:
        assert 0.0 <= metrics[key] <= 1.0, key
    assert metrics["quad_class/sentences"] > 0 and metrics["cameo_manual/sentences"] > 0
    assert all(metrics[key] >= 0 for key in OTHERS)
