"""Who brokered a ceasefire or a deal, as each report credits it.

Outlets often credit different mediators for the same truce: a wire story has the UN mission broker
it, another outlet Turkey. Read without a parser, like means of force: the mediators are the actors
named after `brokered by` or `mediated by` (`brokered by the UN mission with the help of community
elders`), before `mediation` (`with Turkish and Saudi mediation`, `Qatar's mediation`) or after it
(`mediation by Egypt`), before `-brokered` (`a UN-brokered truce`), and as the doers of `brokered`,
`mediated` or `helped broker` (`Egypt and Qatar mediated the truce`). An attempt (`trying to broker`)
credits nobody, nor does a denial. What was brokered is the nearest thing a mediator can broker in the
sentence (a ceasefire, an agreement, a prisoner exchange, talks); a sentence naming none is skipped.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from dyads.actors.plain import WORDS_AFTER, WORDS_BEFORE, named_actors
from dyads.normalize import plain_sentences

BROKERED = {
    "ceasefire": ("ceasefire", "cease-fire", "truce", "armistice", "ceasefire agreement", "ceasefire deal",
                  "truce agreement", "truce deal"),
    "prisoner exchange": ("prisoner exchange", "prisoner swap", "exchange of prisoners"),
    "agreement": ("agreement", "deal", "accord", "pact", "memorandum"),
    "talks": ("talks", "negotiations"),
}  # fmt: skip
"""What a mediator brokers, each with the words for it (a prisoner exchange before the agreement it
may be part of: the longer words win where both are named)."""
_THING_WORDS = {word: thing for thing, words in BROKERED.items() for word in words}
_THING = re.compile(
    r"\b(?:" + "|".join(sorted(map(re.escape, _THING_WORDS), key=len, reverse=True)) + r")\b", re.IGNORECASE
)
_AFTER = re.compile(
    r"\b(?P<verb>brokered|mediated|mediation)\s+(?:by|with|through|under|of|from)\s+(?:the\s+help\s+of\s+)?"
    + WORDS_AFTER,
    re.IGNORECASE,
)
"""`brokered by X`, `mediated with X`, `mediation by X`: the mediators follow."""
_BEFORE_NOUN = re.compile(r"(?P<who>(?:\b[A-Z][\w'’.-]*(?:\s+and|\s*,)?\s+){1,5})(?P<verb>mediation)\b")
"""`Turkish mediation`, `Egyptian and Qatari mediation`: capitalized names before the noun."""
_COMPOUND = re.compile(r"\b(?P<who>[A-Z][\w.]*)-(?P<verb>brokered|mediated|led mediation)\b")
_DOER = re.compile(
    WORDS_BEFORE + r"(?:\s*,\s*(?:which|who)|\s+(?:which|who))?\s+(?:(?:had|has|have)\s+)?"
    r"(?P<verb>helped\s+(?:to\s+)?(?:broker|mediate)\b|(?:brokered|mediated)(?=\s+(?:a|an|the|this|that|its|their)\b))"
)
"""`Egypt and Qatar mediated the truce`, `China, which helped broker the deal`: the words before (a bare
participle only with an object after it: `a truce between Israel and Hamas brokered last week` names
the parties, not the mediator)."""
_PATTERNS = ((_AFTER, 0), (_BEFORE_NOUN, -1), (_COMPOUND, 0), (_DOER, -1))
"""Each way of naming mediators, with the stretch of its phrase between boundary words that names them
(`brokered by Egypt between Israel and Hamas`: the first)."""
_CUE = re.compile(r"broker|mediat", re.IGNORECASE)
"""A word every way of naming mediators has: most sentences have none, and are not read further."""
_NEGATED = re.compile(r"\b(?:not|never|no|without|denied|denies|deny)\b(?:\s+\S+){0,2}\s*$", re.IGNORECASE)
_ATTEMPT = re.compile(
    r"\b(?:try|tries|tried|trying|attempt\w*|bid|seek\w*|sought|efforts?|offer\w*)\s+(?:to|of|at)?\s*$",
    re.IGNORECASE,
)
"""`trying to help broker`, `an offer of Turkish mediation`: an attempt credits nobody."""


@dataclass(frozen=True)
class MediationReport:
    """A sentence crediting mediators (actor codes, as named in it) with brokering a thing."""

    brokered: str
    mediators: frozenset[str]
    named: tuple[str, ...]
    sentence: str


def read_mediation_reports(text: str, names: Mapping[str, str]) -> list[MediationReport]:
    """Each sentence's credited mediators, by what they brokered, from `names` (surface form → actor,
    as `dyads.actors.plain.plain_names` gives)."""
    reports = []
    for sentence in (s.strip() for s in plain_sentences(text) if _CUE.search(s)):
        found: dict[str, dict[str, str]] = {}
        for pattern, part in _PATTERNS:
            for match in pattern.finditer(sentence):
                if any(
                    before.search(sentence[: match.start(group)])
                    for before in (_NEGATED, _ATTEMPT)
                    for group in ("who", "verb")
                ):
                    continue
                named = named_actors(match.group("who"), names, part)
                thing = _nearest_thing(sentence, match.start(), match.end())
                if named and thing:
                    found.setdefault(thing, {}).update(named)
        reports.extend(
            MediationReport(thing, frozenset(mediators.values()), tuple(mediators), sentence)
            for thing, mediators in found.items()
        )
    return reports


def _nearest_thing(sentence: str, start: int, end: int) -> str | None:
    """What the mediation at `start`-`end` brokered: the thing named nearest to it."""
    things = [
        (min(abs(found.start() - end), abs(start - found.end())), found.group(0).lower())
        for found in _THING.finditer(sentence)
    ]
    return _THING_WORDS[min(things)[1]] if things else None
