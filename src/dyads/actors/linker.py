"""Actor linking: mentions of people, governments, countries and organizations → CAMEO actor codes.

`dyads_actor_linker` is a spaCy component that runs after the parser and NER. Per sentence it
1. finds dictionary names (countries, demonyms, capitals, metonyms, organizations, people's name
   variants) with a case-sensitive phrase matcher, and role words (`minister`, `troops`) with a
   case-insensitive one; dictionary matches win over NER;
2. groups adjacent names, role words, titles and unknown PERSON entities into actor phrases
   (`Kremlin foreign policy aide Yuri Ushakov`, `the Chinese Foreign Ministry`) and codes each phrase:
   a known person's code on the article date, else an institution's own code, else country + sector;
3. resolves later references within the article: surnames of people introduced with a title, and
   plural descriptions (`the two leaders`, `both countries`) to the most recent coordinated pair, and
   a group of a number (`the three foreign ministers`) to the last list of that many actors, and a
   role word after `its` to the country acting before it (`China … as its leader held talks`).
Ambiguous names (Georgia, Jordan, Chad…) are linked only when NER agrees they are places and nothing
around them says otherwise: an unlinked mention is better than a wrong one.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from dyads.actors.dictionary import (
    COUNTRY_KINDS,
    ELITE,
    ActorDictionary,
    NameEntry,
    Person,
    shared_dictionary,
)

SPAN_KEY = "dyads_actors"
DATE_EXTENSION = "dyads_date"
MENTIONS_EXTENSION = "dyads_mentions"
PLACES_EXTENSION = "dyads_argument_places"

_GROUP_SIZES = {"three": 3, "four": 4, "five": 5}
"""Number words of a group larger than a pair (`the three foreign ministers`)."""
_PLURAL_REFERENCES = frozenset({"two", "both"})
NUMBER_REFERENCES = frozenset({*_PLURAL_REFERENCES, *_GROUP_SIZES})
"""Words that make a role word or country noun refer to a pair or group named before (`both
countries`, `the three ministers`)."""
_DETERMINERS = frozenset({"the", "a", "an", "its", "their", *NUMBER_REFERENCES})
COUNTRY_NOUNS = frozenset(
    {"countries", "nations", "states", "powers", "sides", "neighbours", "neighbors", "allies"}
)
_MODIFIERS = frozenset(
    {
        "former", "foreign", "top", "senior", "chief", "deputy", "acting", "then", "new", "newly",
        "inaugurated", "newly-inaugurated", "policy", "security", "national", "outgoing", "incoming",
        "interim", "vice", "defence", "defense", "interior", "finance", "economy", "trade", "energy",
        "state", "public", "presidential", "royal", "supreme", "general", "first", "lead", "special",
        "high", "'s", "’s", "'", "’",
    }
)  # fmt: skip
_GEOGRAPHIC_NOUNS = frozenset(
    {"River", "Valley", "Street", "County", "State", "state", "University", "Tech", "Avenue", "Sea", "Lake"}
)
_GOVERNMENT = "GOV"
_CITY = "city"
_OPPOSITION = "OPP"
_OF_IN = frozenset({"of", "in", "from"})
_MODIFIER_DEPENDENCIES = frozenset({"amod", "compound", "nmod"})
_FORMER = frozenset({"former", "ex", "ex-", "late", "then"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_ROLE_WORD_TAGS = frozenset({"NOUN", "PROPN", ""})
"""Role words are nouns (`a firm` is a company, `a firm stance` is not); "" when no tagger ran."""
_PLACE_LABELS = frozenset({"GPE", "NORP", "LOC"})
_ORGANIZATION_LABELS = frozenset({"ORG", "GPE", "NORP", "FAC", "LOC"})
_BLOCKING_LABELS = frozenset({"PERSON", "ORG", "FAC", "WORK_OF_ART", "EVENT", "PRODUCT", "GPE", "LOC"})


@dataclass(frozen=True)
class LinkedMention:
    """One linked mention: character offsets in the document, the code, and how it was found."""

    start: int
    end: int
    text: str
    code: str
    method: str
    entry: str
    confidence: float
    sentence_index: int


@dataclass
class _Phrase:
    """Tokens grouped into one actor phrase, and what they say about the actor."""

    start: int
    end: int
    people: list[tuple[Span, list[Person]]] = field(default_factory=list)
    names: list[tuple[Span, NameEntry]] = field(default_factory=list)
    sectors: list[str] = field(default_factory=list)
    unknown_person: Span | None = None
    plural_reference: bool = False
    group_size: int = 0
    country_noun: bool = False

    @property
    def empty(self) -> bool:
        """Only determiners so far (`the`, `the two`)."""
        return not (self.people or self.names or self.sectors or self.unknown_person or self.country_noun)


@dataclass
class _ArticleMemory:
    """What earlier sentences of the same article established."""

    names: dict[str, tuple[str, str]] = field(default_factory=dict)
    last_pair: tuple[str, str] | None = None
    last_group: tuple[str, ...] = ()
    """The last list of more than two actors (`France, Germany and Britain`), by code."""
    leaders: Counter[str] = field(default_factory=Counter)
    """How often the article has named each head of state or government so far, by code."""

    def pair_for(self, country_noun: bool) -> tuple[str, str] | None:
        """Whom `the two leaders` or `both governments` mean: the last two leaders named together,
        else the article's two most named leaders of two countries (its main pair, not the countries
        a background sentence coordinates: `both Moscow and Kyiv`); `both countries` the last pair."""
        ranked = [code for code, _ in self.leaders.most_common()]
        others = [code for code in ranked[1:] if code[:3] != ranked[0][:3]]
        leaders = (ranked[0], others[0]) if others else None
        if country_noun or (self.last_pair and all(code in self.leaders for code in self.last_pair)):
            return self.last_pair or leaders
        return leaders or self.last_pair


@Language.factory(
    "dyads_actor_linker",
    default_config={"actors_files": []},
    requires=["token.dep", "token.ent_type", "doc.sents"],
)
def make_actor_linker(nlp: Language, name: str, actors_files: list[str]) -> ActorLinker:
    return ActorLinker(nlp, shared_dictionary(tuple(actors_files)), name=name)


class ActorLinker:
    """spaCy component; set `doc._.dyads_date` to the article date before running it."""

    def __init__(self, nlp: Language, dictionary: ActorDictionary, name: str = "dyads_actor_linker") -> None:
        self.name = name
        self.dictionary = dictionary
        self.country_codes = frozenset(dictionary.country_names().values())
        self.names = PhraseMatcher(nlp.vocab, attr="ORTH")
        surface_forms = sorted(set(dictionary.names) | set(dictionary.people))
        self.names.add("NAME", list(nlp.tokenizer.pipe(surface_forms)))
        self.agents = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.agents.add("AGENT", list(nlp.tokenizer.pipe(sorted(dictionary.agents))))
        for extension in (DATE_EXTENSION, MENTIONS_EXTENSION, PLACES_EXTENSION):
            if not Doc.has_extension(extension):
                Doc.set_extension(extension, default=None)

    def __call__(self, doc: Doc) -> Doc:
        day = doc._.get(DATE_EXTENSION) or dt.date.today()
        names = {}
        for span in filter_spans(Span(doc, start, end) for _, start, end in self.names(doc)):
            for index in range(span.start, span.end):
                names[index] = span
        agents = {}
        for span in filter_spans(Span(doc, start, end) for _, start, end in self.agents(doc)):
            if span[-1].pos_ not in _ROLE_WORD_TAGS:
                continue
            if not any(index in names for index in range(span.start, span.end)):
                for index in range(span.start, span.end):
                    agents[index] = span
        memory = _ArticleMemory()
        found: list[LinkedMention] = []
        for sentence_index, sentence in enumerate(doc.sents):
            found.extend(self._link_sentence(doc, sentence, sentence_index, names, agents, day, memory))
        mentions = [mention for mention in found if not _modifier_adjective(doc, mention)]
        doc._.set(MENTIONS_EXTENSION, mentions)
        places = [mention for mention in found if _modifier_adjective(doc, mention)]
        places.extend(self._cities(doc, set(names.values()), mentions))
        doc._.set(PLACES_EXTENSION, sorted(places, key=lambda mention: mention.start))
        doc.spans[SPAN_KEY] = [
            doc.char_span(m.start, m.end, label=m.code, kb_id=m.entry, alignment_mode="expand")
            for m in mentions
        ]
        return doc

    def _cities(self, doc: Doc, spans: set[Span], mentions: Sequence[LinkedMention]) -> list[LinkedMention]:
        """Cities named outside any actor mention, as the country they are in."""
        taken = {offset for mention in mentions for offset in range(mention.start, mention.end)}
        sentence_of = {sentence.start: index for index, sentence in enumerate(doc.sents)}
        cities = []
        for span in spans:
            entry = next((e for e in self.dictionary.entries(span.text) if e.kind == _CITY), None)
            if entry is None or span.start_char in taken or not _name_allowed(span, entry, set()):
                continue
            cities.append(
                LinkedMention(span.start_char, span.end_char, span.text, entry.code[:3], _CITY,
                              f"{_CITY}:{entry.text}", 0.7, sentence_of[span.sent.start])
            )  # fmt: skip
        return cities

    def _link_sentence(
        self, doc, sentence, sentence_index, names, agents, day, memory
    ) -> list[LinkedMention]:
        """Resolve the sentence's phrases in order, so `X and Y …, the two leaders` sees its pair."""
        mentions: list[LinkedMention] = []
        previous: tuple[_Phrase, list[LinkedMention]] | None = None
        carried: tuple[str, _Phrase] | None = None
        listed: list[str] = []  # the codes of a list being read: `France, Germany` before `and Britain`
        for phrase in self._phrases(doc, sentence, names, agents):
            found = self._resolve(doc, phrase, day, memory, sentence_index)
            if carried and found and _follows(doc, carried[1], phrase):
                # `the leaders of Japan and South Korea`, `police in Brussels`, `troops from India`:
                # the role word before `of`/`in`/`from` applies to the places after it
                found = [_with_sector(mention, carried[0]) for mention in found]
                carried = (carried[0], phrase)
            elif not found and phrase.sectors and not phrase.names and not phrase.people:
                owner = _possessive_owner(doc, phrase, mentions)
                if owner is None:
                    carried = (phrase.sectors[-1], phrase) if _next_word(doc, phrase) in _OF_IN else None
                    continue
                # `China called … as its second-ranking leader held talks`: the role is the owner's
                span, code = doc[phrase.start : phrase.end], owner.code[:3] + phrase.sectors[-1]
                found = [
                    LinkedMention(span.start_char, span.end_char, span.text, code, "possessive",
                                  f"possessive:{owner.text}", 0.75, sentence_index)
                ]  # fmt: skip
                carried = None
            else:
                carried = None
            if not found:
                continue
            single = previous is not None and len(previous[1]) == len(found) == 1
            if single and _listed(doc, previous[0], phrase):
                listed.append(found[0].code)
            else:
                listed = [found[0].code] if len(found) == 1 else []
            if single and _coordinated(doc, previous[0], phrase):
                left, right = previous[1][0], found[0]
                if left.method == "adjective" and right.method == "composed":
                    # `the Russian and Chinese leadership`: the role word after the pair applies to both
                    left = replace(left, code=left.code + right.code[3:], method="composed")
                    mentions[-1] = left
                memory.last_pair = (left.code, right.code)
                if len(listed) > 2:
                    memory.last_group = tuple(listed)
                listed = []
            previous = (phrase, found)
            mentions.extend(found)
        return mentions

    def _phrases(self, doc, sentence, names, agents) -> list[_Phrase]:
        phrases: list[_Phrase] = []
        current: _Phrase | None = None
        index = sentence.start
        while index < sentence.end:
            token = doc[index]
            span = names.get(index) or agents.get(index)
            person_entity = token.ent_type_ == "PERSON" and token.text[:1].isupper()
            joins = span is not None or person_entity
            if not joins and current is not None and token.lower_ in _MODIFIERS:
                joins = _leads_to_actor_word(doc, index, sentence.end, names, agents)
            if not joins and current is not None and token.lower_ in COUNTRY_NOUNS:
                # `the two countries`, `both sides'`: a number of countries names the pair or group meant
                joins = current.plural_reference or current.group_size > 0
            if (
                not joins
                and token.lower_ in _DETERMINERS
                and (current is None or (current.end == index and current.empty))
            ):
                current = current or _Phrase(index, index)
                current.end = index + 1
                current.plural_reference |= token.lower_ in _PLURAL_REFERENCES
                current.group_size = _GROUP_SIZES.get(token.lower_, current.group_size)
                index += 1
                continue
            if not joins:
                if current is not None:
                    phrases.append(current)
                current = None
                index += 1
                continue
            if current is None:
                current = _Phrase(index, index)
            if span is not None and span.start == index:
                self._absorb(current, span, names, agents)
                index = span.end
            elif person_entity and span is None:
                entity = _entity_at(doc, index)
                current.unknown_person = current.unknown_person or entity
                index = entity.end if entity is not None else index + 1
            else:
                index += 1
            current.end = max(current.end, index)
            if token.lower_ in _PLURAL_REFERENCES:
                current.plural_reference = True
            if token.lower_ in COUNTRY_NOUNS:
                current.country_noun = True
        if current is not None:
            phrases.append(current)
        return [phrase for phrase in phrases if not phrase.empty]

    def _absorb(self, phrase: _Phrase, span: Span, names: dict[int, Span], agents: dict[int, Span]) -> None:
        if names.get(span.start) is span:
            people = self.dictionary.persons(span.text)
            if people:
                phrase.people.append((span, people))
                # a variant with its title (`President Mohamed Morsi`) still tells the role
                phrase.sectors.extend(
                    sector for token in span if (sector := self.dictionary.sector(token.text))
                )
            for entry in self.dictionary.entries(span.text):
                if entry.kind == _CITY:
                    continue  # a city is where something happened (see geo), not who did it
                if _name_allowed(span, entry, names.keys() | agents.keys()):
                    phrase.names.append((span, entry))
                    break
        else:
            sector = self.dictionary.sector(span.text)
            if sector:
                phrase.sectors.append(sector)
            if span[-1].lower_ in COUNTRY_NOUNS:
                phrase.country_noun = True

    def _resolve(self, doc, phrase, day, memory, sentence_index) -> list[LinkedMention]:
        span = doc[phrase.start : phrase.end]
        text = span.text

        def mention(code: str, method: str, entry: str, confidence: float) -> LinkedMention:
            return LinkedMention(
                span.start_char, span.end_char, text, code, method, entry, confidence, sentence_index
            )

        countries = [(s, e) for s, e in phrase.names if e.kind in COUNTRY_KINDS]
        institutions = [(s, e) for s, e in phrase.names if e.kind not in COUNTRY_KINDS]
        if countries:
            # `Russia's Security Council` is Russia's, not the UN's, and `South Korea's Joint Chiefs
            # of Staff` South Korea's, not America's: an ambiguous institution, or one of another
            # country, next to a country is that country's body of that kind
            # (`the White House's Iran envoy` stays America's: the country must come first)
            country_span, country = countries[-1]

            def borrowed(item: tuple[Span, NameEntry]) -> bool:
                span, entry = item
                foreign = span.start > country_span.start and self._of_another(entry, country.code[:3])
                return entry.ambiguous or foreign

            for _, entry in filter(borrowed, institutions):
                phrase.sectors.append(
                    self.dictionary.sector(entry.text) or ("" if entry.ambiguous else entry.code[3:6])
                )
            institutions = [item for item in institutions if not borrowed(item)]
        sectors = [sector for sector in phrase.sectors if sector]
        # the head noun gives the sector (`Deputy President` → GOV), but `opposition` marks any leader
        sector = _OPPOSITION if _OPPOSITION in sectors else sectors[-1] if sectors else ""
        former = any(token.lower_ in _FORMER for token in span)
        for _, people in phrase.people:
            named_country = countries[-1][1].code[:3] if countries else None
            codes = {person.name: person.code_on(day, named_country) for person in people}
            known = {code for code in codes.values() if code}
            if len(known) > 1:
                continue
            person = people[0] if len(people) == 1 else next(p for p in people if codes[p.name])
            code = codes[person.name]
            if person.leads_on(day) and not former:
                memory.leaders[(code or person.roles[-1].code)[:3] + _GOVERNMENT] += 1
            titled = sector and not former and (code is None or code.endswith(ELITE))
            if titled:
                # `Senator X`, `Finance Minister X`: the title says what the person was on that date
                country = countries[-1][1].code[:3] if countries else (code or person.roles[-1].code)[:3]
                return [mention(country + sector, "person+title", f"person:{person.name}", 0.85)]
            if code:
                return [mention(code, "person", f"person:{person.name}", 0.95)]
        if institutions:
            _, entry = institutions[0]
            return [mention(entry.code, entry.kind, f"{entry.kind}:{entry.text}", 0.9)]
        if countries:
            _, entry = countries[-1] if phrase.unknown_person or sector else countries[0]
            if len({e.code for _, e in countries}) > 1 and not sector:
                return [
                    LinkedMention(
                        s.start_char,
                        s.end_char,
                        s.text,
                        e.code,
                        e.kind,
                        f"{e.kind}:{e.text}",
                        0.85,
                        sentence_index,
                    )
                    for s, e in countries
                ]
            code = (
                entry.code + (ELITE if former and sector else sector) if len(entry.code) == 3 else entry.code
            )
            confidence = 0.6 if entry.ambiguous else 0.7 if entry.kind == "city" else 0.9
            if phrase.unknown_person is not None:
                memory.names[phrase.unknown_person.text] = (code, entry.text)
                memory.names[phrase.unknown_person[-1].text] = (code, entry.text)
            method = "composed" if sector else entry.kind
            return [mention(code, method, f"{entry.kind}:{entry.text}", confidence if not sector else 0.85)]
        if phrase.unknown_person is not None:
            remembered = memory.names.get(phrase.unknown_person.text)
            if remembered:
                code, entry_text = remembered
                return [mention(code, "coreference", f"coreference:{entry_text}", 0.8)]
            appositive = self._appositive_code(doc, phrase.unknown_person, memory)
            if appositive:
                return [mention(appositive, "appositive", "appositive", 0.75)]
        group = memory.last_group if phrase.group_size and len(memory.last_group) == phrase.group_size else ()
        pair = memory.pair_for(phrase.country_noun)
        if (
            not group
            and (phrase.plural_reference or phrase.country_noun)
            and pair
            and (sector or phrase.country_noun)
        ):
            group = pair
        if group and (sector or phrase.country_noun):
            return [
                mention(
                    code if len(code) > 3 and sector else code[:3] + sector,
                    "joint",
                    "joint:" + "+".join(group),
                    0.7,
                )
                for code in group
            ]
        return []

    def _of_another(self, institution: NameEntry, country: str) -> bool:
        """Whether an institution belongs to a country other than `country`."""
        return institution.code[:3] in self.country_codes and institution.code[:3] != country

    def _appositive_code(self, doc: Doc, person: Span, memory: _ArticleMemory) -> str | None:
        """Code an unknown person by their appositive: `X, the professor at Harvard University`."""
        for child in person.root.children:
            if child.dep_ != "appos":
                continue
            subtree = doc[child.left_edge.i : child.right_edge.i + 1]
            sector = next(
                (self.dictionary.sector(t.text) for t in subtree if self.dictionary.sector(t.text)), None
            )
            for start in range(subtree.start, subtree.end):
                for end in range(subtree.end, start, -1):
                    for entry in self.dictionary.entries(doc[start:end].text):
                        if entry.kind not in COUNTRY_KINDS:
                            code = entry.code
                        elif sector:
                            code = entry.code + sector
                        else:
                            continue
                        memory.names[person.text] = (code, entry.text)
                        memory.names[person[-1].text] = (code, entry.text)
                        return code
        return None


