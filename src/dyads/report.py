"""The self-contained HTML report: one file with its styles, script and data inline, that works offline
and opened from disk.

The data (overview figures, top country pairs with weekly series, the country network, every story
with its comparison) is embedded as JSON and drawn by a small script written for dyads. Article text
only ever reaches the page as text (autoescaped template, JSON with `<`, `>` and `&` escaped, and
`textContent` in the script), and a Content-Security-Policy that allows exactly the page's own
script and style, by hash, keeps anything else from running.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
from importlib.metadata import version
from importlib.resources import files
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from dyads.compare import comparison_json, story_json
from dyads.gazetteer import numeric_country_codes
from dyads.store import PairSummary, Store

TOP_PAIRS = 20
NETWORK_PAIRS = 60
MAP_LIBRARIES = ("d3-array.min.js", "d3-geo.min.js", "topojson-client.min.js")
"""Vendored scripts the map needs, in loading order (d3-geo needs d3-array)."""
WORLD_FILE = "countries-110m.json"


def report_data(store: Store, top_pairs: int = TOP_PAIRS, with_stories: bool = True) -> dict:
    """Everything the report shows, as JSON-ready values (the dashboard's overview leaves out the
    stories, which have pages of their own)."""
    stats = store.stats()
    counts = stats["counts"]
    pairs = store.pair_summaries(top_pairs)
    series = store.weekly_series([pair.pair for pair in pairs])
    network = store.pair_summaries(NETWORK_PAIRS)
    countries: dict[str, int] = {}
    for pair in network:
        for country in pair.pair.split("-"):
            countries[country] = countries.get(country, 0) + pair.events
    stories = []
    for story in store.stories() if with_stories else ():
        comparison = comparison_json(store.story_comparison(story))
        stories.append({**story_json(story), "comparison": comparison})
    located, places = store.event_places()
    first, last = stats["published_first"], stats["published_last"]
    return {
        "overview": {
            "articles": counts["articles"],
            "outlets": len(stats["outlets"]),
            "events": counts["events"],
            "stories": counts["stories"],
            "conflicts": counts["conflicts"],
            "published": f"{first} .. {last}" if first else None,
        },
        "pairs": [pair.__dict__ for pair in pairs],
        "series": {
            pair: [{**point.__dict__, "week": point.week.isoformat()} for point in points]
            for pair, points in series.items()
        },
        "network": {
            "nodes": [{"id": country, "events": events} for country, events in sorted(countries.items())],
            "edges": [_edge(pair) for pair in network],
        },
        "map": {"countries": located, "points": places, "numeric": numeric_country_codes()},
        "stories": stories,
    }


def world_outlines() -> str:
    """The vendored country outlines (TopoJSON), as text to embed in a page."""
    return files("dyads.web").joinpath("static", "vendor", WORLD_FILE).read_text(encoding="utf-8")


def render_report(data: dict, database: str, title: str = "dyads report") -> str:
    """The report page for `data`, with its Content-Security-Policy."""
    static = files("dyads.web").joinpath("static")
    css = static.joinpath("dyads.css").read_text(encoding="utf-8")
    script = static.joinpath("dyads-report.js").read_text(encoding="utf-8")
    libraries = [static.joinpath("vendor", name).read_text(encoding="utf-8") for name in MAP_LIBRARIES]
    csp = "; ".join(
        (
            "default-src 'none'",
            "script-src " + " ".join(f"'{_sha256(code)}'" for code in (*libraries, script)),
            f"style-src '{_sha256(css)}'",
            "img-src data:",
            "base-uri 'none'",
            "form-action 'none'",
        )
    )
    environment = Environment(loader=PackageLoader("dyads.web", "templates"), autoescape=select_autoescape())
    return environment.get_template("report.html").render(
        title=title,
        version=version("dyads"),
        database=Path(database).name,
        generated=dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        csp=csp,
        css=Markup(css),
        script=Markup(script),
        libraries=[Markup(library) for library in libraries],
        data_json=Markup(script_safe_json(data)),
        world_json=Markup(script_safe_json(json.loads(world_outlines()))),
    )


def write_report(store: Store, out: str | Path) -> Path:
    """Write the report of a database to `out` (one file)."""
    path = Path(out)
    path.write_text(render_report(report_data(store), store.path), encoding="utf-8")
    return path


def script_safe_json(value: object) -> str:
    """JSON that cannot end the `<script>` element it sits in nor open markup."""
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def _edge(pair: PairSummary) -> dict:
    source, target = pair.pair.split("-")
    return {"source": source, "target": target, "events": pair.events, "goldstein": pair.goldstein}
