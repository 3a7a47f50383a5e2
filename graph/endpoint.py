"""Talk to a SPARQL server: push the built graphs, run queries remotely.

``push`` writes every named graph with the SPARQL 1.1 Graph Store HTTP Protocol
(``PUT <store>?graph=<iri>``) and the union into the default graph
(``PUT <store>?default``), so the server's default graph answers the named queries
exactly as the local store does, without a union-default-graph setting.
``query_endpoint`` uses the SPARQL 1.1 Protocol (POST form, JSON results).

Only ``urllib`` is used, with timeouts; nothing touches the network unless a URL
is given. Every HTTP or connection failure is a ``StoreError("E310")``.

Examples
--------
>>> store_url_for("http://127.0.0.1:7878/query")
'http://127.0.0.1:7878/store'
>>> store_url_for("http://localhost:3030/ds/sparql")
'http://localhost:3030/ds/data'
>>> store_url_for("http://127.0.0.1:7878/store")
'http://127.0.0.1:7878/store'
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from kamerkg.extract.errors import StoreError

from .query import QueryResult
from .store import Store

__all__ = ["push", "query_endpoint", "store_url_for"]

#: Seconds to wait for a server before giving up on one request.
TIMEOUT = 60.0
_NTRIPLES = "application/n-triples"
_JSON_RESULTS = "application/sparql-results+json"


def _check_url(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise StoreError(
            "E311", f"{url!r} is not an http(s) URL", "give e.g. http://host:7878/query"
        )
    return url


def store_url_for(endpoint_url: str) -> str:
    """Guess the Graph Store Protocol URL from a query endpoint URL.

    Oxigraph serves ``/query`` and ``/store``; Fuseki ``/<ds>/sparql`` and
    ``/<ds>/data``. A URL ending in ``/store`` or ``/data`` is used as it is; anything
    else gets ``/store`` appended; pass
    ``graph_store_url`` to :func:`push` when the server differs.
    """
    base = endpoint_url.rstrip("/")
    if base.endswith(("/store", "/data")):  # already a Graph Store URL
        return base
    if base.endswith("/query"):
        return base[: -len("/query")] + "/store"
    if base.endswith("/sparql"):
        return base[: -len("/sparql")] + "/data"
    return base + "/store"


def _opener(url: str) -> urllib.request.OpenerDirector:
    """Loopback servers are reached directly, never through an HTTP proxy."""
    host = urllib.parse.urlsplit(url).hostname or ""
    if host in ("localhost", "127.0.0.1", "::1"):
        return urllib.request.build_opener(urllib.request.ProxyHandler({}))
    return urllib.request.build_opener()


def _request(request: urllib.request.Request, timeout: float) -> tuple[bytes, str]:
    try:
        with _opener(request.full_url).open(request, timeout=timeout) as response:
            return response.read(), response.headers.get("Content-Type", "")
    except urllib.error.HTTPError as exc:
        body = exc.read().decode("utf-8", "replace").strip().splitlines()
        detail = f": {body[0][:200]}" if body else ""
        raise StoreError(
            "E310",
            f"{request.get_method()} {request.full_url} failed with HTTP {exc.code}{detail}",
            "check the URL and that the server accepts this request",
        ) from None
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise StoreError(
            "E310",
            f"cannot reach {request.full_url} ({reason})",
            "check that the server runs and the URL is right",
        ) from None


def push(
    out_dir: Path,
    endpoint_url: str,
    *,
    graph_store_url: str | None = None,
    timeout: float = TIMEOUT,
) -> int:
    """Send every named graph of ``out_dir`` (and their union) to a SPARQL server.

    Each graph is replaced (HTTP PUT), so pushing twice gives the same server state.
    Returns the number of named graphs sent.

    Parameters
    ----------
    out_dir : Path
        Output folder of ``kamerkg build``.
    endpoint_url : str
        The server's query endpoint; the Graph Store URL is derived from it
        (see :func:`store_url_for`) unless given.
    graph_store_url : str, optional
        The SPARQL 1.1 Graph Store HTTP Protocol endpoint.

    Raises
    ------
    StoreError
        E301 no built graph; E310 HTTP or connection failure; E311 bad URL.
    """
    _check_url(endpoint_url)
    store_url = _check_url(graph_store_url or store_url_for(endpoint_url))
    graphs = 0
    with Store.open(Path(out_dir), read_only=True) as store:
        targets = [(iri, {"graph": iri}) for iri in store.graphs()]
        targets.append((None, {"default": ""}))
        for iri, query in targets:
            body = store.dump_ntriples(iri)
            url = f"{store_url}?{urllib.parse.urlencode(query)}"
            request = urllib.request.Request(
                url, data=body, method="PUT", headers={"Content-Type": _NTRIPLES}
            )
            _request(request, timeout)
            graphs += iri is not None
    return graphs


def _cell(binding: dict | None) -> str | None:
    if binding is None:
        return None
    if binding.get("type") == "bnode":
        return f"_:{binding['value']}"
    return str(binding.get("value", ""))


def query_endpoint(url: str, sparql: str, *, timeout: float = TIMEOUT) -> QueryResult:
    """Run ``sparql`` at a SPARQL 1.1 Protocol endpoint (POST form, JSON results).

    CONSTRUCT and DESCRIBE results come back as N-Triples and are returned as
    ``subject, predicate, object`` rows. The query is sent as given: check it with
    :func:`kamerkg.graph.query.check_read_only` first (``run_query`` does).

    Raises
    ------
    StoreError
        E310 on HTTP or connection errors or an unreadable answer; E311 bad URL.
    """
    _check_url(url)
    data = urllib.parse.urlencode({"query": sparql}).encode("utf-8")
    request = urllib.request.Request(
        url,
        data=data,
        method="POST",
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": f"{_JSON_RESULTS}, {_NTRIPLES};q=0.9",
        },
    )
    body, content_type = _request(request, timeout)
    try:
        if content_type.startswith(_NTRIPLES):
            import pyoxigraph as ox

            rows = sorted(
                (_term(t.subject), _term(t.predicate), _term(t.object))
                for t in ox.parse(body, format=ox.RdfFormat.N_TRIPLES)
            )
            return QueryResult(["subject", "predicate", "object"], rows)
        payload = json.loads(body.decode("utf-8"))
        if "boolean" in payload:
            return QueryResult(["ask"], [("true" if payload["boolean"] else "false",)])
        columns = list(payload["head"]["vars"])
        rows = [
            tuple(_cell(binding.get(c)) for c in columns)
            for binding in payload["results"]["bindings"]
        ]
    except (ValueError, KeyError, TypeError, SyntaxError) as exc:
        raise StoreError(
            "E310",
            f"{url} gave an answer that is not SPARQL JSON results ({type(exc).__name__})",
            "check that the URL is a SPARQL query endpoint",
        ) from None
    return QueryResult(columns, rows)


def _term(term: object) -> str:
    value = getattr(term, "value", str(term))
    return f"_:{value}" if type(term).__name__ == "BlankNode" else value
