"""The event rows the GDELT and PLOVER exports write: each report of an event with its story's
counts and its article, read in one streamed query.

Both formats need the same join (``event_reports`` for the counts, ``articles`` for the URL,
title and ingest time) and the same choice between every report and one row per real-world
event (``--unique``), so it is written once here.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import duckdb

Report = dict[str, Any]
FETCH_ROWS = 1000
"""Rows fetched at a time: an export of millions of events never sits in memory whole."""

# num_mentions counts the reports of one act of one story (every sentence of every article
# that reports it), over the same partition as the event_reports view counts articles and
# outlets; in_lead says whether the report stands in the title or the lead paragraph (the
# text up to its first blank line).
_QUERY = """
WITH reports AS (
    SELECT r.*, count(*) OVER (PARTITION BY r.cluster_id, r.source_code, r.target_code, r.code, r.date) AS num_mentions
    FROM event_reports r
)
SELECT r.*,
       a.url AS article_url, a.title AS article_title, a.published AS article_published,
       a.origin AS article_origin, a.ingested_at AS ingested_at,
       coalesce(r.field = 'title'
                OR r.sentence_start < coalesce(nullif(strpos(a.text, chr(10) || chr(10)), 0) - 1, length(a.text)),
                false) AS in_lead
FROM reports r JOIN articles a ON a.id = r.article_id
{where}
ORDER BY coalesce(r.date, r.published), r.article_id, r.seq
"""
_UNIQUE = "WHERE r.id IN (SELECT id FROM unique_events)"


def event_reports(connection: duckdb.DuckDBPyConnection, *, unique: bool = False) -> Iterator[Report]:
    """Every report of every event, or with ``unique`` the first report of each real-world event
    (the ``unique_events`` view), by date, article and place in the article.

    The counts (``num_articles``, ``num_sources``, ``num_mentions``) are those of the whole
    story either way: choosing one report per event does not change how often it was reported.
    """
    cursor = connection.execute(_QUERY.format(where=_UNIQUE if unique else ""))
    names = [column[0] for column in cursor.description]
    while rows := cursor.fetchmany(FETCH_ROWS):
        for row in rows:
            yield dict(zip(names, row, strict=True))
