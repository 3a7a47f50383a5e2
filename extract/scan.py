"""Where a regex can match, found from the literal text its matches start with.

Trigger tables and name patterns are long alternations of words, mostly behind
``\\b``. Searching them at every offset of a text costs far more than looking at
the few offsets where one of their literal starts stands: this module lists those
starts (:func:`_starts`), keys the word offsets of a text by their first characters
once per text (:func:`_keyed_offsets`), and tries a pattern only where its key is.
Nothing is lost: a start is a necessary condition for a match, offsets with
non-ASCII characters (which may fold onto ASCII ones) are tried with every pattern,
and a pattern without a literal start is searched as usual.

Examples
--------
>>> pattern = re.compile(r"\\b(?:aanval|hack)(?:en|s)?\\b", re.IGNORECASE)
>>> [m.group(0) for m in finditer(pattern, "Een Hack, twee aanvallen en drie hacks.")]
['Hack', 'hacks']
"""

from __future__ import annotations

import bisect
import re
import re._constants as _sre
import re._parser as _sre_parse
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

__all__ = ["finditer", "is_word", "match_positions", "scanner"]

# Assertions whose outcome can change when the text is cut at a unit's end.
_END_SENSITIVE = {_sre.AT_END, _sre.AT_END_LINE, _sre.AT_END_STRING, _sre.AT_NON_BOUNDARY}
_UNSAFE = {_sre.ATOMIC_GROUP, _sre.POSSESSIVE_REPEAT, _sre.GROUPREF, _sre.GROUPREF_EXISTS}


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
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_STOP = object()
_MAXREPEAT = _sre.MAXREPEAT
# Where a literal start may sit: at a word start, right after a word, anywhere.
_AT_START, _AT_END, _ANYWHERE = 0, 1, 2
# A literal start that may sit anywhere inside a run of word characters and hyphens
# the match begins in ("\\b[\\w-]*spionage"): found with str.find, then widened back
# over its run.
_IN_RUN = 3
# "^" and "\\A": a match after them starting with a word character starts at a word.
_LINE_STARTS = {_sre.AT_BEGINNING, _sre.AT_BEGINNING_LINE, _sre.AT_BEGINNING_STRING}
_LINE_START = 2
# "(?<=\\w)": a match after it starting with a non-word character starts at a word end.
_WORD_END = 3
_AFTER_WORD = [(_sre.IN, [(_sre.CATEGORY, _sre.CATEGORY_WORD)])]
# Non-ASCII characters an ASCII letter matches when case is ignored ("ſ", "ı", "K").
_CASE_TWINS = frozenset(
    re.findall(r"[\x00-\x7f]", "".join(map(chr, range(128, 0x10000))), re.IGNORECASE)
)


def _word_run(body: _sre_parse.SubPattern) -> bool:
    """True for a repeated body of one class holding only word characters and "-"."""
    if len(body.data) != 1 or body.data[0][0] is not _sre.IN:
        return False
    allowed = {(_sre.CATEGORY, _sre.CATEGORY_WORD), (_sre.LITERAL, ord("-"))}
    return all(item in allowed for item in body.data[0][1])


def _in_run(char: str) -> bool:
    """What a :func:`_word_run` class may match (a superset: every word character)."""
    return char.isalnum() or char in "_-"


class _Unindexable(Exception):
    """A pattern whose possible starts are too many to list."""


def _starts(parsed: _sre_parse.SubPattern) -> set[tuple[str, int]]:
    """Lower-case literal starts of a match (see :func:`_walk_starts`): with repeats
    unrolled when their paths stay within the walk budget, else without."""
    try:
        return _walk_starts(parsed, unroll=True)
    except (_Unindexable, RecursionError):
        return _walk_starts(parsed, unroll=False)


