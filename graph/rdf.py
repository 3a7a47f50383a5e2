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
    graph: Graph, doc_iri: URIRef, document: Document, span: Span, exact: bool
) -> URIRef:
    node = URIRef(f"{doc_iri}/span/{span.start}-{span.end}")
    graph.add((node, RDF.type, OA.TextPositionSelector))
    graph.add((node, OA.start, Literal(span.start, datatype=XSD.nonNegativeInteger)))
    graph.add((node, OA.end, Literal(span.end, datatype=XSD.nonNegativeInteger)))
    if exact:
        graph.add((node, RDF.type, OA.TextQuoteSelector))
        graph.add((node, OA.exact, Literal(document.slice(span))))
    return node


def _part_iris(doc_iri: URIRef, document: Document) -> list[URIRef]:
    iris: list[URIRef] = []
    for i, part in enumerate(document.parts):
        path = _PART_PATHS.get(part.kind)
        iri = URIRef(f"{doc_iri}/{path}/{part.number}") if path and part.number else None
        # A number seen twice (a question repeated in the letter) falls back to the index.
        iris.append(iri if iri is not None and iri not in iris else URIRef(f"{doc_iri}/part/{i}"))
    return iris


def _document(graph: Graph, doc_iri: URIRef, document: Document) -> list[URIRef]:
    graph.add((doc_iri, RDF.type, KKG.Document))
    graph.add((doc_iri, DCTERMS.source, Literal(document.source)))
    graph.add((doc_iri, KKG.genre, Literal(document.genre)))
    if document.identifier:
        graph.add((doc_iri, DCTERMS.identifier, Literal(document.identifier)))
    if document.title:
        graph.add((doc_iri, DCTERMS.title, Literal(document.title)))
    if document.submitted:
        graph.add((doc_iri, DCTERMS.dateSubmitted, Literal(document.submitted, datatype=XSD.date)))
    if document.answered:
        graph.add((doc_iri, KKG.answeredOn, Literal(document.answered, datatype=XSD.date)))
    if document.days_to_answer is not None:
        graph.add((doc_iri, KKG.daysToAnswer, Literal(document.days_to_answer)))

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
        graph.add((doc_iri, KKG.hasPart, iri))
        graph.add((iri, RDF.type, KKG.Part))
        graph.add((iri, DCTERMS.isPartOf, doc_iri))
        graph.add((iri, KKG.textSpan, _span_node(graph, doc_iri, document, part.span, False)))
        if part.kind == "question":
            graph.add((iri, RDF.type, KKG.Question))
        elif part.kind == "answer":
            graph.add((iri, RDF.type, KKG.Answer))
            for number in part.covers:
                if number in questions:
                    graph.add((iri, KKG.answers, questions[number]))
            for number in part.refers_to:
                target = answers_to.get(number)
                if target is not None and target != iri:
                    graph.add((iri, KKG.refersTo, target))
        if part.number is not None:
            graph.add((iri, KKG.number, Literal(part.number)))

    for i, notice in enumerate(document.notices):
        node = URIRef(f"{doc_iri}/notice/{i + 1}")
        graph.add((doc_iri, KKG.hasNotice, node))
        graph.add((node, RDF.type, KKG.Notice))
        graph.add((node, RDFS.comment, Literal(" ".join(document.slice(notice.span).split()))))
        graph.add((node, KKG.textSpan, _span_node(graph, doc_iri, document, notice.span, False)))
        if notice.date:
            graph.add((node, DCTERMS.date, Literal(notice.date, datatype=XSD.date)))

    for note in document.footnotes:
        node = URIRef(f"{doc_iri}/source/{slug(note.label)}")
        graph.add((doc_iri, PROV.hadPrimarySource, node))
        graph.add((node, RDF.type, KKG.CitedSource))
        graph.add((node, RDFS.label, Literal(" ".join(note.text.split()))))
        if note.outlet:
            graph.add((node, DCTERMS.publisher, Literal(note.outlet)))
        if note.title:
            graph.add((node, DCTERMS.title, Literal(note.title)))
        if note.date:
            graph.add((node, DCTERMS.date, Literal(note.date, datatype=XSD.date)))
        if note.url and _safe_iri(note.url):
            graph.add((node, RDFS.seeAlso, URIRef(note.url)))
    return part_iris


def _safe_iri(url: str) -> bool:
    return url.startswith(("http://", "https://")) and not any(c in url for c in ' <>"{}|\\^`')


