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
import re._constants as _sre
import re._parser as _sre_parse
from collections.abc import Sequence
from functools import lru_cache

from kamerkg.extract.model import Document, Span

__all__ = ["clause_around", "sentence_units", "split_sentences", "units_to_scan"]

# A sentence ends at . ! ? followed by space and a capital/digit/quote, or at a blank line.
_END = re.compile(
    r"(?<=[.!?])(?:\[\d{1,3}\]|\d{1,2}(?=\s))?[\"'”’)\]]*\s+(?=[A-ZÀ-Ý0-9“‘'\"(•])|\n\s*\n"
)
_ABBREV = re.compile(
    r"(?:\b(?:o\.a|jl|e\.d|d\.w\.z|bijv|nr|blz|ca|mr|dr|prof|drs|ir|m\.b\.t|t\.a\.v|i\.v\.m|z\.s\.m|resp)|\b[A-Z])\.$"
)
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
        if _ABBREV.search(text[max(cursor, m.start() - 12) : m.start()]):
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
        cuts = [b for b in borders if start < b < end]
        edges = [start, *cuts, end]
        for a, b in itertools.pairwise(edges):
            # Long pieces that still hold several sentences (no splitter ran) are split again.
            for piece in split_sentences(text, a, b):
                units.add(piece)
    return sorted(units)


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


# Assertions whose outcome can change when the text is cut at a unit's end.
_END_SENSITIVE = {_sre.AT_END, _sre.AT_END_LINE, _sre.AT_END_STRING, _sre.AT_NON_BOUNDARY}
_UNSAFE = {_sre.ATOMIC_GROUP, _sre.POSSESSIVE_REPEAT, _sre.GROUPREF, _sre.GROUPREF_EXISTS}
_LOCAL_FLAGS = re.IGNORECASE | re.DOTALL | re.MULTILINE


def _relax(items: list) -> bool:
    """Drop end-sensitive assertions from a parsed pattern, in place; False if unsafe."""
    kept = []
    for op, av in items:
        if op in _UNSAFE:
            return False
        if op is _sre.AT and av in _END_SENSITIVE:
            continue
        if op is _sre.ASSERT_NOT and av[0] == 1:  # a negative lookahead may see past the end
            continue
        if op in (_sre.ASSERT, _sre.ASSERT_NOT):
            ok = _relax(av[1].data)
        elif op is _sre.SUBPATTERN:
            ok = _relax(av[3].data)
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
            ok = _relax(av[2].data)
        elif op is _sre.BRANCH:
            ok = all(_relax(branch.data) for branch in av[1])
        else:
            ok = True
        if not ok:
            return False
        kept.append((op, av))
    items[:] = kept
    return True


def _relaxed(pattern: re.Pattern[str]) -> _sre_parse.SubPattern | None:
    """``pattern`` parsed and loosened so that it matches in the whole text wherever it
    matches inside a unit, or ``None`` when that cannot be done safely.

    ``pattern.finditer(text, start, end)`` treats ``end`` as the end of the string, so
    ``$`` and negative lookaheads behave differently there than in the whole text;
    a word running across ``end`` (``\b``) is left to the caller.
    """
    if pattern.flags & (re.ASCII | re.LOCALE) or not isinstance(pattern.pattern, str):
        return None
    try:
        parsed = _sre_parse.parse(pattern.pattern, pattern.flags)
        if parsed.getwidth()[0] == 0 or not _relax(parsed.data):
            return None
    except Exception:  # internals of re: any failure means "scan every unit"
        return None
    return parsed


@lru_cache(maxsize=64)
def _scanner(
    patterns: tuple[re.Pattern[str], ...],
) -> tuple[re.Pattern[str] | None, tuple[re.Pattern[str] | None, ...]]:
    """One pattern matching where any loosened pattern matches, and the loosened ones."""
    import re._compiler as _sre_compile

    loose: list[re.Pattern[str] | None] = []
    branches = []
    state = _sre_parse.State()
    groups = 1
    for pattern in patterns:
        parsed = _relaxed(pattern)
        compiled = None
        if parsed is not None:
            try:
                compiled = _sre_compile.compile(parsed, pattern.flags)
            except Exception:
                compiled = None
        loose.append(compiled)
        if compiled is None:
            continue
        flags = pattern.flags & _LOCAL_FLAGS
        groups = max(groups, parsed.state.groups)
        wrapped = (_sre.SUBPATTERN, (None, flags, _LOCAL_FLAGS & ~flags, parsed))
        branches.append(_sre_parse.SubPattern(state, [wrapped]))
    combined = None
    if branches:
        try:
            for _ in range(groups - 1):  # room for every branch's groups
                state.opengroup()
            top = _sre_parse.SubPattern(state, [(_sre.BRANCH, (None, branches))])
            combined = _sre_compile.compile(top, 0)
        except Exception:
            combined = None
    if combined is None:
        return None, tuple(None for _ in patterns)
    return combined, tuple(loose)


def units_to_scan(
    text: str, units: Sequence[Span], patterns: Sequence[re.Pattern[str]]
) -> list[list[int]]:
    """For each unit, the indices of ``patterns`` that may match inside it, in order.

    A shortcut for running every pattern on every unit with
    ``pattern.finditer(text, unit.start, unit.end)``: the patterns are searched
    together, once over the whole text, and a unit is scanned only with the patterns
    matching at one of its offsets. The result never leaves out a pair that yields
    a match.

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
    combined, loose = _scanner(tuple(patterns))
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
    m = combined.search(text) if combined is not None else None
    while m is not None:
        pos = m.start()
        units_here = _units_at(pos, bounds, starts_of_units, ordered)
        for index, pattern in enumerate(loose):
            if pattern is not None and pattern.match(text, pos):
                found[index].update(units_here)
        m = combined.search(text, pos + 1)
    everything = range(len(units))
    for index, pattern in enumerate(loose):
        hits = everything if pattern is None else sorted(found[index] | cut)
        for u in hits:
            plan[u].append(index)
    return plan


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


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"
