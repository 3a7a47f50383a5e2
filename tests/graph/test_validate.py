"""graph/validate: SHACL shapes accept the graph kamerkg writes and name what is broken."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from rdflib import RDF, RDFS, SKOS, Dataset, Graph, Literal, URIRef
from rdflib import namespace as rns
from rdflib.namespace import DCTERMS, ORG, PROV

from kamerkg.extract.errors import StoreError
from kamerkg.extract.model import (
    Actor,
    Claim,
    Document,
    Extraction,
    Incident,
    Office,
    Part,
    Response,
    Span,
)
from kamerkg.graph.rdf import extraction_graph
from kamerkg.graph.validate import ValidationResult, format_result, validate
from kamerkg.ontology import ID, KKG, OA

# An invented document: a member of parliament asks about a hacker group.
TEXT = (
    "Vragen van het lid Van Dalen (Groen Links) aan de minister van Justitie over "
    "de hackersgroep Grijze Uil.\n\n"
    "Vraag 1\nHoe beoordeelt u berichten dat Grijze Uil in opdracht van Oceanië "
    "werkt?\n\n"
    "Antwoord op vraag 1\nVolgens de MIVD werkt Grijze Uil voor Oceanië. "
    "Grijze Uil heeft in maart het ministerie van Justitie aangevallen. "
    "Het kabinet heeft de ambassadeur van Oceanië ontboden.\n"
)

DOC = ID["doc/vragen-grijze-uil"]
QUESTION = URIRef(f"{DOC}/question/1")
ANSWER = URIRef(f"{DOC}/answer/1")
CLAIM = URIRef(f"{DOC}/claim/c1")
MEMBER_CLAIM = URIRef(f"{DOC}/claim/m1")
INCIDENT = URIRef(f"{DOC}/incident/i1")
RESPONSE = URIRef(f"{DOC}/response/r1")
NOTICE = URIRef(f"{DOC}/notice/1")
SOURCE = URIRef(f"{DOC}/source/1")
VAN_DALEN = ID["actor/van-dalen"]
MINISTER = ID["actor/ria-bos"]
PARTY = ID["actor/groen-links"]
UIL = ID["actor/grijze-uil"]
OCEANIE = ID["actor/oceanie"]
MIVD = ID["actor/mivd"]
JUSTITIE = ID["actor/ministerie-van-justitie"]
OFFICE = ID["office/minister-van-justitie"]


def _span(graph: Graph, start: int, end: int, exact: bool) -> URIRef:
    node = URIRef(f"{DOC}/span/{start}-{end}")
    graph.add((node, RDF.type, OA.TextPositionSelector))
    graph.add((node, OA.start, Literal(start, datatype=rns.XSD.nonNegativeInteger)))
    graph.add((node, OA.end, Literal(end, datatype=rns.XSD.nonNegativeInteger)))
    if exact:
        graph.add((node, RDF.type, OA.TextQuoteSelector))
        graph.add((node, OA.exact, Literal(TEXT[start:end])))
    return node


def _sentence(graph: Graph, first_words: str) -> URIRef:
    start = TEXT.index(first_words)
    return _span(graph, start, TEXT.index(".", start) + 1, exact=True)


def valid_graph() -> Graph:
    """A graph in the shape graph/rdf.py writes, with one of each kind of node."""
    g = Graph()
    add = g.add
    add((DOC, RDF.type, KKG.Document))
    add((DOC, DCTERMS.source, Literal("vragen_grijze_uil.txt")))
    add((DOC, DCTERMS.identifier, Literal("2023Z04711")))
    add((DOC, DCTERMS.title, Literal("Vragen over de hackersgroep Grijze Uil")))
    add((DOC, DCTERMS.dateSubmitted, Literal(date(2023, 3, 20), datatype=rns.XSD.date)))
    add((DOC, KKG.answeredOn, Literal(date(2023, 4, 17), datatype=rns.XSD.date)))
    add((DOC, KKG.daysToAnswer, Literal(28)))
    add((DOC, KKG.genre, Literal("questions")))
    add((DOC, KKG.askedBy, VAN_DALEN))
    add((DOC, KKG.answeredBy, MINISTER))
    for actor, kind, label in (
        (VAN_DALEN, KKG.Person, "Van Dalen"),
        (MINISTER, KKG.Person, "Ria Bos"),
        (PARTY, KKG.PoliticalParty, "GroenLinks"),
        (UIL, KKG.ThreatActor, "Grijze Uil"),
        (OCEANIE, KKG.Country, "Oceanië"),
        (MIVD, KKG.GovernmentBody, "MIVD"),
        (JUSTITIE, KKG.GovernmentBody, "ministerie van Justitie"),
    ):
        add((actor, RDF.type, kind))
        add((actor, RDFS.label, Literal(label)))
        add((DOC, KKG.mentions, actor))
    add((PARTY, SKOS.altLabel, Literal("Groen Links")))
    add((MINISTER, KKG.holdsOffice, OFFICE))
    add((OFFICE, RDF.type, KKG.Office))
    add((OFFICE, RDF.type, ORG.Post))
    add((OFFICE, RDFS.label, Literal("minister van Justitie")))

    question_start, answer_start = TEXT.index("Vraag 1"), TEXT.index("Antwoord op")
    for part, kind, start, end in (
        (QUESTION, KKG.Question, question_start, answer_start - 2),
        (ANSWER, KKG.Answer, answer_start, len(TEXT) - 1),
    ):
        add((DOC, KKG.hasPart, part))
        add((part, RDF.type, KKG.Part))
        add((part, RDF.type, kind))
        add((part, KKG.number, Literal(1)))
        add((part, DCTERMS.isPartOf, DOC))
        add((part, KKG.textSpan, _span(g, start, end, exact=False)))
    add((ANSWER, KKG.answers, QUESTION))

    add((DOC, KKG.hasNotice, NOTICE))
    add((NOTICE, RDF.type, KKG.Notice))
    add((NOTICE, RDFS.comment, Literal("De beantwoording wordt uitgesteld.")))
    add((NOTICE, DCTERMS.date, Literal(date(2023, 4, 10), datatype=rns.XSD.date)))
    add((NOTICE, KKG.textSpan, _span(g, 0, 7, exact=False)))

    add((DOC, PROV.hadPrimarySource, SOURCE))
    add((SOURCE, RDF.type, KKG.CitedSource))
    add((SOURCE, RDFS.label, Literal("NOS, 'Hackers vallen ministerie aan', 12 maart 2023")))
    add((SOURCE, DCTERMS.publisher, Literal("NOS")))
    add((SOURCE, DCTERMS.date, Literal(date(2023, 3, 12), datatype=rns.XSD.date)))
    add((SOURCE, RDFS.seeAlso, URIRef("https://nos.nl/artikel/1")))

    # The direct triples and their reification.
    add((UIL, KKG.attributedTo, OCEANIE))
    add((VAN_DALEN, KKG.memberOf, PARTY))
    for claim, s, p, o in (
        (CLAIM, UIL, KKG.attributedTo, OCEANIE),
        (MEMBER_CLAIM, VAN_DALEN, KKG.memberOf, PARTY),
    ):
        add((claim, RDF.type, RDF.Statement))
        add((claim, RDF.type, KKG.Claim))
        add((claim, RDF.subject, s))
        add((claim, RDF.predicate, p))
        add((claim, RDF.object, o))
        add((claim, PROV.wasDerivedFrom, DOC))
    add((CLAIM, KKG.stance, KKG.reported))
    add((CLAIM, KKG.stanceCue, Literal("volgens")))
    add((CLAIM, KKG.reportedBy, MIVD))
    add((CLAIM, KKG.inPart, ANSWER))
    add((CLAIM, KKG.textSpan, _sentence(g, "Volgens de MIVD")))
    add((MEMBER_CLAIM, KKG.textSpan, _span(g, 0, TEXT.index(" aan de"), exact=True)))

    add((INCIDENT, RDF.type, KKG.Incident))
    add((INCIDENT, RDFS.label, Literal("cyberaanval op het ministerie van Justitie")))
    add((INCIDENT, KKG.incidentType, Literal("cyberattack")))
    add((INCIDENT, KKG.trigger, Literal("aangevallen")))
    add((INCIDENT, KKG.involves, UIL))
    add((INCIDENT, KKG.involves, JUSTITIE))
    add((INCIDENT, PROV.wasDerivedFrom, DOC))
    add((INCIDENT, KKG.textSpan, _sentence(g, "Grijze Uil heeft")))

    add((RESPONSE, RDF.type, KKG.StateResponse))
    add((RESPONSE, RDFS.label, Literal("ambassadeur ontboden")))
    add((RESPONSE, KKG.responseType, Literal("measure")))
    add((RESPONSE, KKG.trigger, Literal("ontboden")))
    add((RESPONSE, KKG.takenBy, MINISTER))
    add((RESPONSE, KKG.aimedAt, OCEANIE))
    add((RESPONSE, KKG.respondsTo, INCIDENT))
    add((RESPONSE, PROV.wasDerivedFrom, DOC))
    add((RESPONSE, KKG.textSpan, _sentence(g, "Het kabinet heeft")))
    return g


def _set(graph: Graph, node: URIRef, prop: URIRef, value) -> None:
    graph.set((node, prop, value))


def _claim_span(graph: Graph) -> URIRef:
    return graph.value(CLAIM, KKG.textSpan)


# (mutation, message the report must contain, focus and path it must name)
BROKEN: dict[str, tuple[Callable[[Graph], None], str, str]] = {
    "missing stance": (
        lambda g: g.remove((CLAIM, KKG.stance, None)),
        "A claim other than kkg:memberOf needs a kkg:stance.",
        "id:doc/vragen-grijze-uil/claim/c1: ",
    ),
    "stance outside the list": (
        lambda g: _set(g, CLAIM, KKG.stance, ID["stance/maybe"]),
        "kkg:stance must be kkg:asserted, kkg:reported, kkg:unconfirmed or kkg:denied.",
        "claim/c1 kkg:stance",
    ),
    "bad identifier": (
        lambda g: _set(g, DOC, DCTERMS.identifier, Literal("2023-04711")),
        "dcterms:identifier must be a Kamer reference string",
        "id:doc/vragen-grijze-uil dcterms:identifier",
    ),
    "two identifiers": (
        lambda g: g.add((DOC, DCTERMS.identifier, Literal("2023Z04712"))),
        "A document has at most one dcterms:identifier.",
        "dcterms:identifier",
    ),
    "end before start": (
        lambda g: _set(g, _claim_span(g), OA.end, Literal(3, datatype=rns.XSD.nonNegativeInteger)),
        "oa:start must not be greater than oa:end.",
        "oa:start",
    ),
    "negative offset": (
        lambda g: _set(
            g, _claim_span(g), OA.start, Literal(-4, datatype=rns.XSD.nonNegativeInteger)
        ),
        "oa:start must be a non-negative xsd:nonNegativeInteger.",
        "oa:start",
    ),
    "offsets do not fit the quote": (
        lambda g: _set(g, _claim_span(g), OA.exact, Literal("Volgens de MIVD.")),
        "the offsets do not index the quoted text",
        "oa:exact",
    ),
    "askedBy a country": (
        lambda g: _set(g, DOC, KKG.askedBy, OCEANIE),
        "kkg:askedBy must point at a kkg:Person.",
        "id:doc/vragen-grijze-uil kkg:askedBy",
    ),
    "claim without wasDerivedFrom": (
        lambda g: g.remove((CLAIM, PROV.wasDerivedFrom, None)),
        "A claim needs exactly one prov:wasDerivedFrom (its document).",
        "claim/c1 prov:wasDerivedFrom",
    ),
    "claim derived from an actor": (
        lambda g: _set(g, CLAIM, PROV.wasDerivedFrom, MIVD),
        "prov:wasDerivedFrom of a claim must point at a kkg:Document.",
        "claim/c1 prov:wasDerivedFrom",
    ),
    "predicate not a relation": (
        lambda g: _set(g, CLAIM, RDF.predicate, KKG.mentions),
        "The rdf:predicate of a claim must be one of",
        "claim/c1 rdf:predicate",
    ),
    "claim object not an actor": (
        lambda g: _set(g, CLAIM, RDF.object, INCIDENT),
        "The rdf:object of a claim must be an actor.",
        "claim/c1 rdf:object",
    ),
    "claim evidence without quote": (
        lambda g: g.remove((_claim_span(g), RDF.type, OA.TextQuoteSelector)),
        "must be an oa:TextQuoteSelector",
        "claim/c1 kkg:textSpan",
    ),
    "actor without label": (
        lambda g: g.remove((UIL, RDFS.label, None)),
        "An actor needs an rdfs:label (its canonical name).",
        "id:actor/grijze-uil rdfs:label",
    ),
    "date as a string": (
        lambda g: _set(g, DOC, KKG.answeredOn, Literal("17 april 2023")),
        "kkg:answeredOn must be a single xsd:date.",
        "kkg:answeredOn",
    ),
    "mentions a part": (
        lambda g: g.add((DOC, KKG.mentions, QUESTION)),
        "kkg:mentions must point at an actor",
        "kkg:mentions",
    ),
    "part number not an integer": (
        lambda g: _set(g, QUESTION, KKG.number, Literal("een")),
        "kkg:number must be a single xsd:integer.",
        "question/1 kkg:number",
    ),
    "incident without document": (
        lambda g: g.remove((INCIDENT, PROV.wasDerivedFrom, None)),
        "An incident needs exactly one prov:wasDerivedFrom (its document).",
        "incident/i1 prov:wasDerivedFrom",
    ),
    "incident involves a document": (
        lambda g: g.add((INCIDENT, KKG.involves, DOC)),
        "kkg:involves must point at an actor.",
        "incident/i1 kkg:involves",
    ),
    "response of unknown type": (
        lambda g: _set(g, RESPONSE, KKG.responseType, Literal("boycot")),
        "kkg:responseType must be sanction, measure, statement, attribution, diplomatic, "
        "investigation or legislation.",
        "response/r1 kkg:responseType",
    ),
    "response without label": (
        lambda g: g.remove((RESPONSE, RDFS.label, None)),
        "A state response needs exactly one rdfs:label literal.",
        "response/r1 rdfs:label",
    ),
    "response taken by an office": (
        lambda g: _set(g, RESPONSE, KKG.takenBy, OFFICE),
        "kkg:takenBy must point at an actor.",
        "response/r1 kkg:takenBy",
    ),
    "relation from a document": (
        lambda g: g.add((DOC, KKG.targeted, OCEANIE)),
        "Only an actor can be the subject of an actor relation",
        "id:doc/vragen-grijze-uil",
    ),
}


@pytest.fixture(scope="module")
def valid_result() -> ValidationResult:
    return validate(valid_graph())


def test_valid_graph_conforms(valid_result: ValidationResult):
    assert valid_result.findings == ()
    assert valid_result.conforms
    assert (valid_result.violations, valid_result.warnings) == (0, 0)
    assert format_result(valid_result) == "conforms: 0 violations, 0 warnings"


def test_valid_graph_conforms_as_named_graphs():
    # The build keeps each document in its own named graph; validate their union.
    dataset = Dataset()
    named = dataset.graph(DOC)
    for triple in valid_graph():
        named.add(triple)
    result = validate(dataset)
    assert result.conforms, format_result(result)


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_graph_fails_with_its_message(case: str):
    mutate, message, where = BROKEN[case]
    graph = valid_graph()
    mutate(graph)
    result = validate(graph)
    report = format_result(result, max_lines=None)
    assert not result.conforms
    assert result.violations >= 1
    lines = [line for line in report.splitlines() if message in line]
    assert lines, report
    assert any(where in line for line in lines), report
    assert report.splitlines()[-1].startswith("does not conform: ")


def test_validate_leaves_the_graph_alone():
    graph = valid_graph()
    before = set(graph)
    validate(graph)
    assert set(graph) == before


def test_two_labels_only_warn():
    # Two documents may give one actor different canonical names.
    graph = valid_graph()
    graph.add((OCEANIE, RDFS.label, Literal("Republiek Oceanië")))
    result = validate(graph)
    assert result.conforms
    assert (result.violations, result.warnings) == (0, 1)
    report = format_result(result)
    assert "Warnings:\n  id:actor/oceanie rdfs:label: The actor has more than one" in report
    assert report.endswith("conforms: 0 violations, 1 warning")


def test_answer_before_submission_warns():
    graph = valid_graph()
    graph.set((DOC, KKG.answeredOn, Literal(date(2023, 1, 2), datatype=rns.XSD.date)))
    graph.set((DOC, KKG.daysToAnswer, Literal(-77)))
    result = validate(graph)
    assert result.conforms
    assert result.warnings == 2


def test_member_of_claim_needs_no_stance_but_warns_with_one():
    graph = valid_graph()
    assert (MEMBER_CLAIM, KKG.stance, None) not in graph
    graph.add((MEMBER_CLAIM, KKG.stance, KKG.asserted))
    result = validate(graph)
    assert result.conforms
    assert [f.message for f in result.findings] == ["A kkg:memberOf claim carries no stance."]


def test_report_is_sorted_and_counted():
    graph = valid_graph()
    graph.remove((CLAIM, KKG.stance, None))
    graph.set((DOC, DCTERMS.identifier, Literal("nummer 12")))
    graph.add((OCEANIE, RDFS.label, Literal("Oceania")))
    result = validate(graph)
    assert format_result(result).splitlines() == [
        "Violations:",
        "  id:doc/vragen-grijze-uil/claim/c1: A claim other than kkg:memberOf needs a kkg:stance.",
        "  id:doc/vragen-grijze-uil dcterms:identifier: "
        "dcterms:identifier must be a Kamer reference string like 2024Z05303. "
        '(value "nummer 12")',
        "Warnings:",
        "  id:actor/oceanie rdfs:label: "
        "The actor has more than one rdfs:label; documents disagree on its canonical name.",
        "does not conform: 2 violations, 1 warning",
    ]
    assert validate(graph).findings == result.findings


def test_report_can_be_cut_short():
    graph = valid_graph()
    for actor in (UIL, OCEANIE, MIVD, JUSTITIE):
        graph.remove((actor, RDFS.label, None))
    result = validate(graph)
    assert result.violations == 4
    report = format_result(result, max_lines=2)
    assert "  ... and 2 more" in report
    assert len(format_result(result, max_lines=None).splitlines()) == 6


def test_not_a_graph_is_a_store_error():
    with pytest.raises(StoreError) as caught:
        validate("out/graph.ttl")  # type: ignore[arg-type]
    assert caught.value.code == "E501"


def test_graph_from_rdf_module_conforms():
    # The lead's writer and these shapes must agree on one small extraction.
    text = (
        "Vraag 1\nKlopt het dat Grijze Uil voor Oceanië werkt?\n\n"
        "Antwoord op vraag 1\nHet kabinet kan niet bevestigen dat Grijze Uil voor "
        "Oceanië werkt. Grijze Uil viel in 2022 het ministerie aan. Het kabinet "
        "heeft sancties ingesteld."
    )

    def span(words: str) -> Span:
        start = text.index(words)
        return Span(start, text.index(".", start) + 1)

    answer = text.index("Antwoord")
    doc = Document(
        source="grijze_uil.txt",
        text=text,
        genre="questions",
        identifier="2022Z01234",
        submitted=date(2022, 5, 1),
        answered=date(2022, 6, 1),
        parts=[
            Part("question", Span(0, answer - 2), number=1),
            Part("answer", Span(answer, len(text)), number=1, covers=(1,)),
        ],
    )
    extraction = Extraction(
        document=doc,
        actors=[
            Actor("grijze-uil", "Grijze Uil", "ThreatActor"),
            Actor("oceanie", "Oceanië", "Country"),
            Actor("ministerie", "ministerie", "GovernmentBody"),
            Actor("kees-smit", "Kees Smit", "Person", offices=[Office("minister van Justitie")]),
        ],
        claims=[
            Claim(
                "grijze-uil",
                "attributedTo",
                "oceanie",
                span("Het kabinet kan"),
                stance="unconfirmed",
                cue="kan niet bevestigen",
                part=1,
            )
        ],
        incidents=[
            Incident(
                "cyberattack",
                "aanval op ministerie",
                span("Grijze Uil viel"),
                "aan",
                actors=["grijze-uil", "ministerie"],
            )
        ],
        responses=[
            Response(
                "sanction",
                "sancties",
                span("Het kabinet heeft"),
                "sancties",
                by=["oceanie"],
                responds_to=[0],
            )
        ],
        answered_by=["kees-smit"],
    )
    result = validate(extraction_graph(extraction))
    assert result.conforms, format_result(result)
    assert result.warnings == 0, format_result(result)
