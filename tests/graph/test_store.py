"""The persistent store: named graphs, the union, the Turtle dump, atomic builds."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import rdflib
from rdflib import RDF, RDFS, Literal, URIRef
from rdflib.compare import isomorphic

from kamerkg.extract.errors import StoreError
from kamerkg.graph.store import (
    GRAPH_FILE,
    STORE_DIR,
    Store,
    atomic_dir_swap,
    load_graph,
    ntriples,
    open_build,
    plan_update,
    read_manifest,
    sorted_turtle,
    write_build,
    write_manifest,
)

FIXTURES = Path(__file__).parent / "fixtures" / "store"
KKG = rdflib.Namespace("https://w3id.org/kamerkg/ns#")
ID = rdflib.Namespace("https://w3id.org/kamerkg/id/")


def fixture_graphs() -> dict[str, rdflib.Graph]:
    """Document IRI -> its graph, from the hand-written Turtle fixtures."""
    graphs = {}
    for path in sorted(FIXTURES.glob("*.ttl")):
        graph = rdflib.Graph().parse(path)
        (doc,) = graph.subjects(RDF.type, KKG.Document)
        graphs[str(doc)] = graph
    return graphs


def union(graphs: dict[str, rdflib.Graph]) -> rdflib.Graph:
    merged = rdflib.Graph()
    for graph in graphs.values():
        for triple in graph:
            merged.add(triple)
    return merged


def count(store: Store, sparql: str) -> int:
    return int(next(iter(store.query(sparql)))["n"].value)


@pytest.fixture
def built(tmp_path: Path) -> Path:
    out = tmp_path / "out"
    write_build(out, fixture_graphs(), [], {}, update=False)
    return out


def test_open_without_build_is_e301(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as info:
        Store.open(tmp_path)
    assert info.value.code == "E301"
    assert str(tmp_path) in str(info.value)
    assert "kamerkg build" in info.value.remedy


def test_open_create_makes_an_empty_store(tmp_path: Path) -> None:
    with Store.open(tmp_path, create=True) as store:
        assert store.graphs() == []
    assert (tmp_path / STORE_DIR).is_dir()


def test_build_holds_one_named_graph_per_document(built: Path) -> None:
    with Store.open(built) as store:
        assert store.graphs() == sorted(fixture_graphs())
        assert store.union_size() == len(union(fixture_graphs()))


def test_union_holds_each_triple_once(built: Path) -> None:
    # China is labelled in all three documents; the union must not repeat it.
    with Store.open(built, read_only=True) as store:
        n = count(
            store,
            "SELECT (COUNT(*) AS ?n) WHERE { <https://w3id.org/kamerkg/id/actor/china> "
            "<http://www.w3.org/2000/01/rdf-schema#label> ?l }",
        )
    assert n == 1


def test_replace_graph_drops_old_triples_but_keeps_shared_ones(built: Path) -> None:
    doc = str(ID["doc/brief-a"])
    smaller = rdflib.Graph()
    smaller.add((URIRef(doc), RDF.type, KKG.Document))
    smaller.add((ID["actor/china"], RDFS.label, Literal("China")))
    with Store.open(built) as store:
        assert store.replace_graph(doc, smaller) == 2
        labels = {
            row["l"].value
            for row in store.query(
                "SELECT ?l WHERE { ?a <http://www.w3.org/2004/02/skos/core#altLabel> ?l }"
            )
        }
        # Only brief-a said "Kryptonite Panda"; pagina-b still says "A. de Vries".
        assert "Kryptonite Panda" not in labels
        assert "A. de Vries" in labels
        assert (
            count(
                store,
                "SELECT (COUNT(*) AS ?n) WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> "
                '"China" }',
            )
            == 1
        )


def test_remove_graph_prunes_the_union(built: Path) -> None:
    with Store.open(built) as store:
        store.remove_graph(str(ID["doc/commentaar-c"]))
        store.remove_graph(str(ID["doc/does-not-exist"]))  # absent: no error
        assert str(ID["doc/commentaar-c"]) not in store.graphs()
        ask = "ASK { ?a <http://www.w3.org/2004/02/skos/core#altLabel> 'Bronze Mohawk' }"
        assert not bool(store.query(ask))
        assert bool(store.query("ASK { ?a <http://www.w3.org/2000/01/rdf-schema#label> 'APT40' }"))


def test_accepts_pyoxigraph_triples() -> None:
    import pyoxigraph as ox

    store = Store.memory()
    triple = ox.Triple(ox.NamedNode("http://e/s"), ox.NamedNode("http://e/p"), ox.Literal("x"))
    assert store.replace_graph("http://e/g", [triple, triple]) == 1
    assert store.union_size() == 1


def test_dump_turtle_is_byte_identical_whatever_the_insert_order(tmp_path: Path) -> None:
    graphs = fixture_graphs()
    dumps = []
    for order in (sorted(graphs), sorted(graphs, reverse=True)):
        store = Store.memory()
        for iri in order:
            triples = sorted(graphs[iri], reverse=order[0] != sorted(graphs)[0])
            store.replace_graph(iri, triples)
        target = tmp_path / f"{len(dumps)}.ttl"
        store.dump_turtle(target)
        dumps.append(target.read_bytes())
    assert dumps[0] == dumps[1]
    parsed = rdflib.Graph().parse(data=dumps[0].decode("utf-8"), format="turtle")
    assert isomorphic(parsed, union(graphs))


def test_dump_turtle_keeps_datatypes_as_written(built: Path) -> None:
    # Oxigraph stores xsd:nonNegativeInteger as xsd:integer; the dump must not.
    text = (built / GRAPH_FILE).read_text(encoding="utf-8")
    assert '"600"^^xsd:nonNegativeInteger' in text
    assert '"600"^^xsd:integer' not in text


def test_dump_turtle_keeps_awkward_literals(tmp_path: Path) -> None:
    store = Store.memory()
    text = 'Hij zei: "nee";\nde groep\tontkent \\ alles ê'
    store.replace_graph("http://e/g", [(URIRef("http://e/s"), RDFS.comment, Literal(text))])
    store.dump_turtle(tmp_path / "x.ttl")
    parsed = rdflib.Graph().parse(tmp_path / "x.ttl", format="turtle")
    assert str(next(parsed.objects(URIRef("http://e/s"), RDFS.comment))) == text


def test_sorted_turtle_stabilises_blank_nodes() -> None:
    def rows(label: str) -> list[tuple[str, str, str]]:
        return [
            ("<http://e/s>", "<http://e/p>", f"_:{label}"),
            (f"_:{label}", "<http://e/q>", '"waarde"'),
        ]

    assert sorted_turtle(rows("abc")) == sorted_turtle(rows("zzz"))
    assert "_:abc" not in sorted_turtle(rows("abc"))


def test_build_writes_graph_ttl_equal_to_the_union(built: Path) -> None:
    parsed = rdflib.Graph().parse(built / GRAPH_FILE, format="turtle")
    assert isomorphic(parsed, union(fixture_graphs()))


def test_failed_build_leaves_previous_outputs(built: Path) -> None:
    before = (built / GRAPH_FILE).read_bytes()
    with pytest.raises(RuntimeError), open_build(built) as store:
        store.replace_graph("http://e/new", [(URIRef("http://e/s"), RDFS.label, Literal("x"))])
        raise RuntimeError("extraction failed half way")
    assert (built / GRAPH_FILE).read_bytes() == before
    with Store.open(built) as store:
        assert store.graphs() == sorted(fixture_graphs())
    assert sorted(p.name for p in built.iterdir()) == [GRAPH_FILE, "manifest.json", STORE_DIR]


def test_killed_build_process_leaves_previous_store(built: Path) -> None:
    before = (built / GRAPH_FILE).read_bytes()
    script = textwrap.dedent(
        f"""
        import os
        from pathlib import Path
        from rdflib import Literal, URIRef
        from kamerkg.graph.store import open_build
        with open_build(Path({str(built)!r})) as store:
            triple = (URIRef("http://e/s"), URIRef("http://e/p"), Literal(1))
            store.replace_graph("http://e/g", [triple])
            store.flush()
            os._exit(9)  # killed: no cleanup runs
        """
    )
    done = subprocess.run([sys.executable, "-c", script], timeout=120, check=False)
    assert done.returncode == 9
    assert any(p.name.startswith(f"{STORE_DIR}.new-") for p in built.iterdir())
    assert (built / GRAPH_FILE).read_bytes() == before
    with Store.open(built, read_only=True) as store:
        assert store.graphs() == sorted(fixture_graphs())
    # The next build cleans up the dead build's folder.
    with open_build(built, update=True):
        pass
    assert not any(p.name.startswith(f"{STORE_DIR}.new-") for p in built.iterdir())


def test_update_build_keeps_unchanged_graphs(built: Path) -> None:
    doc = str(ID["doc/pagina-b"])
    changed = {doc: [(URIRef(doc), RDF.type, KKG.Document)]}
    write_build(built, changed, [str(ID["doc/commentaar-c"])], {}, update=True)
    with Store.open(built) as store:
        assert store.graphs() == [str(ID["doc/brief-a"]), doc, str(ID["doc/vragen-d"])]
        assert not bool(store.query("ASK { ?s ?p 'DroneCorp' }"))
        assert bool(store.query("ASK { ?s ?p 'APT40' }"))


def test_atomic_dir_swap_replaces_and_recovers(tmp_path: Path) -> None:
    final, new = tmp_path / "store", tmp_path / "store.new-1"
    final.mkdir()
    (final / "v").write_text("old")
    new.mkdir()
    (new / "v").write_text("new")
    atomic_dir_swap(new, final)
    assert (final / "v").read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store"]
    # A swap cut between its two renames leaves only store.old: opening recovers it.
    out = tmp_path / "out"
    write_build(
        out,
        {"http://e/g": [(URIRef("http://e/s"), RDFS.label, Literal("x"))]},
        [],
        {},
        update=False,
    )
    (out / STORE_DIR).rename(out / f"{STORE_DIR}.old")
    with Store.open(out) as store:
        assert store.graphs() == ["http://e/g"]


def test_atomic_dir_swap_needs_a_directory(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as info:
        atomic_dir_swap(tmp_path / "missing", tmp_path / "store")
    assert info.value.code == "E305"


def test_locked_store_is_a_store_error(built: Path) -> None:
    with Store.open(built), pytest.raises(StoreError) as info:
        Store.open(built)
    assert info.value.code == "E303"


def test_manifest_round_trip_and_errors(tmp_path: Path) -> None:
    assert read_manifest(tmp_path) == {}
    entries = {
        "b.txt": {"sha256": "bb", "graph": "g:b", "version": "1"},
        "a.txt": {"sha256": "aa", "graph": "g:a", "version": "1"},
    }
    write_manifest(tmp_path, entries)
    assert read_manifest(tmp_path) == entries
    assert list(json.loads((tmp_path / "manifest.json").read_text())["files"]) == ["a.txt", "b.txt"]
    (tmp_path / "manifest.json").write_text("{not json")
    with pytest.raises(StoreError) as info:
        read_manifest(tmp_path)
    assert info.value.code == "E302"


def test_plan_update_reextracts_changed_and_new_version() -> None:
    manifest = {
        "a.txt": {"sha256": "1", "graph": "g:a", "version": "1"},
        "b.txt": {"sha256": "2", "graph": "g:b", "version": "1"},
        "c.txt": {"sha256": "3", "graph": "g:c", "version": "0"},
    }
    plan = plan_update(manifest, {"a.txt": "1", "b.txt": "changed", "c.txt": "3"}, "1")
    assert plan.extract == ["b.txt", "c.txt"]
    assert plan.unchanged == ["a.txt"]
    assert plan.removed_graphs == ["g:b", "g:c"]


def test_load_graph_reads_turtle_or_store(built: Path, tmp_path: Path) -> None:
    expected = union(fixture_graphs())
    assert isomorphic(load_graph(built), expected)
    (built / GRAPH_FILE).unlink()
    assert isomorphic(load_graph(built), expected)
    with pytest.raises(StoreError) as info:
        load_graph(tmp_path / "nothing")
    assert info.value.code == "E301"


def test_load_graph_reports_a_broken_turtle_file(built: Path) -> None:
    (built / GRAPH_FILE).write_text("@prefix x: <http://x/> .\nx:a x:b ", encoding="utf-8")
    with pytest.raises(StoreError) as info:
        load_graph(built)
    assert info.value.code == "E304"


def test_union_merge_with_many_graphs_in_rounds(tmp_path: Path, monkeypatch) -> None:
    import kamerkg.graph.store as store_module

    monkeypatch.setattr(store_module, "_MAX_OPEN", 2)  # force several merge rounds
    graphs = {
        f"http://e/g{i}": [
            (URIRef("http://e/shared"), RDFS.label, Literal("gedeeld")),
            (URIRef(f"http://e/s{i % 3}"), RDFS.comment, Literal(f"nummer {i}")),
        ]
        for i in range(7)
    }
    out = tmp_path / "out"
    write_build(out, graphs, [], {}, update=False)
    rows = {(t[0].n3(), t[1].n3(), f'"{t[2]}"') for triples in graphs.values() for t in triples}
    assert (out / GRAPH_FILE).read_text(encoding="utf-8") == sorted_turtle(rows)
    with Store.open(out) as store:
        lines = list(store.iter_union_lines())
    assert lines == sorted(set(lines))
    assert len(lines) == 8


# --------------------------------------------------------------- incremental Turtle

XSD = rdflib.Namespace("http://www.w3.org/2001/XMLSchema#")


def _changed(graphs: dict[str, rdflib.Graph]) -> tuple[dict[str, rdflib.Graph], str, str]:
    """The fixture graphs with one graph edited (shared and own subjects) and one gone."""
    changed = dict(graphs)
    first, last = sorted(graphs)[0], sorted(graphs)[-1]
    edited = rdflib.Graph()
    for triple in graphs[first]:
        edited.add(triple)
    doc = URIRef(first)
    edited.remove((doc, None, None))
    edited.add((doc, RDF.type, KKG.Document))
    edited.add((doc, KKG.pages, Literal("007", datatype=XSD.integer, normalize=False)))
    edited.add((ID["actor/nieuw-actor"], RDF.type, KKG.Person))
    edited.add((ID["actor/nieuw-actor"], RDFS.label, Literal('Nieuwe "actor"\tmet tab')))
    changed[first] = edited
    del changed[last]
    return changed, first, last


def test_update_patches_graph_ttl_to_the_bytes_of_a_full_dump(tmp_path, monkeypatch):
    graphs = fixture_graphs()
    changed, first, last = _changed(graphs)
    out, full = tmp_path / "out", tmp_path / "full"
    write_build(out, graphs, [], {}, update=False)
    write_build(full, changed, [], {}, update=False)

    def no_full_dump(self, path):
        raise AssertionError("the update rewrote the whole union")

    monkeypatch.setattr(Store, "dump_turtle", no_full_dump)
    count = write_build(out, {first: changed[first]}, [last], {}, update=True)
    assert (out / GRAPH_FILE).read_bytes() == (full / GRAPH_FILE).read_bytes()
    assert count == len(rdflib.Graph().parse(full / GRAPH_FILE))
    assert '"007"^^xsd:integer' in (out / GRAPH_FILE).read_text(encoding="utf-8")


def test_update_rewrites_graph_ttl_that_does_not_match_the_store(tmp_path):
    graphs = fixture_graphs()
    changed, first, last = _changed(graphs)
    out, full = tmp_path / "out", tmp_path / "full"
    write_build(out, graphs, [], {}, update=False)
    write_build(full, changed, [], {}, update=False)
    text = (out / GRAPH_FILE).read_text(encoding="utf-8")
    # An edited block of a subject the update touches: patching it would keep the edit.
    target = first.rsplit("/", 1)[-1]
    start = text.index(target)
    (out / GRAPH_FILE).write_text(text[:start] + "x" + text[start:], encoding="utf-8")
    write_build(out, {first: changed[first]}, [last], {}, update=True)
    assert (out / GRAPH_FILE).read_bytes() == (full / GRAPH_FILE).read_bytes()


def test_subject_lines_keep_typed_literals_as_written(tmp_path):
    doc = "http://e/doc"
    triples = [
        (URIRef(doc), KKG.pages, Literal("007", datatype=XSD.integer, normalize=False)),
        (URIRef(doc), RDFS.label, Literal("a\tb")),
    ]
    with open_build(tmp_path) as store:
        store.replace_graph(doc, triples)
        lines = store.subject_lines(f"<{doc}>")
    assert lines == sorted(
        [
            f'<{doc}> <{KKG.pages}> "007"^^<{XSD.integer}> .\n',
            f'<{doc}> <{RDFS.label}> "a\tb" .\n',
        ]
    )


def test_network_text_is_kept_per_graph_and_dropped_with_it(tmp_path):
    with open_build(tmp_path) as store:
        store.add_graph_text("http://e/g", "<http://e/s> <http://e/p> <http://e/o> .\n")
        store.save_network("http://e/g", "x\n")
    with open_build(tmp_path, update=True) as store:
        assert store.network_text("http://e/g") == "x\n"
        store.remove_graph("http://e/g")
        assert store.network_text("http://e/g") is None


def _two_stores(tmp_path: Path, graphs: dict[str, list]) -> list[Store]:
    stores = []
    for name in ("one", "two"):
        store = Store._at(tmp_path / name)
        for iri in sorted(graphs):
            store.add_graph_text(iri, ntriples(graphs[iri]))
        store.flush()
        stores.append(store)
    return stores


def test_dump_turtle_in_two_processes_gives_the_same_bytes(tmp_path: Path) -> None:
    # Subjects that are prefixes of each other ("a", "a1", "a10") and one shared by
    # several graphs must not be split between the halves.
    ns = "http://example.org/"
    graphs: dict[str, list] = {}
    for g in range(12):
        triples = []
        for s in ("a", "a1", "a10", "b", f"doc{g}", f"doc{g}/claim"):
            triples.append((URIRef(ns + s), RDFS.label, Literal(f"{s} in {g}")))
            triples.append((URIRef(ns + s), RDF.type, URIRef(ns + "Thing")))
        graphs[f"{ns}graph/{g}"] = triples
    one, two = _two_stores(tmp_path, graphs)
    assert one.dump_turtle(tmp_path / "one.ttl") == two.dump_turtle(tmp_path / "two.ttl", jobs=2)
    assert (tmp_path / "one.ttl").read_bytes() == (tmp_path / "two.ttl").read_bytes()
    assert not list(tmp_path.glob("*.part"))
    one.close()
    two.close()


def test_dump_turtle_writes_the_second_half_itself_when_its_process_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ns = "http://example.org/"
    graphs = {
        f"{ns}graph/{g}": [(URIRef(f"{ns}s{g}{i}"), RDFS.label, Literal(i)) for i in range(5)]
        for g in range(6)
    }
    one, two = _two_stores(tmp_path, graphs)

    def fail(self, conn, part, pivot):  # dies before it reports
        conn.close()

    monkeypatch.setattr(Store, "_write_second_half", fail)
    assert one.dump_turtle(tmp_path / "one.ttl") == two.dump_turtle(tmp_path / "two.ttl", jobs=2)
    assert (tmp_path / "one.ttl").read_bytes() == (tmp_path / "two.ttl").read_bytes()
    one.close()
    two.close()


def test_union_lines_between_two_lines_cut_every_file_before_the_merge(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kamerkg.graph.store as store_module

    monkeypatch.setattr(store_module, "_MAX_OPEN", 4)  # several merge levels with 11 files
    ns = "http://example.org/"
    graphs = {
        f"{ns}graph/{g}": [
            (URIRef(f"{ns}s{(g * 7 + i) % 13}"), RDFS.label, Literal(f"x{i % 3}")) for i in range(9)
        ]
        for g in range(11)
    }
    one, two = _two_stores(tmp_path, graphs)
    every = list(one.iter_union_lines())
    pivot = f"<{ns}s5> "
    assert list(one.iter_union_lines(stop=pivot)) == [x for x in every if x < pivot]
    assert list(one.iter_union_lines(start=pivot)) == [x for x in every if x >= pivot]
    assert one.dump_turtle(tmp_path / "one.ttl") == two.dump_turtle(tmp_path / "two.ttl", jobs=2)
    assert (tmp_path / "one.ttl").read_bytes() == (tmp_path / "two.ttl").read_bytes()
    one.close()
    two.close()


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_a_build_killed_between_store_swap_and_graph_rename_is_finished(tmp_path: Path) -> None:
    out = tmp_path / "out"
    for value in (1, 2):
        with open_build(out) as store:
            store.replace_graph(
                "http://e/g", [(URIRef("http://e/s"), URIRef("http://e/p"), Literal(value))]
            )
        if value == 1:
            first = (out / "graph.ttl").read_bytes()
    second = (out / "graph.ttl").read_bytes()
    # The state a SIGKILL leaves right after the store swap: the new store in place,
    # its graph.ttl still a draft of the dead build, the old graph.ttl beside it.
    draft = out / f".graph.ttl.new-{_dead_pid()}"
    os.rename(out / "graph.ttl", draft)
    (out / "graph.ttl").write_bytes(first)
    stray = out / f".graph.ttl.new-{_dead_pid()}"
    stray.write_bytes(b"half a graph")
    Store.open(out, read_only=True).close()
    assert (out / "graph.ttl").read_bytes() == second
    assert not draft.exists() and not stray.exists()
