import pytest

from dyads.evaluate import OverlapScore, score_extraction, word_overlap

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
