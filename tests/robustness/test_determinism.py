"""The same documents give byte-identical ``graph.ttl``, whatever the order and jobs."""

from __future__ import annotations

import shutil
from pathlib import Path

from kamerkg.graph.build import sample_documents
from kamerkg.graph.cli import main


def _build(capsys, out: Path, *args: object) -> bytes:
    code = main(["build", *(str(a) for a in args), "-o", str(out), "--quiet", "--no-html"])
    _, err = capsys.readouterr()
    assert code == 0, err
    return (out / "graph.ttl").read_bytes()


def test_file_order_folders_and_jobs_do_not_change_the_bytes(capsys, sample_build, tmp_path):
    reference = (sample_build / "graph.ttl").read_bytes()
    samples = sorted(sample_documents().glob("*.txt"))
    # Copied in reverse order into folders whose names sort against the file names.
    nested = tmp_path / "nested"
    for i, path in enumerate(reversed(samples)):
        folder = nested / f"{chr(ord('z') - i)}-map"
        folder.mkdir(parents=True)
        shutil.copy(path, folder / path.name)
    folders = sorted(nested.iterdir(), reverse=True)
    assert _build(capsys, tmp_path / "a", *folders, "--jobs", "2") == reference
    assert _build(capsys, tmp_path / "b", nested, "--jobs", "1") == reference
    # Rebuilding over an existing output, incrementally, keeps the bytes too.
    assert _build(capsys, tmp_path / "b", nested, "--update") == reference


def test_update_after_a_changed_corpus_equals_a_fresh_build(capsys, tmp_path):
    samples = sorted(sample_documents().glob("*.txt"))
    docs = tmp_path / "docs"
    docs.mkdir()
    for path in samples[:3]:
        shutil.copy(path, docs / path.name)
    out = tmp_path / "out"
    _build(capsys, out, docs)
    (docs / samples[0].name).unlink()
    shutil.copy(samples[3], docs / samples[3].name)
    incremental = _build(capsys, out, docs, "--update")
    assert incremental == _build(capsys, tmp_path / "fresh", docs)
