"""Rule families over the clean text: names, codes, organisations, roles, sentences.

Every function here works on plain strings and character offsets, so the spaCy
components in ``nlp.py`` and the resolver in ``resolve.py`` share one set of rules.
The words and regexes they use live in ``extract/lexicons/nlp_*``.

Decisions
---------
* A country adjective with a *state* noun ("de Chinese Staat", "de Russische
  regering", "de Chinese autoriteiten") is a mention of the **country** itself
  (gold treats "Chinese Staat" as an alias of China). An adjective with a
  *service* noun ("Chinese veiligheidsdiensten", "het Russische leger") is a
  ``GovernmentBody`` of its own, named by the surface form.
* A bare adjective ("Chinese bedrijven") is no mention.

Examples
--------
>>> lex = load_lexicons()
>>> [(c.label, c.canonical) for c in find_codes("Zowel ATP40 als APT 31.", lex)]
[('ThreatActor', 'APT40'), ('ThreatActor', 'APT31')]
>>> normalise_office("minister buitenlandse zaken")
'minister van Buitenlandse Zaken'
"""

from __future__ import annotations

import bisect
import difflib
import json
import operator
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files

from .ids import fold
from .lexicons import rows as _rows
from .scan import finditer as _scan

__all__ = [
    "CANDIDATE_ORDER",
    "Candidate",
    "Lexicons",
    "cue_type",
    "find_adjective_bodies",
    "find_codes",
    "find_cued",
    "find_defined_acronyms",
    "find_organisations",
    "find_persons",
    "find_repeats",
    "load_lexicons",
    "normalise_office",
    "party_after",
    "role_before",
    "sentence_starts",
    "split_person_name",
    "strip_title",
]

# Latin Extended-A (ş, ğ, ć, ł, ő ...) mixes cases in one block, so it sits in both.
UP = "A-ZÀ-ÖØ-Þ\u0100-\u017f"
LO = "a-zß-öø-ÿ\u0100-\u017f"
#: One gap between words: blanks with at most one line break (PDF line wraps).
WS = r"(?:[ \t\u00a0]+\n?[ \t\u00a0]*|\n[ \t\u00a0]*)"
SURN = rf"[{UP}][{LO}]+(?:[{UP}][{LO}]+)?(?:-[{UP}][{LO}]+)?"
CAPWORD = rf"(?:[{UP}][\w'’&.]*\w|[{UP}]|\d[\w.]*)"

TypeOf = Callable[[str], "str | None"]


@dataclass(frozen=True, order=True)
class Candidate:
    """A span a rule proposes: ``[start, end)`` with a type and maybe a canonical name."""

    start: int
    end: int
    label: str
    source: str = "pattern"
    canonical: str | None = None


#: The dataclass order of Candidate as a sort key (no Python-level comparisons).
CANDIDATE_ORDER = operator.attrgetter("start", "end", "label", "source", "canonical")


@dataclass
class Lexicons:
    """The pattern data of ``extract/lexicons/nlp_*`` in usable form."""

    first_names: frozenset[str]
    stopwords: frozenset[str]
    abbreviations: frozenset[str]
    name_titles: tuple[str, ...]
    honorifics: tuple[str, ...]
    particles: tuple[str, ...]
    capital_particles: tuple[str, ...]
    context_particles: tuple[str, ...]
    initials_stop: frozenset[str]
    codes: tuple[tuple[re.Pattern[str], str, str], ...]
    country_nouns: tuple[str, ...]
    body_nouns: tuple[str, ...]
    org_connectors: frozenset[str]
    org_keywords: dict[str, tuple[str, str]]
    member_cues: tuple[str, ...]
    group_words: tuple[str, ...]
    roles: dict[str, tuple[bool, str]]
    ministries: dict[str, tuple[str, str]]
    model_labels: dict[str, str]
    home_adjectives: frozenset[str]
    compounds: tuple[tuple[re.Pattern[str], str], ...]
    office_prefix: re.Pattern[str]
    cue_nouns: dict[str, str]
    org_suffixes: dict[str, str]
    acronym_blockers: frozenset[str] = frozenset()
    #: cue nouns that also end compounds ("koeriersbedrijf", "onderzoekscollectief")
    cue_suffixes: dict[str, str] = field(default_factory=dict)
    #: "de gemeenten Breda en Venlo": a plural body noun before a list of places
    body_lists: tuple[tuple[re.Pattern[str], str], ...] = ()
    #: "vervoerders als Arriva en Keolis": a plural kind noun before examples
    list_nouns: dict[str, str] = field(default_factory=dict)


