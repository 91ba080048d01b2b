"""Where events happened, resolved offline against the gazetteer (`dyads.gazetteer`).

`dyads_geolocator` runs after the event coder. For each event it takes, in order,
1. a place the event's own clause says it happened at: the object of a spatial preposition (`in
   Doha`, `at the Kremlin`, `outside Moscow`, `on the outskirts of Kharkiv`, `into Ukraine`), the place
   visited, or the place struck; not origins (`a delegation from Qatar`), not places used as actors
   (`Beijing accused Washington`), not places of a clause about something else;
2. the article's dateline (`KYIV, March 3 (Reuters) –`);
3. an actor's country: the target's for visits and uses of force, the doer's otherwise.
A name several places share resolves to one in a country the article is about (its actors, its
dateline), else to the most populous, and a qualifier decides (`Paris, Texas`, `London, Ontario`).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from dyads.actors.linker import MENTIONS_EXTENSION, LinkedMention
from dyads.events.coder import EVENTS_EXTENSION, CodedEvent
from dyads.gazetteer import PRECISIONS, Gazetteer, Place
from dyads.model import Location
from dyads.topics import own_clause

LOCATIONS_EXTENSION = "dyads_event_locations"
DATELINE_EXTENSION = "dyads_dateline"

_SPATIAL_PREPOSITIONS = frozenset(
    {"in", "at", "near", "outside", "inside", "into", "across", "around", "off", "within", "throughout"}
)
_NEAR_NOUNS = frozenset(
    {"outskirts", "suburb", "suburbs", "coast", "edge", "border", "centre", "center", "heart", "north",
     "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "area", "region",
     "vicinity", "sidelines", "capital", "city", "town", "streets", "province", "outside"}
)  # fmt: skip
_REGION_WORDS = frozenset({"region", "oblast", "province", "governorate", "state", "district", "prefecture"})
_VISIT_LEMMAS = frozenset({"visit", "tour", "arrive", "travel", "fly", "land"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_VERBAL_ROOTS = frozenset({"01", "02", "03", "04", "05", "10", "11", "12", "13", "14"})
"""CAMEO roots of verbal cooperation and verbal conflict (quad classes 1 and 3)."""
_MEETING_NOUNS = frozenset(
    {"talk", "talks", "meeting", "call", "summit", "visit", "conversation", "conference", "negotiation",
     "negotiations", "discussion", "discussions", "session", "ceremony", "forum", "sideline", "sidelines"}
)  # fmt: skip
_SITE, _ENTITY, _RUN = 0, 1, 2
"""Where a candidate name comes from, most trusted first: the curated places, the model's place
entities, runs of proper nouns (which may name a place only through a preposition, not as the owner
of a thing: `Hamas targets`)."""
_PLACE_ENTRIES = ("city:", "capital:")
"""Actor mentions that are place names: they say nothing of which country an article is about when
the place itself is what is being resolved (`Tripoli`)."""
_NAMING_DEPENDENCIES = frozenset({"compound", "nmod", "poss", "amod"})
_SPEAKING_LEMMAS = frozenset({"speak", "join", "talk", "address", "appear", "call", "participate"})
_COUNTRY_CUES = frozenset(
    {"in", "into", "inside", "across", "throughout", "within", "around", "near", "visit"}
)
"""A country is where an event happened when the event is in it or a visit to it; a country an event
is aimed at (`fired missiles at Israel`, `attacked Ukraine`) is its target, placed by the last resort."""
_TARGET_PLACED_ROOTS = frozenset({"15", "17", "18", "19", "20"})
"""Force posture, coercion, assaults, fighting and mass violence happen where their target is."""
_VISIT_CODES = ("042",)


@Language.factory("dyads_geolocator", default_config={"places_files": []}, requires=["doc.ents", "token.dep"])
def make_geolocator(nlp: Language, name: str, places_files: list[str]) -> Geolocator:
    return Geolocator(nlp, places_files, name=name)


class Geolocator:
    """spaCy component; `doc._.dyads_event_locations` lines up with `doc._.dyads_events`. Set
    `doc._.dyads_dateline` to the article's dateline places before running it."""

    def __init__(
        self, nlp: Language, places_files: Sequence[str] = (), name: str = "dyads_geolocator"
    ) -> None:
        self.name = name
        dictionary = nlp.get_pipe("dyads_actor_linker").dictionary
        self.gazetteer = Gazetteer.load(dictionary.country_names(), places_files)
        # Built with the pipeline, not on first use: a first use inside `nlp.memory_zone()` would
        # lose the strings of the patterns when the zone closes.
        self._sites = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._sites.add("PLACE", list(nlp.tokenizer.pipe(sorted(set(self.gazetteer.site_names)))))
        for extension in (LOCATIONS_EXTENSION, DATELINE_EXTENSION):
            if not Doc.has_extension(extension):
                Doc.set_extension(extension, default=None)

    def __call__(self, doc: Doc) -> Doc:
        events: Sequence[CodedEvent] = doc._.get(EVENTS_EXTENSION) or ()
        if not events:
            doc._.set(LOCATIONS_EXTENSION, [])
            return doc
        mentions: Sequence[LinkedMention] = doc._.get(MENTIONS_EXTENSION) or ()
        countries = [m.code[:3] for m in mentions if not m.entry.startswith(_PLACE_ENTRIES)]
        dateline = tuple(doc._.get(DATELINE_EXTENSION) or ())
        countries += [c for name in dateline if (c := self.gazetteer.country_code(name))]
        candidates = self._candidates(doc)
        actor_tokens = {
            token.i
            for m in mentions
            if (span := doc.char_span(m.start, m.end, alignment_mode="expand"))
            for token in span
        }
        sentences = list(doc.sents)
        located = []
        for event in events:
            located.append(
                self._in_sentence(
                    doc, event, sentences[event.sentence_index], candidates, countries, actor_tokens
                )
                or self._from_dateline(dateline, countries)
                or self._from_actors(event)
            )
        doc._.set(LOCATIONS_EXTENSION, located)
        return doc

    def _candidates(self, doc: Doc) -> list[tuple[int, Span]]:
        """Place names: curated places first, then the model's place entities, then runs of proper
        nouns (the model tags `Vilnius` a person and misses `Kyiv` now and then)."""
        spans = [(_SITE, Span(doc, start, end)) for _, start, end in self._sites(doc)]
        spans += [(_ENTITY, entity) for entity in doc.ents if entity.label_ in _PLACE_LABELS]
        spans += [(_RUN, run) for run in _proper_noun_runs(doc)]
        chosen: list[tuple[int, Span]] = []
        taken: set[int] = set()
        for source, span in sorted(spans, key=lambda item: (item[0], item[1].start, -len(item[1]))):
            if taken.isdisjoint(range(span.start, span.end)):
                chosen.append((source, _with_region_word(_without_article(span))))
                taken.update(range(span.start, span.end))
        return sorted(chosen, key=lambda item: item[1].start)

    def _in_sentence(
        self,
        doc: Doc,
        event: CodedEvent,
        sentence: Span,
        candidates: list[tuple[int, Span]],
        countries: list[str],
        actor_tokens: set[int],
    ) -> Location | None:
        """The most precise place the event's clause ties to it, the nearest to its predicate first."""
        predicate = doc[event.predicate]
        clause = own_clause(predicate)
        found = []
        for source, span in candidates:
            if not (sentence.start <= span.start < sentence.end) or span.root.i not in clause:
                continue
            cue = _spatial_cue(span, predicate, event.code, names_a_thing=source != _RUN)
            if not cue or not _about_the_event(span, predicate, event.code, actor_tokens):
                continue
            place = self.gazetteer.resolve(_name_of(span), countries, _qualifier_after(span))
            if place is None or (place.precision == "country" and cue not in _COUNTRY_CUES):
                continue
            precision = "region" if span[-1].lower_ in _REGION_WORDS and place.precision == "city" else None
            location = _location(place, "sentence", precision)
            found.append((PRECISIONS.index(location.precision), abs(span.root.i - predicate.i), location))
        return min(found, key=lambda item: item[:2])[2] if found else None

    def _from_dateline(self, dateline: Sequence[str], countries: list[str]) -> Location | None:
        for name in dateline:
            place = self.gazetteer.resolve(name, countries)
            if place is not None:
                return _location(place, "dateline")
        return None

    def _from_actors(self, event: CodedEvent) -> Location | None:
        target_placed = event.code[:2] in _TARGET_PLACED_ROOTS or event.code.startswith(_VISIT_CODES)
        actors = (event.target, event.source) if target_placed else (event.source, event.target)
        for actor in actors:
            place = self.gazetteer.countries.get(actor.code[:3]) if actor else None
            if place is not None:
                return _location(place, "actor")
        return None


