"""Query latency on a synthetic store of N events (default 100,000): each query function of
``eventwire.query`` timed over repetitions on a fresh read-only connection, median and p95.

    PYTHONPATH=. python benchmarks/query_latency.py [--events 100000] [--repeat 20] [--json]

The store is written through the real schema (``open_store``, so every migration runs) by
bulk SQL: one ``INSERT ... SELECT`` over ``range(N)`` per table, drawing from lists passed
as parameters, never a row at a time from Python. It is shaped like a news store:

- countries from eventwire's own table, Zipf-distributed by coverage (a few busy
  countries, a long tail), with sector suffixes (GOV, MIL, ...) on most actors;
- CAMEO codes from the codebook, roots weighted roughly as in ICEWS and Phoenix data
  (consultations and statements common, mass violence rare), codes uniform within a root;
- five events per article, three articles per story cluster, the two lead acts of a story
  reported by all three of its articles (so ``num_articles`` and ``unique_events`` have
  work to do);
- dates over seven years, 90% to the day, 7% to the month, 3% to the year;
- each event located in its target's country, at a point drawn from the country's code
  (a map needs coordinates, not true ones).

The dyad timed is the busiest pair of countries in the store. Timings include turning the
rows into Python values, as a caller gets them. ``cli_dyad`` is the whole command
``eventwire dyad A B --format csv`` run as a new process, interpreter start and imports
included (fewer runs: it is slow). With ``--json`` the last line is
``{"task": "query_latency", "metrics": {"events_100000/dyad/median_ms": ..., ...}}``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import duckdb
from rich.console import Console
from rich.table import Table

from eventwire.actors.countries import load_countries
from eventwire.events.codebook import codes
from eventwire.query import EventFilter, Result, dyad_summary, find_events, get_article, list_actors, open_reader, run_sql
from eventwire.store import open_store

EVENTS_PER_ARTICLE = 5
ARTICLES_PER_STORY = 3
LEAD_ACTS = 2
"""The first acts of each article are its story's, reported by every article of the story."""
DAYS = 7 * 365
SLOTS = 10_000
"""Size of the lookup lists a weighted draw indexes into (weights to 1/10,000)."""

BUSIEST = ("USA", "RUS", "CHN", "UKR", "ISR", "IRN", "GBR", "FRA", "DEU", "IND", "TUR", "PAK", "PSE", "SYR", "ARM", "AZE")
"""The most covered countries lead the Zipf ranking; the others follow in table order."""
ROOT_SHARES = {
    "01": 15, "02": 7, "03": 6, "04": 22, "05": 8, "06": 2, "07": 3, "08": 3, "09": 1, "10": 2,
    "11": 7, "12": 3, "13": 2, "14": 3, "15": 1, "16": 2, "17": 6, "18": 4, "19": 4, "20": 0.2,
}  # fmt: skip
"""Per cent of events per CAMEO root, rounded from the shares in ICEWS and Phoenix data."""
SECTORS = {"": 40, "GOV": 35, "MIL": 10, "OPP": 5, "CVL": 5, "REB": 5}
OUTLETS = tuple(f"outlet{number}.example" for number in range(12))


def _slots(weights: Sequence[float]) -> list[int]:
    """A list of SLOTS 1-based indexes in which index i appears in proportion to weights[i-1]."""
    total = sum(weights)
    slots: list[int] = []
    for index, weight in enumerate(weights, start=1):
        slots.extend([index] * round(weight / total * SLOTS))
    return (slots + [slots[-1]] * SLOTS)[:SLOTS]


def _draw(slots: str, *salt: str) -> str:
    """SQL for a weighted draw: the index at a hashed position of the ``slots`` parameter."""
    return f"${slots}[1 + CAST(hash({', '.join(salt)}) % {SLOTS} AS BIGINT)]"


