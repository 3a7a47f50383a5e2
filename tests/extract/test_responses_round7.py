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
    "Ministerie van Buitenlandse Zaken": "GovernmentBody",
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


def test_a_minister_named_by_office_acts_for_the_ministry() -> None:
    text = (
        "De minister van Buitenlandse Zaken heeft de zorgen ook aan de ambassadeur van "
        "Oostland overgebracht."
    )
    found = hits(text, "overgebracht")
    assert found and all(r.by == ["ministerie-van-buitenlandse-zaken"] for r in found), found


def test_the_signer_stays_the_taker_of_the_first_person() -> None:
    text = "Ik heb de zorgen ook aan de ambassadeur van Oostland overgebracht."
    found = hits(text, "overgebracht")
    assert found and all("karel-jansen" in r.by for r in found), found


@pytest.mark.parametrize(
    ("text", "word", "by"),
    [
        # Planned measures in the future tense.
        (
            "Het kabinet gaat de regels voor de inkoop van camera's aanscherpen.",
            "aanscherpen",
            "karel-jansen",
        ),
        ("Wij zullen de controles in de havens intensiveren.", "intensiveren", "karel-jansen"),
        # A body given a task.
        (
            "Ik heb de Kustwacht opdracht gegeven de scheepvaart beter te volgen.",
            "opdracht",
            "",
        ),
        ("De AIVD heeft een nieuwe dreigingsanalyse opgesteld.", "dreigingsanalyse", "aivd"),
        # A protest handed over.
        (
            "Nederland heeft een protestnota overhandigd aan de ambassade van Oostland.",
            "protestnota",
            "nederland",
        ),
        # A review carried out or commissioned.
        (
            "De EU heeft een verkenning naar de afhankelijkheid van Oostland laten uitvoeren.",
            "verkenning",
            "eu",
        ),
        # Recommendations adopted.
        (
            "Het kabinet neemt de aanbevelingen van de commissie over.",
            "aanbevelingen",
            "karel-jansen",
        ),
    ],
)
def test_planned_and_ordered_measures(text: str, word: str, by: str) -> None:
    found = hits(text, word)
    assert found, responses(text)
    assert not by or any(by in r.by for r in found), found


@pytest.mark.parametrize(
    "text",
    [
        # Another's plan, a firm's own.
        "Bolt Systems gaat zijn productie in Oostland uitbreiden.",
        # A future only supposed.
        "Indien nodig zal het kabinet de regels aanscherpen.",
    ],
)
def test_no_planned_measure(text: str) -> None:
    assert responses(text) == [], responses(text)


def test_an_order_for_an_attack_is_no_response() -> None:
    assert responses("Oostland heeft opdracht gegeven voor de aanslag op Anna.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Ik stuur u hierbij een brief over de uitwijzing van twee agenten uit Oostland.",
        "Het kabinet maakt per geval een afweging over publieke attributie.",
    ],
)
def test_a_measure_as_the_topic_of_something_else_is_not_taken(text: str) -> None:
    assert responses(text) == [], responses(text)


def test_a_measure_after_over_with_a_verb_of_its_own_stays() -> None:
    text = "Nederland heeft met Duitsland gesproken over sancties en die samen aangekondigd."
    assert hits(text, "aangekondigd")


@pytest.mark.parametrize(
    ("text", "word", "by"),
    [
        (
            "De AIVD heeft de betrokken bestuurders een weerbaarheidsgesprek aangeboden.",
            "aangeboden",
            "aivd",
        ),
        ("De politie heeft de woning van de verdachte doorzocht.", "doorzocht", "politie"),
        ("Het NCSC heeft de vitale sectoren vertrouwelijk gebriefd.", "gebriefd", "ncsc"),
        (
            "Nederland heeft samen met twintig landen een oproep gedaan aan Oostland.",
            "oproep",
            "nederland",
        ),
        (
            "De Nederlandse regering heeft haar ongenoegen uitgesproken tegenover Oostland.",
            "ongenoegen",
            "nederland",
        ),
        ("De politie heeft de grenscontroles in Zeeland verscherpt.", "verscherpt", "politie"),
        (
            "De minister heeft de ambassadeur van Oostland ter verantwoording geroepen.",
            "verantwoording",
            "karel-jansen",
        ),
        (
            "Het kabinet heeft een wet ingediend die heimelijke beïnvloeding strafbaar maakt.",
            "wet",
            "karel-jansen",
        ),
    ],
)
def test_more_verbs_of_state_response(text: str, word: str, by: str) -> None:
    found = hits(text, word)
    assert found, responses(text)
    assert any(by in r.by for r in found), found


