"""Mentions to actors: one ``Actor`` per real actor of a document.

Order of evidence for a name: the curated lists (gazetteer), then fuller forms
in the same document ("Grapperhaus" -> "Ferd Grapperhaus"), then the curated
people by surname (filtered by initials, party and date), then other documents
of the corpus (``CorpusIndex``). A name nothing explains keeps its longest form.

Examples
--------
>>> slug("Mariëtte Hamer")
'mariette-hamer'
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .gazetteer import office_key
from .ids import fold, slug
from .model import Actor, Claim, Document, Mention, Office, Participant, Span
from .patterns import (
    find_codes,
    load_lexicons,
    normalise_office,
    party_after,
    role_before,
    sentence_starts,
    split_person_name,
    strip_title,
)

__all__ = ["CorpusIndex", "Resolution", "resolve", "slug"]

#: "mede namens (de)" right before an office phrase.
_ON_BEHALF_BEFORE = re.compile(r"(?i)\bmede\s+namens\s+(?:de\s+|het\s+)?$")

#: Which source to trust for an actor's type when mentions disagree.
_SOURCE_RANK = {"rule": 0, "header": 1, "pattern": 2, "model": 3}


@dataclass
class Resolution:
    """What ``resolve`` found: actors, header roles (actor ids) and memberships."""

    actors: list[Actor]
    asked_by: list[str] = field(default_factory=list)
    answered_by: list[str] = field(default_factory=list)
    memberships: list[Claim] = field(default_factory=list)


class CorpusIndex:
    """Full person names seen across documents, by folded surname.

    Examples
    --------
    >>> index = CorpusIndex()
    >>> index.add_name("Harry van der Molen")
    >>> index.full_names("Van der Molen")
    ['Harry van der Molen']
    """

    def __init__(self) -> None:
        self._by_surname: dict[str, set[str]] = {}

    def add_name(self, name: str) -> None:
        first, _, surname = split_person_name(name)
        if first and surname:
            self._by_surname.setdefault(fold(surname), set()).add(" ".join(name.split()))

    def add(self, document: Document, mentions: Iterable[Mention] = ()) -> None:
        """Index the full person names of one document (first pass of a build)."""
        for mention in mentions:
            if mention.label == "Person":
                self.add_name(strip_title(mention.text))
        for participant in [*document.asked_by, *document.answered_by]:
            if participant.name:
                self.add_name(participant.name)

    def full_names(self, surname: str) -> list[str]:
        return sorted(self._by_surname.get(fold(surname), ()))

    def to_json(self) -> dict[str, list[str]]:
        """A JSON-ready copy (sorted), for ``build --update``."""
        return {k: sorted(v) for k, v in sorted(self._by_surname.items())}

    @classmethod
    def from_json(cls, data: object) -> CorpusIndex:
        """Rebuild from :meth:`to_json` output; ``None`` or a foreign shape gives an empty index.

        Examples
        --------
        >>> index = CorpusIndex.from_json({"van der molen": ["Harry van der Molen"]})
        >>> CorpusIndex.from_json(index.to_json()).full_names("Van der Molen")
        ['Harry van der Molen']
        >>> CorpusIndex.from_json(None).to_json()
        {}
        """
        index = cls()
        if isinstance(data, dict):
            for key, names in data.items():
                if isinstance(key, str) and isinstance(names, list):
                    index._by_surname[key] = {n for n in names if isinstance(n, str)}
        return index


# --------------------------------------------------------------------------- gazetteer access


def _lookup(gazetteer: Any, surface: str) -> Any:
    if gazetteer is None or not surface.strip():
        return None
    surface = " ".join(surface.split())
    entry = gazetteer.lookup(surface)
    if entry is None and re.fullmatch(r"(?:\w\.)+\w", surface):
        entry = gazetteer.lookup(surface + ".")  # "U.S" as matched, "U.S." as listed
    return entry


def _extra(entry: Any, key: str) -> str:
    extra = getattr(entry, "extra", None) or {}
    return str(extra.get(key) or "")


def _party_of(gazetteer: Any, entry: Any) -> str | None:
    if gazetteer is not None and hasattr(gazetteer, "party_of"):
        party = gazetteer.party_of(entry.name)
        if party:
            return party
    return _extra(entry, "party") or None


def _fits_initials(initials: str, first_names: str) -> bool:
    """ "W.H." fits "Willem Hendrik"; "H.G.J." fits "Hanke", a list that gives only
    the name in daily use (official initials list every baptismal name)."""
    letters = re.sub(r"[^A-Z]", "", initials)
    heads = "".join(w[0].upper() for w in first_names.split() if w)
    return bool(letters) and (
        heads.startswith(letters) or (len(heads) == 1 and letters[0] == heads)
    )


#: Folded adjectives per gazetteer (the lists are loaded once, so this stays tiny).
_ADJECTIVES: dict[int, tuple[Any, dict[str, Any]]] = {}


def _folded_adjectives(gazetteer: Any) -> dict[str, Any]:
    """``{folded adjective: entry}``, built once per gazetteer rather than per document."""
    if gazetteer is None or not hasattr(gazetteer, "adjectives"):
        return {}
    hit = _ADJECTIVES.get(id(gazetteer))
    if hit is None or hit[0] is not gazetteer:
        hit = _ADJECTIVES[id(gazetteer)] = (
            gazetteer,
            {fold(k): v for k, v in gazetteer.adjectives().items()},
        )
    return hit[1]


# --------------------------------------------------------------------------- groups


@dataclass
class _Group:
    canonical: str
    type: str
    known: bool = False  # canonical and type come from the gazetteer or a code rule
    surfaces: set[str] = field(default_factory=set)
    spans: set[Span] = field(default_factory=set)
    sources: list[tuple[str, str]] = field(default_factory=list)  # (source, label)
    offices: dict[str, Span | None] = field(default_factory=dict)


class _Builder:
    def __init__(self, document: Document, gazetteer: Any, corpus: CorpusIndex | None) -> None:
        self.document = document
        self.text = document.text
        self.gazetteer = gazetteer
        self.corpus = corpus
        self.when: date | None = document.answered or document.submitted
        self.groups: dict[str, _Group] = {}
        self.lex = load_lexicons()
        self.adjectives = _folded_adjectives(gazetteer)
        self._sentences = sentence_starts(self.text, self.lex)
        self.full_forms: set[str] = set()

    # ---- groups

    def group(self, canonical: str, typ: str, known: bool) -> _Group:
        key = slug(canonical)
        group = self.groups.get(key)
        if group is None:
            group = self.groups[key] = _Group(canonical, typ, known)
        elif known and not group.known:
            group.canonical, group.type, group.known = canonical, typ, True
        return group

    def attach(self, group: _Group, mention: Mention | None, surface: str) -> None:
        group.surfaces.add(" ".join(surface.split()))
        if mention is not None:
            group.spans.add(mention.span)
            group.sources.append((mention.source, mention.label))
            mention.actor_id = slug(group.canonical)

    def sentence_of(self, offset: int) -> Span:
        starts = self._sentences or [0]
        k = bisect.bisect_right(starts, offset)
        begin = starts[k - 1] if k else 0
        end = starts[k] if k < len(starts) else len(self.text)
        end = begin + len(self.text[begin:end].rstrip())
        return Span(begin, max(begin, end))

    # ---- non-persons

    def canonical_other(self, mention: Mention) -> tuple[str, str, bool] | None:
        surface = " ".join(mention.text.split())
        entry = _lookup(self.gazetteer, surface)
        if entry is None and surface.lower().startswith(("de ", "het ")):
            entry = _lookup(self.gazetteer, surface.split(" ", 1)[1])
        if entry is not None:
            return entry.name, entry.type, True
        if mention.label == "ThreatActor":
            codes = find_codes(surface, self.lex)
            if codes and codes[0].canonical:
                return codes[0].canonical, "ThreatActor", True
        first = fold(surface.split()[0]) if surface.split() else ""
        if fold(surface) in self.adjectives:
            return None  # a bare nationality adjective ("Chinese", from the model) is no actor
        if mention.label == "Country" and first in self.adjectives:
            nouns = {fold(n) for n in self.lex.country_nouns}
            if fold(" ".join(surface.split()[1:])) in nouns:
                entry = self.adjectives[first]
                return entry.name, entry.type, True
        return surface, mention.label, False

    # ---- persons

    def person_candidates(self, surface: str, party: str | None) -> list[str]:
        """Canonical names a short form may stand for, best evidence first."""
        _, initials, surname = split_person_name(surface, self.lex)
        if not surname:
            return []
        return self._by_surname(surname, initials, party)

    def _by_surname(self, surname: str, initials: str, party: str | None) -> list[str]:
        key = fold(surname)

        def same(other: str) -> bool:
            k = fold(other)
            return k == key or k.split("-")[0] == key or key.split("-")[0] == k

        # 1. fuller forms in this document
        local = []
        for name in sorted(self.full_forms):
            f, _, s = split_person_name(name, self.lex)
            if same(s) and (not initials or _fits_initials(initials, f)):
                local.append(name)
        if len(local) == 1:
            return local
        # 2. the curated people
        if self.gazetteer is not None and hasattr(self.gazetteer, "person_by_surname"):
            entries = list(self.gazetteer.person_by_surname(surname))
            if not entries and "-" in surname:
                entries = list(self.gazetteer.person_by_surname(surname.split("-")[0]))
            if initials:
                fitting = [
                    e
                    for e in entries
                    if _fits_initials(initials, _extra(e, "first_names") or e.name.split()[0])
                ]
                if not fitting and party:
                    # "J.E. van der Burg (VVD)": official initials may not fit the name in
                    # daily use; the stated party then picks the one namesake of that party
                    wanted = self.party_name(party)
                    fitting = [
                        e
                        for e in entries
                        if self.party_name(_party_of(self.gazetteer, e) or "") == wanted
                    ]
                    fitting = fitting if len(fitting) == 1 else []
                entries = fitting
            if party and entries:
                wanted = self.party_name(party)
                same_party = [
                    e
                    for e in entries
                    if self.party_name(_party_of(self.gazetteer, e) or "") == wanted
                ]
                entries = same_party or ([] if len(entries) > 1 else entries)
            if len(entries) > 1 and self.when is not None:
                entries = self._in_office(entries) or entries
            names = sorted({e.name for e in entries})
            if len(names) == 1:
                return names
        # 3. other documents
        if self.corpus is not None:
            names = self.corpus.full_names(surname)
            if len(names) == 1:
                return names
        return local[:1] if local else []

    def whole_surname(self, surface: str, party: str | None) -> str | None:
        """The one curated person whose surname is all of ``surface``, if any."""
        if self.gazetteer is None or not hasattr(self.gazetteer, "person_by_surname"):
            return None
        entries = list(self.gazetteer.person_by_surname(surface))
        if party and len(entries) > 1:
            wanted = self.party_name(party)
            entries = [
                e for e in entries if self.party_name(_party_of(self.gazetteer, e) or "") == wanted
            ]
        names = sorted({e.name for e in entries})
        return names[0] if len(names) == 1 else None

    def holder_named(self, name: str, office: str) -> str | None:
        """The holder of ``office`` on the document's date whose name ends in ``name``'s
        surname: "Minister Dijkgraaf (Onderwijs, ...)" is the Dijkgraaf who held OCW."""
        if self.gazetteer is None or self.when is None or not hasattr(self.gazetteer, "offices_on"):
            return None
        _, initials, surname = split_person_name(name, self.lex)
        surname = surname or name
        key = fold(surname)
        found = []
        for holder in self.gazetteer.offices_on(normalise_office(office), self.when) or []:
            first, _, last = split_person_name(holder, self.lex)
            folded = fold(holder)
            if fold(last) == key or folded.endswith(" " + key) or folded == fold(name):
                found.append((holder, first))
        # Office, date and surname suffice: official initials ("E.N.A.J.") often do not
        # fit the name in daily use ("Liesje"), so they only choose between namesakes.
        if len(found) > 1 and initials:
            found = [(h, f) for h, f in found if _fits_initials(initials, f or h)]
        return found[0][0] if len(found) == 1 else None

    def _in_office(self, entries: list[Any]) -> list[Any]:
        if not hasattr(self.gazetteer, "offices_on"):
            return []
        held = set()
        for office in self.offices_in_text():
            held.update(self.gazetteer.offices_on(office, self.when) or [])
        return [e for e in entries if e.name in held]

    def offices_in_text(self) -> list[str]:
        found = set()
        for m in re.finditer(
            r"(?i)\b(minister-president|minister|staatssecretaris)(\s+(?:van|voor)\s+"
            r"[^,.;:()\n]{2,60}?)?(?=[,.;:()\n]|\s+(?:mede|op|over|en de|heeft|is)\b)",
            self.text,
        ):
            found.add(normalise_office(m.group(0)))
        return sorted(found)

    def party_name(self, party: str | None) -> str | None:
        if not party:
            return None
        entry = _lookup(self.gazetteer, party)
        if entry is not None and entry.type == "PoliticalParty":
            return entry.name
        return " ".join(party.split())

    def is_party(self, surface: str) -> bool:
        entry = _lookup(self.gazetteer, surface)
        return entry is not None and entry.type == "PoliticalParty"


# --------------------------------------------------------------------------- main


def resolve(
    document: Document,
    mentions: list[Mention],
    gazetteer: Any,
    *,
    corpus: CorpusIndex | None = None,
) -> Resolution:
    """Group mentions into actors, resolve header participants, find party memberships.

    Sets ``mention.actor_id`` on every mention that became (part of) an actor.

    Parameters
    ----------
    document : Document
        The laid-out document (header participants, dates, text).
    mentions : list of Mention
        From ``nlp.find_mentions``.
    gazetteer : Gazetteer or None
        Curated lists (``lookup``, ``person_by_surname``, ``party_of``,
        ``offices_on``, ``adjectives``).
    corpus : CorpusIndex, optional
        Full names seen in other documents.
    """
    b = _Builder(document, gazetteer, corpus)
    text = document.text
    persons = [m for m in mentions if m.label == "Person"]
    others = [m for m in mentions if m.label != "Person"]

    # Non-persons first; a curated Person found under another label joins the persons.
    for mention in others:
        found = b.canonical_other(mention)
        if found is None:
            continue
        canonical, typ, known = found
        if typ == "Person":
            persons.append(mention)
            continue
        b.attach(b.group(canonical, typ, known), mention, mention.text)
    _merge_bracketed(b, others)

    # Party attachments decide ties between people of the same surname.
    party_of_mention: dict[int, str] = {}
    member_evidence: dict[int, Span] = {}
    ordered = sorted(persons, key=lambda m: m.span)
    for idx, mention in enumerate(ordered):
        hit = party_after(text, mention.span.end)
        if hit is None:
            continue
        party, _, _, group_flag = hit
        loose = group_flag and re.fullmatch(r"[\w&-]+(?: \w+){0,3}", party)
        if not (b.is_party(party) or loose):
            continue
        chain = [idx]
        if group_flag:
            j = idx
            while j > 0:
                gap = text[ordered[j - 1].span.end : ordered[j].span.start]
                if not re.fullmatch(r"\s*(?:\([^()]{1,60}\)\s*)?(?:,\s*|\s+en\s+)", gap):
                    break
                j -= 1
                chain.append(j)
        for k in chain:
            party_of_mention.setdefault(id(ordered[k]), party)
            member_evidence.setdefault(id(ordered[k]), b.sentence_of(mention.span.start))

    # Full forms first, then short forms resolve against them.
    participants = [(p, "asked") for p in document.asked_by] + [
        (p, "answered") for p in document.answered_by
    ]
    # who sent a delay notice holds the office it states, but answers nothing
    participants += [(p, "notice") for n in document.notices for p in n.by if p.name]
    person_canonical: dict[int, str] = {}
    for mention in ordered:
        surface = strip_title(mention.text, b.lex)
        entry = _lookup(gazetteer, surface)
        if entry is not None and entry.type == "Person":
            person_canonical[id(mention)] = entry.name
            b.full_forms.add(entry.name)
        elif split_person_name(surface, b.lex)[0]:
            b.full_forms.add(surface)
    for participant, _ in participants:
        entry = _lookup(gazetteer, participant.name or "")
        holder = (
            b.holder_named(participant.name, participant.office)
            if participant.name and participant.office
            else None
        )
        if entry is not None and entry.type == "Person":
            b.full_forms.add(entry.name)
        elif holder is not None:
            b.full_forms.add(holder)  # "Dijkgraaf" in the text is this one too
        elif participant.name and split_person_name(participant.name, b.lex)[0]:
            b.full_forms.add(" ".join(participant.name.split()))

    def canonical_person(surface: str, party: str | None) -> tuple[str, bool]:
        surface = strip_title(surface, b.lex)
        entry = _lookup(gazetteer, surface)
        if entry is not None and entry.type == "Person":
            return entry.name, True
        first = split_person_name(surface, b.lex)[0]
        if first:
            # "Bruins Slot": a double surname, not a first name and a surname
            whole = b.whole_surname(surface, party)
            return (whole, True) if whole else (surface, False)
        found = b.person_candidates(surface, party)
        if found:
            known = _lookup(gazetteer, found[0]) is not None
            return found[0], known
        return surface, False

    person_group: dict[int, _Group] = {}
    for mention in ordered:
        party = party_of_mention.get(id(mention))
        name = person_canonical.get(id(mention))
        known = name is not None
        if name is None:
            name, known = canonical_person(mention.text, party)
        group = b.group(name, "Person", known)
        b.attach(group, mention, strip_title(mention.text, b.lex))
        person_group[id(mention)] = group
        former_office = role_before(text, mention.span.start)
        if former_office and not former_office[1]:
            label, _, start = former_office
            # "mede namens de minister van X," above a signer's name: X is a colleague's office
            if not _ON_BEHALF_BEFORE.search(text, max(0, start - 40), start):
                group.offices.setdefault(label, Span(start, mention.span.start))

    # Header participants. A policy letter (no questions, no askers) has a sender,
    # not an answerer: the signer keeps the office but answers nothing.
    policy_letter = (
        document.genre == "letter"
        and not document.asked_by
        and not any(p.kind in ("question", "answer") for p in document.parts)
    )
    asked_by: list[str] = []
    answered_by: list[str] = []
    memberships: dict[tuple[str, str], Claim] = {}
    for participant, role in participants:
        group = _participant_group(b, participant, canonical_person)
        if group is None:
            continue
        target = asked_by if role == "asked" else answered_by
        answers = not (policy_letter and role == "answered") and role != "notice"
        if answers and slug(group.canonical) not in target:
            target.append(slug(group.canonical))
        if participant.office:
            group.offices.setdefault(_header_office(b, group.canonical, participant.office), None)
        elif role == "answered" and not group.offices and b.when and gazetteer is not None:
            for office in b.offices_in_text():
                if group.canonical in (gazetteer.offices_on(office, b.when) or []):
                    group.offices.setdefault(office, None)
                    break
        party = participant.party
        if not party and gazetteer is not None and group.known:
            stated = _party_of(gazetteer, _lookup(gazetteer, group.canonical))
            # only a party the document itself names, so no actor is invented
            if stated and slug(b.party_name(stated) or "") in b.groups:
                party = stated
        if party:
            evidence = _participant_evidence(b, participant, group)
            _add_membership(b, memberships, group, party, evidence)

    for mention in ordered:
        party = party_of_mention.get(id(mention))
        if party:
            _add_membership(
                b, memberships, person_group[id(mention)], party, member_evidence[id(mention)]
            )

    actors = _actors(b)
    return Resolution(
        actors=actors,
        asked_by=asked_by,
        answered_by=answered_by,
        memberships=sorted(memberships.values(), key=lambda c: (c.subject, c.object)),
    )


def _participant_group(b: _Builder, participant: Participant, canonical_person) -> _Group | None:
    name = (participant.name or "").strip()
    if not name and participant.office and b.gazetteer is not None and b.when is not None:
        holders = b.gazetteer.offices_on(normalise_office(participant.office), b.when) or []
        if not holders:
            return None
        name = sorted(holders)[0]
    if not name:
        return None
    holder = b.holder_named(name, participant.office) if participant.office else None
    if holder is not None:
        canonical, known = holder, True
    else:
        canonical, known = canonical_person(name, participant.party)
    group = b.group(canonical, "Person", known)
    group.surfaces.add(" ".join(name.split()))
    if participant.span is not None and participant.span.end > participant.span.start:
        covered = any(
            s.start <= participant.span.start and participant.span.end <= s.end
            for g in b.groups.values()
            for s in g.spans
            if g is not group
        )
        if not covered:
            group.spans.add(participant.span)
            group.sources.append(("header", "Person"))
    return group


def _participant_evidence(b: _Builder, participant: Participant, group: _Group) -> Span:
    if participant.span is not None:
        start = b.text.rfind("\n", 0, participant.span.start) + 1
        end = b.text.find("\n", participant.span.end)
        return Span(start, end if end >= 0 else len(b.text))
    if group.spans:
        return b.sentence_of(min(group.spans).start)
    return Span(0, 0)


def _add_membership(b: _Builder, memberships, group: _Group, party: str, evidence: Span) -> None:
    name = b.party_name(party)
    if not name or slug(name) == slug(group.canonical):
        return
    entry = _lookup(b.gazetteer, party)
    party_group = b.group(name, "PoliticalParty", entry is not None)
    party_group.surfaces.add(" ".join(party.split()))
    # the bracketed party is itself a mention of the party
    for m in re.finditer(
        re.escape(party).replace(r"\ ", r"\s+"), b.text[evidence.start : evidence.end]
    ):
        party_group.spans.add(Span(evidence.start + m.start(), evidence.start + m.end()))
        break
    key = (slug(group.canonical), slug(name))
    if key not in memberships:
        memberships[key] = Claim(key[0], "memberOf", key[1], evidence=evidence, stance="asserted")


_OPEN_BRACKET = re.compile(r"\s*\(\s*")


def _merge_bracketed(b: _Builder, others: list[Mention]) -> None:
    """ "Da Jiang Innovations (DJI)": a name and its bracketed short form are one actor."""
    ordered = sorted((m for m in others if m.actor_id), key=lambda m: m.span)
    for left, right in itertools.pairwise(ordered):
        gap = b.text[left.span.end : right.span.start]
        if not _OPEN_BRACKET.fullmatch(gap) or b.text[right.span.end : right.span.end + 1] != ")":
            continue
        if left.label == "PoliticalParty" or right.label == "PoliticalParty":
            continue
        g1, g2 = b.groups.get(left.actor_id), b.groups.get(right.actor_id)
        if g1 is None or g2 is None or g1 is g2:
            continue
        keep, drop = (g2, g1) if g2.known and not g1.known else (g1, g2)
        if drop.known and keep.known:
            continue
        keep.surfaces |= drop.surfaces | {drop.canonical}
        keep.spans |= drop.spans
        keep.sources += drop.sources
        del b.groups[slug(drop.canonical)]
        for m in others:
            if m.actor_id == slug(drop.canonical):
                m.actor_id = slug(keep.canonical)


def _actors(b: _Builder) -> list[Actor]:
    actors = []
    for key in sorted(b.groups):
        group = b.groups[key]
        typ = group.type
        if not group.known and group.sources:
            ranked = sorted(group.sources, key=lambda s: _SOURCE_RANK.get(s[0], 9))
            best = _SOURCE_RANK.get(ranked[0][0], 9)
            votes = Counter(label for src, label in ranked if _SOURCE_RANK.get(src, 9) == best)
            typ = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        label = group.canonical
        actors.append(
            Actor(
                id=key,
                label=label,
                type=typ,
                aliases={s for s in group.surfaces if s and s != label},
                mentions=sorted(group.spans),
                offices=[Office(k, v) for k, v in sorted(group.offices.items())],
            )
        )
    return actors


#: An office whose text states no preposition: "Minister Defensie", "minister (BZ)".
_NO_PREPOSITION = re.compile(
    r"^\W*(?:de\s+)?(?:minister-president|minister|staatssecretaris)(?!\s+(?:van|voor)\b)",
    re.IGNORECASE,
)


def _header_office(b: _Builder, person: str, stated: str) -> str:
    """The office of a header participant in its normal Dutch form.

    When the text states no "van"/"voor" (publication headers give the department
    in brackets), the curated form of the person's own term wins, else that of
    any term of the office, else the ministry list's preposition.
    """
    label = normalise_office(stated)
    gazetteer = b.gazetteer
    if gazetteer is None or not hasattr(gazetteer, "terms"):
        return label
    if not _NO_PREPOSITION.match(stated):
        return _curated_form(b, person, label)
    key = office_key(label)
    terms = sorted(gazetteer.terms, key=lambda t: (t.person != person, t.start, t.office))
    found = next((t.office for t in terms if office_key(t.office) == key), None)
    return found or _curated_form(b, person, label)


def _curated_form(b: _Builder, person: str, label: str) -> str:
    """ "minister van JenV" as the person's own term on the date names it:
    "minister van Justitie en Veiligheid". Any other label stays as stated."""
    gazetteer = b.gazetteer
    if b.when is None or not hasattr(gazetteer, "offices_on"):
        return label
    key = office_key(label)
    own = [t for t in gazetteer.terms if t.person == person and t.holds_on(b.when)]
    if any(office_key(t.office) == key for t in own):
        return label
    same_role = [t for t in own if office_key(t.office)[0] == key[0]]
    if len(same_role) == 1 and person in (gazetteer.offices_on(label, b.when) or []):
        return same_role[0].office
    return label