def _walk_starts(parsed: _sre_parse.SubPattern, unroll: bool) -> set[tuple[str, int]]:
    """Lower-case literal starts (at most ``_KEY`` characters) every match begins with.

    Each start comes with where it may sit (``_AT_START`` after ``\\b``, ``^`` or a
    non-word lookbehind, ``_AT_END`` for ``\\b`` or ``(?<=\\w)`` before a non-word
    character, else ``_ANYWHERE``). An empty start means the pattern may start with anything.
    Other zero-width assertions are passed over, which only makes the starts looser.
    ``unroll`` follows a repeat that may run again ("[ \\t]+") into its next round
    or what comes after it, so a blank before a word still yields a long start
    (" gec"); without it the start ends after the first round.
    """
    out: set[tuple[str, int]] = set()
    budget = [_WALK_BUDGET]

    def walk(
        items: list, i: int, rest: tuple | None, acc: str, bounded: bool | int, run: bool
    ) -> None:
        budget[0] -= 1
        if budget[0] < 0:
            raise _Unindexable
        while i < len(items) and len(acc) < _KEY:
            op, av = items[i]
            if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
                if not acc and op is _sre.AT and av is _sre.AT_BOUNDARY:
                    bounded = True
                elif not acc and op is _sre.AT and av in _LINE_STARTS and not bounded:
                    # "^" before a word character is a word start (not a word end).
                    bounded = _LINE_START
                elif not acc and op is _sre.ASSERT and av[0] == -1 and av[1].data == _AFTER_WORD:
                    if not bounded:
                        bounded = _WORD_END  # "(?<=\\w)-": at a word end if "-" follows
                elif not acc and op is _sre.ASSERT and av[0] == -1 and av[1].data:
                    last_op, last = av[1].data[-1]
                    # "(?<=-)": a non-word character before works like "\\b" before a word.
                    if last_op is _sre.LITERAL and not is_word(chr(last)):
                        bounded = True
                elif not acc and op is _sre.ASSERT_NOT and av[0] == -1 and len(av[1].data) == 1:
                    last_op, last = av[1].data[0]
                    # "(?<![\\w-])": no word character before, as "\\b" before a word.
                    if last_op is _sre.IN and (_sre.CATEGORY, _sre.CATEGORY_WORD) in last:
                        bounded = True
                i += 1
                continue
            if op is _sre.LITERAL and chr(av).isascii():
                acc += chr(av).lower()
                i += 1
                continue
            if op is _sre.LITERAL:
                for char in _ascii_forms(chr(av)):
                    walk(items, i + 1, rest, acc + char, bounded, run)
                return
            if op is _sre.IN:
                chars = _class_chars(av)
                if chars is None:
                    break
                for char in chars:
                    walk(items, i + 1, rest, acc + char, bounded, run)
                return
            if op is _sre.SUBPATTERN:
                walk(av[3].data, 0, (items, i + 1, rest), acc, bounded, run)
                return
            if op is _sre.BRANCH:
                for branch in av[1]:
                    walk(branch.data, 0, (items, i + 1, rest), acc, bounded, run)
                return
            if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
                low, high, body = av
                if not acc and not run and low == 0 and _word_run(body):
                    # "\\b[\\w-]*spionage": the literal sits anywhere in a run of word
                    # characters and hyphens that the match starts inside.
                    walk(items, i + 1, rest, acc, bounded, True)
                    return
                if low == 0:
                    walk(items, i + 1, rest, acc, bounded, run)
                if high != 0:
                    if high == 1:
                        after = (items, i + 1, rest)
                    elif unroll and body.getwidth()[0] >= 1:
                        # Another round (one fewer needed, one fewer allowed) or the rest.
                        again = [
                            (op, (max(low - 1, 0), high if high == _MAXREPEAT else high - 1, body))
                        ]
                        after = (again, 0, (items, i + 1, rest))
                    else:
                        # After one round a body that may repeat ends the start.
                        after = _STOP
                    walk(body.data, 0, after, acc, bounded, run)
                return
            break
        else:
            if len(acc) < _KEY and rest is not None and rest is not _STOP:
                walk(rest[0], rest[1], rest[2], acc, bounded, run)
                return
        if acc and run:
            out.add((acc, _IN_RUN))
        elif not acc or not bounded:
            out.add((acc, _ANYWHERE))
        elif is_word(acc[0]):
            out.add((acc, _ANYWHERE if bounded == _WORD_END else _AT_START))
        else:
            out.add((acc, _AT_END if bounded is True or bounded == _WORD_END else _ANYWHERE))

    walk(parsed.data, 0, None, "", False, False)
    return out


