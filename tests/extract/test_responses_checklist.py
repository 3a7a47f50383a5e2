"""State responses from a checklist of the domain, not from any document.

Each family of measures Dutch government texts report (sanctions, expulsions,
summoning, condemnation, prosecution, investigations, legislation, use bans,
investment screening and export controls, advice and warnings, cooperation,
resources, vetting, diplomatic talks) with invented sentences whose taker is named
in different ways (a minister by name, "het kabinet", "Nederland", a service, "ik"
and "wij" in a minister's answer, "de EU") and dated in different ways.

Every sentence here is invented for the test.
"""

from __future__ import annotations

from datetime import date

import pytest
from support import document_with_names

from kamerkg.extract.model import Participant
from kamerkg.extract.responses import extract_responses

ACTORS = {
    "Nederland": "Country",
    "Rusland": "Country",
    "China": "Country",
    "Iran": "Country",
    "Belarus": "Country",
    "EU": "GovernmentBody",
    "AIVD": "GovernmentBody",
    "MIVD": "GovernmentBody",
    "NCSC": "GovernmentBody",
    "OM": "GovernmentBody",
    "Openbaar Ministerie": "GovernmentBody",
    "politie": "GovernmentBody",
    "kabinet": "GovernmentBody",
    "Tweede Kamer": "GovernmentBody",
    "Ministerie van Justitie en Veiligheid": "GovernmentBody",
    "Inspectie Justitie en Veiligheid": "GovernmentBody",
    "Bureau Toetsing Investeringen": "GovernmentBody",
    "NAVO": "Organisation",
    "Defensie": "GovernmentBody",
    "ministerie van Defensie": "GovernmentBody",
    "NCTV": "GovernmentBody",
    "douane": "GovernmentBody",
    "Karel Minister": "Person",
    "Petra Jansen": "Person",
}
MINISTER = ["karel-minister", "kabinet", "ministerie-van-justitie-en-veiligheid"]
ANSWERED = date(2024, 5, 15)


def responses(text: str):
    document, actors, mentions = document_with_names(
        text,
        ACTORS,
        None,
        answered=ANSWERED,
        answered_by=[Participant("Karel Minister", office="minister van Justitie en Veiligheid")],
    )
    return extract_responses(document, actors, mentions, [], [])


