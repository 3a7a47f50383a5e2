"""Relations between actors from Dutch trigger patterns, each with its stance.

Triggers are data (``lexicons/relation_triggers.csv``): the relation, a regex, a
direction saying where the subject and object sit around the trigger, and the
actor types allowed at each end. Directions:

``s>o``   subject left of the trigger, object(s) right ("X gelieerd aan Y");
``s~o``   as ``s>o``, the subject in the trigger's own clause ("X werd opgericht door Y",
          not "X meldt dat stations zijn opgezet door Y");
``o>s``   object(s) left, subject right ("X gearresteerd door Y");
``so>``   both left, subject first (verb last: "X Y als klanten heeft");
``>so``   both right, subject first ("attributie van X aan Y");
``>os``   object right, then subject after "door" ("arrestatie van X door Y");
``o<``    object(s) left, subject implicit: the document's most named company or
          threat actor ("A, B en C staan in de database");
``role``  a person's role at an organisation ("directeur van Y, X" / "X, directeur van Y");
``any``   for ``uses``: subject the nearest body on the left (or after "door"),
          object the nearest company on either side;
``in>o``  a separable verb holding its subject, object(s) right ("schreef X toe
          aan Y", "legde X bij Y"); a name before the verb is the attributor;
``rel``   subject the antecedent of a relative clause, object(s) inside it,
          verb last ("X, een bedrijf dat Y heeft ondersteund").
``sp>``   verb last, the object after the preposition given by the ``context`` column,
          the subject before it, "door" agents skipped ("X wordt door de AIVD aan
          Rusland toegeschreven").
``os>``   both right, object first: an inverted main clause ("Vorig jaar nam Y X over").
``app``   the subject right before an apposition or predicate holding the trigger, the
          object right after it ("X, een regionale afdeling van Y", "X is een orgaan van Y").

Lists carry the shared end over ("Kamerleden als A, B en C staan op de lijst").
Noun phrases give nationality claims ("het Chinese bedrijf X", "APT31, een Chinese
actor"), anaphors ("dit bedrijf", "deze groep") stand for the most named actor
of their type so far, and a nationality adjective fills an empty end ("een
Chinese cyberaanval op Y", "gericht tegen Nederlandse belangen"). A spaCy ``doc``
with a dependency parse adds subject/object matches of trigger verbs.

Examples
--------
>>> from kamerkg.extract.model import Actor, Document, Mention, Part, Span
>>> text = "Zo is Acme gelieerd aan Ruritanië."
>>> doc = Document(source="a.txt", text=text, parts=[Part("body", Span(0, len(text)))])
>>> actors = [Actor("acme", "Acme", "Company"), Actor("ruritanie", "Ruritanië", "Country")]
>>> mentions = [Mention(Span(6, 10), "Acme", "ORG", actor_id="acme"),
...             Mention(Span(24, 33), "Ruritanië", "GPE", actor_id="ruritanie")]
>>> [(c.subject, c.relation, c.object, c.stance) for c in
...  extract_claims(doc, actors, mentions, [Span(0, len(text))])]
[('acme', 'affiliatedWith', 'ruritanie', 'asserted')]
"""

from __future__ import annotations

import bisect
import csv
import itertools
import operator
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Any

from kamerkg.extract.ids import fold, slug
from kamerkg.extract.model import ACTOR_TYPES, Actor, Claim, Document, Mention, Span

from .lexicons import rows as _rows
from .linewrap import wrapping
from .overlaps import first_fit
from .scan import finditer as scan_finditer
from .sentences import may_match, sentence_units, units_to_scan
from .stance import StanceResult, assess

__all__ = [
    "ActorSlot",
    "Trigger",
    "actor_slots",
    "adjective_country_before",
    "country_index",
    "extract_claims",
    "implied_countries",
    "load_triggers",
    "slots_within",
]

WINDOW = 150
LIST_GAP = 100
_STANCE_RANK = {"asserted": 0, "denied": 1, "reported": 2, "unconfirmed": 3}
_HARD_BREAK = re.compile(r"[;:?!]|\bmaar\b(?! ook)|\n\s*\n")
_LIST_BREAK = re.compile(
    r"[;:?!.]|\b(?:die|dat|maar(?! ook)|omdat|terwijl|want|waar|welke|wie)\b"
    r"|\b(?:heeft|hebben|is|zijn|was|waren)\b"
)
# Breaks between a subject and its trigger: also an infinitive clause ("om ... te").
_SUBJECT_BREAK = re.compile(_HARD_BREAK.pattern + r"|\bom\b")
# Between a trigger and its object a colon introduces the object ("de moord op twee
# Nederlanders: A en B").
_OBJECT_BREAK = re.compile(r"[;?!]|\bmaar\b(?! ook)|\n\s*\n")
# An appositive relative clause inside a list ("A, die in 2015 werd gedood, en B").
_APPOSITIVE = re.compile(r",\s*(?:die|dat|welke|wie)\b[^,;:.?!]{0,120},")
# A relative clause or an apposition closed by a comma right before a verb: "X, die ...
# heeft met Y, viel", "X, dat Y als klant heeft, werd door", "X, een door Y gesteunde
# groep, viel".
_RELATIVE_BEFORE = re.compile(
    r",\s*(?:die|dat|welke|een|de|het)\b[^,;:.?!()]{1,140}(?P<close>,)"
    r"(?:\s+(?:is|was|zijn|waren|werd|werden|wordt|worden|heeft|hebben|had|hadden))?\s*$",
    re.IGNORECASE,
)
_LIST_JOIN = re.compile(r"\s*(?:,\s*(?:en\s+|of\s+)?|(?:en|of)\s+)(?:de\s+|het\s+)?", re.IGNORECASE)
# Instrument, not agent: "China heeft via X gegevens verzameld".
_INSTRUMENT = re.compile(
    r"\b(?:via|met behulp van|door middel van)\s+(?:de\s+|het\s+)?$", re.IGNORECASE
)
# Who reports a finding is no agent of it: "uit onderzoek van X blijkt dat ...".
_SOURCE_OF = re.compile(
    r"\b(?:volgens|aldus|(?:onderzoek|rapport|rapportage|analyse|bericht|berichtgeving"
    r"|publicatie|verklaring|aanklacht|advies|waarschuwing|jaarverslag)\s+(?:van|door))"
    r"\s+(?:de\s+|het\s+)?(?:(?-i:[A-ZÀ-Ý])[\w-]*(?:se|sche)\s+)?$",
    re.IGNORECASE,
)
# A passive verb: its left neighbour is the object, its agent follows "door".
_PASSIVE = re.compile(
    r"\b(?:wordt|worden|werd|werden)\s+(?:\w+\s+){0,2}$|^\s+(?:wordt|worden|werd|werden)\b",
    re.IGNORECASE,
)
_CLAUSE = re.compile(r"[,;:?!()]|\b(?:dat|die|maar|omdat|terwijl|want|of)\b")
_JOIN = re.compile(r"\s*(?:,|en|of)\s*")
_COMPOUND = re.compile(r"-[a-zà-ÿ]")
_DOOR = re.compile(r"\bdoor\b", re.IGNORECASE)
# A plural noun for agents between a name and the trigger: the trigger belongs to it.
_GENERIC_AGENTS = re.compile(
    r"\b(?:landen|staten|mogendheden|actoren|groepen|groeperingen|regimes)\b", re.IGNORECASE
)
# The same plural agent noun inside a prepositional phrase ("uit landen met ...").
_GENERIC_AGENT_PP = re.compile(
    # Not "X is één van de staten die ...": X is then one of those agents.
    r"(?<!één )(?<!een )(?<!eén )\b(?:uit|van|door|bij|voor)\s+"
    r"(?:(?:de|het|die|deze|andere|sommige|[\w-]+e)\s+){0,2}"
    + r"(?:landen|staten|mogendheden|actoren|groeperingen|regimes)\b",
    re.IGNORECASE,
)
_ZOALS = re.compile(r"[^;:?!.]{0,40}?,?\s*zoals\b", re.IGNORECASE)
# The opener of a relative clause after its antecedent, an apposition or a predicate
# noun allowed: "X, dat ...", "X (Y), een bedrijf dat ...", "X is een groep die ...".
_RELATIVE = re.compile(
    r"\s*(?:\([^()]{1,40}\)\s*)?(?:,|\s(?:is|was)\s+(?=(?:een|de|het)\s))"
    r"\s*(?:(?:een|het|de)\s+(?:[\w-]+\s+){0,3}?)?(?:dat|die|welke)\s+",
    re.IGNORECASE,
)
# Who makes an attribution: a name, then the finite verb ("Meta schreef X toe aan").
_RELATIVE_IN = re.compile(r",\s*(?:dat|die|welke)\b", re.IGNORECASE)
_APPOSITION = re.compile(r"^\s*,\s*(?:het|de|een)\s+[^,;:.?!]{0,80},")
_ATTRIBUTOR_GAP = re.compile(
    r"\s+(?:heeft|hebben|had|hadden|schreef|schreven|schrijft|schrijven|legde|legden|legt"
    r"|leggen)\b[^,;:.?!]{0,60}$",
    re.IGNORECASE,
)
_PREP_BEFORE = re.compile(
    r"\b(?:in|uit|naar|bij|van|voor|op|met|over|binnen|buiten)\s+(?:de\s+|het\s+)?"
    r"(?:[\w-]+\s+(?:en|of)\s+)?$",
    re.IGNORECASE,
)


@dataclass(frozen=True, order=True)
class ActorSlot:
    """An occurrence of an actor in the text: a mention, an anaphor or an adjective."""

    start: int
    end: int
    actor_id: str
    type: str
    via: str = "mention"


@dataclass(frozen=True)
class Trigger:
    """One row of ``relation_triggers.csv``."""

    relation: str
    pattern: re.Pattern[str]
    direction: str
    subject_types: frozenset[str]
    object_types: frozenset[str]
    context: re.Pattern[str] | None


@dataclass
class _Candidate:
    subject: str
    relation: str
    object: str
    unit: Span
    focus: Span
    presupposed: bool = False
    attributor: str | None = None
    # The text's own description of an actor ("X, een afdeling van Y", "voorzitter X"):
    # asserted whatever the sentence says around it ("volgens de krant ...").
    descriptive: bool = False


def _types(value: str) -> frozenset[str]:
    return frozenset(t.strip() for t in value.split("|") if t.strip())


@lru_cache(maxsize=1)
def load_triggers() -> tuple[Trigger, ...]:
    """The trigger table of ``relation_triggers.csv``, in file order."""
    out = []
    for row in _rows("relation_triggers.csv"):
        context = row.get("context") or ""
        out.append(
            Trigger(
                relation=row["relation"],
                pattern=re.compile(wrapping(row["pattern"]), re.IGNORECASE),
                direction=row["direction"],
                subject_types=_types(row["subject_types"]),
                object_types=_types(row["object_types"]),
                context=re.compile(context, re.IGNORECASE) if context else None,
            )
        )
    return tuple(out)


@lru_cache(maxsize=1)
def _nationalities() -> tuple[re.Pattern[str], dict[str, tuple[str, ...]]]:
    table = {
        r["adjective"]: tuple(r["country"].split("|")) for r in _rows("relation_nationality.csv")
    }
    names = sorted(table, key=lambda a: (-len(a), a))
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(a) for a in names) + r")(?![\w-])")
    return pattern, table


@lru_cache(maxsize=1)
def _heads() -> dict[str, str]:
    return {r["role"]: r["pattern"] for r in _rows("relation_heads.csv")}


@lru_cache(maxsize=1)
def _anaphors() -> tuple[tuple[str, re.Pattern[str], bool], ...]:
    """(type, pattern, near): a ``near`` anaphor takes only an antecedent just before it."""
    return tuple(
        (r["type"], re.compile(r["pattern"], re.IGNORECASE), r.get("reach") == "near")
        for r in _rows("relation_anaphors.csv")
    )


@lru_cache(maxsize=1)
def _lemmas() -> dict[str, tuple[str, frozenset[str], frozenset[str]]]:
    return {
        r["lemma"]: (r["relation"], _types(r["subject_types"]), _types(r["object_types"]))
        for r in _rows("relation_lemmas.csv")
    }


@lru_cache(maxsize=1)
def _allied_names() -> frozenset[str]:
    return frozenset(fold(r["country"]) for r in _rows("relation_allied.csv"))


def _allied(countries: dict[str, str]) -> frozenset[str]:
    """Actor ids of the home state and its allies: a company's nationality among them
    ("het Amerikaanse X") records no state tie of the kind the graph is about."""
    names = _allied_names()
    return frozenset(actor_id for name, actor_id in countries.items() if name in names)


def country_index(actors: Sequence[Actor]) -> dict[str, str]:
    """Folded country names (label and aliases) to actor ids, for adjectives."""
    index: dict[str, str] = {}
    for actor in sorted(actors, key=lambda a: a.id):
        if actor.type == "Country":
            for name in actor.names():
                index.setdefault(fold(name), actor.id)
    return index


def _country_for(adjective: str, countries: dict[str, str]) -> str | None:
    _, table = _nationalities()
    for name in table.get(adjective, ()):
        actor_id = countries.get(fold(name))
        if actor_id:
            return actor_id
    return None


# The adjective patterns, compiled once per nationality pattern.
_ADJECTIVE_BEFORE: dict[str, re.Pattern[str]] = {}


def adjective_country_before(text: str, pos: int, countries: dict[str, str]) -> ActorSlot | None:
    """A country slot for a nationality adjective right before ``pos`` ("Chinese |aanval")."""
    pattern, _ = _nationalities()
    # One adjective may sit between: "Chinese buitenlandse spionage".
    before = _ADJECTIVE_BEFORE.get(pattern.pattern)
    if before is None:
        before = _ADJECTIVE_BEFORE[pattern.pattern] = re.compile(
            pattern.pattern + r"\s+(?:(?-i:[a-zà-ÿ][\w-]*)\s+)?$"
        )
    m = before.search(text[max(0, pos - 60) : pos])
    if not m:
        return None
    actor_id = _country_for(m.group(1), countries)
    if actor_id is None:
        return None
    start = max(0, pos - 60) + m.start(1)
    return ActorSlot(start, start + len(m.group(1)), actor_id, "Country", "adjective")


