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
from dataclasses import dataclass
from functools import lru_cache

from kamerkg.extract.model import Document, Span

__all__ = ["clause_around", "may_match", "sentence_units", "split_sentences", "units_to_scan"]

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


# Longest literal start of a pattern that the scan index keys on.
_KEY = 4
# Walks through a pattern's alternatives beyond this count give up on its index keys.
_WALK_BUDGET = 5000
_WORD = re.compile(r"\w+")
_STOP = object()
# Where a literal start may sit: at a word start, right after a word, anywhere.
_AT_START, _AT_END, _ANYWHERE = 0, 1, 2
# Non-ASCII characters an ASCII letter matches when case is ignored ("ſ", "ı", "K").
_CASE_TWINS = frozenset(
    re.findall(r"[\x00-\x7f]", "".join(map(chr, range(128, 0x10000))), re.IGNORECASE)
)


class _Unindexable(Exception):
    """A pattern whose possible starts are too many to list."""


def _starts(parsed: _sre_parse.SubPattern) -> set[tuple[str, int]]:
    """Lower-case literal starts (at most ``_KEY`` characters) every match begins with.

    Each start comes with where it may sit (``_AT_START`` after ``\\b`` or a non-word
    lookbehind, ``_AT_END`` for ``\\b`` before a non-word character, else
    ``_ANYWHERE``). An empty start means the pattern may start with anything.
    Other zero-width assertions are passed over, which only makes the starts looser.
    """
    out: set[tuple[str, int]] = set()
    budget = [_WALK_BUDGET]

    def walk(items: list, i: int, rest: tuple | None, acc: str, bounded: bool) -> None:
        budget[0] -= 1
        if budget[0] < 0:
            raise _Unindexable
        while i < len(items) and len(acc) < _KEY:
            op, av = items[i]
            if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
                if not acc and op is _sre.AT and av is _sre.AT_BOUNDARY:
                    bounded = True
                elif not acc and op is _sre.ASSERT and av[0] == -1 and av[1].data:
                    last_op, last = av[1].data[-1]
                    # "(?<=-)": a non-word character before works like "\\b" before a word.
                    if last_op is _sre.LITERAL and not _is_word(chr(last)):
                        bounded = True
                i += 1
                continue
            if op is _sre.LITERAL and chr(av).isascii():
                acc += chr(av).lower()
                i += 1
                continue
            if op is _sre.LITERAL:
                for char in _ascii_forms(chr(av)):
                    walk(items, i + 1, rest, acc + char, bounded)
                return
            if op is _sre.IN:
                chars = _class_chars(av)
                if chars is None:
                    break
                for char in chars:
                    walk(items, i + 1, rest, acc + char, bounded)
                return
            if op is _sre.SUBPATTERN:
                walk(av[3].data, 0, (items, i + 1, rest), acc, bounded)
                return
            if op is _sre.BRANCH:
                for branch in av[1]:
                    walk(branch.data, 0, (items, i + 1, rest), acc, bounded)
                return
            if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
                low, high, body = av
                if low == 0:
                    walk(items, i + 1, rest, acc, bounded)
                if high != 0:
                    # After one round a body that may repeat ends the start.
                    after = (items, i + 1, rest) if high == 1 else _STOP
                    walk(body.data, 0, after, acc, bounded)
                return
            break
        else:
            if len(acc) < _KEY and rest is not None and rest is not _STOP:
                walk(rest[0], rest[1], rest[2], acc, bounded)
                return
        if not acc or not bounded:
            out.add((acc, _ANYWHERE))
        else:
            out.add((acc, _AT_START if _is_word(acc[0]) else _AT_END))

    walk(parsed.data, 0, None, "", False)
    return out


def _ascii_forms(char: str) -> list[str]:
    """Lower-case ASCII characters that ``char`` may match, case ignored.

    A non-ASCII character matches a non-ASCII one in the text, and a text offset
    whose key holds one is tried with every pattern anyway (see
    :func:`_match_positions`); ``"\\x00"`` then stands for "no ASCII key".
    """
    if char.isascii():
        return [char.lower()]
    twins = sorted({a.lower() for a in _ASCII if re.fullmatch(re.escape(char), a, re.IGNORECASE)})
    return twins or ["\x00"]


