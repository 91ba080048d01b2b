"""Story clustering at scale: every article of a generated corpus put into stories at once, by dyads'
likeness (words, country pairs, actors, dates) and by the plain TF-IDF baseline in the same run.

    python benchmarks/bench_stories.py --articles 10000
    python benchmarks/bench_stories.py --db ingested.duckdb   # articles already ingested

Without `--db` the corpus is generated and ingested first (two workers; not timed here, see
`bench_ingest.py`). Reports seconds, articles/s and the peak memory clustering added, and how many
stories each made.
"""

from __future__ import annotations

import argparse
import platform
import resource
import sys
import tempfile
import time
from pathlib import Path

from dyads.pipeline import IngestOptions, ingest
from dyads.store import Store
from dyads.stories import StoryOptions, assign_stories

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write_corpus


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cluster(profiles, options: StoryOptions) -> dict:
    before = peak_rss_mb()
    start = time.perf_counter()
    assignments = assign_stories(profiles, options=options)
    seconds = time.perf_counter() - start
    return {
        "seconds": seconds,
        "stories": len({assignment.story_id for assignment in assignments}),
        "peak_rss_mb": peak_rss_mb(),
        "peak_growth_mb": peak_rss_mb() - before,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--db", type=Path, help="a database of ingested articles (made here if missing)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as workdir:
        db = args.db or Path(workdir) / "stories.duckdb"
        if not db.exists():
            corpus = write_corpus(Path(workdir) / "corpus", args.articles)
            with Store.open(db) as store:
                ingest([str(corpus)], store, IngestOptions(workers=2))
        with Store.open(db, read_only=True) as store:
            profiles = [profile for profile, _ in store.story_profiles(pending=False)]
            profiles += [profile for profile, _ in store.story_profiles(pending=True)]
    print(f"{len(profiles)} articles; {platform.machine()}, Python {platform.python_version()}")
    results = {
        "plain TF-IDF (baseline)": cluster(profiles, StoryOptions(text_only=True)),
        "dyads": cluster(profiles, StoryOptions()),
    }
    baseline = results["plain TF-IDF (baseline)"]["seconds"]
    print(
        f"{'clustering':26} {'seconds':>8} {'articles/s':>11} {'stories':>8} {'peak RSS MB':>12} {'vs baseline':>12}"
    )
    for name, found in results.items():
        print(
            f"{name:26} {found['seconds']:8.2f} {len(profiles) / found['seconds']:11.0f} {found['stories']:8}"
            f" {found['peak_rss_mb']:12.0f} {found['seconds'] / baseline:11.2f}×"
        )


if __name__ == "__main__":
    main()
