"""Entity coverage, round 5: examples after a plural kind noun, hyphenated university names,
English boards.

Every sentence is invented; the made-up names ("Veltrix", "Zhonglan", "Rodalta") are in no
actor list, so only a pattern can find them.
"""

from __future__ import annotations

import pytest

from kamerkg.extract.model import Document
from kamerkg.extract.nlp import find_mentions


def _mentions(nlp, text: str) -> set[tuple[str, str]]:
    return {(m.text, m.label) for m in find_mentions(nlp, Document(source="t.txt", text=text))}


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        (
            "Vervoerders als Veltrix, Zhonglan en Rodalta rijden met elektrische bussen.",
            {("Veltrix", "Company"), ("Zhonglan", "Company"), ("Rodalta", "Company")},
        ),
        (
            "Het gaat om fabrikanten zoals Veltrix of Zhonglan.",
            {("Veltrix", "Company"), ("Zhonglan", "Company")},
        ),
        (
            "Banken, waaronder onder meer Veltrix Bank en Rodalta, zijn gewaarschuwd.",
            {("Veltrix Bank", "Company"), ("Rodalta", "Company")},
        ),
        (
            "Universiteiten als Rodalta werken samen met Chinese instellingen.",
            {("Rodalta", "Organisation")},
        ),
    ],
)
def test_examples_after_a_plural_kind_noun(nlp, text: str, wanted: set) -> None:
    assert wanted <= _mentions(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Ook bij bedrijven als Russische leveranciers is dat zo.",
        "Leveranciers als deze worden niet meer toegelaten.",
        "Bedrijven in Veltrix en omgeving worden bezocht.",  # no 'als/zoals/waaronder'
    ],
)
def test_no_examples_without_a_name_after_the_cue(nlp, text: str) -> None:
    found = _mentions(nlp, text)
    assert not any(label in ("Company", "Organisation") for _, label in found), found


def test_a_hyphenated_university_and_an_english_board(nlp) -> None:
    found = _mentions(
        nlp,
        "Onderzoekers van de Anna Rodalta-universiteit spraken met de Zhonglan Safety Review"
        " Board.",
    )
    assert ("Anna Rodalta-universiteit", "Organisation") in found
    assert ("Zhonglan Safety Review Board", "GovernmentBody") in found
