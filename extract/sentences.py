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

import itertools
import re
from collections.abc import Sequence

from kamerkg.extract.model import Document, Span

__all__ = ["clause_around", "sentence_units", "split_sentences"]

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
