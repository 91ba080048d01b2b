"""RSS 2.0, RSS 1.0 (RDF) and Atom feeds: every entry becomes an article.

XML is parsed with defusedxml, so external entities are never resolved and entity-expansion bombs are
refused instead of eating memory. The feed's own title is the outlet of its entries.
"""

from __future__ import annotations

import datetime as dt
import email.utils
from collections.abc import Iterator
from xml.etree.ElementTree import Element, ParseError, tostring

import defusedxml
import defusedxml.ElementTree as SafeElementTree

from dyads.errors import InputError
from dyads.ingest.decoding import describe_binary
from dyads.ingest.origin import Origin
from dyads.model import RawDocument, Rejection

ATOM = "{http://www.w3.org/2005/Atom}"
RSS1 = "{http://purl.org/rss/1.0/}"
RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
CONTENT_ENCODED = "{http://purl.org/rss/1.0/modules/content/}encoded"
DC_DATE = "{http://purl.org/dc/elements/1.1/}date"
DC_PUBLISHER = "{http://purl.org/dc/elements/1.1/}publisher"


def read_feed(data: bytes, origin: Origin) -> Iterator[RawDocument | Rejection]:
    binary = describe_binary(data)
    if binary:
        raise InputError(binary)
    root = _parse_xml(data)
    if root.tag == "rss":
        channel = root.find("channel")
        if channel is None:
            raise InputError("RSS feed has no <channel>")
        yield from _entries(channel.findall("item"), _text(channel, "title"), origin, _rss_entry)
    elif root.tag == f"{RDF}RDF":
        channel = root.find(f"{RSS1}channel")
        outlet = _text(channel, f"{RSS1}title") if channel is not None else None
        yield from _entries(root.findall(f"{RSS1}item"), outlet, origin, _rss1_entry)
    elif root.tag == f"{ATOM}feed":
        yield from _entries(root.findall(f"{ATOM}entry"), _text(root, f"{ATOM}title"), origin, _atom_entry)
    else:
        raise InputError(f"XML root <{_local_name(root.tag)}> is not an RSS or Atom feed")


def _parse_xml(data: bytes) -> Element:
    try:
        return SafeElementTree.fromstring(data)
    except defusedxml.EntitiesForbidden:
        raise InputError(
            "XML declares entities, which are refused (possible entity-expansion bomb)"
        ) from None
    except defusedxml.ExternalReferenceForbidden:
        raise InputError("XML refers to an external entity, which is never fetched") from None
    except defusedxml.DTDForbidden:
        raise InputError("XML has a DTD, which is refused") from None
    except ParseError as error:
        line, column = error.position
        raise InputError(f"malformed XML at line {line} column {column}") from None


def _entries(entries, outlet, origin, to_document) -> Iterator[RawDocument | Rejection]:
    if not entries:
        raise InputError("feed has no entries")
    for number, entry in enumerate(entries, start=1):
        label = f"item {number}"
        try:
            yield to_document(entry, outlet, origin, label)
        except InputError as error:
            yield Rejection(origin.part(label), str(error))


def _rss_entry(item: Element, outlet: str | None, origin: Origin, label: str) -> RawDocument:
    content = _text(item, CONTENT_ENCODED) or _text(item, "description")
    link = _text(item, "link") or _text(item, "guid")
    published = _text(item, "pubDate") or _text(item, DC_DATE)
    source = _text(item, "source")
    return _document(
        origin,
        label,
        link,
        _text(item, "title"),
        content,
        _parse_feed_date(published),
        source or outlet,
    )


def _rss1_entry(item: Element, outlet: str | None, origin: Origin, label: str) -> RawDocument:
    content = _text(item, CONTENT_ENCODED) or _text(item, f"{RSS1}description")
    link = _text(item, f"{RSS1}link") or item.get(f"{RDF}about")
    published = _parse_feed_date(_text(item, DC_DATE))
    publisher = _text(item, DC_PUBLISHER)
    return _document(
        origin, label, link, _text(item, f"{RSS1}title"), content, published, publisher or outlet
    )


def _atom_entry(entry: Element, outlet: str | None, origin: Origin, label: str) -> RawDocument:
    link = None
    for candidate in entry.findall(f"{ATOM}link"):
        if candidate.get("rel", "alternate") == "alternate" and candidate.get("href"):
            link = candidate.get("href")
            break
    link = link or _text(entry, f"{ATOM}id")
    content_element = entry.find(f"{ATOM}content")
    if content_element is None:
        content_element = entry.find(f"{ATOM}summary")
    content = _atom_content(content_element)
    published = _text(entry, f"{ATOM}published") or _text(entry, f"{ATOM}updated")
    return _document(
        origin,
        label,
        link,
        _text(entry, f"{ATOM}title"),
        content,
        _parse_feed_date(published),
        outlet,
    )


def _document(origin, label, link, title, content, published, outlet) -> RawDocument:
    if not content or not content.strip():
        raise InputError("entry has no content")
    return RawDocument(
        doc=link or origin.part(label),
        source_path=origin.source_path,
        kind="fragment",
        content=content,
        url=link,
        title=title,
        published=published,
        outlet=outlet,
    )


def _atom_content(element: Element | None) -> str | None:
    """Atom content as HTML: escaped HTML as is, inline XHTML serialized, plain text wrapped."""
    if element is None:
        return None
    kind = element.get("type", "text")
    if kind == "xhtml":
        for descendant in element.iter():
            descendant.tag = _local_name(descendant.tag)
        return "".join(tostring(child, encoding="unicode") for child in element)
    text = element.text or ""
    if kind == "html":
        return text
    return "".join(f"<p>{_escape(p)}</p>" for p in text.split("\n\n") if p.strip())


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _text(element: Element | None, tag: str) -> str | None:
    if element is None:
        return None
    found = element.find(tag)
    if found is None or found.text is None:
        return None
    value = found.text.strip()
    return value or None


def _local_name(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _parse_feed_date(value: str | None) -> dt.date | None:
    """RFC 822 (`Tue, 21 Jan 2025 10:00:00 GMT`) or ISO 8601; an unreadable date is left out."""
    if not value:
        return None
    try:
        return email.utils.parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        return None
