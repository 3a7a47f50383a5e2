"""Sentence splitting: abbreviations, initials and dates do not end a sentence."""

from __future__ import annotations

import pytest

from kamerkg.extract.sentences import split_sentences


@pytest.mark.parametrize(
    "text",
    [
        "Het lid Mw. Rajkowski vroeg dit.",
        "Dhr. Jansen en mevr. Bakker waren erbij.",
        "Op 3 mrt. 2024 werd het netwerk gehackt.",
        "De aanval van 12 sept. 2023 was groot.",
        "Zie art. 5 van de wet en vgl. de memorie van toelichting.",
    ],
)
def test_abbreviations_from_the_lexicon_do_not_end_a_sentence(text: str) -> None:
    assert len(split_sentences(text + " Daarna niets.")) == 2


def test_a_month_abbreviation_without_a_day_and_etc_may_end_one() -> None:
    assert len(split_sentences("Het was in mrt. Daarna niets.")) == 2
    assert len(split_sentences("Camera's, drones etc. Het kabinet zwijgt.")) == 2
