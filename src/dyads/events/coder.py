"""Event coding on the dependency parse: predicates, their actors, a CAMEO code, mode and attribution.

`dyads_event_coder` runs after the actor linker. For every predicate the pattern table knows (a verb,
or an event noun such as `talks`, `sanctions`, `invitations`) it
1. finds the source (subject, passive agent, possessor or `from` phrase of an event noun, or the
   subject inherited from the clause it depends on) and the target (object or prepositional object,
   by the frame of the matching pattern; `between X and Y`; `China-Russia relations`), expanding
   coordination on both sides and resolving `he`/`she` to the last person named;
2. picks the most specific pattern: the CAMEO code;
3. reads the mode from the predicate and its governors: `ready/willing/plans to` → intended,
   `would … if/should` → threatened (a threatened sanction or attack is coded as a threat, 13x),
   `could/may/might/is expected to` → hypothetical, negation and `deny` → denied;
4. reads attribution from an enclosing communication verb (`X said`, `X told reporters`) or
   `according to X`, kept apart from the event's own source.
A predicate yields nothing unless it matched a pattern and has a linked source actor.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Token

from dyads.actors.linker import LinkedMention, link_mentions
from dyads.events.patterns import PatternTable, PredicateFeatures

EVENTS_EXTENSION = "dyads_events"

_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
_INHERITS_SUBJECT = frozenset({"xcomp", "conj", "advcl", "acl", "ccomp", "pcomp", "acomp"})
_INTEND = frozenset(
    {
        "ready", "willing", "plan", "intend", "seek", "aim", "want", "hope", "prepare", "readiness",
        "willingness", "commitment", "desire", "determination", "intention", "pledge", "promise", "vow",
        "eager", "prepared", "open", "offer", "wish",
    }
)  # fmt: skip
_THREATEN = frozenset({"threaten", "threat", "warn", "warning", "ultimatum"})
_DENY = frozenset({"deny", "reject", "dismiss", "refute"})
_HYPOTHETICAL_MODALS = frozenset({"could", "may", "might"})
_CONDITIONAL_MODALS = frozenset({"would", "will", "'d", "wo"})
_EXPECT = frozenset({"expect", "likely", "poise", "set"})
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
_RECIPROCAL = ("each", "other")
_THREAT_CODES = {"16": "1312", "17": "1313", "18": "1383", "19": "1384", "20": "1385", "15": "138"}
"""A threatened sanction, coercion or attack is coded as the threat of it."""
_CONFLICT_ROOTS = frozenset(_THREAT_CODES)
_STATEMENT = "010"
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
    date_text: tuple[int, int]


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
        if not Doc.has_extension(EVENTS_EXTENSION):
            Doc.set_extension(EVENTS_EXTENSION, default=None)

    def __call__(self, doc: Doc) -> Doc:
        mentions = list(link_mentions(doc))
        by_token: dict[int, list[LinkedMention]] = {}
        for mention in mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            for token in span:
                by_token.setdefault(token.i, []).append(mention)
        context = _Context(doc, mentions, by_token)
        events: list[CodedEvent] = []
        light_objects: set[int] = set()
        for sentence_index, sentence in enumerate(doc.sents):
            found: list[CodedEvent] = []
            for token in sentence:
                if token.i in light_objects or token.lemma_.lower() in _SAY:
                    continue
                found.extend(self._code_predicate(token, sentence_index, context, light_objects))
            events.extend(dict.fromkeys(_keep_events(doc, found)))
        doc._.set(EVENTS_EXTENSION, events)
        return doc

    def _code_predicate(
        self, predicate: Token, sentence_index: int, context, light_objects
    ) -> list[CodedEvent]:
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
            xcomp=next((c.lemma_.lower() for c in predicate.children if c.dep_ == "xcomp"), ""),
            targets=frozenset(arguments),
        )
        if pos == "NOUN" and not _reported_as_event(predicate):
            return []
        pattern = self.patterns.best(features)
        if pattern is None:
            return []
        if pattern.object and obj is not None:
            light_objects.add(obj.i)
        sources = context.sources(predicate)
        between = [t for token in arguments.get("prep:between", []) for t in context.actors(token)]
        if pos == "NOUN" and len(between) > 1:
            # `the partnership between China and Russia`: the pair, not whoever mentions it
            sources = between
        if not sources:
            return []
        target_tokens = arguments.get(pattern.target, []) if pattern.target else []
        targets = [t for token in target_tokens for t in context.actors(token)]
        if not targets and obj is not None and pos == "VERB":
            # `enhance China-Russia relations`: the partners are named inside the object
            targets = [m for i in range(obj.left_edge.i, obj.i) for m in context.by_token.get(i, [])]
        if not targets and pos == "NOUN":
            # an event noun's partner sits in whatever phrase follows it (`accusations … regarding X`)
            targets = [t for key, tokens in arguments.items() if key.startswith("prep:") for token in tokens
                       for t in context.actors(token)]  # fmt: skip
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
        mode, negated = _mode(predicate)
        code = pattern.code
        if mode == "threatened" and code[:2] in _CONFLICT_ROOTS:
            code = _THREAT_CODES[code[:2]]
        elif mode == "intended" and code[:2] in _INTENT_CODES:
            code = _INTENT_CODES[code[:2]]
        attributed = context.attribution(predicate)
        governor = predicate if pos == "VERB" else _governing_verb(predicate)
        evidence = (_evidence_start(predicate), predicate.idx + len(predicate.text))
        date_span = (governor.left_edge.idx, governor.right_edge.idx + len(governor.right_edge.text))
        return [
            CodedEvent(sentence_index, predicate.i, source, target, code, mode, negated, pattern.symmetric,
                       attributed, evidence, date_span)
            for source, target in pairs
            if target is None or source.code != target.code
        ]  # fmt: skip


class _Context:
    """Actors of a document by token, and the lookups the coder needs from them."""

    def __init__(self, doc: Doc, mentions: Sequence[LinkedMention], by_token: dict[int, list[LinkedMention]]):
        self.doc = doc
        self.mentions = mentions
        self.by_token = by_token

    def actors(self, head: Token) -> list[LinkedMention]:
        """Actors named by an argument: its head and every conjunct, each its own noun phrase."""
        found: list[LinkedMention] = []
        for token in [head, *head.conjuncts]:
            found.extend(self._actors_of_phrase(token))
        return list(dict.fromkeys(found))

    def _actors_of_phrase(self, token: Token) -> list[LinkedMention]:
        if token.lower_ in _PERSONAL_PRONOUNS:
            person = self._last_person_before(token)
            return [person] if person else []
        if token.i in self.by_token:
            return self.by_token[token.i]
        for index in range(token.i - 1, token.left_edge.i - 1, -1):
            if index in self.by_token:
                return self.by_token[index]
        for child in token.children:
            if child.dep_ in ("poss", "compound") and child.i in self.by_token:
                return self.by_token[child.i]
        return []

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
            governor = _governing_verb(predicate)
            return self.sources(governor) if governor.i != predicate.i else []
        agent = next((c for c in predicate.children if c.dep_ == "agent"), None)
        if agent is not None and (pobj := _child(agent, "pobj")) is not None:
            return self.actors(pobj)
        subject = next((c for c in predicate.children if c.dep_ in ("nsubj", "csubj")), None)
        if subject is not None:
            if subject.tag_ == "WDT" or subject.lower_ in ("who", "which", "that"):
                return self.actors(predicate.head) if predicate.dep_ == "relcl" else []
            return self.actors(subject)
        if predicate.dep_ == "relcl":
            return self.actors(predicate.head)
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
        if event.target is None or event.target.code[:3] == event.source.code[:3] or event.code == _STATEMENT:
            continue
        key = tuple(sorted((event.source.code[:3], event.target.code[:3])))
        depth = len(list(doc[event.predicate].ancestors))
        if key not in best or depth < len(list(doc[best[key].predicate].ancestors)):
            best[key] = event
    return [event for event in events if best.get(_pair_key(event)) is event]


def _pair_key(event: CodedEvent) -> tuple[str, ...]:
    target = event.target.code[:3] if event.target else ""
    return tuple(sorted((event.source.code[:3], target)))


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
    `extended invitations`) or inside a phrase of one (`engaged in discussions`, `despite accusations`),
    not when it is what a sentence is about (`the discussion highlighted…`, `support is unwavering`)."""
    if noun.dep_ in ("dobj", "conj", "appos"):
        return True
    return noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in ("VERB", "AUX")