_ASCII = [chr(c) for c in range(128)]


def _class_chars(items: list) -> list[str] | None:
    """The lower-case ASCII characters of a small character class, or ``None``."""
    chars: set[str] = set()
    for op, av in items:
        if op is _sre.LITERAL:
            codes = [av]
        elif op is _sre.RANGE and av[1] - av[0] < 26:
            codes = list(range(av[0], av[1] + 1))
        else:
            return None
        for c in codes:
            chars.update(_ascii_forms(chr(c)))
    return sorted(chars) if len(chars) <= 12 else None


def _needles(parsed: _sre_parse.SubPattern) -> tuple[str, ...]:
    """Lower-case ASCII words one of which every match holds, or ``()`` if unknown.

    Taken from the pattern's top level: its longest literal run, or an alternation
    whose every branch holds a literal run.
    """
    best: tuple[str, ...] = ()

    def runs(items: list) -> list[str]:
        found, run = [], ""
        for op, av in items:
            if op is _sre.LITERAL and chr(av).isascii():
                run += chr(av).lower()
                continue
            found.append(run)
            run = ""
            if op is _sre.SUBPATTERN:
                found.extend(runs(av[3].data))
        found.append(run)
        return [r for r in found if r]

    def score(option: tuple[str, ...]) -> int:
        return min(len(x) for x in option) if option else 0

    for op, av in parsed.data:
        options: list[tuple[str, ...]] = []
        if op is _sre.BRANCH:
            longest = [max(runs(b.data), key=len, default="") for b in av[1]]
            if all(longest):
                options.append(tuple(longest))
        elif op is _sre.SUBPATTERN and len(av[3].data) == 1 and av[3].data[0][0] is _sre.BRANCH:
            branches = av[3].data[0][1][1]
            longest = [max(runs(b.data), key=len, default="") for b in branches]
            if all(longest):
                options.append(tuple(longest))
        for option in options:
            if score(option) > score(best):
                best = option
    top = max(runs(parsed.data), key=len, default="")
    if len(top) >= 3 and len(top) >= score(best):
        best = (top,)
    return best if score(best) >= 3 else ()


@dataclass(frozen=True)
class _Index:
    """Where to try each loosened pattern: keyed on the literal starts of a match."""

    loose: tuple[re.Pattern[str] | None, ...]
    # Per place (_AT_START, _AT_END, _ANYWHERE): (key length, key -> pattern indices).
    tables: tuple[tuple[tuple[int, dict[str, tuple[int, ...]]], ...], ...]
    # Per place, every pattern with a start there: tried where a key is not ASCII.
    members: tuple[tuple[int, ...], ...]
    # First characters of the starts that may sit anywhere.
    anywhere: re.Pattern[str] | None
    # Patterns that may start with anything: searched on their own where a needle is.
    free: tuple[tuple[int, tuple[str, ...]], ...]


def _by_length(starts: dict[str, set[int]]) -> tuple[tuple[int, dict[str, tuple[int, ...]]], ...]:
    lengths = sorted({len(key) for key in starts})
    return tuple(
        (n, {key: tuple(sorted(ix)) for key, ix in starts.items() if len(key) == n})
        for n in lengths
    )


@lru_cache(maxsize=64)
def _scanner(patterns: tuple[re.Pattern[str], ...]) -> _Index:
    """The loosened patterns and the index of their literal starts."""
    import re._compiler as _sre_compile

    loose: list[re.Pattern[str] | None] = []
    places: list[dict[str, set[int]]] = [{}, {}, {}]
    free: list[tuple[int, tuple[str, ...]]] = []
    for index, pattern in enumerate(patterns):
        parsed = _relaxed(pattern)
        compiled = None
        if parsed is not None:
            try:
                compiled = _sre_compile.compile(parsed, pattern.flags)
            except Exception:
                compiled = None
        loose.append(compiled)
        if compiled is None or parsed is None:
            continue
        try:
            starts = _starts(parsed)
        except (_Unindexable, RecursionError):
            starts = {("", _ANYWHERE)}
        if any(not key for key, _ in starts):
            free.append((index, _needles(parsed)))
            continue
        for key, place in starts:
            places[place].setdefault(key, set()).add(index)
    firsts = sorted({key[0] for key in places[_ANYWHERE]})
    anywhere = (
        re.compile("[" + "".join(re.escape(c) for c in firsts) + r"]|[^\x00-\x7f]", re.IGNORECASE)
        if firsts
        else None
    )
    return _Index(
        loose=tuple(loose),
        tables=tuple(_by_length(p) for p in places),
        members=tuple(tuple(sorted({i for ix in p.values() for i in ix})) for p in places),
        anywhere=anywhere,
        free=tuple(free),
    )


