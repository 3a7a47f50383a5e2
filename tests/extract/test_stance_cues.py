"""Stance cue families added for unseen text: inverted reporting clauses, research
findings, passive suspicion, hedges, "no indication of". Sentences are invented."""

from __future__ import annotations

import pytest

from kamerkg.extract.model import Document, Part, Span
from kamerkg.extract.stance import assess


def body(text: str) -> Document:
    return Document(source="t.txt", text=text, parts=[Part("body", Span(0, len(text)))])


def assess_first(text: str, claim_text: str | None = None):
    end = text.find(". ")
    sentence = Span(0, end + 1 if end >= 0 else len(text))
    focus = None
    if claim_text is not None:
        start = text.index(claim_text)
        focus = Span(start, start + len(claim_text))
    return assess(body(text), sentence, part_index=0, focus=focus)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Bolt Systems werkt voor het Volksleger, meldt De Ochtendkrant.", "De Ochtendkrant"),
        ("Zo schrijft Het Dagblad dat APT77 Bolt Systems heeft gehackt.", "Het Dagblad"),
        ("APT77 viel Bolt Systems aan, aldus Stichting Vrije Pers.", "Stichting Vrije Pers"),
        (
            "Uit onderzoek van Kraanvogel Media blijkt dat APT77 Bolt Systems heeft gehackt.",
            "Kraanvogel Media",
        ),
        (
            "Dat APT77 Bolt Systems hackte, blijkt uit berichtgeving van Radio Noord.",
            "Radio Noord",
        ),
    ],
)
def test_reported_with_a_named_source(text, source):
    result = assess_first(text)
    assert result.stance == "reported"
    assert result.reported_by_surface == source


def test_reported_from_the_next_sentence():
    text = "APT77 heeft Bolt Systems gehackt. Dat meldt de Ochtendkrant op zijn website."
    assert assess_first(text).stance == "reported"


def test_passive_suspicion_is_reported():
    text = "Bolt Systems, dat in verband wordt gebracht met APT77, levert routers."
    assert assess_first(text).stance == "reported"
    text = "Bolt Systems wordt ervan verdacht samen te werken met het Volksleger."
    assert assess_first(text).stance == "reported"


@pytest.mark.parametrize(
    "text",
    [
        "APT77 heeft vermoedelijk Bolt Systems gehackt.",
        "De aanval op Bolt Systems is waarschijnlijk het werk van APT77.",
        "Mogelijk is Bolt Systems door APT77 aangevallen.",
        "De AIVD heeft niet kunnen vaststellen dat APT77 Bolt Systems aanviel.",
    ],
)
def test_hedges_leave_a_claim_unconfirmed(text):
    assert assess_first(text).stance == "unconfirmed"


@pytest.mark.parametrize(
    "text",
    [
        "Het kabinet werkt zo snel mogelijk aan maatregelen tegen APT77.",
        "Bolt Systems is gehackt door APT77, zoals mogelijk is gemaakt door een lek.",
    ],
)
def test_possible_as_adverb_of_manner_is_no_hedge(text):
    assert assess_first(text).stance == "asserted"


def test_no_indication_of_denies():
    text = "Er zijn geen aanwijzingen voor betrokkenheid van APT77 bij de hack van Bolt Systems."
    assert assess_first(text).stance == "denied"


def test_report_outranks_hedge():
    text = "Volgens Radio Noord heeft APT77 vermoedelijk Bolt Systems gehackt."
    assert assess_first(text).stance == "reported"


@pytest.mark.parametrize(
    "text",
    [
        "De politie onderzoekt of APT77 achter de hack van Bolt Systems zit.",
        "Het is nog onduidelijk of APT77 Bolt Systems heeft gehackt.",
        "Er wordt onderzocht of Iran opdracht gaf voor de aanslag.",
    ],
)
def test_open_whether_question_is_unconfirmed(text):
    assert assess_first(text).stance == "unconfirmed"


def test_open_question_beats_a_report():
    text = "Volgens Radio Noord onderzoekt de politie of APT77 Bolt Systems heeft gehackt."
    assert assess_first(text).stance == "unconfirmed"


def test_report_left_open_by_a_refusal_later_in_the_answer():
    text = (
        "In de media wordt gesuggereerd dat APT77 Bolt Systems heeft gehackt. "
        "De AIVD noemt de dader van deze hack niet publiekelijk."
    )
    assert assess_first(text).stance == "unconfirmed"


@pytest.mark.parametrize(
    "text",
    [
        "De AIVD stelt dat APT77 Bolt Systems heeft gehackt.",
        "Het kabinet meldt dat APT77 Bolt Systems heeft gehackt.",
        "Volgens de MIVD heeft APT77 Bolt Systems gehackt.",
        "De NCTV concludeert dat APT77 Bolt Systems heeft gehackt.",
    ],
)
def test_the_texts_own_services_assert(text):
    # A finding of a Dutch service or of the government is the text's own assertion.
    assert assess_first(text).stance == "asserted"


@pytest.mark.parametrize(
    "text",
    [
        "De Chinese politie stelt dat APT77 Bolt Systems heeft gehackt.",
        "Volgens Radio Noord heeft APT77 Bolt Systems gehackt.",
        "Radio Noord meldt dat APT77 Bolt Systems heeft gehackt.",
    ],
)
def test_other_sources_still_report(text):
    assert assess_first(text).stance == "reported"


def test_a_foreign_minister_still_reports():
    text = "De Russische minister van Buitenlandse Zaken stelt dat APT77 Bolt Systems hackte."
    assert assess_first(text).stance == "reported"


def test_cues_run_across_a_line_break_inside_a_sentence():
    assert assess_first(
        "De minister kan niet \nbevestigen dat APT77 Bolt Systems hackte."
    ).stance == ("unconfirmed")


@pytest.mark.parametrize(
    "text",
    [
        "Volgens de diensten heeft APT77 ook Bolt Systems aangevallen.",
        "Volgens de inlichtingen- en veiligheidsdiensten heeft APT77 Bolt Systems gehackt.",
    ],
)
def test_the_services_of_the_text_assert(text):
    assert assess_first(text).stance == "asserted"


def test_foreign_services_still_report():
    text = "Volgens de Britse diensten heeft APT77 Bolt Systems gehackt."
    assert assess_first(text).stance == "reported"
