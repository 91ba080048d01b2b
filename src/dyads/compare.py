"""Cross-source comparison of one story: what its outlets agree on, what only one reports, and where
they contradict each other.

Claims merge equivalent events from different articles: the same countries (in either order for
cooperation, which is mutual; in order otherwise), the same CAMEO root, and dates that can be the same
happening. Conflicts are found
- on a claim: outlets dating it to different days; one asserting what another denies; a meeting one
  says was held in person and another by telephone or video;
- between claims of outlets: a topic or an action one reports and another says is not known (`Lula
  would invite Trump` against `Lula declined to say whether Trump had been invited`), a meeting one
  dates and another says has no date;
- between sentences of different outlets about the same thing, near copies of wire stories included:
  figures that cannot both be true ("three hours" against "nearly four hours"; "12 killed" against "19
  killed"; "five civilians killed" against "four people killed"), and tolls that differ although one
  is only a floor ("at least 12 killed" against "19 killed"), while compatible ones ("an hour and 35
  minutes", "over an hour and a half") are left alone;
- between sentences of different outlets about a means of force (tear gas, rubber bullets, cluster
  munitions): one reporting its use, another a denial of it;
- between outlets crediting different mediators with brokering the same kind of thing (a truce
  `brokered by the UN mission` against one `brokered with Turkish mediation`);
- between an outlet saying an actor had not commented by a day and another reporting its statement
  that day or the day before;
- against the actor dictionary: a title that does not match the office the person held on the
  article's date ("German President Friedrich Merz" while he was Chancellor).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence

from dyads.actors.roles import Role
from dyads.events.coder import REMOTE_CONSULT
from dyads.figures import FATES, KINDS_OF_PEOPLE
from dyads.force import DENIED, USED, ForceReport, read_force_reports
from dyads.mediation import MediationReport, read_mediation_reports
from dyads.model import (
    ArticleText,
    Claim,
    Conflict,
    Figure,
    PersonMention,
    ReportedEvent,
    Story,
    StoryArticle,
    StoryComparison,
)
from dyads.normalize import plain_sentences
from dyads.quantities import GENERIC_COUNTED, Quantity, comparable, compatible
from dyads.silence import read_silences
from dyads.topics import says_not_discussed

MUTUAL_ROOTS = frozenset({"03", "04", "05", "06"})
"""Intent to cooperate, consultation, diplomatic and material cooperation: `X met Y` is `Y met X`."""
CONSULT_ROOT = "04"
_IN_PERSON_CODES = frozenset({"042", "043", "044"})
"""Visits made or hosted and meetings at a third place."""
_IN_PERSON, _REMOTE = "in person", "by telephone or video"
SAME_HAPPENING_DAYS = 7
"""Day-precision dates of one claim further apart than this are different happenings."""
_HEAD_OF_STATE, _HEAD_OF_GOVERNMENT = "head_of_state", "head_of_government"
_FOREIGN, _DEFENCE = "foreign_minister", "defence_minister"
_OFFICES = frozenset({_HEAD_OF_STATE, _HEAD_OF_GOVERNMENT, _FOREIGN, _DEFENCE})
_TITLE_OFFICES: tuple[tuple[str, frozenset[str]], ...] = tuple(
    (title, frozenset(offices))
    for titles, offices in (
        (("external affairs minister", "foreign minister", "foreign secretary", "secretary of state"),
         {_FOREIGN}),
        (("defence minister", "defense minister", "defence secretary", "defense secretary",
          "secretary of defense", "minister of defence", "minister of defense"), {_DEFENCE}),
        (("prime minister", "chancellor", "premier"), {_HEAD_OF_GOVERNMENT}),
        (("president",), {_HEAD_OF_STATE, _HEAD_OF_GOVERNMENT}),
        (("king", "queen", "emir", "sultan", "crown prince"), {_HEAD_OF_STATE}),
    )
    for title in titles
)  # fmt: skip
"""Titles, longest first within an office, and the offices of the dictionary's dated roles they name."""
_NATIONAL_TITLES = {
    "external affairs minister": frozenset({"IND"}),
    "foreign secretary": frozenset({"GBR"}),
    "secretary of state": frozenset({"USA", "GBR"}),
    "defence secretary": frozenset({"GBR"}),
    "defense secretary": frozenset({"USA"}),
    "secretary of defense": frozenset({"USA"}),
    "chancellor": frozenset({"DEU", "AUT"}),
}
"""Titles that name the office only in the governments that use them: elsewhere they name another post
(India's Foreign Secretary is its top diplomat, not the minister; Britain's Chancellor runs the
Treasury)."""
_NOT_THE_OFFICE = frozenset({"vice", "deputy", "former", "ex", "then", "acting", "late", "first"})
_DENIED_MODES = frozenset({"denied"})
_NOT_YET = frozenset({"hypothetical", "intended"})
_FUTURE_ROOTS = frozenset({"02", "03", "13"})
"""Appeals, intentions and threats are about the future whatever their mode."""
_COMMITTED_MODES = frozenset({"asserted", "intended"})
_NO_DATE = re.compile(
    r"\bno (?:date|timetable|timeline)\b|\b(?:neither|not|n't|nor|without)\b[^.;]{0,40}?\b(?:a|any) "
    r"(?:date|timetable)\b",
    re.IGNORECASE,
)
_MEETING_WORDS = re.compile(r"\b(?:meet\w*|visit\w*|talks|summit|trip)\b", re.IGNORECASE)
_STATEMENT_ROOTS = frozenset({"01", "02", "10", "11", "12", "13"})
_STATEMENT_CODES = frozenset({"051"})
"""What an actor says: statements, appeals, demands, disapproval, rejections, threats, and praise."""
_INTENDED_ROOTS = {"031": "06", "032": "05", "033": "07", "036": "04", "038": "04", "039": "04"}
"""Expressions of intent (CAMEO 03x) and the root of the action each announces: Putin accepting an
invitation to visit Turkey (036) announces the visit (042) another outlet says may not happen."""


