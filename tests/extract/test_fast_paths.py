"""The fast paths give exactly what the slow, obvious versions give.

Each shortcut taken for speed (no spaCy ``Doc`` on the rule path, memoised folding,
regex classes instead of per-character loops, interval search instead of pairwise
overlap tests) is checked here against the plain version it replaces.
"""

from __future__ import annotations

import itertools
import pickle
import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kamerkg.extract import nlp as nlp_module
from kamerkg.extract import read as read_module
from kamerkg.extract.ids import fold
from kamerkg.extract.model import Document, Span
from kamerkg.extract.nlp import find_mentions, sentences
from kamerkg.extract.patterns import (
    Candidate,
    _patterns,
    load_lexicons,
    sentence_starts,
)
from kamerkg.extract.pipeline import Extractor
from kamerkg.extract.scan import finditer

#: Sentence boundaries that are hard for a tokenizer: glued footnote marks, a full
#: stop with no blank after it, initials, abbreviations, bullets, leading blanks.
TRICKY = [
    "Kent u het artikel 'Spionage bij de haven'?1Zo ja, wat vindt u ervan?",
    "  \n\nDe minister antwoordde.Daarna sprak mw. De Boer (SP) over APT 41.",
    "Zie o.a. het rapport van W.B. Smits.Het kabinet deelt die zorg niet!Nee.",
    "Vraag 3\nIs de AIVD betrokken?\n\nAntwoord 3\nJa.\u00a0De NCTV ook.[4]Verder niets.",
    "• Vraag 1\n1. Punt één.Twee\na) Het Russische leger en de Chinese Staat.",
    "Einde zin.\u201cCitaat\u201d begint.(Tussen haakjes.)Nu verder?!Ja…Het slot",
    "",
    "   ",
]


@pytest.fixture(scope="module")
def nlp():
    """The blank pipeline fed with the curated lists, as a build uses it."""
    return Extractor("blank").nlp


@pytest.mark.parametrize("text", [t for t in TRICKY if t])
def test_rule_path_matches_the_spacy_doc_path(nlp, text):
    assert nlp_module._rule_part(nlp, 0, text) == nlp_module._spacy_part(nlp, 0, text)


def test_blank_pipeline_takes_the_rule_path(nlp, monkeypatch):
    def no_doc(*_args):
        raise AssertionError("the rule path built a spaCy Doc")

    monkeypatch.setattr(nlp_module, "_spacy_part", no_doc)
    doc = Document(source="t.txt", text="Het lid Jan Bakker (VVD) vroeg de AIVD om uitleg.")
    assert [m.text for m in find_mentions(nlp, doc)] == ["Jan Bakker", "VVD", "AIVD"]
    assert sentences(nlp, doc) == [Span(0, len(doc.text))]


def _slow_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.casefold().split())


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=120))
@settings(max_examples=300, deadline=None)
def test_fold_matches_the_unicode_definition(text):
    assert fold(text) == _slow_fold(text)
    assert fold(text) == _slow_fold(text)  # second call comes from the cache


@pytest.mark.parametrize(
    "text", ["Straße", "ÉÉN  Minister\tvan\nBZ", "İstanbul", "ﬁnance", "x" * 200 + " Ç"]
)
def test_fold_handles_non_ascii_and_long_text(text):
    assert fold(text) == _slow_fold(text)


def test_dropped_characters_are_exactly_control_surrogate_and_private_use():
    for cp in range(0x110000):
        c = chr(cp)
        category = unicodedata.category(c)
        dropped = c not in "\n\t" and category in ("Cc", "Cs", "Co")
        assert bool(read_module._DROPPED.fullmatch(c)) == dropped, hex(cp)
        stray = category == "Cc" and c not in "\n\r\t\f"
        assert bool(read_module._STRAY_CONTROL.fullmatch(c)) == stray, hex(cp)


_SLOW_URL = re.compile(r"(?:https?://|www\.)\S+|\S*\w=\S*")


@given(st.text(alphabet="ab1_=/:.hwtps \n?&é-", max_size=60))
@settings(max_examples=500, deadline=None)
def test_url_ranges_match_the_plain_regex(text):
    plain = [(m.start(), m.end()) for m in _SLOW_URL.finditer(text)]
    assert nlp_module._url_ranges(text) == plain


