"""Day ranges and dates said relative to the document date ("vorig jaar", "in maart")."""

from datetime import date

import pytest

from kamerkg.extract.dates import find_date_matches

REF = date(2025, 2, 10)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("de storingen van 4 en 5 januari 2025", date(2025, 1, 4)),
        ("tussen 28 tot en met 30 december 2024", date(2024, 12, 28)),
        ("de oefening van 2-6 september 2024", date(2024, 9, 2)),
        ("op 20 t/m 22 januari jl.", date(2025, 1, 20)),
    ],
)
def test_a_range_of_days_is_one_date_at_its_first_day(text, day):
    (m,) = find_date_matches(text, reference=REF)
    assert (m.date, m.precision) == (day, "day")


@pytest.mark.parametrize(
    ("text", "day", "precision"),
    [
        ("Dat gebeurde vorig jaar al.", date(2024, 1, 1), "year"),
        ("Eerder dit jaar meldde de dienst", date(2025, 1, 1), "year"),
        ("Eind vorig jaar werd bekend", date(2024, 12, 1), "month"),
        ("Afgelopen zomer zijn kabels geraakt.", date(2024, 6, 1), "month"),
        ("Sinds vorige maand geldt de regel.", date(2025, 1, 1), "month"),
        ("In november jl. werd de haven stilgelegd.", date(2024, 11, 1), "month"),
        ("In januari van dit jaar was het raak.", date(2025, 1, 1), "month"),
        ("Medio december werd het lek gedicht.", date(2024, 12, 1), "month"),
    ],
)
def test_relative_words_take_month_or_year_precision(text, day, precision):
    (m,) = find_date_matches(text, reference=REF)
    assert (m.date, m.precision, m.relative) == (day, precision, True)


def test_relative_words_need_a_reference_and_leave_full_dates_alone():
    assert find_date_matches("Vorig jaar en afgelopen zomer.") == []
    (m,) = find_date_matches("In maart 2023 werd het besloten.", reference=REF)
    assert (m.date, m.relative) == (date(2023, 3, 1), False)


def test_a_spelled_out_jongstleden():
    (m,) = find_date_matches("op 12 januari jongstleden", reference=REF)
    assert m.date == date(2025, 1, 12) and m.span.end == len("op 12 januari jongstleden")
