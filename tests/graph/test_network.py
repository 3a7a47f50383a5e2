"""Projection of the RDF graph onto networkx: nodes, edges, ego graphs, statistics."""

from pathlib import Path

import networkx as nx
import pytest
from rdflib import Dataset, Graph, URIRef

from kamerkg.extract.errors import QueryError
from kamerkg.graph.network import ego, format_stats, normalise, stats, to_networkx

FIXTURES = Path(__file__).parent / "fixtures"
A = "https://w3id.org/kamerkg/id/actor/"


def load(name: str) -> Graph:
    return Graph().parse(FIXTURES / name, format="turtle")


@pytest.fixture(scope="module")
def G() -> nx.MultiDiGraph:
    return to_networkx(load("small.ttl"))


def edges_of(G, relation):
    return [(u, v, d) for u, v, d in G.edges(data=True) if d["relation"] == relation]


def test_actors_become_nodes_with_attributes(G):
    assert G.number_of_nodes() == 14
    apt = G.nodes[A + "apt31"]
    assert apt["label"] == "APT31"
    assert apt["kind"] == "ThreatActor"
    assert apt["aliases"] == ["Advanced Persistent Threat 31"]
    assert apt["documents"] == ["001_fixture.txt", "002_fixture.txt"]
    assert G.nodes[A + "anna-de-vries"]["aliases"] == ["A. de Vries", "De Vries"]
    assert G.nodes[A + "karin-van-dijk"]["offices"] == ["minister van Justitie en Veiligheid"]
    # Offices, documents and claims are not actors.
    assert not any("/office/" in n or "/doc/" in n for n in G)


def test_claims_become_edges_with_stance_and_evidence(G):
    attributions = edges_of(G, "attributedTo")
    assert len(attributions) == 3
    stances = sorted(d["stance"] for *_, d in attributions)
    assert stances == ["asserted", "reported", "reported"]
    (u, v, d) = next(e for e in edges_of(G, "targeted"))
    assert (u, v) == (A + "apt31", A + "noordzee-datacentra-b-v")
    assert d["stance"] == "unconfirmed"
    assert d["cue"] == "kan het kabinet niet bevestigen"
    assert d["evidence"].startswith("Of APT31 ook het netwerk")
    assert (d["document"], d["start"], d["end"]) == ("001_fixture.txt", 642, 760)
    sandworm = edges_of(G, "attributedTo")
    reported = next(d for u, _, d in sandworm if u == A + "sandworm")
    assert reported["reported_by"] == "AIVD"
    denied = edges_of(G, "affiliatedWith")[0][2]
    assert denied["stance"] == "denied"


def test_member_of_has_no_stance(G):
    members = edges_of(G, "memberOf")
    assert {(u, v) for u, v, _ in members} == {
        (A + "anna-de-vries", A + "groenlinks-pvda"),
        (A + "pieter-smit", A + "cda"),
    }
    assert all(d["stance"] == "" for *_, d in members)


def test_asked_edges_run_from_mps_to_ministers_per_document(G):
    asked = edges_of(G, "asked")
    pairs = sorted((u.removeprefix(A), v.removeprefix(A), d["document"]) for u, v, d in asked)
    assert pairs == [
        ("anna-de-vries", "karin-van-dijk", "001_fixture.txt"),
        ("pieter-smit", "hanneke-groen", "002_fixture.txt"),
        ("pieter-smit", "karin-van-dijk", "001_fixture.txt"),
        ("pieter-smit", "karin-van-dijk", "002_fixture.txt"),
    ]
    first = next(d for u, _, d in asked if u == A + "anna-de-vries")
    assert (first["date"], first["reference"]) == ("2024-03-28", "2024Z01234")


def test_dataset_is_read_as_union():
    ds = Dataset()
    small = load("small.ttl")
    half = sorted(small)
    first = ds.graph(URIRef("https://w3id.org/kamerkg/id/doc/001_fixture"))
    second = ds.graph(URIRef("https://w3id.org/kamerkg/id/doc/002_fixture"))
    for i, triple in enumerate(half):
        (first if i % 2 else second).add(triple)
    from_ds, from_graph = to_networkx(ds), to_networkx(small)
    assert list(from_ds.nodes(data=True)) == list(from_graph.nodes(data=True))
    assert list(from_ds.edges(keys=True, data=True)) == list(from_graph.edges(keys=True, data=True))


