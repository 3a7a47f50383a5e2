"""Round 7 of the stance checklist: how Dutch answers to Kamervragen settle a claim raised
in a question (confirm, decline, deny, report), how the answer is tied to its question, and
what may stand as a report's source. Every sentence is invented."""

from __future__ import annotations

import pytest
from support import document_with_names

from kamerkg.extract.claims import extract_claims
from kamerkg.extract.model import Document, Part, Span
from kamerkg.extract.stance import assess

# --- the answer that repeats the question (stance module, hand-made layout) ---------

QUESTION = "Klopt het dat Grijze Vos vorig jaar de haven van Kelmar heeft platgelegd?"


def settle(answer: str, subject: str = "Grijze Vos") -> tuple[str, str | None]:
    """Stance and cue of the question's claim when ``answer`` is answer 1."""
    text = QUESTION + "\n\n" + answer
    q_end = len(QUESTION)
    parts = [
        Part("question", Span(0, q_end), number=1),
        Part("answer", Span(q_end + 2, len(text)), number=1, covers=(1,)),
    ]
    document = Document(source="t.txt", text=text, parts=parts)
    anchors = []
    start = text.find(subject)
    while start >= 0:
        anchors.append(Span(start, start + len(subject)))
        start = text.find(subject, start + 1)
    focus_start = QUESTION.index("Grijze Vos")
    focus = Span(focus_start, QUESTION.index(" heeft platgelegd"))
    result = assess(document, Span(0, q_end), part_index=0, focus=focus, anchors=tuple(anchors))
    return result.stance, result.cue


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        # the answer restates the claim as the text's own finding
        (
            "De MIVD heeft vastgesteld dat Grijze Vos de haven vorig jaar heeft stilgelegd.",
            "asserted",
        ),
        ("Grijze Vos zat daarachter, zo blijkt uit eigen onderzoek.", "asserted"),
        ("Het kabinet heeft vastgesteld dat Grijze Vos de haven van Kelmar aanviel.", "asserted"),
        # ... denies it
        (
            "Er zijn geen aanwijzingen dat Grijze Vos de haven van Kelmar heeft aangevallen.",
            "denied",
        ),
        # ... reports it
        (
            "Volgens Noorse onderzoekers heeft Grijze Vos de haven van Kelmar aangevallen.",
            "reported",
        ),
        ("Uit het Deense rapport blijkt dat Grijze Vos de haven van Kelmar stillegde.", "reported"),
        # ... or leaves it open
        (
            "Of Grijze Vos de haven van Kelmar heeft aangevallen, kan ik niet bevestigen.",
            "unconfirmed",
        ),
    ],
)
def test_an_answer_that_repeats_the_question_settles_it(answer, expected):
    assert settle(answer)[0] == expected


@pytest.mark.parametrize(
    "answer",
    [
        # the subject's name alone is no repetition
        "Grijze Vos is een bekende groep.",
        # the same words about another party
        "Een andere groep heeft de haven van Kelmar vorig jaar platgelegd.",
        # nothing in the answer names the subject
        "De haven van Kelmar wordt beter beveiligd.",
    ],
)
def test_an_answer_that_does_not_repeat_the_claim_leaves_it_open(answer):
    assert settle(answer) == ("unconfirmed", None)


def test_the_negation_of_another_clause_does_not_deny_the_repeated_claim():
    answer = (
        "De AIVD heeft vastgesteld dat Grijze Vos de haven van Kelmar heeft platgelegd; "
        "de schade bleef beperkt en er raakte niemand gewond."
    )
    assert settle(answer)[0] == "asserted"


# --- whole documents: openings, declines and the question-answer link ---------------

HEAD = (
    "Vragen van het lid Verbeek (CDA) aan de Minister van Defensie over digitale "
    "sabotage (ingezonden 3 maart 2025).\n\n"
)
MID = "\n\nAntwoord van Minister Brekelmans (Defensie) (ontvangen 2 april 2025).\n\n"
QUESTIONS = (
    "Vraag 1\nHoe groot is de dreiging van Russische hackers voor de waterschappen?\n\n"
    "Vraag 2\nKlopt het dat APT28 in 2024 het netwerk van Rijkswaterstaat heeft gehackt?\n\n"
    "Vraag 3\nWelke maatregelen neemt u?"
)
CLAIM = ("apt28", "targeted", "rijkswaterstaat")
# An answer sentence that repeats question 2 (and would assert it) before a decline.
SEEN = "APT28 was in 2024 actief tegen het netwerk van Rijkswaterstaat."


