"""An article's main event: the kind of happening it reports, as a PLOVER category.

Event records need two actors; many reports name only one side (`teachers went on strike`, `the
army imposed a curfew`) and readers still want to know what the article is about. The coder keeps
every predicate its patterns code as a trigger, actors or not; the main event is the category with
the most weight among them, where a report's lead outweighs its background and a sentence's main
verb outweighs its subordinate clauses.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from spacy.tokens import Doc

from dyads.events.coder import TRIGGERS_EXTENSION, Trigger
from dyads.ontology import event_code

LEAD_DECAY = 0.8
"""Each later sentence weighs this much of the one before it."""
APPEAL_CATEGORY = "REQUEST"
"""CAMEO's appeals (02) have no PLOVER category; asking for something is what REQUEST covers."""


@dataclass(frozen=True)
class MainEvent:
    """The main event category, the code and sentence that weighed most for it, and its share of
    all the weight (how clearly the article is about one kind of happening)."""

    plover: str
    cameo: str
    mode: str
    sentence_index: int
    share: float


def main_event(doc: Doc) -> MainEvent | None:
    """The article's main event category, or None when no sentence reports a codable happening."""
    votes, strongest = category_votes(doc)
    if not votes:
        return None
    category = max(votes, key=votes.__getitem__)
    trigger = strongest[category][1]
    share = round(votes[category] / sum(votes.values()), 3)
    return MainEvent(category, trigger.code, trigger.mode, trigger.sentence_index, share)


def category_votes(doc: Doc) -> tuple[dict[str, float], dict[str, tuple[float, Trigger]]]:
    """Each category's weight among the document's triggers, and its weightiest trigger."""
    votes: dict[str, float] = defaultdict(float)
    strongest: dict[str, tuple[float, Trigger]] = {}
    for trigger in doc._.get(TRIGGERS_EXTENSION) or ():
        category = trigger_category(trigger)
        if category is None:
            continue
        weight = LEAD_DECAY**trigger.sentence_index / (1 + trigger.depth)
        votes[category] += weight
        if category not in strongest or weight > strongest[category][0]:
            strongest[category] = (weight, trigger)
    return votes, strongest


def trigger_category(trigger: Trigger) -> str | None:
    """The PLOVER category a trigger reports; a denied happening reports none."""
    if trigger.mode == "denied":
        return None
    if trigger.code[:2] == "02":
        return APPEAL_CATEGORY
    return event_code(trigger.code).plover
