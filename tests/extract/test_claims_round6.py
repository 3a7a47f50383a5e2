"""Relation constructions of the sixth recall round (issue 4, point 4): kinds of
statement rather than phrasings. Every sentence and every name is invented."""

from __future__ import annotations

from support import claim_triples

ACTORS = {
    "Zwartwoud": "ThreatActor",
    "Grauwe Reiger": "ThreatActor",
    "Centrum Jeugdstudies": "Organisation",
    "CJS": "Organisation",
    "Stichting Oeverhuis": "Organisation",
    "Bolt Systems": "Company",
    "Kremlin": "GovernmentBody",
    "Staatsraad": "GovernmentBody",
    "Ruritanië": "Country",
    "Nederland": "Country",
    "Iran": "Country",
}


def rel(text: str) -> set[tuple[str, str, str]]:
    return {t[:3] for t in claim_triples(text, ACTORS)}


def test_a_participle_apposition_ties_its_own_antecedent():
    found = rel(
        "Zwartwoud onderhoudt banden met Stichting Oeverhuis, een door de Staatsraad "
        "gefinancierde organisatie."
    )
    assert ("stichting-oeverhuis", "affiliatedWith", "staatsraad") in found
    # The agent inside the apposition is no second item of the list after "met".
    assert ("zwartwoud", "affiliatedWith", "staatsraad") not in found
    assert ("zwartwoud", "attributedTo", "staatsraad") not in found


def test_a_participle_apposition_after_a_bracketed_short_name():
    found = rel(
        "Volgens onderzoekers werkt Grauwe Reiger samen met het Centrum Jeugdstudies (CJS), "
        "een door het\nKremlin opgerichte denktank."
    )
    # The short name in brackets is the name right before the apposition.
    assert ("cjs", "affiliatedWith", "kremlin") in found
    assert not {t for t in found if t[0] == "grauwe-reiger" and t[2] == "kremlin"}


def test_a_participle_apposition_of_a_threat_actor_attributes_it():
    found = rel("De aanval kwam van Zwartwoud, een door Ruritanië aangestuurde groep.")
    assert ("zwartwoud", "attributedTo", "ruritanie") in found


def test_a_plain_list_after_door_still_lists():
    # Without an apposition the agents after "door" stay a list.
    found = rel("Bolt Systems wordt gecontroleerd door de Staatsraad en het Kremlin.")
    assert ("bolt-systems", "affiliatedWith", "staatsraad") in found
    assert ("bolt-systems", "affiliatedWith", "kremlin") in found


def test_a_trigger_inside_a_phrase_about_plural_agents_names_no_agent():
    # The named body before "uit landen met ..." is not who aims the programme.
    found = rel(
        "De Staatsraad beperkt de aankoop van camera's uit landen met een offensief "
        "cyberprogramma gericht tegen Nederland."
    )
    assert not {t for t in found if t[1] == "targeted"}


def test_a_named_state_with_a_targeting_trigger_still_targets():
    found = rel("Ruritanië voert al jaren een offensief cyberprogramma gericht tegen Nederland.")
    assert ("ruritanie", "targeted", "nederland") in found


def test_a_ministry_named_by_its_ministers_office_is_no_victim():
    table = {**ACTORS, "Defensie": "GovernmentBody", "Belastingdienst": "GovernmentBody"}
    found = {
        t[:3]
        for t in claim_triples(
            "Vragen van de leden Smit en Bakker aan de Ministers van Financiën en van Defensie "
            "over de cyberaanval van Ruritanië (ingezonden 2 mei 2022).",
            table,
        )
    }
    assert ("ruritanie", "targeted", "defensie") not in found
    # A victim after the minister's words is still a victim.
    found = {
        t[:3]
        for t in claim_triples(
            "De minister van Financiën meldt dat Grauwe Reiger de Belastingdienst met een "
            "cyberaanval heeft getroffen.",
            table,
        )
    }
    assert ("grauwe-reiger", "targeted", "belastingdienst") in found


