"""Ingest: read → extract → dedup → actors → events → store, in batches, one transaction per batch;
every 2,000 stored articles and at the end, stories: new articles join stories, and the stories they
joined are compared again.

This is the Python API behind `dyads ingest`. Bad inputs become rejections with reasons and never stop
the batch; inputs already stored are skipped, so running the same ingest twice changes nothing.
"""

from __future__ import annotations

import datetime as dt
import itertools
import logging
import time
from collections import deque
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

from dyads.actors.dictionary import ActorDictionary, shared_dictionary
from dyads.actors.mentions import article_date
from dyads.actors.plain import plain_names
from dyads.actors.roles import Role
from dyads.compare import compare_story
from dyads.dedup import DedupConfig, DuplicateIndex, minhash_signature
from dyads.engines import CodingConfig, LocalEngine, RayEngine
from dyads.errors import InputError
from dyads.extract import ExtractOptions, extract_article, require_english
from dyads.figures import read_figures
from dyads.ingest import NetworkPolicy, ReadLimits, read_inputs
from dyads.model import Article, ArticleProfile, Duplicate, Figure, RawDocument, Rejection
from dyads.store import Store, StoredIds
from dyads.stories import StoryOptions, assign_stories

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class IngestOptions:
    limits: ReadLimits = field(default_factory=ReadLimits)
    network: NetworkPolicy = field(default_factory=NetworkPolicy)
    extract: ExtractOptions = field(default_factory=ExtractOptions)
    dedup: DedupConfig = field(default_factory=DedupConfig)
    batch_size: int = 200
    model: str | None = None
    actors_files: tuple[str, ...] = ()
    topics_files: tuple[str, ...] = ()
    places_files: tuple[str, ...] = ()
    stories: StoryOptions = field(default_factory=StoryOptions)
    parse_all: bool = False
    engine: str = "local"
    workers: int = 1
    ray_address: str | None = None
    ray_output: str | None = None
    database_memory: str = "128MB"
    """DuckDB's buffer pool while ingesting (tables past it are read back from the file); DuckDB's
    default, 80% of RAM, lets the writer's memory grow with the database."""

    def coding(self) -> CodingConfig:
        return CodingConfig(
            self.model, self.actors_files, self.topics_files, self.places_files, self.parse_all
        )

    def coding_engine(self) -> LocalEngine | RayEngine:
        if self.engine == "ray":
            return RayEngine(self.coding(), self.ray_address, self.workers, self.batch_size, self.ray_output)
        return LocalEngine(self.coding(), self.workers)


@dataclass(frozen=True)
class IngestSummary:
    """What one ingest did: counts per outcome and every rejection with its reason."""

    accepted: int
    duplicates: int
    unchanged: int
    rejections: tuple[Rejection, ...]
    run_id: int | None
    stage_seconds: tuple[tuple[str, float], ...] = ()
    """Wall-clock seconds per stage, in pipeline order (parsing includes waiting for workers)."""

    @property
    def rejected(self) -> int:
        return len(self.rejections)


READ_STAGE = "read, extract, deduplicate"
CODE_STAGE = "parse, link actors, code events"
STORE_STAGE = "store"
STORIES_STAGE = "stories and comparisons"


class _StageClock:
    """Seconds spent per stage. Reading happens while the engine asks for the next batch, so its
    time is taken out of the engine's."""

    def __init__(self) -> None:
        self._seconds: dict[str, float] = dict.fromkeys(
            (READ_STAGE, CODE_STAGE, STORE_STAGE, STORIES_STAGE), 0.0
        )

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self._seconds[name] += time.perf_counter() - start

    def stages(self) -> tuple[tuple[str, float], ...]:
        seconds = dict(self._seconds)
        seconds[CODE_STAGE] = max(seconds[CODE_STAGE] - seconds[READ_STAGE], 0.0)
        return tuple(seconds.items())


Progress = Callable[[int], None]
"""Called with the number of inputs just handled, for progress bars."""


def ingest(
    paths: Iterable[str],
    store: Store,
    options: IngestOptions = IngestOptions(),
    progress: Progress | None = None,
) -> IngestSummary:
    """Read every input under `paths`, keep new articles and duplicates' links, and store them."""
    with store.memory_limit(options.database_memory):
        return _ingest(list(paths), store, options, progress)


