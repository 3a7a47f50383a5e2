"""More header layouts of Kamervragen (issue 4): who asked whom, offices, dates.

Every text here is invented for the test; the people are real office holders so
that the curated lists can resolve them.
"""

from datetime import date

import pytest

from kamerkg.extract.layout import parse_document
from kamerkg.extract.pipeline import Extractor


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(model="blank")


_QA = "\n\nVraag 1\nKent u het bericht?\n\nAntwoord 1\nJa.\n"


def _answered(text: str) -> list[tuple[str, str | None]]:
    return [(p.name, p.office) for p in parse_document(text, "t.txt").answered_by]


# --------------------------------------------------------------------- answer header


@pytest.mark.parametrize(
    ("header", "office"),
    [
        (
            "Antwoord van de Minister van Buitenlandse Zaken (ontvangen 2 april 2024)",
            "minister van Buitenlandse Zaken",
        ),
        (
            "Antwoord van de minister van Onderwijs, Cultuur en Wetenschap, mede namens de "
            "Minister van Justitie en Veiligheid (ontvangen 2 april 2024)",
            "minister van Onderwijs, Cultuur en Wetenschap",
        ),
        (
            "Antwoord van de Staatssecretaris van Defensie\n(ontvangen 2 april 2024)",
            "staatssecretaris van Defensie",
        ),
    ],
)
def test_answer_header_naming_only_the_office(header: str, office: str) -> None:
    text = (
        "Vragen van het lid Dassen (Volt) aan de Minister van Buitenlandse Zaken over "
        f"Chinese cyberaanvallen (ingezonden 5 maart 2024).\n\n{header}{_QA}"
    )
    ((name, stated),) = _answered(text)
    assert name == "" and stated is not None
    assert " ".join(stated.split()).lower() == office.lower()


def test_office_only_header_resolves_to_the_holder_on_the_answer_date(
    extractor: Extractor,
) -> None:
    text = (
        "Vragen van het lid Dassen (Volt) aan de Minister van Buitenlandse Zaken over "
        "Chinese cyberaanvallen (ingezonden 5 maart 2024).\n\n"
        "Antwoord van de Minister van Buitenlandse Zaken, mede namens de Minister van "
        f"Defensie (ontvangen 2 april 2024){_QA}"
    )
    extraction = extractor.extract_text(text)
    assert extraction.answered_by == ["hanke-bruins-slot"]
    actor = extraction.actor("hanke-bruins-slot")
    assert actor is not None
    assert "minister van Buitenlandse Zaken" in [o.label for o in actor.offices]


def test_office_and_named_answerers_mixed() -> None:
    text = (
        "Vragen van de leden Kahraman (NSC) en Eerdmans (JA21) aan de ministers over sabotage "
        "(ingezonden 3 februari 2025).\n\nAntwoord van Minister Van Weel (Justitie en "
        "Veiligheid) en van de Minister van Defensie (ontvangen 15 maart 2025)" + _QA
    )
    assert _answered(text) == [
        ("Van Weel", "Minister Justitie en Veiligheid"),
        ("", "Minister van Defensie"),
    ]


def test_answer_header_named_minister_president_and_co_signers() -> None:
    text = (
        "Vragen van het lid Van der Staaij (SGP) aan de Minister-President over "
        "beïnvloeding door Turkse organisaties (ingezonden 3 feb. 2021).\n\n"
        "Antwoord van Minister-President Rutte, mede namens de Staatssecretaris van Justitie "
        "en Veiligheid (ontvangen 03-03-2021)" + _QA
    )
    doc = parse_document(text, "t.txt")
    assert [(p.name, p.party) for p in doc.asked_by] == [("Van der Staaij", "SGP")]
    assert (doc.submitted, doc.answered) == (date(2021, 2, 3), date(2021, 3, 3))
    assert _answered(text) == [("Rutte", "Minister-President")]


# --------------------------------------------------------------------- signatures


