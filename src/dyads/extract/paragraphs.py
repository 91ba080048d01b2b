"""Paragraphs from plain text and HTML fragments, with whitespace cleaned."""

from __future__ import annotations

import re

import lxml.html
from lxml.etree import ParserError

_BLOCK_TAGS = (
    "p", "div", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6",
    "section", "article", "tr", "pre", "dd", "dt", "figcaption", "br", "hr",
)  # fmt: skip


def text_paragraphs(text: str) -> list[str]:
    """Paragraphs of plain text: blank-line separated blocks; a block of short lines is split per line.

    Hard-wrapped prose has every line but the last close to the wrap width and is joined back;
    a block of short lines is a list of separate items (buttons, links, headings).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    blocks = re.split(r"\n\s*\n", text)
    if len(blocks) == 1:
        return [line for line in text.split("\n") if line.strip()]
    paragraphs = []
    for block in blocks:
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if len(lines) > 1 and all(len(line) >= 50 for line in lines[:-1]):
            paragraphs.append(" ".join(lines))
        else:
            paragraphs.extend(lines)
    return paragraphs


def html_fragment_paragraphs(fragment: str) -> list[str]:
    """Paragraphs of an HTML fragment (a feed entry's body): block elements become paragraphs."""
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ParserError, ValueError):
        return text_paragraphs(fragment)
    for element in root.iter("script", "style", "noscript", "template"):
        element.drop_tree()
    for element in root.iter(*_BLOCK_TAGS):
        element.tail = "\n\n" + (element.tail or "")
        if element.tag != "br":
            element.text = "\n\n" + (element.text or "")
    return [p for p in (clean_space(p) for p in re.split(r"\n\s*\n", root.text_content())) if p]


def clean_space(text: str) -> str:
    return re.sub(r"[ \t\u00a0\u200b]+", " ", text).strip()