def _location(place: Place, method: str, precision: str | None = None) -> Location:
    return Location(place.name, place.country, place.lat, place.lon, precision or place.precision, method)


def _with_region_word(span: Span) -> Span:
    """`the Donetsk region`, `Kursk oblast`: the region word belongs to the name."""
    doc = span.doc
    if span.end < len(doc) and doc[span.end].lower_ in _REGION_WORDS:
        return Span(doc, span.start, span.end + 1)
    return span


def _name_of(span: Span) -> str:
    text = span.text
    return text[4:] if text.lower().startswith("the ") else text


def _qualifier_after(span: Span) -> str:
    """`Paris, Texas`: the place name right after a comma."""
    doc = span.doc
    if span.end + 1 < len(doc) and doc[span.end].text == ",":
        following = doc[span.end + 1]
        if following.ent_type_ in _PLACE_LABELS and following.ent_iob_ == "B":
            entity = next(e for e in doc.ents if e.start == following.i)
            return entity.text
    return ""


def _about_the_event(span: Span, predicate: Token, code: str, actor_tokens: set[int]) -> bool:
    """Whether the phrase holding the place describes the event rather than what it was about.

    Words reported (statements, appeals, meetings, accusations, threats) happen where the speakers
    are: a place in their topic (`discussed the conflict in Ukraine`, `accused X of violating a
    ceasefire in Gaza`) is not theirs. Such a place counts only when it hangs on the predicate, on an
    actor (`received Merz in Vilnius`), or on a meeting noun (`talks in Doha`). Deeds (aid, attacks)
    happen where their objects are (`struck a facility outside Kyiv`).
    """
    if code[:2] not in _VERBAL_ROOTS:
        return True
    anchor = span.root
    while anchor.dep_ in ("pobj", "prep", "compound", "nmod", "poss", "amod") and anchor.head.i != anchor.i:
        anchor = anchor.head
        if anchor.dep_ != "prep" and anchor.pos_ in ("NOUN", "PROPN", "VERB", "AUX"):
            break
    return (
        anchor.i == predicate.i
        or anchor.i in actor_tokens
        or anchor.lemma_ in _MEETING_NOUNS
        or (
            anchor.pos_ in ("VERB", "AUX")
            and (anchor.is_ancestor(predicate) or predicate.is_ancestor(anchor))
        )
    )


