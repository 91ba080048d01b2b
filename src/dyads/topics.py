"""Topics and PLOVER contexts: the named issues an event is about, and what a report says was not.

`dyads_topic_tagger` runs after the event coder. For each event it attaches the topics whose terms
appear
1. in the event's own clause, including what it says the event was about (`discussed Ukraine, Taiwan
   and trade`, `talks on energy`, `regarding X`), but not in clauses about something else (`…, months
   after Russia's invasion of Ukraine`, `Erdogan, who has mediated on Ukraine, …`, `as fighting raged
   in Gaza`);
2. for meetings and calls, in the next sentences that go on describing the same meeting (`During the
   call, …`, `The two leaders also discussed …`, `They also talked about …`).
A sentence saying a topic was not discussed or not disclosed (`neither side said whether Ukraine was
discussed`, `no details on whether Taiwan came up`, `trade was not on the agenda`) marks that topic as
negated on the meeting it is about, so a comparison can set it against an outlet that says it was.
Each event's contexts are its CAMEO code's PLOVER contexts and those of its topics.
"""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from dyads.errors import DyadsError
from dyads.events.coder import EVENTS_EXTENSION, CodedEvent

TOPICS_EXTENSION = "dyads_event_topics"
TOPIC_COLUMNS = ("topic", "name", "terms", "actors", "contexts")
MEETING_ROOT = "04"
FOLLOWING_SENTENCES = 4
"""How far after a meeting's sentence a report may go on describing it."""
_OTHER_MATTERS = frozenset({"parataxis", "npadvmod"})
"""Dependents about something else than the event (`…, a month after the invasion of Ukraine`)."""
_OTHER_CLAUSES = frozenset({"advcl", "relcl"})
"""Clauses about something else when they have a subject of their own (`as fighting raged in Gaza`,
`Erdogan, who has mediated on Ukraine, …`); without one (`strategies to build relations`) they
say what the event was about."""
_BACKGROUND_PREPOSITIONS = frozenset(
    {"after", "since", "amid", "despite", "before", "following", "ahead", "prior"}
)
"""Phrases of time or circumstance (`…, ahead of Russia's invasion of Ukraine`), not what the event was
about; `ahead` and `prior` head them as adverbs (`ahead of`, `prior to`)."""
_ALSO_DISCUSSED = re.compile(r"\balso (discussed|talked|touched)", re.IGNORECASE)
"""`The leaders also discussed …`: more of the main meeting's topics, however far down the report."""
_SAME_MEETING = re.compile(
    r"^(during|in|at) the (call|talks|meeting|conversation|summit|visit|video call|phone call)\b"
    r"|^(the|both) (two )?(leaders|presidents|ministers|sides|men)\b|^the two\b|^they\b|"
    + _ALSO_DISCUSSED.pattern,
    re.IGNORECASE,
)
_NEGATION = re.compile(
    r"\b(no details?|not (?:been |immediately |yet )?(?:discussed|disclosed|mentioned|raised|clear|known"
    r"|on the agenda)"
    r"|neither\b"
    r"|nor\b|did not (?:say|disclose|mention|specify|discuss)|declined to say|would not say|wouldn't say"
    r"|gave no|provided no|without (?:saying|mentioning)|unclear whether|not clear whether|did not come up"
    r"|made no mention|no word on|no mention|said only|only said)",
    re.IGNORECASE,
)
_DISCLOSURE = re.compile(
    r"\b(discuss\w*|disclos\w*|detail\w*|mention\w*|rais\w*|came up|come up|agenda|whether|say|said"
    r"|specif\w*)",
    re.IGNORECASE,
)


def continues_meeting(sentence: str) -> bool:
    """Whether a sentence goes on describing the meeting before it (`During the call, …`,
    `The two leaders also discussed …`)."""
    return bool(_SAME_MEETING.search(sentence.strip()))


def says_not_discussed(sentence: str) -> bool:
    """Whether a sentence says something was not discussed or not disclosed (`neither side said whether
    …`, `no details on whether … came up`, `… was not on the agenda`)."""
    return bool(_NEGATION.search(sentence) and _DISCLOSURE.search(sentence))


