"""Actors named in plain text, read without a parser.

What comparisons read from whole articles at once (who brokered a truce, who had not commented) is a
phrase of a sentence, not a parse: its actors are the longest names of the actor dictionary in it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from dyads.actors.dictionary import NameEntry

PLAIN_KINDS = frozenset({"country", "adjective", "capital", "igo", "metonym", "ngo"})
"""Kinds of names that name an actor in a phrase: a capital speaks for its government (`no comment
from Beijing`), while other cities are places (and `in Doha` is cut off at a boundary word)."""
BOUNDARIES = frozenset({
    "between", "among", "for", "to", "in", "on", "at", "after", "before", "that", "which", "who", "when",
    "while", "said", "says", "last", "earlier", "took", "takes", "has", "had", "was", "were", "is",
})  # fmt: skip
"""Words outside a name where a phrase naming actors stops: at the parties, place, time or verb after
them, or at what precedes them."""
WORDS_AFTER = r"(?P<who>[^,;:()\"“”]+)"
"""A cue's words after it, up to punctuation (`brokered by` ⟨the UN mission with community elders⟩)."""
WORDS_BEFORE = r"(?P<who>(?:[\w'’.]+(?:-[\w'’.]+)*\s+){0,5}[\w'’.]+(?:-[\w'’.]+)*)"
"""Up to six words right before a cue, none across punctuation (`Egypt and Qatar` ⟨mediated⟩)."""
_WORD = re.compile(r"[\w.]+(?:['’]s)?|[-]")
_LONGEST_NAME = 8


def plain_names(entries: Iterable[NameEntry]) -> dict[str, str]:
    """The actor dictionary's names that can be read in plain text, each with the actor compared: a
    country's code for its names, demonyms and metonyms (`the Kremlin` and `Russia` are one actor),
    an organization's whole code. Ambiguous names are left out."""
    return {
        entry.text: entry.code if entry.code.startswith(("IGO", "NGO")) else entry.code[:3]
        for entry in entries
        if entry.kind in PLAIN_KINDS and not entry.ambiguous
    }


def named_actors(phrase: str, names: Mapping[str, str], stretch: int = 0) -> dict[str, str]:
    """The names of actors in one stretch of a phrase between boundary words (0 the first, -1 the
    last), longest names first, each with its actor (`the Organization for Security and Cooperation
    in Europe` is one name, its `for` and `in` no boundary; `Turkey's` is `Turkey`)."""
    words = [_bare(word, names) for word in _WORD.findall(phrase)]
    stretches: list[dict[str, str]] = [{}]
    start = 0
    while start < len(words):
        for length in range(min(_LONGEST_NAME, len(words) - start), 0, -1):
            candidate = " ".join(words[start : start + length])
            if candidate in names:
                if words[start + length : start + length + 1] != ["-"]:  # `U.S.-listed`, `Iranian-backed`
                    stretches[-1][candidate] = names[candidate]
                start += length
                break
        else:
            if words[start].lower() in BOUNDARIES:
                stretches.append({})
            start += 1
    return stretches[stretch]


def _bare(word: str, names: Mapping[str, str]) -> str:
    """A word without its possessive (`Turkey's`) or a full stop ending the sentence (`Moscow.`), unless
    the stop belongs to the name (`U.S.`)."""
    word = re.sub(r"['’]s$", "", word)
    return word[:-1] if word.endswith(".") and word not in names else word
