"""A checklist of the ways Dutch news and government prose states each relation.

Worked out from Dutch grammar rather than from documents: for every predicate the common
constructions (verbs active and passive, nouns, appositions, parentheses, relative clauses,
compounds), in main, subordinate (verb-last) and question clauses, with coordination and
names that carry an adjective or title. Every sentence and every company, group and body
name is invented; the states are real.
"""

from __future__ import annotations

import pytest
from support import claim_triples

ACTORS = {
    "Korvex Telecom": "Company",
    "Mirabel Data": "Company",
    "Orvani Systems": "Company",
    "Tessaly Cloud": "Company",
    "Quellon Networks": "Company",
    "APT61": "ThreatActor",
    "Koperslang": "ThreatActor",
    "Grijze Kraai": "ThreatActor",
    "Dienst Noordwacht": "GovernmentBody",
    "Rijkswaterschap Delta": "GovernmentBody",
    "ministerie van Staatsveiligheid": "GovernmentBody",
    "Volksbevrijdingsleger": "GovernmentBody",
    "ministerie van Defensie": "GovernmentBody",
    "gemeente Veldhaven": "GovernmentBody",
    "Stichting Open Grens": "Organisation",
    "Universiteit van Zuidhaven": "Organisation",
    "Vereniging Lichtbaken": "Organisation",
    "Rusland": "Country",
    "China": "Country",
    "Iran": "Country",
    "Noord-Korea": "Country",
    "Nederland": "Country",
    "Pieter Kalff": "Person",
    "Zhou Lan": "Person",
    "Partij van de Eenheid": "PoliticalParty",
}


def triples(text: str) -> set[tuple[str, str, str, str]]:
    return claim_triples(text, ACTORS)


def rel(text: str) -> set[tuple[str, str, str]]:
    return {t[:3] for t in triples(text)}


def _cases(table: list[tuple[str, list[tuple[str, str, str]]]]) -> list:
    return [pytest.param(text, expected, id=f"{i:02d}") for i, (text, expected) in enumerate(table)]


