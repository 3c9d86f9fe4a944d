"""Publication dates as they appear on news pages, normalised to ISO 8601.

Pages write dates in many ways ("date 2024-08-19", "August 19, 2024", "19 Aug 2024 10:42 GMT",
"2024-08-19T10:42:00+03:00", "Mon 19.08.2024"). Extraction needs one answer: an ISO date,
or an ISO datetime when the page gives a time. Only unambiguous forms are accepted: a
numeric day-month order is read day-first only when the day is over 12 or the separator is
a dot (the European habit); otherwise the date is left out rather than guessed.
"""

from __future__ import annotations

import re
from datetime import date, datetime

MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_TIME = r"(?:[T ,]+(?:at\s+)?(?P<hour>[0-2]?\d):(?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d))?(?:\.\d+)?\s*(?P<ampm>[ap]\.?m\.?)?\s*(?P<tz>Z|[+-]\d\d:?\d\d)?)?"

_PATTERNS: list[re.Pattern[str]] = [
    re.compile(r"\b" + _YEAR + r"-(?P<mon>[01]?\d)-" + _DAY + _TIME, re.I),
    re.compile(r"\b" + _YEAR + r"/(?P<mon>[01]?\d)/" + _DAY + r"\b", re.I),
    re.compile(r"\b" + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + _TIME, re.I),
    re.compile(r"\b" + _DAY + r"\s+" + _MONTH + r",?\s+" + _YEAR + _TIME, re.I),
    re.compile(r"\b(?P<day>[0-3]?\d)\.(?P<mon>[01]?\d)\.(?P<year>(?:19|20)\d\d)\b"),
]
_SLASHED = re.compile(r"\b(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<year>(?:19|20)\d\d)\b")


def _build(year: int, month: int, day: int, match: re.Match[str]) -> str | None:
    try:
        day_value = date(year, month, day)
    except ValueError:
        return None
    hour = match.groupdict().get("hour")
    if not hour:
        return day_value.isoformat()
    hour_value = int(hour)
    ampm = (match.group("ampm") or "").replace(".", "").lower()
    if ampm == "pm" and hour_value < 12:
        hour_value += 12
    elif ampm == "am" and hour_value == 12:
        hour_value = 0
    try:
        moment = datetime(year, month, day, hour_value, int(match.group("minute")), int(match.group("second") or 0))
    except ValueError:
        return day_value.isoformat()
    text = moment.isoformat()
    tz = match.group("tz")
    if tz:
        text += "Z" if tz.upper() == "Z" else (tz if ":" in tz else f"{tz[:3]}:{tz[3:]}")
    return text


def find_date(text: str) -> tuple[str, re.Match[str]] | None:
    """The first unambiguous date in ``text``, as (ISO string, the match that gave it)."""
    best: tuple[int, str, re.Match[str]] | None = None
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            groups = match.groupdict()
            month = MONTHS[groups["month"].lower()] if groups.get("month") else int(groups["mon"])
            iso = _build(int(groups["year"]), month, int(groups["day"]), match)
            if iso and (best is None or match.start() < best[0]):
                best = (match.start(), iso, match)
            if iso:
                break
    for match in _SLASHED.finditer(text):
        a, b = int(match.group("a")), int(match.group("b"))
        if a > 12 >= b:  # day first
            month, day = b, a
        elif b > 12 >= a:  # month first (US)
            month, day = a, b
        else:
            continue
        iso = _build(int(match.group("year")), month, day, match)
        if iso and (best is None or match.start() < best[0]):
            best = (match.start(), iso, match)
        break
    return (best[1], best[2]) if best else None


def parse_date(text: str | None) -> str | None:
    """ISO date or datetime for the first unambiguous date in ``text``, else None."""
    if not text:
        return None
    found = find_date(text)
    return found[0] if found else None
