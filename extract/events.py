"""Incidents (leaks, attacks, arrests) and state responses (sanctions, statements).

Triggers are data: ``lexicons/incident_triggers.csv`` (regex, kind, case) with
``incident_hedges.csv`` (words before a trigger that make it hypothetical:
"mogelijke cyberaanvallen", "risico's op spionage", or generic: "betrokken bij
Russische cyberaanvallen"; rows marked ``plural`` hedge plural triggers only),
``incident_hedges_after.csv`` (words after it that make it a policy topic: "spionage
strafbaar stellen"), ``incident_denials.csv`` (a denial earlier in the sentence: "geen
aanwijzingen dat ... aangevallen") and ``incident_yesno.csv`` (a question asking
whether anything happened); ``lexicons/response_triggers.csv`` (regex, kind, strict)
with ``response_hypothetical.csv`` (question wording that makes a measure asked about
rather than taken), ``response_conditional.csv`` (a measure only supposed: "indien
nodig", "zou ... kunnen", "uitgangspunt is") and ``response_takers.csv`` ("ik", "wij",
"het kabinet": the answering minister, with the cabinet and the ministry when named).

An incident is tied to the actors in its sentence, in the question and answer it
sits in (one matter) and, when the sentence names fewer than two, in the sentences
around it; dated from its clause (or the sentence before, for "de aanslag") against
the document date; and merged with earlier incidents of the same family and nested
actors in the same exchange (or the same named leak, or the event the title names).
An incident without actors is kept only when dated or named with its object. A
response records who took it (the agent after "door", the maker of a decision, the
sentence's first actor outside a prepositional phrase, the answering minister for
"ik"/"het kabinet", a subject named by pronoun in the sentence before, or the country
it was taken in), what it is aimed at, and the incidents of its part (or of the
questions its answer covers). Measures only supposed, named again ("deze
maatregelen"), or taken by a firm are no state responses; footnotes cite titles and
give neither.

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
from .dates import DateMatch, find_date_matches
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
_DEFINITE_ARTICLE = re.compile(r"\b(?:de|het)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
_COMPLEMENT = re.compile(r"\s+(?:van|op|tegen|bij|in|door|aan)\b", re.IGNORECASE)
# "het incident met de kabel", "het voorval bij de ambassade": an event named by its place.
_INCIDENT_COMPLEMENT = re.compile(
    r"\s+(?:met|bij|in|aan|rond|rondom|tijdens|nabij|boven|van\s+(?:\d|afgelopen|vorige))\b",
    re.IGNORECASE,
)
_CLAUSE_CUT = re.compile(r"[;:]|\b(?:dat|omdat|nadat|waarna|toen|terwijl)\b", re.IGNORECASE)
_COORDINATION = re.compile(r"[;:]|,\s*(?:maar|en|terwijl)\b", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[,;:.?!](?:\s|$)|\s(?:en|maar)\s", re.IGNORECASE)
# "deze maatregelen", "de genoemde sancties": a measure named before, not a new one.
_BACK_DEMONSTRATIVE = re.compile(
    r"\b(?:deze|die|dit|dat|dergelijke|zulke|(?:de|het) (?:genoemde|bovengenoemde|eerdergenoemde))"
    r"\s+(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)
# "De maatregelen zijn ...", "De verklaringen van de VS onderstrepen ...": a sentence
# opening on a definite measure talks about it.
_BACK_OPENING = re.compile(r"^\W*(?:de|het)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
# "Hij vaardigde ... uit", "Zij dienden ... in": a subject named in the sentence before.
_PRONOUN_SUBJECT = re.compile(r"^\W*(?:hij|zij|ze)\b", re.IGNORECASE)
_PLURAL_PRONOUN = re.compile(r"^\W*(?:zij|ze)\s+(?:\w+en|zijn|hebben)\b", re.IGNORECASE)
_IN_PLACE = re.compile(r"\bin\s+$", re.IGNORECASE)
_DECISION_OF = re.compile(
    r"\b(?:besluit|beslissing|aankondiging|voornemen)\s+van\s+(?:de\s+|het\s+)?$",
    re.IGNORECASE,
)
_ADDRESSED = re.compile(r"\buw\s", re.IGNORECASE)
_TO_DO = re.compile(r"\bom\b", re.IGNORECASE)
_OFFICE_HEAD = re.compile(r"^\s*(?:minister|staatssecretaris)(?:-president)?\s+(?:van\s+|voor\s+)?")
_CABINET_NAMES = frozenset({"kabinet", "het kabinet", "regering", "nederlandse regering"})
_BARE_YEAR = re.compile(
    r"\b(?:in|sinds|uit|van|begin|eind|medio|het jaar)\s+(?P<year>(?:19|20)\d\d)\b(?![-/]\d)",
    re.IGNORECASE,
)
# "gehackt", "aangetroffen", "ingebroken", "beschadigd", "ontvoerd" (not "verkiezingen").
_PARTICIPLE = re.compile(
    r"[a-z]*ge[a-zà-ÿ]+(?:d|t|en)|[a-z]*(?:be|ver|ont)[a-zà-ÿ]+(?:d|t)", re.IGNORECASE
)
_AUXILIARY = re.compile(
    r"\b(?:is|zijn|werd|werden|was|waren|heeft|hebben|had|hadden|raakte|raakten)\b", re.IGNORECASE
)
_COORDINATED = re.compile(r"\ben\b", re.IGNORECASE)
# "over de maatregelen", "bij de vormgeving van de sancties": known measures as an object.
_BACK_PREPOSITIONAL = re.compile(
    r"\b(?:van|over|bij|aan|met|voor|door|op|naar|om|na)\s+(?:de|het)\s+(?:[\w-]+e[n]?\s+)?$",
    re.IGNORECASE,
)
_GENERIC_MEASURE = re.compile(
    r"(?:maatregel(?:en)?|sancties?|verklaring(?:en)?|besluit(?:en)?|onderzoek)", re.IGNORECASE
)
_NEGATED = re.compile(r"\b(?:geen|niet)\b[^,.;]{0,60}$", re.IGNORECASE)
#: How far (characters) a date may sit from the trigger it dates.
DATE_WINDOW = 75
#: How far the only day date of a sentence may sit from the trigger in its clause.
WIDE_DATE_WINDOW = 160
#: Parts that cite sources (footnotes): titles there repeat, they do not report.
_SOURCE_PARTS = frozenset({"footnotes"})
#: Parts that tell of no event: sources, and notices of a delayed answer.
_NO_EVENT_PARTS = _SOURCE_PARTS | {"notice"}
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


@lru_cache(maxsize=1)
def _date_links() -> re.Pattern[str]:
    """Sentence openings that tie a sentence to the time of the one before."""
    return re.compile(
        r"\W*(?:"
        + "|".join(f"(?:{_spaced(r['pattern'])})" for r in _rows("incident_date_links.csv"))
        + ")",
        re.IGNORECASE,
    )


@lru_cache(maxsize=1)
def _confirmations() -> re.Pattern[str]:
    return re.compile(
        "|".join(f"(?:{_spaced(r['pattern'])})" for r in _rows("incident_confirmations.csv")),
        re.IGNORECASE,
    )


def _asks_whether(document: Document, part: int | None, sentence: str) -> bool:
    """A question sentence opening "Zijn er ...", "Is er ...": no event stated.

    Unless the answer to that one question opens with a confirmation ("Ja.", "Dat
    klopt."): then the question states the event the answer confirms.
    """
    if part is None or document.parts[part].kind != "question":
        return False
    if not _yes_no().match(sentence.lstrip()):
        return False
    answers = answers_for(document, part)
    if len(answers) == 1 and len(document.parts[answers[0]].covers) <= 1:
        span = document.parts[answers[0]].span
        if _confirmations().match(document.text, span.start, span.end):
            return False
    return True


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


@lru_cache(maxsize=2)
def _hedges(plural: bool = False) -> re.Pattern[str]:
    """Hedges before a trigger; rows marked ``plural`` only hedge a plural trigger
    ("betrokken bij Russische cyberaanvallen": a kind of act, not one event)."""
    return re.compile(
        "|".join(
            f"(?:{_spaced(r['pattern'])})"
            for r in _rows("incident_hedges.csv")
            if plural or (r.get("plural") or "") != "y"
        ),
        re.IGNORECASE,
    )


@lru_cache(maxsize=1)
def _hedges_after() -> re.Pattern[str]:
    return re.compile(
        "|".join(f"(?:{_spaced(r['pattern'])})" for r in _rows("incident_hedges_after.csv")),
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


@lru_cache(maxsize=2)
def _conditional(name: str = "response_conditional.csv") -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{_spaced(r['pattern'])})" for r in _rows(name)), re.IGNORECASE)


def _conditional_clause(
    text: str, unit: Span, start: int, end: int, name: str = "response_conditional.csv"
) -> bool:
    """A measure the sentence only supposes: "indien nodig zal het kabinet maatregelen
    nemen", "het kabinet zou een verbod kunnen invoeren", "uitgangspunt is dat ...".

    Searched in the trigger's clause: back to a semicolon, colon or ", en"/", maar",
    forward to the next comma or full stop, so a taken measure coordinated with a
    supposed one ("heeft sancties ingesteld; indien nodig volgen er meer") stays.
    """
    head = text[unit.start : start]
    cuts = list(_COORDINATION.finditer(head))
    left = unit.start + (cuts[-1].end() if cuts else 0)
    tail = _CLAUSE_END.search(text, end, unit.end)
    right = tail.start() if tail else unit.end
    return bool(_conditional(name).search(text, left, right))


@lru_cache(maxsize=1)
def _takers() -> re.Pattern[str]:
    return re.compile(
        "|".join(f"(?:{_spaced(r['pattern'])})" for r in _rows("response_takers.csv")),
        re.IGNORECASE,
    )


def _reference_date(document: Document) -> date | None:
    if document.answered or document.submitted:
        return document.answered or document.submitted
    found = [m.date for m in _find_dates(document.text, None)]
    return max(found) if found else None


def _find_dates(text: str, reference: date | None) -> list[DateMatch]:
    # A sentence with several triggers is asked for its dates once per trigger.
    key = (text, reference)
    found = _DATES.get(key)
    if found is None:
        try:
            found = tuple(find_date_matches(text, reference=reference))
        except (OSError, ValueError, KeyError):
            found = ()
        if len(_DATES) >= 256:
            _DATES.clear()
        _DATES[key] = found
    return list(found)


_DATES: dict[tuple[str, date | None], tuple[DateMatch, ...]] = {}


def _dated_near(text: str, unit: Span, pos: int, reference: date | None) -> DateMatch | None:
    """The date of the trigger at ``pos``: the nearest one in its clause.

    Within ``DATE_WINDOW`` characters any date of the clause counts; further away,
    up to ``WIDE_DATE_WINDOW``, only the sentence's single day date ("die op 13 april
    2018 door de MIVD op heterdaad zijn betrapt bij een poging ... te hacken").
    """
    found = [
        DateMatch(Span(unit.start + f.span.start, unit.start + f.span.end), f.date, f.precision)
        for f in _find_dates(text[unit.start : unit.end], reference)
    ]
    if not found:
        return None

    def gap(f: DateMatch) -> int:
        return max(f.span.start - pos, pos - f.span.end, 0)

    def same_clause(f: DateMatch) -> bool:
        between = text[f.span.end : pos] if f.span.end <= pos else text[pos : f.span.start]
        return not _CLAUSE_CUT.search(between)

    # "In 2019 stelde het kabinet vast dat ... de liquidaties": that date is the finding's.
    near = [f for f in found if gap(f) <= DATE_WINDOW and same_clause(f)]
    if not near and len(found) == 1 and found[0].precision == "day":
        near = [
            f
            for f in found
            if gap(f) <= WIDE_DATE_WINDOW and same_clause(f) and not _coordinated(text, f, pos)
        ]
    if not near:
        return None
    return min(near, key=lambda f: (gap(f), f.span.start))


def _coordinated(text: str, found: DateMatch, pos: int) -> bool:
    """An "en" between date and trigger: a far date may belong to another act.

    A comma alone does not part them ("op 3 mei 2024, tijdens de verkiezingen, ...").
    """
    between = text[found.span.end : pos] if found.span.end <= pos else text[pos : found.span.start]
    return bool(_COORDINATED.search(between))


def _date_near(text: str, unit: Span, pos: int, reference: date | None) -> date | None:
    found = _dated_near(text, unit, pos, reference)
    return found.date if found else None


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
        return list(_covered_questions(document).get(part, ()))
    return []


def _covered_questions(document: Document) -> dict[int, list[int]]:
    """Answer index -> the questions it covers, built once per extraction call.

    Asked for every sentence of an answer; each answer's questions would otherwise
    cost a pass over all parts per question (quadratic in the number of parts).
    ``_incidents`` and ``_responses`` reset it, and the parts stay as they are
    while they run.
    """
    if _COVERED.get("document") is document:
        return _COVERED["map"]  # type: ignore[return-value]
    covered: dict[int, list[int]] = {}
    for i, p in enumerate(document.parts):
        if p.kind == "question":
            for a in answers_for(document, i):
                covered.setdefault(a, []).append(i)
    _COVERED.clear()
    _COVERED.update(document=document, map=covered)
    return covered


_COVERED: dict[str, object] = {}


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
    _COVERED.clear()
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
    # Incidents dated only to the month ("in mei 2023"), which a day may still sharpen.
    coarse_keys: set[int] = set()
    # Incidents named in the header (the title): the event the document is about.
    titled_keys: set[int] = set()
    # The year each incident is known to fall in, from a date or a bare year.
    years: dict[int, int] = {}
    units = sentence_units(document, sentences)
    triggers = _incident_triggers()
    plan = units_to_scan(text, units, [t.pattern for t in triggers])
    # Each unit's part, once: the loop compares a unit's with its neighbours'.
    unit_parts = [document.part_at(u.start) for u in units]
    for index, unit in enumerate(units):
        taken: list[tuple[int, int]] = []
        part = unit_parts[index]
        previous = units[index - 1] if index else None
        if previous is not None and unit_parts[index - 1] != part:
            previous = None
        following = units[index + 1] if index + 1 < len(units) else None
        if following is not None and unit_parts[index + 1] != part:
            following = None
        if part is not None and document.parts[part].kind in _NO_EVENT_PARTS:
            # A footnote cites a report by its title, a notice of delay repeats the
            # title: the event is in the text itself.
            continue
        if _asks_whether(document, part, text[unit.start : unit.end]):
            # "Zijn er kabels beschadigd geraakt?": asks whether anything happened.
            continue
        # "gisteren", "afgelopen zaterdag" in a question count back from its sending.
        here_ref = reference
        if part is not None and document.parts[part].kind == "question" and document.submitted:
            here_ref = document.submitted
        for trig in (triggers[i] for i in plan[index]):
            for m in trig.pattern.finditer(text, unit.start, unit.end):
                if any(m.start() < b and a < m.end() for a, b in taken):
                    continue
                plural = m.group(0).lower().endswith(("en", "s"))
                if _hedges(plural).search(text[max(unit.start, m.start() - 40) : m.start()]):
                    continue
                # "een wet die spionage strafbaar stelt": the topic of a policy, no event.
                if _hedges_after().match(text[m.end() : min(unit.end, m.end() + 60)]):
                    continue
                # "Er zijn geen aanwijzingen dat X is aangevallen": no event.
                if _denials().search(text, unit.start, m.start()):
                    continue
                # "Rusland zou kabels kunnen saboteren": a capability, no event.
                if _conditional_clause(text, unit, m.start(), m.end(), "incident_conditional.csv"):
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
                anaphor = trig.kind in ("anaphor", "happened") or (
                    not named and _anaphoric(text, m.start(), m.end(), before)
                )
                # Victim and perpetrator often sit in the sentence before or in the
                # question an answer covers: "X werd getroffen. De aanval ...".
                context: set[str] = set()
                if (len(own) < 2 or anaphor) and previous is not None:
                    context |= set(_ids(_slots_in(slots, previous)))
                if len(own) < 2 and following is not None:
                    context |= set(_ids(_slots_in(slots, following)))
                # The question an answer covers names what the event is about, and a
                # question or answer is about one matter: its actors take part.
                for q in _question_parts(document, part):
                    context |= set(_ids(_slots_in(slots, document.parts[q].span)))
                if part is not None and document.parts[part].kind in ("question", "answer"):
                    context |= set(_ids(_slots_in(slots, document.parts[part].span)))
                if part is not None and document.parts[part].kind == "question":
                    for a in answers_for(document, part):
                        context |= set(_ids(_slots_in(slots, document.parts[a].span)))
                context -= bystanders
                ids = own | context
                header = part is not None and document.parts[part].kind == "header"
                # A header's dates are the document's own (submitted, sent), not the event's.
                dated = None if header else _dated_near(text, unit, m.start(), here_ref)
                if dated is None and anaphor and previous is not None:
                    # "Op 9 mei werd X beschoten. De aanslag ...": the day of the sentence before.
                    dated = _sole_day(text, previous, here_ref)
                # A year alone ("in 2023", "vorig jaar") dates nothing but parts events.
                year = dated.date.year if dated else None
                if dated is not None and dated.precision == "year":
                    dated = None
                if year is None and not header:
                    year = _year_near(text, unit, m.start())
                when = dated.date if dated else None
                coarse = dated is not None and dated.precision != "day"
                # "Op 3 mei ontdekte de politie een inbraak. Daarbij zijn gegevens
                # buitgemaakt.": an undated sentence that opens on a link in time takes
                # the day of the one before it, but only to date a new event or an
                # undated one, never to part it from a known one.
                inherited = None
                linked = (
                    when is None
                    and year is None
                    and previous is not None
                    and not header
                    and _date_links().match(text, unit.start, unit.end)
                )
                if linked and not _find_dates(text[unit.start : unit.end], here_ref):
                    day = _sole_day(text, previous, here_ref)
                    inherited = day.date if day else None
                kind = trig.kind
                if trig.kind in ("anaphor", "happened"):
                    # "dit incident", "dit gebeurde op 3 mei": the latest event, whatever
                    # its kind.
                    same = order[-1] if order else None
                    if same is None and trig.kind == "happened":
                        continue
                    if same is None:
                        # With nothing before it, "het incident bij X op 3 mei" names an
                        # event of its own; a bare "dit incident" stays unresolved.
                        if header or not (when or _INCIDENT_COMPLEMENT.match(text, m.end())):
                            continue
                        kind = "incident"
                else:
                    # With no actor, only a dated event or one named with its object is
                    # concrete enough to keep: "Op 12 januari jl. is een datakabel
                    # beschadigd", "de cyberaanval op de servers van een autofabrikant".
                    concrete = (
                        when is not None
                        or _specific(text, m.start(), m.end(), before)
                        or _perfect(text, unit, m.start(), m.end())
                    )
                    if not ids and not named and (header or not concrete):
                        continue
                    here = _exchange(document, part)
                    # Two exchanges (question and answer) may tell of two events of one
                    # kind by one actor; only the same name or an anaphor joins them.
                    nearby = [
                        k
                        for k in order
                        if here is None
                        or anaphor
                        or _exchange(document, merged[k].part) in (None, here)
                    ]
                    # "Eerder, in 2023, werd ook X aangevallen": another year, another event.
                    nearby = [k for k in nearby if year is None or years.get(k, year) == year]
                    same = _same_event(
                        merged,
                        nearby,
                        family,
                        own or ids,
                        fold(m.group(0)) if named else None,
                        core,
                        when,
                        families,
                        coarse_keys | ({-1} if coarse else set()),
                        titled_keys,
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
                    # One incident per real event: widen its actors, keep the first date
                    # found, unless a day now sharpens a month ("in mei 2023" -> "op 3 mei").
                    merged[same].actors = sorted(set(merged[same].actors) | ids)
                    if year is not None:
                        years.setdefault(same, year)
                    if _reports(document, part) and not _reports(
                        document, document.part_at(merged[same].evidence.start)
                    ):
                        # The answer describes what the question or title only names:
                        # its sentence is the better evidence; the label keeps the name.
                        merged[same].evidence = unit
                    if when is not None and (
                        merged[same].date is None or (same in coarse_keys and not coarse)
                    ):
                        merged[same].date = when
                        coarse_keys.discard(same)
                        if coarse:
                            coarse_keys.add(same)
                    elif when is None and inherited is not None and merged[same].date is None:
                        merged[same].date = inherited
                    continue
                label = m.group(0) if named else clause_around(text, m.start(), m.end())
                key = len(order)
                merged[key] = Incident(
                    kind=kind,
                    label=label,
                    evidence=unit,
                    trigger=m.group(0),
                    actors=sorted(ids),
                    date=when or inherited,
                    part=part,
                )
                order.append(key)
                if coarse:
                    coarse_keys.add(key)
                if year is not None:
                    years[key] = year
                if header:
                    titled_keys.add(key)
    return [merged[k] for k in order]


def _exchange(document: Document, part: int | None) -> int | None:
    """The question a part belongs to (itself, or the first an answer covers)."""
    if part is None or document.parts[part].kind not in ("question", "answer"):
        return None
    questions = _question_parts(document, part)
    return min(questions) if questions else part


def _reports(document: Document, part: int | None) -> bool:
    """Whether the part states facts (an answer, a letter's body) rather than asks or heads."""
    return part is not None and document.parts[part].kind in ("answer", "body")


def _year_near(text: str, unit: Span, pos: int) -> int | None:
    """A bare year in the trigger's clause, close by: "in 2023", "sinds 2019"."""
    best: tuple[int, int] | None = None
    for m in _BARE_YEAR.finditer(text, unit.start, unit.end):
        between = text[m.end() : pos] if m.end() <= pos else text[pos : m.start()]
        gap = max(m.start() - pos, pos - m.end(), 0)
        near = gap <= DATE_WINDOW and not _CLAUSE_CUT.search(between)
        if near and (best is None or gap < best[0]):
            best = (gap, int(m["year"]))
    return best[1] if best else None


def _sole_day(text: str, unit: Span, reference: date | None) -> DateMatch | None:
    """The one day date of a sentence, if it holds exactly one date."""
    found = _find_dates(text[unit.start : unit.end], reference)
    return found[0] if len(found) == 1 and found[0].precision == "day" else None


def _same_event(
    merged: dict[int, Incident],
    order: list[int],
    family: str,
    ids: set[str],
    name: str | None,
    core: set[str] = frozenset(),
    when: date | None = None,
    families: dict[str, str] | None = None,
    coarse: set[int] = frozenset(),
    titled: set[int] = frozenset(),
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
        if families.get(incident.kind, incident.kind) != family:
            continue
        if not ids:
            # Two actorless mentions of one family ("de cyberaanval op de gemeente",
            # "persoonsgegevens zijn gestolen") are one event unless their dates differ.
            if not incident.actors and (when is None or incident.date in (None, when)):
                return key
            continue
        if when is not None and incident.date is not None and when != incident.date:
            # A month ("november 2024") and a day in it are one date; key -1 is the new one.
            month = (key in coarse or -1 in coarse) and (when.year, when.month) == (
                incident.date.year,
                incident.date.month,
            )
            if not month:
                continue
        known = set(incident.actors)
        if known and (ids <= known or known <= ids or ids & known & core):
            return key
        if key in titled and ids & known:
            # The title names the document's event: a mention sharing an actor is it.
            return key
    return None


def _specific(text: str, start: int, end: int, before: str) -> bool:
    """A definite trigger with its object: "de aanval op de servers van ...", "het lek bij"."""
    return bool(_DEFINITE_ARTICLE.search(before)) and bool(_COMPLEMENT.match(text, end, end + 12))


def _perfect(text: str, unit: Span, start: int, end: int) -> bool:
    """A participle after "is", "werd", "heeft": something that happened ("Er is spyware
    aangetroffen", "De telefoon werd gehackt"), not a kind of act."""
    tail = _CLAUSE_END.search(text, end, unit.end)
    after = text[start : min(tail.start() if tail else unit.end, end + 60)]
    # The participle is the trigger or closes its clause ("spyware ... aangetroffen").
    if not any(_PARTICIPLE.fullmatch(w) for w in re.findall(r"[\w-]+", after)):
        return False
    return bool(_AUXILIARY.search(text[max(unit.start, start - 60) : end + len(after)]))


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


def _government_ids(
    document: Document, actors: Sequence[Actor], minister: Sequence[str]
) -> list[str]:
    """The cabinet and the answering minister's ministry, when the document names them."""
    offices = [p.office for p in document.answered_by if p.office]
    offices += [o.label for a in actors if a.id in minister for o in a.offices]
    # "minister van Buitenlandse Zaken", "staatssecretaris defensie" -> "buitenlandse zaken"
    fields = {
        " ".join(_OFFICE_HEAD.sub("", fold(o)).split())
        for o in offices
        if _OFFICE_HEAD.search(fold(o))
    }
    found: list[str] = []
    for actor in sorted(actors, key=lambda a: a.id):
        if actor.type != "GovernmentBody" or actor.id in minister:
            continue
        names = {" ".join(fold(n).split()) for n in actor.names()}
        if names & _CABINET_NAMES:
            found.append(actor.id)
            continue
        ministries = {
            n.removeprefix("ministerie van ") for n in names if n.startswith("ministerie van ")
        }
        if fields and any(f and (f in m or m in f) for f in fields for m in ministries):
            found.append(actor.id)
    return found


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
    # 2b. The maker of a decision the trigger carries out: "het besluit van de EU om
    #     sancties op te leggen".
    deciders = [
        s
        for s in inside
        if s.end <= start
        and _DECISION_OF.search(text[max(unit.start, s.start - 40) : s.start])
        and _TO_DO.search(text[s.end : start])
        and not _CLAUSE_CUT.search(text[s.end : start])
    ]
    if deciders:
        return [deciders[-1].actor_id]
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
    _COVERED.clear()
    slots = actor_slots(document, actors, mentions)
    countries = country_index(actors)
    reference = _reference_date(document)
    # "ik", "wij", "het kabinet": the answering minister, for the ministry and the cabinet.
    minister = _answering_ids(document, actors)
    if minister:
        minister = minister + _government_ids(document, actors, minister)
    out: list[Response] = []
    units = sentence_units(document, sentences)
    triggers = _response_triggers()
    plan = units_to_scan(text, units, [t.pattern for t in triggers])
    kinds_seen: set[str] = set()
    prev_unit: Span | None = None
    prev_part: int | None = None
    for unit, scan in zip(units, plan, strict=True):
        part = document.part_at(unit.start)
        before_unit, prev_unit = prev_unit, unit
        before_part, prev_part = prev_part, part
        if before_unit is not None and before_part != part:
            before_unit = None
        if part is not None and document.parts[part].kind in _SOURCE_PARTS:
            continue
        # A sentence ending on a question mark asks, whatever part the layout put it in.
        is_question = (part is not None and document.parts[part].kind == "question") or text[
            unit.start : unit.end
        ].rstrip().endswith("?")
        if is_question and _hypothetical().search(text, unit.start, unit.end):
            continue
        # "uw Kamer" is addressed, never the one acting.
        inside = [
            s
            for s in _slots_in(slots, unit)
            if not _ADDRESSED.search(text[max(unit.start, s.start - 4) : s.start + 3])
        ]
        taken: list[tuple[int, int]] = []
        for trig in (triggers[i] for i in scan):
            for m in trig.pattern.finditer(text, unit.start, unit.end):
                if any(m.start() < b and a < m.end() for a, b in taken):
                    continue
                if _NEGATED.search(text[max(unit.start, m.start() - 65) : m.start()]):
                    continue
                if _conditional_clause(text, unit, m.start(), m.end()):
                    continue
                if (
                    trig.kind in kinds_seen
                    and _refers_back(text, unit, m.start(), m.end())
                    # "na de Britse verklaring": a new taker makes it a new response.
                    and not adjective_country_before(text, m.start(), countries)
                ):
                    continue
                taken.append((m.start(), m.end()))
                by = _takers_of(
                    text, unit, m.start(), m.end(), inside, countries, minister, trig.kind
                )
                if (is_question or trig.strict) and not by:
                    continue
                # Weaker evidence of who acted names the taker but admits no weak cue.
                by = by or _implied_takers(text, unit, m.start(), inside, slots, before_unit)
                if not by and _firm_subject(text, unit, m.start(), inside):
                    # A firm's own step ("ASML heeft maatregelen genomen") is no state response.
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
                kinds_seen.add(trig.kind)
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


def _implied_takers(
    text: str,
    unit: Span,
    start: int,
    inside: Sequence[ActorSlot],
    slots: Sequence[ActorSlot],
    previous: Span | None,
) -> list[str]:
    """Takers the sentence names only by pronoun or place.

    "Hij vaardigde een noodbevel uit": the subject of the sentence before.
    "..., die in Frankrijk werden verboden": the country the measure was taken in.
    """
    head = text[unit.start : start]
    if previous is not None and _PRONOUN_SUBJECT.match(head):
        before = [
            s
            for s in _slots_in(slots, previous)
            if s.type in ("Person", "GovernmentBody", "Country")
            and s.via == "mention"
            and not _PREPOSITION.search(text[max(previous.start, s.start - 40) : s.start])
        ]
        if before:
            if _PLURAL_PRONOUN.match(head):
                persons = [s.actor_id for s in before if s.type == before[0].type]
                return sorted(set(persons))
            return [before[0].actor_id]
    places = [
        s
        for s in inside
        if s.type == "Country"
        and _IN_PLACE.search(text[max(unit.start, s.start - 5) : s.start])
        and not _CLAUSE_CUT.search(text[min(s.end, start) : max(s.end, start)])
    ]
    return [places[0].actor_id] if places else []


def _firm_subject(text: str, unit: Span, start: int, inside: Sequence[ActorSlot]) -> bool:
    """Whether the trigger's clause opens on a company, outside any prepositional phrase."""
    ahead = [
        s
        for s in inside
        if s.end <= start
        and s.via == "mention"
        and not _PREPOSITION.search(text[max(unit.start, s.start - 40) : s.start])
        and not _CLAUSE_CUT.search(text[s.end : start])
    ]
    return bool(ahead) and ahead[0].type == "Company"


def _refers_back(text: str, unit: Span, start: int, end: int) -> bool:
    """A trigger naming a measure already taken: "deze maatregelen", "De verklaringen ...",
    "bij de vormgeving van de maatregelen" (a generic noun after a preposition)."""
    before = text[max(unit.start, start - 40) : start]
    if _BACK_DEMONSTRATIVE.search(before):
        return True
    if not _GENERIC_MEASURE.fullmatch(text[start:end]):
        # "Het Loket ... ondersteunt": a named body acting, not a measure named again.
        return False
    return bool(_BACK_PREPOSITIONAL.search(before) or _BACK_OPENING.match(text[unit.start : start]))


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
