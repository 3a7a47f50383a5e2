"""Build the graph of a corpus: files in, store, ``graph.ttl`` and ``graph.html`` out.

The build has two passes so that actors meet across documents: the first reads every
file and finds its mentions, the second resolves them with a corpus index of the
names seen everywhere, then finds claims. With ``jobs > 1`` both passes run in worker
processes, each finishing the files it read (so a ``Prepared`` never travels, and the
corpus index goes to each worker once); only text crosses back: a document's sorted
N-Triples and the part of them the page is made from. The parent only writes: graph
files, an Oxigraph bulk load (in a thread), ``graph.ttl`` and the page.
"""

from __future__ import annotations

import contextlib
import dataclasses
import errno
import multiprocessing
import os
import stat
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from importlib.resources import files
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import RDF

from kamerkg.extract.errors import InputError, KamerkgError, StoreError
from kamerkg.extract.pipeline import EXTRACTOR_VERSION, Extractor, Prepared
from kamerkg.extract.resolve import CorpusIndex
from kamerkg.ontology import KKG

from .network import TripleIndex, network_lines, split_shared, to_networkx
from .rdf import document_iri, extraction_triples
from .store import (
    Store,
    file_sha256,
    graph_data,
    ntriples,
    open_build,
    plan_update,
    read_corpus,
    read_manifest,
    read_page_parts,
    settle_graph_drafts,
    write_corpus,
    write_manifest,
)

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "DOCUMENT_SUFFIXES",
    "BuildOptions",
    "BuildSummary",
    "build",
    "discover",
    "sample_documents",
]

DOCUMENT_SUFFIXES = (".txt", ".pdf", ".html", ".htm", ".xml")


def sample_documents() -> Path:
    """The bundled sample documents (``seeds/documents``)."""
    return Path(str(files("kamerkg.seeds") / "documents"))


@dataclass
class BuildOptions:
    model: str | None = None
    jobs: int = 1
    update: bool = False
    strict: bool = False
    html: bool = True
    max_bytes: int = 20_000_000
    extra_lists: tuple[Path, ...] = ()


@dataclass
class BuildSummary:
    documents: int = 0
    reused: int = 0
    skipped: list[str] = field(default_factory=list)
    entities: int = 0
    relations: int = 0
    triples: int = 0
    seconds: float = 0.0

    @property
    def partial(self) -> bool:
        return bool(self.skipped)

    def line(self) -> str:
        text = (
            f"{self.documents} documents, {self.entities} entities, "
            f"{self.relations} relations, {self.triples} triples, {self.seconds:.1f} s"
        )
        if self.reused:
            text += f" ({self.reused} unchanged)"
        if self.skipped:
            text += f"; {len(self.skipped)} skipped"
        return text


def discover(paths: Iterable[Path]) -> list[Path]:
    """Every document file under ``paths``, sorted, each once; symlink loops are cut.

    A file inside a symlink loop is kept under its own (unresolved) name, so the build
    reports it as unreadable instead of failing.
    """
    found: set[Path] = set()
    for path in paths:
        if not path.exists():
            raise InputError("E100", f"{path} does not exist", "give an existing file or folder")
        if not path.is_dir():
            # Given by name: a FIFO or device is reported by the build, not walked.
            found.add(_resolved(path))
            continue
        seen_dirs: set[Path] = set()
        for root, dirs, names in os.walk(path, followlinks=True):
            real = _resolved(Path(root))
            if real in seen_dirs:
                dirs[:] = []
                continue
            seen_dirs.add(real)
            dirs.sort()
            for name in sorted(names):
                if name.startswith("."):
                    continue
                candidate = Path(root) / name
                if candidate.suffix.lower() in DOCUMENT_SUFFIXES:
                    # In a resolved folder only a link needs resolving: one lstat per file
                    # instead of one per path component (a large corpus has many files).
                    link = os.path.islink(candidate)
                    found.add(_resolved(candidate) if link else real / name)
    return sorted(found)


