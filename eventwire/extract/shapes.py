"""Shapes of page-furniture lines that both extractors recognise with one function.

The HTML path reads these from the page's text nodes (``metadata``), the text-dump path
from its lines (``textdump_roles``, ``textdump_header``). Only shapes whose reading is the
same for both live here. The other furniture notions are recognised twice on purpose,
because the two paths ask different questions (see ``furniture`` and ``textdump_furniture``):
HTML markup already says which element is a byline or a caption, and its body paragraphs
come from an extractor that has cut most of the page away, while a dump line has to prove
by its own text alone what it is.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"\w+")
# "3 MIN READ", "3-minute read", "18 Sep 2024 · 5 min read", "Reading time: 3 minutes", "Read time 4 mins".
_READING_TIME = re.compile(
    r"\b(?P<minutes>\d{1,3})\s*-?\s*(?:min|mins|minutes?)\.?\s+(?:read|reading|to\s+read)\b|"
    r"\b(?:estimated\s+)?read(?:ing)?\s+time\s*:?\s*(?P<label_minutes>\d{1,3})\s*-?\s*(?:min|mins|minutes?)\b|"
    r"^\s*(?P<bare_minutes>\d{1,3})\s*(?:min|mins|minutes)\s*$",
    re.I,
)
READING_LINE_MAX_WORDS = 12  # a reading time stands alone or beside the date; a sentence may mention minutes


def reading_minutes(text: str) -> int | None:
    """Minutes of a reading-time line (alone or beside the date), else None."""
    if len(_WORD.findall(text)) > READING_LINE_MAX_WORDS:
        return None
    match = _READING_TIME.search(text)
    if not match:
        return None
    return int(match.group("minutes") or match.group("label_minutes") or match.group("bare_minutes"))
