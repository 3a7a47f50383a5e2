"""Entity coverage, round 4: curated bodies and firms, cue nouns, body head words, two fixes.

Every sentence here is invented for the test; the made-up names ("Veltrix", "Zhonglan")
are in no actor list, so only a pattern can find them.
"""

from __future__ import annotations

import pytest

from kamerkg.extract.model import Document
from kamerkg.extract.nlp import find_mentions


def _mentions(nlp, text: str) -> list[tuple[str, str]]:
    return [(m.text, m.label) for m in find_mentions(nlp, Document(source="t.txt", text=text))]


# ----------------------------------------------------------------------------- lists


@pytest.mark.parametrize(
    ("sentence", "surface", "name", "type_"),
    [
        (
            "Volgens het EUAA kwamen er meer asielaanvragen binnen.",
            "EUAA",
            "Asielagentschap van de Europese Unie",
            "GovernmentBody",
        ),
        (
            "De zaak ligt nu bij het Permanent Court of Arbitration in Den Haag.",
            "Permanent Court of Arbitration",
            "Permanent Hof van Arbitrage",
            "GovernmentBody",
        ),
        (
            "Het Libanon-tribunaal sprak in 2020 een vonnis uit.",
            "Libanon-tribunaal",
            "Speciaal Tribunaal voor Libanon",
            "GovernmentBody",
        ),
        (
            "Meldingen gingen eerder naar het CSIRT-DSP en nu naar het NCSC.",
            "CSIRT-DSP",
            "CSIRT-DSP",
            "GovernmentBody",
        ),
        (
            "Onderzoekers koppelen de operatie aan het Jiangsu State Security Department.",
            "Jiangsu State Security Department",
            "Jiangsu State Security Department",
            "GovernmentBody",
        ),
        (
            "Het MIIT stelde nieuwe regels op voor de export van grondstoffen.",
            "MIIT",
            "Ministry of Industry and Information Technology",
            "GovernmentBody",
        ),
        (
            "Het CFIUS blokkeerde de overname van een chipfabriek.",
            "CFIUS",
            "CFIUS",
            "GovernmentBody",
        ),
        (
            "Het Erasmus Medisch Centrum werkt samen met buitenlandse onderzoekers.",
            "Erasmus Medisch Centrum",
            "Erasmus MC",
            "Organisation",
        ),
        (
            "Studenten van de Open Universiteit kregen een voorlichting over kennisveiligheid.",
            "Open Universiteit",
            "Open Universiteit",
            "Organisation",
        ),
        (
            "Het NLR ontwikkelt technologie voor de luchtmacht.",
            "NLR",
            "Koninklijk Nederlands Lucht- en Ruimtevaartcentrum",
            "Organisation",
        ),
        (
            "Klanten van Bitvavo kregen een waarschuwing over phishing.",
            "Bitvavo",
            "Bitvavo",
            "Company",
        ),
        (
            "Volgens Novogene blijven de gegevens in Europa.",
            "Novogene",
            "Novogene",
            "Company",
        ),
        (
            "Het onderhoud van de zeekabel werd gedaan door HMN Tech.",
            "HMN Tech",
            "HMN Technologies",
            "Company",
        ),
        (
            "Eenheid 54777 van de GRU verspreidt desinformatie.",
            "Eenheid 54777",
            "Unit 54777",
            "ThreatActor",
        ),
    ],
)
def test_new_list_entries_are_found(nlp, gaz, sentence, surface, name, type_) -> None:
    assert (surface, type_) in _mentions(nlp, sentence)
    entry = gaz.lookup(surface)
    assert entry is not None and entry.name == name


def test_kraken_is_no_listed_name(gaz) -> None:
    # "Kraken van wachtwoorden ..." opens many a Dutch sentence: the exchange is
    # found through a cue noun ("de cryptobeurs Kraken"), never through the list
    assert gaz.lookup("Kraken") is None


# ----------------------------------------------------------------------------- cue nouns


