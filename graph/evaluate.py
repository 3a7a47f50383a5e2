"""Score a built graph against gold annotations (the contract of ``seeds/gold/FORMAT.md``).

The scorer reads only the public vocabulary of the written Turtle, so it measures what
a SPARQL user sees. Terms are matched by local name (``attributedTo``, ``Incident``,
``label``), whatever namespace carries them, as FORMAT.md says. Every figure is kept
per document and micro-averaged over all documents: set comparisons as precision,
recall and F1 with their counts, per-item checks as an accuracy.

Conventions: an empty denominator gives 1.0 (nothing predicted means no false
positive; nothing to find means nothing missed), so a document with neither gold nor
predicted items scores 1.0 and the counts show it was vacuous. A gold document that the
graph lacks counts as all-missed (its metadata too) and is listed in ``Report.missing``.

Where FORMAT.md leaves room, because ``graph.ttl`` is the union of all documents:

- a document's relations are the direct triples that a claim derived from it
  reifies, plus direct triples no claim ties to any document whose two ends it
  mentions; ``relations_reified`` is the share of them with a Statement derived from
  the document carrying a stance (not needed for memberOf), evidence text and offsets;
- the stance of a triple in a document is that of its claim derived from the document;
  with several, the one with the latest evidence (the answer has the last word);
- offices hang on shared person nodes, so (like memberOf) predicted offices are judged
  only for persons that have a gold office in the document;
- an incident or response is tied to a document by ``prov:wasDerivedFrom`` or by
  ``mentions`` in either direction; gold with neither ``about`` nor ``keywords``
  matches any.

Examples
--------
>>> norm("  Mariëtte\\tHAMER ")
'mariette hamer'
>>> Score(tp=3, fp=1, fn=1).f1
0.75
"""

from __future__ import annotations

import json
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePath
from typing import Any, NamedTuple

import pyoxigraph as ox

from kamerkg.extract.errors import InputError, StoreError
from kamerkg.extract.model import ACTOR_TYPES, RELATIONS, STANCES

__all__ = [
    "FIGURES",
    "Accuracy",
    "DocumentScore",
    "Gold",
    "GoldEntity",
    "GoldIncident",
    "GoldOffice",
    "GoldRelation",
    "GoldResponse",
    "Report",
    "Score",
    "evaluate",
    "format_details",
    "format_report",
    "load_gold",
    "load_gold_dir",
    "norm",
]

#: Every figure, in report order; ``Score`` ones are P/R/F1, the others accuracies.
FIGURES = (
    "metadata",
    "metadata.identifier",
    "metadata.submitted",
    "metadata.answered",
    "who_asked_whom",
    "asked_by",
    "answered_by",
    "offices",
    "entities",
    "entity_types",
    "relations",
    "relations.memberOf",
    "relations.attributedTo",
    "relations.affiliatedWith",
    "relations.targeted",
    "relations.uses",
    "relations_reified",
    "stances",
    "incidents",
    "incident_dates",
    "responses",
    "response_by",
)

#: The relation predicates of seeds/gold/FORMAT.md, each scored apart as well.
_PREDICATES = ("memberOf", "attributedTo", "affiliatedWith", "targeted", "uses")

_METADATA = (
    ("identifier", "identifier"),
    ("submitted", "dateSubmitted"),
    ("answered", "answeredOn"),
)
_NAME_PROPS = ("label", "altLabel", "prefLabel")
# Node classes that a document may tie to itself but that are not entities.
_NOT_ENTITY = frozenset(
    {
        "Incident",
        "StateResponse",
        "Claim",
        "Statement",
        "Document",
        "Part",
        "Question",
        "Answer",
        "Notice",
        "CitedSource",
        "Office",
        "Post",
        "Stance",
    }
)
_REMEDY_GOLD = "fix the gold file (see seeds/gold/FORMAT.md)"


def norm(text: str) -> str:
    """Names as FORMAT.md compares them: case-folded, no diacritics, white space collapsed.

    Examples
    --------
    >>> norm("Advanced  Persistent\\nThreat 31") == norm("advanced persistent threat 31")
    True
    >>> norm("Indonesië")
    'indonesie'
    """
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(text.casefold().split())


# --------------------------------------------------------------------------- figures


