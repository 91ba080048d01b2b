"""The article's main event from its triggers (rules, on hand-built docs), and its accuracy floor on
labelled stories (the real model)."""

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from dyads.evaluate import read_jsonl, score_main_events
from dyads.events.coder import TRIGGERS_EXTENSION, EventCoder, Trigger
from dyads.events.coding import shared_coding_pipeline
from dyads.events.main_event import main_event
from dyads.events.patterns import PatternTable

from ..conftest import DATA, SHARED


@pytest.fixture(scope="module", autouse=True)
def extensions():
    EventCoder(PatternTable([]))  # registers the doc extensions


def doc_with(*triggers: Trigger) -> Doc:
    doc = Doc(Vocab(), words=["x"])
    doc._.set(TRIGGERS_EXTENSION, list(triggers))
    return doc


@pytest.mark.parametrize(
    ("triggers", "expected"),
    [
        # one clear happening in the lead
        ([Trigger(0, 0, "141", "asserted", 0)], ("PROTEST", "141")),
        # the lead outweighs one background mention further down
        ([Trigger(0, 0, "173", "asserted", 0), Trigger(4, 0, "190", "asserted", 0)], ("COERCE", "173")),
        # several later sentences about the same kind of happening outweigh a subordinate clause in the lead
        (
            [Trigger(0, 0, "040", "asserted", 3)] + [Trigger(i, 0, "193", "asserted", 0) for i in (1, 2, 3)],
            ("ASSAULT", "193"),
        ),
        # a denied happening reports nothing; what remains does
        ([Trigger(0, 0, "190", "denied", 0), Trigger(1, 0, "112", "asserted", 0)], ("ACCUSE", "112")),
        # appeals have no PLOVER category of their own: they are requests
        ([Trigger(0, 0, "0256", "asserted", 0)], ("REQUEST", "0256")),
        # an intended meeting was coded as an intent (03x): AGREE
        ([Trigger(0, 0, "036", "intended", 0)], ("AGREE", "036")),
    ],
)
def test_main_event_category(triggers, expected):
    found = main_event(doc_with(*triggers))
    assert (found.plover, found.cameo) == expected


@pytest.mark.parametrize(
    "triggers",
    [[], [Trigger(0, 0, "010", "asserted", 0)], [Trigger(0, 0, "193", "denied", 0)]],
)
def test_no_main_event(triggers):
    assert main_event(doc_with(*triggers)) is None


def test_share_says_how_clearly_one_kind_dominates():
    found = main_event(doc_with(Trigger(0, 0, "141", "asserted", 0), Trigger(0, 1, "173", "asserted", 1)))
    assert found.plover == "PROTEST"
    assert found.share == pytest.approx(2 / 3, abs=0.001)


def test_main_event_floor_on_written_examples():
    """960 paragraphs written for dyads, 60 per PLOVER category (`tests/data/PLOVER_EXAMPLES.md`)."""
    score = score_main_events(read_jsonl(DATA / "plover_examples.jsonl"), shared_coding_pipeline())
    assert score.stories == 960
    assert score.coverage >= 0.95
    assert score.accuracy >= 0.55


def test_main_event_floor_on_labelled_stories():
    """The category of each synthetic story's main event (development data beside the repository,
    never shipped): a rule-based floor, so the figure cannot silently drop."""
    path = SHARED / "data" / "plover_synthetic_train.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} is not available")
    stories = read_jsonl(path)[::15]
    score = score_main_events(stories, shared_coding_pipeline())
    assert score.stories == 300
    assert score.coverage >= 0.95
    assert score.accuracy >= 0.30
