import datetime as dt
import io
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from dyads import pipeline
from dyads.cli import cli
from dyads.errors import InputError
from dyads.extract import ExtractOptions
from dyads.model import RawDocument
from dyads.pipeline import IngestOptions, ingest
from dyads.store import Store

from .conftest import REPO

COUNTRIES = ["Chile", "Peru", "Kenya", "Ghana", "Norway", "Japan", "Egypt", "Mexico", "India", "Poland"]
VOCABULARY = [
    "fisheries",
    "tariffs",
    "pipelines",
    "vaccines",
    "ports",
    "railways",
    "visas",
    "grain",
    "fertiliser",
    "drones",
    "satellites",
    "refugees",
    "mining",
    "lithium",
    "copper",
    "wheat",
    "rice",
    "dams",
    "rivers",
    "borders",
    "elections",
    "courts",
    "debt",
    "loans",
    "bonds",
    "wind",
    "solar",
    "coal",
    "nuclear",
    "uranium",
    "shipping",
    "insurance",
    "customs",
    "quotas",
    "licences",
    "airspace",
    "cables",
    "chips",
]


def article_text(seed: int) -> str:
    """A distinct article per seed: shared phrasing would make them near duplicates of each other."""
    rng = random.Random(seed)
    a, b = rng.sample(COUNTRIES, 2)
    topics = " and ".join(rng.sample(VOCABULARY, 12))
    return f"Officials from {a} and {b} met on Monday (report {seed}) to discuss {topics}, officials said."


def write_corpus(directory, files=6, per_file=100):
    """JSON Lines files of distinct articles, every tenth one an exact copy of the one before."""
    directory.mkdir()
    number = 0
    for file_number in range(files):
        with (directory / f"part{file_number}.jsonl").open("w") as handle:
            for _ in range(per_file):
                seed = number - 1 if number % 10 == 9 else number
                handle.write(
                    json.dumps({"id": f"r{number}", "text": article_text(seed), "date": "2025-03-04"}) + "\n"
                )
                number += 1
    return directory


def counts(db_path):
    """What a database holds; a file killed before its schema was committed holds nothing."""
    connection = duckdb.connect(str(db_path), read_only=True)
    try:
        tables = {
            row[0]
            for row in connection.execute("SELECT table_name FROM information_schema.tables").fetchall()
        }
        if "articles" not in tables:
            return dict.fromkeys(("articles", "duplicates", "unsigned", "events", "in stories"), 0)
        return {
            "articles": connection.execute("SELECT count(*) FROM articles").fetchone()[0],
            "duplicates": connection.execute("SELECT count(*) FROM duplicates").fetchone()[0],
            "unsigned": connection.execute(
                "SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM article_signatures)"
            ).fetchone()[0],
            "events": connection.execute("SELECT count(*) FROM events").fetchone()[0],
            "in stories": connection.execute("SELECT count(*) FROM story_articles").fetchone()[0],
        }
    finally:
        connection.close()


@pytest.fixture(scope="module")
def crash_corpus(tmp_path_factory):
    """A corpus and the counts a clean, uninterrupted ingest of it ends with."""
    directory = tmp_path_factory.mktemp("crash")
    corpus = write_corpus(directory / "corpus", files=5, per_file=100)
    with Store.open(directory / "clean.duckdb") as store:
        ingest([str(corpus)], store, IngestOptions(batch_size=10))
    return corpus, counts(directory / "clean.duckdb")


@pytest.mark.slow
@pytest.mark.parametrize("repeat", range(4))
def test_killed_ingest_leaves_a_consistent_file_and_rerun_finishes(crash_corpus, tmp_path, repeat):
    """kill -9 at a random moment of a 500-input ingest (seeded, so a failure can be replayed)."""
    corpus, expected = crash_corpus
    assert {k: expected[k] for k in ("articles", "duplicates", "unsigned")} == {
        "articles": 450, "duplicates": 50, "unsigned": 0
    }  # fmt: skip
    assert expected["in stories"] == expected["articles"]
    delay = random.Random(repeat).uniform(2.0, 8.0)
    killed = tmp_path / "killed.duckdb"
    command = [
        sys.executable,
        "-m",
        "dyads",
        "ingest",
        str(corpus),
        "--db",
        str(killed),
        "--batch-size",
        "10",
    ]
    mark = f"dyads-kill-test-{os.getpid()}-{repeat}"
    environment = {**os.environ, "DYADS_TEST_MARK": mark}
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=environment)
    time.sleep(delay)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    deadline = time.monotonic() + 5
    while _processes_marked(mark) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not _processes_marked(mark), "parsing workers outlived the killed ingest"
    partial = counts(killed) if killed.exists() else {"articles": 0, "duplicates": 0, "unsigned": 0}
    assert partial["unsigned"] == 0, f"half-stored article after a kill at {delay:.2f} s"
    assert partial["articles"] <= expected["articles"]
    rerun = subprocess.run(command, capture_output=True, text=True, check=True)
    assert rerun.stdout.startswith(f"accepted {expected['articles'] - partial['articles']}, ")
    assert counts(killed) == expected