@dataclass
class Score:
    """Counts of a set comparison.

    ``tp`` counts gold items found (the recall side), ``tp_pred`` predicted items that
    match gold (the precision side; equal to ``tp`` unless matching is many-to-one,
    as for entity names). ``None`` means "same as ``tp``".

    Examples
    --------
    >>> s = Score(tp=2, fp=2, fn=0, tp_pred=3)
    >>> round(s.precision, 3), s.recall
    (0.6, 1.0)
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tp_pred: int | None = None

    @property
    def matched(self) -> int:
        return self.tp if self.tp_pred is None else self.tp_pred

    @property
    def precision(self) -> float:
        total = self.matched + self.fp
        return self.matched / total if total else 1.0

    @property
    def recall(self) -> float:
        total = self.tp + self.fn
        return self.tp / total if total else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Score) -> Score:
        matched = self.matched + other.matched
        tp = self.tp + other.tp
        return Score(tp, self.fp + other.fp, self.fn + other.fn, None if matched == tp else matched)

    def to_dict(self) -> dict[str, Any]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "tp_pred": self.matched,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass
class Accuracy:
    """Counts of a per-item check; an empty check is vacuously 1.0.

    Examples
    --------
    >>> (Accuracy(2, 3) + Accuracy(1, 1)).value
    0.75
    """

    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return self.correct / self.total if self.total else 1.0

    def __add__(self, other: Accuracy) -> Accuracy:
        return Accuracy(self.correct + other.correct, self.total + other.total)

    def to_dict(self) -> dict[str, Any]:
        return {"accuracy": round(self.value, 4), "correct": self.correct, "total": self.total}


Figure = Score | Accuracy


def _empty(name: str) -> Figure:
    return Score() if name.split(".")[0] in _SCORES else Accuracy()


_SCORES = frozenset(
    {
        "who_asked_whom",
        "asked_by",
        "answered_by",
        "offices",
        "entities",
        "relations",
        "incidents",
        "responses",
    }
)


@dataclass
class DocumentScore:
    """The figures of one gold document and what went wrong in it.

    ``details`` maps a category (``missed_entities``, ``wrong_stances`` ...) to one
    line per miss or false positive, sorted.
    """

    document: str
    found: bool
    figures: dict[str, Figure]
    details: dict[str, list[str]] = field(default_factory=dict)
    node: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "document": self.document,
            "found": self.found,
            "node": self.node,
            "figures": {name: self.figures[name].to_dict() for name in FIGURES},
            "details": {key: list(lines) for key, lines in sorted(self.details.items())},
        }


@dataclass
class Report:
    """Scores of every gold document and their micro-averaged totals."""

    graph: str
    gold_dir: str
    documents: list[DocumentScore]

    @property
    def missing(self) -> list[str]:
        """Gold documents without a Document node in the graph."""
        return [d.document for d in self.documents if not d.found]

    @property
    def totals(self) -> dict[str, Figure]:
        """Micro averages: the counts of all documents summed, then divided."""
        totals = {name: _empty(name) for name in FIGURES}
        for doc in self.documents:
            for name in FIGURES:
                totals[name] = totals[name] + doc.figures[name]
        return totals

    def to_dict(self) -> dict[str, Any]:
        return {
            "graph": self.graph,
            "gold": self.gold_dir,
            "documents": [d.to_dict() for d in self.documents],
            "missing": self.missing,
            "totals": {name: fig.to_dict() for name, fig in self.totals.items()},
        }

    def to_json(self) -> str:
        """The report as indented JSON (for ``kamerkg eval --format json``)."""
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False)


# --------------------------------------------------------------------------- gold


@dataclass(frozen=True)
class GoldEntity:
    name: str
    names: frozenset[str]
    types: tuple[str, ...]
    optional: bool = False


@dataclass(frozen=True)
class GoldOffice:
    person: str
    office: str
    optional: bool = False


@dataclass(frozen=True)
class GoldRelation:
    s: str
    p: str
    o: str
    stance: str | None = None
    optional: bool = False

    def __str__(self) -> str:
        return f"{self.s} {self.p} {self.o}"


@dataclass(frozen=True)
class GoldIncident:
    about: tuple[str, ...]
    keywords: tuple[str, ...] = ()
    date: str | None = None
    optional: bool = False

    def __str__(self) -> str:
        what = ", ".join(self.about) or " / ".join(self.keywords) or "(any)"
        return f"{what} ({self.date})" if self.date else what


@dataclass(frozen=True)
class GoldResponse:
    keywords: tuple[str, ...]
    by: tuple[str, ...] = ()
    optional: bool = False

    def __str__(self) -> str:
        by = f" by {', '.join(self.by)}" if self.by else ""
        return " / ".join(self.keywords) + by


@dataclass(frozen=True)
class Gold:
    """One gold file, checked and with its names folded."""

    path: str
    document: str
    identifier: str | None
    submitted: str | None
    answered: str | None
    asked_by: tuple[str, ...]
    answered_by: tuple[str, ...]
    offices: tuple[GoldOffice, ...]
    entities: tuple[GoldEntity, ...]
    relations: tuple[GoldRelation, ...]
    incidents: tuple[GoldIncident, ...]
    responses: tuple[GoldResponse, ...]

    _names: dict[str, frozenset[str]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def names_of(self, ref: str) -> frozenset[str]:
        """Every folded name of the gold entity ``ref`` names (by name, else by alias).

        A reference to no gold entity stands for itself.
        """
        if ref not in self._names:
            key = norm(ref)
            hits = [e for e in self.entities if norm(e.name) == key]
            hits = hits or [e for e in self.entities if key in e.names]
            names = frozenset().union(*(e.names for e in hits)) if hits else frozenset({key})
            self._names[ref] = names
        return self._names[ref]


class _Bad(Exception):
    """A gold file's defect, turned into E501 with the file's name."""


def _get(obj: dict, key: str, kinds: tuple[type, ...], where: str, default: Any = None) -> Any:
    value = obj.get(key)
    if value is None:
        return default
    if not isinstance(value, kinds):
        names = " or ".join(k.__name__ for k in kinds)
        raise _Bad(f"{where}{key} must be {names}, not {type(value).__name__}")
    return value


def _text(obj: dict, key: str, where: str, required: bool = False) -> str | None:
    value = _get(obj, key, (str,), where)
    if required and not (value or "").strip():
        raise _Bad(f"{where}{key} must be a non-empty string")
    return value


def _texts(obj: dict, key: str, where: str) -> tuple[str, ...]:
    values = _get(obj, key, (list,), where, default=[])
    for i, value in enumerate(values):
        if not isinstance(value, str) or not value.strip():
            raise _Bad(f"{where}{key}[{i}] must be a non-empty string")
    return tuple(values)


def _iso(obj: dict, key: str, where: str) -> str | None:
    value = _text(obj, key, where)
    if value is None:
        return None
    try:
        date.fromisoformat(value)
    except ValueError:
        raise _Bad(f"{where}{key} {value!r} is not an ISO date (YYYY-MM-DD)") from None
    return value[:10]


def _items(obj: dict, key: str) -> Iterable[tuple[str, dict]]:
    for i, item in enumerate(_get(obj, key, (list,), "", default=[])):
        where = f"{key}[{i}]."
        if not isinstance(item, dict):
            raise _Bad(f"{key}[{i}] must be an object")
        yield where, item


def _optional(item: dict, where: str) -> bool:
    return bool(_get(item, "optional", (bool,), where, default=False))


def _entity(where: str, item: dict) -> GoldEntity:
    name = _text(item, "name", where, required=True)
    assert name is not None
    raw_type = item.get("type")
    types = (raw_type,) if isinstance(raw_type, str) else tuple(raw_type or ())
    if not types or any(t not in ACTOR_TYPES for t in types):
        raise _Bad(f"{where}type {raw_type!r} must be one of {', '.join(ACTOR_TYPES)} or a list")
    names = frozenset(norm(n) for n in (name, *_texts(item, "aliases", where)))
    return GoldEntity(name, names, types, _optional(item, where))


def _relation(where: str, item: dict) -> GoldRelation:
    p = _text(item, "p", where, required=True)
    if p not in RELATIONS:
        raise _Bad(f"{where}p {p!r} must be one of {', '.join(RELATIONS)}")
    stance = _text(item, "stance", where)
    if stance is not None and stance not in STANCES:
        raise _Bad(f"{where}stance {stance!r} must be one of {', '.join(STANCES)}")
    s, o = _text(item, "s", where, True), _text(item, "o", where, True)
    assert s is not None and o is not None
    return GoldRelation(s, p, o, stance, _optional(item, where))


def _parse_gold(data: Any) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise _Bad("the file must hold one JSON object")
    fields: dict[str, Any] = {"document": _text(data, "document", "", required=True)}
    for key in ("identifier",):
        fields[key] = _text(data, key, "")
    for key in ("submitted", "answered"):
        fields[key] = _iso(data, key, "")
    fields["asked_by"] = _texts(data, "asked_by", "")
    fields["answered_by"] = _texts(data, "answered_by", "")
    offices = []
    for where, item in _items(data, "offices"):
        person, office = _text(item, "person", where, True), _text(item, "office", where, True)
        assert person is not None and office is not None
        offices.append(GoldOffice(person, office, _optional(item, where)))
    fields["offices"] = tuple(offices)
    fields["entities"] = tuple(_entity(w, i) for w, i in _items(data, "entities"))
    fields["relations"] = tuple(_relation(w, i) for w, i in _items(data, "relations"))
    fields["incidents"] = tuple(
        GoldIncident(
            _texts(item, "about", where),
            _texts(item, "keywords", where),
            _iso(item, "date", where),
            _optional(item, where),
        )
        for where, item in _items(data, "incidents")
    )
    fields["responses"] = tuple(
        GoldResponse(
            _texts(item, "keywords", where), _texts(item, "by", where), _optional(item, where)
        )
        for where, item in _items(data, "responses")
    )
    return fields


def load_gold(path: Path) -> Gold:
    """Read and check one gold file.

    Raises
    ------
    InputError
        E501 when the file is not valid JSON or breaks FORMAT.md, naming file and cause.
    """
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        cause = f"gold file {path} cannot be read ({error})"
        raise InputError("E501", cause, _REMEDY_GOLD) from None
    except json.JSONDecodeError as error:
        cause = f"gold file {path} is not valid JSON ({error.msg} at line {error.lineno})"
        raise InputError("E501", cause, _REMEDY_GOLD) from None
    try:
        fields = _parse_gold(data)
    except _Bad as bad:
        raise InputError("E501", f"gold file {path}: {bad}", _REMEDY_GOLD) from None
    return Gold(path=str(path), **fields)


def load_gold_dir(gold_dir: Path) -> list[Gold]:
    """Every ``*.json`` gold file of a folder, sorted by file name.

    Raises
    ------
    InputError
        E502 when the folder is missing or holds no JSON; E501 for a bad file or two
        files annotating the same document.
    """
    gold_dir = Path(gold_dir)
    paths = sorted(gold_dir.glob("*.json")) if gold_dir.is_dir() else []
    if not paths:
        what = "has no *.json gold files" if gold_dir.is_dir() else "is not a folder"
        raise InputError(
            "E502",
            f"gold folder {gold_dir} {what}",
            "give --gold a folder of gold JSON files (seeds/gold/FORMAT.md)",
        )
    golds: list[Gold] = []
    seen: dict[str, str] = {}
    for path in paths:
        gold = load_gold(path)
        if gold.document in seen:
            cause = f"gold file {path} annotates {gold.document} again (also {seen[gold.document]})"
            raise InputError("E501", cause, "keep one gold file per document")
        seen[gold.document] = str(path)
        golds.append(gold)
    return golds


# --------------------------------------------------------------------------- graph


class _Lit(NamedTuple):
    value: str
    datatype: str


Term = str | _Lit  # an IRI or "_:blank" node, or a literal


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _term(term: Any) -> Term:
    if isinstance(term, ox.Literal):
        return _Lit(term.value, term.datatype.value if term.datatype else "")
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value


def _sort_key(term: Term) -> tuple[int, str, str]:
    return (1, term.value, term.datatype) if isinstance(term, _Lit) else (0, term, "")


def _sorted_index(by_predicate: dict[str, set[Term]]) -> dict[str, list[Term]]:
    return {p: sorted(v, key=_sort_key) for p, v in by_predicate.items()}


class _Graph:
    """The triples indexed by subject and by object, predicates by local name."""

    def __init__(self, triples: Iterable[tuple[Term, str, Term]]) -> None:
        out: dict[Term, dict[str, set[Term]]] = defaultdict(lambda: defaultdict(set))
        inv: dict[Term, dict[str, set[Term]]] = defaultdict(lambda: defaultdict(set))
        for s, p, o in triples:
            local = _local(p)
            out[s][local].add(o)
            if not isinstance(o, _Lit):
                inv[o][local].add(s)
        self._out = {s: _sorted_index(ps) for s, ps in out.items()}
        self._inv = {o: _sorted_index(ps) for o, ps in inv.items()}
        self._names: dict[Term, frozenset[str]] = {}

    def objects(self, s: Term, p: str) -> list[Term]:
        return self._out.get(s, {}).get(p, [])

    def nodes(self, s: Term, p: str) -> list[str]:
        return [o for o in self.objects(s, p) if not isinstance(o, _Lit)]

    def values(self, s: Term, p: str) -> list[str]:
        return [o.value for o in self.objects(s, p) if isinstance(o, _Lit)]

    def subjects(self, p: str, o: Term) -> list[Term]:
        return self._inv.get(o, {}).get(p, [])

    def subjects_with(self, p: str) -> list[Term]:
        return sorted((s for s, ps in self._out.items() if p in ps), key=_sort_key)

    def types(self, s: Term) -> set[str]:
        return {_local(t) for t in self.nodes(s, "type")}

    def names(self, s: Term) -> frozenset[str]:
        if s not in self._names:
            found = {norm(v) for p in _NAME_PROPS for v in self.values(s, p)}
            self._names[s] = frozenset(n for n in found if n)
        return self._names[s]

    def label(self, s: Term) -> str:
        labels = self.values(s, "label")
        return labels[0] if labels else (sorted(self.names(s)) or [_local(str(s))])[0]

    def evidence(self, s: Term) -> list[Term]:
        """The node itself and its selectors: where ``exact``, ``start``, ``end`` may sit."""
        return [s, *self.nodes(s, "textSpan"), *self.nodes(s, "hasSelector")]

    def exacts(self, s: Term) -> list[str]:
        return [v for node in self.evidence(s) for v in self.values(node, "exact")]


def _read_graph(graph_path: Path) -> _Graph:
    graph_path = Path(graph_path)
    if graph_path.is_dir():
        graph_path = graph_path / "graph.ttl"
    if not graph_path.is_file():
        cause = f"no built graph in {graph_path.parent}/"
        raise StoreError("E301", cause, "run kamerkg build first")
    fmt = ox.RdfFormat.from_extension(graph_path.suffix.lstrip(".")) or ox.RdfFormat.TURTLE
    try:
        triples = [
            (_term(q.subject), q.predicate.value, _term(q.object))
            for q in ox.parse(path=str(graph_path), format=fmt, lenient=True)
        ]
    except (SyntaxError, ValueError) as error:
        raise StoreError(
            "E503",
            f"graph {graph_path} cannot be parsed ({error})",
            "rebuild it with kamerkg build",
        ) from None
    except OSError as error:
        raise StoreError(
            "E503",
            f"graph {graph_path} cannot be read ({error})",
            "check the file and rebuild it with kamerkg build",
        ) from None
    return _Graph(triples)


# --------------------------------------------------------------------------- scoring


def _contains(text: str, keywords: tuple[str, ...]) -> bool:
    """Whether the folded ``text`` holds any keyword; no keywords match anything."""
    return not keywords or any(norm(k) in text for k in keywords)


def _overlaps(names: frozenset[str], gold: frozenset[str]) -> bool:
    return not names.isdisjoint(gold)


def _judge(
    predicted: list[Any],
    gold: list[Any],
    matches: Any,
    show_pred: Any,
    show_gold: Any,
    details: dict[str, list[str]],
    what: str,
    candidates: Callable[[Any], Iterable[int]] | None = None,
) -> tuple[Score, dict[int, list[Any]]]:
    """Score predicted items against gold items with optional ones neutral.

    A predicted item matching a non-optional gold item is a hit, one matching only
    optional items is ignored, one matching nothing is a false positive; a
    non-optional gold item matched by nothing is a miss. ``candidates`` (when given)
    narrows the gold indexes ``matches`` is tried on. Returns the score and, per
    gold index, the predicted items that match it.
    """
    found: dict[int, list[Any]] = defaultdict(list)
    hits = fps = 0
    everything = range(len(gold))
    for item in predicted:
        tried = sorted(set(candidates(item))) if candidates else everything
        matched = [i for i in tried if matches(item, gold[i])]
        for i in matched:
            found[i].append(item)
        if any(not gold[i].optional for i in matched):
            hits += 1
        elif not matched:
            fps += 1
            details.setdefault(f"spurious_{what}", []).append(show_pred(item))
    tp = fn = 0
    for i, g in enumerate(gold):
        if g.optional:
            continue
        if found.get(i):
            tp += 1
        else:
            fn += 1
            details.setdefault(f"missed_{what}", []).append(show_gold(g))
    return Score(tp, fps, fn, None if hits == tp else hits), found


class _Ref(NamedTuple):
    """A gold name reference (asked_by, answered_by) as a judgeable item."""

    role: str
    name: str
    optional: bool = False


class _Context:
    """What every figure of one document needs: graph, gold, document node, statements."""

    def __init__(self, graph: _Graph, gold: Gold, doc: str | None, claims: dict) -> None:
        self.g, self.gold, self.doc, self.claims = graph, gold, doc, claims
        self.details: dict[str, list[str]] = {}
        self.figures: dict[str, Figure] = {}
        self._texts: dict[Term, str] = {}
        self.mentioned = [
            n
            for n in (graph.nodes(doc, "mentions") if doc else [])
            if not graph.types(n) & _NOT_ENTITY
        ]

    def note(self, key: str, line: str) -> None:
        self.details.setdefault(key, []).append(line)

    def tied(self, cls: str) -> list[Term]:
        """Nodes of class ``cls`` tied to the document by wasDerivedFrom or mentions."""
        if self.doc is None:
            return []
        g, doc = self.g, self.doc
        nodes = {
            *g.subjects("wasDerivedFrom", doc),
            *g.nodes(doc, "mentions"),
            *g.subjects("mentions", doc),
        }
        return sorted((n for n in nodes if cls in g.types(n)), key=_sort_key)

    def text_of(self, node: Term) -> str:
        """The folded label and evidence of an incident or response, searched for keywords."""
        if node not in self._texts:
            texts = (*self.g.values(node, "label"), *self.g.exacts(node))
            self._texts[node] = " \n ".join(norm(t) for t in texts)
        return self._texts[node]

    def is_ref(self, node: Term, ref: str) -> bool:
        return _overlaps(self.g.names(node), self.gold.names_of(ref))

    # -- figures ----------------------------------------------------------------

    def metadata(self) -> None:
        total = Accuracy()
        for key, local in _METADATA:
            want = getattr(self.gold, key)
            # Dates compare by their day, so an xsd:dateTime of the right day still counts.
            cut = None if key == "identifier" else 10
            values = self.g.values(self.doc, local) if self.doc else []
            have = sorted({v.strip()[:cut] for v in values})
            if self.doc is None:
                ok = False
            elif want is None:
                ok = not have
            else:
                ok = have == [want.strip()]
            if not ok and self.doc is not None:
                shown = ", ".join(have) or "(none)"
                self.note("wrong_metadata", f"{key}: gold {want}, graph {shown}")
            self.figures[f"metadata.{key}"] = Accuracy(int(ok), 1)
            total = total + self.figures[f"metadata.{key}"]
        self.figures["metadata"] = total

    def people(self) -> None:
        total = Score()
        for role, key, refs in (
            ("askedBy", "asked_by", self.gold.asked_by),
            ("answeredBy", "answered_by", self.gold.answered_by),
        ):
            predicted = self.g.nodes(self.doc, role) if self.doc else []
            score, _ = _judge(
                predicted,
                [_Ref(role, r) for r in refs],
                lambda node, ref: self.is_ref(node, ref.name),
                lambda node, role=role: f"{role} {self.g.label(node)}",
                lambda ref: f"{ref.role} {ref.name}",
                self.details,
                "people",
            )
            self.figures[key] = score
            total = total + score
        self.figures["who_asked_whom"] = total

    def _office_names(self, office: Term) -> frozenset[str]:
        if isinstance(office, _Lit):
            return frozenset({norm(office.value)})
        return self.g.names(office) or frozenset({norm(_local(office))})

    def offices(self) -> None:
        g, gold = self.g, self.gold
        people = sorted(
            {
                *self.mentioned,
                *(g.nodes(self.doc, "askedBy") if self.doc else []),
                *(g.nodes(self.doc, "answeredBy") if self.doc else []),
            },
            key=_sort_key,
        )
        # Offices hang on actor nodes shared by all documents, so only persons with a
        # gold office in this document are judged, as memberOf is judged for parties.
        judged = [p for p in people if any(self.is_ref(p, o.person) for o in gold.offices)]
        predicted = [(p, o) for p in judged for o in g.objects(p, "holdsOffice")]
        score, _ = _judge(
            predicted,
            list(gold.offices),
            lambda pair, o: (
                self.is_ref(pair[0], o.person) and norm(o.office) in self._office_names(pair[1])
            ),
            lambda pair: f"{g.label(pair[0])}: {sorted(self._office_names(pair[1]))[0]}",
            lambda o: f"{o.person}: {o.office}",
            self.details,
            "offices",
        )
        self.figures["offices"] = score

    def entities(self) -> None:
        g, gold = self.g, self.gold
        by_name: dict[str, list[int]] = defaultdict(list)
        for i, entity in enumerate(gold.entities):
            for name in entity.names:
                by_name[name].append(i)
        score, found = _judge(
            self.mentioned,
            list(gold.entities),
            lambda node, e: True,  # the candidates share a name already
            g.label,
            lambda e: e.name,
            self.details,
            "entities",
            candidates=lambda node: (i for n in g.names(node) for i in by_name.get(n, ())),
        )
        self.figures["entities"] = score
        types = Accuracy()
        for i, entity in enumerate(gold.entities):
            if entity.optional or not found.get(i):
                continue
            classes = [sorted(g.types(n) & set(ACTOR_TYPES)) for n in found[i]]
            ok = any(c and set(c) <= set(entity.types) for c in classes)
            types = types + Accuracy(int(ok), 1)
            if not ok:
                shown = "; ".join("/".join(c) or "(no class)" for c in classes)
                wanted = "/".join(entity.types)
                self.note("wrong_types", f"{entity.name}: gold {wanted}, graph {shown}")
        self.figures["entity_types"] = types

    def _doc_claims(self, triple: tuple) -> list[Term]:
        return self.claims.get(triple, {}).get(self.doc, [])

    def _stance(self, triple: tuple) -> str | None:
        """The stance of the document's claim on ``triple``; the latest evidence wins."""
        best: tuple[int, str] | None = None
        stance = None
        for node in self._doc_claims(triple):
            for value in self.g.objects(node, "stance"):
                label = value.value if isinstance(value, _Lit) else _local(value)
                starts = [
                    int(v)
                    for e in self.g.evidence(node)
                    for v in self.g.values(e, "start")
                    if v.strip().isdigit()
                ]
                key = (max(starts, default=-1), str(node))
                if best is None or key > best:
                    best, stance = key, label.strip()
        return stance

    def _reified(self, triple: tuple) -> bool:
        """A Statement derived from this document, with stance and evidence offsets."""
        g = self.g
        for node in self._doc_claims(triple):
            if "Statement" not in g.types(node):
                continue
            if triple[1] != "memberOf" and not g.objects(node, "stance"):
                continue
            spans = g.evidence(node)
            exact = any(g.values(e, "exact") for e in spans)
            offsets = any(_offsets(g.values(e, "start"), g.values(e, "end")) for e in spans)
            if exact and offsets:
                return True
        return False

    def relations(self, index: _RelationIndex) -> None:
        gold = self.gold
        predicted: set[tuple] = set()
        if self.doc is not None:
            predicted = index.claimed.get(self.doc, set()) & index.direct
            mentioned = set(self.mentioned)
            # A direct triple that no claim ties to any document belongs to each
            # document that mentions both its ends.
            predicted |= {
                t for s in mentioned for t in index.unclaimed.get(s, []) if t[2] in mentioned
            }
        ordered = sorted(predicted)
        reified = Accuracy()
        for triple in ordered:
            ok = self._reified(triple)
            reified = reified + Accuracy(int(ok), 1)
            if not ok:
                self.note("unreified_relations", self._show(triple))
        self.figures["relations_reified"] = reified

        partied = [r.s for r in gold.relations if r.p == "memberOf"]
        judged = [
            t for t in ordered if t[1] != "memberOf" or any(self.is_ref(t[0], s) for s in partied)
        ]
        score, found = _judge(
            judged,
            list(gold.relations),
            lambda t, r: t[1] == r.p and self.is_ref(t[0], r.s) and self.is_ref(t[2], r.o),
            self._show,
            str,
            self.details,
            "relations",
        )
        self.figures["relations"] = score
        # The same judgement split by predicate, so a report shows which kind of
        # relation is weak; the misses are already listed above.
        for pred in _PREDICATES:
            self.figures[f"relations.{pred}"], _ = _judge(
                [t for t in judged if t[1] == pred],
                [r for r in gold.relations if r.p == pred],
                lambda t, r: self.is_ref(t[0], r.s) and self.is_ref(t[2], r.o),
                self._show,
                str,
                {},
                "relations",
            )
        stances = Accuracy()
        for i, rel in enumerate(gold.relations):
            if rel.optional or rel.p == "memberOf" or rel.stance is None or not found.get(i):
                continue
            seen = [self._stance(t) for t in found[i]]
            ok = rel.stance in seen
            stances = stances + Accuracy(int(ok), 1)
            if not ok:
                shown = ", ".join(s or "(none)" for s in seen)
                self.note("wrong_stances", f"{rel}: gold {rel.stance}, graph {shown}")
        self.figures["stances"] = stances

    def _show(self, triple: tuple) -> str:
        return f"{self.g.label(triple[0])} {triple[1]} {self.g.label(triple[2])}"

    def incidents(self) -> None:
        g = self.g

        def matches(node: Term, inc: GoldIncident) -> bool:
            involved = g.nodes(node, "involves")
            if inc.about and all(any(self.is_ref(n, a) for n in involved) for a in inc.about):
                return True
            text = self.text_of(node)
            if inc.keywords and _contains(text, inc.keywords):
                return True
            return not inc.about and not inc.keywords

        gold = list(self.gold.incidents)
        score, found = _judge(
            self.tied("Incident"), gold, matches, g.label, str, self.details, "incidents"
        )
        self.figures["incidents"] = score
        dates = Accuracy()
        for i, inc in enumerate(gold):
            if inc.optional or inc.date is None or not found.get(i):
                continue
            seen = sorted({v.strip()[:10] for n in found[i] for v in g.values(n, "date")})
            ok = inc.date in seen
            dates = dates + Accuracy(int(ok), 1)
            if not ok:
                self.note(
                    "wrong_incident_dates",
                    f"{inc}: gold {inc.date}, graph {', '.join(seen) or '(none)'}",
                )
        self.figures["incident_dates"] = dates

    def responses(self) -> None:
        g = self.g
        gold = list(self.gold.responses)
        score, found = _judge(
            self.tied("StateResponse"),
            gold,
            lambda node, r: _contains(self.text_of(node), r.keywords),
            g.label,
            str,
            self.details,
            "responses",
        )
        self.figures["responses"] = score
        by = Accuracy()
        for i, resp in enumerate(gold):
            if resp.optional or not resp.by or not found.get(i):
                continue
            takers = [t for n in found[i] for t in g.nodes(n, "takenBy")]
            ok = any(self.is_ref(t, ref) for t in takers for ref in resp.by)
            by = by + Accuracy(int(ok), 1)
            if not ok:
                shown = ", ".join(sorted({g.label(t) for t in takers})) or "(none)"
                self.note("wrong_response_by", f"{resp}: graph takenBy {shown}")
        self.figures["response_by"] = by