AFFILIATED = [
    # apposition with a part noun
    (
        "Korvex Telecom, een dochteronderneming van Mirabel Data, levert routers aan gemeenten.",
        [("korvex-telecom", "affiliatedWith", "mirabel-data")],
    ),
    (
        "Volgens de inspectie is Korvex Telecom sinds 2019 een volle dochter van Mirabel Data.",
        [("korvex-telecom", "affiliatedWith", "mirabel-data")],
    ),
    (
        "Stichting Open Grens, een dekmantel van de Dienst Noordwacht, organiseert lezingen.",
        [("stichting-open-grens", "affiliatedWith", "dienst-noordwacht")],
    ),
    (
        "Stichting Open Grens is in werkelijkheid een frontorganisatie van de Dienst Noordwacht.",
        [("stichting-open-grens", "affiliatedWith", "dienst-noordwacht")],
    ),
    (
        "Orvani Systems is een onderdeel van Mirabel Data.",
        [("orvani-systems", "affiliatedWith", "mirabel-data")],
    ),
    # "valt onder", "is in handen van", parenthesis
    (
        "Orvani Systems valt sinds vorig jaar onder Mirabel Data.",
        [("orvani-systems", "affiliatedWith", "mirabel-data")],
    ),
    (
        "Orvani Systems is volledig in handen van China.",
        [("orvani-systems", "affiliatedWith", "china")],
    ),
    (
        "De camera's komen van Orvani Systems (eigendom van Mirabel Data) uit Shenzhen.",
        [("orvani-systems", "affiliatedWith", "mirabel-data")],
    ),
    (
        "De gemeente kocht software van Orvani Systems (een dochter van Mirabel Data).",
        [("orvani-systems", "affiliatedWith", "mirabel-data")],
    ),
    # participle before the noun
    (
        "Het aan de Dienst Noordwacht gelieerde Stichting Open Grens huurt een zaal.",
        [("stichting-open-grens", "affiliatedWith", "dienst-noordwacht")],
    ),
    (
        "Het door China gecontroleerde Orvani Systems bouwt een datacentrum.",
        [("orvani-systems", "affiliatedWith", "china")],
    ),
    # relative clause
    (
        "Stichting Open Grens, dat nauwe banden heeft met de Dienst Noordwacht, zoekt leden.",
        [("stichting-open-grens", "affiliatedWith", "dienst-noordwacht")],
    ),
    (
        "Het gaat om Orvani Systems, dat eigendom is van Mirabel Data.",
        [("orvani-systems", "affiliatedWith", "mirabel-data")],
    ),
    # works for / on behalf of
    (
        "Pieter Kalff werkt sinds 2020 voor Mirabel Data.",
        [("pieter-kalff", "affiliatedWith", "mirabel-data")],
    ),
    (
        "Stichting Open Grens werkt in opdracht van de Dienst Noordwacht.",
        [("stichting-open-grens", "attributedTo", "dienst-noordwacht")],
    ),
    # founded, financed, connected
    (
        "Orvani Systems, opgericht door Mirabel Data, levert camera's aan scholen.",
        [("orvani-systems", "affiliatedWith", "mirabel-data")],
    ),
    (
        # a body funding or steering a foundation or company ties them (affiliatedWith),
        # in either word order; only a threat actor is attributed to its sponsor
        "Stichting Open Grens wordt grotendeels gefinancierd door de Dienst Noordwacht.",
        [("stichting-open-grens", "affiliatedWith", "dienst-noordwacht")],
    ),
    (
        "Zhou Lan is als onderzoeker verbonden aan de Universiteit van Zuidhaven.",
        [("zhou-lan", "affiliatedWith", "universiteit-van-zuidhaven")],
    ),
    (
        "Zhou Lan, onderzoeker aan de Universiteit van Zuidhaven, werd ondervraagd.",
        [("zhou-lan", "affiliatedWith", "universiteit-van-zuidhaven")],
    ),
    # subordinate clause, verb last
    (
        "Uit het onderzoek blijkt dat Orvani Systems onder controle van Mirabel Data staat.",
        [("orvani-systems", "affiliatedWith", "mirabel-data")],
    ),
    (
        "Ik weet dat Stichting Open Grens door de Dienst Noordwacht wordt gefinancierd.",
        [("stichting-open-grens", "affiliatedWith", "dienst-noordwacht")],
    ),
    (
        "Het is bekend dat Korvex Telecom in handen is van Mirabel Data.",
        [("korvex-telecom", "affiliatedWith", "mirabel-data")],
    ),
    # coordination
    (
        "Korvex Telecom en Orvani Systems zijn dochterondernemingen van Mirabel Data.",
        [
            ("korvex-telecom", "affiliatedWith", "mirabel-data"),
            ("orvani-systems", "affiliatedWith", "mirabel-data"),
        ],
    ),
    (
        "Korvex Telecom is gelieerd aan Mirabel Data en aan het Volksbevrijdingsleger.",
        [
            ("korvex-telecom", "affiliatedWith", "mirabel-data"),
            ("korvex-telecom", "affiliatedWith", "volksbevrijdingsleger"),
        ],
    ),
    # compounds and adjectives
    (
        "Het Chinese staatsbedrijf Orvani Systems opent een kantoor in Eindhoven.",
        [("orvani-systems", "affiliatedWith", "china")],
    ),
    (
        "Medewerkers van Orvani Systems, een Chinees staatsbedrijf, bezochten de haven.",
        [("orvani-systems", "affiliatedWith", "china")],
    ),
    (
        "De Mirabel Data-dochter Korvex Telecom bouwt zendmasten.",
        [("korvex-telecom", "affiliatedWith", "mirabel-data")],
    ),
    (
        "Orvani Systems is een dochteronderneming van het Chinese staatsconcern Mirabel Data.",
        [("orvani-systems", "affiliatedWith", "mirabel-data")],
    ),
    (
        "Korvex Telecom heeft nauwe banden met het Volksbevrijdingsleger.",
        [("korvex-telecom", "affiliatedWith", "volksbevrijdingsleger")],
    ),
    (
        "Mirabel Data is de moedermaatschappij van Korvex Telecom.",
        [("korvex-telecom", "affiliatedWith", "mirabel-data")],
    ),
    (
        "Vorig jaar nam Mirabel Data het Duitse Orvani Systems over.",
        [("orvani-systems", "affiliatedWith", "mirabel-data")],
    ),
    (
        "Pieter Kalff, directeur van Korvex Telecom, sprak de commissie toe.",
        [("pieter-kalff", "affiliatedWith", "korvex-telecom")],
    ),
    (
        "Korvex Telecom-topman Pieter Kalff sprak de commissie toe.",
        [("pieter-kalff", "affiliatedWith", "korvex-telecom")],
    ),
    # second round: coordination on the right, more nouns and verbs of control
    (
        "Mirabel Data is eigenaar van Korvex Telecom en Orvani Systems.",
        [
            ("korvex-telecom", "affiliatedWith", "mirabel-data"),
            ("orvani-systems", "affiliatedWith", "mirabel-data"),
        ],
    ),
    (
        "Stichting Open Grens is een verlengstuk van de Dienst Noordwacht.",
        [("stichting-open-grens", "affiliatedWith", "dienst-noordwacht")],
    ),
    (
        "Stichting Open Grens fungeert als spreekbuis van de Dienst Noordwacht.",
        [("stichting-open-grens", "affiliatedWith", "dienst-noordwacht")],
    ),
    (
        "Stichting Open Grens treedt in Europa op namens de Dienst Noordwacht.",
        [("stichting-open-grens", "affiliatedWith", "dienst-noordwacht")],
    ),
    (
        "Pieter Kalff zit sinds maart in de raad van bestuur van Mirabel Data.",
        [("pieter-kalff", "affiliatedWith", "mirabel-data")],
    ),
    (
        "Mirabel Data heeft een belang van 40 procent in Korvex Telecom.",
        [("korvex-telecom", "affiliatedWith", "mirabel-data")],
    ),
    (
        "Mirabel Data bezit het Belgische Korvex Telecom.",
        [("korvex-telecom", "affiliatedWith", "mirabel-data")],
    ),
    (
        "Stichting Open Grens wordt aangestuurd vanuit de Dienst Noordwacht.",
        [("stichting-open-grens", "affiliatedWith", "dienst-noordwacht")],
    ),
    (
        "Stichting Open Grens, dat Tessaly Cloud als klant heeft, werd door APT61 gehackt.",
        [("apt61", "targeted", "stichting-open-grens")],
    ),
    # persons in a group or a service
    (
        "Zhou Lan, een hacker van APT61, werd aangeklaagd.",
        [("zhou-lan", "affiliatedWith", "apt61")],
    ),
    (
        "De Amerikaanse justitie klaagde Zhou Lan en Pieter Kalff aan, twee leden van APT61.",
        [("zhou-lan", "affiliatedWith", "apt61"), ("pieter-kalff", "affiliatedWith", "apt61")],
    ),
    ("Zhou Lan maakt al jaren deel uit van APT61.", [("zhou-lan", "affiliatedWith", "apt61")]),
    ("Zhou Lan behoort sinds 2019 tot APT61.", [("zhou-lan", "affiliatedWith", "apt61")]),
    (
        "Dienst Noordwacht-agent Zhou Lan reisde naar Den Haag.",
        [("zhou-lan", "affiliatedWith", "dienst-noordwacht")],
    ),
    (
        "Zhou Lan, een officier van de Dienst Noordwacht, reisde naar Den Haag.",
        [("zhou-lan", "affiliatedWith", "dienst-noordwacht")],
    ),
    # fifth round: relative clauses after a list, long titles, more company nouns
    (
        "Nederland legde sancties op aan Zhou Lan en Pieter Kalff, die volgens de Britse "
        "regering voor APT61 werkzaam zijn.",
        [("zhou-lan", "affiliatedWith", "apt61"), ("pieter-kalff", "affiliatedWith", "apt61")],
    ),
    (
        "Zhou Lan werkt sinds 2018 voor APT61.",
        [("zhou-lan", "affiliatedWith", "apt61")],
    ),
    (
        "Volgens de AIVD is Zhou Lan, een officier van de Russische militaire inlichtingendienst "
        "Dienst Noordwacht, ontmaskerd.",
        [("zhou-lan", "affiliatedWith", "dienst-noordwacht")],
    ),
    (
        "Orvani Systems diende daarbij naar verluidt als dekmantel voor APT61.",
        [("orvani-systems", "affiliatedWith", "apt61")],
    ),
    (
        "Kunt u bevestigen dat Orvani Systems een dochteronderneming is van het staatsconcern "
        "Mirabel Data (MD), dat op een sanctielijst staat?",
        [("orvani-systems", "affiliatedWith", "mirabel-data")],
    ),
    (
        "Deelt u de zorg dat Orvani Systems, de Chinese staatsrederij die veel schepen heeft, "
        "inzicht krijgt?",
        [("orvani-systems", "affiliatedWith", "china")],
    ),
    (
        "De Chinese app Tessaly Cloud is populair onder scholieren.",
        [("tessaly-cloud", "affiliatedWith", "china")],
    ),
]

