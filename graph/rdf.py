"""Extraction to RDF: the triples of one document, in the public vocabulary.

Every term comes from ``kamerkg.ontology``; every IRI is derived from a canonical
name or the document's file name, so two builds and two documents naming the same
actor meet in one node.

Examples
--------
>>> from kamerkg.extract.model import Actor, Document, Extraction
>>> doc = Document(source="a.txt", text="APT31 valt aan.")
>>> ex = Extraction(document=doc, actors=[Actor("apt31", "APT31", "ThreatActor")])
>>> g = extraction_graph(ex)
>>> (document_iri(doc), KKG.mentions, actor_iri("apt31")) in g
True
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import PurePath

from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV

from kamerkg.extract.ids import short_hash, slug
from kamerkg.extract.model import Claim, Document, Extraction, Span
from kamerkg.ontology import ID, KKG, OA, ORG

__all__ = [
    "actor_iri",
    "bind_prefixes",
    "document_iri",
    "extraction_graph",
    "extraction_triples",
    "iter_quads",
    "office_iri",
]

_PART_PATHS = {"question": "question", "answer": "answer", "notice": "notice-part"}


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the prefixes every kamerkg output uses, for readable Turtle."""
    for prefix, ns in (
        ("kkg", KKG._NS),
        ("id", ID),
        ("oa", OA),
        ("org", ORG),
        ("prov", PROV),
        ("dcterms", DCTERMS),
        ("skos", SKOS),
    ):
        graph.bind(prefix, ns, override=True)
    return graph


def document_iri(document: Document) -> URIRef:
    """The document's IRI, from its file name without extension."""
    return ID[f"doc/{slug(PurePath(document.source).stem)}"]


def actor_iri(actor_id: str) -> URIRef:
    return ID[f"actor/{actor_id}"]


def office_iri(label: str) -> URIRef:
    return ID[f"office/{slug(label)}"]


def _span_node(
    graph: list[tuple], doc_iri: URIRef, document: Document, span: Span, exact: bool
) -> URIRef:
    node = URIRef(f"{doc_iri}/span/{span.start}-{span.end}")
    graph.append((node, _t(RDF, "type"), _t(OA, "TextPositionSelector")))
    graph.append((node, _t(OA, "start"), _count(span.start)))
    graph.append((node, _t(OA, "end"), _count(span.end)))
    if exact:
        graph.append((node, _t(RDF, "type"), _t(OA, "TextQuoteSelector")))
        graph.append((node, _t(OA, "exact"), Literal(document.slice(span))))
    return node


def _part_iris(doc_iri: URIRef, document: Document) -> list[URIRef]:
    iris: list[URIRef] = []
    for i, part in enumerate(document.parts):
        path = _PART_PATHS.get(part.kind)
        iri = URIRef(f"{doc_iri}/{path}/{part.number}") if path and part.number else None
        # A number seen twice (a question repeated in the letter) falls back to the index.
        iris.append(iri if iri is not None and iri not in iris else URIRef(f"{doc_iri}/part/{i}"))
    return iris