def _processes_marked(mark: str) -> list[int]:
    """Live processes started with DYADS_TEST_MARK=mark in their environment (children inherit it)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if (
                entry.name.isdigit()
                and f"DYADS_TEST_MARK={mark}".encode() in (entry / "environ").read_bytes()
            ):
                found.append(int(entry.name))
        except OSError:
            continue
    return found


def test_ingest_from_stdin(tmp_path):
    record = {
        "id": "stdin-1",
        "text": "Norway and Poland agreed on Tuesday to link their power grids.",
        "outlet": "Prairie Post",
    }
    result = CliRunner().invoke(
        cli, ["ingest", "-", "--db", str(tmp_path / "s.duckdb")], input=json.dumps(record)
    )
    assert (result.exit_code, result.stdout) == (0, "accepted 1, duplicates 0, unchanged 0, rejected 0\n")


def test_extraction_crash_on_one_input_is_a_rejection(tmp_path, monkeypatch):
    def explode(raw, options):
        if raw.doc == "bad":
            raise RecursionError("maximum recursion depth exceeded")
        if raw.doc == "empty":
            raise InputError("no article text found")
        return real_extract(raw, options)

    from dyads import pipeline

    real_extract = pipeline.extract_article
    monkeypatch.setattr(pipeline, "extract_article", explode)
    lines = "\n".join(
        json.dumps({"id": doc, "text": f"Ghana and Egypt held talks about item {doc} on Monday."})
        for doc in ("good", "bad", "empty")
    )
    (tmp_path / "in.jsonl").write_text(lines)
    with Store.open(tmp_path / "db.duckdb") as store:
        summary = ingest([str(tmp_path / "in.jsonl")], store)
    assert summary.accepted == 1
    assert [(r.input, r.reason) for r in summary.rejections] == [
        ("bad", "could not extract text (RecursionError: maximum recursion depth exceeded)"),
        ("empty", "no article text found"),
    ]


def test_deeply_nested_and_unclosed_html_does_not_stop_the_batch(tmp_path):
    nested = "<html><body>" + "<div>" * 10_000 + "<p>Deep text about Chile." + "</div>" * 10 + "<p>unclosed"
    (tmp_path / "deep.html").write_text(nested)
    (tmp_path / "fine.txt").write_text("Peru and Chile signed a deal on Monday in Lima, officials said.")
    with Store.open(tmp_path / "db.duckdb") as store:
        summary = ingest([str(tmp_path)], store)
    assert summary.accepted + summary.rejected == 2
    assert summary.accepted >= 1


def test_raw_document_round_trip_through_python_api(tmp_path):
    stream = io.BytesIO(b'{"id": "x1", "text": "Kenya and Ghana signed a visa accord on Friday."}')
    from dyads.ingest import read_inputs

    [document] = read_inputs(["-"], stdin=stream)
    assert isinstance(document, RawDocument)


def test_stories_are_made_as_the_ingest_goes(crash_corpus, tmp_path, monkeypatch):
    """Every so many stored articles (here 50), the pending ones are put into stories, 50 at a time."""
    monkeypatch.setattr(pipeline, "_CHUNK_ARTICLES", 50)
    corpus, expected = crash_corpus
    with Store.open(tmp_path / "steps.duckdb") as store:
        summary = ingest([str(corpus)], store, IngestOptions(batch_size=10))
        sizes = store.connection.execute(
            "SELECT count(*) FROM story_articles GROUP BY story_id ORDER BY 1 DESC"
        ).fetchall()
    assert counts(tmp_path / "steps.duckdb")["in stories"] == expected["articles"] == summary.accepted
    assert dict(summary.stage_seconds)[pipeline.STORIES_STAGE] > 0
    assert sum(size for (size,) in sizes) == expected["articles"] and len(sizes) > 1


@pytest.mark.parametrize(
    ("sizes", "groups"),
    [
        ({"a": 1500, "b": 400, "c": 200}, [["a", "b"], ["c"]]),
        ({"a": 2500, "b": 10}, [["a"], ["b"]]),
        ({"a": 10, "b": 2500, "c": 10}, [["a"], ["b"], ["c"]]),
        ({}, [["a", "b", "c"]]),
    ],
    ids=["filled-in-order", "a-large-story-alone", "between-small-ones", "sizes-unknown"],
)
def test_stories_are_compared_in_groups_of_about_so_many_articles(sizes, groups):
    assert list(pipeline._comparison_groups(list(sizes) or ["a", "b", "c"], sizes)) == groups


def test_comparing_in_small_groups_finds_what_one_group_finds(tmp_path, monkeypatch):
    def compared(name):
        with Store.open(tmp_path / name) as store:
            ingest([str(REPO / "examples")], store)
            return store.connection.execute(
                """SELECT s.id, count(DISTINCT c.id), count(DISTINCT f.id) FROM stories s
                   LEFT JOIN claims c ON c.story_id = s.id LEFT JOIN conflicts f ON f.story_id = s.id
                   GROUP BY s.id ORDER BY s.id"""
            ).fetchall()

    whole = compared("whole.duckdb")
    monkeypatch.setattr(pipeline, "_COMPARED_ARTICLES", 2)
    assert compared("grouped.duckdb") == whole
    assert sum(claims for _, claims, _ in whole) > 50 and sum(found for *_, found in whole) > 20


def test_an_undated_article_joins_the_stories_of_its_time(tmp_path):
    """An article without a date is taken for news of the articles ingested with it, or, ingested on its
    own, of the latest news stored: it joins the call's story, and a text like a summit of a year
    before starts a story of its own."""
    call = "Putin and Xi held a video call to discuss Ukraine, Taiwan and trade with Washington."
    summit = "Erdogan and Putin met in Sochi for talks on Black Sea shipping and gas supplies."
    (tmp_path / "summit.txt").write_text(f"Erdogan hosts Putin\n\n{summit}\n", encoding="utf-8")
    (tmp_path / "call.txt").write_text(f"Putin and Xi speak by video\n\n{call}\n", encoding="utf-8")
    (tmp_path / "later.txt").write_text(
        "Xi and Putin discuss Ukraine and Taiwan in video call\n\n"
        "Xi and Putin spoke by video about Ukraine, Taiwan and trade with Washington, the Kremlin said.\n",
        encoding="utf-8",
    )
    (tmp_path / "again.txt").write_text(
        f"Erdogan and Putin meet in Sochi\n\n{summit.replace('met', 'meet')}\n", encoding="utf-8"
    )
    days = (
        ("summit.txt", "2024-01-21"),
        ("call.txt", "2025-01-21"),
        ("later.txt", None),
        ("again.txt", None),
    )
    with Store.open(tmp_path / "undated.duckdb") as store:
        for name, day in days:
            options = IngestOptions(
                extract=ExtractOptions(default_date=dt.date.fromisoformat(day) if day else None)
            )
            ingest([str(tmp_path / name)], store, options)
        stories = dict(
            store.connection.execute(
                "SELECT a.doc, s.story_id FROM story_articles s JOIN articles a ON a.id = s.article_id"
            ).fetchall()
        )
    published = store_published(tmp_path / "undated.duckdb")
    assert published[str(tmp_path / "later.txt")] is None
    assert stories[str(tmp_path / "later.txt")] == stories[str(tmp_path / "call.txt")]
    assert stories[str(tmp_path / "summit.txt")] != stories[str(tmp_path / "call.txt")]
    # taken for news of January 2025, the Sochi text is a new meeting, not the one of a year before
    assert stories[str(tmp_path / "again.txt")] not in {
        stories[str(tmp_path / n)] for n in ("summit.txt", "call.txt")
    }


def store_published(path):
    with Store.open(path, read_only=True) as store:
        return dict(store.connection.execute("SELECT doc, published FROM articles").fetchall())


def test_the_database_memory_of_an_ingest_is_capped(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("Title\n\nPutin and Xi held a video call on Tuesday.\n", encoding="utf-8")
    seen = []
    update = pipeline.update_stories

    def update_noting_the_limit(store, *args):
        seen.append(store.connection.execute("SELECT current_setting('memory_limit')").fetchone()[0])
        return update(store, *args)

    monkeypatch.setattr(pipeline, "update_stories", update_noting_the_limit)
    with Store.open(tmp_path / "capped.duckdb") as store:
        default = store.connection.execute("SELECT current_setting('memory_limit')").fetchone()[0]
        ingest([str(tmp_path / "a.txt")], store, IngestOptions(database_memory="64MB"))
        assert seen == ["61.0 MiB"]
        assert store.connection.execute("SELECT current_setting('memory_limit')").fetchone()[0] == default
    result = CliRunner().invoke(
        cli, ["ingest", str(tmp_path), "--db", str(tmp_path / "x.duckdb"), "--db-memory", "lots"]
    )
    assert result.exit_code != 0
    assert "cannot limit the database's memory to 'lots'" in result.output
