"""Main text and metadata: from a raw document to a clean `Article`.

HTML pages go through trafilatura for the main text; plain text, feed entries and the text trafilatura
returns then share one set of rules for what news copy looks like: a headline, a date line, a wire
dateline (`MOSCOW/BEIJING, Jan 21 (Reuters) –`), credit lines (`Courtesy: X`) and the web furniture
that copy-pasted articles drag along (comment forms, share prompts, job ads, reference headings). Those
rules are general patterns, not lists of particular sites' lines.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from html import unescape
from typing import NamedTuple

import lxml.html
import py3langid
import trafilatura
from dateparser.date import DateDataParser
from lxml.etree import ParserError

from dyads.actors.roles import TakingOfficeAnchors
from dyads.errors import InputError
from dyads.model import Article, PublicationDate, RawDocument
from dyads.normalize import content_id, normalize_text

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
_MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_PLACE = r"[A-Z][A-Z.'’\-]+(?:\s+[A-Z][A-Z.'’\-]+)*"
DATELINE = re.compile(
    rf"""^(?P<places>{_PLACE}(?:\s*/\s*{_PLACE})*)
    (?:,\s*(?P<date>{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH})(?:,?\s+(?P<year>\d{{4}}))?)?
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
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_DATE_LINE_PREFIX = re.compile(
    r"^(?:published|updated|posted|last\s+updated|date)\s*(?:on|at)?\s*:?\s*", re.IGNORECASE
)
_HAS_MONTH_OR_ISO = re.compile(
    rf"\b{_MONTH}\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b|\b\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{4}}\b",
    re.IGNORECASE,
)
_LOWERCASE_PARTICLES = {
    "de",
    "da",
    "do",
    "du",
    "del",
    "la",
    "le",
    "al",
    "el",
    "of",
    "and",
    "es",
    "ul",
}
_MAX_TITLE_WORDS = 30
_MAX_LEADING_FURNITURE_WORDS = 6
_MAX_TRAILING_FURNITURE_WORDS = 15
"""Trailing lists of related headlines are longer than the labels above an article's first line."""
_HEAD_PARAGRAPHS = 5
_BLOCK_TAGS = (
    "p", "div", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6",
    "section", "article", "tr", "pre", "dd", "dt", "figcaption", "br", "hr",
)  # fmt: skip

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


@dataclass(frozen=True)
class Dateline:
    """A wire dateline: places in capitals, an optional month and day, an optional wire service."""

    places: tuple[str, ...]
    month: int | None
    day: int | None
    year: int | None
    wire: str | None
    end: int


def extract_article(raw: RawDocument, options: ExtractOptions = ExtractOptions()) -> Article:
    """Clean a raw document into an article, or raise InputError when it holds no article text."""
    title, outlet, published = raw.title, raw.outlet, raw.published
    if raw.kind == "html":
        paragraphs, page = _html_main_text(raw.content, raw.url)
        title = title or page.title
        outlet = outlet or page.outlet
        published = published or page.published
    elif raw.kind == "fragment":
        paragraphs = html_fragment_paragraphs(raw.content)
    else:
        paragraphs = text_paragraphs(raw.content)
    copy = read_news_copy(paragraphs, title)
    if not copy.paragraphs:
        raise InputError("no article text found")
    text = "\n\n".join(copy.paragraphs)
    return Article(
        id=content_id(text),
        doc=raw.doc,
        text=text,
        paragraphs=copy.paragraphs,
        title=copy.title,
        url=raw.url,
        outlet=outlet or copy.credited_outlet,
        wire=copy.dateline.wire if copy.dateline else None,
        published=resolve_publication_date(published, copy, text, options),
        dateline_places=copy.dateline.places if copy.dateline else (),
        language=detect_language(text),
        source_path=raw.source_path,
        ingested_at=options.ingested_at,
    )


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
    body = [p for p in (_clean_space(p) for p in paragraphs) if p]
    if title:
        title = _clean_space(title)
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
    if len(paragraph.split()) > _MAX_BYLINE_WORDS or not _DATED_BYLINE.search(paragraph):
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


