"""Limits on input size, checked before bytes are read or decompressed."""

from __future__ import annotations

from dataclasses import dataclass

MEGABYTE = 1024 * 1024


@dataclass(frozen=True)
class ReadLimits:
    """How much a single input may weigh.

    `max_bytes` applies to a file as stored (checked with `stat` before opening it);
    `max_decompressed_bytes` applies to what a `.gz` file expands to, so a gzip bomb stops early.
    """

    max_bytes: int = 20 * MEGABYTE
    max_decompressed_bytes: int = 200 * MEGABYTE


def describe_size(size: int) -> str:
    """A size as users read it: `20 MB`, `512 KB`, `17 bytes`."""
    if size >= MEGABYTE:
        return f"{size / MEGABYTE:g} MB"
    if size >= 1024:
        return f"{size / 1024:g} KB"
    return f"{size} bytes"
