"""From articles to mentions and events: the full spaCy pipeline with actor linker and event coder.

nlp = shared_coding_pipeline()
for mentions, events in stream_coded(articles, nlp): ...
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span

from dyads.actors.linker import LinkedMention, link_mentions
from dyads.actors.mentions import article_date, build_actor_pipeline, dated_docs, mention_record, split_code
from dyads.dates import resolve_event_date
from dyads.events.coder import EVENTS_EXTENSION, CodedEvent
from dyads.geo import DATELINE_EXTENSION, LOCATIONS_EXTENSION
from dyads.model import ActorRef, Article, Event, Location, Mention
from dyads.ontology import event_code
from dyads.prefilter import PARSED_TEXT_EXTENSION, ParsedText, SentenceFilter, in_article
from dyads.topics import MEETING_ROOT, EventTopics, event_topics

CODER = "dyads_event_coder"
TAGGER = "dyads_topic_tagger"
GEOLOCATOR = "dyads_geolocator"


def build_coding_pipeline(
    model: str | None = None,
    actors_files: Iterable[str] = (),
    patterns_files: Iterable[str] = (),
    topics_files: Iterable[str] = (),
    places_files: Iterable[str] = (),
) -> Language:
    """The configured spaCy model with the actor linker, the event coder, the topic tagger and the
    geolocator."""
    nlp = build_actor_pipeline(model, actors_files)
    nlp.add_pipe(CODER, last=True, config={"patterns_files": list(patterns_files)})
    nlp.add_pipe(TAGGER, last=True, config={"topics_files": list(topics_files)})
    nlp.add_pipe(GEOLOCATOR, last=True, config={"places_files": list(places_files)})
    return nlp


@functools.lru_cache(maxsize=2)
def shared_coding_pipeline(
    model: str | None = None,
    actors_files: tuple[str, ...] = (),
    patterns_files: tuple[str, ...] = (),
    topics_files: tuple[str, ...] = (),
    places_files: tuple[str, ...] = (),
) -> Language:
    """One pipeline per configuration per process: loading it takes seconds."""
    return build_coding_pipeline(model, actors_files, patterns_files, topics_files, places_files)


def stream_coded(
    articles: Iterable[Article], nlp: Language, batch_size: int = 32, parse_all: bool = False
) -> Iterator[tuple[list[Mention], list[Event]]]:
    """Mentions and events per article, parsing in batches; roles and dates use each article's date.

    Only the sentences the pre-filter keeps are parsed (all of them with `parse_all`); offsets and
    sentence numbers of the results are the article's.
    """
    articles = list(articles)
    linker = nlp.get_pipe("dyads_actor_linker")
    sentence_filter = SentenceFilter(nlp, parse_all=parse_all)
    condensed = (sentence_filter.condense(doc) for doc in placed_docs(articles, nlp))
    for article, doc in zip(articles, nlp.pipe(condensed, batch_size=batch_size), strict=True):
        parsed: ParsedText = doc._.get(PARSED_TEXT_EXTENSION)
        mentions = [mention_record(article, in_article(linked, parsed)) for linked in link_mentions(doc)]
        sentences = list(doc.sents)
        coded_events = doc._.get(EVENTS_EXTENSION) or ()
        tagged = event_topics(doc) or [None] * len(coded_events)
        located = doc._.get(LOCATIONS_EXTENSION) or [None] * len(coded_events)
        roles = linker.dictionary.role_intervals
        events = [
            _event(article, _coded_in_article(coded, sentences, parsed),
                   sentences[coded.sentence_index].text.strip(), roles, topics, location)
            for coded, topics, location in zip(coded_events, tagged, located, strict=True)
        ]  # fmt: skip
        yield mentions, dated_by_earlier_mentions(without_repeat_mentions(events))


def _coded_in_article(coded: CodedEvent, sentences: Sequence[Span], parsed: ParsedText) -> CodedEvent:
    """A coded event with the article's sentence number and character offsets."""
    return replace(
        coded,
        sentence_index=parsed.sentence_number(sentences[coded.sentence_index].start_char),
        evidence=parsed.article_span(coded.evidence),
        date_text=tuple(parsed.article_span(stretch) for stretch in coded.date_text),
    )


def placed_docs(articles: Iterable[Article], nlp: Language) -> Iterator[Doc]:
    """Unparsed docs with their article's date and dateline places."""
    for article, doc in zip(articles, dated_docs(articles, nlp), strict=True):
        doc._.set(DATELINE_EXTENSION, article.dateline_places)
        yield doc


