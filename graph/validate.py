"""SHACL validation of a built graph against ``ontology/shapes.ttl``.

The ontology (``ontology/kamerkg.ttl``) is mixed into a copy of the data graph so
that class targets and ``sh:class`` follow ``rdfs:subClassOf`` (a ``kkg:Country``
is a ``kkg:Actor``). No RDFS inference runs: inferring types from ``rdfs:range``
would make a wrong value look right (``kkg:askedBy`` pointing at a country would
turn the country into a person). One check SHACL core cannot express runs in
Python next to the shapes: ``oa:exact`` must be ``oa:end - oa:start`` characters long.

Examples
--------
>>> from rdflib import Graph, Literal, RDF, RDFS
>>> from kamerkg.ontology import ID, KKG
>>> g = Graph()
>>> _ = g.add((ID["actor/apt31"], RDF.type, KKG.ThreatActor))
>>> result = validate(g)
>>> result.conforms, result.violations
(False, 1)
>>> _ = g.add((ID["actor/apt31"], RDFS.label, Literal("APT31")))
>>> print(format_result(validate(g)))
conforms: 0 violations, 0 warnings
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import pyshacl
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.graph import ConjunctiveGraph
from rdflib.namespace import RDF, SH

from kamerkg.extract.errors import StoreError
from kamerkg.ontology import OA, ONTOLOGY_FILE, SHAPES_FILE

__all__ = ["Finding", "ValidationResult", "format_result", "validate"]

#: Prefixes used to shorten IRIs in the report.
_PREFIXES = (
    ("id:", "https://w3id.org/kamerkg/id/"),
    ("kkg:", "https://w3id.org/kamerkg/ns#"),
    ("rdf:", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("rdfs:", "http://www.w3.org/2000/01/rdf-schema#"),
    ("xsd:", "http://www.w3.org/2001/XMLSchema#"),
    ("skos:", "http://www.w3.org/2004/02/skos/core#"),
    ("dcterms:", "http://purl.org/dc/terms/"),
    ("prov:", "http://www.w3.org/ns/prov#"),
    ("org:", "http://www.w3.org/ns/org#"),
    ("oa:", "http://www.w3.org/ns/oa#"),
)

#: Report order: the most serious first.
_SEVERITIES = ("Violation", "Warning", "Info")

_VALUE_WIDTH = 60

_QUOTE_MESSAGE = (
    "The length of oa:exact differs from oa:end - oa:start, "
    "so the offsets do not index the quoted text."
)


@dataclass(frozen=True, order=True)
class Finding:
    """One SHACL result, made readable.

    Attributes
    ----------
    severity : str
        ``Violation``, ``Warning`` or ``Info``.
    message : str
        The shape's plain English message.
    focus : str
        The node that fails, shortened (``id:doc/x/claim/ab12``).
    path : str
        The property concerned, shortened, or ``""`` for a node-level result.
    value : str
        The offending value, shortened, or ``""``.
    """

    severity: str
    message: str
    focus: str
    path: str = ""
    value: str = ""


@dataclass(frozen=True)
class ValidationResult:
    """The outcome of :func:`validate`.

    Attributes
    ----------
    conforms : bool
        True when there is no violation (warnings are allowed).
    violations, warnings : int
        How many results of each severity.
    text : str
        pyshacl's full report, for debugging (without the Python offset check).
    findings : tuple of Finding
        Every result, deduplicated and sorted (severity, message, focus, path).
    """

    conforms: bool
    violations: int
    warnings: int
    text: str
    findings: tuple[Finding, ...] = ()


@cache
def _shapes() -> Graph:
    return Graph().parse(data=SHAPES_FILE.read_text(encoding="utf-8"), format="turtle")


@cache
def _ontology() -> Graph:
    return Graph().parse(data=ONTOLOGY_FILE.read_text(encoding="utf-8"), format="turtle")


def _union(data: Graph) -> Graph:
    """A fresh graph holding every triple of ``data`` (all named graphs) and the ontology."""
    merged = Graph()
    if isinstance(data, ConjunctiveGraph):
        # Named graphs per document: validate their union, since actors and
        # documents are shared across graphs.
        merged.addN((s, p, o, merged) for s, p, o, _ in data.quads((None, None, None, None)))
    else:
        merged += data
    merged += _ontology()
    return merged


def _short(node: object) -> str:
    if node is None:
        return ""
    if isinstance(node, URIRef):
        text = str(node)
        for prefix, namespace in _PREFIXES:
            if text.startswith(namespace):
                return prefix + text[len(namespace) :]
        return f"<{text}>"
    if isinstance(node, Literal):
        text = " ".join(str(node).split())
        if len(text) > _VALUE_WIDTH:
            text = text[: _VALUE_WIDTH - 3] + "..."
        return f'"{text}"'
    if isinstance(node, BNode):
        return "[]"
    return str(node)


def _findings(report: Graph) -> set[Finding]:
    found: set[Finding] = set()
    for result in report.subjects(RDF.type, SH.ValidationResult):
        severity = report.value(result, SH.resultSeverity)
        severity_name = str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation"
        messages = sorted(str(m) for m in report.objects(result, SH.resultMessage))
        message = messages[0] if messages else "does not conform to its shape"
        path = report.value(result, SH.resultPath)
        focus = report.value(result, SH.focusNode)
        value = report.value(result, SH.value)
        found.add(
            Finding(
                severity=severity_name,
                message=message,
                focus=_short(focus),
                # A complex path is a blank node; there is nothing short to show.
                path="" if isinstance(path, BNode) else _short(path),
                # Node-level results repeat the focus node as value: say it once.
                value="" if value == focus else _short(value),
            )
        )
    return found


def _sorted(findings: set[Finding]) -> tuple[Finding, ...]:
    rank = {name: i for i, name in enumerate(_SEVERITIES)}
    return tuple(sorted(findings, key=lambda f: (rank.get(f.severity, len(rank)), f)))


def _quote_findings(graph: Graph) -> set[Finding]:
    """Quote selectors whose ``oa:exact`` is not ``oa:end - oa:start`` long.

    SHACL core cannot compare a length with two other values, and a SPARQL
    constraint is parsed again for each node by pyshacl, so this one check runs here.
    """
    found = set()
    for selector, exact in graph.subject_objects(OA.exact):
        start, end = graph.value(selector, OA.start), graph.value(selector, OA.end)
        bounds = [getattr(b, "value", None) for b in (start, end)]
        if not all(isinstance(b, int) for b in bounds):
            continue  # a missing or ill-typed offset is reported by the shapes
        if len(str(exact)) != bounds[1] - bounds[0]:
            found.add(
                Finding(
                    severity="Violation",
                    message=_QUOTE_MESSAGE,
                    focus=_short(selector),
                    path=_short(OA.exact),
                    value=_short(exact),
                )
            )
    return found


def validate(data: Graph) -> ValidationResult:
    """Check a kamerkg graph against the SHACL shapes of the ontology package.

    Parameters
    ----------
    data : rdflib.Graph
        The built graph; a ``Dataset``/``ConjunctiveGraph`` is validated as the
        union of its named graphs. It is not modified.

    Returns
    -------
    ValidationResult
        ``conforms`` is False when there is at least one violation; warnings do
        not make a graph fail.

    Raises
    ------
    StoreError
        E501 when ``data`` is not an rdflib graph or the validator cannot run on it.
    """
    if not isinstance(data, Graph):
        raise StoreError(
            "E501",
            f"cannot validate a {type(data).__name__}",
            "give the built graph as an rdflib Graph (load out/graph.ttl)",
        )
    merged = _union(data)
    try:
        _, report, text = pyshacl.validate(
            merged,
            shacl_graph=_shapes(),
            inference="none",
            inplace=True,
            allow_warnings=True,
            allow_infos=True,
        )
    except Exception as error:  # pyshacl raises several unrelated types
        raise StoreError(
            "E501",
            f"SHACL validation could not run: {error}",
            "rebuild the graph with `kamerkg build` and try again",
        ) from error
    findings = _sorted(_findings(report) | _quote_findings(merged))
    violations = sum(1 for f in findings if f.severity == "Violation")
    warnings = sum(1 for f in findings if f.severity == "Warning")
    return ValidationResult(
        conforms=violations == 0,
        violations=violations,
        warnings=warnings,
        text=str(text),
        findings=findings,
    )


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _lines(findings: Iterable[Finding], max_lines: int | None) -> list[str]:
    lines: list[str] = []
    for severity in _SEVERITIES:
        group = [f for f in findings if f.severity == severity]
        if not group:
            continue
        lines.append(f"{severity}s:")
        shown = group if max_lines is None else group[:max_lines]
        for finding in shown:
            where = f"{finding.focus} {finding.path}".rstrip()
            value = f" (value {finding.value})" if finding.value else ""
            lines.append(f"  {where}: {finding.message}{value}")
        if len(shown) < len(group):
            lines.append(f"  ... and {len(group) - len(shown)} more")
    return lines


def format_result(result: ValidationResult, max_lines: int | None = 100) -> str:
    """A short report: one line per result, grouped by severity, counts at the end.

    Parameters
    ----------
    result : ValidationResult
        What :func:`validate` returned.
    max_lines : int or None
        At most this many lines per severity; None shows all.

    Returns
    -------
    str
        Lines ``focus path: message (value v)`` sorted by message then focus, and a
        last line ``conforms: ...`` or ``does not conform: ...`` with the counts.
    """
    lines = _lines(result.findings, max_lines)
    verdict = "conforms" if result.conforms else "does not conform"
    counts = f"{_plural(result.violations, 'violation')}, {_plural(result.warnings, 'warning')}"
    lines.append(f"{verdict}: {counts}")
    return "\n".join(lines)
