"""Docs that go stale fail the build: every error code is documented as the code defines it."""

from __future__ import annotations

from pathlib import Path

from eventwire.errors import EventwireError, all_codes

ROOT = Path(__file__).resolve().parents[1]


def _row(cls: type[EventwireError]) -> str:
    is_base = cls is EventwireError or (bool(cls.__subclasses__()) and cls.code.endswith("00"))
    kind = "base class" if is_base else cls.severity
    what = cls.hint or (cls.__doc__ or "").strip().splitlines()[0]
    return f"| `{cls.code}` | {cls.stage} | {kind} | {cls.title} | {what} |"


def test_every_error_code_is_documented_as_defined() -> None:
    doc = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")
    missing = [_row(cls) for cls in all_codes() if _row(cls) not in doc]
    assert not missing, "docs/errors.md is stale; these rows differ or are missing:\n" + "\n".join(missing)


def test_error_codes_are_unique() -> None:
    codes = [cls.code for cls in all_codes()]
    assert len(codes) == len(set(codes))
