"""The language identifier's model: decompressed once, then read from the cache directory."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from eventwire.cache import CACHE_ENV_VAR
from eventwire.extract import language


@pytest.fixture
def cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.setenv(CACHE_ENV_VAR, str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_the_first_process_keeps_an_uncompressed_copy_that_the_next_reads(cache: Path) -> None:
    built = language.model_arrays()
    assert [path.name for path in cache.iterdir()] == [language.model_path().name]  # no temporary left
    read = language.model_arrays()
    assert built.keys() == read.keys() == language.MODEL_ARRAYS
    for name in built:
        assert built[name].dtype == read[name].dtype and np.array_equal(built[name], read[name])


def test_a_copy_that_cannot_be_read_is_replaced(cache: Path) -> None:
    cache.mkdir()
    language.model_path().write_bytes(b"half a file")
    assert language.model_arrays().keys() == language.MODEL_ARRAYS
    with np.load(language.model_path()) as copy:
        assert set(copy.files) == language.MODEL_ARRAYS


def test_an_unwritable_cache_still_gives_the_model(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    in_the_way = tmp_path / "a file"
    in_the_way.write_text("not a directory")
    monkeypatch.setenv(CACHE_ENV_VAR, str(in_the_way / "cache"))
    assert language.model_arrays().keys() == language.MODEL_ARRAYS


def test_the_model_tells_languages_apart() -> None:
    english = "The minister said on Monday that talks with the neighbouring country would resume next week."
    french = "Le ministre a déclaré lundi que les pourparlers avec le pays voisin reprendraient la semaine prochaine."
    assert (language.detect_language(english), language.detect_language(french)) == ("en", "fr")
    assert language.detect_language("Too short to tell.") is None