def _adjective_state_after(text: str, pos: int, countries: dict[str, str]) -> ActorSlot | None:
    """A country slot for "... tegen (de) Nederlandse (nationale) belangen" after ``pos``."""
    pattern, _ = _nationalities()
    m = re.match(
        r"\s+(?:de\s+|het\s+|een\s+)?" + pattern.pattern + r"\s+" + _heads()["state"] + r"\b",
        text[pos : pos + 80],
    )
    if not m:
        return None
    actor_id = _country_for(m.group(1), countries)
    if actor_id is None:
        return None
    return ActorSlot(pos + m.start(1), pos + m.end(1), actor_id, "Country", "adjective")


def _adjective_slots(text: str, start: int, end: int, countries: dict[str, str]) -> list[ActorSlot]:
    """Country slots for "<adjective> <agent or state noun>" between ``start`` and ``end``."""
    pattern, _ = _nationalities()
    heads = _heads()
    nouns = re.compile(r"\s+(?:" + heads["agent"] + "|" + heads["state"] + r")\b")
    out = []
    for m in pattern.finditer(text, start, end):
        if not nouns.match(text, m.end(), end):
            continue
        actor_id = _country_for(m.group(1), countries)
        if actor_id is not None:
            out.append(ActorSlot(m.start(1), m.end(1), actor_id, "Country", "adjective"))
    return out


def _victim_slots(
    text: str, start: int, end: int, countries: dict[str, str], taken: Sequence[ActorSlot]
) -> list[ActorSlot]:
    """Country slots for "<adjective> <institutions>" ("Nederlandse bedrijven") between
    ``start`` and ``end``: the institutions of a country stand for it as a victim."""
    pattern, _ = _nationalities()
    nouns = re.compile(r"\s+(?:" + _heads()["victim"] + r")\b")
    out = []
    for m in pattern.finditer(text, start, end):
        if any(s.start <= m.start() < s.end for s in taken) or not nouns.match(text, m.end()):
            continue
        actor_id = _country_for(m.group(1), countries)
        if actor_id is not None:
            out.append(ActorSlot(m.start(1), m.end(1), actor_id, "Country", "victim"))
    return out


def actor_slots(
    document: Document, actors: Sequence[Actor], mentions: Sequence[Mention]
) -> list[ActorSlot]:
    """Resolved mentions (overlaps removed, longest kept) plus resolved anaphors, sorted."""
    types = {a.id: a.type for a in actors}
    # Plain tuples: comparing them with the cached ones costs no dataclass __eq__ calls.
    fields = tuple(
        sorted(
            (
                (m.span.start, m.span.end, m.actor_id, types[m.actor_id])
                for m in mentions
                if m.actor_id in types and m.span.end <= len(document.text)
            ),
            key=lambda f: (-(f[1] - f[0]), f[0], f[2]),
        )
    )
    # Claims, incidents and responses each ask for the same document's slots in turn.
    key = (document.text, fields)
    if _LAST_SLOTS and _LAST_SLOTS[0][0] is key[0] and _LAST_SLOTS[0][1] == key[1]:
        return list(_LAST_SLOTS[0][2])
    raw = [ActorSlot(*f) for f in fields]
    if all(s.end > s.start for s in raw):
        kept = _without_overlaps(raw)
    else:  # empty spans break the sorted-ends shortcut
        kept = []
        for slot in raw:
            if all(slot.end <= k.start or slot.start >= k.end for k in kept):
                kept.append(slot)
        kept.sort()
    out = sorted(kept + _anaphor_slots(document.text, kept), key=_SLOT_ORDER)
    _LAST_SLOTS[:] = [(key[0], key[1], tuple(out))]
    return out


_LAST_SLOTS: list[tuple[str, tuple[tuple, ...], tuple[ActorSlot, ...]]] = []
# The dataclass order of ActorSlot, as a key (no Python-level comparisons).
_SLOT_ORDER = operator.attrgetter("start", "end", "actor_id", "type", "via")


def _without_overlaps(ranked: list[ActorSlot]) -> list[ActorSlot]:
    """``ranked`` slots (non-empty) that overlap no earlier kept one, sorted."""
    return sorted(first_fit(ranked), key=_SLOT_ORDER)


def slots_within(slots: Sequence[ActorSlot], span: Span) -> list[ActorSlot]:
    """The slots lying inside ``span``, in their order.

    Claims and events ask this for every sentence of a document with the same
    slots: when they are sorted by start, a bisect finds the candidates.
    """
    key = tuple(slots)
    if not _LAST_WITHIN or _LAST_WITHIN[0] != key:
        starts = [s.start for s in key]
        ordered = all(a <= b for a, b in itertools.pairwise(starts))
        _LAST_WITHIN[:] = [key, starts if ordered else None]
    starts = _LAST_WITHIN[1]
    if starts is None:
        return [s for s in slots if span.start <= s.start and s.end <= span.end]
    lo = bisect.bisect_left(starts, span.start)
    hi = bisect.bisect_right(starts, span.end)
    return [s for s in key[lo:hi] if s.end <= span.end]


_LAST_WITHIN: list = []


# How close an antecedent must be to win over the document's most named actor.
_ANAPHOR_NEAR = 100


def _anaphor_slots(text: str, slots: list[ActorSlot]) -> list[ActorSlot]:
    out: list[ActorSlot] = []
    # Sorted, non-empty and not overlapping (see actor_slots): bisect instead of scans.
    indexed = all(s.end > s.start for s in slots) and all(
        a.end <= b.start for a, b in itertools.pairwise(slots)
    )
    starts = [s.start for s in slots]
    ends = [s.end for s in slots]
    for type_, pattern, near in _anaphors():
        # Matches come left to right and indexed slots are sorted by end: the slots
        # of the type before a match grow, so count them as they come.
        typed = [s for s in slots if s.type == type_]
        taken = 0
        counts: Counter[str] = Counter()
        last: dict[str, int] = {}
        for m in scan_finditer(pattern, text):
            if indexed:
                k = bisect.bisect_left(starts, m.end())
                if k and ends[k - 1] > m.start():
                    continue
                # "het bedrijf Acme": an apposition, not an anaphor.
                if k < len(starts) and starts[k] <= m.end() + 3:
                    continue
                while taken < len(typed) and typed[taken].end <= m.start():
                    counts[typed[taken].actor_id] += 1
                    last[typed[taken].actor_id] = typed[taken].start
                    taken += 1
                previous = typed[taken - 1] if taken else None
            else:
                if any(s.start < m.end() and m.start() < s.end for s in slots):
                    continue
                if any(m.end() <= s.start <= m.end() + 3 for s in slots):
                    continue
                before = [s for s in slots if s.end <= m.start() and s.type == type_]
                counts = Counter(s.actor_id for s in before)
                last = {s.actor_id: s.start for s in before}
                previous = before[-1] if before else None
            if previous is None:
                continue
            best = max(counts, key=lambda a: (counts[a], last[a], a))
            # An actor of the type just before: "ZTE is veroordeeld. Het bedrijf ..."
            # means ZTE, however often another was named earlier.
            if m.start() - previous.end <= _ANAPHOR_NEAR:
                best = previous.actor_id
            elif near:
                continue  # "deze dienst" far from any body: no guess at the most named one
            out.append(ActorSlot(m.start(), m.end(), best, type_, "anaphor"))
    return out


def _salient(slots: Sequence[ActorSlot], types: frozenset[str]) -> ActorSlot | None:
    counts = Counter(s.actor_id for s in slots if s.type in types and s.via == "mention")
    if not counts:
        return None
    first = {}
    for s in slots:
        first.setdefault(s.actor_id, s)
    best = max(counts, key=lambda a: (counts[a], -first[a].start, a))
    return first[best]


def _nearest(
    text: str,
    ordered: Sequence[ActorSlot],
    pos: int,
    side: str,
    allowed: frozenset[str],
    skip: frozenset[str] = frozenset(),
    window: int = WINDOW,
    breaks: re.Pattern[str] = _HARD_BREAK,
) -> ActorSlot | None:
    """The nearest slot on ``side`` of ``pos``, if it is of an allowed type."""
    for slot in ordered:
        if slot.type in skip:
            continue
        gap = text[slot.end : pos] if side == "left" else text[pos : slot.start]
        if len(gap) > window or breaks.search(gap):
            return None
        return slot if slot.type in allowed else None
    return None


_COMPLEMENT = re.compile(
    r"\b(?:is|zijn|was|waren|werd|werden|wordt|worden|heeft|hebben|had|hadden)\b[^,;:]*?"
    r"\b(?:dat|of)\b",
    re.IGNORECASE,
)
_IN_PLACE = re.compile(r"\b(?:in|binnen)\s+$", re.IGNORECASE)
_IN_COUNTRY = re.compile(r"\b(?:in|binnen|boven)\s+$", re.IGNORECASE)
_OWNER_GAP = re.compile(r"\s*van\s", re.IGNORECASE)
_AGENT_GAP = re.compile(
    r",\s*(?:een|de|het)\s+(?:[\w-]+\s+)?door\s+(?:de\s+|het\s+)?$", re.IGNORECASE
)


def _extend(
    text: str,
    first: ActorSlot,
    ordered: Sequence[ActorSlot],
    side: str,
    allowed: frozenset[str],
    strict: bool = False,
) -> list[ActorSlot]:
    """``first`` and the allowed slots that continue its list on ``side``.

    ``strict`` lists take only slots joined by a comma, "en" or "of" (an article
    may follow): a subject list never reaches over a verb or a preposition.
    """
    found = [first]
    prev = first
    started = False
    for slot in ordered:
        if slot is first:
            started = True
            continue
        if not started:
            continue
        if slot.type not in allowed:
            continue
        gap = text[slot.end : prev.start] if side == "left" else text[prev.end : slot.start]
        gap = _APPOSITIVE.sub(",", gap)
        if strict and not _LIST_JOIN.fullmatch(gap):
            break
        # "de partij AKP van president X": X modifies the name before, no list item.
        if side == "right" and _OWNER_GAP.match(gap):
            break
        # "banden met A, een door B opgerichte organisatie": B is the agent inside A's
        # apposition, no further item of the list.
        if side == "right" and _AGENT_GAP.search(gap):
            break
        if len(gap) > LIST_GAP or _LIST_BREAK.search(gap):
            break
        found.append(slot)
        prev = slot
    return found


