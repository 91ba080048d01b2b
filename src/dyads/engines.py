"""Where articles are coded: in this process, in a pool of local processes, or on a Ray cluster.

Reading, extraction, deduplication and storage stay in the calling process (deduplication needs one
index, DuckDB one writer); parsing, actor linking and event coding, which take nearly all the time,
run per batch in `code_batch`, the one function every engine calls, together with reading each
article's figures, so the one writer does as little as it can. Engines return each batch's results in
the order the batches came, so the store sees the same writes whatever the engine.
"""

from __future__ import annotations

import itertools
import json
import logging
import multiprocessing
import os
import tempfile
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language

from dyads.actors.mentions import article_date
from dyads.errors import DyadsError
from dyads.events.coding import shared_coding_pipeline, stream_coded
from dyads.figures import read_figures
from dyads.model import Article, Event, Figure, Mention, record_from_dict, record_from_json, record_json

logger = logging.getLogger(__name__)

ENGINES = ("local", "ray")
_PARENT_CHECK_SECONDS = 0.5


def default_workers() -> int:
    """One worker per CPU this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


@dataclass(frozen=True)
class CodingConfig:
    """Everything a worker needs to build the same coding pipeline as the caller."""

    model: str | None = None
    actors_files: tuple[str, ...] = ()
    topics_files: tuple[str, ...] = ()
    places_files: tuple[str, ...] = ()
    parse_all: bool = False

    def pipeline(self) -> Language:
        """This process's coding pipeline for the configuration, loaded once."""
        return shared_coding_pipeline(
            self.model, self.actors_files, topics_files=self.topics_files, places_files=self.places_files
        )


@dataclass(frozen=True)
class CodedArticle:
    mentions: tuple[Mention, ...]
    events: tuple[Event, ...]
    figures: tuple[Figure, ...]


def code_batch(articles: Sequence[Article], config: CodingConfig) -> list[CodedArticle]:
    """Mentions, events and figures of each article of a batch: the unit of work of every engine."""
    if not articles:
        return []
    nlp = config.pipeline()
    # Strings spaCy adds for this batch's new words are freed when the zone closes; without it the
    # vocabulary, and memory, would grow with every article ever parsed.
    with nlp.memory_zone():
        coded = stream_coded(articles, nlp, parse_all=config.parse_all)
        return [
            CodedArticle(
                tuple(mentions),
                tuple(events),
                tuple(read_figures(article.id, article.text, article_date(article))),
            )
            for article, (mentions, events) in zip(articles, coded, strict=True)
        ]


class LocalEngine:
    """Batches coded in this process (one worker) or in a pool of `workers` processes.

    Workers are started fresh (not forked from a process holding a database connection) and each
    loads the pipeline once. At most two batches per worker are in flight, so memory does not grow
    with the input.
    """

    def __init__(self, config: CodingConfig, workers: int = 1) -> None:
        if workers < 1:
            raise DyadsError(f"--workers must be at least 1, not {workers}")
        self.config = config
        self.workers = workers

    def code(self, batches: Iterable[Sequence[Article]]) -> Iterator[list[CodedArticle]]:
        """Code in this process when there is one worker or a single batch (starting processes and
        loading the model in each would cost more than it saves), else in the pool."""
        batches = iter(batches)
        first = next(batches, None)
        second = next(batches, None) if self.workers > 1 else None
        if first is None:
            return
        if second is None:
            for batch in itertools.chain((first,), batches):
                yield code_batch(batch, self.config)
            return
        context = multiprocessing.get_context("spawn")
        pool = ProcessPoolExecutor(
            self.workers, mp_context=context, initializer=_exit_with_parent, initargs=(os.getpid(),)
        )
        try:
            in_flight: deque[Future] = deque()
            for batch in itertools.chain((first, second), batches):
                in_flight.append(pool.submit(code_batch, list(batch), self.config))
                if len(in_flight) >= 2 * self.workers:
                    yield in_flight.popleft().result()
            while in_flight:
                yield in_flight.popleft().result()
        finally:
            # Workers take seconds to free their pipelines and exit; the caller need not wait for that
            # before storing the last batch and making stories.
            pool.shutdown(wait=False, cancel_futures=True)


