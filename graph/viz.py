"""Views of the actor network: an offline HTML page and a static picture.

The page uses the vis-network library shipped inside the pyvis package, inlined with
kamerkg's own template (``graph/templates/page.html``, ``page.css``, ``page.js``), so
it opens with no network at all. It does not use pyvis' own template: that one links
a CDN and turns node titles containing ``href`` into HTML. Here the data travel as
JSON inside ``<script type="application/json">`` (``<``, ``>``, ``&`` escaped) and
tooltips are DOM elements filled with ``textContent``; a Content-Security-Policy
allows only the page's own two scripts (by hash) and no network loads.

Layout is computed in Python (physics off): spring layout up to 600 actors; above
that, a spring layout of the 600 best-connected actors with the others placed
around their neighbours, so a 5,000-actor page is written and opened in seconds.

Colours, shapes and edge styles come from ``graph/viz_style.json``.

Examples
--------
>>> import tempfile, networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("a", label="APT31", kind="ThreatActor", aliases=[], documents=[])
>>> with tempfile.TemporaryDirectory() as tmp:
...     write_page(G, Path(tmp) / "g.html", title="demo")
...     html = (Path(tmp) / "g.html").read_text(encoding="utf-8")
>>> "https://cdn" in html, '"label":"APT31"' in html
(False, True)
"""

from __future__ import annotations

import base64
import hashlib
import html
import io
import json
import math
from collections import Counter, deque
from collections.abc import Iterable
from functools import cache
from importlib.resources import files
from pathlib import Path
from string import Template
from typing import Any

import networkx as nx
from rdflib import RDFS, URIRef
from rdflib.namespace import PROV

from kamerkg.extract.errors import InputError
from kamerkg.ontology import ID, KKG

from .export import atomic_write
from .network import (
    TripleIndex,
    actor_iris,
    document_source,
    split_shared,
    to_networkx,
    undirected,
    undirected_pairs,
)

__all__ = [
    "PageParts",
    "edge_record",
    "layout",
    "load_style",
    "page_data",
    "page_json",
    "render_page_json",
    "write_page",
    "write_picture",
]

_CORE = 600  # actors laid out by the dense spring layout
_BIG = 1000  # above this, no edge labels and edges hidden while dragging
_EDGE_LABELS = 150  # edge labels drawn up to this many edges
_VIS = ("templates", "lib", "vis-9.1.2")
_UNIT = 140.0  # pixels per square root of a component's actor count
_GOLDEN = math.pi * (3 - math.sqrt(5))


@cache
def load_style() -> dict[str, Any]:
    """The colour, shape and edge-style table from ``viz_style.json``."""
    text = (files("kamerkg.graph") / "viz_style.json").read_text(encoding="utf-8")
    return json.loads(text)


def _class_style(kind: str) -> dict[str, Any]:
    classes = load_style()["classes"]
    return classes.get(kind, classes["Actor"])


def _edge_style(relation: str, stance: str) -> dict[str, Any]:
    style = load_style()
    if relation in style["relations"]:
        return style["relations"][relation]
    return style["stances"].get(stance, style["default_edge"])


# --- layout ------------------------------------------------------------------------


def _spring(H: nx.Graph) -> dict[str, tuple[float, float]]:
    n = H.number_of_nodes()
    if n == 0:
        return {}
    if n == 1:
        return {next(iter(H)): (0.0, 0.0)}
    pos = nx.spring_layout(H, seed=0, iterations=50 if n <= 200 else 30)
    return {v: (float(p[0]), float(p[1])) for v, p in pos.items()}


def _induced(H: nx.Graph, nodes: list[str]) -> nx.Graph:
    """The subgraph on ``nodes`` with nodes and edges in sorted order.

    ``H.subgraph`` can iterate its nodes in set order, which changes with the
    process's hash seed, and spring layout depends on node order.
    """
    keep = set(nodes)
    sub = nx.Graph()
    sub.add_nodes_from(sorted(keep))
    for u in sorted(keep):
        for v in sorted(H[u]):
            if v in keep and u < v:
                sub.add_edge(u, v, **H[u][v])
    return sub


