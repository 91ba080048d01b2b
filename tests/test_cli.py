import csv
import gzip
import json

import duckdb
import pytest
from click.testing import CliRunner

from dyads.cli import cli
from dyads.store import TABLES, EventFilters, Store

GOOD_TEXT = (
    "Chile and Peru Agree on Fisheries\n\nLIMA, March 6 (Meridian Press) – Chile and Peru signed a fisheries "
    "accord on Thursday in Lima, ending a two-year dispute over anchovy quotas that had strained ties "
    "between the neighbours, officials from both governments said.\n\n"
    "The deal sets up joint naval patrols along the maritime border and a shared catch limit for the "
    "coming season, which fishing unions in both countries had demanded for years.\n\n"
    "Peru's foreign minister called the accord a model for the region, while Chile's government said it "
    "would ask Congress to approve it before the season opens in April.\n"
)
OTHER_TEXT = (
    "Bolivia Seeks Port Talks\n\nLA PAZ, March 7 (Meridian Press) – Bolivia asked Chile on Friday to reopen "
    "talks on sea access, a request Santiago said it would study without commitment.\n"
)
GOOD_HTML = (
    "<html><head><title>Talks in Doha</title><meta property='og:site_name' content='Atlas Daily'></head><body>"
    "<nav><a href='/'>Home</a></nav><article><h1>Talks in Doha</h1><p>Negotiators from Sudan's warring "
    "parties met in Doha on Monday for a new round of talks hosted by Qatar, mediators said.</p>"
    "<p>No agreement was reached, but both delegations said they would return next week.</p></article>"
    "</body></html>"
)


def run(*args, **kwargs):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False, **kwargs)


def dump_tables(db_path):
    connection = duckdb.connect(str(db_path), read_only=True)
    try:
        return {
            table: sorted(map(repr, connection.execute(f"SELECT * FROM {table}").fetchall()))
            for table in TABLES
        }
    finally:
        connection.close()


def test_version():
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout == "dyads, version 0.1.0\n"


def test_ingest_seeds_twice_changes_nothing(seeds_dir, tmp_path):
    db = tmp_path / "s.duckdb"
    first = run("ingest", str(seeds_dir), "--db", str(db))
    assert (first.exit_code, first.stdout) == (
        0,
        "accepted 2, duplicates 0, unchanged 0, rejected 0\n",
    )
    before = dump_tables(db)
    second = run("ingest", str(seeds_dir), "--db", str(db))
    assert (second.exit_code, second.stdout) == (
        0,
        "accepted 0, duplicates 0, unchanged 2, rejected 0\n",
    )
    assert dump_tables(db) == before
    assert len(before["articles"]) == 2


