"""Event coding on the dependency parse: predicates, their actors, a CAMEO code, mode and attribution.

`dyads_event_coder` runs after the actor linker. For every predicate the pattern table knows (a verb,
or an event noun such as `talks`, `sanctions`, `invitations`) it
1. finds the source (subject, passive agent, possessor or `from` phrase of an event noun, or the
   subject inherited from the clause it depends on) and the target (object or prepositional object,
   by the frame of the matching pattern; `between X and Y`; `China-Russia relations`), expanding
   coordination on both sides and resolving `he`/`she` to the last person named;
2. picks the most specific pattern: the CAMEO code;
3. reads the mode from the predicate and its governors: `ready/willing/plans to` or an accepted
   invitation → intended, `would … if/should` → threatened (a threatened sanction or attack is coded
   as a threat, 13x), `could/may/might/is expected to` or an invitation → hypothetical, negation and
   `deny` → denied;
4. reads attribution from an enclosing communication verb (`X said`, `X told reporters`) or
   `according to X`, kept apart from the event's own source.
A predicate yields nothing unless it matched a pattern and has a linked source actor.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from dyads.actors.linker import LinkedMention, argument_places, link_mentions
from dyads.events.patterns import PatternTable, PredicateFeatures

EVENTS_EXTENSION = "dyads_events"
TRIGGERS_EXTENSION = "dyads_triggers"

_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
_INHERITS_SUBJECT = frozenset({"xcomp", "conj", "advcl", "acl", "ccomp", "pcomp", "acomp"})
_INTEND = frozenset(
    {
        "ready", "willing", "plan", "intend", "seek", "aim", "want", "hope", "prepare", "readiness",
        "willingness", "commitment", "desire", "determination", "intention", "pledge", "promise", "vow",
        "eager", "prepared", "open", "offer", "wish",
    }
)  # fmt: skip
CONSULT, REMOTE_CONSULT = "040", "041"
"""CAMEO's general consultation, and its telephone discussion, which takes in any consultation held
at a distance (a video conference)."""
_REMOTE = frozenset({"video", "videolink", "phone", "telephone", "virtual", "online", "zoom"})
"""Words that make a meeting one held at a distance (`video conference`, `by video link`)."""
_THREATEN = frozenset({"threaten", "threat", "warn", "warning", "ultimatum"})
_DENY = frozenset({"deny", "reject", "dismiss", "refute"})
_INVITE = frozenset({"invite", "invitation"})
"""`invited Putin to visit`, `an invitation to visit`: the visit is only proposed, or intended once
the invitation is accepted."""
_HYPOTHETICAL_MODALS = frozenset({"could", "may", "might"})
_CONDITIONAL_MODALS = frozenset({"would", "will", "'d", "wo"})
_EXPECT = frozenset({"expect", "likely", "poise", "set"})
_PLANS = _INTEND | _EXPECT | frozenset({"schedule", "due", "agree"})
"""Words whose complement is still to come (`expected to travel`, `agreed to meet`)."""
_PLANNED_MODIFIERS = {
    **dict.fromkeys(("planned", "scheduled", "upcoming", "forthcoming"), "intended"),
    **dict.fromkeys(("possible", "potential", "proposed", "prospective"), "hypothetical"),
}
"""Adjectives that make an event noun a plan (`his planned trip … for talks`) or a prospect."""
_CONDITION_MARKERS = frozenset({"if", "unless", "should"})
_MODE_INHERITING = frozenset({"xcomp", "ccomp", "acl", "dobj", "pobj", "prep", "conj", "advcl", "amod"})
_MODAL_PREPOSITIONS = frozenset({"for", "to", "of", "on"})
_SAY = frozenset(
    {
        "say",
        "tell",
        "state",
        "add",
        "note",
        "reveal",
        "remark",
        "report",
        "write",
        "explain",
        "announce",
        "claim",
    }
)
_QUANTITIES = frozenset(
    {
        "ten",
        "tens",
        "hundred",
        "hundreds",
        "thousand",
        "thousands",
        "dozen",
        "dozens",
        "number",
        "million",
        "millions",
    }
)
_PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her"})
_OCCURRING = frozenset(
    {
        "open", "begin", "start", "resume", "continue", "end", "conclude", "collapse", "stall", "fail",
        "take", "come", "follow", "occur", "happen", "last", "break", "enter", "proceed",
    }
)  # fmt: skip
"""`Talks opened`, `sanctions took effect`: verbs that report their event-noun subject happening."""
_BEFORE = frozenset({"before", "until", "till", "ahead", "prior"})
"""Prepositions (`ahead of`, `prior to`) placing something before an event, which has not happened."""
_OWN_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "agent", "expl"})
_TIME_MODIFIERS = frozenset({"advcl", "prep", "npadvmod", "advmod"})
_ROLE_PREPOSITIONS = frozenset({"of", "in", "from"})
_SEQUENCE_PREPOSITIONS = frozenset({"after", "upon", "while", "since"})
"""`the leaders of`, `police in`, `troops from`: a role word's country follows it (see the linker)."""
_COMMENTARY_OPENINGS = (
    "in conclusion", "in summary", "in short", "overall ,", "ultimately ,", "all in all", "to sum up",
    "in the end ,",
)  # fmt: skip
_FIRST_PERSON_PLURAL = frozenset({"we", "us", "our"})
_OPENING_QUOTES = frozenset({"“", "«", "„"})
_CLOSING_QUOTES = frozenset({"”", "»"})
_GROUP_PRONOUNS = frozenset({"their", "they", "them"})
_NAMING_MODIFIERS = frozenset({"amod", "compound", "nmod", "poss"})
_RECIPROCAL = ("each", "other")
_THREAT_CODES = {"16": "1312", "17": "1313", "18": "1383", "19": "1384", "20": "1385", "15": "138"}
"""A threatened sanction, coercion or attack is coded as the threat of it."""
_CONFLICT_ROOTS = frozenset(_THREAT_CODES)
STATEMENT = "010"
"""A bare statement (`emphasized that…`) reports words, not an event between actors."""
_INTENT_CODES = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035"}
"""An intended meeting, cooperation, aid or concession is coded as the intent to it (03x)."""


