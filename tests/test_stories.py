"""Story clustering on hand-made article profiles: who joins whom, and what keeps stories apart."""

import datetime as dt

import pytest

from dyads import stories
from dyads.evaluate import read_jsonl, score_clusters
from dyads.model import ArticleProfile, LeadEvent
from dyads.pipeline import ingest
from dyads.store import Store
from dyads.stories import StoryOptions, assign_stories, story_id_for

from .conftest import DATA

CALL = "Putin and Xi held a video call on Tuesday to discuss Ukraine, Taiwan and relations with Trump"
SUMMIT = "Erdogan and Putin met in Sochi for talks on Black Sea shipping, gas supplies and a ceasefire"
FLOOD = "Heavy rain flooded the river valley and farmers counted the losses of the harvest season"


def profile(article_id, text, day, pairs=(), actors=(), dated=(), outlet=None, lead=None):
    return ArticleProfile(
        article_id=article_id, doc=f"{article_id}.txt", title=text.split(" to ")[0], lead=text,
        published=dt.date.fromisoformat(day), outlet=outlet, pairs=frozenset(pairs),
        actors=frozenset(actors), dated_pairs=frozenset((p, dt.date.fromisoformat(d)) for p, d in dated),
        lead_event=LeadEvent(lead[0], dt.date.fromisoformat(lead[1]), *lead[2:]) if lead else None,
    )  # fmt: skip


def stories_of(assignments):
    return {a.article_id: a.story_id for a in assignments}


def test_two_outlets_on_one_call_form_one_story_and_others_stay_apart():
    articles = [
        profile("a", CALL, "2025-01-21", ["CHN-RUS"], ["RUSGOV", "CHNGOV"]),
        profile("b", CALL.replace("Tuesday", "Wednesday") + " said the Kremlin", "2025-01-22", ["CHN-RUS"]),
        profile("c", SUMMIT, "2025-01-22", ["RUS-TUR"], ["TURGOV", "RUSGOV"]),
        profile("d", FLOOD, "2025-01-22"),
    ]
    found = stories_of(assign_stories(articles))
    assert found["a"] == found["b"] == story_id_for("a")
    assert len({found["a"], found["c"], found["d"]}) == 3


def test_publication_window_keeps_a_summit_a_year_later_apart():
    first = profile("a", SUMMIT, "2024-09-04", ["RUS-TUR"])
    a_year_later = profile("b", SUMMIT, "2025-09-11", ["RUS-TUR"])
    found = stories_of(assign_stories([first, a_year_later]))
    assert found["a"] != found["b"]
    assert stories_of(assign_stories([first, a_year_later], options=StoryOptions(window_days=400))) == {
        "a": found["a"], "b": found["a"]
    }  # fmt: skip


def test_events_dated_days_apart_are_two_happenings_even_within_the_window():
    monday = profile("a", CALL, "2025-01-21", ["CHN-RUS"], dated=[("CHN-RUS", "2025-01-20")])
    friday = profile("b", CALL, "2025-01-26", ["CHN-RUS"], dated=[("CHN-RUS", "2025-01-25")])
    assert len(set(stories_of(assign_stories([monday, friday])).values())) == 2
    same_day = profile("c", CALL, "2025-01-22", ["CHN-RUS"], dated=[("CHN-RUS", "2025-01-21")])
    assert len(set(stories_of(assign_stories([monday, same_day])).values())) == 1


ENERGY_CALL = "Leaders spoke by phone about electricity prices, gas storage and EU market rules"


@pytest.mark.parametrize(
    ("first", "second", "apart"),
    [
        # another pair on another day: two calls, even of the same kind
        (("DEU-FRA", "2025-10-08", "04"), ("ESP-ITA", "2025-10-09", "04"), True),
        (("RUS-TUR", "2025-03-03", "04"), ("GRC-TUR", "2025-03-06", "04"), True),
        # the same kind of act on another day at another place: two strikes
        (("RUS-UKR", "2025-06-10", "19", "Kharkiv"), ("RUS-UKR", "2025-06-12", "19", "Odesa"), True),
        # a reaction the next day, partly between the same countries, may join the happening
        (("RUS-UKR", "2025-06-10", "19", "Kharkiv"), ("UKR-USA", "2025-06-11", "02"), False),
        # one call misdated by a day; two calls of the same day
        (("CHN-RUS", "2025-01-21", "04"), ("CHN-RUS", "2025-01-22", "04"), False),
        (("DEU-FRA", "2025-10-08", "04"), ("ESP-ITA", "2025-10-08", "04"), False),
    ],
)
def test_what_articles_lead_with_tells_happenings_apart(first, second, apart):
    pair = [first[0], second[0]]
    articles = [
        profile("a", ENERGY_CALL, first[1], pair, lead=first),
        profile("b", ENERGY_CALL, second[1], pair, lead=second),
    ]
    assert (len(set(stories_of(assign_stories(articles)).values())) == 2) is apart