@dataclass(frozen=True)
class Topic:
    id: str
    name: str
    terms: tuple[str, ...]
    actors: tuple[str, ...]
    contexts: tuple[str, ...]


@dataclass(frozen=True)
class EventTopics:
    """The topics an event is about, those a report says were not discussed, and its contexts."""

    topics: tuple[str, ...]
    negated: tuple[str, ...]
    contexts: tuple[str, ...]


class TopicTable:
    """Topics by id, loaded from the packaged table and users' files with the same header."""

    def __init__(self, topics: Iterable[Topic]) -> None:
        self.topics = {topic.id: topic for topic in topics}

    @classmethod
    def load(cls, extra_files: Sequence[str | Path] = ()) -> TopicTable:
        sources = [files("dyads").joinpath("data").joinpath("topics.csv"), *map(Path, extra_files)]
        topics: list[Topic] = []
        for source in sources:
            with source.open(encoding="utf-8", newline="") as handle:
                reader = csv.DictReader(handle)
                missing = set(TOPIC_COLUMNS) - set(reader.fieldnames or ())
                if missing:
                    raise DyadsError(
                        f"{source}: a topics file needs the columns {', '.join(sorted(missing))}"
                    )
                topics.extend(_topic(row) for row in reader)
        return cls(topics)

    def find(self, wanted: str) -> Topic | None:
        """A topic by id or name, ignoring case (`ukraine-war`, `Ukraine`)."""
        wanted = wanted.strip().lower()
        return next((t for t in self.topics.values() if wanted in (t.id, t.name.lower())), None)


@Language.factory("dyads_topic_tagger", default_config={"topics_files": []}, requires=["doc._.dyads_events"])
def make_topic_tagger(nlp: Language, name: str, topics_files: list[str]) -> TopicTagger:
    return TopicTagger(nlp, TopicTable.load(topics_files), name=name)


class TopicTagger:
    """spaCy component; `doc._.dyads_event_topics` lines up with `doc._.dyads_events`."""

    def __init__(self, nlp: Language, table: TopicTable, name: str = "dyads_topic_tagger") -> None:
        self.name = name
        self.table = table
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for topic in table.topics.values():
            self.matcher.add(topic.id, list(nlp.tokenizer.pipe(topic.terms)))
        if not Doc.has_extension(TOPICS_EXTENSION):
            Doc.set_extension(TOPICS_EXTENSION, default=None)

    def __call__(self, doc: Doc) -> Doc:
        events: Sequence[CodedEvent] = doc._.get(EVENTS_EXTENSION) or ()
        if not events:
            doc._.set(TOPICS_EXTENSION, [])
            return doc
        found = [(doc.vocab.strings[key], start) for key, start, _ in self.matcher(doc)]
        sentences = list(doc.sents)
        negations = self._negations(sentences, found)
        tagged = []
        main = _main_meeting(events)
        for index, event in enumerate(events):
            ids = self._event_topics(doc, event, sentences, found, main=index == main)
            # a sentence saying a topic was not discussed is about the report's main meeting
            denied = [t for _, t in negations] if index == main else []
            # `it was not clear whether a prisoner exchange was discussed` holds an event of its own,
            # whose topic is the one left open, not one it was about
            left_open = {t for sentence_index, t in negations if sentence_index == event.sentence_index}
            topics = [t for t in ids if t not in denied and t not in left_open]
            tagged.append(self._record(event, topics, denied))
        doc._.set(TOPICS_EXTENSION, tagged)
        return doc

    def _event_topics(
        self, doc: Doc, event: CodedEvent, sentences: list[Span], found, main: bool
    ) -> list[str]:
        """Topics of the event's own clause and, for a meeting, of the sentences going on about it:
        the next few, and for the report's main meeting any saying what else was discussed."""
        clause = own_clause(doc[event.predicate])
        ids = [topic for topic, start in found if start in clause]
        if event.code.startswith(MEETING_ROOT):
            for distance, sentence in enumerate(sentences[event.sentence_index + 1 :], start=1):
                if (distance <= FOLLOWING_SENTENCES and continues_meeting(sentence.text)) or (
                    main and _ALSO_DISCUSSED.search(sentence.text)
                ):
                    ids += [topic for topic, start in found if sentence.start <= start < sentence.end]
        return list(dict.fromkeys(ids))

    def _negations(self, sentences: list[Span], found) -> list[tuple[int, str]]:
        """(sentence index, topic) for each topic a sentence says was not discussed or disclosed."""
        negated = []
        for index, sentence in enumerate(sentences):
            if not says_not_discussed(sentence.text):
                continue
            negated += [
                (index, t)
                for t, start in found
                if sentence.start <= start < sentence.end and not _names_a_person(sentence.doc[start])
            ]
        return negated

    def _record(self, event: CodedEvent, topics: Sequence[str], negated: Sequence[str]) -> EventTopics:
        chosen = [self.table.topics[t] for t in topics]
        contexts = tuple(dict.fromkeys(c for topic in chosen for c in topic.contexts))
        return EventTopics(
            topics=tuple(topic.name for topic in chosen),
            negated=tuple(dict.fromkeys(self.table.topics[t].name for t in negated)),
            contexts=contexts,
        )