def compare_story(
    story_id: str,
    events: Sequence[ReportedEvent],
    texts: Sequence[ArticleText] = (),
    people: Sequence[tuple[PersonMention, Sequence[Role]]] = (),
    names: Mapping[str, str] | None = None,
) -> StoryComparison:
    """Claims and conflicts of one story from its articles' events, texts and the known people they
    name (each with their dated roles), with the actor names read in plain text (as
    `dyads.actors.plain.plain_names` gives; without them no mediator or silence is looked for)."""
    claims: list[Claim] = []
    support: list[tuple[str, str, str]] = []
    conflicts: list[tuple[tuple[bool, int], Conflict]] = []
    for key, group in sorted(_group_claims(events).items()):
        for number, happening in enumerate(_split_happenings(group), start=1):
            claim = _claim(story_id, f"{story_id}:{key}:{number}", happening)
            claims.append(claim)
            support.extend((claim.id, event.article.article_id, event.event_id) for event in happening)
            weight = (claim.root == CONSULT_ROOT, len(happening))
            conflicts.extend((weight, conflict) for conflict in _claim_conflicts(claim, happening))
    by_doc = {text.article.doc: text.text for text in texts}
    found = [
        *_one_per_disagreement(conflicts),
        *topic_conflicts(story_id, events, by_doc),
        *unconfirmed_conflicts(story_id, events, by_doc),
        *undated_conflicts(story_id, events, by_doc),
        *figure_conflicts(story_id, texts),
        *force_conflicts(story_id, texts),
        *mediator_conflicts(story_id, texts, names or {}),
        *silence_conflicts(story_id, events, texts, names or {}),
        *title_conflicts(story_id, people),
    ]
    return StoryComparison(story_id, tuple(claims), tuple(support), tuple(found))


def _one_per_disagreement(conflicts: Sequence[tuple[tuple[bool, int], Conflict]]) -> list[Conflict]:
    """The same outlets giving the same two dates for several claims of one happening (the call, what
    was agreed in it) is one disagreement: keep it on the meeting or call, whose date the rest of a
    report inherits, else on the claim with the most events."""
    best: dict[tuple, tuple[tuple[bool, int], Conflict]] = {}
    for weight, conflict in conflicts:
        key = (conflict.kind, conflict.values)
        if key not in best or weight > best[key][0]:
            best[key] = (weight, conflict)
    kept = {id(conflict) for _, conflict in best.values()}
    return [conflict for _, conflict in conflicts if id(conflict) in kept]


def claim_label(claim: Claim) -> str:
    joiner = "-" if claim.root in MUTUAL_ROOTS else ">"
    return f"{claim.source}{joiner}{claim.target or '---'} {claim.root}"


def _unordered_pair(event: ReportedEvent) -> str:
    """The event's two countries in either order (`CHN-USA`), `---` standing for no target."""
    return "-".join(sorted((event.source, event.target or "---")))


def _group_claims(events: Iterable[ReportedEvent]) -> dict[str, list[ReportedEvent]]:
    groups: dict[str, list[ReportedEvent]] = defaultdict(list)
    for event in events:
        if event.root in MUTUAL_ROOTS:
            key = f"{_unordered_pair(event)}/{event.root}"
        else:
            key = f"{event.source}>{event.target or '---'}/{event.root}"
        groups[key].append(event)
    return groups


def _split_happenings(events: Sequence[ReportedEvent]) -> list[list[ReportedEvent]]:
    """Events of one claim key grouped by date: a February 2022 declaration is not the January 2025
    call, while a day and a month that contains it can be one happening. Undated events join the
    happening most events are dated to: reports come back to their main happening."""
    happenings: list[list[ReportedEvent]] = []
    undated = []
    for event in sorted(
        events, key=lambda e: (_period(e) or (dt.date.max,), e.article.doc, e.sentence_index)
    ):
        period = _period(event)
        if period is None:
            undated.append(event)
            continue
        for happening in happenings:
            if _overlap(period, _period(happening[0])):
                happening.append(event)
                break
        else:
            happenings.append([event])
    if undated:
        main = max(happenings, key=len, default=None)
        if main is None:
            happenings.append(undated)
        else:
            main.extend(undated)
    return happenings


def _overlap(first: tuple[dt.date, dt.date], second: tuple[dt.date, dt.date]) -> bool:
    gap = dt.timedelta(days=SAME_HAPPENING_DAYS)
    return first[0] - gap <= second[1] and second[0] - gap <= first[1]


