import datetime as dt

import pytest

from dyads.actors.dictionary import ActorDictionary, Person, merge_people, person_key
from dyads.actors.roles import Role
from dyads.errors import DyadsError


def role(person, code, start, end=None, variants=()):
    return Role(
        person, tuple(variants) or (person,), code[:3], code, "", "",
        dt.date.fromisoformat(start) if start else None, dt.date.fromisoformat(end) if end else None,
    )  # fmt: skip


@pytest.fixture(scope="module")
def dictionary():
    return ActorDictionary.load()


@pytest.mark.parametrize(
    ("name", "day", "code"),
    [
        ("Donald Trump", "2016-06-01", None),
        ("Donald Trump", "2019-06-01", "USAGOV"),
        ("Donald Trump", "2022-06-01", "USAELI"),
        ("Donald Trump", "2025-01-20", "USAGOV"),
        ("Barack Obama", "2012-06-01", "USAGOV"),
        ("Barack Obama", "2020-06-01", "USAELI"),
        ("Vladimir Putin", "2025-01-21", "RUSGOV"),
        ("Xi Jinping", "2025-01-21", "CHNGOV"),
        ("Olaf Scholz", "2023-03-01", "DEUGOV"),
        ("Olaf Scholz", "2025-06-01", "DEUELI"),
        ("Friedrich Merz", "2025-06-01", "DEUGOV"),
        ("Keir Starmer", "2024-08-01", "GBRGOV"),
        ("Marco Rubio", "2025-03-01", "USAGOV"),
        ("Volodymyr Zelensky", "2025-01-22", "UKRGOV"),
    ],
)
def test_people_are_coded_by_date(dictionary, name, day, code):
    [person] = [p for p in dictionary.persons(name) if p.name == name]
    assert person.code_on(dt.date.fromisoformat(day)) == code


@pytest.mark.parametrize(
    ("text", "code", "kind"),
    [
        ("Russia", "RUS", "country"),
        ("Russian", "RUS", "adjective"),
        ("U.S.", "USA", "country"),
        ("Türkiye", "TUR", "country"),
        ("Kremlin", "RUSGOV", "metonym"),
        ("Pentagon", "USAMIL", "metonym"),
        ("Downing Street", "GBRGOV", "metonym"),
        ("NATO", "IGOWSTNAT", "igo"),
        ("Harvard University", "USAEDU", "education"),
    ],
)
def test_names(dictionary, text, code, kind):
    assert any((e.code, e.kind) == (code, kind) for e in dictionary.entries(text))


@pytest.mark.parametrize(("word", "sector"), [("minister", "GOV"), ("Troops", "MIL"), ("professor", "EDU")])
def test_role_words(dictionary, word, sector):
    assert dictionary.sector(word) == sector


def test_curated_roles_win_over_older_ones():
    older = [role("Ana Ruiz", "CHLGOV", "2010-01-01"), role("Ana Ruiz", "CHLELI", "2000-01-01", "2010-01-01")]
    curated = [role("Ana Ruíz", "CHLGOV", "2012-03-11", "2016-03-11")]
    [person] = merge_people(older, curated)
    assert person.code_on(dt.date(2011, 1, 1)) == "CHLGOV"
    assert person.code_on(dt.date(2014, 1, 1)) == "CHLGOV"
    assert person.code_on(dt.date(2020, 1, 1)) == "CHLELI"
    assert person_key("Ana Ruíz") == person_key("ana ruiz")


def test_default_role_applies_when_no_dated_role_does():
    person = Person("X", ("X",), (role("X", "NGOAMN", None),))
    assert person.code_on(dt.date(2020, 1, 1)) == "NGOAMN"


def test_users_extend_the_dictionary(tmp_path):
    names = tmp_path / "names.csv"
    names.write_text("text,code,kind,ambiguous\nRed Meadow Front,COLREB,armed_group,no\n")
    people = tmp_path / "people.csv"
    people.write_text(
        "person,variants,country,code,office,title,start,end\n"
        "Lena Varga,Lena Varga;Varga,HUN,HUNGOV,foreign_minister,Foreign Minister,2030-01-01,\n"
    )
    agents = tmp_path / "agents.csv"
    agents.write_text("text,code,plural\nbeekeeper,AGR,beekeepers\n")
    dictionary = ActorDictionary.load([names, people, agents])
    assert dictionary.entries("Red Meadow Front")[0].code == "COLREB"
    assert dictionary.persons("Varga")[0].code_on(dt.date(2031, 1, 1)) == "HUNGOV"
    assert dictionary.sector("beekeepers") == "AGR"
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\n1,2\n")
    with pytest.raises(DyadsError, match="not an actor file"):
        ActorDictionary.load([bad])


def test_namesakes_in_office_at_once_are_told_apart_by_the_country_named():
    """Spain's prime minister and a Colombian defence minister are both Pedro Sánchez in 2025."""
    [person] = merge_people(
        [],
        [
            Role("Pedro Sanchez", ("Pedro Sanchez",), "COL", "COLGOVMIL", "defence_minister", "Defence Minister",
                 dt.date(2025, 2, 20), None),
            Role("Pedro Sanchez", ("Pedro Sanchez",), "ESP", "ESPGOV", "head_of_government", "Prime Minister",
                 dt.date(2018, 6, 2), None),
        ],
    )  # fmt: skip
    day = dt.date(2025, 10, 9)
    assert person.code_on(day, "COL") == "COLGOVMIL"
    assert person.code_on(day, "ESP") == "ESPGOV"
    assert person.code_on(day) == "ESPGOV"  # without a country, the head of government
    assert person.code_on(dt.date(2024, 1, 1), "COL") == "ESPGOV"  # the only one in office then