def _leads_to_actor_word(doc: Doc, index: int, end: int, names: dict, agents: dict) -> bool:
    """Whether the modifiers from `index` on lead to a name or role word (`Trump's new administration`),
    rather than ending the phrase (`Trump's first term`)."""
    while index < end and doc[index].lower_ in _MODIFIERS and index not in names and index not in agents:
        index += 1
    return index < end and (index in names or index in agents)


def _modifier_adjective(doc: Doc, mention: LinkedMention) -> bool:
    """`Turkish delight`, `the Indian Ocean`: a demonym modifying a word that is not an actor."""
    if mention.method != "adjective":
        return False
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and span[-1].dep_ in _MODIFIER_DEPENDENCIES


def _next_word(doc: Doc, phrase: _Phrase) -> str:
    return doc[phrase.end].lower_ if phrase.end < len(doc) else ""


def _follows(doc: Doc, earlier: _Phrase, later: _Phrase) -> bool:
    """`leaders of X`, `police in X`, `troops from X`, and the X, Y and Z coordinated after them."""
    between = doc[earlier.end : later.start]
    if [token.lower_ for token in between] == ["from"]:
        # `troops from X` and `officials from X`, not `recalled its ambassador from X`
        return doc[earlier.end - 1].tag_ == "NNS" and between[0].head.i == earlier.end - 1
    return [token.lower_ for token in between] in (
        ["of"],
        ["in"],
        ["of", "the"],
        ["and"],
        [",", "and"],
        [","],
    )


