"""The founding example (../shared/seed): its quotes attributed to the right people.

Skipped when the shared folder is absent. The brief's expectations: three quotes of Putin
(two direct, one partial inside reported speech, spoken by "the Russian leader"), Aliyev's
quote after "he said", and the "special military operation" read as a scare quote, not
speech.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.seedcase import NEEDS_SEED, seed_record

pytestmark = NEEDS_SEED


@pytest.fixture(scope="module")
def quotes() -> list[dict[str, Any]]:
    return seed_record()["quotes"]


def quote_with(quotes: list[dict[str, Any]], words: str) -> dict[str, Any]:
    return next(quote for quote in quotes if words in quote["text"])


@pytest.mark.parametrize(
    ("words", "kind"),
    [("It is widely known", "direct"), ("If we can do something", "direct"), ("tell him about the results", "partial")],
)
def test_putin_quotes(quotes: list[dict[str, Any]], words: str, kind: str) -> None:
    quote = quote_with(quotes, words)
    assert quote["type"] == kind
    assert (quote["speaker"]["name"], quote["speaker"]["code"]) == ("Vladimir Putin", "RUSGOV")


def test_the_russian_leader_is_putin(quotes: list[dict[str, Any]]) -> None:
    assert quote_with(quotes, "tell him about the results")["speaker"]["text"] == "The Russian leader"


def test_aliyev_after_he_said(quotes: list[dict[str, Any]]) -> None:
    quote = quote_with(quotes, "The new situation")
    assert quote["type"] == "direct"
    assert quote["speaker"]["text"] == "he"
    assert (quote["speaker"]["name"], quote["speaker"]["code"]) == ("Ilham Aliyev", "AZEGOV")


def test_special_military_operation_is_not_speech(quotes: list[dict[str, Any]]) -> None:
    quote = quote_with(quotes, "special military operation")
    assert (quote["type"], quote["speaker"]) == ("scare", None)
