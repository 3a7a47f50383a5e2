"""Project the kamerkg RDF graph onto a networkx graph of actors.

Nodes are actors (every subject typed with one of the seven actor classes), keyed
by IRI string, with attributes ``label``, ``kind`` (class local name), ``aliases``
(sorted list of ``skos:altLabel``), ``documents`` (sorted source file names that
mention the actor or name it as asker/answerer) and ``offices`` (sorted labels).

Edges, keyed so that parallel edges stay apart:

- one edge per claim (``rdf:Statement`` / ``kkg:Claim``), key = claim IRI, with
  ``relation`` (``memberOf``, ``attributedTo``, ...), ``stance`` (``""`` for
  ``memberOf``), ``evidence`` (the ``oa:exact`` sentence), ``document`` (source
  file name), ``start``/``end`` (offsets, or None), ``cue``, ``reported_by``
  (label of the reporting actor), ``report_source``;
- one edge per direct relation triple that no claim backs (hand-made graphs),
  key ``"<relation>|direct"``, with empty evidence and stance;
- one ``relation="asked"`` edge per document from each asking MP to each
  answering minister, key ``"asked|<document IRI>"``, with ``date`` (submitted,
  ISO), ``answered`` (ISO), ``reference`` (``dcterms:identifier``), ``document``.

Examples
--------
>>> from rdflib import Graph
>>> ttl = '''
... @prefix kkg: <https://w3id.org/kamerkg/ns#> .
... @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
... <https://w3id.org/kamerkg/id/actor/apt31> a kkg:ThreatActor ; rdfs:label "APT31" .
... <https://w3id.org/kamerkg/id/actor/china> a kkg:Country ; rdfs:label "China" .
... <https://w3id.org/kamerkg/id/actor/apt31> kkg:attributedTo
...     <https://w3id.org/kamerkg/id/actor/china> .
... '''
>>> G = to_networkx(Graph().parse(data=ttl, format="turtle"))
>>> sorted(G.nodes[n]["label"] for n in G)
['APT31', 'China']
>>> [d["relation"] for _, _, d in G.edges(data=True)]
['attributedTo']
>>> sorted(G.nodes[n]["label"] for n in ego(G, "apt31", 1))
['APT31', 'China']
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

import networkx as nx
from rdflib import RDF, RDFS, SKOS, BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV

from kamerkg.extract.errors import QueryError
from kamerkg.extract.model import ACTOR_TYPES, RELATIONS
from kamerkg.ontology import KKG, OA

__all__ = [
    "TripleIndex",
    "ego",
    "format_stats",
    "local_name",
    "network_lines",
    "normalise",
    "split_shared",
    "stats",
    "to_networkx",
    "undirected",
    "undirected_pairs",
    "union",
]

#: Above this many nodes betweenness is estimated from a fixed-seed sample.
_EXACT_BETWEENNESS = 1500
_SAMPLE = 300


def local_name(iri: object) -> str:
    """The part of an IRI after the last ``#`` or ``/``.

    Examples
    --------
    >>> local_name("https://w3id.org/kamerkg/ns#denied")
    'denied'
    """
    text = str(iri)
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def normalise(name: str) -> str:
    """Case-fold, strip diacritics and collapse white space (FORMAT.md matching).

    Examples
    --------
    >>> normalise("  Ministerie van  Buitenlandse Zákén ")
    'ministerie van buitenlandse zaken'
    """
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.casefold().split())


def union(rdf: Graph) -> Graph:
    """The rdf graph itself, or for a ``Dataset`` the union of all its graphs."""
    if not getattr(rdf, "context_aware", False):
        return rdf
    merged = Graph()
    for s, p, o, _ctx in rdf.quads((None, None, None, None)):
        merged.add((s, p, o))
    return merged


def _text(graph: Graph, subject: object, predicate: URIRef) -> str:
    """Smallest literal value (deterministic when there are several), or ``""``."""
    values = sorted(str(v) for v in graph.objects(subject, predicate))
    return values[0] if values else ""


def _kind(graph: Graph, iri: URIRef) -> str:
    types = set(graph.objects(iri, RDF.type))
    for name in ACTOR_TYPES:
        if KKG[name] in types:
            return name
    return "Actor"


def document_source(graph: Graph, doc: object) -> str:
    if doc is None:
        return ""
    return _text(graph, doc, DCTERMS.source) or local_name(doc)


def actor_iris(graph: Graph) -> list[URIRef]:
    found: set[URIRef] = set()
    for name in (*ACTOR_TYPES, "Actor"):
        found.update(s for s in graph.subjects(RDF.type, KKG[name]) if isinstance(s, URIRef))
    return sorted(found)


def _ensure_node(G: nx.MultiDiGraph, graph: Graph, iri: URIRef) -> str:
    key = str(iri)
    if key not in G:
        label = _text(graph, iri, RDFS.label) or local_name(iri)
        aliases = sorted({str(a) for a in graph.objects(iri, SKOS.altLabel)} - {label})
        offices = sorted(
            {
                _text(graph, o, RDFS.label) or local_name(o)
                for o in graph.objects(iri, KKG.holdsOffice)
            }
        )
        G.add_node(
            key,
            label=label,
            kind=_kind(graph, iri),
            aliases=aliases,
            documents=[],
            offices=offices,
        )
    return key


def _span(graph: Graph, node: object) -> tuple[str, int | None, int | None]:
    span = graph.value(node, KKG.textSpan)
    if span is None:
        return "", None, None
    start, end = graph.value(span, OA.start), graph.value(span, OA.end)
    return (
        _text(graph, span, OA.exact),
        int(start) if start is not None else None,
        int(end) if end is not None else None,
    )


def _claim_nodes(graph: Graph) -> list[object]:
    nodes = set(graph.subjects(RDF.type, KKG.Claim)) | set(graph.subjects(RDF.type, RDF.Statement))
    return sorted(nodes, key=str)


def to_networkx(rdf: Graph) -> nx.MultiDiGraph:
    """Actors and the relations between them, from a kamerkg RDF graph.

    Parameters
    ----------
    rdf : rdflib.Graph
        A graph in the kamerkg shape; a ``Dataset`` is read as the union of its graphs.

    Returns
    -------
    networkx.MultiDiGraph
        Nodes and edges as the module docstring describes; node and edge insertion
        order is sorted, so two runs give identical graphs.
    """
    graph = union(rdf)
    G = nx.MultiDiGraph()
    for iri in actor_iris(graph):
        _ensure_node(G, graph, iri)

    documents: dict[str, set[str]] = {}

    def seen_in(actor: str, source: str) -> None:
        if source:
            documents.setdefault(actor, set()).add(source)

    backed: set[tuple[str, str, str]] = set()
    for claim in _claim_nodes(graph):
        s, p, o = (graph.value(claim, t) for t in (RDF.subject, RDF.predicate, RDF.object))
        if not (isinstance(s, URIRef) and isinstance(o, URIRef) and p is not None):
            continue
        source_key, target_key = _ensure_node(G, graph, s), _ensure_node(G, graph, o)
        relation = local_name(p)
        backed.add((source_key, relation, target_key))
        evidence, start, end = _span(graph, claim)
        stance = graph.value(claim, KKG.stance)
        reporter = graph.value(claim, KKG.reportedBy)
        document = document_source(graph, graph.value(claim, PROV.wasDerivedFrom))
        G.add_edge(
            source_key,
            target_key,
            key=str(claim),
            relation=relation,
            stance=local_name(stance) if stance is not None else "",
            evidence=" ".join(evidence.split()),
            document=document,
            start=start,
            end=end,
            cue=_text(graph, claim, KKG.stanceCue),
            reported_by=(_text(graph, reporter, RDFS.label) or local_name(reporter))
            if reporter is not None
            else "",
            report_source=_text(graph, claim, KKG.reportSource),
        )
        seen_in(source_key, document)
        seen_in(target_key, document)

    for relation in RELATIONS:
        pairs = sorted(
            graph.subject_objects(KKG[relation]), key=lambda so: (str(so[0]), str(so[1]))
        )
        for s, o in pairs:
            if not (str(s) in G and str(o) in G) or (str(s), relation, str(o)) in backed:
                continue
            G.add_edge(
                str(s),
                str(o),
                key=f"{relation}|direct",
                relation=relation,
                stance="",
                evidence="",
                document="",
                start=None,
                end=None,
            )

    for doc in sorted(graph.subjects(RDF.type, KKG.Document), key=str):
        source = document_source(graph, doc)
        for actor in graph.objects(doc, KKG.mentions):
            if str(actor) in G:
                seen_in(str(actor), source)
        askers = sorted(a for a in graph.objects(doc, KKG.askedBy) if isinstance(a, URIRef))
        answerers = sorted(a for a in graph.objects(doc, KKG.answeredBy) if isinstance(a, URIRef))
        for asker in askers:
            for answerer in answerers:
                a, b = _ensure_node(G, graph, asker), _ensure_node(G, graph, answerer)
                G.add_edge(
                    a,
                    b,
                    key=f"asked|{doc}",
                    relation="asked",
                    stance="",
                    evidence="",
                    document=source,
                    start=None,
                    end=None,
                    date=_text(graph, doc, DCTERMS.dateSubmitted),
                    answered=_text(graph, doc, KKG.answeredOn),
                    reference=_text(graph, doc, DCTERMS.identifier),
                )
        for person in (*askers, *answerers):
            seen_in(str(person), source)

    for node, sources in documents.items():
        G.nodes[node]["documents"] = sorted(sources)
    return G


# ------------------------------------------------------------- network triples only
#
# A build keeps, per document, just the triples :func:`to_networkx` reads (as sorted
# N-Triples lines), so the page of a large corpus is made without the whole graph in
# rdflib, and ``build --update`` remakes it from the stored lines of unchanged files.


def _iri(namespace: object, name: str) -> str:
    return f"<{namespace}{name}>"


#: Predicates read for any subject.
_READ_ALWAYS = frozenset(
    [
        f"<{RDFS.label}>",
        f"<{SKOS.altLabel}>",
        f"<{RDF.subject}>",
        f"<{RDF.predicate}>",
        f"<{RDF.object}>",
        f"<{DCTERMS.source}>",
        f"<{DCTERMS.dateSubmitted}>",
        f"<{DCTERMS.identifier}>",
        *(
            _iri(KKG, name)
            for name in (
                "holdsOffice",
                "stance",
                "stanceCue",
                "reportedBy",
                "reportSource",
                "mentions",
                "askedBy",
                "answeredBy",
                "answeredOn",
                *RELATIONS,
            )
        ),
    ]
)
_TYPE = f"<{RDF.type}>"
_CLAIM_TYPES = frozenset([_iri(KKG, "Claim"), f"<{RDF.Statement}>"])
#: ``rdf:type`` objects read: actor classes, claims and documents.
_READ_TYPES = frozenset(
    [*(_iri(KKG, name) for name in (*ACTOR_TYPES, "Actor", "Document")), *_CLAIM_TYPES]
)
#: Read for claims only, and the span properties for their spans only.
_TEXT_SPAN = _iri(KKG, "textSpan")
_CLAIM_PREDICATES = frozenset([_iri(KKG, "textSpan"), f"<{PROV.wasDerivedFrom}>"])
_SPAN_PREDICATES = frozenset([_iri(OA, "start"), _iri(OA, "end"), _iri(OA, "exact")])


def _parts(line: str) -> tuple[str, str, str]:
    subject, predicate, rest = line.split(" ", 2)
    return subject, predicate, rest.rstrip("\n")[:-2].rstrip()


def network_lines(lines: Iterable[str]) -> list[str]:
    """The N-Triples lines of one document that :func:`to_networkx` reads.

    ``lines`` are one document's graph. Claims and their evidence spans live under
    the document IRI, so a claim's span and source are always in the same document
    as its ``rdf:type``: filtering document by document loses nothing.
    """
    rows = [(line, *_parts(line)) for line in lines]
    claims = {s for _, s, p, o in rows if p == _TYPE and o in _CLAIM_TYPES}
    spans = {o for _, s, p, o in rows if s in claims and p == _TEXT_SPAN and o[0] == "<"}
    kept = []
    for line, s, p, o in rows:
        if (
            p in _READ_ALWAYS
            or (p == _TYPE and o in _READ_TYPES)
            or (p in _CLAIM_PREDICATES and s in claims)
            or (p in _SPAN_PREDICATES and s in spans)
        ):
            kept.append(line)
    return kept


def split_shared(graph_iri: str, lines: Iterable[str]) -> tuple[list[str], list[str]]:
    """One document's network lines as (local, shared).

    Local lines are about the document itself, its claims and their spans (IRIs
    under the document's); shared lines are about actors and offices, which other
    documents describe too. ``build --update`` counts the shared lines over the
    corpus, so the page is patched from the changed documents alone.

    Examples
    --------
    >>> lines = ["<http://e/d> <p> <a> .\\n", "<http://e/d/c1> <p> <a> .\\n", "<a> <p> <d> .\\n"]
    >>> [len(part) for part in split_shared("http://e/d", lines)]
    [2, 1]
    """
    own, below = f"<{graph_iri}> ", f"<{graph_iri}/"
    local, shared = [], []
    for line in lines:
        (local if line.startswith(own) or line.startswith(below) else shared).append(line)
    return local, shared


_ECHAR = re.compile(r"\\(?:u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)")
_ECHARS = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def _unescape_match(match: re.Match[str]) -> str:
    text = match.group(0)
    if text[1] in "uU":
        return chr(int(text[2:], 16))
    return _ECHARS.get(text[1], text)


def _term(text: str) -> URIRef | Literal | BNode:
    """One N-Triples term as an rdflib term."""
    if text.startswith("<"):
        return URIRef(text[1:-1])
    if text.startswith("_:"):
        return BNode(text[2:])
    end = text.rfind('"')
    lexical = text[1:end]
    if "\\" in lexical:
        lexical = _ECHAR.sub(_unescape_match, lexical)
    tail = text[end + 1 :]
    if tail.startswith("@"):
        return Literal(lexical, lang=tail[1:])
    if tail.startswith("^^"):
        return Literal(lexical, datatype=URIRef(tail[3:-1]))
    return Literal(lexical)


_RDF_TYPE = RDF.type  # a namespace attribute lookup costs more than the dict work


class TripleIndex:
    """The few rdflib ``Graph`` reads :func:`to_networkx` makes, over N-Triples lines.

    Much smaller and faster to fill than an rdflib ``Graph``; each triple is kept once.

    Examples
    --------
    >>> index = TripleIndex.from_lines(['<http://e/a> <http://e/p> "x" .'])
    >>> index.value(URIRef("http://e/a"), URIRef("http://e/p"))
    rdflib.term.Literal('x')
    """

    context_aware = False

    def __init__(self) -> None:
        self._by_predicate: dict[object, dict[object, dict[object, None]]] = {}
        self._typed: dict[object, dict[object, None]] = {}
        self._terms: dict[str, object] = {}  # each distinct term made once

    @classmethod
    def from_lines(cls, lines: Iterable[str]) -> TripleIndex:
        index = cls()
        for line in lines:
            index.add_line(line)
        return index

    def add_lines(self, text: str) -> None:
        """Add N-Triples text, one triple a line."""
        for line in text.splitlines(keepends=True):
            self.add_line(line)

    def add_line(self, line: str) -> None:
        """Add one N-Triples line (``s p o .``, as the store writes them)."""
        s, p, o = line.split(" ", 2)
        o = o[:-3] if o.endswith(" .\n") else o.rstrip("\n")[:-2].rstrip()
        terms = self._terms
        subject = terms.get(s) or terms.setdefault(s, _term(s))
        predicate = terms.get(p) or terms.setdefault(p, _term(p))
        obj = terms.get(o)
        if obj is None:
            obj = terms[o] = _term(o)
        by_subject = self._by_predicate.get(predicate)
        if by_subject is None:
            by_subject = self._by_predicate[predicate] = {}
        objects = by_subject.get(subject)
        if objects is None:
            objects = by_subject[subject] = {}
        objects[obj] = None
        if predicate == _RDF_TYPE:
            self._typed.setdefault(obj, {})[subject] = None

    def objects(self, subject: object, predicate: object) -> Iterator[object]:
        return iter(tuple(self._by_predicate.get(predicate, {}).get(subject, ())))

    def subjects(self, predicate: object, object: object) -> Iterator[object]:
        if predicate != _RDF_TYPE:
            raise NotImplementedError("only rdf:type subjects are indexed")
        return iter(tuple(self._typed.get(object, ())))

    def value(self, subject: object, predicate: object) -> object | None:
        return next(iter(self._by_predicate.get(predicate, {}).get(subject, ())), None)

    def subject_map(self, predicate: object) -> dict[object, dict[object, None]]:
        """Subject -> its objects (as dict keys) for one predicate; do not change it."""
        return self._by_predicate.get(predicate, {})

    def subject_objects(self, predicate: object) -> Iterator[tuple[object, object]]:
        for subject, objects in self._by_predicate.get(predicate, {}).items():
            for obj in objects:
                yield subject, obj


def _names(G: nx.MultiDiGraph) -> dict[str, list[str]]:
    """Normalised name -> sorted node ids carrying it as label or alias."""
    index: dict[str, set[str]] = {}
    for node, data in G.nodes(data=True):
        for name in (data.get("label", ""), *data.get("aliases", ())):
            if name:
                index.setdefault(normalise(name), set()).add(node)
    return {name: sorted(nodes) for name, nodes in index.items()}


def ego(G: nx.MultiDiGraph, name_or_iri: str, depth: int = 1) -> nx.MultiDiGraph:
    """The neighbourhood of one actor, following edges in both directions.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A graph from :func:`to_networkx`.
    name_or_iri : str
        A node IRI, or a label or alias compared case- and diacritics-insensitively.
        When several actors carry the name, the neighbourhoods of all are merged.
    depth : int
        How many hops to include (0 gives the actor alone).

    Raises
    ------
    QueryError
        ``E601`` for an unknown name (the message lists close matches) and
        ``E603`` for a negative depth.
    """
    if depth < 0:
        raise QueryError("E603", f"depth {depth} is negative", "give a depth of 0 or more")
    if name_or_iri in G:
        centres = [name_or_iri]
    else:
        index = _names(G)
        wanted = normalise(name_or_iri)
        centres = index.get(wanted, [])
        if not centres:
            close = difflib.get_close_matches(wanted, sorted(index), n=5, cutoff=0.6)
            labels = sorted({G.nodes[n]["label"] for c in close for n in index[c]})
            hint = (
                f"did you mean: {', '.join(labels)}"
                if labels
                else "list the actors with 'kamerkg stats' or a SPARQL query"
            )
            raise QueryError("E601", f"no actor named {name_or_iri!r} in the graph", hint)
    view = G.to_undirected(as_view=True)
    keep: set[str] = set()
    for centre in centres:
        keep.update(nx.single_source_shortest_path_length(view, centre, cutoff=depth))
    return G.subgraph(sorted(keep)).copy()


def undirected(G: nx.MultiDiGraph) -> nx.Graph:
    """Undirected simple graph in sorted order; ``weight`` counts parallel edges.

    Self-loops are dropped; used for centrality, communities and layout.
    """
    return undirected_pairs(G.nodes, G.edges())


def undirected_pairs(nodes: Iterable[str], pairs: Iterable[tuple[str, str]]) -> nx.Graph:
    """:func:`undirected` of a graph given as its nodes and its edges' ``(u, v)`` pairs."""
    H = nx.Graph()
    H.add_nodes_from(sorted(nodes))
    counts = Counter((u, v) if u <= v else (v, u) for u, v in pairs)
    H.add_edges_from((u, v, {"weight": n}) for (u, v), n in sorted(counts.items()) if u != v)
    return H


def _ranked(G: nx.MultiDiGraph, values: dict[str, float], top: int) -> list[dict[str, Any]]:
    order = sorted(values, key=lambda n: (-values[n], G.nodes[n]["label"], n))
    return [
        {
            "id": n,
            "label": G.nodes[n]["label"],
            "kind": G.nodes[n]["kind"],
            "value": round(values[n], 6),
        }
        for n in order[:top]
    ]


def stats(G: nx.MultiDiGraph, top: int = 10) -> dict[str, Any]:
    """Size, centrality and communities of an actor graph, deterministically.

    Degree centrality counts distinct neighbours (direction ignored). Betweenness is
    exact up to 1,500 nodes and estimated from 300 fixed-seed pivots above. Communities
    come from Louvain with ``seed=0``; singletons are counted, not listed.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A graph from :func:`to_networkx`.
    top : int
        How many actors each ranking and community listing keeps.

    Returns
    -------
    dict
        ``nodes``, ``edges``, ``components``, ``kinds``, ``relations``, ``stances``,
        ``degree`` and ``betweenness`` (lists of ``{id, label, kind, value}``),
        ``communities`` (list of ``{size, members}``, members as labels) and
        ``singletons``.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> for n in "abc":
    ...     G.add_node(n, label=n.upper(), kind="Person")
    >>> _ = G.add_edge("a", "b", relation="memberOf", stance="")
    >>> stats(G)["degree"][0]["label"], stats(G)["singletons"]
    ('A', 1)
    """
    H = undirected(G)
    n = H.number_of_nodes()
    degree = nx.degree_centrality(H) if n > 1 else dict.fromkeys(H, 0.0)
    if n > _EXACT_BETWEENNESS:
        between = nx.betweenness_centrality(H, k=_SAMPLE, seed=0)
    else:
        between = nx.betweenness_centrality(H)
    communities: list[dict[str, Any]] = []
    singletons = 0
    if H.number_of_edges():
        found = nx.community.louvain_communities(H, weight="weight", seed=0)
        labelled = [sorted(G.nodes[m]["label"] for m in group) for group in found]
        for members in sorted(labelled, key=lambda m: (-len(m), m)):
            if len(members) == 1:
                singletons += 1
            else:
                communities.append({"size": len(members), "members": members[:top]})
    else:
        singletons = n
    edges = list(G.edges(data=True))
    return {
        "nodes": n,
        "edges": G.number_of_edges(),
        "components": nx.number_connected_components(H) if n else 0,
        "kinds": dict(sorted(Counter(d["kind"] for _, d in G.nodes(data=True)).items())),
        "relations": dict(sorted(Counter(d.get("relation", "") for *_, d in edges).items())),
        "stances": dict(sorted(Counter(d["stance"] for *_, d in edges if d.get("stance")).items())),
        "degree": _ranked(G, degree, top),
        "betweenness": _ranked(G, between, top),
        "communities": communities,
        "singletons": singletons,
    }


def _table(title: str, rows: list[dict[str, Any]]) -> list[str]:
    if not rows:
        return [title, "  (none)"]
    width = max(len(r["label"]) for r in rows)
    lines = [title]
    for i, row in enumerate(rows, 1):
        lines.append(f"  {i:>3}. {row['label']:<{width}}  {row['kind']:<15} {row['value']:.4f}")
    return lines


def format_stats(d: dict[str, Any]) -> str:
    """A plain-text report of :func:`stats` output.

    Examples
    --------
    >>> print(format_stats({"nodes": 0, "edges": 0, "components": 0, "kinds": {},
    ...     "relations": {}, "stances": {}, "degree": [], "betweenness": [],
    ...     "communities": [], "singletons": 0}).splitlines()[0])
    actors: 0  edges: 0  components: 0
    """
    lines = [f"actors: {d['nodes']}  edges: {d['edges']}  components: {d['components']}"]
    for name in ("kinds", "relations", "stances"):
        counts = d.get(name) or {}
        if counts:
            lines.append(f"{name}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    lines.append("")
    lines += _table("degree centrality", d["degree"])
    lines.append("")
    lines += _table("betweenness centrality", d["betweenness"])
    lines.append("")
    lines.append(f"communities (Louvain, seed 0): {len(d['communities'])}")
    for i, group in enumerate(d["communities"], 1):
        more = group["size"] - len(group["members"])
        tail = f" (+{more} more)" if more > 0 else ""
        lines.append(f"  {i:>3}. [{group['size']}] " + ", ".join(group["members"]) + tail)
    if d.get("singletons"):
        lines.append(f"  unconnected actors: {d['singletons']}")
    return "\n".join(lines)