def _pairs(
    text: str,
    trig: Trigger,
    ts: int,
    te: int,
    unit: Span,
    slots: Sequence[ActorSlot],
    all_slots: Sequence[ActorSlot],
    countries: dict[str, str],
) -> list[tuple[ActorSlot, ActorSlot]]:
    # A name inside a compound ("EU-lidstaat") is a modifier, never an agent.
    agents = [s for s in slots if not _COMPOUND.match(text, s.end)]
    left = [s for s in reversed(slots) if s.end <= ts]
    right = [s for s in slots if s.start >= te]
    left_a = [s for s in reversed(agents) if s.end <= ts]
    right_a = [s for s in agents if s.start >= te]
    S, O = trig.subject_types, trig.object_types  # noqa: E741 - subject/object type sets
    subjects: list[ActorSlot] = []
    objects: list[ActorSlot] = []
    d = trig.direction
    if d in ("s>o", "s~o"):
        agents_left = [
            s
            for s in left_a
            if not _INSTRUMENT.search(text[max(unit.start, s.start - 25) : s.start])
            and not _SOURCE_OF.search(text[max(unit.start, s.start - 40) : s.start])
            # "X is in Nederland actief via Y": a place adjunct is never the subject.
            and not (s.type == "Country" and _IN_PLACE.search(text, max(0, s.start - 8), s.start))
        ]
        # "X wordt door de VS toegeschreven aan Y": the "door" agent attributes; only an
        # attack's "door" agent is its subject. Past the agent the subject stays in the clause.
        passive_agents = [
            s
            for s in agents_left
            if trig.relation != "targeted"
            and _AGENT_PREP.search(text[max(unit.start, s.start - 40) : s.start])
        ]
        agents_left = [s for s in agents_left if s not in passive_agents]
        subj = _nearest(text, agents_left, ts, "left", S, breaks=_SUBJECT_BREAK)
        # "X, die banden heeft met Y, viel Z aan": the subject is the antecedent.
        subj = _past_relative(text, unit, subj, ts, agents_left, S) or subj
        if subj is not None:
            subj = _coordinated_subject(text, unit, subj, ts, agents_left, S) or subj
        if subj is not None and passive_agents and not _same_clause(text, subj.end, ts):
            subj = None
        if d == "s~o" and subj is not None and not _same_clause(text, subj.end, ts):
            subj = None
        first = _nearest(text, right, te, "right", O, breaks=_OBJECT_BREAK)
        examples = first is not None and _ZOALS.match(text, first.end, unit.end)
        if examples and subj is not None and _GENERIC_AGENTS.search(text, subj.end, ts):
            # "binnen X geldt ... van landen met programma's gericht tegen Y, zoals A en B":
            # the examples after "zoals" are the agents the plural noun stands for, not X.
            subj = None
        if (
            not examples
            and subj is not None
            and _GENERIC_AGENT_PP.search(text, subj.end, ts)
            and not _GENERIC_AGENT_PP.search(text, ts, te)
        ):
            # "het kabinet beperkt de inkoop uit landen met een cyberprogramma gericht
            # tegen Y": the trigger belongs to the plural noun, no agent is named.
            subj = None
        examples = examples and subj is None
        if first:
            # "organisaties die belangen hebben in Y, zoals A en B": A and B are subjects.
            objects = [first] if examples else _extend(text, first, right, "right", O)
        else:
            adj = _adjective_state_after(text, te, countries)
            if adj and adj.type in O:
                objects = [adj]
        if subj:
            # "China, Rusland en Iran voeren cyberprogramma's tegen Y": the list carries over.
            subjects = _extend(text, subj, agents_left, "left", S, strict=True)
            if objects and _RELATIVE_IN.search(text, subj.end, ts):
                # A relative clause ends at its comma: "X, dat gelinkt is aan A, en B ...".
                objects = [o for o in objects if "," not in text[objects[0].end : o.start]]
        elif objects:
            after = objects[-1].end
            if examples:
                rest = [s for s in right if s.start > after]
                lead = _nearest(text, rest, after, "right", S, window=60)
                if lead:
                    subjects = _extend(text, lead, rest, "right", S)
        if not subjects:
            # A name glued to the trigger is its agent: "de GRU-operatie tegen Y".
            glued = [s for s in slots if s.end + 1 == ts and text[s.end] == "-"]
            if glued and glued[0].type in S:
                subjects = glued[:1]
        adj = adjective_country_before(text, ts, countries)
        if adj and adj.type in S and all(s.end <= adj.start for s in subjects):
            # The adjective on the trigger noun is its agent, not a name further left:
            # "Nederland onderzoekt de Russische aanval op Y".
            subjects = [adj]
        if not subjects and objects:
            subjects = _agent_after(text, objects[-1].end, right_a, S, countries)
    elif d == "in>o":
        # The separable verb holds its subject: "schreef de campagne (...) toe aan".
        inside = [s for s in slots if ts <= s.start and s.end <= te and s.type in S]
        first = _nearest(text, right, te, "right", O, window=60, breaks=_OBJECT_BREAK)
        if inside and first:
            subjects = inside[-1:]
            objects = _extend(text, first, right, "right", O)
    elif d == "rel":
        for ante in left:
            if ts - ante.end > WINDOW or _HARD_BREAK.search(text[ante.end : ts]):
                break
            opener = _RELATIVE.match(text, ante.end, ts)
            if opener is None:
                continue
            if ante.type in S and not _HARD_BREAK.search(text[opener.end() : ts]):
                clause = [s for s in left if s.start >= opener.end() and s.type in O]
                if clause:
                    # "A en B, die voor Y werken": the list before the clause shares it.
                    subjects = _extend(text, ante, left, "left", S, strict=True)
                    objects = _extend(text, clause[0], clause, "left", O)
            break
    elif d == "o>s":
        first = _nearest(text, left, ts, "left", O)
        # "X, dat Y als klant heeft, werd door Z gehackt": the object is the antecedent.
        first = _past_relative(text, unit, first, ts, left, O) or first
        if first is not None and _COMPLEMENT.search(text, first.end, ts):
            # "In de VS is bekend geworden dat A door X is getroffen": the name before
            # the complement clause belongs to the main clause.
            first = None
        elif first is not None:
            first = _antecedent(text, unit, first, ts, left, O) or first
        elif trig.relation == "targeted" and "Country" in O:
            # "dat Nederlandse overheidsorganisaties door X zijn getroffen".
            victims = _victim_slots(text, unit.start, ts, countries, left)
            if victims and not _CLAUSE.search(text[victims[-1].end : ts]):
                first = victims[-1]
        if first:
            objects = _extend(text, first, left, "left", O)
        # The agent follows "door" closely ("door agenten van X"), not a clause later.
        subj = _nearest(text, right_a, te, "right", S, window=60)
        if (
            subj is not None
            and trig.relation == "attributedTo"
            and _ATTACKED_PREP.search(text, max(unit.start, subj.start - 12), subj.start)
        ):
            subj = None  # "opdracht gegeven tot de moord op X": X is the victim, no agent
        if (
            subj is not None
            and "t" in trig.pattern.groupindex
            and ts > te - 30
            and "," in text[te : subj.start]
        ):
            # "X, een door Y gesteunde groep, viel Z aan": past the apposition's comma Z
            # is no longer the participle's noun.
            subj = None
        if subj is None:
            # "door Chinese hackers": the nationality stands for the agent.
            agents = _adjective_slots(text, te, min(unit.end, te + 60), countries)
            subj = agents[0] if agents and agents[0].type in S else None
        if subj is None and objects:
            # "X is een door Y aangestuurde operatie": the predicate's subject.
            subj = _predicate_subject(text, objects[-1], left, S)
        subjects = [subj] if subj else []
        if subj is not None and subj in right_a:
            # "gehackt door A en B", "eigenaar van A en B": the list carries over.
            subjects = _extend(text, subj, right_a, "right", S, strict=True)
    elif d == "os>":
        # An inverted main clause: "Vorig jaar nam Y het Duitse X over". Only when no
        # name precedes the verb in its clause; otherwise the ``o>s`` row applies.
        if not [s for s in left if not _CLAUSE.search(text[s.end : ts])]:
            obj = _nearest(text, right, te, "right", O, window=40)
            if obj is not None:
                rest = [s for s in right_a if s.start >= obj.end]
                subj = _nearest(text, rest, obj.end, "right", S, window=40)
                if subj is not None:
                    subjects, objects = [subj], [obj]
    elif d == "sp>":
        subjects, objects = _prepositional_pairs(text, trig, ts, unit, left, countries)
    elif d == "app":
        subjects, objects = _apposition_pair(text, ts, te, left, right, S, O)
    elif d == "so>":
        pool = list(left)
        if not any(s.type in S for s in left[:3]):
            # "Russische schepen hebben de Nederlandse infrastructuur in kaart gebracht".
            pool = sorted(left + _adjective_slots(text, unit.start, ts, countries), reverse=True)
        elif trig.relation == "targeted":
            # "X heeft Nederlandse hostingproviders aangevallen": the victims' country.
            victims = _victim_slots(text, unit.start, ts, countries, pool)
            pool = sorted(pool + victims, reverse=True)
        clause = [s for s in reversed(pool) if not _CLAUSE.search(text[s.end : ts])]
        clause = [s for s in clause if ts - s.start <= WINDOW * 2]
        # Ends of a verb-last clause are bare noun phrases, not "in X" places.
        bare, placed = [], None
        for o in clause:
            joined = placed is not None and _JOIN.fullmatch(text[placed.end : o.start])
            prep = _PREP_BEFORE.search(text[max(0, o.start - 20) : o.start]) or _AGENT_PREP.search(
                text[max(0, o.start - 40) : o.start]
            )
            # "de kabels van X gesaboteerd": the owner is the target.
            owner = prep is not None and trig.relation == "targeted" and prep.group(0)[:3] == "van"
            # "netwerken van overheidsorganisaties in Australië binnengedrongen": the
            # country of the institutions attacked.
            owner = owner or (
                trig.relation == "targeted"
                and o.type == "Country"
                and _victims_in().search(text, max(0, o.start - 80), o.start) is not None
            )
            if (prep and not owner) or joined:
                placed = o
            else:
                bare.append(o)
        for i, s in enumerate(bare):
            objs = [o for o in bare[i + 1 :] if o.type in O]
            if s.type in S and s.via != "victim" and objs:
                subjects, objects = [s], objs
                break
        if not subjects and trig.relation == "targeted" and "Country" in O:
            # "dat Rusland in Nederland sabotage pleegt": a country the attack takes place
            # in is its victim when the clause names no other.
            for s in (s for s in bare if s.type in S and s.via == "mention"):
                inside = [
                    o
                    for o in clause
                    if o.type == "Country"
                    and o.start > s.end
                    and o.actor_id != s.actor_id
                    and _IN_COUNTRY.search(text, max(0, o.start - 10), o.start)
                ]
                if inside:
                    subjects, objects = [s], inside[:1]
                    break
        if not subjects:
            # "X heeft twintig organisaties gehackt, waaronder A en B": the examples after
            # the verb are the objects its plain noun stood for.
            examples = _EXAMPLES_AFTER.match(text, te, unit.end)
            first = [o for o in right if examples and o.start == examples.end()]
            lead = [s for s in bare if s.type in S and s.via == "mention"]
            if first and first[0].type in O and lead:
                subjects = [lead[0]]
                objects = _extend(text, first[0], right, "right", O)
    elif d == ">so":
        subj = _nearest(text, right_a, te, "right", S, window=40)
        if subj and _reporting_aside(text, unit, subj):
            subj = None  # "doelwit van spionage, zoals de AIVD heeft gemeld"
        if subj:
            subjects = [subj]
            rest = [s for s in right if s.start >= subj.end]
            obj = _nearest(text, rest, subj.end, "right", O, window=60)
            if obj is not None and _OWN_APPOSITION.match(text[subj.end : obj.start]):
                obj = None  # "doelwit van X, een orgaan van Y": Y describes X
            # "doelwitten van X waren A, B en C": the object list carries over.
            objects = _extend(text, obj, rest, "right", O) if obj else []
    elif d == ">os":
        first = _nearest(text, right, te, "right", O, window=60)
        if first:
            objects = _extend(text, first, right, "right", O)
            door = _DOOR.search(text, objects[-1].end, min(unit.end, objects[-1].end + 60))
            if door:
                rest = [s for s in right if s.start >= door.end()]
                subj = _nearest(text, rest, door.end(), "right", S, window=20)
                subjects = [subj] if subj else []
    elif d == "o<":
        if trig.context is not None:
            around = text[max(0, unit.start - 400) : unit.end]
            if not trig.context.search(around):
                return []
        others = frozenset(t for t in ACTOR_TYPES if t not in O)
        first = _nearest(text, left, ts, "left", O, skip=others)
        if first:
            objects = _extend(text, first, left, "left", O)
            subj = _salient(all_slots, S)
            subjects = [subj] if subj else []
    elif d == "role":
        # "een officier van de Russische militaire inlichtingendienst X": a long title.
        obj = _nearest(text, right, te, "right", O, window=60)
        if obj:
            objects = [obj]
            before = _nearest(text, left, ts, "left", S, window=25)
            after = [s for s in right if s.start >= obj.end]
            follow = _nearest(text, after, obj.end, "right", S, window=4)
            subj = follow or before
            subjects = [subj] if subj else []
            if subj is not None and follow is None:
                # "A en B, twee leden van Y": the list before the apposition shares it.
                subjects = _extend(text, subj, left, "left", S, strict=True)
    elif d == "any":
        passive = _PASSIVE.search(text[max(unit.start, ts - 30) : ts]) or _PASSIVE.match(
            text[te : te + 12]
        )
        # "X mag niet worden gebruikt": X is what is used; only "door Y" names the user.
        subj = None if passive else _nearest(text, left_a, ts, "left", S, skip=O)
        if subj is not None:
            opener = _USER_RELATIVE.search(text, subj.end, ts)
            if opener and text[subj.end : opener.start()].strip(" ,()\n"):
                # "X zocht contact met de organisaties die Y gebruiken": the user is the
                # relative clause's own antecedent, not X.
                subj = None
        inverted = None
        bare = next((x for x in left if not _CLAUSE.search(text, x.end, ts)), None)
        if bare is not None and _PREP_BEFORE.search(
            text, max(unit.start, bare.start - 25), bare.start
        ):
            bare = None  # "Welke apparatuur van Y gebruikt X?": Y is no subject
        if subj is None and not passive and bare is None:
            # "Sinds 2020 gebruikt X drones van Y": the subject right after the verb.
            inverted = _nearest(text, right_a, te, "right", S, window=12)
        if subj is None and inverted is None:
            door = _DOOR.search(text, te, unit.end)
            if door and door.start() - te <= 80:
                rest = [s for s in right if s.start >= door.end()]
                subj = _nearest(text, rest, door.end(), "right", S, window=20)
        obj = None if inverted else _nearest(text, right, te, "right", O, skip=S)
        if inverted is not None:
            obj = _nearest(text, left, ts, "left", O, skip=S)
            if obj is None:
                # "Gebruikt X camera's van Y?": the object after the subject.
                after = [s for s in right if s.start >= inverted.end]
                obj = _nearest(text, after, inverted.end, "right", O, skip=S)
            subj = inverted if obj is not None else None
        if obj is None and inverted is None:
            # A separable verb holds its object: "zet de groep X in".
            within = [s for s in slots if ts <= s.start and s.end <= te and s.type in O]
            obj = within[0] if within else None
        if obj is None:
            obj = _nearest(text, left, ts, "left", O, skip=S)
            # "X ontmantelde een netwerk dat Y gebruikte": Y opens the clause, so it is
            # the user there, not X's object.
            if (
                obj is not None
                and subj is not None
                and subj.end <= obj.start
                and _CLAUSE_SUBJECT.search(text[max(unit.start, obj.start - 12) : obj.start])
            ):
                obj = None
        if subj and obj:
            subjects, objects = [subj], [obj]
            if subj in left_a:
                # "A en B gebruiken Y": the user list carries over, unless it names the
                # source of a report ("onderzoek van A en B waaruit blijkt dat ...").
                listed = _extend(text, subj, left_a, "left", S, strict=True)
                if not any(
                    _SOURCE_OF.search(text[max(unit.start, x.start - 40) : x.start]) for x in listed
                ):
                    subjects = listed
    # "Volgens X ...": the source of a report is neither end of what it reports.
    objects = [
        o
        for o in objects
        if o.via == "adjective"
        or not _SOURCE_OF.search(text[max(unit.start, o.start - 40) : o.start])
    ]
    if trig.relation == "targeted":
        # "aanvallen op de EU-sanctielijst": a name inside a compound is no victim.
        objects = [o for o in objects if o.via != "mention" or not _COMPOUND.match(text, o.end)]
    return [(s, o) for s in subjects for o in objects if s.actor_id != o.actor_id]


# "zoals de AIVD en de MIVD in hun jaarverslagen hebben gemeld": a source, no party.
_ZOALS_BEFORE = re.compile(r"\bzoals\s+(?:de\s+|het\s+)?$", re.IGNORECASE)
_REPORTED_AFTER = re.compile(
    r"[^,;:.?!]{0,80}?\b(?:gemeld|gesteld|geschreven|vastgesteld|aangegeven|beschreven"
    r"|gerapporteerd|gewaarschuwd|meldt|melden|meldde|stelt|schrijft|schreef)\b",
    re.IGNORECASE,
)
# Between a name and the next: an apposition describing the first ("X, een orgaan van").
_OWN_APPOSITION = re.compile(r"\s*,\s*(?:een|de|het)\s+[^,;:.?!]{0,60}?\bvan\s+(?:de\s+|het\s+)?$")


def _reporting_aside(text: str, unit: Span, slot: ActorSlot) -> bool:
    """True when ``slot`` is the source of an aside: "zoals X (...) heeft gemeld"."""
    if not _ZOALS_BEFORE.search(text, max(unit.start, slot.start - 12), slot.start):
        return False
    return bool(_REPORTED_AFTER.match(text, slot.end, unit.end))