def _offsets(starts: list[str], ends: list[str]) -> bool:
    """One start and one end, both non-negative integers in order."""
    if len(starts) != 1 or len(ends) != 1:
        return False
    start, end = starts[0].strip(), ends[0].strip()
    return start.isdigit() and end.isdigit() and int(start) <= int(end)


class _RelationIndex:
    """Claims and direct relation triples of the whole graph, indexed once.

    ``claims``: (subject, relation, object) -> document -> reification nodes derived
    from it; ``claimed``: document -> its claimed triples; ``direct``: every direct
    relation triple; ``unclaimed``: subject -> direct triples no claim ties to a document.
    """

    def __init__(self, graph: _Graph) -> None:
        claims: dict[tuple, dict[str, list[Term]]] = defaultdict(lambda: defaultdict(list))
        for node in graph.subjects_with("predicate"):
            preds = [_local(p) for p in graph.nodes(node, "predicate")]
            preds = [p for p in preds if p in RELATIONS]
            for s in graph.nodes(node, "subject"):
                for o in graph.nodes(node, "object"):
                    for p in preds:
                        for doc in graph.nodes(node, "wasDerivedFrom"):
                            claims[(s, p, o)][doc].append(node)
        self.claims = {t: dict(docs) for t, docs in claims.items()}
        self.claimed: dict[str, set[tuple]] = defaultdict(set)
        for triple, docs in self.claims.items():
            for doc in docs:
                self.claimed[doc].add(triple)
        self.direct: set[tuple] = set()
        self.unclaimed: dict[Term, list[tuple]] = defaultdict(list)
        for relation in RELATIONS:
            for s in graph.subjects_with(relation):
                for o in graph.nodes(s, relation):
                    self.direct.add((s, relation, o))
                    if (s, relation, o) not in self.claims:
                        self.unclaimed[s].append((s, relation, o))


