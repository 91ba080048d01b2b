"""Figures in news copy, read as intervals, so that two outlets' numbers for one story can be compared.

Outlets round, hedge and spell the same figure differently: one writes "an hour and 35 minutes", another
"over an hour and a half"; one "$3 billion", another "3bn dollars"; one "dozens of protesters", another
"40 protesters". So a figure is read as the interval of values its words allow, in a common unit
(minutes for durations, currency units for money), and two figures conflict only when they measure the
same sort of thing (`comparable`) and their intervals do not meet (`compatible`).

Hedges set the interval: "about/around/roughly/approximately/some N" is N ± 10%, "nearly/almost N" is
[0.9N, N], "more than/over/at least N" is [N, inf), "fewer than/under/less than/up to N" is [0, N];
ranges ("10 to 12", "10-12", "between 10 and 12") are their ends; vague counts have fixed spans
("a handful" 3–6, "dozens" 24–99, "hundreds" 200–999, "thousands" 2,000–9,999, "tens of thousands"
20,000–99,999).

Not quantities: years standing alone ("in 2025"), dates ("January 21", "21 Jan"), times of day ("at 10:30",
"10 a.m."), ordinals ("third", "21st"), ages ("a 12-year-old", "Trump, 78,"), spans that date an event
from the day of writing ("two days ago"), votes and scores ("voted 12 to 3"), ratios ("one in five"), and
numbers that belong to a name or code ("G20", "COP29", "Su-35", "Resolution 2334", "Air Force One"). A
capitalised word before a number makes it part of a name, except in headlines set in title case.

The reading is lexical, without a parser, so it stays cheap enough to run on every sentence of every
outlet: the counted noun is the first plural noun after the number ("killed 12 Iraqi soldiers" gives
"soldier"), and a number with no noun after it counts nothing named (unit "").
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Literal, NamedTuple

QuantityKind = Literal["count", "money", "duration", "percent", "deadline"]
QUANTITY_KINDS: tuple[QuantityKind, ...] = ("count", "money", "duration", "percent", "deadline")

ROUNDING_TOLERANCE = 0.02
"""How far apart, relative to their size, two intervals may be and still meet: "$3.05 billion" and
"$3 billion" are one figure rounded two ways."""

GENERIC_COUNTED = frozenset({"people", "person", "individual", "human", "soul"})
"""Counted nouns that name no particular sort of person, so "15 people" can be "12 soldiers" retold."""


@dataclass(frozen=True)
class Quantity:
    """A figure in a sentence and the interval of values its words allow.

    `low` and `high` are in `unit`: minutes for durations, currency units for money (3e9 for
    "$3 billion"), percent for percents, items for counts, days (proleptic ordinals) for deadlines
    (`dyads.deadlines`); `high` is `math.inf` for "more than N". `unit` is a currency code ("USD"),
    "minutes", "%" or "percentage point", "day", or for a count the counted noun, lowercased and
    singular ("soldier"; "people" stays "people"), or "" when no noun follows.
    """

    text: str
    start: int
    end: int
    kind: QuantityKind
    unit: str
    low: float
    high: float

    def __post_init__(self) -> None:
        if self.kind not in QUANTITY_KINDS:
            raise ValueError(f"unknown quantity kind {self.kind!r}; use one of {', '.join(QUANTITY_KINDS)}")
        if not 0 <= self.start <= self.end or self.end - self.start != len(self.text):
            raise ValueError(
                f"offsets {self.start}..{self.end} do not fit the text {self.text!r}; "
                "give the span's start and end in the sentence it was found in"
            )
        if math.isnan(self.low) or math.isnan(self.high) or self.low > self.high:
            raise ValueError(
                f"interval [{self.low}, {self.high}] of {self.text!r} is empty; low must not exceed high"
            )

    @property
    def exact(self) -> bool:
        """Whether the words give one value rather than a span."""
        return self.low == self.high


def comparable(a: Quantity, b: Quantity) -> bool:
    """Whether two figures measure the same sort of thing, so that a mismatch between them is a conflict.

    Durations are all in minutes and always comparable; money only in one currency (exchange rates
    change, so "$3 billion" and "€3 billion" are neither the same nor a contradiction); percents only
    with percents, not with percentage points; counts when they count the same noun, or when one of
    them counts people in general ("15 people" may be "12 soldiers" retold). A count with no noun is
    comparable only with another such count or with people in general.
    """
    if a.kind != b.kind:
        return False
    if a.kind != "count":
        return a.unit == b.unit
    return a.unit == b.unit or a.unit in GENERIC_COUNTED or b.unit in GENERIC_COUNTED


def compatible(a: Quantity, b: Quantity) -> bool:
    """Whether two comparable figures can both be true: their intervals meet, up to rounding.

    The gap allowed is `ROUNDING_TOLERANCE` of the figures' size, so "3.05 billion" and "3 billion"
    agree while "12" and "15" do not.
    """
    if not comparable(a, b):
        return False
    low, high = max(a.low, b.low), min(a.high, b.high)
    if a.kind == "deadline":  # days, already as wide as their words allow
        return low <= high
    return low <= high or low - high <= ROUNDING_TOLERANCE * max(abs(low), abs(high))


def find_quantities(sentence: str) -> list[Quantity]:
    """The figures of a sentence in order of appearance, each with the interval its words allow.

    Dates, times, years, ordinals and numbers inside names are left out (see the module docstring).
    """
    if not isinstance(sentence, str):
        raise TypeError(
            f"find_quantities takes one sentence as str, not {type(sentence).__name__}; "
            "decode bytes and pass sentences one at a time"
        )
    tokens = [(match.start(), match.group()) for match in _TOKEN_START.finditer(sentence)]
    signs = [index for index, (_, word) in enumerate(tokens) if _is_sign(word)]
    if not signs:
        return []
    source = _Sentence(sentence, _blocked_characters(sentence))
    found: list[Quantity] = []
    resume = next_sign = 0
    for index, (start, word) in enumerate(tokens):
        if start < resume or not _may_start(word):
            continue
        while next_sign < len(signs) and signs[next_sign] < index:
            next_sign += 1
        if next_sign == len(signs):
            break
        if signs[next_sign] - index > _SIGN_REACH:
            continue
        parsed = _parse_at(source, start, found[-1].end if found else -1)
        if parsed is None:
            continue
        if parsed.quantity is not None:
            found.append(parsed.quantity)
        resume = parsed.end
    return found


def _is_sign(token: str) -> bool:
    """Whether a token holds something every figure has: a digit, a number word, a unit of time."""
    return token.lower() in _SIGN_WORDS or (not token.isalpha() and _DIGIT.search(token) is not None)


def _may_start(token: str) -> bool:
    """Whether a figure can start at a token: a digit, or a word or sign in `_STARTS` (`USD3bn`
    starts with the code)."""
    if token[0].isdigit():
        return True
    letters = _LEADING_LETTERS.match(token)
    return (letters.group() if letters else token).lower() in _STARTS


# Records of one reading


_Bound = Literal["exact", "about", "nearly", "at least", "just over", "at most"]


class _Sentence(NamedTuple):
    """The sentence being read, with the characters where no number may start.

    `blocked` is 1 at characters of dates, times, ordinals, codes and names ("G20", "Resolution 2334").
    """

    text: str
    blocked: bytes


class _Amount(NamedTuple):
    """A number as written, before its unit: the interval it allows and where its words end.

    `scale` is the multiplier of a scale word ("million", "bn"), which the first number of a range
    without one shares ("3 to 4 billion"). `article` marks "a"/"an"/"half a" before a unit of time,
    which only measure time ("an hour"); `pronoun_one` a spelled "one", which without a noun is a
    pronoun ("one of them"); `year` a bare integer from 1900 to 2100, a year unless more words make it
    a count; `vague` a word such as "dozens", whose noun follows "of".
    """

    low: float
    high: float
    end: int
    scale: float = 1.0
    article: bool = False
    pronoun_one: bool = False
    year: bool = False
    vague: bool = False


class _Core(NamedTuple):
    """One amount or a range of two, with the currency written before it and whether "%" came between."""

    currency: str | None
    low: float
    high: float
    end: int
    first: _Amount
    ranged: bool
    percent: bool


class _Measure(NamedTuple):
    """What the words after a number make of it: kind, unit, interval in that unit, end of the words."""

    kind: QuantityKind
    unit: str
    low: float
    high: float
    end: int


class _Parse(NamedTuple):
    """The outcome at one position: a quantity, or (quantity None) words to pass over, such as an age."""

    quantity: Quantity | None
    end: int


# Pattern pieces


def _pattern(source: str) -> re.Pattern[str]:
    return re.compile(source, re.IGNORECASE)


def _phrases(phrases: tuple[str, ...] | list[str]) -> re.Pattern[str]:
    """Fixed phrases, longest first, with any run of spaces between their words, ending at a word end."""
    ordered = sorted(phrases, key=len, reverse=True)
    return _pattern(r"(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered) + r")\b")


def _words(text: str) -> str:
    return " ".join(text.lower().split())


def _word_list(words: str) -> list[str]:
    """Words written as one string, which reads better than a list literal for long word lists."""
    return words.split()


_TOKEN_START = re.compile(r"\w+|[^\w\s]")
_BETWEEN = _pattern(r"between\s+")
_BETWEEN_AND = _pattern(r"\s+and\s+")
_RANGE_SEPARATOR = _pattern(r"\s*[-–—]\s*|\s+(?:to|or)\s+")
_NUMBER_JOINER = re.compile(r"-|\s+(?:and\s+)?")
"""What may stand between number words: a hyphen ("forty-two"), spaces, "and" ("a hundred and ten")."""
_HYPHEN_WORDS = re.compile(r"[-–](?P<word>[^\W\d_]+)(?:[-–][^\W\d_]+)*")
_SPACES = re.compile(r"\s*")
_GAP = re.compile(r"[ \t\u00a0]+")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_NOUN_WORD = re.compile(r"[^\W\d_]\w*(?:[-'’]\w+)*")
_DIGITS = re.compile(r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?")
_NUMBER_CHUNK = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_SYMBOL_CHUNK = r"(?:(?:US|U\.S\.|AU|A|CA|C|HK|NZ|S|R)?\$|[€£¥₽₹₩₪₺₴])"
_SCALE_SUFFIX_CHUNK = r"(?:bn|bln|mn|mln|m|b|k|tn|trn|%|\+)"
_AMOUNT_CHUNK = rf"{_SYMBOL_CHUNK}?{_NUMBER_CHUNK}(?i:{_SCALE_SUFFIX_CHUNK})?"
_QUANTITY_CHUNK = re.compile(rf"{_AMOUNT_CHUNK}(?:[-–—]{_AMOUNT_CHUNK})?|{_AMOUNT_CHUNK}(?:[-–—][^\W\d_]+)+")
"""A run of characters without spaces that can hold a figure: "$3bn", "40%", "10-12", "90-minute".

