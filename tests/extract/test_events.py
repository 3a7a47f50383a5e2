"""Incidents (kinds, merging, dates) and state responses (kinds, takers, questions)."""

from __future__ import annotations

from datetime import date

import pytest
from support import document_with_names

from kamerkg.extract.events import extract_incidents, extract_responses
from kamerkg.extract.model import Document, Part, Participant, Span

ACTORS = {
    "APT77": "ThreatActor",
    "Zandstorm": "ThreatActor",
    "Bolt Systems": "Company",
    "Rusland": "Country",
    "Iran": "Country",
    "Nederland": "Country",
    "Verenigde Staten": "Country",
    "Verenigd Koninkrijk": "Country",
    "ministerie van Defensie": "GovernmentBody",
    "politie van Kanton": "GovernmentBody",
    "douane": "GovernmentBody",
    "Tweede Kamer": "GovernmentBody",
    "Anna de Vries": "Person",
    "Karel Minister": "Person",
}


def make(text: str, parts: list[Part] | None = None, **meta):
    return document_with_names(text, ACTORS, parts, **meta)


def incidents(text: str, **kw):
    document, actors, mentions = make(text, **kw)
    return extract_incidents(document, actors, mentions, [])


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Zandstorm pleegde een cyberaanval op Bolt Systems.", "cyberattack"),
        ("Bij Bolt Systems was sprake van een groot datalek.", "data-breach"),
        ("Anna de Vries is gearresteerd in Iran.", "arrest"),
        ("Rusland bedrijft spionage bij Bolt Systems.", "espionage"),
        ("De hack bij Bolt Systems werd door APT77 uitgevoerd.", "hack"),
        ("Bolt Systems is bezig met het verzamelen van persoonsgegevens.", "data-collection"),
        ("Er was een inbraak in computersystemen van de douane.", "intrusion"),
        ("Er was sabotage bij het ministerie van Defensie.", "sabotage"),
        ("Rusland verspreidt desinformatie over Nederland.", "disinformation"),
        ("APT77 was behind computer intrusions at Bolt Systems.", "intrusion"),
    ],
)
def test_incident_kinds(text, kind):
    found = incidents(text)
    assert [i.kind for i in found] == [kind]
    assert found[0].actors  # tied to the actors in its sentence


def test_adjective_adds_the_country_to_the_incident():
    found = incidents("Er was een Russische cyberaanval op het ministerie van Defensie.")
    assert found[0].actors == ["ministerie-van-defensie", "rusland"]


def test_recurring_event_is_merged_and_keeps_a_date():
    text = (
        "De arrestatie van Anna de Vries baart zorgen. "
        "Anna de Vries werd op 3 maart jl. gearresteerd door de politie van Kanton. "
        "Een datalek bij Bolt Systems volgde."
    )
    found = incidents(text, submitted=date(2023, 4, 20))
    arrests = [i for i in found if i.kind == "arrest"]
    assert len(arrests) == 1
    assert arrests[0].actors == ["anna-de-vries", "politie-van-kanton"]
    assert arrests[0].date == date(2023, 3, 3)
    assert [i.kind for i in found] == ["arrest", "data-breach"]


def test_relative_date_takes_the_year_before_the_reference():
    found = incidents("Op 11 december jl. werd Bolt Systems gehackt.", answered=date(2024, 2, 1))
    assert found[0].date == date(2023, 12, 11)


def test_a_date_far_from_the_trigger_does_not_date_it():
    text = (
        "Tijdens het bezoek aan Iran op 3 maart 2023 met de douane en vele anderen "
        "en vervolgens nog meer gesprekken over allerlei zaken werd verwezen "
        "naar een cyberaanval op Bolt Systems."
    )
    assert incidents(text)[0].date is None


def test_hypothetical_incidents_and_actorless_ones_are_left_out():
    assert incidents("Deelt u de zorgen over mogelijke cyberaanvallen door Rusland?") == []
    assert incidents("Er is een risico op spionage door Iran.") == []
    assert incidents("Spionage komt overal voor.") == []


def test_header_askers_are_not_involved_in_an_incident():
    text = "Vragen van het lid Anna de Vries over Russische sabotage.\nDe douane meldt een datalek."
    head = text.index("\n")
    parts = [Part("header", Span(0, head)), Part("body", Span(head + 1, len(text)))]
    found = incidents(text, parts=parts, asked_by=[Participant("Anna de Vries")])
    assert [(i.kind, i.actors) for i in found] == [
        ("sabotage", ["rusland"]),
        ("data-breach", ["douane"]),
    ]


