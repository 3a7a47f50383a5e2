"""``ontology/namespace.py`` (class KKG) and ``ontology/kamerkg.ttl`` stay in sync."""

from __future__ import annotations

import pytest
from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef

from kamerkg.ontology import KKG, ONTOLOGY_FILE

NS = str(KKG._NS)
DECLARATIONS = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual}


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(data=ONTOLOGY_FILE.read_text(encoding="utf-8"), format="turtle")


def _kkg_terms() -> list[URIRef]:
    return sorted(KKG[name] for name in KKG.__annotations__)


def _texts(graph: Graph, term: URIRef, predicate: URIRef, lang: str) -> list[str]:
    return [
        str(o)
        for o in graph.objects(term, predicate)
        if isinstance(o, Literal) and o.language == lang and str(o).strip()
    ]


def test_namespace_lists_terms():
    # Guards the helper: an empty list would make every sync test pass vacuously.
    assert len(_kkg_terms()) > 40
    assert KKG.attributedTo in _kkg_terms()


@pytest.mark.parametrize("term", _kkg_terms(), ids=lambda t: t.removeprefix(NS))
def test_every_namespace_term_is_declared(ontology: Graph, term: URIRef):
    types = set(ontology.objects(term, RDF.type))
    assert types & DECLARATIONS, f"{term} has no owl declaration in kamerkg.ttl"
    for lang in ("nl", "en"):
        assert len(_texts(ontology, term, RDFS.label, lang)) == 1, f"{term} rdfs:label @{lang}"
        assert _texts(ontology, term, RDFS.comment, lang), f"{term} rdfs:comment @{lang}"


@pytest.mark.parametrize("term", _kkg_terms(), ids=lambda t: t.removeprefix(NS))
def test_declaration_kind_matches_the_name(ontology: Graph, term: URIRef):
    # Upper case names are classes; lower case ones are properties or stances.
    types = set(ontology.objects(term, RDF.type))
    local = term.removeprefix(NS)
    if local[0].isupper():
        assert OWL.Class in types
    elif (term, RDF.type, KKG.Stance) in ontology:
        assert OWL.NamedIndividual in types
    else:
        assert types & {OWL.ObjectProperty, OWL.DatatypeProperty}
        assert not {OWL.ObjectProperty, OWL.DatatypeProperty} <= types


def test_every_kkg_iri_in_the_ontology_is_in_the_namespace(ontology: Graph):
    # Subjects and objects alike: a typo in a range (kkg:Organization) fails here.
    used = {
        node
        for triple in ontology
        for node in triple
        if isinstance(node, URIRef) and str(node).startswith(NS)
    }
    unknown = sorted(used - set(_kkg_terms()))
    assert not unknown, f"kkg terms in kamerkg.ttl missing from KKG: {unknown}"


def test_the_four_stances_are_the_individuals(ontology: Graph):
    individuals = sorted(ontology.subjects(RDF.type, KKG.Stance))
    assert individuals == sorted([KKG.asserted, KKG.reported, KKG.unconfirmed, KKG.denied])
