"""``search_articles``: articles whose title or text contains a phrase, most mentions first.

DuckDB's full-text index (the ``fts`` extension) would rank better, but it is an extension
that must be installed from the network, and readers never install or load extensions
(``open_reader`` locks that off, and a store may be served offline). So the search is a
parameterised, case-insensitive substring match (ILIKE, the phrase's ``%`` and ``_``
literal) ranked by how often the phrase occurs, a hit in the title counting as many as
``TITLE_WEIGHT`` in the text. It scans every article: fine for the tens of thousands of
articles a dashboard serves; beyond that, a prebuilt index is the way.
"""

from __future__ import annotations

import duckdb

from eventwire.errors import InvalidFilter
from eventwire.query.deadline import DEFAULT_TIMEOUT
from eventwire.query.filters import like_pattern
from eventwire.query.result import Result, fetch

TITLE_WEIGHT = 5
"""A match in the title is worth this many in the body: the title says what the article is about."""


SNIPPET_AROUND = 80
"""Characters of context a result's snippet shows on each side of the first match."""


def search_articles(
    connection: duckdb.DuckDBPyConnection,
    phrase: str,
    *,
    limit: int | None = 20,
    offset: int = 0,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> Result:
    """Rows of id, title, outlet, published, matches (weighted count) and snippet (the text
    around the first match in the body, None when only the title matches), best first;
    E601 for an empty phrase."""
    if not phrase.strip():
        raise InvalidFilter("the search phrase is empty")
    sql = """
        WITH hits AS (
            SELECT id, title, outlet, published, text,
                   len(string_split(lower(coalesce(title, '')), lower($phrase))) - 1 AS in_title,
                   len(string_split(lower(coalesce(text, '')), lower($phrase))) - 1 AS in_text
            FROM articles
            WHERE title ILIKE $pattern ESCAPE '\\' OR text ILIKE $pattern ESCAPE '\\'
        )
        SELECT id, title, outlet, published, $weight * in_title + in_text AS matches,
               CASE WHEN in_text > 0 THEN trim(substr(
                   text, greatest(1, instr(lower(text), lower($phrase)) - $around), 2 * $around + length($phrase)
               )) END AS snippet
        FROM hits ORDER BY matches DESC, published DESC NULLS LAST, id LIMIT $limit OFFSET $offset
    """
    params = {
        "phrase": phrase, "pattern": like_pattern(phrase), "weight": TITLE_WEIGHT, "around": SNIPPET_AROUND,
        "limit": limit, "offset": offset,
    }  # fmt: skip
    return fetch(connection, sql, params, timeout=timeout)
