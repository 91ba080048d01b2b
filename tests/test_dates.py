import datetime as dt

import pytest

from dyads.dates import ResolvedDate, find_date_expression, resolve_date_expression, resolve_event_date

D = dt.date
TUE_2025_01_21 = D(2025, 1, 21)
WED_2025_01_22 = D(2025, 1, 22)
MON_2025_01_20 = D(2025, 1, 20)
WED_2025_01_01 = D(2025, 1, 1)
SAT_2025_01_25 = D(2025, 1, 25)
THU_2024_02_29 = D(2024, 2, 29)
FRI_2024_03_01 = D(2024, 3, 1)
SAT_2025_03_01 = D(2025, 3, 1)
TUE_2024_12_31 = D(2024, 12, 31)
SAT_2024_12_28 = D(2024, 12, 28)
SUN_2025_06_15 = D(2025, 6, 15)

TRUMP_TERMS = ((D(2017, 1, 20), D(2021, 1, 20)), (D(2025, 1, 20), None))
MACRON_TERMS = ((D(2017, 5, 14), D(2022, 5, 14)), (D(2022, 5, 14), None))
KNOWN_ROLES = {"Trump": TRUMP_TERMS, "Donald Trump": TRUMP_TERMS, "Macron": MACRON_TERMS}


def fake_roles(name):
    return KNOWN_ROLES.get(name, ())