@pytest.mark.parametrize(
    ("signature", "name", "office"),
    [
        (
            "De Minister van Justitie en Veiligheid, D. Yeşilgöz-Zegerius",
            "D. Yeşilgöz-Zegerius",
            "Minister van Justitie en Veiligheid",
        ),
        (
            "De minister van Onderwijs, Cultuur en Wetenschap, mr. R.H. Dijkgraaf",
            "R.H. Dijkgraaf",
            "minister van Onderwijs, Cultuur en Wetenschap",
        ),
        (
            "Met vriendelijke groet,\n\nDilan Yeşilgöz-Zegerius\n"
            "Minister van Justitie en Veiligheid",
            "Dilan Yeşilgöz-Zegerius",
            "Minister van Justitie en Veiligheid",
        ),
        (
            "De Staatssecretaris van Economische Zaken en Klimaat,\n\n\n\nM.C.G. Keijzer",
            "M.C.G. Keijzer",
            "Staatssecretaris van Economische Zaken en Klimaat",
        ),
    ],
)
def test_signature_at_the_end(signature: str, name: str, office: str) -> None:
    text = (
        "Datum 14 februari 2023\nBetreft Beantwoording vragen over Iraanse dreiging\n\n"
        "Geachte voorzitter,\n\nHierbij zend ik u de antwoorden op de vragen van het lid "
        "Eerdmans (JA21) over Iraanse dreiging tegen journalisten (2023Z01111, ingezonden "
        f"19 januari 2023).{_QA}\n{signature}\n"
    )
    doc = parse_document(text, "t.txt")
    assert [(p.name, p.office) for p in doc.answered_by] == [(name, office)]
    assert doc.slice(doc.answered_by[0].span) == name
    # the identifier in brackets is no part of the subject
    assert doc.title == "Iraanse dreiging tegen journalisten"
    assert not any(w.startswith("W204") for w in doc.warnings)


def test_a_sentence_opening_with_an_office_is_no_signature() -> None:
    text = (
        "Geachte voorzitter,\n\nDe minister van Defensie, Ruben Brekelmans, zei gisteren dat "
        "het kabinet de dreiging serieus neemt.\n"
    )
    assert parse_document(text, "t.txt").answered_by == []


def test_initials_longer_than_the_known_first_name(extractor: Extractor) -> None:
    text = (
        "Vragen van het lid Dassen (Volt) aan de Minister van Buitenlandse Zaken over "
        "Chinese invloed (ingezonden 5 maart 2024).\n\nAntwoord van de Minister van "
        f"Buitenlandse Zaken (ontvangen 2 april 2024){_QA}\n"
        "De Minister van Buitenlandse Zaken,\n\nH.G.J. Bruins Slot\n"
    )
    extraction = extractor.extract_text(text)
    assert extraction.answered_by == ["hanke-bruins-slot"]


def test_double_surname_without_hyphen_in_the_header(extractor: Extractor) -> None:
    text = (
        "Vragen van het lid Dassen (Volt) aan de Minister van Buitenlandse Zaken over "
        "Chinese invloed (ingezonden 5 maart 2024).\n\nAntwoord van Minister Bruins Slot "
        f"(Buitenlandse Zaken) (ontvangen 2 april 2024){_QA}"
    )
    extraction = extractor.extract_text(text)
    assert extraction.answered_by == ["hanke-bruins-slot"]


def test_header_office_picks_the_namesake_in_office(extractor: Extractor) -> None:
    # Two Dijkgraafs in the lists; only one was minister of OCW in 2023.
    text = (
        "Vragen van het lid Paternotte (D66) aan de Minister van Onderwijs, Cultuur en "
        "Wetenschap over spionage op universiteiten (ingezonden 3 februari 2023).\n\n"
        "Antwoord van Minister Dijkgraaf (Onderwijs, Cultuur en Wetenschap) (ontvangen "
        f"4 maart 2023){_QA}"
    )
    extraction = extractor.extract_text(text)
    assert extraction.answered_by == ["robbert-dijkgraaf"]


