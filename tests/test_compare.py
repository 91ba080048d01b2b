"""Claims and conflicts of one story from hand-made events and texts."""

import datetime as dt
from dataclasses import replace

import pytest

from dyads.actors.roles import Role
from dyads.compare import (
    compare_story,
    figure_conflicts,
    force_conflicts,
    mediator_conflicts,
    silence_conflicts,
    title_conflicts,
)
from dyads.figures import read_figures
from dyads.model import ArticleText, PersonMention, ReportedEvent, StoryArticle

OUTLET_A = StoryArticle("a.txt", "a", "Atlas", dt.date(2025, 1, 21))
OUTLET_B = StoryArticle("b.txt", "b", "Borealis", dt.date(2025, 1, 22))
WIRE_COPY_IN_A = StoryArticle("a2.txt", "a2", "Atlas", dt.date(2025, 1, 22))


def told(article, text):
    return ArticleText(article, text, tuple(read_figures(article.article_id, text, article.published)))


def event(article, source, target, root, day=None, mode="asserted", sentence="", number=0):
    return ReportedEvent(
        event_id=f"{article.article_id}-{number}", article=article, sentence_index=number, source=source,
        target=target, root=root, cameo=root + "0", mode=mode, negated=mode == "denied", event_date=day,
        date_precision="day" if day else "before", sentence=sentence or f"{source} {root} {target}",
    )  # fmt: skip


def test_mutual_events_from_two_outlets_are_one_corroborated_claim():
    found = compare_story(
        "s",
        [
            event(OUTLET_A, "RUS", "CHN", "04", "2025-01-21"),
            event(OUTLET_B, "CHN", "RUS", "04", "2025-01-21"),
        ],
    )
    [claim] = found.corroborated()
    assert (claim.source, claim.target, claim.root, claim.event_date) == ("CHN", "RUS", "04", "2025-01-21")
    assert claim.outlets == {"Atlas", "Borealis"}
    assert claim.first_reported == dt.date(2025, 1, 21)
    assert not found.single_source() and not found.conflicts
    assert {row[2] for row in found.support} == {"a-0", "b-0"}


def test_directed_events_keep_their_direction():
    found = compare_story("s", [event(OUTLET_A, "USA", "CHN", "11"), event(OUTLET_B, "CHN", "USA", "11")])
    assert len(found.single_source()) == 2


def test_one_outlet_twice_is_still_a_single_source():
    found = compare_story(
        "s",
        [
            event(OUTLET_A, "RUS", "CHN", "04", "2025-01-21"),
            event(WIRE_COPY_IN_A, "RUS", "CHN", "04", "2025-01-21"),
        ],
    )
    assert not found.corroborated() and len(found.single_source()) == 1


def test_outlets_dating_one_call_to_different_days_conflict_once():
    events = [
        event(OUTLET_A, "RUS", "CHN", "04", "2025-01-21", sentence="They spoke on Tuesday."),
        event(OUTLET_A, "RUS", "CHN", "03", "2025-01-21", number=1),
        event(OUTLET_B, "CHN", "RUS", "04", "2025-01-22", sentence="They spoke on Wednesday."),
        event(OUTLET_B, "CHN", "RUS", "03", "2025-01-22", number=1),
    ]
    [conflict] = compare_story("s", events).conflicts
    assert conflict.kind == "event_date"
    assert conflict.values == (("a.txt", "2025-01-21"), ("b.txt", "2025-01-22"))
    assert conflict.evidence == ("They spoke on Tuesday.", "They spoke on Wednesday.")
    assert conflict.claim_id.endswith("CHN-RUS/04:1")


def test_the_same_pair_weeks_apart_is_two_claims_not_a_conflict():
    found = compare_story(
        "s",
        [
            event(OUTLET_A, "RUS", "CHN", "04", "2025-01-21"),
            event(OUTLET_B, "RUS", "CHN", "04", "2025-03-01"),
        ],
    )
    assert len(found.claims) == 2 and not found.conflicts


