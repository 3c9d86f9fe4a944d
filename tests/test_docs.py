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


def test_every_web_route_is_documented() -> None:
    """docs/web.md names every page and endpoint the app serves."""
    from eventwire.web import api, pages

    doc = (ROOT / "docs" / "web.md").read_text(encoding="utf-8")
    routes = {route.path for route in [*api.router.routes, *pages.router.routes]}
    assert {"/", "/events", "/map", "/api/overview"} <= routes
    missing = sorted(path for path in routes if f"`{path}" not in doc)
    assert not missing, f"docs/web.md does not mention {missing}"


def test_every_code_the_package_mentions_is_documented() -> None:
    """A code written anywhere in the package (a log line, a template, a script), not only
    on an error class, has its row in docs/errors.md."""
    import re

    doc = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")
    package = ROOT / "eventwire"
    mentioned = {
        code
        for path in package.rglob("*")
        if path.suffix in (".py", ".html", ".js")
        for code in re.findall(r"\b[EW]\d{3}\b", path.read_text(encoding="utf-8"))
    }
    assert len(mentioned) > 40
    assert not sorted(code for code in mentioned if f"| `{code}` |" not in doc)
