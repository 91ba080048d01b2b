"""When an event happened: the temporal expression of its sentence, resolved against the publication date.

News copy dates events relative to the day it was filed ("on Tuesday", "last week", "a day after Trump
took office"), so an expression means nothing without the article's publication date, the *anchor*. Each
resolved date keeps only the precision the text gives, written as an ISO value:

- day: `2025-01-21`; month: `2025-01`; year: `2025`;
- range: `2025-01-13..2025-01-19`, both ends included;
- before: `<2025-01-21`, strictly before that day. "Recently" and the untimed default (a sentence with
  no date at all) are both `<` the anchor: a report tells of something that happened before it was
  published (the convention of the project's gold files); same-day events name their day.

Times of day, durations ("a two-hour call", "for 30 years"), ages and ordinals ("45th President") are not
dates: no pattern here matches them. Role-relative expressions ("during his first term") need the dates
of people's roles, which the caller supplies as `RoleIntervals`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator, Sequence
from typing import Literal, NamedTuple, cast

from dyads.extract.datetext import MONTHS, PLAN_WORDS, WEEKDAYS, coming_weekday, iso_monday

Precision = Literal["day", "month", "year", "before", "range"]

RoleIntervals = Callable[[str], Sequence[tuple[dt.date, dt.date | None]]]
"""Given a person's name as written, the intervals of their roles (start, end or None), oldest first."""


class ResolvedDate(NamedTuple):
    """An event date as an ISO value (see the module docstring), and the words of the text that gave it.

    `start` and `end` are character offsets of the expression in the text that was resolved; both are
    -1 for the untimed default, which no words gave.
    """

    value: str
    precision: Precision
    start: int
    end: int


def find_date_expression(text: str) -> tuple[int, int] | None:
    """Offsets of the first temporal expression in a sentence or clause, resolvable or not.

    Of overlapping expressions the longest is the one meant: `on Tuesday, January 21` rather than
    `on Tuesday`, `a day after Trump took office` rather than `after Trump took office`.
    """
    first = next(_expressions(text), None)
    return first.match.span() if first else None


def resolve_date_expression(
    expression: str, anchor: dt.date, roles: RoleIntervals | None = None, context: str = ""
) -> ResolvedDate | None:
    """The first expression in `expression` that resolves against `anchor`, with offsets in `expression`.

    `context` is the sentence the expression comes from: it decides the tense (`in May` looks ahead in
    a sentence about plans) and names the person a pronoun stands for (`during his first term`).
    """
    sentence = context or expression
    found = sentence.find(expression)
    text_offset = found if found >= 0 else len(sentence)
    return _first_resolved(expression, _Situation(anchor, roles, sentence, text_offset))


def resolve_event_date(text: str, anchor: dt.date, roles: RoleIntervals | None = None) -> ResolvedDate:
    """The date of the event a sentence reports: its first resolvable expression, else untimed.

    An untimed event is only known to have happened before the publication date, so it gets the same
    `before` value as "recently", with offsets -1.
    """
    resolved = _first_resolved(text, _Situation(anchor, roles, text, 0))
    if resolved is not None:
        return resolved
    dating = _before(anchor)
    return ResolvedDate(dating.value, dating.precision, -1, -1)


class _Dating(NamedTuple):
    """A resolved value and precision, before the offsets of its expression are attached."""

    value: str
    precision: Precision


class _Situation(NamedTuple):
    """What an expression is resolved against.

    `text_offset` is where the text being searched starts in `sentence`, so that a pronoun can be
    matched to the nearest name before it in the whole sentence.
    """

    anchor: dt.date
    roles: RoleIntervals | None
    sentence: str
    text_offset: int


class _Rule(NamedTuple):
    """A kind of temporal expression: its pattern, and how a match becomes a date (None if it cannot)."""

    pattern: re.Pattern[str]
    resolve: Callable[[re.Match[str], _Situation], _Dating | None]


