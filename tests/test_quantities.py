import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dyads.quantities import Quantity, comparable, compatible, find_quantities

INF = math.inf
MINUTES_PER_YEAR = 525960


def read(sentence):
    return [(q.text, q.kind, q.unit, q.low, q.high) for q in find_quantities(sentence)]


def expected_as_read(expected):
    return [
        (text, kind, unit, pytest.approx(low), pytest.approx(high))
        for text, kind, unit, low, high in expected
    ]


FOUND = [
    # counts and the noun they count
    ("Israeli strikes killed 12 Iraqi soldiers.", [("12 Iraqi soldiers", "count", "soldier", 12, 12)]),
    ("At least 40 people were killed.", [("At least 40 people", "count", "people", 40, INF)]),
    ("Police said about 200 people were arrested.", [("about 200 people", "count", "people", 180, 220)]),
    ("more than 150 people marched", [("more than 150 people", "count", "people", 150, INF)]),
    ("dozens of protesters gathered", [("dozens of protesters", "count", "protester", 24, 99)]),
    ("40 protesters gathered", [("40 protesters", "count", "protester", 40, 40)]),
    ("1.5 million refugees have fled", [("1.5 million refugees", "count", "refugee", 1.5e6, 1.5e6)]),
    ("Twelve soldiers died.", [("Twelve soldiers", "count", "soldier", 12, 12)]),
    ("Hamas freed forty-two hostages.", [("forty-two hostages", "count", "hostage", 42, 42)]),
    ("a hundred people were hurt", [("a hundred people", "count", "people", 100, 100)]),
    (
        "one and a half million people are displaced",
        [("one and a half million people", "count", "people", 1.5e6, 1.5e6)],
    ),
    ("10 to 12 soldiers died", [("10 to 12 soldiers", "count", "soldier", 10, 12)]),
    ("10-12 soldiers died", [("10-12 soldiers", "count", "soldier", 10, 12)]),
    ("between 10 and 12 soldiers died", [("between 10 and 12 soldiers", "count", "soldier", 10, 12)]),
    ("a handful of protesters stayed", [("a handful of protesters", "count", "protester", 3, 6)]),
    ("A dozen soldiers died.", [("A dozen soldiers", "count", "soldier", 12, 12)]),
    ("hundreds of people fled", [("hundreds of people", "count", "people", 200, 999)]),
    ("thousands of protesters marched", [("thousands of protesters", "count", "protester", 2000, 9999)]),
    (
        "tens of thousands of people marched",
        [("tens of thousands of people", "count", "people", 20000, 99999)],
    ),
    ("roughly 300 prisoners were freed", [("roughly 300 prisoners", "count", "prisoner", 270, 330)]),
    ("nearly 2,000 people died", [("nearly 2,000 people", "count", "people", 1800, 2000)]),
    ("some 40 journalists were held", [("some 40 journalists", "count", "journalist", 36, 44)]),
    ("around 50 tanks crossed", [("around 50 tanks", "count", "tank", 45, 55)]),
    ("fewer than 30 people were charged", [("fewer than 30 people", "count", "people", 0, 30)]),
    ("under 100 people attended", [("under 100 people", "count", "people", 0, 100)]),
    ("up to 15 soldiers were wounded", [("up to 15 soldiers", "count", "soldier", 0, 15)]),
    ("as many as 40 people", [("as many as 40 people", "count", "people", 0, 40)]),
    ("40 or more people died", [("40 or more people", "count", "people", 40, INF)]),
    ("more than a dozen soldiers", [("more than a dozen soldiers", "count", "soldier", 12, INF)]),
    ("several hundred protesters", [("several hundred protesters", "count", "protester", 300, 900)]),
    ("half a million refugees", [("half a million refugees", "count", "refugee", 5e5, 5e5)]),
    ("more than 2000 soldiers", [("more than 2000 soldiers", "count", "soldier", 2000, INF)]),
    ("one soldier was killed", [("one soldier", "count", "soldier", 1, 1)]),
    ("One police officer died.", [("One police officer", "count", "officer", 1, 1)]),
    ("12 Hamas fighters surrendered", [("12 Hamas fighters", "count", "fighter", 12, 12)]),
    ("1,200 troops crossed", [("1,200 troops", "count", "troop", 1200, 1200)]),
    ("12 casualties were reported", [("12 casualties", "count", "casualty", 12, 12)]),
    ("12 children were rescued", [("12 children", "count", "child", 12, 12)]),
    ("12 US soldiers were hurt", [("12 US soldiers", "count", "soldier", 12, 12)]),
    ("Russia fired 12 Su-35 jets", [("12 Su-35 jets", "count", "jet", 12, 12)]),
    ("The death toll rose to 12.", [("12", "count", "", 12, 12)]),
    ("Dozens were killed.", [("Dozens", "count", "", 24, 99)]),
    ("Israel Kills 12 Palestinians in Gaza Strike", [("12 Palestinians", "count", "palestinian", 12, 12)]),
    # money
    ("The fund holds $3 billion.", [("$3 billion", "money", "USD", 3e9, 3e9)]),
    ("The fund holds 3bn dollars.", [("3bn dollars", "money", "USD", 3e9, 3e9)]),
    ("The EU pledged €40m.", [("€40m", "money", "EUR", 4e7, 4e7)]),
    ("Britain gave £1.2bn.", [("£1.2bn", "money", "GBP", 1.2e9, 1.2e9)]),
    ("China lent 5 billion yuan.", [("5 billion yuan", "money", "CNY", 5e9, 5e9)]),
    ("a fine of 10 million rubles", [("10 million rubles", "money", "RUB", 1e7, 1e7)]),
    ("a fine of 300 million roubles", [("300 million roubles", "money", "RUB", 3e8, 3e8)]),
    ("pledged USD 300 billion a year", [("USD 300 billion", "money", "USD", 3e11, 3e11)]),
    ("3 billion US dollars in aid", [("3 billion US dollars", "money", "USD", 3e9, 3e9)]),
    ("a €3 billion package", [("€3 billion", "money", "EUR", 3e9, 3e9)]),
    ("a $3-4 billion loan", [("$3-4 billion", "money", "USD", 3e9, 4e9)]),
    ("3 to 4 billion dollars", [("3 to 4 billion dollars", "money", "USD", 3e9, 4e9)]),
    (
        "hundreds of millions of dollars",
        [("hundreds of millions of dollars", "money", "USD", 2e8, 999999999)],
    ),
    ("about $3 billion", [("about $3 billion", "money", "USD", 2.7e9, 3.3e9)]),
    ("a billion-dollar deal", [("a billion-dollar", "money", "USD", 1e9, 1e9)]),
    # durations, in minutes
    ("The talks lasted an hour and 35 minutes.", [("an hour and 35 minutes", "duration", "minutes", 95, 95)]),
    (
        "They spoke for over an hour and a half.",
        [("over an hour and a half", "duration", "minutes", 90, INF)],
    ),
    ("a call of 90 minutes", [("90 minutes", "duration", "minutes", 90, 90)]),
    ("they met for two hours", [("two hours", "duration", "minutes", 120, 120)]),
    ("a truce of 48 hours", [("48 hours", "duration", "minutes", 2880, 2880)]),
    ("a visit of three days", [("three days", "duration", "minutes", 4320, 4320)]),
    ("half an hour later", [("half an hour", "duration", "minutes", 30, 30)]),
    ("one and a half hours", [("one and a half hours", "duration", "minutes", 90, 90)]),
    ("1.5 hours", [("1.5 hours", "duration", "minutes", 90, 90)]),
    ("a 90-minute call", [("90-minute", "duration", "minutes", 90, 90)]),
    ("a two-hour meeting", [("two-hour", "duration", "minutes", 120, 120)]),
    ("nearly two hours", [("nearly two hours", "duration", "minutes", 108, 120)]),
    ("2 hours 15 minutes", [("2 hours 15 minutes", "duration", "minutes", 135, 135)]),
    (
        "jailed for 30 years",
        [("30 years", "duration", "minutes", 30 * MINUTES_PER_YEAR, 30 * MINUTES_PER_YEAR)],
    ),
    ("two days after the attack", [("two days", "duration", "minutes", 2880, 2880)]),
    # percents
    ("Turnout was 12%.", [("12%", "percent", "%", 12, 12)]),
    ("Prices rose 12 percent.", [("12 percent", "percent", "%", 12, 12)]),
    ("a 12.5 per cent rise", [("12.5 per cent", "percent", "%", 12.5, 12.5)]),
    ("less than 5% of voters", [("less than 5%", "percent", "%", 0, 5)]),
    ("just over 50% of votes", [("just over 50%", "percent", "%", 50, 55)]),
    (
        "up 3 percentage points",
        [("3 percentage points", "percent", "percentage point", 3, 3)],
    ),
    ("between 10 and 12 percent", [("between 10 and 12 percent", "percent", "%", 10, 12)]),
    ("10% to 12% of the vote", [("10% to 12%", "percent", "%", 10, 12)]),
    # several in one sentence
    (
        "The EU pledged €40m, while Britain gave £1.2bn.",
        [("€40m", "money", "EUR", 4e7, 4e7), ("£1.2bn", "money", "GBP", 1.2e9, 1.2e9)],
    ),
    (
        "Hamas released three Israeli hostages for 90 Palestinian prisoners.",
        [
            ("three Israeli hostages", "count", "hostage", 3, 3),
            ("90 Palestinian prisoners", "count", "prisoner", 90, 90),
        ],
    ),
    (
        "Inflation rose from 12% to 15%.",
        [("12%", "percent", "%", 12, 12), ("15%", "percent", "%", 15, 15)],
    ),
    (
        "On January 21, 2025, at 10:30, 12 soldiers were killed in the G20 city.",
        [("12 soldiers", "count", "soldier", 12, 12)],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), FOUND)
