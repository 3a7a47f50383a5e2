"""parse_document on the five layouts, truncated text and the sample documents."""

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kamerkg.extract.layout import expand_numbers, parse_document
from kamerkg.extract.model import Document

FIXTURES = Path(__file__).parent / "fixtures" / "layout"
SEEDS = Path(__file__).parents[2] / "seeds"
SAMPLES = sorted((SEEDS / "documents").glob("*.txt"))


def _parse(name: str) -> Document:
    return parse_document((FIXTURES / name).read_text(encoding="utf-8"), name)


def _parts(doc: Document, kind: str) -> dict[int, object]:
    return {p.number: p for p in doc.parts if p.kind == kind}


def _spans_valid(doc: Document) -> None:
    n = len(doc.text)
    spans = [p.span for p in doc.parts] + [f.span for f in doc.footnotes]
    spans += [x.span for x in doc.notices]
    spans += [p.span for p in doc.asked_by + doc.answered_by if p.span]
    for span in spans:
        assert 0 <= span.start <= span.end <= n


def _assert_labelled(doc: Document) -> None:
    for part in doc.parts:
        text = doc.slice(part.span)
        assert text == text.strip()
        if part.kind == "question":
            assert text.lstrip("• ").startswith(f"Vraag {part.number}")


# --------------------------------------------------------------------- letter


def test_letter_metadata() -> None:
    doc = _parse("letter.txt")
    assert doc.genre == "letter"
    assert doc.identifier == "2023Z00412"
    assert doc.submitted == date(2023, 1, 12)
    assert doc.answered == date(2023, 2, 14)
    assert doc.title == "beïnvloeding van studenten door buitenlandse mogendheden"
    assert [(p.name, p.party) for p in doc.asked_by] == [
        ("Van der Werf", "VVD"),
        ("De Graaf", "VVD"),
    ]
    # Two signers; the "[Ondertekenaar 2]" noise is gone, initials are kept.
    assert [(p.name, p.office) for p in doc.answered_by] == [
        ("H.G.J. Bruins", "minister van Binnenlandse Zaken en Koninkrijksrelaties"),
        ("Eric van der Burg", "staatssecretaris van Justitie en Veiligheid"),
    ]
    for person in doc.asked_by + doc.answered_by:
        assert doc.slice(person.span) == person.name


def test_letter_grouped_answers_and_pointers() -> None:
    doc = _parse("letter.txt")
    _assert_labelled(doc)
    assert sorted(_parts(doc, "question")) == [1, 2, 3, 4, 5, 6, 7]
    answers = _parts(doc, "answer")
    assert answers[1].covers == (1,)
    assert answers[2].covers == (2, 3)
    assert doc.slice(answers[2].span).startswith("Antwoord op vragen 2 en 3")
    assert answers[4].covers == (4, 5, 6)
    assert answers[4].refers_to == (2,)
    assert answers[7].refers_to == (2, 3, 4, 5, 6)
    assert doc.warnings == []


def test_letter_footnote_between_parts_is_no_question() -> None:
    doc = _parse("letter.txt")
    answer = _parts(doc, "answer")[2]
    # The answer stops before the footnote block and the page-break boilerplate.
    assert doc.slice(answer.span).endswith("uitspraken.")
    (note1, note2) = doc.footnotes
    assert note1.label == "1" and note1.outlet == "NRC"
    assert note1.date == date(2023, 1, 3)
    assert note1.title == "Studenten onder druk van ambassade"
    assert (
        note1.url
        == "https://www.nrc.nl/nieuws/2023/01/03/studenten-onder-druk-van-ambassade-a4153001"
    )
    assert doc.slice(note1.span).startswith("1 NRC")
    assert note2.text == "Kamerstukken II 2022-2023, 30821, nr. 175"
    footnote_parts = [p for p in doc.parts if p.kind == "footnotes"]
    assert len(footnote_parts) == 2
    # part_at puts a footnote's offset in the footnotes part, not the question.
    assert doc.parts[doc.part_at(note1.span.start)].kind == "footnotes"


# --------------------------------------------------------------------- page


def test_page_metadata_and_participants() -> None:
    doc = _parse("page.txt")
    assert doc.genre == "kamervraag-page"
    assert doc.identifier == "2022Z20101"
    assert (doc.submitted, doc.answered) == (date(2022, 11, 4), date(2023, 1, 9))
    assert doc.days_to_answer == 66
    assert doc.title.startswith("Spionage door een buitenlandse inlichtingendienst")
    assert [(p.name, p.party) for p in doc.asked_by] == [
        ("Sjoerd Sjoerdsma", "D66"),
        ("Jan Paternotte", "D66"),
        ("Laurens Dassen", "Volt"),
    ]
    assert [(p.name, p.party, p.office) for p in doc.answered_by] == [
        ("Micky Adriaansens", "VVD", "minister economische zaken en klimaat"),
        ("Hugo de Jonge", "CDA", "minister binnenlandse zaken en koninkrijksrelaties"),
    ]


