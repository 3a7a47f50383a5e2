"""The kamerkg command: every subcommand, and user mistakes as one-line errors."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kamerkg.graph.build import sample_documents
from kamerkg.graph.cli import main

GOLD = Path(str(sample_documents())).parent / "gold"


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_error(code: int, err: str, *needles: str) -> None:
    assert code == 2
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith("kamerkg: error: ")
    assert "Traceback" not in err
    for needle in needles:
        assert needle in lines[0]


@pytest.fixture
def built(sample_build) -> Path:
    return sample_build


def test_build_default_writes_graph_page_and_summary(built, capsys, tmp_path):
    assert (built / "graph.ttl").stat().st_size > 0
    page = (built / "graph.html").read_text(encoding="utf-8")
    assert "<html" in page.lower()
    code, out, _ = run(capsys, "build", "-o", tmp_path / "again", "--quiet", "--no-html")
    assert code == 0
    line = out.strip()
    assert len(line.splitlines()) == 1
    for word in ("5 documents", "entities", "relations", "triples", " s"):
        assert word in line


def test_build_is_byte_identical(built, capsys, tmp_path):
    code, _, _ = run(capsys, "build", "-o", tmp_path, "--quiet", "--no-html")
    assert code == 0
    assert (tmp_path / "graph.ttl").read_bytes() == (built / "graph.ttl").read_bytes()


def test_build_missing_path(capsys, tmp_path):
    code, _, err = run(capsys, "build", tmp_path / "nowhere", "-o", tmp_path / "out")
    assert_one_line_error(code, err, "E100", "nowhere")
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_build_empty_folder(capsys, tmp_path):
    (tmp_path / "empty").mkdir()
    code, _, err = run(capsys, "build", tmp_path / "empty", "-o", tmp_path / "out")
    assert_one_line_error(code, err, "E109", "no documents")


def test_build_skips_bad_file_and_builds_the_rest(capsys, tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(sample_documents() / "004_aab655a299202bd4.txt", docs / "good.txt")
    (docs / "empty.txt").write_bytes(b"")
    (docs / "binary.txt").write_bytes(b"\x00\x01\x02garbage\x00")
    code, out, err = run(capsys, "build", docs, "-o", tmp_path / "out", "--quiet", "--no-html")
    assert code == 3
    assert "1 documents" in out and "2 skipped" in out
    skipped = [line for line in err.splitlines() if "skipped" in line]
    assert len(skipped) == 2 and all("E1" in line for line in skipped)
    assert (tmp_path / "out" / "graph.ttl").exists()
    code, _, err = run(capsys, "build", docs, "-o", tmp_path / "strict", "--strict", "--quiet")
    assert code == 2 and "Traceback" not in err


def test_query_who_asked_whom_lists_all_askers_with_parties(built, capsys):
    code, out, _ = run(capsys, "query", "who-asked-whom", "-o", built, "--format", "json")
    assert code == 0
    rows = json.loads(out)
    text = json.dumps(rows, ensure_ascii=False).lower()
    for name in (
        "van helvert",
        "ceder",
        "van der staaij",
        "michon",
        "brekelmans",
        "rajkowski",
        "sneller",
        "zeedijk",
    ):
        assert name in text, name
    for party in ("cda", "christenunie", "sgp", "vvd", "d66", "nieuw sociaal contract"):
        assert party in text, party
    for minister in ("grapperhaus", "hoekstra", "knapen", "bruins slot"):
        assert minister in text, minister
    refs = {row.get("reference") for row in rows}
    assert {"2020Z16438", "2022Z11285", "2021Z16950", "2024Z05303"} <= refs


def test_query_formats_and_list(built, capsys):
    code, out, _ = run(capsys, "query", "--list")
    assert code == 0 and "who-asked-whom" in out and "attributions" in out
    code, out, _ = run(capsys, "query", "attributions", "-o", built, "--format", "csv")
    assert code == 0
    assert out.splitlines()[0].count(",") >= 4
    assert "APT31" in out
    code, out, _ = run(capsys, "query", "attributions", "-o", built, "-p", "stance=denied")
    assert code == 0


def test_query_errors_are_one_line(built, capsys, tmp_path):
    code, _, err = run(capsys, "query", "SELECT ?s WHERE { ?s ?p", "-o", built)
    assert_one_line_error(code, err, "E404")
    code, _, err = run(capsys, "query", "no-such-query", "-o", built)
    assert_one_line_error(code, err)
    code, _, err = run(capsys, "query", "DELETE WHERE { ?s ?p ?o }", "-o", built)
    assert_one_line_error(code, err, "E401")
    code, _, err = run(capsys, "query", "who-asked-whom", "-o", tmp_path / "nothing")
    assert_one_line_error(code, err, "E301")
    code, _, err = run(capsys, "query", "who-asked-whom", "-o", built, "-p", "oops")
    assert_one_line_error(code, err)


def test_eval_prints_every_figure(built, capsys):
    code, out, _ = run(capsys, "eval", "--gold", GOLD, "-o", built)
    assert code == 0
    for figure in (
        "metadata",
        "who_asked_whom",
        "offices",
        "entities",
        "entity_types",
        "relations",
        "stances",
        "incidents",
        "responses",
    ):
        assert figure in out, figure
    code, out, _ = run(capsys, "eval", "--gold", GOLD, "-o", built, "--format", "json")
    assert code == 0 and json.loads(out)


def test_eval_missing_gold(built, capsys, tmp_path):
    code, _, err = run(capsys, "eval", "--gold", tmp_path / "nogold", "-o", built)
    assert_one_line_error(code, err, "E502")


def test_validate_stats_viz_export(built, capsys, tmp_path):
    code, out, _ = run(capsys, "validate", "-o", built)
    assert code == 0, out
    code, out, _ = run(capsys, "stats", "-o", built)
    assert code == 0 and "betweenness" in out.lower()
    code, out, _ = run(capsys, "stats", "-o", built, "--around", "APT31", "--depth", "1")
    assert code == 0
    code, _, err = run(capsys, "stats", "-o", built, "--around", "Nobody Atall")
    assert_one_line_error(code, err, "E601")
    target = tmp_path / "view.svg"
    code, _, _ = run(capsys, "viz", "-o", built, "--format", "svg", "--output", target)
    assert code == 0 and target.read_text(encoding="utf-8").lstrip().startswith(("<?xml", "<svg"))
    code, out, _ = run(capsys, "export", "-o", built, "--format", "csv", "--dest", tmp_path / "x")
    assert code == 0 and (tmp_path / "x" / "nodes.csv").exists()


def test_push_to_closed_port_is_one_line(built, capsys):
    code, _, err = run(capsys, "push", "-o", built, "--endpoint", "http://127.0.0.1:9/store")
    assert_one_line_error(code, err, "E310")


def test_console_script_has_no_traceback(tmp_path):
    exe = Path(sys.executable).with_name("kamerkg")
    result = subprocess.run(
        [str(exe), "build", str(tmp_path / "nope")], capture_output=True, text=True, check=False
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("kamerkg: error: E100")
