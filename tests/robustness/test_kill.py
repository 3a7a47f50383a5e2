"""A build killed at any moment leaves the previous build whole and usable.

A build of many documents runs as a subprocess over a good build of the sample
documents and is killed (SIGKILL: no clean-up runs) while reading, while extracting,
while it fills its staging store and while it writes ``graph.ttl``. After each kill the
previous ``graph.ttl`` and manifest are byte-identical, the store opens and answers
``who-asked-whom`` as before; the next build succeeds and clears the leftovers.
"""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kamerkg.graph.build import sample_documents
from kamerkg.graph.cli import main

KAMERKG = Path(sys.executable).with_name("kamerkg")
# Enough for a build of several seconds; ~200 would take a minute on two cores.
COPIES = 20


def _many(folder: Path) -> Path:
    samples = sorted(sample_documents().glob("*.txt"))
    folder.mkdir()
    for i in range(COPIES):
        shutil.copy(samples[i % len(samples)], folder / f"kv_{i:03d}.txt")
    return folder


def _answer(capsys, out: Path) -> str:
    code = main(["query", "who-asked-whom", "-o", str(out), "--format", "csv"])
    text, err = capsys.readouterr()
    assert code == 0, err
    return text


def _until(process: subprocess.Popen, ready, limit: float = 90.0) -> bool:
    """Poll until ``ready()`` or the process ends; True when ready came first."""
    end = time.monotonic() + limit
    while time.monotonic() < end and process.poll() is None:
        if ready():
            return True
        time.sleep(0.005)
    return False


def _staging(out: Path) -> bool:
    return any(out.glob("store.new-*"))


def _graph_temp(out: Path) -> bool:
    return any(out.glob(".graph.ttl.new-*"))


MOMENTS = {
    "reading": lambda out: (lambda: False, 0.5),
    "extracting": lambda out: (lambda: False, 1.5),
    "filling the staging store": lambda out: (lambda: _staging(out), 0.0),
    "writing graph.ttl": lambda out: (lambda: _graph_temp(out), 0.0),
}


@pytest.mark.slow
def test_killed_builds_lose_nothing(capsys, tmp_path):
    out = tmp_path / "out"
    assert main(["build", "-o", str(out), "--quiet"]) == 0
    capsys.readouterr()
    graph = (out / "graph.ttl").read_bytes()
    manifest = (out / "manifest.json").read_bytes()
    answer = _answer(capsys, out)
    docs = _many(tmp_path / "many")

    caught = []
    for moment, make in MOMENTS.items():
        ready, delay = make(out)
        process = subprocess.Popen(
            [KAMERKG, "build", docs, "-o", out, "--quiet"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        try:
            if delay:
                time.sleep(delay)
                hit = process.poll() is None
            else:
                hit = _until(process, ready)
            process.send_signal(signal.SIGKILL)
        finally:
            process.wait(timeout=30)
        assert hit, f"the build ended before the kill ({moment})"
        caught.append(moment)
        if moment == "writing graph.ttl" and not _staging(out):
            # Killed in the moment between swapping in the store and renaming the
            # draft: opening the store finishes that rename, so store and graph.ttl
            # agree on the new build (its manifest is left for --update to notice).
            new_answer = _answer(capsys, out)
            assert not _graph_temp(out)
            assert (out / "graph.ttl").read_bytes() != graph
            assert "kv_000.txt" in new_answer
            break
        assert (out / "graph.ttl").read_bytes() == graph, moment
        assert (out / "manifest.json").read_bytes() == manifest, moment
        assert _answer(capsys, out) == answer, moment
    assert caught == list(MOMENTS)

    result = subprocess.run(
        [KAMERKG, "build", docs, "-o", out, "--quiet"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"{COPIES} documents")
    assert (out / "graph.ttl").read_bytes() != graph
    assert sorted(p.name for p in out.iterdir()) == [
        "corpus.json",
        "graph.html",
        "graph.ttl",
        "manifest.json",
        "store",
    ]
    assert f"kv_{COPIES - 1:03d}.txt" in _answer(capsys, out)


def test_update_after_a_kill_between_store_and_manifest(capsys, tmp_path):
    """The store of a new build is swapped in, then the build dies before its manifest."""
    samples = sorted(sample_documents().glob("*.txt"))
    old, new = tmp_path / "old", tmp_path / "new"
    old.mkdir()
    new.mkdir()
    for path in samples[:2]:
        shutil.copy(path, old / path.name)
    shutil.copy(samples[2], new / samples[2].name)
    out, fresh = tmp_path / "out", tmp_path / "fresh"
    assert main(["build", str(old), "-o", str(fresh), "-q", "--no-html"]) == 0
    assert main(["build", str(old), "-o", str(out), "-q", "--no-html"]) == 0
    saved = {n: (out / n).read_bytes() for n in ("manifest.json", "corpus.json")}
    assert main(["build", str(new), "-o", str(out), "-q", "--no-html"]) == 0
    for name, data in saved.items():  # the state such a kill leaves
        (out / name).write_bytes(data)
    capsys.readouterr()
    assert main(["build", str(old), "-o", str(out), "-q", "--no-html", "--update"]) == 0
    _, err = capsys.readouterr()
    assert "W301" in err
    assert (out / "graph.ttl").read_bytes() == (fresh / "graph.ttl").read_bytes()
