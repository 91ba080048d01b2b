"""Main text and metadata: from a raw document to a clean `Article`.

HTML pages go through trafilatura for the main text; plain text, feed entries and the text trafilatura
returns then share one set of rules for what news copy looks like: a headline, a date line, a wire
dateline (`MOSCOW/BEIJING, Jan 21 (Reuters) –`), credit lines (`Courtesy: X`) and the web furniture
that copy-pasted articles drag along (comment forms, share prompts, job ads, reference headings). Those
rules are general patterns, not lists of particular sites' lines.
"""

from __future__ import annotations

import py3langid

from dyads.errors import InputError
from dyads.extract.datetext import MONTHS, first_full_date, parse_date_line
from dyads.extract.newscopy import DATELINE, Dateline, NewsCopy, match_dateline, read_news_copy
from dyads.extract.pages import PageMetadata, html_main_text, split_page_title
from dyads.extract.paragraphs import html_fragment_paragraphs, text_paragraphs
from dyads.extract.published import ExtractOptions, YearAnchors, infer_year, resolve_publication_date
from dyads.model import Article, RawDocument
from dyads.normalize import content_id

__all__ = [
    "DATELINE",
    "MONTHS",
    "Dateline",
    "ExtractOptions",
    "NewsCopy",
    "PageMetadata",
    "YearAnchors",
    "detect_language",
    "extract_article",
    "first_full_date",
    "html_fragment_paragraphs",
    "infer_year",
    "match_dateline",
    "parse_date_line",
    "read_news_copy",
    "resolve_publication_date",
    "split_page_title",
    "text_paragraphs",
]


def extract_article(raw: RawDocument, options: ExtractOptions = ExtractOptions()) -> Article:
    """Clean a raw document into an article, or raise InputError when it holds no article text."""
    title, outlet, published = raw.title, raw.outlet, raw.published
    if raw.kind == "html":
        paragraphs, page = html_main_text(raw.content, raw.url)
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


_LANGUAGE_SAMPLE_CHARS = 2000


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language (py3langid, which ships its model)."""
    if not text.strip():
        return None
    language, _ = py3langid.classify(text[:_LANGUAGE_SAMPLE_CHARS])
    return language
