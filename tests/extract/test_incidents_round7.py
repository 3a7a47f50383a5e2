"""Incidents, round 7: kinds of state-threat acts a Kamervraag tells of.

Beyond attacks and leaks: data gathered on people ("verzamelt gegevens over
Nederlanders", "via informanten"), remote access a supplier keeps to equipment
("toegang op afstand", "op afstand toegankelijk"), entry under a cover identity ("met
een paspoort op naam van"), and messages a network spreads ("verspreidde berichten over
de verkiezingen"). Every sentence is invented.
"""

from __future__ import annotations

from datetime import date

import pytest
from support import document_with_names

from kamerkg.extract.incidents import extract_incidents

ACTORS = {
    "Bolt Systems": "Company",
    "Zandstorm": "ThreatActor",
    "Oostland": "Country",
    "Nederland": "Country",
    "Anna de Vries": "Person",
    "Rijkswaterstaat": "GovernmentBody",
}
ANSWERED = date(2025, 6, 20)


def incidents(text: str, **meta):
    meta.setdefault("answered", ANSWERED)
    document, actors, mentions = document_with_names(text, ACTORS, None, **meta)
    return extract_incidents(document, actors, mentions, [])


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # Data gathered on people, and informants.
        (
            "De geheime dienst van Oostland verzamelt stelselmatig gegevens over studenten "
            "in Nederland.",
            "data-collection",
        ),
        (
            "Oostland houdt via informanten in verenigingen toezicht op critici in Nederland.",
            "espionage",
        ),
        # Remote access a supplier keeps.
        (
            "Bolt Systems bleek toegang op afstand te hebben tot de sluizen van Rijkswaterstaat.",
            "intrusion",
        ),
        (
            "Bolt Systems maakte de camerabeelden op afstand toegankelijk voor personeel in "
            "Oostland.",
            "intrusion",
        ),
        # Entry under a cover identity.
        (
            "Een officier van Oostland reisde in 2023 met een paspoort op naam van een "
            "overleden Nederlander naar Rotterdam.",
            "espionage",
        ),
        # A network spreads messages.
        (
            "Accounts van Zandstorm verspreidden vorig jaar berichten over de "
            "gemeenteraadsverkiezingen in Nederland.",
            "disinformation",
        ),
    ],
)
def test_more_acts(text: str, kind: str) -> None:
    assert kind in [i.kind for i in incidents(text)], incidents(text)


@pytest.mark.parametrize(
    "text",
    [
        # A service that spreads advice is no campaign.
        "Rijkswaterstaat verspreidde een handreiking over de beveiliging van sluizen.",
        # Maintenance access as a rule, not an act.
        "Leveranciers mogen alleen na toestemming toegang op afstand krijgen.",
        # Collecting data as policy.
        "De wet regelt welke gegevens Rijkswaterstaat over bezoekers verzamelt.",
    ],
)
def test_no_act(text: str) -> None:
    assert incidents(text) == [], incidents(text)


@pytest.mark.parametrize(
    "text",
    [
        # The present tense tells of a practice, not of one act.
        "Zandstorm verspreidt dagelijks berichten over de oorlog.",
        # Gathering as a nominal infinitive names an offence, not an act.
        "De wet maakt het heimelijk verzamelen van informatie over Nederlanders strafbaar.",
    ],
)
def test_practices_and_offences_are_no_acts(text: str) -> None:
    assert incidents(text) == [], incidents(text)


def test_a_question_whether_the_same_befell_others_states_no_act() -> None:
    from kamerkg.extract.model import Part, Span

    question = "Hebben deze leveranciers ook toegang op afstand tot de sluizen van Rijkswaterstaat?"
    answer = "Daar wordt onderzoek naar gedaan."
    parts = [
        Part("question", Span(0, len(question)), number=1),
        Part("answer", Span(len(question) + 1, len(question) + 1 + len(answer)), covers=(1,)),
    ]
    document, actors, mentions = document_with_names(
        question + "\n" + answer, ACTORS, parts, answered=ANSWERED
    )
    assert extract_incidents(document, actors, mentions, []) == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Medewerkers van Bolt Systems werden benaderd via LinkedIn door een recruiter uit "
            "Oostland.",
            "espionage",
        ),
        ("Vorige week vlogen drones uit Oostland boven de marinebasis.", "reconnaissance"),
        (
            "Een schip uit Oostland voer dagenlang heen en weer boven de stroomkabels in de "
            "Noordzee.",
            "reconnaissance",
        ),
        ("Anna de Vries werd door agenten van Oostland gevolgd in Utrecht.", "espionage"),
        ("Oostland oefende druk uit op familieleden van Anna de Vries.", "intimidation"),
        (
            "Zandstorm plaatste valse berichten over de verkiezingen op sociale media.",
            "disinformation",
        ),
    ],
)
def test_kinds_of_state_threat_acts(text: str, kind: str) -> None:
    assert kind in [i.kind for i in incidents(text)], incidents(text)


@pytest.mark.parametrize(
    "text",
    [
        "Het kabinet wil drones boven kazernes verbieden.",
        "Rijkswaterstaat heeft de kabels in de Noordzee laten inspecteren.",
    ],
)
def test_policy_on_such_acts_is_no_act(text: str) -> None:
    assert incidents(text) == [], incidents(text)


def test_a_dated_mention_saying_ook_is_another_event_of_the_kind() -> None:
    text = (
        "Bolt Systems staakte zijn vluchten nadat twee toestellen door GPS-verstoring "
        "moesten omkeren. In maart 2024 werd ook het navigatiesignaal van het toestel van "
        "Anna de Vries door Oostland gestoord."
    )
    assert len(incidents(text)) == 2, incidents(text)


def test_a_mention_without_ook_names_the_same_event() -> None:
    text = (
        "In maart 2024 werd het navigatiesignaal van het toestel van Anna de Vries door "
        "Oostland gestoord. De verstoring van het navigatiesignaal duurde een uur."
    )
    assert len(incidents(text)) == 1, incidents(text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Een medewerker van Bolt Systems heeft vertrouwelijke informatie doorgespeeld aan "
            "Oostland.",
            "espionage",
        ),
        (
            "Twee militairen uit Oostland werden betrapt bij het filmen van een kazerne in "
            "Nederland.",
            "espionage",
        ),
        (
            "Een agent van Oostland heeft geprobeerd een medewerker van Rijkswaterstaat te werven.",
            "espionage",
        ),
        (
            "Bolt Systems sloeg persoonsgegevens van Nederlandse klanten op servers in Oostland "
            "op.",
            "data-collection",
        ),
        ("Zandstorm legde het betalingsverkeer van Bolt Systems dagenlang plat.", "cyberattack"),
        (
            "Zandstorm probeerde bij Bolt Systems technologie over batterijen te stelen.",
            "data-theft",
        ),
    ],
)
def test_theft_leaks_and_recruitment(text: str, kind: str) -> None:
    assert kind in [i.kind for i in incidents(text)], incidents(text)
