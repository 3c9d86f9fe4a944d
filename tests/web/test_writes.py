"""``POST /api/articles``: off by default, behind a token, and storing what ``eventwire ingest``
stores. Each test writes to a store of its own in ``tmp_path``; the articles are ours."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from eventwire.cli import app as cli
from eventwire.errors import WeakToken
from eventwire.store import open_store
from eventwire.store.ingest import ingest
from eventwire.web import create_app
from tests.lockholder import lock_held
from tests.store.stories import MOYALE, POWER_DEAL
from tests.web.answers import coded_error
from tests.web.posted import NOT_ENGLISH, SCRIPTED, TOKEN, TREATY

TABLES = ("articles", "events", "quotes", "places", "article_actors", "article_clusters", "ingest_errors")


def _bearer(token: str = TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _counts(db: Path) -> dict[str, int]:
    with duckdb.connect(str(db), read_only=True) as connection:
        return {table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in TABLES}


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "store.duckdb"
    open_store(path).close()
    return path


@pytest.fixture
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db, write_token=TOKEN), raise_server_exceptions=False) as test_client:
        yield test_client


def test_writes_are_off_by_default(db: Path) -> None:
    before = _counts(db)
    with TestClient(create_app(db)) as reader:
        error = coded_error(reader.post("/api/articles", json=TREATY, headers=_bearer()), 403, "E610")
    assert "--allow-writes" in error["hint"]
    assert _counts(db) == before


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": TOKEN}, {"Authorization": "Basic " + TOKEN}, _bearer(""), _bearer(TOKEN + "x"),
     _bearer(TOKEN[:-1]), {"Authorization": f"Bearer {TOKEN[:-1]}é".encode()}],
)  # fmt: skip
def test_a_request_without_the_token_is_401(client: TestClient, db: Path, headers: dict[str, str | bytes]) -> None:
    before = _counts(db)
    response = client.post("/api/articles", json=TREATY, headers=headers)
    coded_error(response, 401, "E611")
    assert response.headers["www-authenticate"] == "Bearer"
    assert _counts(db) == before


def test_an_article_is_stored_once_and_served(client: TestClient, db: Path) -> None:
    response = client.post("/api/articles", json=TREATY, headers=_bearer())
    assert response.status_code == 201, response.text
    stored = response.json()
    assert stored["stored"] is True and stored["events"] >= 2 and stored["quotes"] >= 1 and stored["places"] >= 1
    article = client.get(f"/api/articles/{stored['id']}").json()
    assert article["title"] == TREATY["title"] and article["url"] == TREATY["url"]
    assert len(article["events"]) == stored["events"] and len(article["quotes"]) == stored["quotes"]
    assert {"UGA", "TZA"} <= {event["source_code"][:3] for event in article["events"] if event["source_code"]}
    after_first = _counts(db)

    again = client.post("/api/articles", json=TREATY, headers=_bearer())
    assert again.status_code == 200 and again.json() == {"id": stored["id"], "stored": False}
    assert _counts(db) == after_first
    assert after_first["articles"] == 1 and after_first["events"] == stored["events"]


def test_the_rows_are_those_ingest_writes(client: TestClient, db: Path, tmp_path: Path) -> None:
    client.post("/api/articles", json=TREATY, headers=_bearer())
    jsonl = tmp_path / "treaty.jsonl"
    jsonl.write_text(json.dumps(TREATY) + "\n", encoding="utf-8")
    ingested = tmp_path / "ingested.duckdb"
    ingest([str(jsonl)], ingested)
    queries = {
        "events": "SELECT * FROM events ORDER BY id",
        "quotes": "SELECT * FROM quotes ORDER BY article_id, seq",
        "places": "SELECT * FROM places ORDER BY article_id, seq",
        "actors": "SELECT * FROM article_actors ORDER BY article_id, seq",
        "clusters": "SELECT * FROM article_clusters",
        "article": "SELECT * EXCLUDE (origin, ingested_at) FROM articles",
    }
    with duckdb.connect(str(db), read_only=True) as posted, duckdb.connect(str(ingested), read_only=True) as batch:
        for name, sql in queries.items():
            assert posted.sql(sql).fetchall() == batch.sql(sql).fetchall(), name


def test_a_script_in_an_article_is_stored_and_returned_verbatim(client: TestClient) -> None:
    response = client.post("/api/articles", json=SCRIPTED, headers=_bearer())
    assert response.status_code == 201, response.text
    answer = client.get(f"/api/articles/{response.json()['id']}")
    assert answer.headers["content-type"].startswith("application/json")
    assert "<script>alert('port')</script>" in json.loads(answer.text)["text"]


@pytest.mark.parametrize(
    ("body", "code"),
    [
        (b"", "E102"),
        (b"{not json", "E106"),
        (b'["a list"]', "E106"),
        (b'{"title": "No body here"}', "E106"),
        (b'{"text": "   "}', "E106"),
        (json.dumps(TREATY).encode() + b"\n" + json.dumps(SCRIPTED).encode(), "E106"),
        (b"\xff\xfe\x00\xd8", "E103"),  # a UTF-16 byte-order mark, then a lone surrogate
    ],
)
def test_a_body_that_is_not_one_record_is_400(client: TestClient, db: Path, body: bytes, code: str) -> None:
    before = _counts(db)
    coded_error(client.post("/api/articles", content=body, headers=_bearer()), 400, code)
    assert _counts(db) == before


@pytest.mark.parametrize(
    ("record", "code", "kept"),
    [
        (NOT_ENGLISH, "E202", 1),  # kept with its language, uncoded, as ingest keeps it
        ({"html": "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></body></html>"}, "E201", 0),
    ],
)
def test_an_article_the_pipeline_refuses_is_422_and_recorded(
    client: TestClient, db: Path, record: dict[str, str], code: str, kept: int
) -> None:
    coded_error(client.post("/api/articles", json=record, headers=_bearer()), 422, code)
    with duckdb.connect(str(db), read_only=True) as connection:
        assert connection.sql("SELECT code FROM ingest_errors WHERE origin LIKE 'web:%'").fetchall() == [(code,)]
        assert connection.execute("SELECT count(*) FROM articles").fetchone() == (kept,)
        assert connection.execute("SELECT count(*) FROM events").fetchone() == (0,)


def test_a_store_locked_by_another_process_is_503(client: TestClient, db: Path) -> None:
    with lock_held(db):
        coded_error(client.post("/api/articles", json=TREATY, headers=_bearer()), 503, "E501")
    assert _counts(db)["articles"] == 0


def test_a_write_never_creates_a_store(tmp_path: Path) -> None:
    missing = tmp_path / "none.duckdb"
    with TestClient(create_app(missing, write_token=TOKEN)) as client:
        coded_error(client.post("/api/articles", json=TREATY, headers=_bearer()), 503, "E502")
    assert not missing.exists()


@pytest.mark.parametrize("token", ["", "short-token", " " + TOKEN, TOKEN + "\n", "kestrel harbour 7319 quince"])
def test_a_weak_token_is_refused(db: Path, token: str) -> None:
    with pytest.raises(WeakToken):
        create_app(db, write_token=token)


@pytest.mark.parametrize(("environment", "detail"), [({}, "not set"), ({"EVENTWIRE_WEB_TOKEN": "abc"}, "fewer than 16")])
def test_serve_refuses_writes_without_a_usable_token(
    db: Path, monkeypatch: pytest.MonkeyPatch, environment: dict[str, str], detail: str
) -> None:
    monkeypatch.delenv("EVENTWIRE_WEB_TOKEN", raising=False)
    result = CliRunner().invoke(cli, ["serve", "--db", str(db), "--allow-writes"], env=environment)
    assert result.exit_code == 1
    assert "E612" in result.output and detail in result.output


def test_reads_see_a_write_without_a_restart(client: TestClient) -> None:
    assert client.get("/api/overview").json()["counts"]["articles"] == 0
    assert client.post("/api/articles", json=TREATY, headers=_bearer()).status_code == 201
    assert client.get("/api/overview").json()["counts"]["articles"] == 1


def _clusters(db: Path) -> dict[str | None, str]:
    """Each article's story cluster, both named by URL."""
    with duckdb.connect(str(db), read_only=True) as connection:
        rows = connection.execute(
            "SELECT a.url, m.url FROM article_clusters c JOIN articles a ON a.id = c.article_id "
            "LEFT JOIN articles m ON m.id = c.cluster_id"
        ).fetchall()
    return {url: cluster for url, cluster in rows}