def _alt(words: Iterable[str]) -> str:
    """Regex alternation, longest first, blanks allowed to wrap lines."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", WS) for w in ordered)


@lru_cache(maxsize=1)
def load_lexicons() -> Lexicons:
    """Read every ``nlp_*`` lexicon once (cached)."""
    data = json.loads(
        (files("kamerkg.extract") / "lexicons" / "nlp_patterns.json").read_text(encoding="utf-8")
    )
    codes = tuple(
        (
            re.compile(p["regex"].replace("{UP}", UP).replace("{LO}", LO)),
            p["canonical"],
            p["label"],
        )
        for p in data["code_patterns"]
    )
    titles = _rows("nlp_titles.csv")
    gov = data["government_adjective_nouns"]
    return Lexicons(
        first_names=frozenset(r["name"] for r in _rows("nlp_first_names.csv")),
        stopwords=frozenset(r["word"] for r in _rows("nlp_stopwords.csv")),
        abbreviations=frozenset(r["abbreviation"].lower() for r in _rows("nlp_abbreviations.csv")),
        name_titles=tuple(r["title"] for r in titles if r["kind"] == "name"),
        honorifics=tuple(r["title"] for r in titles if r["kind"] == "honorific"),
        particles=tuple(data["particles"]),
        capital_particles=tuple(data["capital_particles"]),
        context_particles=tuple(data["context_capital_particles"]),
        initials_stop=frozenset(data["initials_stop"]),
        codes=codes,
        country_nouns=tuple(gov["country"]),
        body_nouns=tuple(gov["body"]),
        org_connectors=frozenset(data["org_connectors"]),
        org_keywords={
            r["keyword"]: (r["type"], r["position"])
            for r in _rows("nlp_org_keywords.csv")
            if r["position"] != "suffix"
        },
        member_cues=tuple(data["member_cues"]),
        group_words=tuple(data["group_party_words"]),
        roles={
            r["role"]: (r["office"] == "yes", r["takes_portfolio"]) for r in _rows("nlp_roles.csv")
        },
        ministries={
            _mkey(r["portfolio"]): (r["portfolio"], r["preposition"])
            for r in _rows("nlp_ministries.csv")
        },
        model_labels={r["model_label"]: r["type"] for r in _rows("nlp_model_labels.csv")},
        home_adjectives=frozenset(data["home_adjectives"]),
        compounds=tuple(
            (re.compile(c["regex"]), c["label"]) for c in data["compound_affiliations"]
        ),
        body_lists=tuple((re.compile(c["regex"]), c["label"]) for c in data.get("body_lists", [])),
        office_prefix=re.compile(data["office_prefix"]),
        cue_nouns={r["noun"]: r["type"] for r in _rows("nlp_cue_nouns.csv")},
        cue_suffixes={
            r["noun"]: r["type"] for r in _rows("nlp_cue_nouns.csv") if r["compound"] == "yes"
        },
        org_suffixes={
            r["keyword"]: r["type"]
            for r in _rows("nlp_org_keywords.csv")
            if r["position"] == "suffix"
        },
        acronym_blockers=frozenset(r["word"] for r in _rows("nlp_acronym_blockers.csv")),
        list_nouns={r["noun"]: r["type"] for r in _rows("nlp_list_nouns.csv")},
    )


def _mkey(text: str) -> str:
    return re.sub(r"[^a-z]", "", fold(text))


# --------------------------------------------------------------------------- sentences


def sentence_starts(text: str, lex: Lexicons | None = None) -> list[int]:
    """Character offsets where sentences start.

    Breaks at blank lines, before heading and list lines, and after ``. ? !``
    (with closing quotes and glued footnote digits) when a capital follows,
    except after abbreviations and initials. A single line break is no break.

    Examples
    --------
    >>> t = "Kent u het bericht 'X'?1\\n\\nJa. Mw. De Vries zei o.a. Nee. W.B. Kok sprak."
    >>> [t[i:i + 6] for i in sentence_starts(t)]
    ['Kent u', 'Ja. Mw', 'Mw. De', 'W.B. K']
    """
    lex = lex or load_lexicons()
    if lex is load_lexicons():
        # the pipeline, the resolver and the claim finders all ask for the same text
        return list(_default_starts(text))
    return _sentence_starts(text, lex)


def _default_starts(text: str) -> tuple[int, ...]:
    found = _STARTS.get(text)
    if found is None:
        found = tuple(_sentence_starts(text, load_lexicons()))
        remember_sentence_starts(text, found)
    return found


def remember_sentence_starts(text: str, starts: Iterable[int]) -> None:
    """Put the default sentence starts of ``text`` back in the small cache.

    A build prepares every document before it finishes any, so the cache has long
    forgotten a text by then; the prepared document carries its starts back here.
    """
    if len(_STARTS) >= 4:
        del _STARTS[next(iter(_STARTS))]
    _STARTS[text] = tuple(starts)


_STARTS: dict[str, tuple[int, ...]] = {}


# Asked at every candidate sentence end: compiled once.
_LAST_WORD = re.compile(r"(\S*)$")
_LIST_MARK = re.compile(r"\d{1,2}|[a-z]")
_INITIALS = re.compile(r"(?:[A-Z]\.)*[A-Z]")


def _sentence_starts(text: str, lex: Lexicons) -> list[int]:
    starts: set[int] = set()
    first = re.search(r"\S", text)
    if first is None:
        return []
    starts.add(first.start())
    for m in re.finditer(r"\n[ \t\u00a0]*\n\s*", text):
        starts.add(m.end())
    # Headings ("Vraag 3", "Antwoord op vraag 2", "• Vraag 1"), list items, footnote lines.
    for m in re.finditer(
        r"(?m)^[ \t\u00a0]*(?:(?:•[ \t]*)?(?:Vraag|Antwoord|Mededeling)\b[^\n]{0,60}$"
        r"|(?:•|[-*]|\d{1,2}[.)]|[a-z]\)|\[\d{1,3}\])[ \t]+\S|\d{1,2}[ \t]+[A-Zh])",
        text,
    ):
        line_start = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
        starts.add(line_start)
        if re.match(r"[ \t\u00a0]*(?:•[ \t]*)?(?:Vraag|Antwoord|Mededeling)\b", m.group(0)):
            nxt = re.compile(r"\n\s*").search(text, m.end())
            if nxt and nxt.start() == m.end():
                starts.add(nxt.end())
    for m in re.finditer(
        r"[.?!…]+(?P<close>['\"’”»)\]]*)(?P<fn>\d{1,2}|\[\d{1,2}\])?[ \t\u00a0]*\n?\s*"
        r"(?=[\"'‘“«(]?[" + UP + r"•])",
        text,
    ):
        dot = m.start()
        before = _LAST_WORD.search(text[max(0, dot - 30) : dot]).group(1)
        word = (before + text[dot]).lower()
        line_head = text[text.rfind("\n", 0, dot) + 1 : dot].strip()
        if text[dot] == "." and _LIST_MARK.fullmatch(line_head):
            continue  # "1. Punt": a list marker, not a sentence end
        if text[dot] == "." and not m.group("close") and not m.group("fn"):
            if word.lstrip("(‘'\"") in lex.abbreviations:
                continue
            if _INITIALS.fullmatch(before.lstrip("(")):
                continue  # initials "W.B. Hoekstra"
        if m.group("fn") and text[dot] == "." and not (before[-1:].isalpha() or m.group("close")):
            continue  # "2.0 Het" is a number, not a footnote mark
        if m.end() < len(text):
            starts.add(m.end())
    return sorted(s for s in starts if s < len(text))


# --------------------------------------------------------------------------- helpers


def _word_regex(words: Iterable[str]) -> str:
    return r"(?:" + _alt(words) + r")"


def _compiled(lex: Lexicons) -> dict[str, re.Pattern[str]]:
    first = _word_regex(lex.first_names)
    part = _word_regex(lex.particles)
    cap_part = _word_regex(lex.capital_particles)
    name_title = _word_regex(lex.name_titles)
    honorific = _word_regex(lex.honorifics)
    groups = _word_regex(lex.group_words)
    roles = _word_regex(lex.roles)
    # after "het lid", "mevrouw" or before "(VVD)" a capital "De" starts a surname too
    ctx_part = _word_regex(lex.context_particles)
    name_item = rf"(?:(?:{ctx_part}){WS})?{SURN}(?:{WS}{SURN})?"
    kinds = _word_regex([*lex.list_nouns, *(n.capitalize() for n in lex.list_nouns)])
    return {
        # searched through .scan.finditer: tried only where a first name starts
        "full": re.compile(
            rf"(?<![\w-])(?:{first})(?:{WS}(?:[{UP}]\.){{1,3}})?{WS}"
            rf"(?:(?:{part}){WS})*{SURN}(?:{WS}{SURN})?(?![\w-])"
        ),
        "initials": re.compile(
            rf"(?<![\w.])(?P<init>(?:[{UP}]\.){{1,4}})[ \t\u00a0]?"
            rf"(?:(?:{part}){WS})*{SURN}(?![\w-])"
        ),
        "particle": re.compile(rf"(?<![\w-])(?:{cap_part}){WS}{SURN}(?![\w-])"),
        "name_title": re.compile(rf"(?<![\w-])(?:{name_title}){WS}{SURN}(?:{WS}{SURN})?(?![\w-])"),
        "honorific": re.compile(
            rf"(?<![\w-])(?:{honorific}){WS}(?P<name>(?:(?:{ctx_part}){WS})?{SURN}"
            rf"(?:{WS}{SURN}){{0,2}})(?![\w-])"
        ),
        "party": re.compile(
            rf"(?P<name>{name_item}){WS}?(?:\([^()\n]{{1,60}}\){WS}?)?"
            rf"\((?P<grp>(?:{groups}){WS})?(?P<party>[^()\n]{{1,40}}(?:\n[^()\n]{{1,40}})?)\)"
        ),
        # a character the name and blank before a party bracket never hold (see _party_matches)
        "party_stop": re.compile(
            rf"[^\w\s\-{re.escape(''.join(sorted(set(''.join(lex.context_particles)))))}]"
        ),
        "list_sep": re.compile(rf"\s*(?:\([^()]{{1,60}}\)\s*)?(?:,{WS}?|{WS}en{WS})"),
        "name_item": re.compile(rf"{name_item}(?![\w-])"),
        "cue": re.compile(rf"(?<![\w-])(?:{_word_regex(lex.member_cues)}){WS}"),
        "role_comma": re.compile(
            rf"(?<![\w-])(?:{roles})(?:{WS}(?:van|voor){WS}[^,.;:\n()]{{1,80}}?)?,\s+"
            rf"(?P<name>(?:[{UP}][{LO}]+|{cap_part}|{part})(?:{WS}(?:{part}|[{UP}][\w-]+)){{1,4}})"
            rf"(?=[\s,.;:)]|$)"
        ),
        "adjective_body": re.compile(
            rf"(?<![\w-])(?=[\w-]*e[ \t\u00a0\n])(?P<adj>[{UP}][{LO}]+(?:-[{UP}][{LO}]+)*e){WS}"
            rf"(?P<noun>{_alt([*lex.country_nouns, *lex.body_nouns])})(?![\w-])",
            re.I,
        ),
        # The lookahead only states what a match needs (a cue word, then blanks and a
        # capital or digit) and spares the cue alternation at most word starts.
        "cued": re.compile(
            rf"(?<![\w-])(?=[\w-]*[ \t]+[{UP}\d])"
            rf"(?P<noun>(?:[{LO}]+-?|[{UP}\d]\w*-)?{_word_regex(lex.cue_suffixes)}"
            rf"|{_word_regex(lex.cue_nouns)})[ \t]+"
            rf"(?P<name>{CAPWORD}(?:[ \t]+(?:{part}[ \t]+)?{CAPWORD}){{0,4}})"
        ),
        "party_after": re.compile(
            rf"{WS}?(?:\([^()\n]{{1,60}}\){WS}?)?\((?P<grp>(?:{groups}){WS})?"
            rf"(?P<party>[^()\n]{{1,40}}(?:\n[^()\n]{{1,40}})?)\)"
        ),
        "role_before": re.compile(
            rf"(?<![\w-])(?P<mod>(?:voormalige?|oud-|toenmalige?|huidige|Voormalige?|Huidige)\s*)?"
            rf"(?P<role>{_word_regex([*lex.roles, *(r[0].upper() + r[1:] for r in lex.roles)])})"
            rf"(?:\s+(?P<prep>van|voor)\s+(?P<port>[^.;:()\[\]\n]{{2,90}}?))?"
            rf"(?:\s+en\s+(?:vicepremier|minister-president|premier))?\s*,?\s*"
            rf"(?:(?:{honorific})\s+)?$"
        ),
        # "fabrikanten als Hikvision of Dahua", "banken, waaronder ING en ABN AMRO"
        "kind_list": re.compile(
            rf"(?<![\w-])(?P<noun>{kinds}),?{WS}"
            rf"(?:zoals|als|waaronder)(?:{WS}(?:onder{WS}meer|bijvoorbeeld))?{WS}"
            rf"(?P<items>{_KIND_ITEM}(?:(?:,{WS}?|{WS}(?:en|of){WS}){_KIND_ITEM})*)"
        ),
        "appositive": re.compile(
            rf"(?P<name>[{UP}][{LO}]+(?:{WS}(?:{part}|[{UP}][{LO}]+)){{1,3}}),{WS}"
            rf"(?:een|de|het)(?:{WS}(?:voormalige?|huidige|oud-))?{WS}(?:{roles})\b"
        ),
    }


#: Compiled patterns per lexicon object (the lexicons are built once, so this stays tiny).
_COMPILED: dict[int, tuple[Lexicons, dict[str, re.Pattern[str]]]] = {}


def _patterns(lex: Lexicons) -> dict[str, re.Pattern[str]]:
    hit = _COMPILED.get(id(lex))
    if hit is None or hit[0] is not lex:
        hit = _COMPILED[id(lex)] = (lex, _compiled(lex))
    return hit[1]


def _trim(text: str, start: int, end: int, lex: Lexicons, type_of: TypeOf) -> tuple[int, int]:
    """Drop leading/trailing stop words and a trailing known non-person from a name span."""
    while True:
        seg = text[start:end]
        m = re.match(r"(\S+)\s+", seg)
        if m and m.group(1) in lex.stopwords and m.group(1) not in lex.context_particles:
            start += m.end()
            continue
        m = re.search(r"\s+(\S+)$", seg)
        if m and (m.group(1) in lex.stopwords or type_of(m.group(1)) not in (None, "Person")):
            end = start + m.start()
            continue
        return start, end


def _is_person_shape(seg: str, lex: Lexicons) -> bool:
    words = seg.split()
    if not words or any(w in lex.stopwords and w not in lex.context_particles for w in words):
        return False
    if all(w.lower() in lex.particles for w in words):
        return False  # "Van der" left over once a trailing word is trimmed
    return not any(w.strip(".,") in lex.org_keywords for w in words)


# --------------------------------------------------------------------------- families


def find_codes(text: str, lex: Lexicons) -> list[Candidate]:
    """Threat-actor codes ("APT 31", "ATP40" -> APT40, "UNC1151", "Volt Typhoon")."""
    out = []
    for pattern, canonical, label in lex.codes:
        for m in _scan(pattern, text):
            groups = [m.group(0), *m.groups()]
            name = canonical
            for i, g in enumerate(groups):
                name = name.replace("{" + str(i) + "}", g or "")
            out.append(Candidate(m.start(), m.end(), label, "pattern", " ".join(name.split())))
    return out


def find_persons(text: str, lex: Lexicons, type_of: TypeOf = lambda s: None) -> list[Candidate]:
    """Person names: first name + surname, initials, "Van der X", titles, party tags, lists.

    ``type_of(surface)`` returns the curated type of a surface form (or None); a
    name the lists know as something else is no person.

    Examples
    --------
    >>> lex = load_lexicons()
    >>> t = "de leden Van Dijk, Jansen en Bakker (allen PvdA) en mw. Pietersen"
    >>> [t[c.start:c.end] for c in find_persons(t, lex) if c.label == "Person"]
    ['Van Dijk', 'Jansen', 'Bakker', 'Pietersen']
    """
    pats = _patterns(lex)
    out: list[Candidate] = []

    def add(start: int, end: int, label: str = "Person", trim: bool = True) -> None:
        if trim:
            start, end = _trim(text, start, end, lex, type_of)
        seg = text[start:end]
        if end <= start or (label == "Person" and not _is_person_shape(seg, lex)):
            return
        if label == "Person":
            known = type_of(seg)
            if known not in (None, "Person"):
                return
            if any(p.fullmatch(seg) for p, _, _ in lex.codes):
                return  # "Amber Cyclone" is a threat actor's code name
            if any(type_of(w) not in (None, "Person") for w in seg.split()[-1:]):
                return
        out.append(Candidate(start, end, label, "pattern"))

    for m in _scan(pats["full"], text):
        add(m.start(), m.end())
    for m in pats["initials"].finditer(text):
        if m.group("init") not in lex.initials_stop:
            add(m.start(), m.end(), trim=False)
    for m in _scan(pats["particle"], text):
        add(m.start(), m.end(), trim=False)
    for m in _scan(pats["name_title"], text):
        add(m.start(), m.end())
    for m in _scan(pats["honorific"], text):
        add(m.start("name"), m.end("name"))
    for m in _scan(pats["role_comma"], text):
        add(m.start("name"), m.end("name"))
    for m in pats["appositive"].finditer(text):
        add(m.start("name"), m.end("name"))
    for m in _party_matches(text, pats["party"], pats["party_stop"]):
        party = " ".join(m.group("party").split())
        grp = bool(m.group("grp"))
        if not (type_of(party) == "PoliticalParty" or (grp and _party_shape(party))):
            continue
        add(m.start("name"), m.end("name"))
        p0 = m.start("party")
        out.append(Candidate(p0, p0 + len(m.group("party").rstrip()), "PoliticalParty", "pattern"))
        if grp:
            out.extend(_list_before(text, m.start("name"), lex, pats, type_of))
    for m in _scan(pats["cue"], text):
        out.extend(_list_after(text, m.end(), lex, pats, type_of))
    return sorted(set(out), key=CANDIDATE_ORDER)


def _party_matches(text: str, pattern: re.Pattern[str], stop: re.Pattern[str]):
    """``pattern.finditer(text)`` for the "party" pattern, tried only next to a "(".

    A match holds a "(" and, before its first one, only name and blank characters:
    it starts after the last ``stop`` character before that "(" and ends at the
    first or second ")" after it. Searching that window per "(" gives the same
    matches as a search at every offset of the text.
    """
    stops = [m.start() for m in stop.finditer(text)]
    pos = 0
    p = text.find("(")
    while p >= 0:
        if p >= pos:
            k = bisect.bisect_left(stops, p)
            lo = max(pos, stops[k - 1] + 1 if k else 0)
            close = text.find(")", p)
            if close >= 0:
                close = text.find(")", close + 1)
            end = close + 1 if close >= 0 else len(text)
            m = pattern.search(text, lo, end)
            if m is not None and m.start() <= p:
                yield m
                pos = m.end()
        p = text.find("(", p + 1)


def _party_shape(party: str) -> bool:
    return bool(re.fullmatch(rf"[{UP}0-9][\w-]*(?: [{UP}][\w-]*){{0,3}}", party))


def _list_after(text, pos, lex, pats, type_of) -> list[Candidate]:
    out = []
    while True:
        m = pats["name_item"].match(text, pos)
        if not m or not _is_person_shape(m.group(0), lex):
            return out
        if type_of(m.group(0)) in (None, "Person"):
            out.append(Candidate(m.start(), m.end(), "Person", "pattern"))
        sep = pats["list_sep"].match(text, m.end())
        if not sep:
            return out
        pos = sep.end()


def _list_before(text, pos, lex, pats, type_of) -> list[Candidate]:
    out = []
    window_start = max(0, pos - 300)
    while True:
        head = text[window_start:pos]
        sep = re.search(r"(?:,\s*|\s+en\s+)$", head)
        if not sep:
            return out
        end = window_start + sep.start()
        item = None
        for m in pats["name_item"].finditer(text, window_start, end):
            if m.end() == end:
                item = m
                break
        if item is None:
            return out
        # the regex may start mid-name; take the leftmost match ending here
        if not _is_person_shape(item.group(0), lex) or type_of(item.group(0)) not in (
            None,
            "Person",
        ):
            return out
        out.append(Candidate(item.start(), item.end(), "Person", "pattern"))
        pos = item.start()


def find_organisations(
    text: str, lex: Lexicons, type_of: TypeOf = lambda s: None
) -> list[Candidate]:
    """Capitalised names holding an organisation head or tail word.

    Runs of capitalised words (with "of", "van", "en", ... inside) that contain a
    keyword of ``nlp_org_keywords.csv`` in its allowed position. Runs inside
    quotes (titles of reports and articles) are skipped.

    Examples
    --------
    >>> lex = load_lexicons()
    >>> t = "De Nederlandse Vereniging van Banken en de Acme Data Group zeiden dat."
    >>> [(t[c.start:c.end], c.label) for c in find_organisations(t, lex)]
    [('Nederlandse Vereniging van Banken', 'Organisation'), ('Acme Data Group', 'Company')]
    """
    quoted = _quoted_ranges(text)
    out = []
    tokens = list(re.finditer(r"[\w][\w'’&.-]*\w|[\w]", text))
    # Plain lists: the loops below read each token's text and ends many times.
    toks = [m.group(0) for m in tokens]
    starts = [m.start() for m in tokens]
    ends = [m.end() for m in tokens]
    i = 0
    n = len(tokens)
    # The tokens that may open a name, found in one pass: the loop jumps between them.
    keywords = lex.org_keywords
    openers = [
        k
        for k, tok in enumerate(toks)
        if tok[0].isupper()
        or (tok[0].isdigit() and k > 0)
        or (tok[0].islower() and tok in keywords and keywords[tok][1] == "head")
    ]
    while i < n:
        k = bisect.bisect_left(openers, i)
        if k == len(openers):
            break
        i = openers[k]
        tok = toks[i]
        head_lower = tok[0].islower() and tok in keywords and keywords[tok][1] == "head"
        j = i
        run = [i]
        while j + 1 < n:
            gap = text[ends[j] : starts[j + 1]]
            if gap not in (" ", "\n", " \n", "\u00a0") and not _BLANKS.fullmatch(gap):
                break
            nxt = toks[j + 1]
            prev_word = toks[j]
            if nxt[0].isupper() or nxt[0].isdigit():
                if head_lower and len(run) == 1 and j == i:
                    break  # "de politie DJI-software": a lowercase head needs "van"
                if nxt in lex.first_names and len(run) > 1 and j + 2 < n:
                    following = toks[j + 2]
                    if following[0].isupper() and following not in lex.org_keywords:
                        break  # "... van Banken Chris Buijink": a person starts
                run.append(j + 1)
                j += 1
                continue
            if nxt in lex.org_connectors and j + 2 < n and toks[j + 2][0].isupper():
                if head_lower and len(run) == 1 and nxt not in ("van", "voor", "of"):
                    break  # "politie en Rijkswaterstaat": a lowercase head needs "van"
                foreign_head = nxt in ("der", "des", "du") and prev_word in lex.org_keywords
                if (
                    nxt in ("de", "der", "des", "the", "du")
                    and prev_word not in lex.org_connectors
                    and not foreign_head  # "Bundesministerium des Innern"
                ):
                    break  # "de"/"the" only after "van"/"of"
                j += 1
                continue
            # "Raad voor de ...", "Tribunal for the ...": a connector and an article
            if (
                nxt in _LINKS
                and j + 3 < n
                and toks[j + 2] in _ARTICLES
                and toks[j + 3][0].isupper()
                and not head_lower  # "de politie van de Hoge Raad" are two actors
                # Dutch right after a head word ("Studenten van de Open Universiteit",
                # "Bureau X van het Department Y" are no one name); English after one
                and (
                    keywords.get(prev_word, ("", ""))[1] in ("head", "any")
                    or (
                        nxt in ("of", "for")
                        and any(keywords.get(toks[k], ("", ""))[1] in ("head", "any") for k in run)
                    )
                )
            ):
                j += 2
                continue
            break
        words = [toks[k] for k in run]
        # a number or an article opens no name ("Antwoord 3 / De Raad ...")
        while words and (words[0] in lex.stopwords or words[0].isdigit()):
            run.pop(0)
            words.pop(0)
        i = j + 1
        if not words:
            continue
        # A Dutch name never ends in an inflected adjective ("Ministerie van Buitenlandse").
        while len(words) > 1 and _INFLECTED.fullmatch(words[-1]):
            run.pop()
            words.pop()
        if len(words) < 2:
            continue  # one word names nothing here: both label rules below need two
        label = None
        tail_label = False
        last = words[-1]
        # "het Duitse Institut für ...": an inflected adjective before a head keyword
        lead_adjective = bool(_LEAD_ADJECTIVE.fullmatch(words[0]))
        for suffix, typ in lex.org_suffixes.items():
            if len(words) > 1 and last.endswith(suffix) and last != suffix:
                label = typ
        for pos, w in enumerate(words):
            if label:
                break
            key = w.rstrip(".") if w not in lex.org_keywords else w
            if key not in lex.org_keywords and w + "." in lex.org_keywords:
                key = w + "."  # "B.V", "N.V": the word pattern leaves the final dot out
            if key not in lex.org_keywords and "-" in w:
                key = w.rsplit("-", 1)[1]  # "Friedrich-Alexander-Universität"
            if key not in lex.org_keywords:
                continue
            typ, where = lex.org_keywords[key]
            fits = (
                (where == "head" and (pos == 0 or (pos == 1 and lead_adjective)))
                or (where == "tail" and pos == len(words) - 1)
                or where == "any"
            )
            if fits and len(words) > 1:
                label = typ
                tail_label = where == "tail"
                if where == "head" and pos == 1:
                    run.pop(0)
                    words.pop(0)
                    if len(words) < 2:
                        label = None  # "het Franse Ministère": the head word alone is no name
        if label is None:
            continue
        if tail_label:
            # "Argos en Lighthouse Reports": a known name before "en" is a name of its own;
            # so is "Acme Group" in "Acme Group en Beta Technologies" (a tail word ends it)
            for k in range(len(run) - 1, 0, -1):
                gap = text[ends[run[k - 1]] : starts[run[k]]]
                if not _AND.fullmatch(gap):
                    continue
                left_start, left_end = starts[run[0]], ends[run[k - 1]]
                known_left = type_of(text[left_start:left_end])
                typ, where = lex.org_keywords.get(words[k - 1], ("", ""))
                if known_left or (k > 1 and where == "tail"):
                    if not known_left:
                        out.append(Candidate(left_start, left_end, typ, "pattern"))
                    run = run[k:]
                    words = words[k:]
                    break
            if len(run) < 2:
                continue
        # A known name that ends a line is not continued by the next line
        # (letterheads: "Ministerie van Defensie" above "Kalvermarkt 32").
        for k in range(1, len(run)):
            gap = text[ends[run[k - 1]] : starts[run[k]]]
            if "\n" in gap and not gap.strip():
                head = text[starts[run[0]] : ends[run[k - 1]]]
                if type_of(head) or type_of(head[:1].upper() + head[1:]):
                    run = run[:k]
                    break
        if label == "Company" and len(run) > 2 and _INFLECTED.fullmatch(words[0]):
            run.pop(0)  # "het Chinese Acme Technology": the adjective is no part of the name
        start, end = starts[run[0]], ends[run[-1]]
        if text[end - 1] == "." and text[start:end].count(".") == 1:
            end -= 1
        elif text[end : end + 1] == "." and words[-1] + "." in lex.org_keywords:
            end += 1  # a legal form keeps its dot: "Acme Holding B.V.", "Acme Inc."
        if any(a <= start and end <= b for a, b in quoted):
            continue
        known = type_of(text[start:end])
        out.append(Candidate(start, end, known or label, "pattern"))
    return out


_LINKS = frozenset({"van", "voor", "of", "for", "on"})
_ARTICLES = frozenset({"de", "het", "the"})
_BLANKS = re.compile(r"[ \t]+")
_INFLECTED = re.compile(rf"[{UP}][{LO}]+se")
_LEAD_ADJECTIVE = re.compile(rf"[{UP}][{LO}]+(?:se|sche)")
_AND = re.compile(r"\s+(?:en|and|&)\s+")


def _quoted_ranges(text: str) -> tuple[tuple[int, int], ...]:
    # Kept for the last text: the organisation and acronym finders both ask.
    if _LAST_QUOTED and _LAST_QUOTED[0] is text:
        return _LAST_QUOTED[1]
    ranges = []
    for m in re.finditer(r"[‘'“\"«]{1,2}[^‘’'“”\"«»\n]{3,200}?[’'”\"»]{1,2}", text):
        ranges.append((m.start(), m.end()))
    for m in re.finditer(r"[‘'“\"«]{1,2}[^‘’'“”\"«»]{3,300}?[’'”\"»]{1,2}", text):
        ranges.append((m.start(), m.end()))
    _LAST_QUOTED[:] = [text, tuple(ranges)]
    return _LAST_QUOTED[1]


_LAST_QUOTED: list = []


def find_adjective_bodies(text: str, lex: Lexicons, adjectives: dict[str, str]) -> list[Candidate]:
    """Country adjective + state noun (Country) or service noun (GovernmentBody).

    ``adjectives`` maps a folded adjective ("chinese") to the country name.

    Examples
    --------
    >>> lex = load_lexicons()
    >>> t = "de Chinese Staat en de Russische geheime diensten"
    >>> [(t[c.start:c.end], c.label, c.canonical)
    ...  for c in find_adjective_bodies(t, lex, {"chinese": "China", "russische": "Rusland"})]
    [('Chinese Staat', 'Country', 'China'), ('Russische geheime diensten', 'GovernmentBody', None)]
    """
    if not adjectives:
        return []
    nouns = [(n, "Country") for n in lex.country_nouns] + [
        (n, "GovernmentBody") for n in lex.body_nouns
    ]
    kinds = {fold(n): k for n, k in nouns}
    out = []
    for m in _patterns(lex)["adjective_body"].finditer(text):
        adj = m.group("adj")
        if not adj[0].isupper() or fold(adj) not in adjectives or adj in lex.home_adjectives:
            continue
        kind = kinds.get(fold(m.group("noun")))
        if kind is None:
            continue
        canonical = adjectives[fold(adj)] if kind == "Country" else None
        out.append(Candidate(m.start(), m.end(), kind, "pattern", canonical))
    return out


def find_cued(text: str, lex: Lexicons, type_of: TypeOf = lambda s: None) -> list[Candidate]:
    """Names after a typing noun ("het bedrijf Acme 2.0", "de hackgroep Zwarte Kat").

    Also chamber names inside compounds ("Eerste Kamerlid" -> Eerste Kamer).

    Examples
    --------
    >>> lex = load_lexicons()
    >>> t = "het Chinese techbedrijf Acme Data heeft het bedrijf Net 2.0 gekocht"
    >>> [(t[c.start:c.end], c.label) for c in find_cued(t, lex)]
    [('Acme Data', 'Company'), ('Net 2.0', 'Company')]
    >>> t = "het koeriersbedrijf Snelpost Express en de journalist Anna van Dijk"
    >>> [(t[c.start:c.end], c.label) for c in find_cued(t, lex)]
    [('Snelpost Express', 'Company'), ('Anna van Dijk', 'Person')]
    """
    out = []
    for m in _patterns(lex)["cued"].finditer(text):
        label = cue_type(m.group("noun"), lex)
        words = m.group("name").split()
        keep: list[str] = []
        for k, w in enumerate(words):
            particle = (
                label == "Person"
                and keep
                and w in lex.particles
                and w not in ("in", "op", "te", "het")  # "Kofi Mensah in Gent"
                and k + 1 < len(words)
                and words[k + 1][:1].isupper()
                and not words[k + 1].isupper()
                and type_of(words[k + 1].rstrip(".,;:")) in (None, "Person")
            )  # "journalist Peter de Vries": a surname particle inside a person's name,
            # but "topman Jan Smit van ASML" or "van Huawei" names his employer
            if not particle and (
                w.rstrip(".,") in lex.stopwords or not (w[0].isupper() or w[0].isdigit())
            ):
                break
            keep.append(w)
        if not keep or not keep[0][0].isupper() or label is None:
            continue
        start = m.start("name")
        end = start + len(" ".join(keep))
        while end > start and text[end - 1] in ".,;:":
            end -= 1
        if text[start:end].strip() and text[start:end] == " ".join(keep).rstrip(".,;:"):
            known = type_of(text[start:end])
            out.append(Candidate(start, end, known or label, "pattern"))
    for pattern, label in lex.compounds:
        for m in _scan(pattern, text):
            out.append(Candidate(m.start(), m.end(), label, "pattern"))
    for m in _patterns(lex)["kind_list"].finditer(text):
        label = lex.list_nouns[m.group("noun").lower()]
        at = m.start("items")
        for item in _KIND_SEP.split(m.group("items")):
            at = text.index(item, at)
            end = at + len(item)
            known = type_of(item)
            # an adjective or a place is no example of a kind ("bedrijven als Russische ...")
            adjective = _ADJECTIVE_SHAPE.fullmatch(item) and _LOWER_NEXT.match(text, end)
            if item not in lex.stopwords and known != "Country" and not adjective:
                out.append(Candidate(at, end, known or label, "pattern"))
            at = end
    for pattern, label in lex.body_lists:
        for m in pattern.finditer(text):
            at = m.start("items")
            for item in _LIST_SEP.split(m.group("items")):
                at = text.index(item, at)
                out.append(Candidate(at, at + len(item), label, "pattern"))
                at += len(item)
    return out


_LIST_SEP = re.compile(r",\s*|\s+en\s+")

#: One example in a kind list: up to three capitalised words ("China Mobile", "OV-NL").
_KIND_ITEM = r"[A-ZÀ-Ý][\w&-]*(?:[ \t]+[A-ZÀ-Ý][\w&-]*){0,2}"
#: "Russische", "Chinese": an inflected adjective of origin, when a lower-case noun follows
_ADJECTIVE_SHAPE = re.compile(rf"[{UP}][{LO}]*(?:se|sche)")
_LOWER_NEXT = re.compile(rf"[ \t]+[{LO}]")
_KIND_SEP = re.compile(r",\s*|\s+(?:en|of)\s+")


def cue_type(noun: str, lex: Lexicons) -> str | None:
    """The type a cue noun gives the name after it, compounds by their last part.

    Examples
    --------
    >>> lex = load_lexicons()
    >>> [cue_type(n, lex) for n in ("bedrijf", "koeriersbedrijf", "onderzoekscollectief", "fiets")]
    ['Company', 'Company', 'Organisation', None]
    """
    if noun in lex.cue_nouns:
        return lex.cue_nouns[noun]
    best = max((s for s in lex.cue_suffixes if noun.endswith(s)), key=len, default=None)
    return lex.cue_suffixes[best] if best else None


#: "(ABBR)" right after a name: two to ten letters/digits, at least two capitals.
_ACRONYM = re.compile(r"\((?P<abbr>[A-Z][A-Za-z0-9&-]{1,9})\)")


def _acronym_fits(abbr: str, words: list[str]) -> bool:
    """Schwartz-Hearst test: the letters of ``abbr`` occur, in order, in ``words``.

    Matching runs backwards; the first letter must start a word, and every
    capitalised word of the long form must give the abbreviation a letter,
    so "Centrum voor Criminaliteitspreventie en Veiligheid" fits "CCV" and
    "Interprovinciaal Overleg" fits "IPO", but "Acme Data Group" not "AD".
    """
    letters = [c.lower() for c in abbr if c.isalnum()]
    long = " ".join(words).lower()
    starts = {0} | {i + 1 for i, c in enumerate(long) if c == " "}
    li = len(long) - 1
    used_words: set[int] = set()
    for k in range(len(letters) - 1, -1, -1):
        want = letters[k]
        while li >= 0 and (long[li] != want or (k == 0 and li not in starts)):
            li -= 1
        if li < 0:
            return False
        used_words.add(long.count(" ", 0, li))
        li -= 1
    capitalised = {i for i, w in enumerate(words) if w[:1].isupper()}
    return capitalised <= used_words


def find_defined_acronyms(
    text: str, lex: Lexicons, type_of: TypeOf = lambda s: None
) -> list[Candidate]:
    """Names defined with their abbreviation: "Interprovinciaal Overleg (IPO)".

    The long form is the run of capitalised words (with connectors such as
    "voor", "en", "van") right before the brackets whose initials spell the
    abbreviation. Titles of laws and strategies (``nlp_acronym_blockers.csv``)
    and persons are no actors. The type is the known one, else the type of an
    organisation keyword in the name, else ``Organisation``.

    Examples
    --------
    >>> lex = load_lexicons()
    >>> t = "het Landelijk Bureau Havenbeveiliging (LBH) en de Wet Digitale Zaken (WDZ)"
    >>> [(t[c.start:c.end], c.label) for c in find_defined_acronyms(t, lex)]
    [('Landelijk Bureau Havenbeveiliging', 'GovernmentBody')]
    """
    out: list[Candidate] = []
    quoted = _quoted_ranges(text)
    for m in _ACRONYM.finditer(text):
        abbr = m.group("abbr")
        if sum(ch.isupper() for ch in abbr) < 2 or any(a <= m.start() < b for a, b in quoted):
            continue
        head = text[max(0, m.start() - 160) : m.start()]
        tokens = list(re.finditer(r"[\w][\w'’&.-]*", head))
        # the long form: capitalised words and connectors, ending right before "("
        if not tokens or head[tokens[-1].end() :].strip():
            continue
        run: list[re.Match[str]] = []
        for tok in reversed(tokens):
            word = tok.group(0)
            gap = head[tok.end() : run[0].start()] if run else ""
            if run and not re.fullmatch(WS, gap):
                break
            if not (word[0].isupper() or word[0].isdigit() or word in lex.org_connectors):
                break
            run.insert(0, tok)
            if len(run) > len(abbr) + 4:
                break
        # trim to the shortest long form that still spells the abbreviation
        best: list[re.Match[str]] | None = None
        for i in range(len(run)):
            words = [t.group(0) for t in run[i:]]
            if not words[0][0].isupper() or words[0] in lex.stopwords:
                continue
            if _acronym_fits(abbr, words):
                best = run[i:]
        if not best:
            continue
        words = [t.group(0) for t in best]
        if any(w in lex.acronym_blockers or w.rstrip("s") in lex.acronym_blockers for w in words):
            continue
        start = max(0, m.start() - 160) + best[0].start()
        end = max(0, m.start() - 160) + best[-1].end()
        surface = text[start:end]
        known = type_of(surface)
        if known == "Person" or known == "PoliticalParty":
            continue
        keyword = next((lex.org_keywords[w][0] for w in words if w in lex.org_keywords), None)
        keyword = keyword or next(
            (lex.org_suffixes[s] for w in words for s in lex.org_suffixes if w.lower().endswith(s)),
            None,
        )
        out.append(Candidate(start, end, known or keyword or "Organisation", "pattern"))
    return out


def find_repeats(
    text: str, found: list[Candidate], lex: Lexicons, type_of: TypeOf = lambda s: None
) -> list[Candidate]:
    """Later short forms of names found in full.

    The surname of a full person name ("Zwart" after "Jelle Zwart", also
    "Zwart-Smit") and a bracketed abbreviation after an organisation
    ("Fjord Sensor Technology (FST)", then "FST") are mentions wherever they recur.

    Examples
    --------
    >>> lex = load_lexicons()
    >>> t = "Jelle Zwart en Acme Data Group (ADG). Zwart-Smit zag ADG."
    >>> first = [Candidate(0, 11, "Person"), Candidate(15, 30, "Company")]
    >>> [(t[c.start:c.end], c.label) for c in find_repeats(t, first, lex)]
    [('Zwart', 'Person'), ('Zwart-Smit', 'Person'), ('ADG', 'Company'), ('ADG', 'Company')]
    """
    out: list[Candidate] = []
    surnames: dict[str, None] = {}
    for c in found:
        if c.label != "Person":
            continue
        first, _, surname = split_person_name(text[c.start : c.end], lex)
        if first and len(surname) >= 3 and surname not in lex.stopwords:
            surnames[surname] = None
            if surname[0].islower():
                surnames[surname[0].upper() + surname[1:]] = None
    for surname in surnames:
        if type_of(surname) not in (None, "Person"):
            continue
        pattern = re.escape(surname).replace(r"\ ", WS)
        for m in re.finditer(rf"(?<![\w-]){pattern}(?:-[{UP}][{LO}]+)?(?![\w-])", text):
            out.append(Candidate(m.start(), m.end(), "Person", "pattern"))
    for c in found:
        if c.label in ("Person", "PoliticalParty"):
            continue
        m = re.compile(r"\s*\((?P<abbr>[A-Z][A-Za-z0-9&-]{1,9})\)").match(text, c.end)
        if not m or sum(ch.isupper() for ch in m.group("abbr")) < 2:
            continue
        abbr = m.group("abbr")
        for r in re.finditer(rf"(?<![\w-]){re.escape(abbr)}(?![\w])", text):
            out.append(Candidate(r.start(), r.end(), c.label, "pattern"))
    return out


# --------------------------------------------------------------------------- roles, parties


def party_after(text: str, end: int, window: int = 120) -> tuple[str, int, int, bool] | None:
    """The party in brackets right after a name: ``(party, start, end, group)``.

    Examples
    --------
    >>> party_after("Jansen (beiden SP) zei", 6)
    ('SP', 15, 17, True)
    """
    m = _patterns(load_lexicons())["party_after"].match(text[: end + window], end)
    if not m:
        return None
    party = " ".join(m.group("party").split())
    return (
        party,
        m.start("party"),
        m.start("party") + len(m.group("party").rstrip()),
        bool(m.group("grp")),
    )


def role_before(text: str, start: int, window: int = 160) -> tuple[str, bool, int] | None:
    """The office phrase ending right before a name: ``(office label, former, start)``.

    Only roles marked as offices in ``nlp_roles.csv`` count (ministers and state
    secretaries); "directeur van de X" names a person but gives no office.

    Examples
    --------
    >>> t = "voormalig minister van Financiën en vicepremier Gerrit Zalm"
    >>> role_before(t, t.index("Gerrit"))
    ('minister van Financiën', True, 0)
    >>> t = "de Minister van Justitie en Veiligheid, Ferd Grapperhaus"
    >>> role_before(t, t.index("Ferd"))
    ('minister van Justitie en Veiligheid', False, 3)
    """
    lex = load_lexicons()
    head = text[max(0, start - window) : start]
    m = _patterns(lex)["role_before"].search(head)
    if not m:
        return None
    role = m.group("role")
    office, _ = lex.roles.get(role.lower(), lex.roles.get(role, (False, "no")))
    if not office:
        return None
    label = role.lower() if role not in ("Eerste Kamerlid", "Tweede Kamerlid") else role
    port = m.group("port")
    if not port and label in ("minister", "staatssecretaris"):
        return None  # "minister Wang Yi": no portfolio, no office worth recording
    if port:
        known = _portfolio(port) is not None
        loose = [w for w in port.split() if w[0].islower() and w not in ("en", "van", "voor", "de")]
        if not known and loose:
            return None  # "minister van Buitenlandse Zaken dat de vragen ...": no name follows
        label = normalise_office(f"{label} {m.group('prep')} {port}")
    former = bool(m.group("mod")) and "huidig" not in m.group("mod").lower()
    return label, former, max(0, start - window) + m.start()


def normalise_office(label: str) -> str:
    """Dutch office label: lowercase role, capitalised portfolio from the ministry list.

    Examples
    --------
    >>> normalise_office("Minister van Binnenlandse Zaken en Koninkrijkrelaties")
    'minister van Binnenlandse Zaken en Koninkrijksrelaties'
    >>> normalise_office("minister van Buitenlandse handel en ontwikkelingssamenwerking")
    'minister van Buitenlandse Handel en Ontwikkelingssamenwerking'
    >>> normalise_office("Minister Buitenlandse Handel en Ontwikkelingssamenwerking")
    'minister voor Buitenlandse Handel en Ontwikkelingssamenwerking'
    >>> normalise_office("De Minister van Defensie, [Ondertekenaar 2]")
    'minister van Defensie'
    """
    # placeholders ("[Ondertekenaar 2]"), a leading article and trailing commas are noise
    text = re.sub(r"\[[^\]]*\]?|\([^)]*\)?", " ", label)
    text = re.sub(r"^\s*(?:de|het)\s+", "", text, flags=re.IGNORECASE)
    text = " ".join(text.split()).strip(" ,;:")
    m = re.match(
        r"(?i)(?P<role>minister-president|minister|staatssecretaris)(?:\s+(?P<prep>van|voor))?"
        r"(?:\s+(?P<port>.+))?$",
        text,
    )
    if not m:
        return text
    role = m.group("role").lower()
    port = m.group("port")
    if not port:
        return role
    found = _portfolio(port)
    if found is None:
        return f"{role} {(m.group('prep') or 'van').lower()} {port}"
    # a stated preposition stays; else the ministry list knows it
    prep = (m.group("prep") or found[1]).lower()
    return f"{role} {prep} {found[0]}"


def _portfolio(port: str) -> tuple[str, str] | None:
    """``(portfolio, preposition)`` from the ministry list, tolerating small typos."""
    return _portfolio_of(_mkey(port))


@lru_cache(maxsize=4096)
def _portfolio_of(key: str) -> tuple[str, str] | None:
    # difflib is slow and the same few portfolio spellings recur in every document
    lex = load_lexicons()
    found = lex.ministries.get(key)
    if found is None:
        best = difflib.get_close_matches(key, list(lex.ministries), n=1, cutoff=0.9)
        found = lex.ministries[best[0]] if best else None
    return found


# --------------------------------------------------------------------------- names


def strip_title(name: str, lex: Lexicons | None = None) -> str:
    """Drop honorifics ("mevrouw", "Kardinaal", "dhr.") but keep royal titles.

    Examples
    --------
    >>> strip_title("Kardinaal Zen")
    'Zen'
    >>> strip_title("Prins Constantijn")
    'Prins Constantijn'
    """
    lex = lex or load_lexicons()
    text = " ".join(name.split())
    titles, reach = _title_set(lex)
    # The longest title first: look the text up to each blank, last blank first, instead
    # of trying every title (a name is stripped for each of its mentions).
    end = text.rfind(" ", 0, reach)
    while end >= 0:
        if text[: end + 1] in titles:
            return text[end + 1 :]
        end = text.rfind(" ", 0, end)
    return text


def _title_set(lex: Lexicons) -> tuple[frozenset[str], int]:
    """The honorifics with their blank, and the length of the longest."""
    hit = _TITLE_SETS.get(id(lex))
    if hit is None or hit[0] is not lex:
        titles = _name_words(lex)[0]
        hit = _TITLE_SETS[id(lex)] = (lex, (frozenset(titles), max(map(len, titles), default=0)))
    return hit[1]


_TITLE_SETS: dict[int, tuple[Lexicons, tuple[frozenset[str], int]]] = {}


#: Per lexicon object: honorifics longest first (with their blank) and folded particles.
_NAME_WORDS: dict[int, tuple[Lexicons, tuple[tuple[str, ...], frozenset[str]]]] = {}


def _name_words(lex: Lexicons) -> tuple[tuple[str, ...], frozenset[str]]:
    hit = _NAME_WORDS.get(id(lex))
    if hit is None or hit[0] is not lex:
        titles = tuple(t + " " for t in sorted(lex.honorifics, key=len, reverse=True))
        hit = _NAME_WORDS[id(lex)] = (lex, (titles, frozenset(p.lower() for p in lex.particles)))
    return hit[1]


def split_person_name(name: str, lex: Lexicons | None = None) -> tuple[str, str, str]:
    """Split a person name into ``(first names, initials, surname with particles)``.

    Examples
    --------
    >>> split_person_name("Kees van der Staaij")
    ('Kees', '', 'van der Staaij')
    >>> split_person_name("W.B. Hoekstra")
    ('', 'W.B.', 'Hoekstra')
    >>> split_person_name("Van Helvert")
    ('', '', 'Van Helvert')
    >>> split_person_name("Hanke Bruins Slot")
    ('Hanke', '', 'Bruins Slot')
    """
    lex = lex or load_lexicons()
    words = strip_title(name, lex).split()
    initials = ""
    first: list[str] = []
    while words and re.fullmatch(r"(?:[A-Z]\.)+", words[0]):
        initials += words.pop(0)
    particles = _name_words(lex)[1]
    if not initials and len(words) > 1 and words[0].lower() not in particles:
        first.append(words.pop(0))
        while len(words) > 1 and words[0] in lex.first_names and words[1][0].isupper():
            first.append(words.pop(0))
    return " ".join(first), initials, " ".join(words)