def test_attacks_named_again_take_the_victims_whose_assets_were_hit():
    table = {**ACTORS, "Drenthe": "GovernmentBody", "Zeeland": "GovernmentBody"}
    text = (
        "Vorige week lagen de servers van de provincies Drenthe en Zeeland door ransomware "
        "dagenlang plat. De aanvallen zijn gepleegd door Grauwe Reiger."
    )
    found = {t[:3] for t in claim_triples(text, table)}
    assert ("grauwe-reiger", "targeted", "drenthe") in found
    assert ("grauwe-reiger", "targeted", "zeeland") in found


def test_an_asset_without_any_attack_makes_no_victim():
    table = {**ACTORS, "Drenthe": "GovernmentBody"}
    text = (
        "De servers van de provincie Drenthe worden volgend jaar vervangen. De aanvallen "
        "van vorig jaar zijn gepleegd door Grauwe Reiger."
    )
    found = {t[:3] for t in claim_triples(text, table)}
    assert ("grauwe-reiger", "targeted", "drenthe") not in found


def test_a_user_inside_a_relative_clause_is_its_antecedent():
    found = rel(
        "De Staatsraad overlegde met Bolt Systems en met de gemeenten die gebruikmaken van "
        "software van Bolt Systems."
    )
    assert ("staatsraad", "uses", "bolt-systems") not in found
    # The antecedent itself, right before the relative pronoun, stays the user.
    found = rel("Het gaat om de Staatsraad, die gebruikmaakt van software van Bolt Systems.")
    assert ("staatsraad", "uses", "bolt-systems") in found


def test_who_discovers_an_attack_did_not_carry_it_out():
    text = (
        "De mailservers van Bolt Systems zijn gehackt. De inbraak werd "
        "ontdekt door Ruritanië, dat de servers in beheer had."
    )
    assert ("ruritanie", "targeted", "bolt-systems") not in rel(text)
    # The agent of the attack itself is still taken.
    text = "De mailservers van Bolt Systems zijn gehackt. De inbraak werd gepleegd door Ruritanië."
    assert ("ruritanie", "targeted", "bolt-systems") in rel(text)


def test_a_dated_adverbial_may_sit_between_the_reflexive_and_the_verb():
    found = rel("Bolt Systems zag dat Zwartwoud zich sinds begin maart 2025 richt op Ruritanië.")
    assert ("zwartwoud", "targeted", "ruritanie") in found
    found = rel("Het bleek dat Grauwe Reiger zich vanaf juni 2023 richtte op de Staatsraad.")
    assert ("grauwe-reiger", "targeted", "staatsraad") in found


def test_a_nationality_noun_reaches_its_examples_past_unnamed_ones():
    # "Kraanwerk" is no known actor; Bolt Systems is still an example of the noun.
    found = rel("Er rijden trams van Iraanse fabrikanten zoals Kraanwerk en Bolt Systems.")
    assert ("bolt-systems", "affiliatedWith", "iran") in found
    found = rel("Het gaat om camera's van Iraanse leveranciers, vooral van Bolt Systems.")
    assert ("bolt-systems", "affiliatedWith", "iran") in found


def test_a_nationality_noun_does_not_reach_past_a_clause():
    found = rel("Iraanse fabrikanten leveren veel, zei de directeur van Bolt Systems.")
    assert ("bolt-systems", "affiliatedWith", "iran") not in found


def test_an_attack_named_again_takes_the_head_before_an_apposition():
    table = {**ACTORS, "Havenreus": "Company"}
    text = (
        "Het Belgische logistieke concern Havenreus, eigenaar van Bolt Systems, werd zwaar "
        "getroffen. De diensten stellen vast dat Ruritanië achter de aanval zit."
    )
    found = {t[:3] for t in claim_triples(text, table)}
    assert ("ruritanie", "targeted", "havenreus") in found
    assert ("ruritanie", "targeted", "bolt-systems") not in found