def _ingest(
    paths: list[str], store: Store, options: IngestOptions, progress: Progress | None
) -> IngestSummary:
    stored = store.stored_ids()
    index = _load_duplicate_index(store, options.dedup)
    with store.transaction():
        run_id = store.start_run(paths, options.extract.ingested_at)
    accepted = duplicates = unchanged = unstoried = 0
    rejections: list[Rejection] = []
    items = read_inputs(paths, options.limits, network=options.network)
    outcomes: deque[_BatchOutcome] = deque()

    clock = _StageClock()

    def new_articles() -> Iterator[list[Article]]:
        while True:
            with clock.stage(READ_STAGE):
                batch = list(itertools.islice(items, options.batch_size))
                if batch:
                    outcomes.append(_classify_batch(batch, stored, index, options))
                    outcomes[-1].inputs = len(batch)
            if not batch:
                return
            yield [article for article, _ in outcomes[-1].articles]

    engine = options.coding_engine()
    coded_batches = engine.code(new_articles())
    while True:
        with clock.stage(CODE_STAGE):
            coded = next(coded_batches, None)
        if coded is None:
            break
        outcome = outcomes.popleft()
        mentions = [mention for result in coded for mention in result.mentions]
        events = [event for result in coded for event in result.events]
        figures = [figure for result in coded for figure in result.figures] + outcome.copied_figures
        with clock.stage(STORE_STAGE), store.transaction():
            store.write_batch(
                run_id, outcome.articles, outcome.duplicates, outcome.rejections, mentions, events, figures
            )
        accepted += len(outcome.articles)
        duplicates += len(outcome.duplicates)
        unchanged += outcome.unchanged
        rejections.extend(outcome.rejections)
        unstoried += len(outcome.articles)
        if unstoried >= _CHUNK_ARTICLES:
            # while the workers parse the batches in flight
            with clock.stage(STORIES_STAGE):
                update_stories(store, options.stories, options.actors_files)
            unstoried = 0
        if progress:
            progress(outcome.inputs)
    with clock.stage(STORIES_STAGE):
        update_stories(store, options.stories, options.actors_files)
    with store.transaction():
        if accepted or duplicates or rejections:
            store.finish_run(run_id, dt.datetime.now(dt.UTC).replace(tzinfo=None))
        else:
            store.delete_run(run_id)
            run_id = None
    for stage, seconds in clock.stages():
        logger.info("%s: %.1f s", stage, seconds)
    return IngestSummary(accepted, duplicates, unchanged, tuple(rejections), run_id, clock.stages())


def update_stories(
    store: Store,
    options: StoryOptions = StoryOptions(),
    actors_files: Sequence[str] = (),
) -> list[str]:
    """Put every article that is in no story yet into one, and compare again each story that grew.

    New articles are taken a stretch of time at a time, each against the stories stored near it, so
    the cost and the memory follow the new articles, not the database. The actor dictionary (for
    titles against dated roles, and the names read in plain text) is the process's shared one, the
    linker's when this process codes.
    """
    pending = [profile for profile, _ in store.story_profiles(pending=True)]
    if not pending:
        return []
    window = dt.timedelta(days=options.window_days)
    grown: set[str] = set()
    for chunk in _chunks_in_time(pending):
        assignments = assign_stories(chunk, _stories_within_reach(store, chunk, grown, window), options)
        with store.transaction():
            store.add_to_stories(assignments, dt.datetime.now(dt.UTC).replace(tzinfo=None))
        grown.update(assignment.story_id for assignment in assignments)
    dictionary = shared_dictionary(tuple(actors_files))
    names = plain_names(dictionary.name_entries())
    ordered = sorted(grown)
    for group in _comparison_groups(ordered, store.story_sizes(ordered)):
        materials = store.story_materials(group)
        with store.transaction():
            store.replace_comparisons(
                [
                    compare_story(
                        story_id,
                        events,
                        texts,
                        [(m, _roles(dictionary, m.person)) for m in people],
                        names,
                    )
                    for story_id, (events, texts, people) in materials.items()
                ]
            )
    return ordered


def _stories_within_reach(
    store: Store, chunk: Sequence[ArticleProfile], grown: Collection[str], window: dt.timedelta
) -> list[tuple[ArticleProfile, str]]:
    """Stored articles, with their stories, that a chunk's articles may join.

    A story spans at most a window, so for dated articles those published within two windows of them.
    An undated article cannot be placed in time: it is taken for news of the articles ingested with
    it, so it may join the stories they joined, or, ingested without dated ones, the latest stretch
    of news stored (comparing it with the whole database would cost each update more as it grows).
    """
    days = [profile.published for profile in chunk if profile.published]
    if days:
        return store.story_profiles(pending=False, first=min(days) - 2 * window, last=max(days) + 2 * window)
    if grown:
        return store.story_profiles(pending=False, stories=sorted(grown))
    latest = store.latest_story_day()
    if latest is None:
        return store.story_profiles(pending=False)
    return store.story_profiles(pending=False, first=latest - 2 * window, last=latest)


_CHUNK_ARTICLES = 2000
_MIN_CHUNK_ARTICLES = 200
_CHUNK_DAYS = 28
_COMPARED_ARTICLES = 2000
"""Pending articles are put into stories a stretch of time at a time (in publication order, each
against the stories stored near its dates), and stories compared in groups of about so many articles,
so memory follows a stretch of the news, not the whole database (a single day of news is one stretch),
and not the size of its stories (the denser the news, the more articles each story holds)."""