def _claim(story_id: str, claim_id: str, events: Sequence[ReportedEvent]) -> Claim:
    first = events[0]
    articles = list({event.article.article_id: event.article for event in events}.values())
    days = Counter(d for d in map(_day, events) if d)
    day = min(days, key=lambda d: (-days[d], d)) if days else None
    mutual = first.root in MUTUAL_ROOTS
    source, target = sorted((first.source, first.target or "---")) if mutual else (first.source, first.target)
    published = [a.published for a in articles if a.published]
    return Claim(
        id=claim_id,
        story_id=story_id,
        source=source,
        target=target if target != "---" else None,
        root=first.root,
        event_date=day.isoformat() if day else None,
        supporting=tuple(sorted(articles, key=lambda a: (a.published or dt.date.max, a.doc))),
        evidence=tuple(dict.fromkeys(event.sentence for event in events)),
        first_reported=min(published) if published else None,
    )


def _claim_conflicts(claim: Claim, events: Sequence[ReportedEvent]) -> list[Conflict]:
    conflicts = []
    dates: dict[str, tuple[dt.date, str]] = {}
    for event in sorted(events, key=lambda e: (e.article.doc, e.sentence_index)):
        if (day := _day(event)) and not event.date_inherited and event.article.doc not in dates:
            dates[event.article.doc] = (day, event.sentence)
    if len({day for day, _ in dates.values()}) > 1 and len(_outlets_of_docs(events, dates)) > 1:
        conflicts.append(
            Conflict(
                story_id=claim.story_id,
                kind="event_date",
                description=f"{claim_label(claim)}: outlets date it to different days",
                values=tuple((doc, day.isoformat()) for doc, (day, _) in sorted(dates.items())),
                evidence=tuple(sentence for _, sentence in dates.values()),
                claim_id=claim.id,
            )
        )
    conflicts.extend(_asserted_against_expected(claim, events))
    if claim.root == CONSULT_ROOT:
        conflicts.extend(_format_conflicts(claim, events))
    asserted = [e for e in events if e.mode == "asserted" and not e.negated]
    denied = [e for e in events if e.mode in _DENIED_MODES or e.negated]
    if asserted and denied and {e.article.doc for e in asserted} != {e.article.doc for e in denied}:
        said = {e.article.doc: ("asserted", e.sentence) for e in reversed(asserted)}
        said |= {e.article.doc: ("denied", e.sentence) for e in reversed(denied)}
        ordered = sorted(said.items())
        conflicts.append(
            Conflict(
                story_id=claim.story_id,
                kind="assertion_vs_denial",
                description=f"{claim_label(claim)}: reported as fact by some outlets, denied by others",
                values=tuple((doc, value) for doc, (value, _) in ordered),
                evidence=tuple(sentence for _, (_, sentence) in ordered),
                claim_id=claim.id,
            )
        )
    return conflicts


def _format_conflicts(claim: Claim, events: Sequence[ReportedEvent]) -> list[Conflict]:
    """A meeting some outlets say was held in person (a visit, or `met in Paris`) and others by
    telephone or video (`agreed during a video conference`), on the same day as far as they date it: a
    call days before a visit is another talk. An article telling both is left out: it may tell of two."""
    formats: dict[str, dict[str, ReportedEvent]] = {_IN_PERSON: {}, _REMOTE: {}}
    for event in sorted(events, key=lambda e: (e.article.doc, e.sentence_index)):
        if event.mode != "asserted" or event.negated:
            continue
        if event.cameo == REMOTE_CONSULT:
            formats[_REMOTE].setdefault(event.article.doc, event)
        elif event.cameo in _IN_PERSON_CODES or event.place:
            formats[_IN_PERSON].setdefault(event.article.doc, event)
    both = formats[_IN_PERSON].keys() & formats[_REMOTE].keys()
    opposed = {
        event.article.doc: (format_, event)
        for format_, other in ((_IN_PERSON, _REMOTE), (_REMOTE, _IN_PERSON))
        for doc, event in formats[format_].items()
        if doc not in both
        and any(
            counter.article.source != event.article.source and _same_day_if_dated(event, counter)
            for other_doc, counter in formats[other].items()
            if other_doc not in both
        )
    }
    if not opposed:
        return []
    ordered = sorted(opposed.items(), key=lambda item: (item[1][0] != _IN_PERSON, item[0]))
    return [
        Conflict(
            story_id=claim.story_id,
            kind="meeting_format",
            description=f"{claim_label(claim)}: held in person according to some outlets, by telephone or "
            "video according to others",
            values=tuple(
                (doc, f"{format_} ({event.place})" if format_ == _IN_PERSON and event.place else format_)
                for doc, (format_, event) in ordered
            ),
            evidence=tuple(event.sentence for _, (_, event) in ordered),
            claim_id=claim.id,
        )
    ]


def _same_day_if_dated(first: ReportedEvent, second: ReportedEvent) -> bool:
    days = (_day(first), _day(second))
    return None in days or days[0] == days[1]


