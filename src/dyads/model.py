"""Typed records that flow between the pipeline stages.

Every stage takes records from this module and returns records from this module, so a stage can be
tested (and run on a cluster) without the stages around it. Records are frozen: a later stage makes a
new record instead of editing what an earlier stage produced.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, field, fields, is_dataclass
from types import UnionType
from typing import Literal, NamedTuple, TypeVar, Union, get_args, get_origin, get_type_hints

from dyads.quantities import Quantity

DatePrecision = Literal["day", "month", "year", "before", "range"]
_Record = TypeVar("_Record")


@dataclass(frozen=True)
class RawDocument:
    """One input as a reader found it, before any extraction.

    `content` is plain text, a whole HTML page, or an HTML fragment such as a feed entry's body
    (see `kind`); the metadata fields hold what the container itself said
    (a JSONL record's `date`, a feed entry's `pubDate`, a feed's channel title as outlet).
    """

    doc: str
    source_path: str
    kind: Literal["text", "html", "fragment"]
    content: str
    url: str | None = None
    title: str | None = None
    published: dt.date | None = None
    outlet: str | None = None


@dataclass(frozen=True)
class PublicationDate:
    """When an article was published, how precisely we know it, and where that knowledge came from.

    `basis` says which evidence won (`metadata`, `date-line`, `dateline`, `user`, `text-years`,
    `role-anchor`), so a user can tell a stated date from an inferred year.
    """

    date: dt.date
    precision: DatePrecision
    basis: str


@dataclass(frozen=True)
class Article:
    """A clean article: main text without boilerplate plus its metadata.

    `id` is a hash of the normalized text, so the same text under two names is one article.
    """

    id: str
    doc: str
    text: str
    paragraphs: tuple[str, ...]
    title: str | None
    url: str | None
    outlet: str | None
    wire: str | None
    published: PublicationDate | None
    dateline_places: tuple[str, ...]
    language: str | None
    source_path: str
    ingested_at: dt.datetime


@dataclass(frozen=True)
class Duplicate:
    """An input whose text repeats an article already kept; stored as a link and never coded. A near
    copy's figures are still read and stored under its id: the outlet running it may have changed a
    number, or kept one its source dropped."""

    id: str
    doc: str
    source_path: str
    title: str | None
    outlet: str | None
    duplicate_of: str
    kind: Literal["exact", "near"]
    similarity: float
    published: dt.date | None = None


@dataclass(frozen=True)
class Rejection:
    """An input that could not be read or extracted, with a reason a user can act on."""

    input: str
    reason: str


@dataclass(frozen=True)
class ActorRef:
    """An actor as it appears in an event: surface text plus its CAMEO code split into parts."""

    text: str
    code: str
    country: str | None
    role: str | None


@dataclass(frozen=True)
class Mention:
    """An actor mention in an article, linked to a CAMEO actor code.

    `start`/`end` are character offsets in the article text; `entry` names the dictionary entry (or
    rule) that gave the code, `method` how the phrase was resolved. A joint reference (`the two
    leaders`) yields one mention per actor over the same span.
    """

    doc: str
    article_id: str
    sentence_index: int
    start: int
    end: int
    text: str
    code: str
    country: str | None
    role: str | None
    method: str
    entry: str
    confidence: float


@dataclass(frozen=True)
class Location:
    """Where an event happened, with the precision and method of the resolution."""

    name: str
    country: str | None
    lat: float | None
    lon: float | None
    precision: Literal["site", "city", "region", "country"]
    method: str


@dataclass(frozen=True)
class Event:
    """One coded event: who did what to whom, when, how firmly, according to whom and which outlet."""

    doc: str
    article_id: str
    sentence_index: int
    sentence: str
    source: ActorRef
    target: ActorRef | None
    cameo: str
    root: str
    plover: str | None
    mode: str
    negated: bool
    attributed_to: ActorRef | None
    event_date: str | None
    date_precision: DatePrecision | None
    goldstein: float | None
    quad_class: int | None
    confidence: float
    evidence: tuple[int, int]
    symmetric: bool = False
    location: Location | None = None
    topics: tuple[str, ...] = ()
    context: tuple[str, ...] = ()
    negated_topics: tuple[str, ...] = ()
    """Topics the report says were not discussed or not disclosed for this event (`no details on
    whether Ukraine was discussed`)."""
    date_inherited: bool = False
    """The day is that of an earlier event of the same countries in the article, not the event's own
    words; comparisons do not hold outlets to it."""


@dataclass(frozen=True)
class StoryArticle:
    """An article's membership in a story."""

    doc: str
    article_id: str
    outlet: str | None
    published: dt.date | None

    @property
    def source(self) -> str:
        """Who tells it: the outlet, or the article itself when its outlet is unknown."""
        return self.outlet or self.doc


@dataclass(frozen=True)
class Claim:
    """Equivalent events from several articles of a story, with every outlet that supports them."""

    id: str
    story_id: str
    source: str
    target: str | None
    root: str
    event_date: str | None
    supporting: tuple[StoryArticle, ...]
    evidence: tuple[str, ...]
    first_reported: dt.date | None

    @property
    def outlets(self) -> set[str]:
        """The outlets that report it (an article without an outlet counts as its own)."""
        return {article.source for article in self.supporting}


@dataclass(frozen=True)
class Conflict:
    """Two or more outlets disagreeing on one fact of a story."""

    story_id: str
    kind: str
    description: str
    values: tuple[tuple[str, str], ...]
    evidence: tuple[str, ...]
    claim_id: str | None = None


@dataclass(frozen=True)
class Story:
    """Articles reporting the same happening."""

    id: str
    title: str
    articles: tuple[StoryArticle, ...]
    conflicts: tuple[Conflict, ...] = field(default=())
    topics: tuple[tuple[str, int], ...] = ()
    """The story's topics, each with how many outlets attach it to an event, most reported first."""


class LeadEvent(NamedTuple):
    """The happening an article reports, as story clustering compares it: its pair of countries, its
    day, its CAMEO root (a call, a strike) and the place its sentence names, if any."""

    pair: str
    day: dt.date
    root: str
    place: str | None = None


@dataclass(frozen=True)
class ArticleProfile:
    """What story clustering knows of an article."""

    article_id: str
    doc: str
    title: str
    lead: str
    published: dt.date | None
    outlet: str | None = None
    pairs: frozenset[str] = frozenset()
    actors: frozenset[str] = frozenset()
    dated_pairs: frozenset[tuple[str, dt.date]] = frozenset()
    lead_event: LeadEvent | None = None
    """The first dated event between two countries in the article: the happening it reports."""

    @property
    def order(self) -> tuple[dt.date, str]:
        return (self.published or dt.date.max, self.doc)


@dataclass(frozen=True)
class StoryAssignment:
    """An article's story, and how alike it was to that story's articles (1.0 when it started it)."""

    article_id: str
    story_id: str
    similarity: float
    new_story: bool


@dataclass(frozen=True)
class ReportedEvent:
    """An event as the comparison needs it: which article reported it and what it says."""

    event_id: str
    article: StoryArticle
    sentence_index: int
    source: str
    target: str | None
    root: str
    cameo: str
    mode: str
    negated: bool
    event_date: str | None
    date_precision: str | None
    sentence: str
    topics: tuple[str, ...] = ()
    negated_topics: tuple[str, ...] = ()
    date_inherited: bool = False
    place: str | None = None
    """Where the event's own sentence says it happened (`met in Paris`), if it says."""
    source_code: str = ""
    target_code: str | None = None
    """The actors' full codes (`MEXGOV`, `USALEG`); `source` and `target` are their countries."""


@dataclass(frozen=True)
class Figure:
    """A figure an article gives and what its sentence says it measures (see `dyads.figures`).

    `context` holds the sentence's content words beside the figure's own, stemmed; `qualifier` a
    proper adjective between a count and its noun; `predicate` what happened to what it counts;
    `happenings` the kinds of happening whose length a duration may give. `position` is its place
    among the article's figures.
    """

    article_id: str
    position: int
    sentence: str
    quantity: Quantity
    context: frozenset[str]
    qualifier: str
    predicate: str
    happenings: frozenset[str]


@dataclass(frozen=True)
class ArticleText:
    """An article of a story with its text and its figures: what a comparison reads of it."""

    article: StoryArticle
    text: str
    figures: tuple[Figure, ...]


@dataclass(frozen=True)
class StoryComparison:
    """A story's claims (with the events supporting each) and its conflicts."""

    story_id: str
    claims: tuple[Claim, ...]
    support: tuple[tuple[str, str, str], ...]
    conflicts: tuple[Conflict, ...]

    def corroborated(self) -> list[Claim]:
        """Claims more than one outlet reports."""
        return [claim for claim in self.claims if len(claim.outlets) > 1]

    def single_source(self) -> list[Claim]:
        """Claims only one outlet reports."""
        return [claim for claim in self.claims if len(claim.outlets) == 1]


@dataclass(frozen=True)
class PersonMention:
    """A known person named in a story's article, with the words around the name (their title)."""

    article: StoryArticle
    text: str
    person: str
    day: dt.date
    sentence: str


def record_json(record) -> str:
    """A record as JSON (nested records as objects, tuples and sets as lists, dates in ISO format), for data
    that leaves the process as text: what cluster workers receive and write to Parquet."""
    return json.dumps(asdict(record), default=_plain_value, ensure_ascii=False)


def _plain_value(value: dt.date | frozenset) -> str | list:
    return sorted(value) if isinstance(value, frozenset) else value.isoformat()


def record_from_json(cls: type[_Record], text: str) -> _Record:
    """The record of type `cls` that `record_json` wrote."""
    return record_from_dict(cls, json.loads(text))


def record_from_dict(cls: type[_Record], data: dict) -> _Record:
    """The record of type `cls` whose fields `data` holds as plain values."""
    hints = get_type_hints(cls)
    return cls(**{f.name: _from_plain(hints[f.name], data[f.name]) for f in fields(cls) if f.name in data})


def _from_plain(hint, value):
    if value is None:
        return None
    if get_origin(hint) in (Union, UnionType):
        hint = next(arg for arg in get_args(hint) if arg is not type(None))
    if is_dataclass(hint):
        return record_from_dict(hint, value)
    if get_origin(hint) in (tuple, frozenset):
        return get_origin(hint)(value)
    if hint in (dt.date, dt.datetime):
        return hint.fromisoformat(value)
    return value