# (sentence, a taker the response must name, the date it must carry or None)
CHECKLIST = [
    # sanctions
    (
        "De EU heeft op 3 maart jl. zes Russische functionarissen op de sanctielijst gezet.",
        "eu",
        date(2024, 3, 3),
    ),
    ("Nederland heeft de tegoeden van twee Iraanse bedrijven bevroren.", "nederland", None),
    (
        "Het kabinet heeft een inreisverbod opgelegd aan drie Belarussische officieren.",
        "kabinet",
        None,
    ),
    (
        "Wij hebben vorige week nationale sancties ingesteld tegen het netwerk.",
        "karel-minister",
        None,
    ),
    # expulsions and persona non grata
    ("Nederland heeft eind 2023 twee Russische diplomaten uitgewezen.", "nederland", None),
    ("Karel Minister heeft de attaché persona non grata verklaard.", "karel-minister", None),
    (
        "Het kabinet heeft besloten de Russische inlichtingenofficier het land uit te zetten.",
        "kabinet",
        None,
    ),
    # summoning an ambassador
    (
        "Op 12 februari jl. is de Chinese ambassadeur ontboden op het ministerie.",
        None,
        date(2024, 2, 12),
    ),
    ("Ik heb de Iraanse zaakgelastigde laten ontbieden.", "karel-minister", None),
    ("Nederland heeft via een nota verbale bij Rusland geprotesteerd.", "nederland", None),
    ("Het kabinet heeft een démarche uitgevoerd bij de Iraanse autoriteiten.", "kabinet", None),
    # public attribution and condemnation
    ("Het kabinet veroordeelt de cyberaanval op de haven ten stelligste.", "kabinet", None),
    (
        "Nederland spreekt zich samen met de bondgenoten uit tegen deze digitale spionage.",
        "nederland",
        None,
    ),
    ("De EU heeft een gezamenlijke verklaring uitgebracht over de aanvallen.", "eu", None),
    ("Wij roepen China op om deze activiteiten te staken.", "karel-minister", None),
    ("Nederland heeft de aanval publiekelijk toegeschreven aan Rusland.", "nederland", None),
    ("Karel Minister heeft het optreden van Iran scherp veroordeeld.", "karel-minister", None),
    # prosecution and arrests
    (
        "De politie heeft op 4 april 2024 een verdachte aangehouden in Rotterdam.",
        "politie",
        date(2024, 4, 4),
    ),
    ("Het OM heeft de man spionage ten laste gelegd.", "om", None),
    (
        "Het Openbaar Ministerie heeft vorige maand een vervolging "
        "ingesteld tegen twee verdachten.",
        "openbaar-ministerie",
        None,
    ),
    ("Het OM heeft de verdachte gedagvaard wegens het lekken van staatsgeheimen.", "om", None),
    (
        "Het Openbaar Ministerie heeft drie jaar cel geëist tegen de verdachte.",
        "openbaar-ministerie",
        None,
    ),
    # investigations
    (
        "De Inspectie Justitie en Veiligheid start een onderzoek "
        "naar de beveiliging van de systemen.",
        "inspectie-justitie-en-veiligheid",
        None,
    ),
    ("Ik laat onderzoeken hoe de gegevens konden uitlekken.", "karel-minister", None),
    (
        "Het kabinet heeft een onafhankelijke commissie ingesteld om het lek te onderzoeken.",
        "kabinet",
        None,
    ),
    # legislation
    (
        "Het kabinet heeft het wetsvoorstel ter strafbaarstelling "
        "van spionage bij de Tweede Kamer ingediend.",
        "kabinet",
        None,
    ),
    (
        "De Tweede Kamer heeft op 14 mei 2024 het wetsvoorstel aangenomen.",
        "tweede-kamer",
        date(2024, 5, 14),
    ),
    ("Per 1 januari 2025 treedt de nieuwe AMvB in werking.", None, date(2025, 1, 1)),
    (
        "Karel Minister heeft de Tweede Kamer een wijziging van de "
        "Wet op de inlichtingendiensten voorgelegd.",
        "karel-minister",
        None,
    ),
    # procurement and use bans
    (
        "Het kabinet heeft de apps van de leverancier verboden op werktelefoons van ambtenaren.",
        "kabinet",
        None,
    ),
    (
        "Deze camera's mogen niet meer worden gebruikt op "
        "rijksgebouwen, zo heeft het kabinet bepaald.",
        "kabinet",
        None,
    ),
    ("Wij faseren de Chinese apparatuur in de vitale infrastructuur uit.", "karel-minister", None),
    (
        "De AIVD heeft de ministeries geadviseerd af te zien van de aanschaf van deze drones.",
        "aivd",
        None,
    ),
    # investment screening and export controls
    (
        "Het Bureau Toetsing Investeringen heeft de overname op grond van de Wet Vifo getoetst.",
        "bureau-toetsing-investeringen",
        None,
    ),
    (
        "Nederland heeft een licentieplicht ingevoerd voor de export "
        "van geavanceerde chipmachines.",
        "nederland",
        None,
    ),
    ("Het kabinet heeft de exportvergunning voor de lasersystemen geweigerd.", "kabinet", None),
    # security advice and warnings
    (
        "Het NCSC heeft op 2 mei jl. een beveiligingsadvies uitgebracht over de kwetsbaarheid.",
        "ncsc",
        date(2024, 5, 2),
    ),
    ("De AIVD waarschuwt bedrijven voor Chinese spionage via sociale media.", "aivd", None),
    ("De MIVD heeft een nieuw dreigingsbeeld gepubliceerd.", "mivd", None),
    # cooperation
    ("Nederland heeft hierbij nauw samengewerkt met bondgenoten in de NAVO.", "nederland", None),
    ("Het kabinet trekt samen met de EU-partners op tegen deze dreiging.", "kabinet", None),
    ("De AIVD wisselt informatie uit met partnerdiensten.", "aivd", None),
    # extra resources
    (
        "Het kabinet stelt structureel 20 miljoen euro extra "
        "beschikbaar voor de cyberweerbaarheid.",
        "kabinet",
        None,
    ),
    (
        "Wij investeren de komende jaren fors in de bescherming van onderzeese kabels.",
        "karel-minister",
        None,
    ),
    ("Het kabinet heeft extra middelen vrijgemaakt voor de AIVD.", "kabinet", None),
    # vetting and knowledge security
    (
        "Vanaf 2025 geldt een kennisveiligheidstoets voor "
        "onderzoekers uit risicolanden, zo heeft het kabinet besloten.",
        "kabinet",
        None,
    ),
    ("De AIVD screent alle medewerkers op vertrouwensfuncties opnieuw.", "aivd", None),
    # diplomatic talks
    ("Karel Minister heeft dit aangekaart bij zijn Chinese ambtgenoot.", "karel-minister", None),
    (
        "Ik heb de kwestie op 6 maart jl. besproken met mijn Russische collega.",
        "karel-minister",
        date(2024, 3, 6),
    ),
    ("Nederland heeft de zaak opgebracht in de Raad Buitenlandse Zaken.", "nederland", None),
    # more phrasings of the same families
    (
        "Zoals aangegeven in mijn brief van 3 april jl. heeft het kabinet sancties ingesteld.",
        "kabinet",
        None,
    ),
    (
        "In reactie hierop heeft het kabinet de samenwerking met het instituut opgeschort.",
        "kabinet",
        None,
    ),
    ("Hierop is door het kabinet besloten de vergunning in te trekken.", "kabinet", None),
    ("Door Nederland is in EU-verband aangedrongen op nieuwe sancties.", "nederland", None),
    ("Er is door het OM een strafrechtelijk onderzoek ingesteld.", "om", None),
    ("Ik heb het NCSC gevraagd de kwetsbaarheid te onderzoeken.", "karel-minister", None),
    (
        "De Nederlandse ambassadeur heeft de zorgen op 2 mei jl. "
        "overgebracht aan het Chinese ministerie.",
        "nederland",
        date(2024, 5, 2),
    ),
    ("Vorige maand heeft het kabinet nieuwe sancties aangekondigd tegen Iran.", "kabinet", None),
    ("Door de AIVD is een ambtsbericht uitgebracht over de betrokken organisatie.", "aivd", None),
    (
        "Nadat de AIVD had gewaarschuwd, heeft het kabinet de "
        "leverancier uitgesloten van aanbestedingen.",
        "kabinet",
        None,
    ),
    (
        "Ja. Ik heb de Russische ambassadeur op 5 april jl. laten ontbieden.",
        "karel-minister",
        date(2024, 4, 5),
    ),
    (
        "Het kabinet kondigde op 1 maart 2024 een verbod aan op Chinese drones bij de politie.",
        "kabinet",
        date(2024, 3, 1),
    ),
    ("De politie heeft extra surveillance ingesteld rond de Iraanse ambassade.", "politie", None),
    ("Het OM heeft de zaak overgedragen aan de Duitse autoriteiten.", "om", None),
    ("Het kabinet heeft de Chinese investering in de haven tegengehouden.", "kabinet", None),
    (
        "Defensie heeft een tweede fregat naar de Noordzee gestuurd om kabels te beschermen.",
        "defensie",
        None,
    ),
    (
        "Het kabinet reserveert 15 miljoen euro voor de bescherming van de Noordzee.",
        "kabinet",
        None,
    ),
    ("De NCTV heeft het dreigingsniveau vastgesteld op 4.", "nctv", None),
    ("De AIVD heeft de dreiging onderkend en de betrokken bedrijven ingelicht.", "aivd", None),
    ("De EU heeft Russische staatsmedia uit de lucht gehaald.", "eu", None),
    (
        "Het kabinet heeft een nationaal coördinator statelijke dreigingen aangesteld.",
        "kabinet",
        None,
    ),
    (
        "Het ministerie van Defensie heeft de contracten met de Chinese leverancier ontbonden.",
        "ministerie-van-defensie",
        None,
    ),
    ("De douane heeft de zending met dual-use goederen tegengehouden.", "douane", None),
    ("Nederland heeft Rusland om opheldering gevraagd over de drones.", "nederland", None),
    ("Het kabinet heeft zich aangesloten bij de Britse verklaring.", "kabinet", None),
    (
        "Karel Minister heeft op 8 mei jl. een gesprek gevoerd met de Iraanse ambassadeur.",
        "karel-minister",
        date(2024, 5, 8),
    ),
    ("Nederland heeft het advisory van de Five Eyes medeondertekend.", "nederland", None),
    ("Het kabinet heeft alle banden met de Chinese staatsbank verbroken.", "kabinet", None),
    ("Iran heeft Nederland verzocht de betrokkenen uit te leveren.", "iran", None),
    (
        "Nederland heeft de Europese richtlijn vorig jaar volledig geïmplementeerd.",
        "nederland",
        None,
    ),
    ("De Iraanse regering heeft de Nederlandse ambassadeur ontboden.", "iran", None),
    ("Ik heb mijn Chinese ambtgenoot hierop aangesproken.", "karel-minister", None),
    (
        "De MIVD heeft op 2 mei jl. een Russisch marineschip door de Noordzee begeleid.",
        "mivd",
        date(2024, 5, 2),
    ),
    ("Het kabinet heeft Iraanse toestellen boven de Golf laten onderscheppen.", "kabinet", None),
    (
        "Het kabinet keurt de intimidatie van Oeigoeren in Nederland ten zeerste af.",
        "kabinet",
        None,
    ),
    (
        "Karel Minister heeft de aanval op de journalist onaanvaardbaar genoemd.",
        "karel-minister",
        None,
    ),
    ("Nederland heeft voorzorgsmaatregelen genomen rond de eigen ambassade.", "nederland", None),
    ("Het kabinet zet zich in EU-verband in voor een nieuw sanctiepakket.", "kabinet", None),
    ("Nederland zet in op een gezamenlijke Europese aanpak van beïnvloeding.", "nederland", None),
    ("De politie doet onderzoek naar de bedreigingen van de journalisten.", "politie", None),
    (
        "Het Openbaar Ministerie is een strafrechtelijk onderzoek gestart naar de spionage.",
        "openbaar-ministerie",
        None,
    ),
    (
        "De AIVD voert veiligheidsonderzoeken uit naar kandidaten voor gevoelige functies.",
        "aivd",
        None,
    ),
    (
        "De Russische diplomaat moet binnen twee weken het land "
        "verlaten, zo heeft het kabinet besloten.",
        "kabinet",
        None,
    ),
    (
        "Nederland heeft op 9 april jl. een memorandum ondertekend "
        "met de Baltische staten over kabelbescherming.",
        "nederland",
        date(2024, 4, 9),
    ),
    (
        "Het kabinet heeft de overname van de chipfabrikant "
        "afgewezen op grond van de nationale veiligheid.",
        "kabinet",
        None,
    ),
    ("Wij hebben direct ingegrepen om de systemen te beveiligen.", "karel-minister", None),
    (
        "Op verzoek van Nederland werd in Spanje een arrestatiebevel uitgevaardigd.",
        "nederland",
        None,
    ),
    (
        "Karel Minister heeft de kwestie opgenomen met de Chinese autoriteiten.",
        "karel-minister",
        None,
    ),
    (
        "Het kabinet weert Chinese leveranciers uit de kern van de telecomnetwerken.",
        "kabinet",
        None,
    ),
    (
        "De Tweede Kamer heeft vorige maand een wetswijziging "
        "aangenomen die heimelijke beïnvloeding strafbaar maakt.",
        "tweede-kamer",
        None,
    ),
    (
        "Petra Jansen heeft namens het kabinet haar ernstige "
        "bezorgdheid uitgesproken tegenover de Iraanse ambassadeur.",
        "petra-jansen",
        None,
    ),
]