def test_page_unlabelled_answers_and_notice() -> None:
    doc = _parse("page.txt")
    _assert_labelled(doc)
    answers = _parts(doc, "answer")
    assert sorted(answers) == [1, 2, 3, 4]
    assert doc.slice(answers[1].span) == "Ja."
    assert doc.slice(answers[2].span).endswith("hoog op de agenda staat.")
    assert answers[3].refers_to == (2,)
    (notice,) = doc.notices
    assert notice.date == date(2022, 11, 25)
    assert doc.slice(notice.span).startswith("• Mededeling - 25 november 2022")
    assert "gebruikelijke termijn" in doc.slice(notice.span)
    assert "Kamervraag document nummer" not in doc.slice(notice.span)
    assert [p.kind for p in doc.parts].count("notice") == 1


# --------------------------------------------------------------------- publication


def test_aanhangsel() -> None:
    doc = _parse("aanhangsel.txt")
    assert doc.genre == "aanhangsel"
    assert doc.identifier == "2023Z04455"
    assert (doc.submitted, doc.answered) == (date(2023, 3, 14), date(2023, 4, 20))
    assert [(p.name, p.party) for p in doc.asked_by] == [
        ("Van Baarle", "DENK"),
        ("Kuzu", "DENK"),
        ("Azarkan", "DENK"),
        ("Omtzigt", None),
    ]
    # The "mede namens" minister does not answer himself. The brackets state no
    # preposition, so none is invented here (resolve picks "van" or "voor").
    assert [(p.name, p.office) for p in doc.answered_by] == [
        ("Yeşilgöz-Zegerius", "Minister Justitie en Veiligheid"),
        ("Van Huffelen", "Staatssecretaris Binnenlandse Zaken en Koninkrijksrelaties"),
    ]
    assert doc.title == "het bericht «Geheime politiebureaus in Nederland»"
    _assert_labelled(doc)
    question1 = _parts(doc, "question")[1]
    assert "Antwoord van Minister" not in doc.slice(question1.span)
    answers = _parts(doc, "answer")
    assert answers[3].covers == (3, 4)
    assert answers[5].refers_to == (2,)
    assert answers[6].refers_to == (3, 4)
    note = doc.footnotes[0]
    assert (note.outlet, note.url) == (
        "Follow the Money",
        "https://www.ftm.nl/artikelen/geheime-politiebureaus",
    )


def test_questions_only_variant() -> None:
    doc = _parse("kamervragen.txt")
    assert doc.genre == "kamervragen"
    assert doc.identifier == "2024Z01010"
    assert doc.submitted == date(2024, 1, 18)
    assert doc.answered is None and doc.answered_by == []
    assert [(p.name, p.party) for p in doc.asked_by] == [("Van Dijk", "SP")]
    assert sorted(_parts(doc, "question")) == [1, 2, 3, 4, 5, 6]
    assert _parts(doc, "answer") == {}
    assert doc.footnotes[0].title == "Drone gericht op Nederlands fregat"


# --------------------------------------------------------------------- article


def test_article() -> None:
    doc = _parse("article.txt")
    assert doc.genre == "article"
    assert doc.identifier is None and doc.asked_by == []
    assert doc.title == "Digitale spionage vraagt om een Europees antwoord"
    assert {p.kind for p in doc.parts} == {"body", "footnotes"}
    assert [f.label for f in doc.footnotes] == ["[1]", "[2]", "[3]"]
    assert doc.footnotes[1].outlet == "AIVD" and doc.footnotes[1].title == "Jaarverslag 2018"
    assert doc.footnotes[1].date == date(2019, 4, 2)
    # A paragraph that starts with a number is body text, not a footnote.
    bodies = [doc.slice(p.span) for p in doc.parts if p.kind == "body"]
    assert any(b.startswith("1 Nederland moet") for b in bodies)


def test_plain_text_without_layout() -> None:
    doc = parse_document("Een korte notitie zonder kopjes.\n", "n.txt")
    assert doc.genre == "article" and len(doc.parts) == 1
    assert parse_document("", "e.txt").genre == "unknown"
    assert parse_document("12345 --- !!!", "x.txt").genre == "unknown"


# --------------------------------------------------------------------- truncation