@lru_cache(maxsize=1)
def _victims_in() -> re.Pattern[str]:
    """Institutions placed in a country: "overheidsorganisaties in |Australië"."""
    return re.compile(r"\b(?:" + _heads()["victim"] + r")\s+in\s+(?:de\s+|het\s+)?$")


# A relative clause holding the verb of use: "... organisaties die gebruikmaken van".
_USER_RELATIVE = re.compile(r"\b(?:die|welke)\s+(?:[\w-]+\s+){0,4}$", re.IGNORECASE)
# The examples of a plain plural noun after a verb-last clause: ", waaronder (de) X".
_EXAMPLES_AFTER = re.compile(
    r"\s*,\s*(?:waaronder|onder wie|onder meer|onder andere|zoals|met name)\s+"
    r"(?:(?:ook|het|de)\s+)*",
    re.IGNORECASE,
)
# A name opening a subordinate clause ("dat X", "die X"): that clause's subject.
_CLAUSE_SUBJECT = re.compile(r"\b(?:dat|die|welke)\s+(?:de\s+|het\s+)?$", re.IGNORECASE)
# A second verb phrase sharing the first one's subject: "X is ... en is sinds 2019 ...".
_COORDINATED_VERB = re.compile(
    r"\ben\s+(?:is|was|zijn|waren|wordt|werd|heeft|hebben|had|hadden)\b", re.IGNORECASE
)


def _past_relative(
    text: str,
    unit: Span,
    slot: ActorSlot | None,
    ts: int,
    left: Sequence[ActorSlot],
    allowed: frozenset[str],
) -> ActorSlot | None:
    """The antecedent of a relative clause that closes right before ``ts`` when ``slot``
    (or no slot) sits inside it: in "X, die banden heeft met Y, viel Z aan" the verb's
    subject is X, not Y."""
    inserted = _RELATIVE_BEFORE.search(text, max(unit.start, ts - 180), ts)
    if inserted is None:
        return None
    if slot is not None and not (inserted.start() < slot.start < inserted.start("close")):
        return None
    before = [a for a in left if a.end <= inserted.start()]
    return _nearest(text, before, inserted.start(), "left", allowed, window=3)


def _coordinated_subject(
    text: str,
    unit: Span,
    nearest: ActorSlot,
    ts: int,
    left: Sequence[ActorSlot],
    allowed: frozenset[str],
) -> ActorSlot | None:
    """The subject shared by coordinated verb phrases: in "X is ontstaan uit een divisie
    van Y en is in handen van Z" the trigger's subject is X, not Y inside a phrase."""
    before = text[max(unit.start, nearest.start - 25) : nearest.start]
    if not _PREP_BEFORE.search(before):
        return None
    if not _COORDINATED_VERB.search(text, nearest.end, ts):
        return None
    # The first name of the clause, bare and of an allowed type, with one finite verb after it.
    for slot in reversed(left):
        if slot.end > nearest.start:
            break
        gap = text[slot.end : nearest.start]
        if _HARD_BREAK.search(gap) or _CLAUSE.search(gap) or len(gap) > WINDOW:
            continue
        if slot.type not in allowed:
            continue
        if _PREP_BEFORE.search(text[max(unit.start, slot.start - 25) : slot.start]):
            continue
        if re.match(r"\s+(?:is|was|zijn|waren|wordt|werd|heeft|hebben|had|hadden)\b", gap):
            return slot
    return None


# "X is (nu) een door ...", "X, een door ...", "is X een door ...": the subject of a
# predicate or appositive noun phrase that holds the trigger.
_PREDICATE_DOOR = re.compile(
    r"\s*(?:\([^()]{1,40}\)\s*)?(?:,\s*|(?:is|was|zijn|waren|blijkt|lijkt)\s+(?:[\w-]+\s+)?)?"
    r"(?:een|de|het)\s+(?:[\w-]+\s+)?door\s+(?:de\s+|het\s+|een\s+)?$",
    re.IGNORECASE,
)


def _predicate_subject(
    text: str, obj: ActorSlot, left: Sequence[ActorSlot], allowed: frozenset[str]
) -> ActorSlot | None:
    """The subject in "X is een door Y gesteunde groep", ``obj`` being Y."""
    before = next((s for s in left if s.end <= obj.start and s is not obj), None)
    if before is None or before.type not in allowed:
        return None
    if _PREDICATE_DOOR.fullmatch(text, before.end, obj.start) is None:
        return None
    return before


def _antecedent(
    text: str,
    unit: Span,
    slot: ActorSlot,
    ts: int,
    left: Sequence[ActorSlot],
    allowed: frozenset[str],
) -> ActorSlot | None:
    """The head noun when ``slot`` sits in a relative clause closed before the trigger:
    "X, die banden heeft met Y, (is) aandeelhouder van Z" gives X, not Y."""
    if not re.match(r"\s*,", text[slot.end : ts]):
        return None
    opener = list(re.finditer(r",\s*(?:die|dat|welke)\b", text[unit.start : slot.start]))
    if not opener or re.search(r"[,;:.?!]", text[unit.start + opener[-1].end() : slot.start]):
        return None
    cut = unit.start + opener[-1].start()
    head = next((s for s in left if s.end <= cut), None)
    if head is None or head.type not in allowed or not re.fullmatch(r"\s*", text[head.end : cut]):
        return None
    return head


# Between a name and a noun trigger describing it: an apposition ("X (Y), een
# provinciaal") or a predicate ("X is (nu) het buitenlandse").
_APPOSITION_GAP = re.compile(
    # "X (Y), een ...": the name in brackets may be the slot itself.
    r"\s*\)?\s*(?:\([^()]{1,40}\)\s*)?(?:,\s*|\s(?:is|was|blijft|vormt)\s+(?:\w+\s+){0,3}?)"
    r"(?:een|de|het)\s+(?:[\w-]+\s+){0,2}?",
    re.IGNORECASE,
)


_COMMA_APPOSITION = re.compile(
    r"\s*(?:\([^()]{1,40}\)\s*)?,\s*(?:(?:een|de|het)\s+(?:[\w-]+\s+){0,2}?)?", re.IGNORECASE
)


_COMMA_RELATIVE = re.compile(r"\s*,\s*(?:dat|die|welke)\s+[^,;:.?!]{0,60}", re.IGNORECASE)
# Words that make a relative clause a report or a guess rather than a description.
_HEDGE = re.compile(
    r"\b(?:zou|zouden|mogelijk|vermoedelijk|waarschijnlijk|naar verluidt|volgens|aldus"
    r"|in verband|verdacht|beschuldigd|vermoed|genoemd|gezien als)\b",
    re.IGNORECASE,
)


def _described(text: str, trig: Trigger, subject: ActorSlot, ts: int, te: int) -> bool:
    """An affiliation told in an apposition ("X, de jongerenorganisatie van Y"): the
    text's own description of X, whoever reports the rest of the sentence."""
    if trig.relation != "affiliatedWith" or subject.end > ts:
        return False
    if _COMMA_APPOSITION.fullmatch(text, subject.end, ts) is not None:
        return True
    # "X, dat sinds 2010 eigendom is van Y": a non-restrictive relative clause, unhedged.
    return _COMMA_RELATIVE.fullmatch(text, subject.end, ts) is not None and not _HEDGE.search(
        text, subject.end, te
    )


def _apposition_pair(
    text: str,
    ts: int,
    te: int,
    left: Sequence[ActorSlot],
    right: Sequence[ActorSlot],
    S: frozenset[str],
    O: frozenset[str],  # noqa: E741 - subject/object type sets
) -> tuple[list[ActorSlot], list[ActorSlot]]:
    """ "X, een orgaan van Y": X is the name the noun phrase describes, Y the one after."""
    if not left or not right or left[0].type not in S or right[0].type not in O:
        return [], []
    if not _APPOSITION_GAP.fullmatch(text, left[0].end, ts):
        return [], []
    if right[0].start - te > 30 or _HARD_BREAK.search(text, te, right[0].start):
        return [], []
    return [left[0]], [right[0]]


def _prepositional_pairs(
    text: str,
    trig: Trigger,
    ts: int,
    unit: Span,
    left: Sequence[ActorSlot],
    countries: dict[str, str],
) -> tuple[list[ActorSlot], list[ActorSlot]]:
    """Verb-last clause with a prepositional object: "X wordt door de AIVD aan Rusland
    toegeschreven", "X, dat nauw met het Volksleger verbonden is".

    The object is the slot right after the preposition of the ``context`` column; the
    subject the nearest allowed slot before it that is no "door" agent.
    """
    if trig.context is None:
        return [], []
    S, O = trig.subject_types, trig.object_types  # noqa: E741 - subject/object type sets
    pool = [s for s in left if ts - s.end <= WINDOW and not _HARD_BREAK.search(text[s.end : ts])]
    marked = [
        s
        for s in pool
        if s.type in O and trig.context.search(text[max(unit.start, s.start - 30) : s.start])
    ]
    if not marked:
        return [], []
    # ``pool`` runs right to left: the leftmost marked slot still in the verb's clause.
    marked = [
        s for s in marked if not _CLAUSE.search(re.sub(r"\([^()]{1,40}\)", " ", text[s.end : ts]))
    ]
    if not marked:
        return [], []
    first = marked[-1]
    ahead = [s for s in reversed(pool) if s.start >= first.end and s.type in O]
    objects = _extend(text, first, [first, *ahead], "right", O)
    for slot in (s for s in pool if s.end <= first.start):
        before = text[max(unit.start, slot.start - 40) : slot.start]
        # A subject is a bare noun phrase: not "door de AIVD", not "de aanval op X",
        # not the source in "dat volgens X ... gericht is".
        if _AGENT_PREP.search(before) or _PREP_BEFORE.search(before) or _SOURCE_OF.search(before):
            continue
        if slot.type in S:
            return [slot], objects
        if slot.type not in O:
            break
    return [], []


# "s~o" keeps its subject in the trigger's clause: no clause break between them,
# except a relative opener right after the subject ("X, dat onder controle staat van").
_CLAUSE_GAP = re.compile(r"[,;:?!()]|\b(?:dat|die|welke|maar|omdat|terwijl|want|of)\b")
_GAP_OPENER = re.compile(
    # A whole relative clause closed by its comma: "X, die in 2020 werd verboden, is ...".
    r"\s*(?:,\s*(?:dat|die|welke)\b[^,;:.?!()]{1,100},|"
    r"\s*(?:\([^()]{1,40}\)\s*)?(?:,\s*(?:(?:een|het|de)\s+(?:[\w-]+\s+){0,3}?)?(?:dat|die|welke)\b"
    # A predicate noun's relative clause: "X is een universiteit die onder Y valt".
    r"|(?<=\s)(?:is|was)\s+(?:een|de|het)\s+(?:[\w-]+\s+){0,3}?(?:dat|die|welke)\b"
    # A classification's relative clause: "X heeft Y aangemerkt als 'Z' die samenwerkt".
    r"|(?<=\s)(?:(?:heeft|hebben|had|hadden|is|zijn|was|waren|wordt|worden|werd|werden)\s+)?"
    r"(?:\w+\s+){0,2}?(?:aangemerkt|bestempeld|aangeduid|beschouwd|geclassificeerd|betiteld"
    r"|omschreven)\s+als\s+(?:een\s+)?['‘\"]?[^,;:.?!'‘’\"]{1,50}['’\"]?,?\s+(?:dat|die|welke)\b"
    r"|,\s*(?!(?:dat|die|welke|maar|omdat)\b)"
    r"[^,;:.?!]{1,60},)?)",
    re.IGNORECASE,
)


def _same_clause(text: str, start: int, end: int) -> bool:
    """True when nothing but one clause lies between ``start`` and ``end``."""
    opener = _GAP_OPENER.match(text, start, end)
    rest = text[opener.end() if opener else start : end]
    # The comma closing an apposition the subject ends: "APT28, ook bekend als X, maakt".
    rest = re.sub(r"^\s*,", "", rest)
    return len(rest) <= 80 and not _CLAUSE_GAP.search(rest)


# After the object, the agent of a noun trigger: "de aanval op Y door X", "de aanvallen
# op Y komen van X", "de aanval op Y werd uitgevoerd door (Russische hackers)".
_AGENT_AFTER = re.compile(
    r"\s*(?:[\w-]+\s+){0,3}?(?:door|van|vanuit)\s+(?:de\s+|het\s+|een\s+)?$", re.IGNORECASE
)


def _agent_after(
    text: str,
    pos: int,
    right: Sequence[ActorSlot],
    allowed: frozenset[str],
    countries: dict[str, str],
) -> list[ActorSlot]:
    """The agent named by "door"/"van" right after the object ending at ``pos``."""
    nxt = next((s for s in right if s.start >= pos), None)
    if nxt is not None and nxt.start - pos <= 50 and _AGENT_AFTER.fullmatch(text, pos, nxt.start):
        return [nxt] if nxt.type in allowed else []
    m = re.compile(r"\s*(?:[\w-]+\s+){0,3}?door\s+", re.IGNORECASE).match(text, pos)
    if m and m.end() - pos <= 40:
        agents = _adjective_slots(text, m.end(), min(len(text), m.end() + 60), countries)
        if agents and agents[0].start == m.end() and agents[0].type in allowed:
            return agents[:1]
    return []


# Actor types a nationality noun phrase ties to a country, and the head nouns that may
# carry the adjective ("het Chinese bedrijf X", "de Turkse stichting X").
_NOUN_PHRASE_HEADS = {
    "Company": "company",
    "ThreatActor": "threat",
    "Organisation": "state_organisation",
    "GovernmentBody": "organisation",
}