def test_mixed_good_and_bad_inputs(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(GOOD_TEXT)
    (corpus / "good.html").write_text(GOOD_HTML)
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    (corpus / "broken.txt").write_bytes("Déjà".encode() + b" \xff\xfe\xfd")
    (corpus / "truncated.txt.gz").write_bytes(gzip.compress(GOOD_TEXT.encode())[:30])
    lines = [json.dumps({"id": "j1", "text": OTHER_TEXT}), "{oops"]
    (corpus / "dump.jsonl").write_text("\n".join(lines))
    db = tmp_path / "m.duckdb"
    result = run("ingest", str(corpus), "--db", str(db))
    assert result.exit_code == 1
    assert result.stdout == "accepted 3, duplicates 0, unchanged 0, rejected 5\n"
    assert result.stderr.splitlines() == [
        "rejected: broken.txt: invalid UTF-8 at byte 7",
        "rejected: dump.jsonl line 2: invalid JSON at column 2: Expecting property name enclosed in double quotes",
        "rejected: empty.txt: empty input",
        "rejected: image.txt: binary file (a PNG image), not text",
        "rejected: truncated.txt.gz: truncated gzip data",
    ]
    assert "Traceback" not in result.output
    stats = json.loads(run("stats", "--db", str(db), "--format", "json").stdout)
    assert stats["counts"]["articles"] == 3
    assert stats["counts"]["rejections"] == 5
    assert set(stats["outlets"]) == {"Atlas Daily", "(unknown)"}


def test_duplicates_are_linked_not_stored_twice(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD_TEXT)
    (tmp_path / "b.txt").write_text(GOOD_TEXT.replace("Thursday", "Thursday, March 6,"))
    (tmp_path / "c.jsonl").write_text(json.dumps({"id": "same", "text": GOOD_TEXT}))
    db = tmp_path / "d.duckdb"
    result = run(
        "ingest",
        str(tmp_path / "a.txt"),
        str(tmp_path / "b.txt"),
        str(tmp_path / "c.jsonl"),
        "--db",
        str(db),
    )
    assert result.stdout == "accepted 1, duplicates 2, unchanged 0, rejected 0\n"
    rows = (
        duckdb.connect(str(db), read_only=True)
        .execute("SELECT doc, kind FROM duplicates ORDER BY doc")
        .fetchall()
    )
    assert rows == [(str(tmp_path / "b.txt"), "near"), ("same", "exact")]


STATS_TABLE = """\
                dyads database
┌──────────────────┬──────────────────────────┐
│ file             │                 s.duckdb │
│ articles         │                        2 │
│ exact duplicates │                        0 │
│ near duplicates  │                        0 │
│ rejected inputs  │                        0 │
│ published        │ 2025-01-21 .. 2025-01-22 │
│ outlets          │                        2 │
│ mentions         │                      292 │
│ events           │                       32 │
│ stories          │                        1 │
│ runs             │                        1 │
└──────────────────┴──────────────────────────┘
  articles per outlet
┏━━━━━━━━━━━┳━━━━━━━━━━┓
┃ outlet    ┃ articles ┃
┡━━━━━━━━━━━╇━━━━━━━━━━┩
│ (unknown) │ 1        │
│ SAMAA TV  │ 1        │
└───────────┴──────────┘
"""


def test_stats_table(seeds_dir, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    run("ingest", str(seeds_dir), "--db", "s.duckdb")
    result = run("stats", "--db", "s.duckdb")
    assert result.exit_code == 0
    assert [line.rstrip() for line in result.stdout.splitlines()] == STATS_TABLE.splitlines()


def test_export(seeds_dir, tmp_path):
    db = tmp_path / "s.duckdb"
    run("ingest", str(seeds_dir), "--db", str(db))
    out = tmp_path / "out"
    result = run("export", "--db", str(db), "--format", "csv", "--out", str(out))
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [str(out / f"{table}.csv") for table in TABLES]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["ingest", "x.txt"], "Missing option '--db'"),
        (["ingest", "--db", "x.duckdb"], "Missing argument 'PATHS...'"),
        (
            ["ingest", "x.txt", "--db", "x.duckdb", "--date", "21/01/2025"],
            "'21/01/2025' is not a date in YYYY-MM-DD form",
        ),
        (
            ["export", "--db", "x.duckdb", "--format", "xml", "--out", "o"],
            "'xml' is not one of 'parquet', 'csv', 'gdelt'",
        ),
    ],
)
def test_usage_errors_exit_2(args, message):
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_missing_database_is_a_one_line_error(tmp_path):
    result = run("stats", "--db", str(tmp_path / "nope.duckdb"))
    assert result.exit_code == 1
    assert result.stderr == (
        f"error: no database at {tmp_path / 'nope.duckdb'} "
        f"(create it with: dyads ingest PATH --db {tmp_path / 'nope.duckdb'})\n"
    )


def test_actors_jsonl_and_table(tmp_path):
    article = tmp_path / "call.txt"
    article.write_text(
        "Leaders Talk\n\nRussian President Vladimir Putin and Chinese President Xi Jinping held a video call "
        "on Tuesday. The two leaders discussed trade.\n"
    )
    result = run("actors", str(article), "--date", "2025-01-21")
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(m["text"], m["code"], m["method"]) for m in lines] == [
        ("Russian President Vladimir Putin", "RUSGOV", "person"),
        ("Chinese President Xi Jinping", "CHNGOV", "person"),
        ("The two leaders", "RUSGOV", "joint"),
        ("The two leaders", "CHNGOV", "joint"),
    ]
    assert set(lines[0]) == {
        "doc", "article_id", "sentence_index", "start", "end", "text", "code", "country", "role", "method",
        "entry", "confidence",
    }  # fmt: skip
    assert (lines[0]["doc"], lines[0]["country"], lines[0]["role"]) == (str(article), "RUS", "GOV")
    table = run("actors", str(article), "--date", "2025-01-21", "--format", "table")
    assert table.exit_code == 0
    assert table.stdout.splitlines()[1].split() == [
        "┃",
        "doc",
        "┃",
        "sentence",
        "┃",
        "mention",
        "┃",
        "code",
        "┃",
        "method",
        "┃",
        "confidence",
        "┃",
    ]
    codes = [line.split("│")[4].strip() for line in table.stdout.splitlines() if line.startswith("│")]
    assert [code for code in codes if code] == ["RUSGOV", "CHNGOV", "RUSGOV", "CHNGOV"]