ATTRIBUTED = [
    (
        "Koperslang wordt door Nederland toegeschreven aan Rusland.",
        [("koperslang", "attributedTo", "rusland")],
    ),
    ("APT61 wordt toegeschreven aan China.", [("apt61", "attributedTo", "china")]),
    (
        "Achter Koperslang zit Rusland, zo stelt de dienst.",
        [("koperslang", "attributedTo", "rusland")],
    ),
    ("Rusland zit achter Koperslang.", [("koperslang", "attributedTo", "rusland")]),
    (
        "Koperslang handelt in opdracht van het ministerie van Staatsveiligheid.",
        [("koperslang", "attributedTo", "ministerie-van-staatsveiligheid")],
    ),
    (
        "Nederland attribueert Koperslang aan Rusland.",
        [("koperslang", "attributedTo", "rusland")],
    ),
    (
        "Koperslang, dat aan Rusland wordt gelinkt, viel een waterschap aan.",
        [("koperslang", "attributedTo", "rusland")],
    ),
    (
        "Koperslang staat onder controle van het Volksbevrijdingsleger.",
        [("koperslang", "attributedTo", "volksbevrijdingsleger")],
    ),
    (
        "Koperslang, de cyberafdeling van de Dienst Noordwacht, is zeer actief.",
        [("koperslang", "attributedTo", "dienst-noordwacht")],
    ),
    (
        "Koperslang is een eenheid van het ministerie van Staatsveiligheid.",
        [("koperslang", "attributedTo", "ministerie-van-staatsveiligheid")],
    ),
    ("De Chinese hackersgroep APT61 is al jaren actief.", [("apt61", "attributedTo", "china")]),
    ("APT61 is een Chinese statelijke actor.", [("apt61", "attributedTo", "china")]),
    (
        "Het Volksbevrijdingsleger is verantwoordelijk voor Koperslang.",
        [("koperslang", "attributedTo", "volksbevrijdingsleger")],
    ),
    (
        "Het kabinet houdt Rusland verantwoordelijk voor de acties van Koperslang.",
        [("koperslang", "attributedTo", "rusland")],
    ),
    (
        "De AIVD stelt vast dat Koperslang onder het ministerie van Staatsveiligheid valt.",
        [("koperslang", "attributedTo", "ministerie-van-staatsveiligheid")],
    ),
    (
        "Bent u bekend met het bericht dat APT61 wordt aangestuurd door de Dienst Noordwacht?",
        [("apt61", "attributedTo", "dienst-noordwacht")],
    ),
    (
        "Klopt het dat Koperslang en Grijze Kraai in opdracht van Rusland werken?",
        [("koperslang", "attributedTo", "rusland"), ("grijze-kraai", "attributedTo", "rusland")],
    ),
    (
        "De groep Grijze Kraai wordt gezien als een verlengstuk van Iran.",
        [("grijze-kraai", "attributedTo", "iran")],
    ),
    (
        "De Noord-Koreaanse groep Grijze Kraai stal cryptovaluta.",
        [("grijze-kraai", "attributedTo", "noord-korea")],
    ),
    (
        "Grijze Kraai, dat door Iran wordt gefinancierd, zocht contact met activisten.",
        [("grijze-kraai", "attributedTo", "iran")],
    ),
    (
        "Grijze Kraai werkt voor de Iraanse inlichtingendienst Dienst Noordwacht.",
        [("grijze-kraai", "attributedTo", "dienst-noordwacht")],
    ),
    (
        "Het Chinese ministerie van Staatsveiligheid stuurt Koperslang rechtstreeks aan.",
        [("koperslang", "attributedTo", "ministerie-van-staatsveiligheid")],
    ),
    (
        "Het ministerie van Staatsveiligheid is de opdrachtgever van Koperslang.",
        [("koperslang", "attributedTo", "ministerie-van-staatsveiligheid")],
    ),
    (
        "De opdrachtgever van Koperslang is volgens de AIVD het ministerie van Staatsveiligheid.",
        [("koperslang", "attributedTo", "ministerie-van-staatsveiligheid")],
    ),
    (
        "Koperslang is een instrument van de Russische staat.",
        [("koperslang", "attributedTo", "rusland")],
    ),
    (
        "Koperslang treedt op namens het ministerie van Staatsveiligheid.",
        [("koperslang", "attributedTo", "ministerie-van-staatsveiligheid")],
    ),
    # sixth round: active linking verbs, responsibility for a group's acts, appositions
    (
        "Het kabinet is van oordeel dat Rusland verantwoordelijk is voor de activiteiten van "
        "Koperslang.",
        [("koperslang", "attributedTo", "rusland")],
    ),
    (
        "De Amerikaanse autoriteiten linken Koperslang aan Iran.",
        [("koperslang", "attributedTo", "iran")],
    ),
    (
        "Onderzoekers koppelen APT61 aan het ministerie van Staatsveiligheid.",
        [("apt61", "attributedTo", "ministerie-van-staatsveiligheid")],
    ),
    (
        "Het Dagblad koppelt Orvani Systems aan het Volksbevrijdingsleger.",
        [("orvani-systems", "affiliatedWith", "volksbevrijdingsleger")],
    ),
    (
        "Koperslang, een door Rusland gesteunde groep, viel Tessaly Cloud aan.",
        [("koperslang", "attributedTo", "rusland"), ("koperslang", "targeted", "tessaly-cloud")],
    ),
    (
        "Koperslang geldt als een verlengstuk van de Russische militaire inlichtingendienst "
        "Dienst Noordwacht.",
        [("koperslang", "attributedTo", "dienst-noordwacht")],
    ),
]