def _place(H: nx.Graph) -> dict[str, tuple[float, float]]:
    if H.number_of_nodes() <= _CORE:
        return _spring(H)
    core = sorted(H, key=lambda v: (-H.degree(v), v))[:_CORE]
    pos = _spring(_induced(H, core))
    step = 1.0 / math.sqrt(len(core))
    children: Counter[str] = Counter()
    queue = deque(core)
    # Breadth-first from the core: each new actor sits on a small sunflower
    # spiral around the neighbour that reached it first.
    while queue:
        u = queue.popleft()
        ux, uy = pos[u]
        for v in sorted(H[u]):
            if v in pos:
                continue
            k = children[u]
            children[u] += 1
            r = step * (0.6 + 0.25 * math.sqrt(k))
            pos[v] = (ux + r * math.cos(k * _GOLDEN), uy + r * math.sin(k * _GOLDEN))
            queue.append(v)
    rest = sorted(v for v in H if v not in pos)
    if rest:
        # Components without a core actor go to the right of the rest.
        extra = _place(_induced(H, rest))
        right = max(x for x, _ in pos.values()) + 4 * step
        left = min(x for x, _ in extra.values())
        pos.update({v: (x - left + right, y) for v, (x, y) in extra.items()})
    return pos


def _normalised(pos: dict[str, tuple[float, float]], side: float) -> dict[str, tuple[float, float]]:
    """Shift to the origin and scale so the longer side of the box is ``side``."""
    xs = [x for x, _ in pos.values()]
    ys = [y for _, y in pos.values()]
    extent = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    return {
        v: ((x - min(xs)) * side / extent, (y - min(ys)) * side / extent)
        for v, (x, y) in pos.items()
    }


def layout(G: nx.Graph) -> dict[str, tuple[int, int]]:
    """Pixel positions for every node, deterministic for a given graph.

    Each connected component is laid out on its own, sized by its number of actors,
    and the components are packed in rows, largest first.

    Examples
    --------
    >>> G = nx.path_graph(["a", "b", "c"])
    >>> pos = layout(G)
    >>> sorted(pos) == ["a", "b", "c"] and all(isinstance(x, int) for x, _ in pos.values())
    True
    """
    H = undirected(G) if G.is_multigraph() or G.is_directed() else G
    components = sorted(
        (sorted(c) for c in nx.connected_components(H)), key=lambda c: (-len(c), c[0])
    )
    if not components:
        return {}
    boxes = []
    for members in components:
        if len(members) == 1:
            # A lone actor's box is as wide as its label would overflow the gap.
            label = str(G.nodes[members[0]].get("label", members[0])) if members[0] in G else ""
            boxes.append(({members[0]: (0.0, 0.0)}, max(0.0, 8.0 * len(label) - _UNIT), 0.0))
            continue
        if len(members) == 2:
            placed = {members[0]: (0.0, 0.0), members[1]: (_UNIT, 0.0)}
        else:
            placed = _normalised(_place(_induced(H, members)), _UNIT * math.sqrt(len(members)))
        boxes.append(
            (placed, max(x for x, _ in placed.values()), max(y for _, y in placed.values()))
        )
    row_width = max(boxes[0][1], _UNIT * math.sqrt(H.number_of_nodes()) * 1.4)
    gap = _UNIT * 0.8
    pos: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for placed, width, height in boxes:
        if x > 0 and x + width > row_width:
            x, y, row_height = 0.0, y + row_height + gap, 0.0
        pos.update({v: (x + px, y + py) for v, (px, py) in placed.items()})
        x += width + gap
        row_height = max(row_height, height)
    cx = (max(p[0] for p in pos.values()) + min(p[0] for p in pos.values())) / 2
    cy = (max(p[1] for p in pos.values()) + min(p[1] for p in pos.values())) / 2
    return {v: (round(px - cx), round(py - cy)) for v, (px, py) in sorted(pos.items())}


# --- page --------------------------------------------------------------------------


def _join(values: list[str], limit: int = 12) -> str:
    shown = ", ".join(values[:limit])
    return shown + (f" … (+{len(values) - limit})" if len(values) > limit else "")


def _node_tip(data: dict[str, Any]) -> list[list[str]]:
    rows = [["", data.get("label", "")], ["class", _class_style(data["kind"])["label"]]]
    if data.get("aliases"):
        rows.append(["also", "; ".join(data["aliases"])])
    if data.get("offices"):
        rows.append(["office", "; ".join(data["offices"])])
    if data.get("documents"):
        rows.append(["documents", _join(list(data["documents"]))])
    return rows


