"""Coder rules on hand-built parses: no model needed; each case states tokens, heads, labels and actors."""

import pytest
import spacy
from spacy.tokens import Doc

from dyads.actors.linker import MENTIONS_EXTENSION, LinkedMention
from dyads.events.coder import EVENTS_EXTENSION, EventCoder
from dyads.events.patterns import Pattern, PatternTable

NLP = spacy.blank("en")
PATTERNS = PatternTable(
    [
        Pattern("meet", "VERB", "dobj", "", "", "", "040", True),
        Pattern("meet", "VERB", "", "", "", "", "040", True),
        Pattern("accuse", "VERB", "dobj", "", "", "", "112", False),
        Pattern("attack", "VERB", "dobj", "", "", "", "190", False),
        Pattern("impose", "VERB", "prep:on", "", "sanction", "", "163", False),
        Pattern("impose", "VERB", "", "", "", "", "160", False),
        Pattern("talk", "NOUN", "prep:with", "", "", "", "040", True),
        Pattern("hold", "VERB", "prep:with", "", "talk", "", "043", True),
        Pattern("conference", "NOUN", "prep:of", "", "", "", "040", True),
    ]
)
CODER = EventCoder(PATTERNS)
if not Doc.has_extension(MENTIONS_EXTENSION):
    Doc.set_extension(MENTIONS_EXTENSION, default=None)


def parse(rows: str, actors: dict[str, str], composed: frozenset[str] = frozenset()) -> Doc:
    """Rows `word lemma POS head dep`, one per token; `actors` maps a word to its code; the words in
    `composed` are countries the linker gave a role word's sector (`the leaders of Japan`)."""
    words, lemmas, tags, heads, deps = zip(*(row.split() for row in rows.strip().splitlines()), strict=True)
    doc = Doc(
        NLP.vocab,
        words=list(words),
        lemmas=list(lemmas),
        pos=list(tags),
        heads=[int(h) for h in heads],
        deps=list(deps),
    )
    mentions = [
        LinkedMention(
            token.idx,
            token.idx + len(token.text),
            token.text,
            actors[token.text],
            "composed" if token.text in composed else "person",
            "test",
            0.9,
            0,
        )
        for token in doc
        if token.text in actors
    ]
    doc._.set(MENTIONS_EXTENSION, mentions)
    return doc


def coded(doc: Doc) -> list[tuple]:
    return [
        (e.source.code, e.code, e.target.code if e.target else None, e.mode, e.negated)
        for e in CODER(doc)._.get(EVENTS_EXTENSION)
    ]