def test_new_articles_join_stored_stories_without_reclustering_them():
    stored = [(profile("a", CALL, "2025-01-21", ["CHN-RUS"]), "s-existing")]
    found = assign_stories(
        [profile("b", CALL, "2025-01-22", ["CHN-RUS"]), profile("c", FLOOD, "2025-01-22")], stored
    )
    assert [(a.article_id, a.story_id, a.new_story) for a in found] == [
        ("b", "s-existing", False),
        ("c", story_id_for("c"), True),
    ]


def test_assignment_is_deterministic_whatever_the_input_order():
    articles = [
        profile("a", CALL, "2025-01-21", ["CHN-RUS"]),
        profile("b", CALL, "2025-01-21", ["CHN-RUS"]),
        profile("c", SUMMIT, "2025-01-21"),
    ]
    assert stories_of(assign_stories(articles)) == stories_of(assign_stories(articles[::-1]))


def test_actor_and_event_signals_join_what_words_alone_miss():
    """Two reports of one call worded differently: the shared country pair and actors carry them over
    the threshold that the text-only baseline does not reach."""
    a = profile(
        "a", "Moscow and Beijing leaders spoke by video link", "2025-01-21", ["CHN-RUS"], ["RUSGOV", "CHNGOV"]
    )
    b = profile("b", "Kremlin says the leaders held a conference call on partnership", "2025-01-21", ["CHN-RUS"],
                ["RUSGOV", "CHNGOV"])  # fmt: skip
    assert len(set(stories_of(assign_stories([a, b])).values())) == 1
    assert len(set(stories_of(assign_stories([a, b], options=StoryOptions(text_only=True))).values())) == 2


@pytest.mark.parametrize(("field", "value"), [("window_days", -1), ("threshold", 0), ("threshold", 1.5)])
def test_options_refuse_nonsense(field, value):
    with pytest.raises(ValueError, match=field.split("_")[0]):
        StoryOptions(**{field: value})


def test_hard_corpus_beats_the_tf_idf_baseline(tmp_path):
    """69 articles written to be hard (look-alike happenings in one week, one happening in different
    words, same topic with other actors; `tests/data/story_corpus/README.md`): the event and actor
    signals must beat words alone."""
    gold = {r["id"]: r["story_id"] for r in read_jsonl(DATA / "story_corpus_gold.jsonl")}
    with Store.open(tmp_path / "hard.duckdb") as store:
        summary = ingest([str(DATA / "story_corpus")], store)
        stored = store.story_profiles(pending=False)
    assert (summary.accepted, summary.rejected) == (69, 0)
    dyads = score_clusters(gold, {profile.doc: story for profile, story in stored})
    profiles = [profile for profile, _ in stored]
    baseline = {a.article_id: a.story_id for a in assign_stories(profiles, (), StoryOptions(text_only=True))}
    words = score_clusters(gold, {p.doc: baseline[p.article_id] for p in profiles})
    assert dyads.bcubed_f1 >= 0.965 and dyads.pairwise_f1 >= 0.93
    assert dyads.bcubed_f1 >= words.bcubed_f1 + 0.04
    assert dyads.pairwise_f1 >= words.pairwise_f1 + 0.08


def test_articles_of_nothing_but_stop_words_start_stories_of_their_own():
    articles = [profile("a", "the and of the", "2025-01-21"), profile("b", "", "2025-01-21")]
    assert len(set(stories_of(assign_stories(articles)).values())) == 2


def test_stories_do_not_depend_on_how_many_likeness_rows_are_computed_at_once(monkeypatch):
    """Likeness is computed a block of articles at a time to bound memory on a day of news; the block
    size must not change a single assignment."""
    stored = [(profile("a", CALL, "2025-01-21", ["CHN-RUS"], ["RUSGOV"]), "s-call")]
    pending = [
        profile("b", CALL, "2025-01-22", ["CHN-RUS"], ["CHNGOV"]),
        profile("c", SUMMIT, "2025-01-22", ["RUS-TUR"], ["TURGOV", "RUSGOV"]),
        profile("d", FLOOD, "2025-01-22"),
        profile("e", SUMMIT.replace("Sochi", "Ankara"), "2025-01-23", ["RUS-TUR"], ["TURGOV"]),
        profile("f", FLOOD.replace("river", "lake"), "2025-01-23"),
        profile(
            "g", "Kremlin says the leaders held a conference call", "2025-01-23", ["CHN-RUS"], ["RUSGOV"]
        ),
    ]
    at_once = assign_stories(pending, stored)
    monkeypatch.setattr(stories, "_BLOCK_VALUES", 1)
    assert assign_stories(pending, stored) == at_once
    assert len({a.story_id for a in at_once}) == 3
