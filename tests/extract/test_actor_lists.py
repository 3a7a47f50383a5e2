"""The curated actor lists cover the state-threat domain, and the mention finder uses them.

Every sentence here is invented for the test; none is taken from a sample or test set.
"""

from __future__ import annotations

from datetime import date

import pytest

from kamerkg.extract.gazetteer import Gazetteer
from kamerkg.extract.model import Document
from kamerkg.extract.nlp import find_mentions


def _mentions(nlp, text: str) -> list[tuple[str, str]]:
    return [(m.text, m.label) for m in find_mentions(nlp, Document(source="t.txt", text=text))]


# ----------------------------------------------------------------------------- lookups


@pytest.mark.parametrize(
    ("surface", "name", "type_"),
    [
        # Dutch services, inspectorates and agencies
        ("Fiscale Inlichtingen- en Opsporingsdienst", "FIOD", "GovernmentBody"),
        ("Rijksinstituut voor Volksgezondheid en Milieu", "RIVM", "GovernmentBody"),
        ("Bureau Bibob", "Landelijk Bureau Bibob", "GovernmentBody"),
        ("NVWA", "Nederlandse Voedsel- en Warenautoriteit", "GovernmentBody"),
        (
            "commissie-Stiekem",
            "Commissie voor de Inlichtingen- en Veiligheidsdiensten",
            "GovernmentBody",
        ),
        ("JSCU", "Joint Sigint Cyber Unit", "GovernmentBody"),
        ("FIU-Nederland", "FIU-Nederland", "GovernmentBody"),
        ("Loket Kennisveiligheid", "Loket Kennisveiligheid", "GovernmentBody"),
        ("Agentschap Telecom", "Rijksinspectie Digitale Infrastructuur", "GovernmentBody"),
        # foreign services and EU bodies
        ("Säkerhetspolisen", "Säpo", "GovernmentBody"),
        ("Bundestag", "Bondsdag", "GovernmentBody"),
        ("Direction générale de la Sécurité extérieure", "DGSE", "GovernmentBody"),
        ("Russische Doema", "Staatsdoema", "GovernmentBody"),
        ("Europees Grens- en Kustwachtagentschap", "Frontex", "GovernmentBody"),
        ("INTCEN", "EU INTCEN", "GovernmentBody"),
        (
            "Chinese ministerie van Buitenlandse Zaken",
            "Chinees ministerie van Buitenlandse Zaken",
            "GovernmentBody",
        ),
        # international organisations, universities, diaspora and influence bodies
        ("IAEA", "Internationaal Atoomenergieagentschap", "Organisation"),
        ("CCDCOE", "NATO CCDCOE", "Organisation"),
        ("TU Delft", "Technische Universiteit Delft", "Organisation"),
        ("UvA", "Universiteit van Amsterdam", "Organisation"),
        ("China Scholarship Council", "China Scholarship Council", "Organisation"),
        ("Hizmet", "Gülenbeweging", "Organisation"),
        ("Russki Mir", "Russkiy Mir", "Organisation"),
        # threat actors under vendor names
        ("Void Blizzard", "Laundry Bear", "ThreatActor"),
        ("ScarCruft", "APT37", "ThreatActor"),
        ("Onyx Sleet", "APT45", "ThreatActor"),
        ("APT 43", "Kimsuky", "ThreatActor"),
        ("Linen Typhoon", "APT27", "ThreatActor"),
        ("GRU-eenheid 74455", "Sandworm", "ThreatActor"),
        ("Cold River", "Star Blizzard", "ThreatActor"),
        ("Dragonbridge", "Spamouflage", "ThreatActor"),
        ("Pravda-netwerk", "Portal Kombat", "ThreatActor"),
        ("Ansar Allah", "Houthi's", "ThreatActor"),
        # companies
        ("AliExpress", "AliExpress", "Company"),
        ("RedNote", "Xiaohongshu", "Company"),
        ("Beijing Genomics Institute", "BGI Group", "Company"),
        ("Starlink", "SpaceX", "Company"),
        ("Shanghai Zhenhua Heavy Industries", "ZPMC", "Company"),
        ("Sungrow Power Supply", "Sungrow", "Company"),
        ("CopyCop", "Storm-1516", "ThreatActor"),
        ("Gemeenschappelijk Onderzoeksteam", "Joint Investigation Team", "GovernmentBody"),
        # parties and countries
        ("Georgian Dream", "Georgische Droom", "PoliticalParty"),
        ("Adalet ve Kalkınma Partisi", "AKP", "PoliticalParty"),
        ("Staat der Nederlanden", "Nederland", "Country"),
        ("Curacao", "Curaçao", "Country"),
        ("Greenland", "Groenland", "Country"),
        ("Sovjetunie", "Sovjet-Unie", "Country"),
        ("Engeland", "Verenigd Koninkrijk", "Country"),
        ("ministerie van AenM", "Ministerie van Asiel en Migratie", "GovernmentBody"),
    ],
)
def test_state_threat_names_resolve(gaz: Gazetteer, surface: str, name: str, type_: str) -> None:
    entry = gaz.lookup(surface)
    assert entry is not None, surface
    assert (entry.name, entry.type) == (name, type_)