def test_find_quantities(sentence, expected):
    assert read(sentence) == expected_as_read(expected)


@pytest.mark.parametrize(("sentence", "expected"), FOUND)
def test_offsets_point_at_the_text(sentence, expected):
    for quantity in find_quantities(sentence):
        assert sentence[quantity.start : quantity.end] == quantity.text


@pytest.mark.parametrize(
    "sentence",
    [
        # years
        "The summit was held in 2025.",
        "The war ended in the 1990s.",
        "Both parties campaigned hard before the 2024 elections.",
        "The plan runs from 2020 to 2025.",
        "It was the best result of the 2020-21 season.",
        # dates
        "The agreement was signed on January 21.",
        "Talks resume on 21 Jan in Doha.",
        "The vote is set for Jan. 21.",
        "Talks ran from 21-23 January.",
        "The report is dated 21/01/2025.",
        "The attacks of 9/11 changed everything.",
        "Two years ago the war began.",
        # times of day
        "The ministers met at 10:30 on Tuesday.",
        "The ceasefire began at 10 a.m. local time.",
        "Shelling stopped at 0400 GMT.",
        "The meeting starts at 19.30.",
        "Tue 20 May 2025 19.30",
        # ordinals
        "It was the third round of talks.",
        "It was the second round of talks.",
        "He won on the 21st ballot.",
        # names and codes
        "Leaders met at the G20 summit.",
        "COP29 ended in Baku.",
        "Russia deployed Su-35 jets.",
        "The council adopted Resolution 2334.",
        "The New START treaty expires.",
        "Allies invoked Article 5 of the treaty.",
        "Flight MH17 was shot down.",
        "Leaders of the Group of Seven met.",
        "Air Force One landed in Riyadh.",
        "Iran resumed the P5+1 talks.",
        "Covid-19 closed the border.",
        # pronouns, ages, fractions, rates, tallies
        "No one was hurt.",
        "One of them was released.",
        "A 12-year-old boy was killed.",
        "Two-thirds of voters backed it.",
        "Trump, 78, said he would go.",
        "Guards patrol twice a day.",
        "The council voted 12 to 3.",
        "One in five Gazans is displaced.",
    ],
)
def test_no_quantity(sentence):
    assert find_quantities(sentence) == []


