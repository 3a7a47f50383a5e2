"""The sample build: evidence at its source, document structure, stable IRIs."""

from __future__ import annotations

import shutil
from pathlib import Path

from rdflib import Graph

from kamerkg.extract.read import read_text
from kamerkg.graph.build import _shares, discover, sample_documents
from kamerkg.graph.cli import main

PREFIXES = """
PREFIX kkg: <https://w3id.org/kamerkg/ns#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""


def load(out: Path) -> Graph:
    return Graph().parse(out / "graph.ttl", format="turtle")


def test_every_evidence_slices_the_document_text(sample_build):
    graph = load(sample_build)
    texts = {p.name: read_text(p).text for p in discover([sample_documents()])}
    rows = graph.query(
        PREFIXES
        + """
        SELECT ?source ?start ?end ?exact WHERE {
          ?node prov:wasDerivedFrom ?doc ; kkg:textSpan ?sel .
          ?doc dcterms:source ?source .
          ?sel oa:start ?start ; oa:end ?end ; oa:exact ?exact .
        }"""
    )
    checked = 0
    for source, start, end, exact in rows:
        assert texts[str(source)][int(start) : int(end)] == str(exact)
        checked += 1
    claims = len(list(graph.query(PREFIXES + "SELECT ?c WHERE { ?c a kkg:Claim }")))
    assert claims > 0 and checked >= claims


def test_grouped_answer_covers_questions_4_to_8(sample_build):
    graph = load(sample_build)
    rows = graph.query(
        PREFIXES
        + """
        SELECT ?answer (GROUP_CONCAT(STR(?n); separator=",") AS ?numbers) WHERE {
          ?doc dcterms:identifier "2024Z05303" ; kkg:hasPart ?answer .
          ?answer a kkg:Answer ; kkg:answers ?q . ?q kkg:number ?n .
        } GROUP BY ?answer"""
    )
    covering = [sorted(int(n) for n in str(numbers).split(",")) for _, numbers in rows]
    assert [4, 5, 6, 7, 8] in covering
    # Question 10's answer points at the same grouped answer.
    refers = list(
        graph.query(
            PREFIXES
            + """
        SELECT ?target WHERE {
          ?doc dcterms:identifier "2024Z05303" ; kkg:hasPart ?a .
          ?a kkg:answers ?q . ?q kkg:number 10 . ?a kkg:refersTo ?target .
          ?target kkg:answers ?q4 . ?q4 kkg:number 4 .
        }"""
        )
    )
    assert refers


def test_delay_notice_and_days_to_answer(sample_build):
    graph = load(sample_build)
    rows = list(
        graph.query(
            PREFIXES
            + """
        SELECT ?days ?date WHERE {
          ?doc dcterms:identifier "2021Z16950" ; kkg:daysToAnswer ?days ;
               kkg:hasNotice ?n . ?n dcterms:date ?date .
        }"""
        )
    )
    assert [(int(d), str(t)) for d, t in rows] == [(48, "2021-10-22")]


def test_same_actor_meets_in_one_node_across_documents(sample_build):
    graph = load(sample_build)
    rows = list(
        graph.query(
            PREFIXES
            + """
        SELECT ?actor (COUNT(DISTINCT ?doc) AS ?docs) WHERE {
          ?doc kkg:mentions ?actor . ?actor rdfs:label "China" .
        } GROUP BY ?actor"""
        )
    )
    assert len(rows) == 1 and int(rows[0][1]) == 5


def test_iris_do_not_depend_on_folder_or_order(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b" / "nested"
    second.mkdir(parents=True)
    first.mkdir()
    for path in sorted(sample_documents().glob("*.txt"))[:2]:
        shutil.copy(path, first / path.name)
        shutil.copy(path, second / path.name)
    assert main(["build", str(first), "-o", str(tmp_path / "o1"), "--quiet", "--no-html"]) == 0
    assert main(["build", str(second), "-o", str(tmp_path / "o2"), "--quiet", "--no-html"]) == 0
    assert (tmp_path / "o1/graph.ttl").read_bytes() == (tmp_path / "o2/graph.ttl").read_bytes()


def _copy_samples(folder: Path) -> Path:
    shutil.copytree(sample_documents(), folder)
    return folder


def test_update_after_one_changed_file_gives_the_bytes_of_a_full_build(tmp_path):
    docs = _copy_samples(tmp_path / "docs")
    out, full = tmp_path / "out", tmp_path / "full"
    assert main(["build", str(docs), "-o", str(out), "--quiet"]) == 0
    changed = sorted(docs.glob("*.txt"))[1]
    with changed.open("a", encoding="utf-8") as handle:
        handle.write("\nDe minister van Defensie sprak over sabotage door Rusland.\n")
    sorted(docs.glob("*.txt"))[-1].unlink()
    assert main(["build", str(docs), "-o", str(out), "--quiet", "--update"]) == 0
    assert main(["build", str(docs), "-o", str(full), "--quiet"]) == 0
    for name in ("graph.ttl", "graph.html"):
        assert (out / name).read_bytes() == (full / name).read_bytes(), name


def test_two_jobs_give_the_bytes_of_one(tmp_path, sample_build):
    out = tmp_path / "out"
    assert main(["build", "-o", str(out), "--quiet", "--jobs", "2"]) == 0
    for name in ("graph.ttl", "graph.html"):
        assert (out / name).read_bytes() == (sample_build / name).read_bytes(), name


def test_shares_balance_file_sizes_and_keep_file_order(tmp_path):
    sizes = [6000, 100, 3000, 100, 3000, 100]
    items = []
    for index, size in enumerate(sizes):
        path = tmp_path / f"{index}.txt"
        path.write_text("x" * size, encoding="utf-8")
        items.append((index, path))
    shares = _shares(items, 2)
    assert sorted(item for share in shares for item in share) == items
    assert all(share == sorted(share) for share in shares)
    totals = sorted(sum(sizes[i] for i, _ in share) for share in shares)
    # Every other file would give 12000 against 300.
    assert totals[1] - totals[0] <= 200
