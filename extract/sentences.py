"""Sentence units for claims and events: clipped to parts, with a fallback splitter.

The NLP step gives sentence spans; they may run across a question/answer border
(layout text often lacks a full stop after a heading), so :func:`sentence_units`
cuts them at part borders. When no spans are given it splits the text itself.

Examples
--------
>>> [s.start for s in split_sentences("Dit is een. Tweede zin? Ja.")]
[0, 12, 24]
>>> clause_around("Het kabinet, na overleg, nam maatregelen tegen X.", 29, 40)
'nam maatregelen tegen X'
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from functools import cache

from kamerkg.extract.model import Document, Span

from .lexicons import rows as lexicon_rows
from .scan import is_word as _is_word
from .scan import match_positions as _match_positions
from .scan import patterns_within as _patterns_within
from .scan import scanner as _scanner

__all__ = [
    "clause_around",
    "may_match",
    "may_match_any",
    "sentence_units",
    "split_sentences",
    "units_to_scan",
]

# A sentence ends at . ! ? followed by space and a capital/digit/quote, or at a blank line.
_END = re.compile(
    r"(?<=[.!?])(?:\[\d{1,3}\]|\d{1,2}(?=\s))?[\"'”’)\]]*\s+(?=[A-ZÀ-Ý0-9“‘'\"(•])|\n\s*\n"
)
# Abbreviations that often end a sentence as well ("etc.") still split it.
_ENDS_SENTENCES = frozenset({"etc"})


@cache
def _abbrev() -> re.Pattern[str]:
    """A dot that ends an abbreviation, not a sentence: "Mw.", "o.a.", "art.", an
    initial, or a month after a day ("3 mrt. 2024"); the words come from the lexicons."""
    words = {r["abbreviation"].rstrip(".") for r in lexicon_rows("nlp_abbreviations.csv")}
    months = {r["name"] for r in lexicon_rows("layout_months.csv") if r["abbreviation"] == "1"}
    listed = "|".join(re.escape(w) for w in sorted(words - _ENDS_SENTENCES, key=len, reverse=True))
    short = "|".join(sorted(months, key=len, reverse=True))
    return re.compile(rf"(?:(?<![\w.])(?i:{listed})|\b[A-Z]|\b\d{{1,2}}\s+(?i:{short}))\.$")


_HEADING = re.compile(
    r"^(?:[•*-]\s*)?(?:antwoord(?:\s+op)?(?:\s+(?:vraag|vragen))?|vraag)"
    r"(?:\s*(?:\d+|t/m|tot en met|en\b|,))*\s*[:.]?\s+",
    re.IGNORECASE,
)
_SENTENCE_STOP = re.compile(r"[.?!]\s+|\n\s*\n")
_CLAUSE_BREAK = re.compile(r"[,;:()]|\s[-–]\s|\b(?:maar|terwijl|omdat|want|waardoor)\b")


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Split ``text[start:end]`` into sentence spans (offsets into ``text``).

    Parameters
    ----------
    text : str
        The whole document text.
    start, end : int
        The range to split; ``end`` defaults to the end of the text.

    Returns
    -------
    list of Span
        Non-empty spans with surrounding white space trimmed, in text order.
    """
    end = len(text) if end is None else min(end, len(text))
    spans: list[Span] = []
    cursor = start
    for m in _END.finditer(text, start, end):
        if _abbrev().search(text[max(cursor, m.start() - 12) : m.start()]):
            continue
        _add_trimmed(text, cursor, m.start(), spans)
        cursor = m.end()
    _add_trimmed(text, cursor, end, spans)
    return spans


def _add_trimmed(text: str, start: int, end: int, out: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Span(start, end))


