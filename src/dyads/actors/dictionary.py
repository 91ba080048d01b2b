"""The actor dictionary: names, people with dated roles and role words, with their CAMEO codes.

Package data (all readable CSV under `data/`, see the READMEs there):
- `names.csv`: countries, territories, regions, demonyms, capitals, cities and metonyms
  (`Kremlin` → RUSGOV, `Pentagon` → USAMIL);
- `organizations.csv`: international organizations, NGOs, armed groups, companies;
- `agents.csv`: role words that give a sector (`minister` → GOV, `troops` → MIL);
- `people.csv` (PETRARCH2 leaders and officials, roles closed as of 2015) and `roles_since_2015.csv`
  (curated for dyads), merged so that the curated roles win where they overlap.
Users add their own rows with files in the same formats (`--actors FILE`).
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from dyads.actors.roles import PETRARCH_PEOPLE_FILE, ROLES_FILE, Role, load_roles
from dyads.errors import DyadsError

NAME_FILES = ("names.csv", "organizations.csv")
AGENTS_FILE = "agents.csv"
NAME_COLUMNS = ("text", "code", "kind", "ambiguous")
LEADER_OFFICES = frozenset({"head_of_state", "head_of_government"})
PEOPLE_COLUMNS = ("person", "variants", "country", "code", "office", "title", "start", "end")
AGENT_COLUMNS = ("text", "code", "plural")
ELITE = "ELI"
COUNTRY_KINDS = frozenset({"country", "adjective", "capital", "city", "region"})
"""Kinds that name a country (or region) and carry no role of their own."""


@dataclass(frozen=True)
class NameEntry:
    """A surface form of a country, place, institution or organization and its code."""

    text: str
    code: str
    kind: str
    ambiguous: bool


@dataclass(frozen=True)
class Person:
    """A person and all their known roles; their code depends on the date."""

    name: str
    variants: tuple[str, ...]
    roles: tuple[Role, ...]

    def code_on(self, day: dt.date, country: str | None = None) -> str | None:
        """The person's code on `day`: the role they held, else elite of their last country, else
        their default code; None when nothing is known for that date. Of roles held at once (namesakes
        share a name: Spain's prime minister and a Colombian minister are both Pedro Sánchez), one in
        `country` (as the text names it: `Spanish Prime Minister`) wins, then a head of state or
        government, then the latest."""
        holding = [role for role in self.roles if not role.is_default and role.holds_on(day)]
        if holding:
            return max(
                holding,
                key=lambda role: (
                    role.country == country,
                    role.office in LEADER_OFFICES,
                    role.start or dt.date.min,
                ),
            ).code
        ended = [role for role in self.roles if role.end is not None and role.end <= day]
        if ended:
            country = max(ended, key=lambda role: role.end).country
            return country + ELITE if len(country) == 3 and country.isalpha() else None
        defaults = [role for role in self.roles if role.is_default]
        return defaults[0].code if defaults else None

    def leads_on(self, day: dt.date) -> bool:
        """Whether the person was a head of state or government on `day`: one of `the two leaders`."""
        return any(role.office in LEADER_OFFICES and role.holds_on(day) for role in self.roles)


class ActorDictionary:
    """All names, people and role words, indexed by surface form."""

    def __init__(
        self, names: Iterable[NameEntry], people: Iterable[Person], agents: Mapping[str, str]
    ) -> None:
        self.names: dict[str, list[NameEntry]] = defaultdict(list)
        for entry in names:
            if entry not in self.names[entry.text]:
                self.names[entry.text].append(entry)
        self.people: dict[str, list[Person]] = defaultdict(list)
        for person in people:
            for variant in person.variants:
                self.people[variant].append(person)
        self.agents = dict(agents)

    @classmethod
    def load(cls, extra_files: Sequence[str | Path] = ()) -> ActorDictionary:
        """The packaged dictionary plus users' own files (names, people or agents CSV)."""
        data = files("dyads.actors").joinpath("data")
        names = [entry for name in NAME_FILES for entry in _read_names(data.joinpath(name))]
        roles = list(load_roles(data.joinpath(PETRARCH_PEOPLE_FILE)))
        curated = list(load_roles(data.joinpath(ROLES_FILE)))
        agents = _read_agents(data.joinpath(AGENTS_FILE))
        for path in map(Path, extra_files):
            header = _header(path)
            if set(PEOPLE_COLUMNS) <= header:
                curated.extend(load_roles(path))
            elif set(NAME_COLUMNS) <= header:
                names.extend(_read_names(path))
            elif set(AGENT_COLUMNS) <= header:
                agents.update(_read_agents(path))
            else:
                raise DyadsError(
                    f"{path}: not an actor file; its header must have the columns of names "
                    f"({','.join(NAME_COLUMNS)}), people ({','.join(PEOPLE_COLUMNS)}) or agents "
                    f"({','.join(AGENT_COLUMNS)})"
                )
        return cls(names, merge_people(roles, curated), agents)

    def entries(self, text: str) -> list[NameEntry]:
        return self.names.get(text, [])

    def name_entries(self) -> Iterator[NameEntry]:
        return (entry for entries in self.names.values() for entry in entries)

    def country_names(self) -> dict[str, str]:
        """Every name of a country (`Britain`, `the United States`) → its three-letter code."""
        return country_names(self.name_entries())

    def persons(self, text: str) -> list[Person]:
        return self.people.get(text, [])

    def sector(self, word: str) -> str | None:
        return self.agents.get(word.lower())

    def role_intervals(self, name: str) -> list[tuple[dt.date, dt.date | None]]:
        """When the person of that name held dated roles, oldest first (for `during his first term`)."""
        intervals = {
            (role.start, role.end)
            for person in self.persons(name)
            for role in person.roles
            if role.start is not None and not role.code.endswith(ELITE)
        }
        return sorted(intervals)


def person_key(name: str) -> str:
    """People from different tables are the same person when their names match, ignoring accents."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()


def merge_people(older: Iterable[Role], curated: Iterable[Role]) -> list[Person]:
    """Group roles by person; where a curated role exists, older roles stop at its first start."""
    curated_by_person: dict[str, list[Role]] = defaultdict(list)
    for role in curated:
        curated_by_person[person_key(role.person)].append(role)
    older_by_person: dict[str, list[Role]] = defaultdict(list)
    for role in older:
        older_by_person[person_key(role.person)].append(role)
    people = []
    for key in older_by_person.keys() | curated_by_person.keys():
        roles = curated_by_person.get(key, [])
        first_curated = min((role.start for role in roles if role.start), default=None)
        for role in older_by_person.get(key, []):
            if first_curated and (role.start is None or role.start >= first_curated):
                continue
            if first_curated and (role.end is None or role.end > first_curated):
                role = Role(**{**role.__dict__, "end": first_curated})
            roles.append(role)
        variants = tuple(dict.fromkeys(v for role in roles for v in role.variants))
        name = (curated_by_person.get(key) or roles)[0].person
        people.append(Person(name, variants, tuple(roles)))
    return people


def _header(path: Path) -> set[str]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            return set(next(csv.reader(handle), []))
    except (OSError, UnicodeDecodeError) as error:
        raise DyadsError(f"{path}: cannot read actor file ({error})") from None


def packaged_country_names() -> dict[str, str]:
    """The country names of the packaged name tables, without loading the people (which is slow)."""
    data = files("dyads.actors").joinpath("data")
    return country_names(entry for name in NAME_FILES for entry in _read_names(data.joinpath(name)))


def country_names(entries: Iterable[NameEntry]) -> dict[str, str]:
    return {entry.text: entry.code[:3] for entry in entries if entry.kind == "country"}


def _read_names(source) -> list[NameEntry]:
    with source.open(encoding="utf-8", newline="") as handle:
        return [
            NameEntry(
                row["text"].strip(),
                row["code"].strip(),
                row["kind"].strip(),
                row["ambiguous"].strip() == "yes",
            )
            for row in csv.DictReader(handle)
            if row["text"].strip() and row["code"].strip()
        ]


def _read_agents(source) -> dict[str, str]:
    agents = {}
    with source.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            for form in [row["text"], *row["plural"].split(";")]:
                if form.strip():
                    agents[form.strip().lower()] = row["code"].strip()
    return agents


@functools.lru_cache(maxsize=2)
def shared_dictionary(extra_files: tuple[str, ...] = ()) -> ActorDictionary:
    """The dictionary with these files, loaded once per process: the actor linker and the story
    comparisons of an ingest read the same one (loading takes seconds)."""
    return ActorDictionary.load(extra_files)