def topic_conflicts(story_id: str, events: Sequence[ReportedEvent], texts: dict[str, str]) -> list[Conflict]:
    """One outlet ties a topic to what happened between two countries; another says nobody said
    whether their meeting covered it (the seeds: Ukraine; `Trump said he raised tariffs` against
    `Sheinbaum said tariffs were not discussed`)."""
    said: dict[tuple[str, str], dict[str, tuple[str, str]]] = defaultdict(dict)
    doubted: dict[tuple[str, str], dict[str, tuple[str, str]]] = defaultdict(dict)
    outlets = {}
    for event in sorted(events, key=lambda e: (e.article.doc, e.sentence_index)):
        outlets[event.article.doc] = event.article.source
        pair = _unordered_pair(event)
        for topic in event.topics:
            said[(pair, topic)].setdefault(event.article.doc, (f"{topic} discussed", event.sentence))
        for topic in event.negated_topics:
            evidence = _doubting_sentence(texts.get(event.article.doc, ""), topic) or event.sentence
            doubted[(pair, topic)].setdefault(
                event.article.doc, (f"not said whether {topic} was discussed", evidence)
            )
    conflicts = []
    for pair, topic in sorted(said.keys() & doubted.keys()):
        description = f"{pair}: whether {topic} was discussed"
        # an article tying the topic to the pair elsewhere left open something about it, not the topic
        # (`not clear whether a prisoner exchange between Russia and Ukraine was discussed`)
        doubting = {
            doc: told for doc, told in doubted[(pair, topic)].items() if doc not in said[(pair, topic)]
        }
        conflict = _said_against_left_open(story_id, description, said[(pair, topic)], doubting, outlets)
        if conflict:
            conflicts.append(conflict)
    return conflicts


def _said_against_left_open(
    story_id: str,
    description: str,
    said: dict[str, tuple[str, str]],
    left_open: dict[str, tuple[str, str]],
    outlets: dict[str, str],
    kind: str = "assertion_vs_unconfirmed",
) -> Conflict | None:
    """The conflict between articles saying something and articles leaving it open or denying it
    (each doc with its value and evidence), unless every outlet saying it also does so somewhere."""
    said = {doc: told for doc, told in said.items() if doc not in left_open}
    if not left_open or not {outlets[doc] for doc in said} - {outlets[doc] for doc in left_open}:
        return None
    ordered = [*sorted(said.items()), *sorted(left_open.items())]
    return Conflict(
        story_id=story_id,
        kind=kind,
        description=description,
        values=tuple((doc, value) for doc, (value, _) in ordered),
        evidence=tuple(evidence for _, (_, evidence) in ordered),
    )


def unconfirmed_conflicts(
    story_id: str, events: Sequence[ReportedEvent], texts: dict[str, str]
) -> list[Conflict]:
    """One outlet reports an action as done or promised; another says it is not known whether it was
    (`Lula said he would invite Trump` against `Lula declined to say whether Trump had been invited`;
    `Putin has accepted an invitation to visit Turkey` against `Erdogan renewed his invitation for
    Putin to visit Turkey. … it was unclear whether Putin had accepted`).

    The doubt is a hypothetical event whose sentence, or the next, leaves the matter open; it meets
    the events of the same actors in the same direction (an invitation is not the visit it asks for)
    and the same action, or an intention announcing that action."""
    ordered = sorted(events, key=lambda e: (e.article.doc, e.sentence_index))
    committed = [event for event in ordered if not event.negated and event.mode in _COMMITTED_MODES]
    sentences: dict[str, list[str]] = {}
    found: dict[tuple[str, str | None, str], tuple[dict[str, ReportedEvent], dict[str, str]]] = {}
    for doubted in ordered:
        if doubted.mode != "hypothetical" or doubted.negated:
            continue
        matching = [
            event
            for event in committed
            if (event.source, event.target) == (doubted.source, doubted.target)
            and event.article.source != doubted.article.source
            and (event.cameo == doubted.cameo or _INTENDED_ROOTS.get(event.cameo) == doubted.root)
        ]
        if not matching:
            continue
        doc = doubted.article.doc
        if doc not in sentences:
            sentences[doc] = [sentence.strip() for sentence in plain_sentences(texts.get(doc, ""))]
        doubt = _leaving_open(sentences[doc], doubted.sentence)
        if doubt is None:
            continue
        said, doubting = found.setdefault((doubted.source, doubted.target, doubted.cameo), ({}, {}))
        for event in matching:
            said.setdefault(event.article.doc, event)
        doubting.setdefault(doc, doubt)
    outlets = {event.article.doc: event.article.source for event in events}
    conflicts = []
    for (source, target, cameo), (said, doubting) in sorted(found.items()):
        conflict = _said_against_left_open(
            story_id,
            f"{source}>{target or '---'} {cameo}: reported by some outlets, left open by others",
            {doc: (event.mode, event.sentence) for doc, event in said.items()},
            {doc: ("left open", sentence) for doc, sentence in doubting.items()},
            outlets,
        )
        if conflict:
            conflicts.append(conflict)
    return conflicts