def _document_nodes(graph: _Graph) -> dict[str, str]:
    """File name -> Document node (the first in IRI order when several claim it)."""
    nodes: dict[str, str] = {}
    for node in graph.subjects_with("source"):
        if "Document" not in graph.types(node) or isinstance(node, _Lit):
            continue
        for source in graph.values(node, "source"):
            nodes.setdefault(PurePath(source.strip()).name, node)
    return nodes


def evaluate(graph_path: Path, gold_dir: Path) -> Report:
    """Score the built graph against every gold file of ``gold_dir``.

    Parameters
    ----------
    graph_path : Path
        The written graph (``out/graph.ttl``, the union of all documents); a folder
        means its ``graph.ttl``. Turtle, or another RDF format by file extension.
    gold_dir : Path
        A folder of ``*.json`` gold files (``seeds/gold/FORMAT.md``).

    Returns
    -------
    Report
        Per-document figures and details, with micro-averaged ``totals``.

    Raises
    ------
    StoreError
        E301 when the graph file is missing, E503 when it cannot be parsed.
    InputError
        E502 for a gold folder without JSON, E501 for a malformed gold file.
    """
    golds = load_gold_dir(Path(gold_dir))
    graph = _read_graph(Path(graph_path))
    index = _RelationIndex(graph)
    doc_nodes = _document_nodes(graph)
    scores = []
    for gold in golds:
        doc = doc_nodes.get(PurePath(gold.document).name)
        ctx = _Context(graph, gold, doc, index.claims)
        ctx.metadata()
        ctx.people()
        ctx.offices()
        ctx.entities()
        ctx.relations(index)
        ctx.incidents()
        ctx.responses()
        if doc is None:
            ctx.note("missing_document", f"{gold.document} has no Document node in the graph")
        details = {k: sorted(set(v)) for k, v in sorted(ctx.details.items())}
        scores.append(DocumentScore(gold.document, doc is not None, ctx.figures, details, doc))
    return Report(str(graph_path), str(gold_dir), scores)


