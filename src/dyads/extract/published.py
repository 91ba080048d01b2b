"""The publication date: from metadata, a date line, or a dateline with its year inferred."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from dyads.actors.roles import TakingOfficeAnchors
from dyads.extract.datetext import WEEKDAYS, YEAR
from dyads.extract.newscopy import NewsCopy
from dyads.model import PublicationDate

YearAnchors = Callable[[str], Sequence[dt.date]]
"""Dates of happenings a text mentions that pin its year (e.g. an inauguration the article follows)."""


@dataclass(frozen=True)
class ExtractOptions:
    """What extraction may assume beyond the document itself.

    `default_date` is the user's `--date`: the publication date when the document gives none, and the
    year for a dateline that has none. `year_anchors` finds dated happenings in the text (supplied by
    the actor dictionary, which knows when officeholders took office).
    """

    default_date: dt.date | None = None
    ingested_at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC).replace(tzinfo=None))
    year_anchors: YearAnchors | None = field(default_factory=TakingOfficeAnchors)


def resolve_publication_date(
    metadata: dt.date | None, copy: NewsCopy, text: str, options: ExtractOptions
) -> PublicationDate | None:
    """The publication date from the strongest evidence available, and how it was obtained.

    A date stated by the container (feed, record, page metadata) wins, then a date line in the text,
    then a dateline's month and day with the year taken from the first source that can supply it.
    """
    if metadata:
        return PublicationDate(metadata, "day", "metadata")
    if copy.date_line:
        date, period = copy.date_line
        return PublicationDate(date, "month" if period == "month" else "day", "date-line")
    dateline = copy.dateline
    if dateline and dateline.month and dateline.day:
        if dateline.year:
            return _safe_date(dateline.year, dateline.month, dateline.day, "dateline")
        year, basis = infer_year(dateline.month, dateline.day, text, options)
        if year:
            return _safe_date(year, dateline.month, dateline.day, f"dateline+{basis}")
    if options.default_date:
        return PublicationDate(options.default_date, "day", "user")
    return None


def _safe_date(year: int, month: int, day: int, basis: str) -> PublicationDate | None:
    try:
        return PublicationDate(dt.date(year, month, day), "day", basis)
    except ValueError:
        return None


def infer_year(month: int, day: int, text: str, options: ExtractOptions) -> tuple[int | None, str]:
    """The year of a month-and-day dateline, and which evidence gave it.

    The user's `--date` decides when given (the latest such day on or before it). Otherwise the years
    the text mentions give a lower bound (articles look back), and among the years from there to the
    ingest date the first kind of evidence that picks one wins: a dated happening the text mentions
    (an inauguration the article follows); weekday names, which in news copy name the filing day or
    the day before ("on Tuesday" with `Jan 21` fits 2025, not 2024); then the lower bound itself.
    """
    if options.default_date:
        anchor = options.default_date
        year = anchor.year if (month, day) <= (anchor.month, anchor.day) else anchor.year - 1
        return year, "user"
    today = options.ingested_at.date()
    mentioned = [int(y) for y in YEAR.findall(text) if int(y) <= today.year]
    lower_bound = max(mentioned, default=None)
    first_year = lower_bound if lower_bound is not None else today.year - _WEEKDAY_LOOKBACK_YEARS
    candidates = [y for y in range(first_year, today.year + 1) if _valid_past_date(y, month, day, today)]
    weekdays = {WEEKDAYS.index(w.lower()) for w in _WEEKDAY.findall(text)}

    def fit(year: int) -> tuple[int, int]:
        return _weekday_fit(dt.date(year, month, day), weekdays), year

    if options.year_anchors:
        anchored = {
            year
            for anchor in options.year_anchors(text)
            if (year := _year_following(anchor, month, day)) is not None
            and (lower_bound is None or year >= lower_bound)
            and _valid_past_date(year, month, day, today)
        }
        if anchored:
            return max(anchored, key=fit), "role-anchor"
    if weekdays and candidates:
        best = max(candidates, key=fit)
        if fit(best)[0] > 0:
            return best, "weekday"
    if lower_bound is not None:
        return lower_bound, "text-years"
    return today.year, "ingest-year"


_WEEKDAY = re.compile(r"(?<!next )(?<!every )\b(" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)
_WEEKDAY_LOOKBACK_YEARS = 6


def _valid_past_date(year: int, month: int, day: int, today: dt.date) -> bool:
    try:
        return dt.date(year, month, day) <= today
    except ValueError:
        return False


def _weekday_fit(date: dt.date, weekdays: set[int]) -> int:
    """2 per weekday named that is the date's own, 1 per weekday that is the day before."""
    return sum(2 if w == date.weekday() else 1 if w == (date.weekday() - 1) % 7 else 0 for w in weekdays)


_ANCHOR_WINDOW_DAYS = 14


def _year_following(anchor: dt.date, month: int, day: int) -> int | None:
    """The year in which month/day falls within two weeks after `anchor`, if any."""
    for year in (anchor.year, anchor.year + 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if 0 <= (candidate - anchor).days <= _ANCHOR_WINDOW_DAYS:
            return year
    return None
