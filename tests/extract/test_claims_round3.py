"""Relation constructions of the third recall round (issue 4, point 4).

Every sentence and every name is invented.
"""

from __future__ import annotations

import pytest
from support import claim_triples, document_with_names

from kamerkg.extract.claims import extract_claims

ACTORS = {
    "Bolt Systems": "Company",
    "Pelikaan Data": "Company",
    "APT77": "ThreatActor",
    "Zandstorm": "ThreatActor",
    "Ruritanië": "Country",
    "Iran": "Country",
    "Nederland": "Country",
    "Volksleger": "GovernmentBody",
    "Centrale Raad": "GovernmentBody",
    "Bureau Noord": "GovernmentBody",
    "Directoraat Geloofszaken": "GovernmentBody",
    "Volkspartij": "PoliticalParty",
    "Stichting Vrije Pers": "Organisation",
    "Jongeren voor Vrijheid": "Organisation",
    "Anna de Vries": "Person",
    "Li Wei": "Person",
}


def triples(text: str) -> set[tuple[str, str, str, str]]:
    return claim_triples(text, ACTORS)


def rel(text: str) -> set[tuple[str, str, str]]:
    return {t[:3] for t in triples(text)}


def test_an_apposition_naming_a_part_of_a_body():
    found = rel("Het plan kwam van Bureau Noord, een regionale afdeling van de Centrale Raad.")
    assert ("bureau-noord", "affiliatedWith", "centrale-raad") in found
    found = rel("Directoraat Geloofszaken is een orgaan van de Volkspartij en telt veel leden.")
    assert ("directoraat-geloofszaken", "affiliatedWith", "volkspartij") in found


def test_a_part_noun_after_a_measure_is_no_apposition():
    # The measure's author is not the part the noun names.
    found = rel("De Centrale Raad nam maatregelen tegen een afdeling van het Volksleger.")
    assert ("centrale-raad", "affiliatedWith", "volksleger") not in found


def test_a_body_anaphor_takes_the_body_just_named():
    found = rel(
        "De bevelen kwamen van Bureau Noord in de hoofdstad. Dit bureau valt onder de "
        "Centrale Raad."
    )
    assert ("bureau-noord", "affiliatedWith", "centrale-raad") in found


def test_a_body_anaphor_far_from_any_body_guesses_nothing():
    filler = " De stad telt veel inwoners en heeft een haven met een lange geschiedenis." * 3
    found = rel("Bureau Noord hield toezicht." + filler + " Deze dienst valt onder het Volksleger.")
    assert ("bureau-noord", "affiliatedWith", "volksleger") not in found


def test_examples_after_zoals_are_the_agents_of_a_plural_noun():
    found = rel(
        "Binnen de Centrale Raad geldt een verbod op software uit staten met "
        "cyberprogramma's gericht tegen Nederland, zoals Ruritanië en Iran."
    )
    assert ("ruritanie", "targeted", "nederland") in found
    assert ("iran", "targeted", "nederland") in found
    assert not {t for t in found if t[0] == "centrale-raad"}


def test_a_state_behind_an_attack_pinned_on_a_group_is_its_principal():
    text = (
        "Vorige week legde een ransomware-aanval de servers van Bolt Systems plat. "
        "Volgens een analyse van Pelikaan Data is de aanval uitgevoerd door Zandstorm. "
        "Er zijn geen aanwijzingen dat Ruritanië bij de aanval op Bolt Systems betrokken was."
    )
    found = triples(text)
    assert ("zandstorm", "targeted", "bolt-systems", "reported") in found
    assert ("zandstorm", "attributedTo", "ruritanie", "denied") in found
    # Neither the state nor the firm that analysed the attack is a second attacker or victim.
    assert not {t for t in found if t[:2] == ("ruritanie", "targeted")}
    assert ("zandstorm", "targeted", "pelikaan-data") not in {t[:3] for t in found}


def test_a_state_tied_to_an_attack_without_a_known_group_stays_its_agent():
    text = (
        "In maart werd Anna de Vries in haar woning bedreigd. "
        "Het kabinet vermoedt dat Ruritanië achter de bedreiging zit."
    )
    assert not {t for t in rel(text) if t[1] == "attributedTo"}


def test_a_principal_named_after_a_victim_in_the_same_sentence():
    text = (
        "In Lissabon werd op 3 maart de oud-minister Anna de Vries in haar auto "
        "beschoten; de Portugese politie vermoedt dat Ruritanië opdrachtgever was."
    )
    assert ("ruritanie", "targeted", "anna-de-vries", "reported") in triples(text)


