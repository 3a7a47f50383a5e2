"""Stance cues of the third round: a named party's finding ("X heeft vastgesteld dat")
and a question the layout left in a body part ("Klopt het dat ...?").
Sentences are invented."""

from __future__ import annotations

import pytest

from kamerkg.extract.model import Document, Part, Span
from kamerkg.extract.stance import assess


def stance(text: str, claim_text: str, kind: str = "body", presupposed: bool = False) -> str:
    document = Document(source="t.txt", text=text, parts=[Part(kind, Span(0, len(text)))])
    end = text.find(". ")
    sentence = Span(0, end + 1 if end >= 0 else len(text))
    start = text.index(claim_text)
    focus = Span(start, start + len(claim_text))
    return assess(document, sentence, part_index=0, focus=focus, presupposed=presupposed).stance


@pytest.mark.parametrize(
    "text",
    [
        "Ruritanië heeft vorige maand vastgesteld dat APT77 de Centrale Bank binnendrong.",
        "In Moldavië stelde de inlichtingendienst SIB in april vast dat APT77 de Centrale "
        "Bank binnendrong.",
        "Na lang onderzoek heeft de Noorse politie vastgesteld dat APT77 de Centrale Bank "
        "binnendrong.",
    ],
)
def test_a_named_foreign_partys_finding_is_reported(text):
    assert stance(text, "APT77 de Centrale Bank binnendrong") == "reported"


@pytest.mark.parametrize(
    "text",
    [
        "De AIVD heeft vorig jaar vastgesteld dat APT77 de Centrale Bank binnendrong.",
        "Het onderzoek heeft vastgesteld dat APT77 de Centrale Bank binnendrong.",
        "Ik heb vastgesteld dat APT77 de Centrale Bank binnendrong.",
    ],
)
def test_the_own_side_or_an_unnamed_finding_stays_asserted(text):
    assert stance(text, "APT77 de Centrale Bank binnendrong") == "asserted"


@pytest.mark.parametrize(
    "text",
    [
        "4 Klopt het dat Bolt Systems camera's van Pelikaan Data gebruikt?",
        "Kunt u bevestigen dat Bolt Systems camera's van Pelikaan Data gebruikt?",
        "Is het waar dat Bolt Systems camera's van Pelikaan Data gebruikt?",
    ],
)
def test_a_question_in_a_body_part_only_raises_the_claim(text):
    assert stance(text, "Bolt Systems camera's van Pelikaan Data") == "unconfirmed"


def test_a_question_cue_needs_the_question_mark_and_leaves_noun_phrases_alone():
    text = "Klopt het dat Bolt Systems camera's van Pelikaan Data gebruikt? Ja."
    assert stance(text, "Bolt Systems", presupposed=True) == "asserted"
    text = "Klopt het dat Bolt Systems Pelikaan Data gebruikt, dan moet dat stoppen."
    assert stance(text, "Bolt Systems Pelikaan Data") == "asserted"


def test_a_named_partys_suspicion_is_reported():
    text = "De Portugese politie vermoedt dat APT77 de Centrale Bank binnendrong."
    assert stance(text, "APT77 de Centrale Bank binnendrong") == "reported"
    # without a party who suspects it, a suspicion is a hedge
    text = "Het vermoeden bestaat dat APT77 de Centrale Bank binnendrong."
    assert stance(text, "APT77 de Centrale Bank binnendrong") == "unconfirmed"
    text = "Er bestaat een sterk vermoeden dat APT77 de Centrale Bank binnendrong."
    assert stance(text, "APT77 de Centrale Bank binnendrong") == "unconfirmed"
    text = "De Portugese politie heeft het vermoeden dat APT77 de Centrale Bank binnendrong."
    assert stance(text, "APT77 de Centrale Bank binnendrong") == "reported"


HELD = "APT77 verantwoordelijk voor de inbraak bij de Centrale Bank"
DONE = "APT77 de inbraak bij de Centrale Bank"
TOLD = "APT77 pleegde de inbraak bij de Centrale Bank"


@pytest.mark.parametrize(
    ("text", "claim", "expected"),
    [
        ("Ruritanië houdt " + HELD + ".", HELD, "reported"),
        ("Het kabinet houdt " + HELD + ".", HELD, "asserted"),
        ("Het is niet uitgesloten dat " + DONE + " pleegde.", DONE, "unconfirmed"),
        ("De minister sluit niet uit dat " + DONE + " pleegde.", DONE, "unconfirmed"),
        (TOLD + ", stelt Ruritanië.", TOLD, "reported"),
        (TOLD + ", stelt het kabinet.", TOLD, "asserted"),
    ],
)
def test_holding_responsible_leaving_open_and_inverted_statements(text, claim, expected):
    assert stance(text, claim) == expected


def test_a_warning_of_a_named_party_reports_what_follows():
    text = "Kent u de waarschuwing van de Noorse politie dat APT77 de Centrale Bank binnendrong?"
    assert stance(text, "APT77 de Centrale Bank binnendrong") == "reported"
