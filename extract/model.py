"""The one contract between ``extract/`` and ``graph/``: plain data, no RDF.

Every offset is a character offset into ``Document.text`` (the clean text made by
``extract.read``), so that ``text[start:end]`` always gives back the evidence.

Examples
--------
>>> doc = Document(source="a.txt", text="Vraag 1 Kent u APT31?")
>>> doc.slice(Span(15, 20))
'APT31'
"""

from __future__ import annotations

import bisect
import operator
from dataclasses import dataclass, field
from datetime import date

__all__ = [
    "ACTOR_TYPES",
    "RELATIONS",
    "STANCES",
    "Actor",
    "Claim",
    "Document",
    "Extraction",
    "Footnote",
    "Incident",
    "Mention",
    "Notice",
    "Office",
    "Part",
    "Participant",
    "Response",
    "Span",
]

#: The seven actor classes of the public vocabulary (FORMAT.md).
ACTOR_TYPES = (
    "Person",
    "PoliticalParty",
    "GovernmentBody",
    "Company",
    "ThreatActor",
    "Country",
    "Organisation",
)

#: Relations between actors; ``memberOf`` carries no stance.
RELATIONS = ("memberOf", "attributedTo", "affiliatedWith", "targeted", "uses")

#: Stances of a claim, from strongest to weakest commitment of the text.
STANCES = ("asserted", "reported", "unconfirmed", "denied")


@dataclass(frozen=True, order=True)
class Span:
    """A half-open character range ``[start, end)`` in the document text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"E001 bad span [{self.start}, {self.end})")


@dataclass
class Participant:
    """A person named in the header as asking or answering.

    ``name`` is the form the header gives ("W.B. Hoekstra", "Van der Staaij");
    ``party`` and ``office`` are the surface strings stated next to it, if any.
    """

    name: str
    span: Span | None = None
    party: str | None = None
    office: str | None = None


@dataclass
class Part:
    """A numbered question, an answer, or another block of the document.

    ``kind`` is ``question``, ``answer``, ``notice``, ``header``, ``body`` or
    ``footnotes``. For an answer, ``covers`` lists the question numbers it answers
    ("Antwoord op vraag 4 t/m 8" covers 4..8) and ``refers_to`` the question numbers
    whose answers it points to ("Zie antwoord op vraag 3").
    """

    kind: str
    span: Span
    number: int | None = None
    covers: tuple[int, ...] = ()
    refers_to: tuple[int, ...] = ()


@dataclass
class Footnote:
    """A footnote or endnote: a cited source where the text gives one."""

    label: str
    span: Span
    text: str
    outlet: str | None = None
    title: str | None = None
    date: date | None = None
    url: str | None = None


@dataclass
class Notice:
    """A notice that the answer is delayed ("Mededeling"), with who sent it if named."""

    span: Span
    date: date | None = None
    by: list[Participant] = field(default_factory=list)


@dataclass
class Document:
    """A document after ``read`` and ``layout``: metadata plus located parts."""

    source: str
    text: str
    genre: str = "unknown"
    identifier: str | None = None
    title: str | None = None
    submitted: date | None = None
    answered: date | None = None
    asked_by: list[Participant] = field(default_factory=list)
    answered_by: list[Participant] = field(default_factory=list)
    parts: list[Part] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def slice(self, span: Span) -> str:
        return self.text[span.start : span.end]

    @property
    def days_to_answer(self) -> int | None:
        if self.submitted and self.answered:
            return (self.answered - self.submitted).days
        return None

    def part_at(self, offset: int) -> int | None:
        """Index in ``parts`` of the innermost part holding ``offset``."""
        spans = tuple(map(_SPAN_OF, self.parts))
        # Claims and events ask once per sentence: answer from the last document's
        # table of the stretches between part borders.
        if _LAST_PARTS[0] != spans:
            borders = sorted({s.start for s in spans} | {s.end for s in spans})
            _LAST_PARTS[:] = [spans, borders, [_innermost(spans, b) for b in borders]]
        borders = _LAST_PARTS[1]
        k = bisect.bisect_right(borders, offset) - 1
        return _LAST_PARTS[2][k] if k >= 0 else None


_SPAN_OF = operator.attrgetter("span")
_LAST_PARTS: list = [None, [], []]


def _innermost(spans: tuple[Span, ...], offset: int) -> int | None:
    best: int | None = None
    for i, span in enumerate(spans):
        inside = span.start <= offset < span.end
        if inside and (best is None or span.start >= spans[best].start):
            best = i
    return best


@dataclass
class Mention:
    """One occurrence of an actor name in the text, as the NLP step found it."""

    span: Span
    text: str
    label: str
    source: str = "rule"  # "rule", "model", "header" or "pattern"
    actor_id: str | None = None


@dataclass
class Office:
    """An office a person holds, as stated in the document."""

    label: str
    span: Span | None = None


@dataclass
class Actor:
    """One real actor of the document, with every surface form it was seen under.

    ``id`` is the slug of the canonical name; ``graph/`` builds the IRI from it, so
    two documents naming the same actor meet in one node.
    """

    id: str
    label: str
    type: str
    aliases: set[str] = field(default_factory=set)
    mentions: list[Span] = field(default_factory=list)
    offices: list[Office] = field(default_factory=list)
    #: False for an actor only implied ("het Russische bedrijf X" implies Rusland): it
    #: anchors claims but the document does not name it, so it is not among its mentions.
    named: bool = True

    def names(self) -> list[str]:
        return sorted({self.label, *self.aliases})


@dataclass
class Claim:
    """A relation between two actors with its stance and its evidence.

    ``evidence`` is the sentence span; ``doc.slice(evidence)`` is the evidence text.
    ``reported_by`` is the id of the actor the text names as source, and
    ``report_source`` the cue phrase when the source is no actor ("in de media").
    """

    subject: str
    relation: str
    object: str
    evidence: Span
    stance: str = "asserted"
    cue: str | None = None
    reported_by: str | None = None
    report_source: str | None = None
    part: int | None = None


@dataclass
class Incident:
    """An event the text describes: a leak, a cyber attack, an arrest."""

    kind: str
    label: str
    evidence: Span
    trigger: str
    actors: list[str] = field(default_factory=list)
    date: date | None = None
    part: int | None = None


@dataclass
class Response:
    """A state response: a measure, statement, sanction or attribution.

    ``responds_to`` holds indexes into ``Extraction.incidents`` and
    ``answers_actors`` the ids of actors the response is aimed at.
    """

    kind: str
    label: str
    evidence: Span
    trigger: str
    by: list[str] = field(default_factory=list)
    responds_to: list[int] = field(default_factory=list)
    aimed_at: list[str] = field(default_factory=list)
    date: date | None = None
    part: int | None = None


@dataclass
class Extraction:
    """Everything ``extract/`` found in one document."""

    document: Document
    actors: list[Actor] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    incidents: list[Incident] = field(default_factory=list)
    responses: list[Response] = field(default_factory=list)
    asked_by: list[str] = field(default_factory=list)
    answered_by: list[str] = field(default_factory=list)

    def actor(self, actor_id: str) -> Actor | None:
        for actor in self.actors:
            if actor.id == actor_id:
                return actor
        return None