@pytest.mark.parametrize(
    ("sentence", "name", "type_"),
    [
        ("Het cryptobedrijf Veltrix meldde een inbraak.", "Veltrix", "Company"),
        ("De Chinese techgigant Zhonglan reageerde niet.", "Zhonglan", "Company"),
        ("Het Amerikaanse softwarebedrijf Nortiva bracht een update uit.", "Nortiva", "Company"),
        ("De berichtenapp Kwaakr werd door demonstranten gebruikt.", "Kwaakr", "Company"),
        ("De app Plingo vraagt toegang tot contacten.", "Plingo", "Company"),
        ("Het platform Vidora verwijderde de filmpjes.", "Vidora", "Company"),
        ("De chipreus Tarvon opent een fabriek.", "Tarvon", "Company"),
        ("De cryptobeurs Coinvault bevroor de tegoeden.", "Coinvault", "Company"),
        ("De start-up Lumiq ontving Chinees kapitaal.", "Lumiq", "Company"),
        ("De privacywaakhond Datawacht legde een boete op.", "Datawacht", "GovernmentBody"),
        ("De toezichthouder Finora opende een onderzoek.", "Finora", "GovernmentBody"),
        (
            "De denktank Meridian Institute schreef een rapport.",
            "Meridian Institute",
            "Organisation",
        ),
    ],
)
def test_cue_noun_introduces_a_name(nlp, sentence, name, type_) -> None:
    assert (name, type_) in _mentions(nlp, sentence)


# ----------------------------------------------------------------------------- head words


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("De Raad voor de Jeugdbescherming gaf een advies.", "Raad voor de Jeugdbescherming"),
        (
            "Het Bureau voor de Statistiek van Aruba telde minder.",
            "Bureau voor de Statistiek van Aruba",
        ),
        ("Het Commissariaat voor de Omroep greep in.", "Commissariaat voor de Omroep"),
        (
            "De Rijksdienst voor het Cultureel Erfgoed sprak.",
            "Rijksdienst voor het Cultureel Erfgoed",
        ),
        (
            "Het College voor Toetsing van Exportvergunningen besliste.",
            "College voor Toetsing van Exportvergunningen",
        ),
        ("De Directie Cyberveiligheid schreef de notitie.", "Directie Cyberveiligheid"),
        (
            "De Nederlandse Zeevaartautoriteit en de Nationale Opsporingsdienst werkten samen.",
            "Nationale Opsporingsdienst",
        ),
        (
            "De Nederlandse Zeevaartautoriteit en de Nationale Opsporingsdienst werkten samen.",
            "Nederlandse Zeevaartautoriteit",
        ),
        ("De Vlaamse Onderwijsinspectie bezocht de school.", "Vlaamse Onderwijsinspectie"),
        ("Het Hof van Beroep in Brussel oordeelde anders.", "Hof van Beroep"),
        (
            "Het International Tribunal for the Law of the Sea gaf een uitspraak.",
            "International Tribunal for the Law of the Sea",
        ),
        ("De Caribbean Court of Justice oordeelde.", "Caribbean Court of Justice"),
        ("De Food Safety Authority waarschuwde.", "Food Safety Authority"),
    ],
)
def test_body_head_words(nlp, sentence, name) -> None:
    assert (name, "GovernmentBody") in _mentions(nlp, sentence)


def test_lowercase_head_with_article_stays_apart(nlp) -> None:
    found = _mentions(nlp, "Volgens de politie van de Hoge Raad was het rustig.")
    assert ("Hoge Raad", "GovernmentBody") in found
    assert not any(text.startswith("politie van") for text, _ in found)


def test_person_with_particles_is_no_body(nlp) -> None:
    found = _mentions(nlp, "Jorien van de Wetering sprak met het Bureau van de Ombudsman.")
    assert ("Jorien van de Wetering", "Person") in found


# ----------------------------------------------------------------------------- fixes


def test_code_with_bracketed_part_keeps_its_bracket(nlp) -> None:
    found = _mentions(nlp, "Gisteren eiste NoName057(16) de aanvallen op gemeentesites op.")
    assert ("NoName057(16)", "ThreatActor") in found
    found = _mentions(nlp, "De groep (NoName057(16)) viel opnieuw aan.")
    assert ("NoName057(16)", "ThreatActor") in found


def test_bracket_not_taken_without_opening(nlp) -> None:
    found = _mentions(nlp, "Het gaat om de AIVD) en de MIVD.")
    assert ("AIVD", "GovernmentBody") in found


def test_all_caps_alias_of_a_capitalised_name(nlp, gaz) -> None:
    assert "COSCO" in gaz.lookup("Cosco").aliases
    found = _mentions(nlp, "Een schip van COSCO lag dagen voor de kust.")
    assert ("COSCO", "Company") in found
    found = _mentions(nlp, "Een schip van Cosco lag dagen voor de kust.")
    assert ("Cosco", "Company") in found


def test_case_variant_alias_is_matched(nlp) -> None:
    found = _mentions(nlp, "Op Whatsapp en Linkedin werden nepprofielen aangemaakt.")
    assert ("Whatsapp", "Company") in found
    assert ("Linkedin", "Company") in found