def _names_a_person(token: Token) -> bool:
    """Whether a topic's word names a person (`Zelensky`, the `Ukrainian` of `Ukrainian President
    Volodymyr Zelensky`): `neither side mentioned` them says nothing of whether the topic came up."""
    for _ in range(4):
        if token.ent_type_ == "PERSON":
            return True
        if token.dep_ not in ("amod", "compound", "nmod") or token.head.i == token.i:
            return False
        token = token.head
    return False


def _main_meeting(events: Sequence[CodedEvent]) -> int | None:
    """The report's main meeting or call, the first it tells: `neither side said whether Ukraine was
    discussed` and `the leaders also discussed…` are about the call of the lead, not about a call
    mentioned in passing."""
    return next((i for i, e in enumerate(events) if e.code.startswith(MEETING_ROOT)), None)


def own_clause(predicate: Token) -> set[int]:
    """Token indices of the event's clause, without the clauses and phrases about other matters."""
    head = predicate
    while head.dep_ in ("xcomp", "conj", "ccomp") and head.head.i != head.i and head.pos_ != "NOUN":
        head = head.head
    if predicate.pos_ == "NOUN":
        head = predicate.head if predicate.head.pos_ in ("VERB", "AUX") else predicate
    excluded: set[int] = set()
    for token in head.subtree:
        if token.i == head.i:
            continue
        own_subject = any(child.dep_ in ("nsubj", "nsubjpass", "mark") for child in token.children)
        if (
            token.dep_ in _OTHER_MATTERS
            or (token.dep_ in _OTHER_CLAUSES and own_subject)
            or (token.dep_ in ("prep", "advmod") and token.lower_ in _BACKGROUND_PREPOSITIONS)
        ):
            excluded.update(t.i for t in token.subtree)
    return {token.i for token in head.subtree} - excluded


def _topic(row: dict[str, str]) -> Topic:
    def split(value: str | None) -> tuple[str, ...]:
        return tuple(part.strip() for part in (value or "").split(";") if part.strip())

    return Topic(
        id=row["topic"].strip(),
        name=row["name"].strip(),
        terms=split(row["terms"]),
        actors=split(row["actors"]),
        contexts=split(row["contexts"]),
    )


def topic_name(wanted: str) -> str:
    """The stored name of a topic given by id or name (`ukraine-war` → `Ukraine`); unknown ones as given."""
    found = _packaged_topics().find(wanted)
    return found.name if found else wanted


@functools.cache
def _packaged_topics() -> TopicTable:
    """The packaged table, read once per process (the dashboard looks names up on every request)."""
    return TopicTable.load()


def event_topics(doc: Doc) -> Sequence[EventTopics]:
    return doc._.get(TOPICS_EXTENSION) or ()
