"""The sentence pre-filter: rule sentences, which sentences reach the parser, and that what it skips
could not have held an event."""

import pytest
import spacy

from dyads.events.coding import code_articles, event_json, shared_coding_pipeline, stream_coded
from dyads.model import Rejection
from dyads.pipeline import read_articles
from dyads.prefilter import ParsedText, SentenceFilter, rule_sentences


@pytest.fixture(scope="module")
def nlp():
    return shared_coding_pipeline()


@pytest.fixture(scope="module")
def sentence_filter(nlp):
    return SentenceFilter(nlp)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Putin met Xi. They talked.", ["Putin met Xi.", "They talked."]),
        ("Headline without a stop\n\nFirst sentence.", ["Headline without a stop", "First sentence."]),
        ('"We will respond," he said. Next.', ['"We will respond," he said.', "Next."]),
        ('He said "it is over." Then he left.', ['He said "it is over."', "Then he left."]),
        ('It ended. "We won," she said.', ["It ended.", '"We won," she said.']),
        ("Talks with the U.S. resumed. Good.", ["Talks with the U.S. resumed.", "Good."]),
        ("Is it over? yes, it is.", ["Is it over? yes, it is."]),
        ("Prices rose 2.5 percent. Oil fell", ["Prices rose 2.5 percent.", "Oil fell"]),
        ("Wait…\nMore.", ["Wait…", "More."]),
        ("", []),
        ("\n\n  \n", []),
        # a wire dateline opening a paragraph belongs to no sentence
        ("MOSCOW, June 19 (Reuters) - Lavrov spoke. More.", ["Lavrov spoke.", "More."]),
        ("Title\n\nKYIV (AP) — Zelensky met Duda.", ["Title", "Zelensky met Duda."]),
        ("He flew on. PARIS - no dateline here.", ["He flew on.", "PARIS - no dateline here."]),
    ],
)
def test_rule_sentences(text, expected):
    doc = spacy.blank("en")(text)
    assert [sentence.text for sentence in rule_sentences(doc)] == expected


def test_parsed_text_maps_offsets_and_sentence_numbers_back():
    # kept: the article's sentences 1 (at 20) and 4 (at 90), condensed at 0 and 31
    parsed = ParsedText(parsed_starts=(0, 31), article_starts=(20, 90), sentence_numbers=(1, 4))
    assert parsed.article_offset(0) == 20
    assert parsed.article_offset(30) == 50
    assert parsed.article_offset(31) == 90
    assert parsed.article_span((33, 40)) == (92, 99)
    assert parsed.sentence_number(5) == 1
    assert parsed.sentence_number(31) == 4


@pytest.mark.parametrize(
    "sentence,kept",
    [
        ("Russia and China held talks in Beijing on Tuesday.", True),
        ("Putin met Xi.", True),
        ("Chinese President Xi Jinping accused Japan of provocations.", True),
        ("Turkey imposed sanctions on Israel.", True),
        ("He met Modi in New Delhi.", True),  # a pronoun and one name make a pair
        ("The two leaders have held a phone call.", False),  # a pair of role words, no named actor
        ("Putin said the weather was cold.", False),  # a bare statement is never an event
        ("Markets in Tokyo rose 2 percent on Tuesday.", False),
        ("The recipe calls for two eggs and flour.", False),
        ("Russian President Vladimir Putin smiled.", False),  # one actor phrase, no event word
        ("Neither side said whether Ukraine was discussed.", True),  # a topic the tagger reads
        ("Ukraine is a large country.", False),
    ],
)
def test_which_sentences_are_kept(nlp, sentence_filter, sentence, kept):
    doc = nlp.make_doc(sentence)
    assert bool(sentence_filter.kept(doc)[0]) is kept


def test_a_pronoun_keeps_the_sentence_that_names_its_actor(nlp, sentence_filter):
    doc = nlp.make_doc(
        "Mexican President Claudia Sheinbaum spoke to reporters. Markets were calm. "
        "She rejected any US military action in Mexico."
    )
    kept, total = sentence_filter.kept(doc)
    assert total == 3
    assert [number for number, _ in kept] == [0, 2]


@pytest.mark.parametrize(
    "word,trigger",
    [("met", True), ("meets", True), ("sanctions", True), ("talks", True), ("accused", True),
     ("spoke", True), ("said", False), ("weather", False), ("the", False)],
)  # fmt: skip
def test_event_words_are_found_without_a_parse(nlp, sentence_filter, word, trigger):
    doc = nlp.make_doc(f"Russia and China {word} things.")
    assert sentence_filter._has_trigger(doc[:], inside=set()) is trigger


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Russia and China signed a treaty. Both countries also agreed to hold talks.", [0, 1]),
        ("Russia and China signed a treaty. The weather was fine. The two leaders held talks.", [0, 2]),
        # a pair by number with nobody named before it refers to nothing
        ("The weather was fine. Both countries agreed to hold talks.", []),
    ],
)
def test_a_pair_named_by_number_is_kept_with_the_sentence_naming_it(nlp, sentence_filter, text, kept):
    assert [number for number, _ in sentence_filter.kept(nlp.make_doc(text))[0]] == kept


@pytest.fixture(scope="module")
def corpus(seeds_dir, examples_dir):
    return [a for a in read_articles([str(seeds_dir), str(examples_dir)]) if not isinstance(a, Rejection)]


def test_the_filter_changes_no_event_of_the_seeds_and_demo(nlp, corpus):
    filtered = [event_json(e) for e in code_articles(corpus, nlp)]
    everything = [event_json(e) for e in code_articles(corpus, nlp, parse_all=True)]
    assert len(filtered) > 100
    assert filtered == everything


def test_the_filter_parses_fewer_words(nlp, sentence_filter, corpus):
    docs = [nlp.make_doc(article.text) for article in corpus]
    kept = sum(len(sentence) for doc in docs for _, sentence in sentence_filter.kept(doc)[0])
    assert kept < 0.9 * sum(len(doc) for doc in docs)


def test_offsets_are_the_articles(nlp, corpus):
    """Mentions and evidence found in the condensed text point at the same words of the article."""
    for article, (mentions, events) in zip(corpus, stream_coded(corpus, nlp), strict=True):
        for mention in mentions:
            assert article.text[mention.start : mention.end] == mention.text
        for event in events:
            start, end = event.evidence
            assert article.text[start:end] in event.sentence
