"""Scorers behind `dyads eval`: how close dyads' output is to hand-made gold.

Extraction is scored the way article-extraction benchmarks score it: precision and recall of the word
multiset of the extracted main text against the gold main text, per page, then averaged.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from dyads.errors import DyadsError
from dyads.extract import extract_article
from dyads.ingest import Origin, read_bytes
from dyads.model import RawDocument
from dyads.normalize import words


class OverlapScore(NamedTuple):
    precision: float
    recall: float
    f1: float


class PageScore(NamedTuple):
    name: str
    score: OverlapScore


class ExtractionReport(NamedTuple):
    pages: tuple[PageScore, ...]
    mean: OverlapScore


def word_overlap(predicted: str, gold: str) -> OverlapScore:
    """Precision, recall and F1 of the predicted word multiset against the gold one."""
    predicted_words, gold_words = Counter(words(predicted)), Counter(words(gold))
    common = sum((predicted_words & gold_words).values())
    if not predicted_words and not gold_words:
        return OverlapScore(1.0, 1.0, 1.0)
    precision = common / sum(predicted_words.values()) if predicted_words else 0.0
    recall = common / sum(gold_words.values()) if gold_words else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return OverlapScore(precision, recall, f1)


def score_extraction(gold_dir: str | Path, predicted_dir: str | Path | None = None) -> ExtractionReport:
    """Score main-text extraction on a folder of `NAME.html` pages with `NAME.txt` gold texts.

    Without `predicted_dir`, dyads extracts each page itself; with it, `predicted_dir/NAME.txt` is
    scored instead, so other extractors can be compared on the same pages.
    """
    pages = []
    for html_path, gold_path in _gold_pages(Path(gold_dir)):
        gold = gold_path.read_text(encoding="utf-8")
        if predicted_dir is None:
            predicted = _extract_main_text(html_path)
        else:
            predicted_path = Path(predicted_dir) / gold_path.name
            predicted = predicted_path.read_text(encoding="utf-8") if predicted_path.exists() else ""
        pages.append(PageScore(html_path.stem, word_overlap(predicted, gold)))
    if not pages:
        raise DyadsError(f"no NAME.html + NAME.txt pairs in {gold_dir}")
    mean = OverlapScore(*(sum(page.score[i] for page in pages) / len(pages) for i in range(3)))
    return ExtractionReport(tuple(pages), mean)


def _gold_pages(directory: Path) -> Iterator[tuple[Path, Path]]:
    if not directory.is_dir():
        raise DyadsError(f"{directory} is not a directory of gold pages")
    for html_path in sorted(directory.glob("*.html")):
        gold_path = html_path.with_suffix(".txt")
        if gold_path.exists():
            yield html_path, gold_path


def _extract_main_text(html_path: Path) -> str:
    """Main text as dyads stores it, with the headline kept out as in the gold convention."""
    items = read_bytes(html_path.read_bytes(), Origin(html_path.name, str(html_path)))
    documents = [item for item in items if isinstance(item, RawDocument)]
    if not documents:
        return ""
    return extract_article(documents[0]).text
