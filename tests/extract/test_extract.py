import datetime as dt
import json

import pytest

from dyads.errors import InputError
from dyads.extract import extract_article
from dyads.ingest import read_inputs
from dyads.model import RawDocument

from .conftest import BODY, NOW, SECOND, options, text_doc


def test_article_from_text():
    article = extract_article(
        text_doc(f"Border Reopens\n\nMarch 6, 2025\n\n{BODY}\n\n{SECOND}\n\nCourtesy: Prairie Post\n"),
        options(),
    )
    assert article.title == "Border Reopens"
    assert article.paragraphs == (BODY, SECOND)
    assert article.text == f"{BODY}\n\n{SECOND}"
    assert (article.outlet, article.wire, article.language) == ("Prairie Post", None, "en")
    assert article.published.date == dt.date(2025, 3, 6)
    assert article.ingested_at == NOW
    assert len(article.id) == 16


@pytest.mark.parametrize("content", ["Summary\n\nExit mobile version", "<html><body></body></html>"])
def test_document_without_article_text_is_rejected(content):
    kind = "html" if content.startswith("<") else "text"
    with pytest.raises(InputError, match="no article text found"):
        extract_article(RawDocument(doc="x", source_path="x", kind=kind, content=content), options())


def test_seed_articles_match_gold(seeds_dir, gold_dir):
    gold = {
        record["doc"]: record
        for record in map(json.loads, (gold_dir / "seed_articles.jsonl").read_text().splitlines())
    }
    articles = {a.doc: a for a in (extract_article(raw) for raw in read_inputs([str(seeds_dir)]))}
    assert set(articles) == set(gold)
    for doc, expected in gold.items():
        article = articles[doc]
        assert article.title == expected["title"]
        assert article.published.date.isoformat() == expected["published"]
        assert article.published.precision == "day"
        assert article.outlet == expected["outlet"]
        assert article.wire == expected["wire"]
        assert list(article.dateline_places) == expected.get("dateline_places", [])
        for line in expected["boilerplate_to_drop"]:
            assert line not in article.paragraphs
            assert line not in article.text.splitlines()
