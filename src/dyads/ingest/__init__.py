"""Readers: from paths on the command line to raw documents, one per article.

`read_inputs` walks files, directories (recursively) and `-` (standard input), decompresses `.gz`,
picks a reader by file name or, failing that, by content, and yields a `RawDocument` per article or a
`Rejection` per input (or part of an input) that cannot be read. It never raises for bad input, so one
broken file does not stop a batch.
"""

from __future__ import annotations

import gzip
import io
import logging
import os
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from pathlib import Path
from typing import BinaryIO

from dyads.errors import InputError
from dyads.ingest.feeds import read_feed
from dyads.ingest.html import read_html
from dyads.ingest.limits import ReadLimits, describe_size
from dyads.ingest.network import NetworkPolicy, fetch, format_of, is_url
from dyads.ingest.origin import Origin
from dyads.ingest.records import read_json_document, read_json_lines
from dyads.ingest.text import read_text
from dyads.model import RawDocument, Rejection

__all__ = ["FORMATS", "NetworkPolicy", "Origin", "ReadLimits", "detect_format", "read_bytes", "read_inputs"]

logger = logging.getLogger(__name__)

Reader = Callable[[bytes, Origin], Iterable[RawDocument | Rejection]]

FORMATS: dict[str, Reader] = {
    "text": read_text,
    "html": read_html,
    "feed": read_feed,
    "jsonl": read_json_lines,
    "json": read_json_document,
}

_EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
}
_CHUNK = 1024 * 1024


def read_inputs(
    paths: Iterable[str],
    limits: ReadLimits = ReadLimits(),
    stdin: BinaryIO | None = None,
    network: NetworkPolicy = NetworkPolicy(),
) -> Iterator[RawDocument | Rejection]:
    """Yield every article found under `paths` (and at URLs, when the network policy allows), and a
    rejection for each input that fails."""
    for given in paths:
        if is_url(given):
            yield from _read_url(given, limits, network)
            continue
        if given == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _read_one(Origin("-", "-"), partial(_read_stream, stream, limits.max_bytes), limits)
            continue
        path = Path(given)
        if path.is_dir():
            for file in _walk(path):
                origin = Origin(file.relative_to(path).as_posix(), str(file))
                yield from _read_one(origin, partial(_read_file, file, limits), limits)
        elif path.exists():
            yield from _read_one(Origin(given, given), partial(_read_file, path, limits), limits)
        else:
            yield Rejection(given, "no such file or directory")


def _read_url(url: str, limits: ReadLimits, network: NetworkPolicy) -> Iterator[RawDocument | Rejection]:
    try:
        fetched = fetch(url, network, limits.max_bytes)
    except InputError as error:
        yield Rejection(url, str(error))
        return
    reader = format_of(fetched)
    origin = Origin(url, fetched.url)
    if reader is None:
        yield from _read_one(origin, lambda: fetched.data, limits)
        return
    try:
        yield from FORMATS[reader](fetched.data, origin)
    except InputError as error:
        yield Rejection(url, str(error))


def read_bytes(
    data: bytes, origin: Origin, limits: ReadLimits = ReadLimits()
) -> list[RawDocument | Rejection]:
    """Read one input already in memory (a test fixture, a downloaded page)."""
    return list(_read_one(origin, lambda: data, limits))


def detect_format(name: str, data: bytes) -> str:
    """The reader for an input: by its extension (under `.gz`), else by its first bytes."""
    suffixes = [s.lower() for s in Path(name).suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    if suffixes and suffixes[-1] in _EXTENSIONS:
        return _EXTENSIONS[suffixes[-1]]
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"["):
        return "json"
    if head.startswith(b"{"):
        return "jsonl"
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    if head.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf")):
        return "html" if b"<html" in head else "feed"
    return "text"


def _read_one(
    origin: Origin, load: Callable[[], bytes], limits: ReadLimits
) -> Iterator[RawDocument | Rejection]:
    try:
        data = load()
        if origin.name.lower().endswith(".gz"):
            data = _gunzip(data, limits.max_decompressed_bytes)
        if not data.strip():
            raise InputError("empty input")
        reader = FORMATS[detect_format(origin.name.removesuffix(".gz"), data)]
        yield from reader(data, origin)
    except InputError as error:
        yield Rejection(origin.name, str(error))
    except OSError as error:
        yield Rejection(origin.name, f"cannot read: {error.strerror or error}")


def _walk(directory: Path) -> Iterator[Path]:
    """Files with a known extension under `directory`, sorted, skipping hidden files and folders."""
    for root, folders, files in os.walk(directory):
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            suffix = Path(name.removesuffix(".gz")).suffix.lower()
            if suffix in _EXTENSIONS:
                yield Path(root) / name
            else:
                logger.info("skipping %s: not a known article format", Path(root) / name)


def _read_file(path: Path, limits: ReadLimits) -> bytes:
    size = path.stat().st_size
    if size > limits.max_bytes:
        raise InputError(
            f"file is {describe_size(size)}, over the {describe_size(limits.max_bytes)} limit (--max-bytes)"
        )
    return path.read_bytes()


def _read_stream(stream: BinaryIO, max_bytes: int) -> bytes:
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(f"standard input is over the {describe_size(max_bytes)} limit (--max-bytes)")
    return data


def _gunzip(data: bytes, max_bytes: int) -> bytes:
    """Decompress in chunks so that a gzip bomb stops at the limit instead of filling memory."""
    chunks, total = [], 0
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            while chunk := stream.read(_CHUNK):
                total += len(chunk)
                if total > max_bytes:
                    raise InputError(
                        f"decompresses to more than {describe_size(max_bytes)} (possible gzip bomb)"
                    )
                chunks.append(chunk)
    except EOFError:
        raise InputError("truncated gzip data") from None
    except (gzip.BadGzipFile, zlib.error) as error:
        raise InputError(f"corrupt gzip data ({error})") from None
    return b"".join(chunks)
