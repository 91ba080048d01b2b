"""Stories: articles reporting the same happening, grouped across outlets.

An article joins the story whose articles it is most like on average (average linkage), or starts a
new one. Likeness combines
- the words of its title and lead (TF-IDF cosine; the title counts twice),
- the country pairs of its events and the actors it names (Jaccard overlap),
- and time: an article joins only a story whose articles were all published within the window of it
  (so a story spans days, not months), and two articles
  whose events between the same countries are dated days apart report two happenings (two summits of
  the same leaders), however alike their words.
Assignment is incremental and deterministic: new articles are taken in publication order and join
stories already stored without those being re-clustered.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import cosine_similarity

from dyads.model import ArticleProfile, StoryAssignment

_WORD_PATTERN = r"(?u)\b[^\W\d_]{2,}\b"
SEPARATE_HAPPENINGS_DAYS = 3
"""Events between the same countries dated further apart than this are different happenings."""
SEPARATE_LEADS_DAYS = 2
"""Two articles leading with events between the same countries more than this many days apart report
different happenings (outlets misdate one happening by a day, as the seeds do)."""


@dataclass(frozen=True)
class StoryOptions:
    """How articles are grouped. `text_only` gives the plain TF-IDF baseline the other signals must beat."""

    window_days: int = 7
    threshold: float = 0.18
    text_weight: float = 0.6
    pair_weight: float = 0.25
    actor_weight: float = 0.15
    text_only: bool = False

    def __post_init__(self) -> None:
        if self.window_days < 0:
            raise ValueError(f"the story window must be zero or more days, not {self.window_days}")
        if not 0 < self.threshold <= 1:
            raise ValueError(f"the story threshold must be in (0, 1], not {self.threshold}")


@dataclass
class _Story:
    id: str
    members: list[int] = field(default_factory=list)


def story_id_for(article_id: str) -> str:
    """A story is named after the article that started it, so reruns name it the same."""
    return "s-" + hashlib.sha256(article_id.encode()).hexdigest()[:12]


def assign_stories(
    pending: Sequence[ArticleProfile],
    stored: Sequence[tuple[ArticleProfile, str]] = (),
    options: StoryOptions = StoryOptions(),
) -> list[StoryAssignment]:
    """Give each pending article a story: the most alike stored or new story above the threshold,
    else a story of its own. `stored` holds articles already in stories (those published near the
    pending ones are enough)."""
    pending = sorted(pending, key=lambda profile: profile.order)
    profiles = [profile for profile, _ in stored] + pending
    similarity = _ProfileSimilarity(profiles, options)
    stories: dict[str, _Story] = {}
    for index, (_, story_id) in enumerate(stored):
        stories.setdefault(story_id, _Story(story_id)).members.append(index)
    assignments = []
    for index in range(len(stored), len(profiles)):
        best_id, best = None, 0.0
        for story in stories.values():
            score = similarity.to_story(index, story.members)
            if score > best or (score == best and best_id is not None and story.id < best_id):
                best_id, best = story.id, score
        if best_id is not None and best >= options.threshold:
            stories[best_id].members.append(index)
            assignments.append(StoryAssignment(profiles[index].article_id, best_id, round(best, 3), False))
        else:
            story_id = story_id_for(profiles[index].article_id)
            stories[story_id] = _Story(story_id, [index])
            assignments.append(StoryAssignment(profiles[index].article_id, story_id, 1.0, True))
    return assignments


class _ProfileSimilarity:
    """Pairwise likeness of profiles, text vectors computed once for all of them."""

    def __init__(self, profiles: Sequence[ArticleProfile], options: StoryOptions) -> None:
        self.profiles = profiles
        self.options = options
        texts = [f"{p.title}\n{p.title}\n{p.lead}" for p in profiles]
        self.text = _text_similarity(texts)

    def to_story(self, index: int, members: Sequence[int]) -> float:
        """Average likeness to the story's articles; 0 when any of them was published outside the
        window (a story is one happening, reported within days, not a thread that runs for months) or
        reports another happening (one article of the clash is enough to keep the talks about it
        three days later out)."""
        if not all(self._within_window(index, member) for member in members):
            return 0.0
        if not self.options.text_only and any(self._separate(index, member) for member in members):
            return 0.0
        return sum(self.pair(index, member) for member in members) / len(members)

    def pair(self, first: int, second: int) -> float:
        text = float(self.text[first, second])
        if self.options.text_only:
            return text
        a, b = self.profiles[first], self.profiles[second]
        return (
            self.options.text_weight * text
            + self.options.pair_weight * _jaccard(a.pairs, b.pairs)
            + self.options.actor_weight * _jaccard(a.actors, b.actors)
        )

    def _separate(self, first: int, second: int) -> bool:
        return _separate_happenings(self.profiles[first], self.profiles[second])

    def _within_window(self, first: int, second: int) -> bool:
        a, b = self.profiles[first].published, self.profiles[second].published
        if a is None or b is None:
            return True
        return abs((a - b).days) <= self.options.window_days


def _text_similarity(texts: Sequence[str]) -> np.ndarray:
    """Pairwise cosine of the texts' TF-IDF vectors; all zeros when they hold no word but stop words."""
    vectorizer = TfidfVectorizer(sublinear_tf=True, stop_words="english", token_pattern=_WORD_PATTERN)
    try:
        return cosine_similarity(vectorizer.fit_transform(texts))
    except ValueError:  # an empty vocabulary
        return np.zeros((len(texts), len(texts)))


def _jaccard(a: frozenset, b: frozenset) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def _separate_happenings(a: ArticleProfile, b: ArticleProfile) -> bool:
    """Both lead with an event between the same countries on days further apart than a report's
    misdating (a clash and the talks about it three days later), or date events between the same
    countries and never within a few days of each other."""
    if (
        a.lead_date
        and b.lead_date
        and a.lead_date[0] == b.lead_date[0]
        and abs((a.lead_date[1] - b.lead_date[1]).days) > SEPARATE_LEADS_DAYS
    ):
        return True
    shared = {pair for pair, _ in a.dated_pairs} & {pair for pair, _ in b.dated_pairs}
    if not shared:
        return False
    return all(
        abs((day_a - day_b).days) > SEPARATE_HAPPENINGS_DAYS
        for pair in shared
        for pair_a, day_a in a.dated_pairs
        if pair_a == pair
        for pair_b, day_b in b.dated_pairs
        if pair_b == pair
    )