Any other run with a digit is a date, a time, an ordinal, a decade or a code ("21/01", "10:30", "21st",
"1990s", "G20", "Su-35") and holds none.
"""
_CHUNK = re.compile(r"\S+")
_DIGIT = re.compile(r"\d")
_TITLE_CASE_SHARE = 0.7
_OPENING = re.compile(r"^[(\[{\"'“‘«]+")
_CLOSING = re.compile(r"[)\]}\"'”’»,;:!?.]+$")

_MONTHS = frozenset(
    _word_list(
        "january february march april may june july august september october november december "
        "jan feb mar apr jun jul aug sep sept oct nov dec"
    )
)
"""Month names and abbreviations; written with a capital, they make a number beside them a day."""
_TIME_MARKS = frozenset(_word_list("am a.m pm p.m gmt utc bst cet cest est edt pst pdt o'clock o’clock"))
"""Words after a number that make it a time of day ("10 a.m.", "1400 GMT")."""

_FUNCTION_WORDS = frozenset(
    _word_list(
        "a an the and but or nor of in on at by for with without within from to into onto about around "
        "roughly approximately some only just all another nearly almost over under more fewer less than "
        "least these those this that its their his her our my your we they it he she up down after before "
        "since until till through during including among between while when as if so then now also still "
        "yet every each both exactly precisely estimated upwards above below barely perhaps maybe "
        "possibly reportedly altogether overall no not none any which who whose what where there here one"
    )
)
"""Words that can stand before a number with a capital (at the start of a sentence) without naming it."""

_ONES = {
    word: value
    for value, word in enumerate(
        _word_list(
            "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
            "sixteen seventeen eighteen nineteen"
        )
    )
}
_TENS = {
    word: 10 * value
    for value, word in enumerate(_word_list("twenty thirty forty fifty sixty seventy eighty ninety"), start=2)
}
_MULTIPLIERS = {"dozen": 12.0, "hundred": 100.0}
"""Words that multiply the number before them and can be followed by more of the same group."""
_SCALES = {"thousand": 1e3, "lakh": 1e5, "million": 1e6, "crore": 1e7, "billion": 1e9, "trillion": 1e12}
_SCALE_ABBREVIATIONS = {
    "k": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "bln": 1e9,
    "tn": 1e12,
    "trn": 1e12,
}
_SPACED_SCALE = _pattern(
    r"\s+(?:thousand|lakh|million|crore|billion|trillion|hundred|bn|bln|mn|mln|tn|trn)\b"
)
_ADJACENT_SCALE = _pattern(r"(?:bn|bln|mn|mln|tn|trn|m|b|k)\b")
_HYPHEN_SCALE = _pattern(r"[-–](?:thousand|million|billion|trillion)\b")


def _scale_value(word: str) -> float:
    word = word.lower().lstrip("-–").strip()
    return _SCALES.get(word) or _MULTIPLIERS.get(word) or _SCALE_ABBREVIATIONS[word]


# Hedges

_MODIFIERS: dict[str, _Bound] = {
    **dict.fromkeys(
        ("about", "around", "roughly", "approximately", "some", "an estimated", "estimated", "close to"),
        "about",
    ),
    **dict.fromkeys(
        (
            "nearly",
            "almost",
            "just under",
            "just below",
            "just short of",
            "slightly less than",
            "slightly under",
            "a little under",
            "a little less than",
        ),
        "nearly",
    ),
    **dict.fromkeys(
        (
            "more than",
            "over",
            "at least",
            "upwards of",
            "in excess of",
            "no fewer than",
            "no less than",
            "not less than",
            "not fewer than",
            "above",
            "well over",
            "well above",
            "well more than",
            "a minimum of",
        ),
        "at least",
    ),
    **dict.fromkeys(
        (
            "just over",
            "just above",
            "just more than",
            "slightly more than",
            "slightly over",
            "a little over",
            "a little more than",
        ),
        "just over",
    ),
    **dict.fromkeys(
        (
            "fewer than",
            "less than",
            "under",
            "up to",
            "no more than",
            "not more than",
            "at most",
            "as many as",
            "as much as",
            "below",
            "a maximum of",
        ),
        "at most",
    ),
    **dict.fromkeys(("exactly", "precisely"), "exact"),
}
_MODIFIER = _phrases(tuple(_MODIFIERS))
_POSTFIX_BOUNDS: dict[str, _Bound] = {
    "or more": "at least",
    "or so": "about",
    "or fewer": "at most",
    "or less": "at most",
    "+": "at least",
    "-plus": "at least",
    "–plus": "at least",
    "-odd": "about",
    "–odd": "about",
}
_POSTFIX = _pattern(r"\s+or\s+(?:more|so|fewer|less)\b|\+(?!\d)|[-–](?:plus|odd)\b")
_APPROXIMATION = 0.1
"""How far "about N" may stray from N, and "nearly N" fall short of it."""


def _bounded(low: float, high: float, bound: _Bound) -> tuple[float, float]:
    """The interval a hedge makes of the interval of the bare number."""
    if bound == "about":
        return low * (1 - _APPROXIMATION), high * (1 + _APPROXIMATION)
    if bound == "nearly":
        return low * (1 - _APPROXIMATION), high
    if bound == "at least":
        return low, math.inf
    if bound == "just over":
        return low, high * (1 + _APPROXIMATION)
    if bound == "at most":
        return 0.0, high
    return low, high


def _tidy(value: float) -> float:
    """The value to 12 significant digits, so "about 200" is 220 and not 220.00000000000003."""
    return value if math.isinf(value) else float(f"{value:.12g}")


# Vague amounts

_VAGUE_SPANS = {
    "tens": (20.0, 99.0),
    "dozens": (24.0, 99.0),
    "scores": (40.0, 199.0),
    "hundreds": (200.0, 999.0),
    "thousands": (2e3, 9999.0),
    "millions": (2e6, 1e7 - 1),
    "billions": (2e9, 1e10 - 1),
}
"""Spans of plural scale words: at least two of the unit, fewer than the next unit up."""
_VAGUE_UNITS = {"thousands": 1e3, "millions": 1e6, "billions": 1e9}
_VAGUE = _pattern(
    r"(?P<outer>tens|dozens|scores|hundreds|thousands|millions|billions)"
    r"(?:\s+of\s+(?P<inner>thousands|millions|billions))?\b"
)
_FEW = {"a few": (2.0, 5.0), "several": (3.0, 9.0)}
"""How many "a few hundred" and "several dozen" take of their unit."""
_FEW_TIMES = _pattern(r"(?P<few>a\s+few|several)\s+(?P<unit>dozen|hundred|thousand|million|billion)\b")
_HANDFUL = _pattern(r"a\s+handful\b")
_HANDFUL_SPAN = (3.0, 6.0)
_HALF_A = _pattern(r"half\s+an?\s+")

# Units

_PERCENT = _pattern(r"\s*%|\s*[-–]?\s*(?:percent|per\s+cent|pct)\b|\s+(?P<points>percentage\s+points?)\b")
_MINUTES_PER = {
    "second": 1 / 60,
    "minute": 1.0,
    "hour": 60.0,
    "day": 1440.0,
    "week": 10080.0,
    "fortnight": 20160.0,
    "month": 43830.0,
    "year": 525960.0,
    "decade": 5259600.0,
    "century": 52596000.0,
}
"""Minutes in each unit of time; a month and a year are their average lengths."""
_SIGN_WORDS = frozenset(
    {
        *_ONES,
        *_TENS,
        *_MULTIPLIERS,
        *_SCALES,
        *_VAGUE_SPANS,
        "few",
        "several",
        "handful",
        "half",
        "quarter",
        "secs",
        "sec",
        "mins",
        "min",
        "hrs",
        "hr",
        "yrs",
        "yr",
        "centuries",
    }
    | set(_MINUTES_PER)
    | {f"{unit}s" for unit in _MINUTES_PER}
)
"""Words every figure has one of, if it has no digit: number words and units of time. A sentence
without any has no figure, which spares reading it position by position."""
_SIGN_REACH = 12
"""Tokens from where a figure starts to its first sign, at most: a hedge of four words (`a little more
than`), `between`, a currency of five tokens (`U.S. $`) and an article (`an hour`). Positions farther
from a sign start no figure and are not read."""
_DURATION_UNIT = _pattern(
    r"(?P<unit>(?P<second>seconds?|secs?)|(?P<minute>minutes?|mins?)|(?P<hour>hours?|hrs?)|(?P<day>days?)"
    r"|(?P<week>weeks?)|(?P<fortnight>fortnights?)|(?P<month>months?)|(?P<year>years?|yrs?)"
    r"|(?P<decade>decades?)|(?P<century>century|centuries))\b"
)
_AGO = _pattern(r"\s+ago\b")
_AGE = _pattern(r"(?:\s+|[-–])old\b")
_LONG = _pattern(r"[-–]long\b")
_AND_A_FRACTION = _pattern(r"\s+and\s+an?\s+(?P<fraction>half|quarter)\b")
_FRACTIONS = {"half": 0.5, "quarter": 0.25}
_DURATION_JOINER = _pattern(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s+")
_FREQUENCY_WORDS = frozenset({"once", "twice", "thrice", "times", "per", "every", "each"})
"""Words before "a day", "an hour" that make them a rate ("twice a day") rather than a length of time."""

_CURRENCY_SYMBOLS = {
    "$": "USD",
    "us$": "USD",
    "u.s.$": "USD",
    "au$": "AUD",
    "a$": "AUD",
    "ca$": "CAD",
    "c$": "CAD",
    "hk$": "HKD",
    "nz$": "NZD",
    "s$": "SGD",
    "r$": "BRL",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₽": "RUB",
    "₹": "INR",
    "₩": "KRW",
    "₪": "ILS",
    "₺": "TRY",
    "₴": "UAH",
}
_CURRENCY_CODES = {
    code: code
    for code in _word_list("USD EUR GBP CNY JPY RUB INR CHF CAD AUD UAH ILS TRY KRW SAR IRR HKD NZD SGD BRL")
} | {"RMB": "CNY"}
_CURRENCY_SYMBOL = re.compile(
    r"(?<![^\W\d_])(?:US\$|U\.S\.\s?\$|AU\$|A\$|CA\$|C\$|HK\$|NZ\$|S\$|R\$|[$€£¥₽₹₩₪₺₴])\s?"
)
_CURRENCY_CODE_BEFORE = re.compile(r"(?P<code>" + "|".join(_CURRENCY_CODES) + r"|Rs\.?)\s*(?=\d)")
_LEADING_LETTERS = re.compile(r"[^\W\d_]+")
_STARTS = frozenset(
    {phrase.split()[0] for phrase in _MODIFIERS}
    | {"between", "a", "an", "rs"}
    | {re.split(r"\W", symbol)[0] or symbol[0] for symbol in _CURRENCY_SYMBOLS}
    | {code.lower() for code in _CURRENCY_CODES}
    | _SIGN_WORDS
)
"""Lowercased first words (or signs) a figure can start with, besides a digit: a hedge, `between`, a
currency, an article or a number word. A token that is none of them starts no figure."""
_CURRENCY_WORDS = {
    "dollar": "USD",
    "euro": "EUR",
    "pound": "GBP",
    "sterling": "GBP",
    "yuan": "CNY",
    "renminbi": "CNY",
    "ruble": "RUB",
    "rouble": "RUB",
    "yen": "JPY",
    "rupee": "INR",
    "won": "KRW",
    "shekel": "ILS",
    "lira": "TRY",
    "lire": "TRY",
    "hryvnia": "UAH",
    "hryvnya": "UAH",
    "rial": "IRR",
    "riyal": "SAR",
    "franc": "CHF",
    "naira": "NGN",
    "rand": "ZAR",
}
_DOLLAR_COUNTRIES = {
    "us": "USD",
    "u.s.": "USD",
    "american": "USD",
    "canadian": "CAD",
    "australian": "AUD",
    "hong kong": "HKD",
    "new zealand": "NZD",
    "singapore": "SGD",
    "taiwan": "TWD",
    "new taiwan": "TWD",
}
_CURRENCY_WORD = re.compile(
    r"(?:\s+|[-–])(?:(?P<country>US|U\.S\.|American|Canadian|Australian|Hong\s+Kong|New\s+Zealand"
    r"|Singapore|New\s+Taiwan|Taiwan|British|Swiss|Chinese|Russian|Japanese|Indian|Israeli|Turkish"
    r"|Ukrainian|Iranian|Saudi|Nigerian|South\s+African)\s+)?"
    r"(?P<word>(?i:dollars?|euros?|pounds?(?:\s+sterling)?|sterling|yuan|renminbi|rubles?|roubles?|yen"
    r"|rupees?|won|shekels?|lira|liras|lire|hryvnias?|hryvnyas?|rials?|riyals?|francs?|naira|rand))\b"
    r"|\s+(?P<code>" + "|".join(_CURRENCY_CODES) + r")\b"
)
_WEIGHT = _pattern(r"\s+of\b")
"""After "pounds": a weight ("500 pounds of explosives"), not money."""


def _currency_of_word(match: re.Match[str]) -> str:
    if match["code"]:
        return _CURRENCY_CODES[match["code"]]
    word = match["word"].lower().split()[0]
    singular = word if word in _CURRENCY_WORDS else word.removesuffix("s")
    currency = _CURRENCY_WORDS[singular]
    country = _words(match["country"] or "")
    if singular == "dollar" and country:
        return _DOLLAR_COUNTRIES.get(country, currency)
    return currency


# Counted nouns

_STOP_WORDS = frozenset(
    _word_list(
        "a an the of in on at to for from by with and or but nor as than that this these those which who "
        "whom whose what when where while were was is are be been being am has have had do does did will "
        "would shall should can could may might must not no it its they them their theirs he she his her "
        "hers we our you your i me my us said says say told tells according since after before during "
        "until including among between against into onto over under about around per each apiece ago "
        "today yesterday tomorrow last next total there here then also still just only again so yet if"
    )
)
"""Words that end the noun phrase after a number: "12 were killed", "12 in Gaza"."""
_IRREGULAR_PLURALS = {
    "people": "people",
    "men": "man",
    "women": "woman",
    "children": "child",
    "police": "police",
    "personnel": "personnel",
    "staff": "staff",
    "crew": "crew",
    "cattle": "cattle",
    "livestock": "livestock",
    "sheep": "sheep",
    "aircraft": "aircraft",
    "fish": "fish",
    "feet": "foot",
    "teeth": "tooth",
    "geese": "goose",
    "mice": "mouse",
    "lives": "life",
    "wives": "wife",
    "knives": "knife",
    "thieves": "thief",
    "halves": "half",
    "persons": "person",
}
_NOT_PLURAL = frozenset({"news", "series", "species", "means", "lens", "bus", "gas", "yes", "thus", "plus"})
_PREDICATES = frozenset({"dead", "alive", "injured", "wounded", "missing", "killed", "hurt", "held", "free"})
"""Words after "one soldier" that say what happened to it; they are not part of the noun."""
_YEAR_LEADS = frozenset(
    _word_list(
        "in since by until till from of during for before after the this last next early late mid through "
        "between to around"
    )
)
"""Words before a four-digit number that make it a year even with a plural noun ("the 2024 elections")."""
_PRONOUN_LEADS = frozenset({"no", "any", "the", "this", "that", "which", "every", "each", "at", "someone"})
"""Words before "one" that make it a pronoun ("no one", "the one") or an idiom ("at one point")."""
_CHANGE_LEADS = frozenset(
    _word_list(
        "from rose risen fell fallen increased decreased dropped climbed jumped grew declined surged "
        "slipped up down raised cut lowered revised"
    )
)
"""Words before "12 to 15" that make it a change from one figure to another, not a range."""
_RATIO = _pattern(r"\s+(?:in|out\s+of)\s+")
"""Between the two numbers of a ratio ("one in five", "3 out of 4"), which is neither a count nor a
percent as written: passed over."""
_OF_DETERMINER = _pattern(r"\s+of\s+(?:(?:the|their|its|his|her|our)\s+)?")


# Blocking dates, times and names


def _blocked_characters(text: str) -> bytes:
    """Mark the characters of runs that hold a digit but no figure, and of numbers a name or date owns."""
    blocked = bytearray(len(text))
    chunks = list(_CHUNK.finditer(text))
    names_allowed = not _title_case(text)
    for index, chunk in enumerate(chunks):
        raw = chunk.group()
        if not _DIGIT.search(raw):
            continue
        core = _CLOSING.sub("", _OPENING.sub("", raw))
        if not _QUANTITY_CHUNK.fullmatch(core) or _owned_number(chunks, index, core, names_allowed):
            blocked[chunk.start() : chunk.end()] = b"\x01" * len(raw)
    return bytes(blocked)


def _title_case(text: str) -> bool:
    """Whether most longer words have a capital, as in a headline ("Israel Kills 12 Palestinians"),
    where a capital before a number does not make a name."""
    words = [word for word in _WORD.findall(text) if len(word) > 3]
    return len(words) >= 2 and sum(word[0].isupper() for word in words) >= _TITLE_CASE_SHARE * len(words)


def _owned_number(chunks: list[re.Match[str]], index: int, core: str, names_allowed: bool) -> bool:
    """Whether a number belongs to what stands beside it: a name ("Resolution 2334", "COP 29"), a
    date ("January 21", "21 Jan"), a time ("10 a.m.", "1400 GMT", "at 19.30", "20 May 2025 19.30") or
    an age set off by commas after a name ("Trump, 78, said")."""
    if not core[:1].isdigit():
        return False
    previous = chunks[index - 1].group() if index > 0 else ""
    following = [chunk.group() for chunk in chunks[index + 1 : index + 3]]
    if previous in ("#", "No.", "no.", "Nos."):
        return True
    apposition = previous.endswith(",") and re.fullmatch(r"\d{1,3},", chunks[index].group())
    if apposition and _names_what_follows(previous.removesuffix(",")):
        return True
    named = names_allowed and _names_what_follows(previous)
    if named and re.fullmatch(r"\d+", core) and not _scaled(following):
        return True
    if following and following[0].rstrip(".,;:").lower() in _TIME_MARKS | {"a.m.", "p.m."}:
        return True
    clock = re.fullmatch(r"\d{1,2}\.\d\d", core) and not _scaled(following)
    if clock and (previous == "at" or _is_month(previous) or re.fullmatch(r"(?:19|20)\d\d,?", previous)):
        return True
    if following and _words(" ".join(following)).startswith(("local time", "hours gmt")):
        return True
    if re.fullmatch(r"\d{1,2}(?:[-–]\d{1,2})?", core):
        month = following[1] if following and following[0] == "of" and len(following) > 1 else None
        return _is_month(previous) or _is_month(month or (following[0] if following else ""))
    return False


def _names_what_follows(word: str) -> bool:
    """A capitalised word that is not a function word: the number after it is part of a name."""
    bare = word.removesuffix(".")
    return (
        bool(bare)
        and bare[0].isupper()
        and bare.isalpha()
        and bare.lower() not in _FUNCTION_WORDS
        and bare not in _CURRENCY_CODES
        and bare != "Rs"
    )


def _scaled(following: list[str]) -> bool:
    """Whether the words after a number make it an amount ("5 billion", "5 percent"), which no name has."""
    word = following[0].rstrip(".,;:").lower() if following else ""
    return word in _SCALES or word in _SCALE_ABBREVIATIONS or word in ("percent", "per", "%")


def _is_month(word: str) -> bool:
    bare = word.rstrip(".,;:")
    return bool(bare) and bare[0].isupper() and bare.lower() in _MONTHS


# Reading at one position


def _skip_space(text: str, position: int) -> int:
    match = _SPACES.match(text, position)
    return match.end() if match else position


def _previous_word(text: str, position: int) -> str:
    words = re.findall(r"[^\W\d_]+", text[max(0, position - 40) : position])
    return words[-1].lower() if words and text[:position].rstrip().endswith(words[-1]) else ""


def _parse_at(source: _Sentence, position: int, previous_end: int) -> _Parse | None:
    text = source.text
    bound: _Bound = "exact"
    cursor = position
    modifier = _MODIFIER.match(text, position)
    if modifier:
        bound = _MODIFIERS[_words(modifier.group())]
        cursor = _skip_space(text, modifier.end())
    between = _BETWEEN.match(text, cursor)
    if between:
        cursor = between.end()
    core = _core(source, cursor, between is not None, position)
    if core is None or isinstance(core, int):
        return None if core is None else _Parse(None, core)
    ratio = _RATIO.match(text, core.end)
    if ratio and not core.ranged:
        denominator = _amount(source, ratio.end())
        if denominator is not None and not denominator.year:
            return _Parse(None, denominator.end)
    measure = _measure(source, core, position, previous_end, hedged=modifier is not None)
    if measure is None or isinstance(measure, int):
        return None if measure is None else _Parse(None, max(measure, core.end))
    postfix = _POSTFIX.match(text, core.end)
    if postfix and bound == "exact":
        bound = _POSTFIX_BOUNDS[_words(postfix.group())]
    low, high = (_tidy(value) for value in _bounded(measure.low, measure.high, bound))
    start = position if modifier or between else cursor
    quantity = Quantity(text[start : measure.end], start, measure.end, measure.kind, measure.unit, low, high)
    return _Parse(quantity, measure.end)


def _core(source: _Sentence, position: int, between: bool, start: int) -> _Core | int | None:
    """An amount, or two joined into a range, with any currency written before them.

    Returns an offset to pass over for a range whose ends fall ("voted 12 to 3", "2020-21").
    """
    text = source.text
    currency, cursor = _currency_before(text, position)
    first = _amount(source, cursor)
    if first is None:
        return None
    percent = _PERCENT.match(text, first.end)
    after_first = percent.end() if percent and not percent["points"] else first.end
    separator = (_BETWEEN_AND if between else _RANGE_SEPARATOR).match(text, after_first)
    if separator and (between or _previous_word(text, start) not in _CHANGE_LEADS):
        second_currency, second_cursor = _currency_before(text, separator.end())
        second = _amount(source, second_cursor)
        if second is not None and not second.article and second_currency in (None, currency):
            low, high = first.low, first.high
            if first.scale == 1 and second.scale > 1 and first.high * second.scale <= second.high:
                low, high = low * second.scale, high * second.scale
            if low > second.low or high > second.high:
                return second.end
            merged = first._replace(year=first.year and second.year)
            return _Core(
                currency or second_currency, low, second.high, second.end, merged, True, bool(percent)
            )
    if between:
        return None
    return _Core(currency, first.low, first.high, first.end, first, False, False)


def _currency_before(text: str, position: int) -> tuple[str | None, int]:
    symbol = _CURRENCY_SYMBOL.match(text, position)
    if symbol:
        key = re.sub(r"\s", "", symbol.group()).lower()
        return _CURRENCY_SYMBOLS[key], symbol.end()
    code = _CURRENCY_CODE_BEFORE.match(text, position)
    if code:
        name = code["code"]
        return ("INR" if name.startswith("Rs") else _CURRENCY_CODES[name]), code.end()
    return None, position


def _amount(source: _Sentence, position: int) -> _Amount | None:
    """A number at `position`: digits, spelled words, or a vague word such as "dozens"."""
    text = source.text
    if position >= len(text) or source.blocked[position]:
        return None
    if text[position].isdigit():
        return _digits(text, position)
    return _vague(text, position) or _half(text, position) or _spelled(text, position)


def _digits(text: str, position: int) -> _Amount | None:
    match = _DIGITS.match(text, position)
    if match is None:
        return None
    value = float(match.group().replace(",", ""))
    end = match.end()
    scale_match = (
        _ADJACENT_SCALE.match(text, end) or _HYPHEN_SCALE.match(text, end) or _SPACED_SCALE.match(text, end)
    )
    scale = _scale_value(scale_match.group()) if scale_match else 1.0
    if scale_match:
        end = scale_match.end()
    year = scale == 1 and re.fullmatch(r"\d{4}", match.group()) is not None and 1900 <= value <= 2100
    return _Amount(value * scale, value * scale, end, scale=scale, year=year)


def _vague(text: str, position: int) -> _Amount | None:
    """Vague amounts: "dozens", "tens of thousands", "a few hundred", "several dozen", "a handful"."""
    match = _VAGUE.match(text, position)
    if match:
        outer, inner = match["outer"].lower(), (match["inner"] or "").lower()
        if outer == "tens" and not inner:
            return None
        low, high = _VAGUE_SPANS[outer]
        if inner:
            unit = _VAGUE_UNITS[inner]
            low, high = low * unit, (high + 1) * unit - 1
        return _Amount(low, high, match.end(), scale=_VAGUE_UNITS.get(inner or outer, 1.0), vague=True)
    few = _FEW_TIMES.match(text, position)
    if few:
        low, high = _FEW[_words(few["few"])]
        unit = _scale_value(few["unit"])
        return _Amount(low * unit, high * unit, few.end(), scale=unit, vague=True)
    handful = _HANDFUL.match(text, position)
    if handful:
        return _Amount(*_HANDFUL_SPAN, handful.end(), vague=True)
    return None


def _half(text: str, position: int) -> _Amount | None:
    """Halves: "half a million", "half a dozen"; "half an hour" is half of the unit of time after it."""
    match = _HALF_A.match(text, position)
    if match is None:
        return None
    word = _WORD.match(text, match.end())
    if word and word.group().lower() in _SCALES | _MULTIPLIERS:
        value = 0.5 * _scale_value(word.group())
        return _Amount(value, value, word.end(), scale=_scale_value(word.group()))
    if _DURATION_UNIT.match(text, match.end()):
        return _Amount(0.5, 0.5, match.start() + len(match.group().rstrip()), article=True)
    return None


def _spelled(text: str, position: int) -> _Amount | None:
    """A number in words: "twelve", "forty-two", "a hundred", "one hundred and twenty", "two dozen",
    "one and a half", "three million"; "a"/"an" before a unit of time ("an hour").

    A spelled number with a capital inside a sentence is part of a name ("Air Force One", "Group of
    Seven").
    """
    first = _WORD.match(text, position)
    if first is None:
        return None
    word = first.group()
    lower = word.lower()
    if word[0].isupper() and not _starts_sentence(text, position):
        return None
    if lower in ("a", "an"):
        following = _WORD.match(text, _skip_space(text, first.end()))
        if following is None:
            return None
        if following.group().lower() in _SCALES | _MULTIPLIERS:
            return _number_words(text, position)
        unit = _DURATION_UNIT.match(text, following.start())
        if unit and not unit.group().lower().startswith("sec"):
            return _Amount(1.0, 1.0, first.end(), article=True)
        return None
    if lower not in _ONES and lower not in _TENS:
        return None
    return _number_words(text, position)


def _starts_sentence(text: str, position: int) -> bool:
    before = text[:position].rstrip()
    return not before or before[-1] in ".!?:;\"“‘'(—–-"


def _number_words(text: str, position: int) -> _Amount | None:
    """The value of number words from `position`, read like a cheque: groups below a thousand, each
    times its scale word, summed."""
    total, group = 0.0, 0.0
    previous = ""
    end = position
    cursor = position
    scale = 1.0
    words_read = []
    while True:
        match = _WORD.match(text, cursor)
        if match is None:
            break
        word = match.group().lower()
        kind = _number_word_kind(word)
        if kind is None or not _may_follow(previous, kind, word):
            break
        if kind == "one":
            group += _ONES[word]
        elif kind == "ten":
            group += _TENS[word]
        elif kind == "article":
            group = 1.0
        elif kind == "multiplier":
            group = (group or 1.0) * _MULTIPLIERS[word]
            scale = _MULTIPLIERS[word]
        elif kind == "scale":
            total += (group or 1.0) * _SCALES[word]
            group = 0.0
            scale = _SCALES[word]
        words_read.append(word)
        previous, end = kind, match.end()
        fraction = _AND_A_FRACTION.match(text, end)
        if kind in ("one", "ten") and fraction:
            group += _FRACTIONS[fraction["fraction"].lower()]
            previous, end = "fraction", fraction.end()
        joiner = _NUMBER_JOINER.match(text, end)
        if joiner is None:
            break
        if "and" in joiner.group() and previous not in ("multiplier", "scale"):
            break
        if joiner.group() == "-" and previous != "ten":
            break
        cursor = joiner.end()
    if not words_read or words_read == ["a"] or words_read == ["an"]:
        return None
    value = total + group
    return _Amount(value, value, end, scale=scale, pronoun_one=words_read == ["one"])


def _number_word_kind(word: str) -> str | None:
    if word in _ONES:
        return "one"
    if word in _TENS:
        return "ten"
    if word in ("a", "an"):
        return "article"
    if word in _MULTIPLIERS:
        return "multiplier"
    if word in _SCALES:
        return "scale"
    return None


def _may_follow(previous: str, kind: str, word: str) -> bool:
    """Whether number words may come in this order ("forty two", "two hundred", not "two three")."""
    if previous == "":
        return kind in ("one", "ten", "article")
    if previous == "article":
        return kind in ("multiplier", "scale")
    if previous == "one":
        return kind in ("multiplier", "scale")
    if previous == "ten":
        return (kind == "one" and 0 < _ONES[word] < 10) or kind == "scale"
    if previous == "fraction":
        return kind == "scale"
    return kind in ("one", "ten", "scale")


# What the words after a number make of it


def _measure(
    source: _Sentence, core: _Core, start: int, previous_end: int, hedged: bool
) -> _Measure | int | None:
    """Kind, unit and interval from the words after the number; an offset to pass over for what is
    not a quantity (an age, "two days ago", a fraction, a year), None for no figure here."""
    text = source.text
    end = core.end
    first = core.first
    hyphenated = _hyphenated(text, core)
    if hyphenated is not None:
        return hyphenated
    postfix = _POSTFIX.match(text, end)
    if postfix:
        end = postfix.end()
    if core.currency:
        suffix = _CURRENCY_WORD.match(text, end)
        return _Measure("money", core.currency, core.low, core.high, suffix.end() if suffix else end)
    percent = _PERCENT.match(text, end)
    if percent or core.percent:
        unit = "percentage point" if percent and percent["points"] else "%"
        return _Measure("percent", unit, core.low, core.high, percent.end() if percent else end)
    money = _money_after(text, end, core)
    if money is not None:
        return money
    duration = _duration(text, end, core, start, previous_end)
    if duration is not None:
        return duration
    if first.article:
        return None
    if first.vague:
        of = _OF_DETERMINER.match(text, end)
        if of:
            money = _money_after(text, of.end() - 1, core)
            if money is not None:
                return money
            noun, noun_end = _counted_noun(text, of.end() - 1, singular=False)
            if noun:
                return _Measure("count", noun, core.low, core.high, noun_end)
    singular = not core.ranged and core.low == core.high == 1
    noun, noun_end = _counted_noun(text, end, singular)
    previous = _previous_word(text, start)
    if first.pronoun_one and (not noun or previous in _PRONOUN_LEADS):
        return None
    if first.year and not hedged and (not noun or previous in _YEAR_LEADS):
        return core.end
    return _count(core, noun, noun_end, end)


def _count(core: _Core, noun: str, noun_end: int, end: int) -> _Measure:
    return _Measure("count", noun, core.low, core.high, noun_end if noun else end)


def _hyphenated(text: str, core: _Core) -> _Measure | int | None:
    """A number joined by a hyphen to a word: a unit of time ("90-minute", "two-hour"), money
    ("billion-dollar"), or else an age, a fraction or a descriptor ("12-year-old", "two-thirds",
    "10-point"), which are passed over."""
    match = _HYPHEN_WORDS.match(text, core.end)
    if match is None:
        return None
    word = match["word"].lower()
    if word in ("plus", "odd"):
        return None
    unit = _DURATION_UNIT.fullmatch(match["word"])
    if unit and not core.currency and not _AGE.match(text, unit.end() + match.start("word")):
        per = _MINUTES_PER[_unit_name(unit)]
        long = _LONG.match(text, match.end("word"))
        end = long.end() if long else match.end("word")
        return _Measure("duration", "minutes", core.low * per, core.high * per, end)
    currency = _CURRENCY_WORD.match(text, core.end)
    if currency and currency.start("word") == match.start("word"):
        return _Measure("money", _currency_of_word(currency), core.low, core.high, currency.end())
    percent = _PERCENT.match(text, core.end)
    if percent:
        return _Measure("percent", "%", core.low, core.high, percent.end())
    return match.end()


def _money_after(text: str, position: int, core: _Core) -> _Measure | int | None:
    """A currency named after the number ("3bn dollars", "40 million euros"); "pounds of" is a weight."""
    match = _CURRENCY_WORD.match(text, position)
    if match is None:
        return None
    if match["word"] and match["word"].lower().startswith("pound") and _WEIGHT.match(text, match.end()):
        return match.end()
    return _Measure("money", _currency_of_word(match), core.low, core.high, match.end())


def _duration(text: str, position: int, core: _Core, start: int, previous_end: int) -> _Measure | int | None:
    """A length of time in minutes: "90 minutes", "an hour and 35 minutes", "one and a half hours".

    "Two days ago" dates an event from the day of writing, which differs between outlets, and "a
    12-year-old" is an age: both are passed over. So are "a day" and "an hour" as rates ("twice a day",
    "$3 billion a year"). "Two days after the attack" is kept: it measures from the event itself.
    """
    if not text[position : position + 1].isspace():
        return None
    unit = _DURATION_UNIT.match(text, _skip_space(text, position))
    if unit is None:
        return None
    name = _unit_name(unit)
    indefinite = core.first.article or core.first.pronoun_one
    if name == "second" and indefinite and not unit.group().lower().endswith("s"):
        return None
    for passed_over in (_AGE, _AGO):
        match = passed_over.match(text, unit.end())
        if match:
            return match.end()
    if indefinite and (
        _previous_word(text, start) in _FREQUENCY_WORDS
        or (previous_end >= 0 and not text[previous_end:start].strip())
    ):
        return unit.end()
    per = _MINUTES_PER[name]
    low, high, end = core.low * per, core.high * per, unit.end()
    fraction = _AND_A_FRACTION.match(text, end)
    if fraction:
        extra = per * _FRACTIONS[fraction["fraction"].lower()]
        low, high, end = low + extra, high + extra, fraction.end()
    else:
        smaller = _smaller_unit(text, end, per)
        if smaller is not None:
            extra, end = smaller
            low, high = low + extra, high + extra
    long = _LONG.match(text, end)
    return _Measure("duration", "minutes", low, high, long.end() if long else end)


def _unit_name(unit: re.Match[str]) -> str:
    return next(name for name, value in unit.groupdict().items() if value and name != "unit")


def _smaller_unit(text: str, position: int, per: float) -> tuple[float, int] | None:
    """The rest of a compound length of time ("and 35 minutes" after "an hour"), in minutes."""
    joiner = _DURATION_JOINER.match(text, position)
    if joiner is None:
        return None
    cursor = joiner.end()
    if cursor >= len(text):
        return None
    amount = _DIGITS.match(text, cursor)
    if amount:
        value, end = float(amount.group().replace(",", "")), amount.end()
    else:
        spelled = _spelled(text, cursor)
        if spelled is None:
            return None
        value, end = spelled.low, spelled.end
    if not text[end : end + 1].isspace():
        return None
    unit = _DURATION_UNIT.match(text, _skip_space(text, end))
    if unit is None or _MINUTES_PER[_unit_name(unit)] >= per:
        return None
    return value * _MINUTES_PER[_unit_name(unit)], unit.end()


def _counted_noun(text: str, position: int, singular: bool) -> tuple[str, int]:
    """The noun a number counts and where it ends, or "" when the words after it name none.

    It is the first plural noun among the next few words ("12 Iraqi army soldiers"), extended over a
    plural noun straight after it ("12 Hamas fighters", "12 police officers"); after "one" it is the
    noun past any adjectives ("one Iraqi soldier", "one aid worker").
    """
    words: list[re.Match[str]] = []
    cursor = position
    while len(words) < 4:
        gap = _GAP.match(text, cursor)
        word = _NOUN_WORD.match(text, gap.end()) if gap else None
        if word is None or _ends_noun_phrase(word.group()):
            break
        words.append(word)
        cursor = word.end()
    chosen = _singular_noun(words) if singular else _plural_noun(words)
    if chosen is None:
        return "", position
    return (_singular_form(chosen.group()) if not singular else chosen.group().lower()), chosen.end()


def _ends_noun_phrase(word: str) -> bool:
    """A function word or a number word; "US" and "UN" in capitals are names, not "us" and "un"."""
    lower = word.lower()
    acronym = len(word) > 1 and word.isupper()
    return (lower in _STOP_WORDS and not acronym) or _number_word_kind(lower) is not None


def _plural_noun(words: list[re.Match[str]]) -> re.Match[str] | None:
    for index, word in enumerate(words):
        if _plural_like(word.group()):
            while index + 1 < len(words) and _plural_like(words[index + 1].group()):
                index += 1
            return words[index]
    return None


def _singular_noun(words: list[re.Match[str]]) -> re.Match[str] | None:
    for index, word in enumerate(words):
        lower = word.group().lower()
        has_next = index + 1 < len(words)
        if lower in _PREDICATES or lower.endswith(("ed", "ing")):
            if has_next:
                continue
            return None
        if word.group()[0].isupper() and has_next and words[index + 1].group()[0].islower():
            continue
        following = words[index + 1].group() if has_next else ""
        if (
            following[:1].islower()
            and not following.endswith(("s", "ed", "ing", "ly"))
            and following not in _PREDICATES
        ):
            return words[index + 1]
        return word
    return None


def _plural_like(word: str) -> bool:
    """Whether a word looks like a plural noun ("soldiers", "people", "Palestinians"), not "crisis"."""
    lower = word.lower()
    last = lower.rsplit("-", 1)[-1]
    if lower in _IRREGULAR_PLURALS or last in _IRREGULAR_PLURALS:
        return True
    if _ends_noun_phrase(word) or last in _NOT_PLURAL or len(last) < 3 or not last.endswith("s"):
        return False
    if last.endswith(("ss", "us", "ous")):
        return False
    if word[0].isupper():
        return not last.endswith(("as", "os"))
    return not last.endswith("is")


def _singular_form(word: str) -> str:
    """The singular of a plural noun, lowercased: "soldiers" → "soldier", "casualties" → "casualty"."""
    head, hyphen, last = word.lower().rpartition("-")
    if last in _IRREGULAR_PLURALS:
        singular = _IRREGULAR_PLURALS[last]
    elif last.endswith("ies") and len(last) > 4:
        singular = last[:-3] + "y"
    elif last.endswith(("sses", "xes", "ches", "shes", "zes")):
        singular = last[:-2]
    else:
        singular = last.removesuffix("s")
    return head + hyphen + singular