@dataclass(frozen=True)
class CodedEvent:
    """An event found in a parsed document, before it becomes an `Event` record."""

    sentence_index: int
    predicate: int
    source: LinkedMention
    target: LinkedMention | None
    code: str
    mode: str
    negated: bool
    symmetric: bool
    attributed_to: LinkedMention | None
    evidence: tuple[int, int]
    date_text: tuple[tuple[int, int], ...]
    clause: int


@dataclass(frozen=True)
class Trigger:
    """A predicate the pattern table codes, with or without actors: what an article reports happening
    even where it names no actor pair (`teachers went on strike`)."""

    sentence_index: int
    predicate: int
    code: str
    mode: str
    depth: int


@Language.factory(
    "dyads_event_coder", default_config={"patterns_files": []}, requires=["doc._.dyads_mentions"]
)
def make_event_coder(nlp: Language, name: str, patterns_files: list[str]) -> EventCoder:
    return EventCoder(PatternTable.load(patterns_files), name=name)


class EventCoder:
    """spaCy component; its events are in `doc._.dyads_events`."""

    def __init__(self, patterns: PatternTable, name: str = "dyads_event_coder") -> None:
        self.name = name
        self.patterns = patterns
        for extension in (EVENTS_EXTENSION, TRIGGERS_EXTENSION):
            if not Doc.has_extension(extension):
                Doc.set_extension(extension, default=None)

    def __call__(self, doc: Doc) -> Doc:
        mentions = list(link_mentions(doc))
        context = _Context(doc, mentions, _by_token(doc, mentions))
        events: list[CodedEvent] = []
        triggers: list[Trigger] = []
        light_objects: set[int] = set()
        previous: list[CodedEvent] = []
        for sentence_index, sentence in enumerate(doc.sents):
            if _is_commentary(sentence):
                previous = []
                continue
            found: list[CodedEvent] = []
            paired = [event for event in previous if event.symmetric]
            for token in sentence:
                if token.i in light_objects or token.lemma_.lower() in _SAY:
                    continue
                found.extend(
                    self._code_predicate(token, sentence_index, context, light_objects, triggers, paired)
                )
            previous = list(dict.fromkeys(_keep_events(doc, found)))
            events.extend(previous)
        doc._.set(EVENTS_EXTENSION, events)
        doc._.set(TRIGGERS_EXTENSION, triggers)
        return doc

    def _code_predicate(
        self,
        predicate: Token,
        sentence_index: int,
        context,
        light_objects,
        triggers: list[Trigger],
        paired: Sequence[CodedEvent] = (),
    ) -> list[CodedEvent]:
        """The events of one predicate; `paired` are the previous sentence's symmetric events, whose
        pair an agentless passive of a symmetric act continues (`X met Y. A deal was signed.`)."""
        pos = (
            "VERB"
            if predicate.pos_ in ("VERB", "AUX")
            else "NOUN"
            if predicate.pos_ in ("NOUN", "PROPN")
            else ""
        )
        lemma = predicate.lemma_.lower()
        if not pos or not self.patterns.knows(lemma, pos):
            return []
        obj = _object(predicate)
        arguments = _prepositional_arguments(predicate, obj)
        features = PredicateFeatures(
            lemma=lemma,
            pos=pos,
            particles=frozenset(c.lemma_.lower() for c in predicate.children if c.dep_ in ("prt", "prep")),
            object=obj.lemma_.lower() if obj is not None else "",
            object_modifiers=frozenset(c.lemma_.lower() for c in obj.children if c.dep_ == "amod")
            if obj is not None
            else frozenset(),
            particle_objects=frozenset(
                (c.lemma_.lower(), pobj.lemma_.lower())
                for c in predicate.children
                if c.dep_ == "prep" and (pobj := _child(c, "pobj")) is not None
            ),
            xcomp=next((c.lemma_.lower() for c in predicate.children if c.dep_ == "xcomp"), ""),
            targets=frozenset(arguments),
        )
        owned = pos == "NOUN" and _owned_by_actor(predicate, context)
        if pos == "NOUN" and not (owned or _reported_as_event(predicate)):
            return []
        candidates = self.patterns.matching(features)
        if not candidates:
            return []
        # rows equally specific on paper (`supply` + object, `supply` + `to`): the one whose frame
        # holds an actor in this sentence
        pattern = next(
            (p for p in candidates if any(context.targets(t) for t in arguments.get(p.target, ()))),
            candidates[0],
        )
        if pattern.object and obj is not None:
            light_objects.add(obj.i)
        mode, negated = _mode(predicate)
        code = _code_in_mode(
            REMOTE_CONSULT if pattern.code == CONSULT and _remote(predicate) else pattern.code, mode
        )
        triggers.append(Trigger(sentence_index, predicate.i, code, mode, len(list(predicate.ancestors))))
        sources = context.sources(predicate)
        between = [t for token in arguments.get("prep:between", []) for t in context.targets(token)]
        if pos == "NOUN" and pattern.symmetric and len(between) < 2:
            # `a video conference of the three foreign ministers`: a joint act's parties
            between = [t for token in arguments.get("prep:of", []) for t in context.actors(token)]
        if pos == "NOUN" and len(between) > 1:
            # `the partnership between China and Russia`: the pair, not whoever mentions it
            sources = between
        if not sources and pattern.symmetric and paired and _agentless_passive(predicate):
            sources = [paired[0].source, paired[0].target]
        if not sources:
            return []
        target_tokens = arguments.get(pattern.target, []) if pattern.target else []
        targets = [t for token in target_tokens for t in context.targets(token)]
        if not targets and obj is not None and pos == "VERB":
            # `enhance China-Russia relations`: the partners are named inside the object
            targets = [m for i in range(obj.left_edge.i, obj.i) for m in context.by_token.get(i, [])]
        if not targets and pos == "NOUN" and not (pattern.symmetric and len(sources) > 1):
            # an event noun's partner sits in whatever phrase follows it (`accusations … regarding X`),
            # unless a joint act already has its parties (`X and Y … at a meeting near Geneva`)
            targets = [t for key, tokens in arguments.items() if key.startswith("prep:") for token in tokens
                       for t in context.targets(token)]  # fmt: skip
        if not targets and (clause_subject := _clause_subject(predicate)) is not None:
            # `suggested that Putin should…`, `hope that Xi might…`: the one addressed
            targets = context.actors(clause_subject)
        if not targets:
            # `denied the accusations from X`, `accusations …, which Beijing has denied`: the target
            # of a reaction to an event noun is that event's source
            for token in target_tokens:
                noun = token.head.head if token.tag_ == "WDT" and token.head.dep_ == "relcl" else token
                if noun.pos_ == "NOUN" and noun.i != predicate.i:
                    targets = context.sources(noun)
        pairs = _pairs(sources, targets, pattern.symmetric, reciprocal=_is_reciprocal(target_tokens))
        attributed = context.attribution(predicate)
        governor = predicate if pos == "VERB" else _governing_verb(predicate)
        clause = _clause_head(governor)
        if owned:
            # `thanked X for Denmark's support` is two events; `reaffirmed Moscow's support` one
            doers = {m.code[:3] for m in context.sources(governor)} if governor.i != predicate.i else set()
            if not doers & {source.code[:3] for source in sources}:
                # and its mode is its own: `would never recognise Russia's annexation` still reports one
                clause = predicate
                mode, negated, code = "asserted", False, pattern.code
        evidence = (_evidence_start(predicate), predicate.idx + len(predicate.text))
        # an event noun's own words first (`after a phone call between X and Y on Wednesday`): the
        # clause it sits in may be dated by something else (`will present … at next week's meeting`)
        own = _dating_text(predicate, predicate) if pos == "NOUN" and governor.i != predicate.i else ()
        date_text = own + _dating_text(_time_clause_host(governor), predicate) + _shared_time(governor)
        return [
            CodedEvent(sentence_index, predicate.i, source, target, code, mode, negated, pattern.symmetric,
                       attributed, evidence, date_text, clause.i)
            for source, target in pairs
            if target is None or source.code != target.code
        ]  # fmt: skip


