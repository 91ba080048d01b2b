"""Scorers behind `dyads eval`: how close dyads' output is to hand-made gold.

Extraction is scored the way article-extraction benchmarks score it: precision and recall of the word
multiset of the extracted main text against the gold main text, per page, then averaged. Actor linking
is scored per mention (overlapping span, same code) and per country present in each case. An article's
main event is scored by its PLOVER category against labelled stories, and event locations by
country, precision, place and method against written cases.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

from spacy.language import Language

from dyads.actors.mentions import dated_docs, stream_mentions
from dyads.errors import DyadsError
from dyads.events.coding import code_articles
from dyads.events.main_event import main_event
from dyads.extract import extract_article
from dyads.gazetteer import place_key
from dyads.ingest import Origin, read_bytes
from dyads.model import Article, PublicationDate, RawDocument
from dyads.normalize import words


class OverlapScore(NamedTuple):
    precision: float
    recall: float
    f1: float


class PageScore(NamedTuple):
    name: str
    score: OverlapScore


class ExtractionReport(NamedTuple):
    pages: tuple[PageScore, ...]
    mean: OverlapScore


def word_overlap(predicted: str, gold: str) -> OverlapScore:
    """Precision, recall and F1 of the predicted word multiset against the gold one."""
    predicted_words, gold_words = Counter(words(predicted)), Counter(words(gold))
    common = sum((predicted_words & gold_words).values())
    if not predicted_words and not gold_words:
        return OverlapScore(1.0, 1.0, 1.0)
    precision = common / sum(predicted_words.values()) if predicted_words else 0.0
    recall = common / sum(gold_words.values()) if gold_words else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return OverlapScore(precision, recall, f1)


def score_extraction(gold_dir: str | Path, predicted_dir: str | Path | None = None) -> ExtractionReport:
    """Score main-text extraction on a folder of `NAME.html` pages with `NAME.txt` gold texts.

    Without `predicted_dir`, dyads extracts each page itself; with it, `predicted_dir/NAME.txt` is
    scored instead, so other extractors can be compared on the same pages.
    """
    pages = []
    for html_path, gold_path in _gold_pages(Path(gold_dir)):
        gold = gold_path.read_text(encoding="utf-8")
        if predicted_dir is None:
            predicted = _extract_main_text(html_path)
        else:
            predicted_path = Path(predicted_dir) / gold_path.name
            predicted = predicted_path.read_text(encoding="utf-8") if predicted_path.exists() else ""
        pages.append(PageScore(html_path.stem, word_overlap(predicted, gold)))
    if not pages:
        raise DyadsError(f"no NAME.html + NAME.txt pairs in {gold_dir}")
    mean = OverlapScore(*(sum(page.score[i] for page in pages) / len(pages) for i in range(3)))
    return ExtractionReport(tuple(pages), mean)


def _gold_pages(directory: Path) -> Iterator[tuple[Path, Path]]:
    if not directory.is_dir():
        raise DyadsError(f"{directory} is not a directory of gold pages")
    for html_path in sorted(directory.glob("*.html")):
        gold_path = html_path.with_suffix(".txt")
        if gold_path.exists():
            yield html_path, gold_path


def _extract_main_text(html_path: Path) -> str:
    """Main text as dyads stores it, with the headline kept out as in the gold convention."""
    items = read_bytes(html_path.read_bytes(), Origin(html_path.name, str(html_path)))
    documents = [item for item in items if isinstance(item, RawDocument)]
    if not documents:
        return ""
    return extract_article(documents[0]).text


class ActorScore(NamedTuple):
    """Linker quality: mention-level recall and precision, and country-level precision and recall."""

    cases: int
    mention_recall: float
    mention_precision: float
    country_precision: float
    country_recall: float
    misses: tuple[str, ...]


def score_actor_cases(cases: Sequence[dict], nlp: Language) -> ActorScore:
    """Score the linker on gold cases `{"text", "date", "mentions": [{"text", "code"}], "countries"}`.

    A gold mention is found when a predicted mention overlaps its span with the same code (both codes
    for a joint `A+B`); a predicted mention overlapping a gold span with another code, or a span the
    gold says must stay unlinked, is wrong. Country level compares the sets of country codes per case.
    """
    found = gold_total = correct = judged = 0
    country_hits = country_predicted = country_gold = 0
    misses = []
    articles = [_case_article(case) for case in cases]
    for case, mentions in zip(cases, stream_mentions(articles, nlp), strict=True):
        for gold in case["mentions"]:
            start = case["text"].find(gold["text"])
            end = start + len(gold["text"])
            overlapping = [m for m in mentions if m.start < end and start < m.end]
            predicted_codes = {m.code for m in overlapping}
            expected = set(gold["code"].split("+")) if gold["code"] else set()
            judged += len(overlapping)
            correct += sum(m.code in expected for m in overlapping)
            if expected:
                gold_total += 1
                if expected <= predicted_codes:
                    found += 1
                else:
                    got = sorted(predicted_codes)
                    misses.append(f"{case['id']}: {gold['text']!r} expected {gold['code']}, got {got}")
        predicted = {m.code[:3] for m in mentions}
        expected_countries = set(case["countries"])
        country_hits += len(predicted & expected_countries)
        country_predicted += len(predicted)
        country_gold += len(expected_countries)
    return ActorScore(
        cases=len(cases),
        mention_recall=found / gold_total if gold_total else 1.0,
        mention_precision=correct / judged if judged else 1.0,
        country_precision=country_hits / country_predicted if country_predicted else 1.0,
        country_recall=country_hits / country_gold if country_gold else 1.0,
        misses=tuple(misses),
    )


def score_seed_mentions(gold: Sequence[dict], predicted: Sequence[dict]) -> ActorScore:
    """Recall of gold mentions `{"doc", "mention", "code"}` among `dyads actors` output lines.

    Seed gold lists mentions, not every mention, so only recall is meaningful; a gold mention is found
    when a predicted mention of the same document contains its text (or lies inside it) with its code.
    """
    found, misses = 0, []
    for item in gold:
        candidates = [
            m for m in predicted if _same_doc(m["doc"], item["doc"]) and _overlaps(m["text"], item["mention"])
        ]
        expected = set(item["code"].split("+"))
        codes = {m["code"] for m in candidates}
        if expected <= codes:
            found += 1
        else:
            misses.append(f"{item['doc']}: {item['mention']!r} expected {item['code']}, got {sorted(codes)}")
    recall = found / len(gold) if gold else 1.0
    return ActorScore(len(gold), recall, float("nan"), float("nan"), float("nan"), tuple(misses))


def _overlaps(predicted: str, gold: str) -> bool:
    return gold in predicted or predicted in gold


def _same_doc(predicted: str, gold: str) -> bool:
    return predicted == gold or Path(predicted).name == Path(gold).name


def _case_article(case: dict) -> Article:
    text = case["text"]
    date = dt.date.fromisoformat(case["date"])
    return Article(
        id=case["id"], doc=case["id"], text=text, paragraphs=(text,), title=None, url=None, outlet=None,
        wire=None, published=PublicationDate(date, "day", "metadata"), dateline_places=(), language="en",
        source_path=case["id"], ingested_at=dt.datetime.combine(date, dt.time()),
    )  # fmt: skip


def read_jsonl(path: str | Path) -> list[dict]:
    """Records of a JSON Lines file, with the line number of the first bad one in the error."""
    records = []
    with Path(path).open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as error:
                raise DyadsError(f"{path} line {number}: invalid JSON ({error.msg})") from None
    return records


class EventScore(NamedTuple):
    """Event coding against gold: recall over required events, precision over predictions, and the
    accuracies of role, PLOVER category, mode and date over matched pairs."""

    required: int
    predicted: int
    recall: float
    precision: float
    f1: float
    role_accuracy: float
    plover_accuracy: float
    mode_accuracy: float
    date_accuracy: float
    misses: tuple[str, ...]
    false_events: tuple[str, ...]


_GOLD_MODES = {"intend": "intended", "threaten": "threatened", "deny": "denied"}


def score_events(gold: Sequence[dict], predicted: Sequence[dict], texts: dict[str, str]) -> EventScore:
    """Score predicted events (the design's event JSON) against gold events of the seed format.

    A prediction matches a gold event of the same article when source and target countries agree
    (either direction for symmetric gold; `---` accepts any target), its CAMEO root is accepted, and
    its sentence overlaps the gold evidence. `texts` maps document names to article texts.
    """
    matched_gold: dict[str, dict] = {}
    false_events = []
    correct_predictions = 0
    for event in predicted:
        text = texts.get(Path(event["doc"]).name, "")
        matches = [item for item in gold if event_matches(event, item, text)]
        if matches:
            correct_predictions += 1
            for item in matches:
                matched_gold.setdefault(item["id"], event)
        else:
            target = event["target"]["code"] if event["target"] else "---"
            summary = f"{event['source']['code']} {event['cameo']} {target}"
            false_events.append(f"{event['doc']}: {summary}: {event['sentence'][:90]!r}")
    required = [item for item in gold if item.get("required", True)]
    found = [item for item in required if item["id"] in matched_gold]
    recall = len(found) / len(required) if required else 1.0
    precision = correct_predictions / len(predicted) if predicted else 1.0
    pairs = [(item, matched_gold[item["id"]]) for item in gold if item["id"] in matched_gold]

    def accuracy(check, field: str | None = None) -> float:
        judged = [(g, p) for g, p in pairs if field is None or field in g]
        return sum(check(g, p) for g, p in judged) / len(judged) if judged else float("nan")

    return EventScore(
        required=len(required),
        predicted=len(predicted),
        recall=recall,
        precision=precision,
        f1=2 * recall * precision / (recall + precision) if recall + precision else 0.0,
        role_accuracy=accuracy(lambda g, p: p["source"]["code"] == g["source"]),
        plover_accuracy=accuracy(lambda g, p: p["plover"] in g["plover"], "plover"),
        mode_accuracy=accuracy(lambda g, p: p["mode"] == _GOLD_MODES.get(g["mode"], g["mode"])),
        date_accuracy=accuracy(lambda g, p: p["event_date"] == g["event_date"]),
        misses=tuple(
            f"{g['id']}: {g['source']} {g['cameo_roots']} {g['target']}: {g['evidence'][:80]!r}"
            for g in required
            if g["id"] not in matched_gold
        ),
        false_events=tuple(false_events),
    )


def event_matches(event: dict, gold: dict, text: str) -> bool:
    """The gold README's rule: same article, countries, accepted root, overlapping sentence."""
    if Path(event["doc"]).name != Path(gold["doc"]).name or event["root"] not in gold["cameo_roots"]:
        return False
    source, target = event["source"]["code"][:3], (event["target"]["code"][:3] if event["target"] else None)
    gold_source, gold_target = gold["source"][:3], gold["target"][:3]
    if gold_target == "---":
        countries_agree = source == gold_source
    else:
        countries_agree = (source, target) == (gold_source, gold_target) or (
            gold.get("symmetric") and (target, source) == (gold_source, gold_target)
        )
    return bool(countries_agree) and _sentence_overlaps(event, gold["evidence"], text)


def _sentence_overlaps(event: dict, evidence: str, text: str) -> bool:
    """Whether the predicted event's sentence and the gold evidence share characters in the article."""
    normalized = text.replace("’", "'").replace("“", '"').replace("”", '"')
    evidence = evidence.replace("’", "'").replace("“", '"').replace("”", '"')
    sentence = event["sentence"].replace("’", "'").replace("“", '"').replace("”", '"')
    gold_start = normalized.find(evidence)
    sentence_start = normalized.find(sentence, max(event["evidence"][0] - len(sentence), 0))
    if gold_start < 0 or sentence_start < 0:
        return evidence in sentence or sentence in evidence
    return sentence_start < gold_start + len(evidence) and gold_start < sentence_start + len(sentence)


def event_cases_as_gold(cases: Sequence[dict]) -> tuple[list[Article], list[dict]]:
    """Sentence cases (`{"id", "text", "date", "events": [...]}`) as articles and seed-format gold."""
    articles = [_case_article(case) for case in cases]
    gold = [
        {**event, "id": f"{case['id']}#{number}", "doc": case["id"], "required": True}
        for case in cases
        for number, event in enumerate(case["events"], start=1)
    ]
    return articles, gold


class CategoryScore(NamedTuple):
    category: str
    stories: int
    recall: float
    precision: float


class MainEventScore(NamedTuple):
    """How often an article's main event has the labelled PLOVER category, and how often there is one."""

    stories: int
    accuracy: float
    coverage: float
    categories: tuple[CategoryScore, ...]


def score_main_events(stories: Sequence[dict], nlp: Language) -> MainEventScore:
    """Score main-event categories against stories labelled `{"text", "event_type" or "plover"}`
    (an optional `date` is the article date)."""
    labels = [_plover_label(story, number) for number, story in enumerate(stories, start=1)]
    articles = [
        _case_article({"id": str(story.get("id", number)), "text": story["text"],
                       "date": story.get("date") or dt.date.today().isoformat()})
        for number, story in enumerate(stories, start=1)
    ]  # fmt: skip
    predicted = []
    for doc in nlp.pipe(dated_docs(articles, nlp), batch_size=32):
        found = main_event(doc)
        predicted.append(found.plover if found else None)
    pairs = list(zip(labels, predicted, strict=True))
    categories = tuple(
        CategoryScore(
            category,
            sum(gold == category for gold, _ in pairs),
            _share(
                sum(gold == guess == category for gold, guess in pairs), sum(g == category for g, _ in pairs)
            ),
            _share(
                sum(gold == guess == category for gold, guess in pairs), sum(p == category for _, p in pairs)
            ),
        )
        for category in sorted(set(labels))
    )
    return MainEventScore(
        stories=len(pairs),
        accuracy=_share(sum(gold == guess for gold, guess in pairs), len(pairs)),
        coverage=_share(sum(guess is not None for _, guess in pairs), len(pairs)),
        categories=categories,
    )


def _plover_label(story: dict, number: int) -> str:
    label = story.get("event_type") or story.get("plover")
    if not label or "text" not in story:
        raise DyadsError(f"story {number} needs a `text` and an `event_type` (or `plover`) label")
    return str(label).upper()


def _share(part: int, whole: int) -> float:
    return part / whole if whole else float("nan")


class ClusterScore(NamedTuple):
    """Pairwise and B-cubed precision, recall and F1 of a grouping against a gold grouping."""

    articles: int
    pairwise_precision: float
    pairwise_recall: float
    pairwise_f1: float
    bcubed_precision: float
    bcubed_recall: float
    bcubed_f1: float


def score_clusters(gold: dict[str, str], predicted: dict[str, str]) -> ClusterScore:
    """Score predicted clusters (item → cluster) against gold ones over the items both know.

    Pairwise scores count pairs of items put together; B-cubed averages, per item, how much of its
    predicted cluster is in its gold cluster (precision) and the reverse (recall).
    """
    items = sorted(gold.keys() & predicted.keys())
    gold_members: dict[str, set[str]] = {}
    predicted_members: dict[str, set[str]] = {}
    for item in items:
        gold_members.setdefault(gold[item], set()).add(item)
        predicted_members.setdefault(predicted[item], set()).add(item)
    together_gold = {
        frozenset((a, b)) for members in gold_members.values() for a in members for b in members if a < b
    }
    together_predicted = {
        frozenset((a, b)) for members in predicted_members.values() for a in members for b in members if a < b
    }
    both = len(together_gold & together_predicted)
    pairwise_precision = both / len(together_predicted) if together_predicted else 1.0
    pairwise_recall = both / len(together_gold) if together_gold else 1.0
    precisions, recalls = [], []
    for item in items:
        mine, truth = predicted_members[predicted[item]], gold_members[gold[item]]
        precisions.append(len(mine & truth) / len(mine))
        recalls.append(len(mine & truth) / len(truth))
    bcubed_precision = sum(precisions) / len(items) if items else float("nan")
    bcubed_recall = sum(recalls) / len(items) if items else float("nan")
    return ClusterScore(
        articles=len(items),
        pairwise_precision=pairwise_precision,
        pairwise_recall=pairwise_recall,
        pairwise_f1=_f1(pairwise_precision, pairwise_recall),
        bcubed_precision=bcubed_precision,
        bcubed_recall=bcubed_recall,
        bcubed_f1=_f1(bcubed_precision, bcubed_recall),
    )


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


class LocationScore(NamedTuple):
    """Event locations against written cases: how many cases got an event at all, and of those, how
    many have the expected country, precision, place and method, and all of them."""

    cases: int
    located: int
    country_accuracy: float
    precision_accuracy: float
    place_accuracy: float
    method_accuracy: float
    exact: float
    misses: tuple[str, ...]


def location_case_articles(cases: Sequence[dict]) -> list[Article]:
    """Each case's text as an article published on its date (its wire dateline read as usual)."""
    return [
        extract_article(
            RawDocument(
                doc=case["id"], source_path=case["id"], kind="text", content=case["text"],
                published=dt.date.fromisoformat(case["date"]),
            )
        )
        for case in cases
    ]  # fmt: skip


def first_locations(cases: Sequence[dict], nlp: Language) -> dict[str, dict | None]:
    """The location of the first event coded in each case (None when it has no event)."""
    found: dict[str, dict | None] = {}
    for event in code_articles(location_case_articles(cases), nlp):
        if event.doc not in found:
            found[event.doc] = event.location.__dict__ if event.location else {}
    return {case["id"]: found.get(case["id"]) for case in cases}


def location_differences(location: dict | None, expected: dict, names: Sequence[str] = ()) -> list[str]:
    """What differs between a predicted and an expected location (`{"name", "country", "precision",
    "method"}`); names are compared ignoring case, accents and a leading `the`."""
    if location is None:
        return ["no event"]
    if not location:
        return ["no location"]
    wanted_names = {place_key(name) for name in (expected["name"], *names)}
    differences = [
        f"{field} {location.get(field)!r} != {expected[field]!r}"
        for field in ("country", "precision", "method")
        if location.get(field) != expected[field]
    ]
    if place_key(location.get("name") or "") not in wanted_names:
        differences.append(f"place {location.get('name')!r} != {expected['name']!r}")
    return differences


def score_locations(cases: Sequence[dict], nlp: Language) -> LocationScore:
    located = first_locations(cases, nlp)
    fields = {"country": 0, "precision": 0, "place": 0, "method": 0}
    exact, with_event, misses = 0, 0, []
    for case in cases:
        location = located[case["id"]]
        differences = location_differences(location, case["location"], case.get("names", ()))
        if location is not None:
            with_event += 1
            for field in fields:
                fields[field] += not any(d.startswith(field) for d in differences)
        exact += not differences
        if differences:
            misses.append(f"{case['id']}: {'; '.join(differences)}")
    share = {field: _share(count, len(cases)) for field, count in fields.items()}
    return LocationScore(
        cases=len(cases), located=with_event, country_accuracy=share["country"],
        precision_accuracy=share["precision"], place_accuracy=share["place"], method_accuracy=share["method"],
        exact=_share(exact, len(cases)), misses=tuple(misses),
    )  # fmt: skip
