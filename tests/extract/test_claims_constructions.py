"""General Dutch constructions for targeted and affiliatedWith (issue 4, point 4).

Every sentence and every name is invented.
"""

from __future__ import annotations

import pytest
from support import claim_triples, document_with_names

from kamerkg.extract.claims import extract_claims
from kamerkg.extract.model import Part, Span

ACTORS = {
    "Bolt Systems": "Company",
    "Kraanvogel Tech": "Company",
    "Pelikaan Data": "Company",
    "APT77": "ThreatActor",
    "Zandstorm": "ThreatActor",
    "China": "Country",
    "Rusland": "Country",
    "Iran": "Country",
    "Russische inlichtingendienst": "GovernmentBody",
    "ministerie van Defensie": "GovernmentBody",
    "Communistische Partij": "PoliticalParty",
    "Volksleger": "GovernmentBody",
    "Stichting Vrije Pers": "Organisation",
    "Anna de Vries": "Person",
    "Li Wei": "Person",
}


def triples(text: str) -> set[tuple[str, str, str, str]]:
    return claim_triples(text, ACTORS)


def rel(text: str) -> set[tuple[str, str, str]]:
    return {t[:3] for t in triples(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Active verbs of the "viseren" family (Flemish and press Dutch).
        (
            "Zandstorm viseerde de afgelopen maanden Stichting Vrije Pers.",
            ("zandstorm", "targeted", "stichting-vrije-pers"),
        ),
        (
            "Anna de Vries werd in 2021 geviseerd door Iran.",
            ("iran", "targeted", "anna-de-vries"),
        ),
        # Passive with the agent before the participle.
        (
            "Het ministerie van Defensie is door APT77 gehackt.",
            ("apt77", "targeted", "ministerie-van-defensie"),
        ),
        (
            "Bolt Systems werd vorig jaar door Rusland aangevallen.",
            ("rusland", "targeted", "bolt-systems"),
        ),
        # "getroffen door" / "slachtoffer van".
        (
            "Bolt Systems werd in 2022 getroffen door een cyberaanval van APT77.",
            ("apt77", "targeted", "bolt-systems"),
        ),
        (
            "Het ministerie van Defensie is het slachtoffer geworden van Zandstorm.",
            ("zandstorm", "targeted", "ministerie-van-defensie"),
        ),
        # Nominalisations: "de hack van X bij Y", "de inbraak door X bij Y".
        (
            "De hack van APT77 bij het ministerie van Defensie kwam pas later aan het licht.",
            ("apt77", "targeted", "ministerie-van-defensie"),
        ),
        (
            "De inbraak door APT77 bij Pelikaan Data werd in mei ontdekt.",
            ("apt77", "targeted", "pelikaan-data"),
        ),
        (
            "Een APT77-aanval op het ministerie van Defensie werd verijdeld.",
            ("apt77", "targeted", "ministerie-van-defensie"),
        ),
        # Idioms.
        (
            "Zandstorm heeft het al langer gemunt op Stichting Vrije Pers.",
            ("zandstorm", "targeted", "stichting-vrije-pers"),
        ),
        (
            "APT77 heeft Bolt Systems al jaren in het vizier.",
            ("apt77", "targeted", "bolt-systems"),
        ),
        # Infinitives after a modal or "proberen".
        (
            "Zandstorm probeerde Anna de Vries te hacken.",
            ("zandstorm", "targeted", "anna-de-vries"),
        ),
        (
            "APT77 wist binnen te dringen in de netwerken van het ministerie van Defensie.",
            ("apt77", "targeted", "ministerie-van-defensie"),
        ),
        (
            "Rusland stal vertrouwelijke gegevens van Bolt Systems.",
            ("rusland", "targeted", "bolt-systems"),
        ),
        (
            "Rusland voerde een sabotageactie uit tegen Bolt Systems.",
            ("rusland", "targeted", "bolt-systems"),
        ),
        (
            "APT77 zou de systemen van Pelikaan Data hebben gecompromitteerd.",
            ("apt77", "targeted", "pelikaan-data"),
        ),
    ],
)
def test_targeted_constructions(text, expected):
    assert expected in rel(text)


def test_victim_list_after_doelwitten_van():
    found = rel("Doelwitten van APT77 waren onder meer Bolt Systems en Pelikaan Data.")
    assert ("apt77", "targeted", "bolt-systems") in found
    assert ("apt77", "targeted", "pelikaan-data") in found


