"""Stance cues: families, scope across sentences, questions answered or not."""

from __future__ import annotations

import pytest

from kamerkg.extract.model import Document, Part, Span
from kamerkg.extract.stance import answers_for, assess, load_cues


def body(text: str) -> Document:
    return Document(source="t.txt", text=text, parts=[Part("body", Span(0, len(text)))])


def first_sentence(text: str) -> Span:
    end = (
        min(i for i in (text.find(". "), text.find("? ")) if i >= 0) + 1
        if (". " in text or "? " in text)
        else len(text)
    )
    return Span(0, end)


def stance_of(text: str, claim_text: str | None = None) -> str:
    document = body(text)
    sentence = first_sentence(text)
    focus = None
    if claim_text is not None:
        start = text.index(claim_text)
        focus = Span(start, start + len(claim_text))
    return assess(document, sentence, part_index=0, focus=focus).stance


def test_plain_statement_is_asserted():
    assert (
        stance_of(
            "Bolt Systems is gelieerd aan het Volksleger.",
            "Bolt Systems is gelieerd aan het Volksleger",
        )
        == "asserted"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Volgens de Verenigde Staten is Bolt Systems gelieerd aan het Volksleger.",
        "Er zijn aantijgingen van Canada dat Bolt Systems gelieerd is aan het Volksleger.",
        "In de media wordt melding gemaakt van banden tussen Bolt Systems en het Volksleger.",
        "Bolt Systems zou banden met het Volksleger hebben.",
        "Naar verluidt is Bolt Systems gelieerd aan het Volksleger.",
        "De vermeende banden van Bolt Systems met het Volksleger baren zorgen.",
        "Canada beschuldigt Bolt Systems van banden met het Volksleger.",
    ],
)
def test_reported_cues(text):
    assert stance_of(text) == "reported"


def test_reporting_source_surface_and_span():
    text = "Volgens de Verenigde Staten is Bolt Systems gelieerd aan het Volksleger."
    result = assess(body(text), first_sentence(text), part_index=0)
    assert result.reported_by_surface == "Verenigde Staten"
    assert text[result.source_span.start : result.source_span.end] == "Verenigde Staten"
    text = "Canada beschuldigt Bolt Systems van banden met het Volksleger."
    assert assess(body(text), first_sentence(text), part_index=0).reported_by_surface == "Canada"
    text = "In de media wordt melding gemaakt van banden tussen Bolt Systems en het Volksleger."
    result = assess(body(text), first_sentence(text), part_index=0)
    assert (result.reported_by_surface, result.report_source) == (None, "In de media")


@pytest.mark.parametrize(
    "text",
    [
        "Bolt Systems zou het Volksleger als klant hebben. Het kabinet kan dit niet bevestigen.",
        "Bolt Systems zou banden met het Volksleger hebben. Dit kan niet worden bevestigd.",
        "Er wordt in het openbaar niet ingegaan op de banden van Bolt Systems met het Volksleger.",
        "Over de banden van Bolt Systems met het Volksleger doet het kabinet geen uitspraken.",
        "Het is mij niet bekend of Bolt Systems banden heeft met het Volksleger.",
    ],
)
def test_unconfirmed_cues_including_the_next_sentence(text):
    assert stance_of(text) == "unconfirmed"


def test_next_sentence_scope_stops_after_one_sentence():
    text = (
        "Bolt Systems is gelieerd aan het Volksleger. Dat is bekend. Het kabinet kan "
        "dit niet bevestigen."
    )
    assert stance_of(text) == "asserted"


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        (
            "Het kabinet heeft geen aanwijzingen dat Bolt Systems gelieerd is aan het Volksleger.",
            "Bolt Systems gelieerd is aan het Volksleger",
        ),
        (
            "Er zijn geen indicaties dat Bolt Systems banden heeft met het Volksleger.",
            "Bolt Systems banden heeft met het Volksleger",
        ),
        (
            "Bolt Systems is gelieerd aan het Volksleger. Dit is niet juist.",
            "Bolt Systems is gelieerd aan het Volksleger",
        ),
        (
            "De douane maakt geen gebruik meer van DroneWerk.",
            "douane maakt geen gebruik meer van DroneWerk",
        ),
        (
            "Bolt Systems is niet gelieerd aan het Volksleger.",
            "Bolt Systems is niet gelieerd aan het Volksleger",
        ),
    ],
)
def test_denial_cues_and_negated_triggers(text, claim):
    assert stance_of(text, claim) == "denied"


def test_denial_cue_must_precede_the_claim_it_denies():
    text = (
        "Bolt Systems is gelieerd aan het Volksleger, maar er zijn geen aanwijzingen "
        "dat het iets deed."
    )
    assert stance_of(text, "Bolt Systems is gelieerd aan het Volksleger") == "asserted"


def test_negation_outside_the_claim_does_not_deny_it():
    text = "Bolt Systems is gelieerd aan het Volksleger en dat is niet nieuw."
    assert stance_of(text, "Bolt Systems is gelieerd aan het Volksleger") == "asserted"


def test_denial_beats_reporting_in_one_sentence():
    text = "Volgens Canada is Bolt Systems gelieerd aan het Volksleger. Dat is niet het geval."
    assert stance_of(text) == "denied"


