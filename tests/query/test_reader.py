"""open_reader: read-only, never creates a store, and names why a store cannot be read."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import duckdb
import pytest

from eventwire.errors import NotAStore, StoreLocked, StoreNotFound
from eventwire.query import open_reader
from tests.lockholder import lock_held


def test_a_missing_store_is_an_error_and_is_not_created(tmp_path: Path) -> None:
    with pytest.raises(StoreNotFound) as caught:
        open_reader(tmp_path / "missing.duckdb")
    assert caught.value.code == "E502"
    assert not (tmp_path / "missing.duckdb").exists()


def test_a_duckdb_file_without_the_schema_is_not_a_store(tmp_path: Path) -> None:
    duckdb.connect(str(tmp_path / "other.duckdb")).close()
    with pytest.raises(NotAStore) as caught:
        open_reader(tmp_path / "other.duckdb")
    assert caught.value.code == "E504"


def test_the_connection_cannot_write(precise_db: Path) -> None:
    with open_reader(precise_db) as connection, pytest.raises(duckdb.Error, match="read-only"):
        connection.execute("DELETE FROM events")


def test_extensions_are_never_autoloaded_and_the_configuration_is_locked(precise_db: Path) -> None:
    with open_reader(precise_db) as connection:
        settings = dict(
            connection.execute(
                "SELECT name, value FROM duckdb_settings() WHERE name IN "
                "('autoinstall_known_extensions', 'autoload_known_extensions', 'lock_configuration')"
            ).fetchall()
        )
        assert settings == {
            "autoinstall_known_extensions": "false",
            "autoload_known_extensions": "false",
            "lock_configuration": "true",
        }
        with pytest.raises(duckdb.Error, match="locked"):
            connection.execute("SET autoload_known_extensions = true")


def test_a_store_held_by_a_writer_is_reported_as_locked(precise_db: Path, tmp_path: Path) -> None:
    path = tmp_path / "held.duckdb"
    path.write_bytes(precise_db.read_bytes())
    with lock_held(path):
        with pytest.raises(StoreLocked) as caught:
            open_reader(path)
        assert caught.value.code == "E501"


def test_readers_open_at_once_in_one_process(precise_db: Path) -> None:
    """DuckDB gives them one database instance, whose configuration the first one locked:
    the others must open all the same, on one thread or on many (the web API's)."""
    with open_reader(precise_db) as first, open_reader(precise_db) as second:
        assert first.execute("SELECT count(*) FROM events").fetchall() == second.execute("SELECT count(*) FROM events").fetchall()

    def count(_: int) -> int:
        with open_reader(precise_db) as connection:
            return connection.execute("SELECT count(*) FROM events").fetchall()[0][0]

    with ThreadPoolExecutor(max_workers=8) as pool:
        assert len(set(pool.map(count, range(64)))) == 1