# --------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    "line",
    ["Datum dinsdag 3 februari 2021", "Datum: 3 feb. 2021", "Datum 03-02-2021"],
)
def test_letter_date_line_forms(line: str) -> None:
    text = (
        f"Ministerie van Justitie en Veiligheid\n\n{line}\nOnderwerp Antwoorden Kamervragen\n\n"
        "Hierbij bied ik u de antwoorden aan op de vragen van de leden Van Dam (CDA) en "
        "Van Wijngaarden (VVD) over Russische spionage (ingezonden 8 januari 2021)." + _QA
    )
    doc = parse_document(text, "t.txt")
    assert doc.answered == date(2021, 2, 3)
    assert doc.submitted == date(2021, 1, 8)


# --------------------------------------------------------------------- page


@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_page_with_labels_on_their_own_lines(gap: str) -> None:
    text = (
        "Kamervraag 2024Z01234\nVragen over Russische sabotage van windparken\n"
        "Ingediend\n3 februari 2024\nBeantwoord\n15 maart 2024\n"
        f"Indieners{gap}Ingrid Michon-Derkzen (VVD)\nHenri Bontenbal (CDA)\n"
        f"Beantwoord door{gap}Dilan Yeşilgöz-Zegerius (minister justitie en veiligheid) (VVD)\n\n"
        "• Vraag 1\nBent u bekend met het bericht?\n\nJa.\n"
    )
    doc = parse_document(text, "t.txt")
    assert doc.genre == "kamervraag-page"
    assert (doc.submitted, doc.answered) == (date(2024, 2, 3), date(2024, 3, 15))
    assert [(p.name, p.party) for p in doc.asked_by] == [
        ("Ingrid Michon-Derkzen", "VVD"),
        ("Henri Bontenbal", "CDA"),
    ]
    assert [(p.name, p.party, p.office) for p in doc.answered_by] == [
        ("Dilan Yeşilgöz-Zegerius", "VVD", "minister justitie en veiligheid")
    ]
    for person in doc.asked_by + doc.answered_by:
        assert doc.slice(person.span) == person.name


def test_page_answerer_with_title_and_office_after_a_comma() -> None:
    text = (
        "Kamervraag 2024Z05678\n\nVragen over beïnvloeding via sociale media\n\n"
        "Ingediend 03-02-2024\nBeantwoord 3 mrt. 2024\n"
        "Indieners Caroline van der Plas (BBB), Pieter Omtzigt (NSC) en Jesse Klaver "
        "(GroenLinks-PvdA)\n"
        "Beantwoord door Minister Hanke Bruins Slot (CDA), minister van Binnenlandse Zaken en "
        "Koninkrijksrelaties, Staatssecretaris Alexandra van Huffelen (D66), staatssecretaris "
        "van Binnenlandse Zaken en Koninkrijksrelaties\n\n"
        "• Vraag 1\nBent u bekend met het bericht?\n\nJa.\n"
    )
    doc = parse_document(text, "t.txt")
    assert (doc.submitted, doc.answered) == (date(2024, 2, 3), date(2024, 3, 3))
    assert [p.party for p in doc.asked_by] == ["BBB", "NSC", "GroenLinks-PvdA"]
    assert [(p.name, p.party, p.office) for p in doc.answered_by] == [
        ("Hanke Bruins Slot", "CDA", "minister van Binnenlandse Zaken en Koninkrijksrelaties"),
        (
            "Alexandra van Huffelen",
            "D66",
            "staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties",
        ),
    ]
    for person in doc.answered_by:
        assert doc.slice(person.span) == person.name


def test_namesake_in_the_text_joins_the_header_answerer(extractor: Extractor) -> None:
    text = (
        "Vragen van het lid Paternotte (D66) aan de Minister van Onderwijs, Cultuur en "
        "Wetenschap over spionage op universiteiten (ingezonden 3 februari 2023).\n\n"
        "Antwoord van Minister Dijkgraaf (Onderwijs, Cultuur en Wetenschap) (ontvangen "
        "4 maart 2023)\n\nVraag 1\nHeeft minister Dijkgraaf de universiteiten gewaarschuwd?"
        "\n\nAntwoord 1\nJa.\n"
    )
    extraction = extractor.extract_text(text)
    people = {a.label for a in extraction.actors if a.type == "Person"}
    assert "Robbert Dijkgraaf" in people and "Dijkgraaf" not in people