def _proper_noun_runs(doc: Doc) -> list[Span]:
    runs, start = [], None
    for token in doc:
        inside = (token.pos_ == "PROPN" and token.text[:1].isupper()) or (
            start is not None
            and token.text == "-"
            and token.i + 1 < len(doc)
            and doc[token.i + 1].pos_ == "PROPN"
        )
        if inside and start is None:
            start = token.i
        elif not inside and start is not None:
            runs.append(doc[start : token.i])
            start = None
    if start is not None:
        runs.append(doc[start:])
    return runs


def _without_article(span: Span) -> Span:
    return span[1:] if len(span) > 1 and span[0].lower_ == "the" else span


def _spatial_cue(span: Span, predicate: Token, code: str, names_a_thing: bool = True) -> str:
    """How the sentence ties the place to the event: `in`, `near`, `visit`, `struck`, `from` (speaking
    from a place); empty when the place is an origin or an actor. A place naming a thing (`Iran's
    Fordow nuclear facility`) is where that thing is."""
    root = span.root
    for _ in range(2 if names_a_thing else 0):
        if (
            root.dep_ in _NAMING_DEPENDENCIES
            and root.head.pos_ in ("NOUN", "PROPN")
            and root.head.i != root.i
        ):
            root = root.head
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "from" and head.head.lemma_ in _SPEAKING_LEMMAS:
        return "from"
    if root.dep_ == "pobj" and head.lower_ in _SPATIAL_PREPOSITIONS:
        return head.lower_
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in _NEAR_NOUNS:
        return "near"
    if root.dep_ == "dobj" and head.i == predicate.i:
        if predicate.lemma_ in _VISIT_LEMMAS or code.startswith(_VISIT_CODES):
            return "visit"
        if code[:2] in _TARGET_PLACED_ROOTS:
            return "struck"
    if root.dep_ == "pobj" and head.lower_ == "to" and head.head.lemma_ in _VISIT_LEMMAS:
        return "visit"
    return ""
