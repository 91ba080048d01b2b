"""JSON Lines and JSON arrays of article records.

A record is `{"id", "text" | "html", "url"?, "date"?, "outlet"?, "title"?}`. A bad line is rejected
with its line number and the good lines around it are kept, because dumps are often partly broken.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

from dyads.errors import InputError
from dyads.ingest.decoding import decode_bytes
from dyads.ingest.origin import Origin
from dyads.model import RawDocument, Rejection

_OPTIONAL_STRINGS = ("url", "outlet", "title")


def read_json_lines(data: bytes, origin: Origin) -> Iterator[RawDocument | Rejection]:
    text = decode_bytes(data)
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        label = f"line {number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield Rejection(origin.part(label), f"invalid JSON at column {error.colno}: {error.msg}")
            continue
        yield _record_or_rejection(record, origin, label)


def read_json_document(data: bytes, origin: Origin) -> Iterator[RawDocument | Rejection]:
    """A JSON file holding one record or an array of records."""
    text = decode_bytes(data)
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(f"invalid JSON at line {error.lineno} column {error.colno}: {error.msg}") from None
    if isinstance(value, dict):
        yield _record_or_rejection(value, origin, "record 1")
        return
    if not isinstance(value, list):
        raise InputError("JSON must be an object or an array of objects")
    for number, record in enumerate(value, start=1):
        yield _record_or_rejection(record, origin, f"record {number}")


def _record_or_rejection(record: Any, origin: Origin, label: str) -> RawDocument | Rejection:
    try:
        return record_to_document(record, origin, label)
    except InputError as error:
        return Rejection(origin.part(label), str(error))


def record_to_document(record: Any, origin: Origin, label: str) -> RawDocument:
    """Validate one record; its `id` names the article, else the file and line/record number."""
    if not isinstance(record, dict):
        raise InputError(f"expected a JSON object, got {type(record).__name__}")
    text, html = record.get("text"), record.get("html")
    if text is None and html is None:
        raise InputError("record has neither 'text' nor 'html'")
    content = text if text is not None else html
    if not isinstance(content, str):
        field = "text" if text is not None else "html"
        raise InputError(f"'{field}' must be a string")
    for field in _OPTIONAL_STRINGS:
        if record.get(field) is not None and not isinstance(record[field], str):
            raise InputError(f"'{field}' must be a string")
    record_id = record.get("id")
    if record_id is not None and not isinstance(record_id, str | int):
        raise InputError("'id' must be a string or a number")
    return RawDocument(
        doc=str(record_id) if record_id is not None else origin.part(label),
        source_path=origin.source_path,
        kind="text" if text is not None else "html",
        content=content,
        url=record.get("url"),
        title=record.get("title"),
        published=_parse_record_date(record.get("date")),
        outlet=record.get("outlet"),
    )


def _parse_record_date(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputError("'date' must be a string such as 2025-01-21")
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        raise InputError(f"'date' is not an ISO date (YYYY-MM-DD): {value[:40]!r}") from None