def test_alibaba_and_its_platform_are_two_actors(gaz: Gazetteer) -> None:
    assert gaz.lookup("AliExpress") is not gaz.lookup("Alibaba Group")


@pytest.mark.parametrize(
    ("form", "country"),
    [
        ("Belarusische", "Belarus"),
        ("Wit-Russen", "Belarus"),
        ("Kazachstaanse", "Kazachstan"),
        ("Groenlandse", "Groenland"),
        ("Curaçaose", "Curaçao"),
    ],
)
def test_more_adjectives_map_to_countries(gaz: Gazetteer, form: str, country: str) -> None:
    assert gaz.adjectives()[form.lower()].name == country


def test_asylum_ministry_is_a_ministry_since_the_schoof_cabinet(gaz: Gazetteer) -> None:
    entry = gaz.lookup("Asiel en Migratie")
    assert entry is not None and entry.get("from") == "2024-07-02"
    assert gaz.offices_on("minister van Asiel en Migratie", date(2024, 9, 1)) == ["Marjolein Faber"]


# ----------------------------------------------------------------------------- mentions


def test_new_bodies_and_groups_are_found_in_running_text(nlp) -> None:
    text = (
        "De FIOD en de NVWA deelden gegevens met Frontex, terwijl de Säpo waarschuwde dat "
        "Laundry Bear en Star Blizzard Nederlandse denktanks benaderden via LinkedIn."
    )
    found = _mentions(nlp, text)
    for item in [
        ("FIOD", "GovernmentBody"),
        ("NVWA", "GovernmentBody"),
        ("Frontex", "GovernmentBody"),
        ("Säpo", "GovernmentBody"),
        ("Laundry Bear", "ThreatActor"),
        ("Star Blizzard", "ThreatActor"),
        ("LinkedIn", "Company"),
    ]:
        assert item in found, item


def test_short_capital_names_stay_exact(nlp) -> None:
    # "duo", "coa" and "mad" in lower case are no agencies
    text = "Het duo reed mad door de straat en de coa-woordvoerder zweeg."
    assert _mentions(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Het Oekraïense ministerie van Defensie meldde de aanval.",
            ("Oekraïense ministerie van Defensie", "GovernmentBody"),
        ),
        (
            "Volgens het Britse Ministerie van Binnenlandse Zaken liep het onderzoek nog.",
            ("Britse Ministerie van Binnenlandse Zaken", "GovernmentBody"),
        ),
        (
            "Het Russische ministerie van Buitenlandse Zaken ontbood de ambassadeur.",
            ("Russische ministerie van Buitenlandse Zaken", "GovernmentBody"),
        ),
    ],
)
def test_a_foreign_ministry_is_not_the_dutch_one(nlp, text: str, expected) -> None:
    found = _mentions(nlp, text)
    assert expected in found
    assert not any(t.lower().startswith("ministerie") for t, _ in found)


def test_a_dutch_ministry_after_nederlandse_stays_the_dutch_one(nlp) -> None:
    found = _mentions(nlp, "Het Nederlandse ministerie van Financiën betaalde de rekening.")
    assert found == [("ministerie van Financiën", "GovernmentBody")]


def test_hyphenated_nationality_before_a_state_noun(nlp) -> None:
    text = "Het Noord-Koreaanse regime en de Zuid-Afrikaanse inlichtingendienst reageerden niet."
    found = _mentions(nlp, text)
    assert ("Noord-Koreaanse regime", "Country") in found
    assert ("Zuid-Afrikaanse inlichtingendienst", "GovernmentBody") in found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Heeft minister Jorritsma-Lebbink dit besproken?", "Jorritsma-Lebbink"),
        ("Is staatssecretaris Van der Kolk op de hoogte gebracht?", "Van der Kolk"),
        ("Minister Hoogendoorn antwoordde op 3 juni.", "Hoogendoorn"),
    ],
)
def test_minister_or_state_secretary_before_a_surname_names_a_person(
    nlp, text: str, name: str
) -> None:
    assert (name, "Person") in _mentions(nlp, text)


def test_a_portfolio_after_minister_is_no_person(nlp) -> None:
    found = _mentions(
        nlp, "De minister Buitenlandse Zaken antwoordt mede namens de minister Defensie."
    )
    assert all(label != "Person" for _, label in found)