def _document(graph: list[tuple], doc_iri: URIRef, document: Document) -> list[URIRef]:
    graph.append((doc_iri, _t(RDF, "type"), _t(KKG, "Document")))
    graph.append((doc_iri, _t(DCTERMS, "source"), Literal(document.source)))
    graph.append((doc_iri, _t(KKG, "genre"), Literal(document.genre)))
    if document.identifier:
        graph.append((doc_iri, _t(DCTERMS, "identifier"), Literal(document.identifier)))
    if document.title:
        graph.append((doc_iri, _t(DCTERMS, "title"), Literal(document.title)))
    if document.submitted:
        graph.append(
            (
                doc_iri,
                _t(DCTERMS, "dateSubmitted"),
                Literal(document.submitted, datatype=_t(XSD, "date")),
            )
        )
    if document.answered:
        graph.append(
            (doc_iri, _t(KKG, "answeredOn"), Literal(document.answered, datatype=_t(XSD, "date")))
        )
    if document.days_to_answer is not None:
        graph.append((doc_iri, _t(KKG, "daysToAnswer"), Literal(document.days_to_answer)))

    part_iris = _part_iris(doc_iri, document)
    answers_to: dict[int, URIRef] = {}
    questions: dict[int, URIRef] = {}
    for part, iri in zip(document.parts, part_iris, strict=True):
        if part.kind == "question" and part.number is not None:
            questions.setdefault(part.number, iri)
        if part.kind == "answer":
            for number in part.covers or ((part.number,) if part.number is not None else ()):
                answers_to.setdefault(number, iri)
    for part, iri in zip(document.parts, part_iris, strict=True):
        graph.append((doc_iri, _t(KKG, "hasPart"), iri))
        graph.append((iri, _t(RDF, "type"), _t(KKG, "Part")))
        graph.append((iri, _t(DCTERMS, "isPartOf"), doc_iri))
        graph.append(
            (iri, _t(KKG, "textSpan"), _span_node(graph, doc_iri, document, part.span, False))
        )
        if part.kind == "question":
            graph.append((iri, _t(RDF, "type"), _t(KKG, "Question")))
        elif part.kind == "answer":
            graph.append((iri, _t(RDF, "type"), _t(KKG, "Answer")))
            for number in part.covers:
                if number in questions:
                    graph.append((iri, _t(KKG, "answers"), questions[number]))
            for number in part.refers_to:
                target = answers_to.get(number)
                if target is not None and target != iri:
                    graph.append((iri, _t(KKG, "refersTo"), target))
        if part.number is not None:
            graph.append((iri, _t(KKG, "number"), Literal(part.number)))

    for i, notice in enumerate(document.notices):
        node = URIRef(f"{doc_iri}/notice/{i + 1}")
        graph.append((doc_iri, _t(KKG, "hasNotice"), node))
        graph.append((node, _t(RDF, "type"), _t(KKG, "Notice")))
        graph.append(
            (node, _t(RDFS, "comment"), Literal(" ".join(document.slice(notice.span).split())))
        )
        graph.append(
            (node, _t(KKG, "textSpan"), _span_node(graph, doc_iri, document, notice.span, False))
        )
        if notice.date:
            graph.append(
                (node, _t(DCTERMS, "date"), Literal(notice.date, datatype=_t(XSD, "date")))
            )

    for note in document.footnotes:
        node = URIRef(f"{doc_iri}/source/{slug(note.label)}")
        graph.append((doc_iri, _t(PROV, "hadPrimarySource"), node))
        graph.append((node, _t(RDF, "type"), _t(KKG, "CitedSource")))
        graph.append((node, _t(RDFS, "label"), Literal(" ".join(note.text.split()))))
        if note.outlet:
            graph.append((node, _t(DCTERMS, "publisher"), Literal(note.outlet)))
        if note.title:
            graph.append((node, _t(DCTERMS, "title"), Literal(note.title)))
        if note.date:
            graph.append((node, _t(DCTERMS, "date"), Literal(note.date, datatype=_t(XSD, "date"))))
        if note.url and _safe_iri(note.url):
            graph.append((node, _t(RDFS, "seeAlso"), URIRef(note.url)))
    return part_iris


def _safe_iri(url: str) -> bool:
    return url.startswith(("http://", "https://")) and not any(c in url for c in ' <>"{}|\\^`')


def _claim(
    graph: list[tuple],
    doc_iri: URIRef,
    document: Document,
    claim: Claim,
    part_iris: list[URIRef],
) -> None:
    subject, obj = actor_iri(claim.subject), actor_iri(claim.object)
    predicate = _t(KKG, claim.relation)
    graph.append((subject, predicate, obj))
    key = short_hash(claim.subject, claim.relation, claim.object, claim.evidence.start)
    node = URIRef(f"{doc_iri}/claim/{key}")
    graph.append((node, _t(RDF, "type"), _t(RDF, "Statement")))
    graph.append((node, _t(RDF, "type"), _t(KKG, "Claim")))
    graph.append((node, _t(RDF, "subject"), subject))
    graph.append((node, _t(RDF, "predicate"), predicate))
    graph.append((node, _t(RDF, "object"), obj))
    graph.append((node, _t(PROV, "wasDerivedFrom"), doc_iri))
    graph.append(
        (node, _t(KKG, "textSpan"), _span_node(graph, doc_iri, document, claim.evidence, True))
    )
    if claim.relation != "memberOf":
        graph.append((node, _t(KKG, "stance"), _t(KKG, claim.stance)))
    if claim.cue:
        graph.append((node, _t(KKG, "stanceCue"), Literal(claim.cue)))
    if claim.reported_by:
        graph.append((node, _t(KKG, "reportedBy"), actor_iri(claim.reported_by)))
    if claim.report_source:
        graph.append((node, _t(KKG, "reportSource"), Literal(claim.report_source)))
    if claim.part is not None and 0 <= claim.part < len(part_iris):
        graph.append((node, _t(KKG, "inPart"), part_iris[claim.part]))


def _event(
    graph: list[tuple],
    doc_iri: URIRef,
    document: Document,
    node: URIRef,
    label: str,
    trigger: str,
    evidence: Span,
    when: object,
) -> None:
    graph.append((node, _t(RDFS, "label"), Literal(label)))
    graph.append((node, _t(KKG, "trigger"), Literal(trigger)))
    graph.append((node, _t(PROV, "wasDerivedFrom"), doc_iri))
    graph.append((node, _t(KKG, "textSpan"), _span_node(graph, doc_iri, document, evidence, True)))
    if when is not None:
        graph.append((node, _t(DCTERMS, "date"), Literal(when, datatype=_t(XSD, "date"))))


