"""The literal-start index behind ``units_to_scan`` and ``may_match`` never hides a
matching pair; the per-document caches never return another input's answer."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kamerkg.extract.claims import actor_slots
from kamerkg.extract.model import Actor, Document, Mention, Part, Span
from kamerkg.extract.scan import finditer
from kamerkg.extract.sentences import may_match, may_match_any, split_sentences, units_to_scan

# Invented sentences; the upper-case and twin-letter copies test case folding.
TEXT = (
    "De GEÏNFORMEERDE minister werd aangestuurd door een buitenlandse dienst. "
    "Het anti-spionagebeleid is herzien na de pro-cyberaanval op de waterzuivering. "
    "Een sanctielijst en de terreurlijsten van de Unie zijn gisteren bijgewerkt. "
    "Onderzeese stroomkabels zijn beschadigd, meldt de kustwacht. "
    "Dıt ıs een ſpionagezaak met ſanctieſ."
)

PATTERNS = [
    re.compile(r"\b(?:wordt|werd)? ?(?:aangestuurd|gestuurd) door\b", re.IGNORECASE),
    re.compile(r"(?<=-)(?:cyber)?(?:aanval|spionage)\w*", re.IGNORECASE),
    re.compile(r"\b[\w-]*(?:sanctie|terreur)l[ij]jst\w*\b", re.IGNORECASE),
    re.compile(r"\b(?:\w*kabels?|\w*leidingen?)\s+(?:zijn\s+)?beschadigd\b", re.IGNORECASE),
    re.compile(r"\bgeïnformeerd\w*", re.IGNORECASE),
    re.compile(r"\bspionage\w*", re.IGNORECASE),
    re.compile(r"\bsancties\b", re.IGNORECASE),
    re.compile(r"\bdit\s+is\b", re.IGNORECASE),
    re.compile(r"[A-Z]{2,}"),
    re.compile(r"\bUnie\b"),
]


def _needed(text: str, patterns: list[re.Pattern[str]]) -> list[set[int]]:
    units = split_sentences(text)
    return [{i for i, p in enumerate(patterns) if p.search(text, u.start, u.end)} for u in units]


@pytest.mark.parametrize("text", [TEXT, TEXT.upper(), TEXT.lower(), TEXT.replace("s", "ſ")])
def test_every_matching_pair_is_planned(text: str) -> None:
    plan = units_to_scan(text, split_sentences(text), PATTERNS)
    needed = _needed(text, PATTERNS)
    for scan, must in zip(plan, needed, strict=True):
        assert must <= set(scan)
    assert any(needed)


def test_units_without_a_start_are_skipped() -> None:
    text = "Niets aan de hand. De kabels zijn beschadigd."
    plan = units_to_scan(text, split_sentences(text), PATTERNS[3:4])
    assert plan == [[], [0]]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "werd",
                " aangestuurd",
                "door",
                "anti-",
                "cyberaanval",
                "SANCTIELIJST",
                "terreurlijsten",
                "stroomkabels",
                "zijn",
                "beschadigd",
                "GEÏNFORMEERD",
                "ſpionage",
                "ſanctieſ",
                "Dıt",
                "ıs",
                "Unie",
                ". ",
                " ",
                "-",
            ]
        ),
        max_size=30,
    )
)
def test_random_texts_never_lose_a_pair(words: list[str]) -> None:
    text = " ".join(words)
    plan = units_to_scan(text, split_sentences(text), PATTERNS)
    for scan, must in zip(plan, _needed(text, PATTERNS), strict=True):
        assert must <= set(scan)


@pytest.mark.parametrize("text", [TEXT, TEXT.upper()])
def test_may_match_is_false_only_without_a_match(text: str) -> None:
    spans = [*split_sentences(text), Span(0, 9), Span(5, 40), Span(len(text) - 12, len(text))]
    for span in spans:
        for pattern in PATTERNS:
            if any(True for _ in pattern.finditer(text, span.start, span.end)):
                assert may_match(text, span, pattern)
    assert not may_match(text, Span(0, 2), PATTERNS[2])


@pytest.mark.parametrize("text", [TEXT, TEXT.upper(), TEXT.replace("s", "ſ")])
def test_may_match_any_leaves_out_only_patterns_without_a_match(text: str) -> None:
    spans = [*split_sentences(text), Span(0, 9), Span(5, 40), Span(len(text) - 12, len(text))]
    table = tuple(PATTERNS)
    for span in spans:
        may = may_match_any(text, span, table)
        for i, pattern in enumerate(PATTERNS):
            if any(True for _ in pattern.finditer(text, span.start, span.end)):
                assert may is None or i in may
    # A sentence without a start of the table's patterns is searched with none of them.
    quiet = "Niets te melden. Een hack"
    assert may_match_any(quiet, Span(0, 16), table) == {8}  # "[A-Z]{2,}" starts at any letter


def _slots_input() -> tuple[Document, list[Actor], list[Mention]]:
    text = "Het bedrijf Acme Corp werkt voor Ruritanië. Dit bedrijf zit ook in Ruritanië."
    doc = Document(source="a.txt", text=text, parts=[Part("body", Span(0, len(text)))])
    actors = [
        Actor("acme", "Acme Corp", "Company"),
        Actor("acme-kort", "Acme", "Company"),
        Actor("ruritanie", "Ruritanië", "Country"),
    ]
    mentions = [
        Mention(Span(12, 21), "Acme Corp", "ORG", actor_id="acme"),
        Mention(Span(12, 16), "Acme", "ORG", actor_id="acme-kort"),
        Mention(Span(33, 42), "Ruritanië", "GPE", actor_id="ruritanie"),
        Mention(Span(68, 77), "Ruritanië", "GPE", actor_id="ruritanie"),
    ]
    return doc, actors, mentions


def test_actor_slots_keep_the_longest_and_resolve_anaphors() -> None:
    doc, actors, mentions = _slots_input()
    slots = actor_slots(doc, actors, mentions)
    assert [(s.actor_id, s.via) for s in slots] == [
        ("acme", "mention"),
        ("ruritanie", "mention"),
        ("acme", "anaphor"),
        ("ruritanie", "mention"),
    ]
    assert actor_slots(doc, actors, mentions) == slots  # the cached answer
    # A mention resolved differently afterwards must not get the cached answer.
    mentions[0].actor_id = "ruritanie"
    assert actor_slots(doc, actors, mentions)[0].actor_id == "ruritanie"


def _lexicon_patterns() -> list[re.Pattern[str]]:
    from kamerkg.extract.patterns import _patterns, load_lexicons

    lex = load_lexicons()
    return [*_patterns(lex).values(), *(p for p, _, _ in lex.codes), *PATTERNS]


FINDITER_TEXTS = [
    TEXT,
    TEXT.upper(),
    "De heer Jan de Vries (VVD) en mw. Pietersen spraken met APT 31 en UNC1151. "
    "Minister Van der Berg, directeur van Acme Corp, en Storm-0558 op 3 mei.",
    "ADVANCED PERSISTENT THREAT 28 – ſtorm-1234 Dev-0537 İstanbul K.L. Jansen",
]


@pytest.mark.parametrize("text", FINDITER_TEXTS)
def test_finditer_gives_what_re_gives(text: str) -> None:
    for pattern in _lexicon_patterns():
        expected = [(m.span(), m.groups()) for m in pattern.finditer(text)]
        assert [(m.span(), m.groups()) for m in finditer(pattern, text)] == expected


def test_part_at_matches_the_innermost_part_after_changes() -> None:
    from kamerkg.extract.model import _innermost

    parts = [
        Part("question", Span(0, 20)),
        Part("answer", Span(20, 40)),
        Part("body", Span(5, 10)),
        Part("body", Span(5, 10)),
        Part("answer", Span(30, 30)),
    ]
    doc = Document(source="a.txt", text="x" * 45, parts=parts)
    for _step in range(2):
        spans = tuple(p.span for p in parts)
        assert [doc.part_at(i) for i in range(-1, 46)] == [
            _innermost(spans, i) for i in range(-1, 46)
        ]
        parts[1].span = Span(15, 44)  # a part moved afterwards: no stale answer
    assert doc.part_at(7) == 3 and doc.part_at(43) == 1 and doc.part_at(44) is None


def test_slots_within_matches_a_plain_filter() -> None:
    from kamerkg.extract.claims import ActorSlot, slots_within

    ordered = [ActorSlot(a, a + w, f"x{a}", "Country") for a, w in [(0, 3), (2, 9), (5, 2), (9, 1)]]
    shuffled = [ordered[2], ordered[0], ordered[3], ordered[1]]
    for slots in (ordered, shuffled, []):
        for start in range(0, 12):
            for end in range(start, 13):
                span = Span(start, end)
                plain = [s for s in slots if start <= s.start and s.end <= end]
                assert slots_within(slots, span) == plain


def test_word_run_prefix_is_indexed_and_finds_every_start() -> None:
    """ "\\b[\\w-]*spionage" is no longer searched at every offset, yet finds each compound."""
    from kamerkg.extract.scan import match_positions, scanner

    pattern = re.compile(r"\b(?:[\w-]*spionage(?:zaak)?|hacks?)\b", re.IGNORECASE)
    index = scanner((pattern,))
    assert not index.free and index.runs
    text = "Cyber-spionage, bedrijfsspionage en ſpionagezaak; een hack. Geen spion."
    expected = {pos for pos in range(len(text)) if index.loose[0].match(text, pos)}
    assert match_positions(text, index)[0] == expected
    assert [m.group(0) for m in finditer(pattern, text)] == [
        m.group(0) for m in pattern.finditer(text)
    ]


@pytest.mark.parametrize("gap", [" ", "  ", "\t", " \t ", "\n", "\n  "])
def test_repeated_blanks_before_a_word_give_long_starts(gap: str) -> None:
    """ "(?:werd)?[ \\t]+beheerd": the start runs on past the blank into the word, so
    the pattern is tried where " beh" stands, not after every word of the text."""
    from kamerkg.extract.scan import _AT_END, _AT_START, _relaxed, _starts, match_positions, scanner

    pattern = re.compile(r"\b(?:werd|is)?(?:[ \t]+|[ \t]*\n[ \t]*)?(?:beheerd|bestuurd)\b", re.I)
    starts = _starts(_relaxed(pattern))
    assert (" beh", _AT_END) in starts and ("is\tb", _AT_START) in starts
    assert all(len(key) == 4 for key, _ in starts)  # no bare " " after every word
    text = f"Het fonds werd{gap}beheerd door de staat; het is{gap}BESTUURD en niet bestuurd."
    index = scanner((pattern,))
    expected = {pos for pos in range(len(text)) if index.loose[0].match(text, pos)}
    assert match_positions(text, index)[0] == expected
    assert [m.span() for m in finditer(pattern, text)] == [m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize(
    "text",
    [
        "De groep sloeg toe.\nDe hackersgroep zweeg. Stichting-dochter en Acme-afdeling.",
        "de Groep.\n\nDE HACKERSGROEP; x-Dochter -dochter İ-afdeling Dochter",
    ],
)
def test_line_start_and_after_word_anchors_are_indexed(text: str) -> None:
    """ "^De" and "(?<=\\w)-" key on word starts and word ends, not on every "d" or "-",
    and still find every match."""
    from kamerkg.extract.scan import _ANYWHERE, _relaxed, _starts, match_positions, scanner

    patterns = [
        re.compile(r"(?:^|(?<=\n))(?-i:De) (?:hackers)?groep\b", re.IGNORECASE | re.MULTILINE),
        re.compile(r"(?<=\w)-(?:dochter|afdeling)\b", re.IGNORECASE),
        re.compile(r"(?<=\w)dochter|^-afdeling", re.IGNORECASE | re.MULTILINE),
    ]
    assert all(place != _ANYWHERE for p in patterns[:2] for _, place in _starts(_relaxed(p)))
    # A word character after "(?<=\w)", a "-" after "^": neither is a word start or end.
    assert {place for _, place in _starts(_relaxed(patterns[2]))} == {_ANYWHERE}
    index = scanner(tuple(patterns))
    for i, pattern in enumerate(patterns):
        expected = {pos for pos in range(len(text)) if index.loose[i].match(text, pos)}
        assert match_positions(text, index)[i] == expected
        assert [m.span() for m in finditer(pattern, text)] == [
            m.span() for m in pattern.finditer(text)
        ]


@pytest.mark.parametrize("tail", ["", " Het oude spionagedossier.", " HET NIEUWE SPIONAGEDOSSIER"])
def test_late_needles_skip_only_patterns_whose_words_are_missing(tail: str) -> None:
    """A well indexed pattern with many candidate offsets ("het ") is skipped when the
    text lacks a word every match holds, and finds every match when it has one."""
    from kamerkg.extract.scan import _LATE_NEEDLES_FROM, match_positions, scanner

    pattern = re.compile(r"\bhet\s+(?:\w+\s+)?spionagedossier\b", re.IGNORECASE)
    index = scanner((pattern, PATTERNS[0]))
    assert index.late_needles[0] and not index.needles[0]
    text = "Het kabinet weet het niet. " * _LATE_NEEDLES_FROM + tail
    expected = {pos for pos in range(len(text)) if index.loose[0].match(text, pos)}
    assert match_positions(text, index)[0] == expected
    assert bool(expected) == bool(tail)