def test_sentence_initial_de_groep_is_the_threat_actor():
    found = rel("Zandstorm is actief sinds 2019. De groep hackte eerder Bolt Systems.")
    assert ("zandstorm", "targeted", "bolt-systems") in found


def test_de_groep_inside_a_sentence_is_no_anaphor():
    # "de groep Kamerleden": an ordinary noun phrase, not the threat actor.
    found = rel(
        "Zandstorm is actief. Volgens Anna de Vries hackte de groep Kamerleden Bolt Systems."
    )
    assert ("zandstorm", "targeted", "bolt-systems") not in found


def test_reporter_is_no_victim_of_a_passive_attack():
    found = rel("Anna de Vries meldt dat Bolt Systems door APT77 is aangevallen.")
    assert ("apt77", "targeted", "bolt-systems") in found
    assert ("apt77", "targeted", "anna-de-vries") not in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pelikaan Data is een Chinees bedrijf.", ("pelikaan-data", "affiliatedWith", "china")),
        (
            "Pelikaan Data is een Chinese staatsonderneming.",
            ("pelikaan-data", "affiliatedWith", "china"),
        ),
        ("Zandstorm is een Iraanse hackersgroep.", ("zandstorm", "attributedTo", "iran")),
        (
            "Bolt Systems, dat onder controle staat van het Volksleger, levert drones.",
            ("bolt-systems", "affiliatedWith", "volksleger"),
        ),
        (
            "Bolt Systems staat onder directe controle van de Communistische Partij.",
            ("bolt-systems", "affiliatedWith", "communistische-partij"),
        ),
        (
            "Bolt Systems wordt gecontroleerd door de Communistische Partij.",
            ("bolt-systems", "affiliatedWith", "communistische-partij"),
        ),
        (
            "Kraanvogel Tech is in 2009 opgericht door het Volksleger.",
            ("kraanvogel-tech", "affiliatedWith", "volksleger"),
        ),
        (
            "Pelikaan Data maakt sinds kort deel uit van Bolt Systems.",
            ("pelikaan-data", "affiliatedWith", "bolt-systems"),
        ),
        (
            "APT77 maakt deel uit van de Russische inlichtingendienst.",
            ("apt77", "attributedTo", "russische-inlichtingendienst"),
        ),
        (
            "Pelikaan Data werkt nauw samen met het Volksleger.",
            ("pelikaan-data", "affiliatedWith", "volksleger"),
        ),
        (
            "Pelikaan Data is een dekmantel van de Russische inlichtingendienst.",
            ("pelikaan-data", "affiliatedWith", "russische-inlichtingendienst"),
        ),
        (
            "Pelikaan Data fungeert als frontbedrijf voor Zandstorm.",
            ("pelikaan-data", "affiliatedWith", "zandstorm"),
        ),
        (
            "Het staatsbedrijf Bolt Systems valt onder het Volksleger.",
            ("bolt-systems", "affiliatedWith", "volksleger"),
        ),
        (
            "Het aan het Volksleger gelieerde Pelikaan Data groeit snel.",
            ("pelikaan-data", "affiliatedWith", "volksleger"),
        ),
        (
            "De aan China gelieerde groep Zandstorm is actief.",
            ("zandstorm", "attributedTo", "china"),
        ),
        ("De door Iran gesteunde groep APT77 viel aan.", ("apt77", "attributedTo", "iran")),
        (
            "Li Wei werkte jarenlang voor Bolt Systems.",
            ("li-wei", "affiliatedWith", "bolt-systems"),
        ),
        (
            "Pelikaan Data heeft nauwe banden met het Chinese leger.",
            ("pelikaan-data", "affiliatedWith", "china"),
        ),
    ],
)
def test_affiliation_constructions(text, expected):
    assert expected in rel(text)


def test_founder_points_to_the_company():
    # Affiliation runs from the smaller party to the larger: person -> company.
    found = rel("Kraanvogel Tech werd opgericht door Li Wei.")
    assert ("li-wei", "affiliatedWith", "kraanvogel-tech") in found
    assert ("kraanvogel-tech", "affiliatedWith", "li-wei") not in found


def test_company_points_to_the_state_whatever_the_word_order():
    found = rel("Het Volksleger is nauw verbonden met Bolt Systems.")
    assert ("bolt-systems", "affiliatedWith", "volksleger") in found


