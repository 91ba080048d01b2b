import datetime as dt
import json

import pytest

from dyads.actors.roles import Role, TakingOfficeAnchors
from dyads.errors import InputError
from dyads.extract import (
    ExtractOptions,
    extract_article,
    html_fragment_paragraphs,
    infer_year,
    match_dateline,
    parse_date_line,
    read_news_copy,
    text_paragraphs,
)
from dyads.ingest import read_inputs
from dyads.model import RawDocument

NOW = dt.datetime(2026, 11, 23, 12, 0)
BODY = (
    "Brazil and Argentina agreed on Thursday to reopen a border crossing that had been closed "
    "for a month, the two foreign ministries said in a joint statement."
)
SECOND = "Officials expect trucks to move again within days, easing pressure on grain exporters."


def options(**kwargs) -> ExtractOptions:
    kwargs.setdefault("ingested_at", NOW)
    kwargs.setdefault("year_anchors", None)
    return ExtractOptions(**kwargs)


def text_doc(content: str, **kwargs) -> RawDocument:
    return RawDocument(doc="a.txt", source_path="a.txt", kind="text", content=content, **kwargs)


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
    ("line", "expected"),
    [
        ("Wed 22nd Jan, 2025", (dt.date(2025, 1, 22), "day")),
        ("January 22, 2025", (dt.date(2025, 1, 22), "day")),
        ("22 January 2025", (dt.date(2025, 1, 22), "day")),
        ("2025-01-22", (dt.date(2025, 1, 22), "day")),
        ("Published: Tuesday, March 4, 2025 10:32 AM GMT", (dt.date(2025, 3, 4), "day")),
        ("Updated on Jan. 5, 2024", (dt.date(2024, 1, 5), "day")),
        ("March 2025", (dt.date(2025, 3, 1), "month")),
        ("March 4", None),
        ("Summary", None),
        ("Putin and Xi spoke by phone on January 21, 2025, officials in both capitals said.", None),
    ],
)
def test_date_lines(line, expected):
    assert parse_date_line(line) == expected


def test_text_paragraphs_join_hard_wrapped_lines_and_split_short_ones():
    text = (
        "Headline Here\n\n"
        "This paragraph was hard wrapped by an old wire system at sixty\n"
        "characters per line, and must be read back as one paragraph.\n\n"
        "Write a comment ...\nPost comment\nCancel\n"
    )
    assert text_paragraphs(text) == [
        "Headline Here",
        "This paragraph was hard wrapped by an old wire system at sixty characters per line, "
        "and must be read back as one paragraph.",
        "Write a comment ...",
        "Post comment",
        "Cancel",
    ]


def test_html_fragment_paragraphs():
    fragment = "<p>One <b>bold</b> claim.</p><script>alert(1)</script><ul><li>Item</li></ul>Tail<br>Next"
    assert html_fragment_paragraphs(fragment) == ["One bold claim.", "Item", "Tail", "Next"]


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


def test_article_from_text():
    article = extract_article(
        text_doc(f"Border Reopens\n\nMarch 6, 2025\n\n{BODY}\n\n{SECOND}\n\nCourtesy: Prairie Post\n"),
        options(),
    )
    assert article.title == "Border Reopens"
    assert article.paragraphs == (BODY, SECOND)
    assert article.text == f"{BODY}\n\n{SECOND}"
    assert (article.outlet, article.wire, article.language) == ("Prairie Post", None, "en")
    assert article.published.date == dt.date(2025, 3, 6)
    assert article.ingested_at == NOW
    assert len(article.id) == 16


def test_article_from_feed_fragment_and_html_page():
    fragment = RawDocument(
        doc="https://x.example/1", source_path="f.xml", kind="fragment",
        content=f"<p>{BODY}</p><p>{SECOND}</p>", title="Border Reopens", outlet="Northline Times",
    )  # fmt: skip
    article = extract_article(fragment, options())
    assert (article.title, article.outlet, article.paragraphs) == (
        "Border Reopens",
        "Northline Times",
        (BODY, SECOND),
    )
    page = (
        '<html><head><title>Border Reopens | Atlas</title><meta property="og:site_name" content="Atlas Daily">'
        '<meta property="article:published_time" content="2025-03-06T08:00:00Z"></head><body>'
        "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article><h1>Border Reopens</h1>"
        f"<p>{BODY}</p><p>{SECOND}</p></article><footer>© 2025 Atlas Daily</footer></body></html>"
    )
    html = RawDocument(doc="p.html", source_path="p.html", kind="html", content=page)
    article = extract_article(html, options())
    assert (article.title, article.outlet, article.published.date) == (
        "Border Reopens",
        "Atlas Daily",
        dt.date(2025, 3, 6),
    )
    assert article.paragraphs == (BODY, SECOND)


@pytest.mark.parametrize("content", ["Summary\n\nExit mobile version", "<html><body></body></html>"])
def test_document_without_article_text_is_rejected(content):
    kind = "html" if content.startswith("<") else "text"
    with pytest.raises(InputError, match="no article text found"):
        extract_article(RawDocument(doc="x", source_path="x", kind=kind, content=content), options())


def test_seed_articles_match_gold(seeds_dir, gold_dir):
    gold = {
        record["doc"]: record
        for record in map(json.loads, (gold_dir / "seed_articles.jsonl").read_text().splitlines())
    }
    articles = {a.doc: a for a in (extract_article(raw) for raw in read_inputs([str(seeds_dir)]))}
    assert set(articles) == set(gold)
    for doc, expected in gold.items():
        article = articles[doc]
        assert article.title == expected["title"]
        assert article.published.date.isoformat() == expected["published"]
        assert article.published.precision == "day"
        assert article.outlet == expected["outlet"]
        assert article.wire == expected["wire"]
        assert list(article.dateline_places) == expected.get("dateline_places", [])
        for line in expected["boilerplate_to_drop"]:
            assert line not in article.paragraphs
            assert line not in article.text.splitlines()
