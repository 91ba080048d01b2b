"""Where an input came from, as the user named it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Origin:
    """An input's name for messages and `doc`, and the path it was read from.

    `name` is the path as given on the command line, or relative to the directory that was given, so
    `doc` stays stable when the same folder is ingested from elsewhere; `-` is standard input.
    """

    name: str
    source_path: str

    def part(self, label: str) -> str:
        """Name one part of a multi-article input (`feed.xml item 3`, `dump.jsonl line 7`)."""
        return f"{self.name} {label}"