def test_eval_actors_needs_predictions_for_seed_style_gold(gold_dir):
    result = CliRunner().invoke(cli, ["eval", "actors", str(gold_dir / "seed_actors.jsonl")])
    assert result.exit_code == 1
    assert "give the output of `dyads actors` as PREDICTED" in result.stderr


def test_code_prints_contract_events(tmp_path):
    article = tmp_path / "visit.txt"
    article.write_text(
        "Leaders Meet\n\nMarch 4, 2025\n\nFrench President Emmanuel Macron met German Chancellor Olaf Scholz "
        "in Berlin on Monday.\n"
    )
    result = run("code", str(article))
    assert result.exit_code == 0
    [event] = [json.loads(line) for line in result.stdout.splitlines()]
    assert (event["source"]["code"], event["root"], event["target"]["code"]) == ("FRAGOV", "04", "DEUGOV")
    assert (event["event_date"], event["date_precision"], event["mode"]) == ("2025-03-03", "day", "asserted")


def test_stories_and_compare_on_the_seeds(seeds_dir, gold_dir, tmp_path):
    db = str(tmp_path / "s.duckdb")
    run("ingest", str(seeds_dir), "--db", db)
    result = run("stories", "--db", db, "--format", "json")
    assert result.exit_code == 0
    [story] = json.loads(result.stdout)
    expected = json.loads((gold_dir / "seed_story.json").read_text(encoding="utf-8"))
    assert sorted(article["doc"].rsplit("/", 1)[-1] for article in story["articles"]) == expected["docs"]
    assert set(story) == {"id", "title", "articles", "topics", "conflicts"}
    assert {"topic": "Ukraine", "outlets": 2} in story["topics"]
    assert set(story["articles"][0]) == {"doc", "article_id", "outlet", "published"}

    result = run("compare", "--db", db, story["id"], "--format", "json")
    assert result.exit_code == 0
    comparison = json.loads(result.stdout)
    dates = [c for c in comparison["conflicts"] if c["kind"] == "event_date"]
    [gold_dates] = [c["values"] for c in expected["expected_conflicts"] if c["kind"] == "event_date"]
    assert [{doc.rsplit("/", 1)[-1]: day for doc, day in c["values"].items()} for c in dates] == [gold_dates]
    assert dates[0]["description"].startswith("CHN-RUS 04")
    assert len(dates[0]["evidence"]) == 2
    assert any(c["claim"] == "CHN-RUS 04" and len(c["outlets"]) == 2 for c in comparison["corroborated"])

    table = run("compare", "--db", db, story["id"]).stdout
    for heading in ("corroborated claims", "single-source claims", "conflicts"):
        assert heading in table
    assert "2025-01-22" in table


def test_compare_unknown_story_is_a_one_line_error(seeds_dir, tmp_path):
    db = str(tmp_path / "s.duckdb")
    run("ingest", str(seeds_dir), "--db", db)
    result = run("compare", "--db", db, "s-nope")
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        f"error: no story 's-nope' in {db} (list them with: dyads stories --db {db})"
    ]


def test_stories_grow_incrementally_across_ingests(seeds_dir, tmp_path):
    """The second outlet's report, ingested later, joins the story the first one started."""
    db = str(tmp_path / "s.duckdb")
    first, second = sorted(seeds_dir.iterdir())
    run("ingest", str(first), "--db", db)
    [story] = json.loads(run("stories", "--db", db, "--format", "json").stdout)
    assert len(story["articles"]) == 1 and story["conflicts"] == []
    run("ingest", str(second), "--db", db)
    [grown] = json.loads(run("stories", "--db", db, "--format", "json").stdout)
    assert grown["id"] == story["id"]
    assert len(grown["articles"]) == 2
    assert [c["kind"] for c in grown["conflicts"]] == ["event_date", "assertion_vs_unconfirmed"]