def undated_conflicts(
    story_id: str, events: Sequence[ReportedEvent], texts: dict[str, str]
) -> list[Conflict]:
    """One outlet dates a meeting still to come; another says no date was given (`Merz is expected in
    Paris next month` against `Neither side mentioned a date for their next meeting`).

    The undating outlet must tell a meeting of the same two countries, and its sentence name a meeting
    or follow one that does (`Erdogan renewed his invitation for Putin to visit Turkey. No date was
    set`)."""
    dated: dict[str, dict[str, ReportedEvent]] = defaultdict(dict)
    meeting_pairs: dict[str, set[str]] = defaultdict(set)
    for event in sorted(events, key=lambda e: (e.article.doc, e.sentence_index)):
        meeting = event.root == CONSULT_ROOT or _INTENDED_ROOTS.get(event.cameo) == CONSULT_ROOT
        if not meeting:
            continue
        pair = _unordered_pair(event)
        meeting_pairs[event.article.doc].add(pair)
        if (
            event.mode in _NOT_YET
            and event.event_date
            and event.date_precision not in (None, "before")
            and not event.date_inherited
        ):
            dated[pair].setdefault(event.article.doc, event)
    if not dated:
        return []
    outlets = {event.article.doc: event.article.source for event in events}
    no_date = {doc: sentence for doc in meeting_pairs if (sentence := _no_date_sentence(texts.get(doc, "")))}
    conflicts = []
    for pair, dating in sorted(dated.items()):
        dating_outlets = {outlets[doc] for doc in dating}
        undating = {
            doc: no_date[doc]
            for doc, pairs in sorted(meeting_pairs.items())
            if pair in pairs and doc in no_date and outlets[doc] not in dating_outlets
        }
        conflict = _said_against_left_open(
            story_id,
            f"{pair}: a meeting dated by some outlets, with no date given by others",
            {doc: (event.event_date, event.sentence) for doc, event in dating.items()},
            {doc: ("no date given", sentence) for doc, sentence in undating.items()},
            outlets,
        )
        if conflict:
            conflicts.append(conflict)
    return conflicts


def _no_date_sentence(text: str) -> str | None:
    """The sentence of an article saying no date was given for a meeting, naming it or following a
    sentence that does."""
    sentences = [sentence.strip() for sentence in plain_sentences(text)]
    return next(
        (
            sentence
            for number, sentence in enumerate(sentences)
            if _NO_DATE.search(sentence)
            and any(_MEETING_WORDS.search(s) for s in sentences[max(number - 1, 0) : number + 1])
        ),
        None,
    )


def _leaving_open(sentences: Sequence[str], sentence: str) -> str | None:
    """The sentence of an article, or the one after it, if it says something is not known
    (`Lula declined to say whether …`; `… No date was set, and it was unclear whether Putin had
    accepted`)."""
    at = next((i for i, s in enumerate(sentences) if s == sentence.strip()), None)
    candidates = [sentence.strip()] if at is None else sentences[at : at + 2]
    return next((s for s in candidates if says_not_discussed(s)), None)


def _doubting_sentence(text: str, topic: str) -> str | None:
    """The sentence of an article that says whether a topic was discussed is not known."""
    return next(
        (s.strip() for s in plain_sentences(text) if topic.lower() in s.lower() and says_not_discussed(s)),
        None,
    )


def _asserted_against_expected(claim: Claim, events: Sequence[ReportedEvent]) -> list[Conflict]:
    """One outlet reports as done what another only expects or intends (`signed an agreement on
    Thursday` against `the agreement is expected to be signed in the coming weeks`): the same action,
    so the same CAMEO code (talks held, 040, are not a visit still proposed, 042), between the same
    parties (talks held with the commerce secretary are not talks still expected with Congress)."""
    if claim.root in _FUTURE_ROOTS:
        return []
    by_code: dict[str, list[ReportedEvent]] = defaultdict(list)
    for event in sorted(events, key=lambda e: (e.article.doc, e.sentence_index)):
        by_code[event.cameo].append(event)
    conflicts = []
    for code in sorted(by_code):
        modes: dict[str, set[str]] = defaultdict(set)
        first: dict[str, ReportedEvent] = {}
        for event in by_code[code]:
            modes[event.article.doc].add("denied" if event.negated else event.mode)
            first.setdefault(event.article.doc, event)
        done = sorted(doc for doc, found in modes.items() if "asserted" in found)
        held = [event for event in by_code[code] if event.mode == "asserted" and not event.negated]
        pending = sorted(
            doc
            for doc, found in modes.items()
            if found <= _NOT_YET and any(_same_parties(first[doc], event) for event in held)
        )
        if not done or not pending or len({first[doc].article.source for doc in (*done, *pending)}) < 2:
            continue
        values = [(doc, "done") for doc in done] + [(doc, "expected") for doc in pending]
        conflicts.append(
            Conflict(
                story_id=claim.story_id,
                kind="asserted_vs_expected",
                description=f"{claim_label(claim)}: reported as done by some outlets, as only expected by "
                "others",
                values=tuple(values),
                evidence=tuple(first[doc].sentence for doc, _ in values),
                claim_id=claim.id,
            )
        )
    return conflicts


def _same_parties(a: ReportedEvent, b: ReportedEvent) -> bool:
    """Whether two events can be between the same actors: each side the same code, or a country
    and one of its sectors (`MEX` and `MEXGOV`), either way round."""

    def fits(x: str | None, y: str | None) -> bool:
        if x is None or y is None:
            return x == y
        return x == y or (x[:3] == y[:3] and (len(x) == 3 or len(y) == 3))

    a_source, a_target = a.source_code or a.source, a.target_code or a.target
    b_source, b_target = b.source_code or b.source, b.target_code or b.target
    return (fits(a_source, b_source) and fits(a_target, b_target)) or (
        fits(a_source, b_target) and fits(a_target, b_source)
    )