def _resolved(path: Path) -> Path:
    """``path.resolve()``; the absolute path for a symlink loop or a dangling link.

    The build then names the file the user has, not the link's missing target.
    """
    try:
        real = path.resolve()
    except (OSError, RuntimeError):  # Python < 3.13 raises RuntimeError on loops
        return Path(os.path.abspath(path))
    return real if os.path.lexists(real) else Path(os.path.abspath(path))


def _check_regular(path: Path) -> None:
    """Refuse what is not a regular file: a FIFO would block the build for ever."""
    if not stat.S_ISREG(os.stat(path).st_mode):
        raise OSError(errno.EINVAL, "not a regular file", str(path))


# Worker state: one Extractor per process, made once, and the documents this process
# read in the first pass, kept (by index) for its second pass: a ``Prepared`` never
# crosses a process boundary.
_EXTRACTOR: Extractor | None = None
_PREPARED: dict[int, Prepared] = {}
#: True when the documents go into a new store by bulk load (not an update).
_BULK = True

#: What the first pass reports per file: index, path, the file's corpus names (as
#: ``CorpusIndex.to_json``), its warnings, or the error that stopped it.
_Read = tuple[int, Path, dict | None, list[str], KamerkgError | None]
#: What the second pass reports per document: index, graph IRI, its N-Triples text,
#: the part of it the page is made from, and of that the lines about actors and offices.
#: The text comes as UTF-8 bytes, with its N-Quads bytes for a new store's bulk load
#: (None in an update), so the parent only writes and queues what it gets.
_Finished = tuple[int, str, bytes, bytes | None, str, str]


def _init_worker(options: BuildOptions) -> None:
    global _EXTRACTOR, _BULK
    _EXTRACTOR = Extractor(options.model, options.extra_lists, options.max_bytes)
    _BULK = not options.update
    _PREPARED.clear()


def _read_one(item: tuple[int, Path]) -> _Read:
    assert _EXTRACTOR is not None
    index, path = item
    try:
        prepared = _EXTRACTOR.prepare_file(path)
    except KamerkgError as error:
        return index, path, None, [], error
    _PREPARED[index] = prepared
    names = CorpusIndex()
    names.add(prepared.document, prepared.mentions)
    return index, path, names.to_json(), list(prepared.document.warnings), None


def _finish_one(index: int, corpus: CorpusIndex) -> _Finished:
    """Finish a document this process read; only text goes back, made where it was extracted."""
    assert _EXTRACTOR is not None
    extraction = _EXTRACTOR.finish(_PREPARED.pop(index), corpus)
    text = ntriples(extraction_triples(extraction))
    iri = str(document_iri(extraction.document))
    lines = network_lines(text.splitlines(keepends=True))
    data, quads = graph_data(iri, text) if _BULK else (text.encode("utf-8"), None)
    return index, iri, data, quads, "".join(lines), "".join(split_shared(iri, lines)[1])


def _serve(conn: Connection, options: BuildOptions, items: list[tuple[int, Path]]) -> None:
    """A worker process: read its share of the files, wait for the corpus index, finish them."""
    try:
        _init_worker(options)
        for item in items:
            conn.send(_read_one(item))
        corpus_json = conn.recv()
        if corpus_json is None:
            return
        corpus = CorpusIndex.from_json(corpus_json)
        for index in sorted(_PREPARED):
            conn.send(_finish_one(index, corpus))
    except BaseException:  # reported by the parent, which stops the build
        with contextlib.suppress(OSError, ValueError):
            conn.send(("crash", traceback.format_exc()))
    finally:
        conn.close()


def _shares(items: list[tuple[int, Path]], jobs: int) -> list[list[tuple[int, Path]]]:
    """Split the files into ``jobs`` shares of similar total size, each in file order.

    Both passes end with a wait for the slowest worker, and extraction time follows
    file size, so the largest files are dealt first, each to the lightest share
    (every ``jobs``-th file leaves one worker idle when sizes vary).
    """

    def size(item: tuple[int, Path]) -> int:
        try:
            return os.stat(item[1]).st_size
        except OSError:  # reported by the worker that reads it
            return 0

    sizes = {item[0]: size(item) for item in items}
    shares: list[list[tuple[int, Path]]] = [[] for _ in range(jobs)]
    loads = [0] * jobs
    for item in sorted(items, key=lambda item: (-sizes[item[0]], item[0])):
        lightest = min(range(jobs), key=lambda share: (loads[share], share))
        shares[lightest].append(item)
        loads[lightest] += max(1, sizes[item[0]])
    return [sorted(share) for share in shares]


