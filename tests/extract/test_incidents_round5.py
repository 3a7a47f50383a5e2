"""Incidents, round 5: more act families, and mentions that name no act.

Shootings, hostile campaigns, cover organisations, tracking links, devices found,
footholds in networks, bounties and threat letters, disturbed signals; and what is no
event: a ministry's name before a plural verb, a law's title, a trend, a threat that
something "vormt", a takedown by the police, "het in kaart brengen", an act the next
clause does not confirm. Every sentence is invented.
"""

from __future__ import annotations

import pytest
from support import document_with_names

from kamerkg.extract.incidents import extract_incidents
from kamerkg.extract.model import Part, Span

ACTORS = {
    "APT77": "ThreatActor",
    "Zandstorm": "ThreatActor",
    "Bolt Systems": "Company",
    "Rusland": "Country",
    "Oostland": "Country",
    "Nederland": "Country",
    "ministerie van Defensie": "GovernmentBody",
    "politie": "GovernmentBody",
    "Anna de Vries": "Person",
}


def incidents(text: str, parts: list[Part] | None = None, **meta):
    document, actors, mentions = document_with_names(text, ACTORS, parts, **meta)
    return extract_incidents(document, actors, mentions, [])


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Op 2 maart werd Anna de Vries in Lissabon in haar been geschoten.", "assassination"),
        ("De woning van Anna de Vries is vorige week beschoten.", "assassination"),
        ("Zandstorm voert sinds vorig jaar een cybercampagne tegen Oostland.", "cyberattack"),
        ("Bolt Systems diende volgens Oostland als dekmantel voor APT77.", "espionage"),
        ("APT77 stuurde Kamerleden berichten met trackinglinks.", "cyberattack"),
        ("In servers van Bolt Systems zijn zenders aangetroffen.", "intrusion"),
        ("Zandstorm heeft zich genesteld in het energienetwerk van Oostland.", "intrusion"),
        ("Oostland heeft premies uitgeloofd voor het opsporen van Anna de Vries.", "intimidation"),
        ("Anna de Vries ontving vorige maand dreigbrieven uit Oostland.", "intimidation"),
        ("Het radarsignaal van een schip van Oostland werd door Rusland verstoord.", "sabotage"),
        (
            "Toestellen van Bolt Systems meldden een verstoord GPS-signaal boven Oostland.",
            "sabotage",
        ),
        ("Er was een inbreuk op de interne systemen van Bolt Systems.", "intrusion"),
        ("De bestanden van Bolt Systems werden in juni gegijzeld.", "cyberattack"),
        ("Anna de Vries werd na haar optreden gedoxt door trollen uit Oostland.", "intimidation"),
        ("Anna de Vries kreeg dreigementen uit Oostland.", "intimidation"),
        ("Rusland pleegde in 2024 sabotageacties tegen Oostland.", "sabotage"),
        ("De gehackte server van Bolt Systems is offline.", "hack"),
        (
            "APT77 is er in mei in geslaagd toegang te krijgen tot servers van Bolt Systems.",
            "intrusion",
        ),
        ("In maart werd een loods van Bolt Systems in brand gestoken.", "sabotage"),
    ],
)
def test_round5_incident_kinds(text, kind):
    assert kind in [i.kind for i in incidents(text)], text


@pytest.mark.parametrize(
    "text",
    [
        "Het onderzoek richt zich op de strafbaarstelling van spionageactiviteiten door Oostland.",
        "Sinds 2021 is er een sterke toename van cyberaanvallen uit Rusland.",
        "Oostland stelt dat de storingen door Rusland een bedreiging vormen voor Nederland.",
        "De politie heeft de servers van Zandstorm offline gehaald.",
        "Het NCSC helpt bij het in kaart brengen van de kabels van Oostland.",
        "Naar verluidt zou Oostland zijn aangevallen door Rusland; dat kan ik niet bevestigen.",
        "Bij de oefening is ook geschoten door de politie.",
        "Deze wet van Oostland is een aanval op onze vrije democratische waarden.",
        "Rusland voert volgens Anna de Vries een aanval op de democratie.",
    ],
)
def test_round5_no_incident(text):
    assert incidents(text) == [], text


