"""The stores the query tests read.

``write_coded_store`` runs the real pipeline over three short articles of our own, so that
queries meet the rows ingest really writes. ``write_precise_store`` inserts events row by
row through the real schema, so that every filter has one exact expected answer.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from eventwire.store import open_store
from eventwire.store.ingest import ingest

ARTICLES = {
    "sabotage.txt": """Russia accuses Armenia of sabotage as border talks stall
12 March 2024

YEREVAN — Russia accused Armenia of sabotage on Tuesday, as talks on the border between the two countries stalled for a third week.

Armenian Foreign Minister Ararat Mirzoyan rejected the accusation. "We have nothing to hide," Mirzoyan told reporters in Yerevan.

Armenia later expelled two Russian diplomats, the foreign ministry said.
""",
    "talks.txt": """Armenia and Russia agree to resume border talks
4 April 2024

MOSCOW — Russia and Armenia agreed on Thursday to resume talks on their border, the Kremlin said.

Russian Foreign Minister Sergei Lavrov met Mirzoyan in Moscow and praised the commitment of both sides.
""",
    "drones.txt": """Ukraine says Russian drones hit Kharkiv
20 May 2024

KYIV — Russian drones struck Kharkiv overnight, Ukrainian officials said on Monday. Ukraine condemned the attack.
""",
}


def write_coded_store(folder: Path, articles: Mapping[str, str] = ARTICLES) -> Path:
    """Ingest ``articles`` (file name -> text; ARTICLES by default) into ``folder``/coded.duckdb
    with the real pipeline. Other test packages pass their own articles (tests/browser)."""
    inputs = folder / "articles"
    inputs.mkdir()
    for name, text in articles.items():
        (inputs / name).write_text(text, encoding="utf-8")
    db = folder / "coded.duckdb"
    report = ingest([str(inputs)], db)
    assert report.articles_new == len(articles) and not report.failed
    return db


# Articles A1 and A2 are one story (a cluster) reporting the same accusation; B1 stands
# alone; C1 has no events.
A1, A2, B1, C1 = "a1000000000000aa", "a2000000000000aa", "b1000000000000bb", "c1000000000000cc"

PRECISE_EVENTS: list[dict[str, Any]] = [
    # seq 0-3: A1
    {"article_id": A1, "source_code": "RUSGOV", "target_code": "ARMGOV", "code": "112", "quad_class": 3,
     "goldstein": -2.0, "date": "2024-05-10", "sentence": "Moscow accused Yerevan of sabotage."},
    {"article_id": A1, "source_code": "ARM", "target_code": "RUS", "code": "036", "quad_class": 1,
     "goldstein": 4.0, "date": "2024-05", "sentence": "Armenia offered talks to Russia at 100% capacity."},
    {"article_id": A1, "source_code": "RUSMIL", "target_code": "UKR", "code": "190", "quad_class": 4,
     "goldstein": -10.0, "date": "2024-06-01", "sentence": "Russian forces shelled Kharkiv."},
    {"article_id": A1, "source_code": "UKR", "target_code": "RUSMIL", "code": "1823", "quad_class": 4,
     "goldstein": -10.0, "date": "2024-06-03", "sentence": "Ukraine struck a Russian base."},
    # seq 0-1: A2, the same accusation as A1's first event, and an undated one
    {"article_id": A2, "source_code": "RUSGOV", "target_code": "ARMGOV", "code": "112", "quad_class": 3,
     "goldstein": -2.0, "date": "2024-05-10", "sentence": "The Kremlin ACCUSED Armenia of sabotage."},
    {"article_id": A2, "source_code": "RUS", "target_code": None, "code": "051", "quad_class": 1,
     "goldstein": 3.4, "date": None, "sentence": "Russia praised the 50_50 deal."},
    # seq 0-1: B1
    {"article_id": B1, "source_code": "USA", "target_code": "RUS", "code": "042", "quad_class": 1,
     "goldstein": 1.9, "date": "2023", "sentence": "The US envoy visited Russia."},
    {"article_id": B1, "source_code": "ARMGOV", "target_code": "RUSGOV", "code": "0311", "quad_class": 1,
     "goldstein": 5.2, "date": "2024-07-02", "sentence": "Yerevan asked Moscow for economic aid."},
]  # fmt: skip

OUTLETS = {A1: "wire.example", A2: "daily.example", B1: "wire.example", C1: "daily.example"}


def precise_id(index: int) -> str:
    """The event id of PRECISE_EVENTS[index] (article id and place in the article)."""
    article_id = PRECISE_EVENTS[index]["article_id"]
    seq = [event["article_id"] for event in PRECISE_EVENTS[: index + 1]].count(article_id) - 1
    return f"{article_id}-{seq}"


def write_precise_store(folder: Path) -> Path:
    """PRECISE_EVENTS in ``folder``/precise.duckdb, A1 and A2 in one cluster."""
    db = folder / "precise.duckdb"
    with open_store(db) as store:
        connection = store.connection
        for article_id, outlet in OUTLETS.items():
            connection.execute(
                "INSERT INTO articles (id, title, published, text, outlet) VALUES (?, ?, ?, ?, ?)",
                [article_id, f"Article {article_id}", "2024-07-02", f"Text of {article_id}.", outlet],
            )
        for index, event in enumerate(PRECISE_EVENTS):
            event_id = precise_id(index)
            connection.execute(
                "INSERT INTO events (id, article_id, seq, source_code, source_name, target_code, target_name, code, root, "
                "quad_class, goldstein, date, sentence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [event_id, event["article_id"], int(event_id.rsplit("-", 1)[1]), event["source_code"],
                 event["source_code"], event["target_code"], event["target_code"], event["code"], event["code"][:2],
                 event["quad_class"], event["goldstein"], event["date"], event["sentence"]],
            )  # fmt: skip
        connection.execute("INSERT INTO article_clusters VALUES (?, 'story-1', 1.0), (?, 'story-1', 0.9)", [A1, A2])
    return db


def ids(rows: list[tuple[Any, ...]]) -> list[str]:
    """The first column of each row (the event id, as the tests select it)."""
    return [row[0] for row in rows]
