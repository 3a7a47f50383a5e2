"""Build the graph of a corpus: files in, store, ``graph.ttl`` and ``graph.html`` out.

The build has two passes so that actors meet across documents: the first reads every
file and finds its mentions, the second resolves them with a corpus index of the
names seen everywhere, then finds claims. With ``jobs > 1`` both passes run in worker
processes; only plain data crosses a process boundary, never a spaCy ``Doc``.
"""

from __future__ import annotations

import hashlib
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path

from kamerkg.extract.errors import InputError, KamerkgError
from kamerkg.extract.model import Extraction
from kamerkg.extract.pipeline import EXTRACTOR_VERSION, Extractor, Prepared
from kamerkg.extract.resolve import CorpusIndex

from .rdf import document_iri, extraction_graph
from .store import Store

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
    """Every document file under ``paths``, sorted, each once; symlink loops are cut."""
    found: set[Path] = set()
    for path in paths:
        if not path.exists():
            raise InputError("E100", f"{path} does not exist", "give an existing file or folder")
        if path.is_file():
            found.add(path.resolve())
            continue
        seen_dirs: set[Path] = set()
        for root, dirs, names in os.walk(path, followlinks=True):
            real = Path(root).resolve()
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
                    found.add(candidate.resolve())
    return sorted(found)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# Worker state: one Extractor per process, made once by the pool initializer.
_EXTRACTOR: Extractor | None = None


def _init_worker(options: BuildOptions) -> None:
    global _EXTRACTOR
    _EXTRACTOR = Extractor(options.model, options.extra_lists, options.max_bytes)


def _prepare(path: Path) -> tuple[Path, Prepared | None, str | None]:
    assert _EXTRACTOR is not None
    try:
        return path, _EXTRACTOR.prepare_file(path), None
    except KamerkgError as error:
        return path, None, str(error)


def _finish(args: tuple[Prepared, CorpusIndex | None]) -> Extraction:
    assert _EXTRACTOR is not None
    prepared, corpus = args
    return _EXTRACTOR.finish(prepared, corpus)


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
    files_ = discover(paths)
    out_dir.mkdir(parents=True, exist_ok=True)

    previous = Store.read_manifest(out_dir) if options.update else {}
    digests: dict[Path, str] = {}
    todo: list[Path] = []
    for path in files_:
        try:
            digests[path] = _digest(path)
        except OSError as error:
            line = f"E106 cannot read {path}: {error.strerror}: check its permissions"
            if options.strict:
                raise InputError("E106", f"cannot read {path}", "check its permissions") from error
            warn(f"skipped {line}")
            summary.skipped.append(str(path))
            continue
        entry = previous.get(str(path))
        if (
            options.update
            and entry
            and entry.get("sha256") == digests[path]
            and entry.get("version") == EXTRACTOR_VERSION
        ):
            summary.reused += 1
            continue
        todo.append(path)

    mapper, shutdown = _mapper(options, len(todo))
    try:
        prepared: list[Prepared] = []
        for path, item, error in progress(mapper(_prepare, todo), len(todo), "reading"):
            if error is not None:
                if options.strict:
                    raise InputError(error.split(" ", 1)[0], error.split(" ", 1)[1])
                warn(f"skipped {path}: {error}")
                summary.skipped.append(str(path))
                continue
            for line in item.document.warnings:
                warn(f"{path.name}: {line}")
            prepared.append(item)
        corpus = CorpusIndex.from_prepared(prepared, Store.read_corpus(out_dir) if options.update else None)
        extractions = list(
            progress(mapper(_finish, [(p, corpus) for p in prepared]), len(prepared), "extracting")
        )
    finally:
        shutdown()

    by_source: dict[str, Path] = {}
    for path in todo:
        by_source.setdefault(path.name, path)
    graphs = {str(document_iri(e.document)): extraction_graph(e) for e in extractions}

    manifest = {k: v for k, v in previous.items() if Path(k) in digests}
    for extraction in extractions:
        path = by_source[extraction.document.source]
        manifest[str(path)] = {
            "sha256": digests[path],
            "graph": str(document_iri(extraction.document)),
            "version": EXTRACTOR_VERSION,
        }
    removed = sorted(v["graph"] for k, v in previous.items() if Path(k) not in digests)
    write_outputs(out_dir, graphs, removed, manifest, corpus, options)
    summary.documents = len(manifest)
    summary.entities, summary.relations, summary.triples = count_graph(out_dir)
    summary.seconds = time.perf_counter() - started
    return summary
