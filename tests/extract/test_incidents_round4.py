"""Incidents, round 4: events a minister's answer names without a trigger verb.

Noun phrases with an object ("de aanhouding van een medewerker", "de verstoring van
GPS-signalen"), an event noun with its place and nothing before it ("het incident bij de
haven"), loan words ("breach"), covert work ("onder valse identiteit"), a yes/no question
that the answer confirms with "Ja.", and the day of the sentence before for a sentence that
opens on a link in time ("Daarbij ..."). All sentences are invented.
"""

from __future__ import annotations

from datetime import date

import pytest
from support import document_with_names

from kamerkg.extract.incidents import extract_incidents
from kamerkg.extract.model import Part, Span

ACTORS = {
    "APT77": "ThreatActor",
    "Bolt Systems": "Company",
    "Kraan Logistiek": "Company",
    "Rusland": "Country",
    "Nederland": "Country",
    "douane": "GovernmentBody",
    "Koninklijke Marechaussee": "GovernmentBody",
    "Anna de Vries": "Person",
}


def incidents(text: str, parts: list[Part] | None = None, **meta):
    document, actors, mentions = document_with_names(text, ACTORS, parts, **meta)
    return extract_incidents(document, actors, mentions, [])


def exchange(question: str, answer: str) -> list[Part]:
    return [
        Part("question", Span(0, len(question)), number=1),
        Part("answer", Span(len(question) + 1, len(question) + 1 + len(answer)), covers=(1,)),
    ]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("De aanhouding van een medewerker van Bolt Systems volgde kort daarna.", "arrest"),
        ("Na de aanhoudingen van twee verdachten deed de douane aangifte.", "arrest"),
        ("De verstoring van GPS-signalen boven de Oostzee trof ook Kraan Logistiek.", "sabotage"),
        ("De storingen van de navigatiesystemen troffen schepen van Kraan Logistiek.", "sabotage"),
        ("Na de ontdekking van spyware op de telefoon van Anna de Vries ...", "intrusion"),
        ("De vondst van afluisterapparatuur bij Bolt Systems kwam onverwacht.", "intrusion"),
        ("Bolt Systems meldde een data breach bij een leverancier.", "data-breach"),
        ("Ook de breach bij Kraan Logistiek wordt aan APT77 toegeschreven.", "data-breach"),
        ("Russische agenten werkten onder valse identiteit bij Bolt Systems.", "espionage"),
        ("Achteraf bleek dat de stagiair heimelijk voor Rusland werkte.", "espionage"),
        ("Bij Bolt Systems zijn klantgegevens door APT77 bemachtigd.", "data-theft"),
        ("De websites van de douane waren urenlang onbereikbaar door APT77.", "cyberattack"),
        ("Russische toestellen hebben het luchtruim van Nederland geschonden.", "incursion"),
        ("Bij Kraan Logistiek heeft zich een veiligheidsincident voorgedaan.", "incident"),
        ("Anna de Vries is in Rusland mishandeld door onbekenden.", "intimidation"),
        ("APT77 is erin geslaagd het netwerk van Bolt Systems binnen te dringen.", "intrusion"),
        ("APT77 heeft bij Bolt Systems bouwtekeningen weten te bemachtigen.", "data-theft"),
        ("De e-mailaccounts van Kraan Logistiek zijn door APT77 gekaapt.", "hack"),
    ],
)
def test_round4_kinds(text, kind):
    assert [i.kind for i in incidents(text)] == [kind]


@pytest.mark.parametrize(
    "text",
    [
        # A motion held over is no arrest; bulk police work has no one arrested by name.
        "De aanhouding van de motie over Bolt Systems is door de Kamer aanvaard.",
        "De politie van Nederland verrichtte tientallen aanhoudingen.",
        # A capability, not an event.
        "Rusland zou de GPS-signalen kunnen verstoren.",
        # A bare "dit incident" with nothing before it resolves to nothing.
        "Dit incident baart Bolt Systems zorgen.",
    ],
)
def test_round4_no_event(text):
    assert incidents(text) == []


def test_event_noun_with_its_place_and_nothing_before_is_an_event():
    found = incidents(
        "Het incident bij de haven van Kraan Logistiek op 4 maart 2025 wordt onderzocht."
    )
    assert [(i.kind, i.date) for i in found] == [("incident", date(2025, 3, 4))]
    assert found[0].actors == ["kraan-logistiek"]


def test_event_noun_after_an_event_is_that_event():
    found = incidents(
        "APT77 heeft Bolt Systems gehackt. Het incident bij Bolt Systems wordt onderzocht."
    )
    assert [i.kind for i in found] == ["hack"]


