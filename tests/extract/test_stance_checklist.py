"""A checklist of the ways Dutch prose hedges, reports, denies or leaves open a claim.

Each case puts one claim (an invented group attacking an invented company, or an invented
group tied to a real state) under a stance cue, in a main or a subordinate clause, and
checks the stance of the claim the extractor finds. Every sentence is invented.
"""

from __future__ import annotations

import pytest
from support import document_with_names

from kamerkg.extract.claims import extract_claims
from kamerkg.extract.model import Part, Span

ACTORS = {
    "APT61": "ThreatActor",
    "Koperslang": "ThreatActor",
    "Tessaly Cloud": "Company",
    "Rusland": "Country",
    "China": "Country",
    "Nederland": "Country",
    "Dienst Noordwacht": "GovernmentBody",
    "Het Dagblad": "Organisation",
    "Orvani Systems": "Company",
}

HACK = ("apt61", "targeted", "tessaly-cloud")
BEHIND = ("koperslang", "attributedTo", "rusland")
RUSSIA_HIT = ("rusland", "targeted", "tessaly-cloud")


def stance_of(text: str, claim: tuple[str, str, str], kind: str = "body") -> str | None:
    parts = [Part(kind, Span(0, len(text)))]
    document, actors, mentions = document_with_names(text, ACTORS, parts=parts)
    found = {
        (c.subject, c.relation, c.object): c.stance
        for c in extract_claims(document, actors, mentions, [])
    }
    return found.get(claim)