def test_a_ministry_before_a_plural_verb_is_no_generic_plural():
    found = incidents("In 2023 drongen hackers van Oostland het netwerk van Defensie binnen.")
    assert [i.kind for i in found] == ["intrusion"]
    found = incidents("Hackers van Oostland hebben in 2023 netwerken van Defensie binnengedrongen.")
    assert [i.kind for i in found] == ["intrusion"]


def test_a_date_across_nadat_parts_two_events_of_one_kind():
    text = (
        "Op 3 maart 2024 heeft Rusland de radio van Oostland gestoord met jamming. "
        "Bolt Systems staakte in mei 2025 zijn vluchten nadat twee toestellen door "
        "GPS-verstoring moesten landen."
    )
    found = incidents(text)
    assert len([i for i in found if i.kind == "sabotage"]) == 2


def test_a_long_example_hedge_still_hedges():
    text = "Voorbeelden hiervan zijn stille, digitale en economische spionage door Oostland."
    assert incidents(text) == []


def test_a_database_of_spies_is_no_act_of_spying():
    assert incidents("Oostland beheert een spionagedatabase over Nederland.") == []
    assert [
        i.kind for i in incidents("Op 4 mei 2024 is spionagesoftware van Oostland aangetroffen.")
    ]


def test_overload_attacks_and_unreachable_sites_are_cyberattacks():
    found = incidents(
        "Op 4 maart 2025 was de website van Bolt Systems door overbelastingsaanvallen "
        "urenlang slecht of niet bereikbaar."
    )
    assert [(i.kind, str(i.date)) for i in found] == [("cyberattack", "2025-03-04")]
    found = incidents(
        "De websites van onder meer Bolt Systems en de haven van Oostland waren op 2 mei 2025 "
        "urenlang onbereikbaar."
    )
    assert [i.kind for i in found] == ["cyberattack"]


def test_two_sentences_naming_different_parties_are_two_events():
    question = "Wat weet u van de intimidatie van dissidenten uit Oostland?"
    answer = (
        "Oostland heeft premies uitgeloofd voor de opsporing van Anna de Vries. "
        "Medewerkers van Bolt Systems ontvingen dreigbrieven."
    )
    text = f"{question}\n{answer}"
    parts = [
        Part("question", Span(0, len(question)), number=1),
        Part("answer", Span(len(question) + 1, len(text)), number=1, covers=(1,)),
    ]
    found = [i for i in incidents(text, parts) if i.kind == "intimidation"]
    assert len(found) >= 2
    assert "dreigbrieven" in text[found[-1].evidence.start : found[-1].evidence.end]


def test_a_sentence_naming_the_same_party_joins_the_event():
    text = (
        "Op 4 mei 2024 is Bolt Systems gehackt door APT77. "
        "De hackers stalen daarbij gegevens van Bolt Systems."
    )
    assert len(incidents(text)) == 1


def test_a_date_of_a_debate_or_letter_does_not_date_the_event():
    found = incidents(
        "In het commissiedebat Veiligheid van 5 februari 2025 vroeg Anna de Vries naar de "
        "hack van Bolt Systems."
    )
    assert [(i.kind, i.date) for i in found] == [("hack", None)]
    found = incidents("Op 5 februari 2025 is Bolt Systems gehackt door APT77.")
    assert [str(i.date) for i in found] == ["2025-02-05"]


@pytest.mark.parametrize(
    "opening", ["Dat gebeurde", "Dit gebeurde", "Het gebeurde", "Dat vond plaats"]
)
def test_a_sentence_telling_when_it_happened_dates_the_act_before(opening: str) -> None:
    # The opening's own "dat"/"toen" is no clause boundary between it and its date.
    found = incidents(f"APT77 heeft Bolt Systems gehackt. {opening} op 3 maart 2024.")
    assert [str(i.date) for i in found] == ["2024-03-03"]
