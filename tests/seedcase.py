"""The founding example (../shared/seed), processed once per test session.

The events, quotes and places tests each check their part of the same record; running the
whole pipeline over the page once for all of them keeps the suite from parsing it three
times. Tests only read the record. Skipped (``NEEDS_SEED``) when ../shared is absent.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import pytest

from eventwire.eval.shared import shared_dir
from eventwire.pipeline import process

SHARED = shared_dir()
NEEDS_SEED = pytest.mark.skipif(SHARED is None, reason="../shared is not present")


@lru_cache(maxsize=1)
def seed_record() -> dict[str, Any]:
    """The seed page's ``eventwire process`` record; it must give an article."""
    assert SHARED is not None
    (result,) = list(process([str(SHARED / "seed")]))
    assert not result.failed
    return result.to_dict()