def test_truncated_page() -> None:
    doc = _parse("truncated_page.txt")
    assert doc.genre == "kamervraag-page" and doc.identifier == "2022Z20101"
    assert sorted(_parts(doc, "answer")) == [1, 2]
    assert doc.slice(_parts(doc, "answer")[2].span).endswith("Wel kan ik in algemene")
    assert any(w.startswith("W204") for w in doc.warnings)


@pytest.mark.parametrize("name", ["letter.txt", "aanhangsel.txt", "page.txt"])
def test_cut_anywhere_in_the_header(name: str) -> None:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    for cut in range(0, 900, 37):
        doc = parse_document(text[:cut], name)
        _spans_valid(doc)


def test_header_cut_mid_member_list() -> None:
    text = "Vragen van de leden Van Baarle (DENK), Ku"
    doc = parse_document(text, "t.txt")
    assert doc.asked_by[0].name == "Van Baarle" and doc.asked_by[0].party == "DENK"
    assert doc.identifier is None and doc.submitted is None


def test_questions_without_answer_warn() -> None:
    text = (FIXTURES / "letter.txt").read_text(encoding="utf-8")
    doc = parse_document(text[: text.index("Antwoord op vraag 7")], "l.txt")
    assert "W202 no answer found for question 7" in doc.warnings


# --------------------------------------------------------------------- helpers


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("4 t/m 8", (4, 5, 6, 7, 8)),
        ("4 en 5", (4, 5)),
        ("4, 5 en 6", (4, 5, 6)),
        ("3 tot en met 5", (3, 4, 5)),
        ("2-4", (2, 3, 4)),
        ("7", (7,)),
    ],
)
def test_expand_numbers(text: str, numbers: tuple[int, ...]) -> None:
    assert expand_numbers(text) == numbers


@pytest.mark.parametrize(
    ("label", "covers"),
    [
        ("Antwoord vraag 4 t/m 8", (4, 5, 6, 7, 8)),
        ("Antwoord op vragen 4 en 5", (4, 5)),
        ("Antwoord op vraag 4, 5 en 6", (4, 5, 6)),
        ("Antwoord 4", (4,)),
        ("Antwoord", (4, 5)),
    ],
)
def test_answer_label_forms(label: str, covers: tuple[int, ...]) -> None:
    text = f"Vraag 4\nKent u de hackers?\n\nVraag 5\nWie zijn het?\n\n{label}\nGeen commentaar.\n"
    doc = parse_document(text, "a.txt")
    (answer,) = [p for p in doc.parts if p.kind == "answer"]
    assert answer.covers == covers and answer.number == covers[0]
    assert doc.slice(answer.span).startswith(label)


@pytest.mark.parametrize(
    ("sentence", "refs"),
    [
        ("Zie beantwoording vraag 4 t/m 6.", (4, 5, 6)),
        ("Zie antwoord op vraag 3.", (3,)),
        ("Voor het overige verwijs ik naar het antwoord op vragen 5 en 7.", (5, 7)),
        ("Zoals in mijn antwoord op vraag 2 gezegd, is dat niet zo.", (2,)),
        ("Dat is niet bekend.", ()),
    ],
)
def test_pointers(sentence: str, refs: tuple[int, ...]) -> None:
    text = f"Vraag 9\nEn verder?\n\nAntwoord op vraag 9\n{sentence}\n"
    doc = parse_document(text, "p.txt")
    (answer,) = [p for p in doc.parts if p.kind == "answer"]
    assert answer.refers_to == refs


def test_footnote_url_broken_over_two_lines() -> None:
    text = (
        "Antwoord op vraag 1\nJa, dat bericht is bekend.3\n\n"
        "3 https://www.rijksoverheid.nl/documenten/kamerstukken/2023/05/01/beantwoording-\n"
        "kamervragen-over-spionage\n"
    )
    doc = parse_document(text, "f.txt")
    (note,) = doc.footnotes
    assert note.url == (
        "https://www.rijksoverheid.nl/documenten/kamerstukken/2023/05/01/"
        "beantwoording-kamervragen-over-spionage"
    )


# --------------------------------------------------------------------- samples


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name[:3])
def test_samples_match_gold_metadata(path: Path) -> None:
    gold = json.loads((SEEDS / "gold" / (path.stem + ".json")).read_text(encoding="utf-8"))
    doc = parse_document(path.read_text(encoding="utf-8"), path.name)
    _spans_valid(doc)
    assert doc.identifier == gold["identifier"]
    assert (doc.submitted.isoformat() if doc.submitted else None) == gold["submitted"]
    assert (doc.answered.isoformat() if doc.answered else None) == gold["answered"]

    def surnames(names: list[str]) -> list[str]:
        return [n.split()[-1].casefold() for n in names]

    assert surnames([p.name for p in doc.asked_by]) == surnames(gold["asked_by"])
    assert surnames([p.name for p in doc.answered_by]) == surnames(gold["answered_by"])


