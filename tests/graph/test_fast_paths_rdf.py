"""``extraction_triples`` (the build's fast path) holds exactly the triples of the graph."""

from __future__ import annotations

from kamerkg.extract.pipeline import Extractor
from kamerkg.graph.rdf import extraction_graph, extraction_triples, iter_quads

TEXT = """Vraag 1
Bent u bekend met het bericht dat de hackersgroep APT29 het ministerie van Buitenlandse Zaken
heeft aangevallen op 3 maart 2024?

Antwoord 1
Ja. De AIVD schrijft de aanval toe aan Rusland. Het kabinet heeft sancties ingesteld.
"""


def test_triples_equal_graph() -> None:
    extraction = Extractor("blank").extract_text(TEXT, "kv-test.txt")
    triples = extraction_triples(extraction)
    graph = extraction_graph(extraction)
    assert set(triples) == set(graph)
    assert len(graph) > 20
    quads = list(iter_quads(extraction))
    assert len(quads) == len(graph) == len({q[:3] for q in quads})
