"""``ontology/kamerkg.ttl`` and ``ontology/shapes.ttl``: they parse, reuse real standard
terms, and agree with the data contract of ``extract/model.py``."""

from __future__ import annotations

import pyshacl
import pytest
from rdflib import OWL, RDF, RDFS, SKOS, Graph, Literal, URIRef
from rdflib import namespace as rns
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, SH, VANN, DefinedNamespaceMeta

from kamerkg.extract.model import ACTOR_TYPES, RELATIONS, STANCES
from kamerkg.ontology import KKG, ONTOLOGY_FILE, SHAPES_FILE

ONTOLOGY_IRI = URIRef("https://w3id.org/kamerkg/ns")
OA = "http://www.w3.org/ns/oa#"
# rdflib has no closed namespace for the Web Annotation vocabulary; these are the
# terms of https://www.w3.org/TR/annotation-vocab/ that kamerkg may use.
OA_TERMS = {
    OA + name
    for name in [
        "Annotation",
        "SpecificResource",
        "Selector",
        "TextPositionSelector",
        "TextQuoteSelector",
        "start",
        "end",
        "exact",
        "prefix",
        "suffix",
        "hasSelector",
        "hasSource",
        "hasTarget",
        "hasBody",
    ]
}
# Closed rdflib namespaces: `iri in NS` is False for a term the vocabulary lacks.
CLOSED: tuple[DefinedNamespaceMeta, ...] = (
    RDF,
    RDFS,
    OWL,
    rns.XSD,
    SKOS,
    DCTERMS,
    PROV,
    ORG,
    FOAF,
    VANN,
    SH,
)
OWN = (str(KKG._NS), "https://w3id.org/kamerkg/")


def _parse(resource) -> Graph:
    return Graph().parse(data=resource.read_text(encoding="utf-8"), format="turtle")


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return _parse(ONTOLOGY_FILE)


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return _parse(SHAPES_FILE)


def _is_known(iri: str) -> bool:
    if iri.startswith(OWN):
        return True
    if iri.startswith(OA):
        return iri in OA_TERMS
    return any(iri.startswith(str(ns._NS)) and iri in ns for ns in CLOSED)


def _vocabulary_iris(graph: Graph) -> set[str]:
    """IRIs used as predicate, class or super-term: the ones a typo would break."""
    term_positions = {
        RDF.type,
        RDFS.subClassOf,
        RDFS.subPropertyOf,
        RDFS.domain,
        RDFS.range,
        OWL.inverseOf,
        SH.path,
        SH["class"],
        SH.datatype,
        SH.targetClass,
    }
    iris = {str(p) for p in graph.predicates()}
    iris |= {str(o) for s, p, o in graph if p in term_positions and isinstance(o, URIRef)}
    return {i for i in iris if not i.startswith("https://opensource.org/")}


def test_is_known_rejects_typos():
    # Guards the helper the next tests rely on.
    assert _is_known(str(ORG.memberOf))
    assert not _is_known("http://www.w3.org/ns/org#membersOf")
    assert not _is_known(OA + "hasStart")
    assert not _is_known("http://example.org/x")


def test_ontology_header(ontology: Graph):
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ontology
    for predicate in (DCTERMS.title, DCTERMS.description):
        langs = {o.language for o in ontology.objects(ONTOLOGY_IRI, predicate)}
        assert {"en", "nl"} <= langs
    assert ontology.value(ONTOLOGY_IRI, OWL.versionInfo) is not None


@pytest.mark.parametrize("name", ["ontology", "shapes"])
def test_standard_terms_exist(name: str, request):
    graph = request.getfixturevalue(name)
    unknown = sorted(i for i in _vocabulary_iris(graph) if not _is_known(i))
    assert not unknown, f"terms not in their standard vocabulary: {unknown}"