def _claim(
    graph: Graph,
    doc_iri: URIRef,
    document: Document,
    claim: Claim,
    part_iris: list[URIRef],
) -> None:
    subject, obj = actor_iri(claim.subject), actor_iri(claim.object)
    predicate = KKG[claim.relation]
    graph.add((subject, predicate, obj))
    key = short_hash(claim.subject, claim.relation, claim.object, claim.evidence.start)
    node = URIRef(f"{doc_iri}/claim/{key}")
    graph.add((node, RDF.type, RDF.Statement))
    graph.add((node, RDF.type, KKG.Claim))
    graph.add((node, RDF.subject, subject))
    graph.add((node, RDF.predicate, predicate))
    graph.add((node, RDF.object, obj))
    graph.add((node, PROV.wasDerivedFrom, doc_iri))
    graph.add((node, KKG.textSpan, _span_node(graph, doc_iri, document, claim.evidence, True)))
    if claim.relation != "memberOf":
        graph.add((node, KKG.stance, KKG[claim.stance]))
    if claim.cue:
        graph.add((node, KKG.stanceCue, Literal(claim.cue)))
    if claim.reported_by:
        graph.add((node, KKG.reportedBy, actor_iri(claim.reported_by)))
    if claim.report_source:
        graph.add((node, KKG.reportSource, Literal(claim.report_source)))
    if claim.part is not None and 0 <= claim.part < len(part_iris):
        graph.add((node, KKG.inPart, part_iris[claim.part]))


def _event(
    graph: Graph,
    doc_iri: URIRef,
    document: Document,
    node: URIRef,
    label: str,
    trigger: str,
    evidence: Span,
    when: object,
) -> None:
    graph.add((node, RDFS.label, Literal(label)))
    graph.add((node, KKG.trigger, Literal(trigger)))
    graph.add((node, PROV.wasDerivedFrom, doc_iri))
    graph.add((node, KKG.textSpan, _span_node(graph, doc_iri, document, evidence, True)))
    if when is not None:
        graph.add((node, DCTERMS.date, Literal(when, datatype=XSD.date)))


def extraction_graph(extraction: Extraction, graph: Graph | None = None) -> Graph:
    """All triples of one document, added to ``graph`` (a new one when None)."""
    graph = bind_prefixes(graph if graph is not None else Graph())
    document = extraction.document
    doc_iri = document_iri(document)
    part_iris = _document(graph, doc_iri, document)

    for actor in extraction.actors:
        iri = actor_iri(actor.id)
        graph.add((iri, RDF.type, KKG[actor.type]))
        graph.add((iri, RDFS.label, Literal(actor.label)))
        for alias in sorted(actor.aliases - {actor.label}):
            graph.add((iri, SKOS.altLabel, Literal(alias)))
        graph.add((doc_iri, KKG.mentions, iri))
        for office in actor.offices:
            node = office_iri(office.label)
            graph.add((iri, KKG.holdsOffice, node))
            graph.add((node, RDF.type, KKG.Office))
            graph.add((node, RDF.type, ORG.Post))
            graph.add((node, RDFS.label, Literal(office.label)))

    for actor_id in extraction.asked_by:
        graph.add((doc_iri, KKG.askedBy, actor_iri(actor_id)))
    for actor_id in extraction.answered_by:
        graph.add((doc_iri, KKG.answeredBy, actor_iri(actor_id)))

    for claim in extraction.claims:
        _claim(graph, doc_iri, document, claim, part_iris)

    incident_iris: list[URIRef] = []
    for incident in extraction.incidents:
        key = short_hash(
            incident.kind, incident.evidence.start, incident.label, *sorted(incident.actors)
        )
        node = URIRef(f"{doc_iri}/incident/{key}")
        incident_iris.append(node)
        graph.add((node, RDF.type, KKG.Incident))
        graph.add((node, KKG.incidentType, Literal(incident.kind)))
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
            graph.add((node, KKG.involves, actor_iri(actor_id)))

    for response in extraction.responses:
        key = short_hash(response.kind, response.evidence.start, response.trigger, response.label)
        node = URIRef(f"{doc_iri}/response/{key}")
        graph.add((node, RDF.type, KKG.StateResponse))
        graph.add((node, KKG.responseType, Literal(response.kind)))
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
            graph.add((node, KKG.takenBy, actor_iri(actor_id)))
        for actor_id in response.aimed_at:
            graph.add((node, KKG.aimedAt, actor_iri(actor_id)))
        for index in response.responds_to:
            if 0 <= index < len(incident_iris):
                graph.add((node, KKG.respondsTo, incident_iris[index]))
    return graph


def iter_quads(extraction: Extraction) -> Iterable[tuple]:
    """The document's triples as quads in its named graph (graph IRI = document IRI)."""
    doc_iri = document_iri(extraction.document)
    for s, p, o in extraction_graph(extraction):
        yield s, p, o, doc_iri
