"""What each figure of an article measures, read once when the article is coded.

A figure (`quantities.find_quantities`) is worth comparing across outlets only with what its sentence
says about it: the words around it (to tell two figures are about the same thing), a proper adjective
between a count and its noun (`five Indian soldiers`), what happened to what it counts (`27 people were
detained`), and for durations, the kind of happening whose length it gives. Reading this takes a pass
over every sentence with a number, so it is done per article where the article is parsed (in the
workers), stored, and read back whenever the article's story is compared again.
"""

from __future__ import annotations

import datetime as dt
import re

from dyads.deadlines import find_deadlines
from dyads.model import Figure
from dyads.normalize import plain_sentences
from dyads.quantities import Quantity, find_quantities

_OFFSET_WORDS = frozenset({"after", "before", "earlier", "later", "ago", "since", "apart"})
_SPAN_PREPOSITIONS = frozenset({"in", "within"})
_FATES = {
    **dict.fromkeys(("kill", "dead", "die", "died", "death", "slain", "perish"), "killed"),
    **dict.fromkeys(("hurt", "injur", "injure", "wound", "treat"), "injured"),
    **dict.fromkeys(("detain", "arrest", "held", "jail", "custody"), "detained"),
    **dict.fromkeys(("march", "rally", "protest", "gather", "demonstrat", "drew", "join", "took"), "crowd"),
    **dict.fromkeys(("miss", "missing", "abduct", "kidnap"), "missing"),
}  # fmt: skip
"""Stemmed words that tell one fate of the counted (killed, injured, detained, crowd): `four soldiers
were hurt` and `six soldiers were injured` count the same thing."""
FATES = frozenset(_FATES.values())
"""What can happen to what a count counts, as `Figure.predicate` names it."""
KINDS_OF_PEOPLE = frozenset(
    {"civilian", "resident", "child", "woman", "man", "soldier", "officer", "policeman", "worker",
     "journalist", "protester", "demonstrator", "passenger", "student", "patient", "migrant", "refugee",
     "fighter", "militant", "villager", "pilgrim", "tourist", "prisoner", "hostage", "employee", "miner",
     "farmer", "teenager", "infant", "doctor", "nurse", "volunteer", "trooper", "sailor", "guard"}
)  # fmt: skip
"""Counted nouns (singular, as count units are stored) naming one sort of people: the dead, hurt or
held among `people` counted by another outlet."""
_CLAUSE_BREAK = re.compile(r"[,;:.!?()\"“”]")
_AUXILIARIES = frozenset(
    {"were", "was", "had", "have", "has", "been", "being", "are", "is", "be", "reportedly"}
)
_PLANNING_CLAUSE_START = re.compile(r"[,;:()\"“”]|\b(?:said|says|that|if|unless|when)\b", re.IGNORECASE)
_CONJUNCTIONS = frozenset({"and", "but", "while", "whereas"})
"""Words after which a verb has another subject than the count before them."""
_HAPPENINGS = {
    **dict.fromkeys(("call", "talk", "meet", "conversation", "summit", "spoke", "speak", "visit"), "meeting"),
    **dict.fromkeys(("exercise", "drill", "manoeuvre", "maneuver"), "exercise"),
    **dict.fromkeys(("fight", "clash", "battle", "war", "offensive", "siege"), "fighting"),
    **dict.fromkeys(("ceasefire", "truce"), "ceasefire"),
    **dict.fromkeys(("strike", "protest", "rally", "march", "blockade"), "protest"),
    **dict.fromkeys(("vote", "ballot", "election", "referendum"), "vote"),
}  # fmt: skip
"""Words (stemmed as `_stem` does) naming a happening whose length a duration gives, or whose day a
plan sets."""
_WORD = re.compile(r"[^\W\d_]{3,}")
_STOP_WORDS = frozenset(
    [
        "the",
        "and",
        "for",
        "that",
        "with",
        "from",
        "this",
        "were",
        "was",
        "are",
        "has",
        "have",
        "had",
        "its",
        "their",
        "his",
        "her",
        "they",
        "them",
        "than",
        "then",
        "said",
        "says",
        "told",
        "also",
        "into",
        "about",
        "after",
        "before",
        "over",
        "more",
        "most",
        "some",
        "such",
        "which",
        "while",
        "when",
        "where",
        "who",
        "whom",
        "will",
        "would",
        "could",
        "should",
        "may",
        "might",
        "been",
        "being",
        "other",
        "only",
        "just",
        "what",
        "there",
        "here",
        "these",
        "those",
        "our",
        "out",
        "not",
        "but",
        "all",
        "any",
        "can",
        "did",
        "does",
        "per",
        "via",
        "yet",
    ]
)
_TIME_WORDS = frozenset(
    [
        "day",
        "days",
        "week",
        "weeks",
        "month",
        "months",
        "year",
        "years",
        "hour",
        "hours",
        "minute",
        "minutes",
        "time",
        "first",
        "last",
        "next",
        "second",
        "third",
        "earlier",
        "later",
        "today",
        "yesterday",
        "tomorrow",
        "night",
        "morning",
        "evening",
        "overnight",
    ]
)


