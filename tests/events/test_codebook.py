"""The CAMEO codebook (eventwire/data/cameo.tsv) and its loader."""

from __future__ import annotations

import csv
import re
from importlib import resources
from pathlib import Path

import pytest

from eventwire.eval.shared import shared_dir
from eventwire.events.codebook import COLUMNS, DATA_FILE, UnknownCodeError, codes, lookup, pentaclass
from eventwire.extract.datafiles import data_rows

PLOVER_TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}
CHOICE = re.compile(r"^# choice (\d{2,4}) (name|plover_type|plover_mode|plover_context): \S")


def choices() -> set[tuple[str, str]]:
    """(code, column) pairs the file's comments declare as deliberate departures from the sources."""
    text = resources.files("eventwire").joinpath("data", DATA_FILE).read_text(encoding="utf-8")
    return {(m[1], m[2]) for line in text.splitlines() if (m := CHOICE.match(line))}


def test_file_loads_with_all_roots() -> None:
    table = codes()
    roots = [code for code in table if len(code) == 2]
    assert roots == [f"{n:02d}" for n in range(1, 21)]
    assert 300 <= len(table) <= 320


def test_codes_are_unique() -> None:
    listed = [row[0] for row in data_rows(DATA_FILE, COLUMNS)[1:]]
    assert len(listed) == len(set(listed))


def test_every_code_belongs_to_a_root_row() -> None:
    table = codes()
    for code, info in table.items():
        assert re.fullmatch(r"\d{2,4}", code), code
        assert info.root == code[:2]
        assert info.root in table
        if len(code) == 4:
            assert code[:3] in table, f"{code} has no 3-digit parent"


def test_known_codes() -> None:
    visit = lookup("042")
    assert (visit.plover_type, visit.plover_mode) == ("CONSULT", "visit")
    assert visit.name == "Make a visit"
    assert lookup("039").quad_class == 1
    assert lookup("112").root == "11"
    assert lookup("190").quad_class == 4


def test_quad_class_follows_the_root() -> None:
    expected = {1: range(1, 6), 2: range(6, 10), 3: range(10, 15), 4: range(15, 21)}
    for code, info in codes().items():
        assert int(info.root) in expected[info.quad_class], code


def test_goldstein_within_scale() -> None:
    assert all(-10.0 <= info.goldstein <= 10.0 for info in codes().values())


def test_unknown_code_raises() -> None:
    with pytest.raises(KeyError):
        lookup("999")
    with pytest.raises(UnknownCodeError, match="'42'.*leading zero"):
        lookup("42")
    with pytest.raises(UnknownCodeError):
        pentaclass("21")


def test_plover_columns_are_consistent() -> None:
    for code, info in codes().items():
        if info.root in ("01", "02"):
            assert info.plover_type is None, f"{code}: PLOVER dropped roots 01 and 02"
        else:
            assert info.plover_type in PLOVER_TYPES, code
        if info.plover_mode is not None or info.plover_context is not None:
            assert info.plover_type is not None, code


def test_pentaclass() -> None:
    assert [pentaclass(code) for code in ("010", "0244", "042", "057", "061", "0874")] == [0, 0, 1, 1, 2, 2]
    assert [pentaclass(code) for code in ("090", "1056", "1385", "166")] == [3, 3, 3, 3]
    assert [pentaclass(code) for code in ("141", "154", "173", "186", "190", "2042")] == [4, 4, 4, 4, 4, 4]


def test_choice_comments_name_real_codes() -> None:
    declared = choices()
    assert ("08", "plover_type") in declared and ("20", "plover_type") in declared
    assert all(code in codes() for code, _ in declared)


# --- against the reference tables in ../shared (skipped when absent) ---


def _reference() -> Path:
    shared = shared_dir()
    if shared is None or not (shared / "reference").is_dir():
        pytest.skip("../shared/reference is absent")
    return shared / "reference"


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def _contexts(value: str | None) -> set[str]:
    return {part.strip() for part in (value or "").split(";") if part.strip()}


def test_matches_reference_codes() -> None:
    reference = _read(_reference() / "cameo_codes.tsv")
    table = codes()
    declared = choices()
    assert {row["code"] for row in reference} == set(table)
    for row in reference:
        info = table[row["code"]]
        assert info.goldstein == float(row["goldstein"]), row["code"]
        assert info.quad_class == int(row["quad_class"]), row["code"]
        assert pentaclass(row["code"]) == int(row["phoenix_quad_class"]), row["code"]
        if (row["code"], "name") not in declared:
            assert info.name == " ".join(row["name"].split()), row["code"]


def test_matches_reference_plover_mapping() -> None:
    reference = _read(_reference() / "cameo_to_plover.tsv")
    table = codes()
    declared = choices()
    cameo = {row["code"] for row in _read(_reference() / "cameo_codes.tsv")}
    for row in reference:
        code = row["cameo_code"]
        if code not in table:
            assert code not in cameo, f"{code} is a CAMEO code missing from our table"
            continue
        info = table[code]
        if (code, "plover_type") not in declared:
            expected = None if row["plover_event"] == "dropped" else row["plover_event"]
            assert info.plover_type == expected, code
        if (code, "plover_mode") not in declared:
            assert info.plover_mode == (row["plover_mode"] or None), code
        if (code, "plover_context") not in declared:
            assert _contexts(info.plover_context) == _contexts(row["plover_context"]), code


def test_plover_values_are_in_the_ontology() -> None:
    ontology = _read(_reference() / "plover_ontology.tsv")
    events = {row["event"] for row in ontology if row["kind"] == "event"}
    modes = {(row["event"], row["name"]) for row in ontology if row["kind"] == "mode"}
    contexts = {row["name"] for row in ontology if row["kind"] == "context"}
    assert events == PLOVER_TYPES
    for code, info in codes().items():
        if info.plover_mode is not None:
            assert (info.plover_type, info.plover_mode) in modes, code
        assert _contexts(info.plover_context) <= contexts, code
