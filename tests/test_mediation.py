"""Who a sentence credits with brokering what: sentence → (thing brokered, mediators) pairs."""

import pytest

from dyads.mediation import read_mediation_reports

NAMES = {
    "UN": "IGOUNO", "United Nations": "IGOUNO", "Turkish": "TUR", "Turkey": "TUR", "Qatar": "QAT",
    "Qatari": "QAT", "Egypt": "EGY", "Saudi": "SAU", "Israel": "ISR", "United States": "USA",
    "China": "CHN", "Kremlin": "RUS", "Armenia": "ARM", "United Arab Emirates": "ARE",
    "Organization for Security and Cooperation in Europe": "IGOEURSCE",
}  # fmt: skip


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The truce, brokered by the UN mission with the help of community elders, took effect at midnight.",
         {("ceasefire", frozenset({"IGOUNO"}))}),
        ("A ceasefire between armed factions in Tripoli was brokered with Turkish mediation, officials said.",
         {("ceasefire", frozenset({"TUR"}))}),
        ("The ceasefire agreement, agreed along with Turkish and Saudi mediation, called on rebels to disarm.",
         {("ceasefire", frozenset({"TUR", "SAU"}))}),
        ("A UN-brokered truce took effect on Monday.", {("ceasefire", frozenset({"IGOUNO"}))}),
        ("Egypt and Qatar mediated the truce between Israel and Hamas.",
         {("ceasefire", frozenset({"EGY", "QAT"}))}),
        ("The United States and China, which helped broker the deal, welcomed it.",
         {("agreement", frozenset({"USA", "CHN"}))}),
        ("The Kremlin brokered the deal between Armenia and Azerbaijan.", {("agreement", frozenset({"RUS"}))}),
        ("The prisoner exchange, mediated by the United Arab Emirates, freed 150 soldiers on each side.",
         {("prisoner exchange", frozenset({"ARE"}))}),
        ("Talks under the mediation of Qatar resumed in Doha.", {("talks", frozenset({"QAT"}))}),
        # a name with boundary words inside is one name; the parties after `between` are no mediators
        ("They praised a peace deal brokered by the Organization for Security and Cooperation in Europe.",
         {("agreement", frozenset({"IGOEURSCE"}))}),
        ("The truce was brokered by Egypt between Israel and Hamas.", {("ceasefire", frozenset({"EGY"}))}),
        # the parties of a reduced passive, attempts, denials and offers credit nobody
        ("A truce between Israel and Hamas brokered last week has largely held.", set()),
        ("Qatar is trying to help broker a ceasefire.", set()),
        ("Turkey denied having brokered the deal.", set()),
        ("The parties accepted an offer of Qatari mediation for talks.", set()),
        ("The truce was not brokered by Turkey, the UN said.", set()),
        # nothing brokered is named, or no mediator
        ("Turkey helped broker an end to the fighting.", set()),
        ("The ceasefire was brokered two weeks ago.", set()),
    ],
)  # fmt: skip
def test_mediation_reports(sentence, expected):
    assert {(r.brokered, r.mediators) for r in read_mediation_reports(sentence, NAMES)} == expected


def test_a_sentence_credits_each_mediator_once_under_the_nearest_thing():
    [report] = read_mediation_reports(
        "The truce, brokered by Qatar and mediated by Qatari officials, held; the deal was signed later.",
        NAMES,
    )
    assert (report.brokered, report.mediators, report.named) == (
        "ceasefire",
        frozenset({"QAT"}),
        ("Qatar", "Qatari"),
    )
