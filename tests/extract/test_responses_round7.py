"""Responses, round 7: what a state response looks like in an answer to Kamervragen.

The answering minister tells of acts of the state: its own ("Ik heb ... laten
onderzoeken", "het kabinet werkt aan ..."), its services' ("de AIVD heeft ...
gewaarschuwd", "het NCSC heeft een advies gestuurd"), facilities set up without a
named agent ("er is een coördinator aangesteld"), arrests told in the passive ("is ...
aangehouden"), and planned measures ("er wordt gewerkt aan wetgeving"). Every sentence
here is invented for the test.
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
    "Kustwacht": "GovernmentBody",
    "Inspectie Leefomgeving": "GovernmentBody",
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
        # A facility or office set up with "er" and no named agent: the state's.
        ("Sinds maart is er bij elke haven een cyberofficier aangesteld.", "aangesteld", ""),
        ("Er zijn inmiddels drie regionale meldpunten ingericht.", "ingericht", ""),
        # Working on a plan, a law or a strategy: a measure under way.
        ("Het kabinet werkt aan een nationale chipstrategie.", "chipstrategie", "karel-jansen"),
        ("Er wordt gewerkt aan een wetsvoorstel over investeringstoetsen.", "gewerkt", ""),
        ("Nederland werkt samen met Duitsland aan een gezamenlijke aanpak.", "aanpak", "nederland"),
        # A service sends advice, a warning or a bulletin.
        (
            "Het NCSC heeft vorige week een advies naar alle waterschappen gestuurd.",
            "advies",
            "ncsc",
        ),
        (
            "De AIVD heeft een waarschuwing aan de betrokken bedrijven verzonden.",
            "waarschuwing",
            "aivd",
        ),
        # Support given, advice offered.
        (
            "Het NCSC heeft na de inbraak een twintigtal ziekenhuizen ondersteund.",
            "ondersteund",
            "ncsc",
        ),
        ("De AIVD biedt gemeenten op verzoek advies over beveiliging.", "advies", "aivd"),
        # Arrests told in the passive.
        (
            "Een medewerker van Bolt Systems is vorige maand door de politie aangehouden.",
            "aangehouden",
            "politie",
        ),
        ("Twee verdachten werden in Rotterdam gearresteerd.", "gearresteerd", ""),
        # A service that investigates, in the present tense.
        ("De Inspectie Leefomgeving onderzoekt de gevolgen voor de dijken.", "onderzoekt", ""),
        # Equipment destroyed or taken out of use.
        ("De Kustwacht heeft de aangetroffen zenders laten vernietigen.", "vernietigen", ""),
        ("De politie heeft de gevonden apparatuur inmiddels vernietigd.", "vernietigd", "politie"),
        # Requirements added to permits and tenders.
        (
            "In de aanbestedingen worden voortaan strengere beveiligingseisen opgenomen.",
            "eisen",
            "",
        ),
        # An agent named with its abbreviation in brackets.
        (
            "Ik heb de Nationale Recherche (NR) gevraagd de zaak verder te onderzoeken.",
            "gevraagd",
            "karel-jansen",
        ),
        # A separable verb far from its particle.
        (
            "De Verenigde Staten klaagden in november 2024 zes medewerkers van het ministerie "
            "van Staatsveiligheid van Oostland aan.",
            "klaagden",
            "",
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
        # Asked, not done.
        "Bent u bereid een coördinator aan te stellen voor de havens?",
        # Negated.
        "Er zijn geen verdachten aangehouden.",
        # A firm's own step.
        "Bolt Systems werkt aan een nieuwe bedrijfsstrategie.",
        # A person that supports a motion is no measure taken.
        "Zandstorm biedt zijn diensten aan op het darkweb.",
    ],
)
def test_no_response(text: str) -> None:
    assert responses(text) == [], responses(text)
