"""``build --update`` patches the page from the changed documents: same bytes as a full build."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest

from kamerkg.graph import build as build_module
from kamerkg.graph import viz
from kamerkg.graph.build import sample_documents
from kamerkg.graph.cli import main
from kamerkg.graph.network import TripleIndex, split_shared, to_networkx
from kamerkg.graph.synthetic import synthetic_rdf

# Invented questions: a new claim, a new actor and a new asker for the changed file.
ADDED = """
Vraag 41
Klopt het dat hackers van de Chinese staatsgroep APT41 bij het Havenbedrijf Rotterdam
hebben ingebroken?

Antwoord 41
Ja. De MIVD heeft de inbraak bij het Havenbedrijf Rotterdam aan China toegeschreven.
"""


def _docs(folder: Path) -> Path:
    shutil.copytree(sample_documents(), folder)
    return folder


def _same_output(a: Path, b: Path) -> None:
    for name in ("graph.ttl", "graph.html"):
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


def _no_whole_page(monkeypatch) -> list[bool]:
    """Fail if the update reads every document's page lines; record what patching said."""
    said: list[bool] = []
    patch = viz.PageParts.update

    def spy(self, changes):
        said.append(patch(self, changes))
        return said[-1]

    def refuse(*_args):
        raise AssertionError("the update read every document's page lines")

    monkeypatch.setattr(viz.PageParts, "update", spy)
    monkeypatch.setattr(build_module, "_network_of", refuse)
    return said


def test_update_patches_the_page_to_the_bytes_of_a_full_build(tmp_path, monkeypatch):
    docs = _docs(tmp_path / "docs")
    out, full = tmp_path / "out", tmp_path / "full"
    assert main(["build", str(docs), "-o", str(out), "--quiet"]) == 0
    files = sorted(docs.glob("*.txt"))
    with files[0].open("a", encoding="utf-8") as handle:
        handle.write(ADDED)
    files[-1].unlink()
    said = _no_whole_page(monkeypatch)
    assert main(["build", str(docs), "-o", str(out), "--quiet", "--update"]) == 0
    assert said == [True]
    monkeypatch.undo()
    assert main(["build", str(docs), "-o", str(full), "--quiet"]) == 0
    _same_output(out, full)
    # The kept parts are those of the full build, so the next update starts right.
    assert _kept(out) == _kept(full)


def _kept(out: Path) -> tuple:
    parts = viz.PageParts.from_bytes((out / "store/page.json").read_bytes())
    assert parts is not None
    edges = {doc: sorted(records) for doc, records in parts.edges.items()}
    return parts.shared, parts.sources, parts.documents, edges, parts.layout


def test_update_with_a_new_file_and_nothing_changed(tmp_path, monkeypatch):
    docs = _docs(tmp_path / "docs")
    out, full = tmp_path / "out", tmp_path / "full"
    spare = sorted(docs.glob("*.txt"))[-1]
    kept = spare.read_bytes()
    spare.unlink()
    assert main(["build", str(docs), "-o", str(out), "--quiet"]) == 0
    said = _no_whole_page(monkeypatch)
    assert main(["build", str(docs), "-o", str(out), "--quiet", "--update"]) == 0
    spare.write_bytes(kept)
    assert main(["build", str(docs), "-o", str(out), "--quiet", "--update"]) == 0
    assert said == [True, True]
    monkeypatch.undo()
    assert main(["build", str(docs), "-o", str(full), "--quiet"]) == 0
    _same_output(out, full)


def test_update_after_a_build_without_page_draws_it_whole(tmp_path):
    docs = _docs(tmp_path / "docs")
    out, full = tmp_path / "out", tmp_path / "full"
    assert main(["build", str(docs), "-o", str(out), "--quiet", "--no-html"]) == 0
    assert not (out / "store/page.json").exists()
    with sorted(docs.glob("*.txt"))[2].open("a", encoding="utf-8") as handle:
        handle.write(ADDED)
    assert main(["build", str(docs), "-o", str(out), "--quiet", "--update"]) == 0
    assert main(["build", str(docs), "-o", str(full), "--quiet"]) == 0
    _same_output(out, full)
    assert (out / "store/page.json").exists()


# --- PageParts on hand-made lines -------------------------------------------------------

ACTOR = "https://w3id.org/kamerkg/id/actor/"
DOC = "https://w3id.org/kamerkg/id/doc/"
NS = "https://w3id.org/kamerkg/ns#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"