def _ascii_forms(char: str) -> list[str]:
    """Lower-case ASCII characters that ``char`` may match, case ignored.

    A non-ASCII character matches a non-ASCII one in the text, and a text offset
    whose key holds one is tried with every pattern anyway (see
    :func:`_candidates`); ``"\\x00"`` then stands for "no ASCII key".
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
    return sorted(chars) if len(chars) <= 30 else None


def _needles(parsed: _sre_parse.SubPattern) -> tuple[tuple[str, ...], ...]:
    """Sets of lower-case ASCII words every match holds one of (each set), or ``()``.

    Taken from the pattern's top level: each literal run, and each alternation
    whose every branch holds a literal run. Words under three characters are too
    common to tell anything and are left out.
    """

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

    options: list[tuple[str, ...]] = [(run,) for run in runs(parsed.data)]
    for op, av in parsed.data:
        if op is _sre.SUBPATTERN and len(av[3].data) == 1 and av[3].data[0][0] is _sre.BRANCH:
            op, av = av[3].data[0]
        if op is _sre.BRANCH:
            longest = [max(runs(b.data), key=len, default="") for b in av[1]]
            if all(longest):
                options.append(tuple(longest))
    return tuple(o for o in options if min(len(x) for x in o) >= 3)


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
    free: tuple[tuple[int, tuple[tuple[str, ...], ...]], ...]
    # Per pattern: sets of words a match needs (kept for weakly indexed patterns).
    needles: tuple[tuple[tuple[str, ...], ...], ...] = ()
    # Per pattern: the same for well indexed ones, asked only where a pattern has many
    # candidate offsets (each a match attempt) and the words are cheap to look for.
    late_needles: tuple[tuple[tuple[str, ...], ...], ...] = ()
    # _IN_RUN starts: (key, pattern indices), and every pattern with one.
    runs: tuple[tuple[str, tuple[int, ...]], ...] = ()
    run_members: tuple[int, ...] = ()


def _by_length(starts: dict[str, set[int]]) -> tuple[tuple[int, dict[str, tuple[int, ...]]], ...]:
    lengths = sorted({len(key) for key in starts})
    return tuple(
        (n, {key: tuple(sorted(ix)) for key, ix in starts.items() if len(key) == n})
        for n in lengths
    )


def scanner(patterns: Sequence[re.Pattern[str]], exact: bool = False) -> _Index:
    """The patterns loosened for units (``exact``: as they are) and their start index.

    Kept per identity of the patterns: hashing a compiled pattern hashes its whole
    program, which costs more than most scans.
    """
    key = (tuple(map(id, patterns)), exact)
    hit = _SCANNERS.get(key)
    if hit is not None and all(a is b for a, b in zip(hit[0], patterns, strict=True)):
        return hit[1]
    if len(_SCANNERS) > 512:
        _SCANNERS.clear()
    index = _scanner(tuple(patterns), exact)
    _SCANNERS[key] = (tuple(patterns), index)  # holds the patterns: their ids stay theirs
    return index


_SCANNERS: dict[tuple[tuple[int, ...], bool], tuple[tuple[re.Pattern[str], ...], _Index]] = {}


def _scanner(patterns: tuple[re.Pattern[str], ...], exact: bool) -> _Index:
    import re._compiler as _sre_compile

    loose: list[re.Pattern[str] | None] = []
    places: list[dict[str, set[int]]] = [{}, {}, {}]
    free: list[tuple[int, tuple[tuple[str, ...], ...]]] = []
    needles: list[tuple[tuple[str, ...], ...]] = []
    late: list[tuple[tuple[str, ...], ...]] = []
    runs: dict[str, set[int]] = {}
    for index, pattern in enumerate(patterns):
        parsed = _parsed(pattern) if exact else _relaxed(pattern)
        compiled = None
        if parsed is not None:
            try:
                compiled = pattern if exact else _sre_compile.compile(parsed, pattern.flags)
            except Exception:
                compiled = None
        loose.append(compiled)
        needles.append(())
        late.append(())
        if compiled is None or parsed is None:
            continue
        try:
            starts = _starts(parsed)
        except (_Unindexable, RecursionError):
            starts = {("", _ANYWHERE)}
        if any(not key for key, _ in starts):
            free.append((index, _needles(parsed)))
            continue
        if min(len(key) for key, _ in starts) < _KEY - 1:
            # Short starts match many words: where the text lacks a needed word, skip.
            needles[index] = _needles(parsed)
        else:
            late[index] = _needles(parsed)
        for key, place in starts:
            if place == _IN_RUN:
                runs.setdefault(key, set()).add(index)
            else:
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
        needles=tuple(needles),
        late_needles=tuple(late),
        runs=tuple((key, tuple(sorted(ix))) for key, ix in sorted(runs.items())),
        run_members=tuple(sorted({i for ix in runs.values() for i in ix})),
    )


def _parsed(pattern: re.Pattern[str]) -> _sre_parse.SubPattern | None:
    """``pattern`` parsed, or ``None`` when it may match empty or is not plain text."""
    if pattern.flags & (re.ASCII | re.LOCALE) or not isinstance(pattern.pattern, str):
        return None
    try:
        parsed = _sre_parse.parse(pattern.pattern, pattern.flags)
        return None if parsed.getwidth()[0] == 0 else parsed
    except Exception:  # internals of re: any failure means "search as usual"
        return None


def _candidates(text: str, index: _Index) -> list[set[int]]:
    """For each indexed pattern, the offsets of ``text`` holding one of its starts."""
    found: list[set[int]] = [set() for _ in index.loose]

    def add(pos: int, patterns: Sequence[int]) -> None:
        for i in patterns:
            found[i].add(pos)

    for place in (_AT_START, _AT_END):
        tables = index.tables[place]
        if not tables:
            continue
        for length, table in tables:
            at = _keyed_offsets(text, place, length)
            # Walk the smaller of the two: a table may hold a thousand keys.
            if len(at) < len(table):
                keys = [key for key in at if key in table]
            else:
                keys = [key for key in table if key in at]
            for key in keys:
                offsets = at[key]
                for i in table[key]:
                    found[i].update(offsets)
        # Keys with a non-ASCII character are blank: try every pattern there.
        blank = _keyed_offsets(text, place, _KEY).get("", ())
        if blank:
            for i in index.members[place]:
                found[i].update(blank)
    tables = index.tables[_ANYWHERE]
    if tables and index.anywhere is not None:
        for m in index.anywhere.finditer(text):
            pos = m.start()
            for length, table in tables:
                key = text[pos : pos + length]
                if key.isascii():
                    add(pos, table.get(key.lower(), ()))
                else:
                    add(pos, index.members[_ANYWHERE])
    if index.runs:
        _add_runs(text, index, found)
    return found


def _add_runs(text: str, index: _Index, found: list[set[int]]) -> None:
    """Offsets of the _IN_RUN starts, each widened back over its run of word characters."""
    lowered = _lowered(text)
    hits: dict[int, set[int]] = {}
    for key, patterns in index.runs:
        pos = lowered.find(key)
        while pos >= 0:
            hits.setdefault(pos, set()).update(patterns)
            pos = lowered.find(key, pos + 1)
    if not text.isascii():
        # A non-ASCII character may fold onto an ASCII one: try every run pattern near it.
        for m in _NON_ASCII.finditer(text):
            for pos in range(max(0, m.start() - _KEY + 1), m.start() + 1):
                hits.setdefault(pos, set()).update(index.run_members)
    for pos, patterns in hits.items():
        start = pos
        while start > 0 and _in_run(text[start - 1]):
            start -= 1
        offsets = range(start, pos + 1)
        for i in patterns:
            found[i].update(offsets)


def _lowered(text: str) -> str:
    """``text`` lower-cased offset for offset (characters that grow become NUL)."""
    cache = _LAST_OFFSETS
    if cache.get("text") is not text:
        cache.clear()
        cache["text"] = text
    lowered = cache.get("lowered")
    if lowered is None:
        lowered = text.lower()
        if len(lowered) != len(text):
            lowered = "".join(c if len(c) == 1 else "\x00" for c in map(str.lower, text))
        cache["lowered"] = lowered
    return lowered  # type: ignore[return-value]


def _needle_free(text: str, needles: tuple[tuple[str, ...], ...]) -> bool:
    """True when ``text`` holds none of the words of one of the ``needles`` sets."""
    if not needles:
        return False
    if _LAST_LOWERED.get("text") is not text:
        # Case twins of ASCII letters hide a needle from a lower-cased text.
        plain = not any(c in _CASE_TWINS for c in set(text))
        _LAST_LOWERED.clear()
        _LAST_LOWERED.update(text=text, lowered=text.lower() if plain else None)
    lowered = _LAST_LOWERED["lowered"]
    if lowered is None:
        return False
    return any(not any(n in lowered for n in words) for words in needles)  # type: ignore[operator]


def _lacks_needles(text: str, needles: tuple[tuple[str, ...], ...]) -> bool:
    """:func:`_needle_free`, each word looked for once a text (many patterns share them)."""
    if _LAST_LOWERED.get("text") is not text:
        _needle_free(text, ((),))  # set up the lowered text
    lowered = _LAST_LOWERED["lowered"]
    if lowered is None:
        return False
    seen: dict[str, bool] = _LAST_LOWERED.setdefault("seen", {})  # type: ignore[assignment]
    for words in needles:
        for word in words:
            found = seen.get(word)
            if found is None:
                found = seen[word] = word in lowered  # type: ignore[operator]
            if found:
                break
        else:
            return True
    return False


# Candidate offsets (match attempts) from which the needles of a well indexed pattern
# are looked for first: a word looked for costs about as much as a few attempts.
_LATE_NEEDLES_FROM = 40


_LAST_LOWERED: dict[str, object] = {}


def match_positions(text: str, index: _Index) -> list[set[int]]:
    """For each pattern, every offset of ``text`` where its loosened form matches."""
    loose = index.loose
    found: list[set[int]] = []
    for i, offsets in enumerate(_candidates(text, index)):
        weak = bool(offsets and index.needles[i] and _needle_free(text, index.needles[i]))
        if weak or (
            len(offsets) >= _LATE_NEEDLES_FROM
            and index.late_needles[i]
            and _lacks_needles(text, index.late_needles[i])
        ):
            offsets = set()
        match = loose[i].match if offsets else None  # type: ignore[union-attr]
        found.append({pos for pos in offsets if match(text, pos)} if match else set())
    for i, needles in index.free:
        if _needle_free(text, needles):
            continue
        pattern = loose[i]
        m = pattern.search(text) if pattern is not None else None
        while m is not None:
            found[i].add(m.start())
            m = pattern.search(text, m.start() + 1)  # type: ignore[union-attr]
    return found


def finditer(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, trying ``pattern`` only where a match may start.

    The same matches in the same order: offsets are tried left to right, resuming
    after each match, as ``finditer`` does.
    """
    index = scanner((pattern,), exact=True)
    if index.loose[0] is None:
        return pattern.finditer(text)
    if index.free:
        if _needle_free(text, index.free[0][1]):
            return iter(())
        return pattern.finditer(text)
    if index.needles[0] and _needle_free(text, index.needles[0]):
        return iter(())
    return _from_offsets(pattern, text, sorted(_candidates(text, index)[0]))