def _exit_with_parent(parent: int) -> None:
    """Make a pool worker end when the process that started it is gone, even killed with -9 (which
    gives it no chance to stop its pool): a worker holds a whole spaCy pipeline in memory."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(_PARENT_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="dyads-parent-watch", daemon=True).start()


class RayEngine:
    """Batches coded by Ray Data `map_batches` on a Ray cluster (or a local one started for the run).

    Articles go to the cluster in chunks of `chunk_batches` batches; each chunk's results are written
    as Parquet (one part file per block, one directory per chunk, under `output`) and read back in
    order with DuckDB before the next chunk, so the caller's memory holds one chunk at a time. On a
    real cluster `output` must be a directory every node can write to and the caller can read.
    """

    def __init__(
        self,
        config: CodingConfig,
        address: str | None = None,
        workers: int | None = None,
        batch_size: int = 200,
        output: str | None = None,
        chunk_batches: int = 25,
    ) -> None:
        if address and not output:
            raise DyadsError(
                "--ray-address needs --ray-output: a directory every node of the cluster can write to "
                "and this machine can read (a shared file system)"
            )
        self.config = config
        self.address = address
        self.workers = workers
        self.batch_size = batch_size
        self.output = output
        self.chunk_batches = chunk_batches

    def code(self, batches: Iterable[Sequence[Article]]) -> Iterator[list[CodedArticle]]:
        ray = _import_ray()
        for name in ("ray", "ray.data"):
            logging.getLogger(name).setLevel(max(logging.WARNING, logger.getEffectiveLevel()))
        started = not ray.is_initialized()
        if started:
            ray.init(
                address=self.address,
                num_cpus=None if self.address else self.workers,
                log_to_driver=False,
                logging_level=logging.WARNING,
            )
        ray.data.DataContext.get_current().enable_progress_bars = False
        try:
            with tempfile.TemporaryDirectory(prefix="dyads-ray-") as scratch:
                output = Path(self.output or scratch)
                chunk: list[list[Article]] = []
                number = 0
                for batch in batches:
                    chunk.append(list(batch))
                    if len(chunk) == self.chunk_batches:
                        yield from self._code_chunk(chunk, output / f"chunk-{number:06d}")
                        chunk, number = [], number + 1
                if chunk:
                    yield from self._code_chunk(chunk, output / f"chunk-{number:06d}")
        finally:
            if started:
                ray.shutdown()

    def _code_chunk(self, chunk: list[list[Article]], directory: Path) -> Iterator[list[CodedArticle]]:
        import duckdb
        import ray

        items = [
            {"batch": number, "position": position, "article": record_json(article)}
            for number, batch in enumerate(chunk)
            for position, article in enumerate(batch)
        ]
        if items:
            dataset = ray.data.from_items(items).map_batches(
                _RayCoder,
                fn_constructor_kwargs={"config": self.config},
                batch_size=self.batch_size,
                batch_format="pandas",
                compute=ray.data.ActorPoolStrategy(size=self.workers or 1),
            )
            dataset.write_parquet(str(directory))
            rows = duckdb.sql(
                """SELECT batch, position, mentions, events, figures FROM read_parquet(?)
                   ORDER BY batch, position""",
                params=[str(directory / "*.parquet")],
            ).fetchall()
        else:
            rows = []
        coded: list[list[CodedArticle]] = [[] for _ in chunk]
        for number, _, mentions, events, figures in rows:
            coded[number].append(
                CodedArticle(
                    tuple(record_from_dict(Mention, m) for m in json.loads(mentions)),
                    tuple(record_from_dict(Event, e) for e in json.loads(events)),
                    tuple(record_from_dict(Figure, f) for f in json.loads(figures)),
                )
            )
        for batch, results in zip(chunk, coded, strict=True):
            if len(batch) != len(results):
                raise DyadsError(
                    f"the Ray cluster returned {len(results)} results for a batch of {len(batch)}"
                )
            yield results


class _RayCoder:
    """The `map_batches` callable: one coding pipeline per Ray worker, `code_batch` per block."""

    def __init__(self, config: CodingConfig) -> None:
        self.config = config

    def __call__(self, frame):
        coded = code_batch([record_from_json(Article, text) for text in frame["article"]], self.config)
        return frame.drop(columns=["article"]).assign(
            mentions=[_json_list(result.mentions) for result in coded],
            events=[_json_list(result.events) for result in coded],
            figures=[_json_list(result.figures) for result in coded],
        )


def _json_list(records: Sequence) -> str:
    return "[" + ", ".join(record_json(record) for record in records) + "]"


def _import_ray():
    try:
        import ray
        import ray.data
    except ImportError as error:
        raise DyadsError("--engine ray needs Ray: pip install 'dyads[ray]'") from error
    return ray