CASES = [
    # asserted: plain statements, main and subordinate clauses
    ("APT61 heeft vorig jaar Tessaly Cloud gehackt.", HACK, "asserted"),
    ("De AIVD heeft vastgesteld dat APT61 Tessaly Cloud heeft gehackt.", HACK, "asserted"),
    ("Het kabinet stelt vast dat Koperslang in opdracht van Rusland werkt.", BEHIND, "asserted"),
    ("Koperslang, dat in opdracht van Rusland werkt, is zeer actief.", BEHIND, "asserted"),
    # hedges
    ("APT61 zou Tessaly Cloud hebben gehackt.", HACK, "reported"),
    ("Naar verluidt heeft APT61 Tessaly Cloud gehackt.", HACK, "reported"),
    ("APT61 heeft vermoedelijk Tessaly Cloud gehackt.", HACK, "unconfirmed"),
    ("Mogelijk heeft APT61 Tessaly Cloud gehackt.", HACK, "unconfirmed"),
    ("Waarschijnlijk werkt Koperslang in opdracht van Rusland.", BEHIND, "unconfirmed"),
    (
        "Het is niet uitgesloten dat Koperslang in opdracht van Rusland werkt.",
        BEHIND,
        "unconfirmed",
    ),
    # reports
    ("Volgens Het Dagblad heeft APT61 Tessaly Cloud gehackt.", HACK, "reported"),
    ("APT61 heeft Tessaly Cloud gehackt, meldt Het Dagblad.", HACK, "reported"),
    ("APT61 heeft Tessaly Cloud gehackt, schrijft Het Dagblad.", HACK, "reported"),
    ("Het Dagblad schrijft dat APT61 Tessaly Cloud heeft gehackt.", HACK, "reported"),
    ("Het Dagblad stelt dat Koperslang in opdracht van Rusland werkt.", BEHIND, "reported"),
    ("Tessaly Cloud meldt dat APT61 Tessaly Cloud heeft gehackt.", HACK, "reported"),
    ("Onderzoekers beweren dat Koperslang in opdracht van Rusland werkt.", BEHIND, "reported"),
    ("Het Dagblad berichtte dat APT61 Tessaly Cloud heeft gehackt.", HACK, "reported"),
    (
        "Uit onderzoek van Het Dagblad blijkt dat APT61 Tessaly Cloud heeft gehackt.",
        HACK,
        "reported",
    ),
    # denials
    ("Rusland ontkent dat Koperslang in opdracht van Rusland werkt.", BEHIND, "denied"),
    ("Er zijn geen aanwijzingen dat APT61 Tessaly Cloud heeft gehackt.", HACK, "denied"),
    ("APT61 heeft Tessaly Cloud niet gehackt.", HACK, "denied"),
    ("Het is niet waar dat Koperslang in opdracht van Rusland werkt.", BEHIND, "denied"),
    (
        "Rusland wijst de bewering dat Koperslang in opdracht van Rusland werkt van de hand.",
        BEHIND,
        "denied",
    ),
    ("Het kabinet heeft geen signalen dat APT61 Tessaly Cloud heeft gehackt.", HACK, "denied"),
    # unconfirmed
    (
        "Het Dagblad meldt dat APT61 Tessaly Cloud heeft gehackt. Dat kan ik niet bevestigen.",
        HACK,
        "unconfirmed",
    ),
    (
        "Het kabinet doet geen uitspraken over de vraag of APT61 Tessaly Cloud heeft gehackt.",
        HACK,
        "unconfirmed",
    ),
    ("Het is onduidelijk of APT61 Tessaly Cloud heeft gehackt.", HACK, "unconfirmed"),
    ("Of APT61 Tessaly Cloud heeft gehackt, kan ik niet bevestigen.", HACK, "unconfirmed"),
    ("Klopt het dat APT61 Tessaly Cloud heeft gehackt?", HACK, "unconfirmed"),
    (
        "Bent u bekend met het bericht dat Koperslang in opdracht van Rusland werkt?",
        BEHIND,
        "unconfirmed",
    ),
    ("De Dienst Noordwacht onderzoekt of APT61 Tessaly Cloud heeft gehackt.", HACK, "unconfirmed"),
    (
        "Het kabinet laat zich niet uit over de vraag of APT61 Tessaly Cloud hackte.",
        HACK,
        "unconfirmed",
    ),
    (
        "In het openbaar kan ik niet ingaan op de vraag of APT61 Tessaly Cloud hackte.",
        HACK,
        "unconfirmed",
    ),
    # more reports: a long gap before "dat", opinion verbs
    (
        "Het Dagblad schreef vorige maand in een artikel dat APT61 Tessaly Cloud hackte.",
        HACK,
        "reported",
    ),
    ("Het Dagblad meent dat APT61 Tessaly Cloud heeft gehackt.", HACK, "reported"),
    (
        "Koperslang werkt vermoedelijk in opdracht van Rusland, aldus Het Dagblad.",
        BEHIND,
        "reported",
    ),
    ("APT61 heeft volgens Het Dagblad Tessaly Cloud gehackt.", HACK, "reported"),
    # the home side's own reports and findings stay asserted
    (
        "De AIVD schrijft in zijn jaarverslag dat APT61 Tessaly Cloud heeft gehackt.",
        HACK,
        "asserted",
    ),
    ("De minister zei dat APT61 Tessaly Cloud heeft gehackt.", HACK, "asserted"),
    ("Zoals ik u eerder schreef, heeft APT61 Tessaly Cloud gehackt.", HACK, "asserted"),
    ("Volgens het kabinet heeft APT61 Tessaly Cloud gehackt.", HACK, "asserted"),
    # a rejected reading that is not the claim leaves the claim alone
    (
        "Het kabinet verwerpt de lezing van Rusland: Koperslang werkt in opdracht van Rusland.",
        BEHIND,
        "asserted",
    ),
    ("Rusland ontkent de aanval, maar APT61 heeft Tessaly Cloud gehackt.", HACK, "asserted"),
    # more denials
    (
        "Het kabinet heeft geen informatie waaruit blijkt dat APT61 Tessaly Cloud hackte.",
        HACK,
        "denied",
    ),
    ("Er is geen bewijs dat Koperslang in opdracht van Rusland werkt.", BEHIND, "denied"),
    ("Dat APT61 Tessaly Cloud heeft gehackt, is niet gebleken.", HACK, "denied"),
    ("Rusland ontkent betrokkenheid bij de aanval op Tessaly Cloud.", RUSSIA_HIT, "denied"),
    (
        "Rusland wijst elke betrokkenheid bij de aanval op Tessaly Cloud van de hand.",
        RUSSIA_HIT,
        "denied",
    ),
    # no view yet, or the subject of an investigation
    (
        "Het kabinet heeft geen zicht op de vraag of APT61 Tessaly Cloud hackte.",
        HACK,
        "unconfirmed",
    ),
    ("Het is nog te vroeg om te zeggen of APT61 Tessaly Cloud hackte.", HACK, "unconfirmed"),
    (
        "Of Koperslang in opdracht van Rusland werkt, is onderwerp van onderzoek.",
        BEHIND,
        "unconfirmed",
    ),
    ("APT61 heeft Tessaly Cloud gehackt; dat is onderwerp van onderzoek.", HACK, "asserted"),
]


@pytest.mark.parametrize(
    ("text", "claim", "expected"),
    [pytest.param(*case, id=f"{i:02d}") for i, case in enumerate(CASES)],
)
def test_stance_in_a_body(text, claim, expected):
    assert stance_of(text, claim) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Klopt het dat APT61 Tessaly Cloud heeft gehackt?",
        "Kunt u bevestigen dat APT61 Tessaly Cloud heeft gehackt?",
        "Heeft APT61 Tessaly Cloud gehackt?",
        "Wat weet u over de hack van APT61 op Tessaly Cloud?",
    ],
)
def test_a_claim_only_asked_about_is_unconfirmed(text):
    assert stance_of(text, HACK, kind="question") == "unconfirmed"