def _noun_phrase_claims(
    text: str, unit: Span, slots: Sequence[ActorSlot], countries: dict[str, str]
) -> list[_Candidate]:
    """ "het Chinese bedrijf X" / "X, een Chinese actor": X tied to the country."""
    pattern, _ = _nationalities()
    heads = _heads()
    out: list[_Candidate] = []
    carry: tuple[ActorSlot, str, int] | None = None
    for slot in slots:
        if slot.via != "mention" or slot.type not in _NOUN_PHRASE_HEADS:
            continue
        relation = "attributedTo" if slot.type == "ThreatActor" else "affiliatedWith"
        if carry is not None:
            # "de Chinese fabrikanten A en B": the list shares the adjective.
            prev, country, begin = carry
            carry = None
            if prev.type == slot.type and _LIST_JOIN.fullmatch(text[prev.end : slot.start]):
                focus = Span(begin, slot.end)
                out.append(
                    _Candidate(slot.actor_id, relation, country, unit, focus, presupposed=True)
                )
                carry = (slot, country, begin)
                continue
        head = heads[_NOUN_PHRASE_HEADS[slot.type]]
        before = text[max(unit.start, slot.start - 90) : slot.start]
        pre, post = _nationality_around(
            pattern,
            head,
            before,
            text[slot.end : min(unit.end, slot.end + 90)],
            # "het Iraanse ministerie van X": a state's own body needs its head noun.
            bare=slot.type in ("Company", "ThreatActor"),
        )
        m = pre or post
        if not m:
            continue
        country = _country_for(m.group(1), countries)
        if country is None or country == slot.actor_id:
            continue
        if slot.type in ("Organisation", "GovernmentBody") and country in _NOT_FOREIGN:
            continue  # "de Nederlandse universiteit X" says nothing about state ties
        if slot.type in ("Company", "GovernmentBody") and country in _allied(countries):
            continue  # "de Amerikaanse leverancier X", "de Franse dienst X": no state tie
        if pre:
            focus = Span(max(unit.start, slot.start - len(before) + pre.start()), slot.end)
            carry = (slot, country, focus.start)
        else:
            focus = Span(slot.start, slot.end + post.end())
        out.append(_Candidate(slot.actor_id, relation, country, unit, focus, presupposed=True))
    return out


def _nationality_around(
    pattern: re.Pattern[str], head: str, before: str, after: str, bare: bool = True
) -> tuple[re.Match[str] | None, re.Match[str] | None]:
    """A nationality adjective before the name ("het Russische bedrijf X") or in an
    apposition after it ("X, een Chinese hackgroep"); group 1 is the adjective.
    ``bare`` lets the adjective stand right before the name ("het Chinese X")."""
    # Compiled once per (adjectives, head): building and hashing the long pattern
    # text at every call cost more than the searches (issue 6).
    key = (pattern.pattern, head, bare)
    compiled = _AROUND.get(key)
    if compiled is None:
        compiled = _AROUND[key] = (
            re.compile(
                pattern.pattern
                + r"\s+(?:(?:[\w-]+\s+){0,3}?"
                + head
                # "Chinese fabrikanten zoals A en X", "Chinese fabrikanten, vooral van X":
                # the examples of the noun, earlier ones named or not.
                + r"\s*(?::|,?\s*(?:als|zoals|waaronder|vooral|met name)\b"
                + r"(?:\s+onder\s+(?:meer|andere)|\s+van)?"
                + r"(?:\s+(?-i:[A-ZÀ-Ý])[\w-]*(?:\s+(?-i:[A-ZÀ-Ý])[\w-]*)?\s*(?:,|en|of)){0,4})?"
                + r"\s+)"
                + ("?$" if bare else "$")
            ),
            # The apposition ("X, een Chinese hackgroep") or the predicate ("X is een
            # Chinees bedrijf").
            re.compile(
                r"\s*\)?\s*(?:,|\s(?:is|was|zijn|waren)\b)\s*(?:een|de|het)\s+"
                # One plain word may precede the adjective: "X, een andere Chinese groep".
                + r"(?:(?-i:[a-zà-ÿ][\w-]*)\s+)?"
                + pattern.pattern
                + r"\s+(?:[\w-]+\s+){0,2}?"
                + head
                + r"\b"
            ),
        )
    return compiled[0].search(before), compiled[1].match(after)


_AROUND: dict[tuple[str, str, bool], tuple[re.Pattern[str], re.Pattern[str]]] = {}


def implied_countries(
    document: Document, actors: Sequence[Actor], mentions: Sequence[Mention]
) -> list[Actor]:
    """Countries named only by an adjective that carries a claim, as new actors.

    "het Russische bedrijf X", "X, een Iraanse hackgroep" and "de Chinese staat"
    tie an actor to a country the text may never name as a noun. Call this
    before :func:`extract_claims` and add the result to the document's actors so
    those claims have an object. Countries already among ``actors`` are skipped.

    Examples
    --------
    >>> from kamerkg.extract.model import Document, Mention, Span
    >>> text = "Het Russische bedrijf Acme groeit."
    >>> doc = Document(source="a.txt", text=text)
    >>> acme = Actor("acme", "Acme", "Company")
    >>> [(a.id, a.type) for a in implied_countries(doc, [acme], [
    ...     Mention(Span(22, 26), "Acme", "ORG", actor_id="acme")])]
    [('rusland', 'Country')]
    """
    try:
        pattern, table = _nationalities()
        heads = _heads()
        known = country_index(actors)
        text = document.text
        found: dict[str, Actor] = {}

        def add(adjective: str, start: int) -> None:
            names = table.get(adjective, ())
            if not names or any(fold(n) in known for n in names):
                return
            actor = found.setdefault(
                slug(names[0]), Actor(slug(names[0]), names[0], "Country", set(names[1:]))
            )
            actor.mentions.append(Span(start, start + len(adjective)))

        for slot in actor_slots(document, actors, mentions):
            if slot.via != "mention" or slot.type not in ("Company", "ThreatActor"):
                continue
            head = heads["company" if slot.type == "Company" else "threat"]
            before = text[max(0, slot.start - 90) : slot.start]
            pre, post = _nationality_around(pattern, head, before, text[slot.end : slot.end + 90])
            if pre:
                add(pre.group(1), slot.start - len(before) + pre.start(1))
                continue
            if post:
                add(post.group(1), slot.end + post.start(1))
        state = re.compile(
            r"\b(?:de|het)\s+" + pattern.pattern + r"\s+(?:staat|overheid|regering)\b"
        )
        for m in state.finditer(text):
            add(m.group(1), m.start(1))
        return sorted(found.values(), key=lambda a: a.id)
    except (re.error, KeyError, ValueError, IndexError):
        return []


# "(sancties tegen A en B) vanwege hun rol in X": the listed parties take part in X.
_ROLE_IN = re.compile(
    r"\b(?:vanwege|wegens|om|voor|gezien)\s+(?:hun|zijn|haar)\s+(?:[\w-]+\s+)?"
    r"(?:rol|aandeel|betrokkenheid|bijdrage)\s+(?:in|bij|aan)\s+(?:de\s+|het\s+|een\s+)?",
    re.IGNORECASE,
)
# Where the list of those parties starts: after the preposition of the measure.
_MEASURE_TARGET = re.compile(r"\b(?:aan|tegen|op)\s+", re.IGNORECASE)
_ROLE_IN_PARTIES = frozenset({"Company", "Organisation", "ThreatActor"})
_ROLE_IN_WHOLE = frozenset({"ThreatActor", "Organisation"})


def _role_in_claims(text: str, unit: Span, slots: Sequence[ActorSlot]) -> list[_Candidate]:
    """ "sancties opgelegd aan A, B en C vanwege hun rol in de X-campagne": A and B (not
    the persons, whose ties are their roles) are affiliated with X."""
    out: list[_Candidate] = []
    if len({s.actor_id for s in slots}) < 2:
        return out  # a part and its whole are two different actors
    for m in _ROLE_IN.finditer(text, unit.start, unit.end):
        whole = next((s for s in slots if s.start >= m.end()), None)
        if whole is None or whole.type not in _ROLE_IN_WHOLE or whole.start - m.end() > 30:
            continue
        head = text[unit.start : m.start()]
        starts = [x.end() for x in _MEASURE_TARGET.finditer(head)]
        begin = unit.start + starts[-1] if starts else unit.start
        if _HARD_BREAK.search(text, begin, m.start()):
            continue
        for part in (s for s in slots if begin <= s.start and s.end <= m.start()):
            if part.type in _ROLE_IN_PARTIES and part.actor_id != whole.actor_id:
                focus = _focus(part, whole, extra=m.span())
                out.append(_Candidate(part.actor_id, "affiliatedWith", whole.actor_id, unit, focus))
    return out


