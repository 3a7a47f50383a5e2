"""State responses (sanctions, statements, measures) with who took them.

Triggers are data: ``lexicons/response_triggers.csv`` (regex, kind, strict: ``y`` needs
a taker, ``s`` a state taker: a government body, country or person) with
``response_hypothetical.csv`` (question wording that makes a measure asked about
rather than taken), ``response_conditional.csv`` (a measure only supposed: "indien
nodig", "zou ... kunnen", "uitgangspunt is") and ``response_takers.csv`` ("ik", "wij",
"het kabinet": the answering minister, with the cabinet and the ministry when named).

A response records who took it (the agent after "door" in its own clause, the body a
facility is set up with, the maker of a decision, the sentence's first actor outside a
prepositional phrase, the answering minister for "ik"/"het kabinet", a body the act
sits in, a subject named by pronoun in the sentence before, or the country it was
taken in), what it is aimed at, and the incidents of its part (or of the questions its
answer covers). Measures only supposed ("indien nodig", "wordt bezien of"), named
again ("deze maatregelen", "Het wetsvoorstel ..."), or taken by a firm are no state
responses; footnotes cite titles and give none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from kamerkg.extract.ids import fold
from kamerkg.extract.model import Actor, Document, Incident, Mention, Response, Span

from .claims import ActorSlot, actor_slots, adjective_country_before, country_index
from .event_common import (
    _CLAUSE_CUT,
    _COVERED,
    _SOURCE_PARTS,
    _conditional_clause,
    _date_near,
    _Pattern,
    _question_parts,
    _reference_date,
    _rows,
    _slots_in,
    _spaced,
    alternation,
)
from .sentences import clause_around, sentence_units, units_to_scan

__all__ = ["extract_responses"]

_PREPOSITION = re.compile(
    r"\b(?:in|over|van|tegen|op|met|aan|naar|uit|bij|voor|namens|binnen|tussen|zoals|via|richting|jegens"
    # "Volgens de NOS ...": the source of a report, not its subject.
    r"|volgens)"
    r"\s+(?:de\s+|het\s+|een\s+|deze\s+|die\s+)?(?:(?!die\b|dat\b)(?-i:[a-zà-ÿ][\w-]*)\s+){0,2}"
    # "aan het Chinese ministerie": a nationality adjective inside the phrase.
    r"(?:(?-i:[A-Z][a-zà-ÿ]*(?:se|sche))\s+)?$",
    re.IGNORECASE,
)
_AIM = re.compile(
    r"\b(?:tegen|aan|jegens|richting|met)\s+(?:de\s+|het\s+)?(?:[\w-]+\s+){0,1}$", re.IGNORECASE
)
_AGENT_AFTER = re.compile(r"^\s+(?:van|door)\s+(?:de\s+|het\s+)?$", re.IGNORECASE)
_HOST_AFTER = re.compile(r"^\s+bij\s+(?:de\s+|het\s+)?$", re.IGNORECASE)
_DOOR_AFTER = re.compile(r"^\s+door\s+(?:de\s+|het\s+)?$", re.IGNORECASE)
_DOOR = re.compile(r"\bdoor\s+(?:de\s+|het\s+)?$", re.IGNORECASE)
# "deze maatregelen", "de genoemde sancties": a measure named before, not a new one.
# Only an adjective may sit between ("deze nieuwe sancties"); "aan deze brief
# geïnformeerd" names another thing before a verb trigger.
_BACK_DEMONSTRATIVE = re.compile(
    r"\b(?:deze|die|dit|dat|dergelijke|zulke|(?:de|het) (?:genoemde|bovengenoemde|eerdergenoemde))"
    r"\s+(?:[\w-]+e\s+)?$",
    re.IGNORECASE,
)
# "De maatregelen zijn ...", "De verklaringen van de VS onderstrepen ...": a sentence
# opening on a definite measure talks about it.
_BACK_OPENING = re.compile(r"^\W*(?:de|het)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
_DEMONSTRATIVE_OPENING = re.compile(
    r"\W*(?:deze|die|dit|dat|dergelijke|zulke)\s+(?:[\w-]+\s+)?$", re.IGNORECASE
)
# "Hij vaardigde ... uit", "Zij dienden ... in": a subject named in the sentence before.
_PRONOUN_SUBJECT = re.compile(r"^\W*(?:hij|zij|ze)\b", re.IGNORECASE)
_PLURAL_PRONOUN = re.compile(r"^\W*(?:zij|ze)\s+(?:\w+en|zijn|hebben)\b", re.IGNORECASE)
_IN_PLACE = re.compile(r"\bin\s+(?:de\s+|het\s+)?$", re.IGNORECASE)
_DECISION_OF = re.compile(
    r"\b(?:besluit|beslissing|aankondiging|voornemen)\s+van\s+(?:de\s+|het\s+)?$",
    re.IGNORECASE,
)
# "op verzoek van Nederland werden twee verdachten aangehouden": the one who asked acts.
_REQUESTED_BY = re.compile(
    r"\b(?:op|na|naar aanleiding van) (?:een\s+)?(?:verzoek|initiatief|aandringen|instigatie)"
    r"\s+van\s+(?:de\s+|het\s+)?$",
    re.IGNORECASE,
)
# A relative or time clause in a question that reports, not asks: ", dat ...",
# ", waar ...", ", nadat ...".
_REPORTING_CLAUSE = re.compile(
    r",\s*(?:dat|die|waar|waarin|waarbij|waarmee|nadat|sinds|toen)\b", re.IGNORECASE
)
_ASKED_CLAUSE = re.compile(
    r"\b(?:of|welke|hoe|wat|waarom|wanneer|in hoeverre|u|uw)\b|[,;:]", re.IGNORECASE
)
_CLAUSE_END_AFTER = re.compile(r"[,;:?](?:\s|$)")
# "De Nederlandse regering", "de Britse autoriteiten": a state named by its adjective.
_GOVERNMENT_NOUN = re.compile(
    r"\b(?:regering|overheid|autoriteiten|kabinet|ministerie|justitie|politie|inlichtingendienst)\b",
    re.IGNORECASE,
)
# "Of Nederland een advies medeondertekent, wordt per geval bezien": a clause opening
# on "of"/"hoe" asks whether, up to its comma.
_WHETHER_OPENING = re.compile(r"\W*(?:of|hoe|wanneer|in hoeverre)\s[^,;:]*$", re.IGNORECASE)
_MAIN_AFTER_SUB = re.compile(
    r",\s+(?:heeft|hebben|had|hadden|is|zijn|was|waren|werd|werden|wordt|worden|zal|zullen)\b",
    re.IGNORECASE,
)
_STATE_NOUN = re.compile(
    r"\b(?:regering|overheid|autoriteiten|kabinet|ministerie|justitie|politie|inlichtingendienst"
    r"|ambassadeur|ambassade|gezant|delegatie|premier)\b",
    re.IGNORECASE,
)
_ACTIVE_ENVOY = re.compile(
    r"(?:ambassadeur|zaakgelastigde|gezant)\s+(?:(?:in|te)\s+[A-Z][\w-]*\s+)?"
    r"(?:heeft|hebben|had|hadden|sprak|bracht|uitte|overhandigde)\b",
    re.IGNORECASE,
)
# "Een verbod acht het kabinet niet opportuun": a measure judged and turned down.
_REJECTED_AFTER = re.compile(
    r"[^.;:?!,]{0,80}?\b(?:niet|geen)\s+(?:[\w-]+\s+){0,2}?(?:opportuun|nodig|noodzakelijk"
    r"|wenselijk|proportioneel|zinvol|verstandig|passend|aan de orde)\b",
    re.IGNORECASE,
)
_ADDRESSED = re.compile(r"\buw\s", re.IGNORECASE)
# "Volgens de AIVD ...": the source of a report.
_SOURCE_BEFORE = re.compile(r"\bvolgens\s+(?:de\s+|het\s+)?$", re.IGNORECASE)
# ", die ...", ", dat ...": a relative clause on the name before the comma.
_RELATIVE_HOST = re.compile(r",\s*(?:die|dat)\b", re.IGNORECASE)
# A relative clause between a trigger and a later name: "... tegen personen die ...".
_RELATIVE_AFTER = re.compile(r"\b(?:die|dat|wie|waarbij|waarin|waarmee|waardoor)\b", re.IGNORECASE)
_TO_DO = re.compile(r"\bom\b", re.IGNORECASE)
_OFFICE_HEAD = re.compile(r"^\s*(?:minister|staatssecretaris)(?:-president)?\s+(?:van\s+|voor\s+)?")
# "De minister van Buitenlandse Zaken heeft ...": an office that names its ministry
# ("van Buitenlandse Zaken van Estland" is another country's).
_OFFICE_SUBJECT = re.compile(
    r"\bde\s+(?:minister|staatssecretaris)\s+(?:van|voor)\s+", re.IGNORECASE
)
_FOREIGN_AFTER = re.compile(r"\s*(?:van|uit)\s+(?-i:[A-Z])")
# "een brief over de toeschrijving van ...", "een afweging over politieke attributie":
# a measure named as the topic of something else, not taken here.
_TOPIC_BEFORE = re.compile(r"\bover\s+(?:de\s+|het\s+)?(?:[\w-]+e\s+)?$", re.IGNORECASE)
_RELATIVE_TAKEN = re.compile(r",?\s+(?:die|dat)\b", re.IGNORECASE)
# "Oostland heeft het gps-signaal verstoord": jamming a signal is a threat's act, not a
# disruption of one.
_JAMMED = re.compile(
    r"\b(?:[\w-]*signa(?:al|len)|[\w-]*navigatie\w*|gps|gnss|radar\w*|communicatie\w*"
    r"|verbinding(?:en)?|dienstverlening|betalingsverkeer|luchtverkeer|scheepvaart)\b"
    r"[^.;:?!]{0,60}$",
    re.IGNORECASE,
)
_CABINET_NAMES = frozenset({"kabinet", "het kabinet", "regering", "nederlandse regering"})
# "over de maatregelen", "bij de vormgeving van de sancties": known measures as an object.
_BACK_PREPOSITIONAL = re.compile(
    r"\b(?:van|over|bij|aan|met|voor|door|op|naar|om|na)\s+(?:de|het)\s+(?:[\w-]+e[n]?\s+)?$",
    re.IGNORECASE,
)
_GENERIC_MEASURE = re.compile(
    r"(?:maatregel(?:en)?|sancties?|verklaring(?:en)?|besluit(?:en)?|onderzoek|wetsvoorstel(?:len)?)",
    re.IGNORECASE,
)
_NEGATED = re.compile(r"\b(?:geen|niet|niemand|nooit|niets)\b[^,.;]{0,60}$", re.IGNORECASE)
_TAKER_TYPES = ("GovernmentBody", "Country", "Person", "Organisation", "PoliticalParty")
_STATE_TYPES = frozenset({"GovernmentBody", "Country", "Person"})


@lru_cache(maxsize=1)
def _response_triggers() -> tuple[_Pattern, ...]:
    return tuple(
        _Pattern(
            re.compile(_spaced(r["pattern"]), re.IGNORECASE),
            r["kind"],
            (r.get("strict") or "") in ("y", "s"),
            (r.get("strict") or "") == "s",
        )
        for r in _rows("response_triggers.csv")
    )


def _hypothetical() -> re.Pattern[str]:
    return alternation("response_hypothetical.csv")


def _takers() -> re.Pattern[str]:
    return alternation("response_takers.csv")


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
    # "Russische drones neergeschoten": a disruption's adjective is the target's too.
    # "De Nederlandse ambassadeur in Beijing heeft ... overgebracht": an envoy as the
    # subject acts for the country of its adjective.
    if kind == "diplomatic" and _ACTIVE_ENVOY.match(text, start):
        envoy = adjective_country_before(text, start, countries)
        if envoy is not None:
            return [envoy.actor_id]
    # "de Chinese investering in de haven tegengehouden": a measure's trigger that runs
    # from its object to its verb names the act; the adjective is the object's (but
    # "de Nederlandse zorgen ... overgebracht" are the Dutch ones).
    words = text[start:end].split()
    object_first = kind != "statement" and len(words) > 1 and words[-1].islower()
    adj = (
        adjective_country_before(text, start, countries)
        if kind not in ("diplomatic", "disruption") and not object_first
        else None
    )
    # "vier Chinese staatsburgers aangeklaagd": the adjective is the object's, not the taker's;
    # only another adjective may sit between ("de Britse nationale verklaring").
    between = text[adj.end : start].split() if adj else []
    if adj and all(w.lower().endswith("e") for w in between):
        return [adj.actor_id]
    # 2. The agent right after a nominal trigger: "attributie door het kabinet",
    #    "aantijgingen van de VS".
    after = [s for s in inside if s.start >= end]
    # "de ambassadeur van Iran": the one addressed, not the one acting.
    agent_after = _DOOR_AFTER if kind == "diplomatic" else _AGENT_AFTER
    if after and agent_after.match(text[end : after[0].start] or " "):
        return [after[0].actor_id]
    # 2a. The body a facility sits with: "een meldpunt bij de politie ingericht".
    hosted = kind == "measure" and after and after[0].type == "GovernmentBody"
    if hosted and _HOST_AFTER.match(text[end : after[0].start]):
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
    # 2c. A relative clause on the taker: "de Europese Commissie, die een onderzoek heeft
    #     aangekondigd", "de EU, die sancties instelde".
    hosts = list(_RELATIVE_HOST.finditer(text, unit.start, start))
    last = hosts[-1] if hosts else None
    antecedent = [
        s
        for s in inside
        if last is not None
        and s.type in _TAKER_TYPES
        and s.via == "mention"
        and 0 <= last.start() - s.end <= 2
        and not _CLAUSE_CUT.search(text[last.end() : start])
        and not _CLAUSE_END_AFTER.search(text[last.end() : start])
    ]
    if antecedent:
        return [antecedent[-1].actor_id]
    # 3. A passive agent anywhere in the sentence: "door de VS geïnformeerd".
    # "De EU verklaarde dat de storingen door Rusland ...": an agent in another
    # clause did something else; "sancties tegen personen die betrokken zijn bij
    # schendingen door Iran": an agent in a relative clause after it as well.
    agents = [
        s
        for s in inside
        if _DOOR.search(text[max(unit.start, s.start - 12) : s.start])
        and not _CLAUSE_CUT.search(text[min(s.end, start) : max(s.start, end)])
        and not (s.start >= end and _RELATIVE_AFTER.search(text[end : s.start]))
    ]
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
    # "Nadat de AIVD had gewaarschuwd, heeft het kabinet ... uitgesloten": the subject
    # of the main clause after a subordinate one.
    main = [s for s in local if not _MAIN_AFTER_SUB.search(text[s.end : start])]
    local = main or local
    if local:
        return [local[0].actor_id]
    # 4a. With no subject of its own, the one who asked for it: "op verzoek van X werden
    #     ... aangehouden" (a subject that acts "op initiatief van X" stays the taker).
    requesters = [
        s
        for s in inside
        if _REQUESTED_BY.search(text[max(unit.start, s.start - 40) : s.start])
        and not _CLAUSE_CUT.search(text[min(s.end, start) : max(s.start, end)])
    ]
    if requesters:
        return [requesters[0].actor_id]
    if kind == "diplomatic":
        # "De ambassadeur is uitgenodigd op het ministerie van Buitenlandse Zaken".
        bodies = [s for s in inside if s.type == "GovernmentBody"]
        if bodies:
            return [bodies[0].actor_id]
    if ahead:
        return [ahead[0].actor_id]
    # 4b. A government named by its nationality: "De Nederlandse regering heeft ...",
    #     "De Nederlandse ambassadeur heeft ... overgebracht" (but "de Chinese ambassadeur
    #     is ontboden" is the one addressed).
    nouns = _GOVERNMENT_NOUN if kind == "diplomatic" else _STATE_NOUN
    for noun in nouns.finditer(text, unit.start, start):
        adj = adjective_country_before(text, noun.start(), countries)
        if (
            adj is not None
            and not _PREPOSITION.search(text[max(unit.start, adj.start - 40) : adj.start])
            and not _CLAUSE_CUT.search(text[noun.end() : start])
        ):
            return [adj.actor_id]
    # 5. "ik", "wij", "het kabinet" with no actor standing for them: the answering minister.
    if minister and _takers().search(text, unit.start, unit.end):
        return list(minister)
    # 6. A body the sentence places the act in, before it: "een meerderheid in de Tweede
    #    Kamer", "binnen de Rijksoverheid geldt het advies ..." (rather than a country
    #    the act is about, after it).
    bodies = [
        s
        for s in inside
        if s.type == "GovernmentBody"
        and s.end <= start
        and not _SOURCE_BEFORE.search(text[max(unit.start, s.start - 20) : s.start])
    ]
    if bodies:
        return [bodies[0].actor_id]
    if free:
        return [free[0].actor_id]
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
    types = {a.id: a.type for a in actors}
    reference = _reference_date(document)
    # "ik", "wij", "het kabinet": the answering minister, for the ministry and the cabinet.
    minister = _answering_ids(document, actors)
    if minister:
        minister = minister + _government_ids(document, actors, minister)
    ministries = _ministries(actors)
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
        # Where a question asks for a measure ("Bent u bereid ..."), only a measure a
        # relative clause reports as taken by another stays ("..., dat in de VS op een
        # sanctielijst staat").
        asks = _hypothetical().search(text, unit.start, unit.end) if is_question else None
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
                reported = is_question and _reported_in_question(
                    text, unit, asks.end() if asks else unit.start, m.start()
                )
                if asks is not None and not reported:
                    continue
                if _NEGATED.search(text[max(unit.start, m.start() - 65) : m.start()]):
                    continue
                if _REJECTED_AFTER.match(text, m.end(), unit.end):
                    continue
                if _conditional_clause(text, unit, m.start(), m.end()):
                    continue
                if not is_question and _WHETHER_OPENING.match(text[unit.start : m.start()]):
                    continue
                if (
                    trig.kind in kinds_seen
                    and _refers_back(text, unit, m.start(), m.end())
                    # "na de Britse verklaring": a new taker makes it a new response.
                    and not adjective_country_before(text, m.start(), countries)
                ):
                    continue
                if (
                    " " not in m.group(0).strip()
                    and _TOPIC_BEFORE.search(text[max(unit.start, m.start() - 40) : m.start()])
                    # "over de maatregelen die het kabinet heeft genomen": told as taken.
                    and not _RELATIVE_TAKEN.match(text, m.end(), unit.end)
                ):
                    continue
                if trig.kind == "disruption" and _JAMMED.search(text, unit.start, m.start()):
                    continue
                if _DEMONSTRATIVE_OPENING.match(text, unit.start, m.start()):
                    # "Deze maatregelen zijn genomen ...", "Die motie was ...": a sentence
                    # opening on a measure named before tells more about it, even when
                    # the first naming was only asked about.
                    continue
                by = _takers_of(
                    text, unit, m.start(), m.end(), inside, countries, minister, trig.kind
                )
                if by and by == minister:
                    by = _office_ministry(text, unit, m.start(), ministries) or by
                if reported and not by:
                    # "..., dat in de VS op een sanctielijst staat": the place it was taken.
                    by = _implied_takers(text, unit, m.start(), inside, slots, None)
                if (is_question or trig.strict) and not by:
                    # A weak cue with no taker claims no words: "De Inspectie heeft een
                    # onderzoek ingesteld" still counts by its strong cue.
                    continue
                taken.append((m.start(), m.end()))
                if trig.state and not any(types.get(b) in _STATE_TYPES for b in by):
                    # "De universiteit heeft bekendgemaakt ...": a firm's or a school's news.
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
                        date=_date_near(text, unit, m.start(), reference, m.end()),
                        part=part,
                    )
                )
    return sorted(
        out, key=lambda r: (r.evidence.start, text.find(r.trigger, r.evidence.start), r.kind)
    )


def _ministries(actors: Sequence[Actor]) -> dict[str, str]:
    """Ministries by their field: "buitenlandse zaken" -> the ministry's actor id."""
    found: dict[str, str] = {}
    for actor in sorted(actors, key=lambda a: a.id):
        if actor.type != "GovernmentBody":
            continue
        for name in actor.names():
            folded = " ".join(fold(name).split())
            if folded.startswith("ministerie van "):
                found.setdefault(folded.removeprefix("ministerie van "), actor.id)
    return found