def test_universities_of_applied_sciences_are_organisations(nlp) -> None:
    text = (
        "Studenten van de Hogeschool Zeeland, de Saxion Hogeschool Enschede en de Haagse "
        "Hogeschool liepen stage. De Hogeschool zelf zweeg."
    )
    found = _mentions(nlp, text)
    assert ("Hogeschool Zeeland", "Organisation") in found
    assert ("Saxion Hogeschool Enschede", "Organisation") in found
    assert ("Haagse Hogeschool", "Organisation") in found
    assert ("Hogeschool", "Organisation") not in found


def test_foreign_first_names_open_person_names(nlp) -> None:
    text = (
        "Volgens de blogger Taras Hrytsenko en Zhou Mingxuan van de lokale vereniging sprak "
        "ook Svetlana Morozova met Kemal Aydın over de intimidatie."
    )
    found = _mentions(nlp, text)
    for name in ["Taras Hrytsenko", "Zhou Mingxuan", "Svetlana Morozova", "Kemal Aydın"]:
        assert (name, "Person") in found, name


def test_a_month_heading_is_no_person(nlp) -> None:
    assert _mentions(nlp, "Mei Ambtelijke stukken volgen later.") == []


def test_two_company_names_joined_by_en_stay_two(nlp) -> None:
    text = "De opdracht ging naar Polderlicht Group en Kestrel Technologies uit Delft."
    found = _mentions(nlp, text)
    assert ("Polderlicht Group", "Company") in found
    assert ("Kestrel Technologies", "Company") in found


def test_bureau_may_close_a_foreign_agency_name(nlp) -> None:
    text = "Het Wenzhou Public Security Bureau en het Bureau Toetsing Investeringen zwegen."
    found = _mentions(nlp, text)
    assert ("Wenzhou Public Security Bureau", "GovernmentBody") in found
    assert ("Bureau Toetsing Investeringen", "GovernmentBody") in found


@pytest.mark.parametrize(
    ("surface", "name"),
    [
        ("Mujahedin-e Khalq", "Volksmujahedin"),
        ("NCRI", "Nationale Verzetsraad van Iran"),
        ("DIVD", "Dutch Institute for Vulnerability Disclosure"),
        ("Persveilig", "PersVeilig"),
        ("Netherlands Helsinki Committee", "Nederlands Helsinki Comité"),
    ],
)
def test_diaspora_press_and_security_organisations(gaz: Gazetteer, surface: str, name: str) -> None:
    entry = gaz.lookup(surface)
    assert entry is not None and entry.name == name and entry.type == "Organisation"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Volgens oud-minister Terpstra was dat bekend.", "Terpstra"),
        ("De Chinese ambassadeur Liu Bowen werd ontboden.", "Liu Bowen"),
        ("Kremlin-woordvoerder Dmitri Ivanov ontkende alles.", "Dmitri Ivanov"),
        ("Burgemeester Van Loenhout en wethouder Oosterbaan kregen bedreigingen.", "Van Loenhout"),
        ("De Russische spion Pavel Orlov werd uitgezet.", "Pavel Orlov"),
    ],
)
def test_role_nouns_before_a_name(nlp, text: str, name: str) -> None:
    assert (name, "Person") in _mentions(nlp, text)


def test_a_person_after_a_role_noun_stops_before_the_employer(nlp) -> None:
    found = _mentions(nlp, "Het gesprek met topman Karel Wiersma van ASML duurde kort.")
    assert ("Karel Wiersma", "Person") in found
    assert ("ASML", "Company") in found


def test_a_spokesperson_for_a_portfolio_is_no_person(nlp) -> None:
    found = _mentions(nlp, "Zij is woordvoerder Digitale Zaken van haar fractie.")
    assert all(label != "Person" for _, label in found)


def test_members_elected_in_2023_are_known_with_their_party(gaz: Gazetteer) -> None:
    assert [e.name for e in gaz.person_by_surname("Six Dijkstra")] == ["Jesse Six Dijkstra"]
    assert gaz.party_of("Six Dijkstra") == "Nieuw Sociaal Contract"
    assert gaz.party_of("Nijhof") == "PVV"


@pytest.mark.parametrize(
    "name",
    [
        "Veldkamp Optiek B.V.",
        "Dijkstra Beheer N.V.",
        "Kestrel Robotics Inc.",
        "Harbour Sensors Ltd.",
    ],
)
def test_a_legal_form_closes_a_company_name_with_its_dot(nlp, name: str) -> None:
    text = f"Volgens de aanbesteding leverde {name} de onderdelen. Daarna bleef het stil."
    assert (name, "Company") in _mentions(nlp, text)


