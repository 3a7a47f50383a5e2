"""Entity recall on unseen wording: compound cue nouns, foreign names, policy letters."""

from __future__ import annotations

from datetime import date

import pytest

from kamerkg.extract.gazetteer import load_gazetteer
from kamerkg.extract.layout import parse_document
from kamerkg.extract.model import Document
from kamerkg.extract.nlp import find_mentions, load_nlp
from kamerkg.extract.patterns import cue_type, find_cued, find_organisations, load_lexicons
from kamerkg.extract.resolve import resolve

LEX = load_lexicons()


def _type_of(surface: str) -> str | None:
    entry = load_gazetteer().lookup(surface)
    return entry.type if entry else None


def _orgs(text: str) -> list[tuple[str, str]]:
    return [(text[c.start : c.end], c.label) for c in find_organisations(text, LEX, _type_of)]


def _cued(text: str) -> list[tuple[str, str]]:
    return [(text[c.start : c.end], c.label) for c in find_cued(text, LEX, lambda s: None)]


@pytest.mark.parametrize(
    ("noun", "expected"),
    [
        ("bedrijf", "Company"),
        ("scheepvaartbedrijf", "Company"),
        ("chipfabrikant", "Company"),
        ("onderzoekscollectief", "Organisation"),
        ("inlichtingendienst", "GovernmentBody"),
        ("oppositiepartij", "PoliticalParty"),
        ("mensenrechtenactivist", "Person"),
        ("wandeling", None),
    ],
)
def test_cue_type_reads_compounds_by_their_last_part(noun: str, expected: str | None) -> None:
    assert cue_type(noun, LEX) == expected


def test_compound_cue_nouns_type_the_following_name() -> None:
    text = (
        "Het scheepvaartbedrijf Noordkaap Lijnen meldde een storing. Het Belgische "
        "onderzoekscollectief Waakhond Digitaal en de Poolse dienst Cyberwacht keken mee."
    )
    assert _cued(text) == [
        ("Noordkaap Lijnen", "Company"),
        ("Waakhond Digitaal", "Organisation"),
        ("Cyberwacht", "GovernmentBody"),
    ]


def test_person_cue_keeps_surname_particles_and_stops_at_lowercase() -> None:
    text = (
        "De mensenrechtenactivist Yara ter Horst werd gevolgd door de blogger Kofi Mensah in Gent."
    )
    assert _cued(text) == [("Yara ter Horst", "Person"), ("Kofi Mensah", "Person")]


def test_cue_needs_a_capitalised_name() -> None:
    assert _cued("het bedrijf heeft de dienst opgezegd en de partij wil niets") == []


def test_foreign_institute_after_nationality_adjective() -> None:
    text = "Volgens het Oostenrijkse Institut für Digitale Sicherheit is dat onjuist."
    assert _orgs(text) == [("Institut für Digitale Sicherheit", "Organisation")]


def test_media_and_lab_tails() -> None:
    text = "Dat meldden de Berliner Zeitung en het onderzoeksteam van Open Source Lab gisteren."
    assert _orgs(text) == [
        ("Berliner Zeitung", "Company"),
        ("Open Source Lab", "Organisation"),
    ]


def test_known_name_before_en_is_split_from_a_tail_name() -> None:
    text = "Het onderzoek van Argos en Noorderlicht Reports toonde dat aan."
    assert ("Noorderlicht Reports", "Organisation") in _orgs(text)
    assert not any(name.startswith("Argos") for name, _ in _orgs(text))


def test_answer_number_does_not_start_a_name() -> None:
    text = "Antwoord 7 \nDe Raad heeft de lijst uitgebreid met twee entiteiten."
    assert _orgs(text) == []


def test_curated_actors_from_state_threat_debates() -> None:
    gaz = load_gazetteer()
    for name, typ in [
        ("FedEx", "Company"),
        ("GUGI", "GovernmentBody"),
        ("Viginum", "GovernmentBody"),
        ("Le Monde", "Company"),
        ("Institut für Strategischen Dialog", "Organisation"),
    ]:
        entry = gaz.lookup(name)
        assert entry is not None and entry.type == typ, name


POLICY_LETTER = """\
Aan de Voorzitter van de
Tweede Kamer der Staten-Generaal

Datum 3 juni 2024
Betreft Weerbaarheid van de havens

Geachte voorzitter,

Met deze brief informeer ik uw Kamer over de maatregelen die het kabinet neemt om
de weerbaarheid van de Nederlandse havens tegen statelijke dreigingen te vergroten.
Het Havenbedrijf Rotterdam werkt daarbij nauw samen met de AIVD.

De minister van Infrastructuur en Waterstaat,

Mark Harbers
"""


def test_policy_letter_has_no_answer_date_and_no_answerer() -> None:
    doc = parse_document(POLICY_LETTER, "brief.txt")
    assert doc.genre == "letter"
    assert doc.answered is None
    assert not doc.asked_by
    gaz = load_gazetteer()
    mentions = find_mentions(load_nlp(gazetteer=gaz), doc)
    res = resolve(doc, mentions, gaz)
    assert res.answered_by == []
    signer = [a for a in res.actors if a.label == "Mark Harbers"]
    assert signer and signer[0].offices, "the sender keeps his office"


def test_letter_with_questions_keeps_its_answerer() -> None:
    text = POLICY_LETTER.replace(
        "Met deze brief informeer ik",
        "Vraag 1\nWat doet u?\n\nAntwoord 1\nWij doen veel.\n\nMet deze brief informeer ik",
    )
    doc = parse_document(text, "brief.txt")
    assert doc.answered == date(2024, 6, 3)
    assert isinstance(doc, Document)