def untimed(anchor):
    return f"<{anchor}"


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        # the two dateline-like cases: the day of the anchor itself
        (
            "The foreign ministers held a video call on Tuesday to discuss the ceasefire.",
            TUE_2025_01_21,
            ("2025-01-21", "day"),
        ),
        (
            "The agreement was signed in the capital on January 22, officials said.",
            WED_2025_01_22,
            ("2025-01-22", "day"),
        ),
        # weekdays: the latest such day on or before the anchor
        ("Rebels shelled the town on Monday.", TUE_2025_01_21, ("2025-01-20", "day")),
        ("Tuesday's talks ended without a deal.", WED_2025_01_22, ("2025-01-21", "day")),
        ("Troops withdrew late on Wednesday, the army said.", SAT_2025_01_25, ("2025-01-22", "day")),
        ("The envoy arrived in Cairo on Friday.", MON_2025_01_20, ("2025-01-17", "day")),
        ("Protesters gathered on Sunday.", WED_2025_01_01, ("2024-12-29", "day")),
        ("Parliament voted on Thursday.", FRI_2024_03_01, ("2024-02-29", "day")),
        ("The summit opens on Tuesday, January 21.", SAT_2025_01_25, ("2025-01-21", "day")),
        ("The delegations will meet again next Tuesday.", TUE_2025_01_21, ("2025-01-28", "day")),
        ("The delegations will meet again next Tuesday.", MON_2025_01_20, ("2025-01-21", "day")),
        ("Talks resume on Tuesday next week.", MON_2025_01_20, ("2025-01-28", "day")),
        # a weekday its clause plans for: the first on or after the anchor
        ("The final vote will go ahead as planned on Wednesday.", MON_2025_01_20, ("2025-01-22", "day")),
        ("Parliament is expected to hold the vote on Friday.", SAT_2025_01_25, ("2025-01-31", "day")),
        ("The envoys are due to meet on Tuesday.", TUE_2025_01_21, ("2025-01-21", "day")),
        ("She said they'll sign the accord on Monday.", WED_2025_01_22, ("2025-01-27", "day")),
        # ... not one the clause tells in the past, nor one before the plan
        ("He said on Wednesday that Moscow will retaliate.", SAT_2025_01_25, ("2025-01-22", "day")),
        ("The vote, expected for weeks, was held on Friday.", SAT_2025_01_25, ("2025-01-24", "day")),
        ("Talks resume on Thursday next week.", SAT_2025_01_25, ("2025-01-30", "day")),
        ("The ministry summoned the ambassador last Friday.", SAT_2025_01_25, ("2025-01-24", "day")),
        ("The ministry summoned the ambassador last Tuesday.", TUE_2025_01_21, ("2025-01-14", "day")),
        ("The ceasefire took hold on Monday last week.", WED_2025_01_22, ("2025-01-13", "day")),
        # days named from the anchor
        ("Rockets hit the port today.", TUE_2025_01_21, ("2025-01-21", "day")),
        ("The minister resigned this morning.", THU_2024_02_29, ("2024-02-29", "day")),
        ("He will address the nation tonight.", WED_2025_01_01, ("2025-01-01", "day")),
        ("The border was closed yesterday.", WED_2025_01_01, ("2024-12-31", "day")),
        ("Sirens sounded across the city last night.", FRI_2024_03_01, ("2024-02-29", "day")),
        ("The leaders will sign the accord tomorrow.", THU_2024_02_29, ("2024-03-01", "day")),
        ("Police had detained the suspect the day before.", MON_2025_01_20, ("2025-01-19", "day")),
        ("A day earlier, the cabinet approved the budget.", WED_2025_01_01, ("2024-12-31", "day")),
        ("Three days ago the rebels took the airport.", SAT_2025_03_01, ("2025-02-26", "day")),
        ("The ambassador was expelled 10 days ago.", WED_2025_01_01, ("2024-12-22", "day")),
        # weeks
        ("Seoul and Tokyo resumed talks last week.", WED_2025_01_22, ("2025-01-13..2025-01-19", "range")),
        ("Seoul and Tokyo resumed talks last week.", WED_2025_01_01, ("2024-12-23..2024-12-29", "range")),
        ("Fighting intensified this week.", WED_2025_01_01, ("2024-12-30..2025-01-01", "range")),
        ("Fighting intensified earlier this week.", MON_2025_01_20, ("2025-01-20..2025-01-20", "range")),
        ("The bloc meets again next week.", TUE_2024_12_31, ("2025-01-06..2025-01-12", "range")),
        ("The talks collapsed two weeks ago.", WED_2025_01_22, ("2025-01-06..2025-01-12", "range")),
        ("Kyiv received the shells a week ago.", MON_2025_01_20, ("2025-01-13..2025-01-19", "range")),
        # months
        ("Exports fell sharply last month.", WED_2025_01_01, ("2024-12", "month")),
        ("Exports fell sharply last month.", FRI_2024_03_01, ("2024-02", "month")),
        ("Elections were held earlier this month.", WED_2025_01_22, ("2025-01", "month")),
        ("The talks resume next month.", TUE_2024_12_31, ("2025-01", "month")),
        ("The embassy reopened two months ago.", WED_2025_01_22, ("2024-11", "month")),
        ("Rebels seized the city in February 2022.", WED_2025_01_22, ("2022-02", "month")),
        ("The treaty lapsed in mid-March 2019.", WED_2025_01_22, ("2019-03", "month")),
        ("The parties agreed on the plan in May.", SUN_2025_06_15, ("2025-05", "month")),
        ("The parties agreed on the plan in May.", WED_2025_01_22, ("2024-05", "month")),
        ("Voters will go to the polls in May.", WED_2025_01_22, ("2025-05", "month")),
        ("A vote is scheduled for early March.", SUN_2025_06_15, ("2026-03", "month")),
        ("Elections are planned in June.", SUN_2025_06_15, ("2025-06", "month")),
        ("Prices rose in December.", WED_2025_01_01, ("2024-12", "month")),
        # years and decades
        ("Growth slowed last year.", WED_2025_01_01, ("2024", "year")),
        ("The previous year, the two sides had cut ties.", FRI_2024_03_01, ("2023", "year")),
        ("Inflation has eased this year.", TUE_2024_12_31, ("2024", "year")),
        ("Ties improved earlier this year.", WED_2025_01_22, ("2025", "year")),
        ("The two states signed a border pact in 2023.", WED_2025_01_22, ("2023", "year")),
        ("The ceasefire has held since early 2016.", WED_2025_01_22, ("2016", "year")),
        ("The enclave was besieged two years ago.", WED_2025_01_01, ("2023", "year")),
        ("Both sides fought a border war in the 1990s.", WED_2025_01_22, ("1990-01-01..1999-12-31", "range")),
        # explicit dates
        ("The truce began on January 19.", WED_2025_01_22, ("2025-01-19", "day")),
        ("Envoys met on Jan. 22 in Riyadh.", WED_2025_01_22, ("2025-01-22", "day")),
        ("Envoys met on 22 January in Riyadh.", WED_2025_01_22, ("2025-01-22", "day")),
        ("Delegates meet on January 30 to sign.", SAT_2025_01_25, ("2025-01-30", "day")),
        ("The vote took place on February 10.", SAT_2025_01_25, ("2024-02-10", "day")),
        ("The new year talks open on January 2.", SAT_2024_12_28, ("2025-01-02", "day")),
        ("Strikes were first reported on December 30.", WED_2025_01_01, ("2024-12-30", "day")),
        ("The decree was issued on February 29.", SAT_2025_03_01, ("2024-02-29", "day")),
        ("Both leaders spoke on January 22, 2025.", SUN_2025_06_15, ("2025-01-22", "day")),
        ("Both leaders spoke on 22 January 2025.", SUN_2025_06_15, ("2025-01-22", "day")),
        ("Both leaders spoke on the 3rd of March, 2022.", SUN_2025_06_15, ("2022-03-03", "day")),
        ("The order took effect on 2025-01-22.", SUN_2025_06_15, ("2025-01-22", "day")),
        (
            "Kenya and Uganda signed the deal on Tuesday, Jan. 14, 2020.",
            SUN_2025_06_15,
            ("2020-01-14", "day"),
        ),
        # recently
        ("The rebels have recently stepped up attacks.", WED_2025_01_22, ("<2025-01-22", "before")),
        ("Clashes have intensified in recent days.", TUE_2024_12_31, ("<2024-12-31", "before")),
        ("Shipping has slowed in recent weeks.", THU_2024_02_29, ("<2024-02-29", "before")),
    ],
)
def test_resolve_event_date(text, anchor, expected):
    resolved = resolve_event_date(text, anchor)
    assert (resolved.value, resolved.precision) == expected


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("The leaders spoke by phone a day after Trump took office.", TUE_2025_01_21, ("2025-01-21", "day")),
        ("The leaders spoke by phone a day after Trump took office.", D(2017, 1, 22), ("2017-01-21", "day")),
        (
            "Two days after President Donald Trump was sworn in, Ottawa responded.",
            SAT_2025_01_25,
            ("2025-01-22", "day"),
        ),
        ("Protests erupted the day before Trump's inauguration.", SAT_2025_01_25, ("2025-01-19", "day")),
        ("Tariffs have risen since Trump took office.", SAT_2025_03_01, ("2025-01-20..2025-03-01", "range")),
        (
            "Trade fell sharply after Trump's inauguration.",
            D(2018, 6, 1),
            ("2017-01-20..2018-06-01", "range"),
        ),
        (
            "The deal was struck before Trump returned to the White House.",
            SAT_2025_03_01,
            ("<2025-01-20", "before"),
        ),
        ("Markets fell when Trump was inaugurated.", SUN_2025_06_15, ("2025-01-20", "day")),
        (
            "Trump imposed tariffs on Chinese steel during his first term.",
            SUN_2025_06_15,
            ("2017-01-20..2021-01-20", "range"),
        ),
        (
            "During his first term, Trump met Kim Jong Un three times.",
            SUN_2025_06_15,
            ("2017-01-20..2021-01-20", "range"),
        ),
        ("Relations soured during Trump's second term.", SUN_2025_06_15, ("2025-01-20..2025-06-15", "range")),
        (
            "Trump praised Macron, who had hosted him during his first term.",
            SUN_2025_06_15,
            ("2017-05-14..2022-05-14", "range"),
        ),
        (
            "Macron said Trump had cut aid in his first term.",
            SUN_2025_06_15,
            ("2017-01-20..2021-01-20", "range"),
        ),
        # unknown people and terms not served leave the expression unresolved
        ("A day after Smith took office, the envoys met on Monday.", TUE_2025_01_21, ("2025-01-20", "day")),
        (
            "Observers expect little from Trump's third term.",
            SUN_2025_06_15,
            (untimed(SUN_2025_06_15), "before"),
        ),
    ],
)
def test_role_relative_dates(text, anchor, expected):
    resolved = resolve_event_date(text, anchor, fake_roles)
    assert (resolved.value, resolved.precision) == expected


