"""Dutch date forms: full, abbreviated, numeric, ISO, relative and month precision."""

from datetime import date

import pytest

from kamerkg.extract.dates import find_date_matches, find_dates, parse_dutch_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("16 september 2020", date(2020, 9, 16)),
        ("1 okt. 2021", date(2021, 10, 1)),
        ("3 sept 2019", date(2019, 9, 3)),
        ("16-09-2020", date(2020, 9, 16)),
        ("5/3/2021", date(2021, 3, 5)),
        ("2020-09-16", date(2020, 9, 16)),
        ("Den Haag, 12 oktober 2020", date(2020, 10, 12)),
        ("maandag 7 JUNI 2022", date(2022, 6, 7)),
    ],
)
def test_absolute_forms(text: str, expected: date) -> None:
    assert parse_dutch_date(text) == expected


def test_invalid_day_is_no_date() -> None:
    assert parse_dutch_date("31 februari 2021") is None
    assert parse_dutch_date("30-13-2020") is None


def test_relative_dates_take_the_most_recent_year_not_after_reference() -> None:
    ref = date(2024, 4, 26)
    assert parse_dutch_date("op 28 februari jl.", reference=ref) == date(2024, 2, 28)
    assert parse_dutch_date("11 mei jl.", reference=ref) == date(2023, 5, 11)
    assert parse_dutch_date("26 april", reference=ref) == date(2024, 4, 26)
    assert parse_dutch_date("24 mei") is None


def test_month_precision_is_flagged() -> None:
    text = "Sinds eind 2018 en in maart 2019, en medio 2020."
    matches = find_date_matches(text)
    assert [(m.date, m.precision) for m in matches] == [
        (date(2018, 12, 1), "month"),
        (date(2019, 3, 1), "month"),
        (date(2020, 7, 1), "month"),
    ]
    assert [text[m.span.start : m.span.end] for m in matches] == [
        "eind 2018",
        "maart 2019",
        "medio 2020",
    ]


def test_find_dates_spans_and_no_false_positives() -> None:
    text = "Kamerstukken II 2018-2019, 30821-72. Op 24\nmei 2022 en 1 juli 2019 gebeurde het."
    found = find_dates(text)
    assert [text[s.start : s.end] for s, _ in found] == ["24\nmei 2022", "1 juli 2019"]
    assert [d for _, d in found] == [date(2022, 5, 24), date(2019, 7, 1)]


def test_relative_flag_and_day_precision() -> None:
    (m,) = find_date_matches("tijdens het bezoek op 27 maart jl.", reference=date(2024, 4, 26))
    assert m.relative and m.precision == "day" and m.date == date(2024, 3, 27)
