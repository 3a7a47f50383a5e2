"""Dutch dates in running text: "16 september 2020", "1 okt. 2021", "11 mei jl.".

Month names and period words ("eind", "medio") live in
``extract/lexicons/layout_months.csv`` and ``layout_date_periods.csv``.

A range of days ("17 en 18 november 2024", "21 tot en met 24 mei") is dated by
its first day. Dates without a year ("op 28 februari jl.", "24 mei") take their year from a
reference date: the most recent such day not after the reference. Without a
reference they are left out. "maart 2019" and "eind 2018" are dates of month
precision: the first of the month, flagged ``precision="month"``. With a reference,
words relative to it are dated too: "vorig jaar" (year precision), "begin dit jaar",
"afgelopen zomer", "in maart", "vorige maand" (month precision); their words live in
``date_relative.csv``.

Examples
--------
>>> parse_dutch_date("16 september 2020")
datetime.date(2020, 9, 16)
>>> parse_dutch_date("op 28 februari jl.", reference=date(2024, 4, 26))
datetime.date(2024, 2, 28)
>>> [(s.start, d.isoformat()) for s, d in find_dates("Sinds 1 okt. 2021 en eind 2018.")]
[(6, '2021-10-01'), (21, '2018-12-01')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from kamerkg.extract.model import Span

from .lexicons import rows as _read_csv

__all__ = ["DateMatch", "find_date_matches", "find_dates", "parse_dutch_date"]


@dataclass(frozen=True)
class DateMatch:
    """One date found in a text.

    ``precision`` is ``"day"``, ``"month"`` or ``"year"``; ``relative`` is true when
    the year came from the reference date rather than from the text.
    """

    span: Span
    date: date
    precision: str = "day"
    relative: bool = False


@dataclass(frozen=True)
class _Patterns:
    months: dict[str, int]
    periods: dict[str, int]
    day_month: re.Pattern[str]
    month_year: re.Pattern[str]
    period_year: re.Pattern[str]
    numeric: re.Pattern[str]
    iso: re.Pattern[str]
    day_range: re.Pattern[str]


def _alternation(words: list[str]) -> str:
    # Longest first, so "sept" wins over "sep".
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    rows = _read_csv("layout_months.csv")
    months = {r["name"].casefold(): int(r["month"]) for r in rows}
    full = [r["name"] for r in rows if r["abbreviation"] == "0"]
    periods = {r["word"].casefold(): int(r["month"]) for r in _read_csv("layout_date_periods.csv")}
    any_month = _alternation(list(months))
    day_month = re.compile(
        rf"(?<![\w.,-])(?P<day>[0-3]?\d)\s+(?P<month>{any_month})(?![^\W\d_])\.?"
        rf"(?:\s+(?P<year>(?:1[89]|20)\d\d)(?!\d))?(?P<jl>\s+(?:jl\.?|j\.l\.|jongstleden))?",
        re.IGNORECASE,
    )
    month_year = re.compile(
        rf"(?<![\w-])(?P<month>{_alternation(full)})\s+(?P<year>(?:1[89]|20)\d\d)(?!\d)",
        re.IGNORECASE,
    )
    period_year = re.compile(
        rf"(?<![\w-])(?P<period>{_alternation(list(periods))})\s+(?P<year>(?:1[89]|20)\d\d)(?![\d-])",
        re.IGNORECASE,
    )
    # "16-09-2020", "16/09/2020", "16.09.2020" (one separator throughout).
    numeric = re.compile(
        r"(?<![\w./-])([0-3]?\d)([-/.])([01]?\d)\2((?:1[89]|20)\d\d)(?![\w/-]|\.\d)"
    )
    iso = re.compile(r"(?<![\w./-])((?:1[89]|20)\d\d)-([01]\d)-([0-3]\d)(?![\w/-])")
    # "17 en 18 november 2024", "3, 4 en 5 juni", "21 tot en met 24 mei", "3-5 juni
    # 2023", "in de nacht van 3 op 4 mei": dated by the first day.
    day_range = re.compile(
        rf"(?<![\w.,-])(?P<day>[0-3]?\d)(?:\s*,\s*[0-3]?\d)*\s*"
        rf"(?:en|tot en met|tot|t/m|-|–|(?<=van\s\d\s)op|(?<=van\s\d\d\s)op)\s*[0-3]?\d\s+"
        rf"(?P<month>{any_month})(?![^\W\d_])\.?"
        rf"(?:\s+(?P<year>(?:1[89]|20)\d\d)(?!\d))?(?P<jl>\s+(?:jl\.?|j\.l\.|jongstleden))?",
        re.IGNORECASE,
    )
    return _Patterns(months, periods, day_month, month_year, period_year, numeric, iso, day_range)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _year_for(month: int, day: int, reference: date) -> date | None:
    """The most recent (month, day) not after ``reference``."""
    for year in (reference.year, reference.year - 1):
        candidate = _safe_date(year, month, day)
        if candidate is not None and candidate <= reference:
            return candidate
    # 29 February in a non-leap reference year: go back to the last leap year.
    for year in range(reference.year - 2, reference.year - 9, -1):
        candidate = _safe_date(year, month, day)
        if candidate is not None:
            return candidate
    return None


@dataclass(frozen=True)
class _Relative:
    years: dict[str, int]
    months: dict[str, int]
    seasons: dict[str, int]
    period_of_year: re.Pattern[str]
    year: re.Pattern[str]
    month: re.Pattern[str]
    season: re.Pattern[str]
    bare_month: re.Pattern[str]
    after_day: re.Pattern[str]
    days: dict[str, int]
    weekdays: dict[str, int]
    day: re.Pattern[str]
    weekday: re.Pattern[str]


@lru_cache(maxsize=1)
def _relative() -> _Relative:
    """Words dated against the reference: "vorig jaar", "afgelopen zomer", "in maart"."""
    rows = _read_csv("date_relative.csv")
    pick = {
        k: {r["word"]: int(r["value"]) for r in rows if r["kind"] == k}
        for k in ("year", "month", "season", "day", "weekday")
    }
    pats = _patterns()
    full = [name for name, _ in sorted(pats.months.items()) if len(name) > 4 or name == "mei"]
    whens = _alternation([*pats.periods, *full])
    years = _alternation(list(pick["year"]))
    return _Relative(
        pick["year"],
        pick["month"],
        pick["season"],
        # "begin dit jaar", "eind vorig jaar", "maart van dit jaar"
        re.compile(rf"(?<![\w-])(?P<when>{whens})\s+(?:van\s+)?(?P<rel>{years})(?![\w-])", re.I),
        re.compile(rf"(?<![\w-])(?P<rel>{years})(?![\w-])", re.IGNORECASE),
        re.compile(rf"(?<![\w-])(?P<rel>{_alternation(list(pick['month']))})(?![\w-])", re.I),
        re.compile(
            rf"(?<![\w-])(?:afgelopen|vorige|vorig|deze|dit)\s+(?P<season>"
            rf"{_alternation(list(pick['season']))})(?![\w-])",
            re.IGNORECASE,
        ),
        # "in maart", "eind mei jl." without a year: the last such month up to the reference.
        re.compile(
            rf"(?<![\w-])(?:(?P<period>{_alternation(list(pats.periods))})\s+|in\s+)"
            rf"(?P<month>{_alternation(full)})(?:\s+jl\.?)?(?![\w-])(?!\s*(?:\d|van\b))",
            re.IGNORECASE,
        ),
        re.compile(rf"\s+(?:van\s+)?(?P<rel>{years})(?![\w-])", re.IGNORECASE),
        pick["day"],
        pick["weekday"],
        re.compile(rf"(?<![\w-])(?P<rel>{_alternation(list(pick['day']))})(?![\w-])", re.I),
        # "afgelopen dinsdag", "vorige week vrijdag", "zaterdagavond jl.", "in de nacht
        # van zaterdag op zondag": the last such day.
        re.compile(
            rf"(?<![\w-])(?:(?P<back>afgelopen|vorige\s+week|jongstleden|nacht\s+van)\s+)?"
            rf"(?P<weekday>{_alternation(list(pick['weekday']))})(?:ochtend|middag|avond|nacht)?"
            rf"(?(back)|\s+(?:jl\.?|j\.l\.|jongstleden))(?![\w-])",
            re.IGNORECASE,
        ),
    )


def _last_month(month: int, reference: date) -> date:
    """The first day of the last ``month`` that began on or before ``reference``."""
    year = reference.year if month <= reference.month else reference.year - 1
    return date(year, month, 1)


def _relative_matches(text: str, reference: date) -> list[DateMatch]:
    """Dates of month or year precision said relative to ``reference``, in text order."""
    rel, pats = _relative(), _patterns()
    found: list[DateMatch] = []
    for m in rel.period_of_year.finditer(text):
        year = reference.year + rel.years[" ".join(m["rel"].casefold().split())]
        when = m["when"].casefold()
        month = pats.periods.get(when) or pats.months[when]
        found.append(DateMatch(Span(m.start(), m.end()), date(year, month, 1), "month", True))
    for m in rel.season.finditer(text):
        month = rel.seasons[m["season"].casefold()]
        found.append(
            DateMatch(Span(m.start(), m.end()), _last_month(month, reference), "month", True)
        )
    for m in rel.bare_month.finditer(text):
        month = pats.months[m["month"].casefold()]
        found.append(
            DateMatch(Span(m.start(), m.end()), _last_month(month, reference), "month", True)
        )
    for m in rel.month.finditer(text):
        back = rel.months[" ".join(m["rel"].casefold().split())]
        index = reference.year * 12 + reference.month - 1 + back
        day = date(index // 12, index % 12 + 1, 1)
        found.append(DateMatch(Span(m.start(), m.end()), day, "month", True))
    for m in rel.day.finditer(text):
        when = reference + timedelta(days=rel.days[m["rel"].casefold()])
        found.append(DateMatch(Span(m.start(), m.end()), when, "day", True))
    for m in rel.weekday.finditer(text):
        wanted = rel.weekdays[m["weekday"].casefold()]
        back = (reference.weekday() - wanted - 1) % 7 + 1  # strictly before the reference
        if m["back"] and m["back"].casefold().startswith("vorige"):
            # "vorige week dinsdag": that weekday in the week before the reference's.
            back = reference.weekday() - wanted + 7
        found.append(
            DateMatch(Span(m.start(), m.end()), reference - timedelta(days=back), "day", True)
        )
    for m in rel.year.finditer(text):
        year = reference.year + rel.years[" ".join(m["rel"].casefold().split())]
        found.append(DateMatch(Span(m.start(), m.end()), date(year, 1, 1), "year", True))
    return found


def find_date_matches(text: str, *, reference: date | None = None) -> list[DateMatch]:
    """Every date in ``text``, in text order, without overlaps.

    Parameters
    ----------
    text : str
        Any text.
    reference : date, optional
        Supplies the year of dates written without one; such dates are skipped
        when it is ``None``.

    Returns
    -------
    list of DateMatch
        Sorted by start offset.

    Examples
    --------
    >>> m = find_date_matches("Begin maart 2019 besloot het kabinet.")[0]
    >>> (m.date.isoformat(), m.precision, m.span)
    ('2019-03-01', 'month', Span(start=0, end=16))
    """
    pats = _patterns()
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    def add(match: DateMatch) -> None:
        found.append(match)
        taken.append((match.span.start, match.span.end))

    for m in pats.iso.finditer(text):
        d = _safe_date(int(m[1]), int(m[2]), int(m[3]))
        if d is not None:
            add(DateMatch(Span(m.start(), m.end()), d))
    for m in pats.numeric.finditer(text):
        d = _safe_date(int(m[4]), int(m[3]), int(m[1]))
        if d is not None and free(m.start(), m.end()):
            add(DateMatch(Span(m.start(), m.end()), d))
    for m in [*pats.day_range.finditer(text), *pats.day_month.finditer(text)]:
        if not free(m.start(), m.end()):
            continue
        month = pats.months[m["month"].casefold()]
        day = int(m["day"])
        if m["year"]:
            d = _safe_date(int(m["year"]), month, day)
            relative = False
        elif reference is not None:
            d = _year_for(month, day, reference)
            relative = True
        else:
            continue
        end = m.end()
        if not m["year"] and reference is not None:
            # "op 3 mei vorig jaar", "12 maart van dit jaar": the year said relative to now.
            said = _relative().after_day.match(text, end)
            if said:
                year = reference.year + _relative().years[" ".join(said["rel"].casefold().split())]
                d, end = _safe_date(year, month, day), said.end()
        if d is not None:
            add(DateMatch(Span(m.start(), end), d, "day", relative))
        elif m["year"]:
            taken.append((m.start(), m.end()))  # "31 februari 2021" is no month date either
    for m in pats.month_year.finditer(text):
        if free(m.start(), m.end()):
            d = date(int(m["year"]), pats.months[m["month"].casefold()], 1)
            start = m.start()
            # "eind maart 2019": the period word belongs to the date's evidence.
            before = re.search(r"(\w+)\s+$", text[max(0, start - 12) : start])
            if before and before[1].casefold() in pats.periods:
                start -= len(before[0])
            if free(start, m.end()):
                add(DateMatch(Span(start, m.end()), d, "month"))
    for m in pats.period_year.finditer(text):
        if free(m.start(), m.end()):
            d = date(int(m["year"]), pats.periods[m["period"].casefold()], 1)
            add(DateMatch(Span(m.start(), m.end()), d, "month"))
    if reference is not None:
        for match in _relative_matches(text, reference):
            if free(match.span.start, match.span.end):
                add(match)
    return sorted(found, key=lambda x: (x.span.start, x.span.end))


def find_dates(text: str, *, reference: date | None = None) -> list[tuple[Span, date]]:
    """Every date in ``text`` as ``(span, date)`` pairs, in text order.

    See :func:`find_date_matches` for the forms recognised and the precision flag.

    Examples
    --------
    >>> find_dates("ingezonden op 16-09-2020")
    [(Span(start=14, end=24), datetime.date(2020, 9, 16))]
    """
    return [(m.span, m.date) for m in find_date_matches(text, reference=reference)]


def parse_dutch_date(s: str, *, reference: date | None = None) -> date | None:
    """The first date written in ``s``, or ``None``.

    Parameters
    ----------
    s : str
        A short string such as "16 september 2020", "2020-09-16" or "11 mei jl.".
    reference : date, optional
        Gives the year of a date without one (most recent such day not after it).

    Examples
    --------
    >>> parse_dutch_date("1 okt. 2021")
    datetime.date(2021, 10, 1)
    >>> parse_dutch_date("24 mei") is None
    True
    >>> parse_dutch_date("24 mei", reference=date(2022, 5, 20))
    datetime.date(2021, 5, 24)
    """
    matches = find_date_matches(s, reference=reference)
    return matches[0].date if matches else None