def test_posted_articles_are_clustered_as_ingest_clusters_them(client: TestClient, db: Path, tmp_path: Path) -> None:
    records = [MOYALE[0], POWER_DEAL, MOYALE[1], MOYALE[2]]
    for record in records:
        assert client.post("/api/articles", json=record, headers=_bearer()).status_code == 201
    jsonl = tmp_path / "stories.jsonl"
    jsonl.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    ingest([str(jsonl)], tmp_path / "ingested.duckdb")
    clusters = _clusters(db)
    assert clusters == _clusters(tmp_path / "ingested.duckdb")
    assert {clusters[record["url"]] for record in MOYALE} == {MOYALE[0]["url"]}


def test_a_store_changed_by_another_writer_between_posts_is_clustered_afresh(
    client: TestClient, db: Path, tmp_path: Path
) -> None:
    """The index a write keeps must not outlive a change it did not make: here an ingest
    replaces the first Moyale article (a newer text at its URL) between two posts, and the
    rewrite posted next must not join the cluster of the article that is gone."""
    correction = {**POWER_DEAL, "url": MOYALE[0]["url"], "published": "2024-06-12"}
    jsonl = tmp_path / "correction.jsonl"
    jsonl.write_text(json.dumps(correction) + "\n", encoding="utf-8")
    assert client.post("/api/articles", json=MOYALE[0], headers=_bearer()).status_code == 201
    assert ingest([str(jsonl)], db).articles_new == 1
    assert client.post("/api/articles", json=MOYALE[1], headers=_bearer()).status_code == 201
    assert _clusters(db) == {MOYALE[0]["url"]: MOYALE[0]["url"], MOYALE[1]["url"]: MOYALE[1]["url"]}
