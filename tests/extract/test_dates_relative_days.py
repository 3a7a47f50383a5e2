"""Days said relative to the document date: "gisteren", "afgelopen zaterdag", "3 mei vorig jaar"."""

from datetime import date

import pytest

from kamerkg.extract.dates import find_date_matches

# A Tuesday.
REF = date(2025, 6, 10)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("De storing begon gisteren rond middernacht.", date(2025, 6, 9)),
        ("Eergisteren meldde de beheerder een inbraak.", date(2025, 6, 8)),
        ("Afgelopen maandag viel het netwerk uit.", date(2025, 6, 9)),
        ("Afgelopen dinsdag viel het netwerk uit.", date(2025, 6, 3)),
        ("Vorige week donderdag werd de kabel geraakt.", date(2025, 6, 5)),
        ("Op zaterdag jl. werd de mast vernield.", date(2025, 6, 7)),
        ("De aanval van 14 november vorig jaar is onderzocht.", date(2024, 11, 14)),
        ("Op 2 februari van dit jaar kwam het lek aan het licht.", date(2025, 2, 2)),
    ],
)
def test_relative_days(text, day):
    found = find_date_matches(text, reference=REF)
    assert [(m.date, m.precision) for m in found] == [(day, "day")]


@pytest.mark.parametrize(
    "text",
    [
        "Op maandag vergadert de ministerraad niet.",
        "De dinsdagen zijn vrij.",
    ],
)
def test_bare_weekdays_are_no_dates(text):
    assert find_date_matches(text, reference=REF) == []


def test_relative_days_need_a_reference():
    assert find_date_matches("Gisteren werd het systeem gehackt.") == []
