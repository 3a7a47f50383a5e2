"""What incidents and state responses share: lexicon loading, clause bounds, dates.

Both scan sentence units for triggers from ``lexicons/*.csv`` (a space in a pattern
matches any white space), skip what a sentence only supposes (``_conditional_clause``
on the trigger's clause), date a trigger from the nearest date in its clause against
the document's date, and look up the questions an answer covers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache

from kamerkg.extract.model import Document, Span

from .claims import ActorSlot, slots_within
from .dates import DateMatch, find_date_matches
from .lexicons import rows as _rows
from .stance import answers_for

_CLAUSE_CUT = re.compile(r"[;:]|\b(?:dat|omdat|nadat|waarna|toen|terwijl)\b", re.IGNORECASE)
_COORDINATION = re.compile(r"[;:]|,\s*(?:maar|en|terwijl)\b", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[,;:.?!](?:\s|$)|\s(?:en|maar)\s", re.IGNORECASE)
_COORDINATED = re.compile(r"\ben\b", re.IGNORECASE)
#: How far (characters) a date may sit from the trigger it dates.
DATE_WINDOW = 75
#: How far the only day date of a sentence may sit from the trigger in its clause.
WIDE_DATE_WINDOW = 160
#: Parts that cite sources (footnotes): titles there repeat, they do not report.
_SOURCE_PARTS = frozenset({"footnotes"})


@dataclass(frozen=True)
class _Pattern:
    pattern: re.Pattern[str]
    kind: str
    # A weak cue ("versterkt", "opgericht") counts only with an actor taking it.
    strict: bool = False
    # A cue any body may use ("bekendgemaakt") counts only with a state taker: a
    # government body, country or person, not a firm or other organisation.
    state: bool = False


def _spaced(pattern: str) -> str:
    """A space in a lexicon pattern matches any white space: layout text breaks lines."""
    return pattern.replace(" ", r"\s+")


@cache
def alternation(name: str) -> re.Pattern[str]:
    """One pattern of every row of a lexicon file (its ``pattern`` column), any case."""
    return re.compile("|".join(f"(?:{_spaced(r['pattern'])})" for r in _rows(name)), re.IGNORECASE)


def _conditional_clause(
    text: str, unit: Span, start: int, end: int, name: str = "response_conditional.csv"
) -> bool:
    """A measure the sentence only supposes: "indien nodig zal het kabinet maatregelen
    nemen", "het kabinet zou een verbod kunnen invoeren", "uitgangspunt is dat ...".

    Searched in the trigger's clause: back to a semicolon, colon or ", en"/", maar",
    forward to the next comma or full stop, so a taken measure coordinated with a
    supposed one ("heeft sancties ingesteld; indien nodig volgen er meer") stays.
    """
    head = text[unit.start : start]
    cuts = list(_COORDINATION.finditer(head))
    left = unit.start + (cuts[-1].end() if cuts else 0)
    tail = _CLAUSE_END.search(text, end, unit.end)
    right = tail.start() if tail else unit.end
    return bool(alternation(name).search(text, left, right))


def _reference_date(document: Document) -> date | None:
    if document.answered or document.submitted:
        return document.answered or document.submitted
    found = [m.date for m in _find_dates(document.text, None)]
    return max(found) if found else None


def _find_dates(text: str, reference: date | None) -> list[DateMatch]:
    # A sentence with several triggers is asked for its dates once per trigger.
    key = (text, reference)
    found = _DATES.get(key)
    if found is None:
        try:
            found = tuple(find_date_matches(text, reference=reference))
        except (OSError, ValueError, KeyError):
            found = ()
        if len(_DATES) >= 256:
            _DATES.clear()
        _DATES[key] = found
    return list(found)


_DATES: dict[tuple[str, date | None], tuple[DateMatch, ...]] = {}


def _other_owners() -> re.Pattern[str]:
    """Words a date right after belongs to: a debate, a letter, a report."""
    return alternation("date_other_owners.csv")


def _dated_near(
    text: str, unit: Span, pos: int, reference: date | None, end: int | None = None
) -> DateMatch | None:
    """The date of the trigger at ``pos``: the nearest one in its clause.

    Within ``DATE_WINDOW`` characters any date of the clause counts; further away,
    up to ``WIDE_DATE_WINDOW``, only the sentence's single day date ("die op 13 april
    2018 door de MIVD op heterdaad zijn betrapt bij een poging ... te hacken").
    """
    found = [
        DateMatch(Span(unit.start + f.span.start, unit.start + f.span.end), f.date, f.precision)
        for f in _find_dates(text[unit.start : unit.end], reference)
    ]
    # "het commissiedebat van 5 februari", "de brief van 3 mei": that date is the
    # meeting's or the paper's, not the act's.
    owners = _other_owners()
    found = [
        f
        for f in found
        if not owners.search(text, max(unit.start, f.span.start - 50), f.span.start)
    ]
    if not found:
        return None

    def gap(f: DateMatch) -> int:
        return max(f.span.start - pos, pos - f.span.end, 0)

    # The trigger's own words ("Dat gebeurde op ...") cut no clause.
    after = pos if end is None else end

    def same_clause(f: DateMatch) -> bool:
        between = text[f.span.end : pos] if f.span.end <= pos else text[after : f.span.start]
        return not _CLAUSE_CUT.search(between)

    # "In 2019 stelde het kabinet vast dat ... de liquidaties": that date is the finding's.
    near = [f for f in found if gap(f) <= DATE_WINDOW and same_clause(f)]
    if not near and len(found) == 1 and found[0].precision == "day":
        near = [
            f
            for f in found
            if gap(f) <= WIDE_DATE_WINDOW and same_clause(f) and not _coordinated(text, f, pos)
        ]
    if not near:
        return None
    return min(near, key=lambda f: (gap(f), f.span.start))


def _coordinated(text: str, found: DateMatch, pos: int) -> bool:
    """An "en" between date and trigger: a far date may belong to another act.

    A comma alone does not part them ("op 3 mei 2024, tijdens de verkiezingen, ...").
    """
    between = text[found.span.end : pos] if found.span.end <= pos else text[pos : found.span.start]
    return bool(_COORDINATED.search(between))


def _date_near(
    text: str, unit: Span, pos: int, reference: date | None, end: int | None = None
) -> date | None:
    found = _dated_near(text, unit, pos, reference, end)
    return found.date if found else None


def _slots_in(slots: Sequence[ActorSlot], span: Span) -> list[ActorSlot]:
    return slots_within(slots, span)


def _question_parts(document: Document, part: int | None) -> list[int]:
    """The question itself, or the questions an answer covers."""
    if part is None:
        return []
    kind = document.parts[part].kind
    if kind == "question":
        return [part]
    if kind == "answer":
        return list(_covered_questions(document).get(part, ()))
    return []


def _covered_questions(document: Document) -> dict[int, list[int]]:
    """Answer index -> the questions it covers, built once per extraction call.

    Asked for every sentence of an answer; each answer's questions would otherwise
    cost a pass over all parts per question (quadratic in the number of parts).
    ``_incidents`` and ``_responses`` reset it, and the parts stay as they are
    while they run.
    """
    if _COVERED.get("document") is document:
        return _COVERED["map"]  # type: ignore[return-value]
    covered: dict[int, list[int]] = {}
    for i, p in enumerate(document.parts):
        if p.kind == "question":
            for a in answers_for(document, i):
                covered.setdefault(a, []).append(i)
    _COVERED.clear()
    _COVERED.update(document=document, map=covered)
    return covered


_COVERED: dict[str, object] = {}


def _ids(slots: Sequence[ActorSlot]) -> list[str]:
    return sorted({s.actor_id for s in slots})