_DATE_PARSER = DateDataParser(
    languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}
)


def parse_date_line(paragraph: str) -> tuple[dt.date, str] | None:
    """A paragraph that is nothing but a date (`Wed 22nd Jan, 2025`), with its precision."""
    if len(paragraph.split()) > 10 or not _HAS_MONTH_OR_ISO.search(paragraph):
        return None
    candidate = _DATE_LINE_PREFIX.sub("", paragraph).strip()
    if not _YEAR.search(candidate):
        return None
    data = _DATE_PARSER.get_date_data(candidate)
    if data.date_obj is None:
        return None
    return data.date_obj.date(), data.period or "day"


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
    mentioned = [int(y) for y in _YEAR.findall(text) if int(y) <= today.year]
    lower_bound = max(mentioned, default=None)
    first_year = lower_bound if lower_bound is not None else today.year - _WEEKDAY_LOOKBACK_YEARS
    candidates = [y for y in range(first_year, today.year + 1) if _valid_past_date(y, month, day, today)]
    weekdays = {_WEEKDAYS.index(w.lower()) for w in _WEEKDAY.findall(text)}

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


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(r"(?<!next )(?<!every )\b(" + "|".join(_WEEKDAYS) + r")\b", re.IGNORECASE)
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


_LANGUAGE_SAMPLE_CHARS = 2000


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language (py3langid, which ships its model)."""
    if not text.strip():
        return None
    language, _ = py3langid.classify(text[:_LANGUAGE_SAMPLE_CHARS])
    return language


def text_paragraphs(text: str) -> list[str]:
    """Paragraphs of plain text: blank-line separated blocks; a block of short lines is split per line.

    Hard-wrapped prose has every line but the last close to the wrap width and is joined back;
    a block of short lines is a list of separate items (buttons, links, headings).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    blocks = re.split(r"\n\s*\n", text)
    if len(blocks) == 1:
        return [line for line in text.split("\n") if line.strip()]
    paragraphs = []
    for block in blocks:
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if len(lines) > 1 and all(len(line) >= 50 for line in lines[:-1]):
            paragraphs.append(" ".join(lines))
        else:
            paragraphs.extend(lines)
    return paragraphs


def html_fragment_paragraphs(fragment: str) -> list[str]:
    """Paragraphs of an HTML fragment (a feed entry's body): block elements become paragraphs."""
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ParserError, ValueError):
        return text_paragraphs(fragment)
    for element in root.iter("script", "style", "noscript", "template"):
        element.drop_tree()
    for element in root.iter(*_BLOCK_TAGS):
        element.tail = "\n\n" + (element.tail or "")
        if element.tag != "br":
            element.text = "\n\n" + (element.text or "")
    return [p for p in (_clean_space(p) for p in re.split(r"\n\s*\n", root.text_content())) if p]


class PageMetadata(NamedTuple):
    title: str | None = None
    outlet: str | None = None
    published: dt.date | None = None


_PAGE_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_TITLE_SEPARATOR = re.compile(r"\s+[|·•–—:-]{1,2}\s+")
_MAX_SITE_NAME_WORDS = 8
_HEAD_CHARS = 100_000


def _html_main_text(html: str, url: str | None) -> tuple[list[str], PageMetadata]:
    """Main text paragraphs and page metadata from trafilatura; the whole page as a last resort."""
    try:
        document = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except (ValueError, TypeError, ParserError):
        document = None
    if document is None or not (document.text or "").strip():
        return html_fragment_paragraphs(html), PageMetadata()
    published = None
    if document.date:
        with contextlib.suppress(ValueError):
            published = dt.date.fromisoformat(document.date[:10])
    declared_site = _meta_content(html, "og:site_name") or _meta_content(html, "application-name")
    headline, site = split_page_title(_page_title(html), document.title, declared_site or document.sitename)
    site = declared_site or (None if site and site.lower().startswith("by ") else site)
    paragraphs = [line for line in document.text.split("\n") if line.strip()]
    if not published:
        body = [p for p in paragraphs if not headline or normalize_text(p) != normalize_text(headline)]
        published = _date_before_text(html, body)
    return paragraphs, PageMetadata(headline, site, published)