def sentence_units(document: Document, sentences: Sequence[Span]) -> list[Span]:
    """Sentence spans cut at part borders, sorted and without duplicates.

    Parameters
    ----------
    document : Document
        The laid-out document.
    sentences : sequence of Span
        Sentences from the NLP step; when empty, the text is split here.

    Returns
    -------
    list of Span
        Spans that never cross the start or end of a part.
    """
    text = document.text
    # Claims, incidents and responses each ask for the same document's units in turn.
    key = (
        tuple(sentences),
        tuple((p.span.start, p.span.end) for p in document.parts),
    )
    cached = _LAST_UNITS.get(id(document))
    if cached is not None and cached[0] is text and cached[1] == key:
        return list(cached[2])
    units = _sentence_units(document, sentences)
    _LAST_UNITS.clear()  # one document at a time: no memory kept across a build
    _LAST_UNITS[id(document)] = (text, key, tuple(units))
    return units


_LAST_UNITS: dict[int, tuple[str, tuple, tuple[Span, ...]]] = {}


def _sentence_units(document: Document, sentences: Sequence[Span]) -> list[Span]:
    text = document.text
    spans = list(sentences) or split_sentences(text)
    borders = sorted({p.span.start for p in document.parts} | {p.span.end for p in document.parts})
    units: set[Span] = set()
    for span in spans:
        start, end = max(0, span.start), min(len(text), span.end)
        if end <= start:
            continue
        cuts = borders[bisect.bisect_right(borders, start) : bisect.bisect_left(borders, end)]
        edges = [start, *cuts, end]
        for a, b in itertools.pairwise(edges):
            # Long pieces that still hold several sentences (no splitter ran) are split again.
            for piece in split_sentences(text, a, b):
                units.add(piece)
    # Span order is (start, end); a key spares the dataclass comparisons.
    return sorted(units, key=lambda u: (u.start, u.end))


def clause_around(text: str, start: int, end: int, limit: int = 140) -> str:
    """The clause of ``text`` holding ``[start, end)``, white space collapsed.

    The clause runs to the nearest comma, semicolon, colon, bracket or
    subordinating conjunction on either side, and at most ``limit`` characters.
    """
    left_text = text[max(0, start - limit) : start]
    lefts = list(_CLAUSE_BREAK.finditer(left_text))
    left = start - len(left_text) + (lefts[-1].end() if lefts else 0)
    stops = list(_SENTENCE_STOP.finditer(text, max(0, start - limit), start))
    if stops:
        left = max(left, stops[-1].end())
    right_text = text[end : end + limit]
    rm = _CLAUSE_BREAK.search(right_text)
    stop = re.search(r"[.?!](?:\s|$)", right_text)
    right_end = (
        min(m.start() for m in (rm, stop) if m is not None) if (rm or stop) else len(right_text)
    )
    clause = " ".join(text[left : end + right_end].split())
    # A part heading glued to the clause ("Antwoord op vraag 4 Het kabinet ...") is no content.
    heading = _HEADING.match(clause)
    if heading and heading.end() < len(clause) and heading.end() <= start - left:
        clause = clause[heading.end() :]
    return clause.strip(" ,;:-–")


def units_to_scan(
    text: str, units: Sequence[Span], patterns: Sequence[re.Pattern[str]]
) -> list[list[int]]:
    """For each unit, the indices of ``patterns`` that may match inside it, in order.

    A shortcut for running every pattern on every unit with
    ``pattern.finditer(text, unit.start, unit.end)``: each pattern is tried once over
    the whole text, only where the text holds one of its literal starts, and a unit
    is scanned only with the patterns matching at one of its offsets. The result
    never leaves out a pair that yields a match.

    Examples
    --------
    >>> text = "Een hack vond plaats. Niets. Weer een hack!"
    >>> units = split_sentences(text)
    >>> units_to_scan(text, units, [re.compile(r"\\bhack\\b(?!je)"), re.compile("x")])
    [[0], [], [0]]
    """
    plan: list[list[int]] = [[] for _ in units]
    if not units:
        return plan
    index = _scanner(tuple(patterns))
    loose = index.loose
    bounds = [(u.start, u.end) for u in units]
    starts_of_units = [start for start, _end in bounds]
    ordered = all(a[1] <= b[0] for a, b in itertools.pairwise(bounds))
    # A unit cut inside a word: "\\b" at its end differs from the whole text; scan it all.
    cut = {
        i
        for i, (_start, end) in enumerate(bounds)
        if 0 < end < len(text) and _is_word(text[end - 1]) and _is_word(text[end])
    }
    found: list[set[int]] = [set() for _ in patterns]
    for i, positions in enumerate(_match_positions(text, index)):
        for pos in positions:
            found[i].update(_units_at(pos, bounds, starts_of_units, ordered))
    everything = range(len(units))
    for i, pattern in enumerate(loose):
        hits = everything if pattern is None else sorted(found[i] | cut)
        for u in hits:
            plan[u].append(i)
    return plan