def test_named_leak_needs_no_actor():
    found = incidents(
        "De publicatie van de Kanton Police Files was schokkend. De Kanton Police Files tonen veel."
    )
    assert [(i.kind, i.label) for i in found] == [("leak", "Kanton Police Files")]


def test_question_actors_carry_over_to_an_actorless_incident_sentence():
    text = "Vraag 1 Wat weet u van Bolt Systems? Heeft u de gelekte bestanden gezien?"
    found = incidents(text, parts=[Part("question", Span(0, len(text)), number=1)])
    assert [(i.kind, i.actors) for i in found] == [("leak", ["bolt-systems"])]


def responses(text: str, parts=None, incidents_=(), **meta):
    document, actors, mentions = make(text, parts=parts, **meta)
    return extract_responses(document, actors, mentions, [], list(incidents_)), document


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("De Verenigde Staten stellen sancties in tegen Bolt Systems.", "sanction"),
        ("De douane heeft beschermingsmaatregelen genomen.", "measure"),
        ("Nederland heeft solidariteit uitgesproken met het Verenigd Koninkrijk.", "statement"),
        ("Nederland heeft zijn zorgen overgebracht aan Iran.", "statement"),
        ("De attributie van de aanval door Nederland was duidelijk.", "attribution"),
        ("De ambassadeur van Iran is ontboden door Nederland.", "diplomatic"),
        ("De douane startte een onderzoek.", "investigation"),
        ("De Tweede Kamer nam een motie aan.", "legislation"),
        ("De douane heeft een handreiking voor importeurs opgesteld.", "measure"),
        ("De douane voerde een veiligheidstoets uit op de apparatuur.", "measure"),
    ],
)
def test_response_kinds(text, kind):
    found, _ = responses(text)
    assert kind in {r.kind for r in found}


def test_response_takers():
    found, _ = responses("Nederland is door de Verenigde Staten geïnformeerd.")
    assert found[0].by == ["verenigde-staten"]
    found, _ = responses("De attributie door Nederland van de aanval was helder.")
    assert [r.by for r in found if r.kind == "attribution"] == [["nederland"]]
    found, _ = responses("Na de Britse verklaring volgde meer.")
    assert found[0].by == ["verenigd-koninkrijk"]
    found, _ = responses(
        "Ik heb aanvullende maatregelen genomen.",
        answered_by=[Participant("Karel Minister")],
    )
    assert found[0].by == ["karel-minister"]
    found, _ = responses("Een meerderheid in de Tweede Kamer wil een zwarte lijst.")
    assert found[0].by == ["tweede-kamer"]


def test_response_label_is_the_clause_and_aim_is_found():
    found, document = responses(
        "Daarom heeft Nederland, na overleg, sancties ingesteld tegen Iran."
    )
    response = found[0]
    assert response.label == "sancties ingesteld tegen Iran"
    assert response.by == ["nederland"]
    assert response.aimed_at == ["iran"]
    assert document.slice(response.evidence).startswith("Daarom")


def test_label_drops_a_glued_part_heading():
    found, _ = responses("Antwoord op vraag 4 De douane heeft beschermingsmaatregelen genomen.")
    assert found[0].label == "De douane heeft beschermingsmaatregelen genomen"


def test_questioned_and_negated_measures_are_no_responses():
    text = "Vraag 1 Bent u bereid maatregelen te nemen tegen Rusland?"
    found, _ = responses(text, parts=[Part("question", Span(0, len(text)), number=1)])
    assert found == []
    found, _ = responses("Ik zie geen aanleiding om een onderzoek in te stellen.")
    assert found == []


def test_question_may_report_a_third_party_response():
    text = "Vraag 1 Wat is uw reactie op de aantijgingen van de Verenigde Staten tegen APT77?"
    found, _ = responses(text, parts=[Part("question", Span(0, len(text)), number=1)])
    assert [(r.kind, r.by) for r in found] == [("attribution", ["verenigde-staten"])]