def test_direct_triple_without_claim_still_gives_an_edge():
    g = Graph().parse(
        data=f"""
        @prefix kkg: <https://w3id.org/kamerkg/ns#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        <{A}x> a kkg:ThreatActor ; rdfs:label "Groep X" ; kkg:uses <{A}y> .
        <{A}y> a kkg:Company ; rdfs:label "Hostingbedrijf Y" .
        """,
        format="turtle",
    )
    G = to_networkx(g)
    [(u, v, k, d)] = list(G.edges(keys=True, data=True))
    assert (u, v, k, d["relation"], d["evidence"]) == (A + "x", A + "y", "uses|direct", "uses", "")


def test_projection_is_deterministic():
    one, two = to_networkx(load("small.ttl")), to_networkx(load("small.ttl"))
    assert list(one.nodes(data=True)) == list(two.nodes(data=True))
    assert list(one.edges(keys=True, data=True)) == list(two.edges(keys=True, data=True))


def test_ego_matches_label_alias_case_and_diacritics(G):
    assert sorted(ego(G, "apt31", 0)) == [A + "apt31"]
    assert sorted(ego(G, "ADVANCED persistent  threat 31", 0)) == [A + "apt31"]
    assert sorted(ego(G, "Christen-Democratisch Appel", 0)) == [A + "cda"]
    assert sorted(ego(G, A + "cda", 0)) == [A + "cda"]
    around = ego(G, "APT31", 1)
    assert set(around) == {A + "apt31", A + "china", A + "noordzee-datacentra-b-v"}
    assert around.number_of_edges() == 3
    assert A + "stichting-vrije-pers" in ego(G, "apt31", 2)


def test_ego_unknown_name_lists_close_matches(G):
    with pytest.raises(QueryError) as info:
        ego(G, "APT13", 1)
    assert info.value.code == "E601"
    assert "APT31" in str(info.value)
    with pytest.raises(QueryError) as info:
        ego(G, "Zzzzzz", 1)
    assert info.value.code == "E601"
    with pytest.raises(QueryError) as info:
        ego(G, "APT31", -1)
    assert info.value.code == "E603"


def test_normalise_folds_case_diacritics_and_space():
    assert normalise(" Appèl\u00a0 Zóë ") == normalise("appel zoe")


def test_stats_rank_communities_and_format(G):
    first = stats(G, top=3)
    assert first == stats(to_networkx(load("small.ttl")), top=3)
    assert first["nodes"] == 14 and first["edges"] == 11
    assert first["degree"][0]["label"] == "Pieter Smit"
    assert len(first["degree"]) == 3
    assert first["stances"] == {"asserted": 1, "denied": 1, "reported": 2, "unconfirmed": 1}
    members = [set(c["members"]) for c in first["communities"]]
    assert {"Rusland", "Sandworm"} in members
    assert first["singletons"] == 2  # AIVD and the ministry have no edge
    text = format_stats(first)
    assert "degree centrality" in text and "Pieter Smit" in text and "communities" in text


def test_stats_of_empty_graph():
    d = stats(nx.MultiDiGraph())
    assert d["nodes"] == 0 and d["communities"] == [] and d["degree"] == []
    assert "actors: 0" in format_stats(d)


def test_network_lines_give_the_network_of_the_whole_graph(sample_build):
    from kamerkg.graph.network import TripleIndex, network_lines
    from kamerkg.graph.store import Store, load_graph

    index = TripleIndex()
    kept = total = 0
    with Store.open(sample_build, read_only=True) as store:
        for iri in store.graphs():
            lines = store.dump_ntriples(iri).decode("utf-8").splitlines(keepends=True)
            chosen = network_lines(lines)
            kept, total = kept + len(chosen), total + len(lines)
            index.add_lines("".join(chosen))
    small, whole = to_networkx(index), to_networkx(load_graph(sample_build))
    assert list(small.nodes(data=True)) == list(whole.nodes(data=True))
    assert list(small.edges(keys=True, data=True)) == list(whole.edges(keys=True, data=True))
    assert kept < total / 2  # the point: far fewer triples than the graph


def test_triple_index_reads_escaped_and_typed_literals():
    from rdflib import Literal

    from kamerkg.graph.network import TripleIndex

    index = TripleIndex.from_lines(
        [
            '<http://e/a> <http://e/p> "x \\"y\\"\\n\\u00e9"@nl .\n',
            '<http://e/a> <http://e/n> "7"^^<http://www.w3.org/2001/XMLSchema#integer> .\n',
        ]
    )
    a = URIRef("http://e/a")
    assert index.value(a, URIRef("http://e/p")) == Literal('x "y"\né', lang="nl")
    assert int(index.value(a, URIRef("http://e/n"))) == 7
