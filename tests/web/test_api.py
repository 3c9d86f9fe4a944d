"""Every endpoint's happy path and the shape of its answer, on a store the real pipeline wrote."""

from __future__ import annotations

import csv
import io
import json

from fastapi.testclient import TestClient


def _get(client: TestClient, url: str, **params: object) -> dict:
    response = client.get(url, params=params)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/json")
    return response.json()


def test_overview_counts_the_store_and_lists_latest_events(client: TestClient) -> None:
    body = _get(client, "/api/overview")
    assert body["counts"]["articles"] == 3
    assert body["counts"]["events"] >= 3 and body["counts"]["actors"] >= 2
    assert body["latest_events"] and set(body["latest_events"][0]) >= {"id", "date", "code", "sentence"}
    dates = [event["date"] for event in body["latest_events"] if event["date"]]
    assert dates == sorted(dates, reverse=True)
    assert {row["month"] for row in body["monthly"]} <= {"2024-03", "2024-04", "2024-05"}
    assert all(row["quad_class"] in (1, 2, 3, 4) for row in body["monthly"])


def test_events_filter_page_and_sort(client: TestClient) -> None:
    everything = _get(client, "/api/events")
    assert everything["next_offset"] is None and len(everything["rows"]) >= 3
    first = _get(client, "/api/events", limit=1, order="-date")
    assert len(first["rows"]) == 1 and first["next_offset"] == 1
    assert first["rows"][0]["date"] == max(row["date"] for row in everything["rows"] if row["date"])
    second = _get(client, "/api/events", limit=1, offset=1, order="-date")
    assert second["rows"][0]["id"] != first["rows"][0]["id"]
    russian = _get(client, "/api/events", actor="rus", since="2024-03", until="2024-12")["rows"]
    assert russian and all("RUS" in (row["source_code"] or "") + (row["target_code"] or "") for row in russian)
    chosen = _get(client, "/api/events", columns="id,article_id,quad_class")["rows"]
    assert set(chosen[0]) == {"id", "article_id", "quad_class"}


def test_events_csv_is_the_same_page(client: TestClient) -> None:
    response = client.get("/api/events.csv", params={"actor": "RUS", "limit": 50})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    table = list(csv.DictReader(io.StringIO(response.text)))
    page = _get(client, "/api/events", actor="RUS", limit=50)["rows"]
    assert [row["id"] for row in table] == [row["id"] for row in page]


def test_article_has_its_codings_cluster_and_related(client: TestClient) -> None:
    event = _get(client, "/api/events", text="sabotage")["rows"][0]
    article_id = event["id"].rsplit("-", 1)[0]
    body = _get(client, f"/api/articles/{article_id[:8]}")
    assert body["id"] == article_id and body["title"].startswith("Russia accuses Armenia")
    assert {"events", "quotes", "places", "actors", "related", "cluster_id"} <= set(body)
    assert any(e["id"] == event["id"] for e in body["events"])
    assert body["cluster_id"]
    assert all({"article_id", "reason"} <= set(r) for r in body["related"])


def test_actor_profile(client: TestClient) -> None:
    body = _get(client, "/api/actors/rus")
    assert body["code"] == "RUS"
    assert body["counterparts"] and all(c["counterpart"] for c in body["counterparts"])
    counts = [c["events"] for c in body["counterparts"]]
    assert counts == sorted(counts, reverse=True)
    assert all({"month", "events", "cooperation", "conflict"} <= set(row) for row in body["timeline"])
    assert all(row["cooperation"] >= 0 >= row["conflict"] for row in body["timeline"])
    assert isinstance(body["quotes"], list)


def test_dyad_both_directions(client: TestClient) -> None:
    body = _get(client, "/api/dyads/RUS/ARM", by="month")
    assert body["rows"] and {row["direction"] for row in body["rows"]} <= {"RUS->ARM", "ARM->RUS"}


def test_network_nodes_and_edges(client: TestClient) -> None:
    body = _get(client, "/api/network", since="2024")
    assert body["edges"] and all({"source", "target", "events", "goldstein_mean"} <= set(e) for e in body["edges"])
    codes = {node["code"] for node in body["nodes"]}
    assert all(edge["source"] in codes and edge["target"] in codes for edge in body["edges"])
    assert _get(client, "/api/network", quad=2, until="2023")["edges"] == []


def test_map_points(client: TestClient) -> None:
    body = _get(client, "/api/map")
    for point in body["rows"]:
        assert set(point) == {"event_id", "article_id", "date", "source", "code", "target", "name", "lat", "lon", "reason"}
        assert point["lat"] is not None


def test_search_ranks_by_matches(client: TestClient) -> None:
    body = _get(client, "/api/search", q="border")
    titles = [row["title"] for row in body["rows"]]
    assert len(titles) == 2 and all(row["matches"] >= 1 for row in body["rows"])
    assert _get(client, "/api/search", q="100%")["rows"] == []


def test_script_in_an_article_is_a_plain_json_string(client: TestClient) -> None:
    row = _get(client, "/api/search", q="<script>")["rows"][0]
    response = client.get(f"/api/articles/{row['id']}")
    assert response.headers["content-type"].startswith("application/json")
    body = json.loads(response.text)
    assert "<script>alert(1)</script>" in body["text"]


def test_openapi_lists_every_endpoint(client: TestClient) -> None:
    paths = set(client.get("/openapi.json").json()["paths"])
    assert paths == {
        "/api/overview", "/api/events", "/api/events.csv", "/api/articles", "/api/articles/{article_id}", "/api/actors/{code}",
        "/api/dyads/{a}/{b}", "/api/network", "/api/map", "/api/search",
    }  # fmt: skip
    methods = {path: set(operations) for path, operations in client.get("/openapi.json").json()["paths"].items()}
    assert methods.pop("/api/articles") == {"post"}  # off unless the server has a token (test_writes.py)
    assert all(operations == {"get"} for operations in methods.values())