def _object(predicate: Token) -> Token | None:
    """The direct object, or the noun a relative clause describes (`a call he had held`), looking
    through quantities (`tens of thousands of troops` → troops)."""
    obj = _child(predicate, "dobj")
    if obj is None and predicate.dep_ == "relcl" and predicate.head.pos_ == "NOUN":
        obj = predicate.head
    while obj is not None and (obj.pos_ == "NUM" or obj.lemma_.lower() in _QUANTITIES):
        of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        inner = _child(of, "pobj") if of is not None else None
        if inner is None:
            break
        obj = inner
    return obj


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
            if child.dep_ == "prep" and (pobj := _child(child, "pobj")) is not None:
                arguments.setdefault(f"prep:{child.lower_}", []).append(pobj)
            elif child.dep_ == "poss" and holder.i != predicate.i:
                arguments.setdefault("poss", []).append(child)
            elif child.dep_ == "compound":
                arguments.setdefault("compound", []).append(child)
    return arguments


def _pairs(
    sources, targets, symmetric: bool, reciprocal: bool
) -> list[tuple[LinkedMention, LinkedMention | None]]:
    """Source-target pairs: every source with every target; a symmetric event between coordinated
    subjects (`Putin and Xi met`) or with `each other` pairs the subjects among themselves."""
    if targets and not reciprocal:
        return [(source, target) for source in sources for target in targets]
    if (symmetric or reciprocal) and len(sources) > 1:
        return [(sources[0], other) for other in sources[1:]]
    return [(source, None) for source in sources]


def _is_reciprocal(tokens: Iterable[Token]) -> bool:
    return any(token.lower_ == "other" and token.nbor(-1).lower_ == "each" for token in tokens if token.i > 0)


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
    chain = _governors(predicate)
    for depth, token in enumerate(chain):
        lemma = token.lemma_.lower()
        if depth and lemma in _DENY:
            return "denied", True
        if depth and lemma in _THREATEN:
            return "threatened", negated
        if depth and lemma in _INTEND:
            return "intended", negated
        if depth and lemma in _EXPECT:
            return "hypothetical", negated
        modals = {child.lower_ for child in token.children if child.dep_ == "aux"}
        if modals & _HYPOTHETICAL_MODALS:
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
        token = token.head
        chain.append(token)
    return chain
