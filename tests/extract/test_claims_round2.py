"""Relation constructions of the second recall round (issue 4, point 4).

Every sentence and every name is invented.
"""

from __future__ import annotations

import pytest
from support import claim_triples

ACTORS = {
    "Bolt Systems": "Company",
    "Kraanvogel Tech": "Company",
    "Pelikaan Data": "Company",
    "APT77": "ThreatActor",
    "Zandstorm": "ThreatActor",
    "Grijze Reiger": "ThreatActor",
    "China": "Country",
    "Rusland": "Country",
    "Iran": "Country",
    "Nederland": "Country",
    "Ruritanië": "Country",
    "Volksleger": "GovernmentBody",
    "Centrale Raad": "GovernmentBody",
    "Directoraat Geloofszaken": "GovernmentBody",
    "Russische Veiligheidsraad": "GovernmentBody",
    "Nederlandse Veiligheidsraad": "GovernmentBody",
    "politie": "GovernmentBody",
    "Volkspartij": "PoliticalParty",
    "Stichting Vrije Pers": "Organisation",
    "Jongeren voor Vrijheid": "Organisation",
    "Hogeschool Noord": "Organisation",
    "Defensie-Instituut": "Organisation",
    "Anna de Vries": "Person",
    "Li Wei": "Person",
}


def triples(text: str) -> set[tuple[str, str, str, str]]:
    return claim_triples(text, ACTORS)


def rel(text: str) -> set[tuple[str, str, str]]:
    return {t[:3] for t in triples(text)}


def test_ties_of_a_threat_actor_to_a_service_or_group_are_affiliations():
    found = rel("Volgens onderzoekers heeft Zandstorm nauwe banden met het Volksleger.")
    assert ("zandstorm", "affiliatedWith", "volksleger") in found
    assert ("zandstorm", "attributedTo", "volksleger") not in found
    found = rel("Heeft Zandstorm banden met andere groepen, zoals APT77, en met het Volksleger?")
    assert {
        ("zandstorm", "affiliatedWith", "apt77"),
        ("zandstorm", "affiliatedWith", "volksleger"),
    } <= found
    assert not any(s == "apt77" and r == "attributedTo" for s, r, _ in found)
    # Ties to a state still attribute the actor to it.
    assert ("apt77", "attributedTo", "rusland") in rel("APT77 heeft banden met Rusland.")


def test_a_plural_group_noun_carries_its_nationality():
    found = rel("Er zijn overeenkomsten met Russische groepen als APT77 en Zandstorm.")
    assert {("apt77", "attributedTo", "rusland"), ("zandstorm", "attributedTo", "rusland")} <= found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Volgens het rapport is Jongeren voor Vrijheid de jongerenorganisatie van de "
            "Volkspartij.",
            ("jongeren-voor-vrijheid", "affiliatedWith", "volkspartij"),
        ),
        (
            "Pelikaan Data, een merk van Kraanvogel Tech, verkoopt sensoren.",
            ("pelikaan-data", "affiliatedWith", "kraanvogel-tech"),
        ),
        # The parent first: the child is the one affiliated.
        (
            "Fabrikanten als Kraanvogel Tech (het moederbedrijf van Pelikaan Data) groeien.",
            ("pelikaan-data", "affiliatedWith", "kraanvogel-tech"),
        ),
    ],
)
def test_part_of_and_parent_nouns(text, expected):
    assert expected in rel(text)


def test_cooperation_between_institutions():
    assert ("hogeschool-noord", "affiliatedWith", "defensie-instituut", "denied") in triples(
        "Hogeschool Noord heeft verklaard geen samenwerking met het Defensie-Instituut te hebben."
    )
    assert ("hogeschool-noord", "affiliatedWith", "kraanvogel-tech") in rel(
        "Hogeschool Noord is in 2021 een samenwerking aangegaan met Kraanvogel Tech."
    )
    # "in samenwerking met" says who helped with an act, not a standing tie.
    assert not rel("In samenwerking met Kraanvogel Tech heeft Hogeschool Noord een studie gedaan.")