def may_match(text: str, span: Span, pattern: re.Pattern[str]) -> bool:
    """False only when ``pattern.finditer(text, span.start, span.end)`` finds nothing.

    The same shortcut as :func:`units_to_scan` for one span at a time: the offsets
    where the loosened pattern matches in the whole text are found once per text.

    Examples
    --------
    >>> text = "Een hack vond plaats. Niets."
    >>> [may_match(text, s, re.compile(r"\\bhack")) for s in split_sentences(text)]
    [True, False]
    """
    start, end = max(0, span.start), min(len(text), span.end)
    if 0 < end < len(text) and _is_word(text[end - 1]) and _is_word(text[end]):
        return True  # cut inside a word: "\\b" at its end differs from the whole text
    if _LAST_HITS.get("text") is not text:
        _LAST_HITS.clear()
        _LAST_HITS["text"] = text
    # Keyed by identity: hashing a compiled pattern hashes its whole program.
    known = _LAST_HITS.get(id(pattern))
    if known is None or known[0] is not pattern:  # type: ignore[index]
        index = _scanner((pattern,))
        offsets = None if index.loose[0] is None else sorted(_match_positions(text, index)[0])
        known = _LAST_HITS[id(pattern)] = (pattern, offsets)
    hits = known[1]  # type: ignore[index]
    if hits is None:
        return True
    k = bisect.bisect_left(hits, start)  # type: ignore[arg-type]
    return k < len(hits) and hits[k] <= end  # type: ignore[arg-type,index]


_LAST_HITS: dict[object, object] = {}


def may_match_any(text: str, span: Span, patterns: Sequence[re.Pattern[str]]) -> set[int] | None:
    """Indices of ``patterns`` that may match inside ``span`` (``None``: any of them).

    :func:`may_match` for a whole table and a span searched once (a claim's
    sentence): the table's literal starts are looked up at the span's words, so
    only the patterns with one there are searched. A pattern left out never
    matches with ``pattern.finditer(text, span.start, span.end)``.

    Examples
    --------
    >>> text = "Een hack vond plaats. Een lek ook."
    >>> table = (re.compile(r"\\bhack"), re.compile(r"\\blek\\b"))
    >>> [sorted(may_match_any(text, s, table)) for s in split_sentences(text)]
    [[0], [1]]
    """
    start, end = max(0, span.start), min(len(text), span.end)
    if 0 < end < len(text) and _is_word(text[end - 1]) and _is_word(text[end]):
        return None  # cut inside a word: "\\b" at its end differs from the whole text
    return _patterns_within(text, _scanner(patterns), start, end)


def _units_at(
    pos: int, bounds: list[tuple[int, int]], starts: list[int], ordered: bool
) -> list[int]:
    """Indices of the units holding offset ``pos`` (their end included)."""
    if not ordered:
        return [i for i, (start, end) in enumerate(bounds) if start <= pos <= end]
    u = bisect.bisect_right(starts, pos) - 1
    out = [u] if u >= 0 and pos <= bounds[u][1] else []
    # Touching units: an offset at one's end is also the next one's start.
    if u >= 1 and bounds[u - 1][1] == pos:
        out.append(u - 1)
    return out
