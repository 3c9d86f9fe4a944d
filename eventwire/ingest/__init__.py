"""Stage 1: read inputs (files, directories, globs, stdin; HTML, text dumps, JSONL, WARC, gzip)."""

from eventwire.ingest.document import Document, Failure
from eventwire.ingest.readers import DEFAULT_MAX_BYTES, read_documents, read_source
from eventwire.ingest.sniff import Format
from eventwire.ingest.sources import Source, expand_sources

__all__ = [
    "DEFAULT_MAX_BYTES",
    "Document",
    "Failure",
    "Format",
    "Source",
    "expand_sources",
    "read_documents",
    "read_source",
]