def _doc_lines(name: str, subject: str, relation: str, obj: str, labels: dict[str, str]) -> str:
    doc, claim = f"<{DOC}{name}>", f"<{DOC}{name}/claim/c1>"
    lines = [
        f'{doc} <http://purl.org/dc/terms/source> "{name}.txt" .\n',
        f"{doc} <{RDF}type> <{NS}Document> .\n",
        f"{claim} <{RDF}type> <{NS}Claim> .\n",
        f"{claim} <{RDF}subject> <{ACTOR}{subject}> .\n",
        f"{claim} <{RDF}predicate> <{NS}{relation}> .\n",
        f"{claim} <{RDF}object> <{ACTOR}{obj}> .\n",
        f"{claim} <http://www.w3.org/ns/prov#wasDerivedFrom> {doc} .\n",
        f"<{ACTOR}{subject}> <{NS}{relation}> <{ACTOR}{obj}> .\n",
    ]
    for actor in (subject, obj):
        lines.append(f"<{ACTOR}{actor}> <{RDF}type> <{NS}Organisation> .\n")
        lines.append(f'<{ACTOR}{actor}> {LABEL} "{labels[actor]}" .\n')
    return "".join(sorted(set(lines)))


def _parts(docs: dict[str, str]) -> viz.PageParts:
    index, shared = TripleIndex(), Counter()
    for name, text in docs.items():
        index.add_lines(text)
        shared.update(split_shared(DOC + name, text.splitlines(keepends=True))[1])
    parts = viz.PageParts.from_graph(to_networkx(index), index, shared, [DOC + n for n in docs])
    assert parts is not None
    return parts


def _page_of(docs: dict[str, str]) -> str:
    index = TripleIndex.from_lines(line for text in docs.values() for line in text.splitlines(True))
    G = to_networkx(index)
    return viz._dumps(viz.page_data(G))


LABELS = {"apt-a": "Groep A", "haven": "Haven", "staat": "Staat"}


def test_patched_parts_give_the_page_of_the_new_graph():
    docs = {
        "d1": _doc_lines("d1", "apt-a", "targeted", "haven", LABELS),
        "d2": _doc_lines("d2", "apt-a", "attributedTo", "staat", LABELS),
    }
    parts = _parts(docs)
    assert parts.page_json() == _page_of(docs)
    new = _doc_lines("d2", "staat", "targeted", "haven", LABELS)
    assert parts.update({DOC + "d2": (docs["d2"], new)})
    docs["d2"] = new
    assert parts.page_json() == _page_of(docs)
    assert parts.update({DOC + "d1": (docs.pop("d1"), None)})
    assert parts.page_json() == _page_of(docs)


def test_a_label_quoted_by_kept_edges_that_changes_asks_for_the_whole_page():
    docs = {
        "d1": _doc_lines("d1", "apt-a", "targeted", "haven", LABELS),
        "d2": _doc_lines("d2", "apt-a", "attributedTo", "staat", LABELS),
    }
    parts = _parts(docs)
    # "Groep A" becomes "Aanvalsgroep A" (smaller), quoted in d1's edge, which is kept.
    new = _doc_lines("d2", "apt-a", "attributedTo", "staat", {**LABELS, "apt-a": "Aanvalsgroep A"})
    assert not parts.update({DOC + "d2": (docs["d2"], new)})


def test_graphs_that_do_not_split_by_document_have_no_parts():
    index = TripleIndex.from_lines(
        [
            f"<{ACTOR}a> <{RDF}type> <{NS}Organisation> .\n",
            f"<{DOC}d/claim/c> <{RDF}type> <{NS}Claim> .\n",
            f"<{DOC}d/claim/c> <{RDF}subject> <{ACTOR}a> .\n",
            f"<{DOC}d/claim/c> <{RDF}predicate> <{NS}targeted> .\n",
            f"<{DOC}d/claim/c> <{RDF}object> <{ACTOR}untyped> .\n",
        ]
    )
    shared = Counter([f"<{ACTOR}a> <{RDF}type> <{NS}Organisation> .\n"])
    assert viz.PageParts.from_graph(to_networkx(index), index, shared, [DOC + "d"]) is None


@pytest.mark.parametrize("nodes", [40, 1200])
def test_page_in_parts_equals_page_data(nodes):
    G = to_networkx(synthetic_rdf(nodes, seed=1))
    records = [viz.edge_record(G, u, v, k) for u, v, k in G.edges(keys=True)]
    assert viz.page_json(G, records, "t", {}) == viz._dumps(viz.page_data(G, title="t"))


def test_update_after_two_jobs_patches_the_parts_drawn_in_their_own_process(tmp_path, monkeypatch):
    docs = _docs(tmp_path / "docs")
    out, full = tmp_path / "out", tmp_path / "full"
    assert main(["build", str(docs), "-o", str(out), "--quiet", "--jobs", "2"]) == 0
    with sorted(docs.glob("*.txt"))[1].open("a", encoding="utf-8") as handle:
        handle.write(ADDED)
    said = _no_whole_page(monkeypatch)
    assert main(["build", str(docs), "-o", str(out), "--quiet", "--update", "--jobs", "2"]) == 0
    assert said == [True]
    monkeypatch.undo()
    assert main(["build", str(docs), "-o", str(full), "--quiet"]) == 0
    _same_output(out, full)
