"""The DuckDB schema and its version.

The schema version is stored in the database; ``migrate`` brings an older file up to date
step by step, so a store written by an earlier eventwire keeps working after an upgrade.
"""

from __future__ import annotations

import duckdb

SCHEMA_VERSION = 1

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
}


def current_version(connection: duckdb.DuckDBPyConnection) -> int:
    exists = connection.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_info'"
    ).fetchone()
    if not exists or not exists[0]:
        return 0
    row = connection.execute("SELECT max(version) FROM schema_info").fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def migrate(connection: duckdb.DuckDBPyConnection) -> int:
    """Apply every migration above the stored version, each in its own transaction."""
    version = current_version(connection)
    if version == 0:
        connection.execute("CREATE TABLE IF NOT EXISTS schema_info (version INTEGER, applied_at TIMESTAMP DEFAULT current_timestamp)")
    for target in range(version + 1, SCHEMA_VERSION + 1):
        connection.execute("BEGIN TRANSACTION")
        for statement in _MIGRATIONS[target]:
            connection.execute(statement)
        connection.execute("INSERT INTO schema_info (version) VALUES (?)", [target])
        connection.execute("COMMIT")
    return SCHEMA_VERSION