class _Expression(NamedTuple):
    """Where a rule matched in the text, kept with the rule that knows how to resolve it."""

    match: re.Match[str]
    rule: _Rule


def _first_resolved(text: str, situation: _Situation) -> ResolvedDate | None:
    for expression in _expressions(text):
        dating = expression.rule.resolve(expression.match, situation)
        if dating is not None:
            return ResolvedDate(dating.value, dating.precision, *expression.match.span())
    return None


def _expressions(text: str) -> Iterator[_Expression]:
    """The temporal expressions of `text` in order; of matches that overlap, only the longest.

    Only the longest is tried, not the shorter ones inside it: `a day after Smith took office` for a
    Smith with no known role is unresolvable, not "after" something.
    """
    matches = sorted(
        (_Expression(match, rule) for rule in _RULES for match in rule.pattern.finditer(text)),
        key=lambda found: (found.match.start(), -found.match.end()),
    )
    longest: _Expression | None = None
    overlap_end = -1
    for found in matches:
        if longest is not None and found.match.start() >= overlap_end:
            yield longest
            longest = None
        if longest is None or _length(found) > _length(longest):
            longest = found
        overlap_end = max(overlap_end, found.match.end())
    if longest is not None:
        yield longest


def _length(expression: _Expression) -> int:
    return expression.match.end() - expression.match.start()


# Values


_ONE_DAY = dt.timedelta(days=1)


def _day(day: dt.date) -> _Dating:
    return _Dating(day.isoformat(), "day")


def _month(year: int, month: int) -> _Dating:
    return _Dating(f"{year:04d}-{month:02d}", "month")


def _year(year: int) -> _Dating:
    return _Dating(f"{year:04d}", "year")


def _range(first: dt.date, last: dt.date) -> _Dating:
    return _Dating(f"{first.isoformat()}..{last.isoformat()}", "range")


def _before(day: dt.date) -> _Dating:
    return _Dating(f"<{day.isoformat()}", "before")


# Pattern pieces. Patterns are case-insensitive except for month names and personal names, whose capital
# letter tells them from words ("in May" vs "may", "March 5" vs "march").

_MONTH = (
    r"(?P<month>(?-i:"
    + "|".join(name.capitalize() for name in sorted(MONTHS, key=len, reverse=True))
    + r"))\b(?!-)\.?"
)
_WEEKDAY_NAME = "(?:" + "|".join(WEEKDAYS) + ")"
_WEEKDAY = rf"(?P<weekday>{_WEEKDAY_NAME})\b"
_YEAR_DIGITS = r"(?:19|20)\d\d"
_DAY_OF_MONTH = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\b"
_OPTIONAL_YEAR = rf"(?:,?\s+(?P<year>{_YEAR_DIGITS})\b)?"
_DATE_LEAD = rf"(?:(?:on|since|until|by|from|before|after)\s+)?(?:{_WEEKDAY_NAME},?\s+)?(?:the\s+)?"
_PART_OF = r"(?:(?:early|late)\s+|mid-)?"
_PERIOD_LEAD = r"(?:in|during|since|until|by|from|through|throughout)\s+"

_NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "the": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
"""Counts written as words; articles count one ("a day after", "the day before")."""
_COUNT = r"(?P<count>\d{1,3}|" + "|".join(_NUMBER_WORDS) + ")"

_CAPITAL = "A-ZÀ-ÖØ-Þ"
_NAME = rf"(?-i:[{_CAPITAL}][\w-]*\.?(?:\s+[{_CAPITAL}][\w-]*\.?){{0,3}})"
_TAKING_OFFICE = (
    r"(?:(?:took|takes|taking|assumed)\s+office|(?:was\s+)?(?:sworn\s+in|inaugurated)"
    r"|returned\s+to\s+(?:office|power|the\s+White\s+House))"
)
_INAUGURATION = r"(?:inauguration|swearing[- ]in|return\s+to\s+(?:office|power|the\s+White\s+House))"
_ROLE_START = (
    rf"(?:(?:(?P<person>{_NAME})|he|she)\s+{_TAKING_OFFICE}"
    rf"|(?:(?P<owner>{_NAME})['’]s|his|her)\s+{_INAUGURATION}"
    r"|(?:taking|assuming)\s+office)"
)