# How far back the organisation of a bare role ("voorzitter X") may have been named.
_BARE_ROLE_REACH = 300
_BARE_ROLE_ORGS = frozenset({"Organisation", "Company"})
_OF_BEFORE = re.compile(r"\b(?:van|bij)\s+(?:de\s+|het\s+)?$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _bare_role() -> re.Pattern[str]:
    # The role right before the name, without article or "van": "en wordt voorzitter X".
    # "de bestuursvoorzitter, de heer X": a title may follow the role.
    return re.compile(
        r"(?<![\w-])" + _heads()["bare_role"] + r"(?:\s*,\s*(?:de heer|mevrouw)\s+|\s+)$",
        re.IGNORECASE,
    )


def _bare_role_claims(
    text: str, unit: Span, inside: Sequence[ActorSlot], slots: Sequence[ActorSlot]
) -> list[_Candidate]:
    """ "Welke rol speelt organisatie Y, en wordt voorzitter X bedreigd?": a role named
    without its organisation is one at the organisation just named (no other between)."""
    out: list[_Candidate] = []
    pattern = _bare_role()
    for person in inside:
        if person.type != "Person" or person.via != "mention":
            continue
        m = pattern.search(text, max(unit.start, person.start - 40), person.start)
        if m is None or _OF_BEFORE.search(text, max(unit.start, m.start() - 12), m.start()):
            continue  # "de partij Y van voorzitter X": the role is at Y, named right there
        before = [
            s
            for s in slots
            if s.end <= m.start() and m.start() - s.end <= _BARE_ROLE_REACH and s.via == "mention"
        ]
        orgs = {s.actor_id for s in before if s.type in _BARE_ROLE_ORGS}
        if len(orgs) != 1:
            continue  # none, or more than one it could be
        org = next(s for s in reversed(before) if s.type in _BARE_ROLE_ORGS)
        if "\n\n" in text[org.end : m.start()]:
            continue  # a new paragraph, a new subject
        cand = _Candidate(person.actor_id, "affiliatedWith", org.actor_id, unit, _focus(person))
        cand.presupposed = cand.descriptive = True
        out.append(cand)
    return out


# Supplying a foreign state's services or army ties a company to them; supplying the
# home side is use, which the "uses" triggers read.
_SUPPLY = re.compile(
    r"\b(?:levert|leveren|leverde|leverden|geleverd)\b(?:\s+[\w'’-]+){0,5}?\s+aan\s+"
    r"|\bklant(?:en)?\b",
    re.IGNORECASE,
)
# "X is klant van Y": a use only when X is one of the home state's own bodies.
_CLIENT = re.compile(r"klant", re.IGNORECASE)
_SUPPLIERS = frozenset({"Company", "Organisation"})
_BODIES = frozenset({"GovernmentBody"})


def _supply_claims(
    text: str, unit: Span, slots: Sequence[ActorSlot], foreign: frozenset[str]
) -> list[_Candidate]:
    """ "X, die producten levert aan het Chinese leger": X affiliated with that body."""
    out: list[_Candidate] = []
    mentioned = [s for s in slots if s.via != "adjective"]
    for m in _SUPPLY.finditer(text, unit.start, unit.end):
        left = [s for s in reversed(mentioned) if s.end <= m.start()]
        subj = _nearest(text, left, m.start(), "left", _SUPPLIERS, breaks=_SUBJECT_BREAK)
        if subj is None or not _same_clause(text, subj.end, m.start()):
            continue
        right = [s for s in mentioned if s.start >= m.end()]
        first = _nearest(text, right, m.end(), "right", _BODIES, window=60, breaks=_OBJECT_BREAK)
        if first is None:
            continue
        for body in _extend(text, first, right, "right", _BODIES):
            if body.actor_id in foreign:
                focus = _focus(subj, body, extra=m.span())
                out.append(_Candidate(subj.actor_id, "affiliatedWith", body.actor_id, unit, focus))
    return out


def _dependency_claims(doc: Any, unit: Span, slots: Sequence[ActorSlot]) -> list[_Candidate]:
    """Subject/object of trigger verbs from a dependency parse (model installed)."""
    try:
        if not doc.has_annotation("DEP"):
            return []
    except (AttributeError, ValueError):
        return []
    lemmas = _lemmas()
    out: list[_Candidate] = []

    def slot_of(token: Any) -> ActorSlot | None:
        sub = list(token.subtree)
        a, b = sub[0].idx, sub[-1].idx + len(sub[-1].text)
        inside = [s for s in slots if a <= s.start and s.end <= b]
        return inside[0] if inside else None

    for token in doc:
        if not unit.start <= token.idx < unit.end:
            continue
        entry = lemmas.get(token.lemma_.lower())
        if entry is None:
            continue
        relation, S, O = entry  # noqa: E741
        subj = obj = None
        for child in token.children:
            dep = child.dep_.lower()
            if dep in ("nsubj", "obl:agent") or (
                dep == "obl"
                and any(c.lower_ == "door" and c.dep_ == "case" for c in child.children)
            ):
                subj = subj or slot_of(child)
            elif dep in ("obj", "nsubj:pass", "dobj"):
                obj = obj or slot_of(child)
        if subj and obj and subj.type in S and obj.type in O and subj.actor_id != obj.actor_id:
            focus = Span(
                min(subj.start, obj.start, token.idx),
                max(subj.end, obj.end, token.idx + len(token)),
            )
            out.append(_Candidate(subj.actor_id, relation, obj.actor_id, unit, focus))
    return out


def _is_question(document: Document, part: int | None) -> bool:
    return part is not None and document.parts[part].kind == "question"


def extract_claims(
    document: Document,
    actors: Sequence[Actor],
    mentions: Sequence[Mention],
    sentences: Sequence[Span],
    *,
    doc: Any = None,
) -> list[Claim]:
    """Relations between actors of one document, one per (subject, relation, object).

    Parameters
    ----------
    document : Document
        The laid-out document.
    actors : sequence of Actor
        Resolved actors; their ``type`` drives the type constraints.
    mentions : sequence of Mention
        Mentions with ``actor_id`` set by the resolver; others are ignored.
    sentences : sequence of Span
        Sentence spans (cut at part borders here); empty means split the text here.
    doc : spacy.tokens.Doc, optional
        A parsed doc over ``document.text``; adds dependency-based matches.

    Returns
    -------
    list of Claim
        Sorted by evidence offset, then subject, relation and object. ``memberOf``
        is never produced here (the resolver does that).
    """
    try:
        return _extract(document, actors, mentions, sentences, doc)
    except (re.error, KeyError, ValueError, IndexError):  # odd input must never crash a build
        return []


def _extract(
    document: Document,
    actors: Sequence[Actor],
    mentions: Sequence[Mention],
    sentences: Sequence[Span],
    doc: Any,
) -> list[Claim]:
    text = document.text
    slots = actor_slots(document, actors, mentions)
    countries = country_index(actors)
    if not slots and not countries:
        return []
    foreign = _foreign_ids(actors)
    home = _home_ids(actors)
    # Who asks and who answers talks about use, never is the user.
    names = {fold(p.name) for p in [*document.asked_by, *document.answered_by]}
    participants = frozenset(a.id for a in actors if names & {fold(n) for n in a.names()})
    candidates: list[_Candidate] = []
    units = sentence_units(document, sentences)
    triggers = load_triggers()
    plan = units_to_scan(text, units, [t.pattern for t in triggers])
    for unit, scan in zip(units, plan, strict=True):
        first = len(candidates)
        inside = slots_within(slots, unit)
        for trig in (triggers[i] for i in scan):
            for m in trig.pattern.finditer(text, unit.start, unit.end):
                # A group named "t" marks the trigger proper ("richtte X |zich op|").
                ts = (
                    m.start("t")
                    if "t" in trig.pattern.groupindex and m.start("t") >= 0
                    else m.start()
                )
                pairs = _pairs(text, trig, ts, m.end(), unit, inside, slots, countries)
                for s, o in pairs:
                    if _home_cooperation(trig, m, o, home):
                        continue
                    if (
                        trig.relation == "uses"
                        and s.actor_id in foreign
                        and _SUPPLY.search(m.group(0) + " ")
                    ):
                        continue  # supplying a foreign state's bodies is a tie, not use
                    if (
                        trig.relation == "uses"
                        and _CLIENT.match(m.group(0))
                        and s.actor_id not in home
                    ):
                        continue  # only the home state's own bodies are plainly users
                    if _described(text, trig, s, ts, m.end()) and any(
                        p[0] is s and p[1].start < o.start for p in pairs
                    ):
                        continue  # "X, onderdeel van Y, en van Z ...": an apposition has one
                    if trig.relation == "targeted" and _MEASURE_AGAINST.search(
                        text, max(0, o.start - 60), o.start
                    ):
                        continue  # "sancties tegen X" after an attack noun: X is no victim
                    ends = [x for x in (s, o) if unit.start <= x.start and x.end <= unit.end]
                    lo = min([m.start(), *(x.start for x in ends)])
                    hi = max([m.end(), *(x.end for x in ends)])
                    who = None
                    if trig.relation == "attributedTo":
                        pos = s.start if s.via != "adjective" and s in inside else m.start()
                        who = _attributor(text, unit, pos, inside) or _passive_attributor(
                            text, unit, s, m.end(), [x for x in inside if x is not o]
                        )
                    candidates.append(
                        _Candidate(
                            s.actor_id,
                            trig.relation,
                            o.actor_id,
                            unit,
                            Span(lo, hi),
                            attributor=who,
                            descriptive=_described(text, trig, s, ts, m.end()),
                        )
                    )
        # An attribution's agent ("toegeschreven aan het Russische bedrijf X") is itself
        # attributed to its country, not merely affiliated with it.
        agents = {
            c.object: c.attributor
            for c in candidates
            if c.relation == "attributedTo" and c.unit == unit
        }
        for cand in _noun_phrase_claims(text, unit, inside, countries):
            if cand.subject in agents and cand.relation == "affiliatedWith":
                cand.relation = "attributedTo"
                cand.attributor = agents[cand.subject]
            candidates.append(cand)
        if doc is not None:
            candidates += _dependency_claims(doc, unit, inside)
        candidates += _role_in_claims(text, unit, inside)
        candidates += _supply_claims(text, unit, inside, foreign)
        candidates += _bare_role_claims(text, unit, inside, slots)
        if FALLBACKS:
            candidates += _fallback_claims(
                text, unit, inside, candidates[first:], foreign, participants
            )
    if "targeted" in FALLBACKS:
        candidates += _event_anaphora(document, units, slots, candidates, foreign)
        candidates = _event_principals(document, units, slots, candidates, foreign)
    _orient_affiliations(candidates, {a.id: a.type for a in actors})
    # A country the text names only by an adjective ("het Chinese bedrijf X", "Chinese
    # hackers") is no mention of it: a claim needs both ends named.
    unnamed = {a.id for a in actors if not a.named}
    candidates = [c for c in candidates if c.subject not in unnamed and c.object not in unnamed]
    return _judge_and_dedupe(document, candidates, slots)


_COOPERATION = re.compile(r"samen|samenwerk", re.IGNORECASE)


def _home_cooperation(trig: Trigger, m: re.Match[str], o: ActorSlot, home: frozenset[str]) -> bool:
    """ "Het havenbedrijf werkt samen met de politie": working with the home state or its
    own bodies is no tie of the kind the graph records; with a foreign state it is."""
    return (
        trig.relation == "affiliatedWith"
        and bool(_COOPERATION.search(m.group(0)))
        and o.actor_id in home
    )


def _home_ids(actors: Sequence[Actor]) -> frozenset[str]:
    """The home state and the bodies the curated lists place in it."""
    bodies = _body_countries()
    out = set()
    for actor in actors:
        if actor.type == "Country" and fold(actor.label) in _NOT_FOREIGN:
            out.add(actor.id)
        elif actor.type == "GovernmentBody":
            known = [bodies[fold(n)] for n in sorted(actor.names()) if fold(n) in bodies]
            if known and known[0] in _NOT_FOREIGN:
                out.add(actor.id)
            elif not known and _home_ministries() & {fold(n) for n in actor.names()}:
                out.add(actor.id)  # a Dutch ministry ("Defensie", "Justitie en Veiligheid")
    return frozenset(out)


@lru_cache(maxsize=1)
def _home_ministries() -> frozenset[str]:
    """Folded names of the Dutch ministries of the curated list (all of them home)."""
    out: set[str] = set()
    try:
        path = files("kamerkg.seeds") / "actors" / "ministries.csv"
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                names = [row.get("name") or "", *(row.get("aliases") or "").split("|")]
                out |= {fold(n) for n in names if n.strip()}
    except (OSError, ModuleNotFoundError, csv.Error):
        return frozenset()
    return frozenset(out)


# Affiliation points from the smaller party to the larger: a person to their company,
# a company to a threat actor it fronts for, anything to a state body or a state.
_AFFILIATION_RANK = {
    "Person": 0,
    "Company": 1,
    "Organisation": 1,
    "ThreatActor": 2,
    "GovernmentBody": 3,
    "PoliticalParty": 3,
    "Country": 4,
}


def _orient_affiliations(candidates: list[_Candidate], types: dict[str, str]) -> None:
    """Turn affiliation candidates so the lower-ranked actor is the subject ("opgericht
    door X": the founder X is tied to the company, not the company to X)."""
    for cand in candidates:
        if cand.relation != "affiliatedWith":
            continue
        s = _AFFILIATION_RANK.get(types.get(cand.subject, ""), 9)
        o = _AFFILIATION_RANK.get(types.get(cand.object, ""), 9)
        if o < s:
            cand.subject, cand.object = cand.object, cand.subject


def _reporting_party(slot: ActorSlot) -> str | None:
    """The slot's actor when it reports a claim: a company, organisation or foreign state.

    The text's own side (Nederland, its bodies and people) asserts, not reports.
    """
    if slot.type in ("Company", "Organisation", "Country") and slot.actor_id != "nederland":
        return slot.actor_id
    return None


def _attributor(text: str, unit: Span, pos: int, slots: Sequence[ActorSlot]) -> str | None:
    """The third party making an attribution: "Meta (, het moederbedrijf,) schreef |X toe"."""
    for slot in sorted((s for s in slots if s.end <= pos and s.start >= unit.start), reverse=True):
        gap = _APPOSITION.sub(" ", text[slot.end : pos])
        if not _ATTRIBUTOR_GAP.match(gap):
            continue
        return _reporting_party(slot)
    return None


def _passive_attributor(
    text: str, unit: Span, subject: ActorSlot, end: int, slots: Sequence[ActorSlot]
) -> str | None:
    """The "door" agent of a passive attribution: "X wordt door de VS toegeschreven aan"."""
    for slot in slots:
        if not subject.end <= slot.start < end or slot.via != "mention":
            continue
        if not _AGENT_PREP.search(text[max(unit.start, slot.start - 40) : slot.start]):
            continue
        return _reporting_party(slot)
    return None


def _anchors(slots: Sequence[ActorSlot], *actor_ids: str) -> tuple[Span, ...]:
    """Where an actor is named: an answer naming a claim's subject may settle a question."""
    return tuple(Span(s.start, s.end) for s in slots if s.actor_id in actor_ids)


def _judge_and_dedupe(
    document: Document, candidates: list[_Candidate], slots: Sequence[ActorSlot]
) -> list[Claim]:
    best: dict[tuple[str, str, str], tuple[tuple[int, int, int], Claim]] = {}
    for cand in candidates:
        part = document.part_at(cand.unit.start)
        if cand.descriptive:
            result = StanceResult("asserted")
        else:
            result = assess(
                document,
                cand.unit,
                part_index=part,
                focus=cand.focus,
                presupposed=cand.presupposed,
                anchors=_anchors(slots, cand.subject),
            )
        reported_by = None
        if result.source_span is not None:
            src = result.source_span
            hits = [
                s for s in slots if s.start < src.end and src.start < s.end and s.via == "mention"
            ]
            reported_by = hits[0].actor_id if hits else None
        if cand.attributor and result.stance == "asserted":
            # "De VS hebben X toegeschreven aan Y": the text reports another's attribution.
            result = StanceResult("reported", "toegeschreven door", None, None, None)
            reported_by = cand.attributor
        report_source = None
        if reported_by is None and result.stance in ("reported", "unconfirmed"):
            report_source = result.reported_by_surface or result.report_source
        claim = Claim(
            subject=cand.subject,
            relation=cand.relation,
            object=cand.object,
            evidence=cand.unit,
            stance=result.stance,
            cue=result.cue,
            reported_by=reported_by,
            report_source=report_source,
            part=part,
        )
        rank = (
            int(_is_question(document, part)),
            _STANCE_RANK.get(result.stance, 9),
            cand.unit.start,
        )
        key = (cand.subject, cand.relation, cand.object)
        if cand.relation == "affiliatedWith":
            # Affiliation runs both ways: one claim per pair of actors.
            key = (*sorted((cand.subject, cand.object)), cand.relation)  # type: ignore[assignment]
        if key not in best or rank < best[key][0]:
            best[key] = (rank, claim)
    claims = [c for _, c in best.values()]
    return sorted(claims, key=lambda c: (c.evidence.start, c.subject, c.relation, c.object))


# --- Guarded co-occurrence fallback -------------------------------------------------
# Real texts say who did what in more ways than the trigger table knows. Where the
# rules found nothing for a pair in a sentence, a signal word plus the actor types
# (and a few word-order cues) still give the relation. Each relation can be turned
# off here; measured on the dev set, each kept DEV precision above 0.85.
FALLBACKS: frozenset[str] = frozenset({"attributedTo", "targeted", "affiliatedWith", "uses"})
_HOME = "nederland"
_NOT_FOREIGN = frozenset({"nederland", "europese unie"})
_FALLBACK_WINDOW = 120
_VICTIM_PREP = re.compile(
    r"\b(?:op|tegen|in|naar|binnen|bij)\s+(?:de\s+|het\s+|een\s+)?(?:[\w-]+\s+)?$", re.IGNORECASE
)
_VICTIM_TYPES = frozenset(
    {"Person", "GovernmentBody", "Organisation", "Company", "Country", "PoliticalParty"}
)
_FOR_PRINCIPAL = re.compile(
    r"\s+(?:voor|namens|ten behoeve van|in opdracht van)\s+(?:de\s+|het\s+)?", re.IGNORECASE
)
_MEASURE_AGAINST = re.compile(
    r"\b(?:sancties?|strafmaatregel(?:en)?|tegenmaatregel(?:en)?|maatregel(?:en)?|represailles)"
    r"\s+(?:\w+\s+)?(?:tegen|op)\s+(?:de\s+|het\s+)?$",
    re.IGNORECASE,
)
# A purpose clause between a name and the attack: the name is the means, not the victim.
_PURPOSE = re.compile(r"\bom\b", re.IGNORECASE)
_VIA_BEFORE = re.compile(
    r"\bvia\s+(?:[\w-]+\s+){0,2}?(?:(?:op|van)\s+)?(?:de\s+|het\s+)?$", re.IGNORECASE
)
_ATTACKED_PREP = re.compile(r"\b(?:op|tegen)\s+(?:de\s+|het\s+)?$", re.IGNORECASE)
# A user and its use verb sit in one clause: not "het besluit van X om het gebruik".
_USE_BREAK = re.compile(_CLAUSE.pattern + r"|\b(?:om|waaruit|waarin|het|een)\s*$", re.IGNORECASE)
_AGENT_PREP = re.compile(r"\bdoor\s+(?:de\s+|het\s+|een\s+)?(?:[\w-]+\s+){0,2}?$", re.IGNORECASE)
_ROLE_LINK = re.compile(r"\s+(?:\w+\s+){0,2}?(?:van|bij|voor)\s+(?:de\s+|het\s+)?$", re.IGNORECASE)
# Between a person and the role word after it: "X, (de) (voormalig) directeur".
_PERSON_TO_ROLE = re.compile(
    r"\s*(?:,|\(|\bis\b|\bwas\b|\bals\b)\s*(?:(?:de|het|een|voormalig|voormalige|toenmalig"
    r"|toenmalige|oud-|huidige)\s*)*$",
    re.IGNORECASE,
)
_AFTER_ROLE_TARGET = re.compile(r"^\s*(?:\)\s*)?,?\s*$")


@lru_cache(maxsize=1)
def _fallback_patterns() -> dict[tuple[str, str], re.Pattern[str]]:
    return {
        (r["relation"], r["kind"]): re.compile(r["pattern"], re.IGNORECASE)
        for r in _rows("relation_fallback.csv")
    }


@lru_cache(maxsize=1)
def _body_countries() -> dict[str, str]:
    """Folded names of the curated government bodies to their folded country."""
    out: dict[str, str] = {}
    try:
        path = files("kamerkg.seeds") / "actors" / "bodies.csv"
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                country = fold(row.get("country") or "")
                names = [row.get("name") or "", *(row.get("aliases") or "").split("|")]
                for name in names:
                    if name.strip() and country:
                        out.setdefault(fold(name), country)
    except (OSError, ModuleNotFoundError, csv.Error):
        return {}
    return out


def _foreign_ids(actors: Sequence[Actor]) -> frozenset[str]:
    """Foreign countries and foreign state bodies: possible agents of state threats."""
    pattern, table = _nationalities()
    bodies = _body_countries()
    out = set()
    for actor in actors:
        if actor.type == "Country" and fold(actor.label) not in _NOT_FOREIGN:
            out.add(actor.id)
        elif actor.type == "GovernmentBody":
            names = sorted(actor.names())
            known = [bodies[fold(n)] for n in names if fold(n) in bodies]
            if known:
                if known[0] not in _NOT_FOREIGN:
                    out.add(actor.id)
                continue
            # An unlisted body named by its nationality: "de Russische militaire dienst".
            m = pattern.match(actor.label)
            if m and all(fold(c) not in _NOT_FOREIGN for c in table.get(m.group(1), ())):
                out.add(actor.id)
    return frozenset(out)


def _dist(slot: ActorSlot, pos: int) -> int:
    return min(abs(slot.start - pos), abs(slot.end - pos))


def _focus(*slots: ActorSlot, extra: tuple[int, int] | None = None) -> Span:
    points = [p for s in slots for p in (s.start, s.end)] + list(extra or ())
    return Span(min(points), max(points))


def _fallback_claims(
    text: str,
    unit: Span,
    inside: Sequence[ActorSlot],
    found: Sequence[_Candidate],
    foreign: frozenset[str],
    participants: frozenset[str] = frozenset(),
    enabled: frozenset[str] = FALLBACKS,
) -> list[_Candidate]:
    """Co-occurrence claims for pairs the trigger rules left unrelated in ``unit``.

    ``found`` are the rule-based candidates of the same sentence; a pair they relate
    (either way round) is left alone, and so is a threat actor they already attribute.
    """
    pats = _fallback_patterns()
    mentioned = [s for s in inside if s.via != "adjective"]
    if len({s.actor_id for s in mentioned}) < 2:
        return []  # every claim below joins two different actors (see free())
    related = {frozenset((c.subject, c.object)) for c in found}
    attributed = {c.subject for c in found if c.relation == "attributedTo"}
    # A state a rule already ties to another actor of the sentence ("banden met X, een
    # door het Kremlin opgerichte organisatie") is that actor's principal.
    principals = {
        c.object: c.subject for c in found if c.relation in ("affiliatedWith", "attributedTo")
    }
    out: list[_Candidate] = []

    def free(a: ActorSlot, b: ActorSlot) -> bool:
        return a.actor_id != b.actor_id and frozenset((a.actor_id, b.actor_id)) not in related

    def add(s: ActorSlot, relation: str, o: ActorSlot, span: tuple[int, int] | None) -> None:
        related.add(frozenset((s.actor_id, o.actor_id)))
        out.append(_Candidate(s.actor_id, relation, o.actor_id, unit, _focus(s, o, extra=span)))

    def before(slot: ActorSlot, regex: re.Pattern[str]) -> bool:
        return bool(regex.search(text[max(unit.start, slot.start - 40) : slot.start]))

    # Each family below needs a kind of actor in the sentence: without it, its signal
    # search is skipped (it could add nothing).
    types = {s.type for s in mentioned}
    hostile = "ThreatActor" in types or any(s.actor_id in foreign for s in mentioned)
    if "attributedTo" in enabled and "ThreatActor" in types:
        signal = next(
            (
                m
                for m in _finditer(pats[("attributedTo", "signal")], text, unit)
                if not any(x.start <= m.start() < x.end + 1 for x in mentioned)
            ),
            None,
        )
        if signal:
            reporter = pats[("targeted", "reporter")]
            states = [
                s
                for s in mentioned
                if s.actor_id in foreign
                and s.type in ("Country", "GovernmentBody")
                and not before(s, _VICTIM_PREP)
                # "de aanklacht van het Amerikaanse ministerie": who accuses, no principal
                and not before(s, _SOURCE_OF)
                # "Viginum stelde vast dat ...": who finds it is no principal.
                and not reporter.match(text[s.end : unit.end])
            ]
            for threat in (s for s in mentioned if s.type == "ThreatActor"):
                if threat.actor_id in attributed:
                    continue
                near = [s for s in states if _dist(s, threat.start) <= _FALLBACK_WINDOW]
                near = [
                    s
                    for s in near
                    if free(threat, s)
                    and principals.get(s.actor_id, threat.actor_id) == threat.actor_id
                ]
                if near:
                    obj = min(near, key=lambda s: (_dist(s, threat.start), s.start))
                    add(threat, "attributedTo", obj, signal.span())
                    attributed.add(threat.actor_id)
    if "targeted" in enabled and hostile:
        blocker = pats[("targeted", "blocker")]
        signal = next(
            (
                m
                for m in _finditer(pats[("targeted", "signal")], text, unit)
                if not blocker.search(text[max(unit.start, m.start() - 40) : m.start()])
                and not any(x.start <= m.start() < x.end for x in mentioned)
            ),
            None,
        )
        if signal:
            _targeted(text, unit, mentioned, signal, foreign, pats, free, add, before)
    if "uses" in enabled and "Company" in types:
        uses = pats[("uses", "signal")]
        signal = uses.search(text, unit.start, unit.end) if may_match(text, unit, uses) else None
        if signal:
            companies = [s for s in mentioned if s.type == "Company"]
            right = [s for s in companies if s.start >= signal.start()]
            obj = right[0] if right else (companies[-1] if companies else None)
            users = [
                s
                for s in mentioned
                if s.end <= signal.start()
                and s.actor_id not in foreign
                and s.type in ("GovernmentBody", "Organisation", "Person", "Company")
                and obj is not None
                and s.start < obj.start
            ]
            users = [s for s in users if s.actor_id not in participants]
            if obj is not None and users:
                subj = users[-1]
                gap = text[subj.end : signal.start()]
                if len(gap) <= _FALLBACK_WINDOW and not _USE_BREAK.search(gap) and free(subj, obj):
                    add(subj, "uses", obj, signal.span())
    if "affiliatedWith" in enabled:
        origin = pats[("affiliatedWith", "origin")]
        for i, slot in enumerate(mentioned):
            if slot.type not in ("Company", "Organisation"):
                continue
            nxt = mentioned[i + 1] if i + 1 < len(mentioned) else None
            if (
                nxt
                and nxt.type == "Country"
                and origin.match(text[slot.end : nxt.start])
                and free(slot, nxt)
            ):
                add(slot, "affiliatedWith", nxt, None)
        for m in _finditer(pats[("affiliatedWith", "role")], text, unit):
            _role(text, unit, mentioned, m, free, add)
            _role_back(text, unit, mentioned, m, free, add)
        # "Li Wei van Bolt Systems zei", "Li Wei (Bolt Systems)": a person and their employer.
        person_org = pats[("affiliatedWith", "person-org")]
        for person, org in itertools.pairwise(mentioned):
            if (
                person.type == "Person"
                and org.type in ("Company", "Organisation")
                and person_org.match(text[person.end : org.start])
                and (
                    text[person.end : org.start].strip() != "("
                    or text[org.end : org.end + 2].strip()[:1] == ")"
                )
                and free(person, org)
            ):
                add(person, "affiliatedWith", org, None)
                # "A en B van Y": the persons of a list share the organisation.
                k = mentioned.index(person)
                while k > 0 and mentioned[k - 1].type == "Person":
                    if not _LIST_JOIN.fullmatch(text[mentioned[k - 1].end : mentioned[k].start]):
                        break
                    if free(mentioned[k - 1], org):
                        add(mentioned[k - 1], "affiliatedWith", org, None)
                    k -= 1
    return out


def _finditer(pattern: re.Pattern[str], text: str, unit: Span) -> Iterator[re.Match[str]]:
    """``pattern.finditer`` inside ``unit``, skipped where it cannot match."""
    return (
        pattern.finditer(text, unit.start, unit.end) if may_match(text, unit, pattern) else iter(())
    )


def _role(text, unit, mentioned, m, free, add) -> None:  # type: ignore[no-untyped-def]
    """ "X, directeur van Y" / "directeur van Y, X" / "Y-directeur X": X affiliated with Y."""
    orgs = ("Company", "Organisation", "GovernmentBody", "Country")
    target = next((s for s in mentioned if s.start >= m.end()), None)
    if target is None or target.type not in orgs:
        return
    if not _ROLE_LINK.fullmatch(" " + text[m.end() : target.start]):
        return
    person = None
    left = [s for s in mentioned if s.end <= m.start()]
    gap = text[left[-1].end : m.start()] if left else ""
    if (
        left
        and left[-1].type == "Person"
        and len(gap) <= 40
        and _PERSON_TO_ROLE.search(gap)
        and re.fullmatch(r"[^.;:?!]*", gap)
    ):
        person = left[-1]
    after = [s for s in mentioned if s.start >= target.end]
    if (
        person is None
        and after
        and after[0].type == "Person"
        and after[0].start - target.end <= 4
        and _AFTER_ROLE_TARGET.match(text[target.end : after[0].start])
    ):
        person = after[0]
    if person is not None and free(person, target):
        add(person, "affiliatedWith", target, m.span())


# "de leider daarvan, X": the role points back to the organisation just named.
_ROLE_BACK = re.compile(r"\s+(?:daarvan|ervan|hiervan|van dien)\s*(?:\(\s*|,\s*|\s)$")


def _role_back(text, unit, mentioned, m, free, add) -> None:  # type: ignore[no-untyped-def]
    """ "het netwerk Y en de leider daarvan, X": X affiliated with Y."""
    orgs = ("Company", "Organisation", "GovernmentBody", "ThreatActor", "PoliticalParty")
    person = next((s for s in mentioned if s.start >= m.end()), None)
    if person is None or person.type != "Person" or person.start - m.end() > 14:
        return
    if not _ROLE_BACK.fullmatch(text, m.end(), person.start):
        return
    left = [s for s in mentioned if s.end <= m.start()]
    if not left or left[-1].type not in orgs:
        return
    gap = text[left[-1].end : m.start()]
    if len(gap) > 40 or _HARD_BREAK.search(gap) or _CLAUSE.search(gap.replace(",", " ")):
        return
    if free(person, left[-1]):
        add(person, "affiliatedWith", left[-1], m.span())


def _targeted(text, unit, mentioned, signal, foreign, pats, free, add, before) -> None:  # type: ignore[no-untyped-def]
    """Attacker (threat actor, foreign state) and victim around an attack signal."""
    reporter, source = pats[("targeted", "reporter")], pats[("targeted", "source")]
    pos = signal.start()
    attackers, victims = [], []
    for s in mentioned:
        if _dist(s, pos) > _FALLBACK_WINDOW or before(s, source) or before(s, _SOURCE_OF):
            continue
        if before(s, _MEASURE_AGAINST):
            continue  # "sancties tegen X": the target of a measure, not of an attack
        hostile = s.type == "ThreatActor" or s.actor_id in foreign
        if hostile and _FOR_PRINCIPAL.fullmatch(text, signal.end(), s.start):
            return  # "spionage voor China": spying for a state, no victim named
        if hostile and _ATTRIBUTES_LATER.match(text, s.end, unit.end) and not before(s, _TO_PREP):
            continue  # "het VK heeft de hack op X aan China toegeschreven": who attributes
        if hostile and s.end <= pos and _GENERIC_AGENT_PP.search(text, s.end, pos):
            continue  # "X koopt niet uit landen met programma's tegen Y": no agent named
        if hostile and not before(s, _ATTACKED_PREP):
            attackers.append(s)
        elif s.type in _VICTIM_TYPES and not hostile:
            if reporter.match(text[s.end : unit.end]) or before(s, _AGENT_PREP):
                continue  # who warns, reports or acts is no victim
            if _ATTRIBUTOR_AFTER.match(text, s.end, unit.end) or (
                _AUXILIARY_HAVE.search(text, max(unit.start, s.start - 20), s.start)
                and _ATTRIBUTION_VERB.search(text, s.end, unit.end)
            ):
                continue  # "(heeft) het kabinet de operatie aan China toegeschreven"
            if s.end <= pos and _CLAUSE.search(text[s.end : pos]):
                continue  # "X stelt dat China achter de aanval zit"
            if s.end <= pos and _PURPOSE.search(text[s.end : pos]):
                continue  # "routers van X gebruikte om sabotage voor te bereiden"
            if _COMPOUND.match(text, s.end):
                continue  # "op de EU-sanctielijst": a name inside a compound is no victim
            if _OFFICE_OF.search(text, max(unit.start, s.start - 80), s.start):
                continue  # "vragen aan de ministers van Justitie en van Defensie": an office
            if before(s, _VIA_BEFORE) or _reporting_aside(text, unit, s):
                continue  # "bedreigd via berichten op X": the means, no victim
            if s.start >= signal.end() and not before(s, _VICTIM_PREP):
                continue  # after the signal only "aanval op X", "spionage bij X"
            victims.append(s)
        elif hostile and s.type != "ThreatActor":
            victims.append(s)  # "een aanval op Duitsland"
    if not attackers or not victims:
        return
    agents = [s for s in attackers if before(s, _AGENT_PREP)]
    pool = agents or attackers
    attacker = min(pool, key=lambda s: (s.type != "ThreatActor", _dist(s, pos), s.start))
    victim = min(victims, key=lambda s: (_dist(s, pos), s.start))
    if free(attacker, victim):
        add(attacker, "targeted", victim, signal.span())


# A ministry named by its minister's office: the addressee or speaker, never a victim.
_OFFICE_OF = re.compile(
    r"\b(?:minister|ministers|staatssecretaris|staatssecretarissen)\s+van\s+"
    r"(?:(?-i:[A-Z])[\w-]*\s+(?:en\s+)?){0,4}?(?:van\s+)?$",
    re.IGNORECASE,
)
# A name inside an apposition: "X, (het) moederbedrijf van |Y, ...".
_APPOSITION_OWNER = re.compile(
    r",\s*(?:het\s+|de\s+|een\s+)?[\w-]+\s+(?:van|bij)\s+(?:de\s+|het\s+)?$", re.IGNORECASE
)
# An apposition right after a name: "X, het moederbedrijf van Y, ...".
_APPOSITION_AFTER = re.compile(r"^\s*,\s*(?!(?:die|dat|welke|en|of|maar)\b)[^,;:.?!]{1,60},")
# The agent of finding or reporting an attack, not of the attack.
_FINDER_BEFORE = re.compile(
    r"\b(?:ontdekt|opgemerkt|gemeld|onderzocht|vastgesteld|waargenomen|gedetecteerd"
    r"|bekendgemaakt|onthuld|gesignaleerd|verijdeld)\s+door\s+(?:de\s+|het\s+)?$",
    re.IGNORECASE,
)
# How far back an anaphoric attack ("de aanslag") looks for its victim.
_EVENT_REACH = 800
_ATTRIBUTOR_AFTER = re.compile(
    r"\s+(?:heeft|hebben|had|hadden)\s+(?:[^\s;:?!]+\s+){0,14}?(?:toegeschreven|geattribueerd"
    r"|toegerekend|gekoppeld)\b",
    re.IGNORECASE,
)
# A name the clause's attribution verb follows: the attributor, unless "aan" marks it.
_ATTRIBUTES_LATER = re.compile(
    r"[^,;:.?!]{0,120}?\b(?:toegeschreven|geattribueerd|toegerekend)\b", re.IGNORECASE
)
_TO_PREP = re.compile(r"\baan\s+(?:de\s+|het\s+)?$", re.IGNORECASE)
# "Op 6 mei heeft het kabinet de aanval ... toegeschreven": the inverted attributor.
_AUXILIARY_HAVE = re.compile(r"\b(?:heeft|hebben|had|hadden)\s+(?:de\s+|het\s+)?$", re.IGNORECASE)
_ATTRIBUTION_VERB = re.compile(r"\b(?:toegeschreven|geattribueerd|toegerekend)\b", re.IGNORECASE)
_LINKED_AGENT = re.compile(r"\b(?:door|aan|achter)\s+(?:de\s+|het\s+)?$", re.IGNORECASE)


# A plural attack noun ("deze liquidaties", "de aanslagen") takes up every victim named.
_PLURAL_EVENT = re.compile(
    r"(?:aanvallen|aanslagen|hacks|inbraken|moorden|liquidaties|ontvoeringen)\b"
)
# An auxiliary opening an inverted passive; a time or place and the victim's title may
# sit between ("werd op 9 mei de politicus X neergeschoten"), no agent.
_AUXILIARY_BEFORE = re.compile(
    r"\b(is|zijn|was|waren|werd|werden|wordt|worden)\s+(?:(?!door\b)[^\s,;:.?!]+\s+){0,8}?$",
    re.IGNORECASE,
)
# Between two victims of one list: places and years may follow each.
_VICTIM_LIST = re.compile(r"(?:\s+(?:in|te|op)\s+[\w-]+)*\s*(?:,\s*(?:en\s+)?|\s+en\s+)")


def _event_anaphora(
    document: Document,
    units: Sequence[Span],
    slots: Sequence[ActorSlot],
    candidates: Sequence[_Candidate],
    foreign: frozenset[str],
) -> list[_Candidate]:
    """An attack named again ("de aanslag", "deze hack") with its agent but no victim
    takes the victim of the attack described before it.

    "Vidal-Quadras werd in Madrid neergeschoten. Onderzocht wordt of Iran opdracht gaf
    voor de aanslag." gives Iran targeted Vidal-Quadras. A victim is remembered from a
    targeted claim, from "aanval op X" and from a passive ("X werd gehackt").
    """
    text = document.text
    pats = _fallback_patterns()
    anaphor, link = pats[("targeted", "event-anaphor")], pats[("targeted", "event-link")]
    passive, object_of = pats[("targeted", "event-victim")], pats[("targeted", "event-object")]
    source = pats[("targeted", "source")]
    asset, attack = pats[("targeted", "event-asset")], pats[("targeted", "event-noun")]
    # "de websites van de gemeenten X en Y waren door overbelastingsaanvallen onbereikbaar":
    # with the attacked asset named, a bare attack noun tells the attack.
    bare_attack = pats[("targeted", "event-attack")]
    targeted: dict[Span, list[str]] = {}
    for cand in candidates:
        if cand.relation == "targeted":
            targeted.setdefault(cand.unit, []).append(cand.object)
    victims: list[tuple[int, str]] = []
    out: list[_Candidate] = []

    def part_of(pos: int) -> int:
        index = document.part_at(pos)
        return -1 if index is None else index

    def reachable(index: int) -> set[int]:
        """This part, the one before it, and the questions an answer covers."""
        out = {index, index - 1}
        if 0 <= index < len(document.parts) and document.parts[index].kind == "answer":
            covers = set(document.parts[index].covers)
            out |= {
                i
                for i, p in enumerate(document.parts)
                if p.kind == "question" and p.number in covers
            }
        return out

    def hit(s: ActorSlot, unit: Span) -> bool:
        """``s`` is told to be attacked in ``unit`` (passive, "aanval op", its systems)."""
        after = text[s.end : unit.end]
        described = _APPOSITION_OWNER.search(text, max(unit.start, s.start - 60), s.start)
        if described and after.lstrip().startswith(","):
            return False  # "X, moederbedrijf van Y, werd getroffen": Y only describes X
        # ... while X itself is hit: the apposition sits between X and the verb.
        after = _APPOSITION_AFTER.sub("", after, count=1)
        # Inverted passive: "In maart werd X in Gent neergeschoten".
        inverted = _AUXILIARY_BEFORE.search(text[max(unit.start, s.start - 60) : s.start])
        return bool(
            passive.match(after)
            or (inverted and passive.match(" " + inverted.group(1) + after))
            or object_of.search(text[max(unit.start, s.start - 80) : s.start])
            # "een ransomware-aanval heeft de systemen van X versleuteld".
            or (
                asset.search(text[max(unit.start, s.start - 60) : s.start])
                and (
                    attack.search(text, unit.start, unit.end)
                    or bare_attack.search(text, unit.start, unit.end)
                )
            )
        )

    for unit in units:
        inside = [s for s in slots_within(slots, unit) if s.via == "mention"]
        m = anaphor.search(text, unit.start, unit.end)
        if m and unit not in targeted and link.search(text, unit.start, unit.end):
            # A victim earlier in the same sentence: "werd X neergeschoten; de politie
            # vermoedt dat Iran opdrachtgever was".
            early = [
                s.actor_id
                for s in inside
                if s.end <= m.start()
                and s.actor_id not in foreign
                and s.type in _VICTIM_TYPES
                and _HARD_BREAK.search(text, s.end, m.start())
                and hit(s, Span(unit.start, m.start()))
            ]
            part = part_of(unit.start)  # asked only here: most sentences name no attack
            agents = [
                s
                for s in inside
                if (s.type == "ThreatActor" or s.actor_id in foreign)
                and not source.search(text[max(unit.start, s.start - 40) : s.start])
            ]
            # Within reach: this part or the one before it (the question an answer takes up).
            reach = reachable(part)
            recent = [
                v
                for pos, v in victims
                if unit.start - pos <= _EVENT_REACH and part_of(pos) in reach
            ]
            recent += [v for v in early if v not in recent]
            if not recent and victims:
                # Beyond reach only the document's recurring victim: the attack it is about.
                counts = Counter(v for _, v in set(victims))
                top, n = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
                recent = [top] if n >= 2 and list(counts.values()).count(n) == 1 else []
            # Who attributes the attack is no agent of it: "Noorwegen heeft de aanval
            # toegeschreven aan Rusland".
            agents = [s for s in agents if not _ATTRIBUTOR_AFTER.match(text, s.end, unit.end)]
            # "De inbraak werd ontdekt door X": who finds or reports it did not do it.
            agents = [
                s
                for s in agents
                if not _FINDER_BEFORE.search(text, max(unit.start, s.start - 40), s.start)
            ]
            if agents and recent:
                agent = min(
                    agents,
                    key=lambda s: (
                        not _LINKED_AGENT.search(text[max(unit.start, s.start - 30) : s.start]),
                        _dist(s, m.start()),
                        s.start,
                    ),
                )
                chosen = [recent[-1]]
                if _PLURAL_EVENT.search(m.group(0)):
                    # "deze liquidaties": every victim of the last unit that had victims.
                    last = max(pos for pos, v in victims if v == recent[-1])
                    chosen = sorted({v for pos, v in victims if pos == last and v in recent})
                for victim in chosen:
                    if agent.actor_id != victim:
                        focus = _focus(agent, extra=m.span())
                        out.append(_Candidate(agent.actor_id, "targeted", victim, unit, focus))
        for actor_id in targeted.get(unit, []):
            victims.append((unit.start, actor_id))
        prev: ActorSlot | None = None
        for s in inside:
            if s.actor_id in foreign or s.type == "ThreatActor":
                continue
            if hit(s, unit):
                victims.append((unit.start, s.actor_id))
                prev = s
            elif (
                prev is not None
                and s.type == prev.type
                and _VICTIM_LIST.fullmatch(text, prev.end, s.start)
            ):
                # "de liquidaties van A in Almere in 2015 en B in Den Haag".
                victims.append((unit.start, s.actor_id))
                prev = s
    return out


# A state behind an attack already pinned on a group: "de aanval werd uitgevoerd door
# X. Er zijn geen aanwijzingen dat de Russische staat bij de aanval betrokken was."
_PRINCIPAL_LINK = re.compile(
    r"\b(?:betrokken|achter|aangestuurd|aanstuurde|aanstuurden|aanstuurt|gestuurd|opdracht"
    r"|opdrachtgevers?|georkestreerd|gefinancierd)\b",
    re.IGNORECASE,
)
# "de aanval is uitgevoerd door X", "X heeft de aanvallen opgeëist": X carried it out.
_CARRIED_OUT = re.compile(
    r"\b(?:uitgevoerd|gepleegd|opgeëist|opgeeist|claimde|claimden|eiste|eisten)\b", re.IGNORECASE
)
# How far back the attack a principal sentence takes up may lie.
_PRINCIPAL_REACH = 1500


def _event_principals(
    document: Document,
    units: Sequence[Span],
    slots: Sequence[ActorSlot],
    candidates: list[_Candidate],
    foreign: frozenset[str],
) -> list[_Candidate]:
    """A foreign state tied to an attack named again ("de aanval", "deze aanvallen") whose
    agent, a threat actor, was named before: the group is attributed to the state, and
    the state is no second attacker of the victim.

    Only sentences naming no threat actor themselves: there the trigger rules decide.
    """
    text = document.text
    pats = _fallback_patterns()
    anaphor, source = pats[("targeted", "event-noun")], pats[("targeted", "source")]
    object_of = pats[("targeted", "event-object")]
    # (position, part, threat actor, victim or "") of the attacks carried out so far.
    agents: list[tuple[int, int, str, str]] = []
    by_unit: dict[Span, list[_Candidate]] = {}
    for cand in candidates:
        by_unit.setdefault(cand.unit, []).append(cand)
    types = {s.actor_id: s.type for s in slots}
    drop: set[int] = set()
    out: list[_Candidate] = []

    def part_of(pos: int) -> int:
        index = document.part_at(pos)
        return -1 if index is None else index

    for unit in units:
        inside = [s for s in slots_within(slots, unit) if s.via != "adjective"]
        threats = [s for s in inside if s.type == "ThreatActor"]
        here = by_unit.get(unit, [])
        m = anaphor.search(text, unit.start, unit.end) if not threats else None
        link = m and _PRINCIPAL_LINK.search(text, unit.start, unit.end)
        if m and link:
            states = [
                s
                for s in inside
                if s.actor_id in foreign
                and s.type in ("Country", "GovernmentBody")
                and not source.search(text[max(unit.start, s.start - 40) : s.start])
                and not _SOURCE_OF.search(text[max(unit.start, s.start - 40) : s.start])
            ]
            state_ids = {s.actor_id for s in states}
            # The victims this sentence names: "de aanval op X", or a state's attack on X.
            named = {
                s.actor_id
                for s in inside
                if s.actor_id not in state_ids
                and object_of.search(text[max(unit.start, s.start - 80) : s.start])
            } | {c.object for c in here if c.relation == "targeted"} - state_ids
            part = part_of(unit.start)
            recent = [
                (agent, victim)
                for pos, at, agent, victim in agents
                if unit.start - pos <= _PRINCIPAL_REACH
                # The attack this sentence names again: the same victim, or, when it
                # names none, one told in this part or the one before.
                and (victim in named if named else at in (part, part - 1))
            ]
            if states and recent:
                state = min(states, key=lambda s: (_dist(s, link.start()), s.start))
                span = (min(m.start(), link.start()), max(m.end(), link.end()))
                focus = _focus(state, extra=span)
                out.append(_Candidate(recent[-1][0], "attributedTo", state.actor_id, unit, focus))
                drop |= {
                    id(c) for c in here if c.relation == "targeted" and c.subject == state.actor_id
                }
        part = part_of(unit.start) if here or threats else -1
        for cand in here:
            if cand.relation == "targeted" and types.get(cand.subject) == "ThreatActor":
                agents.append((unit.start, part, cand.subject, cand.object))
        if (
            threats
            and anaphor.search(text, unit.start, unit.end)
            and _CARRIED_OUT.search(text, unit.start, unit.end)
        ):
            agents.append((unit.start, part, threats[0].actor_id, ""))
    return [c for c in candidates if id(c) not in drop] + out
