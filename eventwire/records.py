"""Coded records (dataclasses) as plain dictionaries, for JSON output and for the store.

``dataclasses.asdict`` does this generically: it asks each value whether it is a dataclass,
a named tuple or a container and deep-copies every leaf. Our records hold strings, numbers,
None, nested records, lists and tuples, so a walk that tries those first gives the same
dictionaries (``tests/test_records.py`` compares the two over every example's records) in
a third of the time; ``asdict`` was about a percent of an ingest's time, spent in workers
that turn a few dozen records an article into dictionaries.
"""

from __future__ import annotations

import copy
from dataclasses import fields, is_dataclass
from functools import cache
from typing import Any


@cache
def _field_names(kind: type) -> tuple[str, ...]:
    return tuple(field.name for field in fields(kind))


def record_dict(record: object) -> dict[str, Any]:
    """``record`` (a dataclass instance) as a new dictionary, nested records and containers
    converted and copied, as ``dataclasses.asdict`` gives it."""
    return {name: _plain(getattr(record, name)) for name in _field_names(type(record))}


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, str | int | float):
        return value
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, tuple):
        return tuple(_plain(item) for item in value)
    if isinstance(value, dict):
        return {_plain(key): _plain(item) for key, item in value.items()}
    if is_dataclass(value) and not isinstance(value, type):
        return record_dict(value)
    return copy.deepcopy(value)  # what ``asdict`` does with any other value