# --------------------------------------------------------------------- answer labels


@pytest.mark.parametrize(
    ("label", "covers"),
    [
        ("Antwoorden op vragen 7 t/m 9", (7, 8, 9)),
        ("Antwoorden op de vragen 7 en 8", (7, 8)),
        ("Antwoord op vraag 7 en vraag 8", (7, 8)),
        ("Antwoord op vraag 7, vraag 8 en vraag 9:", (7, 8, 9)),
    ],
)
def test_answer_labels_for_several_questions(label: str, covers: tuple[int, ...]) -> None:
    text = (
        "Vraag 7\nWie stuurde de drones?\n\nVraag 8\nWaarom?\n\nVraag 9\nSinds wanneer?\n\n"
        f"{label}\nDaarover doe ik geen mededelingen.\n"
    )
    doc = parse_document(text, "t.txt")
    (answer,) = [p for p in doc.parts if p.kind == "answer"]
    assert answer.covers == covers
    assert doc.slice(answer.span).startswith(label)


def test_plural_heading_alone_is_no_answer_label() -> None:
    text = "Vraag 7\nWie stuurde de drones?\n\nAntwoorden\nHet kabinet zwijgt.\n"
    doc = parse_document(text, "t.txt")
    assert [p.kind for p in doc.parts if p.kind == "answer"] == []


def _letter_signed(signature: str) -> str:
    return (
        "Datum 14 februari 2023\nBetreft Beantwoording vragen\n\nGeachte voorzitter,\n\n"
        "Hierbij zend ik u de antwoorden op de vragen van het lid Eerdmans (JA21) over "
        f"Iraanse dreiging (ingezonden 19 januari 2023).\n\n{signature}{_QA}"
    )


def test_signature_with_a_co_signing_line(extractor: Extractor) -> None:
    text = _letter_signed(
        "De Minister van Justitie en Veiligheid,\nmede namens de Minister van Buitenlandse "
        "Zaken,\n\n\nD. Yeşilgöz-Zegerius"
    )
    assert _answered(text) == [("D. Yeşilgöz-Zegerius", "Minister van Justitie en Veiligheid")]
    extraction = extractor.extract_text(text)
    assert extraction.answered_by == ["dilan-yesilgoz-zegerius"]
    actor = extraction.actor("dilan-yesilgoz-zegerius")
    assert actor is not None
    # the colleague's office on the "mede namens" line is not hers
    assert [o.label for o in actor.offices] == ["minister van Justitie en Veiligheid"]


@pytest.mark.parametrize(
    ("signature", "person"),
    [
        (
            "De Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking,\n\n"
            "E.N.A.J. Schreinemacher",
            "liesje-schreinemacher",
        ),
        (
            "De staatssecretaris van Justitie en Veiligheid,\n\nJ.E. van der Burg",
            "eric-van-der-burg",
        ),
    ],
)
def test_official_initials_of_an_office_holder(
    extractor: Extractor, signature: str, person: str
) -> None:
    # Official initials list every baptismal name, not the name in daily use.
    assert extractor.extract_text(_letter_signed(signature)).answered_by == [person]


# --------------------------------------------------------------------- offices over time


def _office_header(header: str, year: int) -> str:
    return (
        "Vragen van het lid Dassen (Volt) aan de minister over drones (ingezonden 3 september "
        f"{year}).\n\n{header} (ontvangen 10 oktober {year}){_QA}"
    )


