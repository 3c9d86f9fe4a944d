"""The export API is pinned like the rest of the public API (tests/test_public_api.py)."""

from __future__ import annotations

import inspect

from eventwire import export


def test_export_exports_and_signature() -> None:
    assert sorted(export.__all__) == ["ExportFormat", "export"]
    assert [fmt.value for fmt in export.ExportFormat] == ["gdelt", "plover", "csv", "parquet"]
    assert str(inspect.signature(export.export)) == (
        "(db: 'str | Path', fmt: 'ExportFormat', out: 'Path | None', stdout: 'BinaryIO', *, table: 'str' = 'events', "
        "unique: 'bool' = False, array: 'bool' = False) -> 'int'"
    )