def test_foreign_agency_and_ministry_names(nlp) -> None:
    text = (
        "Het Bundesamt für Güterverkehr en het Bundesministerium der Finanzen overlegden met "
        "het Franse Ministère des Armées. Het Franse Ministère zweeg daarna."
    )
    found = _mentions(nlp, text)
    assert ("Bundesamt für Güterverkehr", "GovernmentBody") in found
    assert ("Bundesministerium der Finanzen", "GovernmentBody") in found
    assert ("Ministère des Armées", "GovernmentBody") in found
    assert ("Ministère", "GovernmentBody") not in found


def test_element_and_drone_names_are_no_threat_actors(nlp) -> None:
    # "Gallium" (an APT alias) and "Reaper" (an APT alias) are also a metal and a drone
    text = "Gallium en germanium vallen onder exportbeperkingen. Reaper-drones vlogen boven zee."
    assert all(label != "ThreatActor" for _, label in _mentions(nlp, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "De Chinese investeerder Noordster Capital kocht aandelen.",
            ("Noordster Capital", "Company"),
        ),
        ("Het staatsbedrijf Oostzee Energie zweeg.", ("Oostzee Energie", "Company")),
        ("Ook de Russische bank Volgabank stond op de lijst.", ("Volgabank", "Company")),
        ("Het criminele netwerk Zwarte Tulp werd ingezet.", ("Zwarte Tulp", "Organisation")),
        ("De ransomwaregroep Grijze Vos eiste losgeld.", ("Grijze Vos", "ThreatActor")),
        ("De kennisinstelling Polderlab werkte mee.", ("Polderlab", "Organisation")),
    ],
)
def test_typing_nouns_name_companies_networks_and_groups(nlp, text: str, expected) -> None:
    assert expected in _mentions(nlp, text)


def test_a_typing_noun_without_a_capitalised_name_names_nothing(nlp) -> None:
    assert _mentions(nlp, "Het netwerk van de bank werd door de beweging lamgelegd.") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Daarover sprak minister-president Veenstra gisteren.", "Veenstra"),
        ("Ook NAVO-secretaris-generaal Lindqvist was aanwezig.", "Lindqvist"),
        ("Namens de EU kondigde eurocommissaris Hallström sancties aan.", "Hallström"),
        ("De Russische kolonel Pavel Sorokin werd aangeklaagd.", "Pavel Sorokin"),
        ("Gisteren belde bondskanselier Ackermann met Den Haag.", "Ackermann"),
    ],
)
def test_government_and_military_titles_before_a_name(nlp, text: str, name: str) -> None:
    assert (name, "Person") in _mentions(nlp, text)


def test_a_capitalised_typing_noun_at_a_sentence_start_names_nothing(nlp) -> None:
    # sentence-initial "Organisatie" or "Bedrijf" is too often a heading word
    assert _mentions(nlp, "Organisatie Onbekend. Bedrijf Zwijgt.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Van de Kamer ontving ik gisteren het verzoek om een brief.",
        "Ten Aanzien van dit punt verwijs ik naar de brief.",
        "Van Harte dank voor de vragen.",
    ],
)
def test_sentence_initial_particle_phrases_are_no_persons(nlp, text: str) -> None:
    assert all(label != "Person" for _, label in _mentions(nlp, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Namens de Federatie Zeeuwse Vissers sprak de voorzitter.",
            ("Federatie Zeeuwse Vissers", "Organisation"),
        ),
        ("De Unie van Polderbesturen reageerde niet.", ("Unie van Polderbesturen", "Organisation")),
        (
            "Leden van de Tibetan Youth Movement demonstreerden.",
            ("Tibetan Youth Movement", "Organisation"),
        ),
        (
            "Het Netwerk Digitale Weerbaarheid organiseerde een sessie.",
            ("Netwerk Digitale Weerbaarheid", "Organisation"),
        ),
        ("Het Korps Grensbewaking werd uitgebreid.", ("Korps Grensbewaking", "GovernmentBody")),
        (
            "De Partij voor Recht en Orde diende een motie in.",
            ("Partij voor Recht en Orde", "PoliticalParty"),
        ),
    ],
)
def test_federations_unions_movements_networks_and_parties(nlp, text: str, expected) -> None:
    assert expected in _mentions(nlp, text)


def test_foreign_leaders_named_by_surname_alone(nlp, gaz: Gazetteer) -> None:
    text = "Volgens Poetin is het westen zwak; Erdoğan en Loekasjenko zwegen."
    found = _mentions(nlp, text)
    for name in ["Poetin", "Erdoğan", "Loekasjenko"]:
        assert (name, "Person") in found
    assert gaz.lookup("Putin").name == "Vladimir Poetin"


def test_microsoft_weather_names_for_turkish_and_vietnamese_groups(nlp) -> None:
    text = "Volgens het rapport zaten Velvet Dust en Amber Cyclone achter de inbraken."
    found = _mentions(nlp, text)
    assert ("Velvet Dust", "ThreatActor") in found
    assert ("Amber Cyclone", "ThreatActor") in found