# --------------------------------------------------------------------------- output


def _row(name: str, fig: Figure) -> str:
    if isinstance(fig, Score):
        counts = f"tp {fig.tp} fp {fig.fp} fn {fig.fn}"
        if fig.matched != fig.tp:
            counts += f" (tp_pred {fig.matched})"
        prf = f"{fig.precision:>10.3f}{fig.recall:>8.3f}{fig.f1:>8.3f}"
        return f"  {name:<26}{prf}{'':>10}  {counts}"
    return f"  {name:<26}{'':>26}{fig.value:>10.3f}  {fig.correct}/{fig.total}"


def _block(title: str, figures: dict[str, Figure]) -> list[str]:
    header = f"  {'figure':<26}{'precision':>10}{'recall':>8}{'f1':>8}{'accuracy':>10}  counts"
    return [title, header, *(_row(name, figures[name]) for name in FIGURES)]


def format_report(report: Report, *, per_document: bool = True) -> str:
    """A readable table: one block per document (optional), then the totals.

    Every figure shows 3 decimals and the counts behind it (tp/fp/fn, correct/total).
    """
    lines = [
        f"graph {report.graph} against gold {report.gold_dir}: "
        f"{len(report.documents)} documents, {len(report.missing)} missing from the graph"
    ]
    if per_document:
        for doc in report.documents:
            title = doc.document + ("" if doc.found else "  (MISSING from the graph)")
            lines += ["", *_block(title, doc.figures)]
    lines += [
        "",
        *_block(f"TOTAL (micro-averaged over {len(report.documents)} documents)", report.totals),
    ]
    if report.missing:
        lines += ["", "missing documents: " + ", ".join(report.missing)]
    return "\n".join(lines)


def format_details(report: Report) -> str:
    """Misses and false positives per document (for ``kamerkg eval --details``)."""
    lines: list[str] = []
    for doc in report.documents:
        if not doc.details:
            continue
        lines += ["", f"{doc.document}:"]
        for key, items in doc.details.items():
            lines.append(f"  {key.replace('_', ' ')} ({len(items)}):")
            lines += [f"    - {item}" for item in items]
    return "\n".join(lines) if lines else "no misses and no false positives"