class _Runner:
    """The two passes, in this process or in ``jobs`` worker processes.

    Each worker gets a share of similar total size (see :func:`_shares`; no queue to
    feed), keeps what it read, and after the corpus index arrives (once per worker)
    finishes those same documents. Results are yielded in file order whatever the
    process.
    """

    def __init__(self, options: BuildOptions, paths: list[Path]) -> None:
        self.items = list(enumerate(paths))
        self.jobs = max(1, min(options.jobs, len(paths)))
        self.conns: list[Connection] = []
        self.procs: list[multiprocessing.process.BaseProcess] = []
        self.prepared: list[int] = []
        if self.jobs == 1:
            if paths:  # an update with nothing to extract needs no spaCy
                _init_worker(options)
            return
        context = multiprocessing.get_context("fork")
        for share in _shares(self.items, self.jobs):
            parent_end, child_end = context.Pipe()
            proc = context.Process(
                target=_serve,
                args=(child_end, options, share),
                daemon=True,
            )
            proc.start()
            child_end.close()
            self.conns.append(parent_end)
            self.procs.append(proc)

    def read(self) -> Iterator[_Read]:
        if self.jobs == 1:
            results: Iterable[_Read] = map(_read_one, self.items)
        else:
            results = self._ordered([i for i, _ in self.items])
        for result in results:
            if result[4] is None:
                self.prepared.append(result[0])
            yield result

    def finish(self, corpus: CorpusIndex) -> Iterator[_Finished]:
        if self.jobs == 1:
            for index in self.prepared:
                yield _finish_one(index, corpus)
            return
        data = corpus.to_json()
        for conn in self.conns:
            conn.send(data)
        yield from self._ordered(self.prepared)

    def _ordered(self, wanted: list[int]) -> Iterator:
        """Messages of all workers, by index, in the order of ``wanted``."""
        pending: dict[int, tuple] = {}
        live = list(self.conns)
        for index in wanted:
            while index not in pending:
                if not live:
                    raise RuntimeError("a build worker process died")
                for conn in wait(live):
                    try:
                        message = conn.recv()
                    except EOFError:  # finished its share, or died: the check above tells
                        live.remove(conn)
                        continue
                    if message[0] == "crash":
                        raise RuntimeError(f"a build worker failed:\n{message[1]}")
                    pending[message[0]] = message
            yield pending.pop(index)

    def close(self) -> None:
        _PREPARED.clear()
        for conn in self.conns:
            with contextlib.suppress(OSError, ValueError):
                conn.send(None)  # a worker still waiting for the index stops
            conn.close()
        for proc in self.procs:
            proc.join(timeout=5)
            if proc.is_alive():
                proc.terminate()
                proc.join()
        self.conns, self.procs = [], []


