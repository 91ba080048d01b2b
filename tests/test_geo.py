"""Event locations: the written cases (`tests/data/geo_cases.jsonl`) one by one, the seeds' gold places,
and the scorer's floor.

Cases not right yet are listed in `geo_cases_known_failures.txt` and run as strict expected failures,
so a fix fails until its line is removed and the list only shrinks.
"""

from __future__ import annotations

import pytest

from dyads.evaluate import event_matches, first_locations, location_differences, read_jsonl, score_locations
from dyads.events.coding import code_articles, event_json, shared_coding_pipeline
from dyads.gazetteer import place_key
from dyads.pipeline import read_articles

from .conftest import DATA

CASES = read_jsonl(DATA / "geo_cases.jsonl")
KNOWN = {
    line.split()[0]
    for line in (DATA / "geo_cases_known_failures.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
}


@pytest.fixture(scope="module")
def nlp():
    return shared_coding_pipeline()


@pytest.fixture(scope="module")
def located(nlp) -> dict[str, dict | None]:
    return first_locations(CASES, nlp)


def test_the_cases_cover_the_world():
    countries = {case["location"]["country"] for case in CASES} - {None}
    groups = {case["group"] for case in CASES}
    assert len(CASES) >= 100
    assert len(countries) >= 40
    assert {"ambiguous", "site", "near", "region", "dateline", "fallback", "not-a-place"} <= groups


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(c, id=c["id"], marks=[pytest.mark.xfail(strict=True)] if c["id"] in KNOWN else [])
        for c in CASES
    ],
)
def test_case_is_placed(case, located):
    assert location_differences(located[case["id"]], case["location"], case.get("names", ())) == []


def test_locations_score_stays_above_its_floor(nlp):
    score = score_locations(CASES, nlp)
    assert score.exact >= 0.95
    assert score.country_accuracy >= 0.96


def test_every_seed_event_with_gold_places_is_placed_at_one(nlp, seeds_dir, gold_dir):
    articles = list(read_articles([str(seeds_dir)]))
    texts = {article.doc: article.text for article in articles}
    events = [event_json(event) for event in code_articles(articles, nlp)]
    gold_events = {event["id"]: event for event in read_jsonl(gold_dir / "seed_events.jsonl")}
    for gold in read_jsonl(gold_dir / "seed_locations.jsonl"):
        expected = gold_events[gold["event"]]
        places = {place_key(place) for place in gold["places"]}
        matched = [
            e
            for e in events
            if event_matches(e, expected, texts[next(d for d in texts if d.endswith(expected["doc"]))])
        ]
        assert matched, f"{gold['event']} not coded"
        assert any(e["location"] and place_key(e["location"]["name"]) in places for e in matched), (
            gold["event"],
            [e["location"] for e in matched],
        )
