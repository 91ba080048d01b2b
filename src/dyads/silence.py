"""Actors a report says had not commented, and as of when.

`The Kremlin had not commented on the visit by Thursday afternoon` is a claim about what Russia's
government had said by then, which another outlet contradicts when it reports a Russian statement on
the visit made that day. Read without a parser, like mediators: the silent actor is the name right
before `had not commented`, `has yet to respond`, `made no comment` (or after `no comment from`), and
the day is the one it held until (`by Thursday afternoon`), else the day of publication. What answers
an outlet's own question is left out (`declined to comment`, `did not immediately respond`, `did not
respond to a request for comment`): the actor kept quiet to a reporter, not in public.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass

from dyads.actors.plain import WORDS_AFTER, WORDS_BEFORE, named_actors
from dyads.dates import resolve_event_date
from dyads.normalize import plain_sentences

_REACT = r"(?:comment|commented|respond|responded|react|reacted)"
_CUE = re.compile(r"comment|respond|react", re.IGNORECASE)
"""A word every silence has: most sentences have none, and are not read further."""
_SILENT_AFTER_NAME = re.compile(
    WORDS_BEFORE + r"\s+(?:"
    rf"(?:had|has|have|did)\s+not\s+(?:yet\s+)?{_REACT}|(?:had|has|have)\s+yet\s+to\s+{_REACT}|"
    r"made\s+no\s+(?:public\s+)?comment"
    r")\b",
    re.IGNORECASE,
)
_AS_OF = re.compile(r"\b(?:by|as of|until|as late as)\s+(?P<when>[^,;]+)", re.IGNORECASE)
"""`by Thursday afternoon`: the day the silence held until (`on the visit` says what it was about)."""
_SILENT_BEFORE_NAME = re.compile(r"\bno\s+(?:official\s+)?(?:comment|reaction)\s+from\s+" + WORDS_AFTER)
_UNANSWERED_QUESTION = re.compile(
    r"\bimmediately\b|\bseeking comment\b|\b(?:request|question|message|call|email|inquir|letter)\w*",
    re.IGNORECASE,
)
"""`did not immediately respond`, `did not respond to questions`: an outlet's question unanswered."""


@dataclass(frozen=True)
class Silence:
    """An actor (code, as `names` gives it) that a sentence says had not commented by a day."""

    actor: str
    day: dt.date
    sentence: str


def read_silences(text: str, names: Mapping[str, str], published: dt.date) -> list[Silence]:
    """Each sentence's silent actors, from `names` (surface form → actor), as of the sentence's own
    day or, without one, the day of publication."""
    silences = []
    for sentence in (s.strip() for s in plain_sentences(text) if _CUE.search(s)):
        if _UNANSWERED_QUESTION.search(sentence):
            continue
        for pattern, part in ((_SILENT_AFTER_NAME, -1), (_SILENT_BEFORE_NAME, 0)):
            for match in pattern.finditer(sentence):
                until = _AS_OF.search(sentence, match.end())
                date = resolve_event_date(until.group("when"), published) if until else None
                day = dt.date.fromisoformat(date.value) if date and date.precision == "day" else published
                silences.extend(
                    Silence(actor, day, sentence)
                    for actor in dict.fromkeys(named_actors(match.group("who"), names, part).values())
                )
    return silences
