"""The DuckDB store: schema, migrations, batched writes, queries and exports.

One DuckDB file holds everything a run produces. Writes happen one batch per transaction, so a run
killed half-way leaves every finished batch stored and no half-stored article; rerunning the same input
skips what is already there. DuckDB lets one process write a file at a time; a second writer gets
`DatabaseInUseError` instead of a lock message from the engine.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import astuple, dataclass
from pathlib import Path
from typing import Literal

import duckdb

from dyads.errors import DatabaseInUseError, DyadsError
from dyads.figures import read_figures
from dyads.model import (
    Article,
    ArticleProfile,
    ArticleText,
    Claim,
    Conflict,
    Duplicate,
    Event,
    Figure,
    LeadEvent,
    Mention,
    PersonMention,
    Rejection,
    ReportedEvent,
    Story,
    StoryArticle,
    StoryAssignment,
    StoryComparison,
)
from dyads.quantities import Quantity

SCHEMA_VERSION = 5

_SCHEMA_V1 = """
CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL);
CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    started_at TIMESTAMP NOT NULL,
    finished_at TIMESTAMP,
    inputs VARCHAR[] NOT NULL,
    accepted INTEGER NOT NULL DEFAULT 0,
    duplicates INTEGER NOT NULL DEFAULT 0,
    rejected INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE articles (
    id VARCHAR PRIMARY KEY,
    doc VARCHAR NOT NULL,
    title VARCHAR,
    url VARCHAR,
    outlet VARCHAR,
    wire VARCHAR,
    published DATE,
    published_precision VARCHAR,
    published_basis VARCHAR,
    dateline_places VARCHAR[] NOT NULL,
    language VARCHAR,
    text VARCHAR NOT NULL,
    paragraphs VARCHAR[] NOT NULL,
    source_path VARCHAR NOT NULL,
    ingested_at TIMESTAMP NOT NULL,
    run_id INTEGER NOT NULL
);
CREATE TABLE article_signatures (article_id VARCHAR PRIMARY KEY, minhash UBIGINT[] NOT NULL);
CREATE TABLE duplicates (
    id VARCHAR NOT NULL,
    doc VARCHAR NOT NULL,
    source_path VARCHAR NOT NULL,
    title VARCHAR,
    outlet VARCHAR,
    duplicate_of VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    similarity DOUBLE NOT NULL,
    run_id INTEGER NOT NULL,
    PRIMARY KEY (id, doc)
);
CREATE TABLE rejections (
    input VARCHAR NOT NULL,
    reason VARCHAR NOT NULL,
    run_id INTEGER NOT NULL,
    PRIMARY KEY (input, reason)
);
CREATE TABLE mentions (
    article_id VARCHAR NOT NULL,
    doc VARCHAR NOT NULL,
    sentence_index INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    text VARCHAR NOT NULL,
    code VARCHAR NOT NULL,
    country VARCHAR,
    role VARCHAR,
    method VARCHAR NOT NULL,
    entry VARCHAR NOT NULL,
    confidence DOUBLE NOT NULL,
    PRIMARY KEY (article_id, start_char, end_char, code)
);
CREATE TABLE events (
    id VARCHAR PRIMARY KEY,
    article_id VARCHAR NOT NULL,
    doc VARCHAR NOT NULL,
    sentence_index INTEGER NOT NULL,
    sentence VARCHAR NOT NULL,
    source_text VARCHAR NOT NULL,
    source_code VARCHAR NOT NULL,
    source_country VARCHAR,
    source_role VARCHAR,
    target_text VARCHAR,
    target_code VARCHAR,
    target_country VARCHAR,
    target_role VARCHAR,
    cameo VARCHAR NOT NULL,
    root VARCHAR NOT NULL,
    plover VARCHAR,
    mode VARCHAR NOT NULL,
    negated BOOLEAN NOT NULL,
    "symmetric" BOOLEAN NOT NULL,
    attributed_text VARCHAR,
    attributed_code VARCHAR,
    event_date VARCHAR,
    date_precision VARCHAR,
    goldstein DOUBLE,
    quad_class INTEGER,
    confidence DOUBLE NOT NULL,
    evidence_start INTEGER NOT NULL,
    evidence_end INTEGER NOT NULL,
    location_name VARCHAR,
    location_country VARCHAR,
    location_lat DOUBLE,
    location_lon DOUBLE,
    location_precision VARCHAR,
    location_method VARCHAR,
    topics VARCHAR[] NOT NULL,
    context VARCHAR[] NOT NULL
);
CREATE TABLE stories (id VARCHAR PRIMARY KEY, title VARCHAR, created_at TIMESTAMP NOT NULL);
CREATE TABLE story_articles (
    story_id VARCHAR NOT NULL,
    article_id VARCHAR NOT NULL,
    PRIMARY KEY (story_id, article_id)
);
CREATE TABLE claims (
    id VARCHAR PRIMARY KEY,
    story_id VARCHAR NOT NULL,
    source VARCHAR NOT NULL,
    target VARCHAR,
    root VARCHAR NOT NULL,
    event_date VARCHAR,
    first_reported DATE
);
CREATE TABLE claim_support (
    claim_id VARCHAR NOT NULL,
    article_id VARCHAR NOT NULL,
    event_id VARCHAR NOT NULL,
    PRIMARY KEY (claim_id, event_id)
);
CREATE TABLE conflicts (
    id VARCHAR PRIMARY KEY,
    story_id VARCHAR NOT NULL,
    claim_id VARCHAR,
    kind VARCHAR NOT NULL,
    description VARCHAR NOT NULL,
    "values" JSON NOT NULL,
    evidence VARCHAR[] NOT NULL
);
CREATE INDEX articles_published ON articles (published);
CREATE INDEX duplicates_of ON duplicates (duplicate_of);
"""

_SCHEMA_V2 = """
ALTER TABLE events ADD COLUMN negated_topics VARCHAR[] DEFAULT [];
"""
_SCHEMA_V3 = """
ALTER TABLE events ADD COLUMN date_inherited BOOLEAN DEFAULT false;
"""

_SCHEMA_V4 = """
CREATE TABLE figures (
    article_id VARCHAR NOT NULL,
    position INTEGER NOT NULL,
    sentence VARCHAR NOT NULL,
    text VARCHAR NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    kind VARCHAR NOT NULL,
    unit VARCHAR NOT NULL,
    low DOUBLE NOT NULL,
    high DOUBLE NOT NULL,
    context VARCHAR[] NOT NULL,
    qualifier VARCHAR NOT NULL,
    predicate VARCHAR NOT NULL,
    happenings VARCHAR[] NOT NULL,
    PRIMARY KEY (article_id, position)
);
"""

_SCHEMA_V5 = """
ALTER TABLE duplicates ADD COLUMN published DATE;
"""


def _read_stored_figures(store: Store) -> None:
    """Articles stored before figures were read when coding get theirs, so their stories' figures
    are still compared when the stories grow."""
    ids = [row[0] for row in store.connection.execute("SELECT id FROM articles ORDER BY id").fetchall()]
    for start in range(0, len(ids), 1000):
        texts = store.connection.execute(
            "SELECT id, text, published FROM articles WHERE id IN (SELECT unnest(?))",
            [ids[start : start + 1000]],
        ).fetchall()
        store.write_figures([figure for row in texts for figure in read_figures(*row)])


MIGRATIONS: tuple[tuple[int, str, Callable[[Store], None] | None], ...] = (
    (1, _SCHEMA_V1, None),
    (2, _SCHEMA_V2, None),
    (3, _SCHEMA_V3, None),
    (4, _SCHEMA_V4, _read_stored_figures),
    (5, _SCHEMA_V5, None),
)
"""Schema changes in order, each with what fills its new tables from the stored data; each runs once,
in a transaction, and records its version in `meta`."""

TABLES = (
    "articles",
    "duplicates",
    "rejections",
    "runs",
    "mentions",
    "events",
    "stories",
    "story_articles",
    "claims",
    "claim_support",
    "conflicts",
)
"""Tables users see in exports and stats, in the order they are listed."""


@dataclass(frozen=True)
class StoredIds:
    """What the database already holds, to decide whether an input is new, repeated or unchanged."""

    article_docs: dict[str, str]
    duplicate_keys: set[tuple[str, str]]


class Store:
    """A dyads database file.

    Open it with `Store.open(path)` for writing (creating and migrating it as needed) or
    `Store.open(path, read_only=True)` for queries; use it as a context manager to close it.
    """

    def __init__(self, connection: duckdb.DuckDBPyConnection, path: str) -> None:
        self.connection = connection
        self.path = path

    @classmethod
    def open(cls, path: str | Path, read_only: bool = False) -> Store:
        path = str(path)
        if read_only and not Path(path).exists():
            raise DyadsError(f"no database at {path} (create it with: dyads ingest PATH --db {path})")
        try:
            connection = duckdb.connect(path, read_only=read_only)
        except duckdb.IOException as error:
            raise _open_error(path, error) from None
        except duckdb.Error as error:
            raise DyadsError(f"cannot open {path} as a dyads database: {_first_line(error)}") from None
        store = cls(connection, path)
        if read_only:
            store._check_version()
        else:
            store.migrate()
        return store

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        self.connection.close()

    def schema_version(self) -> int:
        exists = self.connection.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'"
        ).fetchone()[0]
        if not exists:
            return 0
        row = self.connection.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        return int(row[0]) if row else 0

    @contextmanager
    def memory_limit(self, limit: str) -> Iterator[None]:
        """DuckDB's buffer pool capped (`"128MB"`, `"1GB"`) for a long write, then back to the default."""
        try:
            self.connection.execute("SET memory_limit = ?", [limit])
        except duckdb.Error as error:
            message = f"cannot limit the database's memory to {limit!r}: {_first_line(error)}"
            raise DyadsError(message) from None
        try:
            yield
        finally:
            self.connection.execute("RESET memory_limit")

    def migrate(self) -> None:
        """Bring the schema up to `SCHEMA_VERSION`, one migration per transaction."""
        current = self.schema_version()
        if current > SCHEMA_VERSION:
            raise DyadsError(
                f"{self.path} has schema version {current}, newer than this dyads ({SCHEMA_VERSION}); "
                "upgrade dyads"
            )
        if current == 0 and self._table_count():
            raise DyadsError(f"{self.path} is a DuckDB file of something else, not a dyads database")
        for version, sql, fill in MIGRATIONS:
            if version <= current:
                continue
            with self.transaction():
                self.connection.execute(sql)
                if fill:
                    fill(self)
                self.connection.execute(
                    "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(version)]
                )

    def _table_count(self) -> int:
        return self.connection.execute("SELECT count(*) FROM information_schema.tables").fetchone()[0]

    def _check_version(self) -> None:
        version = self.schema_version()
        if version == 0:
            raise DyadsError(f"{self.path} is not a dyads database")
        if version != SCHEMA_VERSION:
            raise DyadsError(
                f"{self.path} has schema version {version}, this dyads expects {SCHEMA_VERSION}; "
                "open it once for writing (dyads ingest) to migrate it"
            )

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self.connection.begin()
        try:
            yield
        except BaseException:
            self.connection.rollback()
            raise
        self.connection.commit()

    def stored_ids(self) -> StoredIds:
        articles = dict(self.connection.execute("SELECT id, doc FROM articles").fetchall())
        duplicates = set(self.connection.execute("SELECT id, doc FROM duplicates").fetchall())
        return StoredIds(articles, duplicates)

    def meta(self, key: str) -> str | None:
        row = self.connection.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self.connection.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [key, value])

    def signatures(self) -> Iterator[tuple[str, list[int]]]:
        cursor = self.connection.execute("SELECT article_id, minhash FROM article_signatures")
        while rows := cursor.fetchmany(10_000):
            yield from rows

    def article_texts(self) -> Iterator[tuple[str, str]]:
        cursor = self.connection.execute("SELECT id, text FROM articles")
        while rows := cursor.fetchmany(1_000):
            yield from rows

    def replace_signatures(self, signatures: Iterable[tuple[str, list[int]]]) -> None:
        self.connection.execute("DELETE FROM article_signatures")
        self._insert("article_signatures", list(signatures))

    def start_run(self, inputs: Sequence[str], started_at: dt.datetime) -> int:
        run_id = self.connection.execute("SELECT coalesce(max(id), 0) + 1 FROM runs").fetchone()[0]
        self.connection.execute(
            "INSERT INTO runs (id, started_at, inputs) VALUES (?, ?, ?)",
            [run_id, started_at, list(inputs)],
        )
        return run_id

    def write_batch(
        self,
        run_id: int,
        articles: Sequence[tuple[Article, Sequence[int]]],
        duplicates: Sequence[Duplicate],
        rejections: Sequence[Rejection],
        mentions: Sequence[Mention] = (),
        events: Sequence[Event] = (),
        figures: Sequence[Figure] = (),
    ) -> None:
        """Store one batch in the current transaction; rows already present are left as they are."""
        self._insert("articles", [_article_row(article, run_id) for article, _ in articles])
        self._insert("article_signatures", [(article.id, list(signature)) for article, signature in articles])
        self._insert(
            "duplicates",
            [
                (
                    d.id,
                    d.doc,
                    d.source_path,
                    d.title,
                    d.outlet,
                    d.duplicate_of,
                    d.kind,
                    d.similarity,
                    run_id,
                    d.published,
                )
                for d in duplicates
            ],
        )
        self._insert("rejections", [(r.input, r.reason, run_id) for r in rejections])
        self._insert(
            "mentions",
            [
                (m.article_id, m.doc, m.sentence_index, m.start, m.end, m.text, m.code, m.country, m.role,
                 m.method, m.entry, m.confidence)
                for m in mentions
            ],
        )  # fmt: skip
        self._insert("events", [_event_row(event) for event in events])
        self.write_figures(figures)
        self.connection.execute(
            """UPDATE runs SET accepted = accepted + ?, duplicates = duplicates + ?,
               rejected = rejected + ? WHERE id = ?""",
            [len(articles), len(duplicates), len(rejections), run_id],
        )

    def write_figures(self, figures: Sequence[Figure]) -> None:
        self._insert(
            "figures",
            [
                (f.article_id, f.position, f.sentence, f.quantity.text, f.quantity.start, f.quantity.end,
                 f.quantity.kind, f.quantity.unit, f.quantity.low, f.quantity.high, sorted(f.context),
                 f.qualifier, f.predicate, sorted(f.happenings))
                for f in figures
            ],
        )  # fmt: skip

    def _insert(self, table: str, rows: Sequence[tuple]) -> None:
        """Insert rows, leaving rows whose primary key is already stored untouched.

        Rows go through DuckDB's appender into a staging table without keys, then into the table in
        one `INSERT OR IGNORE`: tens of times faster than statements with a parameter per value, and
        the single writer's time is what every worker waits for.
        """
        if not rows:
            return
        staging = f"incoming_{table}"
        self.connection.execute(f"CREATE TEMP TABLE IF NOT EXISTS {staging} AS FROM {table} LIMIT 0")
        appender = self.connection.appender(staging)
        appender.append_rows(rows)
        appender.flush()
        self.connection.execute(f"INSERT OR IGNORE INTO {table} FROM {staging}")
        self.connection.execute(f"DELETE FROM {staging}")

    def finish_run(self, run_id: int, finished_at: dt.datetime) -> None:
        self.connection.execute("UPDATE runs SET finished_at = ? WHERE id = ?", [finished_at, run_id])

    def delete_run(self, run_id: int) -> None:
        self.connection.execute("DELETE FROM runs WHERE id = ?", [run_id])

    def story_profiles(
        self,
        pending: bool,
        first: dt.date | None = None,
        last: dt.date | None = None,
        stories: Sequence[str] | None = None,
    ):
        """Articles as story clustering sees them: those in no story yet (`pending`), or those in
        stories published from `first` to `last` (or undated), or those of the given `stories`, with
        their story ids."""
        if pending:
            rows = self.connection.execute(
                """SELECT id, doc, title, paragraphs, published, outlet, NULL FROM articles
                   WHERE id NOT IN (SELECT article_id FROM story_articles) ORDER BY published, doc"""
            ).fetchall()
        else:
            if stories is not None:
                wanted, params = "s.story_id IN (SELECT unnest(?::VARCHAR[]))", [list(stories)]
            else:
                wanted = "a.published IS NULL OR a.published BETWEEN ? AND ?"
                params = [first or dt.date.min, last or dt.date.max]
            rows = self.connection.execute(
                f"""SELECT a.id, a.doc, a.title, a.paragraphs, a.published, a.outlet, s.story_id
                    FROM articles a JOIN story_articles s ON s.article_id = a.id
                    WHERE {wanted} ORDER BY a.published, a.doc""",
                params,
            ).fetchall()
        ids = [row[0] for row in rows]
        pairs, dated, leads, actors = self._article_signals(ids)
        return [
            (
                ArticleProfile(
                    article_id=article_id, doc=doc, title=title or "", lead=_lead(paragraphs),
                    published=published, outlet=outlet, pairs=frozenset(pairs[article_id]),
                    actors=frozenset(actors[article_id]), dated_pairs=frozenset(dated[article_id]),
                    lead_event=leads.get(article_id),
                ),
                story_id,
            )
            for article_id, doc, title, paragraphs, published, outlet, story_id in rows
        ]  # fmt: skip

    def latest_story_day(self) -> dt.date | None:
        """The latest publication day of an article in a story."""
        return self.connection.execute(
            "SELECT max(a.published) FROM articles a JOIN story_articles s ON s.article_id = a.id"
        ).fetchone()[0]

    def _article_signals(self, ids: Sequence[str]):
        pairs: dict[str, set[str]] = defaultdict(set)
        dated: dict[str, list[tuple[str, dt.date]]] = defaultdict(list)
        leads: dict[str, LeadEvent] = {}
        actors: dict[str, set[str]] = defaultdict(set)
        if not ids:
            return pairs, dated, leads, actors
        for article_id, first, second, day, precision, root, place in self.connection.execute(
            f"""SELECT article_id, least(source_country, target_country),
                      greatest(source_country, target_country), event_date, date_precision, root,
                      {_SENTENCE_PLACE.format(table="events")}
               FROM events
               WHERE target_country IS NOT NULL AND article_id IN (SELECT unnest(?::VARCHAR[]))
               ORDER BY article_id, sentence_index, evidence_start""",
            [list(ids)],
        ).fetchall():
            pair = f"{first}-{second}"
            pairs[article_id].add(pair)
            if precision == "day" and day:
                day = dt.date.fromisoformat(day)
                dated[article_id].append((pair, day))
                leads.setdefault(article_id, LeadEvent(pair, day, root, place))
        for article_id, code in self.connection.execute(
            """SELECT DISTINCT article_id, code FROM mentions
               WHERE article_id IN (SELECT unnest(?::VARCHAR[]))""",
            [list(ids)],
        ).fetchall():
            actors[article_id].add(code)
        return pairs, dated, leads, actors

    def add_to_stories(self, assignments: Sequence[StoryAssignment], created_at: dt.datetime) -> None:
        """Store new stories (titled after the article that started them) and memberships."""
        starters = [a.article_id for a in assignments if a.new_story]
        titles = dict(
            self.connection.execute(
                "SELECT id, title FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))", [starters]
            ).fetchall()
        )
        self._insert(
            "stories",
            [(a.story_id, titles.get(a.article_id), created_at) for a in assignments if a.new_story],
        )
        self._insert("story_articles", [(a.story_id, a.article_id) for a in assignments])

    def story_sizes(self, story_ids: Sequence[str]) -> dict[str, int]:
        """How many articles each of the stories holds."""
        if not story_ids:
            return {}
        self._want_stories(story_ids)
        return dict(
            self.connection.execute(
                """SELECT s.story_id, count(*) FROM story_articles s
                   JOIN wanted_stories w ON w.story_id = s.story_id GROUP BY s.story_id"""
            ).fetchall()
        )

    def _want_stories(self, story_ids: Sequence[str]) -> None:
        """Fill the temporary table the queries about chosen stories join with."""
        self.connection.execute("CREATE OR REPLACE TEMP TABLE wanted_stories (story_id VARCHAR PRIMARY KEY)")
        self._insert("wanted_stories", [(story_id,) for story_id in story_ids])

    def story_materials(
        self, story_ids: Sequence[str]
    ) -> dict[str, tuple[list[ReportedEvent], list[ArticleText], list[PersonMention]]]:
        """Each story's events, article texts with their figures (and near copies of its articles
        with theirs, without text), and the known people its articles name (each mention with its
        sentence): what a comparison reads. One query per table for all the stories."""
        if not story_ids:
            return {}
        self._want_stories(story_ids)
        materials: dict[str, tuple[list[ReportedEvent], list[ArticleText], list[PersonMention]]] = {
            story_id: ([], [], []) for story_id in story_ids
        }
        self.connection.execute(
            """CREATE OR REPLACE TEMP TABLE wanted_copies AS
               SELECT s.story_id, d.id, min(d.doc) AS doc, arg_min(d.outlet, d.doc) AS outlet,
                      arg_min(d.published, d.doc) AS published
               FROM duplicates d JOIN story_articles s ON s.article_id = d.duplicate_of
               JOIN wanted_stories w ON w.story_id = s.story_id
               WHERE d.kind = 'near' AND d.id <> d.duplicate_of GROUP BY s.story_id, d.id"""
        )
        figures: dict[str, list[Figure]] = defaultdict(list)
        for (
            article_id,
            position,
            sentence,
            text,
            start,
            end,
            kind,
            unit,
            low,
            high,
            *described,
        ) in self.connection.execute(
            """SELECT f.article_id, f.position, f.sentence, f.text, f.start_char, f.end_char,
                          f.kind, f.unit, f.low, f.high, f.context, f.qualifier, f.predicate, f.happenings
                   FROM figures f WHERE f.article_id IN (
                       SELECT s.article_id FROM story_articles s JOIN wanted_stories w USING (story_id)
                       UNION SELECT c.id FROM wanted_copies c)
                   ORDER BY f.article_id, f.position"""
        ).fetchall():
            context, qualifier, predicate, happenings = described
            quantity = Quantity(text, start, end, kind, unit, low, high)
            figures[article_id].append(
                Figure(article_id, position, sentence, quantity, frozenset(context), qualifier, predicate,
                       frozenset(happenings))
            )  # fmt: skip
        articles: dict[str, StoryArticle] = {}
        texts: dict[str, str] = {}
        for story_id, doc, article_id, outlet, published, text in self.connection.execute(
            """SELECT s.story_id, a.doc, a.id, a.outlet, a.published, a.text
               FROM articles a JOIN story_articles s ON s.article_id = a.id
               JOIN wanted_stories w ON w.story_id = s.story_id ORDER BY a.published, a.doc"""
        ).fetchall():
            articles[article_id] = StoryArticle(
                doc=doc, article_id=article_id, outlet=outlet, published=published
            )
            texts[article_id] = text
            materials[story_id][1].append(ArticleText(articles[article_id], text, tuple(figures[article_id])))
        for story_id, copy_id, doc, outlet, published in self.connection.execute(
            "SELECT story_id, id, doc, outlet, published FROM wanted_copies ORDER BY published, doc"
        ).fetchall():
            if figures.get(copy_id):  # a near copy's own text is not kept, only its figures
                copy = StoryArticle(doc=doc, article_id=copy_id, outlet=outlet, published=published)
                materials[story_id][1].append(ArticleText(copy, "", tuple(figures[copy_id])))
        for row in self.connection.execute(
            f"""SELECT s.story_id, e.id, e.article_id, e.sentence_index, e.source_country,
                      e.target_country, e.root, e.cameo, e.mode, e.negated, e.event_date, e.date_precision,
                      e.sentence, e.topics, e.negated_topics, e.date_inherited,
                      {_SENTENCE_PLACE.format(table="e")}, e.source_code, e.target_code
               FROM events e JOIN story_articles s ON s.article_id = e.article_id
               JOIN wanted_stories w ON w.story_id = s.story_id ORDER BY e.doc, e.sentence_index, e.id"""
        ).fetchall():
            materials[row[0]][0].append(
                ReportedEvent(
                    event_id=row[1], article=articles[row[2]], sentence_index=row[3], source=row[4],
                    target=row[5], root=row[6], cameo=row[7], mode=row[8], negated=row[9], event_date=row[10],
                    date_precision=row[11], sentence=row[12], topics=tuple(row[13]),
                    negated_topics=tuple(row[14]), date_inherited=row[15], place=row[16],
                    source_code=row[17], target_code=row[18],
                )
            )  # fmt: skip
        for story_id, article_id, ingested, start, end, mention, entry in self.connection.execute(
            """SELECT s.story_id, a.id, a.ingested_at, m.start_char, m.end_char, m.text, m.entry
               FROM mentions m JOIN story_articles s ON s.article_id = m.article_id
               JOIN wanted_stories w ON w.story_id = s.story_id
               JOIN articles a ON a.id = m.article_id
               WHERE m.entry LIKE 'person:%' ORDER BY a.doc, m.start_char"""
        ).fetchall():
            article = articles[article_id]
            materials[story_id][2].append(
                PersonMention(
                    article=article,
                    text=mention,
                    person=entry.removeprefix("person:"),
                    day=article.published or ingested.date(),
                    sentence=_sentence_around(texts[article_id], start, end),
                )
            )
        return materials

    def replace_comparisons(self, comparisons: Sequence[StoryComparison]) -> None:
        """Store stories' claims and conflicts in place of what was stored for them."""
        if not comparisons:
            return
        self.connection.execute(
            "CREATE OR REPLACE TEMP TABLE compared_stories (story_id VARCHAR PRIMARY KEY)"
        )
        self._insert("compared_stories", [(comparison.story_id,) for comparison in comparisons])
        stale = "SELECT c.id FROM claims c JOIN compared_stories s ON s.story_id = c.story_id"
        self.connection.execute(f"DELETE FROM claim_support WHERE claim_id IN ({stale})")
        self.connection.execute(f"DELETE FROM claims WHERE id IN ({stale})")
        self.connection.execute(
            "DELETE FROM conflicts WHERE story_id IN (SELECT story_id FROM compared_stories)"
        )
        self._insert(
            "claims",
            [
                (c.id, comparison.story_id, c.source, c.target, c.root, c.event_date, c.first_reported)
                for comparison in comparisons
                for c in comparison.claims
            ],
        )
        self._insert("claim_support", [row for comparison in comparisons for row in comparison.support])
        self._insert(
            "conflicts",
            [
                (f"{comparison.story_id}:conflict:{number:03d}", comparison.story_id, c.claim_id, c.kind,
                 c.description, json.dumps(dict(c.values)), list(c.evidence))
                for comparison in comparisons
                for number, c in enumerate(comparison.conflicts, start=1)
            ],
        )  # fmt: skip

    def stories(self, story_id: str | None = None, topic: str | None = None) -> list[Story]:
        """Stored stories (or one, or those with an event about a topic), biggest first, each with
        its articles in publication order and its conflicts."""
        articles: dict[str, list[StoryArticle]] = defaultdict(list)
        for story, doc, article_id, outlet, published in self.connection.execute(
            """SELECT s.story_id, a.doc, a.id, a.outlet, a.published
               FROM story_articles s JOIN articles a ON a.id = s.article_id
               WHERE ? IS NULL OR s.story_id = ? ORDER BY a.published, a.doc""",
            [story_id, story_id],
        ).fetchall():
            articles[story].append(StoryArticle(doc, article_id, outlet, published))
        topics: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for story, name, outlets in self.connection.execute(
            """SELECT s.story_id, t.topic, count(DISTINCT coalesce(a.outlet, a.doc)) AS outlets
               FROM story_articles s JOIN articles a ON a.id = s.article_id
               JOIN (SELECT article_id, unnest(topics) AS topic FROM events) t ON t.article_id = s.article_id
               WHERE ? IS NULL OR s.story_id = ?
               GROUP BY ALL ORDER BY s.story_id, outlets DESC, t.topic""",
            [story_id, story_id],
        ).fetchall():
            topics[story].append((name, outlets))
        conflicts = defaultdict(list)
        for conflict in self._conflicts(story_id):
            conflicts[conflict.story_id].append(conflict)
        stories = [
            Story(
                id=story,
                title=title or "",
                articles=tuple(articles[story]),
                conflicts=tuple(conflicts[story]),
                topics=tuple(topics[story]),
            )
            for story, title in self.connection.execute(
                """SELECT id, title FROM stories WHERE (? IS NULL OR id = ?) AND (? IS NULL OR id IN (
                       SELECT s.story_id FROM story_articles s JOIN events e ON e.article_id = s.article_id
                       WHERE list_contains(list_transform(e.topics, lambda t: lower(t)), lower(?))))""",
                [story_id, story_id, topic, topic],
            ).fetchall()
        ]
        return sorted(stories, key=lambda s: (-len(s.articles), s.articles[0].published or dt.date.max, s.id))

    def story(self, story_id: str) -> Story:
        """One stored story; DyadsError when there is none of that id."""
        found = self.stories(story_id)
        if not found:
            raise DyadsError(
                f"no story {story_id!r} in {self.path} (list them with: dyads stories --db {self.path})"
            )
        return found[0]

    def story_comparison(self, stored: Story) -> StoryComparison:
        """A stored story's claims, with their supporting articles and evidence, and its conflicts."""
        story_id = stored.id
        story = {article.article_id: article for article in stored.articles}
        support = self.connection.execute(
            """SELECT c.id, cs.article_id, cs.event_id, e.sentence FROM claims c
               JOIN claim_support cs ON cs.claim_id = c.id JOIN events e ON e.id = cs.event_id
               WHERE c.story_id = ? ORDER BY c.id, e.doc, e.sentence_index""",
            [story_id],
        ).fetchall()
        by_claim: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
        for claim_id, article_id, event_id, sentence in support:
            by_claim[claim_id].append((article_id, event_id, sentence))
        claims = tuple(
            Claim(
                id=claim_id, story_id=story_id, source=source, target=target, root=root, event_date=day,
                supporting=tuple(sorted({story[a] for a, _, _ in by_claim[claim_id]},
                                        key=lambda a: (a.published or dt.date.max, a.doc))),
                evidence=tuple(dict.fromkeys(sentence for _, _, sentence in by_claim[claim_id])),
                first_reported=first,
            )
            for claim_id, source, target, root, day, first in self.connection.execute(
                """SELECT id, source, target, root, event_date, first_reported FROM claims
                   WHERE story_id = ? ORDER BY id""",
                [story_id],
            ).fetchall()
        )  # fmt: skip
        return StoryComparison(
            story_id,
            claims,
            tuple((claim_id, article_id, event_id) for claim_id, article_id, event_id, _ in support),
            stored.conflicts,
        )

    def _conflicts(self, story_id: str | None) -> list[Conflict]:
        return [
            Conflict(story, kind, description, tuple(json.loads(values).items()), tuple(evidence), claim_id)
            for story, kind, description, values, evidence, claim_id in self.connection.execute(
                """SELECT story_id, kind, description, "values", evidence, claim_id FROM conflicts
                   WHERE ? IS NULL OR story_id = ? ORDER BY story_id, id""",
                [story_id, story_id],
            ).fetchall()
        ]

    def pair_summaries(self, limit: int = 20) -> list[PairSummary]:
        """The country pairs with most events (either direction), with how cooperative they were."""
        return [
            PairSummary(*row)
            for row in self.connection.execute(
                f"""SELECT {_PAIR} AS pair, count(*) AS events,
                           count(*) FILTER (WHERE quad_class IN (1, 2)) AS cooperation,
                           count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict,
                           round(avg(goldstein), 2) AS goldstein
                    FROM events WHERE target_country IS NOT NULL AND source_country <> target_country
                    GROUP BY pair ORDER BY events DESC, pair LIMIT ?""",
                [limit],
            ).fetchall()
        ]

    def weekly_series(self, pairs: Sequence[str]) -> dict[str, list[WeekPoint]]:
        """Events per week for each pair, by the event's date (else the article's), split into
        cooperation and conflict, with the week's mean Goldstein score."""
        series: dict[str, list[WeekPoint]] = {pair: [] for pair in pairs}
        if not pairs:
            return series
        rows = self.connection.execute(
            f"""SELECT {_PAIR} AS pair,
                       date_trunc('week', coalesce(try_cast(e.event_date AS DATE), a.published)) AS week,
                       count(*) FILTER (WHERE quad_class IN (1, 2)),
                       count(*) FILTER (WHERE quad_class IN (3, 4)), round(avg(goldstein), 2)
                FROM events e JOIN articles a ON a.id = e.article_id
                WHERE target_country IS NOT NULL AND {_PAIR} IN (SELECT unnest(?::VARCHAR[]))
                GROUP BY pair, week HAVING week IS NOT NULL ORDER BY pair, week""",
            [list(pairs)],
        ).fetchall()
        for pair, week, cooperation, conflict, goldstein in rows:
            day = week.date() if isinstance(week, dt.datetime) else week
            series[pair].append(WeekPoint(day, cooperation, conflict, goldstein))
        return series

    def events_page(self, filters: EventFilters, limit: int = 50, offset: int = 0) -> tuple[list[dict], int]:
        """One page of events matching the filters, newest first, and how many match in all.

        Every value a user gives is a query parameter, never SQL text."""
        where, parameters = filters.where()
        total = self.connection.execute(
            f"SELECT count(*) FROM events e JOIN articles a ON a.id = e.article_id WHERE {where}", parameters
        ).fetchone()[0]
        cursor = self.connection.execute(
            f"""SELECT e.id, e.doc, a.outlet, a.published, e.event_date, e.source_code, e.source_text,
                       e.target_code, e.target_text, e.cameo, e.root, e.plover, e.mode, e.goldstein,
                       e.sentence, e.location_name, e.location_country, e.location_lat, e.location_lon,
                       e.location_precision, e.location_method
                FROM events e JOIN articles a ON a.id = e.article_id WHERE {where}
                ORDER BY a.published DESC NULLS LAST, e.doc, e.sentence_index, e.id LIMIT ? OFFSET ?""",
            [*parameters, limit, offset],
        )
        columns = [column[0] for column in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()], total

    def event_places(
        self, places: int = 400, events_per_place: int = 12
    ) -> tuple[dict[str, int], list[dict]]:
        """Events per country they were placed in, and the most frequent places finer than a country
        with their coordinates, how many events each holds and the latest few of them (for a map)."""
        countries = dict(
            self.connection.execute(
                """SELECT location_country, count(*) FROM events WHERE location_country IS NOT NULL
                   GROUP BY location_country ORDER BY location_country"""
            ).fetchall()
        )
        cursor = self.connection.execute(
            """SELECT e.location_name AS name, e.location_country AS country, e.location_lat AS lat,
                      e.location_lon AS lon, e.location_precision AS precision, count(*) AS events,
                      list({'doc': e.doc, 'date': coalesce(e.event_date, CAST(a.published AS VARCHAR)),
                            'source': e.source_code, 'target': e.target_code, 'cameo': e.cameo,
                            'sentence': left(e.sentence, 240)}
                           ORDER BY a.published DESC NULLS LAST, e.id)[1:?] AS items
               FROM events e JOIN articles a ON a.id = e.article_id
               WHERE e.location_precision <> 'country' AND e.location_lat IS NOT NULL
               GROUP BY ALL ORDER BY events DESC, name LIMIT ?""",
            [events_per_place, places],
        )
        columns = [column[0] for column in cursor.description]
        return countries, [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]

    def outlets(self) -> dict[str, int]:
        """Articles per outlet, most first; articles of no known outlet under `(unknown)`."""
        return dict(
            self.connection.execute(
                """SELECT coalesce(outlet, '(unknown)') AS name, count(*) AS n FROM articles
                   GROUP BY name ORDER BY n DESC, name"""
            ).fetchall()
        )

    def stats(self) -> dict[str, object]:
        """Counts and ranges that tell a user what the database holds."""
        query = self.connection.execute
        counts = {table: query(f"SELECT count(*) FROM {table}").fetchone()[0] for table in TABLES}
        first, last = query("SELECT min(published), max(published) FROM articles").fetchone()
        duplicate_kinds = dict(query("SELECT kind, count(*) FROM duplicates GROUP BY kind").fetchall())
        languages = query(
            "SELECT coalesce(language, '?') AS l, count(*) AS n FROM articles GROUP BY l ORDER BY n DESC, l"
        ).fetchall()
        return {
            "database": self.path,
            "schema_version": self.schema_version(),
            "counts": counts,
            "exact_duplicates": duplicate_kinds.get("exact", 0),
            "near_duplicates": duplicate_kinds.get("near", 0),
            "published_first": first.isoformat() if first else None,
            "published_last": last.isoformat() if last else None,
            "outlets": self.outlets(),
            "languages": dict(languages),
        }

    def export(self, out: str | Path, file_format: Literal["parquet", "csv", "gdelt"]) -> list[Path]:
        """Write every table to `out/<table>.<format>`, or the events as a GDELT-style table to
        `out/events.gdelt.tsv`; returns the files written."""
        directory = Path(out)
        directory.mkdir(parents=True, exist_ok=True)
        if file_format == "gdelt":
            target = directory / "events.gdelt.tsv"
            options = "FORMAT csv, DELIMITER '\t', HEADER true"
            self.connection.execute(f"COPY ({_GDELT_QUERY}) TO {_sql_string(str(target))} ({options})")
            return [target]
        options = (
            "FORMAT parquet, COMPRESSION zstd" if file_format == "parquet" else "FORMAT csv, HEADER true"
        )
        written = []
        for table in TABLES:
            target = directory / f"{table}.{file_format}"
            columns = "* EXCLUDE (paragraphs)" if table == "articles" and file_format == "csv" else "*"
            self.connection.execute(
                f"COPY (SELECT {columns} FROM {table} ORDER BY ALL) TO {_sql_string(str(target))} ({options})"
            )
            written.append(target)
        return written


