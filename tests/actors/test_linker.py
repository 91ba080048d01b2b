"""Linker rules on hand-built Docs: no model needed, every case states its tokens, entities and date."""

import datetime as dt

import pytest
import spacy
from spacy.tokens import Doc

from dyads.actors.dictionary import ActorDictionary, NameEntry, Person
from dyads.actors.linker import DATE_EXTENSION, ActorLinker, link_mentions
from dyads.actors.roles import Role

NLP = spacy.blank("en")


def role(person, code, start, end=None):
    start = dt.date.fromisoformat(start) if start else None
    end = dt.date.fromisoformat(end) if end else None
    return Role(person, (), code[:3], code, "", "", start, end)


DICTIONARY = ActorDictionary(
    names=[
        NameEntry("Russia", "RUS", "country", False),
        NameEntry("Russian", "RUS", "adjective", False),
        NameEntry("China", "CHN", "country", False),
        NameEntry("Chinese", "CHN", "adjective", False),
        NameEntry("Moscow", "RUS", "capital", False),
        NameEntry("Kremlin", "RUSGOV", "metonym", False),
        NameEntry("Georgia", "GEO", "country", True),
        NameEntry("Mexico", "MEX", "country", False),
        NameEntry("Harvard University", "USAEDU", "organization", False),
        NameEntry("NATO", "IGOWSTNAT", "igo", False),
    ],
    people=[
        Person("Donald Trump", ("Donald Trump", "Trump"), (
            role("Donald Trump", "USAGOV", "2017-01-20", "2021-01-20"),
            role("Donald Trump", "USAGOV", "2025-01-20"),
        )),
        Person("Vladimir Putin", ("Vladimir Putin", "Putin"), (role("Vladimir Putin", "RUSGOV", "2012-05-07"),)),
        Person("Xi Jinping", ("Xi Jinping", "Xi"), (role("Xi Jinping", "CHNGOV", "2013-03-14"),)),
    ],
    agents={"president": "GOV", "leader": "GOV", "leaders": "GOV", "foreign ministry": "GOV", "ministry": "GOV", "troops": "MIL",
            "aide": "GOV", "professor": "EDU", "leadership": "GOV", "minister": "GOV"},
)  # fmt: skip
LINKER = ActorLinker(NLP, DICTIONARY)


def make_doc(text: str, ents=(), day="2025-03-01", sentence_starts=(0,), deps=None) -> Doc:
    """A Doc from whitespace-separated tokens; `ents` are (first token, end token, label)."""
    words = text.split()
    tags = ["O"] * len(words)
    for start, end, label in ents:
        tags[start] = f"B-{label}"
        for index in range(start + 1, end):
            tags[index] = f"I-{label}"
    if deps:
        heads, labels = deps
        doc = Doc(NLP.vocab, words=words, ents=tags, heads=heads, deps=labels)
    else:
        starts = [index in sentence_starts for index in range(len(words))]
        doc = Doc(NLP.vocab, words=words, ents=tags, sent_starts=starts)
    doc._.set(DATE_EXTENSION, dt.date.fromisoformat(day))
    return doc


def linked(doc: Doc) -> list[tuple[str, str]]:
    return [(m.text, m.code) for m in link_mentions(LINKER(doc))]


@pytest.mark.parametrize(
    ("text", "ents", "day", "expected"),
    [
        (
            "Russian President Vladimir Putin spoke",
            [(2, 4, "PERSON")],
            "2025-03-01",
            [("Russian President Vladimir Putin", "RUSGOV")],
        ),
        ("Trump met reporters", [(0, 1, "PERSON")], "2019-05-01", [("Trump", "USAGOV")]),
        ("Trump met reporters", [(0, 1, "PERSON")], "2022-05-01", [("Trump", "USAELI")]),
        ("Trump met reporters", [(0, 1, "PERSON")], "2025-05-01", [("Trump", "USAGOV")]),
        ("the Kremlin said", [], "2025-03-01", [("the Kremlin", "RUSGOV")]),
        ("the Chinese Foreign Ministry said", [], "2025-03-01", [("the Chinese Foreign Ministry", "CHNGOV")]),
        ("Russian troops advanced", [], "2025-03-01", [("Russian troops", "RUSMIL")]),
        ("Moscow 's support", [], "2025-03-01", [("Moscow", "RUS")]),
        ("Russia 's foreign ministry said", [], "2025-03-01", [("Russia 's foreign ministry", "RUSGOV")]),
        ("NATO allies met", [], "2025-03-01", [("NATO", "IGOWSTNAT")]),
        (
            "Kremlin aide Yuri Ushakov said",
            [(2, 4, "PERSON")],
            "2025-03-01",
            [("Kremlin aide Yuri Ushakov", "RUSGOV")],
        ),
        (
            "Chinese Foreign Minister Li Wei said",
            [(3, 5, "PERSON")],
            "2025-03-01",
            [("Chinese Foreign Minister Li Wei", "CHNGOV")],
        ),
        ("Tbilisi , Georgia protested", [(0, 1, "GPE"), (2, 3, "GPE")], "2025-03-01", []),
        ("Georgia protested", [(0, 1, "PERSON")], "2025-03-01", []),
        ("Georgia protested", [(0, 1, "GPE")], "2025-03-01", [("Georgia", "GEO")]),
        ("New Mexico voted", [(0, 2, "GPE")], "2025-03-01", []),
        ("Mexico voted", [(0, 1, "GPE")], "2025-03-01", [("Mexico", "MEX")]),
        ("the president spoke", [], "2025-03-01", []),
        ("lowercase russian troops", [], "2025-03-01", []),
    ],
)
def test_single_sentence_rules(text, ents, day, expected):
    assert linked(make_doc(text, ents, day)) == expected