def test_article_link_joins_no_two_names(nlp) -> None:
    found = _mentions(nlp, "Het Bureau of Export Control van het Department of Trade besloot.")
    assert not any("van het" in text for text, _ in found)
    found = _mentions(nlp, "Studenten van de Open Universiteit kregen les.")
    assert ("Open Universiteit", "Organisation") in found


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("De gemeente Zwolle kreeg een DDoS-aanval te verwerken.", "gemeente Zwolle"),
        ("Volgens de gemeente Den Helder is er niets gelekt.", "gemeente Den Helder"),
        ("De gemeente Alphen aan den Rijn deed aangifte.", "gemeente Alphen aan den Rijn"),
        ("Gemeente 's-Hertogenbosch sloot de website.", "Gemeente 's-Hertogenbosch"),
        ("De provincie Drenthe weigerde de subsidie.", "provincie Drenthe"),
        ("Het Loket Exportcontrole gaf geen vergunning.", "Loket Exportcontrole"),
    ],
)
def test_municipalities_provinces_and_desks_are_bodies(nlp, sentence, name) -> None:
    assert (name, "GovernmentBody") in _mentions(nlp, sentence)


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Oude routers van Netgear en Zyxel vormden een botnet.", "Netgear"),
        ("Oude routers van Netgear en Zyxel vormden een botnet.", "Zyxel"),
        ("De software in auto's van Volkswagen wordt extern bijgewerkt.", "Volkswagen"),
        ("Chery en Leapmotor openen een fabriek in Europa.", "Leapmotor"),
        ("Betalingen liepen via Adyen en Euroclear.", "Euroclear"),
        ("De kabel werd gelegd door Hengtong en gerepareerd door SubCom.", "SubCom"),
    ],
)
def test_recurring_firms_are_listed(nlp, sentence, name) -> None:
    assert (name, "Company") in _mentions(nlp, sentence)


def test_place_and_surname_bosch_is_no_company(nlp) -> None:
    found = _mentions(nlp, "De rechtbank in Den Bosch hoorde mevrouw Van den Bosch.")
    assert not any(label == "Company" for _, label in found)


def test_plural_body_noun_before_a_list_of_places(nlp) -> None:
    text = (
        "Zijn de gemeenten Breda, Venlo\nen Den Helder geraakt, "
        "en de provincies Drenthe en Flevoland?"
    )
    found = _mentions(nlp, text)
    for place in ("Breda", "Venlo", "Den Helder", "Drenthe", "Flevoland"):
        assert (place, "GovernmentBody") in found


def test_plural_body_noun_needs_a_list(nlp) -> None:
    found = _mentions(nlp, "In beide gemeenten Kwam de raad bijeen.")
    assert not any(label == "GovernmentBody" for _, label in found)


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "Een promovendus van de Karl-Franzens-Universität Graz werkte mee.",
            "Karl-Franzens-Universität Graz",
        ),
        ("De Technische Universität München deed onderzoek.", "Technische Universität München"),
        ("Ook de Université Paris-Saclay werkte mee.", "Université Paris-Saclay"),
    ],
)
def test_foreign_universities(nlp, sentence, name) -> None:
    assert (name, "Organisation") in _mentions(nlp, sentence)


@pytest.mark.parametrize(
    ("sentence", "surface"),
    [
        (
            "Volgens de Russische handelsvertegenwoordiging klopt dit niet.",
            "Russische handelsvertegenwoordiging",
        ),
        ("Het Chinese consulaat-generaal nodigde studenten uit.", "Chinese consulaat-generaal"),
        ("De Duitse federale politie hield twee mannen aan.", "Duitse federale politie"),
        ("De Amerikaanse justitie klaagde de hackers aan.", "Amerikaanse justitie"),
    ],
)
def test_a_foreign_body_named_by_nationality_and_kind(nlp, sentence, surface) -> None:
    # A foreign state's body by adjective and kind, never the Dutch body of that kind.
    found = _mentions(nlp, sentence)
    assert (surface, "GovernmentBody") in found
    assert ("politie", "GovernmentBody") not in found


@pytest.mark.parametrize(
    ("sentence", "surface"),
    [
        ("De aanklacht noemt Weng Jiahao als opdrachtgever.", "Weng Jiahao"),
        ("Ook Xiong Meiling werd genoemd.", "Xiong Meiling"),
        ("Volgens de FBI werkte Ni Zhenyu voor het ministerie.", "Ni Zhenyu"),
    ],
)
def test_chinese_names_with_the_surname_first(nlp, sentence, surface) -> None:
    assert (surface, "Person") in _mentions(nlp, sentence)