@pytest.mark.parametrize(("text", "by", "when"), CHECKLIST)
def test_checklist_response(text, by, when):
    found = responses(text)
    assert found, text
    if by is not None:
        assert any(by in r.by for r in found), [r.by for r in found]
    if when is not None:
        assert when in [r.date for r in found], [r.date for r in found]


# Measures only asked about, supposed, refused or named as a topic: no response.
NOT_TAKEN = [
    "Het kabinet acht een verbod op deze apparatuur op dit moment niet opportuun.",
    "Een plicht om de camera's te vervangen vindt het kabinet niet proportioneel.",
    "Het kabinet is niet voornemens sancties in te stellen.",
    "Er zijn tot op heden geen sancties ingesteld tegen de betrokkenen.",
    "Waarom heeft het kabinet de ambassadeur niet ontboden?",
    "Mocht daartoe aanleiding zijn, dan zal het kabinet maatregelen nemen.",
    "Of Nederland zich bij de verklaring aansluit, wordt per geval bezien.",
    "Hoe de sancties worden vormgegeven, bespreekt het kabinet met de EU-partners.",
    "Bent u bereid de Russische ambassadeur te ontbieden?",
    "Overweegt u sancties in te stellen tegen de betrokken functionarissen?",
    "Indien nodig zal het kabinet extra middelen beschikbaar stellen.",
    "Het kabinet ziet geen aanleiding om een onderzoek te starten.",
    "De Kamer zou de minister kunnen oproepen om de apps te verbieden.",
    "Het roept vragen op over de veiligheid van de apparatuur.",
    "Kunt u aangeven of Nederland samenwerkt met de NAVO op dit terrein?",
    "Is het waar dat de politie niemand heeft aangehouden?",
]