def test_name_introduced_with_title_is_remembered_by_surname():
    doc = make_doc(
        "Chinese Foreign Minister Li Wei spoke . Wei later left",
        [(3, 5, "PERSON"), (7, 8, "PERSON")],
        sentence_starts=(0, 7),
    )
    assert linked(doc) == [("Chinese Foreign Minister Li Wei", "CHNGOV"), ("Wei", "CHNGOV")]


def test_plural_reference_resolves_to_the_last_coordinated_pair():
    doc = make_doc(
        "Putin and Xi spoke . the two leaders agreed",
        [(0, 1, "PERSON"), (2, 3, "PERSON")],
        sentence_starts=(0, 5),
    )
    assert linked(doc) == [
        ("Putin", "RUSGOV"), ("Xi", "CHNGOV"), ("the two leaders", "RUSGOV"), ("the two leaders", "CHNGOV"),
    ]  # fmt: skip


def _leader(name, code):
    return Person(
        name,
        (name,),
        (Role(name, (), code[:3], code, "head_of_state", "President", dt.date(2010, 1, 1), None),),
    )


LEADERS_LINKER = ActorLinker(
    NLP,
    ActorDictionary(
        names=[NameEntry("Russia", "RUS", "country", False), NameEntry("China", "CHN", "country", False)],
        people=[_leader("Putin", "RUSGOV"), _leader("Trump", "USAGOV"), _leader("Xi", "CHNGOV")],
        agents={"leaders": "GOV", "countries": "GOV"},
    ),
)


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        # the article's most named leaders, not the countries a background sentence coordinates
        ("Putin met Trump . Putin urged both Russia and China . Xi spoke . the two leaders agreed",
         ("RUSGOV", "USAGOV")),
        # leaders named together win over more often named ones
        ("Trump spoke . Trump left . Putin and Xi met . the two leaders agreed", ("RUSGOV", "CHNGOV")),
        # the leaders a sentence names before the phrase count too
        ("Trump called Putin and the two leaders agreed to meet", ("USAGOV", "RUSGOV")),
    ],
)  # fmt: skip
def test_the_two_leaders(text, pair):
    words = text.split()
    people = [(i, i + 1, "PERSON") for i, word in enumerate(words) if word in ("Putin", "Trump", "Xi")]
    starts = tuple(i + 1 for i, word in enumerate(words) if word == ".")
    found = [
        (m.text, m.code)
        for m in link_mentions(LEADERS_LINKER(make_doc(text, people, "2025-03-01", (0, *starts))))
    ]
    assert found[-2:] == [("the two leaders", pair[0]), ("the two leaders", pair[1])]


GROUP_LINKER = ActorLinker(
    NLP,
    ActorDictionary(
        names=[NameEntry(name, code, "country", False)
               for name, code in (("France", "FRA"), ("Germany", "DEU"), ("Britain", "GBR"), ("Iran", "IRN"))],
        people=[],
        agents={"ministers": "GOV", "governments": "GOV"},
    ),
)  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("France , Germany and Britain warned Iran . the three foreign ministers met",
         [("the three foreign ministers", "FRAGOV"), ("the three foreign ministers", "DEUGOV"),
          ("the three foreign ministers", "GBRGOV")]),
        # a group of another size, or a pair, is not the list
        ("France , Germany and Britain warned Iran . the four governments met", []),
        ("France and Germany warned Iran . the three governments met", []),
        # the list, not whatever is named before it; a list ends with `and`
        ("Iran warned France , Germany and Britain . the three governments met",
         [("the three governments", "FRAGOV"), ("the three governments", "DEUGOV"),
          ("the three governments", "GBRGOV")]),
        ("Iran , France , Germany spoke . the three governments met", []),
        # `the three countries' ministers` after a pair in the same sentence is still the group
        ("France , Germany and Britain warned Iran . Germany and Britain said the three countries ' ministers met",
         [("the three countries ' ministers", "FRAGOV"), ("the three countries ' ministers", "DEUGOV"),
          ("the three countries ' ministers", "GBRGOV")]),
    ],
)  # fmt: skip
def test_a_group_of_three_is_the_last_list_of_three(text, expected):
    starts = (0, text.split().index(".") + 1)
    mentions = [(m.text, m.code) for m in link_mentions(GROUP_LINKER(make_doc(text, sentence_starts=starts)))]
    assert [mention for mention in mentions if mention[0].startswith("the ")] == expected