def test_assertion_against_denial():
    events = [
        event(OUTLET_A, "GEOCOP", "GEO", "17", sentence="Police fired tear gas."),
        event(OUTLET_B, "GEOCOP", "GEO", "17", mode="denied", sentence="The ministry denied using tear gas."),
    ]
    [conflict] = compare_story("s", events).conflicts
    assert conflict.kind == "assertion_vs_denial"
    assert conflict.values == (("a.txt", "asserted"), ("b.txt", "denied"))
    assert conflict.evidence == ("Police fired tear gas.", "The ministry denied using tear gas.")


@pytest.mark.parametrize(
    ("first", "second", "conflict"),
    [
        ("The talks lasted three hours, officials said.", "The talks lasted nearly four hours.", True),
        ("The call lasted an hour and 35 minutes.", "The call lasted over an hour and a half.", False),
        (
            "Four Indian soldiers were hurt in the clash.",
            "Six Indian soldiers were injured in the clash.",
            True,
        ),
        (
            "Five Indian soldiers were hurt in the clash.",
            "Four Chinese soldiers were hurt in the clash.",
            False,
        ),
        ("Police detained 27 people at the rally.", "Police detained at least 40 people at the rally.", True),
        ("Police detained dozens of people at the rally.", "Police detained 40 people at the rally.", False),
        # tolls of which one is only a floor: both may hold, but the counts differ
        (
            "The fighting killed at least 12 people.",
            "The fighting killed 19 people, the ministry said.",
            "tally",
        ),
        (
            "At least 12 people were killed in the fighting.",
            "At least 15 people died in the fighting.",
            "tally",
        ),
        (
            "At least 12 people were killed in the fighting.",
            "Twelve people were killed in the fighting.",
            False,
        ),
        ("The talks lasted over an hour and a half.", "The talks lasted two hours.", False),
        (
            "Britain pledged £1.5 billion in aid to Kyiv.",
            "Britain pledged £1.2 billion in aid to Kyiv.",
            True,
        ),
        ("Britain pledged £1.5bn in aid to Kyiv.", "Britain pledged £1.5 billion in aid to Kyiv.", False),
        # a count starting a sentence is no proper adjective of what it counts
        ("Four soldiers were killed in the clash.", "Five soldiers were killed in the clash.", True),
        (
            "Trump threatened a 30 percent tariff on Mexico.",
            "Trump threatened a 25 percent tariff on Mexico.",
            True,
        ),
        # deadlines, as days ahead of publication
        (
            "Iran must restore cooperation by the end of June, they warned.",
            "They set a deadline of the end of August for Iran to restore cooperation.",
            True,
        ),
        (
            "Iran must restore cooperation by the end of June.",
            "Iran must restore cooperation by June 28.",
            False,
        ),
        # a sort of people against people in general: only more of them than all is impossible
        (
            "Drones hit the capital overnight, killing four people, the mayor said.",
            "Officials said five civilians were killed when a drone hit an apartment block.",
            True,
        ),
        (
            "Drones hit the capital overnight, killing five people, the mayor said.",
            "Officials said four civilians were killed when a drone hit an apartment block.",
            False,
        ),
        (
            "Drones hit the capital overnight, killing four people, the mayor said.",
            "Officials said five civilians were injured when a drone hit an apartment block.",
            False,
        ),
        # `people` and `person` name one thing: compared as one unit, whichever comes first
        (
            "Five people were killed when a drone hit the base.",
            "One person was killed when a drone hit the base.",
            True,
        ),
        (
            "One person was killed when a drone hit the base.",
            "Five people were killed when a drone hit the base.",
            True,
        ),
        (
            "Five soldiers were killed when a drone hit the base.",
            "Four civilians were killed when a drone hit the base.",
            False,
        ),
        # not the same thing measured
        ("The call came a week after the clash.", "The call lasted about 90 minutes.", False),
        ("The call lasted two hours.", "Taiwan, home to 23 million people, protested the drills.", False),
        ("Some 14 warships took part in the drills.", "China sent 23 million people into the drills.", False),
        ("The rally drew 9,000 people, police said.", "Britain pledged £1.2 billion in aid to Kyiv.", False),
        # a vague count against a floor says too little to be another tally
        (
            "More than 60 people were detained overnight.",
            "Police detained dozens of people overnight.",
            False,
        ),
    ],
)
def test_figures_of_two_outlets(first, second, conflict):
    found = figure_conflicts("s", [told(OUTLET_A, first), told(OUTLET_B, second)])
    assert [c.kind for c in found] == (
        [] if conflict is False else ["figure" if conflict is True else conflict]
    )
    if conflict:
        assert found[0].evidence == (first, second)


