"""Topics and contexts of events: the packaged table, the written cases, the seeds' gold, and the
Ukraine disagreement between the seeds' outlets."""

import pytest

from dyads.evaluate import event_cases_as_gold, read_jsonl
from dyads.events.coding import code_articles, shared_coding_pipeline
from dyads.pipeline import ingest, read_articles
from dyads.store import Store
from dyads.topics import TopicTable, says_not_discussed, topic_name

from .conftest import DATA

CASES = read_jsonl(DATA / "topic_cases.jsonl")
TABLE = TopicTable.load()
KNOWN = {
    line.split()[0]
    for line in (DATA / "topic_cases_known_failures.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
}


def test_the_table_covers_the_recurring_issues():
    assert len(TABLE.topics) >= 60
    terms = [term.lower() for topic in TABLE.topics.values() for term in topic.terms]
    assert len(terms) == len(set(terms)), "a term names two topics"
    contexts = {row.split(",")[0] for row in (DATA.parent.parent / "src/dyads/ontology/plover_contexts.csv")
                .read_text(encoding="utf-8").splitlines()[1:]}  # fmt: skip
    assert all(set(topic.contexts) <= contexts for topic in TABLE.topics.values())


@pytest.mark.parametrize(
    ("given", "name"),
    [("ukraine-war", "Ukraine"), ("UKRAINE", "Ukraine"), ("taiwan", "Taiwan"), ("no-such", "no-such")],
)
def test_topics_are_found_by_id_or_name(given, name):
    assert topic_name(given) == name


@pytest.mark.parametrize(
    ("sentence", "negates"),
    [
        ("Neither side said whether Ukraine was discussed.", True),
        ("The statement gave no details on whether Taiwan came up.", True),
        ("Trade was not on the agenda, officials said.", True),
        ("It was not clear whether a prisoner exchange was discussed.", True),
        ("Asked whether Putin would visit Turkey, Peskov said only that the invitation stands.", True),
        ("The leaders discussed Ukraine at length.", False),
        ("Ukraine did not attend the talks.", False),
    ],
)
def test_what_says_a_topic_was_not_discussed(sentence, negates):
    assert says_not_discussed(sentence) is negates


def test_users_extend_the_table(tmp_path):
    extra = tmp_path / "mine.csv"
    extra.write_text("topic,name,terms,actors,contexts,note\nlithium,Lithium,lithium;salar,BOL;CHL,natural_resource,\n",
                     encoding="utf-8")  # fmt: skip
    table = TopicTable.load([extra])
    assert table.find("lithium").terms == ("lithium", "salar")
    assert len(table.topics) == len(TABLE.topics) + 1


@pytest.fixture(scope="module")
def coded_cases():
    articles, _ = event_cases_as_gold([{**case, "events": []} for case in CASES])
    events: dict[str, list] = {case["id"]: [] for case in CASES}
    for event in code_articles(articles, shared_coding_pipeline()):
        events[event.doc].append(event)
    return events


def _names(ids):
    return {TABLE.topics[i].name for i in ids}


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(c, id=c["id"], marks=[pytest.mark.xfail(strict=True)] if c["id"] in KNOWN else [])
        for c in CASES
    ],
)
def test_topic_case(case, coded_cases):
    events = [e for e in coded_cases[case["id"]] if e.sentence_index == 0]
    assert events, "no event coded in the first sentence"
    topics = {t for e in events for t in e.topics}
    negated = {t for e in coded_cases[case["id"]] for t in e.negated_topics}
    assert _names(case["topics"]) <= topics
    assert not _names(case["not_topics"]) & topics
    assert _names(case["negated"]) <= negated
    assert set(case["contexts"]) <= {c for e in events for c in e.context}


def test_seed_call_topics(seeds_dir, gold_dir):
    gold = read_jsonl(gold_dir / "seed_topics.jsonl")
    articles = [a for a in read_articles([str(seeds_dir)])]
    events = code_articles(articles, shared_coding_pipeline())
    for doc, expected in zip(("000_47d7a3a68d9f9f9a.txt", "001_5ca1f0bd5e63fd5e.txt"), gold, strict=True):
        [call] = [e for e in events if e.doc == doc and e.root == "04" and {e.source.country, e.target.country} == {"RUS", "CHN"}
                  and e.date_precision == "day"][:1]  # fmt: skip
        assert set(expected["must"]) <= set(call.topics), (doc, call.topics)
        assert not set(expected["must_not"]) & set(call.topics), (doc, call.topics)


def test_compare_shows_the_ukraine_disagreement(seeds_dir, tmp_path):
    with Store.open(tmp_path / "s.duckdb") as store:
        ingest([str(seeds_dir)], store)
        [story] = store.stories()
        comparison = store.story_comparison(story)
    [ukraine] = [
        c for c in comparison.conflicts if c.kind == "assertion_vs_unconfirmed" and "Ukraine" in c.description
    ]
    values = dict(ukraine.values)
    assert values["000_47d7a3a68d9f9f9a.txt"] == "Ukraine discussed"
    assert values["001_5ca1f0bd5e63fd5e.txt"] == "not said whether Ukraine was discussed"
    assert any("whether" in sentence and "Ukraine" in sentence for sentence in ukraine.evidence)


@pytest.mark.parametrize(
    ("second_sentence", "negated"),
    [
        ("Neither side said whether Ukraine was discussed.", {"Ukraine"}),
        # a person not mentioned is not a topic left out
        ("Neither side mentioned Ukrainian President Volodymyr Zelensky.", set()),
    ],
)
def test_a_topic_left_out_is_the_topic_not_a_person(second_sentence, negated):
    text = f"Putin and Erdogan spoke by telephone on Monday about trade. {second_sentence}"
    articles, _ = event_cases_as_gold([{"id": "t", "text": text, "date": "2025-03-04", "events": []}])
    events = code_articles(articles, shared_coding_pipeline())
    assert events
    assert {topic for event in events for topic in event.negated_topics} == negated