@pytest.fixture(scope="module")
def extractor():
    from kamerkg.extract.pipeline import Extractor

    return Extractor()


def claim_stance(extractor, answers: str) -> tuple[str, str | None] | None:
    text = HEAD + QUESTIONS + MID + answers + "\n"
    for c in extractor.extract_text(text, "t.txt").claims:
        if (c.subject, c.relation, c.object) == CLAIM:
            return c.stance, c.cue
    return None


def two_three(answer_two: str) -> str:
    return (
        "Antwoord 1\nDe dreiging is reëel.\n\n"
        f"Antwoord 2\n{answer_two}\n\n"
        "Antwoord 3\nHet kabinet investeert in weerbaarheid."
    )


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("Ja.", "asserted"),
        ("Dat klopt. Het incident is in mei ontdekt.", "asserted"),
        ("Dat kan ik bevestigen. Het incident is in mei ontdekt.", "asserted"),
        ("Nee. Het incident had een andere oorzaak.", "denied"),
        ("Daar zijn geen aanwijzingen voor.", "denied"),
        ("Daarvoor bestaan op dit moment geen aanwijzingen.", "denied"),
        ("Hiervan is geen sprake.", "denied"),
        ("Dat kan ik niet bevestigen.", "unconfirmed"),
        ("Dit kan het kabinet bevestigen noch ontkennen.", "unconfirmed"),
        (f"{SEEN} Ik kan niet ingaan op lopend onderzoek.", "unconfirmed"),
        ("Het kabinet wil niet nader ingaan op operationele details.", "unconfirmed"),
        ("Over de daders doet het kabinet geen uitspraken.", "unconfirmed"),
        ("De AIVD heeft vastgesteld dat APT28 daarvoor verantwoordelijk was.", "asserted"),
        ("Klopt. Het incident is in mei ontdekt.", "asserted"),
        ("Dat is inderdaad het geval.", "asserted"),
        ("Dat is niet het geval.", "denied"),
        ("Daarvan is mij niets bekend.", "unconfirmed"),
        ("Het kabinet is hiervan niets bekend.", "unconfirmed"),
        (f"{SEEN} Daar kan ik verder niet op ingaan.", "unconfirmed"),
        (f"{SEEN} Hierop ga ik niet in.", "unconfirmed"),
        (f"{SEEN} Meer kan ik in het openbaar niet zeggen.", "unconfirmed"),
    ],
)
def test_answer_two_settles_question_two(extractor, answer, expected):
    found = claim_stance(extractor, two_three(answer))
    assert found is not None and found[0] == expected


def test_a_combined_answer_covers_each_question_it_names(extractor):
    answers = (
        "Antwoord op vragen 1 en 2\nNee. De dreiging is beperkt.\n\n"
        "Antwoord 3\nHet kabinet investeert in weerbaarheid."
    )
    assert claim_stance(extractor, answers)[0] == "denied"
    answers = "Antwoord op vragen 1 tot en met 3\nDaar zijn geen aanwijzingen voor."
    assert claim_stance(extractor, answers)[0] == "denied"


def test_an_answer_that_points_elsewhere_borrows_that_answer(extractor):
    answers = (
        "Antwoord 1\nJa. De dreiging is groot.\n\n"
        "Antwoord 2\nZie het antwoord op vraag 1.\n\n"
        "Antwoord 3\nHet kabinet investeert in weerbaarheid."
    )
    assert claim_stance(extractor, answers)[0] == "asserted"


def test_a_question_without_an_answer_only_raises_the_claim(extractor):
    assert claim_stance(extractor, "")[0] == "unconfirmed"


# --- report cues in a body: the source is a source, never a hedge ------------------

ACTORS = {
    "Koperslang": "ThreatActor",
    "Velda Telecom": "Company",
    "Morvani Holding": "Company",
    "Rusland": "Country",
}
HACK = ("koperslang", "targeted", "velda-telecom")
TIE = ("morvani-holding", "affiliatedWith", "velda-telecom")


def claim_of(text: str, triple: tuple[str, str, str]):
    document, actors, mentions = document_with_names(text, ACTORS)
    for c in extract_claims(document, actors, mentions, []):
        key = (c.subject, c.relation, c.object)
        flipped = (triple[2], triple[1], triple[0])
        if key == triple or (triple[1] == "affiliatedWith" and key == flipped):
            return c
    return None


