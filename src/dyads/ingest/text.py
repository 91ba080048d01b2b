"""Plain-text articles: the whole file is one article; metadata comes later from `extract`."""

from __future__ import annotations

from collections.abc import Iterator

from dyads.ingest.decoding import decode_bytes
from dyads.ingest.origin import Origin
from dyads.model import RawDocument


def read_text(data: bytes, origin: Origin) -> Iterator[RawDocument]:
    text = decode_bytes(data)
    yield RawDocument(doc=origin.name, source_path=origin.source_path, kind="text", content=text)