def test_passive_founder_needs_the_subject_in_its_clause():
    # The reporter far left is not what was founded.
    found = rel(
        "Stichting Vrije Pers meldt dat er in Rotterdam kantoren zijn die zijn opgezet door "
        "het Volksleger."
    )
    assert not any(t[1] == "affiliatedWith" for t in found)


def test_works_for_needs_a_company_or_body_subject():
    # The government working "for" something is no affiliation.
    found = rel("Het ministerie van Defensie werkt voor de veiligheid van Bolt Systems.")
    assert not any(t[1] == "affiliatedWith" for t in found)


def test_new_constructions_keep_their_stance():
    found = triples("Volgens Anna de Vries werd Bolt Systems getroffen door een aanval van APT77.")
    assert ("apt77", "targeted", "bolt-systems", "reported") in found


ACTORS_MORE = {
    "Nederland": "Country",
    "OPCW": "Organisation",
    "Universiteit Twente": "Organisation",
}


def triples_more(text: str) -> set[tuple[str, str, str, str]]:
    return claim_triples(text, {**ACTORS, **ACTORS_MORE})


def rel_more(text: str) -> set[tuple[str, str, str]]:
    document, actors, mentions = document_with_names(text, {**ACTORS, **ACTORS_MORE})
    return {
        (c.subject, c.relation, c.object) for c in extract_claims(document, actors, mentions, [])
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A nationality and an agent noun stand for the attacker.
        (
            "Klopt het dat Chinese hackers de netwerken van het ministerie van Defensie zijn "
            "binnengedrongen?",
            ("china", "targeted", "ministerie-van-defensie"),
        ),
        (
            "Bent u bekend met het bericht dat Bolt Systems is gehackt door Chinese hackers?",
            ("china", "targeted", "bolt-systems"),
        ),
        (
            "Bolt Systems werd aangevallen door de Russische militaire inlichtingendienst.",
            ("rusland", "targeted", "bolt-systems"),
        ),
        (
            "Ook Universiteit Twente werd door Chinese spionnen benaderd.",
            ("china", "targeted", "universiteit-twente"),
        ),
        # "Nederlandse bedrijven" stands for the country as victim.
        (
            "Volgens de AIVD richt China zich op Nederlandse bedrijven en kennisinstellingen.",
            ("china", "targeted", "nederland"),
        ),
        (
            "De Russische inlichtingendienst probeerde de mailservers van de OPCW binnen te "
            "dringen.",
            ("russische-inlichtingendienst", "targeted", "opcw"),
        ),
        # The adjective on the attack noun beats a name further left.
        (
            "Nederland onderzoekt de Russische aanval op Bolt Systems.",
            ("rusland", "targeted", "bolt-systems"),
        ),
        (
            "De Chinese spionage bij Bolt Systems duurde jaren.",
            ("china", "targeted", "bolt-systems"),
        ),
        ("China voert spionage uit bij Bolt Systems.", ("china", "targeted", "bolt-systems")),
        # The agent named after the object.
        (
            "De cyberaanvallen op Bolt Systems en Pelikaan Data komen van APT77.",
            ("apt77", "targeted", "pelikaan-data"),
        ),
        (
            "De aanval op het ministerie van Defensie werd uitgevoerd door APT77.",
            ("apt77", "targeted", "ministerie-van-defensie"),
        ),
        # Ownership and origin.
        (
            "Kraanvogel Tech is voor 40 procent in handen van de Chinese staat.",
            ("kraanvogel-tech", "affiliatedWith", "china"),
        ),
        (
            "Het Volksleger is grootaandeelhouder van Kraanvogel Tech.",
            ("kraanvogel-tech", "affiliatedWith", "volksleger"),
        ),
        (
            "Chinese bedrijven als Bolt Systems en Kraanvogel Tech zijn actief in Nederland.",
            ("kraanvogel-tech", "affiliatedWith", "china"),
        ),
        (
            "Bolt Systems, een bedrijf uit China, levert drones.",
            ("bolt-systems", "affiliatedWith", "china"),
        ),
        (
            "Bolt Systems heeft zijn hoofdkantoor in China.",
            ("bolt-systems", "affiliatedWith", "china"),
        ),
        # Holding a state responsible.
        (
            "China wordt verantwoordelijk gehouden voor de activiteiten van APT77.",
            ("apt77", "attributedTo", "china"),
        ),
        (
            "Nederland houdt Rusland verantwoordelijk voor Zandstorm.",
            ("zandstorm", "attributedTo", "rusland"),
        ),
    ],
)
def test_more_constructions(text, expected):
    assert expected in rel_more(text)


