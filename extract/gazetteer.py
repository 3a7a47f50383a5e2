"""Curated actor lists (``seeds/actors/*.csv``) as one searchable gazetteer.

The lists are plain CSV files an analyst edits in a spreadsheet; see
``seeds/actors/README.md`` for their columns. This module reads them, checks
them (numbered ``InputError`` E110-E119 naming file and line), and answers the
questions the entity ruler and the resolver ask: which actor is this name,
which country does this adjective point to, who was minister of X on a date,
which person has this surname.

Examples
--------
>>> gaz = load_gazetteer()
>>> gaz.lookup("Volksrepubliek China").name
'China'
>>> gaz.lookup("ministerie van jenv").name
'Ministerie van Justitie en Veiligheid'
>>> gaz.adjectives()["russische"].name
'Rusland'
>>> from datetime import date
>>> gaz.offices_on("Minister van Justitie en Veiligheid", date(2020, 10, 12))
['Ferd Grapperhaus']
>>> [e.name for e in gaz.person_by_surname("Van der Staaij")]
['Kees van der Staaij']
>>> gaz.party_of("Joost Sneller")
'D66'
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

from .errors import InputError
from .ids import fold
from .model import ACTOR_TYPES

__all__ = [
    "TYPE_PRIORITY",
    "Entry",
    "Gazetteer",
    "OfficeTerm",
    "load_gazetteer",
    "norm_key",
    "office_key",
]

#: Order in which a name shared by several entries is resolved (first wins).
TYPE_PRIORITY = (
    "Country",
    "PoliticalParty",
    "GovernmentBody",
    "Organisation",
    "ThreatActor",
    "Company",
    "Person",
)

_ENTRY_COLUMNS = ("name", "type", "aliases")
_DATE_COLUMNS = ("from", "to", "founded", "dissolved")
# Name particles that open a Dutch (or foreign) surname: "Kees van der Staaij".
_PARTICLES = frozenset(
    {"van", "de", "der", "den", "ter", "ten", "te", "'t", "’t", "in", "het", "op"}
    | {"von", "vom", "zu", "le", "la", "du", "des", "da", "di", "del", "el", "al", "bin", "ben"}
)
_ARTICLES = ("de ", "het ", "the ")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "–": "-", "—": "-", "‐": "-"})
_PUNCT = re.compile(r"[^\w\s'-]+")
# Rank of a key: the canonical name beats an explicit alias beats a derived form.
_NAME, _ALIAS, _DERIVED = 0, 1, 2


def norm_key(text: str) -> str:
    """Lookup key: case-folded, no diacritics, white space collapsed.

    Typographic quotes and dashes are mapped to their plain forms so that
    "Bas van ’t Wout" and "Bas van 't Wout" meet.

    Examples
    --------
    >>> norm_key("  Nationaal  Coördinator ")
    'nationaal coordinator'
    >>> norm_key("Bas van ’t Wout") == norm_key("bas van 't wout")
    True
    """
    return fold(text.translate(_QUOTES))


def _derived_keys(key: str) -> list[str]:
    """Looser forms of a key: hyphens as spaces, no leading article, no dots."""
    out = []
    for variant in (key.replace("-", " "), key.replace(".", "")):
        variant = " ".join(variant.split())
        if variant and variant != key:
            out.append(variant)
    for article in _ARTICLES:
        if key.startswith(article) and len(key) > len(article):
            out.append(key[len(article) :])
    return out


def office_key(office: str) -> tuple[str, str]:
    """Split an office label into ``(role, subject)``, both normalised.

    The role is ``minister-president``, ``minister``, ``staatssecretaris`` or
    empty for other offices; "van"/"voor" and punctuation are dropped, so the
    header form "minister justitie en veiligheid" equals "Minister van Justitie
    en Veiligheid".

    Examples
    --------
    >>> office_key("Minister van Justitie en Veiligheid")
    ('minister', 'justitie en veiligheid')
    >>> office_key("minister justitie & veiligheid")
    ('minister', 'justitie en veiligheid')
    >>> office_key("premier")
    ('minister-president', '')
    """
    text = norm_key(office).replace("&", " en ")
    text = " ".join(_PUNCT.sub(" ", text).split())
    for article in _ARTICLES:
        if text.startswith(article):
            text = text[len(article) :]
    if text in ("premier", "minister president", "minister-president") or text.startswith(
        ("minister-president", "minister president")
    ):
        return ("minister-president", "")
    for role in ("minister", "staatssecretaris"):
        if text.startswith(role + " "):
            rest = text[len(role) + 1 :]
            for lead in ("van de ", "van het ", "voor de ", "van ", "voor "):
                if rest.startswith(lead):
                    rest = rest[len(lead) :]
                    break
            return (role, rest)
    return ("", text)


def _as_date(value: date) -> date:
    return value.date() if isinstance(value, datetime) else value


def _split(cell: str) -> list[str]:
    """A ``|``-separated cell as a list without blanks or repeats."""
    seen: dict[str, None] = {}
    for part in cell.split("|"):
        part = " ".join(part.split())
        if part:
            seen.setdefault(part, None)
    return list(seen)


def _strip_marks(text: str) -> str:
    """Remove diacritics but keep case ("Oekraïne" -> "Oekraine")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


