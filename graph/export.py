"""Write the graph in exchange formats: RDF, GraphML, GEXF and CSV.

RDF formats (``ttl``, ``nt``, ``jsonld``) serialise the RDF graph (a ``Dataset`` as
the union of its graphs); ``graphml``, ``gexf`` and ``csv`` serialise the actor network
from :func:`kamerkg.graph.network.to_networkx`. Every output is deterministic (sorted
triples, nodes and edges) and written atomically.

Errors: ``E602`` an output name that would leave the chosen folder, ``E604`` an
unknown format, ``E605`` a folder or file that cannot be written.

Examples
--------
>>> import tempfile
>>> from rdflib import Graph
>>> from kamerkg.graph.network import to_networkx
>>> rdf = Graph()
>>> with tempfile.TemporaryDirectory() as tmp:
...     paths = export(rdf, to_networkx(rdf), "csv", Path(tmp))
...     [p.name for p in paths]
['nodes.csv', 'edges.csv']
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path, PurePath
from typing import Any

import networkx as nx
from rdflib import Graph

from kamerkg.extract.errors import InputError

from .network import union
from .store import atomic_write_bytes

__all__ = ["FORMATS", "atomic_write", "export", "output_path", "spreadsheet_cell"]

#: Format name -> file extension.
FORMATS = {
    "ttl": "ttl",
    "nt": "nt",
    "jsonld": "jsonld",
    "graphml": "graphml",
    "gexf": "gexf",
    "csv": "csv",
}

_CONTEXT = {
    "kkg": "https://w3id.org/kamerkg/ns#",
    "id": "https://w3id.org/kamerkg/id/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
    "org": "http://www.w3.org/ns/org#",
    "oa": "http://www.w3.org/ns/oa#",
}

# Spreadsheet programs run cells that start with these as formulas.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder.

    Readers see the old file or the new one, never half of it.

    Raises
    ------
    InputError
        ``E605`` when the folder cannot be created or written.
    """
    path = Path(path)
    try:
        atomic_write_bytes(path, data, sync=False)
    except OSError as exc:
        raise InputError(
            "E605", f"cannot write {path}: {exc.strerror}", "choose a writable folder"
        ) from exc


def output_path(folder: Path, name: str) -> Path:
    """``folder / name``, refusing names that would leave ``folder``.

    Raises
    ------
    InputError
        ``E602`` for an absolute name, a name with ``..`` or a path separator.

    Examples
    --------
    >>> output_path(Path("out"), "graph.ttl").as_posix()
    'out/graph.ttl'
    >>> output_path(Path("out"), "../etc/passwd")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kamerkg.extract.errors.InputError: E602 output name '../etc/passwd' leaves the folder out...
    """
    pure = PurePath(name)
    bad = (
        not name
        or pure.is_absolute()
        or len(pure.parts) != 1
        or name in (".", "..")
        or "\\" in name
        or "/" in name
        or "\x00" in name
        or bool(re.match(r"^[A-Za-z]:", name))
    )
    if not bad:
        target = (Path(folder) / name).resolve()
        bad = not target.is_relative_to(Path(folder).resolve())
    if bad:
        raise InputError(
            "E602",
            f"output name {name!r} leaves the folder {folder}",
            "give a plain file name such as graph.ttl",
        )
    return Path(folder) / name


def _sorted_graph(rdf: Graph) -> Graph:
    """A copy with triples inserted in sorted order, so serialisers emit a fixed order."""
    source = union(rdf)
    out = Graph()
    for prefix, ns in source.namespaces():
        out.bind(prefix, ns, override=False)
    for prefix, ns in _CONTEXT.items():
        out.bind(prefix, ns, override=True)
    for triple in sorted(source, key=lambda t: tuple(term.n3() for term in t)):
        out.add(triple)
    return out


def _ntriples(rdf: Graph) -> bytes:
    text = union(rdf).serialize(format="nt", encoding="utf-8").decode("utf-8")
    lines = sorted({line for line in text.splitlines() if line.strip()})
    return ("\n".join(lines) + "\n" if lines else "").encode("utf-8")


def _scalar(value: Any) -> Any:
    """GraphML/GEXF accept strings and numbers only: lists joined, None dropped."""
    if isinstance(value, list | tuple | set | frozenset):
        return "; ".join(str(v) for v in sorted(value) if v is not None)
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float | str):
        return value
    return str(value)