_FULL_DATE = re.compile(
    rf"""\b(?:
        {_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}
      | \d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}
      | \d{{4}}-\d{{2}}-\d{{2}}
    )\b""",
    re.IGNORECASE | re.VERBOSE,
)
_MAX_BYLINE_WORDS = 25


def _date_before_text(html: str, body: Sequence[str]) -> dt.date | None:
    """A full date in a short line above the article body: the byline's date.

    Pages without date metadata still show one by the headline or byline. Only short lines before the
    second body paragraph are searched (the first may be a standfirst printed above the byline), so
    dates inside the story, comments or sidebars are never taken.
    """
    if len(body) < 2:
        return None
    stop = normalize_text(body[1])[:60]
    for block in html_fragment_paragraphs(html):
        if stop in normalize_text(block):
            return None
        if len(block.split()) <= _MAX_BYLINE_WORDS and (date := first_full_date(block)):
            return date
    return None


def first_full_date(text: str) -> dt.date | None:
    """The first complete date (day, month and year) written in a text."""
    for match in _FULL_DATE.finditer(text):
        parsed = _DATE_PARSER.get_date_data(match.group())
        if parsed.date_obj is not None:
            return parsed.date_obj.date()
    return None


def _meta_content(html: str, name: str) -> str | None:
    """The `content` of a `<meta property|name="...">` tag, whatever the attribute order."""
    for tag in re.finditer(r"<meta\b[^>]*>", html[:_HEAD_CHARS], re.IGNORECASE):
        attributes = dict(
            (key.lower(), value)
            for key, _, value in re.findall(r"""([\w:-]+)\s*=\s*(["'])(.*?)\2""", tag.group())
        )
        if name in (attributes.get("property"), attributes.get("name")) and attributes.get("content"):
            return _clean_space(unescape(attributes["content"]))
    return None


def _page_title(html: str) -> str | None:
    match = _PAGE_TITLE.search(html)
    return _clean_space(unescape(match.group(1))) if match else None


def split_page_title(
    page_title: str | None, headline: str | None, site_name: str | None = None
) -> tuple[str | None, str | None]:
    """Headline and site name from a page title such as `Headline | Site` or `Site - Headline`.

    A part equal to the site name the page declares is the site; a part equal to the page's own
    headline (`<h1>`, `og:title`) is the headline and the other part the site; otherwise a short last
    part is the site, as in most `Headline | Site` titles, unless it is an author (`- by Name`).
    """
    if not page_title:
        return headline, site_name
    front, back = _split_title(page_title, last=True)
    if back is None:
        return headline or page_title, site_name
    front_first, back_first = _split_title(page_title, last=False)
    known = {normalize_text(name) for name in (site_name, headline) if name}
    for site_part, other_part in ((front_first, back_first), (back, front)):
        if site_name and normalize_text(site_part) == normalize_text(site_name):
            return headline or other_part, site_part
    for headline_part, site_part in ((front, back), (back_first, front_first)):
        if headline and normalize_text(headline_part) in known - {normalize_text(site_name or "")}:
            return headline, site_part
    if len(back.split()) <= _MAX_SITE_NAME_WORDS and not back.lower().startswith("by "):
        return headline or front, back
    return headline or front, site_name


def _split_title(page_title: str, last: bool) -> tuple[str, str | None]:
    matches = list(_TITLE_SEPARATOR.finditer(page_title))
    if not matches:
        return page_title, None
    match = matches[-1] if last else matches[0]
    return page_title[: match.start()], page_title[match.end() :]


def _clean_space(text: str) -> str:
    return re.sub(r"[ \t\u00a0\u200b]+", " ", text).strip()