def _sample(prefix: str) -> Document:
    (path,) = [p for p in SAMPLES if p.name.startswith(prefix)]
    return parse_document(path.read_text(encoding="utf-8"), path.name)


def test_sample_004_grouped_answer() -> None:
    doc = _sample("004")
    grouped = [p for p in doc.parts if p.kind == "answer" and p.covers == (4, 5, 6, 7, 8)]
    assert len(grouped) == 1
    assert doc.slice(grouped[0].span).startswith("Antwoord vraag 4 t/m 8")
    last = _parts(doc, "answer")[10]
    assert last.refers_to == (4, 5, 6, 7, 8)
    assert [p.party for p in doc.asked_by] == ["D66", "Nieuw Sociaal Contract"]


def test_sample_003_notice_and_days() -> None:
    doc = _sample("003")
    assert doc.days_to_answer == 48
    assert [n.date for n in doc.notices] == [date(2021, 10, 22)]
    assert len(_parts(doc, "answer")) == 14


def test_sample_000_footnotes_are_not_questions() -> None:
    doc = _sample("000")
    assert sorted(_parts(doc, "question")) == list(range(1, 9))
    assert [f.label for f in doc.footnotes] == ["1", "2", "3"]
    assert doc.footnotes[0].url.endswith(
        "2348184-china-volgt-wereldwijd-2-4-miljoen-sleutelfiguren.html"
    )
    assert [p.party for p in doc.asked_by] == ["CDA", "CDA", "CDA"]


def test_sample_001_is_an_article_with_endnotes() -> None:
    doc = _sample("001")
    assert doc.genre == "article" and doc.identifier is None
    assert len(doc.footnotes) == 4 and all(f.url for f in doc.footnotes)


# --------------------------------------------------------------------- robustness


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_never_raises_on_arbitrary_text(text: str) -> None:
    doc = parse_document(text, "h.txt")
    _spans_valid(doc)
    assert not any(w.startswith("W299") for w in doc.warnings)


_PIECES = st.sampled_from(
    [
        "Vraag 1\n",
        "Antwoord\n",
        "Antwoord op vraag 2 t/m 4\n",
        "• Vraag 3\n",
        "• Mededeling - 1 mei 2021\n",
        "1 https://x.nl/a-\n",
        "[2] Reuters, 3 maart 2024, 'Titel' (\n",
        "Vragen van de leden A (CDA), B en C (allen VVD) over iets (ingezonden 1 mei 2021).\n",
        "De minister van Defensie,\n\n",
        "K.H. Ollongren\n",
        "Kamervraag 2021Z00001\n",
        "Ingediend 3 mei 2021\n",
        "Indieners A (VVD)\n",
        "\n",
        "tekst zonder eind",
        "Antwoord van Minister X (Defensie) (ontvangen 3 juni 2021)\n",
        "Indieners\n",
        "Beantwoord door\n",
        "Ingrid Michon-Derkzen (VVD)\n",
        "Minister Hanke Bruins Slot (CDA), minister van Binnenlandse Zaken\n",
        "De Minister van Defensie, K.H. Ollongren\n",
        "Minister van Justitie en Veiligheid\n",
        "mede namens de Minister van Buitenlandse Zaken,\n",
        "1. Kent u het bericht?\n",
        "Antwoorden op vragen 2 en vraag 3\n",
        "Antwoord van de minister-president, minister van Algemene Zaken, en de Minister van "
        "Onderwijs, Cultuur en Wetenschap\n",
        "Datum dinsdag 3 februari 2021\n",
        "Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel 12 3\n",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=25))
def test_never_raises_on_layout_like_text(pieces: list[str]) -> None:
    doc = parse_document("".join(pieces), "h.txt")
    _spans_valid(doc)
    assert not any(w.startswith("W299") for w in doc.warnings)


def test_signature_without_comma_and_with_academic_title() -> None:
    from kamerkg.extract.layout import parse_document

    text = (
        "Geachte voorzitter,\n\nHierbij bied ik u de antwoorden aan op de vragen van het lid "
        "Jansen (VVD) over drones.\n\nDE MINISTER VAN INFRASTRUCTUUR EN WATERSTAAT\n\n"
        "mr. dr. P.Q. de Boer\n\nVraag 1\nKent u het bericht?\n\nAntwoord op vraag 1\nJa.\n"
    )
    doc = parse_document(text, "x.txt")
    assert [(p.name, p.office) for p in doc.answered_by] == [
        ("P.Q. de Boer", "MINISTER VAN INFRASTRUCTUUR EN WATERSTAAT")
    ]
    assert doc.slice(doc.answered_by[0].span) == "P.Q. de Boer"