def _pattern(source: str) -> re.Pattern[str]:
    return re.compile(source, re.IGNORECASE)


def _phrases(phrases: Sequence[str]) -> re.Pattern[str]:
    """A pattern for fixed phrases, longest first, with any run of spaces between their words."""
    ordered = sorted(phrases, key=len, reverse=True)
    return _pattern(r"\b(?:" + "|".join(phrase.replace(" ", r"\s+") for phrase in ordered) + r")\b")


def _words(text: str) -> str:
    return " ".join(text.lower().split())


# Explicit dates


_SCHEDULE_WINDOW = dt.timedelta(days=7)
"""How far after the anchor a date without a year may fall: copy announces schedules a week ahead."""
_LEAP_CYCLE_YEARS = 8
"""The longest gap between two February 29ths (1896 to 1904)."""

_ISO_DATE = _pattern(rf"\b{_DATE_LEAD}(?P<year>{_YEAR_DIGITS})-(?P<month>\d\d)-(?P<day>\d\d)\b")
_MONTH_DAY = _pattern(rf"\b{_DATE_LEAD}{_MONTH}\s+{_DAY_OF_MONTH}{_OPTIONAL_YEAR}")
_DAY_MONTH = _pattern(rf"\b{_DATE_LEAD}{_DAY_OF_MONTH}\s+(?:of\s+)?{_MONTH}{_OPTIONAL_YEAR}")
_MONTH_YEAR = _pattern(rf"\b(?:{_PERIOD_LEAD})?{_PART_OF}{_MONTH},?\s+(?P<year>{_YEAR_DIGITS})\b")
_MONTH_ALONE = _pattern(rf"\b(?:for\s+|{_PERIOD_LEAD}){_PART_OF}{_MONTH}(?!\.?\s*\d)")
_YEAR = _pattern(rf"\b{_PERIOD_LEAD}{_PART_OF}(?P<year>{_YEAR_DIGITS})\b(?![-–/.,]\d)")
_DECADE = _pattern(rf"\b(?:{_PERIOD_LEAD})?the\s+{_PART_OF}(?P<decade>(?:1[89]|20)\d0)['’]?s\b")
_FUTURE = _pattern(
    r"\b(?:will|shall|plans?\s+to|planned|planning|scheduled|expected\s+to|upcoming|next)\b|['’]ll\b"
)
"""Words that put a sentence about the future, so that a month without a year is the coming one."""


def _month_number(match: re.Match[str]) -> int:
    return MONTHS[match["month"].lower()]


def _valid_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _resolve_iso_date(match: re.Match[str], situation: _Situation) -> _Dating | None:
    date = _valid_date(int(match["year"]), int(match["month"]), int(match["day"]))
    return _day(date) if date else None


def _resolve_calendar_date(match: re.Match[str], situation: _Situation) -> _Dating | None:
    """A month and day; without a year, the latest such date up to a week after the anchor."""
    month, day = _month_number(match), int(match["day"])
    if match["year"]:
        date = _valid_date(int(match["year"]), month, day)
        return _day(date) if date else None
    limit = situation.anchor + _SCHEDULE_WINDOW
    for year in range(limit.year, limit.year - _LEAP_CYCLE_YEARS - 1, -1):
        date = _valid_date(year, month, day)
        if date is not None and date <= limit:
            return _day(date)
    return None


def _resolve_month_year(match: re.Match[str], situation: _Situation) -> _Dating:
    return _month(int(match["year"]), _month_number(match))


