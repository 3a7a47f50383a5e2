"""Responses, round 6: measures named by a noun phrase, more verb families, the letter's
signer as "de minister", and questions that open on a finite verb.

Every sentence here is invented for the test.
"""

from __future__ import annotations

import pytest
from support import document_with_names

from kamerkg.extract.model import Participant
from kamerkg.extract.responses import extract_responses

ACTORS = {
    "Oostland": "Country",
    "Nederland": "Country",
    "Duitsland": "Country",
    "Verenigde Staten": "Country",
    "EU": "GovernmentBody",
    "AIVD": "GovernmentBody",
    "NCSC": "GovernmentBody",
    "politie": "GovernmentBody",
    "Zandstorm": "ThreatActor",
    "Bolt Systems": "Company",
    "Karel Jansen": "Person",
}


def responses(text: str, **meta):
    meta.setdefault("answered_by", [Participant("Karel Jansen")])
    document, actors, mentions = document_with_names(text, ACTORS, None, **meta)
    return extract_responses(document, actors, mentions, [], [])


def hits(text: str, word: str):
    return [r for r in responses(text) if word in (r.label + " " + r.trigger).lower()]


@pytest.mark.parametrize(
    ("text", "word", "by"),
    [
        # A measure named by a noun phrase on a policy noun.
        (
            "Na de aanscherping van de exportregels door Nederland daalde de uitvoer.",
            "aanscherping",
            "nederland",
        ),
        (
            "De invoering van een meldplicht voor kennisinstellingen is door de EU voorgesteld.",
            "invoering",
            "eu",
        ),
        (
            "De Verenigde Staten hebben drie leden van Zandstorm in staat van beschuldiging "
            "gesteld.",
            "beschuldiging",
            "verenigde-staten",
        ),
        (
            "De EU kondigde vorige week nieuwe handelsbeperkingen tegen Oostland aan.",
            "kondigde",
            "eu",
        ),
        (
            "Een verdachte werd op verzoek van Duitsland in Nederland aangehouden.",
            "aangehouden",
            "duitsland",
        ),
        ("Het NCSC heeft meteen contact gezocht met Bolt Systems.", "contact", "ncsc"),
        (
            "Nederland heeft zijn bezwaren ook aan Oostland kenbaar gemaakt.",
            "kenbaar",
            "nederland",
        ),
        (
            "Nederland heeft zich in de Veiligheidsraad duidelijk uitgesproken.",
            "uitgesproken",
            "nederland",
        ),
        (
            "De Verenigde Staten klaagden in maart zeven hackers van Zandstorm aan.",
            "klaagden",
            "verenigde-staten",
        ),
        ("Het kabinet werkt aan een inkoopmaatregel voor camera's.", "inkoopmaatregel", ""),
        (
            "Vier officieren van de militaire inlichtingendienst van Oostland zijn door "
            "Nederland uitgezet.",
            "uitgezet",
            "nederland",
        ),
        # "de minister" in an answer is the one who signs it.
        (
            "De minister heeft de ambassadeur van Oostland laten weten dat dit onaanvaardbaar is.",
            "ambassadeur",
            "karel-jansen",
        ),
    ],
)
def test_taken_responses(text: str, word: str, by: str) -> None:
    found = hits(text, word)
    assert found, responses(text)
    assert not by or any(by in r.by for r in found), found


@pytest.mark.parametrize(
    "text",
    [
        # A question that opens on a finite verb asks whether it was done.
        "Heeft het NCSC de getroffen bedrijven tijdig gewaarschuwd?",
        "Wordt Zandstorm door het kabinet toegeschreven aan Oostland?",
        # Attributed by nobody in particular: no state response.
        "De berichten werden verspreid door accounts die aan Zandstorm worden toegeschreven.",
        # Punishments of a regime are no measure against a threat.
        "Burgers in Oostland worden getroffen door strafmaatregelen van hun regering.",
    ],
)
def test_no_response(text: str) -> None:
    assert responses(text) == []


def test_a_question_on_whether_a_report_is_true_keeps_the_reported_measure() -> None:
    text = (
        "Is het waar dat Duitsland heeft besloten de overname van Bolt Systems door een "
        "bedrijf uit Oostland te verbieden?"
    )
    assert any("duitsland" in r.by for r in responses(text))


def test_a_foreign_minister_is_not_the_signer() -> None:
    text = "De minister van Buitenlandse Zaken van Oostland verklaarde dat er geen aanval was."
    assert all("karel-jansen" not in r.by for r in responses(text))


@pytest.mark.parametrize(
    ("text", "word", "by"),
    [
        # A relative clause on the one who acts.
        (
            "Nederland werkt samen met de EU, die op 2 mei een onderzoek heeft aangekondigd "
            "naar subsidies van Oostland.",
            "aangekondigd",
            "eu",
        ),
        # An agent in a relative clause after the measure did something else.
        (
            "De EU heeft sancties ingesteld tegen personen die betrokken zijn bij "
            "vervolging door Oostland.",
            "sancties",
            "eu",
        ),
    ],
)
def test_takers_around_relative_clauses(text: str, word: str, by: str) -> None:
    found = hits(text, word)
    assert found and all(r.by == [by] for r in found), found


def test_the_source_of_a_report_is_no_taker() -> None:
    text = (
        "Volgens de AIVD werden de berichten verspreid door accounts die aan Zandstorm "
        "worden toegeschreven."
    )
    assert all("aivd" not in r.by for r in responses(text))


@pytest.mark.parametrize(
    ("text", "word", "by"),
    [
        ("Het NCSC heeft een handleiding opgesteld voor gemeenten.", "handleiding", "ncsc"),
        ("De EU heeft de regels voor investeringen aangepast.", "aangepast", "eu"),
        (
            "Het kabinet heeft de camera's van Bolt Systems uit ministeries laten verwijderen.",
            "verwijderen",
            "karel-jansen",
        ),
        (
            "Nederland heeft de aanval van Zandstorm publiekelijk toegerekend aan Oostland.",
            "toegerekend",
            "nederland",
        ),
        ("De AIVD heeft het gebruik van die apps ontraden.", "ontraden", "aivd"),
        (
            "Nederland heeft diplomatieke stappen gezet richting Oostland.",
            "diplomatieke",
            "nederland",
        ),
        ("De politie heeft twee verdachten in verzekering gesteld.", "verzekering", "politie"),
        ("Nederland heeft extra schepen naar de Noordzee gestuurd.", "schepen", "nederland"),
        ("Het NCSC heeft alle gemeenten gealarmeerd.", "gealarmeerd", "ncsc"),
    ],
)
def test_more_measures(text: str, word: str, by: str) -> None:
    found = hits(text, word)
    assert found, responses(text)
    assert any(by in r.by for r in found), found


@pytest.mark.parametrize(
    "text",
    [
        # A hostile state watching or summoning its diaspora is no state response.
        "Oostland monitort de eigen gemeenschap in Nederland.",
        "Agenten van Oostland hebben Anna gesommeerd terug te keren.",
    ],
)
def test_acts_of_a_hostile_state_are_no_response(text: str) -> None:
    assert responses(text) == []
