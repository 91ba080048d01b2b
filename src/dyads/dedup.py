"""Exact and near-duplicate detection.

Wire copy is republished by many outlets with small edits (a new headline, a dropped paragraph, a
credit line). Coding it once per outlet would inflate event counts, so a duplicate is recorded as a link
to the article it repeats and is not processed again. Exact copies share the normalized-text hash;
near copies are found with MinHash signatures of word shingles in an LSH index (datasketch).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal, NamedTuple

import numpy as np
from datasketch import MinHash, MinHashLSH

from dyads.model import Article
from dyads.normalize import words


@dataclass(frozen=True)
class DedupConfig:
    """How alike two texts must be to count as one article.

    `threshold` is the estimated Jaccard similarity of `shingle_size`-word shingles above which a text
    is a near duplicate; 0.7 keeps wire copies with a changed paragraph together while two outlets'
    own reports of the same event (which share names, not sentences) stay apart.
    """

    num_perm: int = 128
    shingle_size: int = 5
    threshold: float = 0.7
    seed: int = 1
    scheme: Literal["affine32", "affine64"] = "affine32"

    @property
    def signature_kind(self) -> str:
        """Identifies how signatures were computed; stored signatures of another kind are recomputed."""
        return f"minhash/{self.scheme}/{self.num_perm}/{self.seed}/{self.shingle_size}"


class DuplicateMatch(NamedTuple):
    kind: Literal["exact", "near"]
    duplicate_of: str
    similarity: float


def minhash_signature(text: str, config: DedupConfig = DedupConfig()) -> np.ndarray:
    """The MinHash signature of a text's word shingles, as unsigned 64-bit integers."""
    tokens = words(text)
    size = min(config.shingle_size, max(len(tokens), 1))
    starts = range(max(len(tokens) - size + 1, 1))
    shingles = {" ".join(tokens[i : i + size]).encode("utf-8") for i in starts}
    minhash = _new_minhash(config)
    minhash.update_batch(list(shingles))
    return minhash.hashvalues.astype(np.uint64)


@functools.cache
def _permutations(config: DedupConfig) -> np.ndarray:
    """The hash permutations of a configuration, computed once instead of for every signature."""
    return MinHash(num_perm=config.num_perm, seed=config.seed, scheme=config.scheme).permutations


def _new_minhash(config: DedupConfig, hashvalues: np.ndarray | None = None) -> MinHash:
    return MinHash(
        num_perm=config.num_perm,
        seed=config.seed,
        scheme=config.scheme,
        hashvalues=hashvalues,
        permutations=_permutations(config),
    )


class DuplicateIndex:
    """The articles kept so far, searchable by exact id and by MinHash similarity.

    Banded LSH over the signatures: articles whose signatures agree on every row of one band are
    candidates, and a candidate is a near duplicate when the signatures' estimated Jaccard similarity
    reaches the threshold. The bands are datasketch's optimum for the threshold; the index itself is
    kept compact (one integer per band and article, signatures in one array), as it holds every
    stored article: datasketch's `MinHashLSH` spends about 5 KB per article, 100 MB at 20,000.
    """

    def __init__(self, config: DedupConfig = DedupConfig()) -> None:
        self.config = config
        banding = MinHashLSH(threshold=config.threshold, num_perm=config.num_perm)
        self._bands = [
            slice(start, start + banding.r) for start in range(0, banding.b * banding.r, banding.r)
        ]
        self._dtype = _new_minhash(config).hashvalues.dtype
        self._ids: list[str] = []
        self._numbers: dict[str, int] = {}
        self._signatures = np.empty((_INITIAL_ROWS, config.num_perm), dtype=self._dtype)
        self._buckets: dict[int, int | list[int]] = {}

    def __contains__(self, article_id: str) -> bool:
        return article_id in self._numbers

    def __len__(self) -> int:
        return len(self._ids)

    def add(self, article_id: str, signature: Iterable[int]) -> None:
        if article_id in self._numbers:
            return
        values = self._values(signature)
        number = len(self._ids)
        if number == len(self._signatures):
            self._signatures = np.concatenate([self._signatures, np.empty_like(self._signatures)])
        self._signatures[number] = values
        self._ids.append(article_id)
        self._numbers[article_id] = number
        for key in self._band_keys(values):
            held = self._buckets.get(key)
            if held is None:
                self._buckets[key] = number
            elif isinstance(held, list):
                held.append(number)
            else:
                self._buckets[key] = [held, number]

    def find(self, article: Article, signature: np.ndarray) -> DuplicateMatch | None:
        """The kept article this one repeats, or None when it is new."""
        if article.id in self._numbers:
            return DuplicateMatch("exact", article.id, 1.0)
        values = self._values(signature)
        candidates: set[int] = set()
        for key in self._band_keys(values):
            held = self._buckets.get(key)
            if held is not None:
                candidates.update(held if isinstance(held, list) else (held,))
        best: DuplicateMatch | None = None
        for number in sorted(candidates, key=self._ids.__getitem__):
            agreeing = np.count_nonzero(self._signatures[number] == values)
            similarity = round(float(agreeing) / self.config.num_perm, 3)
            if similarity >= self.config.threshold and (best is None or similarity > best.similarity):
                best = DuplicateMatch("near", self._ids[number], similarity)
        return best

    def _values(self, signature: Iterable[int]) -> np.ndarray:
        return np.asarray(signature, dtype=np.uint64).astype(self._dtype)

    def _band_keys(self, values: np.ndarray) -> list[int]:
        """One integer per band: the band's number and values hashed together (two different bands
        sharing a key would only add a candidate, which its similarity then rules out)."""
        return [hash((band, values[rows].tobytes())) for band, rows in enumerate(self._bands)]


_INITIAL_ROWS = 1024