def test_holding_responsible_for_an_attack_targets_the_victim():
    found = rel_more("Nederland houdt Rusland verantwoordelijk voor de aanval op Bolt Systems.")
    assert ("rusland", "targeted", "bolt-systems") in found
    assert not any(t[1] == "attributedTo" and t[2] == "rusland" for t in found)


def test_infinitive_attack_needs_a_hostile_subject():
    # A company trying to "hack" nothing: no relation between two victims.
    found = rel_more("Bolt Systems vraagt Pelikaan Data om niet te hacken.")
    assert not any(t[1] == "targeted" for t in found)


def test_adjective_only_country_gets_no_claim():
    # "Chinese" alone names no country: the gold convention has no China to tie to.
    from kamerkg.extract.claims import implied_countries

    text = "Het Chinese bedrijf Bolt Systems werkt samen met Stichting Vrije Pers."
    table = {"Bolt Systems": "Company", "Stichting Vrije Pers": "Organisation"}
    document, actors, mentions = document_with_names(text, table)
    implied = implied_countries(document, actors, mentions)
    assert [a.id for a in implied] == ["china"]
    for actor in implied:
        actor.named = False
    found = {
        (c.subject, c.relation, c.object)
        for c in extract_claims(document, actors + implied, mentions, [])
    }
    assert ("bolt-systems", "affiliatedWith", "stichting-vrije-pers") in found
    assert not any("china" in (s, o) for s, _, o in found)
    # Named once as a noun, the country does take the claim.
    text += " China steunt het bedrijf."
    document, actors, mentions = document_with_names(text, {**table, "China": "Country"})
    found = {
        (c.subject, c.relation, c.object) for c in extract_claims(document, actors, mentions, [])
    }
    assert ("bolt-systems", "affiliatedWith", "china") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "de aanslag" names the shooting again; its agent gets the earlier victim.
        (
            "Anna de Vries is vorige maand in Gent neergestoken. Justitie gaat na of Iran de "
            "opdracht gaf voor de aanslag.",
            ("iran", "targeted", "anna-de-vries"),
        ),
        (
            "Vraag 4: Klopt het dat Bolt Systems is gehackt? Antwoord: De hack wordt door "
            "onderzoekers toegeschreven aan APT77.",
            ("apt77", "targeted", "bolt-systems"),
        ),
        (
            "Er was een cyberaanval op Pelikaan Data. Volgens het bedrijf zit Zandstorm achter "
            "deze aanval.",
            ("zandstorm", "targeted", "pelikaan-data"),
        ),
    ],
)
def test_anaphoric_attack_takes_the_earlier_victim(text, expected):
    assert expected in rel(text)


def test_anaphoric_attack_needs_an_agent_link_and_a_hostile_agent():
    # The police investigating "de aanslag" is no attacker; no link word, no claim.
    found = rel(
        "Anna de Vries werd vorige maand neergeschoten. Stichting Vrije Pers sprak over de "
        "aanslag met Iran."
    )
    assert ("iran", "targeted", "anna-de-vries") not in found
    found = rel("Anna de Vries werd neergeschoten. De aanslag is door de politie onderzocht.")
    assert not any(t[1] == "targeted" for t in found)