@pytest.mark.parametrize(
    ("term", "relation", "parent"),
    [
        (KKG.memberOf, RDFS.subPropertyOf, ORG.memberOf),
        (KKG.holdsOffice, RDFS.subPropertyOf, ORG.holds),
        (KKG.takenBy, RDFS.subPropertyOf, PROV.wasAssociatedWith),
        (KKG.answeredOn, RDFS.subPropertyOf, DCTERMS.date),
        (KKG.askedBy, RDFS.subPropertyOf, DCTERMS.creator),
        (KKG.answeredBy, RDFS.subPropertyOf, DCTERMS.contributor),
        (KKG.Office, RDFS.subClassOf, ORG.Post),
        (KKG.Actor, RDFS.subClassOf, PROV.Agent),
        (KKG.Claim, RDFS.subClassOf, RDF.Statement),
        (KKG.Document, RDFS.subClassOf, PROV.Entity),
        (KKG.StateResponse, RDFS.subClassOf, PROV.Activity),
        (KKG.Incident, RDFS.subClassOf, PROV.Activity),
        (KKG.Question, RDFS.subClassOf, KKG.Part),
        (KKG.Answer, RDFS.subClassOf, KKG.Part),
        (KKG.textSpan, RDFS.range, URIRef(OA + "Selector")),
    ],
)
def test_alignment_with_standard_vocabularies(ontology: Graph, term, relation, parent):
    assert (term, relation, parent) in ontology


def test_actor_classes_match_the_model(ontology: Graph):
    actors = {
        str(c).removeprefix(str(KKG._NS)) for c in ontology.subjects(RDFS.subClassOf, KKG.Actor)
    }
    assert actors == set(ACTOR_TYPES)
    for name in ("Organisation", "Company", "GovernmentBody", "PoliticalParty"):
        assert (KKG[name], RDFS.subClassOf, ORG.Organization) in ontology


def test_relations_are_actor_to_actor(ontology: Graph):
    for relation in RELATIONS:
        assert (KKG[relation], RDF.type, OWL.ObjectProperty) in ontology
        assert ontology.value(KKG[relation], RDFS.domain) == KKG.Actor
        assert ontology.value(KKG[relation], RDFS.range) == KKG.Actor


def test_stances_form_a_skos_scheme(ontology: Graph):
    schemes = set(ontology.subjects(RDF.type, SKOS.ConceptScheme))
    assert len(schemes) == 1
    scheme = schemes.pop()
    for stance in STANCES:
        assert (KKG[stance], RDF.type, SKOS.Concept) in ontology
        assert (KKG[stance], SKOS.inScheme, scheme) in ontology
        assert ontology.value(KKG[stance], SKOS.notation) == Literal(stance)


def test_properties_have_the_right_kind_of_range(ontology: Graph):
    for prop in ontology.subjects(RDF.type, OWL.DatatypeProperty):
        assert str(ontology.value(prop, RDFS.range)).startswith(str(rns.XSD._NS)), prop
    for prop in ontology.subjects(RDF.type, OWL.ObjectProperty):
        rng = ontology.value(prop, RDFS.range)
        assert rng is None or not str(rng).startswith(str(rns.XSD._NS)), prop


def _sh_in(shapes: Graph, path: URIRef) -> set:
    values = set()
    for shape in shapes.subjects(SH.path, path):
        for head in shapes.objects(shape, SH["in"]):
            values |= set(Collection(shapes, head))
    return values


def test_shapes_use_the_contract_lists(shapes: Graph):
    assert _sh_in(shapes, RDF.predicate) == {KKG[r] for r in RELATIONS}
    assert _sh_in(shapes, KKG.stance) == {KKG[s] for s in STANCES}


def test_shapes_only_use_namespace_terms(shapes: Graph):
    used = {
        n for t in shapes for n in t if isinstance(n, URIRef) and str(n).startswith(str(KKG._NS))
    }
    known = {KKG[name] for name in KKG.__annotations__}
    assert used, "the shapes should mention kkg terms"
    assert not sorted(used - known)


def test_every_shape_constraint_has_a_message(shapes: Graph):
    # Property shapes, and targeted shapes with constraints of their own; shapes
    # nested in sh:or / sh:not take the message of the shape around them.
    targets = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)
    own = (SH.path, SH["or"], SH["not"], SH["and"], SH["class"], SH.datatype)
    checked = set(shapes.objects(None, SH.property))
    for target in targets:
        for shape in shapes.subjects(target, None):
            if any((shape, c, None) in shapes for c in own):
                checked.add(shape)
    assert len(checked) > 50
    for shape in checked:
        messages = list(shapes.objects(shape, SH.message))
        assert messages, f"shape {shape} on {shapes.value(shape, SH.path)} has no sh:message"


def test_shapes_are_well_formed_shacl(shapes: Graph):
    # pyshacl's meta validation checks the shapes against SHACL's own shapes.
    conforms, _, text = pyshacl.validate(Graph(), shacl_graph=shapes, meta_shacl=True)
    assert conforms, text