@pytest.mark.parametrize(
    "text",
    [
        "De bedrijven die vermeende banden hebben met Velda Telecom, zoals Morvani Holding, "
        "worden doorgelicht.",
        "Morvani Holding is naar verluidt een dochter van Velda Telecom.",
        "Morvani Holding zou een dochter van Velda Telecom zijn.",
    ],
)
def test_a_hedge_reports_without_becoming_the_source(text):
    claim = claim_of(text, TIE)
    assert claim is not None and claim.stance == "reported"
    assert claim.report_source is None and claim.reported_by is None


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("In de media wordt gemeld dat Koperslang Velda Telecom heeft gehackt.", "In de media"),
        ("Volgens berichten heeft Koperslang Velda Telecom gehackt.", "Volgens berichten"),
        (
            "Volgens Britse deskundigen heeft Koperslang Velda Telecom gehackt.",
            "Britse deskundigen",
        ),
        ("Uit de berichtgeving blijkt dat Koperslang Velda Telecom heeft gehackt.", None),
    ],
)
def test_a_phrase_that_names_who_reports_is_the_source(text, source):
    claim = claim_of(text, HACK)
    assert claim is not None and claim.stance == "reported"
    if source is not None:
        assert claim.report_source == source


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the home side inside the cue, in inverted word order
        (
            "Vorig jaar heeft de AIVD vastgesteld dat Koperslang Velda Telecom heeft gehackt.",
            "asserted",
        ),
        (
            "Daarna heeft het kabinet vastgesteld dat Koperslang Velda Telecom heeft gehackt.",
            "asserted",
        ),
        # a foreign office is no home side
        (
            "Toen stelde de Poolse minister vast dat Koperslang Velda Telecom heeft gehackt.",
            "reported",
        ),
        # a foreign report the sentence names
        (
            "Uit een Amerikaans rapport blijkt dat Koperslang Velda Telecom heeft gehackt.",
            "reported",
        ),
        (
            "Uit het Nederlandse onderzoek blijkt dat Koperslang Velda Telecom heeft gehackt.",
            "asserted",
        ),
    ],
)
def test_whose_finding_it_is(text, expected):
    claim = claim_of(text, HACK)
    assert claim is not None and claim.stance == expected


def test_an_indirect_question_keeps_its_doubt_to_itself():
    text = (
        "Volgens Zweedse onderzoekers heeft Koperslang Velda Telecom gehackt. "
        "Of ook Morvani Holding is getroffen, kan ik niet bevestigen."
    )
    assert claim_of(text, HACK).stance == "reported"
    text = (
        "Volgens Zweedse onderzoekers heeft Koperslang Velda Telecom gehackt. "
        "Het kabinet kan dit niet bevestigen."
    )
    assert claim_of(text, HACK).stance == "unconfirmed"


def question_claim(text: str, triple: tuple[str, str, str]):
    parts = [Part("question", Span(0, len(text)), number=1)]
    document, actors, mentions = document_with_names(text, ACTORS, parts=parts)
    for c in extract_claims(document, actors, mentions, []):
        key = (c.subject, c.relation, c.object)
        if key in (triple, (triple[2], triple[1], triple[0])):
            return c
    return None


def test_a_parenthetical_apposition_in_a_question_is_presupposed():
    text = (
        "Klopt het dat Velda Telecom (het moederbedrijf van Morvani Holding) klantgegevens "
        "met Rusland deelt?"
    )
    claim = question_claim(text, TIE)
    assert claim is not None and claim.stance == "asserted"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Volgens de Poolse politie is Velda Telecom door Koperslang gehackt. "
            "Ook Morvani Holding werd door Koperslang gehackt.",
            "reported",
        ),
        (
            "Volgens de Poolse politie is Velda Telecom door Koperslang gehackt. "
            "Morvani Holding werd door Koperslang gehackt.",
            "asserted",
        ),
        (
            "Volgens de Poolse politie is Velda Telecom door Koperslang gehackt.\n\n"
            "Ook Morvani Holding werd door Koperslang gehackt.",
            "asserted",
        ),
        (
            "De AIVD heeft vastgesteld dat Koperslang Velda Telecom heeft gehackt. "
            "Ook Morvani Holding werd door Koperslang gehackt.",
            "asserted",
        ),
    ],
)
def test_an_additive_sentence_carries_the_report_before_it(text, expected):
    claim = claim_of(text, ("koperslang", "targeted", "morvani-holding"))
    assert claim is not None and claim.stance == expected