def test_anaphoric_attack_reaches_back_only_so_far():
    filler = "Het kabinet bespreekt daarna vele andere onderwerpen met de Kamer. " * 15
    found = rel(
        "Anna de Vries werd vorige maand neergeschoten. "
        + filler
        + "Iran heeft opdracht gegeven voor de aanslag."
    )
    assert ("iran", "targeted", "anna-de-vries") not in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Li Wei, die bij Bolt Systems werkt, werd opgepakt.",
            ("li-wei", "affiliatedWith", "bolt-systems"),
        ),
        (
            "Li Wei, onderzoeker aan de Universiteit Twente, zweeg.",
            ("li-wei", "affiliatedWith", "universiteit-twente"),
        ),
        (
            "Li Wei promoveerde in 2015 aan de Universiteit Twente.",
            ("li-wei", "affiliatedWith", "universiteit-twente"),
        ),
        ("Li Wei (Bolt Systems) zweeg.", ("li-wei", "affiliatedWith", "bolt-systems")),
        (
            "Li Wei van Bolt Systems zei dat er niets aan de hand was.",
            ("li-wei", "affiliatedWith", "bolt-systems"),
        ),
        ("Li Wei is in dienst van het Volksleger.", ("li-wei", "affiliatedWith", "volksleger")),
        # Ownership: the owned company points to its owner.
        (
            "Kraanvogel Tech, eigenaar van Bolt Systems, groeit.",
            ("bolt-systems", "affiliatedWith", "kraanvogel-tech"),
        ),
        (
            "Kraanvogel Tech is grootaandeelhouder van Bolt Systems.",
            ("bolt-systems", "affiliatedWith", "kraanvogel-tech"),
        ),
        (
            "Kraanvogel Tech nam Bolt Systems in 2019 over.",
            ("bolt-systems", "affiliatedWith", "kraanvogel-tech"),
        ),
        (
            "De overname van Bolt Systems door Kraanvogel Tech is afgerond.",
            ("bolt-systems", "affiliatedWith", "kraanvogel-tech"),
        ),
        (
            "Stichting Vrije Pers ontvangt al jaren geld van het Volksleger.",
            ("stichting-vrije-pers", "affiliatedWith", "volksleger"),
        ),
        # "dat de groep" after a mention of the threat actor.
        (
            "Zandstorm is bekend. Uit onderzoek van Kraanvogel Tech blijkt dat de groep zich "
            "richt op Bolt Systems.",
            ("zandstorm", "targeted", "bolt-systems"),
        ),
    ],
)
def test_people_owners_and_anaphors(text, expected):
    assert expected in rel_more(text)


def test_the_source_of_a_finding_is_no_agent():
    found = rel_more(
        "Uit onderzoek van Kraanvogel Tech blijkt dat APT77 zich richt op Bolt Systems."
    )
    assert ("apt77", "targeted", "bolt-systems") in found
    assert ("kraanvogel-tech", "targeted", "bolt-systems") not in found


def test_spying_for_a_state_targets_nobody_named():
    found = rel_more("Li Wei werd gearresteerd wegens spionage voor China.")
    assert ("china", "targeted", "li-wei") not in found


def test_the_attributor_of_an_anaphoric_attack_is_not_its_agent():
    found = rel_more(
        "Vraag 2: Klopt het dat Bolt Systems is gehackt? Antwoord: Ja. Iran heeft de hack "
        "toegeschreven aan Rusland."
    )
    assert ("rusland", "targeted", "bolt-systems") in found
    assert ("iran", "targeted", "bolt-systems") not in found


def _exchanges(blocks: list[tuple[str, int, str]]):
    """A document of question/answer parts: (kind, number, text) per block."""
    text, parts = "", []
    for kind, number, block in blocks:
        start = len(text)
        text += block + "\n\n"
        covers = (number,) if kind == "answer" else ()
        parts.append(Part(kind, Span(start, start + len(block)), number=number, covers=covers))
    return document_with_names(text, {**ACTORS, **ACTORS_MORE}, parts)


def test_anaphoric_attack_does_not_reach_into_another_exchange():
    blocks = [
        ("question", 1, "Is Bolt Systems aangevallen door Zandstorm?"),
        ("answer", 1, "Ja."),
        ("question", 2, "Hoe gaat het met Stichting Vrije Pers?"),
        ("answer", 2, "Goed."),
        ("question", 3, "Wat weet u over de aanval in Gent?"),
        ("answer", 3, "Iran zit achter de aanval."),
    ]
    document, actors, mentions = _exchanges(blocks)
    found = {
        (c.subject, c.relation, c.object) for c in extract_claims(document, actors, mentions, [])
    }
    assert ("zandstorm", "targeted", "bolt-systems") in found
    assert ("iran", "targeted", "bolt-systems") not in found
    # The answer to the question about the attack does take its victim.
    blocks[-2] = ("question", 3, "Wie zit achter de aanval op Stichting Vrije Pers?")
    document, actors, mentions = _exchanges(blocks)
    found = {
        (c.subject, c.relation, c.object) for c in extract_claims(document, actors, mentions, [])
    }
    assert ("iran", "targeted", "stichting-vrije-pers") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "In 2018 verijdelde de AIVD een operatie van Zandstorm tegen de OPCW.",
            ("zandstorm", "targeted", "opcw"),
        ),
        (
            "APT77, ook bekend als Grijze Reiger, maakt deel uit van de Russische "
            "inlichtingendienst.",
            ("apt77", "attributedTo", "russische-inlichtingendienst"),
        ),
        (
            "APT77 was in 2015 verantwoordelijk voor de hack van Stichting Vrije Pers.",
            ("apt77", "targeted", "stichting-vrije-pers"),
        ),
    ],
)
def test_operations_appositions_and_responsibility(text, expected):
    assert expected in rel_more(text)