def _possessive_owner(doc: Doc, phrase: _Phrase, earlier: Sequence[LinkedMention]) -> LinkedMention | None:
    """The country a role word's `its` refers to: the nearest country, capital or metonym before it
    in the sentence that does something, as a subject (`China called for a settlement in Ukraine as
    its leader held talks`) or as the object a verb asks to act (`asked Washington to set a timetable
    for withdrawing its troops`). A person is `his` or `her`, never `its`."""
    head = doc[phrase.end - 1]
    if not any(child.dep_ == "poss" and child.lower_ == "its" for child in head.children):
        return None
    for mention in reversed(earlier):
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or not (mention.method in COUNTRY_KINDS or mention.method == "metonym"):
            continue
        root = span.root
        asked_to_act = root.dep_ == "dobj" and any(child.dep_ == "xcomp" for child in root.head.children)
        if root.dep_ in _SUBJECTS or asked_to_act:
            return mention
    return None


def _with_sector(mention: LinkedMention, sector: str) -> LinkedMention:
    if len(mention.code) != 3:
        return mention
    return replace(mention, code=mention.code + sector, method="composed")


def _entity_at(doc: Doc, index: int) -> Span | None:
    for entity in doc.ents:
        if entity.start <= index < entity.end:
            return entity
    return None