def build(
    paths: list[Path],
    out_dir: Path,
    options: BuildOptions,
    progress: Callable[[Iterable, int, str], Iterable] | None = None,
    warn: Callable[[str], None] | None = None,
) -> BuildSummary:
    """Extract every document under ``paths`` and write the graph into ``out_dir``.

    A bad file is reported through ``warn`` and skipped (``options.strict`` stops at
    the first). The store and the output files are replaced atomically: a build that
    is killed leaves the previous graph as it was.
    """
    started = time.perf_counter()
    progress = progress or (lambda items, _n, _label: items)
    warn = warn or (lambda line: print(line, file=sys.stderr))
    summary = BuildSummary()
    found = discover(paths)
    _writable(out_dir)  # fail before the long extraction, not after it
    if not found:
        names = ", ".join(str(p) for p in paths)
        raise InputError(
            "E109",
            f"no documents in {names}",
            f"give files ending in {' '.join(DOCUMENT_SUFFIXES)} or a folder holding them",
        )

    def skip(path: Path, error: KamerkgError) -> None:
        if options.strict:
            raise error
        warn(f"kamerkg: skipped {path}: {error}")
        summary.skipped.append(str(path))

    digests: dict[str, str] = {}
    for path in found:
        try:
            _check_regular(path)
            digests[str(path)] = file_sha256(path)
        except OSError as exc:
            skip(
                path,
                InputError(
                    "E106",
                    f"cannot read {path} ({exc.strerror})",
                    "check that the file exists and is readable",
                ),
            )
    update = options.update
    manifest = read_manifest(out_dir) if update else {}
    if update and not _manifest_matches_store(out_dir, manifest):
        # A build killed between swapping in its store and writing its manifest.
        warn("kamerkg: W301 the manifest does not match the store; rebuilding every file")
        update, manifest = False, {}
    plan = plan_update(manifest, digests, EXTRACTOR_VERSION)
    todo = [Path(p) for p in plan.extract]
    summary.reused = len(plan.unchanged)

    # The workers make the bulk load's N-Quads unless this build updates a store.
    runner = _Runner(dataclasses.replace(options, update=update), todo)
    try:
        names: dict[str, set[str]] = {}
        if update:
            for key, values in CorpusIndex.from_json(read_corpus(out_dir)).to_json().items():
                names.setdefault(key, set()).update(values)
        for _index, path, found_names, warnings, error in progress(
            runner.read(), len(todo), "reading"
        ):
            if error is not None:
                skip(path, error)
                continue
            for line in warnings:
                warn(f"kamerkg: {path.name}: {line}")
            for key, values in (found_names or {}).items():
                names.setdefault(key, set()).update(values)
        if not runner.prepared and not plan.unchanged:
            # Writing an empty graph over the last good build would lose it.
            raise InputError(
                "E108",
                f"none of the {len(found)} files could be read; nothing was built",
                "fix or remove the files named above",
            )
        corpus = CorpusIndex.from_json({k: sorted(v) for k, v in names.items()})
        owners: dict[str, Path] = {}
        index = TripleIndex()  # the page's triples, added in file order
        shared: Counter[str] = Counter()  # their lines about actors: documents holding each
        # Documents whose page lines change: IRI -> old and new lines (None for none).
        changes: dict[str, tuple[str | None, str | None]] = {}
        page: tuple[str | None, bytes | None, nx.MultiDiGraph | None] = (None, None, None)
        try:
            with open_build(out_dir, update=update, jobs=runner.jobs) as store:
                finished = runner.finish(corpus)
                for position, iri, data, quads, network, shared_lines in progress(
                    finished, len(runner.prepared), "extracting"
                ):
                    path = todo[position]
                    if iri in owners:
                        skip(
                            path,
                            InputError(
                                "E308",  # not E107: read.py gives that code to unreadable PDFs
                                f"{path} has the same document name as {owners[iri]}",
                                "rename one of the two files",
                            ),
                        )
                        continue
                    owners[iri] = path
                    if update:
                        changes[iri] = (store.network_text(iri), network)
                        store.replace_graph_text(iri, data.decode("utf-8"))
                    else:
                        assert quads is not None  # made for every build that is not an update
                        store.add_graph_data(iri, data, quads)
                        index.add_lines(network)
                        shared.update(shared_lines.splitlines(keepends=True))
                    store.save_network(iri, network)
                    manifest[str(path)] = {
                        "sha256": digests[str(path)],
                        "graph": iri,
                        "version": EXTRACTOR_VERSION,
                    }
                for iri in plan.removed_graphs:
                    if iri not in owners:
                        changes[iri] = (store.network_text(iri), None)
                        store.remove_graph(iri)
                for gone in [p for p in manifest if p not in digests or p in summary.skipped]:
                    del manifest[gone]
                graphs = [manifest[name]["graph"] for name in sorted(manifest)]
                if options.html:
                    # Drawn before the store is flushed: meanwhile the loader thread
                    # finishes the bulk load on the other core.
                    page = _page(store, graphs, index, shared, changes if update else None, out_dir)
                    if page[1] is not None:
                        store.save_page_parts(page[1])
                if update:
                    summary.entities, summary.relations = _count_store(store)
                else:
                    summary.entities, summary.relations = _count(index)
            write_manifest(out_dir, manifest)
            write_corpus(out_dir, corpus.to_json())
            summary.triples = store.triples or 0
            if options.html:
                _write_page(out_dir / "graph.html", page[0], page[2])
        except OSError as exc:  # disk full, folder removed or made read-only meanwhile
            raise _unwritable(out_dir, exc) from None
    finally:
        runner.close()
    settle_graph_drafts(out_dir)
    summary.documents = len(manifest)
    summary.seconds = time.perf_counter() - started
    return summary


