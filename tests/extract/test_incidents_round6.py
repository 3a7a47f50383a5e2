"""Incidents, round 6: when it happened.

A Kamervraag or letter often names the day of an event outside the clause of the word
that names the event: in a report ("Op 3 mei meldde X dat het was gehackt"), in a
relative clause on the event ("Het lek, dat op 3 mei aan het licht kwam"), in another
sentence of the same question and answer, or in a night that spans two days. Such a
day dates an event that has no date of its own, and never parts or joins two events.
Every sentence is invented.
"""

from __future__ import annotations

from datetime import date

import pytest
from support import document_with_names

from kamerkg.extract.dates import find_date_matches
from kamerkg.extract.incidents import extract_incidents
from kamerkg.extract.model import Part, Span

ACTORS = {
    "Bolt Systems": "Company",
    "Zandstorm": "ThreatActor",
    "Oostland": "Country",
    "Nederland": "Country",
    "Anna de Vries": "Person",
    "Rijkswaterstaat": "GovernmentBody",
    "douane": "GovernmentBody",
}
#: A Friday.
ANSWERED = date(2025, 6, 20)


def incidents(text: str, parts: list[Part] | None = None, **meta):
    meta.setdefault("answered", ANSWERED)
    document, actors, mentions = document_with_names(text, ACTORS, parts, **meta)
    return extract_incidents(document, actors, mentions, [])


def exchange(question: str, answer: str) -> list[Part]:
    return [
        Part("question", Span(0, len(question)), number=1),
        Part("answer", Span(len(question) + 1, len(question) + 1 + len(answer)), covers=(1,)),
    ]


def dates_of(text: str, **meta) -> list[str | None]:
    return [str(i.date) if i.date else None for i in incidents(text, **meta)]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # The day of the report that tells of the event, across "dat".
        ("Op 12 maart meldde Bolt Systems dat het was gehackt door Zandstorm.", "2025-03-12"),
        (
            "Bolt Systems maakte op 14 april bekend dat zijn servers door Zandstorm waren gehackt.",
            "2025-04-14",
        ),
        # A relative clause on the event names its day.
        (
            "Het datalek bij Bolt Systems, dat op 5 maart aan het licht kwam, trof "
            "duizenden klanten.",
            "2025-03-05",
        ),
        # "Het was ... toen": the day sits before the time clause.
        ("Het was 12 maart toen Zandstorm de netwerken van Bolt Systems hackte.", "2025-03-12"),
        # What followed the event names the day.
        (
            "Bolt Systems werd getroffen door ransomware van Zandstorm, waarna de "
            "productie op 5 maart urenlang stillag.",
            "2025-03-05",
        ),
    ],
)
def test_the_one_day_of_the_sentence_dates_an_event_with_none_in_its_clause(
    text: str, day: str
) -> None:
    assert dates_of(text) == [day]


def test_a_night_across_two_days_is_dated_by_its_first_day() -> None:
    text = "In de nacht van 3 op 4 mei werd de woning van Anna de Vries beschoten."
    assert dates_of(text) == ["2025-05-03"]


def test_a_night_named_by_weekdays_is_the_last_such_night() -> None:
    text = "In de nacht van zaterdag op zondag werd de woning van Anna de Vries beschoten."
    assert dates_of(text) == ["2025-06-14"]


def test_a_number_before_a_date_is_no_range() -> None:
    # "Antwoord 1 Op 3 maart": the answer's number is no first day.
    found = find_date_matches("Antwoord 1 Op 3 maart 2025 werd het bekend.")
    assert [str(m.date) for m in found] == ["2025-03-03"]


def test_a_date_with_dots() -> None:
    assert dates_of("Op 03.03.2025 werd Bolt Systems gehackt door Zandstorm.") == ["2025-03-03"]


def test_a_version_number_is_no_date() -> None:
    assert find_date_matches("Versie 1.2.2024.3 van de software bevatte het lek.") == []


def test_the_sentence_before_naming_a_party_dates_the_event() -> None:
    text = (
        "Op 3 maart 2025 kampte Bolt Systems met een storing. "
        "Later bleek dat Zandstorm de servers van Bolt Systems had gehackt."
    )
    assert dates_of(text) == ["2025-03-03"]