def build_store(path: Path, events: int) -> None:
    """A store of ``events`` events at ``path`` (see the module docstring for its shape)."""
    table = load_countries()
    ranked = [table.by_iso3(code) for code in BUSIEST] + [country for country in table if country.iso3 not in BUSIEST]
    book = [info for info in codes().values() if info.root in ROOT_SHARES]
    per_root = {root: sum(info.root == root for info in book) for root in ROOT_SHARES}
    draws: dict[str, object] = {
        "country_slots": _slots([1 / rank**1.1 for rank in range(1, len(ranked) + 1)]),
        "sector_slots": _slots(list(SECTORS.values())),
        "code_slots": _slots([ROOT_SHARES[info.root] / per_root[info.root] for info in book]),
        "events": events,
    }
    values: dict[str, object] = {
        "country": [country.cameo for country in ranked],
        "country_name": [country.name for country in ranked],
        "sector": list(SECTORS),
        "code": [info.code for info in book],
        "code_name": [info.name.lower() for info in book],
        "quad": [info.quad_class for info in book],
        "goldstein": [info.goldstein for info in book],
        "plover": [info.plover_type for info in book],
    }
    # An act is drawn from its story (lead acts, shared by the story's articles) or its own event.
    seq = f"i % {EVENTS_PER_ARTICLE}"
    act = f"CASE WHEN {seq} < {LEAD_ACTS} THEN 'story' || story || '-' || {seq} ELSE 'event' || i END"
    with open_store(path) as store:
        connection = store.connection
        connection.execute("BEGIN TRANSACTION")
        connection.execute(
            f"""
            CREATE TEMP TABLE drawn AS
            SELECT i, printf('%016x', hash('article', article)) AS article_id, story,
                   {_draw("country_slots", "act", "'source'")} AS source,
                   {_draw("country_slots", "act", "'target'")} AS target,
                   {_draw("sector_slots", "act", "'source sector'")} AS source_sector,
                   {_draw("sector_slots", "act", "'target sector'")} AS target_sector,
                   {_draw("code_slots", "act", "'code'")} AS code,
                   hash(act, 'target?') % 100 < 85 AS has_target,
                   DATE '2019-01-01' + CAST(hash(story, 'day') % {DAYS} AS INTEGER) AS day,
                   CAST(article % {ARTICLES_PER_STORY} AS INTEGER) AS days_late,
                   hash(act, 'precision') % 100 AS precision
            FROM (SELECT range AS i, range // {EVENTS_PER_ARTICLE} AS article,
                         range // {EVENTS_PER_ARTICLE * ARTICLES_PER_STORY} AS story FROM range($events)),
                 LATERAL (SELECT {act} AS act)
            """,
            draws,
        )
        connection.execute(
            f"""
            INSERT INTO events (id, article_id, seq, field, source_name, source_code, source_country, source_sector,
                                target_name, target_code, target_country, target_sector, code, root, quad_class,
                                goldstein, plover_type, date, published, sentence, location_name, location_country,
                                location_reason, location_lat, location_lon)
            SELECT article_id || '-' || (i % {EVENTS_PER_ARTICLE}), article_id, i % {EVENTS_PER_ARTICLE}, 'text',
                   $country_name[source], $country[source] || $sector[source_sector], $country[source],
                   nullif($sector[source_sector], ''),
                   CASE WHEN has_target THEN $country_name[target] END,
                   CASE WHEN has_target THEN $country[target] || $sector[target_sector] END,
                   CASE WHEN has_target THEN $country[target] END,
                   CASE WHEN has_target THEN nullif($sector[target_sector], '') END,
                   $code[code], left($code[code], 2), $quad[code], $goldstein[code], $plover[code],
                   CASE WHEN precision < 90 THEN strftime(day, '%Y-%m-%d')
                        WHEN precision < 97 THEN strftime(day, '%Y-%m') ELSE strftime(day, '%Y') END,
                   strftime(day + days_late, '%Y-%m-%d'),
                   $country_name[source] || ' ' || $code_name[code]
                       || CASE WHEN has_target THEN ' ' || $country_name[target] ELSE '' END || '.',
                   $country_name[target], $country[target], 'actor-country',
                   round(-60 + hash($country[target], 'lat') % 12000 / 100, 2),
                   round(-180 + hash($country[target], 'lon') % 36000 / 100, 2)
            FROM drawn
            """,
            values,
        )
        connection.execute(
            "INSERT INTO article_clusters SELECT DISTINCT article_id, 'story-' || story, 1.0 FROM drawn"
        )
        connection.execute(
            """
            INSERT INTO articles (id, url, title, published, source, language, text, origin, format, outlet)
            SELECT article_id, 'https://' || $outlet[1 + CAST(hash(article_id) % 12 AS BIGINT)] || '/news/' || article_id,
                   arg_min(sentence, seq), min(published), NULL, 'en', string_agg(sentence, ' ' ORDER BY seq),
                   'synthetic', 'text', $outlet[1 + CAST(hash(article_id) % 12 AS BIGINT)]
            FROM events GROUP BY article_id
            """,
            {"outlet": list(OUTLETS)},
        )
        connection.execute(
            """
            INSERT INTO article_actors (article_id, seq, name, code, country, sector, kind, resolved_by)
            SELECT article_id, row_number() OVER (PARTITION BY article_id ORDER BY code, name) - 1, name, code, country,
                   sector, CASE WHEN sector IS NULL THEN 'country' ELSE 'group' END, 'dictionary'
            FROM (SELECT DISTINCT article_id, source_name AS name, source_code AS code, source_country AS country,
                         source_sector AS sector FROM events
                  UNION
                  SELECT DISTINCT article_id, target_name, target_code, target_country, target_sector
                  FROM events WHERE target_code IS NOT NULL)
            """
        )
        connection.execute(
            """
            INSERT INTO quotes (article_id, seq, field, type, text, speaker_name, speaker_code)
            SELECT article_id, 0, 'text', 'direct', sentence, source_name, source_code FROM events WHERE seq = 0
            """
        )
        connection.execute(
            """
            INSERT INTO places (article_id, seq, field, text, name, country, feature, reason)
            SELECT article_id, seq, 'text', location_name, location_name, location_country, 'country', 'actor-country'
            FROM events WHERE seq < 2 AND location_name IS NOT NULL
            """
        )
        connection.execute("COMMIT")