def test_both_attacks_take_up_the_victims_told_before():
    text = (
        "Vorig jaar volgde de moord op Anna de Vries in Gent. "
        "De dienst had aanwijzingen dat Ruritanië bij beide liquidaties betrokken was."
    )
    assert ("ruritanie", "targeted", "anna-de-vries") in rel(text)


def test_a_bare_role_belongs_to_the_organisation_just_named():
    text = (
        "Stichting Vrije Pers kreeg vorige maand dreigbrieven. "
        "Volgens voorzitter Anna de Vries is de toon grimmiger geworden."
    )
    assert ("anna-de-vries", "affiliatedWith", "stichting-vrije-pers", "asserted") in triples(text)


def test_a_bare_role_after_two_organisations_is_left_open():
    text = (
        "Stichting Vrije Pers en Pelikaan Data kregen dreigbrieven. "
        "Volgens voorzitter Anna de Vries is de toon grimmiger geworden."
    )
    assert not {t for t in rel(text) if t[0] == "anna-de-vries"}


def test_an_apposition_is_the_texts_own_description_in_a_report():
    text = "Volgens de krant ligt de regie bij Bureau Noord, een afdeling van de Centrale Raad."
    assert ("bureau-noord", "affiliatedWith", "centrale-raad", "asserted") in triples(text)


def test_persons_of_a_list_share_the_organisation_after_them():
    text = "Dat schrijven Anna de Vries en Li Wei van Pelikaan Data in een open brief."
    found = rel(text)
    assert ("anna-de-vries", "affiliatedWith", "pelikaan-data") in found
    assert ("li-wei", "affiliatedWith", "pelikaan-data") in found


def test_an_affiliation_in_an_apposition_is_asserted_a_predicate_is_reported():
    text = (
        "Achter het protest zit volgens de krant Jongeren voor Vrijheid, de "
        "jongerenorganisatie van de Volkspartij."
    )
    assert ("jongeren-voor-vrijheid", "affiliatedWith", "volkspartij", "asserted") in triples(text)
    text = "Bureau Noord is volgens de krant een afdeling van de Centrale Raad."
    assert ("bureau-noord", "affiliatedWith", "centrale-raad", "reported") in triples(text)


@pytest.mark.parametrize(
    ("text", "victim"),
    [
        ("In mei legde APT77 de website van Bolt Systems urenlang plat.", "bolt-systems"),
        ("Later bleek dat APT77 het netwerk van Pelikaan Data binnendrong.", "pelikaan-data"),
        ("Het is bekend dat APT77 de servers van Bolt Systems heeft platgelegd.", "bolt-systems"),
    ],
)
def test_attack_verbs_at_the_end_of_their_clause(text, victim):
    assert ("apt77", "targeted", victim) in rel(text)


def test_a_home_or_allied_firms_nationality_is_no_state_tie():
    actors = {**ACTORS, "Verenigde Staten": "Country"}
    text = "Het Amerikaanse bedrijf Bolt Systems en het Iraanse bedrijf Pelikaan Data."
    document, acts, mentions = document_with_names(text, actors)
    found = {(c.subject, c.object) for c in extract_claims(document, acts, mentions, [])}
    assert ("bolt-systems", "verenigde-staten") not in found
    assert ("pelikaan-data", "iran") in found


@pytest.mark.parametrize(
    "text",
    [
        "In maart heeft de Centrale Raad deze spionageoperatie publiekelijk aan Ruritanië "
        "toegeschreven.",
        "De Centrale Raad heeft de spionage bij de haven vorige week aan Ruritanië toegeschreven.",
    ],
)
def test_who_attributes_an_attack_is_no_victim_of_it(text):
    assert ("ruritanie", "targeted", "centrale-raad") not in rel(text)


def test_an_apposition_names_one_whole():
    text = (
        "Gebruiken de terminals van Bolt Systems, onderdeel van Pelikaan Data, en van "
        "Stichting Vrije Pers kranen van APT77?"
    )
    found = rel(text)
    assert ("bolt-systems", "affiliatedWith", "pelikaan-data") in found
    assert ("bolt-systems", "affiliatedWith", "stichting-vrije-pers") not in found


def test_a_state_that_attributes_an_attack_is_not_its_agent():
    text = "Heeft Iran in mei de hack op Bolt Systems aan Ruritanië toegeschreven?"
    found = rel(text)
    assert ("iran", "targeted", "bolt-systems") not in found


