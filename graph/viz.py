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
from functools import cache
from importlib.resources import files
from pathlib import Path
from string import Template
from typing import Any

import networkx as nx

from kamerkg.extract.errors import InputError
from kamerkg.ontology import ID

from .export import atomic_write
from .network import undirected

__all__ = ["layout", "load_style", "page_data", "write_page", "write_picture"]

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
    pos = layout(G)
    H = undirected(G)
    big = G.number_of_nodes() > _BIG
    short = {node: _short_id(node) for node in G.nodes}
    nodes = []
    for node in sorted(G.nodes):
        data = G.nodes[node]
        kind = data.get("kind", "Actor")
        style = _class_style(kind)
        x, y = pos[node]
        nodes.append(
            {
                "id": short[node],
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
    edges = []
    pair_count: Counter[tuple[str, str]] = Counter()
    labels = G.number_of_edges() <= _EDGE_LABELS
    for i, (u, v, _key, data) in enumerate(
        sorted(G.edges(keys=True, data=True), key=lambda e: (e[0], e[1], str(e[2])))
    ):
        relation, stance = data.get("relation", ""), data.get("stance", "")
        style = _edge_style(relation, stance)
        pair = (min(u, v), max(u, v))
        k = pair_count[pair]
        pair_count[pair] += 1
        # Parallel edges bend apart so each keeps its own tooltip.
        smooth: Any = (
            False
            if k == 0
            else {
                "enabled": True,
                "type": "curvedCW" if k % 2 else "curvedCCW",
                "roundness": 0.2 * ((k + 1) // 2),
            }
        )
        edges.append(
            {
                "id": f"e{i}",
                "from": short[u],
                "to": short[v],
                "relation": relation,
                "stance": stance,
                "color": style["color"],
                "dashes": style["dashes"],
                "width": 1 if relation == "asked" else 2,
                "smooth": smooth,
                "label": relation if labels and relation != "asked" else "",
                "tip": _edge_tip(G, u, v, data),
            }
        )
    kinds = Counter(n["kind"] for n in nodes)
    classes = load_style()["classes"]
    order = [k for k in classes if k in kinds] + sorted(k for k in kinds if k not in classes)
    seen_stances = {e["stance"] for e in edges}
    seen_relations = {e["relation"] for e in edges}
    style = load_style()
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
        "title": title,
        "nodes": nodes,
        "edges": edges,
        "legend": {
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
        },
        "options": _options(big),
    }


def _script_json(data: Any) -> str:
    """JSON that cannot end its ``<script>`` element or start a comment in it.

    Examples
    --------
    >>> _script_json({"t": "</script><!--&"})
    '{"t":"\\\\u003c/script\\\\u003e\\\\u003c!--\\\\u0026"}'
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
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
    vis = files("pyvis").joinpath(*_VIS)
    own = files("kamerkg.graph") / "templates"
    vis_js = _inline(_read(vis / "vis-network.min.js", "vis-network.min.js"), "script")
    page_js = _inline(_read(own / "page.js", "page.js"), "script")
    return Template(_read(own / "page.html", "page.html")).substitute(
        title=html.escape(title),
        script_hashes=f"{_sha256(vis_js)} {_sha256(page_js)}",
        vis_css=_inline(_read(vis / "vis-network.css", "vis-network.css"), "style"),
        page_css=_inline(_read(own / "page.css", "page.css"), "style"),
        data_json=_script_json(data),
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
    page = _render(page_data(G, title=title), title)
    atomic_write(Path(path), page.encode("utf-8"))


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
