"""Stories: articles reporting the same happening, grouped across outlets.

An article joins the story whose articles it is most like on average (average linkage), or starts a
new one. Likeness combines
- the words of its title and lead (TF-IDF cosine; the title counts twice),
- the country pairs of its events and the actors it names (Jaccard overlap),
- and time: an article joins only a story whose articles were all published within the window of it
  (so a story spans days, not months), and two articles
  whose events between the same countries are dated days apart report two happenings (two summits of
  the same leaders), however alike their words, as do two leading with events of different days
  between other countries, or of one kind between other pairs or at other places (two calls of
  Erdogan's in one week, strikes on Kharkiv and on Odesa).
Assignment is incremental and deterministic: new articles are taken in publication order and join
stories already stored without those being re-clustered.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

from dyads.model import ArticleProfile, LeadEvent, StoryAssignment

_WORD_PATTERN = r"(?u)\b[^\W\d_]{2,}\b"
SEPARATE_HAPPENINGS_DAYS = 3
"""Events between the same countries dated further apart than this are different happenings."""
SEPARATE_LEADS_DAYS = 2
"""Two articles leading with events between the same countries more than this many days apart report
different happenings (outlets misdate one happening by a day, as the seeds do)."""
_BLOCK_VALUES = 2_000_000
"""Likeness values computed at once (16 MB as floats), whatever the number of profiles."""
_ROUNDING = 1e-9


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
    story_of: list[str | None] = [None] * len(profiles)
    for index, (_, story_id) in enumerate(stored):
        stories.setdefault(story_id, _Story(story_id)).members.append(index)
        story_of[index] = story_id
    assignments = []
    for index in range(len(stored), len(profiles)):
        likeness = similarity.likeness(index)
        best_id, best = None, 0.0
        for story_id in sorted(_candidate_stories(likeness, story_of, options.threshold)):
            score = similarity.to_story(index, stories[story_id].members, likeness)
            if score > best:
                best_id, best = story_id, score
        if best_id is not None and best >= options.threshold:
            story_of[index] = best_id
            stories[best_id].members.append(index)
            assignments.append(StoryAssignment(profiles[index].article_id, best_id, round(best, 3), False))
        else:
            story_id = story_of[index] = story_id_for(profiles[index].article_id)
            stories[story_id] = _Story(story_id, [index])
            assignments.append(StoryAssignment(profiles[index].article_id, story_id, 1.0, True))
    return assignments


def _candidate_stories(likeness: np.ndarray, story_of: Sequence[str | None], threshold: float) -> set[str]:
    """Stories with an article alike enough on its own: an average reaches the threshold only if one
    of its terms does, so the others need not be scored (on a day of news, most of thousands)."""
    alike = np.flatnonzero(likeness >= threshold - _ROUNDING)
    return {story_id for index in alike if (story_id := story_of[index]) is not None}


class _ProfileSimilarity:
    """Likeness of profiles, a block of them against all at a time: words as TF-IDF vectors, country
    pairs and actors as sets, each a sparse matrix built once, so memory grows with the profiles and
    not with their pairs."""

    def __init__(self, profiles: Sequence[ArticleProfile], options: StoryOptions) -> None:
        self.profiles = profiles
        self.options = options
        self.text = _text_vectors([f"{p.title}\n{p.title}\n{p.lead}" for p in profiles])
        self.pairs = _ItemSets([p.pairs for p in profiles])
        self.actors = _ItemSets([p.actors for p in profiles])
        self._rows = range(0)
        self._block = np.zeros((0, len(profiles)))

    def likeness(self, index: int) -> np.ndarray:
        """How alike profile `index` is to each profile, pair by pair. Rows are computed a block of
        following profiles at a time (assignment asks for them in order), a few megabytes each."""
        if index not in self._rows:
            self._rows = range(
                index, min(index + _BLOCK_VALUES // max(len(self.profiles), 1) + 1, len(self.profiles))
            )
            self._block = self._likeness(slice(self._rows.start, self._rows.stop))
        return self._block[index - self._rows.start]

    def _likeness(self, rows: slice) -> np.ndarray:
        text = (self.text[rows] @ self.text.T).toarray()
        if self.options.text_only:
            return text
        return (
            self.options.text_weight * text
            + self.options.pair_weight * self.pairs.jaccard(rows)
            + self.options.actor_weight * self.actors.jaccard(rows)
        )

    def to_story(self, index: int, members: Sequence[int], likeness: np.ndarray) -> float:
        """Average likeness to the story's articles; 0 when any of them was published outside the
        window (a story is one happening, reported within days, not a thread that runs for months) or
        reports another happening (one article of the clash is enough to keep the talks about it
        three days later out)."""
        if not all(self._within_window(index, member) for member in members):
            return 0.0
        if not self.options.text_only and any(self._separate(index, member) for member in members):
            return 0.0
        return float(likeness[members].sum()) / len(members)

    def _separate(self, first: int, second: int) -> bool:
        return _separate_happenings(self.profiles[first], self.profiles[second])

    def _within_window(self, first: int, second: int) -> bool:
        a, b = self.profiles[first].published, self.profiles[second].published
        if a is None or b is None:
            return True
        return abs((a - b).days) <= self.options.window_days


def _text_vectors(texts: Sequence[str]) -> sparse.csr_matrix:
    """The texts' TF-IDF vectors, of unit length so that a product is their cosine; an empty matrix
    when they hold no word but stop words."""
    vectorizer = TfidfVectorizer(sublinear_tf=True, stop_words="english", token_pattern=_WORD_PATTERN)
    try:
        return vectorizer.fit_transform(texts).tocsr()
    except ValueError:  # an empty vocabulary
        return sparse.csr_matrix((len(texts), 1))


class _ItemSets:
    """Sets of codes as rows of a 0/1 sparse matrix, for the Jaccard overlap of one set with all."""

    def __init__(self, sets: Sequence[frozenset[str]]) -> None:
        columns: dict[str, int] = {}
        rows, cols = [], []
        for row, items in enumerate(sets):
            for item in sorted(items):
                rows.append(row)
                cols.append(columns.setdefault(item, len(columns)))
        self.matrix = sparse.csr_matrix(
            (np.ones(len(rows)), (rows, cols)), shape=(len(sets), max(len(columns), 1))
        )
        self.sizes = np.asarray(self.matrix.sum(axis=1)).ravel()

    def jaccard(self, rows: slice) -> np.ndarray:
        """Overlap of the sets in `rows` with every set, one row each."""
        shared = (self.matrix[rows] @ self.matrix.T).toarray()
        union = self.sizes[rows, np.newaxis] + self.sizes[np.newaxis, :] - shared
        return np.divide(shared, union, out=np.zeros_like(shared), where=union > 0)


def _other_happening(a: LeadEvent, b: LeadEvent) -> bool:
    """Leads of different days that are not one happening told twice: between other countries (a
    Spain-Italy call is not a France-Germany call the day before), or the same kind of act between
    other pairs (a Greece-Turkey call between a Russia-Turkey call and meeting) or at other places
    (a strike on Odesa two days after one on Kharkiv). A reaction to a happening, another kind of act
    between partly the same countries, may belong to its story."""
    if not set(a.pair.split("-")) & set(b.pair.split("-")):
        return True
    return a.root == b.root and (a.pair != b.pair or bool(a.place and b.place and a.place != b.place))


def _separate_happenings(a: ArticleProfile, b: ArticleProfile) -> bool:
    """Both lead with an event between the same countries on days further apart than a report's
    misdating (a clash and the talks about it three days later), or with other happenings of different
    days, or date events between the same countries and never within a few days of each other."""
    lead_a, lead_b = a.lead_event, b.lead_event
    if lead_a and lead_b:
        if lead_a.pair == lead_b.pair and abs((lead_a.day - lead_b.day).days) > SEPARATE_LEADS_DAYS:
            return True
        if lead_a.day != lead_b.day and _other_happening(lead_a, lead_b):
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
