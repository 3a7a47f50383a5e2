"""The persistent graph store: one Oxigraph database per output folder.

``out/store/`` holds every document's triples in a named graph whose IRI is the
document IRI: ``store/db/`` is the Oxigraph database (its default graph is kept equal
to the union of the named graphs, each triple once, so plain SPARQL sees the whole
corpus) and ``store/graphs/*.nt`` the same graphs as sorted N-Triples, literals
exactly as written; ``store/network/*.nt`` holds the part of each graph the page is
made from, ``store/union.json`` the union's size and a stamp of the ``graph.ttl``
written from it, so ``build --update`` patches that file instead of rewriting it, and
``store/page.json`` the page in parts (``viz.PageParts``), so it patches the page too.
``out/graph.ttl`` is the union as sorted Turtle,
``out/manifest.json`` records what each graph was built from (for ``--update``) and
``out/corpus.json`` the corpus index of the last build.

A build never writes into the store it replaces: :func:`open_build` copies (or
starts) a store in ``out/store.new-<pid>``, and only a successful build swaps it in
with :func:`atomic_dir_swap`, so a killed build leaves the previous store, graph
and manifest usable.

pyoxigraph is used directly: oxrdflib's ``close()`` does not flush, and reopening
its on-disk store was slow.

Examples
--------
>>> from rdflib import Literal, URIRef
>>> store = Store.memory()
>>> g = "https://w3id.org/kamerkg/id/doc/a"
>>> store.replace_graph(g, [(URIRef(g), URIRef("http://e/p"), Literal("x"))])
1
>>> store.graphs()
['https://w3id.org/kamerkg/id/doc/a']
>>> [row["o"].value for row in store.query("SELECT ?o WHERE { ?s ?p ?o }")]
['x']
"""

from __future__ import annotations

import bisect
import contextlib
import functools
import gc
import hashlib
import heapq
import io
import json
import mmap
import multiprocessing
import os
import queue
import re
import shutil
import tempfile
import threading
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import BinaryIO, TextIO

import pyoxigraph as ox
import rdflib
from rdflib.term import BNode

from kamerkg.extract.errors import StoreError

__all__ = [
    "CORPUS_FILE",
    "GRAPH_FILE",
    "MANIFEST_FILE",
    "PAGE_FILE",
    "STORE_DIR",
    "ManifestEntry",
    "Store",
    "UpdatePlan",
    "atomic_dir_swap",
    "atomic_write_bytes",
    "file_sha256",
    "graph_data",
    "load_graph",
    "ntriples",
    "open_build",
    "page_parts_path",
    "plan_update",
    "read_corpus",
    "read_manifest",
    "read_page_parts",
    "settle_graph_drafts",
    "sorted_turtle",
    "write_build",
    "write_corpus",
    "write_manifest",
]

STORE_DIR = "store"
_DB_DIR = "db"
_GRAPHS_DIR = "graphs"
_NETWORK_DIR = "network"
PAGE_FILE = "page.json"
GRAPH_FILE = "graph.ttl"
MANIFEST_FILE = "manifest.json"
CORPUS_FILE = "corpus.json"
_MANIFEST_FORMAT = 1

