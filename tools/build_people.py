"""Build `src/dyads/actors/data/people.csv` from the PETRARCH2 people table.

Run from the repository root with the project's shared data beside it:

    python tools/build_people.py ../shared/actors/people.csv

The PETRARCH2 dictionaries stop in early 2015 and read an open end as "still in office then". This
script closes the roles listed in `tools/closed_roles.csv` (compiled for dyads); leaves open the other
open roles of heads of state and government (named with such a title in their variants), who often
stay in office for decades; ends every other open role on 2015-12-31 (after that the person counts as
a former officeholder, an elite); keeps default codes only for people with no dated role; and writes
the columns the actor dictionary reads.
Roles since 2015 are curated separately in `roles_since_2015.csv` and win over these at load time.
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

COLUMNS = ["person", "variants", "country", "code", "office", "title", "start", "end"]
UNKNOWN_END = "2015-12-31"
LEADER_TITLES = (
    "President ",
    "Prime Minister ",
    "King ",
    "Emir ",
    "Sultan ",
    "Supreme Leader ",
    "Chancellor ",
)
HERE = Path(__file__).resolve().parent


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("people", type=Path, help="PETRARCH2 people.csv")
    parser.add_argument("--out", type=Path, default=HERE.parent / "src/dyads/actors/data/people.csv")
    args = parser.parse_args()
    with (HERE / "closed_roles.csv").open(encoding="utf-8") as handle:
        closures = {
            (r["person_id"], r["code"], r["start"], r["source_line"]): r["end"]
            for r in csv.DictReader(handle)
        }
    with args.people.open(encoding="utf-8") as handle:
        rows = [
            r for r in csv.DictReader(handle) if r["role_kind"] in ("dated", "default") and r["code"] != "---"
        ]
    dated_people = {r["person_id"] for r in rows if r["role_kind"] == "dated"}
    out = []
    for row in rows:
        if row["role_kind"] == "default" and row["person_id"] in dated_people:
            continue
        end = row["end"]
        if row["role_kind"] == "dated" and not end:
            key = (row["person_id"], row["code"], row["start"], row["source_line"])
            leader = any(variant.startswith(LEADER_TITLES) for variant in row["variants"].split(";"))
            end = closures.get(key, "" if leader else UNKNOWN_END)
        if row["start"] and end and end < row["start"]:
            continue
        out.append(
            {
                "person": row["name"],
                "variants": row["variants"],
                "country": row["code"][:3],
                "code": row["code"],
                "office": "",
                "title": "",
                "start": row["start"],
                "end": end,
            }
        )
    with args.out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(out)
    print(f"wrote {len(out)} roles to {args.out}")


if __name__ == "__main__":
    main()
