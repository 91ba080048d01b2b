import json

import pytest

from dyads.evaluate import OverlapScore, score_extraction, word_overlap
from dyads.extract import extract_article
from dyads.ingest import Origin, read_bytes

from .conftest import DATA

EXTRACTION_PAGES = DATA / "extraction"


@pytest.mark.parametrize(
    ("predicted", "gold", "expected"),
    [
        ("a b c", "a b c", OverlapScore(1.0, 1.0, 1.0)),
        ("a b c d", "a b", OverlapScore(0.5, 1.0, 2 / 3)),
        ("a", "a b c d", OverlapScore(1.0, 0.25, 0.4)),
        ("x y", "a b", OverlapScore(0.0, 0.0, 0.0)),
        ("", "a", OverlapScore(0.0, 0.0, 0.0)),
        ("", "", OverlapScore(1.0, 1.0, 1.0)),
        ("the the the", "the", OverlapScore(1 / 3, 1.0, 0.5)),
        ("Kyiv’s CALL", "kyiv's call", OverlapScore(1.0, 1.0, 1.0)),
    ],
)
def test_word_overlap(predicted, gold, expected):
    assert word_overlap(predicted, gold) == pytest.approx(expected)


def test_extraction_quality_floor():
    """Word-level F1 of main-text extraction on 25 hand-made pages of different layouts."""
    report = score_extraction(EXTRACTION_PAGES)
    assert len(report.pages) >= 20
    assert report.mean.f1 >= 0.95
    assert min(page.score.f1 for page in report.pages) >= 0.85


def test_scoring_another_extractors_output(tmp_path):
    for gold in EXTRACTION_PAGES.glob("*.txt"):
        (tmp_path / gold.name).write_text(gold.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "div_soup.txt").unlink()
    report = score_extraction(EXTRACTION_PAGES, tmp_path)
    scores = {page.name: page.score.f1 for page in report.pages}
    assert scores.pop("div_soup") == 0.0
    assert set(scores.values()) == {1.0}


def test_html_metadata_accuracy_floor():
    """Title, publication date and outlet against each page's hand-made metadata."""
    hits = {"title": 0, "published": 0, "outlet": 0}
    pages = sorted(EXTRACTION_PAGES.glob("*.html"))
    for page in pages:
        expected = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
        [raw] = read_bytes(page.read_bytes(), Origin(page.name, str(page)))
        article = extract_article(raw)
        published = article.published.date.isoformat() if article.published else None
        hits["title"] += article.title == expected["title"]
        hits["published"] += published == expected["published"]
        hits["outlet"] += article.outlet == expected["outlet"]
    accuracy = {field: count / len(pages) for field, count in hits.items()}
    assert accuracy["title"] >= 0.95
    assert accuracy["published"] >= 0.9
    assert accuracy["outlet"] >= 0.75
