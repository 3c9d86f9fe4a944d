"""Opening the store read-only (exports, queries): never creates or migrates a file, and says so
with a code instead of DuckDB's own message."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from eventwire.errors import StoreNotFound, StoreOutdated
from eventwire.store import SCHEMA_VERSION, open_store


def test_a_missing_store_is_a_coded_error_and_is_not_created(tmp_path: Path) -> None:
    path = tmp_path / "missing.duckdb"
    with pytest.raises(StoreNotFound) as caught:
        open_store(path, read_only=True)
    assert caught.value.code == "E502"
    assert not path.exists()


def test_a_store_at_another_schema_version_is_a_coded_error(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    open_store(path).close()
    with duckdb.connect(str(path)) as connection:
        connection.execute("DELETE FROM schema_info WHERE version = ?", [SCHEMA_VERSION])
    with pytest.raises(StoreOutdated) as caught:
        open_store(path, read_only=True)
    assert caught.value.code == "E503"


def test_a_current_store_opens_read_only(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    open_store(path).close()
    with open_store(path, read_only=True) as store:
        assert store.count("events") == 0
