import datetime as dt
import multiprocessing
from dataclasses import replace

import duckdb
import pytest

from dyads.compare import compare_story
from dyads.errors import DatabaseInUseError, DyadsError
from dyads.figures import read_figures
from dyads.model import Article, Duplicate, PublicationDate, Rejection, StoryAssignment
from dyads.store import SCHEMA_VERSION, TABLES, Store


def make_article(number: int) -> Article:
    text = f"Article number {number} about talks between Chile and Peru."
    return Article(
        id=f"{number:016x}", doc=f"doc{number}.txt", text=text, paragraphs=(text,), title=f"Title {number}",
        url=None, outlet="Prairie Post", wire=None,
        published=PublicationDate(dt.date(2025, 1, number), "day", "date-line"),
        dateline_places=("Lima",), language="en", source_path=f"doc{number}.txt",
        ingested_at=dt.datetime(2025, 2, 1),
    )  # fmt: skip


def write(store: Store, articles, duplicates=(), rejections=()) -> int:
    with store.transaction():
        run_id = store.start_run(["x"], dt.datetime(2025, 2, 1))
        store.write_batch(run_id, [(a, [1, 2, 3]) for a in articles], list(duplicates), list(rejections))
    return run_id


def test_new_database_is_migrated(tmp_path):
    with Store.open(tmp_path / "db.duckdb") as store:
        assert store.schema_version() == SCHEMA_VERSION
        tables = {
            row[0]
            for row in store.connection.execute("SELECT table_name FROM information_schema.tables").fetchall()
        }
    assert set(TABLES) <= tables


def test_write_is_idempotent_and_round_trips(tmp_path):
    path = tmp_path / "db.duckdb"
    duplicate = Duplicate("ffff", "copy.txt", "copy.txt", "T", None, make_article(1).id, "near", 0.91)
    with Store.open(path) as store:
        write(
            store,
            [make_article(1), make_article(2)],
            [duplicate],
            [Rejection("bad.txt", "empty input")],
        )
        write(store, [make_article(1)], [duplicate], [Rejection("bad.txt", "empty input")])
    with Store.open(path, read_only=True) as store:
        stats = store.stats()
        row = store.connection.execute(
            "SELECT doc, published, published_basis, dateline_places FROM articles ORDER BY id LIMIT 1"
        ).fetchone()
    assert stats["counts"]["articles"] == 2
    assert stats["counts"]["duplicates"] == 1
    assert stats["counts"]["rejections"] == 1
    assert stats["near_duplicates"] == 1
    assert stats["outlets"] == {"Prairie Post": 2}
    assert (stats["published_first"], stats["published_last"]) == ("2025-01-01", "2025-01-02")
    assert row == ("doc1.txt", dt.date(2025, 1, 1), "date-line", ["Lima"])


def test_failed_batch_leaves_nothing(tmp_path):
    with Store.open(tmp_path / "db.duckdb") as store:
        with pytest.raises(RuntimeError), store.transaction():
            store.write_batch(
                store.start_run(["x"], dt.datetime(2025, 2, 1)), [(make_article(1), [1])], [], []
            )
            raise RuntimeError("killed")
        assert store.stats()["counts"]["articles"] == 0
        assert store.stats()["counts"]["runs"] == 0


def _hold_open(path, ready, release):
    store = Store.open(path)
    ready.set()
    release.wait(30)
    store.close()


def test_second_writer_gets_a_clear_error(tmp_path):
    path = str(tmp_path / "db.duckdb")
    Store.open(path).close()
    context = multiprocessing.get_context("spawn")
    ready, release = context.Event(), context.Event()
    holder = context.Process(target=_hold_open, args=(path, ready, release))
    holder.start()
    try:
        assert ready.wait(60)
        with pytest.raises(DatabaseInUseError, match=r"is in use by another dyads process \(PID \d+\)"):
            Store.open(path)
    finally:
        release.set()
        holder.join(30)


