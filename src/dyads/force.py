"""Means of force a report says were used, or says someone denied using.

Whether police fired tear gas or live rounds, or an army dropped cluster munitions, is among what
outlets most often dispute: one reports the use, another the authorities' denial. Read without a
parser, like figures: a sentence names a means of force (`tear gas`, `rubber bullets`) after a verb of
using it (`police used water cannon and tear gas`, `fired rubber bullets`), before one in the passive
(`tear gas was fired`), or inside what a denial covers (`the ministry denied that police had used tear
gas`, up to a clause of its own: `…, saying officers had used only water cannon`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dyads.normalize import plain_sentences

MEANS = {
    "tear gas": ("tear gas", "teargas", "tear-gas"),
    "water cannon": ("water cannon", "water cannons"),
    "rubber bullets": ("rubber bullets", "rubber bullet", "rubber-coated bullets"),
    "plastic bullets": ("plastic bullets",),
    "live ammunition": ("live ammunition", "live rounds", "live fire"),
    "stun grenades": ("stun grenades", "stun grenade", "flash-bang grenades"),
    "pepper spray": ("pepper spray",),
    "cluster munitions": ("cluster munitions", "cluster bombs", "cluster munition"),
    "barrel bombs": ("barrel bombs",),
    "chemical weapons": ("chemical weapons", "chemical weapon"),
    "white phosphorus": ("white phosphorus",),
}
"""Each means of force and the words for it."""
_TERMS = {term: means for means, terms in MEANS.items() for term in terms}
_TERM = "|".join(sorted(map(re.escape, _TERMS), key=len, reverse=True))
_MENTION = re.compile(r"\b(?:" + _TERM + r")\b", re.IGNORECASE)
_USE_BEFORE = re.compile(
    r"\b(?:used|using|fired|firing|deployed|deploying|dropped|dropping|lobbed|sprayed|employed|shot)\b"
    r"(?:\s+[\w,-]+){0,5}\s*$",
    re.IGNORECASE,
)
"""A verb of using within the five words before a mention (`used water cannon and tear gas`)."""
_USE_AFTER = re.compile(
    r"^\s+(?:was|were|had been|has been|have been|being)\s+(?:\w+\s+)?"
    r"(?:used|fired|deployed|dropped|sprayed)\b",
    re.IGNORECASE,
)
"""A passive of using right after a mention (`tear gas had been fired`)."""
_NOT_USED = re.compile(
    r"\b(?:did not|didn't|never|had not|hadn't|has not|have not)\s+(?:use|used|fire|fired|deploy|deployed)\b"
    r"(?:\s+[\w,-]+){0,5}\s*$",
    re.IGNORECASE,
)
_DENIAL = re.compile(
    r"\b(?:denied|denies|deny|denying|dismissed (?:reports|claims)|rejected (?:reports|claims))\b"
    r"[^;]*?(?=,\s*(?:saying|adding|but|while|although)\b|;|$)",
    re.IGNORECASE,
)
"""A denial and what it covers: up to the end of the sentence or a clause of its own."""
USED, DENIED = "used", "denied"


@dataclass(frozen=True)
class ForceReport:
    """A means of force a sentence says was used or was denied (or said not to have been used)."""

    means: str
    stance: str
    sentence: str


def read_force_reports(text: str) -> list[ForceReport]:
    """What an article says about each means of force, sentence by sentence."""
    reports = []
    for sentence in (s.strip() for s in plain_sentences(text)):
        denials = [denial.span() for denial in _DENIAL.finditer(sentence)]
        stances: dict[str, str] = {}
        for mention in _MENTION.finditer(sentence):
            means = _TERMS[mention.group(0).lower()]
            before, after = sentence[: mention.start()], sentence[mention.end() :]
            if any(start < mention.start() < end for start, end in denials) or _NOT_USED.search(before):
                stances[means] = DENIED
            elif _USE_BEFORE.search(before) or _USE_AFTER.match(after):
                stances.setdefault(means, USED)
        reports.extend(ForceReport(means, stance, sentence) for means, stance in stances.items())
    return reports
