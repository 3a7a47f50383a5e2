"""Shortcuts of claims/events: the trigger scan plan and the unit cache change no result."""

from __future__ import annotations

import re

import pytest

from kamerkg.extract.claims import load_triggers
from kamerkg.extract.events import _incident_triggers, _response_triggers
from kamerkg.extract.model import Document, Part, Span
from kamerkg.extract.sentences import sentence_units, split_sentences, units_to_scan

TEXT = (
    "Vraag 1 Bent u bekend met de cyberaanval op het waterschap? "
    "De minister van Justitie heeft sancties opgelegd aan twee Russische burgers. "
    "Het onderzoek naar de hack loopt nog. Er zijn geen aanwijzingen dat de haven is aangevallen. "
    "De AIVD schrijft de spionage toe aan APT29, dat eerder ministeries hackte. "
    "Onderzoek\n\nNaar de hack van gisteren wordt door de politie een onderzoek ingesteld"
)

EDGE_PATTERNS = [
    re.compile(r"\bhack\b(?! van)"),  # negative lookahead past the unit's end
    re.compile(r"onderzoek$"),  # end of string: only at the unit's end
    re.compile(r"onderzoek\B"),  # not-a-boundary at the unit's end
    re.compile(r"\bonder\b"),  # word cut at the unit's end
    re.compile(r"(?i)ONDERZOEK(?=\s)"),
    re.compile(r"(?<!het )onderzoek", re.IGNORECASE),
    re.compile(r"(?P<t>aangevallen|hackte)\b(?! door)"),
    re.compile(r"(?>a+)n"),  # atomic group: always scanned
    re.compile(r"x*"),  # may match empty: always scanned
]


def _brute(text: str, units: list[Span], patterns: list[re.Pattern[str]]) -> list[set[int]]:
    return [
        {i for i, p in enumerate(patterns) if any(True for _ in p.finditer(text, u.start, u.end))}
        for u in units
    ]


def _all_triggers() -> list[re.Pattern[str]]:
    return [
        *(t.pattern for t in load_triggers()),
        *(t.pattern for t in _incident_triggers()),
        *(t.pattern for t in _response_triggers()),
    ]


@pytest.mark.parametrize("patterns", [EDGE_PATTERNS, _all_triggers()])
def test_plan_never_misses_a_matching_pair(patterns: list[re.Pattern[str]]) -> None:
    units = split_sentences(TEXT)
    # Also units cut inside words and touching each other.
    units += [Span(0, 26), Span(26, 60), Span(TEXT.index("Onderzoek"), TEXT.index("Onderzoek") + 5)]
    for chosen in (sorted(set(units)), units):
        plan = units_to_scan(TEXT, chosen, patterns)
        brute = _brute(TEXT, chosen, patterns)
        for scan, needed in zip(plan, brute, strict=True):
            assert needed <= set(scan)
            assert scan == sorted(scan)


def test_plan_skips_units_without_a_match() -> None:
    units = split_sentences(TEXT)
    plan = units_to_scan(TEXT, units, [re.compile(r"\bsancties\b"), re.compile(r"\bAPT29\b")])
    assert sum(1 for scan in plan if scan) == 2
    assert units_to_scan(TEXT, [], EDGE_PATTERNS) == []


def test_unit_end_edge_cases_are_scanned() -> None:
    text = "Het onderzoek. Een hack van de haven."
    units = [Span(0, 13), Span(15, 23), Span(15, 37)]
    plan = units_to_scan(text, units, EDGE_PATTERNS[:4])
    assert 1 in plan[0]  # "onderzoek$" matches at the end of the first unit only
    assert 0 in plan[1]  # "hack" followed by " van" only outside the cut unit
    assert _brute(text, units, EDGE_PATTERNS[:4])[1] == {0}


def _document() -> Document:
    # No full stop before the answer heading: only the part border splits the sentence.
    text = "Vraag 1 Is de haven gehackt Antwoord 1 Ja de haven is gehackt door APT28"
    split = text.index("Antwoord")
    return Document(
        source="t.txt",
        text=text,
        parts=[Part("question", Span(0, split - 1), 1), Part("answer", Span(split, len(text)), 1)],
    )


def test_sentence_units_cache_follows_the_document() -> None:
    document = _document()
    whole = [Span(0, len(document.text))]
    first = sentence_units(document, whole)
    assert len(first) == 2
    again = sentence_units(document, whole)
    assert again == first and again is not first
    again.clear()  # a caller changing its list does not change the cache
    assert sentence_units(document, whole) == first
    document.parts = []
    assert sentence_units(document, whole) == whole
    document.text = document.text.replace("haven", "markt")
    assert document.slice(sentence_units(document, whole)[0]).startswith("Vraag 1 Is de markt")
    assert sentence_units(document, []) == split_sentences(document.text)