#: Prefixes of the Turtle dump, fixed so the bytes never depend on the input order.
_PREFIXES = (
    ("dcterms", "http://purl.org/dc/terms/"),
    ("kkg", "https://w3id.org/kamerkg/ns#"),
    ("oa", "http://www.w3.org/ns/oa#"),
    ("org", "http://www.w3.org/ns/org#"),
    ("prov", "http://www.w3.org/ns/prov#"),
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("skos", "http://www.w3.org/2004/02/skos/core#"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
)
_DEFAULT = ox.DefaultGraph()
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
# A conservative PN_LOCAL: anything else is written as a full IRI.
_SAFE_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*\Z")


# --------------------------------------------------------------------------- files


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write_bytes(path: Path, data: bytes, *, sync: bool = True) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder.

    ``sync=False`` skips the fsync, for files inside a store that is swapped in later.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if sync:
                handle.flush()
                os.fsync(handle.fileno())
        # mkstemp makes the file private; give it the mode a plain open() would.
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def atomic_dir_swap(new: Path, final: Path) -> None:
    """Put directory ``new`` in place of ``final``, keeping the old one until the swap.

    ``final`` is first renamed to ``<final>.old``, then ``new`` to ``final``, then the
    old copy is deleted. Between the two renames no ``final`` exists; :meth:`Store.open`
    notices a lone ``.old`` and renames it back, so an interrupted swap loses nothing.

    Examples
    --------
    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> (root / "a").mkdir(); (root / "b").mkdir(); _ = (root / "b" / "x").write_text("1")
    >>> atomic_dir_swap(root / "b", root / "a")
    >>> sorted(p.name for p in root.iterdir()), (root / "a" / "x").read_text()
    (['a'], '1')
    """
    new, final = Path(new), Path(final)
    if not new.is_dir():
        raise StoreError("E305", f"{new} is not a directory", "the new store was not written")
    old = final.with_name(final.name + ".old")
    if old.exists():
        if final.exists():
            shutil.rmtree(old)
        else:  # a previous swap stopped between its renames: keep that old store
            os.rename(old, final)
            shutil.rmtree(final.with_name(final.name + ".old"), ignore_errors=True)
    if final.exists():
        os.rename(final, old)
    os.rename(new, final)
    _fsync_dir(final.parent)
    shutil.rmtree(old, ignore_errors=True)


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def file_sha256(path: Path) -> str:
    """Hex sha256 of a file's bytes."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# ------------------------------------------------------------------------ manifest


#: One manifest entry: ``{"sha256": ..., "graph": <document IRI>, "version": <extractor>}``.
ManifestEntry = dict[str, str]
_ENTRY_KEYS = ("sha256", "graph", "version")


def read_manifest(out_dir: Path) -> dict[str, ManifestEntry]:
    """``out_dir/manifest.json`` as input path -> entry; empty when there is none yet.

    Raises
    ------
    StoreError
        E302 when the file exists but is not a kamerkg manifest.
    """
    path = Path(out_dir) / MANIFEST_FILE
    if not path.exists():
        return {}
    try:
        payload = json.loads(path.read_text(encoding="utf-8"))
        if payload.get("format") != _MANIFEST_FORMAT:
            raise ValueError("unknown format")
        return {
            str(name): {key: str(entry[key]) for key in _ENTRY_KEYS}
            for name, entry in payload["files"].items()
        }
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise StoreError(
            "E302",
            f"{path} is not a readable kamerkg manifest ({type(exc).__name__})",
            "delete it and run kamerkg build without --update",
        ) from None


def write_manifest(out_dir: Path, manifest: dict[str, ManifestEntry]) -> None:
    """Write ``out_dir/manifest.json`` atomically, keys sorted.

    Examples
    --------
    >>> import tempfile
    >>> out = Path(tempfile.mkdtemp())
    >>> write_manifest(out, {"a.txt": {"sha256": "ab", "graph": "g:a", "version": "1"}})
    >>> read_manifest(out)
    {'a.txt': {'sha256': 'ab', 'graph': 'g:a', 'version': '1'}}
    """
    files = {
        name: {key: str(entry[key]) for key in _ENTRY_KEYS}
        for name, entry in sorted(manifest.items())
    }
    text = json.dumps({"format": _MANIFEST_FORMAT, "files": files}, indent=2, ensure_ascii=False)
    atomic_write_bytes(Path(out_dir) / MANIFEST_FILE, (text + "\n").encode("utf-8"))


def read_corpus(out_dir: Path) -> object | None:
    """The corpus index saved by the last build (any JSON value), or None."""
    path = Path(out_dir) / CORPUS_FILE
    if not path.exists():
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise StoreError(
            "E302",
            f"{path} cannot be read ({type(exc).__name__})",
            "run kamerkg build without --update",
        ) from None


def write_corpus(out_dir: Path, data: object) -> None:
    """Save a JSON-able corpus index next to the store, atomically, keys sorted."""
    text = json.dumps(data, indent=1, ensure_ascii=False, sort_keys=True)
    atomic_write_bytes(Path(out_dir) / CORPUS_FILE, (text + "\n").encode("utf-8"))


@dataclass
class UpdatePlan:
    """What an incremental build must do: paths sorted, graphs to drop."""

    extract: list[str]
    unchanged: list[str]
    removed_graphs: list[str]


def plan_update(
    manifest: dict[str, ManifestEntry], current: dict[str, str], extractor_version: str
) -> UpdatePlan:
    """Compare the manifest with the files now given (path -> sha256).

    A file is re-extracted when it is new, its bytes changed, or it was built by
    another extractor version; graphs of files no longer given are dropped.

    Examples
    --------
    >>> m = {"a.txt": {"sha256": "1", "graph": "g:a", "version": "1"},
    ...      "b.txt": {"sha256": "2", "graph": "g:b", "version": "1"}}
    >>> plan_update(m, {"a.txt": "1", "c.txt": "3"}, "1")
    UpdatePlan(extract=['c.txt'], unchanged=['a.txt'], removed_graphs=['g:b'])
    """
    extract, unchanged = [], []
    for path in sorted(current):
        entry = manifest.get(path)
        same = (
            entry is not None
            and entry.get("sha256") == current[path]
            and entry.get("version") == extractor_version
        )
        (unchanged if same else extract).append(path)
    kept = {manifest[p]["graph"] for p in unchanged}
    dropped = {e["graph"] for p, e in manifest.items() if p not in current or p in extract}
    return UpdatePlan(extract, unchanged, sorted(dropped - kept))


# --------------------------------------------------------------------------- terms


def _to_ox(term: object) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    if isinstance(term, ox.NamedNode | ox.BlankNode | ox.Literal):
        return term
    if isinstance(term, rdflib.URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, rdflib.Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


# --------------------------------------------------------------------------- store


class Store:
    """A kamerkg graph store: named graphs (one per document) and their union.

    Two parts, in one folder so they swap together: Oxigraph (``db/``) answers
    SPARQL, with the union of all named graphs kept as its default graph; and one
    sorted N-Triples file per named graph (``graphs/``) keeps every literal exactly
    as written, because Oxigraph stores typed literals by value (a
    ``"7"^^xsd:nonNegativeInteger`` comes back as ``xsd:integer``). Dumps and pushes
    read the files; queries read Oxigraph.

    Build one with :meth:`open`, :meth:`memory` or :func:`open_build`; close it with
    :meth:`close` (or use it as a context manager) so the folder is unlocked.
    """

    def __init__(self, backend: ox.Store, path: Path | None = None) -> None:
        self._store: ox.Store | None = backend
        self.path = path
        self._memory_graphs: dict[str, bytes] = {}
        self._memory_networks: dict[str, str] = {}
        #: Size of the union graph, set when a build dumps ``graph.ttl``.
        self.triples: int | None = None
        # Bulk-load buffer of :meth:`add_graph_text` (N-Quads text, size in lines),
        # loaded by a thread: Oxigraph's bulk loader releases the GIL, so loading
        # overlaps the extraction of the next documents.
        self._pending: list[bytes] = []
        self._pending_size = 0
        #: N-Quads lines per bulk load (see _BULK_BATCH; open_build raises it for --jobs).
        self.batch = _BULK_BATCH
        # One batch queued while one loads: batches are large (see _BULK_BATCH).
        self._loads: queue.Queue[bytes | None] = queue.Queue(maxsize=1)
        self._loader: threading.Thread | None = None
        self._load_error: BaseException | None = None
        #: False while every graph added is known to hold no blank node.
        self._maybe_bnodes = True
        # Union lines, before this store changed, of the subjects whose union changed
        # (for patching ``graph.ttl``); None once a change cannot be followed.
        self._touched: dict[str, list[str]] | None = {}

    # -- opening and closing

    @classmethod
    def open(cls, out_dir: Path, *, create: bool = False, read_only: bool = False) -> Store:
        """Open ``out_dir/store``.

        Parameters
        ----------
        out_dir : Path
            The output folder of ``kamerkg build``.
        create : bool
            Make an empty store when there is none.
        read_only : bool
            Open without the write lock, so queries can run while a build writes.

        Raises
        ------
        StoreError
            E301 when there is no store and ``create`` is false; E303 when the store
            cannot be opened (locked by another process, damaged).
        """
        out_dir = Path(out_dir)
        path = out_dir / STORE_DIR
        _recover_swap(path)
        settle_graph_drafts(out_dir)
        if not (path / _DB_DIR).is_dir() and not create:
            raise StoreError("E301", f"no built graph in {out_dir}", "run kamerkg build first")
        return cls._at(path, read_only=read_only and (path / _DB_DIR).is_dir())

    @classmethod
    def _at(cls, path: Path, *, read_only: bool = False) -> Store:
        if not read_only:
            (path / _GRAPHS_DIR).mkdir(parents=True, exist_ok=True)
            (path / _NETWORK_DIR).mkdir(parents=True, exist_ok=True)
        return cls(_open_backend(path / _DB_DIR, read_only), path)

    #: ``Store.read_manifest(out_dir)`` etc.: the module functions, for callers holding the class.
    read_manifest = staticmethod(read_manifest)
    write_manifest = staticmethod(write_manifest)
    read_corpus = staticmethod(read_corpus)
    write_corpus = staticmethod(write_corpus)

    @classmethod
    def memory(cls) -> Store:
        """An in-memory store, for tests and one-off use."""
        return cls(ox.Store())

    @property
    def backend(self) -> ox.Store:
        """The underlying ``pyoxigraph.Store``."""
        if self._store is None:
            raise StoreError("E306", "the store is closed", "open it again with Store.open")
        return self._store

    def flush(self) -> None:
        """Write buffered changes to disk."""
        if self._pending:
            self._flush_pending()
        self._join_loader()
        if self.path is not None and self._store is not None:
            with contextlib.suppress(OSError, RuntimeError):  # read-only stores cannot flush
                self._store.flush()

    def close(self) -> None:
        """Flush and release the store (and its folder lock). Safe to call twice."""
        if self._store is None:
            return
        self.flush()
        self._store = None
        gc.collect()  # pyoxigraph releases RocksDB only when the object is freed

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- graph files

    def _graph_file(self, graph_iri: str) -> Path:
        assert self.path is not None
        name = hashlib.sha256(graph_iri.encode("utf-8")).hexdigest()[:32]
        return self.path / _GRAPHS_DIR / f"{name}.nt"

    def _save_lines(self, graph_iri: str, data: bytes | None) -> None:
        if self.path is None:
            if data is None:
                self._memory_graphs.pop(graph_iri, None)
            else:
                self._memory_graphs[graph_iri] = data
        elif data is None:
            with contextlib.suppress(FileNotFoundError):
                self._graph_file(graph_iri).unlink()
        else:
            atomic_write_bytes(self._graph_file(graph_iri), data, sync=False)

    def _network_file(self, graph_iri: str) -> Path:
        return (
            self._graph_file(graph_iri).parent.parent
            / _NETWORK_DIR
            / self._graph_file(graph_iri).name
        )

    def save_network(self, graph_iri: str, text: str | None) -> None:
        """Keep (or with None drop) the part of a graph the page is made from.

        Files next to the graph files, so ``build --update`` remakes the page without
        reading whole graphs; copied (hard-linked) into an updated store like them.
        """
        if self.path is None:
            if text is None:
                self._memory_networks.pop(graph_iri, None)
            else:
                self._memory_networks[graph_iri] = text
            return
        path = self._network_file(graph_iri)
        if text is None:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
        else:
            atomic_write_bytes(path, text.encode("utf-8"), sync=False)

    def save_page_parts(self, data: bytes) -> None:
        """Keep the page in parts (see ``viz.PageParts``) with the store it was drawn from."""
        if self.path is not None:
            atomic_write_bytes(self.path / PAGE_FILE, data, sync=False)

    def network_text(self, graph_iri: str) -> str | None:
        """What :meth:`save_network` kept for the graph, or None."""
        if self.path is None:
            return self._memory_networks.get(graph_iri)
        try:
            return self._network_file(graph_iri).read_text(encoding="utf-8")
        except FileNotFoundError:
            return None

    def _graph_sources(self) -> list[Path | bytes]:
        """Sorted N-Triples of every named graph: files, or bytes in memory."""
        if self.path is None:
            return [self._memory_graphs[iri] for iri in sorted(self._memory_graphs)]
        return [self._graph_file(iri) for iri in self.graphs()]

    # -- graphs

    def graphs(self) -> list[str]:
        """IRIs of the named graphs, sorted."""
        return sorted(g.value for g in self.backend.named_graphs() if isinstance(g, ox.NamedNode))

    def replace_graph(self, graph_iri: str, triples: Iterable[object]) -> int:
        """Drop named graph ``graph_iri`` and insert ``triples`` in its place.

        ``triples`` are rdflib ``(s, p, o)`` tuples or pyoxigraph Triples/Quads. The
        union (default graph) is updated too. Returns the number of distinct triples.
        """
        return self.replace_graph_text(graph_iri, ntriples(triples))

    def replace_graph_text(self, graph_iri: str, text: str) -> int:
        """:meth:`replace_graph` with the graph given as :func:`ntriples` text."""
        lines = text.splitlines(keepends=True)
        self._note_change(graph_iri, lines)
        old = self._drop(ox.NamedNode(graph_iri))
        # One transactional load for the graph and its share of the union (default graph).
        self._load(_as_quads(lines, graph_iri) + text, graph_iri, bulk=False)
        self._save_lines(graph_iri, text.encode("utf-8"))
        self._prune_union(old)
        return len(lines)

    def _note_change(self, graph_iri: str, new: list[str]) -> None:
        """Remember the union lines of the subjects a graph change touches, before it."""
        if self._touched is None:
            return
        old = self.dump_ntriples(graph_iri).decode("utf-8").splitlines(keepends=True)
        changed = set(old).symmetric_difference(new)
        if any("_:" in line for line in changed):
            self._touched = None  # blank nodes are relabelled: graph.ttl is rewritten
            return
        for subject in sorted({line.split(" ", 1)[0] for line in changed}):
            if subject not in self._touched:
                self._touched[subject] = self.subject_lines(subject)
        if len(self._touched) > _MAX_PATCHED:
            self._touched = None  # most of the file changes: a full dump is quicker

    def subject_lines(self, subject: str) -> list[str]:
        """The union's N-Triples lines about ``subject`` (an N-Triples IRI), sorted.

        Read from Oxigraph when every line comes back exactly as written (IRIs and
        plain strings); otherwise from the graph files that hold the subject, because
        Oxigraph stores typed literals by value.
        """
        node = ox.NamedNode(subject[1:-1])
        lines = []
        exact = True
        for quad in self.backend.quads_for_pattern(node, None, None, _DEFAULT):
            line = f"{quad.subject} {quad.predicate} {quad.object} .\n"
            obj = quad.object
            if isinstance(obj, ox.NamedNode):
                exact = str(obj) == _nt_iri(obj.value)
            elif isinstance(obj, ox.Literal) and obj.datatype.value in _PLAIN_TYPES:
                text = f'"{obj.value.translate(_ESCAPES)}"'
                exact = str(obj) == (f"{text}@{obj.language}" if obj.language else text)
            else:
                exact = False
            if not exact:
                break
            lines.append(line)
        if exact:
            return sorted(lines)
        holders = {
            q.graph_name.value
            for q in self.backend.quads_for_pattern(node, None, None, None)
            if isinstance(q.graph_name, ox.NamedNode)
        }
        prefix = subject + " "
        found: set[str] = set()
        for graph_iri in sorted(holders):
            text = self.dump_ntriples(graph_iri).decode("utf-8")
            found.update(x for x in text.splitlines(keepends=True) if x.startswith(prefix))
        return sorted(found)

    def _load(self, data: str, graph_iri: str, *, bulk: bool) -> None:
        try:
            if bulk:
                self.backend.bulk_load(data.encode("utf-8"), format=ox.RdfFormat.N_QUADS)
            else:
                self.backend.load(data.encode("utf-8"), format=ox.RdfFormat.N_QUADS)
        except SyntaxError as exc:
            raise StoreError(
                "E307",
                f"a triple of {graph_iri} is not valid RDF ({_one_line(exc)})",
                "check the IRIs the extractor made",
            ) from None

    def remove_graph(self, graph_iri: str) -> None:
        """Drop named graph ``graph_iri`` (and its triples no other graph holds)."""
        self._note_change(graph_iri, [])
        self._prune_union(self._drop(ox.NamedNode(graph_iri)))
        self._save_lines(graph_iri, None)
        self.save_network(graph_iri, None)

    def _drop(self, graph: ox.NamedNode) -> list[tuple]:
        store = self.backend
        if not store.contains_named_graph(graph):
            return []
        old = [
            (q.subject, q.predicate, q.object)
            for q in store.quads_for_pattern(None, None, None, graph)
        ]
        store.remove_graph(graph)
        return old

    def _prune_union(self, candidates: Iterable[tuple]) -> None:
        """Remove from the union the triples that no named graph holds any more."""
        store = self.backend
        gone = []
        for s, p, o in candidates:
            holders = store.quads_for_pattern(s, p, o, None)
            if not any(not isinstance(q.graph_name, ox.DefaultGraph) for q in holders):
                gone.append(ox.Quad(s, p, o, _DEFAULT))
        for quad in gone:
            store.remove(quad)

    def bulk_load(self, graphs: Mapping[str, Iterable[object]]) -> None:
        """Fast load of whole graphs into an empty store (no transaction: new builds only).

        Each triple goes into its named graph and into the default graph (the union).
        """
        for iri in sorted(graphs):
            self.add_graph_text(iri, ntriples(graphs[iri]))
        self.flush()

    def add_graph_text(self, graph_iri: str, text: str) -> None:
        """Add a new graph, given as :func:`ntriples` text, to a store being bulk-built.

        For builds that start empty: loads are batched and not transactional.
        """
        self.add_graph_data(graph_iri, *graph_data(graph_iri, text))

    def add_graph_data(self, graph_iri: str, data: bytes, quads: bytes) -> None:
        """:meth:`add_graph_text` of text already encoded: the graph's N-Triples bytes and
        the same lines as N-Quads in the graph (:func:`graph_data`).

        Build workers make both, so the parent only writes and queues bytes.
        """
        self._save_lines(graph_iri, data)
        self._pending += (quads, data)
        self._pending_size += 2 * data.count(b"\n")
        if self._touched is not None:  # the first graph of a bulk build
            self._touched = None
            self._maybe_bnodes = len(self.backend) > 0
        self._maybe_bnodes = self._maybe_bnodes or b"_:" in data
        if self._pending_size > self.batch:
            self._flush_pending()

    def _flush_pending(self) -> None:
        data, self._pending, self._pending_size = b"".join(self._pending), [], 0
        if self._load_error is not None:
            self._join_loader()
        if self._loader is None:
            self._loader = threading.Thread(target=self._load_loop, daemon=True)
            self._loader.start()
        self._loads.put(data)

    def _load_loop(self) -> None:
        while (data := self._loads.get()) is not None:
            if self._load_error is not None:
                continue  # drain: the error is raised by the thread that joins
            try:
                self.backend.bulk_load(data, format=ox.RdfFormat.N_QUADS)
            except BaseException as exc:
                self._load_error = exc

    def _join_loader(self) -> None:
        if self._loader is not None:
            self._loads.put(None)
            self._loader.join()
            self._loader = None
        error, self._load_error = self._load_error, None
        if isinstance(error, SyntaxError):
            raise StoreError(
                "E307",
                f"a triple is not valid RDF ({_one_line(error)})",
                "check the IRIs the extractor made",
            ) from None
        if error is not None:
            raise error

    def __len__(self) -> int:
        return len(self.backend)

    # -- reading

    def query(
        self, sparql: str, bindings: dict[str, object] | None = None
    ) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
        """Run a SPARQL query; the default graph is the union of the named graphs.

        The store keeps that union as its real default graph (each triple once),
        because Oxigraph's ``use_default_graph_as_union`` repeats a triple once per
        graph holding it, which multiplies rows and skews aggregates.

        ``bindings`` maps variable names to RDF terms; they are injected as a
        ``VALUES`` block (see :func:`kamerkg.graph.query.bind_values`), never pasted
        as text. Named queries go through :func:`kamerkg.graph.query.run_query`,
        which adds validation and formatting.
        """
        if bindings:
            from .query import bind_values  # query.py imports this module

            sparql = bind_values(sparql, {k: _to_ox(v) for k, v in bindings.items()})
        return self.backend.query(sparql)

    def union_size(self) -> int:
        """Number of distinct triples over all named graphs."""
        result = self.backend.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        return int(next(iter(result))["n"].value)

    def iter_union_lines(self, start: str | None = None, stop: str | None = None) -> Iterator[str]:
        """The union as sorted, distinct N-Triples lines (streamed from the graph files).

        With ``start``/``stop`` only the lines ``start <= line < stop``: each file is
        cut before the merge, so a part of the union costs only its share of the work.
        """
        with tempfile.TemporaryDirectory(prefix="kamerkg-merge-") as scratch:
            yield from _merge_sorted(self._graph_sources(), Path(scratch), (start, stop))

    def dump_ntriples(self, graph_iri: str | None = None) -> bytes:
        """One named graph (the union when None) as sorted N-Triples bytes."""
        if graph_iri is None:
            return "".join(self.iter_union_lines()).encode("utf-8")
        if self.path is None:
            return self._memory_graphs.get(graph_iri, b"")
        try:
            return self._graph_file(graph_iri).read_bytes()
        except FileNotFoundError:
            return b""

    def dump_turtle(self, path: Path, *, jobs: int = 1) -> int:
        """Write the union of all named graphs to ``path`` as sorted Turtle.

        The bytes depend only on the set of triples (see :func:`sorted_turtle`).
        Written atomically, streamed subject by subject; returns the number of triples.
        With ``jobs`` > 1 a forked process writes the second half of the subjects
        meanwhile (the same bytes: each subject's block depends only on its lines).
        """
        path = Path(path)
        has_bnodes = self._maybe_bnodes and bool(
            self.backend.query("ASK { ?s ?p ?o FILTER (isBlank(?s) || isBlank(?o)) }")
        )
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
                if has_bnodes:  # rare: relabel in memory (see sorted_turtle)
                    rows = [_split_line(line) for line in self.iter_union_lines()]
                    handle.write(sorted_turtle(rows))
                    count = len(rows)
                elif jobs > 1 and self.path is not None:
                    count = self._write_halves(handle, Path(tmp))
                else:
                    count = _write_turtle(handle, _subject_blocks(self.iter_union_lines()))
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        return count

    def _write_halves(self, handle: TextIO, tmp: Path) -> int:
        """:func:`_write_turtle` of the union, its second half written by a forked process.

        The halves split at a subject (``pivot``): subjects hold no space, so every
        line of a subject sorts on the same side of ``"<subject> "``.
        """
        pivot = _pivot(self._graph_sources())
        if pivot is None:
            return _write_turtle(handle, _subject_blocks(self.iter_union_lines()))
        part = tmp.with_name(tmp.name + ".part")
        context = multiprocessing.get_context("fork")
        receive, send = context.Pipe(duplex=False)
        child = context.Process(
            target=self._write_second_half, args=(send, part, pivot), daemon=True
        )
        child.start()
        send.close()
        try:
            first = self.iter_union_lines(stop=pivot)
            count = _write_turtle(handle, _subject_blocks(first))
            try:
                second = receive.recv()
            except EOFError:
                second = None
            child.join()
            if second is None:  # the process failed: write the half here (and raise here)
                lines = self.iter_union_lines(start=pivot)
                return count + _write_turtle(handle, _subject_blocks(lines), header=False)
            handle.flush()
            with open(part, "rb") as rest:
                _append_file(rest, handle.buffer)
            return count + second
        finally:
            if child.is_alive():
                child.terminate()
                child.join()
            receive.close()
            with contextlib.suppress(OSError):
                os.unlink(part)

    def _write_second_half(self, conn: Connection, part: Path, pivot: str) -> None:
        count = None
        try:
            lines = self.iter_union_lines(start=pivot)
            with open(part, "w", encoding="utf-8", newline="\n") as out:
                count = _write_turtle(out, _subject_blocks(lines), header=False)
        except Exception:  # the parent writes the half again and reports the error
            pass
        finally:
            with contextlib.suppress(OSError):
                conn.send(count)
            conn.close()


_PIVOT_SAMPLE = 256


def _pivot(sources: list[Path | bytes]) -> str | None:
    """``"<subject> "`` for a subject near the middle of the union's lines (from a sample)."""
    subjects: list[str] = []
    # Every file would cost a read of the whole union; an even sample of them suffices.
    for source in sources[:: max(1, len(sources) // _PIVOT_SAMPLE)]:
        try:
            data = source if isinstance(source, bytes) else source.read_bytes()
        except FileNotFoundError:
            continue
        lines = data.decode("utf-8").splitlines()
        subjects += [line.split(" ", 1)[0] for line in lines[::8]]
    if len(subjects) < 2:
        return None
    subjects.sort()
    return subjects[len(subjects) // 2] + " "


def ntriples(triples: Iterable[object]) -> str:
    """Distinct N-Triples lines of rdflib or pyoxigraph triples, sorted, as one text.

    The form a graph file holds; workers make it so only text crosses back.
    """
    return "".join(_lines(triples))


def _lines(triples: Iterable[object]) -> list[str]:
    """Distinct N-Triples lines of rdflib or pyoxigraph triples, sorted."""
    lines = set()
    for triple in triples:
        if isinstance(triple, ox.Triple | ox.Quad):
            lines.add(f"{triple.subject} {triple.predicate} {triple.object} .\n")
        else:
            s, p, o = triple[:3]  # type: ignore[index]
            lines.add(f"{_nt(s)} {_nt(p)} {_nt(o)} .\n")
    return sorted(lines)


def graph_data(graph_iri: str, text: str) -> tuple[bytes, bytes]:
    """A graph's :func:`ntriples` text as bytes, and as N-Quads bytes in ``graph_iri``."""
    quads = _as_quads(text.splitlines(keepends=True), graph_iri)
    return text.encode("utf-8"), quads.encode("utf-8")


def _as_quads(lines: list[str], graph_iri: str) -> str:
    """N-Triples lines as N-Quads lines in graph ``graph_iri``."""
    suffix = f" {_nt_iri(graph_iri)} .\n"
    return "".join(line[:-3] + suffix for line in lines)


@functools.lru_cache(maxsize=65536)
def _nt_iri(iri: str) -> str:
    return f"<{iri}>"


#: N-Quads lines per bulk load. Each load writes its own sorted files, which RocksDB
#: then compacts: loading 2,000 documents (2.3 M lines) costs about 17.5-21 s CPU in
#: batches of 100,000 lines, 16.6 in batches of 250,000 and 13.3-15.7 in batches of
#: 500,000, but the loader's peak memory grows with the batch (+215 MB at 250,000,
#: +510 MB at 500,000): this is the middle.
_BULK_BATCH = 250_000
#: The same with build workers (``--jobs``): the parent holds no extraction, so it can
#: afford the larger loads, and its loader competes with the workers for the cores
#: (500,000 lines: about 15% less loader CPU than 250,000, +300 MB at the peak).
_BULK_BATCH_JOBS = 500_000
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
#: Above this many changed subjects ``graph.ttl`` is written whole, not patched.
_MAX_PATCHED = 20_000
_PLAIN_TYPES = frozenset([_XSD_STRING, "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"])
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def _nt(term: object) -> str:
    """An rdflib (or pyoxigraph) term in N-Triples syntax, as Oxigraph writes it."""
    if isinstance(term, rdflib.URIRef):
        return _nt_iri(str(term))
    if isinstance(term, rdflib.Literal):
        text = f'"{str(term).translate(_ESCAPES)}"'
        if term.language:
            return f"{text}@{term.language}"
        if term.datatype is not None and str(term.datatype) != _XSD_STRING:
            return f"{text}^^{_nt_iri(str(term.datatype))}"
        return text
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, ox.NamedNode | ox.BlankNode | ox.Literal):
        return str(term)
    raise TypeError(f"not an RDF term: {term!r}")


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:300] or type(exc).__name__


def _split_line(line: str) -> tuple[str, str, str]:
    """An N-Triples line as its three terms (subjects and predicates hold no spaces)."""
    subject, predicate, rest = line.split(" ", 2)
    return subject, predicate, rest.rstrip("\n")[:-2].rstrip()


def _subject_blocks(lines: Iterable[str]) -> Iterator[tuple[str, list[tuple[str, str]]]]:
    """Group sorted lines by subject: sorted N-Triples keep a subject's lines together."""
    current, pairs = None, []
    for line in lines:
        # The store writes every line as "s p o .\n"; anything else takes the slow path.
        s, p, o = line[:-3].split(" ", 2) if line.endswith(" .\n") else _split_line(line)
        if s != current:
            if current is not None:
                yield current, pairs
            current, pairs = s, []
        pairs.append((p, o))
    if current is not None:
        yield current, pairs


_MAX_OPEN = 200


def _merge_sorted(
    sources: list[Path | bytes], scratch: Path, cut: tuple[str | None, str | None] = (None, None)
) -> Iterator[str]:
    """Distinct lines of many sorted sources, in order, with few files open at once.

    ``cut`` (start, stop) keeps only the lines ``start <= line < stop`` of each source.
    """
    level = 0
    while len(sources) > _MAX_OPEN:
        merged: list[Path | bytes] = []
        for i in range(0, len(sources), _MAX_OPEN):
            target = scratch / f"{level}-{i}.nt"
            with open(target, "w", encoding="utf-8", newline="\n") as out:
                out.writelines(_merge_chunk(sources[i : i + _MAX_OPEN], cut))
            merged.append(target)
        sources, level, cut = merged, level + 1, (None, None)
    yield from _merge_chunk(sources, cut)


def _merge_chunk(
    sources: list[Path | bytes], cut: tuple[str | None, str | None] = (None, None)
) -> Iterator[str]:
    with contextlib.ExitStack() as stack:
        streams: list[Iterable[str]] = []
        for source in sources:
            if cut != (None, None):
                streams.append(_cut_lines(source, *cut))
            elif isinstance(source, bytes):
                streams.append(io.StringIO(source.decode("utf-8"), newline="\n"))
            elif source.exists():
                streams.append(stack.enter_context(open(source, encoding="utf-8", newline="\n")))
        previous = None
        for line in heapq.merge(*streams):
            if line != previous:
                yield line
                previous = line


def _append_file(source: BinaryIO, out: BinaryIO) -> None:
    """Append the whole of ``source`` to ``out`` (flushed), in the kernel where it can."""
    size, done = os.fstat(source.fileno()).st_size, 0
    with contextlib.suppress(OSError):  # not on this file system: copy through memory
        while done < size:
            copied = os.copy_file_range(source.fileno(), out.fileno(), size - done)
            if copied == 0:
                break
            done += copied
    source.seek(done)
    shutil.copyfileobj(source, out, 1 << 20)
    out.flush()


def _cut_lines(source: Path | bytes, start: str | None, stop: str | None) -> list[str]:
    """The lines ``start <= line < stop`` of one sorted source (a small graph file)."""
    try:
        data = source if isinstance(source, bytes) else source.read_bytes()
    except FileNotFoundError:
        return []
    # As the file streams read them: split at "\n" only (a literal may hold U+2028).
    lines = io.StringIO(data.decode("utf-8"), newline="\n").readlines()
    lo = bisect.bisect_left(lines, start) if start is not None else 0
    hi = bisect.bisect_left(lines, stop) if stop is not None else len(lines)
    return lines[lo:hi]


def _open_backend(path: Path, read_only: bool) -> ox.Store:
    try:
        return ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
    except OSError as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise StoreError(
            "E303",
            f"cannot open the store in {path} ({first})",
            "wait for the running build to finish, or delete the folder and build again",
        ) from None


def page_parts_path(out_dir: Path) -> Path:
    """Where ``out_dir``'s store keeps the page in parts."""
    return Path(out_dir) / STORE_DIR / PAGE_FILE


def read_page_parts(out_dir: Path) -> bytes | None:
    """What :meth:`Store.save_page_parts` kept in ``out_dir``'s store, or None."""
    try:
        return page_parts_path(out_dir).read_bytes()
    except OSError:
        return None


def _recover_swap(path: Path) -> None:
    """Undo half a swap: a lone ``store.old`` is the last good store."""
    old = path.with_name(path.name + ".old")
    if old.is_dir() and not path.exists():
        os.rename(old, path)


# ------------------------------------------------------------------------- builds


@contextlib.contextmanager
def open_build(out_dir: Path, *, update: bool = False, jobs: int = 1) -> Iterator[Store]:
    """A store for a build, swapped in only when the ``with`` block succeeds.

    With ``update`` the new store starts as a copy of the current one (an Oxigraph
    backup, hard links where possible); otherwise it starts empty. On success the
    store is flushed, ``graph.ttl`` is rewritten from it, and the new folder replaces
    ``out_dir/store``. On an exception the new folder is deleted and the previous
    store, ``graph.ttl`` and manifest are untouched. Write the manifest after the
    ``with`` block.
    ``jobs`` > 1 lets ``graph.ttl`` be written by two processes.

    Examples
    --------
    >>> import tempfile
    >>> from rdflib import Literal, URIRef
    >>> out = Path(tempfile.mkdtemp())
    >>> with open_build(out) as store:
    ...     triple = (URIRef("http://e/s"), URIRef("http://e/p"), Literal(1))
    ...     _ = store.replace_graph("http://e/g", [triple])
    >>> Store.open(out).graphs(), (out / "graph.ttl").exists()
    (['http://e/g'], True)
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    final = out_dir / STORE_DIR
    _recover_swap(final)
    settle_graph_drafts(out_dir)
    staging = out_dir / f"{STORE_DIR}.new-{os.getpid()}"
    if staging.exists():
        shutil.rmtree(staging)
    _remove_stale_staging(out_dir)
    staging.mkdir()
    if update and (final / _DB_DIR).is_dir():
        with Store.open(out_dir, read_only=True) as current:
            current.backend.backup(str(staging / _DB_DIR))
        # Graph files are only ever replaced, never edited, so hard links are safe copies.
        for part in (_GRAPHS_DIR, _NETWORK_DIR):
            if (final / part).is_dir():
                shutil.copytree(final / part, staging / part, copy_function=_link_or_copy)
    # The old graph.ttl is patched only when it is, to the nanosecond, the one written.
    old_count = _read_union_size(final, out_dir / GRAPH_FILE) if update else None
    store = Store._at(staging)
    if jobs > 1:
        store.batch = _BULK_BATCH_JOBS
    try:
        yield store
        store.flush()
        graph_tmp = out_dir / f".{GRAPH_FILE}.new-{os.getpid()}"
        patched = None
        if update and old_count is not None and store._touched is not None:
            patched = _patch_turtle(store, out_dir / GRAPH_FILE, graph_tmp, old_count)
        store.triples = patched if patched is not None else store.dump_turtle(graph_tmp, jobs=jobs)
        _write_union_size(staging, store.triples, graph_tmp)
        store.close()
        atomic_dir_swap(staging, final)
        os.replace(graph_tmp, out_dir / GRAPH_FILE)
        store.path = final
    except BaseException:
        with contextlib.suppress(Exception):  # the first error is the one to report
            store.close()
        shutil.rmtree(staging, ignore_errors=True)
        with contextlib.suppress(OSError):
            os.unlink(out_dir / f".{GRAPH_FILE}.new-{os.getpid()}")
        raise


def write_build(
    out_dir: Path,
    graphs: Mapping[str, Iterable[object]],
    removed: Iterable[str],
    manifest: dict[str, ManifestEntry],
    *,
    update: bool,
    corpus: object | None = None,
) -> int:
    """Write a build's output: store, ``graph.ttl``, manifest (and corpus index).

    ``graphs`` maps document IRIs to their triples; ``removed`` lists graph IRIs to
    drop (files gone since the last build). Without ``update`` the store starts empty
    and is bulk-loaded. Returns the number of triples in the union graph.
    """
    with open_build(out_dir, update=update) as store:
        if update:
            for iri in sorted(set(removed)):
                store.remove_graph(iri)
            for iri in sorted(graphs):
                store.replace_graph(iri, graphs[iri])
        else:
            store.bulk_load(graphs)
    write_manifest(out_dir, manifest)
    if corpus is not None:
        write_corpus(out_dir, corpus)
    return store.triples or 0


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _remove_stale_staging(out_dir: Path) -> None:
    """Delete staging folders of killed builds whose process is gone."""
    for candidate in sorted(out_dir.glob(f"{STORE_DIR}.new-*")):
        if _dead(candidate):
            shutil.rmtree(candidate, ignore_errors=True)


def _dead(owner: Path) -> bool:
    """Whether the build that named ``owner`` (``...-<pid>``) is gone."""
    pid = owner.name.rsplit("-", 1)[-1]
    if not pid.isdigit() or int(pid) == os.getpid():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except OSError:  # exists, owned by someone else
        return False
    return False


def settle_graph_drafts(out_dir: Path) -> None:
    """Finish or drop the ``graph.ttl`` drafts of killed builds (``.graph.ttl.new-<pid>``).

    A build swaps in its store, then renames its draft to ``graph.ttl``. The store
    records the stamp of that draft, so a dead build's draft with the stamp of the store
    now in place belongs to it: renaming it finishes the build's last step and keeps
    store and ``graph.ttl`` in step. Other drafts of dead builds are deleted.
    """
    out_dir = Path(out_dir)
    for draft in sorted(out_dir.glob(f".{GRAPH_FILE}.new-*")):
        if not _dead(draft):
            continue
        with contextlib.suppress(OSError):
            if _read_union_size(out_dir / STORE_DIR, draft) is not None:
                os.replace(draft, out_dir / GRAPH_FILE)
            else:
                draft.unlink()


# --------------------------------------------------------------------- serialising


def sorted_turtle(triples: Iterable[tuple[str, str, str]]) -> str:
    """Deterministic Turtle from N-Triples term strings.

    Subjects sorted, ``rdf:type`` first then predicates sorted, objects sorted;
    fixed prefixes; blank nodes relabelled from a digest of their triples, so the
    output depends only on the set of triples.

    Examples
    --------
    >>> b, rdf, rdfs = "<https://w3id.org/kamerkg/ns#b>", "http://www.w3.org/1999", "http://www.w3.org/2000"
    >>> t = [(b, f"<{rdfs}/01/rdf-schema#label>", '"B"'),
    ...      (b, f"<{rdf}/02/22-rdf-syntax-ns#type>", "<https://w3id.org/kamerkg/ns#Actor>")]
    >>> print(sorted_turtle(t).splitlines()[-2:])
    ['kkg:b a kkg:Actor ;', '    rdfs:label "B" .']
    """
    rows = _stabilise_bnodes(sorted(set(triples)))
    by_subject: dict[str, list[tuple[str, str]]] = {}
    for s, p, o in rows:
        by_subject.setdefault(s, []).append((p, o))
    out = io.StringIO()
    _write_turtle(out, ((s, by_subject[s]) for s in sorted(by_subject)))
    return out.getvalue()


_HEADER = "".join(f"@prefix {prefix}: <{iri}> .\n" for prefix, iri in _PREFIXES)


def _write_turtle(
    out: TextIO, blocks: Iterable[tuple[str, list[tuple[str, str]]]], *, header: bool = True
) -> int:
    """Write prefixes, then one block per subject (given in sorted order)."""
    if header:
        out.write(_HEADER)
    count = 0
    for subject, pairs in blocks:
        text, n = _block(subject, pairs)
        out.write(text)
        count += n
    return count


def _block(subject: str, pairs: Iterable[tuple[str, str]]) -> tuple[str, int]:
    """One subject's Turtle block (``""`` when it has no triples) and its triple count."""
    predicates: dict[str, list[str]] = {}
    for p, o in pairs:
        objects = predicates.get(p)
        if objects is None:
            predicates[p] = [o]
        else:
            objects.append(o)
    if not predicates:
        return "", 0
    order = sorted(predicates, key=lambda p: (p != _TYPE_TERM, p))
    chunks = []
    count = 0
    for predicate in order:
        name = "a" if predicate == _TYPE_TERM else _short_iri(predicate)
        objects = predicates[predicate]
        objects = sorted(set(objects)) if len(objects) > 1 else objects
        count += len(objects)
        chunks.append(f"{name} " + " , ".join([_short(o) for o in objects]))
    return f"\n{_short(subject)} " + " ;\n    ".join(chunks) + " .\n", count


def _lines_block(subject: str, lines: list[str]) -> tuple[bytes, int]:
    text, count = _block(subject, (_split_line(line)[1:] for line in lines))
    return text.encode("utf-8"), count


def _unshort(name: str) -> str:
    """A Turtle subject as :func:`_short` wrote it, back as an N-Triples IRI."""
    if name.startswith("<"):
        return name
    prefix, _, local = name.partition(":")
    for known, ns in _PREFIXES:
        if known == prefix:
            return f"<{ns}{local}>"
    return name


def _block_key(data: bytes | mmap.mmap, sep: int) -> str:
    """The sort key (subject and a space) of the block after the blank line at ``sep``."""
    end = data.find(b" ", sep + 2)
    return _unshort(bytes(data[sep + 2 : end]).decode("utf-8")) + " "


def _find_block(data: bytes | mmap.mmap, key: str, lo: int) -> int:
    """Offset of the blank line before the first block whose key is >= ``key``.

    ``len(data)`` when there is none. Blocks are sorted by key and separated by
    exactly one blank line (literals hold no raw line breaks), so this is a binary
    search over byte offsets: the file is never read as a whole.
    """
    hi = len(data)
    while lo < hi:
        mid = (lo + hi) // 2
        sep = data.find(b"\n\n", mid)
        if sep == -1 or sep >= hi:
            hi = mid
        elif _block_key(data, sep) < key:
            lo = sep + 1
        else:
            hi = sep
    sep = data.find(b"\n\n", lo)
    return len(data) if sep == -1 else sep


def _patch_turtle(store: Store, old_path: Path, new_path: Path, old_count: int) -> int | None:
    """Write ``new_path`` as ``old_path`` with the touched subjects' blocks replaced.

    The bytes equal a full :meth:`Store.dump_turtle`, because each block depends only
    on its subject's union lines. Returns the new triple count, or None (nothing
    written) when the old file is not the one the store last wrote: then the caller
    dumps the whole union.
    """
    touched = store._touched or {}
    if not old_path.is_file():
        return None
    with open(old_path, "rb") as handle, contextlib.ExitStack() as stack:
        if os.fstat(handle.fileno()).st_size == 0:
            return None
        data = stack.enter_context(mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ))
        if data[: len(_HEADER)] != _HEADER.encode("utf-8") or data.find(b"\n_:") != -1:
            return None
        edits: list[tuple[int, int, bytes]] = []
        count, lo = old_count, 0
        for subject in sorted(touched, key=lambda s: s + " "):
            key = subject + " "
            sep = _find_block(data, key, lo)
            start = min(sep + 1, len(data))
            old_block, old_n = _lines_block(subject, touched[subject])
            if sep < len(data) and _block_key(data, sep) == key:
                after = data.find(b"\n\n", sep + 2)
                end = after + 1 if after != -1 else len(data)
            else:
                end = start
            if data[start:end] != old_block:
                return None
            new_block, new_n = _lines_block(subject, store.subject_lines(subject))
            edits.append((start, end, new_block))
            count += new_n - old_n
            lo = sep
        fd, tmp = tempfile.mkstemp(prefix=f".{new_path.name}.", suffix=".tmp", dir=new_path.parent)
        try:
            with os.fdopen(fd, "wb") as out:
                cursor = 0
                for start, end, block in edits:
                    _copy_range(handle, out, data, cursor, start)
                    out.write(block)
                    cursor = end
                _copy_range(handle, out, data, cursor, len(data))
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, new_path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    return count


def _copy_range(source: BinaryIO, out: BinaryIO, data: mmap.mmap, start: int, end: int) -> None:
    """Append bytes ``start:end`` of ``source`` to ``out``, in the kernel where it can."""
    out.flush()
    position = out.tell()
    try:
        while start < end:
            done = os.copy_file_range(source.fileno(), out.fileno(), end - start, start, position)
            if done == 0:
                break
            start += done
            position += done
    except OSError:  # not on this file system: copy through memory
        pass
    out.seek(position)
    if start < end:
        out.write(data[start:end])


_UNION_FILE = "union.json"


def _read_union_size(store_dir: Path, ttl: Path) -> int | None:
    """The triple count of the union behind ``ttl``, if ``ttl`` is unchanged since written."""
    try:
        value = json.loads((Path(store_dir) / _UNION_FILE).read_text(encoding="utf-8"))
        if value["stamp"] != _stamp(ttl):
            return None
        return int(value["triples"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _write_union_size(store_dir: Path, count: int, ttl: Path) -> None:
    data = json.dumps({"triples": count, "stamp": _stamp(ttl)}).encode()
    atomic_write_bytes(Path(store_dir) / _UNION_FILE, data, sync=False)


def _stamp(path: Path) -> list[int]:
    info = os.stat(path)
    return [info.st_size, info.st_mtime_ns, info.st_ino]


_TYPE_TERM = f"<{_RDF_TYPE}>"


def _short(term: str) -> str:
    """An IRI as a prefixed name where safe; literal datatypes likewise."""
    if term[0] == "<":
        return _short_iri(term)
    if term[-1] != ">":  # a plain or language-tagged literal
        return term
    if term[0] == '"' and '"^^<' in term:
        lexical, _, datatype = term.rpartition("^^")
        return f"{lexical}^^{_short_iri(datatype)}"
    return term


@functools.lru_cache(maxsize=65536)
def _short_iri(term: str) -> str:
    iri = term[1:-1]
    for prefix, ns in _PREFIXES:
        if iri.startswith(ns) and _SAFE_LOCAL.match(iri[len(ns) :]):
            return f"{prefix}:{iri[len(ns) :]}"
    return term


def _stabilise_bnodes(rows: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Rename blank nodes after a digest of the triples around them."""
    bnodes = sorted({t for row in rows for t in (row[0], row[2]) if t.startswith("_:")})
    if not bnodes:
        return rows
    signature: dict[str, list[str]] = {b: [] for b in bnodes}
    for s, p, o in rows:
        masked = tuple("_:x" if t.startswith("_:") else t for t in (s, p, o))
        for position, term in (("s", s), ("o", o)):
            if term.startswith("_:"):
                signature[term].append(position + " ".join(masked))
    digests = {
        b: hashlib.sha256("\n".join(sorted(signature[b])).encode()).hexdigest()[:16] for b in bnodes
    }
    names: dict[str, str] = {}
    used: dict[str, int] = {}
    for b in sorted(bnodes, key=lambda b: (digests[b], b)):
        n = used.get(digests[b], 0)
        used[digests[b]] = n + 1
        names[b] = f"_:b{digests[b]}" + (f"x{n}" if n else "")
    renamed = [tuple(names.get(t, t) for t in row) for row in rows]
    return sorted(set(renamed))  # type: ignore[arg-type]


# -------------------------------------------------------------------------- loading


def load_graph(out_dir: Path) -> rdflib.Graph:
    """The union graph of ``out_dir`` as an rdflib Graph (for views and evaluation).

    Reads ``graph.ttl`` when present, otherwise the store.

    Raises
    ------
    StoreError
        E301 when neither exists; E304 when ``graph.ttl`` cannot be parsed.
    """
    out_dir = Path(out_dir)
    ttl = out_dir / GRAPH_FILE
    graph = rdflib.Graph()
    if ttl.is_file():
        try:
            graph.parse(ttl, format="turtle")
        except Exception as exc:  # rdflib raises many parser exception types
            first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise StoreError(
                "E304", f"{ttl} cannot be read ({first[:200]})", "run kamerkg build again"
            ) from None
        return graph
    with Store.open(out_dir, read_only=True) as store:
        data = store.dump_ntriples()
    graph.parse(data=data.decode("utf-8"), format="nt")
    return graph