def test_curated_bodies_and_companies_of_round_three_are_found():
    from kamerkg.extract.pipeline import Extractor

    text = (
        "Volgens de Britse Kiescommissie en het UMCG hebben AT&T, Verizon en Finnair "
        "hun systemen laten controleren door Hutchison Ports en de Baltische Vloot."
    )
    labels = {a.label for a in Extractor().extract_text(text).actors}
    assert {"Electoral Commission", "UMCG", "AT&T", "Verizon", "Finnair"} <= labels
    assert {"Hutchison Ports", "Baltische Vloot"} <= labels


def test_sources_means_and_descriptions_are_no_parties_of_an_attack():
    # A source in an aside, the means of a threat, an apposition describing the agent.
    text = (
        "De haven is al jaren doelwit van spionage, zoals de Centrale Raad en het "
        "Volksleger in hun verslagen hebben gemeld."
    )
    assert ("centrale-raad", "targeted", "volksleger") not in rel(text)
    text = "Ruritanië zou Anna de Vries hebben bedreigd via berichten op Pelikaan Data."
    assert ("ruritanie", "targeted", "pelikaan-data") not in rel(text)
    text = "Bolt Systems is doelwit van Bureau Noord, een orgaan van de Volkspartij."
    found = rel(text)
    assert ("bureau-noord", "targeted", "volkspartij") not in found


def test_who_brings_an_indictment_is_no_principal():
    text = (
        "Wat vindt u van de aanklacht van het Amerikaanse Openbaar Ministerie tegen hackers "
        "die deel zouden uitmaken van APT77?"
    )
    actors = {**ACTORS, "Amerikaanse Openbaar Ministerie": "GovernmentBody"}
    document, acts, mentions = document_with_names(text, actors)
    found = {(c.subject, c.object) for c in extract_claims(document, acts, mentions, [])}
    assert ("apt77", "amerikaanse-openbaar-ministerie") not in found


def test_an_unhedged_relative_clause_describes_its_antecedent():
    text = "Klopt het dat Bolt Systems, dat sinds 2015 eigendom is van Pelikaan Data, data lekt?"
    assert ("bolt-systems", "affiliatedWith", "pelikaan-data", "asserted") in triples(text)
    text = "Klopt het dat Bolt Systems, dat in verband wordt gebracht met Pelikaan Data, data lekt?"
    assert ("bolt-systems", "affiliatedWith", "pelikaan-data", "asserted") not in triples(text)


@pytest.mark.parametrize(
    "text",
    [
        "Volgens de dienst opereert Zandstorm al sinds 2016 vanuit het Volksleger.",
        "Zandstorm voert al jaren spionageoperaties uit voor het Volksleger.",
        "Volgens partners voert Zandstorm sinds 2019 operaties uit in opdracht van het Volksleger.",
    ],
)
def test_a_group_operating_from_or_for_a_state_body(text):
    assert ("zandstorm", "attributedTo", "volksleger") in rel(text)


def test_who_leads_an_organisation_is_affiliated_with_it():
    text = "Stichting Vrije Pers wordt sinds 2020 geleid door Anna de Vries."
    assert ("anna-de-vries", "affiliatedWith", "stichting-vrije-pers") in rel(text)


def test_institutions_in_a_country_make_it_the_victim():
    text = "Zandstorm heeft herhaaldelijk netwerken van ministeries in Ruritanië binnengedrongen."
    assert ("zandstorm", "targeted", "ruritanie") in rel(text)
    text = "Zandstorm heeft in Ruritanië de netwerken van Bolt Systems binnengedrongen."
    assert ("zandstorm", "targeted", "ruritanie") not in rel(text)


def test_a_closed_relative_clause_between_subject_and_verb():
    text = (
        "Jongeren voor Vrijheid, die in 2021 in Duitsland werd verboden, is hier actief via "
        "afdelingen van Stichting Vrije Pers."
    )
    assert ("jongeren-voor-vrijheid", "affiliatedWith", "stichting-vrije-pers") in rel(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Zandstorm is een hackersgroep van het Volksleger.",
            ("zandstorm", "attributedTo", "volksleger"),
        ),
        (
            "Pelikaan Data is volgens de dienst een dekmantelbedrijf van het Volksleger.",
            ("pelikaan-data", "affiliatedWith", "volksleger"),
        ),
        (
            "Zandstorm werd in 2014 opgericht door het Volksleger.",
            ("zandstorm", "attributedTo", "volksleger"),
        ),
        (
            "Zandstorm staat onder directe controle van het Volksleger.",
            ("zandstorm", "attributedTo", "volksleger"),
        ),
        (
            "Bolt Systems levert al jaren camera's aan de Centrale Raad.",
            ("centrale-raad", "uses", "bolt-systems"),
        ),
    ],
)
def test_ties_of_groups_and_firms_to_their_principals_and_clients(text, expected):
    assert expected in rel(text)