def test_figures_of_one_outlet_never_conflict():
    texts = [
        told(OUTLET_A, "The talks lasted three hours."),
        told(WIRE_COPY_IN_A, "The talks lasted four hours."),
    ]
    assert figure_conflicts("s", texts) == []


def _role(office, title, start, end=None):
    return Role(
        person="Friedrich Merz", variants=("Friedrich Merz",), country="DEU", code="DEUGOV", office=office,
        title=title, start=dt.date.fromisoformat(start), end=dt.date.fromisoformat(end) if end else None,
    )  # fmt: skip


MERZ = (_role("head_of_government", "Chancellor", "2025-05-06"),)


@pytest.mark.parametrize(
    ("text", "day", "conflict"),
    [
        ("German President Friedrich Merz", "2025-10-08", True),
        ("German Chancellor Friedrich Merz", "2025-10-08", False),
        ("Chancellor Merz", "2025-10-08", False),
        ("Friedrich Merz", "2025-10-08", False),
        # before he took office he held no dated role: a title then is nobody's mistake we can tell
        ("German President Friedrich Merz", "2025-01-08", False),
        ("Vice President Friedrich Merz", "2025-10-08", False),
        ("Foreign Minister Friedrich Merz", "2025-10-08", True),
    ],
)
def test_titles_against_the_dictionary(text, day, conflict):
    mention = PersonMention(OUTLET_A, text, "Friedrich Merz", dt.date.fromisoformat(day), f"{text} said.")
    found = title_conflicts("s", [(mention, MERZ)])
    assert bool(found) is conflict
    if conflict:
        assert found[0].kind == "reference_fact"
        assert found[0].values[1] == ("actor dictionary", "Chancellor")
        assert found[0].evidence == (f"{text} said.",)


FOREIGN_MINISTERS = {
    "Subrahmanyam Jaishankar": Role(
        person="Subrahmanyam Jaishankar", variants=("Jaishankar",), country="IND", code="INDGOV",
        office="foreign_minister", title="External Affairs Minister", start=dt.date(2019, 5, 31), end=None,
    ),
    "David Lammy": Role(
        person="David Lammy", variants=("Lammy",), country="GBR", code="GBRGOV", office="foreign_minister",
        title="Foreign Secretary", start=dt.date(2024, 7, 5), end=dt.date(2025, 9, 5),
    ),
    "Marco Rubio": Role(
        person="Marco Rubio", variants=("Rubio",), country="USA", code="USAGOV", office="foreign_minister",
        title="Secretary of State", start=dt.date(2025, 1, 21), end=None,
    ),
}  # fmt: skip


@pytest.mark.parametrize(
    ("text", "person", "conflict"),
    [
        ("Indian Foreign Secretary Subrahmanyam Jaishankar", "Subrahmanyam Jaishankar", True),
        ("External Affairs Minister Subrahmanyam Jaishankar", "Subrahmanyam Jaishankar", False),
        ("Indian Foreign Minister Subrahmanyam Jaishankar", "Subrahmanyam Jaishankar", False),
        ("British Foreign Secretary David Lammy", "David Lammy", False),
        ("British Foreign Minister David Lammy", "David Lammy", False),
        ("Secretary of State Marco Rubio", "Marco Rubio", False),
        ("Foreign Secretary Marco Rubio", "Marco Rubio", True),
    ],
)
def test_titles_some_governments_use_for_other_posts(text, person, conflict):
    mention = PersonMention(OUTLET_A, text, person, dt.date(2025, 6, 1), f"{text} said.")
    assert bool(title_conflicts("s", [(mention, (FOREIGN_MINISTERS[person],))])) is conflict


