"""Property tests: whatever bytes arrive under whatever name, reading and extraction never raise;
each input yields articles or rejections that name it and say why."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyads.extract import ExtractOptions
from dyads.ingest import Origin, read_bytes
from dyads.model import RawDocument, Rejection
from dyads.pipeline import extract_or_reject

NAMES = st.sampled_from(
    ["a.txt", "a.html", "a.xml", "a.rss", "a.atom", "a.jsonl", "a.json", "a.txt.gz", "noext"]
)
MARKUP = st.lists(
    st.sampled_from(["<html>", "<body>", "<p>", "</p>", "<div>", "<!DOCTYPE x [", "<!ENTITY e 'x'>", "]>", "&e;",
                     "<rss>", "<item>", "<title>", "{", "}", '"text":', "\n", "Talks in Doha.", "\x00", "\xff",
                     "<script>", "é", "𝕏", "<![CDATA[", "]]>"]),
    max_size=40,
).map("".join)  # fmt: skip


def _check(name: str, data: bytes) -> None:
    for item in read_bytes(data, Origin(name, name)):
        assert isinstance(item, (RawDocument, Rejection))
        if isinstance(item, Rejection):
            assert item.input.startswith(name) and item.reason
            continue
        result = extract_or_reject(item, ExtractOptions())
        if isinstance(result, Rejection):
            assert result.input == item.doc and result.reason


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=NAMES, data=st.binary(max_size=2000))
def test_any_bytes_are_read_or_rejected(name, data):
    _check(name, data)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=NAMES, text=MARKUP, encoding=st.sampled_from(["utf-8", "utf-16", "latin-1", "cp1252"]))
def test_any_markup_in_any_encoding_is_read_or_rejected(name, text, encoding):
    _check(name, text.encode(encoding, errors="replace"))
