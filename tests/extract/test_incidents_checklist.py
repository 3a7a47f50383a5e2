"""Incidents from a checklist of the domain, not from any document.

Hacks, leaks, ransomware, DDoS, espionage, arrests, sabotage, cable damage and
intimidation, each in a few invented sentences with an actor and a date said in
different ways (a full date, "op 3 maart jl.", a month, "eind 2023").

Every sentence here is invented for the test.
"""

from __future__ import annotations

from datetime import date

import pytest
from support import document_with_names

from kamerkg.extract.incidents import extract_incidents

ACTORS = {
    "Nederland": "Country",
    "Rusland": "Country",
    "China": "Country",
    "Iran": "Country",
    "Noord-Korea": "Country",
    "APT29": "ThreatActor",
    "Lazarus": "ThreatActor",
    "NoName057(16)": "ThreatActor",
    "Zandworm": "ThreatActor",
    "AIVD": "GovernmentBody",
    "MIVD": "GovernmentBody",
    "politie": "GovernmentBody",
    "Rijkswaterstaat": "GovernmentBody",
    "ministerie van Defensie": "GovernmentBody",
    "gemeente Eindhoven": "GovernmentBody",
    "Havenbedrijf Rotterdam": "Company",
    "Chipfabriek Zuid": "Company",
    "Universiteit Maasland": "Organisation",
}
ANSWERED = date(2024, 5, 15)


def incidents(text: str):
    document, actors, mentions = document_with_names(text, ACTORS, None, answered=ANSWERED)
    return extract_incidents(document, actors, mentions, [])


