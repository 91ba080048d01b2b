"""Dates written in text: date lines (`Wed 22nd Jan, 2025`) and full dates inside a line."""

from __future__ import annotations

import datetime as dt
import re

from dateparser.date import DateDataParser

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
"""Weekday names in the order of `datetime.date.weekday()`."""
PLAN_WORDS = r"(?:will|shall|would|expected|scheduled|due|set\s+to|plans?\s+to|planned|planning)\b|['’]ll\b"
"""Words that put what follows them in their clause ahead of the day of writing (`the vote would go
ahead as planned on Wednesday`), to follow a word boundary."""
YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")


def coming_weekday(anchor: dt.date, weekday: str) -> dt.date:
    """The first day of that name on or after `anchor`."""
    return anchor + dt.timedelta(days=(WEEKDAYS.index(weekday.lower()) - anchor.weekday()) % 7)


def iso_monday(anchor: dt.date, week_shift: int) -> dt.date:
    """The Monday of the ISO week `week_shift` weeks from the anchor's."""
    return anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(weeks=week_shift)


_DATE_LINE_PREFIX = re.compile(
    r"^(?:published|updated|posted|last\s+updated|date)\s*(?:on|at)?\s*:?\s*", re.IGNORECASE
)
_HAS_MONTH_OR_ISO = re.compile(
    rf"\b{MONTH}\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b|\b\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{4}}\b",
    re.IGNORECASE,
)
_FULL_DATE = re.compile(
    rf"""\b(?:
        {MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}
      | \d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH},?\s+\d{{4}}
      | \d{{4}}-\d{{2}}-\d{{2}}
    )\b""",
    re.IGNORECASE | re.VERBOSE,
)

_DATE_PARSER = DateDataParser(
    languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}
)


def parse_date_line(paragraph: str) -> tuple[dt.date, str] | None:
    """A paragraph that is nothing but a date (`Wed 22nd Jan, 2025`), with its precision."""
    if len(paragraph.split()) > 10 or not _HAS_MONTH_OR_ISO.search(paragraph):
        return None
    candidate = _DATE_LINE_PREFIX.sub("", paragraph).strip()
    if not YEAR.search(candidate):
        return None
    data = _DATE_PARSER.get_date_data(candidate)
    if data.date_obj is None:
        return None
    return data.date_obj.date(), data.period or "day"


def first_full_date(text: str) -> dt.date | None:
    """The first complete date (day, month and year) written in a text."""
    for match in _FULL_DATE.finditer(text):
        parsed = _DATE_PARSER.get_date_data(match.group())
        if parsed.date_obj is not None:
            return parsed.date_obj.date()
    return None