def test_role_relative_dates_need_roles():
    text = "The leaders spoke by phone a day after Trump took office."
    assert resolve_event_date(text, TUE_2025_01_21) == ResolvedDate(untimed(TUE_2025_01_21), "before", -1, -1)


@pytest.mark.parametrize(
    "text",
    [
        "The two presidents held a two-hour call.",
        "The meeting lasted an hour and 35 minutes.",
        "The three-year-long conflict has killed thousands.",
        "The party has ruled for 30 years.",
        "The 78-year-old leader was re-elected.",
        "He was sworn in as the 45th President.",
        "Veterans marked the 80th anniversary of the landing.",
        "Rescuers pulled 2,000 people from the rubble at 10:30.",
        "Theresa May may visit the region.",
        "The rally was held at Mar-a-Lago.",
        "Markets are closed on Sundays.",
        "The army said the offensive had been a success.",
        "The accord was signed on February 30.",
    ],
)
def test_non_dates_leave_the_event_untimed(text):
    anchor = WED_2025_01_22
    assert resolve_event_date(text, anchor) == ResolvedDate("<2025-01-22", "before", -1, -1)


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("The foreign ministers held a video call on Tuesday to discuss the ceasefire.", "on Tuesday"),
        ("Rebels seized the city in February 2022, a year after the coup.", "in February 2022"),
        ("The summit opens on Tuesday, January 21, in Geneva.", "on Tuesday, January 21"),
        ("Talks were held a day after Trump took office, on Tuesday.", "a day after Trump took office"),
        ("After a two-hour call last week, both sides claimed progress.", "last week"),
        ("Tuesday's talks ended early.", "Tuesday's"),
        ("The ceasefire has held in recent weeks.", "in recent weeks"),
    ],
)
def test_find_date_expression(text, expression):
    start, end = find_date_expression(text)
    assert text[start:end] == expression