def _resolve_month_alone(match: re.Match[str], situation: _Situation) -> _Dating:
    """The latest such month up to the anchor's; the next from the anchor's on if the sentence looks ahead."""
    month, anchor = _month_number(match), situation.anchor
    if _FUTURE.search(situation.sentence):
        return _month(anchor.year if month >= anchor.month else anchor.year + 1, month)
    return _month(anchor.year if month <= anchor.month else anchor.year - 1, month)


def _resolve_year(match: re.Match[str], situation: _Situation) -> _Dating:
    return _year(int(match["year"]))


def _resolve_decade(match: re.Match[str], situation: _Situation) -> _Dating:
    """The whole decade, also for its early or late years: the text gives no finer bounds."""
    first = int(match["decade"])
    return _range(dt.date(first, 1, 1), dt.date(first + 9, 12, 31))


# Weekdays


_WEEKDAY_IN_WEEK = _pattern(rf"\b(?:on\s+)?{_WEEKDAY}(?:\s+of)?\s+(?P<week>last|this|next)\s+week\b")
_WEEKDAY_NEAREST = _pattern(rf"\b(?P<direction>next|last|this\s+coming|this\s+past)\s+{_WEEKDAY}")
_WEEKDAY_BARE = _pattern(
    rf"\b(?:(?:early|late|later|earlier)\s+)?(?:(?:on|since|until|by)\s+)?{_WEEKDAY}(?:['’]s)?"
)
_WEEK_SHIFTS = {"last": -1, "this": 0, "next": 1}
_AHEAD = frozenset({"next", "this coming"})
_PLANNED = _pattern(r"\b(?:" + PLAN_WORDS + ")")
"""Words that put a weekday after them in the same clause ahead of the anchor: `the vote will go
ahead on Wednesday`, not `said on Wednesday it will`."""
_CLAUSE_BREAK = re.compile(r"[,;:!?()\"“”]")


def _weekday_number(match: re.Match[str]) -> int:
    return WEEKDAYS.index(match["weekday"].lower())


def _resolve_weekday(match: re.Match[str], situation: _Situation) -> _Dating:
    """The latest such weekday on or before the anchor: copy reports the days just past. A weekday
    its clause plans for (`would go ahead as planned on Wednesday`) is the first on or after it."""
    anchor, weekday = situation.anchor, _weekday_number(match)
    clause = _CLAUSE_BREAK.split(situation.sentence[: situation.text_offset + match.start()])[-1]
    if _PLANNED.search(clause):
        return _day(coming_weekday(anchor, match["weekday"]))
    return _day(anchor - dt.timedelta(days=(anchor.weekday() - weekday) % 7))


def _resolve_nearest_weekday(match: re.Match[str], situation: _Situation) -> _Dating:
    """`next Tuesday`: the first after the anchor; `last Tuesday`: the last before it."""
    anchor, weekday = situation.anchor, _weekday_number(match)
    if _words(match["direction"]) in _AHEAD:
        return _day(anchor + dt.timedelta(days=(weekday - anchor.weekday() - 1) % 7 + 1))
    return _day(anchor - dt.timedelta(days=(anchor.weekday() - weekday - 1) % 7 + 1))


def _resolve_weekday_in_week(match: re.Match[str], situation: _Situation) -> _Dating:
    """`Tuesday next week`: that weekday in the (ISO, Monday-first) week before, of or after the anchor."""
    monday = iso_monday(situation.anchor, _WEEK_SHIFTS[match["week"].lower()])
    return _day(monday + dt.timedelta(days=_weekday_number(match)))


# Days, weeks, months and years counted from the anchor


_Unit = Literal["day", "week", "month", "year"]