ACTORS = {
    "Putin": "RUSGOV",
    "Xi": "CHNGOV",
    "Trump": "USAGOV",
    "Russia": "RUS",
    "Ukraine": "UKR",
    "Kyiv": "UKR",
}


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # Putin met Xi
        (
            "Putin Putin PROPN 1 nsubj\nmet meet VERB 1 ROOT\nXi Xi PROPN 1 dobj",
            [("RUSGOV", "040", "CHNGOV", "asserted", False)],
        ),
        # Putin and Xi met: a symmetric event between coordinated subjects
        (
            "Putin Putin PROPN 3 nsubj\nand and CCONJ 0 cc\nXi Xi PROPN 0 conj\nmet meet VERB 3 ROOT",
            [("RUSGOV", "040", "CHNGOV", "asserted", False)],
        ),
        # Kyiv was attacked by Russia: passive
        (
            "Kyiv Kyiv PROPN 2 nsubjpass\nwas be AUX 2 auxpass\nattacked attack VERB 2 ROOT\nby by ADP 2 agent\nRussia Russia PROPN 3 pobj",
            [("RUS", "190", "UKR", "asserted", False)],
        ),
        # Trump did not accuse Xi: negation
        (
            "Trump Trump PROPN 3 nsubj\ndid do AUX 3 aux\nnot not PART 3 neg\naccuse accuse VERB 3 ROOT\nXi Xi PROPN 3 dobj",
            [("USAGOV", "112", "CHNGOV", "denied", True)],
        ),
        # Putin is ready to meet Xi: an intended meeting is the intent to meet (036)
        (
            "Putin Putin PROPN 1 nsubj\nis be AUX 1 ROOT\nready ready ADJ 1 acomp\nto to PART 4 aux\nmeet meet VERB 2 xcomp\nXi Xi PROPN 4 dobj",
            [("RUSGOV", "036", "CHNGOV", "intended", False)],
        ),
        # Trump could accuse Xi: hypothetical
        (
            "Trump Trump PROPN 2 nsubj\ncould could AUX 2 aux\naccuse accuse VERB 2 ROOT\nXi Xi PROPN 2 dobj",
            [("USAGOV", "112", "CHNGOV", "hypothetical", False)],
        ),
        # Trump would impose sanctions on Russia if … : a threatened sanction is a threat (1312)
        (
            "Trump Trump PROPN 2 nsubj\nwould would AUX 2 aux\nimpose impose VERB 2 ROOT\nsanctions sanction NOUN 2 dobj\non on ADP 2 prep\nRussia Russia PROPN 4 pobj\nif if SCONJ 7 mark\nneeded need VERB 2 advcl",
            [("USAGOV", "1312", "RUS", "threatened", False)],
        ),
        # Putin held talks with Xi: a light verb; the noun is not coded again
        (
            "Putin Putin PROPN 1 nsubj\nheld hold VERB 1 ROOT\ntalks talk NOUN 1 dobj\nwith with ADP 2 prep\nXi Xi PROPN 3 pobj",
            [("RUSGOV", "043", "CHNGOV", "asserted", False)],
        ),
        # Putin, Xi and Trump met: a joint act of three is one event per pair
        (
            "Putin Putin PROPN 5 nsubj\n, , PUNCT 0 punct\nXi Xi PROPN 0 conj\nand and CCONJ 2 cc\nTrump Trump PROPN 2 conj\nmet meet VERB 5 ROOT",
            [
                ("RUSGOV", "040", "CHNGOV", "asserted", False),
                ("RUSGOV", "040", "USAGOV", "asserted", False),
                ("CHNGOV", "040", "USAGOV", "asserted", False),
            ],
        ),
        # the ministers, Putin and Xi, met: the name in apposition is the subject's
        (
            "the the DET 1 det\nministers minister NOUN 6 nsubj\n, , PUNCT 1 punct\nPutin Putin PROPN 1 appos\nand and CCONJ 3 cc\nXi Xi PROPN 1 conj\nmet meet VERB 6 ROOT",
            [("RUSGOV", "040", "CHNGOV", "asserted", False)],
        ),
        # Trump joined a video conference of Putin and Xi: the parties of a joint act's noun, at a distance
        (
            "Trump Trump PROPN 1 nsubj\njoined join VERB 1 ROOT\na a DET 4 det\nvideo video NOUN 4 compound\nconference conference NOUN 1 dobj\nof of ADP 4 prep\nPutin Putin PROPN 5 pobj\nand and CCONJ 6 cc\nXi Xi PROPN 6 conj",
            [("RUSGOV", "041", "CHNGOV", "asserted", False)],
        ),
        (
            "Trump Trump PROPN 1 nsubj\njoined join VERB 1 ROOT\na a DET 3 det\nconference conference NOUN 1 dobj\nof of ADP 3 prep\nPutin Putin PROPN 4 pobj\nand and CCONJ 5 cc\nXi Xi PROPN 5 conj",
            [("RUSGOV", "040", "CHNGOV", "asserted", False)],
        ),
        # the weather improved: no actor, no event
        ("the the DET 1 det\nweather weather NOUN 2 nsubj\nimproved improve VERB 2 ROOT", []),
        # Putin attacked: an attack needs a target
        ("Putin Putin PROPN 1 nsubj\nattacked attack VERB 1 ROOT", []),
    ],
)
def test_coder_rules(rows, expected):
    assert coded(parse(rows, ACTORS)) == expected


LEADERS_OF = "the the DET 1 det\nleaders leader NOUN 6 nsubj\nof of ADP 1 prep\nJapan Japan PROPN 2 pobj\nand and CCONJ 3 cc\nKorea Korea PROPN 3 conj"


@pytest.mark.parametrize(
    ("rows", "composed", "expected"),
    [
        # the leaders of Japan and Korea met: the countries the linker gave the role word
        (LEADERS_OF + "\nmet meet VERB 6 ROOT", {"Japan", "Korea"}, [("JPNGOV", "040", "KORGOV", "asserted", False)]),
        # a name after `of` that the linker did not give the role word (`the capital of Japan`) acts not
        (LEADERS_OF + "\nmet meet VERB 6 ROOT", set(), []),
        # the leaders of Japan and Korea spoke after meeting: the time's preposition hangs on the doer's verb
        (LEADERS_OF + "\nspoke speak VERB 6 ROOT\nafter after ADP 6 prep\nmeeting meet VERB 7 pcomp",
         {"Japan", "Korea"}, [("JPNGOV", "040", "KORGOV", "asserted", False)]),
    ],
)  # fmt: skip
def test_role_words_and_their_countries(rows, composed, expected):
    actors = {"Japan": "JPNGOV", "Korea": "KORGOV"}
    assert coded(parse(rows, actors, frozenset(composed))) == expected
