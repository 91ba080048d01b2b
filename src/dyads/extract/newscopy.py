"""News-copy rules: headline, date line, wire dateline, credit lines, bylines and web furniture."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from dyads.extract.datetext import MONTH, MONTHS, first_full_date, parse_date_line
from dyads.extract.paragraphs import clean_space
from dyads.normalize import normalize_text

_PLACE = r"[A-Z][A-Z.'’\-]+(?:\s+[A-Z][A-Z.'’\-]+)*"
DATELINE = re.compile(
    rf"""^(?P<places>{_PLACE}(?:\s*/\s*{_PLACE})*)
    (?:,\s*(?P<date>{MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{MONTH})(?:,?\s+(?P<year>\d{{4}}))?)?
    \s*(?:\((?P<wire>[^()]{{2,40}})\))?
    \s*[–—-]{{1,2}}\s+""",
    re.VERBOSE | re.IGNORECASE,
)
_UPPERCASE_PLACES = re.compile(rf"^{_PLACE}(?:\s*/\s*{_PLACE})*$")
_CREDIT = re.compile(
    r"""^\(?(?:
        (?:courtesy|credit|source|via|reporting\s+by|originally\s+published\s+(?:by|in|on)
          |this\s+(?:article|story)\s+(?:first\s+|originally\s+)?appeared\s+(?:in|on))
        \s*[:\-–—]?\s*(?P<outlet>[^.:()]{2,60}?)
      | the\s+post\s+.{1,200}?\s+appeared\s+first\s+on\s+(?P<feed_outlet>[^.:()]{2,60}?)
    )\.?\)?$""",
    re.IGNORECASE | re.VERBOSE,
)
_COPYRIGHT_HOLDER = re.compile(
    r"^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s+)?(?P<outlet>[^.]{2,60}?)\.?"
    r"(?:\s+all\s+rights\s+reserved\.?)?$",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^by\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,4}(?:(?:,| and)\s+[\w.'’ -]+){0,3}$")
_UI_LINE = re.compile(
    r"""^(?:
        (?:share|tweet|email|print)(?:\s+(?:this|on|via)\b.*)?
      | (?:subscribe|sign\s+up|register|log\s*in)\b.*
      | follow\s+us\b.*
      | advertisement | sponsored(?:\s+content)? | promoted
      | (?:read|see)\s+(?:more|also|next)\b.*
      | (?:write|leave|post|add)\s+(?:a\s+)?(?:comment|reply)s?\b.*
      | \d+\s+comments? | cancel\s+reply
      | exit\s+mobile\s+version | skip\s+to\s+(?:content|main\s+content)
      | back\s+to\s+top | click\s+here\b.*
      | (?:©|\(c\)|copyright)\s.* | .*\ball\s+rights\s+reserved\.?
      | tags?\s*:.* | filed\s+under\s*:?.* | topics?\s*:.*
      | .*\bnewsletters?\b.* | .*\bcookies?\b.*\b(?:accept|policy|consent|settings)\b.*
    )$""",
    re.VERBOSE | re.IGNORECASE,
)
"""Interface lines of web pages: dropped wherever they stand, when short."""
_MAX_UI_LINE_WORDS = 12
_MAX_CREDIT_WORDS = 40
_SENTENCE_END = re.compile(r"[.!?:;”\"'’)]$")
_LOWERCASE_PARTICLES = frozenset(
    {"de", "da", "do", "du", "del", "la", "le", "al", "el", "of", "and", "es", "ul"}
)
_MAX_TITLE_WORDS = 30
_MAX_LEADING_FURNITURE_WORDS = 6
_MAX_TRAILING_FURNITURE_WORDS = 15
"""Trailing lists of related headlines are longer than the labels above an article's first line."""
_HEAD_PARAGRAPHS = 5
MAX_BYLINE_WORDS = 25


@dataclass(frozen=True)
class Dateline:
    """A wire dateline: places in capitals, an optional month and day, an optional wire service."""

    places: tuple[str, ...]
    month: int | None
    day: int | None
    year: int | None
    wire: str | None
    end: int


@dataclass(frozen=True)
class NewsCopy:
    """The parts of a news text once headline, date line, dateline and furniture are told apart."""

    title: str | None
    paragraphs: tuple[str, ...]
    dateline: Dateline | None
    date_line: tuple[dt.date, str] | None
    credited_outlet: str | None


def read_news_copy(paragraphs: Sequence[str], title: str | None = None) -> NewsCopy:
    """Separate the headline, date line, credit line and web furniture from the body paragraphs."""
    body = [p for p in (clean_space(p) for p in paragraphs) if p]
    if title:
        title = clean_space(title)
        if body and normalize_text(body[0]) == normalize_text(title):
            body.pop(0)
    elif body and _looks_like_headline(body[0]) and len(body) > 1:
        title = body.pop(0)
    date_line, credits, copyright_holders = None, [], []
    kept = []
    for index, paragraph in enumerate(body):
        near_head = index < _HEAD_PARAGRAPHS
        if near_head and date_line is None and (parsed := parse_date_line(paragraph)):
            date_line = parsed
            continue
        if near_head and _BYLINE.match(paragraph):
            continue
        if near_head and (dated := _dated_byline(paragraph)):
            date_line = date_line or (dated, "day")
            continue
        if (credit := _CREDIT.match(paragraph)) and len(paragraph.split()) <= _MAX_CREDIT_WORDS:
            credits.append((credit.group("outlet") or credit.group("feed_outlet")).strip())
            continue
        if (holder := _COPYRIGHT_HOLDER.match(paragraph)) and len(paragraph.split()) <= _MAX_CREDIT_WORDS:
            copyright_holders.append(holder.group("outlet").strip())
            continue
        if len(paragraph.split()) <= _MAX_UI_LINE_WORDS and _UI_LINE.match(paragraph):
            continue
        kept.append(paragraph)
    kept = _strip_furniture_runs(kept)
    dateline = match_dateline(kept[0]) if kept else None
    wire = dateline.wire.casefold() if dateline and dateline.wire else None
    outlets = [name for name in credits + copyright_holders if name.casefold() != wire]
    return NewsCopy(title, tuple(kept), dateline, date_line, outlets[0] if outlets else None)


_DATED_BYLINE = re.compile(r"^by\s+\w|\b(?:published|updated|posted)\b", re.IGNORECASE)


def _dated_byline(paragraph: str) -> dt.date | None:
    """The date of a byline such as `By Ana Costa in Rabat – Published 17 May 2023 at 18:05`."""
    if len(paragraph.split()) > MAX_BYLINE_WORDS or not _DATED_BYLINE.search(paragraph):
        return None
    return first_full_date(paragraph)


def _strip_furniture_runs(paragraphs: list[str]) -> list[str]:
    """Drop short non-sentences before the first and after the last real paragraph.

    Section labels (`Summary`), widget titles, related headlines and form buttons sit at the edges of
    pasted copy; an in-body subheading is kept because a real paragraph follows it.
    """
    start, end = 0, len(paragraphs)
    while start < end and _is_furniture(paragraphs[start], _MAX_LEADING_FURNITURE_WORDS):
        start += 1
    while end > start and _is_furniture(paragraphs[end - 1], _MAX_TRAILING_FURNITURE_WORDS):
        end -= 1
    return paragraphs[start:end]


def _is_furniture(paragraph: str, max_words: int) -> bool:
    if match_dateline(paragraph):
        return False
    stripped = paragraph.rstrip()
    ends_sentence = bool(_SENTENCE_END.search(stripped)) and not stripped.endswith(("...", "…"))
    return len(paragraph.split()) <= max_words and not ends_sentence


def _looks_like_headline(paragraph: str) -> bool:
    if "\n" in paragraph or len(paragraph.split()) > _MAX_TITLE_WORDS:
        return False
    if match_dateline(paragraph) or parse_date_line(paragraph) or _UI_LINE.match(paragraph):
        return False
    return not paragraph.rstrip().endswith(".") or paragraph.rstrip().endswith("...")


def match_dateline(paragraph: str) -> Dateline | None:
    """Read a wire dateline at the start of a paragraph; None when the paragraph has none."""
    match = DATELINE.match(paragraph)
    if not match:
        return None
    places_text = match.group("places")
    if not _UPPERCASE_PLACES.match(places_text) or not any(c.isalpha() for c in places_text):
        return None
    if (
        not (match.group("date") or match.group("wire"))
        and not paragraph[match.end() : match.end() + 1].isupper()
    ):
        return None
    month = day = None
    if match.group("date"):
        month, day = _month_day(match.group("date"))
    return Dateline(
        places=tuple(_place_name(p) for p in places_text.split("/")),
        month=month,
        day=day,
        year=int(match.group("year")) if match.group("year") else None,
        wire=match.group("wire").strip() if match.group("wire") else None,
        end=match.end(),
    )


def _month_day(text: str) -> tuple[int, int]:
    parts = text.replace(".", " ").split()
    if parts[0].isdigit():
        return MONTHS[parts[1].lower()], int(parts[0])
    return MONTHS[parts[0].lower()], int(parts[1])


def _place_name(text: str) -> str:
    words = text.strip().lower().split()
    return " ".join(
        w if (i and w in _LOWERCASE_PARTICLES) else w[:1].upper() + w[1:] for i, w in enumerate(words)
    )