@dataclass(frozen=True)
class Entry:
    """One actor of the curated lists.

    ``type`` is the first of the row's ``A|B`` type list, ``types`` all of
    them; ``extra`` holds the file's other columns; ``source`` is
    ``file:line`` of the row.
    """

    name: str
    type: str
    aliases: tuple[str, ...]
    extra: Mapping[str, str] = field(default_factory=dict, compare=False, hash=False)
    source: str = ""
    types: tuple[str, ...] = ()

    def names(self) -> tuple[str, ...]:
        """The canonical name followed by every alias."""
        return (self.name, *self.aliases)

    def get(self, column: str) -> str | None:
        """Value of an extra column, ``None`` when absent or empty."""
        value = self.extra.get(column, "")
        return value or None


@dataclass(frozen=True)
class OfficeTerm:
    """One row of ``offices.csv``: a person holding an office from/to a date.

    ``end`` is exclusive (the day the successor starts) and ``None`` while
    the term is open.
    """

    person: str
    office: str
    party: str | None
    start: date
    end: date | None
    source: str = ""

    def holds_on(self, when: date) -> bool:
        """True when the term covers ``when``."""
        when = _as_date(when)
        return self.start <= when and (self.end is None or when < self.end)


# ----------------------------------------------------------------------------- reading


@dataclass
class _Table:
    name: str  # file name, for messages
    header: list[str]
    rows: list[tuple[int, dict[str, str]]]


def _read_table(name: str, text: str) -> _Table:
    first = text.split("\n", 1)[0]
    delimiter = ";" if ";" in first and "," not in first else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader, None)
        if not header:
            raise InputError("E110", f"{name} is empty", "give a header row: name,type,aliases")
        header = [h.strip().lstrip("\ufeff").lower() for h in header]
        rows = []
        for cells in reader:
            if not any(c.strip() for c in cells):
                continue
            if len(cells) != len(header):
                raise InputError(
                    "E111",
                    f"{name} line {reader.line_num} has {len(cells)} columns, "
                    f"the header has {len(header)}",
                    "quote cells that contain a comma, or fix the row",
                )
            rows.append(
                (reader.line_num, {h: c.strip() for h, c in zip(header, cells, strict=True)})
            )
    except csv.Error as exc:
        raise InputError(
            "E111", f"{name} line {reader.line_num} is not valid CSV ({exc})", "fix the quoting"
        ) from exc
    return _Table(name, header, rows)


