import datetime as dt

import pytest

from dyads.dedup import DedupConfig, DuplicateIndex, DuplicateMatch, minhash_signature
from dyads.model import Article
from dyads.normalize import content_id

WIRE = (
    "Ministers from Kenya and Ethiopia met in Nairobi on Monday to discuss a new power line that "
    "would carry electricity from the Grand Ethiopian Renaissance Dam to Kenyan cities. The two "
    "governments said the line would be finished within three years and financed by a consortium of "
    "regional banks. Kenya's energy minister said the deal would lower prices for households, while "
    "Ethiopia's foreign ministry called it a model for cooperation across the Horn of Africa. "
    "Officials did not say how much the project would cost, but analysts put it at about $1.2 billion."
)
EDITED = WIRE.replace("on Monday", "on Monday, March 3,").replace(
    "Officials did not say how much the project would cost, but analysts put it at about $1.2 billion.",
    "Officials did not say how much the project would cost.",
)
OWN_REPORT = (
    "Kenya and Ethiopia agreed to build a power line from the Renaissance Dam, Kenya's energy minister "
    "told our reporter in Nairobi. He said households would pay less for electricity once the line is "
    "running, and that banks in the region had offered to pay for most of the work. Ethiopian officials "
    "praised the deal as a sign of closer ties between neighbours that have often disagreed over water."
)


def article(text: str, doc: str) -> Article:
    return Article(
        id=content_id(text), doc=doc, text=text, paragraphs=(text,), title=None, url=None, outlet=None,
        wire=None, published=None, dateline_places=(), language="en", source_path=doc,
        ingested_at=dt.datetime(2025, 1, 1),
    )  # fmt: skip


@pytest.fixture
def index() -> DuplicateIndex:
    index = DuplicateIndex()
    original = article(WIRE, "wire.txt")
    index.add(original.id, minhash_signature(WIRE))
    return index


def test_exact_duplicate_ignores_case_quotes_and_spacing(index):
    copy = article(WIRE.upper().replace("'", "’").replace(" ", "  "), "copy.txt")
    assert index.find(copy, minhash_signature(copy.text)) == DuplicateMatch("exact", content_id(WIRE), 1.0)


def test_wire_copy_with_small_edits_is_a_near_duplicate(index):
    copy = article(EDITED, "edited.txt")
    match = index.find(copy, minhash_signature(copy.text))
    assert match is not None
    assert (match.kind, match.duplicate_of) == ("near", content_id(WIRE))
    assert DedupConfig().threshold <= match.similarity < 1.0


def test_own_report_of_the_same_happening_is_not_a_duplicate(index):
    own = article(OWN_REPORT, "own.txt")
    assert index.find(own, minhash_signature(own.text)) is None


def test_signature_is_deterministic_and_sized():
    first, second = minhash_signature(WIRE), minhash_signature(WIRE)
    assert first.tolist() == second.tolist()
    assert len(first) == DedupConfig().num_perm
    assert len(minhash_signature("Two words")) == DedupConfig().num_perm


def test_index_add_is_idempotent(index):
    index.add(content_id(WIRE), minhash_signature(WIRE))
    assert len(index) == 1
    assert content_id(WIRE) in index