TARGETED = [
    (
        "APT61 viel vorige week het ministerie van Defensie aan.",
        [("apt61", "targeted", "ministerie-van-defensie")],
    ),
    (
        "Het ministerie van Defensie werd aangevallen door APT61.",
        [("apt61", "targeted", "ministerie-van-defensie")],
    ),
    (
        "De aanval van APT61 op Rijkswaterschap Delta duurde drie dagen.",
        [("apt61", "targeted", "rijkswaterschap-delta")],
    ),
    (
        "Rijkswaterschap Delta was het doelwit van APT61.",
        [("apt61", "targeted", "rijkswaterschap-delta")],
    ),
    (
        "Rijkswaterschap Delta werd in maart slachtoffer van Koperslang.",
        [("koperslang", "targeted", "rijkswaterschap-delta")],
    ),
    (
        "De campagne van APT61 was gericht tegen Tessaly Cloud.",
        [("apt61", "targeted", "tessaly-cloud")],
    ),
    (
        "APT61 wist binnen te dringen in de systemen van Rijkswaterschap Delta.",
        [("apt61", "targeted", "rijkswaterschap-delta")],
    ),
    (
        "Gegevens van Tessaly Cloud zijn buitgemaakt door APT61.",
        [("apt61", "targeted", "tessaly-cloud")],
    ),
    (
        "Rijkswaterschap Delta werd vorige maand getroffen door Koperslang.",
        [("koperslang", "targeted", "rijkswaterschap-delta")],
    ),
    (
        "APT61 heeft het vooral gemunt op Tessaly Cloud.",
        [("apt61", "targeted", "tessaly-cloud")],
    ),
    ("APT61 stal de broncode van Tessaly Cloud.", [("apt61", "targeted", "tessaly-cloud")]),
    (
        "APT61 stuurde phishingmails naar medewerkers van Tessaly Cloud.",
        [("apt61", "targeted", "tessaly-cloud")],
    ),
    (
        "Een phishingcampagne van APT61 tegen Tessaly Cloud werd in mei ontdekt.",
        [("apt61", "targeted", "tessaly-cloud")],
    ),
    (
        "Rusland bespioneerde jarenlang de Universiteit van Zuidhaven.",
        [("rusland", "targeted", "universiteit-van-zuidhaven")],
    ),
    (
        "De NCSC meldt dat APT61 Tessaly Cloud heeft gehackt.",
        [("apt61", "targeted", "tessaly-cloud")],
    ),
    (
        "Klopt het dat Koperslang de servers van Quellon Networks heeft gehackt?",
        [("koperslang", "targeted", "quellon-networks")],
    ),
    (
        "APT61 en Koperslang vielen in 2023 Tessaly Cloud aan.",
        [("apt61", "targeted", "tessaly-cloud"), ("koperslang", "targeted", "tessaly-cloud")],
    ),
    (
        "APT61 hackte Tessaly Cloud en Quellon Networks.",
        [("apt61", "targeted", "tessaly-cloud"), ("apt61", "targeted", "quellon-networks")],
    ),
    (
        "Tessaly Cloud is gehackt door de Chinese groep APT61.",
        [("apt61", "targeted", "tessaly-cloud")],
    ),
    (
        "Sinds 2021 voert Koperslang cyberaanvallen uit op Rijkswaterschap Delta.",
        [("koperslang", "targeted", "rijkswaterschap-delta")],
    ),
    (
        "Koperslang richtte zich op de gemeente Veldhaven.",
        [("koperslang", "targeted", "gemeente-veldhaven")],
    ),
    (
        "Koperslang heeft geprobeerd de netwerken van de gemeente Veldhaven binnen te dringen.",
        [("koperslang", "targeted", "gemeente-veldhaven")],
    ),
    (
        "Iran heeft Vereniging Lichtbaken geïntimideerd.",
        [("iran", "targeted", "vereniging-lichtbaken")],
    ),
    (
        "Leden van Vereniging Lichtbaken worden bedreigd door Iran.",
        [("iran", "targeted", "vereniging-lichtbaken")],
    ),
    (
        "De hack op Quellon Networks wordt toegeschreven aan APT61.",
        [("apt61", "targeted", "quellon-networks")],
    ),
    (
        "Bij de inbraak bij Quellon Networks maakte APT61 klantgegevens buit.",
        [("apt61", "targeted", "quellon-networks")],
    ),
    (
        "Quellon Networks, dat in 2022 door APT61 werd gehackt, levert aan banken.",
        [("apt61", "targeted", "quellon-networks")],
    ),
    (
        "Koperslang legde de systemen van Rijkswaterschap Delta plat.",
        [("koperslang", "targeted", "rijkswaterschap-delta")],
    ),
    (
        "Koperslang heeft Rijkswaterschap Delta in het vizier.",
        [("koperslang", "targeted", "rijkswaterschap-delta")],
    ),
    (
        "Koperslang is een Russische hackersgroep die Tessaly Cloud aanviel.",
        [("koperslang", "targeted", "tessaly-cloud")],
    ),
    (
        "De groep Koperslang, die banden heeft met Rusland, viel Tessaly Cloud aan.",
        [("koperslang", "targeted", "tessaly-cloud"), ("koperslang", "attributedTo", "rusland")],
    ),
    (
        "Tessaly Cloud werd gehackt door APT61 en Koperslang.",
        [("apt61", "targeted", "tessaly-cloud"), ("koperslang", "targeted", "tessaly-cloud")],
    ),
    # fourth round: more verbs and nouns of attack, theft and pressure
    (
        "Koperslang had het voorzien op de Universiteit van Zuidhaven.",
        [("koperslang", "targeted", "universiteit-van-zuidhaven")],
    ),
    (
        "De ddos-aanvallen van Koperslang troffen de gemeente Veldhaven.",
        [("koperslang", "targeted", "gemeente-veldhaven")],
    ),
    (
        "Iran probeerde Zhou Lan te vermoorden.",
        [("iran", "targeted", "zhou-lan")],
    ),
    (
        "Iran ronselde criminelen om Zhou Lan te bedreigen.",
        [("iran", "targeted", "zhou-lan")],
    ),
    (
        "De Dienst Noordwacht hield Zhou Lan maandenlang in de gaten.",
        [("dienst-noordwacht", "targeted", "zhou-lan")],
    ),
    (
        "APT61 wist toegang te krijgen tot de systemen van Tessaly Cloud.",
        [("apt61", "targeted", "tessaly-cloud")],
    ),
    (
        "APT61 verschafte zich toegang tot het netwerk van Tessaly Cloud.",
        [("apt61", "targeted", "tessaly-cloud")],
    ),
    (
        "APT61 infiltreerde in het netwerk van het ministerie van Defensie.",
        [("apt61", "targeted", "ministerie-van-defensie")],
    ),
    (
        "Medewerkers van Tessaly Cloud ontvingen phishingmails van APT61.",
        [("apt61", "targeted", "tessaly-cloud")],
    ),
    (
        "Tessaly Cloud kreeg te maken met een ransomwareaanval van Koperslang.",
        [("koperslang", "targeted", "tessaly-cloud")],
    ),
    (
        "Koperslang voerde een ransomwareaanval uit op Tessaly Cloud.",
        [("koperslang", "targeted", "tessaly-cloud")],
    ),
    (
        "Koperslang versleutelde de bestanden van Tessaly Cloud.",
        [("koperslang", "targeted", "tessaly-cloud")],
    ),
    (
        "Koperslang zette Tessaly Cloud onder druk.",
        [("koperslang", "targeted", "tessaly-cloud")],
    ),
    (
        "Koperslang chanteerde Pieter Kalff.",
        [("koperslang", "targeted", "pieter-kalff")],
    ),
]

