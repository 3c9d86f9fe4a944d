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
