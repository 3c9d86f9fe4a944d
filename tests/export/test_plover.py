"""The PLOVER export: every record validates against our schema, the schema knows what our
codebook emits, and a broken record fails."""

from __future__ import annotations

import copy
import io
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from eventwire.events.codebook import codes
from eventwire.export.plover import plover_schema, write_plover
from eventwire.store import open_store


def _export(store_path: Path, *, unique: bool = False, array: bool = False) -> bytes:
    out = io.BytesIO()
    with open_store(store_path, read_only=True) as store:
        write_plover(store.connection, out, unique=unique, array=array)
    return out.getvalue()


@pytest.fixture(scope="module")
def records(store_path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in _export(store_path).decode("utf-8").splitlines()]


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    jsonschema.Draft202012Validator.check_schema(plover_schema())
    return jsonschema.Draft202012Validator(plover_schema())


def test_every_record_validates(records: list[dict[str, Any]], validator: jsonschema.Draft202012Validator) -> None:
    assert records
    for record in records:
        validator.validate(record)


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("event_type",), "DEMAND"),  # not a PLOVER event type
        (("mode",), "visit"),  # on an ASSAULT: a mode of another type
        (("context",), ["weather"]),
        (("date",), "12 June 2024"),
        (("actor", "country"), "US"),
        (("location", "reason"), "guess"),
        (("cameo", "code"), 42),  # a code must stay a string: 042 is not 42
        (("num_articles",), 0),
    ],
)
def test_a_broken_record_fails(
    records: list[dict[str, Any]], validator: jsonschema.Draft202012Validator, path: tuple[str, ...], value: object
) -> None:
    record = copy.deepcopy(next(r for r in records if r["event_type"] == "ASSAULT" and r["location"]))
    validator.validate(record)
    target = record
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    assert not validator.is_valid(record)


def test_a_record_missing_a_field_fails(records: list[dict[str, Any]], validator: jsonschema.Draft202012Validator) -> None:
    record = copy.deepcopy(records[0])
    del record["event_type"]
    assert not validator.is_valid(record)


def test_the_schema_event_types_are_the_codebooks() -> None:
    types = {info.plover_type for info in codes().values() if info.plover_type}
    assert set(plover_schema()["properties"]["event_type"]["enum"]) == types


def test_every_mode_and_context_of_the_codebook_is_in_the_schema(validator: jsonschema.Draft202012Validator) -> None:
    schema_contexts = set(plover_schema()["properties"]["context"]["items"]["enum"])
    for info in codes().values():
        if info.plover_type is None:
            continue
        contexts = info.plover_context.split(";") if info.plover_context else []
        assert set(contexts) <= schema_contexts, info.code
        fields = {"event_type": info.plover_type, "mode": info.plover_mode, "context": contexts}
        errors = [e for e in validator.iter_errors(fields) if e.validator != "required"]
        assert not errors, (info.code, [e.message for e in errors])


def test_fields_come_from_the_event(records: list[dict[str, Any]]) -> None:
    visit = next(r for r in records if r["cameo"]["code"] == "043")
    assert (visit["event_type"], visit["mode"]) == ("CONSULT", "visit")
    assert visit["actor"]["code"] == "USAGOV" and visit["recipient"]["code"] == "JPNGOV"
    assert visit["article"]["url"].startswith("https://capitol-wire.example/")
    sentence = visit["evidence"]["sentence"]
    assert visit["evidence"]["predicate"]["text"] in sentence["text"]
    assert visit["location"]["name"] == "Washington" and visit["location"]["reason"]
    arrest = next(r for r in records if r["cameo"]["code"] == "173" and r["recipient"])
    assert (arrest["mode"], arrest["context"]) == ("arrest", ["legal"])
    assert any(r["date"] == "2024-03" for r in records)  # a month-only date stays one


def test_statements_and_appeals_have_no_plover_type_and_are_left_out(records: list[dict[str, Any]]) -> None:
    assert all(record["cameo"]["root"] not in {"01", "02"} for record in records)
    assert all(record["event_type"] for record in records)


def test_array_and_unique(store_path: Path, records: list[dict[str, Any]]) -> None:
    array = json.loads(_export(store_path, array=True))
    assert array == records
    unique = json.loads(_export(store_path, unique=True, array=True))
    assert 0 < len(unique) < len(records)
