"""The event pattern table: predicate lemma + argument frame → CAMEO code.

`data/patterns.csv` (see PATTERNS_README.md there) is readable and extensible: each row names a
predicate lemma and part of speech, where its target is found, and optional constraints (a particle,
the lemma of its object, the lemma of an `xcomp` complement). The most specific matching row wins, so
`impose` + object `sanction` (163) beats `impose` alone.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

PATTERNS_FILE = "patterns.csv"
PATTERN_COLUMNS = ("lemma", "pos", "target", "particle", "object", "xcomp", "code", "symmetric")


@dataclass(frozen=True)
class Pattern:
    lemma: str
    pos: str
    target: str
    particle: str
    object: str
    xcomp: str
    code: str
    symmetric: bool

    @property
    def specificity(self) -> int:
        """How many constraints the row sets (a modified object, `joint drill`, counts twice); the
        most specific matching row wins."""
        constraints = sum(bool(value) for value in (self.particle, self.object, self.xcomp, self.target))
        return constraints + (" " in self.object)


@dataclass(frozen=True)
class PredicateFeatures:
    """What the parse says about one predicate: its particles and prepositions, object and complement."""

    lemma: str
    pos: str
    particles: frozenset[str]
    object: str
    xcomp: str
    targets: frozenset[str]
    object_modifiers: frozenset[str] = frozenset()
    particle_objects: frozenset[tuple[str, str]] = frozenset()

    def object_matches(self, wanted: str, particle: str = "") -> bool:
        """`drill`, or `joint drill` when the object carries that modifier; with a prepositional
        particle, the object may be that preposition's (`spoke by phone`, `call for a ceasefire`)."""
        if particle and (particle, wanted) in self.particle_objects:
            return True
        modifier, _, head = wanted.rpartition(" ")
        return head == self.object and (not modifier or modifier in self.object_modifiers)


class PatternTable:
    """Patterns indexed by (lemma, part of speech)."""

    def __init__(self, patterns: Iterable[Pattern]) -> None:
        self._by_predicate: dict[tuple[str, str], list[Pattern]] = defaultdict(list)
        for pattern in patterns:
            self._by_predicate[(pattern.lemma, pattern.pos)].append(pattern)

    @classmethod
    def load(cls, extra_files: Sequence[str | Path] = ()) -> PatternTable:
        sources = [files("dyads.events").joinpath("data", PATTERNS_FILE), *map(Path, extra_files)]
        patterns = []
        for source in sources:
            with source.open(encoding="utf-8", newline="") as handle:
                patterns.extend(_pattern(row) for row in csv.DictReader(handle))
        return cls(patterns)

    def requirements(self, skip_codes: frozenset[str] = frozenset()) -> dict[str, set[frozenset[str]]]:
        """For each predicate lemma, the words each of its rows needs beside it (object head, particle,
        complement), whatever the part of speech: what a cheap look at a sentence can check before
        parsing. Rows coding one of `skip_codes` are left out."""
        needs: dict[str, set[frozenset[str]]] = defaultdict(set)
        for (lemma, _), patterns in self._by_predicate.items():
            for pattern in patterns:
                if pattern.code not in skip_codes:
                    words = (pattern.object.rpartition(" ")[2], pattern.particle, pattern.xcomp)
                    needs[lemma].add(frozenset(word for word in words if word))
        return dict(needs)

    def symmetric_verbs(self) -> frozenset[str]:
        """Verbs with a row coding a symmetric act (`sign`, `agree`): done together by a pair."""
        return frozenset(
            lemma
            for (lemma, pos), patterns in self._by_predicate.items()
            if pos == "VERB" and any(pattern.symmetric for pattern in patterns)
        )

    def knows(self, lemma: str, pos: str) -> bool:
        return (lemma, pos) in self._by_predicate

    def best(self, features: PredicateFeatures) -> Pattern | None:
        """The most specific row whose constraints the predicate meets."""
        return next(iter(self.matching(features)), None)

    def matching(self, features: PredicateFeatures) -> list[Pattern]:
        """Every row whose constraints the predicate meets, most specific first (file order on ties)."""
        candidates = [
            pattern
            for pattern in self._by_predicate.get((features.lemma, features.pos), ())
            if (not pattern.particle or pattern.particle in features.particles)
            and (not pattern.object or features.object_matches(pattern.object, pattern.particle))
            and (not pattern.xcomp or pattern.xcomp == features.xcomp)
            and (not pattern.target or pattern.target in features.targets)
        ]
        return sorted(candidates, key=lambda pattern: -pattern.specificity)


def _pattern(row: dict[str, str]) -> Pattern:
    return Pattern(
        lemma=row["lemma"].strip().lower(),
        pos=row["pos"].strip().upper(),
        target=row["target"].strip(),
        particle=row["particle"].strip().lower(),
        object=row["object"].strip().lower(),
        xcomp=row["xcomp"].strip().lower(),
        code=row["code"].strip(),
        symmetric=row["symmetric"].strip().lower() == "yes",
    )