def test_this_network_is_the_threat_actor_named_before():
    text = (
        "Grijze Reiger is een crimineel netwerk. Volgens de politie werkt dit netwerk in "
        "opdracht van Iran."
    )
    assert ("grijze-reiger", "attributedTo", "iran") in rel(text)


def test_plots_in_a_country_target_it():
    text = "Er zijn aanwijzingen dat Grijze Reiger in Nederland aanslagen op journalisten beraamt."
    assert ("grijze-reiger", "targeted", "nederland") in rel(text)


def test_an_apposition_may_qualify_the_nationality():
    found = rel("Zandstorm, een andere Iraanse groep, viel eerder Kraanvogel Tech aan.")
    assert ("zandstorm", "attributedTo", "iran") in found


def test_a_state_body_named_by_its_nationality_and_head_noun():
    found = rel("Studenten van het Russische directoraat voor defensie Centrale Raad zijn welkom.")
    assert ("centrale-raad", "affiliatedWith", "rusland") in found
    found = rel("Wij werken niet samen met de Iraanse militaire universiteit Centrale Raad.")
    assert ("centrale-raad", "affiliatedWith", "iran") in found
    # A bare adjective on a state body restates its name, it is no claim.
    assert not rel("Het Iraanse Directoraat Geloofszaken stuurt imams.")


def test_an_organisation_needs_a_state_head_noun():
    assert ("defensie-instituut", "affiliatedWith", "china") in rel(
        "Het Chinese militaire instituut Defensie-Instituut publiceert veel."
    )
    # A research institute abroad is not tied to its state by its nationality alone.
    assert not rel("Volgens het Chinese instituut Defensie-Instituut is het risico klein.")


def test_a_predicate_noun_phrase_with_its_door_agent():
    found = triples("Volgens de krant is Grijze Reiger een door Iran gefinancierde campagne.")
    assert ("grijze-reiger", "attributedTo", "iran", "reported") in found
    # The "door" agent of the predicate is its object, not who reports the attribution.
    found = triples("Het kabinet stelt vast: Zandstorm is een door Rusland aangestuurde groep.")
    assert ("zandstorm", "attributedTo", "rusland", "asserted") in found
    found = rel("Zandstorm, een door Rusland gesteunde groep, viel Bolt Systems aan.")
    assert ("zandstorm", "attributedTo", "rusland") in found


def test_a_predicate_nouns_relative_clause_keeps_the_subject():
    found = rel("Het Defensie-Instituut is een instelling die valt onder de Centrale Raad.")
    assert ("defensie-instituut", "affiliatedWith", "centrale-raad") in found
    found = rel("De Centrale Raad is een dienst die rechtstreeks onder het Volksleger valt.")
    assert ("centrale-raad", "affiliatedWith", "volksleger") in found


def test_a_countrys_institutions_stand_for_it_as_victim():
    found = rel(
        "Onderzoek toont dat APT77 enkele Nederlandse telecom- en energiebedrijven heeft gehackt."
    )
    assert ("apt77", "targeted", "nederland") in found
    found = rel(
        "Volgens de dienst heeft Zandstorm andere Nederlandse overheidsorganisaties aangevallen."
    )
    assert ("zandstorm", "targeted", "nederland") in found
    # Never the agent: the country's bodies are what was attacked.
    found = rel("Nederlandse bedrijven werden vorig jaar door APT77 aangevallen.")
    assert ("nederland", "targeted", "apt77") not in found
    # People of a nationality are no institutions of that state.
    assert not rel("Zandstorm heeft Iraanse dissidenten bespioneerd.")


def test_triggers_run_across_a_line_break_inside_a_sentence():
    text = "De rechter schorste Li Wei, die tevens bestuursvoorzitter \nvan Bolt Systems is."
    assert ("li-wei", "affiliatedWith", "bolt-systems") in rel(text)
    text = "Zandstorm wordt\ngefinancierd door Iran."
    assert ("zandstorm", "attributedTo", "iran") in rel(text)


def test_a_trigger_ending_a_line_does_not_run_into_a_heading():
    text = "Titel: Het bericht dat Zandstorm klanten kon afluisteren\nAntwoord van Anna de Vries"
    assert not rel(text)