JUMBLE = (
    "12 1,200 3.5 $3 €40m 3bn £1.2bn 2025 2020-21 10-12 10:30 21st G20 Su-35 - – , . ( ) % + a an one two "
    "twelve forty-two hundred thousand million dozen dozens tens of half and or to between about over more "
    "than at least nearly some fewer under hour hours minutes days years ago year-old soldiers people Iraqi "
    "US dollars euros pounds percent per cent points January Jan May No. # the in on a.m. GMT Resolution "
    "times twice once : ; 9/11 1990s"
)
WORDS = JUMBLE.split()


@given(st.lists(st.sampled_from(WORDS), max_size=14), st.sampled_from([" ", ""]))
def test_any_jumble_of_number_words_reads_without_error(words, separator):
    sentence = separator.join(words)
    for quantity in find_quantities(sentence):
        assert sentence[quantity.start : quantity.end] == quantity.text
        assert quantity.low <= quantity.high


def only(sentence):
    found = find_quantities(sentence)
    assert len(found) == 1, f"{sentence!r} gave {found}"
    return found[0]


@pytest.mark.parametrize(
    ("first", "second", "same_sort", "agree"),
    [
        ("an hour and 35 minutes", "over an hour and a half", True, True),
        ("12 soldiers", "15 soldiers", True, False),
        ("about 200 people", "more than 150 people", True, True),
        ("$3 billion", "3bn dollars", True, True),
        ("$3 billion", "€3 billion", False, False),
        ("dozens of protesters", "40 protesters", True, True),
        ("dozens of protesters", "150 protesters", True, False),
        ("12 soldiers", "15 people", True, False),
        ("12 soldiers", "12 people", True, True),
        ("12 soldiers", "12 tanks", False, False),
        ("12 soldiers", "12%", False, False),
        ("90 minutes", "an hour and a half", True, True),
        ("two hours", "48 hours", True, False),
        ("two days", "48 hours", True, True),
        ("half an hour", "30 minutes", True, True),
        ("12%", "12 percentage points", False, False),
        ("about 40%", "nearly 40 percent", True, True),
        ("nearly 2,000 people", "1,960 people", True, True),
        ("nearly 2,000 people", "2,100 people", True, False),
        ("$3.05 billion", "$3 billion", True, True),
        ("$3.2 billion", "$3 billion", True, False),
        ("about $3 billion", "$3.2 billion", True, True),
        ("fewer than 30 people", "25 people", True, True),
        ("fewer than 30 people", "35 people", True, False),
        ("hundreds of people", "thousands of people", True, False),
        ("tens of thousands of protesters", "50,000 protesters", True, True),
        ("between 10 and 12 soldiers", "11 soldiers", True, True),
        ("10-12 soldiers", "15 soldiers", True, False),
        ("3 billion US dollars", "USD 3 billion", True, True),
        ("£1.2bn", "1.2 billion pounds", True, True),
        ("5 billion yuan", "$5 billion", False, False),
        ("a dozen soldiers", "12 soldiers", True, True),
        ("more than a dozen soldiers", "10 soldiers", True, False),
        ("12 Iraqi soldiers", "12 soldiers", True, True),
        ("1.5 million refugees", "one and a half million refugees", True, True),
        ("The death toll rose to 12.", "15 people were killed", True, False),
        ("The death toll rose to 12.", "15 soldiers were killed", False, False),
    ],
)
def test_comparable_and_compatible(first, second, same_sort, agree):
    a, b = only(first), only(second)
    assert (comparable(a, b), compatible(a, b)) == (same_sort, agree)
    assert (comparable(b, a), compatible(b, a)) == (same_sort, agree)


def test_quantity_rejects_an_unknown_kind():
    with pytest.raises(ValueError, match="unknown quantity kind 'weight'"):
        Quantity("5 kg", 0, 4, "weight", "kg", 5, 5)


def test_quantity_rejects_an_empty_interval():
    with pytest.raises(ValueError, match="low must not exceed high"):
        Quantity("12", 0, 2, "count", "", 15, 12)


def test_quantity_rejects_offsets_that_do_not_fit_the_text():
    with pytest.raises(ValueError, match="do not fit the text"):
        Quantity("12 soldiers", 0, 2, "count", "soldier", 12, 12)


def test_find_quantities_wants_text():
    with pytest.raises(TypeError, match="decode bytes"):
        find_quantities(b"12 soldiers")