@pytest.mark.parametrize(
    ("text", "word", "by"),
    [
        (
            "Wij hebben met de sector afspraken gemaakt over de beveiliging van havens.",
            "afspraken",
            "karel-jansen",
        ),
        ("Ik heb het initiatief genomen voor een Europese aanpak.", "initiatief", "karel-jansen"),
        (
            "Nederland heeft Oostland gewezen op zijn verplichtingen onder het verdrag.",
            "gewezen",
            "nederland",
        ),
        ("Het kabinet stelt een landelijk coördinator aan.", "coördinator", "karel-jansen"),
        ("De AIVD heeft de dreiging voor de havens in kaart gebracht.", "kaart", "aivd"),
        ("Nederland heeft de samenwerking met het instituut bevroren.", "bevroren", "nederland"),
        ("Het NCSC heeft het dreigingsbeeld geactualiseerd.", "dreigingsbeeld", "ncsc"),
        (
            "Het kabinet heeft de bedreigde journalist bescherming geboden.",
            "bescherming",
            "karel-jansen",
        ),
        (
            "De EU heeft vorige maand een nieuwe veiligheidsstrategie vastgesteld.",
            "veiligheidsstrategie",
            "eu",
        ),
        (
            "We hebben de regels voor buitenlandse investeringen in chipbedrijven herzien.",
            "herzien",
            "karel-jansen",
        ),
    ],
)
def test_agreements_tasks_and_reviews(text: str, word: str, by: str) -> None:
    found = hits(text, word)
    assert found, responses(text)
    assert any(by in r.by for r in found), found


def test_a_hostile_state_mapping_cables_is_no_response() -> None:
    assert responses("Oostland heeft de kabels in de Noordzee in kaart gebracht.") == []


@pytest.mark.parametrize(
    ("text", "word", "by"),
    [
        # Separable verbs in the simple past, the particle at the end.
        ("Duitsland zette vorig jaar twee diplomaten van Oostland uit.", "zette", "duitsland"),
        ("Nederland wees in 2018 vier Oostlandse agenten uit.", "wees", "nederland"),
        ("De politie arresteerde twee verdachten in Rotterdam.", "arresteerde", "politie"),
        ("De politie hield de man aan op Schiphol.", "hield", "politie"),
        ("Duitsland sloot het consulaat van Oostland.", "sloot", "duitsland"),
        ("Duitsland plaatste Bolt Systems op een exportlijst.", "plaatste", "duitsland"),
        ("Duitsland schortte de samenwerking met het instituut op.", "schortte", "duitsland"),
        ("Het NCSC bracht een advies uit over de kwetsbaarheid.", "advies", "ncsc"),
        ("Duitsland trok de vergunning van Bolt Systems in.", "vergunning", "duitsland"),
        ("Nederland zegde de samenwerking met Oostland op.", "zegde", "nederland"),
        ("Duitsland weigerde de visa van drie functionarissen.", "weigerde", "duitsland"),
        ("De politie rolde het netwerk van Zandstorm op.", "rolde", "politie"),
        ("De AIVD deelde informatie met de Duitse diensten.", "deelde", "aivd"),
    ],
)
def test_separable_verbs_in_the_simple_past(text: str, word: str, by: str) -> None:
    found = hits(text, word)
    assert found, responses(text)
    assert any(by in r.by for r in found), found


@pytest.mark.parametrize(
    "text",
    [
        "De minister hield vast aan het eerdere besluit.",
        "Bolt Systems sloot het jaar af met verlies.",
    ],
)
def test_no_simple_past_measure(text: str) -> None:
    assert all("hield" not in r.trigger and "sloot" not in r.trigger for r in responses(text))


@pytest.mark.parametrize(
    ("text", "word", "by"),
    [
        (
            "Het kabinet heeft gekozen voor het weren van leveranciers uit Oostland.",
            "weren",
            "karel-jansen",
        ),
        ("Duitsland kiest voor een landenneutrale aanpak.", "aanpak", "duitsland"),
        (
            "De EU volgde met de oprichting van een Europees coördinatiecentrum.",
            "oprichting",
            "eu",
        ),
        (
            "Nederland heeft een zaak aangespannen bij het Internationaal Gerechtshof.",
            "aangespannen",
            "nederland",
        ),
    ],
)
def test_measures_named_by_a_noun_phrase(text: str, word: str, by: str) -> None:
    found = hits(text, word)
    assert found, responses(text)
    assert any(by in r.by for r in found), found


def test_a_jammed_signal_is_no_disruption_by_the_state() -> None:
    assert responses("Oostland heeft het gps-signaal boven de Noordzee verstoord.") == []


def test_a_disrupted_network_stays_a_disruption() -> None:
    assert hits("De politie heeft het netwerk van Zandstorm verstoord.", "verstoord")