_GDELT_QUERY = """
SELECT e.id AS GLOBALEVENTID,
       strftime(coalesce(try_cast(e.event_date AS DATE), a.published), '%Y%m%d') AS SQLDATE,
       e.source_code AS Actor1Code, e.source_text AS Actor1Name, e.source_country AS Actor1CountryCode,
       e.source_role AS Actor1Type1Code,
       e.target_code AS Actor2Code, e.target_text AS Actor2Name, e.target_country AS Actor2CountryCode,
       e.target_role AS Actor2Type1Code,
       e.cameo AS EventCode, left(e.cameo, 3) AS EventBaseCode, e.root AS EventRootCode,
       e.quad_class AS QuadClass, e.goldstein AS GoldsteinScale,
       CASE e.location_precision WHEN 'country' THEN 1
            WHEN 'region' THEN CASE WHEN e.location_country = 'USA' THEN 2 ELSE 5 END
            WHEN 'city' THEN CASE WHEN e.location_country = 'USA' THEN 3 ELSE 4 END
            WHEN 'site' THEN CASE WHEN e.location_country = 'USA' THEN 3 ELSE 4 END END AS ActionGeo_Type,
       e.location_name AS ActionGeo_FullName, e.location_country AS ActionGeo_CountryCode,
       e.location_lat AS ActionGeo_Lat, e.location_lon AS ActionGeo_Long,
       e.location_precision AS ActionGeo_Precision, e.location_method AS ActionGeo_Method,
       e.plover AS PLOVER, e.mode AS Mode, a.outlet AS Outlet, e.doc AS Doc,
       strftime(a.ingested_at, '%Y%m%d%H%M%S') AS DATEADDED, coalesce(a.url, e.doc) AS SOURCEURL
FROM events e JOIN articles a ON a.id = e.article_id
ORDER BY SQLDATE, GLOBALEVENTID"""
"""GDELT 2.0 event columns dyads can fill (dates, actors, CAMEO, Goldstein, action geography with
GDELT's geo types: 1 country, 2 US state, 3 US city, 4 world city, 5 world region), and dyads' own
after them (precision and method of the place, PLOVER category, mode, outlet)."""


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence holding characters start..end of a text (from the last full stop before it)."""
    opening = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    closing = min((i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0), default=len(text) - 1)
    return text[opening : closing + 1].strip()


_DISTANCE_KM = """(2 * 6371.0 * asin(sqrt(
    pow(sin(radians(e.location_lat - ?) / 2), 2)
    + cos(radians(?)) * cos(radians(e.location_lat)) * pow(sin(radians(e.location_lon - ?) / 2), 2))))"""
"""Great-circle distance (haversine, Earth radius 6,371 km) of an event's place from a point given as
(lat, lat, lon) parameters."""

_PAIR = "least(source_country, target_country) || '-' || greatest(source_country, target_country)"
_SENTENCE_PLACE = "CASE WHEN {table}.location_method = 'sentence' THEN {table}.location_name END"
"""An event's place when its own sentence names it (`met in Paris`), not its actors' country."""


@dataclass(frozen=True)
class EventFilters:
    """What a user narrows events down to; empty fields do not filter."""

    actor: str = ""
    pair: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    root: str = ""
    plover: str = ""
    mode: str = ""
    outlet: str = ""
    text: str = ""
    topic: str = ""
    context: str = ""
    near: tuple[float, float] | None = None
    """Latitude and longitude: only events placed (more precisely than a country) within `km` of it."""
    km: float = 100.0

    def where(self) -> tuple[str, list]:
        """A WHERE clause over `events e JOIN articles a`, with its parameters."""
        clauses, parameters = ["TRUE"], []
        day = "coalesce(try_cast(e.event_date AS DATE), a.published)"
        if self.actor:
            clauses.append("(starts_with(e.source_code, ?) OR starts_with(e.target_code, ?))")
            parameters += [self.actor.upper(), self.actor.upper()]
        if self.pair:
            clauses.append(f"{_PAIR} = ?")
            parameters.append("-".join(sorted(self.pair.upper().split("-", 1))))
        if self.date_from:
            clauses.append(f"{day} >= ?")
            parameters.append(self.date_from)
        if self.date_to:
            clauses.append(f"{day} <= ?")
            parameters.append(self.date_to)
        for column, value in (("e.root", self.root), ("e.plover", self.plover.upper()), ("e.mode", self.mode),
                              ("a.outlet", self.outlet)):  # fmt: skip
            if value:
                clauses.append(f"{column} = ?")
                parameters.append(value)
        if self.topic:
            clauses.append("list_contains(list_transform(e.topics, lambda t: lower(t)), lower(?))")
            parameters.append(self.topic)
        if self.context:
            clauses.append("list_contains(e.context, ?)")
            parameters.append(self.context.lower())
        if self.text:
            clauses.append("(e.sentence ILIKE ? OR a.title ILIKE ?)")
            parameters += [f"%{self.text}%", f"%{self.text}%"]
        if self.near is not None:
            clauses.append(f"e.location_precision <> 'country' AND {_DISTANCE_KM} <= ?")
            latitude, longitude = self.near
            parameters += [latitude, latitude, longitude, self.km]
        return " AND ".join(clauses), parameters


@dataclass(frozen=True)
class PairSummary:
    pair: str
    events: int
    cooperation: int
    conflict: int
    goldstein: float | None


@dataclass(frozen=True)
class WeekPoint:
    week: dt.date
    cooperation: int
    conflict: int
    goldstein: float | None


def _lead(paragraphs: Sequence[str], words: int = 150) -> str:
    """The first paragraphs of an article, up to about `words` words: what a report is about."""
    lead, count = [], 0
    for paragraph in paragraphs:
        lead.append(paragraph)
        count += len(paragraph.split())
        if count >= words:
            break
    return "\n".join(lead)


def _article_row(article: Article, run_id: int) -> tuple:
    published = article.published
    return (
        article.id,
        article.doc,
        article.title,
        article.url,
        article.outlet,
        article.wire,
        published.date if published else None,
        published.precision if published else None,
        published.basis if published else None,
        list(article.dateline_places),
        article.language,
        article.text,
        list(article.paragraphs),
        article.source_path,
        article.ingested_at,
        run_id,
    )


def _event_row(event: Event) -> tuple:
    source, target, attributed, place = event.source, event.target, event.attributed_to, event.location
    key = f"{event.article_id}:{event.sentence_index}:{event.evidence[0]}:{source.code}:{event.cameo}:"
    key += target.code if target else "-"
    return (
        hashlib.sha256(key.encode()).hexdigest()[:16], event.article_id, event.doc, event.sentence_index,
        event.sentence, source.text, source.code, source.country, source.role,
        target.text if target else None, target.code if target else None,
        target.country if target else None, target.role if target else None,
        event.cameo, event.root, event.plover, event.mode, event.negated, event.symmetric,
        attributed.text if attributed else None, attributed.code if attributed else None,
        event.event_date, event.date_precision, event.goldstein, event.quad_class, event.confidence,
        event.evidence[0], event.evidence[1],
        *(astuple(place) if place else (None,) * 6),
        list(event.topics), list(event.context), list(event.negated_topics), event.date_inherited,
    )  # fmt: skip


def _sql_string(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _first_line(error: BaseException) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__


_PID = re.compile(r"PID (\d+)")


def _open_error(path: str, error: duckdb.IOException) -> DyadsError:
    message = str(error)
    if "lock" in message.lower():
        pid = _PID.search(message)
        holder = f" (PID {pid.group(1)})" if pid else ""
        return DatabaseInUseError(f"{path} is in use by another dyads process{holder}; wait for it to finish")
    return DyadsError(f"cannot open {path}: {_first_line(error)}")
