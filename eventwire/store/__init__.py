"""The event store: DuckDB by default, one writer, many readers."""

from eventwire.store.related import RelatedArticle, related_articles
from eventwire.store.schema import SCHEMA_VERSION
from eventwire.store.writer import SaveCounts, Store, open_store

__all__ = ["SCHEMA_VERSION", "RelatedArticle", "SaveCounts", "Store", "open_store", "related_articles"]
