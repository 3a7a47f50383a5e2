"""Bad input through ``kamerkg build``: one line per bad file, the rest builds.

The corpus (``corpus/expected.csv``) is built file by file next to one good document;
large, unreadable, FIFO and symlink cases are made in ``tmp_path``.
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kamerkg.graph.cli import main

CORPUS = Path(__file__).parent / "corpus"
KAMERKG = Path(sys.executable).with_name("kamerkg")
ANCHOR = CORPUS / "utf8.txt"  # small: the extraction is not under test here


def _expected() -> list[dict[str, str]]:
    with open(CORPUS / "expected.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


EXPECTED = _expected()
GOOD = [row["file"] for row in EXPECTED if row["exit"] == "0"]
BAD = [row for row in EXPECTED if row["exit"] != "0"]


def run(capsys, *args: object) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def lines_naming(err: str, name: str) -> list[str]:
    return [line for line in err.splitlines() if name in line]


def test_corpus_listing_matches_the_folder():
    on_disk = {p.name for p in CORPUS.iterdir() if p.name not in ("expected.csv", "README.md")}
    assert on_disk == {row["file"] for row in EXPECTED}


@pytest.mark.parametrize("row", EXPECTED, ids=[row["file"] for row in EXPECTED])
def test_each_corpus_file_next_to_a_good_document(row, capsys, tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(ANCHOR, docs / "anker.txt")
    shutil.copy(CORPUS / row["file"], docs / row["file"])
    code, out, err = run(capsys, "build", docs, "-o", tmp_path / "out", "--quiet", "--no-html")
    assert "Traceback" not in err
    assert code == int(row["exit"]), err
    named = lines_naming(err, row["file"])
    if row["code"]:
        assert len(named) == 1, err
        assert row["code"] in named[0] and row["detail"] in named[0]
    else:
        assert named == [], err
    built = 2 if row["exit"] == "0" else 1
    assert out.startswith(f"{built} documents"), out
    assert (tmp_path / "out" / "graph.ttl").stat().st_size > 0


def _hostile_folder(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """Every corpus file plus the cases only a test can make; name -> expected code."""
    docs = tmp_path / "mixed"
    shutil.copytree(CORPUS, docs, ignore=shutil.ignore_patterns("*.csv", "*.md"))
    expected = {row["file"]: row["code"] for row in BAD}
    (docs / "groot.txt").write_bytes(b"Vraag 1\nKent u het bericht? " * 4000)
    expected["groot.txt"] = "E105"
    os.mkfifo(docs / "pijp.txt")  # opening a FIFO for reading would block for ever
    expected["pijp.txt"] = "E106"
    os.symlink("lus.txt", docs / "lus.txt")
    expected["lus.txt"] = "E106"
    os.symlink("heen.txt", docs / "terug.txt")
    os.symlink("terug.txt", docs / "heen.txt")
    expected["heen.txt"] = expected["terug.txt"] = "E106"
    os.symlink("verdwenen.txt", docs / "dood.txt")
    expected["dood.txt"] = "E106"
    (docs / "sub").mkdir()
    os.symlink("..", docs / "sub" / "omhoog")  # a directory loop: walked once
    (docs / "map.txt").mkdir()  # a folder named like a document is just a folder
    return docs, expected


def test_mixed_folder_builds_the_rest_and_exits_partial(tmp_path):
    docs, expected = _hostile_folder(tmp_path)
    result = subprocess.run(
        [KAMERKG, "build", docs, "-o", tmp_path / "out", "--quiet", "--max-bytes", "50000"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert "Traceback" not in result.stderr
    assert result.returncode == 3, result.stderr
    lines = result.stderr.splitlines()
    for name, code in expected.items():
        named = [line for line in lines if f"{os.sep}{name}:" in line]
        assert len(named) == 1, (name, result.stderr)
        assert code in named[0], named[0]
    assert len(lines) == len(expected) + 2  # and two W101 encoding notes
    assert sum("W101" in line for line in lines) == 2
    assert result.stdout.startswith(f"{len(GOOD)} documents")
    assert f"{len(expected)} skipped" in result.stdout
    assert (tmp_path / "out" / "graph.html").exists()


def test_strict_stops_at_the_first_bad_file_and_keeps_the_last_build(capsys, tmp_path):
    docs, _ = _hostile_folder(tmp_path)
    out = tmp_path / "out"
    code, _, _ = run(capsys, "build", CORPUS / "utf8.txt", "-o", out, "--quiet", "--no-html")
    assert code == 0
    before = (out / "graph.ttl").read_bytes()
    code, stdout, err = run(capsys, "build", docs, "-o", out, "--strict", "--quiet")
    assert code == 2 and stdout == ""
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("kamerkg: error: E1"), err
    assert (out / "graph.ttl").read_bytes() == before


def test_only_bad_files_keep_the_last_build(capsys, tmp_path):
    out = tmp_path / "out"
    code, _, _ = run(capsys, "build", CORPUS / "utf8.txt", "-o", out, "--quiet", "--no-html")
    assert code == 0
    before = (out / "graph.ttl").read_bytes()
    code, _, err = run(
        capsys, "build", CORPUS / "empty.txt", CORPUS / "nul.txt", "-o", out, "--quiet"
    )
    assert code == 2 and "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 3
    assert lines[-1].startswith("kamerkg: error: E108")
    assert (out / "graph.ttl").read_bytes() == before


def test_max_bytes_limit(capsys, tmp_path):
    big = tmp_path / "groot.txt"
    big.write_bytes((CORPUS / "utf8.txt").read_bytes() * 3)
    size = big.stat().st_size
    code, _, err = run(capsys, "build", big, "-o", tmp_path / "a", "--max-bytes", size - 1)
    assert code == 2 and "E105" in err and str(size) in err
    code, out, _ = run(capsys, "build", big, "-o", tmp_path / "b", "--max-bytes", size, "-q")
    assert code == 0 and out.startswith("1 documents")


def test_unreadable_file_is_one_line(capsys, monkeypatch, tmp_path):
    """Tests run as root, who reads anything: the refusal is simulated."""
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(ANCHOR, docs / "anker.txt")
    secret = docs / "geheim.txt"
    shutil.copy(CORPUS / "utf8.txt", secret)
    real_open = open

    def refusing_open(file, *args, **kwargs):
        if str(file) == str(secret):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", refusing_open)
    code, out, err = run(capsys, "build", docs, "-o", tmp_path / "out", "-q", "--no-html")
    assert code == 3 and "Traceback" not in err
    named = lines_naming(err, "geheim.txt")
    assert len(named) == 1 and "E106" in named[0] and "Permission denied" in named[0]
    assert out.startswith("1 documents")


@pytest.mark.parametrize(
    "out_dir",
    ["/dev/null/uit", "/proc/kamerkg-uit"],
    ids=["below-a-file", "in-a-pseudo-fs"],
)
def test_unwritable_output_folder_is_one_line(capsys, out_dir):
    code, _, err = run(capsys, "build", CORPUS / "utf8.txt", "-o", out_dir, "--quiet")
    assert code == 2
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("kamerkg: error: E309"), err


def test_all_formats_in_one_folder_build_end_to_end(tmp_path):
    docs = tmp_path / "formaten"
    docs.mkdir()
    for name in GOOD:
        shutil.copy(CORPUS / name, docs / name)
    result = subprocess.run(
        [KAMERKG, "build", docs, "-o", tmp_path / "out", "--quiet", "--no-html"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"{len(GOOD)} documents")
    warnings = sorted(result.stderr.splitlines())
    assert warnings == [
        "kamerkg: cp1252.txt: W101 read cp1252.txt as cp1252",
        "kamerkg: latin1.txt: W101 read latin1.txt as latin-1",
    ]
    ttl = (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")
    for name in GOOD:
        assert f'dcterms:source "{name}"' in ttl
    # Evidence is cut from clean text: no BOM, no CR, no words broken at a line end.
    for bad in ("\ufeff", "\\r", "weerbaar-", "infor-", "\x8d"):
        assert bad not in ttl