USES = [
    (
        "Rijkswaterschap Delta gebruikt camera's van Orvani Systems.",
        [("rijkswaterschap-delta", "uses", "orvani-systems")],
    ),
    (
        "Rijkswaterschap Delta maakt gebruik van Tessaly Cloud.",
        [("rijkswaterschap-delta", "uses", "tessaly-cloud")],
    ),
    (
        "De gemeente Veldhaven zet drones van Orvani Systems in bij evenementen.",
        [("gemeente-veldhaven", "uses", "orvani-systems")],
    ),
    (
        "Rijkswaterschap Delta bestuurt de sluizen met behulp van software van Orvani Systems.",
        [("rijkswaterschap-delta", "uses", "orvani-systems")],
    ),
    (
        "Het ministerie van Defensie huurde Tessaly Cloud in voor de opslag.",
        [("ministerie-van-defensie", "uses", "tessaly-cloud")],
    ),
    (
        "Rijkswaterschap Delta werkt al jaren met apparatuur van Korvex Telecom.",
        [("rijkswaterschap-delta", "uses", "korvex-telecom")],
    ),
    (
        "Bij Rijkswaterschap Delta staat apparatuur van Korvex Telecom.",
        [("rijkswaterschap-delta", "uses", "korvex-telecom")],
    ),
    (
        "Er zijn bij de gemeente Veldhaven camera's van Orvani Systems geplaatst.",
        [("gemeente-veldhaven", "uses", "orvani-systems")],
    ),
    (
        "Klopt het dat het ministerie van Defensie software van Tessaly Cloud gebruikt?",
        [("ministerie-van-defensie", "uses", "tessaly-cloud")],
    ),
    (
        "Rusland zet Koperslang in tegen Europese havens.",
        [("rusland", "uses", "koperslang")],
    ),
    (
        "Iran schakelde Grijze Kraai in om dissidenten te volgen.",
        [("iran", "uses", "grijze-kraai")],
    ),
    (
        "Het ministerie van Defensie is al jaren klant van Tessaly Cloud.",
        [("ministerie-van-defensie", "uses", "tessaly-cloud")],
    ),
    (
        "Tessaly Cloud levert de servers aan het ministerie van Defensie.",
        [("ministerie-van-defensie", "uses", "tessaly-cloud")],
    ),
    (
        "Het ministerie van Defensie heeft in 2021 drones van Orvani Systems aangeschaft.",
        [("ministerie-van-defensie", "uses", "orvani-systems")],
    ),
    (
        "Rijkswaterschap Delta en de gemeente Veldhaven gebruiken Tessaly Cloud.",
        [
            ("rijkswaterschap-delta", "uses", "tessaly-cloud"),
            ("gemeente-veldhaven", "uses", "tessaly-cloud"),
        ],
    ),
    # third round: other verbs and nouns of use, inverted and question order
    (
        "Camera's van Orvani Systems zijn in gebruik bij de gemeente Veldhaven.",
        [("gemeente-veldhaven", "uses", "orvani-systems")],
    ),
    (
        "Het ministerie van Defensie sloot in 2021 een contract met Tessaly Cloud.",
        [("ministerie-van-defensie", "uses", "tessaly-cloud")],
    ),
    (
        "Rijkswaterschap Delta is voor de opslag afhankelijk van Tessaly Cloud.",
        [("rijkswaterschap-delta", "uses", "tessaly-cloud")],
    ),
    (
        "Rijkswaterschap Delta neemt clouddiensten af van Tessaly Cloud.",
        [("rijkswaterschap-delta", "uses", "tessaly-cloud")],
    ),
    (
        "Rijkswaterschap Delta heeft de opdracht gegund aan Tessaly Cloud.",
        [("rijkswaterschap-delta", "uses", "tessaly-cloud")],
    ),
    (
        "Het ministerie van Defensie vertrouwt op de clouddiensten van Tessaly Cloud.",
        [("ministerie-van-defensie", "uses", "tessaly-cloud")],
    ),
    (
        "Welke apparatuur van Korvex Telecom gebruikt het ministerie van Defensie?",
        [("ministerie-van-defensie", "uses", "korvex-telecom")],
    ),
    (
        "Gebruikt het ministerie van Defensie camera's van Orvani Systems?",
        [("ministerie-van-defensie", "uses", "orvani-systems")],
    ),
    (
        "Sinds 2020 gebruikt Rijkswaterschap Delta drones van Orvani Systems.",
        [("rijkswaterschap-delta", "uses", "orvani-systems")],
    ),
]

