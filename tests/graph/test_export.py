"""Exports: RDF formats, GraphML, GEXF and CSV; names kept inside the folder."""

import csv
import io
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from kamerkg.extract.errors import InputError
from kamerkg.graph.export import FORMATS, export, output_path
from kamerkg.graph.network import to_networkx

FIXTURES = Path(__file__).parent / "fixtures"
A = "https://w3id.org/kamerkg/id/actor/"


@pytest.fixture(scope="module")
def rdf() -> Graph:
    return Graph().parse(FIXTURES / "small.ttl", format="turtle")


@pytest.fixture(scope="module")
def G(rdf):
    return to_networkx(rdf)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_format_is_deterministic_and_leaves_no_temp_files(rdf, G, fmt, tmp_path):
    first = export(rdf, G, fmt, tmp_path / "a")
    second = export(rdf, G, fmt, tmp_path / "b")
    assert [p.name for p in first] == [p.name for p in second]
    for one, two in zip(first, second, strict=True):
        assert one.read_bytes() == two.read_bytes()
        assert one.stat().st_size > 0
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == sorted(p.name for p in first)


@pytest.mark.parametrize(
    ("fmt", "parser"), [("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")]
)
def test_rdf_formats_round_trip(rdf, G, fmt, parser, tmp_path):
    [path] = export(rdf, G, fmt, tmp_path)
    assert path.name == f"graph.{fmt}"
    back = Graph().parse(path, format=parser)
    assert isomorphic(back, rdf)
    text = path.read_text(encoding="utf-8")
    assert "„Sandworm”" in text or "\\u201eSandworm" in text


def test_graphml_has_flat_attributes(rdf, G, tmp_path):
    [path] = export(rdf, G, "graphml", tmp_path, name="actors")
    assert path.name == "actors.graphml"
    back = nx.read_graphml(path, force_multigraph=True)
    assert back.number_of_nodes() == G.number_of_nodes()
    assert back.number_of_edges() == G.number_of_edges()
    assert back.nodes[A + "anna-de-vries"]["aliases"] == "A. de Vries; De Vries"
    assert back.nodes[A + "apt31"]["documents"] == "001_fixture.txt; 002_fixture.txt"
    stances = sorted(d.get("stance", "") for *_, d in back.edges(data=True))
    assert stances.count("reported") == 2


def test_gexf_reads_back_without_a_date_stamp(rdf, G, tmp_path):
    [path] = export(rdf, G, "gexf", tmp_path)
    assert "lastmodifieddate" not in path.read_text(encoding="utf-8")
    back = nx.read_gexf(path)
    assert back.number_of_nodes() == G.number_of_nodes()


def test_output_file_path_is_accepted(rdf, G, tmp_path):
    [path] = export(rdf, G, "graphml", tmp_path / "sub" / "netwerk.graphml")
    assert path == tmp_path / "sub" / "netwerk.graphml" and path.exists()


def read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    for line in text.splitlines():
        assert line.startswith('"') and line.endswith('"')
    return list(csv.reader(io.StringIO(text)))


def test_csv_nodes_and_edges(rdf, G, tmp_path):
    paths = export(rdf, G, "csv", tmp_path)
    assert [p.name for p in paths] == ["nodes.csv", "edges.csv"]
    nodes = read_csv(tmp_path / "nodes.csv")
    assert nodes[0] == ["id", "label", "kind", "aliases", "degree"]
    cda = next(r for r in nodes if r[0] == A + "cda")
    assert cda[1:] == ["CDA", "PoliticalParty", "Christen-Democratisch Appèl", "1"]
    edges = read_csv(tmp_path / "edges.csv")
    header = ["source", "target", "relation", "stance", "document", "evidence", "start", "end"]
    assert edges[0] == header
    assert len(edges) == 1 + G.number_of_edges()
    sandworm = next(r for r in edges if r[0] == A + "sandworm")
    assert sandworm[2:4] == ["attributedTo", "reported"]
    assert "„Sandworm”" in sandworm[5]
    assert sandworm[6:] == ["300", "420"]
    asked = next(r for r in edges if r[2] == "asked")
    assert asked[5:] == ["", "", ""]


def test_csv_cells_cannot_start_a_formula(tmp_path):
    G = nx.MultiDiGraph()
    G.add_node("a", label='=HYPERLINK("x")', kind="Person", aliases=["+31 70"])
    G.add_node("b", label="B", kind="Person", aliases=[])
    G.add_edge("a", "b", relation="memberOf", stance="", evidence="@SUM(1)", document="d.txt")
    export(Graph(), G, "csv", tmp_path)
    nodes = read_csv(tmp_path / "nodes.csv")
    assert nodes[1][1] == '\'=HYPERLINK("x")' and nodes[1][3] == "'+31 70"
    assert read_csv(tmp_path / "edges.csv")[1][5] == "'@SUM(1)"


@pytest.mark.parametrize("name", ["../graph", "/tmp/graph", "a/b", "..", "", "x\\y"])
def test_names_cannot_leave_the_folder(rdf, G, name, tmp_path):
    with pytest.raises(InputError) as info:
        export(rdf, G, "ttl", tmp_path, name=name)
    assert info.value.code == "E602"
    with pytest.raises(InputError):
        output_path(tmp_path, name)
    assert list(tmp_path.iterdir()) == []


def test_unknown_format_and_file_as_folder(rdf, G, tmp_path):
    with pytest.raises(InputError) as info:
        export(rdf, G, "xlsx", tmp_path)
    assert info.value.code == "E604" and "graphml" in str(info.value)
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(InputError) as info:
        export(rdf, G, "csv", blocker)
    assert info.value.code == "E605"