def test_done_against_only_expected():
    events = [
        event(OUTLET_A, "GBR", "UKR", "05", sentence="Britain and Ukraine signed the agreement on Thursday."),
        event(
            OUTLET_B,
            "GBR",
            "UKR",
            "05",
            mode="hypothetical",
            sentence="The agreement is expected to be signed.",
        ),
    ]
    [conflict] = compare_story("s", events).conflicts
    assert conflict.kind == "asserted_vs_expected"
    assert conflict.values == (("a.txt", "done"), ("b.txt", "expected"))


def test_talks_held_are_not_a_visit_still_proposed():
    """Talks held in Sochi (040) and a visit to Turkey only proposed (042) share a root, not an action."""
    events = [
        event(OUTLET_A, "RUS", "TUR", "04", sentence="Putin and Erdogan held talks in Sochi."),
        replace(
            event(
                OUTLET_B,
                "RUS",
                "TUR",
                "04",
                mode="hypothetical",
                sentence="The invitation remains on the table.",
            ),
            cameo="042",
        ),
    ]
    assert [c.kind for c in compare_story("s", events).conflicts] == []


@pytest.mark.parametrize(
    ("done", "expected", "conflict"),
    [
        (("USAGOV", "MEXGOV"), ("MEXELI", "USALEG"), False),  # the secretary met, Congress still to meet
        (("USAGOV", "MEXGOV"), ("MEX", "USA"), True),  # a country stands for any of its sectors
        (("USAGOV", "MEXGOV"), ("MEXGOV", "USAGOV"), True),  # either way round
    ],
)
def test_done_against_only_expected_between_the_same_parties(done, expected, conflict):
    events = [
        replace(event(OUTLET_A, "USA", "MEX", "04"), source_code=done[0], target_code=done[1]),
        replace(
            event(OUTLET_B, expected[0][:3], expected[1][:3], "04", mode="hypothetical"),
            source_code=expected[0],
            target_code=expected[1],
        ),
    ]
    kinds = [c.kind for c in compare_story("s", events).conflicts]
    assert kinds == (["asserted_vs_expected"] if conflict else [])


def test_intentions_are_about_the_future_whatever_their_mode():
    events = [event(OUTLET_A, "RUS", "CHN", "03"), event(OUTLET_B, "RUS", "CHN", "03", mode="intended")]
    assert compare_story("s", events).conflicts == ()


def test_a_topic_one_outlet_asserts_and_another_leaves_unconfirmed():
    said = ReportedEvent(
        event_id="a-0", article=OUTLET_A, sentence_index=0, source="RUS", target="CHN", root="04", cameo="040",
        mode="asserted", negated=False, event_date=None, date_precision=None, sentence="They discussed Ukraine.",
        topics=("Ukraine",),
    )  # fmt: skip
    doubted = ReportedEvent(
        event_id="b-0", article=OUTLET_B, sentence_index=0, source="CHN", target="RUS", root="04", cameo="040",
        mode="asserted", negated=False, event_date=None, date_precision=None, sentence="Xi and Putin spoke.",
        negated_topics=("Ukraine",),
    )  # fmt: skip
    text = told(OUTLET_B, "Xi and Putin spoke. Neither side said whether Ukraine was discussed.")
    [conflict] = [
        c
        for c in compare_story("s", [said, doubted], [text]).conflicts
        if c.kind == "assertion_vs_unconfirmed"
    ]
    assert conflict.description == "CHN-RUS: whether Ukraine was discussed"
    assert conflict.values == (
        ("a.txt", "Ukraine discussed"),
        ("b.txt", "not said whether Ukraine was discussed"),
    )
    assert conflict.evidence == (
        "They discussed Ukraine.",
        "Neither side said whether Ukraine was discussed.",
    )