def _name_allowed(span: Span, entry: NameEntry, known: set[int]) -> bool:
    """Country-like names inside a longer named entity (`Georgia Tech`, `New Mexico`, `Paris Hilton`)
    are parts of other names; ambiguous names need NER to call them places."""
    doc = span.doc
    entity = _entity_at(doc, span.start)
    if entry.kind in COUNTRY_KINDS and entry.kind != "adjective" and entity is not None:
        extends = entity.start < span.start or entity.end > span.end
        if extends and entity.label_ in _BLOCKING_LABELS and _has_foreign_capital(entity, known):
            return False
    following = doc[span.end] if span.end < len(doc) else None
    if following is not None and following.text in _GEOGRAPHIC_NOUNS and entry.kind in COUNTRY_KINDS:
        return False
    if not entry.ambiguous:
        return True
    labels = _PLACE_LABELS if entry.kind in COUNTRY_KINDS else _ORGANIZATION_LABELS
    if entity is None or entity.label_ not in labels:
        return False
    preceding = doc[span.start - 2 : span.start] if span.start >= 2 else None
    return not (preceding is not None and preceding[1].text == "," and preceding[0].ent_type_ == "GPE")


def _has_foreign_capital(entity: Span, known: set[int]) -> bool:
    """Whether the entity has a capitalized word that is neither a dictionary name nor a role word."""
    return any(
        token.text[:1].isupper() and token.i not in known and not token.is_stop
        for token in entity
        if token.is_alpha
    )