def test_response_links_incidents_of_its_part_and_covered_question():
    q = "Vraag 1 Wat doet u na de cyberaanval van APT77 op Bolt Systems?"
    a = "Antwoord op vraag 1 Het kabinet heeft maatregelen genomen."
    text = q + "\n" + a
    parts = [
        Part("question", Span(0, len(q)), number=1),
        Part("answer", Span(len(q) + 1, len(text)), covers=(1,)),
    ]
    document, actors, mentions = make(text, parts=parts)
    found_incidents = extract_incidents(document, actors, mentions, [])
    found = extract_responses(document, actors, mentions, [], found_incidents)
    assert [i.kind for i in found_incidents] == ["cyberattack"]
    assert [r.responds_to for r in found] == [[0]]


def test_odd_input_never_raises():
    document = Document(source="t.txt", text="?? .. Ja", parts=[])
    assert extract_incidents(document, [], [], []) == []
    assert extract_responses(document, [], [], [Span(0, 99)], []) == []


# ------------------------------------------------------------------ floor on the samples


def test_incident_and_response_recall_on_the_samples():
    import json
    from importlib.resources import files

    from kamerkg.extract.ids import fold

    pipeline = pytest.importorskip("kamerkg.extract.pipeline")
    seeds = files("kamerkg.seeds")
    extractor = pipeline.Extractor(model="blank")
    inc_hit = inc_all = rsp_hit = rsp_all = 0
    for gold_file in sorted(p for p in (seeds / "gold").iterdir() if p.name.endswith(".json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        text = (seeds / "documents" / gold["document"]).read_text(encoding="utf-8")
        result = extractor.extract_text(text, gold["document"])
        names = {
            fold(n): e["name"] for e in gold["entities"] for n in [e["name"], *e.get("aliases", [])]
        }

        def canon(ids, result=result, names=names):
            out = set()
            for actor_id in ids:
                actor = result.actor(actor_id)
                out |= {
                    names[fold(n)] for n in (actor.names() if actor else []) if fold(n) in names
                }
            return out

        def words(item, result=result):
            return fold(item.label + " " + result.document.slice(item.evidence))

        for g in (g for g in gold["incidents"] if not g.get("optional")):
            inc_all += 1
            about = {names[fold(a)] for a in g["about"]}
            keys = [fold(k) for k in g.get("keywords", [])]
            inc_hit += any(
                (about and about <= canon(i.actors)) or (keys and any(k in words(i) for k in keys))
                for i in result.incidents
            )
        for g in (g for g in gold["responses"] if not g.get("optional")):
            rsp_all += 1
            keys = [fold(k) for k in g["keywords"]]
            rsp_hit += any(any(k in words(r) for k in keys) for r in result.responses)
    assert inc_hit / inc_all >= 0.8
    assert rsp_hit / rsp_all >= 0.8


# --- generalisation rules: new kinds, denials, generic plurals, anaphora, clause dates ---


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Het netwerk van de douane was gecompromitteerd door APT77.", "intrusion"),
        ("Anna de Vries werd op straat bedreigd door agenten uit Iran.", "intimidation"),
        ("Anna de Vries werd in 2019 in Utrecht doodgeschoten.", "assassination"),
        ("Zandstorm heeft gegevens van de douane buitgemaakt.", "data-theft"),
        ("Bolt Systems kon gesprekken van de douane afluisteren.", "espionage"),
    ],
)
def test_more_incident_kinds(text, kind):
    assert [i.kind for i in incidents(text)] == [kind]


@pytest.mark.parametrize(
    "text",
    [
        "Er zijn geen aanwijzingen dat Zandstorm de douane heeft aangevallen.",
        "Er zijn evenmin signalen dat Rusland gegevens van de douane heeft gestolen.",
        "De EU kan sancties nemen tegen wie betrokken is bij cyberaanvallen op Nederland.",
        "Het kabinet wil de strafbaarstelling van spionage door Rusland uitbreiden.",
        "De douane doet onderzoek naar het verzamelen van gegevens door Bolt Systems.",
        "Wie zich door Iran bedreigd voelt, kan aangifte doen bij de douane.",
    ],
)
def test_denied_generic_and_activity_mentions_are_no_incidents(text):
    assert incidents(text) == []


def test_a_definite_trigger_refers_back_to_the_event():
    found = incidents(
        "Anna de Vries werd op 3 mei 2021 neergeschoten. Iran ontkent elke rol bij de aanslag."
    )
    assert len(found) == 1
    assert found[0].actors == ["anna-de-vries", "iran"]
    assert found[0].date == date(2021, 5, 3)