def _comparison_groups(story_ids: Sequence[str], sizes: dict[str, int]) -> Iterator[list[str]]:
    """Stories in order, cut into groups of at most `_COMPARED_ARTICLES` articles (a larger story
    alone): what one comparison pass holds in memory is every article of its stories with its
    figures."""
    group: list[str] = []
    articles = 0
    for story_id in story_ids:
        size = sizes.get(story_id, 0)
        if group and articles + size > _COMPARED_ARTICLES:
            yield group
            group, articles = [], 0
        group.append(story_id)
        articles += size
    if group:
        yield group


def _chunks_in_time(pending: Sequence[ArticleProfile]) -> Iterator[list[ArticleProfile]]:
    """Pending articles in publication order, cut into stretches of at most `_CHUNK_ARTICLES`, and
    of at most `_CHUNK_DAYS` once a stretch holds `_MIN_CHUNK_ARTICLES` (enough for stable word
    weights); undated articles come last, together."""
    dated = sorted((p for p in pending if p.published), key=lambda profile: profile.order)
    chunk: list[ArticleProfile] = []
    for profile in dated:
        long = chunk and (profile.published - chunk[0].published).days > _CHUNK_DAYS
        if len(chunk) >= _CHUNK_ARTICLES or (long and len(chunk) >= _MIN_CHUNK_ARTICLES):
            yield chunk
            chunk = []
        chunk.append(profile)
    if chunk:
        yield chunk
    undated = [profile for profile in pending if not profile.published]
    if undated:
        yield undated


def _roles(dictionary: ActorDictionary, name: str) -> tuple[Role, ...]:
    return next((person.roles for person in dictionary.persons(name) if person.name == name), ())


def _load_duplicate_index(store: Store, config: DedupConfig) -> DuplicateIndex:
    """Index the stored signatures, recomputing them first if they were made with other settings."""
    if store.meta("signature_kind") != config.signature_kind:
        with store.transaction():
            store.replace_signatures(
                (article_id, minhash_signature(text, config).tolist())
                for article_id, text in store.article_texts()
            )
            store.set_meta("signature_kind", config.signature_kind)
    index = DuplicateIndex(config)
    for article_id, signature in store.signatures():
        index.add(article_id, signature)
    return index


def extract_or_reject(raw: RawDocument, options: ExtractOptions) -> Article | Rejection:
    """Extract one article; any failure becomes a rejection naming the input."""
    try:
        return require_english(extract_article(raw, options))
    except InputError as error:
        return Rejection(raw.doc, str(error))
    except Exception as error:  # a library failing on hostile input must not stop the batch
        logger.debug("extraction of %s failed", raw.doc, exc_info=True)
        return Rejection(raw.doc, f"could not extract text ({type(error).__name__}: {error})")


def read_articles(
    paths: Iterable[str], options: IngestOptions = IngestOptions()
) -> Iterator[Article | Rejection]:
    """Read and extract without storing: every article, or a rejection for each bad input."""
    for item in read_inputs(paths, options.limits, network=options.network):
        yield item if isinstance(item, Rejection) else extract_or_reject(item, options.extract)


@dataclass
class _BatchOutcome:
    articles: list[tuple[Article, list[int]]] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)
    copied_figures: list[Figure] = field(default_factory=list)
    """Figures of near copies, read here: reading takes no parse."""
    unchanged: int = 0
    inputs: int = 0


def _classify_batch(
    batch: list[RawDocument | Rejection],
    stored: StoredIds,
    index: DuplicateIndex,
    options: IngestOptions,
) -> _BatchOutcome:
    """Extract each input and sort it into new, duplicate, unchanged or rejected."""
    outcome = _BatchOutcome()
    for item in batch:
        article = item if isinstance(item, Rejection) else extract_or_reject(item, options.extract)
        if isinstance(article, Rejection):
            outcome.rejections.append(article)
            continue
        key = (article.id, article.doc)
        if stored.article_docs.get(article.id) == article.doc or key in stored.duplicate_keys:
            outcome.unchanged += 1
            continue
        signature = minhash_signature(article.text, options.dedup)
        match = index.find(article, signature)
        if match is None:
            index.add(article.id, signature)
            stored.article_docs[article.id] = article.doc
            outcome.articles.append((article, signature.tolist()))
            continue
        stored.duplicate_keys.add(key)
        outcome.duplicates.append(
            Duplicate(
                id=article.id,
                doc=article.doc,
                source_path=article.source_path,
                title=article.title,
                outlet=article.outlet,
                duplicate_of=match.duplicate_of,
                kind=match.kind,
                similarity=match.similarity,
                published=article.published.date if article.published else None,
            )
        )
        if match.kind == "near" and article.id != match.duplicate_of:
            outcome.copied_figures.extend(read_figures(article.id, article.text, article_date(article)))
    return outcome
