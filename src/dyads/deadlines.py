"""Deadlines a sentence sets: `by the end of June`, `a deadline of the end of August`, `before the summer`,
`due to begin operating in 2026`; and the days planned happenings are set for: `the vote would go ahead
as planned on Wednesday`, `talks are expected to resume next week`.

Outlets retelling one ultimatum disagree on its deadline as often as on its figures, and a deadline
compares like one: it is read as the interval of days its words allow (`the end of June` is its last
ten days, `the summer` starts by the solstice), in the future of the publication date (a deadline lies
ahead), and two deadlines conflict when their intervals do not meet. Only sentences that look ahead
or set a condition are read (`by March the army had withdrawn` tells what happened, not a deadline).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from dyads.extract.datetext import MONTH, MONTHS, PLAN_WORDS, WEEKDAYS, coming_weekday, iso_monday
from dyads.quantities import Quantity

_SEASON_STARTS = {
    "spring": ((3, 1), (3, 20)),
    "summer": ((6, 1), (6, 20)),
    "autumn": ((9, 1), (9, 22)),
    "fall": ((9, 1), (9, 22)),
    "winter": ((12, 1), (12, 21)),
}
"""When a season starts, from the meteorological to the astronomical start: `before the summer` and
`by the summer` end within it, so `the end of June` is later."""
_END_DAYS = 10
"""`The end of June` is its last ten days: `June 25` fits it, `June 15` does not."""

_DEADLINE = re.compile(
    r"\b(?:by|before|until|no\s+later\s+than|deadline\s+(?:of|for)"
    r"|(?:due|expected|scheduled|set)\s+to(?:\s+[a-z]+){1,3}?\s+(?:in|by))\s+(?P<when>"
    r"the\s+end\s+of\s+(?:(?P<end_month>" + MONTH + r")(?:\s+(?P<end_month_year>\d{4}))?"
    r"|(?:the|this)\s+year|(?P<end_year>\d{4}))"
    r"|(?P<month>" + MONTH + r")(?:\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?)?(?:,?\s+(?P<year>\d{4}))?"
    r"|(?:the\s+)?(?P<season>spring|summer|autumn|fall|winter)"
    r"|(?P<year_alone>(?:19|20)\d\d)"
    r")\b",
    re.IGNORECASE,
)
_PLANNED_DAY = re.compile(
    r"\b(?:(?:" + PLAN_WORDS + r")[^,;:.!?()\"“”]{0,80}?\s"
    r"|(?:by|before|until|no\s+later\s+than)\s+)(?:on\s+)?(?P<when>"
    r"(?P<weekday>" + "|".join(WEEKDAYS) + r")"
    r"|(?P<week>next|this|later\s+this)\s+week"
    r"|(?P<month>" + MONTH + r")\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{4}))?"
    r")\b",
    re.IGNORECASE,
)
"""A day or week that a plan earlier in its clause, or a deadline, sets: `would go ahead as planned on
Wednesday`, `by Friday`, `is expected to resume next week`, `scheduled to vote on April 16`."""
_LOOKS_AHEAD = re.compile(
    r"\b(?:deadline|ultimatum|unless|if|must|would|will|shall|expect(?:s|ed)?|due|aims?|plans?|set\s+to|"
    r"scheduled|planned|"
    r"vow(?:s|ed)?|pledg(?:es|ed)|promis(?:es|ed)|demand(?:s|ed)?|urg(?:es|ed)|warn(?:s|ed)|threat\w*)\b",
    re.IGNORECASE,
)


def find_deadlines(sentence: str, anchor: dt.date) -> list[Quantity]:
    """The deadlines a sentence sets, each as an interval of days (proleptic ordinals) resolved
    against the publication date `anchor`."""
    if not _LOOKS_AHEAD.search(sentence):
        return []
    found = []
    for pattern, interval in ((_DEADLINE, _interval), (_PLANNED_DAY, _planned_days)):
        for match in pattern.finditer(sentence):
            days = interval(match, anchor)
            start, end = match.span("when")
            if days is None or any(quantity.start == start for quantity in found):
                continue
            first, last = (day.toordinal() for day in days)
            found.append(Quantity(match["when"], start, end, "deadline", "day", first, last))
    return sorted(found, key=lambda quantity: quantity.start)


def _planned_days(match: re.Match[str], anchor: dt.date) -> tuple[dt.date, dt.date] | None:
    """A weekday is the first on or after the anchor; `next week` is the ISO week after the anchor's
    (a Sunday paper's `next week` starts the next day), `this week` the rest of the anchor's."""
    if match["weekday"]:
        day = coming_weekday(anchor, match["weekday"])
        return day, day
    if match["week"]:
        next_monday = iso_monday(anchor, 1)
        if match["week"].lower() == "next":
            return next_monday, next_monday + dt.timedelta(days=6)
        return anchor, next_monday - dt.timedelta(days=1)
    return _month_or_day(match, anchor)


def _interval(match: re.Match[str], anchor: dt.date) -> tuple[dt.date, dt.date] | None:
    if match["end_month"]:
        month = MONTHS[match["end_month"].lower().rstrip(".")]
        year = int(match["end_month_year"]) if match["end_month_year"] else _coming(anchor, month, 31)
        last = calendar.monthrange(year, month)[1]
        return dt.date(year, month, last - _END_DAYS + 1), dt.date(year, month, last)
    if match["year_alone"]:
        year = int(match["year_alone"])
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if match["end_year"] or match["when"].lower().endswith("year"):
        year = int(match["end_year"]) if match["end_year"] else anchor.year
        return dt.date(year, 12, 1), dt.date(year, 12, 31)
    if match["month"]:
        return _month_or_day(match, anchor)
    (first_month, first_day), (last_month, last_day) = _SEASON_STARTS[match["season"].lower()]
    year = _coming(anchor, last_month, last_day)
    return dt.date(year, first_month, first_day), dt.date(year, last_month, last_day)


def _month_or_day(match: re.Match[str], anchor: dt.date) -> tuple[dt.date, dt.date] | None:
    """`June`, `March 15`, `April 16, 2026`: the month, or the day, the first on or after the anchor
    when no year is given; None for a day the month does not have."""
    month = MONTHS[match["month"].lower().rstrip(".")]
    day = int(match["day"]) if match["day"] else None
    year = int(match["year"]) if match["year"] else _coming(anchor, month, day or 31)
    last = calendar.monthrange(year, month)[1]
    if day is None:
        return dt.date(year, month, 1), dt.date(year, month, last)
    return (dt.date(year, month, day),) * 2 if day <= last else None


def _coming(anchor: dt.date, month: int, day: int) -> int:
    """The year of the first such month and day on or after the anchor: a deadline lies ahead."""
    return anchor.year if (month, day) >= (anchor.month, anchor.day) else anchor.year + 1
