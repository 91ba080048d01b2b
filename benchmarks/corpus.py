"""Generate a news corpus of any size for benchmarks: a day of world news, not only politics.

A wire's daily output mixes international politics with domestic politics, business, sports,
science and culture, and each story mixes sentences that report events between actors with
background, figures, quotes and colour. The generator does the same, from templates filled with real
countries and officeholders and with made-up people, towns, companies and teams of each article's
own and random figures (so the vocabulary keeps growing as real news does, and two articles share
no more words than two real reports of different things). Articles run 13 to 41 sentences; wire datelines, credit lines and web
furniture are added, the corpus is spread over text files, JSON Lines and HTML pages, and 5% are
republished wire copies with small edits, so every ingest stage does realistic work.

`--mix politics` writes international politics only: the densest case for the event coder.
Deterministic for a given seed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from pathlib import Path

ACTORS = [
    ("Russia", "Russian", "Moscow", "President Vladimir Putin", "Putin"),
    ("China", "Chinese", "Beijing", "President Xi Jinping", "Xi"),
    ("the United States", "U.S.", "Washington", "Secretary of State Marco Rubio", "Rubio"),
    ("France", "French", "Paris", "President Emmanuel Macron", "Macron"),
    ("Germany", "German", "Berlin", "Chancellor Friedrich Merz", "Merz"),
    ("India", "Indian", "New Delhi", "Prime Minister Narendra Modi", "Modi"),
    ("Turkey", "Turkish", "Ankara", "President Recep Tayyip Erdogan", "Erdogan"),
    ("Brazil", "Brazilian", "Brasilia", "President Luiz Inacio Lula da Silva", "Lula"),
    ("Ukraine", "Ukrainian", "Kyiv", "President Volodymyr Zelensky", "Zelensky"),
    ("Japan", "Japanese", "Tokyo", "Prime Minister Shigeru Ishiba", "Ishiba"),
    ("Iran", "Iranian", "Tehran", "Foreign Minister Abbas Araqchi", "Araqchi"),
    ("Israel", "Israeli", "Jerusalem", "Prime Minister Benjamin Netanyahu", "Netanyahu"),
    ("Egypt", "Egyptian", "Cairo", "President Abdel Fattah al-Sisi", "Sisi"),
    ("South Africa", "South African", "Pretoria", "President Cyril Ramaphosa", "Ramaphosa"),
    ("Mexico", "Mexican", "Mexico City", "President Claudia Sheinbaum", "Sheinbaum"),
    ("Britain", "British", "London", "Prime Minister Keir Starmer", "Starmer"),
    ("Poland", "Polish", "Warsaw", "Prime Minister Donald Tusk", "Tusk"),
    ("Saudi Arabia", "Saudi", "Riyadh", "Crown Prince Mohammed bin Salman", "bin Salman"),
    ("Qatar", "Qatari", "Doha", "Emir Tamim bin Hamad Al Thani", "Tamim"),
    ("Indonesia", "Indonesian", "Jakarta", "President Prabowo Subianto", "Prabowo"),
]
EVENTS = [
    "{A} held talks with {b_leader} in {b_capital} on {weekday}",
    "{A} accused {B} of violating a ceasefire agreement",
    "{A} signed an energy agreement with {B}",
    "{A} threatened new sanctions against {B}",
    "{A} called for negotiations with {B} over {topic}",
    "{A} pledged military aid to {B}",
    "{A} criticised {B} for its stance on {topic}",
    "{A} hosted a delegation from {B}",
    "{A} rejected a proposal from {B} on {topic}",
    "{A} agreed to expand trade with {B}",
    "{A} expelled two diplomats from {B}",
    "{A} spoke by phone with {b_leader}",
    "{A} met {b_leader} on the sidelines of a regional summit",
    "{A} urged {B} to release detained journalists",
    "{A} condemned {b_adj} air strikes near the border",
]
TOPICS = [
    "trade", "energy security", "the war in Ukraine", "climate finance", "migration", "nuclear talks",
    "grain exports", "maritime security", "debt relief", "the Gaza ceasefire", "critical minerals",
]  # fmt: skip
FIRST = [
    "Ana",
    "Pavel",
    "Mei",
    "Kwame",
    "Lucia",
    "Omar",
    "Ingrid",
    "Tomas",
    "Aiko",
    "Rafael",
    "Nadia",
    "Jonas",
]
OUTLETS = ["The Harbour Ledger", "Eastgate Courier", "Atlas Daily Review", "Northline Times", "Prairie Post"]
FURNITURE = ["Share this article", "Subscribe to our newsletter", "Exit mobile version", "Related articles"]
RECORDS_PER_FILE = 2000
"""JSON Lines dumps are split like a feed archive's daily files (and stay under ingest's size limit)."""
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

# Sentences of each kind of story. Slots: {A}/{B} actor phrases, {a_*}/{b_*} parts of the two
# countries, {topic}, {person}, {town}, {company}, {team}, {n}, {m}, {pct}, {weekday}, {month}.
POLITICS = [
    '"We will not accept any attempt to change the status quo by force," {a_surname} told reporters.',
    "{a_surname} said the two governments would continue to discuss {topic} in the coming weeks.",
    "The talks come amid rising tension over {topic}, which has dominated the agenda for months.",
    "Officials did not give details of what was agreed, and no joint statement was issued.",
    "The conflict has displaced more than {n},000 people since it began, according to aid groups.",
    "Analysts said the move was aimed at a domestic audience ahead of elections next year.",
    "{b_adj} officials said they had not been informed in advance.",
    "Trade between the two countries reached ${n} billion last year, up {pct} percent.",
    "The ministry declined to comment on the report when contacted on {weekday}.",
    '"This is a very serious moment for the whole region," said {person}, a researcher at a think tank in {a_capital}.',
    "{A} has repeatedly denied the accusations.",
    "Protesters gathered outside the embassy in {a_capital}, some carrying flags and banners.",
    "The meeting lasted about {m} minutes, a spokesperson said.",
    "Both sides described the conversation as frank and constructive.",
    "Markets in {a_capital} barely moved after the announcement.",
    "The next round of talks is expected in {month}, diplomats said.",
    "{b_leader} warned that {topic} could complicate relations with {A}.",
    "It was the first such visit in {m} years.",
    "Critics at home said the government had given away too much.",
    "The agreement still needs the approval of parliament, where the ruling coalition holds a narrow majority.",
]
DOMESTIC = [
    "Voters in {town} go to the polls on {weekday} in a closely watched regional election.",
    "The opposition leader, {person}, accused the government of mismanaging the economy.",
    "Turnout was {pct} percent, the electoral commission said.",
    "Police said {n} people were detained after clashes near the parliament building.",
    "The bill passed by {n} votes to {m} after a debate that lasted late into the night.",
    "{person}, a teacher from {town}, said prices had doubled in a year.",
    "The ruling party has led in opinion polls for most of the year.",
    "Lawmakers will vote on the budget in {month}.",
    "The interior ministry said it would investigate the complaints.",
    "Several ministers are expected to be replaced in a cabinet reshuffle.",
]
BUSINESS = [
    "{company} said quarterly profit rose {pct} percent to ${n} million, beating forecasts.",
    "Shares in {company} closed {pct} percent higher in {a_capital}.",
    "The central bank left its benchmark rate unchanged at {pct} percent.",
    "Oil prices fell for a third day as traders weighed demand in {a_country_plain}.",
    "{person}, chief executive of {company}, said the company would hire {n} workers in {town}.",
    "Inflation slowed to {pct} percent in {month}, the statistics office said.",
    "The company plans to open a new plant in {town} next year.",
    "Analysts had expected revenue of about ${n} million.",
    "The currency weakened {pct} percent against the dollar.",
    "Exports of cars rose for the {m}th month in a row.",
]
SPORTS = [
    "{team} beat {team2} {small} - {small2} on {weekday} to move top of the table.",
    "{person} scored twice in the second half.",
    "The coach said his side had been lucky to survive the first half.",
    "A crowd of {n},000 watched the match in {town}.",
    "{person} will miss the next {small} games with a hamstring injury.",
    "The final is scheduled for {month} in {town}.",
    "It was their {m}th win of the season.",
    "{person} set a national record of {small}.{m} seconds.",
]
SCIENCE = [
    "Researchers at the University of {town} said the new treatment reduced symptoms in {pct} percent of patients.",
    "The study, published on {weekday}, followed {n} volunteers for two years.",
    "Scientists warned that the findings still need to be confirmed in larger trials.",
    "Temperatures in {town} reached {m} degrees Celsius, the highest since records began.",
    "The telescope captured images of a galaxy {n} million light years away.",
    "{person}, who led the research, said the results were encouraging.",
    "Heavy rain is expected across the north of the country on {weekday}.",
    "The museum in {town} will reopen in {month} after a {m}-month renovation.",
    "The festival drew {n},000 visitors last year.",
    "The novel, her {small}th, is set in a fishing village in the 1950s.",
]
MIXES = {
    "world": [("politics", 0.35), ("domestic", 0.15), ("business", 0.2), ("sports", 0.15), ("science", 0.15)],
    "politics": [("politics", 1.0)],
}
KINDS = {"domestic": DOMESTIC, "business": BUSINESS, "sports": SPORTS, "science": SCIENCE}
MONTHS = ["January", "March", "April", "June", "September", "October", "November", "December"]


SYLLABLES = [
    "bra",
    "mor",
    "ven",
    "tal",
    "kir",
    "dos",
    "lan",
    "mer",
    "vik",
    "sol",
    "ter",
    "nor",
    "pel",
    "gan",
    "ros",
    "thal",
    "wen",
    "dar",
    "cor",
    "fen",
    "ast",
    "bel",
    "cam",
    "dun",
    "el",
    "fal",
    "gor",
    "hal",
    "is",
    "jar",
    "kel",
    "lor",
    "mal",
    "nev",
    "or",
    "par",
    "quin",
    "rav",
    "sen",
    "tor",
    "ul",
    "var",
    "wyn",
    "yor",
    "zel",
]
TOWN_ENDINGS = ["", "", " Heights", "ville", "ford", " Bay", "stad", "burg", " Springs", "mouth"]
COMPANY_KINDS = ["Logistics", "Pharma", "Mining", "Foods", "Motors", "Energy", "Bank", "Telecom", "Steel"]
TEAM_KINDS = ["Rovers", "United", "Athletic", "City", "Sporting", "Wanderers", "Albion"]


def _coined(rng: random.Random, syllables: int = 2) -> str:
    """A made-up proper name: real news keeps naming people and places never seen before."""
    return "".join(rng.choice(SYLLABLES) for _ in range(syllables)).capitalize()


def _local_names(rng: random.Random) -> dict[str, list[str]]:
    """The people, towns, companies and teams one article is about."""
    towns = [_coined(rng, rng.randint(2, 3)) + rng.choice(TOWN_ENDINGS) for _ in range(2)]
    return {
        "person": [f"{rng.choice(FIRST)} {_coined(rng, rng.randint(2, 3))}" for _ in range(3)],
        "town": towns,
        "company": [f"{_coined(rng)} {rng.choice(COMPANY_KINDS)}" for _ in range(2)],
        "team": [f"{town.split()[0]} {rng.choice(TEAM_KINDS)}" for town in towns],
    }


def _slots(
    rng: random.Random, a: tuple, b: tuple, date: dt.date, names: dict[str, list[str]]
) -> dict[str, str]:
    team, team2 = rng.sample(names["team"], 2)
    return {
        "A": rng.choice([a[3], f"The {a[1]} government", a[0].replace("the ", "The ", 1)]),
        "B": rng.choice([b[0], f"the {b[1]} government"]),
        "b_leader": b[3], "b_capital": b[2], "b_adj": b[1], "a_surname": a[4], "a_capital": a[2],
        "a_country_plain": a[0], "topic": rng.choice(TOPICS),
        "person": rng.choice(names["person"]), "town": rng.choice(names["town"]),
        "company": rng.choice(names["company"]), "team": team, "team2": team2,
        "n": str(rng.randint(2, 950)), "m": str(rng.randint(2, 90)), "small": str(rng.randint(1, 9)),
        "small2": str(rng.randint(0, 5)), "pct": f"{rng.randint(1, 40)}.{rng.randint(0, 9)}",
        "weekday": WEEKDAYS[date.weekday()], "month": rng.choice(MONTHS),
    }  # fmt: skip


def make_article(rng: random.Random, number: int, mix: str = "world") -> dict:
    kinds, weights = zip(*MIXES[mix], strict=True)
    kind = rng.choices(kinds, weights)[0]
    a, b = rng.sample(ACTORS, 2)
    date = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(700))
    names = _local_names(rng)
    sentences: list[str] = []
    if kind == "politics":
        lead = rng.choice(EVENTS).format(**_slots(rng, a, b, date, names))
        title = f"{a[1]} leader {lead.split(' ', 3)[-1][:60]}"
        sentences.append(f"{a[2].upper()}, {date:%b} {date.day} (Meridian Press) – {lead}, officials said.")
        pool = POLITICS
    else:
        pool = KINDS[kind]
        title = pool[0].format(**_slots(rng, a, b, date, names)).rstrip(".")[:80]
        sentences.append(f"{rng.choice(names['town']).upper()}, {date:%b} {date.day} (Meridian Press) –")
    for _ in range(rng.randint(12, 40)):
        if kind == "politics" and rng.random() < 0.6:
            sentence = rng.choice(EVENTS).format(**_slots(rng, *rng.sample([a, b], 2), date, names)) + "."
        else:
            sentence = rng.choice(pool).format(**_slots(rng, a, b, date, names))
        sentences.append(sentence[0].upper() + sentence[1:])
    paragraphs, index = [], 0
    while index < len(sentences):
        size = rng.randint(1, 3)
        paragraphs.append(" ".join(sentences[index : index + size]))
        index += size
    return {
        "id": f"bench-{number:07d}",
        "title": title,
        "date": date.isoformat(),
        "outlet": rng.choice(OUTLETS),
        "kind": kind,
        "paragraphs": paragraphs,
    }


def write_corpus(directory: Path, articles: int, seed: int = 7, mix: str = "world") -> Path:
    """Write `articles` articles: 60% in JSON Lines files of 2,000 records, 30% text files, 10% HTML;
    5% are wire copies."""
    rng = random.Random(seed)
    directory.mkdir(parents=True, exist_ok=True)
    records, previous = [], None
    for number in range(articles):
        article = make_article(rng, number, mix)
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
    for part, start in enumerate(range(0, len(records), RECORDS_PER_FILE), start=1):
        with (directory / f"records-{part:04d}.jsonl").open("w", encoding="utf-8") as handle:
            for record in records[start : start + RECORDS_PER_FILE]:
                handle.write(json.dumps(record) + "\n")
    return directory


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("directory", type=Path)
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--mix", choices=sorted(MIXES), default="world")
    args = parser.parse_args()
    write_corpus(args.directory, args.articles, args.seed, args.mix)


if __name__ == "__main__":
    main()