def force_conflicts(story_id: str, texts: Sequence[ArticleText]) -> list[Conflict]:
    """A means of force some outlets report used and others report denied (`Police used water cannon
    and tear gas` against `the interior ministry denied that police had used tear gas`). An article
    telling both the use and the denial stands with the denial: it reports the dispute."""
    stances: dict[str, dict[str, dict[str, ForceReport]]] = defaultdict(lambda: defaultdict(dict))
    outlets = {}
    for text in sorted(texts, key=lambda t: t.article.doc):
        outlets[text.article.doc] = text.article.source
        for report in read_force_reports(text.text):
            stances[report.means][report.stance].setdefault(text.article.doc, report)
    conflicts = []
    for means, told in sorted(stances.items()):
        conflict = _said_against_left_open(
            story_id,
            f"{means}: used according to some outlets, denied according to others",
            {doc: (report.stance, report.sentence) for doc, report in told.get(USED, {}).items()},
            {doc: (report.stance, report.sentence) for doc, report in told.get(DENIED, {}).items()},
            outlets,
            kind="assertion_vs_denial",
        )
        if conflict:
            conflicts.append(conflict)
    return conflicts


def mediator_conflicts(
    story_id: str, texts: Sequence[ArticleText], names: Mapping[str, str]
) -> list[Conflict]:
    """Outlets crediting different mediators with brokering the same kind of thing: a truce `brokered by
    the UN mission` in one, `brokered with Turkish mediation` in another. An article naming both
    mediators agrees with each; a conflict needs two outlets whose mediators have none in common."""
    credited: dict[str, dict[str, list[MediationReport]]] = defaultdict(lambda: defaultdict(list))
    outlets = {}
    for text in sorted(texts, key=lambda t: t.article.doc):
        outlets[text.article.doc] = text.article.source
        for report in read_mediation_reports(text.text, names):
            credited[report.brokered][text.article.doc].append(report)
    conflicts = []
    for thing, by_doc in sorted(credited.items()):
        mediators = {
            doc: frozenset().union(*(r.mediators for r in reports)) for doc, reports in by_doc.items()
        }
        if not any(
            outlets[first] != outlets[second] and not mediators[first] & mediators[second]
            for first in mediators
            for second in mediators
        ):
            continue
        groups = sorted({" and ".join(sorted(found)) for found in mediators.values()})
        conflicts.append(
            Conflict(
                story_id=story_id,
                kind="mediator",
                description=f"{thing}: brokered by {' / '.join(groups)} according to different outlets",
                values=tuple(
                    (doc, " and ".join(dict.fromkeys(name for r in reports for name in r.named)))
                    for doc, reports in by_doc.items()
                ),
                evidence=tuple(reports[0].sentence for reports in by_doc.values()),
            )
        )
    return conflicts


def silence_conflicts(
    story_id: str, events: Sequence[ReportedEvent], texts: Sequence[ArticleText], names: Mapping[str, str]
) -> list[Conflict]:
    """An actor one outlet says had not commented by a day (`The Kremlin had not commented on the visit
    by Thursday afternoon`) and another reports speaking that day or the day before (`Speaking on
    Thursday, Lavrov … accused London`). What counts as speaking is an event of the story by the
    actor's country at another actor: a statement, appeal, demand, accusation, rejection, threat or
    praise."""
    outlets = {text.article.doc: text.article.source for text in texts} | {
        event.article.doc: event.article.source for event in events
    }
    silences = [
        (text.article.doc, silence)
        for text in sorted(texts, key=lambda t: t.article.doc)
        if text.article.published
        for silence in read_silences(text.text, names, text.article.published)
    ]
    conflicts = []
    for actor in sorted(dict.fromkeys(silence.actor for _, silence in silences)):
        silent = {doc: ("had not commented", s.sentence) for doc, s in silences if s.actor == actor}
        last_day = max(s.day for _, s in silences if s.actor == actor)
        spoken = {}
        for event in sorted(events, key=lambda e: (e.article.doc, e.sentence_index)):
            day = _day(event)
            if (
                event.source == actor and event.target and event.target != actor and day
                and (event.root in _STATEMENT_ROOTS or event.cameo in _STATEMENT_CODES)
                and event.mode == "asserted" and not event.negated
                and any(s.actor == actor and 0 <= (s.day - day).days <= 1 for _, s in silences)
            ):  # fmt: skip
                spoken.setdefault(event.article.doc, (f"commented on {day.isoformat()}", event.sentence))
        conflict = _said_against_left_open(
            story_id,
            f"{actor}: had not commented by {last_day.isoformat()} according to some outlets, commented "
            "according to others",
            spoken,
            silent,
            outlets,
            kind="statement_vs_silence",
        )
        if conflict:
            conflicts.append(conflict)
    return conflicts


