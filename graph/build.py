"""Build the graph of a corpus: files in, store, ``graph.ttl`` and ``graph.html`` out.

The build has two passes so that actors meet across documents: the first reads every
file and finds its mentions, the second resolves them with a corpus index of the
names seen everywhere, then finds claims. With ``jobs > 1`` both passes run in worker
processes; only plain data crosses a process boundary, never a spaCy ``Doc``.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path

from rdflib import Graph

from kamerkg.extract.errors import InputError, KamerkgError, StoreError
from kamerkg.extract.pipeline import EXTRACTOR_VERSION, Extractor, Prepared
from kamerkg.extract.resolve import CorpusIndex

from .rdf import document_iri, extraction_triples
from .store import (
    GRAPH_FILE,
    Store,
    file_sha256,
    load_graph,
    plan_update,
    read_corpus,
    read_manifest,
    write_build,
)

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
                    found.add(_resolved(candidate))
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


# Worker state: one Extractor per process, made once by the pool initializer.
_EXTRACTOR: Extractor | None = None


def _init_worker(options: BuildOptions) -> None:
    global _EXTRACTOR
    _EXTRACTOR = Extractor(options.model, options.extra_lists, options.max_bytes)


def _prepare(path: Path) -> tuple[Path, Prepared | None, KamerkgError | None]:
    assert _EXTRACTOR is not None
    try:
        return path, _EXTRACTOR.prepare_file(path), None
    except KamerkgError as error:
        return path, None, error


def _finish(args: tuple[Prepared, CorpusIndex | None]) -> tuple[str, list[tuple]]:
    """The document's graph IRI and its distinct triples, made where it was extracted.

    Only what the parent needs crosses back: no ``Extraction``, no rdflib ``Graph``.
    """
    assert _EXTRACTOR is not None
    prepared, corpus = args
    extraction = _EXTRACTOR.finish(prepared, corpus)
    iri = str(document_iri(extraction.document))
    return iri, list(dict.fromkeys(extraction_triples(extraction)))


def _mapper(options: BuildOptions, count: int) -> tuple[Callable, Callable[[], None]]:
    """A map function running in ``options.jobs`` processes, or in this one."""
    if options.jobs <= 1 or count < 2:
        _init_worker(options)
        return map, lambda: None
    pool = ProcessPoolExecutor(
        max_workers=options.jobs, initializer=_init_worker, initargs=(options,)
    )

    def pool_map(fn: Callable, items: list) -> Iterator:
        return pool.map(fn, items, chunksize=max(1, len(items) // (options.jobs * 8)))

    return pool_map, lambda: pool.shutdown(cancel_futures=True)


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

    mapper, shutdown = _mapper(options, len(todo))
    try:
        prepared: list[Prepared] = []
        for path, item, error in progress(mapper(_prepare, todo), len(todo), "reading"):
            if error is not None:
                skip(path, error)
                continue
            for line in item.document.warnings:
                warn(f"kamerkg: {path.name}: {line}")
            prepared.append(item)
        if not prepared and not plan.unchanged:
            # Writing an empty graph over the last good build would lose it.
            raise InputError(
                "E108",
                f"none of the {len(found)} files could be read; nothing was built",
                "fix or remove the files named above",
            )
        corpus = CorpusIndex.from_json(read_corpus(out_dir)) if update else CorpusIndex()
        for item in prepared:
            corpus.add(item.document, item.mentions)
        jobs = [(item, corpus) for item in prepared]
        extractions = list(progress(mapper(_finish, jobs), len(jobs), "extracting"))
    finally:
        shutdown()

    graphs: dict[str, list[tuple]] = {}
    owners: dict[str, Path] = {}
    for path, (iri, triples) in zip((Path(p.path) for p in prepared), extractions, strict=True):
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
        graphs[iri] = triples
        manifest[str(path)] = {
            "sha256": digests[str(path)],
            "graph": iri,
            "version": EXTRACTOR_VERSION,
        }
    for gone in [p for p in manifest if p not in digests or p in summary.skipped]:
        del manifest[gone]
    removed = [iri for iri in plan.removed_graphs if iri not in graphs]
    try:
        summary.triples = write_build(
            out_dir, graphs, removed, manifest, update=update, corpus=corpus.to_json()
        )
        if options.html:
            from .network import to_networkx
            from .viz import write_page

            write_page(
                to_networkx(_union(graphs) if not update else load_graph(out_dir)),
                out_dir / "graph.html",
            )
    except OSError as exc:  # disk full, folder removed or made read-only meanwhile
        raise _unwritable(out_dir, exc) from None
    _remove_stale_temps(out_dir)
    summary.documents = len(manifest)
    summary.entities, summary.relations = _count(out_dir)
    summary.seconds = time.perf_counter() - started
    return summary


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


def _remove_stale_temps(out_dir: Path) -> None:
    """Delete the ``graph.ttl`` drafts of killed builds (``.graph.ttl.new-<pid>``)."""
    for draft in sorted(Path(out_dir).glob(f".{GRAPH_FILE}.new-*")):
        pid = draft.name.rsplit("-", 1)[-1]
        if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
            with contextlib.suppress(OSError):
                draft.unlink()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, owned by someone else
        return True
    return True


def _union(graphs: dict[str, list[tuple]]) -> Graph:
    """The union of a full build's graphs, already in memory: no Turtle to parse again."""
    union = Graph()
    for iri in sorted(graphs):
        for triple in graphs[iri]:
            union.add(triple)
    return union


def _count(out_dir: Path) -> tuple[int, int]:
    """Distinct actors and distinct relation triples in the built store."""
    with Store.open(out_dir, read_only=True) as store:
        rows = store.query(COUNT_QUERY)
        row = next(iter(rows))
        return int(row["actors"].value), int(row["relations"].value)


COUNT_QUERY = """
PREFIX kkg: <https://w3id.org/kamerkg/ns#>
SELECT (COUNT(DISTINCT ?a) AS ?actors) (COUNT(DISTINCT ?st) AS ?relations) WHERE {
  { GRAPH ?g { ?d kkg:mentions ?a } }
  UNION
  { GRAPH ?g { ?st a kkg:Claim } }
}
"""
