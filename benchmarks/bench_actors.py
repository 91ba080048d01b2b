"""Actor-linking overhead: the same articles parsed with and without the linker, in one run.

    python benchmarks/bench_actors.py --articles 1000

Reports the time of `nlp.pipe` with the model alone, with the actor linker added, the linker's share
of the total, and the linker's one-off start-up cost (building the phrase matchers).
"""

from __future__ import annotations

import argparse
import platform
import sys
import tempfile
import time
from pathlib import Path

from dyads.actors.linker import DATE_EXTENSION, add_actor_linker
from dyads.model import Article
from dyads.nlp import load_model
from dyads.pipeline import read_articles

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write_corpus


def timed_pipe(nlp, articles: list[Article]) -> float:
    docs = []
    for article in articles:
        doc = nlp.make_doc(article.text)
        doc._.set(DATE_EXTENSION, article.published.date if article.published else None)
        docs.append(doc)
    start = time.perf_counter()
    for _ in nlp.pipe(docs, batch_size=64):
        pass
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as workdir:
        corpus = write_corpus(Path(workdir) / "corpus", args.articles)
        articles = [a for a in read_articles([str(corpus)]) if isinstance(a, Article)]
    words = sum(len(a.text.split()) for a in articles)
    nlp = load_model()
    start = time.perf_counter()
    add_actor_linker(nlp)
    startup = time.perf_counter() - start
    with nlp.select_pipes(disable=["dyads_actor_linker"]):
        timed_pipe(nlp, articles[:50])
        parse_only = timed_pipe(nlp, articles)
    with_linker = timed_pipe(nlp, articles)
    print(
        f"machine: {platform.machine()}, Python {platform.python_version()}; {len(articles)} articles, {words:,} words"
    )
    print(f"{'pipeline':32} {'seconds':>8} {'words/s':>9}")
    print(f"{'model only (parse + NER)':32} {parse_only:8.2f} {words / parse_only:9,.0f}")
    print(f"{'model + actor linker':32} {with_linker:8.2f} {words / with_linker:9,.0f}")
    print(
        f"\nlinking adds {100 * (with_linker - parse_only) / parse_only:.1f}% to parsing; start-up {startup:.2f} s"
    )


if __name__ == "__main__":
    main()