def test_an_outlet_tying_the_topic_to_the_pair_elsewhere_does_not_leave_it_open():
    """`not clear whether a prisoner exchange between Russia and Ukraine was discussed` leaves open the
    exchange, not Ukraine, which the same article ties to the talks in another sentence."""
    said = ReportedEvent(
        event_id="a-0", article=OUTLET_A, sentence_index=0, source="TUR", target="RUS", root="04", cameo="040",
        mode="asserted", negated=False, event_date=None, date_precision=None, sentence="They discussed Ukraine.",
        topics=("Ukraine",),
    )  # fmt: skip
    doubted = replace(said, event_id="b-0", article=OUTLET_B, topics=(), negated_topics=("Ukraine",))
    also_said = replace(said, event_id="b-1", article=OUTLET_B, sentence_index=1, topics=("Ukraine",))
    found = compare_story("s", [said, doubted, also_said]).conflicts
    assert [c for c in found if c.kind == "assertion_vs_unconfirmed"] == []


def _coded(article, source, target, cameo, mode, sentence):
    return replace(event(article, source, target, cameo[:2], mode=mode, sentence=sentence), cameo=cameo)


LULA_INVITES = "Lula said he would invite Trump to the summit."
LULA_DECLINES = "Lula declined to say whether Trump had been invited."
RENEWED = "Erdogan renewed his invitation for Putin to visit Turkey."
RENEWED_THEN_UNCLEAR = RENEWED + " No date was set, and it was unclear whether Putin had accepted."


@pytest.mark.parametrize(
    "said, doubted, text, found",
    [
        (("BRA", "USA", "036", "intended", LULA_INVITES), ("BRA", "USA", "036", LULA_DECLINES),
         LULA_DECLINES, ("BRA>USA 036", "intended", LULA_DECLINES)),
        (("RUS", "TUR", "036", "intended", "Putin has accepted an invitation to visit Turkey."),
         ("RUS", "TUR", "042", RENEWED), RENEWED_THEN_UNCLEAR,
         ("RUS>TUR 042", "intended", "No date was set, and it was unclear whether Putin had accepted.")),
        (("RUS", "TUR", "036", "intended", "Putin has accepted an invitation to visit Turkey."),
         ("RUS", "TUR", "042", "Putin could visit Turkey next year."), "Putin could visit Turkey next year.",
         None),
        (("TUR", "RUS", "036", "asserted", "Erdogan invited Putin to visit Turkey."),
         ("RUS", "TUR", "042", RENEWED), RENEWED_THEN_UNCLEAR, None),
        (("RUS", "TUR", "040", "asserted", "Putin and Erdogan held talks in Sochi."),
         ("RUS", "TUR", "042", RENEWED), RENEWED_THEN_UNCLEAR, None),
    ],
    ids=["same-action", "intention-announcing-the-action", "no-doubt", "other-direction", "other-action"],
)  # fmt: skip
def test_an_action_one_outlet_reports_and_another_leaves_open(said, doubted, text, found):
    """A hypothetical event is a doubt only with a sentence leaving the matter open, its own or the
    next; it meets events of the same direction and action, or intentions announcing that action."""
    source, target, cameo, sentence = doubted
    events = [
        _coded(OUTLET_A, *said),
        _coded(OUTLET_B, source, target, cameo, "hypothetical", sentence),
    ]
    conflicts = [
        c
        for c in compare_story("s", events, [told(OUTLET_B, text)]).conflicts
        if c.kind == "assertion_vs_unconfirmed"
    ]
    if found is None:
        assert conflicts == []
        return
    label, mode, doubt = found
    [conflict] = conflicts
    assert conflict.description == f"{label}: reported by some outlets, left open by others"
    assert conflict.values == (("a.txt", mode), ("b.txt", "left open"))
    assert conflict.evidence == (said[-1], doubt)


def test_an_outlet_leaving_open_what_it_reports_elsewhere_is_no_conflict():
    events = [
        _coded(OUTLET_A, "BRA", "USA", "036", "intended", LULA_INVITES),
        _coded(WIRE_COPY_IN_A, "BRA", "USA", "036", "hypothetical", LULA_DECLINES),
    ]
    texts = [told(OUTLET_A, LULA_INVITES), told(WIRE_COPY_IN_A, LULA_DECLINES)]
    assert compare_story("s", events, texts).conflicts == ()