def qa(question: str, *answers: tuple[str, tuple[int, ...], tuple[int, ...]]):
    """A question (number 1) and answers as (text, covers, refers_to)."""
    text = question + "\n"
    parts = [Part("question", Span(0, len(question)), number=1)]
    for body_text, covers, refers in answers:
        start = len(text)
        text += body_text + "\n"
        parts.append(
            Part("answer", Span(start, start + len(body_text)), covers=covers, refers_to=refers)
        )
    return Document(source="t.txt", text=text, parts=parts), Span(0, len(question))


def test_question_without_answer_is_unconfirmed():
    document, sentence = qa("Vraag 1 Klopt het dat Bolt Systems gelieerd is aan het Volksleger?")
    result = assess(document, sentence, part_index=0)
    assert result.stance == "unconfirmed"


@pytest.mark.parametrize(
    ("answer", "stance"),
    [
        ("Antwoord op vraag 1\nJa. Dat is bekend.", "asserted"),
        ("Antwoord\nDat klopt.", "asserted"),
        ("Antwoord op vraag 1\nNee, dat is niet bekend.", "denied"),
        ("Antwoord op vraag 1\nIk verwijs naar de brief.", "unconfirmed"),
        (
            "Antwoord op vraag 1\nEr wordt in het openbaar niet ingegaan op deze zaak.",
            "unconfirmed",
        ),
    ],
)
def test_question_settled_by_its_answer(answer, stance):
    document, sentence = qa(
        "Vraag 1 Klopt het dat Bolt Systems gelieerd is aan het Volksleger?", (answer, (1,), ())
    )
    assert assess(document, sentence, part_index=0).stance == stance


def test_grouped_answer_covers_the_question():
    document, sentence = qa(
        "Vraag 1 Klopt het dat APT77 wordt aangestuurd door Iran?",
        ("Antwoord op vraag 2\nJa.", (2,), ()),
        ("Antwoord op vraag 1 t/m 3\nNee.", (1, 2, 3), ()),
    )
    assert answers_for(document, 0) == [2]
    assert assess(document, sentence, part_index=0).stance == "denied"


def test_answer_that_refers_to_another_answer():
    document, sentence = qa(
        "Vraag 1 Klopt het dat APT77 wordt aangestuurd door Iran?",
        ("Antwoord op vraag 1\nZie het antwoord op vraag 2.", (1,), (2,)),
        ("Antwoord op vraag 2\nJa, dat klopt.", (2,), ()),
    )
    assert answers_for(document, 0) == [1, 2]
    assert assess(document, sentence, part_index=0).stance == "asserted"


def test_reported_question_keeps_reporting_unless_declined():
    document, sentence = qa(
        "Vraag 1 Wat vindt u van de aantijgingen van Canada dat APT77 gelieerd is aan Iran?",
        ("Antwoord op vraag 1\nHet kabinet volgt dit.", (1,), ()),
    )
    assert assess(document, sentence, part_index=0).stance == "reported"


def test_presupposed_noun_phrase_skips_the_question_rule():
    document, sentence = qa("Vraag 1 Gebruikt de douane het Chinese bedrijf DroneWerk?")
    assert assess(document, sentence, part_index=0, presupposed=True).stance == "asserted"


def test_cue_table_is_well_formed():
    cues = load_cues()
    assert {c.stance for c in cues} == {"asserted", "reported", "unconfirmed", "denied"}
    scopes = {"sentence", "next-sentence", "part", "opening", "part-after", "question"}
    assert {c.scope for c in cues} <= scopes
    assert [c.priority for c in cues] == sorted((c.priority for c in cues), reverse=True)


def test_odd_input_never_raises():
    document = Document(source="t.txt", text="", parts=[])
    assert assess(document, Span(0, 0), part_index=None).stance == "asserted"
    assert assess(document, Span(0, 0), part_index=7).stance == "asserted"


@pytest.mark.parametrize(
    "text",
    [
        "Er zijn evenmin aanwijzingen dat X Y heeft aangevallen.",
        "Het is niet gebleken dat X Y heeft aangevallen.",
        "X ontkent dat het Y heeft aangevallen.",
    ],
)
def test_more_denial_cues(text):
    assert stance_of(text, "Y heeft aangevallen") == "denied"


def test_a_foreign_service_declaring_something_is_reported():
    assert stance_of("De Deense dienst heeft verklaard dat X Y heeft aangevallen.") == "reported"


def test_a_report_left_open_later_in_the_answer_is_unconfirmed():
    text = (
        "Volgens het dagblad had X toegang tot het netwerk van Y. Y heeft dat laten "
        "onderzoeken. De minister kan op basis hiervan niet bevestigen of dat zo is."
    )
    assert stance_of(text) == "unconfirmed"
    plain = "Volgens het dagblad had X toegang tot het netwerk van Y. Y heeft dat onderzocht."
    assert stance_of(plain) == "reported"


def test_zou_blijken_hedge_is_unconfirmed():
    text = "Uit documenten zou blijken dat X werd aangestuurd door Y."
    assert stance_of(text, "X werd aangestuurd door Y") == "unconfirmed"
