"""The dashboard and JSON API: pages, filters, pagination, security headers, bad input, and the pages
in Debian's chromium against a real server on a free local port."""

import socket
import threading
import time

import pytest
import uvicorn
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from playwright.sync_api import expect

from dyads.pipeline import ingest
from dyads.store import Store
from dyads.web.app import create_app

from ..conftest import ARTIFACTS, REPO
from ..test_report import HOSTILE_TEXT

PARAMETERS = [
    "actor",
    "pair",
    "date_from",
    "date_to",
    "root",
    "plover",
    "mode",
    "outlet",
    "q",
    "limit",
    "offset",
]


@pytest.fixture(scope="module")
def web_db(tmp_path_factory, seeds_dir):
    """The demo corpus, the seeds and one hostile article in one database."""
    folder = tmp_path_factory.mktemp("web")
    (folder / "hostile.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    path = folder / "web.duckdb"
    with Store.open(path) as store:
        ingest([str(REPO / "examples"), str(seeds_dir), str(folder / "hostile.txt")], store)
    return path


@pytest.fixture(scope="module")
def client(web_db):
    return TestClient(create_app(web_db))


@pytest.mark.parametrize("url", ["/", "/events", "/stories", "/api", "/api/events", "/api/stories", "/api/dyads",
                                 "/openapi.json", "/static/vendor/htmx.min.js", "/events?root=99", "/nope"])  # fmt: skip
def test_every_response_carries_the_security_headers(client, url):
    response = client.get(url)
    assert response.status_code < 500
    policy = response.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "script-src 'self'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"


def test_a_form_s_empty_fields_filter_nothing(client):
    empty = {name: "" for name in PARAMETERS if name not in ("limit", "offset")}
    assert (
        client.get("/api/events", params=empty).json()["total"] == client.get("/api/events").json()["total"]
    )
    assert client.get("/events", params=empty).status_code == 200


def test_events_api_filters_and_pages(client):
    everything = client.get("/api/events", params={"limit": 500}).json()
    assert everything["total"] == len(everything["events"]) > 30
    pair = client.get("/api/events", params={"pair": "UKR-RUS", "limit": 500}).json()
    assert pair["total"] == sum(
        {e["source_code"][:3], (e["target_code"] or "")[:3]} == {"RUS", "UKR"} for e in everything["events"]
    )
    first = client.get("/api/events", params={"limit": 5}).json()["events"]
    second = client.get("/api/events", params={"limit": 5, "offset": 5}).json()["events"]
    assert len(first) == len(second) == 5 and not {e["id"] for e in first} & {e["id"] for e in second}
    conflict = client.get(
        "/api/events", params={"plover": "ASSAULT", "mode": "asserted", "limit": 500}
    ).json()
    assert all(e["plover"] == "ASSAULT" and e["mode"] == "asserted" for e in conflict["events"])
    assert client.get("/api/events", params={"q": "Sochi"}).json()["total"] >= 1


def test_events_near_a_place(client):
    near = client.get("/api/events", params={"near": "Moscow", "km": 60}).json()
    assert near["total"] >= 1
    assert all(e["location_precision"] != "country" for e in near["events"])
    assert {e["location_country"] for e in near["events"]} == {"RUS"}
    by_point = client.get("/api/events", params={"near": "55.75,37.62", "km": 60}).json()
    assert by_point["total"] == near["total"]
    page = client.get("/events", params={"near": "Moscow", "km": 60}).text
    assert f'<p class="meta" id="event-count">{near["total"]} events' in page
    assert 'name="near" value="Moscow"' in page and '<td title="city, ' in page


def test_stories_and_dyads_api(client):
    stories = client.get("/api/stories").json()
    call = next(
        s
        for s in stories["stories"]
        if any(a["doc"].endswith("000_47d7a3a68d9f9f9a.txt") for a in s["articles"])
    )
    comparison = client.get(f"/api/stories/{call['id']}").json()
    [dates] = [c for c in comparison["conflicts"] if c["kind"] == "event_date"]
    assert sorted(dates["values"].values()) == ["2025-01-21", "2025-01-22"]
    dyads = client.get("/api/dyads", params={"pair": "RUS-CHN"}).json()
    assert dyads["pairs"][0]["events"] >= dyads["pairs"][-1]["events"]
    assert sum(p["cooperation"] + p["conflict"] for p in dyads["series"]["CHN-RUS"]) >= 5


@pytest.mark.parametrize(
    ("url", "status", "message"),
    [
        ("/api/events?root=99", 422, "root"),
        ("/api/events?limit=0", 422, "limit"),
        ("/api/events?limit=100000", 422, "limit"),
        ("/api/events?date_from=yesterday", 422, "date_from"),
        ("/api/events?date_from=2025-13-45", 422, "date_from: '2025-13-45' is not a date"),
        ("/api/events?date_from=2025-02-01&date_to=2025-01-01", 422, "date_from must not be after date_to"),
        ("/api/events?mode=certain", 422, "mode"),
        ("/api/events?pair=RUSSIA", 422, "pair"),
        ("/api/stories/s-nope", 404, "no story 's-nope'"),
        ("/api/events?near=Atlantis-upon-Sea", 422, "near: unknown place 'Atlantis-upon-Sea'"),
        ("/api/events?near=Kyiv&km=0", 422, "km"),
    ],
)
def test_bad_parameters_get_a_4xx_that_names_them(client, url, status, message):
    response = client.get(url)
    assert response.status_code == status
    assert message in response.json()["error"]


def test_the_database_is_opened_read_only(web_db):
    app = create_app(web_db)
    assert app is not None
    with Store.open(web_db, read_only=True) as store, pytest.raises(Exception, match="read-only"):
        store.connection.execute("DELETE FROM events")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    name=st.sampled_from(PARAMETERS),
    value=st.text(max_size=40),
    page=st.sampled_from(["/events", "/api/events"]),
)
def test_fuzzed_parameters_never_fail_and_never_echo_markup(client, name, value, page):
    response = client.get(page, params={name: value})
    assert response.status_code < 500
    if "<" in value and response.headers["content-type"].startswith("text/html"):
        assert value not in response.text


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server(web_db):
    port = _free_port()
    running = uvicorn.Server(
        uvicorn.Config(create_app(web_db), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not running.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert running.started, "the dashboard did not start"
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=10)


@pytest.mark.browser
def test_dashboard_in_chromium(page, server):
    ARTIFACTS.mkdir(exist_ok=True)
    response = page.goto(server + "/")
    assert "default-src 'none'" in response.headers["content-security-policy"]
    page.wait_for_selector("body[data-ready=true]")
    page.select_option("#pair-select", "CHN-RUS")
    assert page.locator("#timeline-chart svg").get_attribute("data-pair") == "CHN-RUS"
    assert page.locator("#timeline-chart rect").count() >= 2
    assert page.locator("#map path.country").count() > 150
    page.locator("#map circle.place").first.click()
    assert page.locator("#map-events tbody tr").count() >= 1
    page.screenshot(path=str(ARTIFACTS / "dashboard-overview.png"), full_page=True)

    page.goto(server + "/stories")
    page.locator(".stories li a", has_text="Xi Jinping and Putin").click()
    conflict = page.locator('.conflict[data-kind="event_date"]')
    assert conflict.locator("mark").all_inner_texts() == ["2025-01-21", "2025-01-22"]
    page.screenshot(path=str(ARTIFACTS / "dashboard-story.png"), full_page=True)

    page.goto(server + "/events")
    before = page.locator("#event-count").inner_text()
    page.fill("input[name=pair]", "RUS-TUR")
    page.click("#filters button[type=submit]")
    expect(page.locator("#event-count")).not_to_have_text(before)
    rows = page.locator("#events-table tbody tr")
    assert rows.count() >= 1
    assert "pair=RUS-TUR" in page.url
    page.screenshot(path=str(ARTIFACTS / "dashboard-events.png"), full_page=True)


@pytest.mark.browser
def test_hostile_article_in_the_dashboard_runs_nothing(page, server):
    page.goto(server + "/events?q=Iraq")
    assert "<script>alert('body')</script>" in page.locator("#events-table").inner_text()
    page.goto(server + "/stories")
    link = page.locator(".stories li a", has_text="Iran and Iraq")
    assert "<script>alert('title')</script>" in link.inner_text()
    link.click()
    assert page.locator("main script, main img").count() == 0
    page.screenshot(path=str(ARTIFACTS / "dashboard-hostile.png"), full_page=True)


def test_serve_binds_the_loopback_address_unless_told_otherwise():
    from dyads.cli import serve

    host = next(option for option in serve.params if option.name == "host")
    assert host.default == "127.0.0.1"