@pytest.mark.parametrize(
    ("header", "year", "person", "office"),
    [
        # the ministry was renamed in 2024: the name in use on the date decides
        (
            "Antwoord van de Minister van Economische Zaken en Klimaat",
            2022,
            "micky-adriaansens",
            "minister van Economische Zaken en Klimaat",
        ),
        (
            "Antwoord van de Minister van Economische Zaken",
            2024,
            "dirk-beljaarts",
            "minister van Economische Zaken",
        ),
        # abbreviations become the full office of the holder
        (
            "Antwoord van de Minister van BZK",
            2022,
            "hanke-bruins-slot",
            "minister van Binnenlandse Zaken en Koninkrijksrelaties",
        ),
        (
            "Antwoord van Minister Yeşilgöz-Zegerius (JenV)",
            2022,
            "dilan-yesilgoz-zegerius",
            "minister van Justitie en Veiligheid",
        ),
        ("Antwoord van de Minister-President", 2024, "dick-schoof", "minister-president"),
        # a second title of the same person is no second answerer
        (
            "Antwoord van de minister-president, minister van Algemene Zaken",
            2022,
            "mark-rutte",
            "minister-president",
        ),
    ],
)
def test_office_in_the_answer_header_over_time(
    extractor: Extractor, header: str, year: int, person: str, office: str
) -> None:
    extraction = extractor.extract_text(_office_header(header, year))
    assert extraction.answered_by == [person]
    actor = extraction.actor(person)
    assert actor is not None
    assert [o.label for o in actor.offices] == [office]


# --------------------------------------------------------------------- Kamerbrief


def test_policy_letter_citing_motions_has_no_askers(extractor: Extractor) -> None:
    text = (
        "Datum 12 maart 2024\nBetreft Voortgang aanpak statelijke dreigingen\n\n"
        "Geachte voorzitter,\n\nMet deze brief geef ik uitvoering aan de motie van het lid "
        "Sjoerdsma c.s. (Kamerstuk 36 410 V, nr. 12). De gewijzigde motie van de leden "
        "Brekelmans en Boswijk (Kamerstuk 30 821, nr. 180) vraagt om een verbod.\n\n"
        "De Minister van Justitie en Veiligheid,\n\nD. Yeşilgöz-Zegerius\n"
    )
    doc = parse_document(text, "t.txt")
    assert doc.asked_by == [] and doc.answered is None
    extraction = extractor.extract_text(text)
    assert extraction.asked_by == [] and extraction.answered_by == []
    # the signer keeps the office
    actor = extraction.actor("dilan-yesilgoz-zegerius")
    assert actor is not None
    assert [o.label for o in actor.offices] == ["minister van Justitie en Veiligheid"]


def test_letter_answering_questions_put_in_writing() -> None:
    text = (
        "Datum 12 maart 2024\nBetreft Beantwoording Kamervragen\n\nGeachte voorzitter,\n\n"
        "Hierbij bied ik u de antwoorden aan op de schriftelijke vragen die door het lid "
        "Dobbe (SP) zijn gesteld over Russische trollen (2024Z01234).\n\nDe Minister van "
        "Justitie en Veiligheid,\n\nD. Yeşilgöz-Zegerius" + _QA
    )
    doc = parse_document(text, "t.txt")
    assert [(p.name, p.party) for p in doc.asked_by] == [("Dobbe", "SP")]
    assert doc.answered == date(2024, 3, 12) and doc.identifier == "2024Z01234"


def test_a_reference_in_brackets_is_no_party() -> None:
    text = (
        "Vragen van de leden Boswijk (Kamerstuk 30 821, nr. 180) en Dassen (Volt) over drones "
        "(ingezonden 3 februari 2024).\n\nVraag 1\nKent u het bericht?\n"
    )
    assert [(p.name, p.party) for p in parse_document(text, "t.txt").asked_by] == [
        ("Boswijk", None),
        ("Dassen", "Volt"),
    ]


# --------------------------------------------------------------------- truncation


_SHAPES = [
    "Kamervraag 2024Z01234\nVragen over sabotage\nIngediend\n3 februari 2024\nIndieners\n"
    "Ingrid Michon-Derkzen (VVD)\nHenri Bontenbal (CDA)\nBeantwoord door\nMinister Hanke Bruins "
    "Slot (CDA), minister van Binnenlandse Zaken en Koninkrijksrelaties\n\n"
    "• Vraag 1\nWat?\n\nJa.\n",
    "Vragen van de leden Kahraman (NSC) en Van der\nWerf (D66) aan de minister over drones "
    "(ingezonden 3 feb. 2024).\n\nAntwoord van de minister-president, minister van Algemene "
    "Zaken, en de Minister van Onderwijs, Cultuur en Wetenschap, mede namens de Minister van "
    "Defensie (ontvangen 03-03-2024)\n\nVraag 1\nWat?\n\nAntwoorden op vragen 1 en vraag 2\nJa.\n"
    "\nDe Minister van Justitie en Veiligheid, D. Yeşilgöz-Zegerius\n",
]