EXPECTED_IN_PARIS = "Merz is expected to travel to Paris next month."
NEXT_MEETING = "Neither side mentioned a date for their next meeting."


@pytest.mark.parametrize(
    "dated, other, text, found",
    [
        (("DEU", "FRA", "042", "hypothetical"), ("FRA", "DEU"), f"Macron and Merz spoke. {NEXT_MEETING}",
         NEXT_MEETING),
        (("RUS", "TUR", "042", "hypothetical"), ("TUR", "RUS"),
         "Erdogan renewed his invitation for Putin to visit Turkey. No date was set.", "No date was set."),
        (("DEU", "FRA", "036", "intended"), ("FRA", "DEU"), f"Macron and Merz spoke. {NEXT_MEETING}",
         NEXT_MEETING),
        (("DEU", "FRA", "042", "hypothetical"), ("FRA", "DEU"), "Macron and Merz spoke. No date was given "
         "for the report on energy prices.", None),
        (("DEU", "FRA", "042", "asserted"), ("FRA", "DEU"), f"Macron and Merz spoke. {NEXT_MEETING}", None),
        (("DEU", "FRA", "042", "hypothetical"), ("FRA", "ITA"), f"Macron and Meloni spoke. {NEXT_MEETING}",
         None),
    ],
    ids=["next-meeting", "after-an-invitation", "intention-to-meet", "no-meeting-named", "meeting-held",
         "other-pair"],
)  # fmt: skip
def test_a_meeting_one_outlet_dates_and_another_says_has_no_date(dated, other, text, found):
    source, target, cameo, mode = dated
    events = [
        replace(
            _coded(OUTLET_A, source, target, cameo, mode, EXPECTED_IN_PARIS),
            event_date="2025-11",
            date_precision="month",
        ),
        _coded(OUTLET_B, *other, "041", "asserted", text.split(". ")[0] + "."),
    ]
    conflicts = [
        c for c in compare_story("s", events, [told(OUTLET_B, text)]).conflicts if "no date" in c.description
    ]
    if found is None:
        assert conflicts == []
        return
    [conflict] = conflicts
    pair = "-".join(sorted((source, target)))
    assert conflict.description == f"{pair}: a meeting dated by some outlets, with no date given by others"
    assert conflict.values == (("a.txt", "2025-11"), ("b.txt", "no date given"))
    assert conflict.evidence == (EXPECTED_IN_PARIS, found)


def test_a_day_taken_from_an_earlier_event_is_not_held_against_an_outlet():
    """`India had lodged a protest` takes the clash's Sunday in one report; another says the protest
    came on Monday: that is no disagreement about the protest's day."""
    inherited = event(OUTLET_A, "IND", "CHN", "11", "2024-08-18")
    inherited = ReportedEvent(**{**inherited.__dict__, "date_inherited": True})
    stated = event(OUTLET_B, "IND", "CHN", "11", "2024-08-19")
    assert [c.kind for c in compare_story("s", [inherited, stated]).conflicts] == []


@pytest.mark.parametrize(
    ("first", "second", "description"),
    [
        (
            "Four Indian soldiers were hurt in the clash.",
            "Six Indian soldiers were injured in the clash.",
            "number of soldiers injured: Four Indian soldiers / Six Indian soldiers",
        ),
        (
            "The fighting killed at least 12 people.",
            "The fighting killed 19 people, the ministry said.",
            "number of people killed: at least 12 people / 19 people",
        ),
        (
            "The rally drew about 9,000 people.",
            "The rally drew tens of thousands of people.",
            "number of people taking part: about 9,000 people / tens of thousands of people",
        ),
        (
            "Some 14 warships joined the drills.",
            "Some 11 warships joined the drills.",
            "number of warships taking part: Some 14 warships / Some 11 warships",
        ),
        (
            "The talks lasted three hours.",
            "The talks lasted nearly four hours.",
            "duration: three hours / nearly four hours",
        ),
    ],
)
def test_what_a_figure_conflict_says(first, second, description):
    [conflict] = figure_conflicts("s", [told(OUTLET_A, first), told(OUTLET_B, second)])
    assert conflict.description == description