def _match_positions(text: str, index: _Index) -> list[set[int]]:
    """For each pattern, every offset of ``text`` where its loosened form matches."""
    loose = index.loose
    found: list[set[int]] = [set() for _ in loose]

    def attempt(pos: int, candidates: Sequence[int]) -> None:
        for i in candidates:
            if pos not in found[i] and loose[i].match(text, pos):  # type: ignore[union-attr]
                found[i].add(pos)

    for place in (_AT_START, _AT_END):
        tables = index.tables[place]
        if not tables:
            continue
        for length, table in tables:
            at = _keyed_offsets(text, place, length)
            for key in table.keys() & at.keys():
                for pos in at[key]:
                    attempt(pos, table[key])
        # Keys with a non-ASCII character are blank: try every pattern there.
        for pos in _keyed_offsets(text, place, _KEY).get("", ()):
            attempt(pos, index.members[place])
    tables = index.tables[_ANYWHERE]
    if tables and index.anywhere is not None:
        for m in index.anywhere.finditer(text):
            pos = m.start()
            for length, table in tables:
                key = text[pos : pos + length]
                if key.isascii():
                    attempt(pos, table.get(key.lower(), ()))
                else:
                    attempt(pos, index.members[_ANYWHERE])
    if index.free:
        lowered = text.lower()
        # Case twins of ASCII letters hide a needle from a lower-cased text.
        plain = not any(c in _CASE_TWINS for c in set(text))
    for i, needles in index.free:
        if needles and plain and not any(n in lowered for n in needles):
            continue
        pattern = loose[i]
        m = pattern.search(text) if pattern is not None else None
        while m is not None:
            found[i].add(m.start())
            m = pattern.search(text, m.start() + 1)  # type: ignore[union-attr]
    return found


def _keyed_offsets(text: str, place: int, length: int) -> dict[str, list[int]]:
    """Word starts (or ends) of ``text`` by the lower-cased ``length`` characters there.

    Offsets whose first ``_KEY`` characters hold a non-ASCII one are listed under
    ``""`` (at ``length == _KEY`` only). Kept for the last text: claims, incidents
    and responses scan the same document in turn.
    """
    cache = _LAST_OFFSETS
    if cache.get("text") is not text:
        cache.clear()
        cache["text"] = text
    found = cache.get((place, length))
    if found is not None:
        return found  # type: ignore[return-value]
    found = {}
    if length != _KEY:
        for key, offsets in _keyed_offsets(text, place, _KEY).items():
            if len(key) >= length:
                found.setdefault(key[:length], []).extend(offsets)
    else:
        words = _WORD.finditer(text)
        offsets = [m.start() for m in words] if place == _AT_START else [m.end() for m in words]
        lowered = text.lower()
        if len(lowered) == len(text):
            keys = [lowered[pos : pos + _KEY] for pos in offsets]
        else:
            keys = [text[pos : pos + _KEY].lower() for pos in offsets]
        if not text.isascii():
            raw = [text[pos : pos + _KEY] for pos in offsets]
            keys = [key if r.isascii() else "" for key, r in zip(keys, raw, strict=True)]
        for key, pos in zip(keys, offsets, strict=True):
            found.setdefault(key, []).append(pos)
    cache[(place, length)] = found
    return found


_LAST_OFFSETS: dict[object, object] = {}


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
    hits = _LAST_HITS.get(pattern)
    if hits is None:
        index = _scanner((pattern,))
        hits = None if index.loose[0] is None else sorted(_match_positions(text, index)[0])
        _LAST_HITS[pattern] = hits
    if hits is None:
        return True
    k = bisect.bisect_left(hits, start)  # type: ignore[arg-type]
    return k < len(hits) and hits[k] <= end  # type: ignore[arg-type,index]


_LAST_HITS: dict[object, object] = {}


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