def test_find_date_expression_offsets():
    assert find_date_expression("Envoys met on Jan. 22 in Riyadh.") == (11, 21)
    assert find_date_expression("The 45th President held a two-hour call.") is None


def test_resolved_offsets_point_at_the_expression():
    text = "Seoul and Tokyo resumed talks last week."
    assert resolve_event_date(text, WED_2025_01_22) == ResolvedDate("2025-01-13..2025-01-19", "range", 30, 39)


@pytest.mark.parametrize(
    ("expression", "context", "anchor", "expected"),
    [
        ("on Friday", "", MON_2025_01_20, ResolvedDate("2025-01-17", "day", 0, 9)),
        ("in May", "", WED_2025_01_22, ResolvedDate("2024-05", "month", 0, 6)),
        (
            "in May",
            "Voters will elect a new parliament in May.",
            WED_2025_01_22,
            ResolvedDate("2025-05", "month", 0, 6),
        ),
        (
            "since he took office",
            "Trump said trade had improved since he took office.",
            SAT_2025_03_01,
            ResolvedDate("2025-01-20..2025-03-01", "range", 0, 20),
        ),
        ("for 30 years", "", WED_2025_01_22, None),
        ("a day after Smith took office", "", WED_2025_01_22, None),
    ],
)
def test_resolve_date_expression(expression, context, anchor, expected):
    assert resolve_date_expression(expression, anchor, fake_roles, context) == expected