def _flat(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy in sorted order with only string/number attributes."""
    H = nx.MultiDiGraph()
    for node in sorted(G.nodes):
        data = G.nodes[node]
        H.add_node(node, **{k: _scalar(v) for k, v in sorted(data.items()) if v is not None})
    for u, v, key, data in sorted(G.edges(keys=True, data=True), key=lambda e: e[:3]):
        attrs = {k: _scalar(x) for k, x in sorted(data.items()) if x is not None}
        H.add_edge(u, v, key=str(key), **attrs)
    return H


def _graphml(G: nx.MultiDiGraph) -> bytes:
    lines = nx.generate_graphml(_flat(G), encoding="utf-8", prettyprint=True)
    return ("\n".join(lines) + "\n").encode("utf-8")


def _gexf(G: nx.MultiDiGraph) -> bytes:
    text = "\n".join(nx.generate_gexf(_flat(G), encoding="utf-8", prettyprint=True))
    # The writer stamps today's date; drop it so two runs give the same bytes.
    text = re.sub(r' lastmodifieddate="[^"]*"', "", text)
    return (text + "\n").encode("utf-8")


def spreadsheet_cell(value: Any) -> str:
    """A CSV cell that a spreadsheet shows as text, never runs as a formula."""
    if value is None:
        return ""
    if isinstance(value, list | tuple | set | frozenset):
        value = "; ".join(sorted(str(v) for v in value))
    text = str(value)
    if text.startswith(_FORMULA_START):
        text = "'" + text
    return text


def _csv(rows: list[list[Any]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(rows[0])
    for row in rows[1:]:
        writer.writerow([spreadsheet_cell(v) for v in row])
    # A byte order mark makes Excel read the file as UTF-8.
    return buffer.getvalue().encode("utf-8-sig")


def _node_rows(G: nx.MultiDiGraph) -> list[list[Any]]:
    rows: list[list[Any]] = [["id", "label", "kind", "aliases", "degree"]]
    for node in sorted(G.nodes):
        data = G.nodes[node]
        rows.append(
            [
                node,
                data.get("label", ""),
                data.get("kind", ""),
                data.get("aliases", []),
                G.degree(node),
            ]
        )
    return rows


def _edge_rows(G: nx.MultiDiGraph) -> list[list[Any]]:
    header = ["source", "target", "relation", "stance", "document", "evidence", "start", "end"]
    rows: list[list[Any]] = [header]
    for u, v, _key, data in sorted(G.edges(keys=True, data=True), key=lambda e: e[:3]):
        rows.append([u, v, *(data.get(name) for name in header[2:])])
    return rows


def export(
    rdf: Graph,
    G: nx.MultiDiGraph,
    fmt: str,
    out: Path,
    *,
    name: str = "graph",
) -> list[Path]:
    """Write the graph in one format and return the files written.

    Parameters
    ----------
    rdf : rdflib.Graph
        The RDF graph (for ``ttl``, ``nt``, ``jsonld``).
    G : networkx.MultiDiGraph
        The actor network (for ``graphml``, ``gexf``, ``csv``).
    fmt : str
        One of :data:`FORMATS`.
    out : pathlib.Path
        The folder to write into (created if missing). A path ending in the format's
        extension (``out/x.graphml``) names the file itself.
    name : str
        File name stem inside the folder (``graph`` gives ``graph.ttl``); ``csv``
        always writes ``nodes.csv`` and ``edges.csv``.

    Returns
    -------
    list of pathlib.Path
        The files written.

    Raises
    ------
    InputError
        ``E602`` for a name leaving the folder, ``E604`` for an unknown format,
        ``E605`` when the folder cannot be written.
    """
    fmt = fmt.lower().lstrip(".")
    if fmt == "turtle":
        fmt = "ttl"
    if fmt not in FORMATS:
        raise InputError(
            "E604", f"unknown export format {fmt!r}", f"use one of {', '.join(FORMATS)}"
        )
    ext = FORMATS[fmt]
    out = Path(out)
    if out.suffix.lower() == f".{ext}" and fmt != "csv":
        folder, name = out.parent, out.stem
    else:
        folder = out
    if out.exists() and not out.is_dir() and folder == out:
        raise InputError("E605", f"{out} is a file, not a folder", "give a folder to write into")

    if fmt == "csv":
        files = [
            (output_path(folder, "nodes.csv"), _csv(_node_rows(G))),
            (output_path(folder, "edges.csv"), _csv(_edge_rows(G))),
        ]
    else:
        output_path(folder, name)  # the stem alone must be a plain name too
        target = output_path(folder, f"{name}.{ext}")
        if fmt == "ttl":
            data = _sorted_graph(rdf).serialize(format="turtle", encoding="utf-8")
        elif fmt == "nt":
            data = _ntriples(rdf)
        elif fmt == "jsonld":
            data = _sorted_graph(rdf).serialize(
                format="json-ld", context=_CONTEXT, indent=2, encoding="utf-8"
            )
        elif fmt == "graphml":
            data = _graphml(G)
        else:
            data = _gexf(G)
        files = [(target, data)]
    for path, data in files:
        atomic_write(path, data)
    return [path for path, _ in files]
