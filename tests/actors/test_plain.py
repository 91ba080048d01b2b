"""Actors named in plain text: dictionary entries → names, phrase → the actors it names."""

import pytest

from dyads.actors.dictionary import NameEntry
from dyads.actors.plain import named_actors, plain_names

NAMES = {
    "Turkey": "TUR", "UN": "IGOUNO", "U.S.": "USA", "United States": "USA", "Moscow": "RUS", "Israel": "ISR",
    "Organization for Security and Cooperation in Europe": "IGOEURSCE", "Egypt": "EGY",
}  # fmt: skip


def test_plain_names_are_countries_capitals_and_organizations():
    entries = [
        NameEntry("Kremlin", "RUSGOV", "metonym", False),
        NameEntry("Turkish", "TUR", "adjective", False),
        NameEntry("UN", "IGOUNO", "igo", False),
        NameEntry("Doha", "QAT", "capital", False),
        NameEntry("Kharkiv", "UKR", "city", False),
        NameEntry("Georgia", "GEO", "country", True),
    ]
    assert plain_names(entries) == {"Kremlin": "RUS", "Turkish": "TUR", "UN": "IGOUNO", "Doha": "QAT"}


@pytest.mark.parametrize(
    ("phrase", "stretch", "expected"),
    [
        ("Turkey's foreign ministry", 0, {"Turkey": "TUR"}),
        ("the Organization for Security and Cooperation in Europe", 0, {
            "Organization for Security and Cooperation in Europe": "IGOEURSCE"}),
        ("Egypt between Israel and Hamas", 0, {"Egypt": "EGY"}),
        ("talks in Moscow between the United States and Israel", -1, {"United States": "USA", "Israel": "ISR"}),
        # a full stop ends the sentence, unless it is the name's
        ("the UN and Moscow.", 0, {"UN": "IGOUNO", "Moscow": "RUS"}),
        ("officials of the U.S.", 0, {"U.S.": "USA"}),
        # a name on a hyphenated modifier names something else
        ("U.S.-listed Toyota", 0, {}),
    ],
)  # fmt: skip
def test_named_actors(phrase, stretch, expected):
    assert named_actors(phrase, NAMES, stretch) == expected