def test_a_date_in_another_clause_does_not_date_the_event():
    found = incidents("In 2020 stelde de douane vast dat Iran de aanslag op Anna de Vries pleegde.")
    assert found and found[0].date is None


@pytest.mark.parametrize(
    ("text", "kind", "by"),
    [
        (
            "Het ministerie van Defensie heeft de ambassadeur van Iran op 2 mei jl. laten "
            "weten dat dit onaanvaardbaar is.",
            "diplomatic",
            ["ministerie-van-defensie"],
        ),
        ("In 2020 zijn drie diplomaten van Rusland uitgezet door Nederland.", "diplomatic", None),
        ("Het Verenigd Koninkrijk heeft een verbod ingesteld op Bolt Systems.", "measure", None),
        (
            "Het Verenigd Koninkrijk heeft op 3 mei jl. besloten dat apparatuur van Bolt Systems "
            "wordt vervangen.",
            "measure",
            ["verenigd-koninkrijk"],
        ),
        ("De douane heeft de getroffen servers vervangen.", "measure", ["douane"]),
        ("De douane heeft medewerkers geadviseerd geen apps te installeren.", "measure", None),
        (
            "De politie van Kanton onderzoekt of er strafbare feiten zijn gepleegd.",
            "investigation",
            None,
        ),
        ("De Tweede Kamer wil Zandstorm op de EU-terrorismelijst.", "sanction", None),
        ("Nederland heeft een wetsvoorstel ingediend.", "legislation", None),
    ],
)
def test_more_response_kinds(text, kind, by):
    found, _ = responses(text)
    hits = [r for r in found if r.kind == kind]
    assert hits
    if by is not None:
        assert hits[0].by == by


def test_foreign_law_and_unmoved_law_are_no_response():
    found, _ = responses("Iran kent wetgeving die bedrijven verplicht gegevens te delen.")
    assert [r for r in found if r.kind == "legislation"] == []


def test_long_negation_still_blocks_a_response():
    found, _ = responses(
        "Ik zie op dit moment geen aanleiding voor een aanvullend onafhankelijk onderzoek."
    )
    assert found == []


def test_concerns_conveyed_after_a_long_phrase():
    found, _ = responses(
        "Nederland heeft de zorgen over de activiteiten van Iran in Europa op 3 mei rechtstreeks "
        "overgebracht."
    )
    assert "statement" in {r.kind for r in found}


# -- round 2: wider triggers, context actors, merging, takers ---------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Bolt Systems werd vorige maand getroffen door ransomware.", "cyberattack"),
        ("De aanval op Bolt Systems legde de productie stil.", "attack"),
        ("Twee kabels van Bolt Systems zijn met een anker beschadigd.", "sabotage"),
        ("Bij Bolt Systems werden glasvezelkabels doorgesneden.", "sabotage"),
        ("Anna de Vries is veroordeeld tot vier jaar cel.", "conviction"),
        ("De spionagezaak rond Bolt Systems kwam in 2021 aan het licht.", "espionage"),
        ("Schepen uit Rusland hebben havens en windparken in kaart gebracht.", "reconnaissance"),
        ("Iran voerde een beïnvloedingscampagne tegen Anna de Vries.", "disinformation"),
        ("Bij Bolt Systems is bedrijfsgeheime informatie gestolen.", "data-theft"),
        ("Er werd malware van APT77 aangetroffen op servers van de douane.", "intrusion"),
    ],
)
def test_round2_incident_kinds(text, kind):
    assert kind in {i.kind for i in incidents(text)}


def test_the_sentence_before_supplies_the_victim_and_the_merge():
    text = (
        "Op 3 mei 2023 werd Bolt Systems getroffen door ransomware. "
        "De aanval werd later opgeëist door Zandstorm."
    )
    found = incidents(text)
    assert len(found) == 1
    assert found[0].actors == ["bolt-systems", "zandstorm"]
    assert found[0].date == date(2023, 5, 3)


def test_an_answer_links_the_perpetrator_named_in_its_question():
    q = "Vraag 2 Wat weet u over de activiteiten van APT77?"
    a = "Antwoord 2 Het netwerk van de douane is in januari gehackt."
    text = q + "\n" + a
    parts = [
        Part("question", Span(0, len(q)), number=2),
        Part("answer", Span(len(q) + 1, len(text)), covers=(2,)),
    ]
    found = incidents(text, parts=parts)
    assert [sorted(i.actors) for i in found] == [["apt77", "douane"]]


