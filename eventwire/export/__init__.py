"""Exports of the store: GDELT 2.0 event files, PLOVER JSON, and CSV or Parquet of each table
(``docs/export.md``)."""

from eventwire.export.run import ExportFormat, export

__all__ = ["ExportFormat", "export"]