def test_yes_no_question_confirmed_by_ja_states_the_event():
    q = "Vraag 1 Is er bij Bolt Systems ingebroken door APT77?"
    a = "Antwoord op vraag 1\nJa. Het NCSC is daarover ingelicht."
    found = incidents(q + "\n" + a, parts=exchange(q, a))
    assert [i.kind for i in found] == ["intrusion"]


def test_yes_no_question_answered_otherwise_states_nothing():
    q = "Vraag 1 Is er bij Bolt Systems ingebroken door APT77?"
    a = "Antwoord op vraag 1\nDaar kan ik niet op ingaan."
    assert incidents(q + "\n" + a, parts=exchange(q, a)) == []


def test_linked_sentence_takes_the_day_of_the_sentence_before():
    text = (
        "Op 3 mei 2025 ontdekte Bolt Systems verdachte activiteit op zijn netwerk. "
        "Daarbij zijn door APT77 klantgegevens buitgemaakt."
    )
    found = incidents(text, answered=date(2025, 6, 1))
    assert [(i.kind, i.date) for i in found] == [("data-theft", date(2025, 5, 3))]


def test_unlinked_sentence_keeps_its_own_undated_event():
    # The day before is a publication's, and nothing ties the next sentence to it.
    text = (
        "Op 3 mei 2025 publiceerde de douane een advies. "
        "Uit onderzoek blijkt dat APT77 klantgegevens van Bolt Systems heeft buitgemaakt."
    )
    found = incidents(text, answered=date(2025, 6, 1))
    assert [(i.kind, i.date) for i in found] == [("data-theft", None)]


def test_notice_of_delay_tells_of_no_event():
    text = (
        "Hierbij deel ik u mede dat de vragen over de hack bij Bolt Systems door APT77 "
        "niet binnen de termijn kunnen worden beantwoord."
    )
    assert incidents(text, parts=[Part("notice", Span(0, len(text)))]) == []


@pytest.mark.parametrize(
    "text",
    [
        "Een cyberincident bij Bolt Systems legde de kassa's stil.",
        "Bij Bolt Systems zijn door APT77 buitgemaakte klantgegevens online gezet.",
        "De chef van Kraan Logistiek is benaderd door een Russische inlichtingendienst.",
        "De AIVD registreerde meerdere ronselpogingen bij Kraan Logistiek.",
        "Een medewerker van Bolt Systems is in Rusland aangeklaagd.",
        "Spionagesoftware is vorig jaar ingezet tegen Anna de Vries.",
        "Een Russisch schip is bij een windpark van Kraan Logistiek waargenomen.",
        "Na de rellen bij de bijeenkomst van Kraan Logistiek greep de Koninklijke Marechaussee in.",
        "Het kantoor van Bolt Systems werd beklad met leuzen uit Rusland.",
    ],
)
def test_round4_more_families(text):
    assert len(incidents(text)) == 1


def test_question_counts_relative_days_from_its_sending():
    q = "Vraag 1 Klopt het dat Bolt Systems gisteren door APT77 is gehackt?"
    a = "Antwoord op vraag 1\nDat klopt."
    found = incidents(
        q + "\n" + a, parts=exchange(q, a), submitted=date(2025, 3, 5), answered=date(2025, 4, 2)
    )
    assert [(i.kind, i.date) for i in found] == [("hack", date(2025, 3, 4))]


@pytest.mark.parametrize(
    "text",
    [
        "Onderzoekers van Bolt Systems schreven artikelen met co-auteurs uit het Russische leger.",
        "Promovendi hebben samen met onderzoekers van een Russische defensie-academie gepubliceerd"
        " over drones van Kraan Logistiek.",
    ],
)
def test_research_ties_are_knowledge_transfer(text):
    assert [i.kind for i in incidents(text)] == ["knowledge-transfer"]


def test_a_report_published_together_is_no_research_tie():
    text = "De douane heeft samen met Bolt Systems een technisch rapport gepubliceerd."
    assert incidents(text) == []


def test_dit_gebeurde_dates_the_event_before():
    found = incidents(
        "APT77 is binnengedrongen bij Bolt Systems. "
        "Dit gebeurde op 2 april 2025, zo meldt de douane."
    )
    assert [(i.kind, i.date) for i in found] == [("intrusion", date(2025, 4, 2))]


def test_dit_gebeurde_with_nothing_before_is_no_event():
    assert incidents("Dit gebeurde op 2 april 2025 bij Bolt Systems.") == []