def test_this_incident_joins_the_event_before_whatever_its_kind():
    text = (
        "Zandstorm is binnengedrongen in het netwerk van Bolt Systems. "
        "Dit incident is uitgevoerd met hulp van APT77."
    )
    found = incidents(text)
    assert len(found) == 1
    assert {"zandstorm", "bolt-systems", "apt77"} <= set(found[0].actors)


def test_one_victim_on_two_dates_is_two_events():
    text = (
        "Op 3 mei 2021 werd Anna de Vries bedreigd door agenten van Iran. "
        "Op 9 juni 2023 werd Anna de Vries opnieuw bedreigd door agenten van Iran."
    )
    found = incidents(text)
    assert [i.date for i in found] == [date(2021, 5, 3), date(2023, 6, 9)]


def test_asking_whether_anything_happened_is_no_incident():
    text = "Vraag 4 Zijn er kabels van Bolt Systems beschadigd geraakt?"
    assert incidents(text, parts=[Part("question", Span(0, len(text)), number=4)]) == []
    # The same words stated in an answer are an event.
    assert incidents("Antwoord 4 Kabels van Bolt Systems zijn beschadigd geraakt.")


@pytest.mark.parametrize(
    "text",
    [
        "Bolt Systems kent diverse dreigingen, bijvoorbeeld phishing.",
        "De gegevens van Bolt Systems worden versleuteld verzonden.",
    ],
)
def test_examples_and_encryption_are_no_incidents(text):
    assert incidents(text) == []


def test_a_trigger_broken_over_two_lines_is_found():
    found, _ = responses("De douane heeft de lading van Bolt Systems in\nbeslag genomen.")
    assert [(r.kind, r.by) for r in found] == [("seizure", ["douane"])]


@pytest.mark.parametrize(
    ("text", "kind", "by"),
    [
        ("Op 4 mei nam de douane twintig domeinen van Zandstorm in beslag.", "seizure", "douane"),
        (
            "Nederland heeft Rusland verantwoordelijk gehouden voor de aanval.",
            "attribution",
            "nederland",
        ),
        (
            "Het Verenigd Koninkrijk schreef de hack toe aan APT77.",
            "attribution",
            "verenigd-koninkrijk",
        ),
        (
            "De Verenigde Staten hebben nieuwe exportbeperkingen ingesteld.",
            "measure",
            "verenigde-staten",
        ),
        ("Nederland heeft de inzet van marineschepen vergroot.", "measure", "nederland"),
        ("De Verenigde Staten veroordeelden de aanval scherp.", "statement", "verenigde-staten"),
        (
            "Het ministerie van Defensie heeft het netwerk van Zandstorm verstoord.",
            "disruption",
            "ministerie-van-defensie",
        ),
        ("Nederland heeft in 2023 het programma Veilige Zee ingericht.", "measure", "nederland"),
        ("Nederland heeft ook sanctiepakketten tegen Iran gesteund.", "sanction", "nederland"),
    ],
)
def test_round2_response_kinds_and_takers(text, kind, by):
    found, _ = responses(text)
    hits = [r for r in found if r.kind == kind]
    assert hits and hits[0].by == [by]


def test_weak_cues_need_an_actor_and_adjectives_are_no_statement():
    found, _ = responses("De dreiging is de afgelopen jaren vergroot.")
    assert found == []
    found, _ = responses("Er zijn veroordeelde demonstranten uit Iran gevlucht.")
    assert [r for r in found if r.kind == "statement"] == []


def test_the_summoned_ambassador_is_not_the_taker():
    found, _ = responses(
        "De Iraanse ambassadeur is op 6 mei uitgenodigd op het ministerie van Defensie, "
        "waar zorgen zijn overgebracht."
    )
    diplomatic = [r for r in found if r.kind == "diplomatic"]
    assert diplomatic and diplomatic[0].by == ["ministerie-van-defensie"]


def test_the_taker_is_the_subject_of_the_triggers_own_clause():
    text = (
        "Vraag 3 Klopt het dat de douane camera's onderzocht en dat het Verenigd Koninkrijk "
        "het gebruik van camera's van Bolt Systems heeft stopgezet?"
    )
    found, _ = responses(text, parts=[Part("question", Span(0, len(text)), number=3)])
    stop = [r for r in found if r.trigger == "stopgezet"]
    assert stop and stop[0].by == ["verenigd-koninkrijk"]
