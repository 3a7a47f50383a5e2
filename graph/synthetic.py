"""A large synthetic graph in the kamerkg RDF shape, for scale checks of the views.

Actors get made-up Dutch-looking names; claims follow preferential attachment so the
network has hubs like the real one (a few ministers, countries and threat groups).

Examples
--------
>>> g = synthetic_rdf(50, seed=1)
>>> from kamerkg.graph.network import to_networkx
>>> to_networkx(g).number_of_nodes()
50
"""

from __future__ import annotations

import random

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV

from kamerkg.extract.model import ACTOR_TYPES, STANCES
from kamerkg.ontology import ID, KKG, OA

__all__ = ["synthetic_rdf"]

_SYLLABLES = ("van", "der", "berg", "dijk", "hof", "mans", "sma", "stra", "veld", "kamp", "ink")
_RELATIONS = ("attributedTo", "affiliatedWith", "targeted", "uses")


def _name(rng: random.Random, i: int) -> str:
    parts = [rng.choice(_SYLLABLES).capitalize() for _ in range(rng.randint(2, 3))]
    return "".join(parts) + f" {i}"


def synthetic_rdf(n_actors: int = 5000, *, claims_per_actor: float = 1.5, seed: int = 0) -> Graph:
    """A random graph with ``n_actors`` actors and about ``claims_per_actor`` claims each.

    Parameters
    ----------
    n_actors : int
        Number of actors (all become nodes).
    claims_per_actor : float
        Claims per actor on average; with askedBy edges this gives about two edges
        per actor.
    seed : int
        Random seed; the same seed gives the same graph.
    """
    rng = random.Random(seed)
    g = Graph()
    actors = [ID[f"actor/synthetic-{i}"] for i in range(n_actors)]
    kinds = list(ACTOR_TYPES)
    for i, iri in enumerate(actors):
        g.add((iri, RDF.type, KKG[kinds[i % len(kinds)]]))
        g.add((iri, RDFS.label, Literal(_name(rng, i))))
    n_docs = max(1, n_actors // 25)
    docs = [ID[f"doc/synthetic-{d}"] for d in range(n_docs)]
    for d, doc in enumerate(docs):
        g.add((doc, RDF.type, KKG.Document))
        g.add((doc, DCTERMS.source, Literal(f"synthetic_{d:05d}.txt")))
        g.add((doc, DCTERMS.identifier, Literal(f"2024Z{d:05d}")))
        g.add((doc, DCTERMS.dateSubmitted, Literal(f"2024-01-{1 + d % 28:02d}", datatype=XSD.date)))
        persons = actors[0 :: len(kinds)]  # ids 0, 7, 14 ... are Persons
        g.add((doc, KKG.askedBy, rng.choice(persons)))
        g.add((doc, KKG.answeredBy, persons[rng.randrange(min(10, len(persons)))]))
    # Preferential attachment: endpoints drawn from a list that grows with degree.
    pool = list(actors[: min(5, n_actors)])
    for i, subject in enumerate(actors):
        for _ in range(max(1, round(rng.expovariate(1 / claims_per_actor)))):
            obj = rng.choice(pool)
            if obj == subject:
                continue
            pool += [subject, obj]
            doc = docs[i % n_docs]
            relation = rng.choice(_RELATIONS)
            claim = URIRef(f"{doc}/claim/{i}-{len(pool)}")
            start = rng.randrange(10_000)
            span = URIRef(f"{doc}/span/{start}-{start + 80}")
            g.add((subject, KKG[relation], obj))
            g.add((claim, RDF.type, RDF.Statement))
            g.add((claim, RDF.type, KKG.Claim))
            g.add((claim, RDF.subject, subject))
            g.add((claim, RDF.predicate, KKG[relation]))
            g.add((claim, RDF.object, obj))
            g.add((claim, KKG.stance, KKG[rng.choice(STANCES)]))
            g.add((claim, PROV.wasDerivedFrom, doc))
            g.add((claim, KKG.textSpan, span))
            g.add((span, RDF.type, OA.TextQuoteSelector))
            g.add((span, OA.start, Literal(start, datatype=XSD.nonNegativeInteger)))
            g.add((span, OA.end, Literal(start + 80, datatype=XSD.nonNegativeInteger)))
            g.add((span, OA.exact, Literal(f"Volgens het kabinet is er een verband (bewijs {i}).")))
            g.add((doc, KKG.mentions, subject))
            g.add((doc, KKG.mentions, obj))
    return g
