"""Responses, round 5: more verb families, state takers, back references and agents.

Every sentence here is invented for the test.
"""

from __future__ import annotations

import pytest
from support import document_with_names

from kamerkg.extract.model import Part, Span
from kamerkg.extract.responses import extract_responses

ACTORS = {
    "Rusland": "Country",
    "Nederland": "Country",
    "Oostland": "Country",
    "Verenigd Koninkrijk": "Country",
    "Europese Unie": "GovernmentBody",
    "Rijksrecherche": "GovernmentBody",
    "Kustwacht": "GovernmentBody",
    "AIVD": "GovernmentBody",
    "Hogeschool Zuid": "Organisation",
    "Bolt Systems": "Company",
    "Anna de Vries": "Person",
    "Karel Minister": "Person",
}


def responses(text: str, parts: list[Part] | None = None, **meta):
    document, actors, mentions = document_with_names(text, ACTORS, parts, **meta)
    return extract_responses(document, actors, mentions, [], [])


@pytest.mark.parametrize(
    ("text", "kind", "by"),
    [
        ("Oostland steunde de verklaring van de Europese Unie.", "statement", ["oostland"]),
        ("De AIVD raadt gemeenten het gebruik van die camera's af.", "statement", ["aivd"]),
        (
            "Anna de Vries hield Rusland daarvoor publiekelijk verantwoordelijk.",
            "attribution",
            ["anna-de-vries"],
        ),
        ("De Kustwacht investeert in extra radarcapaciteit.", "measure", ["kustwacht"]),
        (
            "De AIVD heeft op 4 juni bekendgemaakt dat een netwerk is opgerold.",
            "statement",
            ["aivd"],
        ),
        ("De Kustwacht heeft vorig jaar een actieplan opgesteld.", "measure", ["kustwacht"]),
        (
            "De Rijksrecherche gaf medewerkers een bewustwordingstraining.",
            "measure",
            ["rijksrecherche"],
        ),
        ("Oostland verbood de vereniging vorig najaar.", "measure", ["oostland"]),
        (
            "Nederland zet zich in de VN in om deze kwestie aan de orde te stellen.",
            "diplomatic",
            ["nederland"],
        ),
    ],
)
def test_round5_response_kinds_and_takers(text, kind, by):
    found = [r for r in responses(text) if r.kind == kind]
    assert found, text
    assert found[0].by == by


def test_plural_warrants_and_refused_entry_are_responses():
    found = responses("Oostland heeft twee arrestatiebevelen uitgevaardigd.")
    assert [r.kind for r in found] == ["investigation"]
    found = responses("Bij de grens is hem de toegang tot het land geweigerd.")
    assert [r.kind for r in found] == ["measure"]


def test_sharing_concerns_is_no_response_but_sharing_an_analysis_is():
    assert responses("Het kabinet deelt de zorgen over de nieuwe wet in Oostland.") == []
    assert [r.kind for r in responses("Nederland deelt de analyse van de AIVD.")] == ["statement"]


def test_news_from_a_school_or_firm_is_no_state_response():
    assert responses("Hogeschool Zuid heeft bekendgemaakt dat de systemen weer werken.") == []
    assert responses("Bolt Systems maakte gisteren bekend dat het losgeld betaalde.") == []


def test_a_generic_relative_clause_with_support_is_no_response():
    found = responses("Hackers vallen landen aan die Oostland steunen.")
    assert [r for r in found if r.kind == "statement"] == []


def test_a_training_exercise_is_no_training_measure():
    assert responses("De Kustwacht filmde trainingen van de vloot.") == []


def test_a_sentence_opening_on_a_named_measure_is_no_new_response():
    text = "Bent u bereid maatregelen te nemen?\nDeze maatregelen zijn al genomen door Nederland."
    parts = [
        Part("question", Span(0, 35), number=1),
        Part("answer", Span(36, len(text)), number=1, covers=(1,)),
    ]
    assert responses(text, parts) == []


def test_an_agent_in_another_clause_is_not_the_taker():
    found = responses(
        "De Europese Unie heeft in mei verklaard dat de storingen door Rusland een gevaar zijn."
    )
    assert [r.by for r in found if r.kind == "statement"] == [["europese-unie"]]


