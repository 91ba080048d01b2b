"""Ingest benchmark: articles/s, words/s, peak memory and time per stage on a generated corpus.

Every step runs in its own process, so its peak RSS (`resource.getrusage`) is its own; the pool's
workers are reported separately (the largest one). Throughput is compared with a baseline measured in
the same run, because absolute figures on shared machines are noisy: bare spaCy `nlp.pipe` over all
article text with the same model, which is what a coder that parses everything pays for parsing alone.

    python benchmarks/bench_ingest.py --articles 5000
    python benchmarks/bench_ingest.py --articles 5000 --steps ingest,ingest2 --repeat 3   # workers
    python benchmarks/bench_ingest.py --articles 20000 --steps ingest   # memory at scale

With `--repeat N` the steps run N rounds, interleaved, and each step reports its median run; ratios
between steps are also given per round, as the rounds of one run share the machine's mood.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import platform
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import MIXES, write_corpus

STEPS = {
    "read": "read inputs only",
    "spacy": "bare spaCy nlp.pipe over all text",
    "ingest": "dyads ingest, 1 worker",
    "ingest2": "dyads ingest, 2 workers",
    "parse-all": "dyads ingest, 1 worker, --parse-all",
}


def _peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def measure_read(corpus: str, queue) -> None:
    from dyads.ingest import read_inputs
    from dyads.model import RawDocument

    start = time.perf_counter()
    count = sum(isinstance(item, RawDocument) for item in read_inputs([corpus]))
    queue.put({"seconds": time.perf_counter() - start, "articles": count, "peak_rss_mb": _peak_rss_mb()})


def measure_spacy(corpus: str, queue) -> None:
    from dyads.extract import extract_article
    from dyads.ingest import read_inputs
    from dyads.model import RawDocument
    from dyads.nlp import load_model

    texts = [extract_article(item).text for item in read_inputs([corpus]) if isinstance(item, RawDocument)]
    nlp = load_model()
    start = time.perf_counter()
    for _ in nlp.pipe(texts):
        pass
    queue.put(
        {
            "seconds": time.perf_counter() - start,
            "articles": len(texts),
            "words": sum(len(text.split()) for text in texts),
            "peak_rss_mb": _peak_rss_mb(),
        }
    )


def measure_ingest(corpus: str, db: str, workers: int, parse_all: bool, queue) -> None:
    from dyads.pipeline import IngestOptions, ingest
    from dyads.store import Store

    start = time.perf_counter()
    with Store.open(db) as store:
        summary = ingest([corpus], store, IngestOptions(workers=workers, parse_all=parse_all))
        events = store.connection.execute("SELECT count(*) FROM events").fetchone()[0]
    queue.put(
        {
            "seconds": time.perf_counter() - start,
            "articles": summary.accepted + summary.duplicates,
            "accepted": summary.accepted,
            "events": events,
            "stages": summary.stage_seconds,
            "peak_rss_mb": _peak_rss_mb(),
            "worker_peak_rss_mb": _peak_rss_mb(resource.RUSAGE_CHILDREN) if workers > 1 else None,
        }
    )


def run_isolated(target, *args) -> dict:
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=target, args=(*args, queue))
    process.start()
    result = queue.get()
    process.join()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--mix", choices=sorted(MIXES), default="world")
    parser.add_argument("--steps", default=",".join(STEPS), help=f"comma-separated, from: {', '.join(STEPS)}")
    parser.add_argument("--repeat", type=int, default=1, help="rounds of the steps; medians are reported")
    parser.add_argument("--json", type=Path, help="write the results here as JSON")
    args = parser.parse_args()
    steps = [step for step in args.steps.split(",") if step]
    runs: dict[str, list[dict]] = {step: [] for step in steps}
    with tempfile.TemporaryDirectory() as workdir:
        corpus = str(write_corpus(Path(workdir) / "corpus", args.articles, mix=args.mix))
        for number in range(args.repeat):
            for step in steps:
                runs[step].append(measure(step, corpus, f"{workdir}/{step}-{number}.duckdb"))
    results = {step: median_run(found) for step, found in runs.items()}
    report(args, results)
    report_rounds(runs)
    if args.json:
        args.json.write_text(json.dumps({"median": results, "runs": runs}, indent=2))


def measure(step: str, corpus: str, db: str) -> dict:
    if step == "read":
        return run_isolated(measure_read, corpus)
    if step == "spacy":
        return run_isolated(measure_spacy, corpus)
    return run_isolated(measure_ingest, corpus, db, 2 if step == "ingest2" else 1, step == "parse-all")


def median_run(found: list[dict]) -> dict:
    """The run of median time, with every run's seconds beside it."""
    ordered = sorted(found, key=lambda run: run["seconds"])
    return {**ordered[(len(ordered) - 1) // 2], "all_seconds": [run["seconds"] for run in found]}


def report_rounds(runs: dict[str, list[dict]]) -> None:
    """Each step's time in each round and, per round, how much faster each step was than the first."""
    rounds = len(next(iter(runs.values()), []))
    if rounds < 2:
        return
    first = next(iter(runs))
    print(f"\nper round (seconds; speed vs {STEPS[first]} in the same round):")
    for step, found in runs.items():
        cells = [
            f"{run['seconds']:.2f}"
            + ("" if step == first else f" ({runs[first][i]['seconds'] / run['seconds']:.2f}x)")
            for i, run in enumerate(found)
        ]
        print(f"  {STEPS[step]:38} " + "; ".join(cells))


def report(args, results: dict[str, dict]) -> None:
    print(
        f"machine: {platform.machine()}, {multiprocessing.cpu_count()} CPUs, Python {platform.python_version()}"
    )
    print(f"corpus: {args.articles} generated articles, mix {args.mix}; median of {args.repeat} run(s)")
    words = results.get("spacy", {}).get("words")
    if words:
        print(f"words: {words:,}")
    baseline = results.get("spacy", {}).get("seconds")
    print(
        f"\n{'step':38} {'seconds':>8} {'articles/s':>11} {'words/s':>9} {'peak RSS MB':>12} "
        f"{'speed vs nlp.pipe':>18}"
    )
    for step, result in results.items():
        seconds = result["seconds"]
        rate = result["articles"] / seconds
        word_rate = f"{words / seconds:9,.0f}" if words and step != "read" else f"{'':9}"
        ratio = f"{baseline / seconds:17.2f}x" if baseline else ""
        rss = f"{result['peak_rss_mb']:.0f}"
        if result.get("worker_peak_rss_mb"):
            rss += f" (+{result['worker_peak_rss_mb']:.0f}/worker)"
        print(f"{STEPS[step]:38} {seconds:8.2f} {rate:11.1f} {word_rate} {rss:>12} {ratio}")
    for step, result in results.items():
        if "stages" in result:
            stages = ", ".join(f"{name} {seconds:.1f} s" for name, seconds in result["stages"])
            print(f"\n{STEPS[step]}: {result['accepted']} articles, {result['events']} events; {stages}")


if __name__ == "__main__":
    main()
