"""Every written case on its own: sentence → the events it holds (`tests/data/event_cases.jsonl`).

Cases the coder does not get right yet are listed in `event_cases_known_failures.txt` and run as
strict expected failures: a fix turns them into unexpected passes, which fail until the list is
updated, so the list only shrinks.
"""

from __future__ import annotations

import pytest

from dyads.evaluate import event_cases_as_gold, event_matches, read_jsonl
from dyads.events.coding import code_articles, event_json, shared_coding_pipeline

from ..conftest import DATA

CASES = read_jsonl(DATA / "event_cases.jsonl")
KNOWN = {
    line.split()[0]: line.split()[1]
    for line in (DATA / "event_cases_known_failures.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
}
GOLD_MODES = {"intend": "intended", "threaten": "threatened", "deny": "denied"}


@pytest.fixture(scope="module")
def coded() -> dict[str, list[dict]]:
    articles, _ = event_cases_as_gold(CASES)
    events: dict[str, list[dict]] = {case["id"]: [] for case in CASES}
    for event in code_articles(articles, shared_coding_pipeline()):
        events[event.doc].append(event_json(event))
    return events


def _params(check: str) -> list:
    return [
        pytest.param(case, id=case["id"], marks=pytest.mark.xfail(strict=True))
        if KNOWN.get(case["id"]) in (check, "both")
        else pytest.param(case, id=case["id"])
        for case in CASES
    ]


@pytest.mark.parametrize("case", _params("finds"))
def test_case_finds_its_events_in_their_mode(case, coded):
    _, gold = event_cases_as_gold([case])
    for expected in gold:
        matches = [e for e in coded[case["id"]] if event_matches(e, expected, case["text"])]
        assert matches, f"missed {expected['source']} {expected['cameo']} {expected['target']}"
        wanted_mode = GOLD_MODES.get(expected["mode"], expected["mode"])
        assert any(e["mode"] == wanted_mode for e in matches), f"not {wanted_mode}: {matches[0]['mode']}"


@pytest.mark.parametrize("case", _params("false"))
def test_case_has_no_false_event(case, coded):
    _, gold = event_cases_as_gold([case])
    false = [e for e in coded[case["id"]] if not any(event_matches(e, g, case["text"]) for g in gold)]
    assert not false, [f"{e['source']['code']} {e['cameo']} {(e['target'] or {}).get('code')}" for e in false]
