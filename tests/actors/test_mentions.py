"""The linker with the real model and dictionary, on the seeds and on the gold case table."""

import json

import pytest

from dyads.actors.mentions import stream_mentions
from dyads.evaluate import read_jsonl, score_actor_cases, score_seed_mentions
from dyads.events.coding import shared_coding_pipeline
from dyads.pipeline import read_articles

from ..conftest import DATA


@pytest.fixture(scope="module")
def nlp():
    return shared_coding_pipeline()


def test_seed_mentions_resolve_to_gold_codes(nlp, seeds_dir, gold_dir):
    articles = list(read_articles([str(seeds_dir)]))
    predicted = [
        {"doc": m.doc, "text": m.text, "code": m.code}
        for found in stream_mentions(articles, nlp)
        for m in found
    ]
    score = score_seed_mentions(read_jsonl(gold_dir / "seed_actors.jsonl"), predicted)
    assert score.misses == ()
    assert score.mention_recall == 1.0


def test_linker_quality_floor_on_gold_cases(nlp):
    """566 hand-written cases over 124 country codes: time-dependent roles, titles, metonyms,
    organizations, ambiguous names, coreference and spans that must stay unlinked."""
    cases = read_jsonl(DATA / "actor_cases.jsonl")
    score = score_actor_cases(cases, nlp)
    assert len({code for case in cases for code in case["countries"]}) >= 50
    assert score.country_precision >= 0.95
    assert score.country_recall >= 0.93
    assert score.mention_precision >= 0.91
    assert score.mention_recall >= 0.85


def test_mentions_carry_offsets_into_the_article_text(nlp, seeds_dir):
    [article] = [a for a in read_articles([str(seeds_dir)]) if a.doc.startswith("001")]
    [mentions] = stream_mentions([article], nlp)
    for mention in mentions:
        assert article.text[mention.start : mention.end] == mention.text
        assert mention.country == mention.code[:3]
        assert 0 < mention.confidence <= 1
    assert json.dumps([m.entry for m in mentions])