def _edge_tip(G: nx.MultiDiGraph, u: str, v: str, data: dict[str, Any]) -> list[list[str]]:
    relation = data.get("relation", "")
    head = f"{G.nodes[u].get('label', u)} — {relation} → {G.nodes[v].get('label', v)}"
    rows = [["", head]]
    if relation == "asked":
        for key, name in (
            ("date", "submitted"),
            ("answered", "answered"),
            ("reference", "reference"),
        ):
            if data.get(key):
                rows.append([name, str(data[key])])
    if data.get("stance"):
        cue = f" (“{data['cue']}”)" if data.get("cue") else ""
        rows.append(["stance", data["stance"] + cue])
    if data.get("reported_by"):
        rows.append(["reported by", data["reported_by"]])
    if data.get("report_source"):
        rows.append(["source", data["report_source"]])
    if data.get("evidence"):
        rows.append(["evidence", data["evidence"]])
    if data.get("document"):
        where = data["document"]
        if data.get("start") is not None and data.get("end") is not None:
            where += f", characters {data['start']}–{data['end']}"
        rows.append(["document", where])
    return rows


def _options(big: bool) -> dict[str, Any]:
    return {
        "autoResize": True,
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False, "randomSeed": 0},
        "interaction": {
            "hover": True,
            "tooltipDelay": 120,
            "hideEdgesOnDrag": big,
            "hideEdgesOnZoom": big,
            "keyboard": False,
        },
        "nodes": {"borderWidth": 1, "font": {"size": 14, "face": "system-ui, sans-serif"}},
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "font": {"size": 10, "align": "middle", "color": "#555555"},
            "smooth": False,
            "selectionWidth": 2,
        },
    }


def _short_id(iri: str) -> str:
    """Node id without the instance namespace: the page then holds no IRIs."""
    return iri.removeprefix(str(ID))


def page_data(G: nx.MultiDiGraph, *, title: str = "kamerkg") -> dict[str, Any]:
    """Everything the page script needs, as plain JSON-ready data.

    Nodes carry ``id``, ``label``, ``aliases``, ``kind``, ``x``, ``y``, ``size``,
    ``color``, ``shape`` and ``tip`` (rows of ``[key, text]``); edges carry ``from``,
    ``to``, ``relation``, ``stance``, ``color``, ``dashes``, ``width``, ``smooth``
    and ``tip``.
    """
    H = undirected(G)
    nodes = _node_entries(G, H, layout(G))
    edges = []
    pair_count: Counter[tuple[str, str]] = Counter()
    labels = G.number_of_edges() <= _EDGE_LABELS
    for i, (u, v, _key, data) in enumerate(
        sorted(G.edges(keys=True, data=True), key=lambda e: (e[0], e[1], str(e[2])))
    ):
        relation, stance = data.get("relation", ""), data.get("stance", "")
        style = _edge_style(relation, stance)
        edges.append(
            {
                "id": f"e{i}",
                "from": _short_id(u),
                "to": _short_id(v),
                "relation": relation,
                "stance": stance,
                "color": style["color"],
                "dashes": style["dashes"],
                "width": 1 if relation == "asked" else 2,
                "smooth": _smooth(pair_count, u, v),
                "label": relation if labels and relation != "asked" else "",
                "tip": _edge_tip(G, u, v, data),
            }
        )
    seen = {(e["relation"], e["stance"]) for e in edges}
    return {
        "title": title,
        "nodes": nodes,
        "edges": edges,
        "legend": _legend(nodes, seen),
        "options": _options(G.number_of_nodes() > _BIG),
    }


def _smooth(pair_count: Counter[tuple[str, str]], u: str, v: str) -> Any:
    """Parallel edges bend apart so each keeps its own tooltip."""
    pair = (min(u, v), max(u, v))
    k = pair_count[pair]
    pair_count[pair] += 1
    return _bend(k)