def test_the_same_two_figures_told_twice_are_one_conflict():
    first = "Trump threatened a 30 percent tariff. The 30 percent tariff would hit cars."
    second = "Trump threatened a 25 percent tariff. The 25 percent tariff would hit cars."
    assert len(figure_conflicts("s", [told(OUTLET_A, first), told(OUTLET_B, second)])) == 1


def test_a_means_of_force_one_outlet_reports_used_and_another_denied():
    used = told(OUTLET_A, "Police used water cannon and tear gas to clear the square.")
    denied = told(
        OUTLET_B, "The ministry denied that police used tear gas, saying they used only water cannon."
    )
    [conflict] = force_conflicts("s", [used, denied])
    assert conflict.kind == "assertion_vs_denial"
    assert conflict.description == "tear gas: used according to some outlets, denied according to others"
    assert conflict.values == (("a.txt", "used"), ("b.txt", "denied"))
    assert conflict.evidence == (used.text, denied.text)


def test_an_outlet_telling_the_use_and_the_denial_reports_the_dispute():
    both = told(OUTLET_A, "Police fired tear gas, witnesses said. The ministry denied using tear gas.")
    assert force_conflicts("s", [both, told(OUTLET_B, "The ministry denied using tear gas.")]) == []
    [conflict] = force_conflicts("s", [both, told(OUTLET_B, "Police fired tear gas.")])
    assert conflict.values == (("b.txt", "used"), ("a.txt", "denied"))


MEDIATORS = {"UN": "IGOUNO", "Turkish": "TUR", "Turkey": "TUR", "Qatar": "QAT"}


def test_outlets_crediting_different_mediators_with_one_truce():
    un = told(
        OUTLET_A, "The truce, brokered by the UN mission with community elders, took effect at midnight."
    )
    turkey = told(OUTLET_B, "The ceasefire was brokered with Turkish mediation, officials said.")
    [conflict] = mediator_conflicts("s", [un, turkey], MEDIATORS)
    assert conflict.kind == "mediator"
    assert conflict.description == "ceasefire: brokered by IGOUNO / TUR according to different outlets"
    assert conflict.values == (("a.txt", "UN"), ("b.txt", "Turkish"))
    assert conflict.evidence == (un.text, turkey.text)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # one outlet naming both mediators agrees with the other
        ("The truce was brokered by the UN.", "The truce was brokered by the UN and Turkey."),
        # different things brokered
        ("The truce was brokered by the UN.", "Turkey brokered a prisoner exchange."),
        # the same mediator under two names
        ("The truce was brokered by Turkey.", "A ceasefire was agreed with Turkish mediation."),
    ],
)
def test_mediators_that_do_not_conflict(first, second):
    assert mediator_conflicts("s", [told(OUTLET_A, first), told(OUTLET_B, second)], MEDIATORS) == []


def test_one_outlet_crediting_different_mediators_in_two_articles_is_no_conflict():
    copy = told(WIRE_COPY_IN_A, "Qatar brokered the truce.")
    assert (
        mediator_conflicts("s", [told(OUTLET_A, "The truce was brokered by the UN."), copy], MEDIATORS) == []
    )


