"""The bundled demo corpus ingests cleanly and comes out as its manifest says."""

import json

import duckdb
import pytest
from click.testing import CliRunner

from dyads.cli import cli
from dyads.evaluate import score_clusters
from dyads.pipeline import ingest
from dyads.store import Store

from .conftest import DATA, REPO

MANIFEST = json.loads((DATA / "demo_corpus_manifest.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    with Store.open(path) as store:
        summary = ingest([str(REPO / "examples")], store)
    return path, summary


def test_demo_corpus_has_what_later_features_need():
    assert len(MANIFEST) >= 30
    assert len({m["outlet"] for m in MANIFEST if m["outlet"]}) >= 4
    assert {m["format"] for m in MANIFEST} >= {"txt", "html", "rss", "atom", "jsonl", "json", "gz"}
    assert any(m["duplicate_of"] for m in MANIFEST)
    assert any(m["near_duplicate_of"] for m in MANIFEST)


def test_demo_ingest_accepts_everything(demo_db):
    _, summary = demo_db
    duplicates = [m for m in MANIFEST if m["duplicate_of"] or m["near_duplicate_of"]]
    assert summary.rejections == ()
    assert summary.accepted == len(MANIFEST) - len(duplicates)
    assert summary.duplicates == len(duplicates)


def copy_groups(links: dict[str, str]) -> set[frozenset[str]]:
    """Docs that are copies of one another, whichever of them was kept."""
    groups: dict[str, set[str]] = {}
    for doc, original in links.items():
        group = groups.get(original, {original}) | groups.get(doc, {doc})
        for member in group:
            groups[member] = group
    return {frozenset(group) for group in groups.values()}


def test_demo_duplicates_are_linked_to_what_they_copy(demo_db):
    path, _ = demo_db
    connection = duckdb.connect(str(path), read_only=True)
    docs = dict(connection.execute("SELECT id, doc FROM articles").fetchall())
    stored = connection.execute("SELECT doc, kind, duplicate_of FROM duplicates").fetchall()
    connection.close()
    expected = {m["doc"]: m["duplicate_of"] or m["near_duplicate_of"] for m in MANIFEST}
    expected = {doc: original for doc, original in expected.items() if original}
    assert copy_groups({doc: docs[original] for doc, _, original in stored}) == copy_groups(expected)
    exact = {m["doc"] for m in MANIFEST if m["duplicate_of"]} | {
        m["duplicate_of"] for m in MANIFEST if m["duplicate_of"]
    }
    assert {doc for doc, kind, _ in stored if kind == "exact"} < exact


@pytest.mark.parametrize("entry", MANIFEST, ids=lambda m: m["doc"])
def test_demo_article_metadata(demo_db, entry):
    path, _ = demo_db
    connection = duckdb.connect(str(path), read_only=True)
    row = connection.execute(
        "SELECT title, published, outlet, wire, dateline_places, paragraphs FROM articles WHERE doc = ?",
        [entry["doc"]],
    ).fetchone()
    duplicate = connection.execute(
        "SELECT title, outlet FROM duplicates WHERE doc = ?", [entry["doc"]]
    ).fetchone()
    connection.close()
    if row is None:
        assert duplicate == (entry["title"], entry["outlet"])
        return
    title, published, outlet, wire, places, paragraphs = row
    assert title == entry["title"]
    assert published.isoformat() == entry["published"]
    assert (outlet, wire) == (entry["outlet"], entry["wire"])
    assert places == entry["dateline_places"]
    for line in entry["boilerplate"]:
        assert line not in paragraphs


def test_demo_stories_match_the_intended_grouping(demo_db):
    path, _ = demo_db
    gold = {m["doc"]: m["story"] for m in MANIFEST}
    with Store.open(path, read_only=True) as store:
        stored = {profile.doc: story for profile, story in store.story_profiles(pending=False)}
    score = score_clusters(gold, stored)
    assert score.articles == 38
    assert score.bcubed_precision == 1.0
    assert score.bcubed_f1 >= 0.95


PLANTED_FIGURES = [
    ("£1.5", "£1.2 billion"), ("an hour", "45 minutes"), ("almost an hour", "40 minutes"),
    ("25 percent", "30 percent"), ("more than four hours", "about three hours"), ("27 people", "40 people"),
    ("9,000 people", "Tens of thousands"), ("nearly four hours", "three hours"), ("Four Indian soldiers", "Six"),
    ("$1.5 billion", "$1 billion"), ("two hours", "90 minutes"), ("260 kilograms", "200 kilograms"),
    ("two days", "three days"), ("71 aircraft", "64 Chinese"), ("70 Chinese aircraft", "64 Chinese"),
    ("the summer", "the end of August"), ("the summer", "the end of June"), ("the end of August", "the end of June"),
    ("2026", "the end of this year"), ("four people", "five civilians"), ("Wednesday", "Friday"),
]  # fmt: skip
"""The figures and deadlines the manifest says outlets disagree on (Taiwan's first-day count against the
two-day totals included; the Akkuyu reactor's start; the Kyiv strike's toll, which only the wire's near
copies tell; the day of the Tbilisi vote, not that of the next rally). Anything else found would be a
false conflict."""


def test_demo_conflicts_find_planted_figures_and_nothing_false(demo_db):
    path, _ = demo_db
    with Store.open(path, read_only=True) as store:
        conflicts = [c for story in store.stories() for c in story.conflicts]
    figures = [" / ".join(value for _, value in c.values) for c in conflicts if c.kind == "figure"]
    for first, second in PLANTED_FIGURES:
        assert any(first in found and second in found for found in figures), (first, second)
    assert all(any(a in f and b in f for a, b in PLANTED_FIGURES) or "Five Indian" in f for f in figures), (
        figures
    )
    assert len(figures) <= 28  # one per pair of outlets: four run the £1.5 billion of the wire
    dates = [dict(c.values) for c in conflicts if c.kind == "event_date"]
    assert {"text/prairie_rubio_wang_call.txt": "2025-04-16"}.items() <= next(
        d for d in dates if "text/prairie_rubio_wang_call.txt" in d
    ).items()


def test_demo_tolls_that_differ_although_one_is_a_floor(demo_db):
    """Tripoli: at least 12 killed (the wire), 19 (Harbour Ledger), at least 15 (Prairie Post)."""
    path, _ = demo_db
    with Store.open(path, read_only=True) as store:
        tallies = {
            frozenset(value for _, value in c.values)
            for s in store.stories()
            for c in s.conflicts
            if c.kind == "tally"
        }
    assert tallies == {
        frozenset({"at least 12 people", "19 people"}),
        frozenset({"at least 12 people", "At least 15 people"}),
        frozenset({"19 people", "At least 15 people"}),
    }


def store_stories(path):
    with Store.open(path, read_only=True) as store:
        return store.stories()


def test_demo_topic_disagreements(demo_db):
    """Taiwan: discussed (Harbour Ledger) or not clear whether it came up (Prairie Post, Eastgate
    Courier); trade with the US: discussed (Northline Times) or no details (Eastgate Courier); tariffs
    in the Trump–Sheinbaum call: raised (Prairie Post) or not discussed (Harbour Ledger); a prisoner
    exchange at the 2024 Sochi talks: discussed (Eastgate Courier) or not clear (Atlas Daily Review)."""
    path, _ = demo_db
    unconfirmed = [
        c for s in store_stories(path) for c in s.conflicts if c.kind == "assertion_vs_unconfirmed"
    ]
    topics = {c.description for c in unconfirmed if "whether" in c.description}
    assert topics == {
        "CHN-USA: whether Taiwan was discussed",
        "DEU-FRA: whether trade was discussed",
        "MEX-USA: whether trade was discussed",
        "RUS-TUR: whether Hostages and prisoner exchanges was discussed",
    }


def test_demo_actions_one_outlet_reports_and_others_leave_open(demo_db):
    """Putin accepted the invitation to visit Turkey (Prairie Post) or it is not known whether he did
    (Harbour Ledger, Eastgate Courier); Lula would invite Trump (Northline Times) or declined to say
    whether Trump had been invited (Eastgate Courier); Merz is expected in Paris next month (Northline
    Times) or neither side mentioned a date for their next meeting (Prairie Post)."""
    path, _ = demo_db
    found = {
        c.description.split(":")[0]: {value for _, value in c.values}
        for s in store_stories(path)
        for c in s.conflicts
        if c.kind == "assertion_vs_unconfirmed" and "whether" not in c.description
    }
    assert found == {
        "RUS>TUR 042": {"intended", "left open"},
        "BRA>USA 036": {"intended", "left open"},
        "DEU-FRA": {"2025-11", "no date given"},
    }


def test_demo_an_agreement_one_outlet_says_signed_and_another_still_expects(demo_db):
    """Britain and Ukraine signed the drone agreement on Thursday (Atlas Daily Review) or it is
    expected to be signed in the coming weeks (the wire, as Northline Times ran it)."""
    path, _ = demo_db
    found = {
        (c.description.split(":")[0], frozenset(c.values))
        for s in store_stories(path)
        for c in s.conflicts
        if c.kind == "asserted_vs_expected"
    }
    assert found == {
        (
            "GBR-UKR 05",
            frozenset(
                {
                    ("text/atlas_uk_ukraine_drone_deal.txt", "done"),
                    (
                        "https://northlinetimes.example/2025/06/20/starmer-pledges-air-defence-package-kyiv/",
                        "expected",
                    ),
                }
            ),
        )
    }


def test_demo_tear_gas_used_or_denied(demo_db):
    """Police used tear gas in Tbilisi (The Harbour Ledger) or the interior ministry denied it (Atlas
    Daily Review); both say water cannon was used."""
    path, _ = demo_db
    found = [
        (c.description, c.values)
        for s in store_stories(path)
        for c in s.conflicts
        if c.kind == "assertion_vs_denial"
    ]
    assert found == [
        (
            "tear gas: used according to some outlets, denied according to others",
            (("text/harbour_tbilisi_protest.txt", "used"), ("adr-20250414-tbilisi-teargas", "denied")),
        )
    ]


def test_demo_mediators_of_the_tripoli_truce(demo_db):
    """The UN mission brokered the Tripoli truce (the wire, as Atlas Daily Review ran it) or Turkey
    did (The Harbour Ledger)."""
    path, _ = demo_db
    found = [
        (c.description, c.values) for s in store_stories(path) for c in s.conflicts if c.kind == "mediator"
    ]
    assert found == [
        (
            "ceasefire: brokered by IGOUNO / TUR according to different outlets",
            (
                ("adr-20250814-tripoli-truce", "UN"),
                ("https://harbourledger.example/world/2025/aug/14/turkey-tripoli-ceasefire-libya", "Turkish"),
            ),
        )
    ]


def test_demo_a_meeting_in_paris_or_by_video(demo_db):
    """The three European foreign ministers met in Paris (Atlas Daily Review) or agreed their
    statement during a video conference (Northline Times): one conflict, although three pairs met."""
    path, _ = demo_db
    found = [
        (c.values, c.evidence) for s in store_stories(path) for c in s.conflicts if c.kind == "meeting_format"
    ]
    assert [values for values, _ in found] == [
        (
            ("text/atlas_e3_iran_snapback.txt", "in person (Paris)"),
            (
                "https://northlinetimes.example/2025/02/24/iran-rejects-european-ultimatum-nuclear/",
                "by telephone or video",
            ),
        )
    ]
    assert "video conference of the three foreign ministers" in found[0][1][1]


def test_demo_the_kremlin_silent_or_lavrov_speaking(demo_db):
    """The Kremlin had not commented on Starmer's visit by Thursday afternoon (the wire, as Northline
    Times ran it), while Lavrov accused London on Thursday (Atlas Daily Review). The Kremlin's words of
    Friday (Eastgate Courier) came after."""
    path, _ = demo_db
    found = [c.values for s in store_stories(path) for c in s.conflicts if c.kind == "statement_vs_silence"]
    assert found == [
        (
            ("text/atlas_uk_ukraine_drone_deal.txt", "commented on 2025-06-19"),
            (
                "https://northlinetimes.example/2025/06/20/starmer-pledges-air-defence-package-kyiv/",
                "had not commented",
            ),
        )
    ]


def test_demo_titles_that_do_not_fit_the_date(demo_db):
    """Merz called German President while Chancellor; Jaishankar called Foreign Secretary, India's top
    diplomat's post, while External Affairs Minister. Nobody else's title is wrong."""
    path, _ = demo_db
    found = {
        next(value for doc, value in c.values if doc != "actor dictionary")
        for story in store_stories(path)
        for c in story.conflicts
        if c.kind == "reference_fact"
    }
    assert found == {"President Friedrich Merz", "Foreign Secretary Subrahmanyam Jaishankar"}


def test_demo_compare_table_names_every_outlet_in_conflict(demo_db):
    """Atlas Daily Review's tear-gas denial supports no claim of the story; the conflicts table
    still names the outlet, not the document."""
    path, _ = demo_db
    [story] = [s for s in store_stories(path) if any(c.kind == "assertion_vs_denial" for c in s.conflicts)]
    result = CliRunner().invoke(cli, ["compare", "--db", str(path), story.id], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    conflicts = result.stdout.split("conflicts", 1)[1]
    assert "Atlas Daily Review" in conflicts
    assert "adr-20250414-tbilisi-teargas" not in conflicts
