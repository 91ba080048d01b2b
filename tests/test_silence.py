"""Actors a sentence says had not commented: sentence → (actor, day) pairs."""

import datetime as dt

import pytest

from dyads.silence import read_silences

NAMES = {
    "Kremlin": "RUS",
    "China": "CHN",
    "Beijing": "CHN",
    "Moscow": "RUS",
    "EU": "IGOEUREEC",
    "Iran": "IRN",
}
PUBLISHED = dt.date(2025, 6, 20)  # a Friday


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The Kremlin had not commented on the visit by Thursday afternoon.", {("RUS", "2025-06-19")}),
        ("China has not commented on the talks.", {("CHN", "2025-06-20")}),
        ("The EU has yet to respond to the demand.", {("IGOEUREEC", "2025-06-20")}),
        ("There was no comment from Beijing or Moscow.", {("CHN", "2025-06-20"), ("RUS", "2025-06-20")}),
        # what the silence was about is no day it held until
        ("The Kremlin did not comment on a Monday report in a Moscow daily.", {("RUS", "2025-06-20")}),
        # an outlet's question left unanswered is no silence of the actor's
        ("Iran's foreign ministry did not immediately respond to the statement.", set()),
        ("Kremlin officials did not respond to a request for comment.", set()),
        ("China's defence ministry declined to comment.", set()),
        # a comment made
        ("The Kremlin commented on the visit on Thursday.", set()),
    ],
)  # fmt: skip
def test_silences(sentence, expected):
    assert {(s.actor, s.day.isoformat()) for s in read_silences(sentence, NAMES, PUBLISHED)} == expected
