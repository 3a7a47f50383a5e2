"""Named, read-only SPARQL queries over a built graph.

A named query is a ``.rq`` file in ``graph/queries/`` opening with a header::

    # name: attributions
    # description: who is said to be behind what, with stance and evidence
    # param: stance (optional) - asserted, reported, unconfirmed or denied
    # lists: documents

A parameter ``x`` is bound to the query variable ``?_x`` (the underscore, as in
grlc, keeps parameters apart from result columns) by a ``VALUES`` block inserted at
the start of the outer ``WHERE`` group, built from escaped RDF terms; the value is
never pasted into the query text. An unset optional parameter leaves ``?_x``
unbound, so queries test it with ``!BOUND(?_x) || ...``. Columns named under ``lists`` hold
``"; "``-separated values that are sorted, so the output never depends on the
engine's aggregation order.

Examples
--------
>>> sorted(q.name for q in list_queries())[:3]
['actor-profile', 'attributions', 'documents']
>>> print(bind_values("SELECT ?s WHERE { ?s ?p ?o }", {"o": Literal('zeg "ja"')}))
SELECT ?s WHERE { VALUES (?o) { ("zeg \\"ja\\"") } ?s ?p ?o }
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path

import pyoxigraph as ox
import rdflib
from pyoxigraph import Literal

from kamerkg.extract.errors import QueryError

from .export import spreadsheet_cell
from .store import Store

__all__ = [
    "FORMATS",
    "LIST_SEPARATOR",
    "NamedQuery",
    "QueryParam",
    "QueryResult",
    "bind_values",
    "check_read_only",
    "describe_queries",
    "format_result",
    "get_query",
    "list_queries",
    "load_query",
    "parse_header",
    "resolve_source",
    "run_query",
]

FORMATS = ("table", "csv", "json")
LIST_SEPARATOR = "; "
#: Widest cell of the table format; longer cells end in "…".
MAX_CELL = 48
_UPDATE_WORDS = frozenset(
    ("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH")
)
_PARAM_LINE = re.compile(
    r"(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*(?:\((?P<flag>optional|required)\))?\s*(?:-\s*(?P<doc>.*))?$"
)
_VARIABLE = re.compile(r"[?$](_[A-Za-z0-9_]*)")


@dataclass(frozen=True)
class QueryParam:
    """A parameter of a named query: ``name`` is bound to the variable ``?_name``."""

    name: str
    required: bool = False
    description: str = ""


@dataclass(frozen=True)
class NamedQuery:
    """A query with its header: name, description, parameters, list columns."""

    name: str
    text: str
    description: str = ""
    params: tuple[QueryParam, ...] = ()
    lists: tuple[str, ...] = ()
    path: Path | None = None


@dataclass
class QueryResult:
    """Columns and rows; each cell is the lexical form of a term, or None when unbound."""

    columns: list[str]
    rows: list[tuple[str | None, ...]] = field(default_factory=list)

    def records(self) -> list[dict[str, str | None]]:
        """Rows as dictionaries, column order kept."""
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


# ------------------------------------------------------------------------ catalogue


def parse_header(text: str) -> tuple[str, str, tuple[QueryParam, ...], tuple[str, ...]]:
    """Name, description, parameters and list columns from a query's leading comments.

    Examples
    --------
    >>> parse_header("# name: x\\n# param: who (required) - a name\\nSELECT * {}")[2]
    (QueryParam(name='who', required=True, description='a name'),)
    """
    name, description = "", ""
    params: list[QueryParam] = []
    lists: list[str] = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("#"):
            break
        key, sep, value = stripped.lstrip("#").strip().partition(":")
        if not sep:
            continue
        key, value = key.strip().lower(), value.strip()
        if key == "name":
            name = value
        elif key == "description":
            description = value
        elif key == "param":
            match = _PARAM_LINE.match(value)
            if match:
                params.append(
                    QueryParam(
                        match["name"], match["flag"] == "required", (match["doc"] or "").strip()
                    )
                )
        elif key == "lists":
            lists += [c.strip() for c in value.split(",") if c.strip()]
    return name, description, tuple(params), tuple(lists)


def load_query(path: Path, text: str | None = None) -> NamedQuery:
    """A query from a ``.rq`` file (or its text), header parsed."""
    path = Path(path)
    text = path.read_text(encoding="utf-8") if text is None else text
    name, description, params, lists = parse_header(text)
    return NamedQuery(name or path.stem, text, description, params, lists, path)


def describe_queries() -> str:
    """The catalogue as text: each query's name, description and parameters.

    Examples
    --------
    >>> "actor-profile" in describe_queries()
    True
    """
    blocks = []
    for query in list_queries():
        lines = [f"{query.name}: {query.description}"]
        for param in query.params:
            flag = "required" if param.required else "optional"
            lines.append(f"    --param {param.name}=... ({flag}) {param.description}".rstrip())
        blocks.append("\n".join(lines))
    return "\n".join(blocks)


def list_queries() -> list[NamedQuery]:
    """The named queries shipped in ``graph/queries``, sorted by name."""
    folder = files("kamerkg.graph") / "queries"
    found = [
        load_query(Path(str(entry)), entry.read_text(encoding="utf-8"))
        for entry in folder.iterdir()
        if entry.name.endswith(".rq")
    ]
    return sorted(found, key=lambda q: q.name)


def get_query(name: str) -> NamedQuery:
    """The named query ``name``.

    Raises
    ------
    QueryError
        E405 when there is none, listing the names.
    """
    queries = list_queries()
    for query in queries:
        if query.name == name:
            return query
    names = ", ".join(q.name for q in queries)
    raise QueryError("E405", f"no named query {name!r}", f"choose one of: {names}")


def resolve_source(source_text: str) -> NamedQuery:
    """A query name, a ``.rq`` file path or SPARQL text, as a :class:`NamedQuery`."""
    text = source_text.strip()
    if re.fullmatch(r"[A-Za-z0-9_-]+", text):
        return get_query(text)
    if text.endswith(".rq") and "\n" not in text and "{" not in text:
        path = Path(text).expanduser()
        if not path.is_file():
            raise QueryError("E406", f"no query file {text}", "give an existing .rq file")
        try:
            return load_query(path)
        except (OSError, UnicodeDecodeError) as exc:
            raise QueryError("E406", f"cannot read {text} ({type(exc).__name__})") from None
    query = load_query(Path("query.rq"), source_text)
    if not query.params:  # ad hoc text: each ?_x variable it uses is a parameter x
        names = sorted({v[1:] for v in _VARIABLE.findall(_mask(source_text)) if v[1:]})
        query = NamedQuery("", source_text, params=tuple(QueryParam(n) for n in names))
    return query


# ------------------------------------------------------------------------- checking


def _mask(sparql: str) -> str:
    """The query with comments, strings and IRIs blanked (same length, same offsets)."""
    out = []
    i, n = 0, len(sparql)
    while i < n:
        c = sparql[i]
        if c == "#":
            end = sparql.find("\n", i)
            end = n if end < 0 else end
            out.append(" " * (end - i))
            i = end
        elif c in "'\"":
            quote = c * 3 if sparql.startswith(c * 3, i) else c
            j = i + len(quote)
            while j < n and not sparql.startswith(quote, j):
                j += 2 if sparql[j] == "\\" else 1
            j = min(n, j + len(quote))
            out.append(quote[0] + " " * (j - i - 2) + quote[0] if j - i >= 2 else " " * (j - i))
            i = j
        elif c == "<":
            match = re.compile(r"<[^<>\"{}|^`\\\x00-\x20]*>").match(sparql, i)
            if match:
                out.append("<" + " " * (match.end() - i - 2) + ">")
                i = match.end()
            else:
                out.append(c)
                i += 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def _looks_like_update(sparql: str) -> bool:
    """True when the first keyword after the prologue is an update operation."""
    masked = _mask(sparql)
    masked = re.sub(r"(?i)\b(PREFIX\s+[\w.-]*:\s*<\s*>|BASE\s*<\s*>)", " ", masked)
    match = re.search(r"[A-Za-z]+", masked)
    if match and match.group(0).upper() in _UPDATE_WORDS:
        return True
    try:
        from rdflib.plugins.sparql.parser import parseUpdate

        return bool(parseUpdate(sparql).request)
    except Exception:  # not an update either: a plain syntax error
        return False


def check_read_only(sparql: str) -> None:
    """Parse ``sparql`` as a query; refuse updates and report syntax errors.

    Raises
    ------
    QueryError
        E401 for a SPARQL Update, E404 for a query that does not parse.

    Examples
    --------
    >>> check_read_only("PREFIX x: <http://x/> # INSERT\\nSELECT * WHERE { ?s ?p ?o }")
    >>> check_read_only("PREFIX x: <http://x/>\\n# SELECT\\nDROP ALL")
    Traceback (most recent call last):
    ...
    kamerkg.extract.errors.QueryError: E401 SPARQL updates are refused: ...
    """
    try:
        # Parsing happens when query() is called; the lazy result is never iterated.
        ox.Store().query(sparql)
    except SyntaxError as exc:
        if _looks_like_update(sparql):
            raise QueryError(
                "E401",
                "SPARQL updates are refused",
                "kamerkg query is read-only; change the graph with kamerkg build",
            ) from None
        message = " ".join(str(exc).split()) or "invalid SPARQL"
        raise QueryError("E404", f"SPARQL syntax error: {message}", "fix the query") from None


# -------------------------------------------------------------------------- binding


def _outer_group(sparql: str) -> int:
    """Offset just after the ``{`` opening the outer WHERE group."""
    masked = _mask(sparql)
    form = re.search(r"(?i)\b(SELECT|CONSTRUCT|ASK|DESCRIBE)\b", masked)
    start = form.end() if form else 0
    brace = masked.find("{", start)
    if form and form.group(1).upper() == "CONSTRUCT" and brace >= 0:
        between = masked[start:brace].strip()
        if not re.fullmatch(r"(?i)(WHERE)?", between) or not between:
            # CONSTRUCT { template } WHERE { ... }: skip the template
            depth, i = 0, brace
            while i < len(masked):
                depth += {"{": 1, "}": -1}.get(masked[i], 0)
                if depth == 0:
                    break
                i += 1
            brace = masked.find("{", i + 1)
    if brace < 0:
        raise QueryError("E404", "SPARQL syntax error: no WHERE group", "fix the query")
    return brace + 1


def bind_values(sparql: str, bindings: Mapping[str, ox.NamedNode | ox.Literal]) -> str:
    """Insert ``VALUES (?a ?b) { (t1 t2) }`` at the start of the outer WHERE group.

    Terms are written by pyoxigraph in N-Triples syntax, so quotes, backslashes and
    new lines in a value are escaped and cannot change the query.
    """
    if not bindings:
        return sparql
    names = sorted(bindings)
    variables = " ".join(f"?{n}" for n in names)
    terms = " ".join(str(bindings[n]) for n in names)
    at = _outer_group(sparql)
    return f"{sparql[:at]} VALUES ({variables}) {{ ({terms}) }}{sparql[at:]}"


def _bind_params(query: NamedQuery, params: Mapping[str, str]) -> dict[str, ox.Literal]:
    declared = {p.name: p for p in query.params}
    unknown = sorted(set(params) - set(declared))
    if unknown:
        known = ", ".join(sorted(declared)) or "none"
        raise QueryError(
            "E402",
            f"unknown parameter {', '.join(unknown)} for {query.name or 'this query'}",
            f"its parameters are: {known}",
        )
    missing = [p.name for p in query.params if p.required and not params.get(p.name)]
    if missing:
        raise QueryError(
            "E403",
            f"{query.name or 'the query'} needs parameter {', '.join(missing)}",
            f"give it with --param {missing[0]}=VALUE",
        )
    return {
        f"_{name}": Literal(str(value)) for name, value in sorted(params.items()) if value != ""
    }


# -------------------------------------------------------------------------- running


def _cell(term: object) -> str | None:
    if term is None:
        return None
    if isinstance(term, ox.BlankNode | rdflib.BNode):
        return f"_:{term.value if isinstance(term, ox.BlankNode) else term}"
    if isinstance(term, ox.NamedNode | ox.Literal):
        return term.value
    return str(term)


def _tidy_lists(result: QueryResult, lists: Iterable[str]) -> QueryResult:
    indexes = [i for i, c in enumerate(result.columns) if c in set(lists)]
    if not indexes:
        return result
    rows = []
    for row in result.rows:
        cells = list(row)
        for i in indexes:
            if cells[i]:
                items = {x.strip() for x in cells[i].split(LIST_SEPARATOR) if x.strip()}
                cells[i] = LIST_SEPARATOR.join(sorted(items, key=lambda x: (x.casefold(), x)))
        rows.append(tuple(cells))
    return QueryResult(result.columns, rows)


def _from_oxigraph(results: object) -> QueryResult:
    if isinstance(results, ox.QueryBoolean):
        return QueryResult(["ask"], [("true" if bool(results) else "false",)])
    if isinstance(results, ox.QuerySolutions):
        columns = [v.value for v in results.variables]
        # A solution iterates its values in column order (None when unbound); IRIs and
        # literals, nearly every cell, take the short way (about a tenth of a big query).
        plain = (ox.NamedNode, ox.Literal)
        rows = [
            tuple(term.value if type(term) in plain else _cell(term) for term in solution)
            for solution in results
        ]
        return QueryResult(columns, rows)
    triples = [(_cell(t.subject), _cell(t.predicate), _cell(t.object)) for t in results]
    return QueryResult(["subject", "predicate", "object"], sorted(triples))


def _from_rdflib(results: rdflib.query.Result) -> QueryResult:
    if results.type == "ASK":
        return QueryResult(["ask"], [("true" if results.askAnswer else "false",)])
    if results.type in ("CONSTRUCT", "DESCRIBE"):
        rows = sorted((_cell(s), _cell(p), _cell(o)) for s, p, o in results.graph)
        return QueryResult(["subject", "predicate", "object"], rows)
    columns = [str(v) for v in results.vars]
    return QueryResult(columns, [tuple(_cell(value) for value in row) for row in results])


def run_query(
    target: Path | str | Store | rdflib.Graph | None,
    source_text: str,
    params: Mapping[str, str] | None = None,
    *,
    endpoint: str | None = None,
) -> QueryResult:
    """Run a named query, a ``.rq`` file or SPARQL text, read-only.

    Parameters
    ----------
    target : Path, Store or rdflib.Graph
        An output folder of ``kamerkg build`` (its store is opened read-only), an
        open :class:`Store`, or an rdflib graph; ignored when ``endpoint`` is given.
    source_text : str
        A query name (see :func:`list_queries`), a path ending in ``.rq``, or SPARQL.
    params : dict
        Parameter values (strings): ``{"x": "v"}`` binds the literal "v" to ``?_x``.
    endpoint : str, optional
        A SPARQL 1.1 Protocol endpoint to send the query to instead.

    Raises
    ------
    QueryError
        E401 update refused, E402 unknown parameter, E403 missing parameter, E404
        syntax error, E405 unknown query name, E406 unreadable query file, E407 the
        engine failed while running the query, E408 no target, E410 SERVICE on the
        local graph.
    StoreError
        E301 when ``target`` has no built graph; E310 when the endpoint fails.
    """
    query = resolve_source(source_text)
    check_read_only(query.text)
    bindings = _bind_params(query, params or {})
    sparql = bind_values(query.text, bindings)
    if endpoint is not None:
        from .endpoint import query_endpoint

        return _tidy_lists(query_endpoint(endpoint, sparql), query.lists)
    if re.search(r"(?i)\bSERVICE\b", _mask(query.text)):
        # A local query must not reach the network; an endpoint may federate if it likes.
        raise QueryError(
            "E410",
            "SERVICE (federated) queries are refused on the local graph",
            "run it against a SPARQL server with --endpoint",
        )
    if isinstance(target, rdflib.Graph):
        try:
            result = _from_rdflib(target.query(sparql))
        except Exception as exc:  # rdflib raises assorted exception types
            raise QueryError("E407", f"the query failed: {_first_line(exc)}") from None
        return _tidy_lists(result, query.lists)
    if isinstance(target, Store):
        return _tidy_lists(_run_store(target, sparql), query.lists)
    if target is None:
        raise QueryError("E408", "no graph to query", "give an output folder or an endpoint URL")
    with Store.open(Path(target), read_only=True) as store:
        return _tidy_lists(_run_store(store, sparql), query.lists)


def _run_store(store: Store, sparql: str) -> QueryResult:
    try:
        return _from_oxigraph(store.query(sparql))
    except SyntaxError as exc:
        raise QueryError(
            "E404", f"SPARQL syntax error: {_first_line(exc)}", "fix the query"
        ) from None
    except (OSError, RuntimeError, ValueError, TypeError) as exc:
        raise QueryError("E407", f"the query failed: {_first_line(exc)}") from None


def _first_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text[:300] or type(exc).__name__


# ------------------------------------------------------------------------ formatting


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def format_result(result: QueryResult, fmt: str = "table") -> str:
    """The result as an aligned table, RFC 4180 CSV or a JSON list of objects.

    Cells are lexical forms (dates, numbers as written in the graph); unbound cells
    are empty (``null`` in JSON). The text ends with a line break (CRLF in CSV, as
    RFC 4180 has it).

    Examples
    --------
    >>> r = QueryResult(["party", "documents"], [("D66", "3"), ("CDA", None)])
    >>> print(format_result(r), end="")
    party  documents
    -----  ---------
    D66    3
    CDA
    >>> format_result(r, "csv")
    'party,documents\\r\\nD66,3\\r\\nCDA,\\r\\n'
    """
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(result.columns)
        # Document text in a cell must not run as a spreadsheet formula.
        writer.writerows([spreadsheet_cell(v) for v in row] for row in result.rows)
        return buffer.getvalue()
    if fmt == "json":
        return json.dumps(result.records(), ensure_ascii=False, indent=2) + "\n"
    if fmt != "table":
        raise QueryError("E409", f"unknown format {fmt!r}", f"choose one of: {', '.join(FORMATS)}")
    cells = [[_shorten(" ".join((v or "").split()), MAX_CELL) for v in row] for row in result.rows]
    widths = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(result.columns)]
    lines = [
        "  ".join(c.ljust(w) for c, w in zip(result.columns, widths, strict=True)).rstrip(),
        "  ".join("-" * w for w in widths),
    ]
    lines += [
        "  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip() for row in cells
    ]
    return "\n".join(lines) + "\n"
