"""Queries on the store: the Python API the ``eventwire events|dyad|actors|article|sql``
commands are thin wrappers over (``docs/query.md``).

    with open_reader("eventwire.duckdb") as connection:
        result = find_events(connection, EventFilter(dyad=("RUS", "UKR"), since="2024"))
        write_result(result, Format.csv, Path("rus-ukr.csv"))
"""

from eventwire.query.actors import list_actors
from eventwire.query.article import get_article
from eventwire.query.deadline import DEFAULT_TIMEOUT
from eventwire.query.dyad import dyad_summary
from eventwire.query.events import BRIEF_COLUMNS, find_events
from eventwire.query.filters import EVENT_COLUMNS, EventFilter, parse_dyad
from eventwire.query.formats import Format, write_result
from eventwire.query.reader import open_reader
from eventwire.query.result import Result
from eventwire.query.sql import run_sql

__all__ = [
    "BRIEF_COLUMNS", "DEFAULT_TIMEOUT", "EVENT_COLUMNS", "EventFilter", "Format", "Result", "dyad_summary",
    "find_events", "get_article", "list_actors", "open_reader", "parse_dyad", "run_sql", "write_result",
]  # fmt: skip