NOT_RELATED = [
    # a report's source is no party to what it reports
    (
        "Volgens Tessaly Cloud viel APT61 de gemeente Veldhaven aan.",
        ("tessaly-cloud", "targeted", "gemeente-veldhaven"),
    ),
    # the victim's supplier is not attacked by the victim
    (
        "Rijkswaterschap Delta gebruikt Tessaly Cloud, dat door APT61 werd gehackt.",
        ("rijkswaterschap-delta", "targeted", "tessaly-cloud"),
    ),
    # a measure against a company ties the government to nothing
    (
        "Nederland weert Orvani Systems uit vitale netwerken.",
        ("orvani-systems", "affiliatedWith", "nederland"),
    ),
    # a warning about an actor is no attack on it
    (
        "De Dienst Noordwacht waarschuwt voor Koperslang.",
        ("dienst-noordwacht", "targeted", "koperslang"),
    ),
    (
        "Pieter Kalff sprak met Zhou Lan over Mirabel Data.",
        ("pieter-kalff", "affiliatedWith", "mirabel-data"),
    ),
    # a foreign state body as a company's client is tied to it, it does not use it
    (
        "Het Volksbevrijdingsleger is klant van Orvani Systems.",
        ("volksbevrijdingsleger", "uses", "orvani-systems"),
    ),
    # the sources of a report are not the users the report names
    (
        "Uit onderzoek van Vereniging Lichtbaken en Stichting Open Grens blijkt dat de gemeente "
        "Veldhaven camera's van Orvani Systems gebruikt.",
        ("vereniging-lichtbaken", "uses", "orvani-systems"),
    ),
    # "valt onder" is membership, not an attack ("valt ... aan")
    (
        "Koperslang valt onder het Volksbevrijdingsleger.",
        ("koperslang", "targeted", "volksbevrijdingsleger"),
    ),
    # a compound with a part noun needs a name right after it
    (
        "De Mirabel Data-dochter in Duitsland levert aan Tessaly Cloud.",
        ("tessaly-cloud", "affiliatedWith", "mirabel-data"),
    ),
    # a body responsible for an investigation into a group is not behind it
    (
        "De Dienst Noordwacht is verantwoordelijk voor het onderzoek naar Koperslang.",
        ("koperslang", "attributedTo", "dienst-noordwacht"),
    ),
    # an inverted clause whose subject precedes the verb is no inverted takeover
    ("Mirabel Data kocht Orvani Systems.", ("mirabel-data", "affiliatedWith", "orvani-systems")),
    (
        "Mirabel Data nam contact op met Orvani Systems over de levering.",
        ("orvani-systems", "affiliatedWith", "mirabel-data"),
    ),
    (
        "Daarna nam Mirabel Data contact op met Orvani Systems over de levering.",
        ("orvani-systems", "affiliatedWith", "mirabel-data"),
    ),
    # a name inside the relative clause is not the subject of the main verb
    (
        "De groep Koperslang, die banden heeft met Rusland, viel Tessaly Cloud aan.",
        ("rusland", "targeted", "tessaly-cloud"),
    ),
    (
        "Stichting Open Grens, dat Tessaly Cloud als klant heeft, werd door APT61 gehackt.",
        ("apt61", "targeted", "tessaly-cloud"),
    ),
    # "stuurt ... aan" needs the particle at the end of its clause
    (
        "Rusland stuurt drones naar Oekraïne aan de grens met Koperslang.",
        ("koperslang", "attributedTo", "rusland"),
    ),
    (
        "Mirabel Data bezit gegevens van Korvex Telecom.",
        ("korvex-telecom", "affiliatedWith", "mirabel-data"),
    ),
    # a company that uses a body is no use by the body; a state is no supplier
    (
        "Tessaly Cloud gebruikt de gemeente Veldhaven als proeftuin.",
        ("gemeente-veldhaven", "uses", "tessaly-cloud"),
    ),
    (
        "Nederland is voor gas afhankelijk van Rusland.",
        ("nederland", "uses", "rusland"),
    ),
    # a measure or pressure by the home state is no attack
    (
        "Nederland trof maatregelen tegen Koperslang.",
        ("nederland", "targeted", "koperslang"),
    ),
    (
        "De sancties van Nederland troffen Koperslang.",
        ("nederland", "targeted", "koperslang"),
    ),
    (
        "Nederland zette Koperslang onder druk om de aanvallen te stoppen.",
        ("nederland", "targeted", "koperslang"),
    ),
    # an allied or home firm gets no state tie from its nationality
    (
        "De Nederlandse bank Tessaly Cloud opende een kantoor.",
        ("tessaly-cloud", "affiliatedWith", "nederland"),
    ),
    # past an apposition's comma the next name is not the participle's noun
    (
        "Koperslang, een door Rusland gesteunde groep, viel Tessaly Cloud aan.",
        ("rusland", "targeted", "tessaly-cloud"),
    ),
    (
        "Koperslang, een door Rusland gesteunde groep, viel Tessaly Cloud aan.",
        ("tessaly-cloud", "affiliatedWith", "rusland"),
    ),
    (
        "Het kabinet koppelt de sancties van Nederland aan het gedrag van Koperslang.",
        ("koperslang", "attributedTo", "nederland"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), _cases(AFFILIATED))
def test_affiliated_with(text, expected):
    found = rel(text)
    assert set(expected) <= found, found


@pytest.mark.parametrize(("text", "expected"), _cases(ATTRIBUTED))
def test_attributed_to(text, expected):
    found = rel(text)
    assert set(expected) <= found, found


@pytest.mark.parametrize(("text", "expected"), _cases(TARGETED))
def test_targeted(text, expected):
    found = rel(text)
    assert set(expected) <= found, found


@pytest.mark.parametrize(("text", "expected"), _cases(USES))
def test_uses(text, expected):
    found = rel(text)
    assert set(expected) <= found, found


@pytest.mark.parametrize(("text", "unexpected"), _cases(NOT_RELATED))
def test_no_relation(text, unexpected):
    assert unexpected not in rel(text)
