"""Deadlines as intervals of days, resolved ahead of the publication date."""

import datetime as dt

import pytest

from dyads.deadlines import find_deadlines
from dyads.quantities import compatible

PUBLISHED = dt.date(2025, 2, 24)


def days(first, last=None):
    return dt.date.fromisoformat(first).toordinal(), dt.date.fromisoformat(last or first).toordinal()


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "They would trigger sanctions if Tehran did not comply by the end of June.",
            [("the end of June", days("2025-06-21", "2025-06-30"))],
        ),
        (
            "The statement set a deadline of the end of August for Iran to give inspectors access.",
            [("the end of August", days("2025-08-22", "2025-08-31"))],
        ),
        (
            "They would trigger the snapback if Iran failed to act before the summer.",
            [("the summer", days("2025-06-01", "2025-06-20"))],
        ),
        ("Troops must withdraw by March 15, the ultimatum said.", [("March 15", days("2025-03-15"))]),
        # a month already past this year is next year's
        ("Kyiv expects the deal to be signed by January.", [("January", days("2026-01-01", "2026-01-31"))]),
        (
            "The plant will be connected by the end of this year.",
            [("the end of this year", days("2025-12-01", "2025-12-31"))],
        ),
        ("Talks must conclude by the end of 2026.", [("the end of 2026", days("2026-12-01", "2026-12-31"))]),
        (
            "The first reactor is due to begin operating in 2026, the ministry said.",
            [("2026", days("2026-01-01", "2026-12-31"))],
        ),
        # what happened, not what is due
        ("By March the army had withdrawn from the town.", []),
        ("The summit was held in Paris before the summer.", []),
        ("Aid must arrive by February 30, officials said.", []),
    ],
)
def test_deadlines_a_sentence_sets(sentence, expected):
    found = [(q.text, (q.low, q.high)) for q in find_deadlines(sentence, PUBLISHED)]
    assert found == expected
    for quantity in find_deadlines(sentence, PUBLISHED):
        assert sentence[quantity.start : quantity.end] == quantity.text


@pytest.mark.parametrize(
    ("first", "second", "agree"),
    [
        ("by the end of June", "by the end of August", False),
        ("by the end of June", "before the summer", False),
        ("by the end of June", "by June 28", True),
        ("by the end of June", "by June", True),
        ("by the end of this year", "by the end of December", True),
        ("by the end of this year", "by 2026", False),
    ],
)
def test_deadlines_compare_as_intervals_of_days(first, second, agree):
    [a] = find_deadlines(f"Iran must comply {first}.", PUBLISHED)
    [b] = find_deadlines(f"Iran must comply {second}.", PUBLISHED)
    assert compatible(a, b) is agree


SUNDAY, MONDAY = dt.date(2025, 4, 13), dt.date(2025, 4, 14)


@pytest.mark.parametrize(
    ("sentence", "anchor", "expected"),
    [
        # a day a plan earlier in the clause sets: the first such weekday on or after the anchor
        ("The premier said the final vote would go ahead as planned on Wednesday.", MONDAY, ("Wednesday", days("2025-04-16"))),
        ("Parliament is expected to hold the final vote on the bill on Friday.", SUNDAY, ("Friday", days("2025-04-18"))),
        ("The envoys are due to meet on Monday.", MONDAY, ("Monday", days("2025-04-14"))),
        ("Iran must answer by Friday.", SUNDAY, ("Friday", days("2025-04-18"))),
        ("The talks are scheduled to resume on April 30.", SUNDAY, ("April 30", days("2025-04-30"))),
        ("The vote is planned for March 3.", SUNDAY, ("March 3", days("2026-03-03"))),
        # a Sunday paper's next week starts the next day
        ("Parliament is expected to hold the final vote next week.", SUNDAY, ("next week", days("2025-04-14", "2025-04-20"))),
        ("Talks will resume later this week.", MONDAY, ("later this week", days("2025-04-14", "2025-04-20"))),
        # the day of what was said, or of what happened, is not planned
        ("He said on Monday that he would resign.", MONDAY, None),
        ("The Kremlin had not commented by Thursday afternoon.", MONDAY, None),
        ("The talks will resume on April 31.", SUNDAY, None),
    ],
)  # fmt: skip
def test_days_plans_are_set_for(sentence, anchor, expected):
    found = [(q.text, (q.low, q.high)) for q in find_deadlines(sentence, anchor)]
    assert found == ([expected] if expected else [])


def test_two_outlets_planning_a_vote_for_different_days_disagree():
    [harbour] = find_deadlines("The final vote is expected on Friday.", SUNDAY)
    [atlas] = find_deadlines("The vote would go ahead as planned on Wednesday.", MONDAY)
    [later] = find_deadlines("The final vote is expected next week.", SUNDAY)
    assert not compatible(harbour, atlas)
    assert compatible(later, atlas)
