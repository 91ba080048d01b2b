"""HTML pages: main text through trafilatura, and the headline, site name and date of the page."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Sequence
from html import unescape
from typing import NamedTuple

import trafilatura
from lxml.etree import ParserError

from dyads.extract.datetext import first_full_date
from dyads.extract.newscopy import MAX_BYLINE_WORDS
from dyads.extract.paragraphs import clean_space, html_fragment_paragraphs
from dyads.normalize import normalize_text


class PageMetadata(NamedTuple):
    title: str | None = None
    outlet: str | None = None
    published: dt.date | None = None


_PAGE_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_TITLE_SEPARATOR = re.compile(r"\s+[|·•–—:-]{1,2}\s+")
_MAX_SITE_NAME_WORDS = 8
_HEAD_CHARS = 100_000


def html_main_text(html: str, url: str | None) -> tuple[list[str], PageMetadata]:
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
        if len(block.split()) <= MAX_BYLINE_WORDS and (date := first_full_date(block)):
            return date
    return None


def _meta_content(html: str, name: str) -> str | None:
    """The `content` of a `<meta property|name="...">` tag, whatever the attribute order."""
    for tag in re.finditer(r"<meta\b[^>]*>", html[:_HEAD_CHARS], re.IGNORECASE):
        attributes = dict(
            (key.lower(), value)
            for key, _, value in re.findall(r"""([\w:-]+)\s*=\s*(["'])(.*?)\2""", tag.group())
        )
        if name in (attributes.get("property"), attributes.get("name")) and attributes.get("content"):
            return clean_space(unescape(attributes["content"]))
    return None


def _page_title(html: str) -> str | None:
    match = _PAGE_TITLE.search(html)
    return clean_space(unescape(match.group(1))) if match else None


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
