"""The DuckDB schema and its version.

The schema version is stored in the database; ``migrate`` brings an older file up to date
step by step, so a store written by an earlier eventwire keeps working after an upgrade.
"""

from __future__ import annotations

import duckdb

SCHEMA_VERSION = 3

_MIGRATIONS: dict[int, list[str]] = {
    1: [
        """
        CREATE TABLE articles (
            id VARCHAR PRIMARY KEY,
            url VARCHAR,
            title VARCHAR,
            deck VARCHAR,
            published VARCHAR,
            section VARCHAR,
            source VARCHAR,
            authors VARCHAR[],
            image_credit VARCHAR,
            caption VARCHAR,
            reading_minutes INTEGER,
            language VARCHAR,
            text VARCHAR NOT NULL,
            related_headlines VARCHAR[],
            origin VARCHAR,
            format VARCHAR,
            ingested_at TIMESTAMP DEFAULT current_timestamp
        )
        """,
        """
        CREATE TABLE ingest_errors (
            origin VARCHAR NOT NULL,
            code VARCHAR NOT NULL,
            severity VARCHAR NOT NULL,
            stage VARCHAR,
            message VARCHAR NOT NULL,
            article_id VARCHAR,
            recorded_at TIMESTAMP DEFAULT current_timestamp,
            PRIMARY KEY (origin, code, message)
        )
        """,
    ],
    # 2: the codings of each article (actors, events, quotes, places), its story cluster and
    # MinHash signature, and the views analysts count with (``docs/store.md``).
    2: [
        "ALTER TABLE articles ADD COLUMN outlet VARCHAR",
        """
        CREATE TABLE article_actors (
            article_id VARCHAR NOT NULL, seq INTEGER NOT NULL,
            name VARCHAR, code VARCHAR, country VARCHAR, sector VARCHAR, kind VARCHAR,
            resolved_by VARCHAR, mentions JSON, evidence JSON,
            PRIMARY KEY (article_id, seq)
        )
        """,
        """
        CREATE TABLE events (
            id VARCHAR PRIMARY KEY, article_id VARCHAR NOT NULL, seq INTEGER NOT NULL, field VARCHAR,
            source_name VARCHAR, source_code VARCHAR, source_country VARCHAR, source_sector VARCHAR,
            source_text VARCHAR, source_start INTEGER, source_end INTEGER,
            target_name VARCHAR, target_code VARCHAR, target_country VARCHAR, target_sector VARCHAR,
            target_text VARCHAR, target_start INTEGER, target_end INTEGER,
            code VARCHAR NOT NULL, root VARCHAR NOT NULL, quad_class INTEGER, goldstein DOUBLE,
            plover_type VARCHAR, plover_mode VARCHAR,
            date VARCHAR, published VARCHAR, date_text VARCHAR,
            sentence VARCHAR, sentence_start INTEGER, sentence_end INTEGER,
            predicate_text VARCHAR, predicate_start INTEGER, predicate_end INTEGER,
            pattern VARCHAR, modifiers VARCHAR[],
            location_name VARCHAR, location_lat DOUBLE, location_lon DOUBLE, location_country VARCHAR,
            location_feature VARCHAR, location_geonameid BIGINT, location_reason VARCHAR,
            location_text VARCHAR, location_start INTEGER, location_end INTEGER
        )
        """,
        "CREATE INDEX events_article ON events (article_id)",
        """
        CREATE TABLE quotes (
            article_id VARCHAR NOT NULL, seq INTEGER NOT NULL, field VARCHAR, type VARCHAR,
            text VARCHAR, start INTEGER, "end" INTEGER,
            cue_text VARCHAR, cue_start INTEGER, cue_end INTEGER,
            speaker_text VARCHAR, speaker_name VARCHAR, speaker_code VARCHAR, speaker_resolved_by VARCHAR,
            speaker_start INTEGER, speaker_end INTEGER, parts JSON,
            PRIMARY KEY (article_id, seq)
        )
        """,
        """
        CREATE TABLE places (
            article_id VARCHAR NOT NULL, seq INTEGER NOT NULL, field VARCHAR,
            text VARCHAR, start INTEGER, "end" INTEGER, name VARCHAR, lat DOUBLE, lon DOUBLE,
            country VARCHAR, feature VARCHAR, geonameid BIGINT, reason VARCHAR,
            PRIMARY KEY (article_id, seq)
        )
        """,
        """
        CREATE TABLE article_clusters (
            article_id VARCHAR PRIMARY KEY, cluster_id VARCHAR NOT NULL, similarity DOUBLE
        )
        """,
        "CREATE TABLE article_signatures (article_id VARCHAR PRIMARY KEY, signature UBIGINT[] NOT NULL)",
        # Every actor coded in the store, by code and name, with the articles that name it.
        """
        CREATE VIEW actors AS
        SELECT aa.code, aa.name, any_value(aa.country) AS country, any_value(aa.sector) AS sector,
               any_value(aa.kind) AS kind, count(DISTINCT aa.article_id) AS articles,
               min(a.published) AS first_seen, max(a.published) AS last_seen,
               any_value(aa.evidence) FILTER (WHERE aa.evidence IS NOT NULL) AS evidence
        FROM article_actors aa JOIN articles a ON a.id = aa.article_id
        GROUP BY aa.code, aa.name
        """,
        # Each event with how many articles and outlets of its story report the same act (the
        # same dyad, code and date within one story cluster), as GDELT's NumArticles/NumSources.
        """
        CREATE VIEW event_reports AS
        SELECT e.*, a.outlet, coalesce(c.cluster_id, e.article_id) AS cluster_id,
               count(DISTINCT e.article_id) OVER story AS num_articles,
               count(DISTINCT coalesce(a.outlet, e.article_id)) OVER story AS num_sources
        FROM events e JOIN articles a ON a.id = e.article_id
        LEFT JOIN article_clusters c ON c.article_id = e.article_id
        WINDOW story AS (PARTITION BY coalesce(c.cluster_id, e.article_id), e.source_code, e.target_code, e.code, e.date)
        """,
        # One row per real-world event: the first report of each act of each story.
        """
        CREATE VIEW unique_events AS
        SELECT * FROM event_reports
        QUALIFY row_number() OVER (
            PARTITION BY cluster_id, source_code, target_code, code, date ORDER BY published, article_id, seq
        ) = 1
        """,
    ],
    # 3: the versions of a corrected article that lost to a newer one, so that re-reading an
    # old crawl never brings them back (an ingest is idempotent however often it is rerun).
    3: [
        """
        CREATE TABLE superseded_versions (
            article_id VARCHAR PRIMARY KEY, url VARCHAR NOT NULL, superseded_by VARCHAR NOT NULL,
            recorded_at TIMESTAMP DEFAULT current_timestamp
        )
        """,
    ],
}


