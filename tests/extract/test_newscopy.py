import datetime as dt

import pytest

from dyads.extract.newscopy import match_dateline, read_news_copy

from .conftest import BODY, SECOND


@pytest.mark.parametrize(
    ("paragraph", "places", "month_day", "year", "wire"),
    [
        (
            "MOSCOW/BEIJING, Jan 21 (Reuters) – In a call",
            ("Moscow", "Beijing"),
            (1, 21),
            None,
            "Reuters",
        ),
        ("WASHINGTON, Jan. 21 (AP) — The president", ("Washington",), (1, 21), None, "AP"),
        (
            "NEW DELHI, 3 March 2025 (Meridian Press) - India",
            ("New Delhi",),
            (3, 3),
            2025,
            "Meridian Press",
        ),
        ("KYIV (AFP) -- Ukraine said", ("Kyiv",), None, None, "AFP"),
        ("RIO DE JANEIRO, May 2 – Brazil", ("Rio de Janeiro",), (5, 2), None, None),
        (
            "ST. PETERSBURG, Sept 9 (Interfax) – Talks",
            ("St. Petersburg",),
            (9, 9),
            None,
            "Interfax",
        ),
        ("GENEVA – Negotiators met", ("Geneva",), None, None, None),
    ],
)
def test_datelines(paragraph, places, month_day, year, wire):
    dateline = match_dateline(paragraph)
    assert dateline is not None
    assert dateline.places == places
    assert (dateline.month, dateline.day) == (month_day or (None, None))
    assert (dateline.year, dateline.wire) == (year, wire)
    assert paragraph[dateline.end :][0].isalpha()


@pytest.mark.parametrize(
    "paragraph",
    [
        "In a significant video call on Tuesday, Putin spoke.",
        "NATO – the alliance – said nothing",
        "US-China talks resumed.",
        "A – B",
    ],
)
def test_not_datelines(paragraph):
    assert match_dateline(paragraph) is None


@pytest.mark.parametrize(
    "furniture",
    [
        ["Summary"],
        ["References"],
        ["Exit mobile version"],
        ["Share this article", "Follow us on X"],
        ["Subscribe to our newsletter for daily briefings."],
        ["Advertisement"],
        ["© 2025 Prairie Post. All rights reserved."],
        ["Civil Engineering Jobs in Lyon"],
        ["Related articles", "Markets rally as rates hold"],
        ["Write a comment ...", "Post comment", "Cancel"],
        ["Tags: Brazil, Argentina, trade"],
    ],
)
def test_web_furniture_is_dropped_at_either_end(furniture):
    copy = read_news_copy(["A Headline About Trade", *furniture, BODY, SECOND, *furniture])
    assert copy.title == "A Headline About Trade"
    assert copy.paragraphs == (BODY, SECOND)


def test_in_body_subheading_and_ordinary_short_sentences_are_kept():
    paragraphs = ["Headline", BODY, "What comes next", SECOND, "Talks resume on Monday."]
    assert read_news_copy(paragraphs).paragraphs == tuple(paragraphs[1:])


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("Courtesy: Eastgate Courier", "Eastgate Courier"),
        ("Source: Meridian Press", "Meridian Press"),
        ("This article first appeared in The Harbour Ledger.", "The Harbour Ledger"),
        ("Originally published by Atlas Daily Review", "Atlas Daily Review"),
    ],
)
def test_credit_lines_give_the_outlet(line, outlet):
    copy = read_news_copy(["Headline", BODY, line, "Exit mobile version"])
    assert copy.credited_outlet == outlet
    assert copy.paragraphs == (BODY,)


def test_byline_and_date_line_are_metadata_not_text():
    copy = read_news_copy(["Headline", "By Ana Costa and Luis Prado", "March 6, 2025", BODY])
    assert copy.paragraphs == (BODY,)
    assert copy.date_line == (dt.date(2025, 3, 6), "day")


def test_given_title_is_not_repeated_in_text():
    copy = read_news_copy(["Border Reopens", BODY], title="Border Reopens")
    assert (copy.title, copy.paragraphs) == ("Border Reopens", (BODY,))