def busiest_dyad(connection: duckdb.DuckDBPyConnection) -> tuple[str, str]:
    """The pair of countries (source, target) with the most events between them."""
    ((source, target),) = connection.sql(
        "SELECT source_country, target_country FROM events WHERE target_country IS NOT NULL "
        "AND source_country <> target_country GROUP BY ALL ORDER BY count(*) DESC LIMIT 1"
    ).fetchall()
    return str(source), str(target)


CLI_RUNS = 5


def _time(call: Callable[[], object], repeat: int) -> tuple[float, float, float, int]:
    """First call, median and p95 (nearest rank) of ``repeat`` further calls, in ms; rows."""
    started = time.perf_counter()
    answer = call()
    first = (time.perf_counter() - started) * 1000
    rows = len(answer.rows) if isinstance(answer, Result) else str(answer).count("\n") - 1
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    return first, statistics.median(timings), timings[max(0, round(0.95 * len(timings)) - 1)], rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000, help="events in the synthetic store")
    parser.add_argument("--repeat", type=int, default=20, help="timed calls per query, after one first call")
    parser.add_argument("--db", type=Path, help="keep the store at this path (default: a temporary directory)")
    parser.add_argument("--json", action="store_true", help="end with one JSON line of all metrics")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="eventwire-bench-") as folder:
        path = args.db or Path(folder) / "bench.duckdb"
        if path.exists():
            parser.error(f"{path} exists; the benchmark writes a new store")
        started = time.perf_counter()
        build_store(path, args.events)
        build_s = time.perf_counter() - started
        prefix = f"events_{args.events}"
        metrics: dict[str, float] = {f"{prefix}/build_s": build_s, f"{prefix}/store_mb": path.stat().st_size / 2**20}
        with open_reader(path) as connection:
            a, b = busiest_dyad(connection)
            ((article_id,),) = connection.sql("SELECT id FROM articles ORDER BY id LIMIT 1 OFFSET 7").fetchall()
            queries: dict[str, Callable[[], object]] = {
                "dyad": lambda: dyad_summary(connection, a, b, by="month"),
                "dyad_unique": lambda: dyad_summary(connection, a, b, by="month", unique=True),
                "events_dyad": lambda: find_events(connection, EventFilter(dyad=(a, b), both_directions=True, limit=100)),
                "events_actor_text": lambda: find_events(connection, EventFilter(actor=a, text="ceasefire", limit=100)),
                "events_root_dates": lambda: find_events(
                    connection, EventFilter(root="19", quad=4, since="2022", until="2023-06", limit=100)
                ),
                "events_unique": lambda: find_events(connection, EventFilter(actor=b, unique=True, limit=100)),
                "actors": lambda: list_actors(connection, limit=100),
                "article": lambda: get_article(connection, str(article_id)[:8]),
                "sql": lambda: run_sql(connection, "SELECT root, count(*) AS n FROM events GROUP BY root ORDER BY root"),
            }
            report = Table(title=f"Query latency, {args.events:,} events ({build_s:.1f} s to build), dyad {a}-{b}")
            for column in ("query", "rows", "first ms", "median ms", "p95 ms"):
                report.add_column(column, justify="left" if column == "query" else "right")
            command = [sys.executable, "-m", "eventwire", "dyad", a, b, "--db", str(path), "--format", "csv"]
            queries["cli_dyad"] = lambda: subprocess.run(command, check=True, capture_output=True, text=True).stdout
            for name, call in queries.items():
                first, median, p95, rows = _time(call, CLI_RUNS if name == "cli_dyad" else args.repeat)
                metrics.update({f"{prefix}/{name}/first_ms": first, f"{prefix}/{name}/median_ms": median,
                                f"{prefix}/{name}/p95_ms": p95})  # fmt: skip
                report.add_row(name, str(rows), f"{first:.1f}", f"{median:.1f}", f"{p95:.1f}")
        Console().print(report)
    if args.json:
        print(json.dumps({"task": "query_latency", "metrics": {key: round(value, 2) for key, value in metrics.items()}}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
