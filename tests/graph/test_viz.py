"""The offline page and the static picture, checked without a browser."""

import base64
import hashlib
import json
import re
from importlib.resources import files
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph

from kamerkg.extract.errors import InputError
from kamerkg.graph.network import to_networkx
from kamerkg.graph.synthetic import synthetic_rdf
from kamerkg.graph.viz import layout, load_style, page_data, write_page, write_picture

FIXTURES = Path(__file__).parent / "fixtures"


def graph(name: str) -> nx.MultiDiGraph:
    return to_networkx(Graph().parse(FIXTURES / name, format="turtle"))


def embedded(html: str) -> dict:
    match = re.search(
        r'<script type="application/json" id="kkg-data">(.*?)</script>', html, re.DOTALL
    )
    assert match
    return json.loads(match.group(1))


@pytest.fixture(scope="module")
def small_page(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("page") / "graph.html"
    write_page(graph("small.ttl"), path, title="Staatsdreiging & spionage")
    return path.read_text(encoding="utf-8")


def test_page_loads_nothing_from_the_network(small_page):
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", small_page, re.I)
    assert not re.search(r"""url\(\s*["']?\s*(https?:)?//""", small_page, re.I)
    assert not re.search(r"@import", small_page)
    assert "<link" not in small_page
    # The only URLs left are licence text and the SVG namespace inside vis-network.
    vis = (files("pyvis") / "templates/lib/vis-9.1.2/vis-network.min.js").read_text("utf-8")
    urls = set(re.findall(r"https?://[^\s\"'<>)]*", small_page))
    assert urls <= set(re.findall(r"https?://[^\s\"'<>)]*", vis))
    # Three script elements: the data, vis-network and the page script.
    assert len(re.findall(r"^<script", small_page, re.M)) == 3


def test_page_embeds_escaped_data_with_positions(small_page):
    data = embedded(small_page)
    assert len(data["nodes"]) == 14 and len(data["edges"]) == 11
    assert data["options"]["physics"]["enabled"] is False
    assert all(isinstance(n["x"], int) and isinstance(n["y"], int) for n in data["nodes"])
    assert len({(n["x"], n["y"]) for n in data["nodes"]}) == 14
    apt = next(n for n in data["nodes"] if n["label"] == "APT31")
    assert apt["aliases"] == ["Advanced Persistent Threat 31"]
    assert ["documents", "001_fixture.txt, 002_fixture.txt"] in apt["tip"]
    assert "<title>Staatsdreiging &amp; spionage</title>" in small_page
    # Instance IRIs are shortened: the page holds no links to follow.
    assert "w3id.org" not in small_page


def test_page_styles_follow_class_and_stance(small_page):
    style = load_style()
    data = embedded(small_page)
    for node in data["nodes"]:
        assert node["color"] == style["classes"][node["kind"]]["color"]
        assert node["shape"] == style["classes"][node["kind"]]["shape"]
    by_stance = {e["stance"]: e for e in data["edges"] if e["stance"]}
    assert by_stance["asserted"]["dashes"] is False
    assert by_stance["denied"]["color"].upper() == "#D62728"
    assert by_stance["unconfirmed"]["dashes"] and by_stance["reported"]["dashes"]
    assert by_stance["unconfirmed"]["dashes"] != by_stance["reported"]["dashes"]
    kinds = [c["kind"] for c in data["legend"]["classes"]]
    assert kinds[0] == "Person" and "ThreatActor" in kinds
    targeted = next(e for e in data["edges"] if e["relation"] == "targeted")
    assert ["evidence", next(r[1] for r in targeted["tip"] if r[0] == "evidence")] in targeted[
        "tip"
    ]
    assert any("kan het kabinet niet bevestigen" in r[1] for r in targeted["tip"])


def test_parallel_edges_bend_apart():
    data = page_data(graph("small.ttl"))
    apt_china = [
        e for e in data["edges"] if e["from"] == "actor/apt31" and e["to"] == "actor/china"
    ]
    assert len(apt_china) == 2
    assert [e["smooth"] is False for e in apt_china] == [True, False]


def test_csp_allows_exactly_the_inline_scripts(small_page):
    scripts = re.findall(r"^<script>(.*?)</script>$", small_page, re.DOTALL | re.M)
    assert len(scripts) == 2
    for body in scripts:
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        assert f"'sha256-{digest}'" in small_page
    assert "default-src 'none'" in small_page


def test_hostile_text_cannot_close_the_script(tmp_path):
    path = tmp_path / "evil.html"
    write_page(graph("injection.ttl"), path)
    html = path.read_text(encoding="utf-8")
    data_block = re.search(r'id="kkg-data">(.*?)</script>', html, re.DOTALL).group(1)
    assert "<" not in data_block and ">" not in data_block and "&" not in data_block
    assert "window.__pwned" not in html.replace(data_block, "")
    labels = {n["label"] for n in embedded(html)["nodes"]}
    assert "<script>window.__pwned=1</script>" in labels


def test_page_is_deterministic_and_atomic(tmp_path):
    G = graph("small.ttl")
    write_page(G, tmp_path / "a.html")
    write_page(G, tmp_path / "b.html")
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.html", "b.html"]


def test_empty_graph_still_writes_a_page(tmp_path):
    write_page(nx.MultiDiGraph(), tmp_path / "empty.html")
    assert embedded((tmp_path / "empty.html").read_text(encoding="utf-8"))["nodes"] == []


def test_layout_of_a_large_graph_places_every_actor():
    G = to_networkx(synthetic_rdf(1500, seed=3))
    pos = layout(G)
    assert set(pos) == set(G)
    assert len(set(pos.values())) > 0.95 * len(pos)
    assert pos == layout(G)


@pytest.mark.parametrize(("fmt", "magic"), [("svg", b"<?xml"), ("png", b"\x89PNG")])
def test_picture_formats(tmp_path, fmt, magic):
    G = graph("small.ttl")
    write_picture(G, tmp_path / f"a.{fmt}")
    write_picture(G, tmp_path / "b.out", fmt)
    one, two = (tmp_path / f"a.{fmt}").read_bytes(), (tmp_path / "b.out").read_bytes()
    assert one.startswith(magic) and len(one) > 5000
    assert one == two


def test_picture_uses_class_colours_and_legend(tmp_path):
    write_picture(graph("small.ttl"), tmp_path / "g.svg")
    svg = (tmp_path / "g.svg").read_text(encoding="utf-8")
    for kind in ("Person", "ThreatActor", "Country"):
        assert load_style()["classes"][kind]["color"].lower() in svg.lower()
    assert load_style()["stances"]["denied"]["color"].lower() in svg.lower()


def test_picture_rejects_unknown_format(tmp_path):
    with pytest.raises(InputError) as info:
        write_picture(graph("small.ttl"), tmp_path / "g.gif")
    assert info.value.code == "E604"
    assert not (tmp_path / "g.gif").exists()


def test_layout_does_not_depend_on_the_hash_seed():
    import subprocess
    import sys

    code = (
        "import json; from kamerkg.graph.network import to_networkx; "
        "from kamerkg.graph.synthetic import synthetic_rdf; from kamerkg.graph.viz import layout; "
        "print(json.dumps(layout(to_networkx(synthetic_rdf(400, seed=3))), sort_keys=True))"
    )
    runs = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={**__import__("os").environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2")
    }
    assert len(runs) == 1