@pytest.mark.parametrize("text", _SHAPES, ids=["page", "publication"])
def test_new_shapes_cut_anywhere(text: str) -> None:
    for cut in range(len(text) + 1):
        doc = parse_document(text[:cut], "t.txt")
        assert not any(w.startswith("W299") for w in doc.warnings), cut
        for p in doc.asked_by + doc.answered_by:
            if p.span is not None:
                assert 0 <= p.span.start <= p.span.end <= cut
                assert " ".join(doc.slice(p.span).split()) == p.name


def test_page_answerer_without_party() -> None:
    text = (
        "Kamervraag 2024Z17001\n\nVragen over Russische sabotage\n\nIngediend 3 oktober 2024\n"
        "Indieners Derk Boswijk (CDA)\n"
        "Beantwoord door Dick Schoof (minister-president, minister van algemene zaken) "
        "(Partijloos)\n\n• Vraag 1\nWat?\n\nJa.\n"
    )
    doc = parse_document(text, "t.txt")
    assert [(p.name, p.party, p.office) for p in doc.answered_by] == [
        ("Dick Schoof", None, "minister-president, minister van algemene zaken")
    ]


def test_page_answerer_named_only_by_office(extractor: Extractor) -> None:
    text = (
        "Kamervraag 2023Z01999\n\nVragen over Chinese drones\n\nIngediend 3 februari 2023\n"
        "Beantwoord 1 maart 2023\nIndieners Derk Boswijk (CDA)\n"
        "Beantwoord door minister van Defensie\n\n• Vraag 1\nWat?\n\nJa.\n"
    )
    assert _answered(text) == [("", "minister van Defensie")]
    assert extractor.extract_text(text).answered_by == ["kajsa-ollongren"]


# --------------------------------------------------------------------- numbered questions


def test_numbered_questions_without_vraag_label() -> None:
    text = (
        "Vragen van het lid Dobbe (SP) aan de minister over trollen (ingezonden 3 mei 2024).\n\n"
        "1. Kent u het onderzoek naar Russische trollen?\n\n"
        "Antwoord op vraag 1\nJa. Het onderzoek kent twee delen:\n1. De AIVD kijkt mee.\n"
        "2. De NCTV kijkt mee.\n\n"
        "2) Deelt u de zorg? Zo nee,\nwaarom niet?\n\n3\nWat gaat u doen?\n\n"
        "Antwoord op vragen 2 en 3\nIk deel de zorg.\n"
    )
    doc = parse_document(text, "t.txt")
    questions = {p.number: doc.slice(p.span) for p in doc.parts if p.kind == "question"}
    assert sorted(questions) == [1, 2, 3]
    assert questions[2].startswith("2) Deelt u") and questions[3] == "3\nWat gaat u doen?"
    answers = {p.number: p for p in doc.parts if p.kind == "answer"}
    # the enumeration inside the first answer stays in it
    assert doc.slice(answers[1].span).endswith("De NCTV kijkt mee.")
    assert answers[2].covers == (2, 3)
    assert doc.warnings == []


def test_numbered_paragraphs_without_answer_labels_stay_body() -> None:
    text = "Geachte voorzitter,\n\n1. Wat is er gebeurd?\n\n2. Wat doet het kabinet?\n"
    assert {p.kind for p in parse_document(text, "t.txt").parts} <= {"header", "body"}