def _office_ministry(text: str, unit: Span, start: int, ministries: dict[str, str]) -> list[str]:
    """The ministry of "de minister van X" as the subject before a trigger, when the
    document names that ministry: the office acts for it, not the letter's signer."""
    offices = [
        o
        for o in _OFFICE_SUBJECT.finditer(text, unit.start, start)
        if not _CLAUSE_CUT.search(text[o.end() : start])
    ]
    if not offices:
        return []
    rest = " ".join(fold(text[offices[-1].end() : start]).split())
    fields = [f for f in ministries if f and rest.startswith(f)]
    if not fields:
        return []
    field = max(fields, key=len)
    raw = text[offices[-1].end() : start]
    # The field's words in the raw text, then a country: another state's minister.
    words = len(field.split())
    tail = raw.split(None, words)
    if len(tail) > words and _FOREIGN_AFTER.match(" " + tail[words]):
        return []
    return [ministries[field]]


def _reported_in_question(text: str, unit: Span, left: int, start: int) -> bool:
    """Whether a trigger in a question sits in a relative clause of its own, after
    ``left`` (the end of what the question asks for), that reports a measure: "Kunt u
    bevestigen dat X een dochter is van Y, dat in de VS op een sanctielijst staat?"
    (not "..., of Nederland sancties instelt").
    """
    if left > start:
        return False
    between = text[left:start]
    openers = list(_REPORTING_CLAUSE.finditer(between))
    if not openers:
        return False
    rest = between[openers[-1].end() :]
    clause_end = _CLAUSE_END_AFTER.search(text, start, unit.end)
    right = clause_end.start() if clause_end else unit.end
    return not _ASKED_CLAUSE.search(rest) and not _hypothetical().search(
        text, left + openers[-1].end(), right
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
        and _IN_PLACE.search(text[max(unit.start, s.start - 12) : s.start])
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
