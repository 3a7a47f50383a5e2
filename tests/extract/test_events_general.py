"""Incidents and responses as word families and sentence kinds, on invented sentences.

Round 3: trigger families a civil servant's answer uses, hypothetical and background
sentences that name a measure without taking it, dates from ranges and neighbouring
sentences, and a question with its answer as one matter.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from support import document_with_names

from kamerkg.extract.events import _rows, _spaced, extract_incidents, extract_responses
from kamerkg.extract.model import Part, Participant, Span

ACTORS = {
    "APT77": "ThreatActor",
    "Zandstorm": "ThreatActor",
    "Bolt Systems": "Company",
    "Kraan Logistiek": "Company",
    "Rusland": "Country",
    "Iran": "Country",
    "Nederland": "Country",
    "Verenigde Staten": "Country",
    "ministerie van Defensie": "GovernmentBody",
    "douane": "GovernmentBody",
    "NCSC": "GovernmentBody",
    "AIVD": "GovernmentBody",
    "Openbaar Ministerie": "GovernmentBody",
    "Koninklijke Marechaussee": "GovernmentBody",
    "Anna de Vries": "Person",
    "Karel Minister": "Person",
}


def make(text: str, parts: list[Part] | None = None, **meta):
    return document_with_names(text, ACTORS, parts, **meta)


def incidents(text: str, parts: list[Part] | None = None, **meta):
    document, actors, mentions = make(text, parts, **meta)
    return extract_incidents(document, actors, mentions, [])


def responses(text: str, parts: list[Part] | None = None, **meta):
    document, actors, mentions = make(text, parts, **meta)
    return extract_responses(document, actors, mentions, [], [])


def qa(question: str, answer: str) -> tuple[str, list[Part]]:
    """A text of one question and its answer, with their parts."""
    text = f"{question}\n{answer}"
    cut = len(question)
    return text, [
        Part("question", Span(0, cut), number=1),
        Part("answer", Span(cut + 1, len(text)), number=1, covers=(1,)),
    ]


# -- incident families ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Bolt Systems kreeg vorige week een ransomware-aanval te verwerken.", "cyberattack"),
        ("Het netwerk van de douane is getroffen door een zware aanval.", "attack"),
        ("De douane was meermaals het doelwit van APT77.", "attack"),
        ("Volgens de douane zijn de aanvallen van Zandstorm op havenbedrijven gestopt.", "attack"),
        ("Interne memo's van Bolt Systems zijn uitgelekt.", "leak"),
        ("Via het lek bij Bolt Systems kwamen klantgegevens vrij.", "leak"),
        ("Rusland pleegt cyberspionage bij het ministerie van Defensie.", "espionage"),
        ("Een spionageballon uit Rusland dreef boven de douane.", "espionage"),
        ("Medewerkers van de douane werden heimelijk gefilmd door Iran.", "espionage"),
        ("Een medewerker van Bolt Systems is ontmaskerd als agent van Rusland.", "espionage"),
        (
            "Anna de Vries heeft bouwtekeningen doorgespeeld aan een Iraanse inlichtingendienst.",
            "espionage",
        ),
        ("Boven een kazerne van de douane zijn drones gesignaleerd.", "reconnaissance"),
        ("De brandstichting bij Kraan Logistiek wordt aan Rusland toegeschreven.", "sabotage"),
        ("Schepen van de douane kregen gps-storingen uit Rusland te verwerken.", "sabotage"),
        ("Anna de Vries ontving een doodsbedreiging uit Iran.", "intimidation"),
        ("Iran deed een beïnvloedingspoging bij Nederland.", "disinformation"),
        ("Een botnetwerk uit Rusland verspreidde berichten over Nederland.", "disinformation"),
        ("Een deepfake van Karel Minister werd door Rusland verspreid.", "disinformation"),
        ("Anna de Vries wordt sinds maart in Iran vastgehouden.", "arrest"),
        ("De moord op Anna de Vries wordt onderzocht.", "assassination"),
        ("Iran beraamde een plan om Anna de Vries te vermoorden.", "assassination"),
        ("APT77 heeft een kwetsbaarheid in routers van Bolt Systems misbruikt.", "intrusion"),
        ("Zandstorm heeft toegang gekregen tot het mailsysteem van de douane.", "intrusion"),
        ("Bij Bolt Systems zijn bestanden geëxfiltreerd door APT77.", "data-theft"),
        ("Door een fout bij Bolt Systems kwamen adressen op straat te liggen.", "leak"),
        (
            "Een oud-medewerker van Bolt Systems heeft zonder toestemming ontwerpgegevens "
            "gebruikt.",
            "data-theft",
        ),
        ("Een ex-werknemer heeft broncode van Bolt Systems gekopieerd.", "data-theft"),
        ("Iran heeft spyware ingezet tegen Anna de Vries.", "intrusion"),
        ("De douane merkte tientallen hackpogingen van APT77 op.", "cyberattack"),
        ("Anna de Vries werd in Iran bespied.", "espionage"),
        ("Rusland heeft politici in Nederland omgekocht.", "disinformation"),
        ("Iran heeft spionagesoftware gebruikt om Anna de Vries te bespioneren.", "espionage"),
        ("Zandstorm heeft geprobeerd het netwerk van de douane te hacken.", "hack"),
        ("Gesprekken van de douane zijn door Rusland afgetapt.", "espionage"),
        ("Rusland heeft websites van de douane nagebootst.", "disinformation"),
        ("In Nederland zijn geheime politieposten van Iran ontdekt.", "intimidation"),
        ("Familieleden van Anna de Vries worden door Iran afgeperst.", "intimidation"),
        ("APT77 heeft een zero-day in software van Bolt Systems misbruikt.", "intrusion"),
    ],
)
def test_incident_families(text, kind):
    assert kind in {i.kind for i in incidents(text)}


@pytest.mark.parametrize(
    "text",
    [
        # The topic of a law or policy, not an event.
        "Het wetsvoorstel maakt spionage voor Rusland breder strafbaar.",
        "Nederland werkt aan weerbaarheid tegen desinformatie uit Rusland.",
        # A kind of act in a list or after a preposition, not one event.
        "Iran zet middelen in, waaronder intimidatie en beïnvloeding, tegen Nederland.",
        "Sancties gelden voor personen die betrokken zijn bij Russische cyberaanvallen.",
        "De AIVD doet onderzoek naar spionage door Rusland.",
        "De AIVD doet onderzoek naar heimelijke beïnvloeding en desinformatie door Rusland.",
        # A capability or a supposition, not an event.
        "Rusland zou onderzeese kabels van Nederland kunnen saboteren.",
        "Indien APT77 de douane hackt, volgen sancties.",
        "Apps uit Iran kunnen worden misbruikt om gebruikers van de douane te bespioneren.",
        # Denied or asked whether it happened.
        "Er zijn de AIVD geen gevallen bekend waarin Nederland is gehackt door Iran.",
    ],
)
def test_policy_background_and_denials_are_no_incidents(text):
    assert incidents(text) == []


def test_a_yes_no_question_opening_asks_whether_it_happened():
    text, parts = qa(
        "Zijn ook telefoons van de douane gehackt door Zandstorm?",
        "Daarover doe ik geen uitspraken.",
    )
    assert incidents(text, parts) == []


def test_an_actorless_event_is_kept_when_dated_or_named_with_its_object():
    dated = incidents("Op 4 maart 2024 is bij een windpark een stroomkabel beschadigd.")
    assert [(i.kind, i.actors, i.date) for i in dated] == [("sabotage", [], date(2024, 3, 4))]
    named = incidents("Wat is er bekend over de cyberaanval op het netwerk van een waterschap?")
    assert [i.kind for i in named] == ["cyberattack"]
    assert incidents("Een cyberaanval kan grote schade aanrichten.") == []


def test_actorless_mentions_of_one_family_are_one_event():
    text = (
        "Op 9 juni 2024 werd een waterschap getroffen door ransomware. "
        "Daarbij zijn persoonsgegevens van inwoners gestolen."
    )
    found = incidents(text)
    assert len(found) == 1 and found[0].date == date(2024, 6, 9)


def test_a_header_gives_no_event_date():
    text = "Vragen over de hack bij Bolt Systems (ingezonden 3 mei 2024).\nDe douane meldt niets."
    head = text.index("\n")
    parts = [Part("header", Span(0, head)), Part("body", Span(head + 1, len(text)))]
    found = incidents(text, parts)
    assert [(i.kind, i.date) for i in found] == [("hack", None)]


def test_a_footnote_citing_a_title_is_no_event_and_no_response():
    text = "De douane zwijgt.\n1 Krant, 'APT77 hackte Bolt Systems; Nederland kondigt sancties af'"
    cut = text.index("\n")
    parts = [Part("body", Span(0, cut)), Part("footnotes", Span(cut + 1, len(text)))]
    assert incidents(text, parts) == []
    assert responses(text, parts) == []


# -- dates ----------------------------------------------------------------------------


def test_a_range_of_days_dates_the_event_by_its_first_day():
    found = incidents("Zandstorm heeft op 17 en 18 november 2024 de douane aangevallen.")
    assert found[0].date == date(2024, 11, 17)


def test_the_sole_day_date_of_a_long_clause_dates_the_event():
    text = (
        "Twee Russische agenten die op 2 februari 2021 in een hotel bij Schiphol door de "
        "douane werden opgepakt, deden een poging om de servers van Bolt Systems te hacken."
    )
    assert incidents(text)[0].date == date(2021, 2, 2)


def test_an_anaphor_takes_the_day_of_the_sentence_before():
    text = (
        "Op 6 augustus 2023 werd Anna de Vries in Iran neergeschoten. "
        "Volgens Iran zou de aanslag een ongeluk zijn."
    )
    found = incidents(text)
    assert [(i.kind, i.date) for i in found] == [("assassination", date(2023, 8, 6))]


def test_a_day_sharpens_a_month_of_the_same_event():
    text = (
        "In maart 2022 is Bolt Systems gehackt door APT77. "
        "APT77 heeft Bolt Systems op 14 maart 2022 gehackt via een lek in de vpn."
    )
    hacks = [i for i in incidents(text) if i.kind == "hack"]
    assert len(hacks) == 1 and hacks[0].date == date(2022, 3, 14)


# -- a question and its answer ------------------------------------------------------


def test_the_question_and_answer_are_one_matter():
    text, parts = qa(
        "Wat weet u over de rol van APT77 en Zandstorm bij de douane?",
        "De douane en Bolt Systems zijn in januari 2024 gehackt.",
    )
    (hack,) = incidents(text, parts)
    assert {"apt77", "zandstorm", "douane", "bolt-systems"} <= set(hack.actors)
    # The answer's sentence, which tells what happened, is the evidence; the label
    # keeps the question's name for it.
    assert text[hack.evidence.start : hack.evidence.end].startswith("De douane en Bolt")


def test_events_of_one_kind_in_two_exchanges_stay_apart():
    q1, q2 = "Is Bolt Systems gehackt door APT77?", "Wat weet u van APT77 bij Kraan Logistiek?"
    a1, a2 = "Bolt Systems is gehackt door APT77.", "Kraan Logistiek is gehackt door APT77."
    text = "\n".join([q1, a1, q2, a2])
    bounds, start = [], 0
    for piece in (q1, a1, q2, a2):
        bounds.append(Span(start, start + len(piece)))
        start += len(piece) + 1
    parts = [
        Part("question", bounds[0], number=1),
        Part("answer", bounds[1], number=1, covers=(1,)),
        Part("question", bounds[2], number=2),
        Part("answer", bounds[3], number=2, covers=(2,)),
    ]
    hacks = [i for i in incidents(text, parts) if i.kind == "hack"]
    assert len(hacks) == 2


# -- responses: supposed, referred back, or taken by a firm ---------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Indien nodig zal Nederland aanvullende sancties tegen Iran instellen.",
        "Nederland zou een verbod op apps uit Rusland kunnen invoeren.",
        "Voor de douane kan worden overwogen een onderzoek in te stellen.",
        "Nederland sluit een uitzetting van diplomaten van Iran niet uit.",
        "De verordening biedt Nederland de mogelijkheid om een vergunningplicht in te voeren.",
        "Uitgangspunt is dat maatregelen van de douane proportioneel zijn.",
        "Uit onderzoek van Bolt Systems blijkt dat Rusland actief is.",
    ],
)
def test_a_supposed_measure_is_no_response(text):
    assert responses(text) == []


def test_a_taken_measure_beside_a_supposed_one_stays():
    found = responses(
        "Nederland heeft sancties tegen Iran ingesteld; indien nodig volgen er meer maatregelen."
    )
    assert [r.kind for r in found] == ["sanction"]


def test_a_measure_named_again_is_no_new_response():
    text = (
        "De douane heeft beveiligingsmaatregelen genomen. "
        "Deze maatregelen zijn afgestemd met het NCSC. "
        "De maatregelen gelden voor alle havens."
    )
    assert len(responses(text)) == 1


def test_a_firms_own_step_is_no_state_response():
    assert responses("Bolt Systems heeft aanvullende beveiligingsmaatregelen genomen.") == []
    found = responses("De douane heeft Bolt Systems een verbod opgelegd.")
    assert [r.by for r in found] == [["douane"]]


def test_a_question_mark_asks_even_outside_a_question_part():
    assert responses("Welke sancties overweegt u tegen Rusland?") == []
    text, parts = qa("Deelt u de zorgen over Iran?", "Ja, ik deel de zorgen over Iran.")
    found = responses(text, parts, answered_by=[])
    assert all(text[r.evidence.start : r.evidence.end].startswith("Ja") for r in found)


# -- response families ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Nederland heeft een démarche uitgevoerd bij Iran.", "diplomatic"),
        ("Nederland heeft protest aangetekend bij Rusland.", "diplomatic"),
        ("Nederland heeft Iran aangesproken op de bedreigingen.", "diplomatic"),
        ("Karel Minister heeft met zijn ambtgenoot uit Iran gesproken.", "diplomatic"),
        ("Rusland heeft verklaard dat het zijn bedrijven zal verdedigen.", "statement"),
        ("De AIVD heeft een advies over veilige apps gepubliceerd.", "statement"),
        ("Het NCSC heeft een veiligheidsadvies voor routers uitgegeven.", "statement"),
        ("Het NCSC geeft een reisadvies voor Iran.", "measure"),
        ("Het NCSC waarschuwt gemeenten voor phishing uit Rusland.", "statement"),
        ("Het NCSC heeft indicatoren gedeeld met de douane.", "statement"),
        ("De overname van Bolt Systems is getoetst door het ministerie van Defensie.", "measure"),
        ("Nederland voert een investeringstoets uit op overnames.", "measure"),
        ("Nederland heeft de Wet veilige havens ingevoerd.", "legislation"),
        ("Nederland heeft de Havenbeveiligingswet ingevoerd.", "legislation"),
        ("Karel Minister heeft Bolt Systems een bevel gegeven.", "measure"),
        ("De burgemeester heeft een noodbevel afgekondigd, meldt de douane.", "measure"),
        ("Nederland heeft Kraan Logistiek gedwongen de fabriek te verkopen.", "measure"),
        (
            "De Verenigde Staten hebben Kraan Logistiek aangemerkt als militair bedrijf.",
            "sanction",
        ),
        ("Nederland heeft drie personen uit Iran op de nationale lijst geplaatst.", "sanction"),
        ("De Koninklijke Marechaussee heeft de drones verjaagd.", "disruption"),
        ("Het ministerie van Defensie heeft het luchtruim gesloten voor drones.", "measure"),
        ("De douane heeft ruimere bevoegdheden gekregen.", "measure"),
        ("Nederland draagt met twee fregatten bij aan de missie.", "measure"),
        ("De douane is vorige week een missie in de Noordzee begonnen.", "measure"),
        ("Het NCSC heeft de douane bijgestaan bij het herstel.", "measure"),
        ("Het ministerie van Defensie heeft extra schepen ingezet.", "measure"),
        ("De toeschrijving van de hack aan Rusland door Nederland volgde later.", "attribution"),
        ("De douane doet aangifte tegen APT77.", "investigation"),
        ("Nederland heeft een verdachte uit Iran uitgeleverd.", "investigation"),
        ("Een diplomaat uit Rusland is door Nederland ongewenst verklaard.", "measure"),
        ("Anna de Vries wordt door de Koninklijke Marechaussee beveiligd.", "measure"),
        ("Het NCSC heeft een leidraad voor gemeenten opgesteld.", "measure"),
        ("De Koninklijke Marechaussee heeft twee verdachten aangehouden.", "investigation"),
        ("Bolt Systems is door Nederland onder verscherpt toezicht gesteld.", "measure"),
        ("Het loket van de douane ondersteunt bedrijven bij vragen.", "measure"),
        ("De AIVD deelt de analyse van de Verenigde Staten.", "statement"),
        ("Nederland heeft een procedure tegen Iran gestart.", "investigation"),
    ],
)
def test_response_families(text, kind):
    assert kind in {r.kind for r in responses(text)}


def test_a_comma_does_not_part_a_far_date_from_its_event():
    text = (
        "Op 12 oktober 2022, midden in een uitzonderlijk drukke week voor alle havens, "
        "werd het netwerk van Kraan Logistiek door Zandstorm gehackt."
    )
    assert incidents(text)[0].date == date(2022, 10, 12)


def test_a_pronoun_subject_takes_the_actor_of_the_sentence_before():
    text = "Karel Minister sprak de pers toe. Hij vaardigde daarna een noodbevel uit."
    found = responses(text)
    assert [(r.kind, r.by) for r in found] == [("measure", ["karel-minister"])]


def test_a_passive_measure_is_taken_in_the_country_it_happened():
    found = responses("De groep, die in Iran al jaren verboden is, werft ook hier.")
    assert [r.by for r in found] == [["iran"]]


def test_an_expulsion_is_a_response_not_an_incident():
    text = "Drie diplomaten van Iran zijn vorige maand door Nederland uitgewezen."
    assert incidents(text) == []
    assert [r.kind for r in responses(text)] == ["diplomatic"]


def test_a_known_measure_as_an_object_is_no_new_response():
    text = (
        "Nederland heeft maatregelen tegen Iran genomen. "
        "Over de uitvoering van de maatregelen is de douane ingelicht. "
        "Na de Russische verklaring van maart volgde meer."
    )
    found = responses(text)
    assert [r.kind for r in found if r.trigger == "maatregelen"] == ["measure"]
    assert [r.by for r in found if r.trigger == "verklaring"] == [["rusland"]]


def test_shooting_a_person_is_no_counter_drone_action():
    assert responses("Anna de Vries werd in Iran neergeschoten.") == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Nederland heeft aangedrongen op vrijlating van Anna de Vries.", "statement"),
        ("Karel Minister pleit in Brussel voor strengere regels.", "statement"),
        ("Nederland heeft zijn steun aan Anna de Vries uitgesproken.", "statement"),
        ("Het ministerie van Defensie heeft het contract met Kraan Logistiek opgezegd.", "measure"),
        ("Nederland heeft een reisverbod ingesteld voor drie functionarissen.", "sanction"),
        ("Nederland steunt de bevriezing van tegoeden van Iran.", "sanction"),
        ("Het NCSC heeft een beveiligingsadvies uitgebracht.", "statement"),
        ("Nederland heeft formeel protest ingediend bij Rusland.", "diplomatic"),
        ("Karel Minister heeft de ambassadeur van Iran gisteren gesproken.", "diplomatic"),
        ("Nederland heeft contact opgenomen met de autoriteiten van Iran.", "diplomatic"),
        ("Het NCSC heeft de telefoon van Anna de Vries onderzocht.", "investigation"),
        ("De AIVD geeft briefings aan Kamerleden over spionage.", "measure"),
        ("Nederland heeft het consulaat van Iran laten sluiten.", "measure"),
        ("Een spion van Rusland is door Nederland uitgezet.", "diplomatic"),
    ],
)
def test_more_response_families(text, kind):
    assert kind in {r.kind for r in responses(text)}


def test_a_victim_of_a_bare_act_is_still_an_event():
    found = incidents("Anna de Vries is vorig jaar slachtoffer geworden van spionage door Iran.")
    assert [i.kind for i in found] == ["espionage"]


def test_a_prison_term_is_a_conviction():
    assert "conviction" in {i.kind for i in incidents("Anna de Vries kreeg in Iran acht jaar cel.")}


@pytest.mark.parametrize(
    "name",
    [
        "incident_triggers.csv",
        "incident_hedges.csv",
        "incident_hedges_after.csv",
        "incident_denials.csv",
        "incident_yesno.csv",
        "response_triggers.csv",
        "response_hypothetical.csv",
        "response_conditional.csv",
        "response_takers.csv",
        "incident_conditional.csv",
        "incident_denials_after.csv",
        "date_other_owners.csv",
    ],
)
def test_every_lexicon_pattern_compiles(name):
    # The extractors swallow a bad pattern (they return nothing), so check them here.
    for row in _rows(name):
        re.compile(_spaced(row["pattern"]))


def test_for_the_first_time_is_no_reference_back():
    text = (
        "Nederland heeft sancties tegen Iran ingesteld. "
        "Iran heeft besloten om voor het eerst sancties tegen Nederland op te leggen."
    )
    assert [r.by for r in responses(text) if r.trigger == "sancties"] == [["nederland"], ["iran"]]


def test_the_speaking_minister_acts_for_ministry_and_cabinet():
    table = dict(ACTORS, kabinet="GovernmentBody")
    table["Ministerie van Buitenlandse Zaken"] = "GovernmentBody"
    text = "Het kabinet steunt dit. Ik heb de ambassadeur van Iran ontboden."
    document, actors, mentions = document_with_names(
        text,
        table,
        None,
        answered_by=[Participant("Karel Minister", office="minister van Buitenlandse Zaken")],
    )
    # "Het kabinet steunt dit" is a statement of its own, taken by the cabinet named.
    found = [
        r for r in extract_responses(document, actors, mentions, [], []) if r.kind == "diplomatic"
    ]
    assert found and {tuple(r.by) for r in found} == {
        ("karel-minister", "kabinet", "ministerie-van-buitenlandse-zaken")
    }


def test_a_mention_sharing_an_actor_with_the_title_event_is_that_event():
    text = "Vragen over de hack bij de douane door Zandstorm.\nAPT77 heeft de douane gehackt."
    head = text.index("\n")
    parts = [Part("header", Span(0, head)), Part("body", Span(head + 1, len(text)))]
    (hack,) = incidents(text, parts)
    assert hack.actors == ["apt77", "douane", "zandstorm"]


def test_the_sentence_after_names_the_victim():
    text = "Er is op 2 mei 2024 een datalek ontdekt. Het ging om klantgegevens van Bolt Systems."
    (leak,) = incidents(text)
    assert leak.actors == ["bolt-systems"]


def test_a_question_citing_news_reports_the_measure():
    for question in (
        "Heeft u kennisgenomen van het besluit van Rusland om sancties in te stellen?",
        "Kunt u bevestigen dat Rusland sancties tegen Nederland heeft ingesteld?",
    ):
        text, parts = qa(question, "Ja.")
        assert [r.by for r in responses(text, parts)] == [["rusland"]]
    text, parts = qa("Heeft u sancties tegen Rusland overwogen?", "Nee.")
    assert responses(text, parts) == []


def test_the_chamber_addressed_takes_no_measure():
    table = dict(ACTORS, Kamer="GovernmentBody", kabinet="GovernmentBody")
    table["uw Kamer"] = "GovernmentBody"  # the entity ruler may take the pronoun along
    text = "Hierbij informeer ik uw Kamer over de maatregelen die het kabinet heeft genomen."
    document, actors, mentions = document_with_names(text, table)
    found = extract_responses(document, actors, mentions, [], [])
    assert found and all(not {"kamer", "uw-kamer"} & set(r.by) for r in found)


def test_a_named_desk_acting_is_no_measure_named_again():
    text = (
        "De douane heeft maatregelen genomen. "
        "Het Meldpunt van de douane ondersteunt bedrijven bij vragen."
    )
    assert len(responses(text)) == 2


def test_another_year_is_another_event_and_a_bare_year_dates_nothing():
    text = (
        "Op 3 maart 2025 is APT77 binnengedrongen in het netwerk van de douane. "
        "Eerder, in 2023, werd ook Bolt Systems door APT77 aangevallen."
    )
    found = incidents(text)
    assert [(i.kind, i.date) for i in found] == [
        ("intrusion", date(2025, 3, 3)),
        ("cyberattack", None),
    ]
    assert (
        incidents("Vorig jaar is Bolt Systems door APT77 gehackt.", answered=date(2025, 5, 1))[
            0
        ].date
        is None
    )


def test_a_reported_event_with_zou_hebben_is_still_an_event():
    found = incidents("Volgens media zou APT77 het netwerk van de douane hebben gehackt.")
    assert [i.kind for i in found] == ["hack"]


def test_the_label_keeps_the_name_and_the_answer_gives_the_evidence():
    text, parts = qa(
        "Wat weet u van de hack bij de douane?",
        "De douane is op 3 mei 2024 door APT77 gehackt.",
    )
    (hack,) = incidents(text, parts)
    assert "hack bij de douane" in hack.label
    assert text[hack.evidence.start : hack.evidence.end].startswith("De douane is op 3 mei")
    assert hack.date == date(2024, 5, 3)


def test_an_actorless_participle_after_an_auxiliary_happened():
    found = incidents("Op de telefoon van een Kamerlid is spyware aangetroffen.")
    assert found and found[0].actors == []
    assert incidents("Hackers zijn een groot gevaar.") == []
