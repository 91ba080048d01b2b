"""Engines: a local process pool and Ray Data code the same events as one process."""

import datetime as dt
import math

import pytest

from dyads.engines import CodingConfig, LocalEngine, RayEngine
from dyads.errors import DyadsError
from dyads.figures import read_figures
from dyads.model import (
    ActorRef,
    Article,
    Event,
    Mention,
    PublicationDate,
    record_from_json,
    record_json,
)
from dyads.pipeline import IngestOptions, ingest
from dyads.store import Store


def stored(path):
    with Store.open(str(path), read_only=True) as store:
        connection = store.connection
        return (
            connection.execute("SELECT * FROM events ORDER BY id").fetchall(),
            connection.execute("SELECT * FROM mentions ORDER BY article_id, start_char, code").fetchall(),
            connection.execute(
                "SELECT story_id, article_id FROM story_articles ORDER BY article_id"
            ).fetchall(),
            connection.execute("SELECT * FROM figures ORDER BY article_id, position").fetchall(),
        )


@pytest.fixture(scope="module")
def one_process(tmp_path_factory, examples_dir):
    path = tmp_path_factory.mktemp("local") / "one.duckdb"
    with Store.open(str(path)) as store:
        ingest([str(examples_dir)], store, IngestOptions(batch_size=8, workers=1))
    return stored(path)


@pytest.mark.slow
def test_two_local_workers_store_what_one_process_does(tmp_path, examples_dir, one_process):
    path = tmp_path / "two.duckdb"
    with Store.open(str(path)) as store:
        summary = ingest([str(examples_dir)], store, IngestOptions(batch_size=8, workers=2))
    assert summary.accepted == 38
    events, mentions, stories, figures = stored(path)
    assert len(events) > 80 and len(figures) > 50
    assert (events, mentions, stories, figures) == one_process


@pytest.mark.slow
def test_ray_engine_stores_what_the_local_engine_does(tmp_path, examples_dir, one_process):
    pytest.importorskip("ray.data", reason="the ray extra is part of the dev install")
    path = tmp_path / "ray.duckdb"
    output = tmp_path / "parquet"
    options = IngestOptions(batch_size=8, workers=2, engine="ray", ray_output=str(output))
    with Store.open(str(path)) as store:
        ingest([str(examples_dir)], store, options)
    assert stored(path) == one_process
    assert sorted(output.glob("chunk-*/*.parquet"))


def test_a_ray_cluster_needs_a_shared_output_directory():
    with pytest.raises(DyadsError, match="--ray-output"):
        RayEngine(CodingConfig(), address="ray://head:10001")


def test_workers_must_be_positive():
    with pytest.raises(DyadsError, match="at least 1"):
        LocalEngine(CodingConfig(), workers=0)


def test_records_survive_json():
    article = Article(
        id="a1", doc="doc", text="Text.", paragraphs=("Text.",), title=None, url=None, outlet="Post",
        wire=None, published=PublicationDate(dt.date(2025, 1, 21), "day", "metadata"),
        dateline_places=("MOSCOW",), language="en", source_path="x.txt",
        ingested_at=dt.datetime(2025, 1, 22, 8, 30),
    )  # fmt: skip
    event = Event(
        doc="doc", article_id="a1", sentence_index=0, sentence="Text.",
        source=ActorRef("Putin", "RUSGOV", "RUS", "GOV"), target=None, cameo="040", root="04",
        plover="CONSULT", mode="verbal", negated=False, attributed_to=None, event_date="2025-01-21",
        date_precision="day", goldstein=1.0, quad_class=1, confidence=0.9, evidence=(0, 4),
        topics=("Ukraine war",), date_inherited=True,
    )  # fmt: skip
    mention = Mention("doc", "a1", 0, 0, 5, "Putin", "RUSGOV", "RUS", "GOV", "person", "person:Putin", 0.95)
    [figure] = read_figures("a1", "More than 40 people were detained after the rally.")
    assert figure.quantity.high == math.inf
    for record in (article, event, mention, figure):
        assert record_from_json(type(record), record_json(record)) == record