def current_version(connection: duckdb.DuckDBPyConnection) -> int:
    """The stored schema version, 0 for a file without eventwire's ``schema_info``.

    Rows are read with ``fetchall``: a result left half-read by ``fetchone`` keeps the
    connection busy, and DuckDB then refuses its relation API (``connection.sql``).
    """
    ((exists,),) = connection.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_info'"
    ).fetchall()
    if not exists:
        return 0
    ((version,),) = connection.execute("SELECT max(version) FROM schema_info").fetchall()
    return int(version) if version is not None else 0


def user_tables(connection: duckdb.DuckDBPyConnection) -> int:
    """How many tables and views the file holds (0 for a new, empty database)."""
    row = connection.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'main'"
    ).fetchone()
    return int(row[0]) if row else 0


def migrate(connection: duckdb.DuckDBPyConnection) -> int:
    """Apply every migration above the stored version, each in its own transaction: a step
    that fails leaves the store at the version before it, with nothing of the step applied."""
    version = current_version(connection)
    for target in range(version + 1, SCHEMA_VERSION + 1):
        connection.execute("BEGIN TRANSACTION")
        try:
            if target == 1:
                connection.execute("CREATE TABLE schema_info (version INTEGER, applied_at TIMESTAMP DEFAULT current_timestamp)")
            for statement in _MIGRATIONS[target]:
                connection.execute(statement)
            connection.execute("INSERT INTO schema_info (version) VALUES (?)", [target])
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
    return SCHEMA_VERSION