def test_a_meeting_held_in_person_according_to_one_outlet_and_by_video_according_to_another():
    paris = replace(event(OUTLET_A, "FRAGOV", "DEUGOV", "04", sentence="They met in Paris."), place="Paris")
    video = replace(event(OUTLET_B, "FRAGOV", "DEUGOV", "04", sentence="They met by video."), cameo="041")
    [conflict] = [c for c in compare_story("s", [paris, video]).conflicts if c.kind == "meeting_format"]
    assert conflict.description == (
        "DEUGOV-FRAGOV 04: held in person according to some outlets, by telephone or video according to others"
    )
    assert conflict.values == (("a.txt", "in person (Paris)"), ("b.txt", "by telephone or video"))
    assert conflict.evidence == ("They met in Paris.", "They met by video.")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # a meeting with no place said is no format
        ({}, {"cameo": "041"}),
        # a visit one outlet expects is not the call another reports
        ({"cameo": "042", "mode": "intended"}, {"cameo": "041"}),
        # two calls
        ({"cameo": "041"}, {"cameo": "041"}),
    ],
)
def test_meetings_whose_formats_do_not_conflict(first, second):
    events = [
        replace(event(OUTLET_A, "FRAGOV", "DEUGOV", "04"), **first),
        replace(event(OUTLET_B, "FRAGOV", "DEUGOV", "04"), **second),
    ]
    assert [c for c in compare_story("s", events).conflicts if c.kind == "meeting_format"] == []


def test_an_article_telling_a_visit_and_a_call_takes_no_side():
    visit = replace(event(OUTLET_A, "FRAGOV", "DEUGOV", "04"), cameo="042")
    call = replace(event(OUTLET_A, "FRAGOV", "DEUGOV", "04", number=1), cameo="041")
    other_call = replace(event(OUTLET_B, "FRAGOV", "DEUGOV", "04"), cameo="041")
    conflicts = compare_story("s", [visit, call, other_call]).conflicts
    assert [c for c in conflicts if c.kind == "meeting_format"] == []


SILENT = "The Kremlin had not commented on the visit by Tuesday afternoon."  # told on Wednesday 22 January


@pytest.mark.parametrize(
    ("spoken", "conflicts"),
    [
        # Russia accused Britain on the day the Kremlin had not commented by, or the day before
        (event(OUTLET_A, "RUS", "GBR", "11", "2025-01-21", sentence="Lavrov accused London."), 1),
        (event(OUTLET_A, "RUS", "GBR", "11", "2025-01-20"), 1),
        # later, it commented: no contradiction
        (replace(event(OUTLET_A, "RUS", "GBR", "11", "2025-01-23"), article=WIRE_COPY_IN_A), 0),
        # an undated statement, or an act that is no statement, or another country's
        (event(OUTLET_A, "RUS", "GBR", "11"), 0),
        (event(OUTLET_A, "RUS", "UKR", "19", "2025-01-21"), 0),
        (event(OUTLET_A, "GBR", "RUS", "11", "2025-01-21"), 0),
    ],
)
def test_an_actor_said_to_be_silent_and_reported_speaking(spoken, conflicts):
    found = silence_conflicts("s", [spoken], [told(OUTLET_B, SILENT)], {"Kremlin": "RUS"})
    assert len(found) == conflicts
    if found:
        assert found[0].kind == "statement_vs_silence"
        assert found[0].values == (
            ("a.txt", f"commented on {spoken.event_date}"),
            ("b.txt", "had not commented"),
        )
        assert found[0].evidence == (spoken.sentence, SILENT)


def test_one_outlet_telling_the_silence_and_the_statement_is_no_conflict():
    spoken = event(WIRE_COPY_IN_A, "RUS", "GBR", "11", "2025-01-21")
    silent = told(replace(OUTLET_A, published=dt.date(2025, 1, 22)), SILENT)
    assert silence_conflicts("s", [spoken], [silent], {"Kremlin": "RUS"}) == []


def test_a_call_days_before_a_visit_is_another_talk():
    visit = replace(event(OUTLET_A, "FRAGOV", "DEUGOV", "04", "2025-01-21"), cameo="042")
    call = replace(event(OUTLET_B, "FRAGOV", "DEUGOV", "04", "2025-01-18"), cameo="041")
    assert [c for c in compare_story("s", [visit, call]).conflicts if c.kind == "meeting_format"] == []
    same_day = replace(call, event_date="2025-01-21")
    [conflict] = [c for c in compare_story("s", [visit, same_day]).conflicts if c.kind == "meeting_format"]
    assert conflict.values == (("a.txt", "in person"), ("b.txt", "by telephone or video"))
