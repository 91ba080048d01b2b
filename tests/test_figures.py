"""What each figure of an article measures: qualifier, fate, happening, and which figures are left out."""

import datetime as dt

import pytest

from dyads.figures import read_figures


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # (figure text, qualifier, predicate, happenings); a predicate is the word after a count, or
        # else the word before the figure
        ("Five Indian soldiers were killed.", [("Five Indian soldiers", "indian", "killed", set())]),
        ("At least 40 people were detained.", [("At least 40 people", "", "detained", set())]),
        ("Four soldiers were hurt in the clash.", [("Four soldiers", "", "injured", {"fighting"})]),
        ("The rally drew about 9,000 people.", [("about 9,000 people", "", "crowd", {"protest"})]),
        ("The talks lasted three hours.", [("three hours", "", "last", {"meeting"})]),
        ("The drills went on for two weeks.", [("two weeks", "", "for", {"exercise"})]),
        ("Britain pledged £1.5 billion in aid.", [("£1.5 billion", "", "aid", set())]),
        (
            "Fighting that killed at least 12 people and forced families from their homes ended.",
            [("at least 12 people", "", "killed", {"fighting"})],
        ),
        ("Police held 30 people while protesters marched.", [("30 people", "", "detained", {"protest"})]),
    ],
)
def test_what_a_figure_measures(sentence, expected):
    found = [
        (figure.quantity.text, figure.qualifier, figure.predicate, set(figure.happenings))
        for figure in read_figures("a", sentence)
    ]
    assert found == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The call came a week after the clash.",
        "Talks resumed two days later.",
        "They agreed to meet again in twelve months.",
        "No figure appears in this sentence.",
    ],
)
def test_times_between_happenings_are_not_figures(sentence):
    assert read_figures("a", sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # what is due is named in the deadline's own clause, before it
        ("The premier said the final vote would go ahead as planned on Wednesday.", {"vote"}),
        ("Organisers said they would hold another rally on Sunday evening.", {"protest"}),
        ("The ministers, who spoke by phone, said talks would resume next week.", {"meeting"}),
        ("The so-called snapback would follow if Iran failed to act before the summer.", set()),
    ],
)
def test_what_a_deadline_sets_the_day_of(sentence, expected):
    [figure] = read_figures("a", sentence, dt.date(2025, 4, 13))
    assert set(figure.happenings) == expected


def test_figures_are_numbered_in_article_order_with_their_sentences():
    text = "The talks lasted three hours. Police said 27 people were detained.\nOfficials gave $2 million."
    figures = read_figures("art", text)
    assert [(f.article_id, f.position, f.sentence) for f in figures] == [
        ("art", 0, "The talks lasted three hours."),
        ("art", 1, "Police said 27 people were detained."),
        ("art", 2, "Officials gave $2 million."),
    ]


def test_context_leaves_out_the_figure_and_time_words():
    [figure] = read_figures("a", "The talks in Doha lasted nearly four hours on Monday.")
    assert {"talk", "doha", "last", "monday"} <= figure.context
    assert not figure.context & {"hour", "hours", "four", "nearly"}