def dated_by_earlier_mentions(events: Sequence[Event]) -> list[Event]:
    """Give an untimed event the day of an earlier event of the same two countries in the article.

    A report dates its main happening once (`in a video call on Tuesday`) and then tells what was
    said and agreed in it without repeating the day; those events share the happening's date.
    """
    days: dict[tuple[str, ...], str] = {}
    dated = []
    for event in events:
        key = tuple(sorted((event.source.country or "", event.target.country if event.target else "")))
        if event.date_precision == "day" and event.event_date:
            days.setdefault(key, event.event_date)
        elif event.date_precision == "before" and key in days:
            event = replace(event, event_date=days[key], date_precision="day", date_inherited=True)
        dated.append(event)
    return dated


def without_repeat_mentions(events: Sequence[Event]) -> list[Event]:
    """Drop later mentions of a happening an article already reported.

    Articles come back to their main happening (`the call`, `the partnership`) many times; each
    return is a restatement, not a new event. A later event with the same pair of countries and the
    same three-digit CAMEO code, or another consultation in the same mode (`discussed … in a video
    call`, later `during the video call`: one talk; a visit still proposed is another), is a
    restatement unless it carries a date of its own that differs (`declared a partnership in
    February 2022` is another happening). What a restatement adds about the happening's topics
    (`during the call they also discussed energy`) goes to the first report.
    """
    first: dict[tuple[str, ...], int] = {}
    kept: list[Event] = []
    for event in events:
        pair = tuple(
            sorted((event.source.country or "", (event.target.country if event.target else "") or ""))
        )
        keys = [(*pair, event.cameo[:3])]
        if event.cameo[:2] == MEETING_ROOT:
            keys.append((*pair, MEETING_ROOT, event.mode))
        earlier_index = next((first[key] for key in keys if key in first), None)
        if earlier_index is not None:
            earlier = kept[earlier_index]
            if event.date_precision == "before" or event.event_date == earlier.event_date:
                kept[earlier_index] = replace(
                    earlier,
                    topics=tuple(dict.fromkeys((*earlier.topics, *event.topics))),
                    negated_topics=tuple(dict.fromkeys((*earlier.negated_topics, *event.negated_topics))),
                    context=tuple(dict.fromkeys((*earlier.context, *event.context))),
                )
                continue
        for key in keys:
            first.setdefault(key, len(kept))
        kept.append(event)
    return kept


def _event(
    article: Article,
    coded: CodedEvent,
    sentence: str,
    roles,
    topics: EventTopics | None,
    location: Location | None,
) -> Event:
    entry = event_code(coded.code)
    # stretches apart are kept apart, so no date phrase is made of words from two of them
    text = " ; ".join(article.text[start:end] for start, end in coded.date_text)
    date = resolve_event_date(text, article_date(article), roles)
    confidence = round(
        min(coded.source.confidence, coded.target.confidence if coded.target else 1.0) * 0.9, 2
    )
    return Event(
        doc=article.doc,
        article_id=article.id,
        sentence_index=coded.sentence_index,
        sentence=sentence,
        source=_actor(coded.source),
        target=_actor(coded.target) if coded.target else None,
        cameo=entry.code,
        root=entry.root,
        plover=entry.plover,
        mode=coded.mode,
        negated=coded.negated,
        attributed_to=_actor(coded.attributed_to) if coded.attributed_to else None,
        event_date=date.value,
        date_precision=date.precision,
        goldstein=entry.goldstein,
        quad_class=entry.quad_class,
        confidence=confidence,
        evidence=coded.evidence,
        symmetric=coded.symmetric,
        topics=topics.topics if topics else (),
        negated_topics=topics.negated if topics else (),
        context=tuple(dict.fromkeys((*entry.contexts, *(topics.contexts if topics else ())))),
        location=location,
    )


def _actor(mention: LinkedMention) -> ActorRef:
    country, role = split_code(mention.code)
    return ActorRef(text=mention.text, code=mention.code, country=country, role=role)


def event_json(event: Event) -> dict:
    """The design's event JSON: one object per event."""
    return {
        "doc": event.doc,
        "article_id": event.article_id,
        "sentence_index": event.sentence_index,
        "sentence": event.sentence,
        "source": event.source.__dict__,
        "target": event.target.__dict__ if event.target else None,
        "cameo": event.cameo,
        "root": event.root,
        "plover": event.plover,
        "mode": event.mode,
        "negated": event.negated,
        "attributed_to": {"text": event.attributed_to.text, "code": event.attributed_to.code}
        if event.attributed_to
        else None,
        "event_date": event.event_date,
        "date_precision": event.date_precision,
        "goldstein": event.goldstein,
        "quad_class": event.quad_class,
        "confidence": event.confidence,
        "evidence": list(event.evidence),
        "symmetric": event.symmetric,
        "location": event.location.__dict__ if event.location else None,
        "topics": list(event.topics),
        "negated_topics": list(event.negated_topics),
        "context": list(event.context),
    }


def code_articles(articles: Sequence[Article], nlp: Language, parse_all: bool = False) -> list[Event]:
    """Every event of some articles (no database)."""
    return [event for _, events in stream_coded(articles, nlp, parse_all=parse_all) for event in events]
