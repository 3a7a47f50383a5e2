"""The kamerkg vocabulary as an rdflib ``DefinedNamespace``.

Kept in sync with ``ontology/kamerkg.ttl`` by ``tests/ontology/test_namespace.py``:
every term here is declared there and the other way round.

Examples
--------
>>> str(KKG.attributedTo)
'https://w3id.org/kamerkg/ns#attributedTo'
"""

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

__all__ = ["ID", "KKG", "OA", "ORG"]

#: Where instance IRIs live: ``ID["actor/apt31"]``.
ID = Namespace("https://w3id.org/kamerkg/id/")
OA = Namespace("http://www.w3.org/ns/oa#")
ORG = Namespace("http://www.w3.org/ns/org#")


class KKG(DefinedNamespace):
    """Classes and properties of the kamerkg ontology."""

    _NS = Namespace("https://w3id.org/kamerkg/ns#")
    _fail = True

    # Classes: actors
    Actor: URIRef
    Person: URIRef
    PoliticalParty: URIRef
    GovernmentBody: URIRef
    Company: URIRef
    ThreatActor: URIRef
    Country: URIRef
    Organisation: URIRef
    # Classes: documents and their structure
    Document: URIRef
    Part: URIRef
    Question: URIRef
    Answer: URIRef
    Notice: URIRef
    CitedSource: URIRef
    Office: URIRef
    # Classes: claims, events, responses
    Claim: URIRef
    Stance: URIRef
    Incident: URIRef
    StateResponse: URIRef

    # Stance individuals
    asserted: URIRef
    reported: URIRef
    unconfirmed: URIRef
    denied: URIRef

    # Document metadata
    answeredOn: URIRef
    askedBy: URIRef
    answeredBy: URIRef
    mentions: URIRef
    genre: URIRef
    daysToAnswer: URIRef
    hasPart: URIRef
    number: URIRef
    answers: URIRef
    refersTo: URIRef
    hasNotice: URIRef
    textSpan: URIRef

    # Actors
    holdsOffice: URIRef
    memberOf: URIRef
    attributedTo: URIRef
    affiliatedWith: URIRef
    targeted: URIRef
    uses: URIRef

    # Claims
    stance: URIRef
    stanceCue: URIRef
    reportedBy: URIRef
    reportSource: URIRef
    inPart: URIRef

    # Incidents and responses
    involves: URIRef
    incidentType: URIRef
    responseType: URIRef
    takenBy: URIRef
    respondsTo: URIRef
    aimedAt: URIRef
    trigger: URIRef
