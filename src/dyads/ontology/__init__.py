"""CAMEO and PLOVER tables: what an event code means, its Goldstein score, quad class and PLOVER
category. Package data copied from the project's ontology tables; see SOURCES.md and NOTICE here
(PLOVER parts are CC BY-SA 4.0)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from dyads.errors import DyadsError

EVENT_CODES_FILE = "cameo_event_codes.csv"


@dataclass(frozen=True)
class EventCode:
    """One CAMEO event code with the values an event record carries."""

    code: str
    root: str
    name: str
    goldstein: float | None
    quad_class: int
    plover: str | None
    plover_mode: str | None
    contexts: tuple[str, ...]


@cache
def event_codes() -> dict[str, EventCode]:
    """Every CAMEO event code in the packaged table, read once per process."""
    table = files("dyads.ontology").joinpath(EVENT_CODES_FILE)
    with table.open(encoding="utf-8", newline="") as handle:
        return {row["code"]: _event_code(row) for row in csv.DictReader(handle)}


def event_code(code: str) -> EventCode:
    """The entry for a code; a root (`04`) maps to its own row, unknown codes are an error."""
    codes = event_codes()
    if code not in codes:
        raise DyadsError(f"unknown CAMEO event code {code!r}")
    return codes[code]


def _event_code(row: dict[str, str]) -> EventCode:
    goldstein = row["goldstein_gdelt"] or row["goldstein_phoenix"]
    return EventCode(
        code=row["code"],
        root=row["root"],
        name=row["name"],
        goldstein=float(goldstein) if goldstein else None,
        quad_class=int(row["quad_class"]),
        plover=row["plover_category"] or None,
        plover_mode=row["plover_mode"] or None,
        contexts=tuple(c for c in row["plover_context"].split(";") if c),
    )


@cache
def root_names() -> dict[str, str]:
    """CAMEO root (`04`) → its name (`CONSULT`), from the packaged root table."""
    table = files("dyads.ontology").joinpath("cameo_event_roots.csv")
    with table.open(encoding="utf-8", newline="") as handle:
        return {row["root"]: row["name"] for row in csv.DictReader(handle)}