def _from_offsets(
    pattern: re.Pattern[str], text: str, offsets: list[int]
) -> Iterator[re.Match[str]]:
    resume = 0
    for pos in offsets:
        if pos < resume:
            continue
        m = pattern.match(text, pos)
        if m is not None:
            yield m
            resume = m.end()


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
        offsets = _words(text)[place]
        lowered = _lowered(text)
        keys = [lowered[pos : pos + _KEY] for pos in offsets]
        if not text.isascii():
            # Offsets with a non-ASCII character in their first _KEY ones get no key.
            if "odd" not in cache:
                cache["odd"] = {
                    m.start() - k for m in _NON_ASCII.finditer(text) for k in range(_KEY)
                }
            odd = cache["odd"]
            keys = ["" if pos in odd else key for pos, key in zip(offsets, keys, strict=True)]
        grouped: defaultdict[str, list[int]] = defaultdict(list)
        for key, pos in zip(keys, offsets, strict=True):
            grouped[key].append(pos)
        found = dict(grouped)
    cache[(place, length)] = found
    return found


_LAST_OFFSETS: dict[object, object] = {}


def _words(text: str) -> tuple[list[int], list[int]]:
    """Starts and ends of the words of ``text`` (kept with :func:`_keyed_offsets`)."""
    cache = _LAST_OFFSETS
    if cache.get("text") is not text:
        cache.clear()
        cache["text"] = text
    if "words" not in cache:
        spans = [m.span() for m in _WORD.finditer(text)]
        cache["words"] = ([a for a, _ in spans], [b for _, b in spans])
    return cache["words"]  # type: ignore[return-value]