def test_pair_of_countries_gives_role_to_plural_leaders():
    doc = make_doc("Russia and China signed . both leaders agreed", sentence_starts=(0, 5))
    assert linked(doc)[2:] == [("both leaders", "RUSGOV"), ("both leaders", "CHNGOV")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia and China signed . the two countries agreed",
         [("the two countries", "RUS"), ("the two countries", "CHN")]),
        ("Russia and China signed . both countries ' leaders agreed",
         [("both countries ' leaders", "RUSGOV"), ("both countries ' leaders", "CHNGOV")]),
        # a country noun without a number is no reference to the pair
        ("Russia and China signed . countries agreed", []),
    ],
)  # fmt: skip
def test_a_number_of_countries_is_the_pair(text, expected):
    doc = make_doc(text, sentence_starts=(0, text.split().index(".") + 1))
    assert linked(doc)[2:] == expected


def test_hyphenated_pair_and_coordinated_adjectives():
    assert linked(make_doc("China - Russia relations")) == [("China", "CHN"), ("Russia", "RUS")]
    assert linked(make_doc("the Russian and Chinese leadership said")) == [
        ("the Russian", "RUSGOV"), ("Chinese leadership", "CHNGOV"),
    ]  # fmt: skip


def test_unknown_person_coded_by_appositive():
    words = "Graham Allison , the professor at Harvard University , wrote"
    heads = [1, 9, 1, 4, 1, 4, 7, 5, 1, 9]
    deps = ["compound", "nsubj", "punct", "det", "appos", "prep", "compound", "pobj", "punct", "ROOT"]
    doc = make_doc(words, [(0, 2, "PERSON"), (6, 8, "ORG")], deps=(heads, deps))
    assert linked(doc) == [("Graham Allison", "USAEDU"), ("Harvard University", "USAEDU")]


@pytest.mark.parametrize(
    ("text", "heads", "labels", "expected"),
    [
        # `its` is the subject's: China's leader, not Russia's
        ("China called for calm in Russia as its leader spoke",
         [1, 1, 1, 2, 3, 4, 9, 8, 9, 1],
         ["nsubj", "ROOT", "prep", "pobj", "prep", "pobj", "mark", "poss", "nsubj", "advcl"],
         [("China", "CHN"), ("Russia", "RUS"), ("its leader", "CHNGOV")]),
        # no country as the subject before it: no owner
        ("Troops entered Russia as its leader spoke",
         [1, 1, 1, 6, 5, 6, 1],
         ["nsubj", "ROOT", "dobj", "mark", "poss", "nsubj", "advcl"],
         [("Russia", "RUS")]),
        ("NATO said its leader spoke",
         [1, 1, 3, 4, 1],
         ["nsubj", "ROOT", "poss", "nsubj", "ccomp"],
         [("NATO", "IGOWSTNAT")]),
    ],
)  # fmt: skip
def test_a_role_word_after_its_belongs_to_the_country_subject(text, heads, labels, expected):
    assert linked(make_doc(text, deps=(heads, labels))) == expected


def test_its_after_a_verb_asking_someone_to_act_is_that_someone():
    text = "Russia asked China to withdraw its troops"
    heads, labels = [1, 1, 1, 4, 1, 6, 4], ["nsubj", "ROOT", "dobj", "aux", "xcomp", "poss", "dobj"]
    assert linked(make_doc(text, deps=(heads, labels))) == [
        ("Russia", "RUS"), ("China", "CHN"), ("its troops", "CHNMIL"),
    ]  # fmt: skip


INSTITUTION_LINKER = ActorLinker(
    NLP,
    ActorDictionary(
        names=[NameEntry("South Korea", "KOR", "country", False), NameEntry("U.S.", "USA", "country", False),
               NameEntry("Iran", "IRN", "country", False),
               NameEntry("Joint Chiefs of Staff", "USAMIL", "institution", False),
               NameEntry("White House", "USAGOV", "metonym", False)],
        people=[],
        agents={"envoy": "GOV"},
    ),
)  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a country's body of a kind another country's institution is named after
        ("South Korea 's Joint Chiefs of Staff said", [("South Korea 's Joint Chiefs of Staff", "KORMIL")]),
        ("the U.S. Joint Chiefs of Staff said", [("the U.S. Joint Chiefs of Staff", "USAMIL")]),
        # the institution first: its own, whatever country follows
        ("the White House 's Iran envoy said", [("the White House 's Iran envoy", "USAGOV")]),
    ],
)
def test_an_institution_after_another_country_is_that_country_s(text, expected):
    assert [(m.text, m.code) for m in link_mentions(INSTITUTION_LINKER(make_doc(text)))] == expected