def read_figures(article_id: str, text: str, published: dt.date | None = None) -> list[Figure]:
    """Every figure of an article's text, in order, with what its sentence says it measures; with
    the publication date, the deadlines its sentences set too."""
    figures = []
    for sentence in plain_sentences(text):
        quantities = find_quantities(sentence)
        if published is not None:
            quantities += find_deadlines(sentence, published)
        words = _content_words(sentence) if quantities else set()
        for quantity in quantities:
            if quantity.kind == "duration" and _is_interval(sentence, quantity):
                continue
            qualifier = _qualifier(quantity)
            figures.append(
                Figure(
                    article_id=article_id,
                    position=len(figures),
                    sentence=sentence.strip(),
                    quantity=quantity,
                    context=frozenset((words - _content_words(quantity.text)) | ({qualifier} - {""})),
                    qualifier=qualifier,
                    predicate="" if quantity.kind == "deadline" else _predicate_word(sentence, quantity),
                    happenings=_happenings(
                        _content_words(_planning_clause(sentence, quantity))
                        if quantity.kind == "deadline"
                        else words
                    ),
                )
            )
    return figures


def _happenings(words: set[str]) -> frozenset[str]:
    return frozenset(_HAPPENINGS[word] for word in words if word in _HAPPENINGS)


def _planning_clause(sentence: str, deadline: Quantity) -> str:
    """The words of a deadline's own clause before it, which name what is due: `the final vote on the
    bill would go ahead as planned` in `Kobakhidze said the final vote … on Wednesday`, not the
    joint statement the plan was announced in."""
    return _PLANNING_CLAUSE_START.split(sentence[: deadline.start])[-1]


def _is_interval(sentence: str, quantity: Quantity) -> bool:
    """`a week after`, `two days earlier`, `in twelve months`: a time between happenings, not how long
    one lasted."""
    following = sentence[quantity.end :].split()[:1]
    preceding = [word.lower() for word in sentence[: quantity.start].split()[-2:]]
    return bool(
        (following and following[0].lower().strip(",.") in _OFFSET_WORDS)
        or (preceding and preceding[-1] in _SPAN_PREPOSITIONS)
        or (preceding[-1:] == ["the"] and preceding[:1] and preceding[0] in _SPAN_PREPOSITIONS)
    )


def _predicate_word(sentence: str, quantity: Quantity) -> str:
    """What happened to what a count counts: the word after it (`27 people were detained`) unless
    punctuation or a conjunction intervenes, else the word before it (`drew about 9,000 people,
    according to…`; `fighting that killed 12 people and forced hundreds from their homes`)."""
    clause = _CLAUSE_BREAK.split(sentence[quantity.end :], maxsplit=1)[0]
    for word in _WORD.findall(clause)[:4]:
        if word.lower() in _CONJUNCTIONS:
            break
        if word.lower() not in _AUXILIARIES and word.lower() not in _STOP_WORDS:
            return _same_fate(_stem(word.lower()))
    before = _WORD.findall(sentence[: quantity.start])
    return _same_fate(_stem(before[-1].lower())) if before else ""


def _same_fate(word: str) -> str:
    return _FATES.get(word, word)


def _qualifier(quantity: Quantity) -> str:
    """A proper adjective between a count and its noun (`Indian` in `Five Indian soldiers`), not the
    count itself starting a sentence (`Four soldiers`)."""
    words = _WORD.findall(quantity.text)
    if quantity.kind != "count" or len(words) < 2 or not words[-2][:1].isupper():
        return ""
    if quantity.text.startswith(words[-2]):
        return ""
    return words[-2].lower()


def _content_words(text: str) -> set[str]:
    words = {word.lower() for word in _WORD.findall(text)}
    return {_stem(word) for word in words if word not in _STOP_WORDS and word not in _TIME_WORDS}


def _stem(word: str) -> str:
    """`talks`/`talk`, `killed`/`kill`, `exercises`/`exercise`: enough to see two sentences are about
    the same thing."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses", "zes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    if word.endswith("ing") and len(word) > 5:
        return word[:-3]
    if word.endswith("ed") and len(word) > 4:
        return word[:-2]
    return word