def patterns_within(text: str, index: _Index, start: int, end: int) -> set[int]:
    """Indices of the patterns of ``index`` with a literal start at an offset of
    ``text`` from ``start`` to ``end``: the others cannot match there.

    :func:`_candidates` for one short span, looked up word by word, for a span
    searched once (a claim's sentence): finding every pattern's offsets in the
    whole text would cost more than the span saves. Patterns without an index
    (or a key) are always listed.
    """
    out = {i for i, p in enumerate(index.loose) if p is None}
    out.update(i for i, _needles in index.free)
    lowered = _lowered(text)
    for place in (_AT_START, _AT_END):
        tables = index.tables[place]
        if not tables:
            continue
        offsets = _words(text)[place]
        lo = bisect.bisect_left(offsets, start)
        hi = bisect.bisect_right(offsets, end)
        members = index.members[place]
        for pos in offsets[lo:hi]:
            key = lowered[pos : pos + _KEY]
            if not (text[pos : pos + _KEY].isascii() and key.isascii()):
                out.update(members)  # a non-ASCII character may fold onto a key
                continue
            for length, table in tables:
                hit = table.get(key[:length])
                if hit:
                    out.update(hit)
    tables = index.tables[_ANYWHERE]
    if tables and index.anywhere is not None:
        for m in index.anywhere.finditer(text, start, end + 1):
            pos = m.start()
            for length, table in tables:
                key = text[pos : pos + length]
                if key.isascii():
                    out.update(table.get(key.lower(), ()))
                else:
                    out.update(index.members[_ANYWHERE])
    if index.runs:
        # A run start inside the span with its key further on, before the span's end.
        window = lowered[start:end]
        if not window.isascii() or not text[start:end].isascii():
            out.update(index.run_members)
        else:
            for key, patterns in index.runs:
                if key in window:
                    out.update(patterns)
    return out


def is_word(char: str) -> bool:
    """What ``\\b`` counts as a word character."""
    return char.isalnum() or char == "_"
