"""The data files shipped in ``eventwire/data``: word lists and tables the extractors read.

Knowledge that is a list (cue phrases, function words, agency names) lives in readable
files rather than in Python literals, so that it can be reviewed and extended without
touching code; this is the one place that reads them.
"""

from __future__ import annotations

from importlib import resources


def data_lines(name: str) -> list[str]:
    """Non-blank, non-comment lines of ``eventwire/data/<name>`` (a ``#`` opens a comment line)."""
    text = resources.files("eventwire").joinpath("data", name).read_text(encoding="utf-8")
    return [line.rstrip("\n") for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def data_rows(name: str, columns: tuple[str, ...]) -> list[list[str]]:
    """The rows of a tab-separated table in ``eventwire/data``, each with exactly the named columns.

    A row with more or fewer fields is an error in the file, reported with its (data) line
    number rather than read half right.
    """
    rows = []
    for number, line in enumerate(data_lines(name), start=1):
        fields = line.split("\t")
        if len(fields) != len(columns):
            raise ValueError(f"{name} line {number}: expected {'<TAB>'.join(columns)}, got {line!r}")
        rows.append(fields)
    return rows