def _coordinated(doc: Doc, left: _Phrase, right: _Phrase) -> bool:
    """`X and Y`, `X, and Y`, `X-Y` or `X & Y`: the two phrases name a pair."""
    between = [token.lower_ for token in doc[left.end : right.start]]
    return between in (["and"], [",", "and"], ["-"], ["–"], ["&"])


def _listed(doc: Doc, left: _Phrase, right: _Phrase) -> bool:
    """`X, Y` or `X and Y`: two phrases of a list (`France, Germany and Britain`), which is one only if
    it ends with `and`: the caller keeps it then."""
    return [token.lower_ for token in doc[left.end : right.start]] == [","] or _coordinated(doc, left, right)


def argument_places(doc: Doc) -> Sequence[LinkedMention]:
    """Countries named without naming an actor: a demonym on a thing (`Chinese steel`, `Israeli
    hostages`) or a city (`shelled Kharkiv`). Not mentions, but what an event's target belongs to."""
    return (Doc.has_extension(PLACES_EXTENSION) and doc._.get(PLACES_EXTENSION)) or ()


def link_mentions(doc: Doc) -> Sequence[LinkedMention]:
    """The mentions the linker stored on a processed document."""
    return doc._.get(MENTIONS_EXTENSION) or ()


def add_actor_linker(nlp: Language, actors_files: Iterable[str] = ()) -> Language:
    """Add the linker to a loaded pipeline (after NER), once."""
    if "dyads_actor_linker" not in nlp.pipe_names:
        nlp.add_pipe("dyads_actor_linker", last=True, config={"actors_files": list(actors_files)})
    return nlp