def test_a_door_agent_is_no_subject_of_a_verb_last_attack():
    text = (
        "Drie mannen die door de Centrale Raad zijn opgepakt toen zij de servers van "
        "Kraanvogel Tech probeerden te hacken, blijven vastzitten."
    )
    assert not any(r == "targeted" for _, r, _ in rel(text))
    assert ("nederland", "targeted", "rusland") not in rel("Nederland is door Rusland gehackt.")


def test_coordinated_verb_phrases_share_their_subject():
    text = (
        "Pelikaan Data is in 2015 afgesplitst van een divisie van Bolt Systems en is sinds "
        "2020 volledig in handen van Kraanvogel Tech."
    )
    found = rel(text)
    assert ("pelikaan-data", "affiliatedWith", "kraanvogel-tech") in found
    assert ("bolt-systems", "affiliatedWith", "kraanvogel-tech") not in found


def test_a_name_opening_a_relative_clause_is_its_user():
    text = (
        "De Centrale Raad heeft vorig jaar een botnet ontmanteld, een netwerk van routers dat "
        "Zandstorm gebruikte om aanvallen te verhullen."
    )
    assert not any(r == "uses" for _, r, _ in rel(text))


def test_a_means_before_a_purpose_clause_is_no_victim():
    text = "Zandstorm misbruikte servers van Bolt Systems om sabotage voor te bereiden."
    assert ("zandstorm", "targeted", "bolt-systems") not in rel(text)
    assert ("zandstorm", "targeted", "bolt-systems") in rel(
        "Bolt Systems was vorig jaar het doelwit van sabotage door Zandstorm."
    )


def test_a_role_pointing_back_to_the_organisation_just_named():
    text = "Er zijn sancties tegen de groep Grijze Reiger en de leider daarvan, Li Wei."
    assert ("li-wei", "affiliatedWith", "grijze-reiger") in rel(text)
    text = "Bolt Systems en de oprichter ervan, Anna de Vries, ontkennen alles."
    assert ("anna-de-vries", "affiliatedWith", "bolt-systems") in rel(text)


def test_plural_attacks_take_up_every_victim_of_a_list():
    text = (
        "Hoe reageert het kabinet op de liquidaties van Anna de Vries in Gent en Li Wei in "
        "Lyon? Onderzoekers vermoeden dat Iran achter deze liquidaties zat."
    )
    found = rel(text)
    assert {("iran", "targeted", "anna-de-vries"), ("iran", "targeted", "li-wei")} <= found


def test_the_principal_of_an_attack_just_described():
    text = (
        "In april werd Anna de Vries in Lyon neergeschoten. Een Franse krant schrijft dat "
        "Iran de opdrachtgever zou zijn."
    )
    assert ("iran", "targeted", "anna-de-vries", "reported") in triples(text)
    text += " Op dat strafrechtelijke onderzoek wil de minister niet vooruitlopen."
    assert ("iran", "targeted", "anna-de-vries", "unconfirmed") in triples(text)


def test_verb_last_passive_ties_with_the_agent_before_the_verb():
    found = triples(
        "Er zijn nooit aanwijzingen gevonden dat de Volkspartij door Iran wordt aangestuurd."
    )
    assert ("volkspartij", "affiliatedWith", "iran", "denied") in found
    found = rel("Men vermoedt dat Zandstorm door de Centrale Raad werd betaald.")
    assert ("zandstorm", "attributedTo", "centrale-raad") in found


def test_verb_last_aimed_at():
    text = "Het gaat om sites die Grijze Reiger beheert en die op Nederland gericht zijn."
    assert ("grijze-reiger", "targeted", "nederland") in rel(text)
    text = "Zandstorm beheert sites die volgens de Centrale Raad op Nederland gericht zijn."
    found = rel(text)
    assert ("centrale-raad", "targeted", "nederland") not in found


