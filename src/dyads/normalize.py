"""Text normalization shared by article identity, duplicate detection and plain-text reading.

Two copies of an article that differ only in quote style, Unicode form, case or spacing are the same
text, so identity is computed on a normalized form rather than on the raw characters.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})
_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘']?[A-Z0-9])|\n+")


def normalize_text(text: str) -> str:
    """NFKC, unified quotes and dashes, case-folded, single spaces."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    return _SPACES.sub(" ", text).strip()


def content_id(text: str) -> str:
    """Stable article id: the first 16 hex digits of the SHA-256 of the normalized text."""
    return hashlib.sha256(normalize_text(text).encode("utf-8")).hexdigest()[:16]


def words(text: str) -> list[str]:
    """Normalized word tokens, for shingling and overlap measures."""
    return _WORD.findall(normalize_text(text))


def plain_sentences(text: str) -> list[str]:
    """Sentences of plain text split at end punctuation before a capital or digit and at line breaks,
    without a parser: for reading figures and finding a sentence that mentions something."""
    return _SENTENCE_END.split(text)