def extraction_graph(extraction: Extraction, graph: Graph | None = None) -> Graph:
    """All triples of one document, added to ``graph`` (a new one when None)."""
    graph = bind_prefixes(graph if graph is not None else Graph())
    for triple in extraction_triples(extraction):
        graph.add(triple)
    return graph


@functools.cache
def _t(namespace: object, name: str) -> URIRef:
    """A vocabulary term: namespace attribute look-ups are slow in rdflib."""
    return namespace[name]  # type: ignore[index]


@functools.lru_cache(maxsize=65536)
def _count(value: int) -> Literal:
    """An offset literal; the same few thousand numbers recur in every document."""
    return Literal(value, datatype=XSD.nonNegativeInteger)


def extraction_triples(extraction: Extraction) -> list[tuple]:
    """All triples of one document as rdflib ``(s, p, o)`` tuples, in making order.

    The same triples as :func:`extraction_graph` without building a ``Graph``: the
    store takes any iterable of triples. A triple may occur twice in the list.
    """
    graph: list[tuple] = []
    document = extraction.document
    doc_iri = document_iri(document)
    part_iris = _document(graph, doc_iri, document)

    for actor in extraction.actors:
        iri = actor_iri(actor.id)
        graph.append((iri, _t(RDF, "type"), _t(KKG, actor.type)))
        graph.append((iri, _t(RDFS, "label"), Literal(actor.label)))
        for alias in sorted(actor.aliases - {actor.label}):
            graph.append((iri, _t(SKOS, "altLabel"), Literal(alias)))
        if actor.named:  # an actor only implied by an adjective is no mention
            graph.append((doc_iri, _t(KKG, "mentions"), iri))
        for office in actor.offices:
            node = office_iri(office.label)
            graph.append((iri, _t(KKG, "holdsOffice"), node))
            graph.append((node, _t(RDF, "type"), _t(KKG, "Office")))
            graph.append((node, _t(RDF, "type"), _t(ORG, "Post")))
            graph.append((node, _t(RDFS, "label"), Literal(office.label)))

    for actor_id in extraction.asked_by:
        graph.append((doc_iri, _t(KKG, "askedBy"), actor_iri(actor_id)))
    for actor_id in extraction.answered_by:
        graph.append((doc_iri, _t(KKG, "answeredBy"), actor_iri(actor_id)))

    for claim in extraction.claims:
        _claim(graph, doc_iri, document, claim, part_iris)

    incident_iris: list[URIRef] = []
    for incident in extraction.incidents:
        key = short_hash(
            incident.kind, incident.evidence.start, incident.label, *sorted(incident.actors)
        )
        node = URIRef(f"{doc_iri}/incident/{key}")
        incident_iris.append(node)
        graph.append((node, _t(RDF, "type"), _t(KKG, "Incident")))
        graph.append((node, _t(KKG, "incidentType"), Literal(incident.kind)))
        _event(
            graph,
            doc_iri,
            document,
            node,
            incident.label,
            incident.trigger,
            incident.evidence,
            incident.date,
        )
        for actor_id in incident.actors:
            graph.append((node, _t(KKG, "involves"), actor_iri(actor_id)))

    for response in extraction.responses:
        key = short_hash(response.kind, response.evidence.start, response.trigger, response.label)
        node = URIRef(f"{doc_iri}/response/{key}")
        graph.append((node, _t(RDF, "type"), _t(KKG, "StateResponse")))
        graph.append((node, _t(KKG, "responseType"), Literal(response.kind)))
        _event(
            graph,
            doc_iri,
            document,
            node,
            response.label,
            response.trigger,
            response.evidence,
            response.date,
        )
        for actor_id in response.by:
            graph.append((node, _t(KKG, "takenBy"), actor_iri(actor_id)))
        for actor_id in response.aimed_at:
            graph.append((node, _t(KKG, "aimedAt"), actor_iri(actor_id)))
        for index in response.responds_to:
            if 0 <= index < len(incident_iris):
                graph.append((node, _t(KKG, "respondsTo"), incident_iris[index]))
    return graph


def iter_quads(extraction: Extraction) -> Iterable[tuple]:
    """The document's triples as quads in its named graph (graph IRI = document IRI)."""
    doc_iri = document_iri(extraction.document)
    for s, p, o in dict.fromkeys(extraction_triples(extraction)):
        yield s, p, o, doc_iri