_NAMED_SHIFTS: dict[str, tuple[_Unit, int]] = {
    "today": ("day", 0),
    "earlier today": ("day", 0),
    "later today": ("day", 0),
    "this morning": ("day", 0),
    "this afternoon": ("day", 0),
    "this evening": ("day", 0),
    "tonight": ("day", 0),
    "yesterday": ("day", -1),
    "last night": ("day", -1),
    "the day before": ("day", -1),
    "a day earlier": ("day", -1),
    "the previous day": ("day", -1),
    "the day before yesterday": ("day", -2),
    "tomorrow": ("day", 1),
    "last week": ("week", -1),
    "the previous week": ("week", -1),
    "this week": ("week", 0),
    "earlier this week": ("week", 0),
    "next week": ("week", 1),
    "last month": ("month", -1),
    "the previous month": ("month", -1),
    "this month": ("month", 0),
    "earlier this month": ("month", 0),
    "next month": ("month", 1),
    "last year": ("year", -1),
    "the previous year": ("year", -1),
    "this year": ("year", 0),
    "earlier this year": ("year", 0),
    "next year": ("year", 1),
}
_NAMED_SHIFT = _phrases(tuple(_NAMED_SHIFTS))
_AGO = _pattern(rf"\b{_COUNT}\s+(?P<unit>day|week|month|year)s?\s+ago\b")
_RECENTLY = _phrases(
    (
        "recently",
        "lately",
        "in recent days",
        "in recent weeks",
        "in recent months",
        "in the past few days",
        "in the past few weeks",
        "a few days ago",
        "a few weeks ago",
        "several days ago",
        "several weeks ago",
    )
)


def _count(match: re.Match[str]) -> int:
    written = match["count"].lower()
    return int(written) if written.isdigit() else _NUMBER_WORDS[written]


def _shifted(unit: _Unit, shift: int, anchor: dt.date) -> _Dating:
    """The day, week, month or year `shift` units from the anchor's.

    A week is the ISO week, Monday to Sunday; the current one ends at the anchor, since the rest of it
    has not happened yet.
    """
    if unit == "day":
        return _day(anchor + dt.timedelta(days=shift))
    if unit == "week":
        monday = iso_monday(anchor, shift)
        return _range(monday, anchor if shift == 0 else monday + dt.timedelta(days=6))
    if unit == "month":
        year, month_index = divmod(anchor.year * 12 + anchor.month - 1 + shift, 12)
        return _month(year, month_index + 1)
    return _year(anchor.year + shift)


def _resolve_named_shift(match: re.Match[str], situation: _Situation) -> _Dating:
    unit, shift = _NAMED_SHIFTS[_words(match.group())]
    return _shifted(unit, shift, situation.anchor)


def _resolve_ago(match: re.Match[str], situation: _Situation) -> _Dating:
    return _shifted(cast(_Unit, match["unit"].lower()), -_count(match), situation.anchor)


def _resolve_recently(match: re.Match[str], situation: _Situation) -> _Dating:
    return _before(situation.anchor)


# Roles: "a day after Trump took office", "during his first term"


_ROLE_DAY = _pattern(rf"\b{_COUNT}\s+(?P<unit>day|week)s?\s+(?P<relation>after|before)\s+{_ROLE_START}")
_SINCE_ROLE_START = _pattern(rf"\b(?:(?:soon|shortly)\s+)?(?:after|since|following)\s+{_ROLE_START}")
_BEFORE_ROLE_START = _pattern(rf"\b(?:before|prior\s+to)\s+{_ROLE_START}")
_AT_ROLE_START = _pattern(rf"\b(?:when|as|on\s+the\s+day)\s+{_ROLE_START}")
_ORDINALS = {"first": 0, "second": 1, "third": 2, "fourth": 3}
_TERM = _pattern(
    rf"\b(?:(?:during|in|throughout|over)\s+)?(?:(?P<owner>{_NAME})['’]s|his|her)\s+"
    rf"(?P<ordinal>{'|'.join(_ORDINALS)})\s+(?:term|presidency|administration|tenure|mandate)\b"
)
_CAPITALIZED_NAME = re.compile(_NAME)


