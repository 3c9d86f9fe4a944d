"""The wire-agency table (``eventwire/data/wire_agencies.tsv``) and its one loader.

Both extractors name an article's source from it, so these tests pin what each path relies
on: one stored name per alias, aliases found in any case, the agencies the HTML path knew
before the table was shared, and the case rule for short names in running text.
"""

from __future__ import annotations

import re

import pytest

from eventwire.extract import datafiles
from eventwire.extract.agencies import wire_agencies
from eventwire.extract.datafiles import data_rows
from eventwire.extract.wire import wire_agency


def test_every_row_is_a_name_and_its_aliases() -> None:
    rows = data_rows("wire_agencies.tsv", ("name", "aliases"))
    assert rows and all(name.strip() and all(alias.strip() for alias in aliases.split("|")) for name, aliases in rows)


def test_no_alias_names_two_agencies() -> None:
    stored: dict[str, str] = {}
    for name, aliases in data_rows("wire_agencies.tsv", ("name", "aliases")):
        for alias in [name, *aliases.split("|")]:
            assert stored.setdefault(alias.strip().casefold(), name) == name, alias


@pytest.mark.parametrize(
    ("alias", "name"),
    [
        ("AP", "Associated Press"),
        ("the associated press", "Associated Press"),
        ("Agence France-Presse", "AFP"),
        ("Agence France Presse", "AFP"),
        ("Deutsche Presse-Agentur", "dpa"),
        ("Press Association", "PA Media"),
        ("CP", "The Canadian Press"),
        ("Press Trust of India", "PTI"),
        ("Kyodo News", "Kyodo"),
        ("Anadolu Agency", "Anadolu"),
        ("Bloomberg", "Bloomberg"),
        ("WENN", "WENN"),
        (" (Reuters). ", "Reuters"),
    ],
)
def test_canonical_names(alias: str, name: str) -> None:
    assert wire_agencies().canonical(alias) == name


def test_a_table_row_with_a_missing_column_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(datafiles, "data_lines", lambda name: ["Reuters"])
    with pytest.raises(ValueError, match="line 1: expected name<TAB>aliases"):
        datafiles.data_rows("wire_agencies.tsv", ("name", "aliases"))


def test_a_word_that_is_no_agency_has_no_canonical_name() -> None:
    assert wire_agencies().canonical("Herald") is None
    assert wire_agencies().canonical("Associated") is None


def test_find_in_takes_the_longest_name_in_a_credit() -> None:
    assert wire_agencies().find_in("Photo: Jane Doe / Press Trust of India") == "PTI"
    assert wire_agencies().find_in("Jane Doe for the Herald") is None


def test_alternation_matches_every_name_whole_and_longest_first() -> None:
    pattern = re.compile(r"^(?:" + wire_agencies().alternation + r")", re.I)
    for name in wire_agencies().spellings:
        found = pattern.match(name)
        assert found is not None and found.group() == name  # "Kyodo News" whole, not "Kyodo"


def test_short_names_count_in_capitals_or_as_the_table_writes_them() -> None:
    agencies = wire_agencies()
    assert agencies.written_as_name("AP") and agencies.written_as_name("DPA") and agencies.written_as_name("dpa")
    assert not agencies.written_as_name("ap") and not agencies.written_as_name("Ap")
    assert agencies.written_as_name("Reuters") and agencies.written_as_name("reuters")


def test_words_of_the_names() -> None:
    assert {"reuters", "associated", "press", "ap", "dpa", "bloomberg", "wenn"} <= wire_agencies().words


def test_both_paths_know_the_agencies_the_table_adds() -> None:
    assert wire_agency(["TOKYO (Jiji Press) - The cabinet met on Tuesday."]) == "Jiji"
    assert wire_agency(["Rome (ANSA) - The talks opened."], credit_lines=["© 2024 Thomson Reuters"]) == "ANSA"
    assert wire_agency(["The talks opened."], credit_lines=["© 2024 Thomson Reuters"]) == "Reuters"
