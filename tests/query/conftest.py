"""Stores shared by the query tests, built once per session: every test only reads them."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.query.stores import write_coded_store, write_precise_store


@pytest.fixture(scope="session")
def coded_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_coded_store(tmp_path_factory.mktemp("coded"))


@pytest.fixture(scope="session")
def precise_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_precise_store(tmp_path_factory.mktemp("precise"))