def _parse_date(table: _Table, line: int, column: str, value: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(
            "E114",
            f"{table.name} line {line}: {column} {value!r} is not a date",
            "write dates as YYYY-MM-DD",
        ) from None


def _sources(extra_dirs: Iterable[str | Path]) -> list[tuple[str, str]]:
    """``(label, text)`` of every CSV: shipped lists first, then each extra directory."""
    out: list[tuple[str, str]] = []
    shipped = resources.files("kamerkg.seeds") / "actors"
    for item in sorted(shipped.iterdir(), key=lambda p: p.name):
        if item.name.endswith(".csv"):
            out.append((item.name, _decode(item.name, item.read_bytes())))
    for folder in extra_dirs:
        path = Path(folder)
        if not path.is_dir():
            raise InputError(
                "E110", f"actor list folder {path} does not exist", "give a folder of .csv files"
            )
        for file in sorted(path.glob("*.csv")):
            out.append((str(file), _decode(str(file), file.read_bytes())))
    return out


def _decode(label: str, data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(
            "E110", f"{label} is not UTF-8 text", "save it as 'CSV UTF-8' in your spreadsheet"
        ) from None


# ----------------------------------------------------------------------------- gazetteer


class Gazetteer:
    """The curated actors with lookups by name, adjective, office and surname.

    Build it with :func:`load_gazetteer`; the constructor takes the parsed
    tables and checks them.
    """

    def __init__(self, tables: Iterable[_Table]) -> None:
        self.entries: list[Entry] = []
        self.terms: list[OfficeTerm] = []
        self._patterns: list[dict[str, Any]] | None = None
        office_tables: list[_Table] = []
        for table in tables:
            if all(c in table.header for c in _ENTRY_COLUMNS):
                self.entries.extend(self._read_entries(table))
            elif all(c in table.header for c in ("person", "office", "from")):
                office_tables.append(table)
            else:
                raise InputError(
                    "E110",
                    f"{table.name} has header {','.join(table.header)}",
                    "an actor list needs name,type,aliases; an office list person,office,from,to",
                )
        self._index: dict[str, list[tuple[int, int, Entry]]] = {}
        self._lookups: dict[tuple[str, frozenset[str] | None], Entry | None] = {}
        self._build_index()
        self._check_references()
        for table in office_tables:
            self.terms.extend(self._read_terms(table))
        self._adjectives = self._build_adjectives()
        self._surnames = self._build_surnames()
        self._ministries = self._build_ministries()
        self._terms_by_key: dict[tuple[str, str], list[OfficeTerm]] = {}
        for term in self.terms:
            self._terms_by_key.setdefault(self._office_key(term.office), []).append(term)

    # -- reading rows

    @staticmethod
    def _read_entries(table: _Table) -> list[Entry]:
        out = []
        for line, row in table.rows:
            where = f"{table.name} line {line}"
            name = " ".join(row["name"].split())
            if not name:
                raise InputError("E112", f"{where} has an empty name", "give the canonical name")
            types = tuple(_split(row["type"]))
            bad = [t for t in types if t not in ACTOR_TYPES] or ([] if types else ["(empty)"])
            if bad:
                raise InputError(
                    "E113",
                    f"{where}: unknown type {bad[0]!r} for {name!r}",
                    "use one of " + ", ".join(ACTOR_TYPES) + " (or A|B)",
                )
            for column in _DATE_COLUMNS:
                if column in row:
                    _parse_date(table, line, column, row[column])
            # an alias that differs from the name only in case stays: "COSCO" next to
            # "Cosco" is another written form, which the entity ruler matches exactly
            aliases = tuple(a for a in _split(row["aliases"]) if a != name)
            extra = {k: v for k, v in row.items() if k not in _ENTRY_COLUMNS}
            label = Path(table.name).name
            out.append(
                Entry(name, types[0], aliases, MappingProxyType(extra), f"{label}:{line}", types)
            )
        return out

    def _read_terms(self, table: _Table) -> list[OfficeTerm]:
        out = []
        for line, row in table.rows:
            where = f"{table.name} line {line}"
            person, office = row["person"], row["office"]
            if not person or not office:
                raise InputError("E112", f"{where} lacks a person or an office", "fill both")
            start = _parse_date(table, line, "from", row.get("from", ""))
            end = _parse_date(table, line, "to", row.get("to", ""))
            if start is None:
                raise InputError("E114", f"{where} has no from date", "write it as YYYY-MM-DD")
            if end is not None and end <= start:
                raise InputError("E114", f"{where}: to is not after from", "fix the dates")
            entry = self.lookup(person, types=("Person",))
            if entry is None:
                raise InputError(
                    "E117", f"{where}: person {person!r} is not in any actor list", "add them"
                )
            party = row.get("party") or None
            if party is not None:
                found = self.lookup(party, types=("PoliticalParty",))
                if found is None:
                    raise InputError("E117", f"{where}: unknown party {party!r}", "add it")
                party = found.name
            label = Path(table.name).name
            out.append(OfficeTerm(entry.name, office, party, start, end, f"{label}:{line}"))
        return out

    # -- indexes

    def _build_index(self) -> None:
        for order, entry in enumerate(self.entries):
            keys: dict[str, int] = {norm_key(entry.name): _NAME}
            for alias in entry.aliases:
                keys.setdefault(norm_key(alias), _ALIAS)
            for key in list(keys):
                for derived in _derived_keys(key):
                    keys.setdefault(derived, _DERIVED)
            for key, rank in keys.items():
                self._index.setdefault(key, []).append((rank, order, entry))
        conflicts = []
        for key in sorted(self._index):
            explicit = [e for rank, _, e in self._index[key] if rank < _DERIVED]
            if len(explicit) < 2:
                continue
            declared = any(
                key in {norm_key(s) for s in _split(e.extra.get("shared", ""))} for e in explicit
            )
            if not declared:
                conflicts.append(
                    f"{key!r} -> "
                    + " / ".join(f"{e.name} ({e.type}, {e.source})" for e in explicit)
                )
        if conflicts:
            shown = "; ".join(conflicts[:5])
            more = f" and {len(conflicts) - 5} more" if len(conflicts) > 5 else ""
            raise InputError(
                "E115",
                f"{len(conflicts)} name(s) belong to more than one actor: {shown}{more}",
                "remove the name from one row, or list it in the 'shared' column of a row",
            )

    def _check_references(self) -> None:
        for entry in self.entries:
            party = entry.get("party")
            if party and self.lookup(party, types=("PoliticalParty",)) is None:
                raise InputError(
                    "E117", f"{entry.source}: unknown party {party!r} for {entry.name}", "add it"
                )
            for column in ("country", "sponsor"):
                value = entry.get(column)
                if value and self.lookup(value) is None:
                    raise InputError(
                        "E117",
                        f"{entry.source}: {column} {value!r} of {entry.name} is in no list",
                        "use the canonical name of a row (countries.csv, bodies.csv, ...)",
                    )
            for successor in _split(entry.extra.get("successor", "")):
                if self.lookup(successor) is None:
                    raise InputError(
                        "E118",
                        f"{entry.source}: successor {successor!r} of {entry.name} is unknown",
                        "give the canonical name of another row",
                    )

    def _build_adjectives(self) -> dict[str, Entry]:
        out: dict[str, Entry] = {}
        for entry in self.entries:
            for form in _split(entry.extra.get("adjectives", "")):
                for key in (form.lower(), norm_key(form)):
                    out.setdefault(key, entry)
        return out

    def _build_surnames(self) -> dict[str, list[Entry]]:
        out: dict[str, list[Entry]] = {}
        for entry in self.entries:
            if entry.type != "Person":
                continue
            explicit = entry.get("surname")
            forms: list[str] = []
            for full in entry.names():
                if explicit and full == entry.name:
                    forms.append(explicit)
                elif explicit and explicit.casefold() in full.casefold():
                    at = full.casefold().index(explicit.casefold())
                    forms.append(full[at:])
                else:
                    forms.append(_surname(full))
            for form in forms:
                keys = {norm_key(form)}
                if "-" in form:  # "Michon-Derkzen" is also called "Michon"
                    keys.add(norm_key(form.split("-", 1)[0]))
                for key in keys:
                    bucket = out.setdefault(key, [])
                    if key and entry not in bucket:
                        bucket.append(entry)
        return out

    def _build_ministries(self) -> dict[str, Entry]:
        """Ministry subject key ("justitie en veiligheid") -> ministry entry."""
        out: dict[str, Entry] = {}
        for entry in self.entries:
            if "successor" not in entry.extra:
                continue
            for form in entry.names():
                subject = office_key("minister van " + _strip_ministerie(form))[1]
                out.setdefault(subject, entry)
        return out

    def _office_key(self, office: str) -> tuple[str, str]:
        role, subject = office_key(office)
        ministry = self._ministries.get(subject)
        if ministry is None:
            return (role, subject)
        if role == "minister" and ministry.name == "Ministerie van Algemene Zaken":
            return ("minister-president", "")
        return (role, norm_key(ministry.name))

    def _lineage(self, ministry: Entry) -> list[Entry]:
        """Every ministry linked to ``ministry`` by renamings, in either direction."""
        by_name = {e.name: e for e in self._ministries.values()}
        links: dict[str, set[str]] = {}
        for entry in by_name.values():
            for successor in _split(entry.extra.get("successor", "")):
                links.setdefault(entry.name, set()).add(successor)
                links.setdefault(successor, set()).add(entry.name)
        seen, todo = {ministry.name}, [ministry.name]
        while todo:
            for nxt in sorted(links.get(todo.pop(), ())):
                if nxt not in seen and nxt in by_name:
                    seen.add(nxt)
                    todo.append(nxt)
        return [by_name[n] for n in sorted(seen)]

    # -- public API

    def lookup(self, surface: str, types: Iterable[str] | None = None) -> Entry | None:
        """The entry a name or alias stands for, or ``None``.

        Matching uses :func:`norm_key` (case, diacritics and white space do not
        count), then looser derived forms (hyphen as space, no leading
        "de"/"het", no dots). When several entries share a key the winner is
        the one that has it as canonical name, then as explicit alias, then the
        type earliest in :data:`TYPE_PRIORITY`, then the earliest row.

        Parameters
        ----------
        surface : str
            The name as written.
        types : iterable of str, optional
            Only consider entries whose ``types`` include one of these.
        """
        # The gazetteer is read-only once built: the same surface gets the same entry.
        kinds = None if types is None else frozenset(types)
        memo_key = (surface, kinds)
        if memo_key in self._lookups:
            return self._lookups[memo_key]
        if len(self._lookups) > 100_000:
            self._lookups.clear()
        found = self._lookup(surface, kinds)
        self._lookups[memo_key] = found
        return found

    def _lookup(self, surface: str, types: Iterable[str] | None) -> Entry | None:
        wanted = set(types) if types is not None else None

        def allowed(found: Iterable[tuple[int, int, Entry]]) -> list[tuple[int, int, Entry]]:
            return [c for c in found if wanted is None or wanted.intersection(c[2].types)]

        key = norm_key(surface)
        candidates = allowed(self._index.get(key, ()))
        if not candidates:
            for derived in _derived_keys(key):
                candidates.extend(
                    (max(rank, _DERIVED), order, e)
                    for rank, order, e in allowed(self._index.get(derived, ()))
                )
        if not candidates:
            return None
        best = min(candidates, key=lambda c: (c[0], TYPE_PRIORITY.index(c[2].type), c[1]))
        return best[2]

    def adjectives(self) -> dict[str, Entry]:
        """Adjective and inhabitant forms (lowercased) -> country entry.

        Both the written form ("oekraïense") and the folded one ("oekraiense")
        are keys.
        """
        return dict(self._adjectives)

    def offices_on(self, office: str, when: date) -> list[str]:
        """Canonical names of the persons holding ``office`` on ``when``.

        ``office`` is compared by :func:`office_key`, so case, "van"/"voor" and
        ministry abbreviations ("minister van JenV") do not matter. When no
        one held the office under that name on that date, the ministry's
        renamings are followed, but only to a name that was in use on that
        date ("minister van Justitie" in 2020 gives the minister of Justitie
        en Veiligheid; in 2005 the minister of Justitie).
        """
        when = _as_date(when)
        key = self._office_key(office)
        found = [t for t in self._terms_by_key.get(key, ()) if t.holds_on(when)]
        ministry = self._ministries.get(key[1]) if key[1] else None
        if ministry is None:
            ministry = self._ministry_by_name(key[1])
        if not found and ministry is not None:
            for other in self._lineage(ministry):
                start = other.get("from")
                end = other.get("to")
                if start is None or date.fromisoformat(start) > when:
                    continue
                if end is not None and when >= date.fromisoformat(end):
                    continue
                other_key = (key[0], norm_key(other.name))
                found.extend(t for t in self._terms_by_key.get(other_key, ()) if t.holds_on(when))
        ordered = sorted(found, key=lambda t: (t.start, t.person))
        return list(dict.fromkeys(t.person for t in ordered))

    def _ministry_by_name(self, key: str) -> Entry | None:
        for entry in self._ministries.values():
            if norm_key(entry.name) == key:
                return entry
        return None

    def offices_of(self, person: str, when: date | None = None) -> list[OfficeTerm]:
        """The office terms of a person (all, or those covering ``when``)."""
        entry = self.lookup(person, types=("Person",))
        if entry is None:
            return []
        terms = [t for t in self.terms if t.person == entry.name]
        if when is not None:
            terms = [t for t in terms if t.holds_on(when)]
        return sorted(terms, key=lambda t: (t.start, t.office))

    def party_of(self, person: str) -> str | None:
        """Canonical name of the person's most recent party, if the lists know it.

        ``person`` may be a full name, an alias or an unambiguous surname.
        """
        entry = self.lookup(person, types=("Person",))
        if entry is None:
            matches = self.person_by_surname(person)
            entry = matches[0] if len(matches) == 1 else None
        if entry is None:
            return None
        party = entry.get("party")
        if party is None:
            return None
        found = self.lookup(party, types=("PoliticalParty",))
        return found.name if found else party

    def person_by_surname(self, surname: str) -> list[Entry]:
        """Persons whose surname (with particles) is ``surname``, sorted by name.

        "Van der Staaij" finds Kees van der Staaij; a double name is found
        whole and by its first part ("Michon-Derkzen" and "Michon").
        """
        return sorted(self._surnames.get(norm_key(surname), ()), key=lambda e: e.name)

    def patterns(self, nlp: Any = None) -> list[dict[str, Any]]:
        """spaCy ``EntityRuler``/``SpanRuler`` patterns, one per name and alias.

        Each is ``{"label": type, "pattern": [token dicts], "id": canonical
        name}``, tokenised by ``spacy.blank("nl")``. A word written in lower
        case matches in any case (``LOWER``: "het kabinet", "Het kabinet"); a
        word with capitals matches exactly (``ORTH``), so "DENK" does not
        match the verb "denk" and "de Kamer" not "de kamer". Between words an
        optional run of white-space tokens (``IS_SPACE``, ``OP: *``) lets a
        name broken over two lines match. A form without diacritics is added
        for names that have them, and a name shared by two entries only
        yields a pattern for the entry :meth:`lookup` gives. Computed once
        per gazetteer.

        Parameters
        ----------
        nlp : spacy.language.Language, optional
            A Dutch pipeline whose tokenizer to use; saves loading
            ``spacy.blank("nl")`` (about a second) when the caller has one.
        """
        if self._patterns is None:
            self._patterns = _build_patterns(self, nlp)
        return list(self._patterns)


def _strip_ministerie(name: str) -> str:
    lowered = name.casefold()
    for lead in ("ministerie van ", "ministerie voor "):
        if lowered.startswith(lead):
            return name[len(lead) :]
    return name


def _surname(full: str) -> str:
    """Surname of a full name: from the first particle on, else the last word."""
    words = full.split()
    if len(words) < 2:
        return full
    for i in range(1, len(words) - 1):
        if words[i].casefold() in _PARTICLES:
            return " ".join(words[i:])
    return words[-1]


def _token_spec(token: str) -> dict[str, str]:
    if token != token.lower():
        return {"ORTH": token}
    return {"LOWER": token}


# Between the words of a name: line breaks and runs of spaces in the clean text.
_GAP = {"IS_SPACE": True, "OP": "*"}


def _build_patterns(gazetteer: Gazetteer, nlp: Any = None) -> list[dict[str, Any]]:
    if nlp is None:
        import spacy  # deferred: loading the lists must not pay for spaCy

        nlp = spacy.blank("nl")
    tokenizer = nlp.tokenizer
    out: list[dict[str, Any]] = []
    seen: set[tuple[str, str, str]] = set()
    for entry in gazetteer.entries:
        forms: list[str] = []
        for form in entry.names():
            forms.append(form)
            plain = _strip_marks(form)
            if plain != form:
                forms.append(plain)
        for form in forms:
            if gazetteer.lookup(form) is not entry:
                continue  # a shared name goes to the entry lookup() gives it
            tokens = [t.text for t in tokenizer(form) if not t.is_space]
            if not tokens:
                continue
            spec: list[dict[str, Any]] = []
            for token in tokens:
                if spec:
                    spec.append(dict(_GAP))
                spec.append(_token_spec(token))
            sig = (entry.name, entry.type, repr(spec))
            if sig in seen:
                continue
            seen.add(sig)
            out.append({"label": entry.type, "pattern": spec, "id": entry.name})
    return out


# ----------------------------------------------------------------------------- loading


def load_gazetteer(extra_dirs: Iterable[str | Path] = ()) -> Gazetteer:
    """Load the shipped actor lists plus every ``*.csv`` in ``extra_dirs``.

    The result is cached per set of files (and their modification times), so
    repeated calls are free; treat it as read-only.

    Parameters
    ----------
    extra_dirs : iterable of str or Path
        Folders with more actor or office lists, read after the shipped ones.

    Raises
    ------
    InputError
        E110 unreadable file, folder or header; E111 wrong column count; E112
        empty name; E113 unknown type; E114 bad date; E115 a name shared by
        two actors without being declared; E117 unknown person or party;
        E118 unknown successor ministry.
    """
    stamps = []
    for folder in extra_dirs:
        path = Path(folder).resolve()
        files = sorted(path.glob("*.csv")) if path.is_dir() else []
        stamps.append((str(path), tuple((f.name, f.stat().st_mtime_ns) for f in files)))
    return _load_cached(tuple(stamps))


@lru_cache(maxsize=8)
def _load_cached(stamps: tuple[tuple[str, tuple[tuple[str, int], ...]], ...]) -> Gazetteer:
    tables = [_read_table(label, text) for label, text in _sources([s[0] for s in stamps])]
    return Gazetteer(tables)