@pytest.mark.parametrize("text", NOT_TAKEN)
def test_checklist_measure_not_taken(text):
    assert responses(text) == [], [(r.kind, r.trigger) for r in responses(text)]


def test_a_demonstrative_before_a_verb_trigger_names_another_thing():
    text = "De AIVD heeft een verklaring uitgebracht. Wij hebben Iran na dit bericht ontboden."
    assert [r.kind for r in responses(text)] == ["statement", "diplomatic"]


def test_a_weak_cue_without_taker_leaves_its_words_to_a_strong_one():
    found = responses("Een inspectie heeft een onderzoek ingesteld naar de beveiliging.")
    assert [r.kind for r in found] == ["investigation"]


def test_a_yes_no_question_on_a_state_asks_whether_it_acted():
    assert responses("Heeft het kabinet zich ingezet voor een verbod op deze apps?") == []
    # A question reporting a measure stays one.
    found = responses("Is het kabinet bekend met het bericht dat de EU sancties heeft ingesteld?")
    assert [r.kind for r in found] == ["sanction"]


def test_a_question_asking_for_a_measure_keeps_one_it_reports_in_a_relative_clause():
    text = (
        "Kunt u bevestigen dat het bedrijf een dochter is van een staatsconcern, dat in "
        "Iran op een sanctielijst staat vanwege wapenleveranties?"
    )
    found = responses(text)
    assert [(r.kind, r.by) for r in found] == [("sanction", ["iran"])]
    # The measure the question asks for is still no response.
    assert responses("Kunt u aangeven, nu het debat loopt, of Nederland sancties instelt?") == []
    assert (
        responses("Bent u bereid, nadat de EU dit heeft besproken, sancties in te stellen?") == []
    )