def _slow_select(candidates: list[Candidate]) -> list[Candidate]:
    order = sorted(
        set(candidates),
        key=lambda c: (-(c.end - c.start), nlp_module._RANK.get(c.source, 3), c.start, c.label),
    )
    chosen: list[Candidate] = []
    for c in order:
        if c.end > c.start and all(c.end <= o.start or o.end <= c.start for o in chosen):
            chosen.append(c)
    return sorted(chosen)


_spans = st.tuples(
    st.integers(0, 40),
    st.integers(0, 8),
    st.sampled_from(["Person", "Country", "Organisation"]),
    st.sampled_from(["rule", "pattern", "model"]),
)


@given(st.lists(_spans, max_size=30))
@settings(max_examples=300, deadline=None)
def test_select_matches_the_pairwise_overlap_test(items):
    candidates = [Candidate(a, a + n, label, source) for a, n, label, source in items]
    assert nlp_module._select(candidates) == _slow_select(candidates)


def test_sentence_starts_hands_out_a_fresh_list():
    text = "Eerste zin. Tweede zin. Derde zin."
    first = sentence_starts(text)
    first.append(999)
    assert sentence_starts(text) == [0, 12, 24]


def test_finish_uses_the_sentences_found_while_preparing():
    extractor = Extractor("blank")
    texts = [
        "Het lid Anouk de Wit (D66) vraagt naar APT 31. De minister zwijgt.",
        "Volgens de AIVD viel Rusland de haven aan. Het kabinet reageert.",
    ]
    prepared = [extractor.prepare_text(t, f"d{i}.txt") for i, t in enumerate(texts)]
    for item, text in zip(prepared, texts, strict=True):
        assert item.sentences == sentences(extractor.nlp, Document(source="x", text=text))
    # the pipeline cache now holds the second text; finishing the first must not matter
    finished = extractor.finish(prepared[0])
    fresh = extractor.extract_text(texts[0], "d0.txt")
    assert finished.claims == fresh.claims
    assert [a.id for a in finished.actors] == [a.id for a in fresh.actors]
    assert all(a <= b for a, b in itertools.pairwise(s.start for s in prepared[0].sentences))


_NAME_WORDS = ["Jan", "Henk-Jan", "Anouk", "van", "der", "De", "W.", "Smit", "Bakker-Smit"]


@given(st.lists(st.sampled_from([*_NAME_WORDS, " ", "\n", "-", "x", "(", "Ö"]), max_size=14))
@settings(max_examples=400, deadline=None)
def test_full_names_found_from_their_starts_match_plain_finditer(words):
    text = " ".join(words)
    pats = _patterns(load_lexicons())
    plain = [m.span() for m in pats["full"].finditer(text)]
    fast = [m.span() for m in finditer(pats["full"], text)]
    assert fast == plain


def test_prepared_documents_survive_pickling_with_their_sentences():
    extractor = Extractor("blank")
    item = extractor.prepare_text("De AIVD waarschuwt. Rusland ontkent alles.", "p.txt")
    copy = pickle.loads(pickle.dumps(item))
    assert copy.sentences == item.sentences == [Span(0, 19), Span(20, 42)]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [*sorted(load_lexicons().honorifics), "Jansen", "de", "Vries", "van", "  ", "\n"]
        ),
        max_size=5,
    )
)
def test_strip_title_matches_trying_every_title_longest_first(words):
    from kamerkg.extract.patterns import strip_title

    lex = load_lexicons()
    name = " ".join(words)
    text = " ".join(name.split())
    expected = text
    for title in sorted(lex.honorifics, key=len, reverse=True):
        if text.startswith(title + " "):
            expected = text[len(title) + 1 :]
            break
    assert strip_title(name, lex) == expected


def test_extractor_collects_the_young_generation_less_often_but_keeps_gc_on():
    import gc

    before = gc.get_threshold()
    try:
        gc.set_threshold(700, 10, 10)
        Extractor(model="blank")
        assert gc.get_threshold() == (5_000, 10, 10)
        gc.set_threshold(0)  # collection switched off by the caller stays off
        Extractor(model="blank")
        assert gc.get_threshold()[0] == 0
    finally:
        gc.set_threshold(*before)