def test_supplying_a_foreign_army_is_no_use_and_a_victim_no_agent():
    actors = {**ACTORS, "Iraanse leger": "GovernmentBody"}
    text = "Bolt Systems levert onderdelen aan het Iraanse leger."
    document, acts, mentions = document_with_names(text, actors)
    found = {(c.subject, c.relation) for c in extract_claims(document, acts, mentions, [])}
    assert ("iraanse-leger", "uses") not in found
    text = "Iran heeft opdracht gegeven tot de aanslag op Anna de Vries."
    assert ("anna-de-vries", "attributedTo", "iran") not in rel(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Stichting Vrije Pers heeft Bolt Systems ingeschakeld voor een audit.",
            ("stichting-vrije-pers", "uses", "bolt-systems"),
        ),
        (
            "De Centrale Raad huurde vorig jaar Pelikaan Data in.",
            ("centrale-raad", "uses", "pelikaan-data"),
        ),
        ("Iran schakelt criminele netwerken als Zandstorm in.", ("iran", "uses", "zandstorm")),
    ],
)
def test_engaging_a_firm_or_a_group_is_its_use(text, expected):
    assert expected in rel(text)


def test_working_with_a_home_ministry_is_no_tie():
    actors = {**ACTORS, "Ministerie van Defensie": "GovernmentBody"}
    text = "Bolt Systems werkt samen met het Ministerie van Defensie aan detectie."
    document, acts, mentions = document_with_names(text, actors)
    found = {(c.subject, c.object) for c in extract_claims(document, acts, mentions, [])}
    assert ("bolt-systems", "ministerie-van-defensie") not in found


def test_a_name_inside_a_compound_is_no_victim():
    text = (
        "Ruritanië is betrokken bij cyberaanvallen op de Volkspartij-website en de Centrale Raad."
    )
    found = rel(text)
    assert ("ruritanie", "targeted", "volkspartij") not in found


def test_the_hackers_stand_for_the_group_the_text_is_about():
    text = (
        "Volgens de aanklacht opereert Zandstorm vanuit het Volksleger. Het Volksleger "
        "ontkent dat. De aanklacht stelt verder dat Pelikaan Data als dekmantel voor de "
        "hackers fungeerde."
    )
    assert ("pelikaan-data", "affiliatedWith", "zandstorm", "reported") in triples(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Anna de Vries ontving vorige maand opnieuw dreigberichten van het Volksleger.",
            ("volksleger", "targeted", "anna-de-vries"),
        ),
        (
            "Stichting Vrije Pers kreeg bedreigingen vanuit Iran.",
            ("iran", "targeted", "stichting-vrije-pers"),
        ),
    ],
)
def test_threats_received_from_a_state(text, expected):
    assert expected in rel(text)


@pytest.mark.parametrize(
    "text",
    [
        "Er zijn geen aanwijzingen dat Ruritanië radiosignalen boven Nederland verstoort.",
        "Het is bekend dat Ruritanië al jaren in Nederland havens saboteert.",
    ],
)
def test_a_country_a_verb_last_attack_takes_place_in(text):
    assert ("ruritanie", "targeted", "nederland") in rel(text)


def test_a_place_is_no_victim_when_the_clause_names_one():
    text = "Het is bekend dat Ruritanië in Nederland Bolt Systems saboteerde."
    found = rel(text)
    assert ("ruritanie", "targeted", "bolt-systems") in found
    assert ("ruritanie", "targeted", "nederland") not in found


def test_a_bare_role_with_a_title_before_the_name():
    text = (
        "Op verzoek van de aandeelhouders van Pelikaan Data greep de rechter in. Hij heeft "
        "de bestuursvoorzitter, de heer Li Wei, geschorst."
    )
    assert ("li-wei", "affiliatedWith", "pelikaan-data") in rel(text)


def test_a_group_dug_into_infrastructure_of_a_country():
    text = "Zandstorm heeft zich volgens de dienst genesteld in netwerken in Ruritanië."
    assert ("zandstorm", "targeted", "ruritanie") in rel(text)