def figure_conflicts(story_id: str, texts: Sequence[ArticleText]) -> list[Conflict]:
    """Figures from different outlets about the same thing that cannot both be true.

    Two figures are about the same thing when they measure the same kind and unit and the words
    around them overlap beyond the unit and time words (`talks lasted three hours` and `the talks
    went on for nearly four hours`). One conflict per pair of outlets and thing measured (kind, unit,
    qualifier and predicate of the figure), the first the articles tell, so a long story of many
    figures gives a readable list, not every pair of figures.
    """
    if len({text.article.source for text in texts}) < 2:
        return []
    by_measure: dict[tuple[str, str | None], list[tuple[str, StoryArticle, Figure]]] = defaultdict(list)
    for text in texts:
        for figure in text.figures:
            by_measure[(figure.quantity.kind, _counted(figure))].append(
                (text.article.source, text.article, figure)
            )
    conflicts: dict[tuple, Conflict] = {}
    told: set[tuple] = set()  # the same two figures in other sentences of the same articles
    for measure, figures in by_measure.items():
        for index, (source_a, article_a, a) in enumerate(figures):
            for source_b, article_b, b in figures[index + 1 :]:
                if source_a == source_b:  # one outlet, or one article
                    continue
                (first_source, first_article, first), (second_source, second_article, second) = (
                    ((source_a, article_a, a), (source_b, article_b, b))
                    if article_a.doc <= article_b.doc
                    else ((source_b, article_b, b), (source_a, article_a, a))
                )
                key = (first_source, second_source, *measure, a.qualifier, a.predicate)
                if key in conflicts or not _same_measure(a, b):
                    continue
                kind = _figure_disagreement(a, b)
                values = (
                    (first_article.doc, first.quantity.text),
                    (second_article.doc, second.quantity.text),
                )
                if kind is None or values in told:
                    continue
                told.add(values)
                conflicts[key] = Conflict(
                    story_id=story_id,
                    kind=kind,
                    description=f"{_measure(a)}: {first.quantity.text} / {second.quantity.text}",
                    values=values,
                    evidence=(first.sentence, second.sentence),
                )
    return list(conflicts.values())


def _figure_disagreement(a: Figure, b: Figure) -> str | None:
    """`figure` when two figures of one thing cannot both be true; `tally` when they can only because
    one is a floor (`at least 12 killed` against `19 killed`, `at least 15`; not `dozens`): outlets
    counting the dead, hurt or held differently, which readers of a toll want to see even though
    counts rise.
    A sort of people against people in general conflicts only when it outnumbers them (`five civilians
    were killed` against `killing four people`)."""
    if _sort_against_all(a, b):
        part, whole = (a, b) if b.quantity.unit in GENERIC_COUNTED else (b, a)
        return "figure" if part.quantity.low > whole.quantity.high else None
    if not compatible(a.quantity, b.quantity):
        return "figure"
    if (
        a.quantity.kind == "count"
        and a.predicate in FATES
        and a.predicate == b.predicate
        and math.inf in (a.quantity.high, b.quantity.high)
        and a.quantity.low != b.quantity.low
        and all(_counted_exactly(figure.quantity) for figure in (a, b))
    ):
        return "tally"
    return None


def _counted_exactly(quantity: Quantity) -> bool:
    """A number or a floor (`19`, `at least 12`), not a vague span (`dozens`, `about 20`), which
    says too little to tell outlets counting differently."""
    return quantity.low == quantity.high or quantity.high == math.inf


def _plural(noun: str) -> str:
    """Count units are stored in the singular (`soldier`, `kilogram`); descriptions count them."""
    if noun.endswith(("s", "people", "aircraft", "police", "personnel", "staff", "livestock")):
        return noun
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "o", "u"):
        return noun[:-1] + "ies"
    return noun + ("es" if noun.endswith(("ch", "sh", "x")) else "s")


def _fate(figure: Figure) -> str:
    """What befell what a count counts, to follow `number of people` in a description."""
    if figure.quantity.kind != "count" or figure.predicate not in FATES:
        return ""
    return " taking part" if figure.predicate == "crowd" else f" {figure.predicate}"


def _same_measure(a: Figure, b: Figure) -> bool:
    """Whether two figures measure one thing: comparable, about the same happening (sentences
    sharing words), counting the same noun with no different qualifier ("23 million people" is no
    rival for "14 warships", "four Chinese soldiers" none for "five Indian soldiers"), and for
    durations, the length of the same kind of happening ("talks lasted three hours", "nearly four
    hours of talks"), not a time between two ("came a week after"); for the days plans are set for,
    of the same kind of happening, if either sentence names one."""
    if not comparable(a.quantity, b.quantity) or not a.context & b.context:
        return False
    if a.quantity.kind == "count":
        if not a.quantity.unit or _counted(a) != _counted(b):
            return False
        if _sort_against_all(a, b):  # `five civilians were killed`, `killing four people`
            same_sort = not (a.qualifier and b.qualifier) or a.qualifier == b.qualifier
            return a.predicate == b.predicate and a.predicate in FATES and same_sort
        if a.qualifier and b.qualifier:
            return a.qualifier == b.qualifier
        # `27 people had been detained` and `at least 40 people were detained`, not `drew about 9,000 people`
        return a.predicate == b.predicate if a.predicate in FATES and b.predicate in FATES else True
    if a.quantity.kind == "duration":
        return bool(a.happenings & b.happenings)
    if a.quantity.kind == "deadline" and (a.happenings or b.happenings):
        return bool(a.happenings & b.happenings)  # not the day of a vote against that of a rally
    return True


def _sort_against_all(a: Figure, b: Figure) -> bool:
    """Whether one count is of a sort of people and the other of people in general (`people`,
    `person`: two words for one thing, compared as one unit)."""
    return (a.quantity.unit in GENERIC_COUNTED) != (b.quantity.unit in GENERIC_COUNTED)


def _counted(figure: Figure) -> str | None:
    """What a figure counts, with every sort of people taken as people (`civilians`, `soldiers`): a
    toll of one can be checked against a toll of the other."""
    unit = figure.quantity.unit
    if figure.quantity.kind == "count" and (unit in KINDS_OF_PEOPLE or unit in GENERIC_COUNTED):
        return "people"
    return unit