def _page(
    store: Store,
    graphs: list[str],
    index: TripleIndex,
    shared: Counter[str],
    changes: dict[str, tuple[str | None, str | None]] | None,
    out_dir: Path,
) -> tuple[str | None, bytes | None, nx.MultiDiGraph | None]:
    """The page's JSON and its parts to keep, or the graph to draw it from.

    A full build (``changes`` None) has every document's lines in ``index`` and
    ``shared``. An update patches the parts the last build kept with the changed
    documents; when there are none, or they cannot be patched, the page is made
    again from every document's stored lines.
    """
    from .viz import PageParts

    if changes is not None:
        parts = PageParts.from_bytes(read_page_parts(out_dir))  # the store being replaced
        if parts is not None and parts.update(changes):
            text = parts.page_json()
            if text is not None:
                return text, parts.to_bytes(), None
        for iri in graphs:  # the same order as a full build: by file
            network = _network_of(store, iri)
            index.add_lines(network)
            shared.update(split_shared(iri, network.splitlines(keepends=True))[1])
    G = to_networkx(index)
    parts = PageParts.from_graph(G, index, shared, graphs)
    text = parts.page_json() if parts is not None else None
    if parts is None or text is None:
        return None, None, G
    return text, parts.to_bytes(), None


def _write_page(path: Path, text: str | None, G: nx.MultiDiGraph | None) -> None:
    """Write the page from its JSON (the parts path) or, when there is none, from ``G``."""
    from .viz import render_page_json, write_page

    if text is not None:
        render_page_json(path, text)
    elif G is not None:
        write_page(G, path)


def _count_store(store: Store) -> tuple[int, int]:
    """:func:`_count` asked of the store (an update holds no index of every document)."""
    counts = []
    for sparql in (
        f"SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE {{ ?d <{KKG.mentions}> ?a }}",
        f"SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE {{ ?c a <{KKG.Claim}> }}",
    ):
        counts.append(int(next(iter(store.query(sparql)))["n"].value))
    return counts[0], counts[1]


def _network_of(store: Store, iri: str) -> str:
    """A graph's network lines; made from the graph (and kept) for stores built before them."""
    text = store.network_text(iri)
    if text is None:
        lines = store.dump_ntriples(iri).decode("utf-8").splitlines(keepends=True)
        text = "".join(network_lines(lines))
        store.save_network(iri, text)
    return text


def _writable(out_dir: Path) -> None:
    """Make ``out_dir`` or say in one line why it cannot be made."""
    try:
        Path(out_dir).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _unwritable(out_dir, exc) from None
    if not os.access(out_dir, os.W_OK | os.X_OK):
        raise _unwritable(out_dir, PermissionError(errno.EACCES, "permission denied"))


def _unwritable(out_dir: Path, exc: OSError) -> StoreError:
    reason = exc.strerror or type(exc).__name__
    return StoreError(
        "E309", f"cannot write the build into {out_dir} ({reason})", "choose a writable -o folder"
    )


def _manifest_matches_store(out_dir: Path, manifest: dict[str, dict[str, str]]) -> bool:
    """True when the store holds exactly the graphs the manifest names."""
    try:
        with Store.open(out_dir, read_only=True) as store:
            held = set(store.graphs())
    except StoreError:  # no store yet (E301) or none that opens: start afresh
        return not manifest
    return held == {entry["graph"] for entry in manifest.values()}


def _count(index: TripleIndex) -> tuple[int, int]:
    """Distinct actors mentioned in any document and distinct claims.

    Both kinds of triple are among the network lines, so no query over the store.
    """
    actors = {actor for _doc, actor in index.subject_objects(KKG.mentions)}
    return len(actors), len(list(index.subjects(RDF.type, KKG.Claim)))