def _bend(k: int) -> Any:
    """The ``smooth`` option of the ``k``-th edge (from 0) between two actors."""
    if k == 0:
        return False
    return {
        "enabled": True,
        "type": "curvedCW" if k % 2 else "curvedCCW",
        "roundness": 0.2 * ((k + 1) // 2),
    }


def _node_entries(
    G: nx.Graph, H: nx.Graph, pos: dict[str, tuple[int, int]]
) -> list[dict[str, Any]]:
    nodes = []
    for node in sorted(G.nodes):
        data = G.nodes[node]
        kind = data.get("kind", "Actor")
        style = _class_style(kind)
        x, y = pos[node]
        nodes.append(
            {
                "id": _short_id(node),
                "label": data.get("label", node),
                "aliases": list(data.get("aliases", [])),
                "kind": kind,
                "x": x,
                "y": y,
                "size": round(10 + 3 * math.log2(1 + H.degree(node)), 1),
                "color": style["color"],
                "shape": style["shape"],
                "tip": _node_tip({**data, "kind": kind}),
            }
        )
    return nodes


def _legend(nodes: list[dict[str, Any]], seen: set[tuple[str, str]]) -> dict[str, Any]:
    """Classes present (with counts) and the edge styles of the ``(relation, stance)`` seen."""
    kinds = Counter(n["kind"] for n in nodes)
    style = load_style()
    classes = style["classes"]
    order = [k for k in classes if k in kinds] + sorted(k for k in kinds if k not in classes)
    seen_stances = {stance for _, stance in seen}
    seen_relations = {relation for relation, _ in seen}
    legend_edges = [
        {"label": s["label"], "color": s["color"], "dashes": s["dashes"]}
        for name, s in style["stances"].items()
        if name in seen_stances
    ] + [
        {"label": s["label"], "color": s["color"], "dashes": s["dashes"]}
        for name, s in style["relations"].items()
        if name in seen_relations
    ]
    return {
        "classes": [
            {
                "kind": k,
                "label": _class_style(k)["label"],
                "color": _class_style(k)["color"],
                "shape": _class_style(k)["shape"],
                "count": kinds[k],
            }
            for k in order
        ],
        "edges": legend_edges,
    }


# --- the page in parts -------------------------------------------------------------
#
# ``build --update`` keeps the page's edges as JSON text, grouped by the document
# they come from, and the actors' attributes are remade from the lines about actors
# (few); so an update redraws the page from the changed documents alone. The text
# is the same as that of :func:`page_data`, piece by piece.

#: An edge of the page: ``(u, v, key, relation, stance, head, tip, reporter)``; ``head``
#: is its JSON from ``from`` to ``width``, ``tip`` its tooltip's JSON, ``reporter`` the
#: IRI whose label the tooltip quotes ("" for none).
EdgeRecord = tuple[str, str, str, str, str, str, str, str]


def _dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def edge_record(G: nx.MultiDiGraph, u: str, v: str, key: object, reporter: str = "") -> EdgeRecord:
    """One edge of ``G`` as the page writes it (see :data:`EdgeRecord`)."""
    data = G.edges[u, v, key]
    relation, stance = data.get("relation", ""), data.get("stance", "")
    style = _edge_style(relation, stance)
    head = _dumps(
        {
            "from": _short_id(u),
            "to": _short_id(v),
            "relation": relation,
            "stance": stance,
            "color": style["color"],
            "dashes": style["dashes"],
            "width": 1 if relation == "asked" else 2,
        }
    )[1:-1]
    return u, v, str(key), relation, stance, head, _dumps(_edge_tip(G, u, v, data)), reporter


def page_json(G: nx.Graph, records: list[EdgeRecord], title: str, layout_cache: dict) -> str:
    """``json.dumps(page_data(...))`` of a graph given as ``G``'s nodes and ``records``.

    ``layout_cache`` keeps the last layout and what it was made from; the layout is
    computed again only when the undirected graph or a lone actor's label changed.
    """
    records = sorted(records)  # by (u, v, key), which no two edges share
    H = undirected_pairs(G.nodes, ((r[0], r[1]) for r in records))
    for node in H:
        H.nodes[node]["label"] = G.nodes[node].get("label", node)
    shape = hashlib.sha256(
        _dumps(
            [
                [[n, H.nodes[n]["label"]] for n in H],
                [[u, v, w] for u, v, w in H.edges(data="weight")],
            ]
        ).encode()
    ).hexdigest()
    if layout_cache.get("shape") != shape:
        layout_cache.clear()
        layout_cache.update(shape=shape, pos=layout(H))
    nodes = _node_entries(G, H, layout_cache["pos"])
    labels = len(records) <= _EDGE_LABELS
    pair_count: Counter[tuple[str, str]] = Counter()
    bends: dict[int, str] = {}  # JSON made once per distinct value: tens of thousands of edges
    names: dict[str, str] = {}
    edges = []
    for i, (u, v, _key, relation, _stance, head, tip, _reporter) in enumerate(records):
        pair = (u, v) if u <= v else (v, u)
        k = pair_count[pair]
        pair_count[pair] = k + 1
        smooth = bends.get(k) or bends.setdefault(k, _dumps(_bend(k)))
        label = names.get(relation) or names.setdefault(
            relation, _dumps(relation if labels and relation != "asked" else "")
        )
        edges.append(f'{{"id":"e{i}",{head},"smooth":{smooth},"label":{label},"tip":{tip}}}')
    legend = _legend(nodes, {(r[3], r[4]) for r in records})
    return (
        f'{{"title":{_dumps(title)},"nodes":{_dumps(nodes)},"edges":[{",".join(edges)}],'
        f'"legend":{_dumps(legend)},"options":{_dumps(_options(G.number_of_nodes() > _BIG))}}}'
    )


class PageParts:
    """The page of a build in parts, kept in the store so ``build --update`` redraws it
    from the changed documents alone.

    ``shared`` counts, per network line about an actor or office (see
    :func:`kamerkg.graph.network.split_shared`), the documents holding it: the actors'
    attributes are remade from those lines. ``edges`` holds each document's edges as
    JSON text (:data:`EdgeRecord`), ``sources`` each document's source name and
    ``documents`` the sources each actor is seen in. ``layout`` caches the layout.

    The parts exist only for graphs that split by document as a build's do: every
    actor typed in the shared lines, every claim under its document's IRI, no blank
    nodes. For any other graph :meth:`from_graph` gives None and the page is drawn whole.
    """

    def __init__(self) -> None:
        self.shared: Counter[str] = Counter()
        self.sources: dict[str, str] = {}
        self.documents: dict[str, set[str]] = {}
        self.edges: dict[str, list[EdgeRecord]] = {}
        self.layout: dict[str, Any] = {}

    # -- making and saving

    @classmethod
    def from_graph(
        cls, G: nx.MultiDiGraph, index: Any, shared: Counter[str], documents: Iterable[str]
    ) -> PageParts | None:
        """The parts of ``G = to_networkx(index)``, the graph of ``documents`` (IRIs)."""
        parts = cls()
        parts.shared = shared
        for doc in documents:
            parts.sources[doc] = document_source(index, URIRef(doc))
            parts.edges[doc] = []
        base = parts._shared_graph()
        if base is None or len(set(parts.sources.values())) != len(parts.sources):
            return None
        if set(base) != set(G) or any(
            {**G.nodes[n], "documents": []} != base.nodes[n] for n in base
        ):
            return None  # an actor is described outside the shared lines
        for u, v, key, data in G.edges(keys=True, data=True):
            if data.get("relation") and str(key).endswith("|direct"):
                continue  # remade from the shared lines
            found = parts._owner(index, str(key))
            if found is None:
                return None
            doc, reporter = found
            parts.edges[doc].append(edge_record(G, u, v, key, reporter))
        parts.documents = {n: set(G.nodes[n]["documents"]) for n in G if G.nodes[n]["documents"]}
        return parts

    def _owner(self, index: Any, key: str) -> tuple[str, str] | None:
        """The document an edge comes from and its claim's reporter, or None."""
        if key.startswith("asked|"):
            doc = key.removeprefix("asked|")
            return (doc, "") if doc in self.edges else None
        derived = index.value(URIRef(key), PROV.wasDerivedFrom)
        if derived is None or str(derived) not in self.edges or not key.startswith(f"{derived}/"):
            return None
        reporter = index.value(URIRef(key), KKG.reportedBy)
        return str(derived), str(reporter) if reporter is not None else ""

    def to_bytes(self) -> bytes:
        # JSON, not pickle: the file sits in an output folder that may be shared,
        # and reading it must never run code.
        state = {
            "format": _PARTS_FORMAT,
            "shared": dict(self.shared),
            "sources": self.sources,
            "documents": {node: sorted(docs) for node, docs in self.documents.items()},
            "edges": self.edges,
            "layout": self.layout,
        }
        return json.dumps(state).encode()

    @classmethod
    def from_bytes(cls, data: bytes | None) -> PageParts | None:
        """The parts :meth:`to_bytes` wrote (a file of the build's own store), or None."""
        if not data:
            return None
        try:
            state = json.loads(data)
            if state["format"] != _PARTS_FORMAT:
                return None
            parts = cls()
            parts.shared = Counter(state["shared"])
            parts.sources = state["sources"]
            parts.documents = {node: set(docs) for node, docs in state["documents"].items()}
            parts.edges = {
                doc: [tuple(edge) for edge in edges] for doc, edges in state["edges"].items()
            }
            layout = state["layout"]
            if isinstance(layout, dict) and isinstance(layout.get("pos"), dict):
                layout["pos"] = {node: tuple(xy) for node, xy in layout["pos"].items()}
            parts.layout = layout
        except Exception:  # an unreadable file: the page is drawn whole
            return None
        return parts

    # -- updating

    def update(self, changes: dict[str, tuple[str | None, str | None]]) -> bool:
        """Replace the documents in ``changes`` (IRI -> old and new network text, None
        for none). False, with the parts spoilt, when the page must be drawn whole: a
        label that kept edges quote changed, or a graph that does not split by document.
        """
        old_labels = _labels(self._shared_index())
        for doc, (old, new) in changes.items():
            if old is not None:
                self.shared.subtract(split_shared(doc, old.splitlines(keepends=True))[1])
            if new is not None:
                self.shared.update(split_shared(doc, new.splitlines(keepends=True))[1])
            self.edges.pop(doc, None)
            source = self.sources.pop(doc, None)
            for seen in self.documents.values():
                seen.discard(source)
        self.shared = Counter({line: n for line, n in self.shared.items() if n > 0})
        self.documents = {node: seen for node, seen in self.documents.items() if seen}
        shared_index = self._shared_index()
        labels = _labels(shared_index)
        changed = {
            k for k in old_labels.keys() | labels.keys() if old_labels.get(k) != labels.get(k)
        }
        if changed:
            quoted = {t for recs in self.edges.values() for r in recs for t in (r[0], r[1], r[7])}
            if changed & quoted:
                return False
        added = [doc for doc, (_old, new) in changes.items() if new is not None]
        if not added:
            return True
        lines = [line for line, _n in sorted(self.shared.items())]
        for doc in added:
            network = changes[doc][1] or ""
            lines += split_shared(doc, network.splitlines(keepends=True))[0]
            self.edges[doc] = []
        index = TripleIndex.from_lines(lines)
        G = to_networkx(index)
        actors = {str(a) for a in actor_iris(shared_index)}
        if not set(G) <= actors:
            return False
        for doc in added:
            self.sources[doc] = document_source(index, URIRef(doc))
        if len(set(self.sources.values())) != len(self.sources):
            return False
        for u, v, key, data in G.edges(keys=True, data=True):
            if data.get("relation") and str(key).endswith("|direct"):
                continue
            found = self._owner(index, str(key))
            if found is None:
                return False
            self.edges[found[0]].append(edge_record(G, u, v, key, found[1]))
        wanted = {self.sources[doc] for doc in added}
        for node in G:
            seen = wanted.intersection(G.nodes[node]["documents"])
            if seen:
                self.documents.setdefault(node, set()).update(seen)
        return True

    # -- drawing

    def _shared_index(self) -> TripleIndex:
        return TripleIndex.from_lines(sorted(line for line, n in self.shared.items() if n > 0))

    def _shared_graph(self) -> nx.MultiDiGraph | None:
        """The actors (attributes from the shared lines) and the direct edges no claim backs."""
        if any("_:" in line for line in self.shared):
            return None
        base = to_networkx(self._shared_index())
        backed = {
            (r[0], r[3], r[1])
            for recs in self.edges.values()
            for r in recs
            if not r[2].startswith("asked|")
        }
        for u, v, key, relation in list(base.edges(keys=True, data="relation")):
            if (u, relation, v) in backed:
                base.remove_edge(u, v, key)
        return base

    def page_json(self, title: str = "kamerkg") -> str | None:
        """The page's JSON (as :func:`page_data` gives it), or None when it must be drawn whole."""
        base = self._shared_graph()
        if base is None:
            return None
        records = [r for doc in sorted(self.edges) for r in self.edges[doc]]
        if any(r[0] not in base or r[1] not in base for r in records):
            return None
        records += [edge_record(base, u, v, key) for u, v, key in base.edges(keys=True)]
        for node in base:
            base.nodes[node]["documents"] = sorted(self.documents.get(node, ()))
        return page_json(base, records, title, self.layout)

    def write_page(self, path: Path, title: str = "kamerkg") -> bool:
        """Write the page; False (nothing written) when it must be drawn whole."""
        text = self.page_json(title)
        if text is None:
            return False
        atomic_write(Path(path), _render_json(text, title).encode("utf-8"))
        return True


_PARTS_FORMAT = 2


def _labels(index: TripleIndex) -> dict[str, str]:
    """Each labelled subject's label as the page shows it (the smallest)."""
    return {
        str(s): min(str(v) for v in labels) for s, labels in index.subject_map(RDFS.label).items()
    }


def _script_json(data: Any) -> str:
    """JSON that cannot end its ``<script>`` element or start a comment in it.

    Examples
    --------
    >>> _script_json({"t": "</script><!--&"})
    '{"t":"\\\\u003c/script\\\\u003e\\\\u003c!--\\\\u0026"}'
    """
    return _escape_json(_dumps(data))


def _escape_json(text: str) -> str:
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _read(resource: Any, what: str) -> str:
    try:
        text = resource.read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as exc:
        raise InputError(
            "E606", f"{what} is missing from the installation", "reinstall kamerkg and pyvis>=0.3.2"
        ) from exc
    # The HTML parser turns CRLF into LF; normalise first so the CSP hashes match.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _inline(text: str, tag: str) -> str:
    if f"</{tag}" in text.lower():
        raise InputError("E606", f"an inlined {tag} contains </{tag}", "reinstall kamerkg")
    return text


def _sha256(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _render(data: dict[str, Any], title: str) -> str:
    return _render_json(_dumps(data), title)


def _render_json(data_json: str, title: str) -> str:
    vis = files("pyvis").joinpath(*_VIS)
    own = files("kamerkg.graph") / "templates"
    vis_js = _inline(_read(vis / "vis-network.min.js", "vis-network.min.js"), "script")
    page_js = _inline(_read(own / "page.js", "page.js"), "script")
    return Template(_read(own / "page.html", "page.html")).substitute(
        title=html.escape(title),
        script_hashes=f"{_sha256(vis_js)} {_sha256(page_js)}",
        vis_css=_inline(_read(vis / "vis-network.css", "vis-network.css"), "style"),
        page_css=_inline(_read(own / "page.css", "page.css"), "style"),
        data_json=_escape_json(data_json),
        vis_js=vis_js,
        page_js=page_js,
    )


def write_page(G: nx.MultiDiGraph, path: Path, *, title: str = "kamerkg") -> None:
    """Write a self-contained interactive HTML page of the network.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A graph from :func:`kamerkg.graph.network.to_networkx` (or an ego graph).
    path : pathlib.Path
        The HTML file to write (atomically; folders are created).
    title : str
        Page title, shown as text.
    """
    records = [edge_record(G, u, v, key) for u, v, key in G.edges(keys=True)]
    page = _render_json(page_json(G, records, title, {}), title)
    atomic_write(Path(path), page.encode("utf-8"))


def render_page_json(path: Path, data_json: str, *, title: str = "kamerkg") -> None:
    """Write the page of :func:`page_json` text (as :func:`write_page` does)."""
    atomic_write(Path(path), _render_json(data_json, title).encode("utf-8"))


# --- picture -----------------------------------------------------------------------


def write_picture(G: nx.MultiDiGraph, path: Path, fmt: str | None = None) -> None:
    """Write a static picture (``svg`` or ``png``) with matplotlib's Agg canvas.

    Same colours, markers and edge styles as the page, a legend, and labels on the
    most central actors (by degree, at most 25).

    Raises
    ------
    InputError
        ``E604`` for a format other than ``svg`` or ``png``.
    """
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.collections import LineCollection
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.patheffects import withStroke

    path = Path(path)
    fmt = (fmt or path.suffix.lstrip(".")).lower()
    if fmt not in ("svg", "png"):
        raise InputError("E604", f"unknown picture format {fmt!r}", "use svg or png")

    style = load_style()
    pos = layout(G)
    H = undirected(G)
    n = G.number_of_nodes()
    with matplotlib.rc_context({"svg.hashsalt": "kamerkg", "svg.fonttype": "path"}):
        fig = Figure(figsize=(12, 8) if n <= 300 else (16, 11), dpi=120)
        FigureCanvasAgg(fig)
        ax = fig.add_subplot()
        ax.set_axis_off()
        if n == 0:
            ax.text(0.5, 0.5, "no actors", ha="center", va="center", transform=ax.transAxes)
        groups: dict[tuple[str, str], list[Any]] = {}
        for u, v, data in sorted(G.edges(data=True), key=lambda e: (e[0], e[1])):
            s = _edge_style(data.get("relation", ""), data.get("stance", ""))
            (x1, y1), (x2, y2) = pos[u], pos[v]
            groups.setdefault((s["color"], s["linestyle"]), []).append([(x1, -y1), (x2, -y2)])
        for (color, linestyle), segments in sorted(groups.items()):
            ax.add_collection(
                LineCollection(
                    segments,
                    colors=color,
                    linestyles=linestyle,
                    linewidths=1.0 if n <= 300 else 0.4,
                    alpha=0.8,
                    zorder=1,
                )
            )
        kinds = sorted({G.nodes[v].get("kind", "Actor") for v in G})
        marker_scale = 1.0 if n <= 300 else 0.3
        for kind in [k for k in style["classes"] if k in kinds] + [
            k for k in kinds if k not in style["classes"]
        ]:
            members = sorted(v for v in G if G.nodes[v].get("kind", "Actor") == kind)
            cs = _class_style(kind)
            ax.scatter(
                [pos[v][0] for v in members],
                [-pos[v][1] for v in members],
                s=[
                    marker_scale
                    * (40 + 25 * math.log2(1 + H.degree(v)))
                    * (2.5 if cs["marker"] == "*" else 1.0)
                    for v in members
                ],
                c=cs["color"],
                marker=cs["marker"],
                edgecolors="white",
                linewidths=0.5,
                zorder=3,
            )
        top = sorted(G, key=lambda v: (-H.degree(v), G.nodes[v].get("label", v), v))[:25]
        for v in top:
            x, y = pos[v]
            ax.annotate(
                G.nodes[v].get("label", v),
                (x, -y),
                xytext=(0, 7),
                textcoords="offset points",
                ha="center",
                fontsize=8,
                zorder=4,
                path_effects=[withStroke(linewidth=2.5, foreground="white")],
            )
        handles = [
            Line2D(
                [],
                [],
                linestyle="none",
                marker=_class_style(k)["marker"],
                markersize=8,
                markerfacecolor=_class_style(k)["color"],
                markeredgecolor="white",
                label=_class_style(k)["label"],
            )
            for k in [k for k in style["classes"] if k in kinds]
        ]
        stances = {d.get("stance", "") for *_, d in G.edges(data=True)}
        relations = {d.get("relation", "") for *_, d in G.edges(data=True)}
        for table, present in (("stances", stances), ("relations", relations)):
            for name, s in style[table].items():
                if name in present:
                    handles.append(
                        Line2D(
                            [],
                            [],
                            color=s["color"],
                            linestyle=s["linestyle"],
                            linewidth=1.5,
                            label=s["label"],
                        )
                    )
        if handles:
            ax.legend(
                handles=handles,
                loc="upper left",
                bbox_to_anchor=(1.02, 1.0),
                fontsize=8,
                frameon=False,
            )
        ax.autoscale_view()
        ax.margins(0.05)
        buffer = io.BytesIO()
        metadata = {"Date": None} if fmt == "svg" else {"Software": None}
        fig.savefig(buffer, format=fmt, bbox_inches="tight", metadata=metadata)
    atomic_write(path, buffer.getvalue())
