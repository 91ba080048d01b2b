"""Means of force a sentence reports used or denied: sentence → (means, stance) pairs."""

import pytest

from dyads.force import read_force_reports


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Police used water cannon and tear gas to disperse the crowd.",
         {("water cannon", "used"), ("tear gas", "used")}),
        ("Riot police fired rubber bullets at the marchers.", {("rubber bullets", "used")}),
        ("Witnesses said tear gas had been fired near the parliament building.", {("tear gas", "used")}),
        ("The army dropped cluster bombs on the town, witnesses said.", {("cluster munitions", "used")}),
        # what a denial covers is denied; a clause of its own after it is not
        ("The ministry denied that police had used tear gas, saying officers used only water cannon.",
         {("tear gas", "denied"), ("water cannon", "used")}),
        ("The defence ministry dismissed reports that it had dropped white phosphorus.",
         {("white phosphorus", "denied")}),
        ("Police did not use rubber bullets, the ministry said.", {("rubber bullets", "denied")}),
        # a mention that reports no use
        ("The use of tear gas is banned in war.", set()),
        ("Tear gas hung over the square.", set()),
        ("Protesters demanded a ban on rubber bullets.", set()),
    ],
)  # fmt: skip
def test_force_reports(sentence, expected):
    assert {(report.means, report.stance) for report in read_force_reports(sentence)} == expected


def test_each_sentence_is_read_on_its_own():
    text = "The ministry denied using tear gas. Reporters at the scene said police fired tear gas."
    assert [(r.means, r.stance) for r in read_force_reports(text)] == [
        ("tear gas", "denied"),
        ("tear gas", "used"),
    ]
