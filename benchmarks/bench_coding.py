"""Linking, coding, topic and geolocation overhead: the same articles parsed by the model alone, with
the actor linker, with the linker and the event coder, with the topic tagger, and with the
geolocator too, in one run.

    python benchmarks/bench_coding.py --articles 1000

Reports each pipeline's time and words/s, what each component adds to parsing, and the start-up
costs of building the linker's phrase matchers and loading the gazetteer.
"""

from __future__ import annotations

import argparse
import platform
import sys
import tempfile
import time
from pathlib import Path

from dyads.actors.linker import DATE_EXTENSION, add_actor_linker
from dyads.events.coding import CODER, GEOLOCATOR, TAGGER
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
    nlp.add_pipe(CODER, last=True)
    nlp.add_pipe(TAGGER, last=True)
    start = time.perf_counter()
    nlp.add_pipe(GEOLOCATOR, last=True)
    gazetteer_startup = time.perf_counter() - start
    with nlp.select_pipes(disable=["dyads_actor_linker", CODER, TAGGER, GEOLOCATOR]):
        timed_pipe(nlp, articles[:50])
        parse_only = timed_pipe(nlp, articles)
    with nlp.select_pipes(disable=[CODER, TAGGER, GEOLOCATOR]):
        with_linker = timed_pipe(nlp, articles)
    with nlp.select_pipes(disable=[TAGGER, GEOLOCATOR]):
        with_coder = timed_pipe(nlp, articles)
    with nlp.select_pipes(disable=[GEOLOCATOR]):
        with_topics = timed_pipe(nlp, articles)
    with_places = timed_pipe(nlp, articles)
    print(
        f"machine: {platform.machine()}, Python {platform.python_version()}; {len(articles)} articles, {words:,} words"
    )
    print(f"{'pipeline':36} {'seconds':>8} {'words/s':>9}")
    for label, seconds in (
        ("model only (parse + NER)", parse_only),
        ("model + actor linker", with_linker),
        ("model + actor linker + event coder", with_coder),
        ("... + topic tagger", with_topics),
        ("... + geolocator", with_places),
    ):
        print(f"{label:36} {seconds:8.2f} {words / seconds:9,.0f}")
    print(
        f"\nlinking adds {100 * (with_linker - parse_only) / parse_only:.1f}% to parsing; start-up {startup:.2f} s"
    )
    print(f"event coding adds {100 * (with_coder - with_linker) / parse_only:.1f}% to parsing")
    print(f"topic tagging adds {100 * (with_topics - with_coder) / parse_only:.1f}% to parsing")
    print(
        f"geolocation adds {100 * (with_places - with_topics) / with_topics:.1f}% to the rest of the pipeline; "
        f"loading the gazetteer takes {gazetteer_startup:.2f} s once per process"
    )


if __name__ == "__main__":
    main()