@pytest.mark.parametrize(
    "text",
    [
        "Het netwerk werd gebruikt voor onderzoek en onderwijs.",
        "Volgens het onderzoek van Bolt Systems kwam de aanval uit Rusland.",
        "Hogeschool Zuid heeft een bureau ingehuurd voor onderzoek.",
        "Volgens Anna de Vries stonden onderwijs en onderzoek onder druk.",
        "De AIVD gebruikt het netwerk voor onderzoek en ontwikkeling.",
    ],
)
def test_research_without_a_state_taker_is_no_investigation(text):
    assert [r for r in responses(text) if r.kind == "investigation"] == []


def test_research_by_a_state_body_is_an_investigation():
    found = responses("De Rijksrecherche doet onderzoek naar het lek.")
    assert [(r.kind, r.by) for r in found] == [("investigation", ["rijksrecherche"])]


def test_the_bill_named_again_is_no_new_response():
    text = (
        "Nederland heeft een wetsvoorstel ingediend tegen heimelijke beïnvloeding. "
        "Het wetsvoorstel wordt deze zomer in de Kamer besproken."
    )
    assert [r.kind for r in responses(text)] == ["legislation"]


def test_a_nationality_on_the_object_is_not_the_taker():
    found = responses("In mei heeft de Rijksrecherche drie Russische burgers aangeklaagd.")
    assert [r.by for r in found if r.kind == "investigation"] == [["rijksrecherche"]]
    found = responses("De Russische nieuwe verklaring ontkent alles.")
    assert [r.by for r in found if r.kind == "statement"] == [["rusland"]]


def test_a_measure_under_consideration_is_no_response():
    assert responses("Ook wordt met de Kustwacht bezien of extra maatregelen nodig zijn.") == []
    assert responses("De AIVD bekijkt samen met Nederland hoe de sancties werken.") == []


def test_a_request_to_act_is_a_response():
    found = responses("De Kustwacht heeft rederijen gevraagd elke storing direct te melden.")
    assert [(r.kind, r.by) for r in found] == [("statement", ["kustwacht"])]


def test_being_under_supervision_is_a_measure_by_the_supervisor():
    found = responses("De vereniging staat al jaren onder toezicht van de AIVD.")
    assert [(r.kind, r.by) for r in found] == [("measure", ["aivd"])]


def test_the_country_a_listing_holds_in_takes_it():
    found = responses(
        "Die groep staat in het Verenigd Koninkrijk al sinds 2020 op de sanctielijst."
    )
    assert [(r.kind, r.by) for r in found] == [("sanction", ["verenigd-koninkrijk"])]


def test_a_facility_set_up_with_a_body_is_that_bodys_measure():
    found = responses("Vorig jaar is een meldpunt bij de Kustwacht ingericht voor schippers.")
    assert [(r.kind, r.by) for r in found] == [("measure", ["kustwacht"])]


def test_an_advice_not_to_is_a_measure_of_the_body_it_holds_in():
    found = responses(
        "Binnen de Rijksrecherche geldt het advies geen apps te gebruiken uit landen als Oostland."
    )
    assert [(r.kind, r.by) for r in found] == [("measure", ["rijksrecherche"])]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Oostland heeft de groep op de lijst van terroristische organisaties geplaatst.",
            "sanction",
        ),
        ("Oostland heeft de groep op de lijst geplaatst.", "sanction"),
        ("Nederland heeft Oostland een nota verbale gestuurd.", "diplomatic"),
        ("De Kustwacht heeft de schipper de toegang tot de haven ontzegd.", "measure"),
        ("Nederland heeft Bolt Systems beperkingen opgelegd.", "measure"),
        ("De AIVD zorgt voor extra beveiliging van de redactie.", "measure"),
        ("Nederland heeft bij Oostland een rechtshulpverzoek ingediend.", "investigation"),
        ("Nederland toonde zich solidair met Oostland.", "statement"),
    ],
)
def test_round5_more_response_families(text, kind):
    assert kind in [r.kind for r in responses(text)], text


def test_stressing_the_importance_of_good_measures_takes_none():
    text = "Dit incident onderstreept voor Oostland het belang van goede beveiligingsmaatregelen."
    assert responses(text) == []
