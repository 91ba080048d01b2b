"""People with dated roles: who held which office, with which CAMEO code, from when to when.

The package ships `data/roles_since_2015.csv` (heads of state and government, foreign and defence
ministers and other prominent officials since 2015). Besides coding actors by date, the role starts
date an article: "a day after Trump took office" pins a dateline without a year to 2017 or 2025.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

ROLES_FILE = "roles_since_2015.csv"
PETRARCH_PEOPLE_FILE = "people.csv"

_TAKING_OFFICE = re.compile(
    r"\b(?:inaugurat\w*|took\s+office|taking\s+office|takes\s+office|sworn\s+in|swearing[- ]in|"
    r"assumed\s+office|took\s+the\s+oath|return(?:ed)?\s+to\s+(?:the\s+)?(?:presidency|power|office|white\s+house))\b",
    re.IGNORECASE,
)
_WINDOW = 100
"""Characters either side of a taking-office phrase searched for the person's name."""


@dataclass(frozen=True)
class Role:
    """One person's code over an interval; an empty start or end leaves that side open.

    A role with neither start nor end is a default: the code when no dated role applies.
    """

    person: str
    variants: tuple[str, ...]
    country: str
    code: str
    office: str
    title: str
    start: dt.date | None
    end: dt.date | None

    def holds_on(self, day: dt.date) -> bool:
        """Whether the role applies on `day` (the end day itself belongs to the successor)."""
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)

    @property
    def is_default(self) -> bool:
        return self.start is None and self.end is None


def load_roles(path: str | Path | Traversable | None = None) -> tuple[Role, ...]:
    """Roles from a CSV file with the package's columns; the packaged table since 2015 by default."""
    source = (
        Path(path) if isinstance(path, str) else path or files("dyads.actors").joinpath("data", ROLES_FILE)
    )
    with source.open(encoding="utf-8", newline="") as handle:
        return tuple(_role(row) for row in csv.DictReader(handle))


def _role(row: dict[str, str]) -> Role:
    variants = tuple(v.strip() for v in row["variants"].split(";") if v.strip())
    return Role(
        person=row["person"],
        variants=variants or (row["person"],),
        country=row["country"],
        code=row["code"],
        office=row["office"],
        title=row["title"],
        start=dt.date.fromisoformat(row["start"]) if row["start"] else None,
        end=dt.date.fromisoformat(row["end"]) if row["end"] else None,
    )


class TakingOfficeAnchors:
    """Finds "X took office" / "X's inauguration" in a text and returns when X's roles began.

    Usable as `ExtractOptions.year_anchors`. Names are matched as whole words; surnames alone count
    only when the table lists them as a variant. Without `roles`, the packaged table is read the first
    time a text is searched, so building options stays cheap.
    """

    def __init__(self, roles: Sequence[Role] | None = None) -> None:
        self._roles = roles

    @cached_property
    def _starts(self) -> dict[str, set[dt.date]]:
        starts: dict[str, set[dt.date]] = {}
        for role in self._roles if self._roles is not None else load_roles():
            if role.start is None:
                continue
            for variant in role.variants:
                starts.setdefault(variant.casefold(), set()).add(role.start)
        return starts

    @cached_property
    def _names(self) -> re.Pattern[str]:
        alternatives = sorted(self._starts, key=len, reverse=True)
        return re.compile(r"\b(?:" + "|".join(map(re.escape, alternatives)) + r")\b", re.IGNORECASE)

    def __call__(self, text: str) -> list[dt.date]:
        dates: set[dt.date] = set()
        for phrase in _TAKING_OFFICE.finditer(text):
            window = text[max(phrase.start() - _WINDOW, 0) : phrase.end() + _WINDOW]
            for name in self._names.findall(window):
                dates |= self._starts.get(name.casefold(), set())
        return sorted(dates)