# (sentence, an actor the incident must involve, the date it must carry or None)
CHECKLIST = [
    # hacks and intrusions
    (
        "Op 3 maart jl. is het netwerk van het ministerie van Defensie gehackt door APT29.",
        "apt29",
        date(2024, 3, 3),
    ),
    (
        "Hackers van Zandworm zijn in januari 2024 binnengedrongen "
        "in de systemen van Rijkswaterstaat.",
        "zandworm",
        date(2024, 1, 1),
    ),
    (
        "APT29 heeft zich op 12 februari 2024 toegang verschaft tot "
        "de mailservers van de gemeente Eindhoven.",
        "apt29",
        date(2024, 2, 12),
    ),
    (
        "De systemen van de Universiteit Maasland zijn op 8 april "
        "jl. binnengedrongen door onbekende aanvallers.",
        "universiteit-maasland",
        date(2024, 4, 8),
    ),
    # leaks
    (
        "Op 20 maart 2024 zijn vertrouwelijke documenten van het "
        "ministerie van Defensie uitgelekt.",
        "ministerie-van-defensie",
        date(2024, 3, 20),
    ),
    (
        "Bij een datalek bij de gemeente Eindhoven op 5 januari 2024 "
        "zijn persoonsgegevens op straat komen te liggen.",
        "gemeente-eindhoven",
        date(2024, 1, 5),
    ),
    # ransomware
    (
        "Het Havenbedrijf Rotterdam werd op 2 april 2024 getroffen door ransomware.",
        "havenbedrijf-rotterdam",
        date(2024, 4, 2),
    ),
    (
        "Criminelen hebben de bestanden van Chipfabriek Zuid op 9 "
        "februari jl. versleuteld en losgeld geëist.",
        "chipfabriek-zuid",
        date(2024, 2, 9),
    ),
    # DDoS
    (
        "NoName057(16) heeft op 14 maart 2024 DDoS-aanvallen "
        "uitgevoerd op websites van Nederlandse gemeenten.",
        "noname057-16",
        date(2024, 3, 14),
    ),
    (
        "De website van de gemeente Eindhoven was op 6 mei jl. "
        "urenlang onbereikbaar door een overbelastingsaanval.",
        "gemeente-eindhoven",
        date(2024, 5, 6),
    ),
    # espionage
    (
        "De AIVD heeft vastgesteld dat China in september 2023 "
        "Nederlandse chipbedrijven heeft bespioneerd.",
        "china",
        date(2023, 9, 1),
    ),
    (
        "Een medewerker van Chipfabriek Zuid heeft eind 2023 "
        "technische kennis doorgespeeld aan een Russische inlichtingendienst.",
        "chipfabriek-zuid",
        None,
    ),
    (
        "Op 11 januari 2024 bracht een Iraanse agent militaire bases "
        "in kaart, zo ontdekte de MIVD.",
        "mivd",
        date(2024, 1, 11),
    ),
    # arrests
    (
        "Op 4 april 2024 heeft de politie in Rotterdam een man "
        "aangehouden op verdenking van spionage.",
        "politie",
        date(2024, 4, 4),
    ),
    (
        "Twee Russische staatsburgers zijn op 19 februari jl. gearresteerd in Amsterdam.",
        None,
        date(2024, 2, 19),
    ),
    # sabotage and cable damage
    (
        "Op 7 maart 2024 is een onderzeese datakabel bij de Noordzee beschadigd geraakt.",
        None,
        date(2024, 3, 7),
    ),
    (
        "In november 2023 werd een gaspijpleiding in de Oostzee vernield door een scheepsanker.",
        None,
        date(2023, 11, 1),
    ),
    (
        "Rusland wordt verdacht van sabotage op een spoorlijn op 10 april jl.",
        "rusland",
        date(2024, 4, 10),
    ),
    (
        "Een stroomkabel naar het windpark is op 25 januari 2024 doorgesneden.",
        None,
        date(2024, 1, 25),
    ),
    # intimidation
    (
        "Iraanse dissidenten in Nederland zijn in maart 2024 "
        "bedreigd door personen die voor Iran werken.",
        "iran",
        date(2024, 3, 1),
    ),
    (
        "Chinese studenten aan de Universiteit Maasland worden geïntimideerd door China.",
        "china",
        None,
    ),
    (
        "Op 2 februari 2024 werd een journalist in Den Haag gevolgd "
        "en lastiggevallen door agenten van Iran.",
        "iran",
        date(2024, 2, 2),
    ),
    # more phrasings of the same families
    (
        "China heeft in maart 2024 geprobeerd de verkiezingen in "
        "Nederland heimelijk te beïnvloeden.",
        "china",
        date(2024, 3, 1),
    ),
    (
        "Een Russisch vliegtuig heeft op 2 mei jl. het Nederlandse luchtruim geschonden.",
        None,
        date(2024, 5, 2),
    ),
    (
        "Zandworm heeft op 3 februari 2024 een wiper ingezet tegen "
        "de systemen van Rijkswaterstaat.",
        "zandworm",
        date(2024, 2, 3),
    ),
    (
        "Op 8 maart 2024 werd een cyberincident vastgesteld bij de gemeente Eindhoven.",
        "gemeente-eindhoven",
        date(2024, 3, 8),
    ),
    (
        "Op 19 april 2024 werden verdachte activiteiten waargenomen "
        "rond een windpark op de Noordzee.",
        None,
        date(2024, 4, 19),
    ),
    (
        "Iran heeft op 2 februari 2024 een Nederlandse journalist laten ontvoeren.",
        "iran",
        date(2024, 2, 2),
    ),
    (
        "China zet Chinese studenten aan de Universiteit Maasland onder druk om te spioneren.",
        "china",
        None,
    ),
    (
        "Op 5 april 2024 werd een storing in het GPS-signaal gemeld boven de Oostzee door Rusland.",
        "rusland",
        date(2024, 4, 5),
    ),
    (
        "De Russische inlichtingendienst heeft op 14 maart 2024 een "
        "ambtenaar van Rijkswaterstaat benaderd.",
        "rijkswaterstaat",
        date(2024, 3, 14),
    ),
    (
        "Op 3 maart jl. is Rijkswaterstaat slachtoffer geworden van een cyberaanval.",
        "rijkswaterstaat",
        date(2024, 3, 3),
    ),
    (
        "De websites van de gemeente Eindhoven waren op 6 mei jl. "
        "plat door een DDoS-aanval van NoName057(16).",
        "noname057-16",
        date(2024, 5, 6),
    ),
    (
        "Lazarus heeft in maart 2024 cryptovaluta ter waarde van 40 miljoen euro buitgemaakt.",
        "lazarus",
        date(2024, 3, 1),
    ),
    (
        "Op 14 april 2024 werd een medewerker van Chipfabriek Zuid in China vastgezet.",
        "china",
        date(2024, 4, 14),
    ),
    ("Een Iraanse dissident werd op 9 maart jl. in Rotterdam beschoten.", None, date(2024, 3, 9)),
    (
        "Op 30 januari 2024 lekte een intern rapport van de AIVD uit naar de pers.",
        "aivd",
        date(2024, 1, 30),
    ),
    (
        "De e-mailaccounts van ambtenaren van het ministerie van "
        "Defensie zijn op 11 maart 2024 overgenomen door APT29.",
        "apt29",
        date(2024, 3, 11),
    ),
    (
        "De storing in het betalingsverkeer op 23 februari 2024 werd "
        "veroorzaakt door een aanval van Zandworm.",
        "zandworm",
        date(2024, 2, 23),
    ),
    (
        "Op 7 mei 2024 heeft Zandworm de systemen van de gemeente Eindhoven gegijzeld.",
        "zandworm",
        date(2024, 5, 7),
    ),
]


@pytest.mark.parametrize(("text", "actor", "when"), CHECKLIST)
def test_checklist_incident(text, actor, when):
    found = incidents(text)
    assert found, text
    if actor is not None:
        assert any(actor in i.actors for i in found), [i.actors for i in found]
    if when is not None:
        assert when in [i.date for i in found], [i.date for i in found]


# Background, policy and questions: no incident.
NOT_HAPPENED = [
    # "leiding" alone is a leadership, not a pipe.
    "Op 3 mei 2024 is het vertrouwen in de leiding van het bedrijf ernstig beschadigd.",
    "Het risico op spionage door China is groot.",
    "Het kabinet neemt maatregelen om sabotage van onderzeese kabels te voorkomen.",
    "Er zijn geen aanwijzingen dat de gemeente Eindhoven is gehackt.",
]


@pytest.mark.parametrize("text", NOT_HAPPENED)
def test_checklist_no_incident(text):
    assert incidents(text) == [], [(i.kind, i.trigger) for i in incidents(text)]
