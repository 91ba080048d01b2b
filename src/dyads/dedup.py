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
    """The articles kept so far, searchable by exact id and by MinHash similarity."""

    def __init__(self, config: DedupConfig = DedupConfig()) -> None:
        self.config = config
        self._ids: set[str] = set()
        self._signatures: dict[str, MinHash] = {}
        self._lsh = MinHashLSH(threshold=config.threshold, num_perm=config.num_perm)

    def __contains__(self, article_id: str) -> bool:
        return article_id in self._ids

    def __len__(self) -> int:
        return len(self._ids)

    def add(self, article_id: str, signature: Iterable[int]) -> None:
        if article_id in self._ids:
            return
        minhash = self._minhash(signature)
        self._ids.add(article_id)
        self._signatures[article_id] = minhash
        self._lsh.insert(article_id, minhash)

    def find(self, article: Article, signature: np.ndarray) -> DuplicateMatch | None:
        """The kept article this one repeats, or None when it is new."""
        if article.id in self._ids:
            return DuplicateMatch("exact", article.id, 1.0)
        minhash = self._minhash(signature)
        best: DuplicateMatch | None = None
        for candidate in sorted(self._lsh.query(minhash)):
            similarity = round(minhash.jaccard(self._signatures[candidate]), 3)
            if similarity >= self.config.threshold and (best is None or similarity > best.similarity):
                best = DuplicateMatch("near", candidate, similarity)
        return best

    def _minhash(self, signature: Iterable[int]) -> MinHash:
        values = np.asarray(signature, dtype=np.uint64)
        return _new_minhash(self.config, values)
