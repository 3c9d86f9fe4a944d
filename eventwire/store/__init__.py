"""The event store: DuckDB by default, one writer, many readers."""

from eventwire.store.schema import SCHEMA_VERSION
from eventwire.store.writer import SaveCounts, Store, open_store

__all__ = ["SCHEMA_VERSION", "SaveCounts", "Store", "open_store"]
