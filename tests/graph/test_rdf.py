"""graph/rdf: an Extraction becomes triples in the public vocabulary."""

from datetime import date

from rdflib import RDF, RDFS, SKOS, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV

from kamerkg.extract.model import (
    Actor,
    Claim,
    Document,
    Extraction,
    Footnote,
    Incident,
    Notice,
    Office,
    Part,
    Response,
    Span,
)
from kamerkg.graph.rdf import actor_iri, document_iri, extraction_graph
from kamerkg.ontology import KKG, OA

TEXT = (
    "Vraag 1\nWordt de groep Blauwe Reiger aangestuurd door Freedonia?\n\n"
    "Vraag 2\nZie vraag 1.\n\n"
    "Antwoord op vraag 1 en 2\nHet kabinet kan bevestigen dat Blauwe Reiger wordt "
    "aangestuurd door Freedonia. Het kabinet heeft sancties ingesteld."
)


def make_extraction() -> Extraction:
    q1 = TEXT.index("Vraag 1")
    q2 = TEXT.index("Vraag 2")
    a = TEXT.index("Antwoord")
    sentence = TEXT.index("Het kabinet kan")
    sentence_end = TEXT.index("Freedonia.", sentence) + len("Freedonia.")
    sanction = TEXT.index("Het kabinet heeft")
    doc = Document(
        source="vragen-01.txt",
        text=TEXT,
        genre="letter",
        identifier="2023Z01234",
        title="Blauwe Reiger",
        submitted=date(2023, 1, 10),
        answered=date(2023, 2, 20),
        parts=[
            Part("question", Span(q1, q2 - 2), number=1),
            Part("question", Span(q2, a - 2), number=2),
            Part("answer", Span(a, len(TEXT)), number=1, covers=(1, 2)),
        ],
        footnotes=[
            Footnote(
                "1", Span(0, 7), "NOS, 1 januari 2023", outlet="NOS", url="https://example.org/a b"
            )
        ],
        notices=[Notice(Span(0, 7), date(2023, 2, 1))],
    )
    actors = [
        Actor("blauwe-reiger", "Blauwe Reiger", "ThreatActor", {"Blue Heron"}),
        Actor("freedonia", "Freedonia", "Country"),
        Actor("jan-jansen", "Jan Jansen", "Person", offices=[Office("minister van Defensie")]),
        Actor("kabinet", "kabinet", "GovernmentBody"),
    ]
    claim = Claim(
        "blauwe-reiger",
        "attributedTo",
        "freedonia",
        Span(sentence, sentence_end),
        stance="asserted",
        cue="kan bevestigen",
        part=2,
    )
    incident = Incident(
        "cyberattack",
        "aanval door Blauwe Reiger",
        Span(sentence, sentence_end),
        "aangestuurd",
        actors=["blauwe-reiger"],
        date=date(2023, 1, 2),
    )
    response = Response(
        "sanction",
        "sancties ingesteld",
        Span(sanction, len(TEXT)),
        "sancties",
        by=["kabinet"],
        responds_to=[0],
        aimed_at=["freedonia"],
    )
    return Extraction(
        doc,
        actors,
        [claim],
        [incident],
        [response],
        asked_by=["jan-jansen"],
        answered_by=["jan-jansen"],
    )


def test_document_metadata_and_mentions():
    ex = make_extraction()
    g = extraction_graph(ex)
    doc = document_iri(ex.document)
    assert (doc, RDF.type, KKG.Document) in g
    assert (doc, DCTERMS.source, Literal("vragen-01.txt")) in g
    assert (doc, DCTERMS.identifier, Literal("2023Z01234")) in g
    assert g.value(doc, KKG.daysToAnswer).toPython() == 41
    assert set(g.objects(doc, KKG.mentions)) == {actor_iri(a.id) for a in ex.actors}
    assert (actor_iri("blauwe-reiger"), SKOS.altLabel, Literal("Blue Heron")) in g
    office = g.value(actor_iri("jan-jansen"), KKG.holdsOffice)
    assert g.value(office, RDFS.label) == Literal("minister van Defensie")


def test_claim_is_reified_with_stance_and_exact_evidence():
    ex = make_extraction()
    g = extraction_graph(ex)
    s, o = actor_iri("blauwe-reiger"), actor_iri("freedonia")
    assert (s, KKG.attributedTo, o) in g
    (node,) = list(g.subjects(RDF.subject, s))
    assert g.value(node, KKG.stance) == KKG.asserted
    assert g.value(node, PROV.wasDerivedFrom) == document_iri(ex.document)
    selector = g.value(node, KKG.textSpan)
    start, end = (int(g.value(selector, p)) for p in (OA.start, OA.end))
    assert str(g.value(selector, OA.exact)) == TEXT[start:end]
    assert str(g.value(node, KKG.inPart)).endswith("/answer/1")


def test_grouped_answer_points_to_every_question():
    g = extraction_graph(make_extraction())
    answer = next(g.subjects(RDF.type, KKG.Answer))
    numbers = sorted(int(g.value(q, KKG.number)) for q in g.objects(answer, KKG.answers))
    assert numbers == [1, 2]


def test_incident_response_notice_source():
    g = extraction_graph(make_extraction())
    incident = next(g.subjects(RDF.type, KKG.Incident))
    response = next(g.subjects(RDF.type, KKG.StateResponse))
    assert (response, KKG.respondsTo, incident) in g
    assert (response, KKG.takenBy, actor_iri("kabinet")) in g
    assert next(g.subjects(RDF.type, KKG.Notice), None) is not None
    source = next(g.subjects(RDF.type, KKG.CitedSource))
    # A URL with a space is no valid IRI: kept as text, not as a link.
    assert g.value(source, RDFS.seeAlso) is None


def test_same_input_same_triples():
    a = extraction_graph(make_extraction())
    b = extraction_graph(make_extraction())
    assert sorted(a) == sorted(b)
    assert all(
        not isinstance(t, URIRef) or str(t).startswith(("https", "http")) for t in a.all_nodes()
    )
