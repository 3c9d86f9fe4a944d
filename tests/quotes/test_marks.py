"""Quote marks found on the characters: pairs, continuations and unbalanced marks."""

from __future__ import annotations

import time

from eventwire.quotes.marks import quoted_stretches


def inner(text: str) -> list[str]:
    return [text[s.inner_start : s.inner_end] for s in quoted_stretches(text)]


def test_straight_curly_and_typewriter_marks() -> None:
    text = "She said \"go\", then “stay”, then ``wait''."
    assert inner(text) == ["go", "stay", "wait"]


def test_single_marks_are_not_apostrophes() -> None:
    assert inner("Chile's 'final offer' was refused by the miners' union.") == ["final offer"]


def test_a_quote_continued_in_the_next_paragraph() -> None:
    text = '"We came to talk.\n\n"We stay until it is done," she said.'
    (stretch,) = quoted_stretches(text)
    assert (stretch.start, stretch.end, stretch.closed) == (0, text.index(",") + 2, True)


def test_an_unbalanced_mark_ends_with_its_paragraph() -> None:
    text = 'He shouted "no and left.\n\nThe "board" met later.'
    first, second = quoted_stretches(text)
    assert not first.closed and first.end == text.index("\n")
    assert text[second.inner_start : second.inner_end] == "board"


def test_a_closing_mark_with_nothing_open_is_ignored() -> None:
    assert inner("Rain” fell. The “end” came.") == ["end"]


def test_many_marks_stay_linear() -> None:
    text = 'a " b ' * 20000
    started = time.perf_counter()
    assert len(quoted_stretches(text)) == 10000
    assert time.perf_counter() - started < 1