def title_conflicts(story_id: str, people: Sequence[tuple[PersonMention, Sequence[Role]]]) -> list[Conflict]:
    """Titles that name an office the person did not hold on the article's date, while they held
    another (a past officeholder named with a past title is history, not a mistake)."""
    conflicts = {}
    for mention, roles in people:
        title, offices = _title(mention.text, mention.person)
        if not offices:
            continue
        holding = [r for r in roles if r.office in _OFFICES and r.holds_on(mention.day)]
        if not holding or _title_fits(title, offices, holding):
            continue
        held = " and ".join(sorted({r.title for r in holding}))
        key = (mention.article.doc, mention.person, title)
        conflicts.setdefault(
            key,
            Conflict(
                story_id=story_id,
                kind="reference_fact",
                description=f"{mention.person} is called {title}; the dictionary has {held} on {mention.day}",
                values=((mention.article.doc, f"{title} {mention.person}"), ("actor dictionary", held)),
                evidence=(mention.sentence,),
            ),
        )
    return list(conflicts.values())


def _title_fits(title: str, offices: frozenset[str], holding: Sequence[Role]) -> bool:
    """A title fits the role's own title, or its office under another name (`Foreign Minister` for
    Britain's Foreign Secretary) where that name is used for it; `President` only fits a president, as
    chancellors and premiers head governments too."""
    if any(title.lower() in role.title.lower() for role in holding):
        return True
    countries = _NATIONAL_TITLES.get(title.lower())
    if countries is not None and not any(role.country in countries for role in holding):
        return False
    return title != "President" and bool(offices & {role.office for role in holding})


def _title(text: str, person: str) -> tuple[str, frozenset[str]]:
    """The office title written before a person's name, and the offices it can name."""
    words = text.lower().split()
    name_start = next((i for i, word in enumerate(words) if person.lower().split()[-1] in word), len(words))
    before = " ".join(words[:name_start])
    for title, offices in _TITLE_OFFICES:
        position = before.rfind(title)
        if position < 0:
            continue
        preceding = before[:position].split()[-1:]
        if preceding and preceding[0] in _NOT_THE_OFFICE:
            return "", frozenset()
        return title.title(), offices
    return "", frozenset()


def _measure(figure: Figure) -> str:
    quantity = figure.quantity
    if quantity.kind == "count":
        return f"number of {_plural(quantity.unit or 'people')}{_fate(figure)}"
    kinds = {"money": f"amount ({quantity.unit})", "duration": "duration", "percent": "percentage"}
    return kinds.get(quantity.kind, quantity.kind)


def _outlets(articles: Iterable[StoryArticle]) -> set[str]:
    return {article.source for article in articles}


def _outlets_of_docs(events: Iterable[ReportedEvent], docs: Iterable[str]) -> set[str]:
    wanted = set(docs)
    return _outlets(event.article for event in events if event.article.doc in wanted)


def _period(event: ReportedEvent) -> tuple[dt.date, dt.date] | None:
    """The days an event's date allows: one day, a month or a year; None when unknown."""
    value = event.event_date or ""
    try:
        if event.date_precision == "day":
            day = dt.date.fromisoformat(value)
            return day, day
        if event.date_precision == "month":
            year, month = map(int, value.split("-"))
            following = dt.date(year + month // 12, month % 12 + 1, 1)
            return dt.date(year, month, 1), following - dt.timedelta(days=1)
        if event.date_precision == "year":
            return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)
    except ValueError:
        return None
    return None


def _day(event: ReportedEvent) -> dt.date | None:
    period = _period(event) if event.date_precision == "day" else None
    return period[0] if period else None


def story_json(story: Story) -> dict:
    """The design's story JSON: id, title, articles (with their `doc`) and conflicts."""
    return {
        "id": story.id,
        "title": story.title,
        "articles": [_article_json(article) for article in story.articles],
        "topics": [{"topic": topic, "outlets": outlets} for topic, outlets in story.topics],
        "conflicts": [_conflict_json(conflict) for conflict in story.conflicts],
    }


def comparison_json(comparison: StoryComparison) -> dict:
    def claims(found: Iterable[Claim]) -> list[dict]:
        return [
            {
                "id": claim.id,
                "claim": claim_label(claim),
                "source": claim.source,
                "target": claim.target,
                "root": claim.root,
                "event_date": claim.event_date,
                "first_reported": claim.first_reported.isoformat() if claim.first_reported else None,
                "outlets": sorted(claim.outlets),
                "articles": [_article_json(article) for article in claim.supporting],
                "evidence": list(claim.evidence),
            }
            for claim in found
        ]

    return {
        "story_id": comparison.story_id,
        "corroborated": claims(comparison.corroborated()),
        "single_source": claims(comparison.single_source()),
        "conflicts": [_conflict_json(conflict) for conflict in comparison.conflicts],
    }


def _article_json(article: StoryArticle) -> dict:
    published = article.published.isoformat() if article.published else None
    return {
        "doc": article.doc,
        "article_id": article.article_id,
        "outlet": article.outlet,
        "published": published,
    }


def _conflict_json(conflict: Conflict) -> dict:
    return {
        "kind": conflict.kind,
        "description": conflict.description,
        "values": dict(conflict.values),
        "evidence": list(conflict.evidence),
        "claim_id": conflict.claim_id,
    }