def test_an_answer_dates_the_event_its_question_names() -> None:
    q = "Vraag 1 Wat weet u over de hack bij Bolt Systems?"
    a = (
        "Antwoord 1 Op 3 maart 2025 constateerde Bolt Systems verdachte activiteit "
        "op zijn netwerk. Het NCSC heeft het bedrijf bijgestaan."
    )
    found = incidents(q + "\n" + a, parts=exchange(q, a))
    assert [(i.kind, str(i.date)) for i in found] == [("hack", "2025-03-03")]


def test_two_days_in_the_exchange_date_nothing() -> None:
    q = "Vraag 1 Wat weet u over de hack bij Bolt Systems?"
    a = (
        "Antwoord 1 Op 3 maart 2025 constateerde Bolt Systems verdachte activiteit. "
        "Op 9 maart 2025 stelde Bolt Systems de klanten op de hoogte."
    )
    found = incidents(q + "\n" + a, parts=exchange(q, a))
    assert [(i.kind, i.date) for i in found] == [("hack", None)]


def test_a_day_of_a_sentence_about_others_dates_nothing() -> None:
    text = (
        "Op 3 mei 2025 publiceerde de douane een jaarverslag.\n\n"
        "Uit onderzoek blijkt dat Zandstorm klantgegevens van Bolt Systems heeft buitgemaakt."
    )
    assert dates_of(text) == [None]


def test_a_paragraph_break_bounds_the_day() -> None:
    text = (
        "Op 3 mei 2025 kondigde Bolt Systems een nieuwe dienst aan.\n\n"
        "Eerder heeft Zandstorm klantgegevens van Bolt Systems buitgemaakt."
    )
    assert dates_of(text) == [None]


def test_a_day_of_a_debate_or_letter_dates_nothing() -> None:
    text = "In het debat van 4 juni ging het over de hack van Bolt Systems door Zandstorm."
    assert dates_of(text) == [None]


def test_a_day_outside_the_clause_never_parts_two_mentions() -> None:
    # The first mention has no day; the second's report day must not make it a second event.
    text = (
        "Zandstorm heeft Bolt Systems gehackt. "
        "Op 9 juni meldde Bolt Systems dat de hack door Zandstorm was uitgevoerd."
    )
    found = incidents(text)
    assert [(i.kind, str(i.date)) for i in found] == [("hack", "2025-06-09")]


def test_a_day_in_the_clause_wins_over_a_loose_one() -> None:
    text = (
        "Op 9 juni meldde Bolt Systems dat het was gehackt door Zandstorm. "
        "De hack van Bolt Systems door Zandstorm vond plaats op 2 juni."
    )
    assert dates_of(text) == ["2025-06-02"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "De politie verijdelde een hackoperatie van Zandstorm tegen Rijkswaterstaat.",
            "cyberattack",
        ),
        (
            "Anna de Vries werd vorig jaar overspoeld met nepberichten uit Oostland.",
            "disinformation",
        ),
    ],
)
def test_more_acts(text: str, kind: str) -> None:
    assert [i.kind for i in incidents(text)] == [kind]


@pytest.mark.parametrize(
    "text",
    [
        # Verb first in a statement: a condition that did not come true.
        "Had Zandstorm toegang gekregen tot Rijkswaterstaat, dan was de schade groot geweest.",
        # What a group is about, not an act.
        "Zandstorm is een groep uit Oostland die zich vooral richt op spionage.",
        # A word someone applies to the accusations.
        "Oostland heeft de beschuldigingen van Nederland 'desinformatie' genoemd.",
        # A body that names such acts: a policy topic.
        "Nederland wil een dienst die beïnvloedingscampagnes uit Oostland openbaar benoemt.",
    ],
)
def test_no_act(text: str) -> None:
    assert incidents(text) == []


@pytest.mark.parametrize(
    ("words", "day"),
    [("afgelopen zaterdagavond", "2025-06-14"), ("dinsdagochtend jl.", "2025-06-17")],
)
def test_a_weekday_with_its_part_of_the_day(words: str, day: str) -> None:
    found = find_date_matches(f"Dat gebeurde {words} in Utrecht.", reference=ANSWERED)
    assert [str(m.date) for m in found] == [day]


def test_a_means_put_to_use_is_a_practice_not_an_act() -> None:
    # "X zet Y in om ...": what a state does as a rule, not one event.
    assert incidents("Oostland zet desinformatie in om verdeeldheid te zaaien.") == []


def test_a_list_of_days_is_dated_by_its_first() -> None:
    text = "Op 3, 4 en 5 juni werd Rijkswaterstaat bestookt met DDoS-aanvallen van Zandstorm."
    assert dates_of(text) == ["2025-06-03"]