def _role_intervals(match: re.Match[str], situation: _Situation) -> Sequence[tuple[dt.date, dt.date | None]]:
    """The roles of the person the expression names, or for a pronoun of the nearest known name.

    A written name may carry a title or first name the roles do not ("President Donald Trump"), so
    ever shorter endings of it are tried.
    """
    if situation.roles is None:
        return ()
    groups = match.groupdict()
    written = groups.get("person") or groups.get("owner")
    names = [written] if written else _names_around(situation.sentence, situation.text_offset + match.start())
    for name in names:
        words = [word.rstrip(".") for word in name.split()]
        for first in range(len(words)):
            intervals = situation.roles(" ".join(words[first:]))
            if intervals:
                return intervals
    return ()


def _names_around(sentence: str, position: int) -> list[str]:
    """Capitalized names nearest first: those before `position`, then those after it."""
    names = list(_CAPITALIZED_NAME.finditer(sentence))
    before = [name.group() for name in reversed(names) if name.end() <= position]
    after = [name.group() for name in names if name.start() >= position]
    return before + after


def _latest_role_start(match: re.Match[str], situation: _Situation) -> dt.date | None:
    """The start of the latest role begun by the anchor: the one an article about "now" refers to."""
    intervals = _role_intervals(match, situation)
    return max((start for start, _ in intervals if start <= situation.anchor), default=None)


def _resolve_role_day(match: re.Match[str], situation: _Situation) -> _Dating | None:
    start = _latest_role_start(match, situation)
    if start is None:
        return None
    days = _count(match) * (7 if match["unit"].lower() == "week" else 1)
    return _day(start + dt.timedelta(days=days if match["relation"].lower() == "after" else -days))


def _resolve_since_role_start(match: re.Match[str], situation: _Situation) -> _Dating | None:
    start = _latest_role_start(match, situation)
    return _range(start, situation.anchor) if start else None


def _resolve_before_role_start(match: re.Match[str], situation: _Situation) -> _Dating | None:
    start = _latest_role_start(match, situation)
    return _before(start) if start else None


def _resolve_at_role_start(match: re.Match[str], situation: _Situation) -> _Dating | None:
    start = _latest_role_start(match, situation)
    return _day(start) if start else None


def _resolve_term(match: re.Match[str], situation: _Situation) -> _Dating | None:
    """The nth role interval; one still running ends at the anchor."""
    intervals = _role_intervals(match, situation)
    index = _ORDINALS[match["ordinal"].lower()]
    if index >= len(intervals) or intervals[index][0] > situation.anchor:
        return None
    start, end = intervals[index]
    return _range(start, end if end is not None else situation.anchor)


_RULES = (
    _Rule(_ROLE_DAY, _resolve_role_day),
    _Rule(_SINCE_ROLE_START, _resolve_since_role_start),
    _Rule(_BEFORE_ROLE_START, _resolve_before_role_start),
    _Rule(_AT_ROLE_START, _resolve_at_role_start),
    _Rule(_TERM, _resolve_term),
    _Rule(_ISO_DATE, _resolve_iso_date),
    _Rule(_MONTH_DAY, _resolve_calendar_date),
    _Rule(_DAY_MONTH, _resolve_calendar_date),
    _Rule(_MONTH_YEAR, _resolve_month_year),
    _Rule(_MONTH_ALONE, _resolve_month_alone),
    _Rule(_DECADE, _resolve_decade),
    _Rule(_YEAR, _resolve_year),
    _Rule(_WEEKDAY_IN_WEEK, _resolve_weekday_in_week),
    _Rule(_WEEKDAY_NEAREST, _resolve_nearest_weekday),
    _Rule(_WEEKDAY_BARE, _resolve_weekday),
    _Rule(_NAMED_SHIFT, _resolve_named_shift),
    _Rule(_AGO, _resolve_ago),
    _Rule(_RECENTLY, _resolve_recently),
)
"""Every kind of expression; of two matches with the same span, the first listed is the one meant."""
