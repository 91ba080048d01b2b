"""The self-contained HTML report: its data, the command, and the page in Debian's chromium."""

import html
import json

import pytest
from click.testing import CliRunner

from dyads.cli import cli
from dyads.pipeline import ingest
from dyads.report import render_report, report_data, script_safe_json
from dyads.store import Store

from .conftest import ARTIFACTS, REPO

HOSTILE_TITLE = "<script>alert('title')</script> Iran and Iraq <img src=x onerror=alert('img')> agree"
HOSTILE_TEXT = (
    f"{HOSTILE_TITLE}\n\nMarch 6, 2025\n\n"
    "Iran and Iraq signed a border security agreement on Wednesday <script>alert('body')</script> in Baghdad, "
    "officials said. <a href=\"javascript:alert('link')\">Read more</a>\n\n"
    "Iranian Foreign Minister Abbas Araqchi met Iraqi Prime Minister Mohammed Shia al-Sudani on Wednesday.\n"
)


@pytest.fixture(scope="module")
def report_db(tmp_path_factory, seeds_dir):
    """The demo corpus and the seeds in one database."""
    path = tmp_path_factory.mktemp("report") / "report.duckdb"
    with Store.open(path) as store:
        ingest([str(REPO / "examples"), str(seeds_dir)], store)
    return path


@pytest.fixture(scope="module")
def report_file(report_db, tmp_path_factory):
    out = tmp_path_factory.mktemp("html") / "report.html"
    result = CliRunner().invoke(cli, ["report", "--db", str(report_db), "--out", str(out)])
    assert (result.exit_code, result.stdout) == (0, f"wrote {out}\n")
    return out


def test_report_data(report_db):
    with Store.open(report_db, read_only=True) as store:
        data = report_data(store)
    assert data["overview"]["articles"] == 40
    assert data["overview"]["stories"] == 14
    assert data["pairs"][0]["events"] >= data["pairs"][-1]["events"]
    assert {"CHN-RUS", "RUS-TUR"} <= {pair["pair"] for pair in data["pairs"]}
    assert all(point["week"] for points in data["series"].values() for point in points)
    call = next(
        s
        for s in data["stories"]
        if any(a["doc"].endswith("000_47d7a3a68d9f9f9a.txt") for a in s["articles"])
    )
    dates = [c for c in call["comparison"]["conflicts"] if c["kind"] == "event_date"]
    assert sorted(dates[0]["values"].values()) == ["2025-01-21", "2025-01-22"]
    places = data["map"]["points"]
    assert {"Moscow", "Beijing"} <= {p["name"] for p in places}
    assert all(p["precision"] != "country" and p["items"] for p in places)
    assert data["map"]["countries"]["RUS"] >= 1 and data["map"]["numeric"]["643"] == "RUS"


def test_data_cannot_close_its_script_element():
    text = script_safe_json({"title": "</script><script>alert(1)</script> & more"})
    assert "</" not in text and "<" not in text and "&" not in text
    assert json.loads(text) == {"title": "</script><script>alert(1)</script> & more"}


def test_page_allows_only_its_own_script_and_style():
    page = render_report({"overview": {}, "pairs": [], "series": {}, "network": {"nodes": [], "edges": []},
                          "map": {"countries": {}, "points": [], "numeric": {}}, "stories": []}, "x.duckdb")  # fmt: skip
    policy = html.unescape(
        page.split('http-equiv="Content-Security-Policy" content="', 1)[1].split('"', 1)[0]
    )
    assert "default-src 'none'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "script-src 'sha256-" in policy and "style-src 'sha256-" in policy
    assert "http" not in page.split("<body>", 1)[1].split("</main>", 1)[0]


@pytest.mark.browser
def test_report_in_chromium(page, report_file):
    ARTIFACTS.mkdir(exist_ok=True)
    page.goto(report_file.as_uri())
    page.wait_for_selector("body[data-ready=true]")
    assert page.locator("#overview .card").count() == 6
    page.select_option("#pair-select", "CHN-RUS")
    chart = page.locator("#timeline-chart svg")
    assert chart.get_attribute("data-pair") == "CHN-RUS"
    assert page.locator("#timeline-chart rect").count() >= 2
    assert page.locator("#network circle.node").count() >= 10
    page.screenshot(path=str(ARTIFACTS / "report-overview.png"), full_page=True)
    assert page.locator("#map path.country").count() > 150
    shaded = page.locator('#map path.country[data-country="RUS"]')
    assert int(shaded.get_attribute("data-events")) >= 1
    assert page.locator("#map circle.place").count() >= 5
    page.locator('#map circle.place[data-place="Moscow"]').click()
    assert page.locator("#map-events h3").inner_text().startswith("Moscow (city, RUS)")
    assert page.locator("#map-events tbody tr").count() >= 1
    page.locator("#map").screenshot(path=str(ARTIFACTS / "report-map.png"))
    page.locator(".stories li", has_text="Xi Jinping and Putin").click()
    conflict = page.locator('#story-detail .conflict[data-kind="event_date"]')
    assert conflict.count() == 1
    assert conflict.locator("mark").all_inner_texts() == ["2025-01-21", "2025-01-22"]
    assert conflict.locator("blockquote").count() == 2
    page.screenshot(path=str(ARTIFACTS / "report-story.png"), full_page=True)


@pytest.mark.browser
def test_hostile_article_is_shown_as_text_and_runs_nothing(page, tmp_path):
    (tmp_path / "hostile.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    db, out = tmp_path / "h.duckdb", tmp_path / "report.html"
    with Store.open(db) as store:
        ingest([str(tmp_path / "hostile.txt")], store)
    CliRunner().invoke(cli, ["report", "--db", str(db), "--out", str(out)])
    page_source = out.read_text(encoding="utf-8")
    assert "<script>alert" not in page_source and "<img src=x" not in page_source
    page.goto(out.as_uri())
    page.wait_for_selector("body[data-ready=true]")
    story = page.locator(".stories li").first
    assert "<script>alert('title')</script>" in story.inner_text()
    story.click()
    assert page.locator("#story-detail img, #story-detail script, a[href^=javascript]").count() == 0
    page.screenshot(path=str(ARTIFACTS / "report-hostile.png"), full_page=True)
