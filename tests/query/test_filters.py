"""Each EventFilter option on the precise store, where every answer is known row by row;
values that could be read as SQL only ever match as values."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.errors import InvalidFilter
from eventwire.query import EVENT_COLUMNS, EventFilter, find_events, open_reader, parse_dyad
from tests.query.stores import PRECISE_EVENTS, ids, precise_id


def _found(db: Path, **options: object) -> list[str]:
    with open_reader(db) as connection:
        return ids(find_events(connection, EventFilter(**options), columns=("id",)).rows)  # type: ignore[arg-type]


def _expected(*indexes: int) -> list[str]:
    return [precise_id(index) for index in indexes]


def test_no_filter_gives_every_event_in_date_order_undated_last(precise_db: Path) -> None:
    assert _found(precise_db) == _expected(6, 1, 0, 4, 2, 3, 7, 5)


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({"actor": "ARM"}, (1, 0, 4, 7)),
        ({"actor": "arm"}, (1, 0, 4, 7)),  # codes compared in upper case
        ({"actor": "RUSMIL"}, (2, 3)),  # a full code is a prefix of itself
        ({"dyad": ("RUS", "ARM")}, (0, 4)),  # directed
        ({"dyad": ("RUS", "ARM"), "both_directions": True}, (1, 0, 4, 7)),
        ({"code": "03"}, (1, 7)),  # 036 and 0311
        ({"code": "112"}, (0, 4)),
        ({"root": "19"}, (2,)),
        ({"root": "18"}, (3,)),  # 1823 belongs to root 18
        ({"quad": 4}, (2, 3)),
        ({"quad": 1, "actor": "USA"}, (6,)),  # filters combine with AND
    ],
)
def test_each_filter(precise_db: Path, options: dict[str, object], expected: tuple[int, ...]) -> None:
    assert _found(precise_db, **options) == _expected(*expected)


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({"since": "2024-05-10"}, (1, 0, 4, 2, 3, 7)),  # the month "2024-05" overlaps; 2023 and undated do not
        ({"since": "2024-05-11"}, (1, 2, 3, 7)),
        ({"until": "2024-05-09"}, (6, 1)),  # "2024-05" starts before the bound
        ({"until": "2024"}, (6, 1, 0, 4, 2, 3, 7)),  # a year bound is the whole year
        ({"since": "2024-06", "until": "2024-06"}, (2, 3)),
        ({"since": "2023", "until": "2023-12-31"}, (6,)),
    ],
)
def test_dates_keep_events_whose_period_overlaps_the_range(
    precise_db: Path, options: dict[str, object], expected: tuple[int, ...]
) -> None:
    assert _found(precise_db, **options) == _expected(*expected)


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({"period": "2024-05"}, (1, 0, 4)),  # by month: the month-dated event and the days in it
        ({"period": "2024-05-10"}, (0, 4)),
        ({"period": "2024-05", "by": "day"}, (1,)),  # by day, a month-dated event is its own period
        ({"period": "2024", "by": "year"}, (1, 0, 4, 2, 3, 7)),
        ({"period": "2024", "by": "month"}, ()),  # no event is dated only to 2024
        ({"period": "2023", "by": "month"}, (6,)),
        ({"period": "2024-W22"}, (2,)),  # Saturday 1 June 2024
        ({"period": "2024-W23"}, (3,)),  # Monday 3 June 2024
        ({"period": "2024-W23", "since": "2024-06-04"}, ()),  # combined with the other filters
    ],
)
def test_a_period_keeps_exactly_the_events_a_dyad_row_counts(
    precise_db: Path, options: dict[str, object], expected: tuple[int, ...]
) -> None:
    assert _found(precise_db, **options) == _expected(*expected)


def test_text_is_a_case_insensitive_substring_with_literal_wildcards(precise_db: Path) -> None:
    assert _found(precise_db, text="accused") == _expected(0, 4)  # "ACCUSED" too
    assert _found(precise_db, text="0%") == _expected(1)  # "100%"; a live % would also match "50_50"
    assert _found(precise_db, text="_") == _expected(5)  # a live _ would match every sentence
    assert _found(precise_db, text="Kharkiv") == _expected(2)


def test_unique_counts_a_story_s_act_once_and_reports_count_its_articles(precise_db: Path) -> None:
    assert _found(precise_db, dyad=("RUS", "ARM"), unique=True) == _expected(0)
    with open_reader(precise_db) as connection:
        result = find_events(connection, EventFilter(dyad=("RUS", "ARM")), columns=("id", "num_articles", "num_sources"))
    assert result.rows == [(precise_id(0), 2, 2), (precise_id(4), 2, 2)]


def test_order_limit_and_offset(precise_db: Path) -> None:
    assert _found(precise_db, order="-goldstein", limit=2) == _expected(7, 1)
    assert _found(precise_db, order="-goldstein", limit=1, offset=1) == _expected(1)
    assert _found(precise_db, order="goldstein", limit=2) == _expected(2, 3)  # ties in article order


@pytest.mark.parametrize(
    "options",
    [
        {"since": "2024/05/01"},
        {"until": "2024-13"},
        {"since": "yesterday"},
        {"period": "2024-W"},
        {"period": "May 2024"},
        {"period": "2024-05", "by": "fortnight"},
        {"quad": 5},
        {"limit": -1},
        {"order": "date; DROP TABLE events"},
    ],
)
def test_refused_values_are_coded_errors(options: dict[str, object]) -> None:
    with pytest.raises(InvalidFilter) as caught:
        EventFilter(**options)  # type: ignore[arg-type]
    assert caught.value.code == "E601"


def test_a_dyad_needs_both_sides() -> None:
    assert parse_dyad("RUS:ARM") == ("RUS", "ARM")
    for text in ("RUS", "RUS:", ":ARM"):
        with pytest.raises(InvalidFilter):
            parse_dyad(text)


ATTACKS = [
    "RUS' OR '1'='1",
    "'; DROP TABLE events; --",
    "RUS\\' OR 1=1 --",
    "$actor",
    "ARM') OR starts_with(code, '",
    "x' UNION SELECT id FROM articles --",
]


@pytest.mark.parametrize("attack", ATTACKS)
@pytest.mark.parametrize("field", ["actor", "dyad_source", "dyad_target", "code", "root", "text"])
def test_sql_in_a_filter_value_is_only_a_value(precise_db: Path, field: str, attack: str) -> None:
    options: dict[str, object] = {
        "dyad_source": {"dyad": (attack, "ARM")},
        "dyad_target": {"dyad": ("RUS", attack)},
    }.get(field, {field: attack})
    assert _found(precise_db, **options) == []  # no error, nothing matches the literal value
    assert len(_found(precise_db)) == len(PRECISE_EVENTS)  # and nothing changed


@pytest.mark.parametrize("order", ["date", "-date", "-goldstein", "code", "-outlet", "cluster_id", "num_articles"])
@pytest.mark.parametrize("options", [{}, {"quad": 3}, {"since": "2024-05"}, {"actor": "RUS"}, {"unique": True}])
def test_a_page_is_a_slice_of_the_whole_answer(precise_db: Path, order: str, options: dict[str, object]) -> None:
    """Pages with report counts are read in two steps (``same_stories``): the counts must be
    those of the whole story even when the page holds one report of it (A1's and A2's
    accusation on different pages), and the rows those the one-step query gives."""
    with open_reader(precise_db) as connection:
        whole = find_events(connection, EventFilter(order=order, **options), columns=EVENT_COLUMNS)  # type: ignore[arg-type]
        for offset in range(len(whole.rows) + 1):
            chosen = EventFilter(order=order, limit=1, offset=offset, **options)  # type: ignore[arg-type]
            page = find_events(connection, chosen, columns=EVENT_COLUMNS)
            assert (page.columns, page.types, page.rows) == (whole.columns, whole.types, whole.rows[offset : offset + 1])