@pytest.mark.parametrize(
    ("place_date", "sent"),
    [
        ("'s-Gravenhage, 3 februari 2021", "(ingezonden: 8 januari 2021)"),
        ("Den Haag, woensdag 3 februari 2021", "(Ingezonden op 8 jan. 2021)"),
        ("Den Haag, 03-02-2021", "(ingezonden 08-01-2021)"),
    ],
)
def test_letter_dated_by_place_and_date(place_date: str, sent: str) -> None:
    text = (
        f"{place_date}\n\nGeachte voorzitter,\n\nHierbij bied ik u de antwoorden aan op de "
        f"vragen van het lid Dassen (Volt) over drones {sent}.{_QA}"
    )
    doc = parse_document(text, "t.txt")
    assert (doc.submitted, doc.answered) == (date(2021, 1, 8), date(2021, 2, 3))


def test_member_with_official_initials_and_party(extractor: Extractor) -> None:
    text = (
        "Vragen van het lid J.E. van der Burg (VVD) aan de minister over drones (ingezonden "
        f"3 februari 2021).{_QA}"
    )
    assert extractor.extract_text(text).asked_by == ["eric-van-der-burg"]


def test_publication_footers_end_no_part() -> None:
    text = (
        "ah-tk-20232024-1234\nISSN 0921-7398\n's-Gravenhage 2024\n\nVragen van het lid Dassen "
        "(Volt) aan de Minister van Defensie over drones (ingezonden 3 februari 2024).\n\n"
        "Vraag 1\nKent u het bericht?\n\nAntwoord 1\nJa, dat bericht ken ik.\n\n"
        "Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel 1234 1\n\n"
        "Vraag 2\nWat doet u?\n\nAntwoord 2\nVeel.\n\n"
        "Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel 1234 2\n"
    )
    doc = parse_document(text, "t.txt")
    answers = [doc.slice(p.span) for p in doc.parts if p.kind == "answer"]
    assert [a.splitlines()[-1] for a in answers] == ["Ja, dat bericht ken ik.", "Veel."]
    assert doc.warnings == []


def test_signature_with_placeholders_and_no_names(extractor: Extractor) -> None:
    text = (
        "Datum 14 februari 2023\n\nGeachte voorzitter,\n\nHierbij bied ik u de antwoorden aan "
        "op de vragen van het lid Eerdmans (JA21) over drones (ingezonden 19 januari 2023)."
        f"{_QA}\nDe Minister van Defensie,\n\n[Ondertekenaar 1]\n\n"
        "De Staatssecretaris van Defensie,\n\n[Ondertekenaar 2]\n"
    )
    assert _answered(text) == [
        ("", "Minister van Defensie"),
        ("", "Staatssecretaris van Defensie"),
    ]
    assert extractor.extract_text(text).answered_by == [
        "kajsa-ollongren",
        "christophe-van-der-maat",
    ]


def test_an_office_opening_a_sentence_is_no_unnamed_signer() -> None:
    text = (
        "Vraag 1\nKent u het bericht?\n\nAntwoord op vraag 1\nJa.\n\n"
        "De minister van Defensie,\nheeft gisteren gezegd dat het kabinet ingrijpt.\n"
    )
    assert _answered(text) == []


def test_policy_letter_signed_by_office_only_adds_no_person(extractor: Extractor) -> None:
    text = (
        "Datum 12 maart 2024\nBetreft Voortgang aanpak statelijke dreigingen\n\n"
        "Geachte voorzitter,\n\nMet deze brief informeer ik uw Kamer over de aanpak.\n\n"
        "De Minister van Justitie en Veiligheid,\n\n[Ondertekenaar 1]\n"
    )
    extraction = extractor.extract_text(text)
    assert extraction.answered_by == []
    assert [a.label for a in extraction.actors if a.type == "Person"] == []