def test_eval_stories_beside_the_baseline(seeds_dir, tmp_path):
    db = str(tmp_path / "s.duckdb")
    run("ingest", str(seeds_dir), "--db", db)
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        "".join(
            json.dumps({"id": path.name, "story_id": "call"}) + "\n" for path in sorted(seeds_dir.iterdir())
        ),
        encoding="utf-8",
    )
    result = run("eval", "stories", str(gold), "--db", db, "--format", "json")
    assert result.exit_code == 0
    scores = json.loads(result.stdout)
    assert set(scores) == {"dyads", "tf-idf baseline"}
    assert scores["dyads"]["articles"] == 2
    assert scores["dyads"]["bcubed_f1"] == 1.0


def test_stories_by_topic(seeds_dir, tmp_path):
    db = str(tmp_path / "s.duckdb")
    run("ingest", str(seeds_dir), "--db", db)
    for topic, count in (("ukraine-war", 1), ("Ukraine", 1), ("taiwan", 1), ("iran-nuclear", 0)):
        result = run("stories", "--db", db, "--topic", topic, "--format", "json")
        assert len(json.loads(result.stdout)) == count, topic
    assert len(json.loads(run("stories", "--db", db, "--format", "json").stdout)) == 1


def test_events_near_a_place(seeds_dir, tmp_path):
    db = tmp_path / "s.duckdb"
    run("ingest", str(seeds_dir), "--db", str(db))
    near = run("events", "--db", str(db), "--near", "Moscow", "--km", "50", "--format", "jsonl")
    assert near.exit_code == 0, near.output
    rows = [json.loads(line) for line in near.stdout.splitlines()]
    assert rows and {row["location_name"] for row in rows} <= {"Moscow", "Kremlin", "Novo-Ogaryovo"}
    far = run("events", "--db", str(db), "--near", "Lima", "--format", "jsonl")
    assert far.stdout == ""
    table = run("events", "--db", str(db), "--pair", "CHN-RUS", "--limit", "3")
    assert table.stdout.splitlines()[0].strip() == f"3 of {len(_events(db, 'CHN-RUS'))} events"
    unknown = run("events", "--db", str(db), "--near", "Atlantis-upon-Sea")
    assert unknown.exit_code == 1
    assert (
        unknown.stderr
        == "error: unknown place 'Atlantis-upon-Sea'; give a city, site or country name, or LAT,LON\n"
    )


def _events(db, pair):
    with Store.open(str(db), read_only=True) as store:
        return store.events_page(EventFilters(pair=pair), limit=1000)[0]


def test_export_gdelt_carries_the_action_geography(seeds_dir, tmp_path):
    db = tmp_path / "s.duckdb"
    run("ingest", str(seeds_dir), "--db", str(db))
    result = run("export", "--db", str(db), "--format", "gdelt", "--out", str(tmp_path / "out"))
    assert result.stdout == f"{tmp_path / 'out' / 'events.gdelt.tsv'}\n"
    rows = list(
        csv.DictReader((tmp_path / "out" / "events.gdelt.tsv").open(encoding="utf-8"), delimiter="\t")
    )
    assert len(rows) == len(_events(db, ""))
    call = next(r for r in rows if r["Actor1CountryCode"] == "RUS" and r["EventRootCode"] == "04")
    assert call["SQLDATE"].startswith("2025012")
    assert call["ActionGeo_FullName"] and call["ActionGeo_Type"] in {"1", "4"}
    assert all(r["ActionGeo_Lat"] for r in rows if r["ActionGeo_FullName"] != "")


def test_eval_geo(tmp_path):
    cases = tmp_path / "cases.jsonl"
    case = {"id": "c1", "text": "Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing on Tuesday.",
            "date": "2025-05-08", "location": {"name": "Beijing", "country": "CHN", "precision": "city", "method": "sentence"}}  # fmt: skip
    cases.write_text(json.dumps(case) + "\n", encoding="utf-8")
    result = run("eval", "geo", str(cases), "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) | {"misses": []} == {
        "cases": 1, "located": 1, "country_accuracy": 1.0, "precision_accuracy": 1.0, "place_accuracy": 1.0,
        "method_accuracy": 1.0, "exact": 1.0, "misses": [],
    }  # fmt: skip
