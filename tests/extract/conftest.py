"""Shared helpers for the extraction tests: a fixed ingest time, body paragraphs, options."""

import datetime as dt

from dyads.extract import ExtractOptions
from dyads.model import RawDocument

NOW = dt.datetime(2026, 11, 23, 12, 0)
BODY = (
    "Brazil and Argentina agreed on Thursday to reopen a border crossing that had been closed "
    "for a month, the two foreign ministries said in a joint statement."
)
SECOND = "Officials expect trucks to move again within days, easing pressure on grain exporters."


def options(**kwargs) -> ExtractOptions:
    kwargs.setdefault("ingested_at", NOW)
    kwargs.setdefault("year_anchors", None)
    return ExtractOptions(**kwargs)


def text_doc(content: str, **kwargs) -> RawDocument:
    return RawDocument(doc="a.txt", source_path="a.txt", kind="text", content=content, **kwargs)