def test_read_only_needs_an_existing_dyads_database(tmp_path):
    with pytest.raises(DyadsError, match="no database at"):
        Store.open(tmp_path / "missing.duckdb", read_only=True)
    other = tmp_path / "other.duckdb"
    duckdb.connect(str(other)).execute("CREATE TABLE t (x INTEGER)").close()
    with pytest.raises(DyadsError, match="is not a dyads database"):
        Store.open(other, read_only=True)
    with pytest.raises(DyadsError, match="DuckDB file of something else"):
        Store.open(other)
    garbage = tmp_path / "garbage.duckdb"
    garbage.write_bytes(b"this is not a database file at all" * 200)
    with pytest.raises(DyadsError, match="cannot open"):
        Store.open(garbage)


def test_articles_stored_before_figures_get_them_when_migrated(tmp_path):
    path = tmp_path / "db.duckdb"
    article = replace(make_article(1), text="Chile said talks with Peru lasted three hours on Monday.")
    with Store.open(path) as store:
        write(store, [article])
        store.connection.execute("DROP TABLE figures")
        store.connection.execute("DROP INDEX duplicates_of")
        store.connection.execute("ALTER TABLE duplicates DROP COLUMN published")
        store.connection.execute("CREATE INDEX duplicates_of ON duplicates (duplicate_of)")
        store.set_meta("schema_version", "3")
    with Store.open(path) as store:
        assert store.schema_version() == SCHEMA_VERSION
        rows = store.connection.execute("SELECT article_id, text, kind, low FROM figures").fetchall()
    assert rows == [(article.id, "three hours", "duration", 180.0)]


def test_a_story_holds_the_figures_of_near_copies_of_its_articles(tmp_path):
    """A near copy is not coded, but the number an outlet ran in it is compared with the others."""
    article = replace(make_article(1), text="Chile said talks with Peru lasted three hours on Monday.")
    copy_text = "Chile said talks with Peru lasted four hours on Monday."
    near = Duplicate(
        "ffff", "copy.txt", "copy.txt", "T", "Harbour Ledger", article.id, "near", 0.9, dt.date(2025, 1, 2)
    )
    exact = Duplicate(
        "eeee", "same.txt", "same.txt", "T", "Atlas", article.id, "exact", 1.0, dt.date(2025, 1, 3)
    )
    figures = [*read_figures(article.id, article.text), *read_figures(near.id, copy_text)]
    with Store.open(tmp_path / "db.duckdb") as store:
        with store.transaction():
            run_id = store.start_run(["x"], dt.datetime(2025, 2, 1))
            store.write_batch(run_id, [(article, [1])], [near, exact], [], figures=figures)
            store.add_to_stories([StoryAssignment(article.id, "s1", 1.0, True)], dt.datetime(2025, 2, 1))
        [(events, texts, people)] = store.story_materials(["s1"]).values()
    told = [
        (t.article.doc, t.article.source, t.article.published, [f.quantity.text for f in t.figures])
        for t in texts
    ]
    assert told == [
        ("doc1.txt", "Prairie Post", dt.date(2025, 1, 1), ["three hours"]),
        ("copy.txt", "Harbour Ledger", dt.date(2025, 1, 2), ["four hours"]),
    ]
    [conflict] = compare_story("s1", events, texts, people).conflicts
    assert conflict.values == (("copy.txt", "four hours"), ("doc1.txt", "three hours"))


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "db.duckdb"
    with Store.open(path) as store:
        store.set_meta("schema_version", str(SCHEMA_VERSION + 1))
    with pytest.raises(DyadsError, match="newer than this dyads"):
        Store.open(path)


@pytest.mark.parametrize("file_format", ["parquet", "csv"])
def test_export_writes_every_table(tmp_path, file_format):
    path = tmp_path / "db.duckdb"
    with Store.open(path) as store:
        write(store, [make_article(1), make_article(2)])
    out = tmp_path / "out"
    with Store.open(path, read_only=True) as store:
        written = store.export(out, file_format)
    assert [p.name for p in written] == [f"{table}.{file_format}" for table in TABLES]
    reader = "read_parquet" if file_format == "parquet" else "read_csv_auto"
    rows = duckdb.sql(f"SELECT count(*) FROM {reader}('{out / ('articles.' + file_format)}')").fetchall()
    assert rows == [(2,)]
