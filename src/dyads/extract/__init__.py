"""Main text and metadata: from a raw document to a clean `Article`.

HTML pages go through trafilatura for the main text; plain text, feed entries and the text trafilatura
returns then share one set of rules for what news copy looks like: a headline, a date line, a wire
dateline (`MOSCOW/BEIJING, Jan 21 (Reuters) –`), credit lines (`Courtesy: X`) and the web furniture
that copy-pasted articles drag along (comment forms, share prompts, job ads, reference headings). Those
rules are general patterns, not lists of particular sites' lines.
"""

from __future__ import annotations

import math
import re

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
    "require_english",
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
    _check_prose(text)
    language = "en" if _reads_as_english(text) else detect_language(text)
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
        language=language,
        source_path=raw.source_path,
        ingested_at=options.ingested_at,
    )


_LANGUAGE_SAMPLE_CHARS = 2000
LANGUAGE_CONFIDENCE = 0.95
"""How sure the identifier must be before an article is called non-English (short English texts with
many names are sometimes guessed as other languages with low confidence)."""
_ENGLISH_FUNCTION_WORDS = frozenset(
    {"the", "of", "and", "to", "in", "on", "a", "an", "for", "with", "at", "by", "from", "that", "said",
     "was", "were", "is", "are", "has", "have", "will", "would"}
)  # fmt: skip
LONGEST_SENTENCE = 10_000
"""Characters of text without a sentence end that still count as prose."""
LANGUAGE_NAMES = {
    "fr": "French", "de": "German", "es": "Spanish", "it": "Italian", "pt": "Portuguese", "ru": "Russian",
    "zh": "Chinese", "ar": "Arabic", "uk": "Ukrainian", "tr": "Turkish", "ja": "Japanese", "ko": "Korean",
    "nl": "Dutch", "pl": "Polish", "fa": "Persian",
}  # fmt: skip


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language (py3langid, which ships its model); None when unsure."""
    if not text.strip():
        return None
    ranked = py3langid.rank(text[:_LANGUAGE_SAMPLE_CHARS])
    language, best = ranked[0]
    confidence = 1 / sum(math.exp(score - best) for _, score in ranked)
    return language if confidence >= LANGUAGE_CONFIDENCE else None


def require_english(article: Article) -> Article:
    """The article, or InputError when it is known to be in another language: the dictionaries,
    patterns and parser are English."""
    if article.language is not None and article.language != "en":
        name = LANGUAGE_NAMES.get(article.language, article.language)
        raise InputError(f"written in {name}, not English (dyads codes English text)")
    return article


def _reads_as_english(text: str) -> bool:
    """English prose is full of function words; a short English report of names and places, which
    the identifier may take for another language, still has its `the`, `of` and `in`."""
    words = re.findall(r"[a-z]+", text[:_LANGUAGE_SAMPLE_CHARS].lower())
    return bool(words) and sum(word in _ENGLISH_FUNCTION_WORDS for word in words) / len(words) >= 0.08


def _check_prose(text: str) -> None:
    """Reject a run of thousands of characters with no sentence end: not article text, and a single
    sentence that long would make the parser crawl."""
    longest = max((len(run) for run in re.split(r"[.!?;:\n]", text)), default=0)
    if longest > LONGEST_SENTENCE:
        raise InputError(f"{longest:,} characters without a sentence end; not article text")
