"""Push to and query a real Oxigraph server on loopback; errors without one."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
import rdflib
from rdflib import RDF

from kamerkg.extract.errors import StoreError
from kamerkg.graph.endpoint import push, query_endpoint, store_url_for
from kamerkg.graph.query import list_queries, run_query
from kamerkg.graph.store import write_build

FIXTURES = Path(__file__).parent / "fixtures" / "store"
KKG = rdflib.Namespace("https://w3id.org/kamerkg/ns#")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def oxigraph_command() -> list[str]:
    script = Path(sys.executable).with_name("oxigraph")
    if script.exists():
        return [str(script)]
    found = shutil.which("oxigraph")
    if found:
        return [found]
    pytest.skip("the oxigraph server (PyPI package oxigraph) is not installed")
    return []


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    graphs = {}
    for path in sorted(FIXTURES.glob("*.ttl")):
        graph = rdflib.Graph().parse(path)
        (doc,) = graph.subjects(RDF.type, KKG.Document)
        graphs[str(doc)] = graph
    out = tmp_path_factory.mktemp("endpoint") / "out"
    write_build(out, graphs, [], {}, update=False)
    return out


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = free_port()
    location = tmp_path_factory.mktemp("oxigraph-data")
    process = subprocess.Popen(
        [*oxigraph_command(), "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        deadline = time.monotonic() + 30
        while True:
            if process.poll() is not None:
                message = process.stderr.read().decode("utf-8", "replace") if process.stderr else ""
                pytest.fail(f"oxigraph server exited: {message[:500]}")
            try:
                with opener.open(f"{base}/query?query=ASK%7B%7D", timeout=2):
                    break
            except (urllib.error.URLError, OSError):
                if time.monotonic() > deadline:
                    pytest.fail("oxigraph server did not answer within 30 s")
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=15)
        if process.stderr:
            process.stderr.close()


@pytest.mark.server
def test_push_then_named_queries_match_local(built: Path, server: str) -> None:
    assert push(built, f"{server}/query") == 4
    for query in list_queries():
        params = {"name": "apt40"} if query.name == "actor-profile" else {}
        local = run_query(built, query.name, params)
        remote = run_query(None, query.name, params, endpoint=f"{server}/query")
        assert remote.columns == local.columns, query.name
        assert remote.rows == local.rows, query.name


@pytest.mark.server
def test_push_replaces_graphs_on_a_second_push(built: Path, server: str) -> None:
    push(built, f"{server}/query")
    push(built, f"{server}/store")  # the Graph Store URL itself, as kamerkg push takes it
    push(built, f"{server}/query", graph_store_url=f"{server}/store")
    count = query_endpoint(
        f"{server}/query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    )
    local = sum(len(rdflib.Graph().parse(p)) for p in sorted(FIXTURES.glob("*.ttl")))
    assert count.rows == [(str(local),)]


@pytest.mark.server
def test_endpoint_refuses_updates_before_sending(server: str) -> None:
    from kamerkg.extract.errors import QueryError

    with pytest.raises(QueryError) as info:
        run_query(None, "DROP ALL", {}, endpoint=f"{server}/query")
    assert info.value.code == "E401"


@pytest.mark.server
def test_http_error_is_e310(server: str) -> None:
    with pytest.raises(StoreError) as info:
        query_endpoint(f"{server}/no-such-path", "ASK {}")
    assert info.value.code == "E310"
    assert "HTTP" in str(info.value)


def test_unreachable_server_is_e310(built: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}/query"
    with pytest.raises(StoreError) as info:
        query_endpoint(url, "ASK {}", timeout=5)
    assert info.value.code == "E310"
    with pytest.raises(StoreError) as info:
        push(built, url, timeout=5)
    assert info.value.code == "E310"


def test_non_http_url_is_refused(built: Path) -> None:
    with pytest.raises(StoreError) as info:
        query_endpoint("file:///etc/passwd", "ASK {}")
    assert info.value.code == "E311"
    with pytest.raises(StoreError):
        push(built, "ftp://example.org/sparql")


def test_store_url_guess() -> None:
    assert store_url_for("http://h:7878/query") == "http://h:7878/store"
    assert store_url_for("http://h/ds/sparql/") == "http://h/ds/data"
    assert store_url_for("http://h/ds/data") == "http://h/ds/data"
    assert store_url_for("http://h/sparql-endpoint") == "http://h/sparql-endpoint/store"
