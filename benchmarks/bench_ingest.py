"""Ingest benchmark: articles/s, words/s and peak memory on a generated corpus.

Each measurement runs in its own process so peak RSS (`resource.getrusage`) belongs to that step
alone. Throughput is reported against baselines measured in the same run, because absolute figures
on shared machines are noisy: reading the inputs only (the floor any ingest pays), and bare spaCy
`nlp.pipe` over all article text with the same model (what a parse-everything coder pays).

    python benchmarks/bench_ingest.py --articles 5000 [--spacy-baseline]
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

from corpus import write_corpus


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure_read(corpus: str, queue) -> None:
    from dyads.ingest import read_inputs
    from dyads.model import RawDocument

    start = time.perf_counter()
    count = sum(isinstance(item, RawDocument) for item in read_inputs([corpus]))
    queue.put(
        {
            "step": "read inputs only",
            "seconds": time.perf_counter() - start,
            "articles": count,
            "peak_rss_mb": _peak_rss_mb(),
        }
    )


def measure_ingest(corpus: str, db: str, queue) -> None:
    from dyads.pipeline import ingest
    from dyads.store import Store

    start = time.perf_counter()
    with Store.open(db) as store:
        summary = ingest([corpus], store)
        words = store.connection.execute("SELECT sum(len(string_split(text, ' '))) FROM articles").fetchone()[
            0
        ]
    queue.put(
        {
            "step": "dyads ingest (extract, dedup, store)",
            "seconds": time.perf_counter() - start,
            "articles": summary.accepted + summary.duplicates,
            "accepted": summary.accepted,
            "duplicates": summary.duplicates,
            "rejected": summary.rejected,
            "words": int(words or 0),
            "peak_rss_mb": _peak_rss_mb(),
        }
    )


def measure_spacy(corpus: str, queue) -> None:
    from dyads.extract import extract_article
    from dyads.ingest import read_inputs
    from dyads.model import RawDocument
    from dyads.nlp import load_model

    texts = [extract_article(item).text for item in read_inputs([corpus]) if isinstance(item, RawDocument)]
    nlp = load_model()
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    queue.put(
        {
            "step": "bare spaCy nlp.pipe over all text",
            "seconds": time.perf_counter() - start,
            "articles": len(texts),
            "peak_rss_mb": _peak_rss_mb(),
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
    parser.add_argument("--spacy-baseline", action="store_true", help="also time bare nlp.pipe (slow)")
    parser.add_argument("--json", type=Path, help="write the results here as JSON")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as workdir:
        corpus = str(write_corpus(Path(workdir) / "corpus", args.articles))
        results = [
            run_isolated(measure_read, corpus),
            run_isolated(measure_ingest, corpus, f"{workdir}/bench.duckdb"),
        ]
        if args.spacy_baseline:
            results.append(run_isolated(measure_spacy, corpus))
    ingest_seconds = results[1]["seconds"]
    print(
        f"machine: {platform.machine()}, {multiprocessing.cpu_count()} CPUs, Python {platform.python_version()}"
    )
    print(f"corpus: {args.articles} generated articles\n")
    print(f"{'step':40} {'seconds':>8} {'articles/s':>11} {'peak RSS MB':>12} {'time vs ingest':>15}")
    for result in results:
        rate = result["articles"] / result["seconds"]
        ratio = result["seconds"] / ingest_seconds
        print(
            f"{result['step']:40} {result['seconds']:8.2f} {rate:11.1f} {result['peak_rss_mb']:12.0f} {ratio:14.2f}x"
        )
    ingest_result = results[1]
    print(
        f"\ningest: {ingest_result['accepted']} accepted, {ingest_result['duplicates']} duplicates, "
        f"{ingest_result['rejected']} rejected; {ingest_result['words'] / ingest_seconds:,.0f} words/s"
    )
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