def test_who_foils_an_operation_is_not_its_agent():
    found = rel_more("In 2018 verijdelde de AIVD een operatie van Zandstorm tegen de OPCW.")
    assert ("aivd", "targeted", "opcw") not in found


def test_the_source_of_a_report_is_no_victim():
    found = rel_more(
        "Volgens Stichting Vrije Pers stond het nummer van Anna de Vries op een lijst van "
        "doelwitten van Iran."
    )
    assert ("iran", "targeted", "anna-de-vries") in found
    assert ("iran", "targeted", "stichting-vrije-pers") not in found


def test_anaphor_prefers_the_one_antecedent_just_before_it():
    text = (
        "Bolt Systems levert drones. Bolt Systems groeit. Bolt Systems is groot. "
        "Kraanvogel Tech is in 2017 veroordeeld. Het bedrijf heeft nauwe banden met het Volksleger."
    )
    found = rel_more(text)
    assert ("kraanvogel-tech", "affiliatedWith", "volksleger") in found
    assert ("bolt-systems", "affiliatedWith", "volksleger") not in found


def test_verb_last_falls_under():
    found = triples_more(
        "Zandstorm is actief. De groep zou volgens Londen onder de Russische inlichtingendienst "
        "(RID) vallen."
    )
    assert ("zandstorm", "attributedTo", "russische-inlichtingendienst", "reported") in found
    found = rel_more("Men zegt dat Bolt Systems sinds 2019 onder het Volksleger valt.")
    assert ("bolt-systems", "affiliatedWith", "volksleger") in found


def test_owner_in_front_of_a_relative_clause():
    found = rel_more(
        "Li Wei, die nauwe banden heeft met het Volksleger, is eigenaar van Bolt Systems."
    )
    assert ("li-wei", "affiliatedWith", "bolt-systems") in found
    assert ("li-wei", "affiliatedWith", "volksleger") in found
    assert ("bolt-systems", "affiliatedWith", "volksleger") not in found


def test_passive_control_after_a_descriptive_relative_clause():
    found = rel_more("Pelikaan Data, een bedrijf dat wordt gecontroleerd door Li Wei, groeit.")
    assert ("li-wei", "affiliatedWith", "pelikaan-data") in found


def test_the_attributor_in_a_passive_is_no_subject():
    found = rel_more("APT77 wordt door de AIVD en Rusland toegeschreven aan Iran.")
    assert ("apt77", "attributedTo", "iran") in found
    assert ("apt77", "attributedTo", "rusland") not in found


def test_approaching_staff_targets_their_employer():
    found = rel_more("Zandstorm heeft geprobeerd medewerkers van Bolt Systems te benaderen.")
    assert ("zandstorm", "targeted", "bolt-systems") in found


def test_passive_attribution_by_another_state_is_reported():
    found = triples_more("APT77 wordt door Rusland toegeschreven aan Iran.")
    assert ("apt77", "attributedTo", "iran", "reported") in found
    found = triples_more("APT77 wordt door de AIVD toegeschreven aan Iran.")
    assert ("apt77", "attributedTo", "iran", "asserted") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rusland spioneert al jaren in Nederland.", ("rusland", "targeted", "nederland")),
        ("De Russische spionage in Nederland neemt toe.", ("rusland", "targeted", "nederland")),
        ("Rusland verspreidt desinformatie in Nederland.", ("rusland", "targeted", "nederland")),
        ("Iran intimideert Anna de Vries.", ("iran", "targeted", "anna-de-vries")),
        ("Nederland is een doelwit van Russische spionage.", ("rusland", "targeted", "nederland")),
        ("Nederland is doelwit van Chinese cyberaanvallen.", ("china", "targeted", "nederland")),
    ],
)
def test_espionage_and_influence_in_a_country(text, expected):
    assert expected in rel_more(text)


def test_nobody_as_object_denies():
    found = triples_more("Iran bedreigt niemand bij Stichting Vrije Pers.")
    assert ("iran", "targeted", "stichting-vrije-pers", "denied") in found