def test_examples_after_a_verb_last_clause_are_its_objects():
    found = rel(
        "Dit jaar heeft Grauwe Reiger tientallen instellingen gehackt, waaronder de Staatsraad."
    )
    assert ("grauwe-reiger", "targeted", "staatsraad") in found
    # Who reports it opens another clause and is no subject.
    found = rel(
        "Bolt Systems meldt dat Zwartwoud vier ministeries heeft gehackt, waaronder de Staatsraad."
    )
    assert ("zwartwoud", "targeted", "staatsraad") in found
    assert ("bolt-systems", "targeted", "staatsraad") not in found


def test_one_of_the_plural_agents_is_still_the_agent():
    found = rel(
        "De diensten melden dat Ruritanië één van de landen is met een offensief "
        "cyberprogramma dat gericht is tegen Nederland."
    )
    assert ("ruritanie", "targeted", "nederland") in found


def test_a_victim_without_an_agent_takes_the_documents_threat_actor():
    table = {**ACTORS, "Jan Smit": "Person"}
    text = (
        "Grauwe Reiger verspreidt al jaren nepberichten. Onderzoekers volgen Grauwe Reiger "
        "sinds 2021. Ook enkele Ruritaanse politici, onder wie Jan Smit, waren doelwit."
    )
    found = {t[:3] for t in claim_triples(text, table)}
    assert ("grauwe-reiger", "targeted", "jan-smit") in found


def test_a_victim_without_any_threat_actor_in_the_text_gets_no_agent():
    table = {**ACTORS, "Jan Smit": "Person"}
    found = {
        t[:3]
        for t in claim_triples("Ook Jan Smit werd doelwit. De Staatsraad zoekt uit hoe.", table)
    }
    assert not {t for t in found if t[2] == "jan-smit"}


def test_an_apposition_naming_a_foreign_state_agency_ties_it_to_its_state():
    table = {**ACTORS, "Zakat Bureau": "GovernmentBody"}
    text = "Het Zakat Bureau, het Iraanse presidium voor religieuze giften, stuurt imams aan."
    found = {t[:3] for t in claim_triples(text, table)}
    assert ("zakat-bureau", "affiliatedWith", "iran") in found
    text = "Het Zakat Bureau, het Iraanse agentschap voor giften, stuurt imams aan."
    found = {t[:3] for t in claim_triples(text, table)}
    assert ("zakat-bureau", "affiliatedWith", "iran") in found


def test_mapping_in_a_subordinate_clause_with_the_finite_verb_last():
    found = rel(
        "De Staatsraad stelt vast dat Ruritanië de Nederlandse havens al jaren in kaart "
        "brengt. Nederland neemt maatregelen."
    )
    assert ("ruritanie", "targeted", "nederland") in found


def test_a_hostile_actor_working_through_a_platform_uses_it():
    table = {**ACTORS, "Telegram": "Company"}
    text = (
        "Grauwe Reiger is een hackersgroep die sinds 2021 actief is. Deze groep werft "
        "vrijwilligers via Telegram."
    )
    found = {t[:3] for t in claim_triples(text, table)}
    assert ("grauwe-reiger", "uses", "telegram") in found
    # A home body warning through a platform is no hostile use.
    found = {
        t[:3]
        for t in claim_triples("De Staatsraad waarschuwt via Telegram voor nepberichten.", table)
    }
    assert ("staatsraad", "uses", "telegram") not in found


def test_a_threat_actor_mailing_members_of_a_body_targets_it():
    found = rel(
        "Onderzoekers zagen dat Zwartwoud vorig jaar berichten met kwaadaardige bijlagen "
        "heeft verstuurd naar medewerkers van Stichting Oeverhuis."
    )
    assert ("zwartwoud", "targeted", "stichting-oeverhuis") in found
    # A body of the state mailing others is no attacker.
    found = rel("De Staatsraad heeft e-mails gestuurd naar Stichting Oeverhuis.")
    assert ("staatsraad", "targeted", "stichting-oeverhuis") not in found