class _Context:
    """Actors of a document by token, and the lookups the coder needs from them."""

    def __init__(self, doc: Doc, mentions: Sequence[LinkedMention], by_token: dict[int, list[LinkedMention]]):
        self.doc = doc
        self.mentions = mentions
        self.by_token = by_token
        self.places = _by_token(doc, argument_places(doc))
        self._speakers: dict[int, LinkedMention] | None = None

    @property
    def speakers(self) -> dict[int, LinkedMention]:
        """Who speaks each quoted token, found once per document when a quote says `we`."""
        if self._speakers is None:
            self._speakers = {}  # a speaker named `we` is nobody known while the quotes are read
            self._speakers = self._quote_speakers()
        return self._speakers

    def _quote_speakers(self) -> dict[int, LinkedMention]:
        """`"…," X told reporters. "We are ready…"`: a quote's speaker is the subject of the `say`
        verb next to it, or the speaker of the quote before it in the same paragraph."""
        speakers: dict[int, LinkedMention] = {}
        previous: tuple[int, LinkedMention] | None = None
        for start, end in _quotes(self.doc):
            speaker = self._speaker_after(end) or self._speaker_before(start)
            if speaker is None and previous is not None and "\n" not in self.doc[previous[0] : start].text:
                speaker = previous[1]
            if speaker is not None:
                speakers.update(dict.fromkeys(range(start, end), speaker))
                previous = (end, speaker)
        return speakers

    def _speaker_after(self, end: int) -> LinkedMention | None:
        sentence = self.doc[min(end, len(self.doc) - 1)].sent
        return self._say_subject(self.doc[end : sentence.end])

    def _speaker_before(self, start: int) -> LinkedMention | None:
        return self._say_subject(self.doc[self.doc[start].sent.start : start])

    def _say_subject(self, tokens) -> LinkedMention | None:
        for token in tokens:
            if token.lemma_.lower() in _SAY:
                for child in token.children:
                    if child.dep_ in _SUBJECTS and (found := self.actors(child)):
                        return found[0]
        return None

    def actors(self, head: Token) -> list[LinkedMention]:
        """Actors named by an argument: its head and every conjunct, each its own noun phrase; a
        demonym on a common noun (`Pakistani jets`, `Danish instructors`) names its country's."""
        found: list[LinkedMention] = []
        for token in [head, *head.conjuncts]:
            found.extend(
                self._actors_of_phrase(token) or self._demonyms(token) or self._role_countries(token)
            )
        return list(dict.fromkeys(found))

    def targets(self, head: Token) -> list[LinkedMention]:
        """Whom an act is done to: the actors an argument names, else the country of the place or
        thing it names (`shelled Kharkiv`, `residential areas of Kharkiv`). A doer must be named;
        a target may be a country's places and things."""
        found: list[LinkedMention] = []
        for token in [head, *head.conjuncts]:
            found.extend(self._named_or_owned(token))
        return list(dict.fromkeys(found))

    def _named_or_owned(self, token: Token, depth: int = 0) -> list[LinkedMention]:
        return (
            self._actors_of_phrase(token)
            or self._demonyms(token)
            or self._role_countries(token)
            or self._places_of_phrase(token, depth)
        )

    def _role_countries(self, token: Token) -> list[LinkedMention]:
        """`the foreign ministers of Armenia and Azerbaijan`, `police in Brussels`: the countries the
        linker gave this role word to."""
        for child in token.children:
            pobj = (
                _child(child, "pobj") if child.dep_ == "prep" and child.lower_ in _ROLE_PREPOSITIONS else None
            )
            if pobj is not None:
                composed = [m for t in (pobj, *pobj.conjuncts) for m in self.by_token.get(t.i, [])
                            if m.method == "composed"]  # fmt: skip
                if composed:
                    return composed
        return []

    def _demonyms(self, token: Token) -> list[LinkedMention]:
        if token.pos_ != "NOUN":
            return []
        return [m for child in token.children if child.dep_ in _NAMING_MODIFIERS
                for t in (child, *child.conjuncts) for m in self.places.get(t.i, [])]  # fmt: skip

    def _places_of_phrase(self, token: Token, depth: int = 0) -> list[LinkedMention]:
        if token.pos_ == "PROPN":
            return list(self.places.get(token.i, []))
        # `residential areas of Kharkiv`, `a refinery in Russia's Samara region`, `people in Sudan`
        of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ in ("of", "in")), None)
        inner = _child(of, "pobj") if of is not None and depth < 2 and token.pos_ == "NOUN" else None
        if inner is None:
            return []
        return self._named_or_owned(inner, depth + 1)

    def _actors_of_phrase(self, token: Token) -> list[LinkedMention]:
        if token.lower_ in _PERSONAL_PRONOUNS:
            person = self._last_person_before(token)
            return [person] if person else []
        if token.lower_ in _GROUP_PRONOUNS:
            return self._coordinated_subject(token)
        if token.lower_ in _FIRST_PERSON_PLURAL:
            speaker = self.speakers.get(token.i)
            return [speaker] if speaker else []
        # `Russian and Chinese warships`: each coordinated modifier names an actor of its own
        modifiers = [c for child in token.children if child.dep_ in _NAMING_MODIFIERS
                     for c in (child, *child.conjuncts)]  # fmt: skip
        found = [m for t in (token, *modifiers) for m in self.by_token.get(t.i) or self._coordinated_place(t)]
        if found:
            return sorted(dict.fromkeys(found), key=lambda mention: mention.start)
        # `the three countries' foreign ministers, Jean-Noël Barrot of France, …`: the name in apposition
        named = [
            m for child in token.children if child.dep_ == "appos" for m in self.by_token.get(child.i, [])
        ]
        if named:
            return named
        for index in range(token.i - 1, token.left_edge.i - 1, -1):
            if index in self.by_token:
                return self.by_token[index]
        return []

    def _coordinated_place(self, modifier: Token) -> list[LinkedMention]:
        """`Egyptian and Qatari mediators`: a demonym coordinated with an actor's is one too."""
        return list(self.places.get(modifier.i, [])) if modifier.conjuncts else []

    def _coordinated_subject(self, token: Token) -> list[LinkedMention]:
        """`their`: the coordinated subject of the clause (`X and Y held their first joint drill`)."""
        verb = _governing_verb(token)
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.i == token.i:
            return []
        found = self.actors(subject)
        return found if len(found) > 1 else []

    def _last_person_before(self, token: Token) -> LinkedMention | None:
        """`he`/`she`: the person the sentence is about (named first in it), else the last person
        named as a main-clause subject, else the last person named."""
        people = [
            m for m in self.mentions
            if m.end <= token.idx and m.method.startswith(("person", "coreference", "appositive"))
        ]  # fmt: skip
        same_sentence = [m for m in people if m.start >= token.sent.start_char]
        if same_sentence:
            return same_sentence[0]
        subjects = [
            m for m in people if self._is_subject(m) and token.sent.start - self._sentence_start(m) < 80
        ]
        return (subjects or people or [None])[-1]

    def _is_subject(self, mention: LinkedMention) -> bool:
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        return any(t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT" for t in span)

    def _sentence_start(self, mention: LinkedMention) -> int:
        return self.doc.char_span(mention.start, mention.end, alignment_mode="expand").sent.start

    def sources(self, predicate: Token) -> list[LinkedMention]:
        """The doer: subject or passive agent, possessor of an event noun, or an inherited subject."""
        if predicate.pos_ in ("NOUN", "PROPN"):
            for child in predicate.children:
                if child.dep_ == "poss" or (child.dep_ == "prep" and child.lower_ in ("by", "from")):
                    head = child if child.dep_ == "poss" else _child(child, "pobj")
                    if head is not None and (found := self.actors(head)):
                        return found
            # `Russian strikes`, `Western criticism`: the demonym of an event noun is its doer
            demonyms = [m for c in predicate.children if c.dep_ == "amod" for t in (c, *c.conjuncts)
                        for m in (*self.by_token.get(t.i, []), *self.places.get(t.i, []))]  # fmt: skip
            if demonyms:
                return list(dict.fromkeys(demonyms))
            governor = _governing_verb(predicate)
            return self.sources(governor) if governor.i != predicate.i else []
        agent = next((c for c in predicate.children if c.dep_ == "agent"), None)
        if agent is not None and (pobj := _child(agent, "pobj")) is not None:
            return self.actors(pobj)
        subjects = [c for c in predicate.children if c.dep_ in ("nsubj", "csubj")]
        if subjects:
            if subjects[0].tag_ == "WDT" or subjects[0].lower_ in ("who", "which", "that"):
                return self.actors(predicate.head) if predicate.dep_ == "relcl" else []
            # two subjects side by side are a coordination the parser missed (`X and Y held a call`)
            return list(dict.fromkeys(actor for subject in subjects for actor in self.actors(subject)))
        if predicate.dep_ == "relcl":
            return self.actors(predicate.head)
        if predicate.dep_ == "xcomp" and (raised := _child(predicate.head, "nsubjpass")) is not None:
            # `X and Y are expected to meet`, `X was asked to mediate`: the passive subject acts
            return self.actors(raised)
        undergoing = _child(predicate, "nsubjpass")
        if undergoing is not None and not self.by_token.get(undergoing.i):
            # `… if sanctions were reimposed`: a passive of a thing has no doer to inherit, while in
            # `Lula declined to say whether Trump had been invited` the one who speaks is the one asking
            return []
        if predicate.dep_ == "conj":
            return self.sources(_coordinated_with(predicate))
        if predicate.dep_ == "pcomp" and predicate.head.lower_ in _SEQUENCE_PREPOSITIONS:
            # `reported progress after meeting in Geneva`: the doer of the verb the time hangs on (not
            # `accusing the U.S. of … supplying weapons`, whose doer is someone else)
            return self.sources(predicate.head.head)
        if predicate.dep_ in _INHERITS_SUBJECT and predicate.head.i != predicate.i:
            return self.sources(predicate.head)
        return []

    def attribution(self, predicate: Token) -> LinkedMention | None:
        """Who says so: the subject of an enclosing `say`-type verb, of one tacked on (`…, the
        ministry said`), or `according to X`."""
        tacked_on = [c for c in predicate.children if c.dep_ in ("parataxis", "ccomp", "advcl")]
        for ancestor in [*predicate.ancestors, *tacked_on]:
            if ancestor.lemma_.lower() in _SAY:
                subjects = [c for c in ancestor.children if c.dep_ in _SUBJECTS]
                subject = min(subjects, key=lambda c: abs(c.i - ancestor.i), default=None)
                if subject is not None and (found := self.actors(subject)):
                    return found[0]
        for token in predicate.sent:
            if token.lower_ == "according" and (to := _child(token, "prep")) is not None:
                pobj = _child(to, "pobj")
                if pobj is not None and (found := self.actors(pobj)):
                    return found[0]
        return None


def _keep_events(doc: Doc, events: list[CodedEvent]) -> list[CodedEvent]:
    """One event per actor pair and sentence, from the predicate nearest the root of the sentence.

    Precision matters more than volume: an event needs a target from another country and more than a
    bare statement, and the lower predicates of a sentence (`reinforced ties, exchanging
    pleasantries`) restate its main one.
    """
    best: dict[tuple[str, ...], CodedEvent] = {}
    for event in events:
        if event.target is None or not _distinct_actors(event.source.code, event.target.code):
            continue
        if event.code == STATEMENT:
            continue
        key = _pair_key(event)
        depth = len(list(doc[event.predicate].ancestors))
        if key not in best or depth < len(list(doc[best[key].predicate].ancestors)):
            best[key] = event
    return [event for event in events if best.get(_pair_key(event)) is event]


def _distinct_actors(source: str, target: str) -> bool:
    """Two countries, or two different sectors of one (police and protesters); not a country and its
    own government, which is usually the same actor named twice."""
    if source[:3] != target[:3]:
        return True
    return len(source) > 3 and len(target) > 3 and source[3:6] != target[3:6]


def _pair_key(event: CodedEvent) -> tuple[str, ...]:
    target = event.target.code if event.target else ""
    return (*sorted((event.source.code[:3], target[:3])), event.clause)


def _clause_subject(predicate: Token) -> Token | None:
    """The subject of a clause the predicate or its object governs (`suggested that X should…`,
    `expressed hope that X might…`)."""
    holders = [predicate, *(c for c in predicate.children if c.dep_ == "dobj")]
    for holder in holders:
        for child in holder.children:
            if child.dep_ in ("ccomp", "acl", "xcomp"):
                subject = _child(child, "nsubj")
                if subject is not None:
                    return subject
    return None


def _reported_as_event(noun: Token) -> bool:
    """An event noun counts when a clause reports it happening: the object of a verb (`held talks`,
    `extended invitations`), inside a phrase of one (`engaged in discussions`, `despite accusations`,
    `ready for dialogue`),
    the subject of a verb of occurring (`talks opened`, `sanctions took effect`) or a headline;
    not when it is what a sentence is about (`the discussion highlighted…`, `support is unwavering`)
    or a time still to come (`agreed to speak again before the NATO summit`, `ahead of talks`)."""
    if noun.dep_ in ("dobj", "conj", "appos", "ROOT"):
        return True
    if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.lemma_.lower() in _OCCURRING:
        return True
    if noun.dep_ != "pobj" or noun.head.dep_ != "prep":
        return False
    preposition = noun.head
    if preposition.lower_ in _BEFORE or preposition.head.lower_ in _BEFORE:
        return False
    return preposition.head.pos_ in ("VERB", "AUX", "ADJ")


def _owned_by_actor(noun: Token, context: _Context) -> bool:
    """`Denmark's support for Ukraine`, `Moscow's expulsion of six diplomats`: an event noun whose
    possessor is an actor names that actor's act wherever it stands in the sentence."""
    return any(child.dep_ == "poss" and context.actors(child) for child in noun.children)


def _object(predicate: Token) -> Token | None:
    """The direct object, the noun a relative clause describes (`a call he had held`) or the subject
    of a passive naming no doer (`a ceasefire is expected to be signed`), looking through quantities
    (`tens of thousands of troops` → troops)."""
    obj = _child(predicate, "dobj")
    if obj is None and predicate.dep_ == "relcl" and predicate.head.pos_ == "NOUN":
        obj = predicate.head
    if obj is None and _agentless_passive(predicate):
        obj = _passive_subject(predicate)
    while obj is not None and (obj.pos_ == "NUM" or obj.lemma_.lower() in _QUANTITIES):
        of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        inner = _child(of, "pobj") if of is not None else None
        if inner is None:
            break
        obj = inner
    return obj


def _passive(predicate: Token) -> bool:
    return any(child.dep_ == "auxpass" for child in predicate.children)


def _passive_subject(predicate: Token) -> Token | None:
    """The subject of a passive, or of the passive it is raised from (`X is expected to be signed`)."""
    subject = _child(predicate, "nsubjpass")
    if subject is None and predicate.dep_ == "xcomp":
        subject = _child(predicate.head, "nsubjpass")
    return subject


def _agentless_passive(predicate: Token) -> bool:
    """`An agreement was signed`, `a deal is expected to be signed`: a passive naming no doer (and
    reporting something, not setting a condition: `if terms were agreed`)."""
    return (
        predicate.pos_ == "VERB"
        and _passive(predicate)
        and not any(c.dep_ == "mark" and c.lower_ in _CONDITION_MARKERS for c in predicate.children)
        and _child(predicate, "agent") is None
        and (subject := _passive_subject(predicate)) is not None
        and subject.pos_ == "NOUN"
    )


def _code_in_mode(code: str, mode: str) -> str:
    """A threatened attack is a threat (13x), an intended meeting an intent to meet (03x)."""
    if mode == "threatened" and code[:2] in _CONFLICT_ROOTS:
        return _THREAT_CODES[code[:2]]
    if mode == "intended" and code[:2] in _INTENT_CODES:
        return _INTENT_CODES[code[:2]]
    return code


def _is_commentary(sentence: Span) -> bool:
    """`In conclusion, …`, `Overall, …`: the outlet sums up in its own voice; what it says there
    restates or judges the events, it does not report one."""
    opening = " ".join(token.lower_ for token in sentence[:3])
    return opening.startswith(_COMMENTARY_OPENINGS)


def _quotes(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges inside quotation marks (curly or straight), across sentences."""
    quotes = []
    start = None
    for token in doc:
        text = token.text
        if start is None and (text in _OPENING_QUOTES or text == '"'):
            start = token.i + 1
        elif start is not None and (text in _CLOSING_QUOTES or text == '"'):
            quotes.append((start, token.i))
            start = None
    return quotes


def _by_token(doc: Doc, mentions: Iterable[LinkedMention]) -> dict[int, list[LinkedMention]]:
    """Mentions indexed by every token they cover."""
    by_token: dict[int, list[LinkedMention]] = {}
    for mention in mentions:
        for token in doc.char_span(mention.start, mention.end, alignment_mode="expand"):
            by_token.setdefault(token.i, []).append(mention)
    return by_token


def _child(token: Token, dependency: str) -> Token | None:
    return next((child for child in token.children if child.dep_ == dependency), None)


def _prepositional_arguments(predicate: Token, obj: Token | None) -> dict[str, list[Token]]:
    """Where targets may be, keyed the way patterns name frames: `dobj`, `prep:with`, `poss`…"""
    arguments: dict[str, list[Token]] = {}
    if obj is not None:
        arguments["dobj"] = [obj]
    if (clause_subject := _clause_subject(predicate)) is not None:
        arguments["ccomp"] = [clause_subject]
    passive_subject = _child(predicate, "nsubjpass")
    if passive_subject is not None:
        arguments["dobj"] = [passive_subject]
    holders = [predicate, *([obj] if obj is not None else [])]
    for holder in holders:
        for child in holder.children:
            if child.dep_ in ("prep", "dative") and (pobj := _child(child, "pobj")) is not None:
                arguments.setdefault(f"prep:{child.lower_}", []).append(pobj)
            elif child.dep_ == "dative" and holder.i == predicate.i:
                # `gave Russia 50 days`: the indirect object is the `to` partner
                arguments.setdefault("prep:to", []).append(child)
            elif child.dep_ == "poss" and holder.i != predicate.i:
                arguments.setdefault("poss", []).append(child)
            elif child.dep_ == "compound":
                arguments.setdefault("compound", []).append(child)
    return arguments


def _pairs(
    sources, targets, symmetric: bool, reciprocal: bool
) -> list[tuple[LinkedMention, LinkedMention | None]]:
    """Source-target pairs: every source with every target; a symmetric event between coordinated
    subjects (`Putin and Xi met`, `the foreign ministers of France, Germany and Britain met`) or with
    `each other` pairs the subjects among themselves, each with each."""
    if targets and not reciprocal:
        return [(source, target) for source in sources for target in targets]
    if (symmetric or reciprocal) and len(sources) > 1:
        return list(itertools.combinations(sources, 2))
    return [(source, None) for source in sources]


def _remote(predicate: Token) -> bool:
    """`a video conference`, `a telephone conversation`, `talks by video link`: a consultation held
    at a distance (CAMEO files it with telephone calls)."""
    for child in predicate.children:
        if child.dep_ in ("compound", "amod") and child.lower_ in _REMOTE:
            return True
        pobj = (
            _child(child, "pobj") if child.dep_ == "prep" and child.lower_ in ("by", "via", "over") else None
        )
        if pobj is not None and (pobj.lower_ in _REMOTE or any(c.lower_ in _REMOTE for c in pobj.children)):
            return True
    return False


def _is_reciprocal(tokens: Iterable[Token]) -> bool:
    return any(token.lower_ == "other" and token.nbor(-1).lower_ == "each" for token in tokens if token.i > 0)


def _clause_head(verb: Token) -> Token:
    """The verb of the clause with its own subject that a predicate belongs to: `met` for `met X,
    reaffirming ties`, while `after Y met Z` is a clause of its own."""
    current = verb
    while current.head.i != current.i and not any(c.dep_ in _OWN_SUBJECTS for c in current.children):
        current = current.head
    return current


def _time_clause_host(verb: Token) -> Token:
    """`declared a partnership in February 2022 when Putin visited Beijing`: a `when` clause happened
    at the time its host gives (the clause it modifies, or the date it describes)."""
    while verb.dep_ in ("advcl", "relcl") and any(
        c.dep_ == "advmod" and c.lower_ == "when" for c in verb.children
    ):
        verb = verb.head
    return verb


def _dating_text(host: Token, predicate: Token) -> tuple[tuple[int, int], ...]:
    """The stretches of the host clause that can date the event: all of it but relative clauses
    (`met X, who took office in May`) and what another action of the sentence says about its nouns
    (`met X and laid flowers at a memorial to soldiers killed since the invasion in February 2022`),
    whose dates are their own. A participle describing one of the event's own nouns stays: the
    parser often hangs the event's date on it (`held talks aimed at X on January 22`). The plan a
    clause complements comes along, as it tells a weekday ahead from one past."""
    other_actions = {
        token.i
        for conjunct in host.children
        if conjunct.dep_ == "conj" and conjunct.pos_ in ("VERB", "AUX") and predicate not in conjunct.subtree
        for token in conjunct.subtree
    }
    described = {
        token.i
        for clause in host.subtree
        if (clause.dep_ == "relcl" or (clause.dep_ == "acl" and clause.i in other_actions))
        and clause.i != host.i
        and predicate not in clause.subtree
        for token in clause.subtree
    }
    kept = {token.i for token in host.subtree if token.i not in described}
    if host.dep_ == "xcomp" and host.head.lemma_.lower() in _PLANS:
        kept.add(host.head.i)  # `is expected to travel to Russia on Friday`: a Friday still to come
    return _stretches(host.doc[index] for index in sorted(kept))


def _shared_time(verb: Token) -> tuple[tuple[int, int], ...]:
    """`Speaking on Thursday, Lavrov said … and accused London …`: a verb coordinated with another
    and sharing its subject also shares the time said around that verb (after its own, which wins)."""
    if verb.dep_ != "conj" or any(c.dep_ in _OWN_SUBJECTS for c in verb.children):
        return ()
    head = _coordinated_with(verb)
    return _stretches(
        token
        for child in head.children
        if child.dep_ in _TIME_MODIFIERS and child.i < verb.i
        for token in child.subtree
    )


def _stretches(tokens: Iterable[Token]) -> tuple[tuple[int, int], ...]:
    """Character stretches of tokens in order, adjacent tokens joined."""
    stretches: list[tuple[int, int]] = []
    previous = -2
    for token in tokens:
        end = token.idx + len(token.text)
        if token.i == previous + 1:
            stretches[-1] = (stretches[-1][0], end)
        else:
            stretches.append((token.idx, end))
        previous = token.i
    return tuple(stretches)


def _governing_verb(token: Token) -> Token:
    """The verb a noun depends on (`held talks`, `In a conversation with X, Trump discussed`)."""
    current = token
    while current.head.i != current.i:
        current = current.head
        if current.pos_ in ("VERB", "AUX"):
            return current
    return token


def _evidence_start(predicate: Token) -> int:
    subject = next((c for c in predicate.children if c.dep_ in _SUBJECTS), None)
    return (subject.left_edge if subject is not None else predicate).idx


def _mode(predicate: Token) -> tuple[str, bool]:
    """Mode and negation from the predicate's own dependents and the clauses that govern it."""
    negated = any(child.dep_ == "neg" for child in predicate.children)
    if any(child.dep_ == "mark" and child.lower_ in _CONDITION_MARKERS for child in predicate.children):
        return "hypothetical", negated  # `if Tehran did not restore cooperation`: a condition, not a fact
    chain = _governors(predicate)
    for depth, token in enumerate(chain):
        lemma = token.lemma_.lower()
        if depth and lemma in _DENY:
            return "denied", True
        if depth and lemma in _THREATEN:
            return "threatened", negated
        if depth and lemma in _INVITE:
            accepted = any(governor.lemma_.lower() == "accept" for governor in chain[depth + 1 :])
            return ("intended" if accepted else "hypothetical"), negated
        if depth and lemma in _INTEND:
            return "intended", negated
        if depth and lemma in _EXPECT:
            return "hypothetical", negated
        planned = [
            _PLANNED_MODIFIERS[c.lower_]
            for c in token.children
            if c.dep_ == "amod" and c.lower_ in _PLANNED_MODIFIERS
        ]
        if planned and token.pos_ == "NOUN":
            return planned[0], negated
        modals = {child.lower_ for child in token.children if child.dep_ == "aux"}
        whether = any(child.dep_ == "mark" and child.lower_ == "whether" for child in token.children)
        if modals & _HYPOTHETICAL_MODALS or whether:
            # `could meet`, `declined to say whether X had been invited`
            return "hypothetical", negated
        if modals & _CONDITIONAL_MODALS:
            conditional = any(
                child.dep_ in ("advcl", "ccomp") and child.left_edge.lower_ in _CONDITION_MARKERS
                for governor in [*chain, *list(token.ancestors)[:1]]
                for child in governor.children
            )
            return ("threatened" if conditional else "intended"), negated
    if negated:
        return "denied", True
    return "asserted", False


def _finite_clause(verb: Token) -> bool:
    """A clause with its own subject and tense (`as Russia kept up attacks`), not an infinitive whose
    subject comes with `for` (`an invitation for Putin to visit`), which is part of what governs it."""
    return any(c.dep_ in _OWN_SUBJECTS for c in verb.children) and not any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
    )


def _governors(predicate: Token, levels: int = 4) -> list[Token]:
    """The predicate and the words whose mode it inherits: clauses it complements (`ready to X`,
    `would consider X`), but not phrases it merely sits in (`despite accusations`)."""
    chain = [predicate]
    token = predicate
    while len(chain) <= levels and token.head.i != token.i:
        if token.dep_ == "pobj" and token.head.lower_ not in _MODAL_PREPOSITIONS:
            break
        if token.dep_ not in _MODE_INHERITING:
            break
        if token.dep_ in ("advcl", "conj") and _finite_clause(token):
            break  # `pledged aid as Russia kept up attacks`: a clause of its own keeps its own mode
        token = _coordinated_with(token) if token.dep_ == "conj" else token.head
        chain.append(token)
    return chain


def _coordinated_with(verb: Token) -> Token:
    """The verb a conjunct shares its subject and mode with: its head, unless the head is quoted and
    the conjunct comes after the quote (`said "…will not change the outcome" and accused London`,
    which the parser coordinates with `change`): then the verb that reports the quote."""
    head = verb.head
    between = verb.doc[head.i + 1 : verb.i]
    if not any(token.text in _CLOSING_QUOTES or token.text == '"' for token in between):
        return head  # no quote closes between them: the common case, without reading the document's quotes
    for start, end in _quotes(verb.doc):
        if start <= head.i < end <= verb.i:
            reporter = head
            while start <= reporter.i < end and reporter.head.i != reporter.i:
                reporter = reporter.head
            return reporter
    return head
