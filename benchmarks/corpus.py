"""Generate a synthetic news corpus of any size for benchmarks.

Articles are assembled from templates about real countries and officeholders, with wire datelines,
date lines, credit lines and web furniture, spread over text files, JSON Lines and HTML pages, and a
share of republished wire copies with small edits, so every ingest stage does realistic work.
Deterministic for a given seed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from pathlib import Path

ACTORS = [
    ("Russia", "Russian", "Moscow", "President Vladimir Putin"),
    ("China", "Chinese", "Beijing", "President Xi Jinping"),
    ("the United States", "U.S.", "Washington", "Secretary of State Marco Rubio"),
    ("France", "French", "Paris", "President Emmanuel Macron"),
    ("Germany", "German", "Berlin", "Chancellor Friedrich Merz"),
    ("India", "Indian", "New Delhi", "Prime Minister Narendra Modi"),
    ("Turkey", "Turkish", "Ankara", "President Recep Tayyip Erdogan"),
    ("Brazil", "Brazilian", "Brasilia", "President Luiz Inacio Lula da Silva"),
    ("Ukraine", "Ukrainian", "Kyiv", "President Volodymyr Zelensky"),
    ("Japan", "Japanese", "Tokyo", "Prime Minister Shigeru Ishiba"),
    ("Iran", "Iranian", "Tehran", "Foreign Minister Abbas Araqchi"),
    ("Israel", "Israeli", "Jerusalem", "Prime Minister Benjamin Netanyahu"),
    ("Egypt", "Egyptian", "Cairo", "President Abdel Fattah al-Sisi"),
    ("South Africa", "South African", "Pretoria", "President Cyril Ramaphosa"),
    ("Mexico", "Mexican", "Mexico City", "President Claudia Sheinbaum"),
    ("Britain", "British", "London", "Prime Minister Keir Starmer"),
]
ACTIONS = [
    "held talks with",
    "accused",
    "signed an energy agreement with",
    "threatened new sanctions against",
    "called for negotiations with",
    "pledged military aid to",
    "criticised",
    "hosted a delegation from",
    "rejected a proposal from",
    "agreed to expand trade with",
]
TOPICS = [
    "trade",
    "energy security",
    "the war in Ukraine",
    "climate finance",
    "migration",
    "nuclear talks",
]
OUTLETS = [
    "The Harbour Ledger",
    "Eastgate Courier",
    "Atlas Daily Review",
    "Northline Times",
    "Prairie Post",
]
FURNITURE = [
    "Share this article",
    "Subscribe to our newsletter",
    "Exit mobile version",
    "Related articles",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def make_article(rng: random.Random, number: int) -> dict:
    (_, adjective, capital, leader), other = rng.sample(ACTORS, 2)
    action, topic = rng.choice(ACTIONS), rng.choice(TOPICS)
    date = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(700))
    weekday = WEEKDAYS[date.weekday()]
    paragraphs = [
        f"{capital.upper()}, {date:%b} {date.day} (Meridian Press) – {adjective} {leader} {action} "
        f"{other[0]} on {weekday}, officials said, in a move that analysts linked to {topic}.",
    ]
    for _ in range(rng.randint(4, 9)):
        subject = rng.choice([f"{other[1]} officials", f"The {adjective} foreign ministry", other[3], leader])
        paragraphs.append(
            f"{subject} said the two governments would continue to discuss {rng.choice(TOPICS)} "
            f"in the coming weeks, while diplomats in {rng.choice(ACTORS)[2]} warned that "
            f"{rng.choice(TOPICS)} could complicate relations. Report {number} paragraph {len(paragraphs)}."
        )
    return {
        "id": f"bench-{number:07d}",
        "title": f"{adjective} leader {action.split()[0]} {other[0]} over {topic}",
        "date": date.isoformat(),
        "outlet": rng.choice(OUTLETS),
        "paragraphs": paragraphs,
    }


def write_corpus(directory: Path, articles: int, seed: int = 7) -> Path:
    """Write `articles` articles: 60% in JSON Lines, 30% text files, 10% HTML; 5% are wire copies."""
    rng = random.Random(seed)
    directory.mkdir(parents=True, exist_ok=True)
    records, previous = [], None
    for number in range(articles):
        article = make_article(rng, number)
        if previous and rng.random() < 0.05:
            article = dict(previous, id=f"bench-{number:07d}", outlet=rng.choice(OUTLETS))
            article["paragraphs"] = [
                *previous["paragraphs"][:-1],
                "The ministry declined to comment further.",
            ]
        previous = article
        kind = rng.random()
        if kind < 0.6:
            records.append(
                {k: article[k] for k in ("id", "title", "date", "outlet")}
                | {"text": "\n\n".join(article["paragraphs"])}
            )
        elif kind < 0.9:
            body = "\n\n".join(
                [
                    article["title"],
                    *article["paragraphs"],
                    rng.choice(FURNITURE),
                    f"Courtesy: {article['outlet']}",
                ]
            )
            (directory / f"{article['id']}.txt").write_text(body, encoding="utf-8")
        else:
            paragraphs = "".join(f"<p>{p}</p>" for p in article["paragraphs"])
            page = (
                f"<html><head><title>{article['title']}</title>"
                f"<meta property='og:site_name' content='{article['outlet']}'>"
                f"<meta property='article:published_time' content='{article['date']}'></head><body>"
                f"<nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article><h1>{article['title']}</h1>"
                f"{paragraphs}</article><aside>{' '.join(FURNITURE)}</aside><footer>© {article['outlet']}</footer>"
                "</body></html>"
            )
            (directory / f"{article['id']}.html").write_text(page, encoding="utf-8")
    with (directory / "records.jsonl").open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record) + "\n")
    return directory


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("directory", type=Path)
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    write_corpus(args.directory, args.articles, args.seed)


if __name__ == "__main__":
    main()
