"""Incidents: leaks, attacks, arrests the text describes, one per real event.

Triggers are data: ``lexicons/incident_triggers.csv`` (regex, kind, case) with
``incident_hedges.csv`` (words before a trigger that make it hypothetical:
"mogelijke cyberaanvallen", "risico's op spionage", or generic: "betrokken bij
Russische cyberaanvallen"; rows marked ``plural`` hedge plural triggers only),
``incident_hedges_after.csv`` (words after it that make it a policy topic: "spionage
strafbaar stellen"; "een bedreiging vormen"), ``incident_denials.csv`` (a denial
earlier in the sentence: "geen aanwijzingen dat ... aangevallen"),
``incident_denials_after.csv`` (one right after it: "...; dat kan ik niet bevestigen"),
``incident_yesno.csv`` (a question asking whether anything happened) and
``incident_conditional.csv`` (a capability, not an act).

An incident is tied to the actors in its sentence, in the question and answer it
sits in (one matter) and, when the sentence names fewer than two, in the sentences
around it; dated from its clause (or the sentence before, for "de aanslag") against
the document date, and failing that from the one day its sentence names nearby, the
sentence before names with one of its parties, or its exchange or paragraph names
(a day only fills an undated event: it never parts or joins two); and merged with
earlier incidents of the same family and nested actors in the same exchange (or the
same named leak, or the event the title names), unless the two sentences each name
parties of their own that share none, or fall in different years (a date across
"nadat" counts for the year). An incident without actors is kept only when dated or
named with its object. Footnotes cite titles and give none.

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

import re
from collections.abc import Sequence
from datetime import date
from functools import lru_cache

from kamerkg.extract.ids import fold
from kamerkg.extract.model import Actor, Document, Incident, Mention, Span

from .claims import ActorSlot, actor_slots, adjective_country_before, country_index
from .dates import DateMatch
from .event_common import (
    _CLAUSE_CUT,
    _CLAUSE_END,
    _COVERED,
    _SOURCE_PARTS,
    DATE_WINDOW,
    WIDE_DATE_WINDOW,
    _conditional_clause,
    _dated_near,
    _find_dates,
    _ids,
    _Pattern,
    _question_parts,
    _reference_date,
    _rows,
    _slots_in,
    _spaced,
    alternation,
)
from .sentences import clause_around, sentence_units, units_to_scan
from .stance import answers_for

__all__ = ["extract_incidents"]

#: How far before a trigger (characters) a hedge may start: "Voorbeelden hiervan zijn
#: politieke en economische spionage".
HEDGE_WINDOW = 60

_ALSO = re.compile(r"\b(?:ook|eveneens|opnieuw|nogmaals)\b", re.IGNORECASE)
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
# What parts two acts in time: another sentence part, or a reported or causal clause
# (unlike "nadat", "toen", "waarna", which tie two acts to one moment).
_NO_TIME_LINK = re.compile(r"[;:]|\b(?:dat|omdat|terwijl|maar)\b", re.IGNORECASE)
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
#: Parts that tell of no event: sources, and notices of a delayed answer.
_NO_EVENT_PARTS = _SOURCE_PARTS | {"notice"}


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


def _yes_no() -> re.Pattern[str]:
    return alternation("incident_yesno.csv")


@lru_cache(maxsize=1)
def _date_links() -> re.Pattern[str]:
    """Sentence openings that tie a sentence to the time of the one before."""
    return re.compile(
        r"\W*(?:"
        + "|".join(f"(?:{_spaced(r['pattern'])})" for r in _rows("incident_date_links.csv"))
        + ")",
        re.IGNORECASE,
    )


def _confirmations() -> re.Pattern[str]:
    return alternation("incident_confirmations.csv")


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


def _hedges_after() -> re.Pattern[str]:
    return alternation("incident_hedges_after.csv")


def _denials_after() -> re.Pattern[str]:
    """A denial right after the trigger: "X zou zijn aangevallen; dat kan ik niet bevestigen"."""
    return alternation("incident_denials_after.csv")


def _denials() -> re.Pattern[str]:
    return alternation("incident_denials.csv")


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
    # The parties each incident's own sentences name (not its context).
    owns: dict[int, set[str]] = {}
    # A day the sentence of a mention names outside its clause, for an undated event.
    fallback: dict[int, date] = {}
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
                if _hedges(plural).search(
                    text[max(unit.start, m.start() - HEDGE_WINDOW) : m.start()]
                ):
                    continue
                # "een wet die spionage strafbaar stelt": the topic of a policy, no event.
                if _hedges_after().match(text[m.end() : min(unit.end, m.end() + 60)]):
                    continue
                # "Er zijn geen aanwijzingen dat X is aangevallen": no event.
                if _denials().search(text, unit.start, m.start()):
                    continue
                if _denials_after().match(text, m.end(), unit.end):
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
                dated = None if header else _dated_near(text, unit, m.start(), here_ref, m.end())
                if dated is None and anaphor and previous is not None:
                    # "Op 9 mei werd X beschoten. De aanslag ...": the day of the sentence before.
                    dated = _sole_day(text, previous, here_ref)
                # A year alone ("in 2023", "vorig jaar") dates nothing but parts events.
                year = dated.date.year if dated else None
                if dated is not None and dated.precision == "year":
                    dated = None
                if year is None and not header:
                    year = _year_near(text, unit, m.start())
                if year is None and not header:
                    year = _linked_year(text, unit, m.start(), here_ref)
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
                # With no date in its clause, the one day the sentence names ("Op 3 mei
                # meldde X dat het was gehackt", "Het lek, dat op 3 mei aan het licht
                # kwam, ..."), or else the sentence before that names one of its parties.
                # It only fills an undated event at the end, and never parts or joins events.
                loose = None
                if when is None and inherited is None and not header:
                    loose = _loose_day(text, unit, here_ref, m.start())
                    shared = (
                        previous is not None
                        and own & set(_ids(_slots_in(slots, previous)))
                        and not _PARAGRAPH_BREAK.search(text, previous.end - 1, unit.start + 1)
                    )
                    if loose is None and shared:
                        loose = _loose_day(text, previous, here_ref)
                    if loose is not None and year is not None and loose.year != year:
                        # "Eerder, in 2023, werd ook X aangevallen": not that day.
                        loose = None
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
                    # "In maart werd ook het signaal van Y gestoord": a dated mention that
                    # says "ook" or "opnieuw" tells of another event of the kind, unless
                    # an earlier one has that very date.
                    also_day = when or loose
                    another = also_day is not None and _also_before(text, unit, m.start())
                    if another:
                        nearby = [k for k in nearby if merged[k].date == also_day]
                    # "X kreeg dreigbrieven. Y werd beschoten.": two sentences that each
                    # name their own, different parties tell of two events, however much
                    # the exchange around them shares.
                    mine = own - bystanders
                    if mine and not anaphor and not named:
                        nearby = [k for k in nearby if not owns.get(k) or owns[k] & mine]
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
                    if same is None and anaphor and not another:
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
                    owns.setdefault(same, set()).update(own - bystanders)
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
                    if loose is not None:
                        fallback.setdefault(same, loose)
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
                owns[key] = set(own - bystanders)
                if loose is not None:
                    fallback[key] = loose
                if coarse:
                    coarse_keys.add(key)
                if year is not None:
                    years[key] = year
                if header:
                    titled_keys.add(key)
    for key in order:
        if merged[key].date is None and key in fallback:
            merged[key].date = fallback[key]
        if merged[key].date is None and key not in titled_keys:
            day = _matter_day(document, merged[key], reference, units, slots)
            # A day of another year than the event's own is another act's.
            if day is not None and years.get(key, day.year) == day.year:
                merged[key].date = day
    return [merged[k] for k in order]


#: A blank line: the end of a paragraph in a letter or commentary.
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def _matter_day(
    document: Document,
    incident: Incident,
    reference: date | None,
    units: Sequence[Span],
    slots: Sequence[ActorSlot],
) -> date | None:
    """The one day the matter of an undated event names: its question with the answers
    to it (or its answer with the questions it covers), or else its paragraph; only
    sentences that name one of its parties count (not "Op 3 mei publiceerde de douane
    een advies").

    "Wat weet u over de hack bij X?" answered by "Op 3 maart 2025 constateerde X
    ongeautoriseerde toegang ...": that day is the event's when it is the only one.
    """
    text = document.text
    part = incident.part
    spans: list[tuple[Span, date | None]] = []
    if part is not None and document.parts[part].kind in ("question", "answer"):
        kind = document.parts[part].kind
        related = answers_for(document, part) if kind == "question" else []
        related += _question_parts(document, part)
        for p in sorted({part, *related}):
            # A question counts back from its sending, an answer from its own date.
            asked = document.parts[p].kind == "question" and document.submitted
            spans.append((document.parts[p].span, document.submitted if asked else reference))
    else:
        start = incident.evidence.start
        left = max((m.end() for m in _PARAGRAPH_BREAK.finditer(text, 0, start)), default=0)
        right = _PARAGRAPH_BREAK.search(text, incident.evidence.end)
        spans.append((Span(left, right.start() if right else len(text)), reference))
    parties = set(incident.actors)
    days = {
        d
        for span, ref in spans
        for unit in units
        # Its own sentence has been read clause by clause already.
        if span.start <= unit.start < span.end
        and unit != incident.evidence
        and parties & set(_ids(_slots_in(slots, unit)))
        for d in _loose_days(text, unit, ref)
    }
    return days.pop() if len(days) == 1 else None


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


def _linked_year(text: str, unit: Span, pos: int, reference: date | None) -> int | None:
    """The year of a date across a time link: "Eind april 2024 schortte X zijn vluchten op
    nadat twee toestellen door storingen terug moesten": the two acts share a year."""
    best: tuple[int, int] | None = None
    for f in _find_dates(text[unit.start : unit.end], reference):
        start, end = unit.start + f.span.start, unit.start + f.span.end
        between = text[end:pos] if end <= pos else text[pos:start]
        gap = max(start - pos, pos - end, 0)
        near = gap <= WIDE_DATE_WINDOW and not _NO_TIME_LINK.search(between)
        if near and (best is None or gap < best[0]):
            best = (gap, f.date.year)
    return best[1] if best else None


def _loose_days(text: str, unit: Span, reference: date | None, pos: int | None = None) -> set[date]:
    """The days a stretch names that are no meeting's or paper's ("het debat van
    5 maart", "de brief van 3 mei"); with ``pos``, only those within ``DATE_WINDOW``
    of it (a day further off in the sentence is another act's: "Tijdens het bezoek
    op 3 maart ... werd verwezen naar een cyberaanval")."""
    owners = alternation("date_other_owners.csv")
    days = set()
    for f in _find_dates(text[unit.start : unit.end], reference):
        start, end = unit.start + f.span.start, unit.start + f.span.end
        if f.precision != "day" or owners.search(text, max(unit.start, start - 50), start):
            continue
        if pos is not None and max(start - pos, pos - end, 0) > DATE_WINDOW:
            continue
        days.add(f.date)
    return days


def _loose_day(
    text: str, unit: Span, reference: date | None, pos: int | None = None
) -> date | None:
    """The one such day of a sentence (near ``pos``, when given), if it names just one."""
    days = _loose_days(text, unit, reference, pos)
    return days.pop() if len(days) == 1 else None


def _also_before(text: str, unit: Span, start: int) -> bool:
    """Whether the trigger's clause says "ook", "eveneens" or "opnieuw" before it."""
    head = text[unit.start : start]
    cuts = list(_CLAUSE_CUT.finditer(head))
    return bool(_ALSO.search(head[cuts[-1].end() :] if cuts else head))


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