def test_parties_sanctioned_for_their_role_in_a_campaign():
    text = (
        "De Unie heeft sancties opgelegd aan Bolt Systems, Pelikaan Data en de directeur van "
        "Bolt Systems, Li Wei, vanwege hun rol in de Zandstorm-campagne."
    )
    found = rel(text)
    assert {
        ("bolt-systems", "affiliatedWith", "zandstorm"),
        ("pelikaan-data", "affiliatedWith", "zandstorm"),
    } <= found
    assert ("li-wei", "affiliatedWith", "zandstorm") not in found


def test_supplying_a_foreign_states_services_ties_a_company_to_them():
    text = "Kraanvogel Tech, dat onderdelen zou leveren aan de Russische Veiligheidsraad, zwijgt."
    assert ("kraanvogel-tech", "affiliatedWith", "russische-veiligheidsraad") in rel(text)
    # Supplying the home side is no tie: that is use.
    text = "Kraanvogel Tech levert sinds 2020 camera's aan de Nederlandse Veiligheidsraad."
    assert not any(r == "affiliatedWith" for _, r, _ in rel(text))


def test_a_classifications_relative_clause_keeps_the_subject():
    text = (
        "De Centrale Raad heeft Pelikaan Data aangemerkt als 'defence supplier' die zou "
        "samenwerken met het Volksleger."
    )
    assert ("pelikaan-data", "affiliatedWith", "volksleger") in rel(text)


def test_an_attack_with_its_own_object_is_no_anaphor():
    text = (
        "Iran heeft Bolt Systems aangevallen. Het Deense kabinet heeft de sabotage van een "
        "gasleiding bij Aarhus vorige maand toegeschreven aan criminelen die Rusland betaalde."
    )
    assert not any(o == "bolt-systems" and s != "iran" for s, _, o in rel(text))


def test_working_with_the_home_police_is_no_tie():
    found = rel("Voor de beveiliging werkt Kraanvogel Tech samen met de politie en het Volksleger.")
    assert ("kraanvogel-tech", "affiliatedWith", "politie") not in found


def test_a_name_after_van_modifies_the_object_before_it():
    text = "Jongeren voor Vrijheid is nauw verbonden met de Volkspartij van voorzitter Li Wei."
    found = rel(text)
    assert ("jongeren-voor-vrijheid", "affiliatedWith", "volkspartij") in found
    assert ("li-wei", "affiliatedWith", "jongeren-voor-vrijheid") not in found


def test_acting_through_an_organisation():
    text = (
        "Sinds 2019 is Jongeren voor Vrijheid in België actief via sportclubs van Stichting "
        "Vrije Pers."
    )
    assert ("jongeren-voor-vrijheid", "affiliatedWith", "stichting-vrije-pers") in rel(text)
    text = (
        "Het Directoraat Geloofszaken, dat via Stichting Vrije Pers taalscholen financiert, zwijgt."
    )
    assert ("stichting-vrije-pers", "affiliatedWith", "directoraat-geloofszaken") in rel(text)


def test_verb_last_passive_attack_on_a_countrys_institutions():
    text = "Wij hebben geen signalen dat Nederlandse ministeries door APT77 zijn gehackt."
    assert ("apt77", "targeted", "nederland", "denied") in triples(text)
    text = "Bekend is dat Bolt Systems door Zandstorm werd gehackt."
    assert ("zandstorm", "targeted", "bolt-systems") in rel(text)


def test_a_name_before_a_complement_clause_is_no_passive_object():
    text = "In Iran is inmiddels duidelijk dat twee ziekenhuizen door Zandstorm zijn aangevallen."
    assert ("zandstorm", "targeted", "iran") not in rel(text)


def test_the_target_of_a_sanction_is_no_victim():
    text = "Wilt u na de APT77-aanvallen ook sancties tegen Rusland bepleiten?"
    assert ("apt77", "targeted", "rusland") not in rel(text)


def test_who_finds_a_campaigns_backers_is_not_its_principal():
    text = (
        "Zandstorm is actief. De Russische Veiligheidsraad stelde vast dat actoren met banden "
        "met staatsinstellingen bij deze groep betrokken waren."
    )
    assert ("zandstorm", "attributedTo", "russische-veiligheidsraad") not in rel(text)
