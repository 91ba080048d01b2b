import datetime as dt

import pytest

from dyads.actors.roles import Role, TakingOfficeAnchors
from dyads.extract import extract_article
from dyads.extract.published import infer_year

from .conftest import BODY, options, text_doc


@pytest.mark.parametrize(
    ("text", "default_date", "expected"),
    [
        ("No years at all.", dt.date(2025, 1, 25), (2025, "user")),
        ("No years at all.", dt.date(2025, 1, 10), (2024, "user")),
        ("A deal signed in 2019 and revised in 2023.", None, (2023, "text-years")),
        ("Plans run to 2040.", None, (2026, "ingest-year")),
        ("No years at all.", None, (2026, "ingest-year")),
    ],
)
def test_infer_year_without_anchors(text, default_date, expected):
    assert infer_year(1, 21, text, options(default_date=default_date)) == expected


def test_infer_year_from_taking_office_anchor():
    roles = [
        Role("Donald Trump", ("Donald Trump", "Trump"), "USA", "USAGOV", "head_of_state", "President",
             dt.date(2017, 1, 20), dt.date(2021, 1, 20)),
        Role("Donald Trump", ("Donald Trump", "Trump"), "USA", "USAGOV", "head_of_state", "President",
             dt.date(2025, 1, 20), None),
    ]  # fmt: skip
    anchors = TakingOfficeAnchors(roles)
    text = "The call came a day after Trump took office. The pact dates from February 2022."
    assert anchors(text) == [dt.date(2017, 1, 20), dt.date(2025, 1, 20)]
    assert infer_year(1, 21, text, options(year_anchors=anchors)) == (2025, "role-anchor")
    assert infer_year(1, 21, "Trump was sworn in on Friday.", options(year_anchors=anchors)) == (
        2017,
        "role-anchor",
    )


def test_publication_date_evidence_order():
    dateline_text = f"Headline\n\nBRASILIA, Mar 6 (Meridian Press) – {BODY}"
    article = extract_article(text_doc(dateline_text), options(default_date=dt.date(2025, 3, 7)))
    assert (article.published.date, article.published.basis) == (
        dt.date(2025, 3, 6),
        "dateline+user",
    )
    article = extract_article(text_doc(dateline_text, published=dt.date(2025, 3, 5)), options())
    assert (article.published.date, article.published.basis) == (dt.date(2025, 3, 5), "metadata")
    article = extract_article(text_doc(f"Headline\n\n{BODY}"), options(default_date=dt.date(2025, 3, 7)))
    assert (article.published.date, article.published.basis) == (dt.date(2025, 3, 7), "user")
    assert extract_article(text_doc(f"Headline\n\n{BODY}"), options()).published is None
