"""Property tests: the extractor and the RDF mapping hold on any text.

For arbitrary Unicode (and for texts put together from Dutch parliamentary fragments,
RTL and combining characters, NUL, brackets and very long words) the extractor never
raises, every evidence span lies in the document text, every IRI is well formed, and
the graph survives Turtle and N-Triples unchanged.
"""

from __future__ import annotations

import functools
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef

from kamerkg.extract.pipeline import Extractor
from kamerkg.graph.rdf import extraction_graph
from kamerkg.ontology import OA

FRAGMENTS = [
    "Vraag 1",
    "Vraag 2\n",
    "Antwoord op vraag 1",
    "Antwoord op vraag 1 t/m 3",
    "Antwoord op vragen 2 en 3\n",
    "Zie het antwoord op vraag 1.",
    "Mededeling\n",
    "Vragen van het lid Jansen (VVD) aan de minister van Defensie",
    "(ingezonden 31 februari 2023)",
    "Kent u het bericht ‘China bespioneert Nederland’?",
    "De AIVD stelt dat APT31 deel uitmaakt van het Chinese ministerie.",
    "Het kabinet heeft de ambassadeur van Rusland ontboden.",
    "Volgens de media zou Iran achter de aanslag zitten.",
    "Het is niet bekend of Noord-Korea betrokken is.",
    "inlichtingen-\nen veiligheidsdiensten",
    "informatie-\nvergaring",
    "1)",
    "[2]",
    "((((",
    "]]]]",
    "§ 3.1",
    "2024Z01234",
    "12 maart 2024",
    "ﺍﻟﻤﺨﺎﺑﺮﺍﺕ",  # Arabic (RTL) presentation forms
    "\u202eRusland\u202c",  # right-to-left override
    "e\u0301e\u0308\u0327",  # combining accents
    "\x00",
    "\r\n",
    "\t",
    "\u00a0",
    "\u2028",
    "\ufeff",
    "\ud7ff\ue000",
    "𝔄𝔓𝔗 31 🇳🇱",
    "x" * 3000,
    "Spionage" * 400,
    "\n\n",
    " ",
    ". ",
    "? ",
]
TEXTS = st.one_of(
    st.text(max_size=400),
    st.lists(st.sampled_from(FRAGMENTS), max_size=30).map("".join),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=20)), max_size=20).map(
        " ".join
    ),
)
# RFC 3987 excludes these from IRIs, and so does N-Triples.
_BAD_IRI = re.compile(r'[\x00-\x20<>"{}|\\^`\x7f-\x9f\u2028\u2029\ufeff]')
BOUNDED = settings(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)


@functools.cache
def extractor() -> Extractor:
    return Extractor("blank")


@BOUNDED
@given(TEXTS)
def test_extractor_never_raises_and_spans_index_the_text(text):
    extraction = extractor().extract_text(text, "kv.txt")
    doc = extraction.document
    items = [*extraction.claims, *extraction.incidents, *extraction.responses]
    for item in items:
        span = item.evidence
        assert 0 <= span.start <= span.end <= len(doc.text)
        assert doc.slice(span) == doc.text[span.start : span.end]
    for part in doc.parts:
        assert 0 <= part.span.start <= part.span.end <= len(doc.text)
    for actor in extraction.actors:
        for span in actor.mentions:
            assert 0 <= span.start <= span.end <= len(doc.text)


@BOUNDED
@given(TEXTS, st.sampled_from(["kv.txt", "Brief 12 (concept).pdf", "<a>&b\u202e.html", "é.txt"]))
def test_graph_iris_are_valid_and_both_syntaxes_round_trip(text, source):
    extraction = extractor().extract_text(text, source)
    graph = extraction_graph(extraction)
    assert len(graph) > 0
    for triple in graph:
        for term in triple:
            if isinstance(term, URIRef):
                assert (
                    term.startswith("https://")
                    or term.startswith("http://www.w3.org/")
                    or term.startswith("http://purl.org/")
                ), term
                assert not _BAD_IRI.search(term), term
    # Every quoted evidence is the document text at its offsets.
    doc = extraction.document
    for selector, exact in graph.subject_objects(OA.exact):
        start = int(graph.value(selector, OA.start))
        end = int(graph.value(selector, OA.end))
        assert str(exact) == doc.text[start:end]
    for fmt in ("turtle", "nt"):
        data = graph.serialize(format=fmt, encoding="utf-8")
        back = Graph().parse(data=data, format=fmt)
        assert set(back) == set(graph), fmt


def test_a_literal_with_every_awkward_character_round_trips():
    text = 'a\x00b\x1fc"d\\e\nf\rg\u2028h\ufeffi\u202ej'
    graph = Graph()
    graph.add((URIRef("https://w3id.org/kamerkg/id/x"), OA.exact, Literal(text)))
    for fmt in ("turtle", "nt"):
        back = Graph().parse(data=graph.serialize(format=fmt, encoding="utf-8"), format=fmt)
        assert set(back) == set(graph), fmt
