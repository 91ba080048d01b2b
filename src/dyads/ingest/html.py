"""HTML pages: decoded with their declared charset; main text is extracted later by `extract`."""

from __future__ import annotations

from collections.abc import Iterator

from dyads.ingest.decoding import declared_charset, decode_bytes
from dyads.ingest.origin import Origin
from dyads.model import RawDocument


def read_html(data: bytes, origin: Origin) -> Iterator[RawDocument]:
    html = decode_bytes(data, declared=declared_charset(data))
    yield RawDocument(doc=origin.name, source_path=origin.source_path, kind="html", content=html)
