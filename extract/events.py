"""Incidents (leaks, attacks, arrests) and state responses (sanctions, statements).

Triggers are data: ``lexicons/incident_triggers.csv`` (regex, kind, case) with
``incident_hedges.csv`` (words before a trigger that make it hypothetical:
"mogelijke cyberaanvallen", "risico's op spionage", or generic: "betrokken bij
cyberaanvallen"), ``incident_denials.csv`` (a denial earlier in the sentence: "geen
aanwijzingen dat ... aangevallen"), and
``lexicons/response_triggers.csv`` (regex, kind) with ``response_hypothetical.csv``
(question wording that makes a measure asked about rather than taken) and
``response_takers.csv`` ("ik", "wij", "het kabinet": the answering minister).

An incident is tied to the actors in its sentence (or, when the sentence names
none, to those of the question it sits in or answers), dated from the sentence
against the document date, and merged with earlier incidents of the same kind
and the same actors (or the same named leak). A response records who took it
(the agent after "door", the sentence's first actor outside a prepositional
phrase, or the answering minister for "ik"/"het kabinet"), what it is aimed at,
and the incidents of its part (or of the questions its answer covers).

Examples
--------
>>> from kamerkg.extract.model import Actor, Document, Mention, Part, Span
>>> text = "Op 3 mei 2023 werd Ruritanië getroffen door een cyberaanval."
>>> doc = Document(source="a.txt", text=text, parts=[Part("body", Span(0, len(text)))])
>>> actors = [Actor("ruritanie", "Ruritanië", "Country")]
>>> mentions = [Mention(Span(19, 28), "Ruritanië", "GPE", actor_id="ruritanie")]
>>> [(i.kind, i.actors, str(i.date)) for i in extract_incidents(doc, actors, mentions, [])]
[('cyberattack', ['ruritanie'], '2023-05-03')]
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib.resources import files

from kamerkg.extract.ids import fold
from kamerkg.extract.model import Actor, Document, Incident, Mention, Response, Span

from .claims import (
    ActorSlot,
    actor_slots,
    adjective_country_before,
    country_index,
    slots_within,
)
from .sentences import clause_around, sentence_units, units_to_scan
from .stance import answers_for

__all__ = ["extract_incidents", "extract_responses"]

_PREPOSITION = re.compile(
    r"\b(?:in|over|van|tegen|op|met|aan|naar|uit|bij|voor|namens|binnen|tussen|zoals|via|richting|jegens)"
    r"\s+(?:de\s+|het\s+|een\s+|deze\s+|die\s+)?(?:(?!die\b|dat\b)(?-i:[a-zà-ÿ][\w-]*)\s+){0,2}$",
    re.IGNORECASE,
)
_AIM = re.compile(
    r"\b(?:tegen|aan|jegens|richting|met)\s+(?:de\s+|het\s+)?(?:[\w-]+\s+){0,1}$", re.IGNORECASE
)
_AGENT_AFTER = re.compile(r"^\s+(?:van|door)\s+(?:de\s+|het\s+)?$", re.IGNORECASE)
_DOOR_AFTER = re.compile(r"^\s+door\s+(?:de\s+|het\s+)?$", re.IGNORECASE)
_DOOR = re.compile(r"\bdoor\s+(?:de\s+|het\s+)?$", re.IGNORECASE)
# "over het verzamelen van gegevens", "door het hacken van": an activity, not an event.
_NOMINAL_INFINITIVE = re.compile(
    r"\b(?:over|omtrent|tegen|door|voor|van|naar|inzake|betreffende|rond|op)\s+het\s+$",
    re.IGNORECASE,
)
# "de aanslag", "deze aanval" with no complement: the event named before.
_DEFINITE = re.compile(r"\b(?:de|het|deze|dit|die|dat)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
_COMPLEMENT = re.compile(r"\s+(?:van|op|tegen|bij|in|door|aan)\b", re.IGNORECASE)
_CLAUSE_CUT = re.compile(r"[;:]|\b(?:dat|omdat|nadat|waarna|toen|terwijl)\b", re.IGNORECASE)
_NEGATED = re.compile(r"\b(?:geen|niet)\b[^,.;]{0,60}$", re.IGNORECASE)
#: How far (characters) a date may sit from the trigger it dates.
DATE_WINDOW = 75
_TAKER_TYPES = ("GovernmentBody", "Country", "Person", "Organisation", "PoliticalParty")


@dataclass(frozen=True)
class _Pattern:
    pattern: re.Pattern[str]
    kind: str
    # A weak cue ("versterkt", "opgericht") counts only with an actor taking it.
    strict: bool = False


def _spaced(pattern: str) -> str:
    """A space in a lexicon pattern matches any white space: layout text breaks lines."""
    return pattern.replace(" ", r"\s+")


def _rows(name: str) -> list[dict[str, str]]:
    path = files("kamerkg.extract") / "lexicons" / name
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@lru_cache(maxsize=1)
def _incident_triggers() -> tuple[_Pattern, ...]:
    return tuple(
        _Pattern(
            re.compile(_spaced(r["pattern"]), 0 if r.get("case") == "s" else re.IGNORECASE),
            r["kind"],
        )
        for r in _rows("incident_triggers.csv")
    )


@lru_cache(maxsize=1)
def _families() -> dict[str, str]:
    """Incident kinds that can name one event ("hack", "cyberaanval", "inbraak")."""
    return {r["kind"]: r["family"] for r in _rows("incident_families.csv")}


@lru_cache(maxsize=1)
def _yes_no() -> re.Pattern[str]:
    return re.compile(
        "|".join(f"(?:{_spaced(r['pattern'])})" for r in _rows("incident_yesno.csv")), re.IGNORECASE
    )


def _asks_whether(document: Document, part: int | None, sentence: str) -> bool:
    """A question sentence opening "Zijn er ...", "Is er ...": no event stated."""
    if part is None or document.parts[part].kind != "question":
        return False
    return bool(_yes_no().match(sentence.lstrip()))


@lru_cache(maxsize=1)
def _response_triggers() -> tuple[_Pattern, ...]:
    return tuple(
        _Pattern(
            re.compile(_spaced(r["pattern"]), re.IGNORECASE),
            r["kind"],
            (r.get("strict") or "") == "y",
        )
        for r in _rows("response_triggers.csv")
    )


@lru_cache(maxsize=1)
def _hedges() -> re.Pattern[str]:
    return re.compile(
        "|".join(f"(?:{_spaced(r['pattern'])})" for r in _rows("incident_hedges.csv")),
        re.IGNORECASE,
    )


@lru_cache(maxsize=1)
def _denials() -> re.Pattern[str]:
    return re.compile(
        "|".join(f"(?:{_spaced(r['pattern'])})" for r in _rows("incident_denials.csv")),
        re.IGNORECASE,
    )


@lru_cache(maxsize=1)
def _hypothetical() -> re.Pattern[str]:
    return re.compile(
        "|".join(f"(?:{_spaced(r['pattern'])})" for r in _rows("response_hypothetical.csv")),
        re.IGNORECASE,
    )


@lru_cache(maxsize=1)
def _takers() -> re.Pattern[str]:
    return re.compile(
        "|".join(f"(?:{_spaced(r['pattern'])})" for r in _rows("response_takers.csv")),
        re.IGNORECASE,
    )


def _reference_date(document: Document) -> date | None:
    if document.answered or document.submitted:
        return document.answered or document.submitted
    found = [d for _, d in _find_dates(document.text, None)]
    return max(found) if found else None


def _find_dates(text: str, reference: date | None) -> list[tuple[Span, date]]:
    try:
        from .dates import find_dates
    except ImportError:  # pragma: no cover - the dates module ships with layout
        return []
    try:
        return find_dates(text, reference=reference)
    except (OSError, ValueError, KeyError):
        return []


def _date_near(text: str, unit: Span, pos: int, reference: date | None) -> date | None:
    found = _find_dates(text[unit.start : unit.end], reference)
    if not found:
        return None

    def gap(found_span: Span) -> int:
        start, end = unit.start + found_span.start, unit.start + found_span.end
        return max(start - pos, pos - end, 0)

    def same_clause(found_span: Span) -> bool:
        start, end = unit.start + found_span.start, unit.start + found_span.end
        between = text[end:pos] if end <= pos else text[pos:start]
        return not _CLAUSE_CUT.search(between)

    # "In 2019 stelde het kabinet vast dat ... de liquidaties": that date is the finding's.
    near = [f for f in found if gap(f[0]) <= DATE_WINDOW and same_clause(f[0])]
    if not near:
        return None
    return min(near, key=lambda f: (gap(f[0]), f[0].start))[1]


def _slots_in(slots: Sequence[ActorSlot], span: Span) -> list[ActorSlot]:
    return slots_within(slots, span)


def _question_parts(document: Document, part: int | None) -> list[int]:
    """The question itself, or the questions an answer covers."""
    if part is None:
        return []
    kind = document.parts[part].kind
    if kind == "question":
        return [part]
    if kind == "answer":
        return [
            i
            for i, p in enumerate(document.parts)
            if p.kind == "question" and part in answers_for(document, i)
        ]
    return []


def _ids(slots: Sequence[ActorSlot]) -> list[str]:
    return sorted({s.actor_id for s in slots})


def extract_incidents(
    document: Document,
    actors: Sequence[Actor],
    mentions: Sequence[Mention],
    sentences: Sequence[Span],
) -> list[Incident]:
    """Events the text describes, one per real event.

    Parameters
    ----------
    document : Document
        The laid-out document.
    actors, mentions : sequences
        Resolved actors and their mentions (``actor_id`` set).
    sentences : sequence of Span
        Sentence spans; empty means split here.

    Returns
    -------
    list of Incident
        In order of first evidence. Incidents that name no actor are kept only
        when the trigger is itself a name ("Xinjiang Police Files").
    """
    try:
        return _incidents(document, actors, mentions, sentences)
    except (re.error, KeyError, ValueError, IndexError):
        return []


def _incidents(document, actors, mentions, sentences) -> list[Incident]:
    text = document.text
    slots = actor_slots(document, actors, mentions)
    countries = country_index(actors)
    reference = _reference_date(document)
    families = _families()
    # Two mentions of one kind sharing a person, company or threat actor are one event.
    core = {a.id for a in actors if a.type in ("Person", "Company", "ThreatActor")}
    bystanders = _participant_ids(document, actors) | {
        a.id for a in actors if a.type == "PoliticalParty"
    }
    merged: dict[int, Incident] = {}
    order: list[int] = []
    units = sentence_units(document, sentences)
    triggers = _incident_triggers()
    plan = units_to_scan(text, units, [t.pattern for t in triggers])
    for index, unit in enumerate(units):
        taken: list[tuple[int, int]] = []
        part = document.part_at(unit.start)
        previous = units[index - 1] if index else None
        if previous is not None and document.part_at(previous.start) != part:
            previous = None
        if _asks_whether(document, part, text[unit.start : unit.end]):
            # "Zijn er kabels beschadigd geraakt?": asks whether anything happened.
            continue
        for trig in (triggers[i] for i in plan[index]):
            for m in trig.pattern.finditer(text, unit.start, unit.end):
                if any(m.start() < b and a < m.end() for a, b in taken):
                    continue
                if _hedges().search(text[max(unit.start, m.start() - 40) : m.start()]):
                    continue
                # "Er zijn geen aanwijzingen dat X is aangevallen": no event.
                if _denials().search(text, unit.start, m.start()):
                    continue
                before = text[max(unit.start, m.start() - 30) : m.start()]
                first_word = m.group(0).split()[0] if m.group(0).split() else ""
                if first_word.lower().endswith("en") and _NOMINAL_INFINITIVE.search(before):
                    continue
                taken.append((m.start(), m.end()))
                named = trig.pattern.flags & re.IGNORECASE == 0
                inside = _slots_in(slots, unit)
                if part is not None and document.parts[part].kind == "header":
                    # A header names who asks and answers; they are not in the event.
                    inside = [s for s in inside if s.actor_id not in bystanders]
                adj = adjective_country_before(text, m.start(), countries)
                own = set(_ids(inside)) | ({adj.actor_id} if adj else set())
                family = families.get(trig.kind, trig.kind)
                anaphor = trig.kind == "anaphor" or (
                    not named and _anaphoric(text, m.start(), m.end(), before)
                )
                # Victim and perpetrator often sit in the sentence before or in the
                # question an answer covers: "X werd getroffen. De aanval ...".
                context: set[str] = set()
                if len(own) < 2 or anaphor:
                    if previous is not None:
                        context |= set(_ids(_slots_in(slots, previous)))
                    for q in _question_parts(document, part):
                        context |= set(_ids(_slots_in(slots, document.parts[q].span)))
                    context -= bystanders
                ids = own | context
                when = _date_near(text, unit, m.start(), reference)
                if trig.kind == "anaphor":
                    # "dit incident": the latest event, whatever its kind.
                    same = order[-1] if order else None
                    if same is None:
                        continue
                else:
                    if not ids and not named:
                        continue
                    same = _same_event(
                        merged,
                        order,
                        family,
                        own or ids,
                        fold(m.group(0)) if named else None,
                        core,
                        when,
                        families,
                    )
                    if same is None and anaphor:
                        same = next(
                            (
                                k
                                for k in reversed(order)
                                if families.get(merged[k].kind, merged[k].kind) == family
                            ),
                            None,
                        )
                if same is not None:
                    # One incident per real event: widen its actors, keep the first date found.
                    merged[same].actors = sorted(set(merged[same].actors) | ids)
                    if merged[same].date is None and when is not None:
                        merged[same].date = when
                    continue
                label = m.group(0) if named else clause_around(text, m.start(), m.end())
                key = len(order)
                merged[key] = Incident(
                    kind=trig.kind,
                    label=label,
                    evidence=unit,
                    trigger=m.group(0),
                    actors=sorted(ids),
                    date=when,
                    part=part,
                )
                order.append(key)
    return [merged[k] for k in order]


def _same_event(
    merged: dict[int, Incident],
    order: list[int],
    family: str,
    ids: set[str],
    name: str | None,
    core: set[str] = frozenset(),
    when: date | None = None,
    families: dict[str, str] | None = None,
) -> int | None:
    """The earlier incident this one repeats: same name, or same family and nested actors.

    Two dated mentions with different dates are different events ("de liquidaties
    van 2015 en 2017").
    """
    families = families or {}
    for key in order:
        incident = merged[key]
        if name is not None:
            if fold(incident.trigger) == name:
                return key
            continue
        if families.get(incident.kind, incident.kind) != family or not ids:
            continue
        if when is not None and incident.date is not None and when != incident.date:
            continue
        known = set(incident.actors)
        if known and (ids <= known or known <= ids or ids & known & core):
            return key
    return None


def _anaphoric(text: str, start: int, end: int, before: str) -> bool:
    """A definite singular trigger without complement ("de aanslag") names an earlier event."""
    word = text[start:end]
    plural = word.lower().endswith(("en", "s")) and not word.lower().endswith("ies")
    return (
        bool(_DEFINITE.search(before)) and not plural and not _COMPLEMENT.match(text, end, end + 12)
    )


def _participant_ids(document: Document, actors: Sequence[Actor]) -> set[str]:
    """Ids of the persons the header names as asking or answering."""
    names = {fold(p.name) for p in [*document.asked_by, *document.answered_by] if p.name}
    lasts = {n.split()[-1] for n in names if n.split()}
    return {
        a.id
        for a in actors
        if a.type == "Person"
        and ({fold(n) for n in a.names()} & names or (fold(a.label).split() or [""])[-1] in lasts)
    }


def _answering_ids(document: Document, actors: Sequence[Actor]) -> list[str]:
    names = {fold(p.name) for p in document.answered_by}
    out = []
    for actor in sorted(actors, key=lambda a: a.id):
        if actor.type == "Person" and names & {fold(n) for n in actor.names()}:
            out.append(actor.id)
    if out:
        return out
    # Header names are often short ("W.B. Hoekstra"): match on the last word.
    lasts = {n.split()[-1] for n in names if n.split()}
    return [
        a.id
        for a in sorted(actors, key=lambda a: a.id)
        if a.type == "Person" and fold(a.label).split()[-1:] and fold(a.label).split()[-1] in lasts
    ]


def _takers_of(
    text: str,
    unit: Span,
    start: int,
    end: int,
    inside: Sequence[ActorSlot],
    countries: dict[str, str],
    minister: list[str],
    kind: str = "",
) -> list[str]:
    # 1. A nationality adjective on a nominal trigger: "de Britse verklaring"
    #    ("de Chinese ambassadeur" is the one addressed, not the one acting).
    adj = adjective_country_before(text, start, countries) if kind != "diplomatic" else None
    if adj:
        return [adj.actor_id]
    # 2. The agent right after a nominal trigger: "attributie door het kabinet",
    #    "aantijgingen van de VS".
    after = [s for s in inside if s.start >= end]
    # "de ambassadeur van Iran": the one addressed, not the one acting.
    agent_after = _DOOR_AFTER if kind == "diplomatic" else _AGENT_AFTER
    if after and agent_after.match(text[end : after[0].start] or " "):
        return [after[0].actor_id]
    # 3. A passive agent anywhere in the sentence: "door de VS geïnformeerd".
    agents = [s for s in inside if _DOOR.search(text[max(unit.start, s.start - 12) : s.start])]
    if agents:
        return [agents[0].actor_id]
    # 4. The first actor outside a prepositional phrase, before the trigger first.
    free = [
        s
        for s in inside
        if s.type in _TAKER_TYPES
        and s.via == "mention"
        and not _PREPOSITION.search(text[max(unit.start, s.start - 40) : s.start])
    ]
    ahead = [s for s in free if s.end <= start]
    # "..., en dat het VK het gebruik heeft stopgezet": the subject of the trigger's clause.
    local = [s for s in ahead if not _CLAUSE_CUT.search(text[s.end : start])]
    if local:
        return [local[0].actor_id]
    if kind == "diplomatic":
        # "De ambassadeur is uitgenodigd op het ministerie van Buitenlandse Zaken".
        bodies = [s for s in inside if s.type == "GovernmentBody"]
        if bodies:
            return [bodies[0].actor_id]
    if ahead:
        return [ahead[0].actor_id]
    # 5. "ik", "wij", "het kabinet" with no actor standing for them: the answering minister.
    if minister and _takers().search(text, unit.start, unit.end):
        return list(minister)
    if free:
        return [free[0].actor_id]
    # 6. A body the sentence places the act in: "een meerderheid in de Tweede Kamer".
    bodies = [s for s in inside if s.type == "GovernmentBody" and s.end <= start]
    if bodies:
        return [bodies[0].actor_id]
    return []


def extract_responses(
    document: Document,
    actors: Sequence[Actor],
    mentions: Sequence[Mention],
    sentences: Sequence[Span],
    incidents: Sequence[Incident],
) -> list[Response]:
    """State responses with who took them, what they answer and whom they aim at.

    Parameters
    ----------
    document : Document
        The laid-out document.
    actors, mentions : sequences
        Resolved actors and their mentions.
    sentences : sequence of Span
        Sentence spans; empty means split here.
    incidents : sequence of Incident
        From :func:`extract_incidents`; ``responds_to`` indexes into it.

    Returns
    -------
    list of Response
        In text order. Measures asked about in questions ("Bent u bereid
        maatregelen te nemen?") and negated ones ("geen aanleiding om een
        onderzoek in te stellen") are left out.
    """
    try:
        return _responses(document, actors, mentions, sentences, incidents)
    except (re.error, KeyError, ValueError, IndexError):
        return []


def _responses(document, actors, mentions, sentences, incidents) -> list[Response]:
    text = document.text
    slots = actor_slots(document, actors, mentions)
    countries = country_index(actors)
    reference = _reference_date(document)
    minister = _answering_ids(document, actors)
    out: list[Response] = []
    units = sentence_units(document, sentences)
    triggers = _response_triggers()
    plan = units_to_scan(text, units, [t.pattern for t in triggers])
    for unit, scan in zip(units, plan, strict=True):
        part = document.part_at(unit.start)
        is_question = part is not None and document.parts[part].kind == "question"
        if is_question and _hypothetical().search(text, unit.start, unit.end):
            continue
        inside = _slots_in(slots, unit)
        taken: list[tuple[int, int]] = []
        for trig in (triggers[i] for i in scan):
            for m in trig.pattern.finditer(text, unit.start, unit.end):
                if any(m.start() < b and a < m.end() for a, b in taken):
                    continue
                if _NEGATED.search(text[max(unit.start, m.start() - 65) : m.start()]):
                    continue
                taken.append((m.start(), m.end()))
                by = _takers_of(
                    text, unit, m.start(), m.end(), inside, countries, minister, trig.kind
                )
                if (is_question or trig.strict) and not by:
                    continue
                aimed = sorted(
                    {
                        s.actor_id
                        for s in inside
                        if s.actor_id not in by
                        and _AIM.search(text[max(unit.start, s.start - 30) : s.start])
                    }
                )
                related = _related_incidents(document, part, inside, incidents)
                out.append(
                    Response(
                        kind=trig.kind,
                        label=clause_around(text, m.start(), m.end()),
                        evidence=unit,
                        trigger=m.group(0),
                        by=by,
                        responds_to=related,
                        aimed_at=aimed,
                        date=_date_near(text, unit, m.start(), reference),
                        part=part,
                    )
                )
    return sorted(
        out, key=lambda r: (r.evidence.start, text.find(r.trigger, r.evidence.start), r.kind)
    )


def _related_incidents(
    document: Document, part: int | None, inside: Sequence[ActorSlot], incidents: Sequence[Incident]
) -> list[int]:
    """Incidents of the same part, of the questions an answer covers, or sharing an actor."""
    parts = {part} if part is not None else set()
    parts |= set(_question_parts(document, part))
    ids = {s.actor_id for s in inside}
    return [
        i
        for i, inc in enumerate(incidents)
        if inc.part in parts or (ids and ids & set(inc.actors) and inc.part == part)
    ]
