"""Related articles: the same story first, then other stories about the same dyad at the
same time.

An analyst reading one article wants its other tellings (the story cluster) and then the
neighbouring news: articles with an event between the same two actors (the pair of CAMEO
codes, in either direction, since a reply is as related as the accusation it answers)
dated within ``DYAD_DAYS`` of one of this article's events on that pair. An event without a
full date counts on its article's publication day.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

DYAD_DAYS = 3
"""Widest gap, in days, between two events on one dyad for their articles to be related."""


@dataclass(frozen=True)
class RelatedArticle:
    """One article related to another, and why.

    ``reason`` is ``"same story"`` (one cluster) or ``"shared dyad"``; ``shared_dyads``
    counts the actor pairs the two articles share within the window (0 for the same story
    when they share none).
    """

    article_id: str
    title: str | None
    url: str | None
    outlet: str | None
    published: str | None
    reason: str
    shared_dyads: int


_QUERY = f"""
WITH dated AS (
    SELECT e.article_id, least(e.source_code, e.target_code) AS one, greatest(e.source_code, e.target_code) AS other,
           coalesce(try_cast(e.date AS DATE), try_cast(left(a.published, 10) AS DATE)) AS day
    FROM events e JOIN articles a ON a.id = e.article_id
    WHERE e.source_code IS NOT NULL AND e.target_code IS NOT NULL AND e.source_code <> e.target_code
),
mine AS (SELECT DISTINCT one, other, day FROM dated WHERE article_id = $id),
shared AS (
    SELECT d.article_id, count(DISTINCT (d.one, d.other)) AS dyads
    FROM dated d JOIN mine m ON d.one = m.one AND d.other = m.other
        AND abs(datediff('day', m.day, d.day)) <= {DYAD_DAYS}
    WHERE d.article_id <> $id
    GROUP BY d.article_id
),
story AS (
    SELECT c.article_id FROM article_clusters c
    WHERE c.cluster_id = (SELECT cluster_id FROM article_clusters WHERE article_id = $id) AND c.article_id <> $id
),
related AS (
    SELECT article_id, 'same story' AS reason, 0 AS rank FROM story
    UNION ALL
    SELECT article_id, 'shared dyad', 1 FROM shared WHERE article_id NOT IN (SELECT article_id FROM story)
)
SELECT a.id, a.title, a.url, a.outlet, a.published, r.reason, coalesce(s.dyads, 0) AS dyads
FROM related r JOIN articles a ON a.id = r.article_id LEFT JOIN shared s ON s.article_id = r.article_id
ORDER BY r.rank, dyads DESC, a.published, a.id
LIMIT $limit
"""


def related_articles(connection: duckdb.DuckDBPyConnection, article_id: str, *, limit: int = 20) -> list[RelatedArticle]:
    """Up to ``limit`` articles related to ``article_id``: its story cluster (the most dyads
    shared first, then by publication), then articles sharing a dyad within the window."""
    rows = connection.execute(_QUERY, {"id": article_id, "limit": limit}).fetchall()
    return [RelatedArticle(*row) for row in rows]