def test_page_with_colons_singular_label_and_office_before_the_name() -> None:
    text = (
        "Schriftelijke vragen\nKamervraag 2024Z01234\nVragen van het lid Dassen (Volt) aan de "
        "minister van Defensie over drones boven kazernes\nIngediend: 3 februari 2024\n"
        "Beantwoord: 15 maart 2024\nIndiener: L. Dassen (Volt)\n"
        "Beantwoord door: minister van Defensie, R.P. Brekelmans\n\n"
        "• Vraag 1\nBent u bekend met het bericht?\n\nJa.\n"
    )
    doc = parse_document(text, "t.txt")
    assert (doc.submitted, doc.answered) == (date(2024, 2, 3), date(2024, 3, 15))
    assert [(p.name, p.party) for p in doc.asked_by] == [("L. Dassen", "Volt")]
    assert [(p.name, p.office) for p in doc.answered_by] == [
        ("R.P. Brekelmans", "minister van Defensie")
    ]


QUESTIONS_ONLY = """2026Z01234

Vragen van het lid De Vries (SP) aan de minister van Economische Zaken over
slimme meters van een Chinese fabrikant (ingezonden 2 februari 2026).

1
Kent u het bericht dat slimme meters op afstand kunnen worden uitgeschakeld?

2
Hoeveel huishoudens hebben zo'n meter? Welke netbeheerders gebruiken ze?

3
Bent u bereid de leveranciers te laten toetsen, zoals eerder gevraagd in de
vragen van het lid Jansen (kenmerk 2025Z09876)?
"""


def test_numbered_questions_without_answers_are_questions() -> None:
    doc = parse_document(QUESTIONS_ONLY, "vragen.txt")
    assert doc.genre == "kamervragen"
    questions = [p for p in doc.parts if p.kind == "question"]
    assert [p.number for p in questions] == [1, 2, 3]
    assert QUESTIONS_ONLY[questions[1].span.start : questions[1].span.end].startswith("2")
    # The identifier is the document's own, not the one of earlier questions it cites.
    assert doc.identifier == "2026Z01234"


def test_numbered_paragraphs_in_an_article_stay_body_text() -> None:
    # Without a "Vragen van ..." header numbered questions are an article's own.
    doc = parse_document("Analyse van de week\n\n1\nWat weten we?\n\n2\nWie betaalt?\n", "a.txt")
    assert not [p for p in doc.parts if p.kind == "question"]


TWO_COLUMN_SIGNATURE = """Datum 9 oktober 2024
Betreft Antwoorden op vragen over drones boven een vliegbasis

Vraag 1
Hoeveel meldingen zijn er gedaan?

Antwoord op vraag 1
Het gaat om twaalf meldingen.

De minister van Defensie,                  De minister van Infrastructuur en Waterstaat,

R.P. Brekelmans                            B. Madlener
"""


def test_signatures_set_side_by_side_pair_each_office_with_its_name() -> None:
    doc = parse_document(TWO_COLUMN_SIGNATURE, "brief.txt")
    pairs = {(p.name, p.office) for p in doc.answered_by}
    assert pairs == {
        ("R.P. Brekelmans", "minister van Defensie"),
        ("B. Madlener", "minister van Infrastructuur en Waterstaat"),
    }
    for person in doc.answered_by:
        assert TWO_COLUMN_SIGNATURE[person.span.start : person.span.end] == person.name


def test_the_sender_of_a_delay_notice_holds_its_office_but_answers_nothing(
    extractor: Extractor,
) -> None:
    text = (
        "Vragen van het lid Paternotte (D66) aan de Minister van Justitie en Veiligheid over "
        "spionage bij een haven (ingezonden 4 maart 2024).\n\n"
        "Mededeling van Minister Yeşilgöz-Zegerius (Justitie en Veiligheid) (ontvangen "
        "25 maart 2024).\nDe vragen kunnen niet binnen de gebruikelijke termijn worden "
        "beantwoord.\n\nAntwoord van Minister Van Weel (Justitie en Veiligheid) "
        f"(ontvangen 2 augustus 2024){_QA}\n"
    )
    extraction = extractor.extract_text(text)
    assert extraction.document.notices[0].by[0].name == "Yeşilgöz-Zegerius"
    assert extraction.answered_by == ["david-van-weel"]
    sender = extraction.actor("dilan-yesilgoz-zegerius")
    assert sender is not None
    assert [o.label for o in sender.offices] == ["minister van Justitie en Veiligheid"]
