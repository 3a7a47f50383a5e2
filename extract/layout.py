"""Clean text to a :class:`~kamerkg.extract.model.Document`: genre, metadata, parts.

Five layouts are recognised (cue words in ``extract/lexicons/layout_cues.csv``):

``letter``
    A minister's cover letter ("Hierbij bied ik u de antwoorden aan op ..."),
    signature, then "Vraag 1" / "Antwoord op vraag 1" blocks. The signature is
    "De Minister van X," above the name, on one line with it, below it, or with
    placeholders and no name (the office alone, resolved by date).
``kamervraag-page``
    The tweedekamer.nl page: "Kamervraag 2021Z16950", "Ingediend", "Indieners",
    "• Vraag 1" with the unlabelled answer after the question's paragraph. A
    label's names may stand on the lines below it.
``aanhangsel`` / ``kamervragen``
    The official publication: "Vragen van de leden ... (ingezonden ...)",
    "Antwoord van Minister ... (ontvangen ...)" (or of "de Minister van X",
    named only by office), "Antwoord 1"; without answers it is ``kamervragen``.
``article``
    Anything else with text: paragraphs as ``body`` parts, "[1] https://..."
    endnotes as footnotes.

Truncated text gives whatever is there; nothing here raises on odd input.

Examples
--------
>>> doc = parse_document("Vraag 1\\nKent u het bericht?\\n\\nAntwoord 1\\nJa.\\n", "x.txt")
>>> [(p.kind, p.number, p.covers) for p in doc.parts]
[('question', 1, ()), ('answer', 1, (1,))]
>>> doc.slice(doc.parts[1].span)
'Antwoord 1\\nJa.'
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from kamerkg.extract.dates import find_date_matches
from kamerkg.extract.model import Document, Footnote, Notice, Part, Participant, Span

from .lexicons import rows as lexicon_rows

__all__ = ["expand_numbers", "parse_document"]

_ID = r"\d{4}Z\d{5}"
_BULLET = r"(?:[•·▪◦*\-–]\s*)?"
_URL = re.compile(r"(?:https?://|www\.)[^\s)<>\]|]+")
_URL_BREAK = "-/?=&_#%.~+"


# --------------------------------------------------------------------------- cues


@lru_cache(maxsize=1)
def _cue_table() -> dict[str, list[str]]:
    table: dict[str, list[str]] = {}
    for row in lexicon_rows("layout_cues.csv"):
        table.setdefault(row["role"], []).append(row["pattern"])
    return table


def _cue(role: str) -> str:
    """A regex alternation of the role's cue patterns, longest first, spaces flexible."""
    patterns = sorted(_cue_table().get(role, []), key=lambda p: (-len(p), p))
    return "(?:" + "|".join(p.replace(" ", r"\s+") for p in patterns) + ")"


@dataclass(frozen=True)
class _Rx:
    question: re.Pattern[str]
    answer: re.Pattern[str]
    notice: re.Pattern[str]
    answers_header: re.Pattern[str]
    trailer: re.Pattern[str]
    numbers: re.Pattern[str]
    number_token: re.Pattern[str]
    range_op: re.Pattern[str]
    pointer: re.Pattern[str]
    boilerplate: re.Pattern[str]
    noise: re.Pattern[str]
    members: re.Pattern[str]
    members_inline: re.Pattern[str]
    office: re.Pattern[str]
    group: re.Pattern[str]
    on_behalf: re.Pattern[str]
    delay: re.Pattern[str]


@lru_cache(maxsize=1)
def _rx() -> _Rx:
    seps = _cue("range")[3:-1] + "|" + _cue("list")[3:-1]
    # "2 en 3", "4 t/m 6", "4 en vraag 5"
    numlist = rf"\d{{1,3}}(?!\d)(?:\s*(?:{seps})\s*(?:(?i:vra(?:ag|gen))\s+)?\d{{1,3}}(?!\d))*"
    return _Rx(
        question=re.compile(
            rf"^\s*{_BULLET}(?i:{_cue('question')})\s+(?P<num>\d{{1,3}})(?!\d)\s*[:.)]?(?P<rest>.*)$"
        ),
        answer=re.compile(
            rf"^\s*{_BULLET}(?i:{_cue('answer')})\b(?:\s+(?i:op))?(?:\s+(?i:de\s+)?(?i:vra(?:ag|gen)))?"
            rf"(?:\s*(?P<nums>{numlist}))?\s*(?P<colon>[:.)])?(?P<rest>.*)$"
        ),
        notice=re.compile(rf"^\s*{_BULLET}(?i:{_cue('notice')})\b(?P<rest>.*)$"),
        answers_header=re.compile(rf"^\s*{_BULLET}(?i:{_cue('answers_header')})\b"),
        trailer=re.compile(rf"^\s*(?i:{_cue('trailer')})\b"),
        numbers=re.compile(numlist),
        number_token=re.compile(rf"\d{{1,3}}|{seps}"),
        range_op=re.compile(_cue("range")),
        pointer=re.compile(rf"(?i:{_cue('pointer')})\s+(?P<nums>{numlist})"),
        boilerplate=re.compile(rf"^\s*(?i:{_cue('boilerplate')})"),
        noise=re.compile(_cue("signer_noise"), re.IGNORECASE),
        members=re.compile(rf"(?i:{_cue('members')})\s+"),
        members_inline=re.compile(r"(?i:de\s+leden|het\s+lid)\s+"),
        office=re.compile(rf"\b(?i:{_cue('office')})\b"),
        group=re.compile(rf"^(?i:{_cue('group_party')})\s+(?P<party>.+)$", re.DOTALL),
        on_behalf=re.compile(rf"(?i:{_cue('on_behalf')})"),
        delay=re.compile(rf"(?i:{_cue('delay_cue')})"),
    )


def expand_numbers(text: str) -> tuple[int, ...]:
    """Question numbers of a list such as "4 t/m 8", "4, 5 en 6" or "3 tot en met 5".

    Examples
    --------
    >>> expand_numbers("4 t/m 8")
    (4, 5, 6, 7, 8)
    >>> expand_numbers("4, 5 en 7")
    (4, 5, 7)
    """
    rx = _rx()
    out: list[int] = []
    pending_range = False
    for token in rx.number_token.findall(text):
        if token.isdigit():
            n = int(token)
            if pending_range and out and 0 < n - out[-1] <= 60:
                out.extend(range(out[-1] + 1, n + 1))
            elif n not in out:
                out.append(n)
            pending_range = False
        else:
            pending_range = bool(rx.range_op.fullmatch(token.strip()))
    return tuple(out)


# --------------------------------------------------------------------------- lines


@dataclass(frozen=True)
class _Line:
    start: int
    end: int  # excludes the newline
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()

    @property
    def lstart(self) -> int:
        return self.start + len(self.text) - len(self.text.lstrip())

    @property
    def rend(self) -> int:
        return self.start + len(self.text.rstrip())


def _split_lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    pos = 0
    for chunk in text.split("\n"):
        lines.append(_Line(pos, pos + len(chunk), chunk))
        pos += len(chunk) + 1
    return lines


@dataclass
class _Label:
    kind: str  # question, answer, notice, answers_header, trailer
    line: int
    start: int
    numbers: tuple[int, ...] = ()
    rest: str = ""


# --------------------------------------------------------------------------- labels


_BULLET_LEAD = re.compile(r"^\s*[•·▪◦*\-–]?\s*")


def _label_of(line: _Line, index: int) -> _Label | None:
    rx = _rx()
    text = line.text
    initial = _BULLET_LEAD.sub("", text)[:1]
    m = rx.question.match(text)
    if m and initial.isupper():
        rest = m["rest"].strip()
        if not rest or rest[0].isupper() or rest[0] in "'‘\"“«(":
            return _Label("question", index, line.lstart, (int(m["num"]),), rest)
    m = rx.answer.match(text)
    if m and initial.isupper():
        rest = m["rest"].strip()
        if m["nums"] or not rest or m["colon"] == ":":
            nums = expand_numbers(m["nums"]) if m["nums"] else ()
            return _Label("answer", index, line.lstart, nums, rest)
    if rx.answers_header.match(text):
        return _Label("answers_header", index, line.lstart)
    m = rx.notice.match(text)
    if m and initial.isupper():
        rest = m["rest"]
        if not rest.strip() or rest.lstrip()[:1] in "-–:(":
            return _Label("notice", index, line.lstart, (), rest)
    if rx.trailer.match(text):
        return _Label("trailer", index, line.lstart)
    return None


# --------------------------------------------------------------------------- footnotes

_MARKER = re.compile(r"(?:(?<=[^\W\d_])|(?<=[.,;:?!'’”»)\]]))(\d{1,3})(?!\d)|\[(\d{1,3})\]")
_NUMBERED = re.compile(r"^\s*(\d{1,3})\s+(\S.*)$")
_BRACKETED = re.compile(r"^\s*\[(\d{1,3})\]\s*(\S.*)$")
_CITATION = re.compile(
    r"https?://|www\.|^(?:Zie|Kamerstuk|Handelingen|Aanhangsel|Bron|Stcrt|Stb|Trb|Idem|Ibid)",
    re.IGNORECASE,
)
_PAGE_NUMBER = re.compile(r"^\s*(?:\d{1,3}|(?i:pagina)\s+\d+(?:\s+van\s+\d+)?)\s*$")
_QUOTE_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[]))['‘\"“«]")
_QUOTE_CLOSE = re.compile(r"['’\"”»](?=$|[\s),.;:?!\]])")


def _is_open(text: str) -> bool:
    """Unbalanced parenthesis or quotation: the footnote goes on."""
    if text.count("(") > text.count(")"):
        return True
    opens = len(_QUOTE_OPEN.findall(text))
    closes = len(_QUOTE_CLOSE.findall(text))
    return opens > closes


def _ends_in_url(text: str) -> bool:
    last = text.rstrip().rsplit(maxsplit=1)
    return bool(last) and bool(re.search(r"https?://|www\.|/\S*$", last[-1]))


def _url_fragment(text: str) -> bool:
    s = text.strip()
    return bool(s) and " " not in s and bool(re.search(r"[/=&?]|\.html?\b|^[\w-]+-[\w-]+\)?$", s))


class _Footnoter:
    """Finds footnote blocks; the rest of the layout skips their lines."""

    def __init__(self, text: str, lines: list[_Line], labels: dict[int, _Label]) -> None:
        self.text = text
        self.lines = lines
        self.labels = labels
        # Note number -> offset of its first marker ("bericht?1"); "[1]" markers
        # only vouch for "[1]" notes, so they are not counted here.
        self.markers: dict[int, int] = {}
        for m in _MARKER.finditer(text):
            if m[1]:
                self.markers.setdefault(int(m[1]), m.start())

    def _start(self, i: int, prev_is_note: bool) -> tuple[str, str] | None:
        line = self.lines[i]
        if i in self.labels:
            return None
        m = _BRACKETED.match(line.text)
        if m:
            return f"[{m[1]}]", m[2]
        m = _NUMBERED.match(line.text)
        if not m:
            return None
        prev_blank = i == 0 or self.lines[i - 1].blank
        if not (prev_blank or prev_is_note):
            return None
        n, content = int(m[1]), m[2]
        if n == 0:
            return None
        cited = bool(_CITATION.search(content)) or bool(find_date_matches(content))
        marked = self.markers.get(n, len(self.text)) < line.start
        is_url = bool(re.match(r"(?:https?://|www\.)", content))
        if not (cited or marked):
            return None
        if content[0].islower() and not is_url:
            return None
        return m[1], content

    def _stops(self, j: int, prev_is_note: bool) -> bool:
        line = self.lines[j]
        return (
            line.blank
            or j in self.labels
            or self._start(j, prev_is_note) is not None
            or bool(_rx().boilerplate.match(line.text))
            or bool(_PAGE_NUMBER.match(line.text))
        )

    def find(self) -> tuple[list[Footnote], set[int]]:
        notes: list[Footnote] = []
        used: set[int] = set()
        i = 0
        n = len(self.lines)
        while i < n:
            start = self._start(i, i - 1 in used)
            if start is None:
                i += 1
                continue
            label, first = start
            block = [i]
            joined = first.strip()
            j = i + 1
            while j < n and not self._stops(j, True):
                nxt = self.lines[j].text.strip()
                prev = self.lines[j - 1].text.rstrip()
                go_on = (
                    _is_open(joined)
                    or (prev[-1:] in _URL_BREAK and _ends_in_url(joined))
                    or bool(re.match(r"\(?(?:https?://|www\.)", nxt))
                    or (_url_fragment(nxt) and _ends_in_url(joined))
                )
                if not go_on:
                    break
                glue = "" if prev[-1:] in _URL_BREAK and _ends_in_url(joined) else " "
                joined = joined + glue + nxt
                block.append(j)
                j += 1
            end = self.lines[block[-1]].rend
            used.update(block)
            # A lone URL after a blank line completes a footnote that has none.
            k = j
            while k < n and self.lines[k].blank:
                k += 1
            if (
                k < n
                and k > j
                and re.fullmatch(r"(?:https?://|www\.)\S+", self.lines[k].text.strip())
                and not _URL.search(joined)
                and self._start(k, False) is None
            ):
                joined = joined + " " + self.lines[k].text.strip()
                end = self.lines[k].rend
                used.add(k)
                j = k + 1
            begin = self.lines[i].lstart
            notes.append(_make_footnote(label, Span(begin, max(begin, end)), joined))
            i = j
        return notes, used


def _make_footnote(label: str, span: Span, text: str) -> Footnote:
    text = " ".join(text.split())
    url_match = _URL.search(text)
    url = url_match[0].rstrip(".,;:'’\"”") if url_match else None
    dates = [m for m in find_date_matches(text) if m.precision == "day"]
    title_match = re.search(r"(?:(?<=^)|(?<=[\s(]))(['‘\"“«])(.+?)(['’\"”»])(?=$|[\s),.;:])", text)
    title = title_match[2].strip() if title_match else None
    outlet = None
    if not text.lower().startswith(("http", "www.", "zie ")) and "," in text and (dates or title):
        head = text.split(",", 1)[0].strip()
        if 0 < len(head) <= 80 and not _URL.search(head):
            outlet = head
    return Footnote(
        label=label,
        span=span,
        text=text,
        outlet=outlet,
        title=title,
        date=dates[0].date if dates else None,
        url=url,
    )


# --------------------------------------------------------------------------- participants

_PARTICLES = {
    "van",
    "de",
    "der",
    "den",
    "het",
    "ter",
    "ten",
    "te",
    "in",
    "'t",
    "’t",
    "von",
    "la",
    "le",
    "du",
    "da",
    "di",
    "el",
    "al",
    "op",
    "vd",
}
#: A ministry's name: capitalised words joined by "," or "en" ("Onderwijs, Cultuur en
#: Wetenschap", "Justitie en Veiligheid"), as after "minister van".
#: A comma list must end in "en", so a name after the office ("Buitenlandse Zaken,
#: Bruins Slot") is not taken for part of it.
_WORD = r"[A-ZÀ-Þ][\w-]*"
_PORTFOLIO = (
    rf"(?:{_WORD}(?:,\s*{_WORD})+\s+en\s+{_WORD}"
    rf"|{_WORD}(?:\s+{_WORD})?(?:\s+en\s+{_WORD}(?:\s+{_WORD})?)*)"
)
_NAME_TOKEN = re.compile(r"^(?:[A-ZÀ-ÖØ-Þ][\w'’.\-]*|(?:[A-Z]\.)+[A-Z]?\.?)$")


def _valid_name(name: str) -> bool:
    tokens = name.split()
    if not 1 <= len(tokens) <= 6:
        return False
    if not _NAME_TOKEN.match(tokens[0]) or not _NAME_TOKEN.match(tokens[-1]):
        return False
    if _rx().office.search(name):
        return False
    return all(_NAME_TOKEN.match(t) or t.lower() in _PARTICLES for t in tokens)


@dataclass
class _Item:
    start: int
    end: int
    parens: list[tuple[str, int, int]]


def _split_list(
    text: str, start: int, end: int, keep: Iterable[tuple[int, int]] = ()
) -> list[_Item]:
    """Split "A (x), B en C (allen y)" into items with their parenthesised notes.

    ``keep`` are spans (offsets in ``text``) that are one item whatever commas or
    "en" they hold, such as "minister van Onderwijs, Cultuur en Wetenschap".
    """
    chunk = text[start:end]
    masked = list(chunk)
    depth = 0
    for k, c in enumerate(chunk):
        if c == "(":
            depth += 1
        elif c == ")":
            depth = max(0, depth - 1)
            continue
        if depth and c != "(":
            masked[k] = "\x00"
    for lo, hi in keep:
        for k in range(max(lo, start) - start, min(hi, end) - start):
            masked[k] = "\x00"
    flat = "".join(masked)
    items: list[_Item] = []
    pos = 0
    for sep in [*re.finditer(r"\s*,\s*|\s+en\s+", flat), None]:
        seg_end = sep.start() if sep else len(flat)
        seg = flat[pos:seg_end]
        first_paren = seg.find("(")
        name_part = seg if first_paren < 0 else seg[:first_paren]
        lead = len(name_part) - len(name_part.lstrip())
        n_start = start + pos + lead
        n_end = start + pos + len(name_part.rstrip())
        parens = [
            (
                chunk[pos + p.start() + 1 : pos + p.end() - 1],
                start + pos + p.start(),
                start + pos + p.end(),
            )
            for p in re.finditer(r"\([^()]*\)", seg)
        ]
        if n_end > n_start or parens:
            items.append(_Item(n_start, max(n_start, n_end), parens))
        if sep:
            pos = sep.end()
    return items


def _norm(s: str) -> str:
    return " ".join(s.split())


#: A bracketed note that is a reference, not a party: "(Kamerstuk 30 821, nr. 180)".
_REFERENCE_NOTE = re.compile(r"\d\s|\bnr\.|,|\d{4}[ZD]\d{5}|(?i:kamerstuk|handelingen)")


def _participants_from_list(text: str, start: int, end: int) -> list[Participant]:
    """Names with "(D66)", "(allen CDA)" or "(minister x) (CDA)" notes."""
    rx = _rx()
    people: list[Participant] = []
    ungrouped: list[Participant] = []
    # "Hanke Bruins Slot (CDA), minister van Binnenlandse Zaken en Koninkrijksrelaties":
    # an office after a comma belongs to the name before it.
    # "minister van Defensie, R.P. Brekelmans": an office before the first name is its.
    office_rx = rf"((?i:{_cue('office')})\s+(?:van|voor)\s+{_PORTFOLIO})"
    after_comma = re.compile(rf",\s*{office_rx}")
    offices = [(m.start(1), m.end(1)) for m in after_comma.finditer(text, start, end)]
    first = re.compile(rf"[ \t]*{office_rx}").match(text, start, end)
    if first:
        offices.insert(0, (first.start(1), first.end(1)))
    titled: set[int] = set()  # people whose office is only a leading title
    pending: str | None = None
    for item in _split_list(text, start, end, offices):
        if any(lo <= item.start and item.end <= hi for lo, hi in offices):
            office = _norm(text[item.start : item.end])
            if people and (people[-1].office is None or id(people[-1]) in titled):
                people[-1].office = office
                titled.discard(id(people[-1]))
            elif not people:
                pending = office
            continue
        raw = text[item.start : item.end]
        # "... (allen DENK) en het lid Omtzigt": a second cue inside the list.
        cue = rx.members_inline.match(raw)
        if cue:
            item = _Item(item.start + cue.end(), item.end, item.parens)
            raw = raw[cue.end() :]
        # "Minister Hanke Bruins Slot": the title is no part of the name
        title = re.match(rf"\s*((?i:{_cue('office')}))\s+(?=[A-ZÀ-Þ])", raw)
        if title:
            item = _Item(item.start + title.end(), item.end, item.parens)
            raw = raw[title.end() :]
        name = _norm(rx.noise.sub("", raw))
        if not _valid_name(name):
            if people:
                break  # the list ended (or was cut off) here
            continue
        lead = len(raw) - len(raw.lstrip())
        person = Participant(name=name, span=Span(item.start + lead, item.end))
        if pending:
            person.office, pending = pending, None
        elif title:
            person.office = title[1]
            titled.add(id(person))
        for note, _, _ in item.parens:
            note = _norm(note)
            group = rx.group.match(note)
            if group:
                for other in [*ungrouped, person]:
                    if other.party is None:
                        other.party = _norm(group["party"])
                ungrouped = []
            elif rx.office.search(note):
                person.office = note
                titled.discard(id(person))
            elif (
                note
                and person.party is None
                and not _REFERENCE_NOTE.search(note)
                and not re.fullmatch(rf"(?i:{_cue('no_party')})", note)
            ):
                person.party = note
        people.append(person)
        if person.party is None:
            ungrouped.append(person)
        else:
            ungrouped = []
    return people


_LIST_STOP = re.compile(
    r"\s+(?:over|aan|inzake|betreffende|omtrent|naar aanleiding|met betrekking tot|van uw Kamer)\s"
    # a full stop after an initial ("J.E. van der Burg") ends no list
    r"|\s*\((?i:ingezonden)|\n[ \t]*\n|(?<!\b[A-Z])[.;:](?:\s|$)(?!\s*[A-Z]\.)|$"
)


def _members(text: str, region: tuple[int, int]) -> tuple[list[Participant], int | None]:
    """The best "door/van de leden X, Y en Z (allen P)" list in ``region``."""
    rx = _rx()
    best: list[Participant] = []
    best_end: int | None = None
    lo, hi = region
    asks = re.compile(rf"(?i:{_cue('members_context')})[^.;:?!]{{0,60}}$")
    for m in rx.members.finditer(text, lo, hi):
        # only members who ask: "vragen van het lid X", not "de motie van het lid X"
        if not asks.search(text, max(0, m.start() - 70), m.start()):
            continue
        limit = min(len(text), m.end() + 400)
        stop = _LIST_STOP.search(text, m.end(), limit)
        end = stop.start() if stop else limit
        # A stop inside a parenthesis ("(Nieuw Sociaal Contract)") is no stop.
        while stop and text.count("(", m.end(), end) > text.count(")", m.end(), end):
            nxt = max(stop.end(), end + 1)
            stop = _LIST_STOP.search(text, nxt, limit) if nxt < limit else None
            end = stop.start() if stop else limit
        people = _participants_from_list(text, m.end(), end)
        # More names win; on a tie, the list that also gives parties.
        if (len(people), sum(p.party is not None for p in people)) > (
            len(best),
            sum(p.party is not None for p in best),
        ):
            best, best_end = people, end
    return best, best_end


#: Text set in columns: runs of words with at most two blanks between them.
_COLUMN = re.compile(r"\S+(?:[ ]{1,2}\S+)*")


def _columns(line: _Line) -> list[_Line]:
    """The columns of a line, each as a line of its own at its own offset."""
    return [
        _Line(line.start + m.start(), line.start + m.end(), m.group(0))
        for m in _COLUMN.finditer(line.text)
    ]


def _unfold_columns(lines: list[_Line], opens: re.Pattern[str]) -> list[_Line]:
    """Signatures set side by side, read one column after the other.

    "De minister van A,      De minister van B," above "X      Y" becomes the lines of
    the first column, then those of the second, so each office meets its own name.
    """
    out: list[_Line] = []
    i = 0
    while i < len(lines):
        heads = _columns(lines[i])
        if len(heads) < 2 or not all(opens.match(c.text) for c in heads):
            out.append(lines[i])
            i += 1
            continue
        k = i + 1
        while k < len(lines) and k < i + 12 and lines[k].blank:
            k += 1
        if k >= len(lines) or len(_columns(lines[k])) != len(heads):
            out.append(lines[i])
            i += 1
            continue
        block = [lines[i], *lines[i + 1 : k], lines[k]]
        for c in range(len(heads)):
            for line in block:
                out.append(_columns(line)[c] if not line.blank else line)
        i = k + 1
    return out


def _signers(text: str, lines: list[_Line], upto: int) -> list[Participant]:
    """Signatures: "De minister van X," then, after blank lines, the name."""
    rx = _rx()
    office_start = re.compile(
        rf"^\s*(?:De|de|DE)\s+(?P<office>{_cue('office')}\b.*)$", re.IGNORECASE
    )
    lines = _unfold_columns(lines, office_start)
    # an office alone: title, "van"/"voor", then capitalised words joined by "en"/","
    _bare_office = re.compile(
        rf"^{_cue('office')}\s+(?:van|voor)\s+[A-ZÀ-Þ][\w-]*(?:,?\s+(?:en\s+)?[A-ZÀ-Þ][\w-]*){{0,5}}$",
        re.IGNORECASE,
    )
    _signer_title = re.compile(rf"^\s*(?i:{_cue('signer_title')})")
    # "De Minister van Justitie en Veiligheid, D. Yeşilgöz-Zegerius" on one line
    _one_line = re.compile(
        rf"^\s*(?:De|de|DE)\s+(?P<office>(?i:{_cue('office')})\s+(?i:van|voor)\s+{_PORTFOLIO})"
        rf",[ \t]*(?P<name>\S.*?)[ \t]*$"
    )

    _office_below = re.compile(
        rf"^\s*(?:(?i:de)\s+)?(?P<office>(?i:{_cue('office')})\s+(?i:van|voor)\s+{_PORTFOLIO})"
        r"[ \t]*,?[ \t]*$"
    )

    def _signer_on(line: _Line, at: int, office: str) -> Participant | None:
        cleaned = rx.noise.sub("", line.text[at:])
        cleaned = _signer_title.sub(lambda t: " " * len(t.group(0)), cleaned)
        name = _norm(cleaned)
        if not _valid_name(name):
            return None
        first = line.text.find(name.split()[0], at)
        last = line.text.rfind(name.split()[-1])
        off = line.start + (first if first >= 0 else at)
        end = line.start + last + len(name.split()[-1]) if last >= 0 else line.rend
        return Participant(name=name, span=Span(off, max(off, end)), office=_norm(office))

    people: list[Participant] = []
    i = 0
    while i < len(lines) and lines[i].start < upto:
        m = office_start.match(rx.noise.sub("", lines[i].text))
        if not m:
            # "D. Yeşilgöz-Zegerius" above "Minister van Justitie en Veiligheid"
            below = _office_below.match(lines[i + 1].text) if i + 1 < len(lines) else None
            above = lines[i - 1].text.rstrip() if i else ""
            if below and (not above.strip() or above.endswith(",")):
                person = _signer_on(lines[i], 0, below["office"])
                if person is not None:
                    people.append(person)
                    i += 2
                    continue
            i += 1
            continue
        office = m["office"].strip()
        one_line = _one_line.match(rx.noise.sub("", lines[i].text))
        if one_line:
            person = _signer_on(lines[i], one_line.start("name"), one_line["office"])
            if person is not None:
                people.append(person)
                i += 1
                continue
        j = i + 1
        if not office.endswith(",") and j < len(lines) and lines[j].text.strip().endswith(","):
            office = office + " " + rx.noise.sub("", lines[j].text).strip()
            j += 1
        # "DE MINISTER VAN DEFENSIE" on a line of its own is a signature without comma
        bare = not office.endswith(",") and _bare_office.match(office)
        if (not office.endswith(",") and not bare) or len(office) > 120:
            i += 1
            continue
        office = office if office.endswith(",") else office + ","
        k = j
        # blank lines, placeholders and a "mede namens de minister van X," line
        while (
            k < len(lines)
            and k < j + 12
            and (
                not rx.noise.sub("", lines[k].text).strip()
                or rx.on_behalf.match(lines[k].text.strip())
            )
        ):
            k += 1
        if k < len(lines) and k < j + 12:
            line = lines[k]
            cleaned = rx.noise.sub("", line.text)
            cleaned = _signer_title.sub(lambda t: " " * len(t.group(0)), cleaned)
            name = _norm(cleaned)
            if _valid_name(name):
                off = line.start + len(cleaned) - len(cleaned.lstrip())
                # The noise may sit before the name; find the name itself.
                first = line.text.find(name.split()[0])
                off = line.start + first if first >= 0 else off
                last = line.text.rfind(name.split()[-1])
                end = line.start + last + len(name.split()[-1]) if last >= 0 else line.rend
                people.append(
                    Participant(name=name, span=Span(off, max(off, end)), office=office[:-1])
                )
                i = k + 1
                continue
        # "De Minister van Defensie,\n\n[Ondertekenaar 1]" and no name: the office is all
        # the signature says; resolve finds its holder on the date
        at_end = k >= len(lines) or office_start.match(rx.noise.sub("", lines[k].text))
        placeholder = any(rx.noise.search(lines[n].text) for n in range(j, min(k, len(lines))))
        if (at_end or placeholder) and (k >= len(lines) or k < j + 12):
            unnamed = bare or _office_below.match(office[:-1])
            if unnamed:
                people.append(Participant(name="", office=_norm(office[:-1])))
        i += 1
    return people


def _answer_header_people(text: str, start: int, end: int) -> list[Participant]:
    """ "Antwoord van Minister X (Dept), van Staatssecretaris Y (Dept), mede namens ..." """
    return _header_people(text, start, end, _cue("answers_header"))


def _notice_people(text: str, span: Span) -> list[Participant]:
    """ "Mededeling van Minister X (Dept) (ontvangen ...)": who sent a delay notice."""
    return _header_people(text, span.start, span.end, rf"{_cue('notice')}\s+van")


def _header_people(text: str, start: int, end: int, opening: str) -> list[Participant]:
    """The people a header line names after ``opening``, with their offices."""
    rx = _rx()
    head = re.match(rf"\s*{_BULLET}(?i:{opening})\s+", text[start:end])
    if not head:
        return []
    lo = start + head.end()
    stops = [end]
    for pattern in (rx.on_behalf, re.compile(r"\((?i:ontvangen)"), re.compile(r"\n[ \t]*\n")):
        m = pattern.search(text, lo, end)
        if m:
            stops.append(m.start())
    hi = min(stops)
    title_rx = re.compile(
        rf"^(?:(?:van|en)\s+)?(?:de\s+)?(?P<title>{_cue('office')})(?:\s+|$)", re.IGNORECASE
    )
    # "de minister van Onderwijs, Cultuur en Wetenschap": an office without a name,
    # which may span several list items; resolve finds its holder on the date.
    office_only = re.compile(rf"(?i:{_cue('office')})\s+(?:van|voor)\s+{_PORTFOLIO}")
    people: list[Participant] = []
    skip_to = lo
    for item in _split_list(text, lo, hi):
        if item.start < skip_to:
            continue
        seg = text[item.start : item.end]
        m = title_rx.match(seg)
        if not m:
            continue
        rest = seg[m.end() :]
        if not rest.strip() and m["title"].lower() == "minister-president":
            # "de Minister-President": one office, one holder on the date
            people.append(Participant(name="", span=None, office=m["title"]))
            skip_to = item.end
            continue
        if rest.split()[:1] and rest.split()[0] in ("van", "voor"):
            whole = office_only.match(text, item.start + m.start("title"), hi)
            # "de minister-president, minister van Algemene Zaken": a second title of the
            # same person (no article, only a comma), not a second answerer
            apposition = (
                people
                and not people[-1].name
                and m.start("title") == 0
                and re.fullmatch(r"\s*,\s*", text[skip_to : item.start]) is not None
            )
            if whole and apposition:
                skip_to = whole.end()
            elif whole:
                # the name may follow the office: "de minister van Defensie, Brekelmans"
                after = re.match(
                    r"[ \t]*,?[ \t]*([^(),;\n]+?)[ \t]*(?=[(),;\n]|$)", text[whole.end() : hi]
                )
                name, span = "", None
                if after and _valid_name(_norm(after[1])):
                    name = _norm(after[1])
                    span = Span(whole.end() + after.start(1), whole.end() + after.end(1))
                people.append(Participant(name=name, span=span, office=_norm(whole[0])))
                skip_to = whole.end() + (after.end() if name and after else 0)
            continue
        name = _norm(rest)
        if not _valid_name(name):
            continue
        n_start = item.start + m.end() + (len(rest) - len(rest.lstrip()))
        office = m["title"]
        depts = [_norm(p[0]) for p in item.parens]
        if depts:
            # the brackets state no preposition: resolve picks "van" or "voor"
            office = f"{office} {depts[0]}"
        people.append(Participant(name=name, span=Span(n_start, item.end), office=office))
    return people


# --------------------------------------------------------------------------- metadata helpers


def _date_after(text: str, pos: int, window: int = 40) -> date | None:
    day_name = re.compile(rf"[ \t]*(?i:{_cue('weekday')}),?[ \t]+").match(text, pos)
    if day_name:
        pos = day_name.end()
    for m in find_date_matches(text[pos : pos + window]):
        if m.span.start <= 6:
            return m.date
    return None


def _first(items: Iterable[date | None]) -> date | None:
    for item in items:
        if item is not None:
            return item
    return None


def _identifier(text: str, lo: int, hi: int, page: bool) -> str | None:
    region = text[lo:hi]
    patterns = [rf"(?i:{_cue('page_id')})\s+({_ID})\b", rf"kv-tk-({_ID})\b"] if page else []
    patterns += [
        rf"(?i:{_cue('reference')}|referentie)\s*:?\s*({_ID})\b",
        rf"\((?i:{_cue('submitted_cue')})[^()]*?({_ID})\)",
        rf"(?<![\w=])({_ID})\b",
    ]
    for pattern in patterns:
        m = re.search(pattern, region)
        if m:
            return m[1]
    return None


def _subject(text: str, pos: int) -> str | None:
    """The "over ..." subject following a members list."""
    m = re.compile(r"\s(?:over|inzake|betreffende)\s+").search(text, pos, min(len(text), pos + 300))
    if not m or re.search(r"\n[ \t]*\n", text[pos : m.start()]):
        return None
    stop = re.compile(
        rf"\s*\((?:[^()\n]*?[\s,])?(?i:ingezonden)|\s*\({_ID}"
        r"|\.\s+(?=[A-Z])|\.\s*$|\n[ \t]*\n|[.?!]?\s*\Z",
        re.MULTILINE,
    ).search(text, m.end(), min(len(text), m.end() + 400))
    end = stop.start() if stop else min(len(text), m.end() + 400)
    subject = _norm(text[m.end() : end]).rstrip(" ,;:")
    return subject or None


# --------------------------------------------------------------------------- the parser

#: "1. Kent u ...?", "2) Deelt u ...?" or "3" alone on its line above the question.
_NUMBERED_QUESTION = re.compile(r"^\s*(\d{1,2})(?:[.)]\s+(?=[A-ZÀ-Þ'‘\"“«])|[.)]?\s*$)")


class _Parser:
    def __init__(self, text: str, source: str) -> None:
        self.text = text
        self.doc = Document(source=source, text=text)
        self.lines = _split_lines(text)
        self.labels: dict[int, _Label] = {}
        for i, line in enumerate(self.lines):
            label = _label_of(line, i)
            if label is not None:
                self.labels[i] = label
        notes, used = _Footnoter(text, self.lines, self.labels).find()
        self.footnote_lines = used
        self.doc.footnotes = notes
        for i in used:
            self.labels.pop(i, None)
        self.labels.update(self._numbered_questions())
        self.ordered = [self.labels[i] for i in sorted(self.labels)]
        trailer = next((lab for lab in self.ordered if lab.kind == "trailer"), None)
        self.end = trailer.start if trailer else len(text)
        self.ordered = [lab for lab in self.ordered if lab.start < self.end]

    def _numbered_questions(self) -> dict[int, _Label]:
        """ "1. Kent u het bericht?" without "Vraag": numbered paragraphs 1, 2, 3, ... that
        ask something are the questions when the answers are labelled ("Antwoord 1")."""
        kinds = {lab.kind for lab in self.labels.values()}
        if "question" in kinds:
            return {}
        if "answer" in kinds:
            first_answer = min(lab.start for lab in self.labels.values() if lab.kind == "answer")
        else:
            # Questions without answers ("Vragen van het lid X ... (ingezonden ...)" then
            # "1", "2", ...): the numbered paragraphs after that header are the questions.
            header = re.search(rf"(?m)^\s*(?i:{_cue('questions_header')})\s", self.text)
            if header is None:
                return {}
            first_answer = len(self.text)
        found: dict[int, _Label] = {}
        for i, line in enumerate(self.lines):
            if i in self.labels or i in self.footnote_lines:
                continue
            m = _NUMBERED_QUESTION.match(line.text)
            if not m or int(m[1]) != len(found) + 1:
                continue
            if not found and line.start > first_answer:
                break
            # the paragraph must ask (an enumeration inside an answer does not)
            j = i
            while j + 1 < len(self.lines) and not self.lines[j + 1].blank:
                j += 1
            paragraph = self.text[line.start : self.lines[j].end]
            if "?" not in paragraph or (j == i and not line.text[m.end() :].strip()):
                continue
            found[i] = _Label(
                "question", i, line.lstart, (int(m[1]),), line.text[m.end() :].strip()
            )
        return found if len(found) >= 2 else {}

    # -- helpers
    def _ignorable(self, i: int) -> bool:
        line = self.lines[i]
        return (
            line.blank
            or i in self.footnote_lines
            or bool(_rx().boilerplate.match(line.text))
            or bool(_PAGE_NUMBER.match(line.text))
            or not _rx().noise.sub("", line.text).strip()
        )

    def _line_index(self, offset: int) -> int:
        lo, hi = 0, len(self.lines) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.lines[mid].start <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def _trimmed(self, start: int, end: int) -> Span | None:
        """``[start, end)`` without trailing blank, footnote or page-break lines."""
        first = self._line_index(start)
        last = self._line_index(max(start, end - 1)) if end > start else first
        while last > first and (self.lines[last].lstart >= end or self._ignorable(last)):
            last -= 1
        stop = min(end, self.lines[last].rend)
        if last == first:
            stop = min(end, max(self.lines[first].rend, start))
        stop = start + len(self.text[start:stop].rstrip())
        return Span(start, stop) if stop > start else None

    def _region_end(self, k: int) -> int:
        return self.ordered[k + 1].start if k + 1 < len(self.ordered) else self.end

    def _add(self, kind: str, span: Span | None, **kw: object) -> Part | None:
        if span is None:
            return None
        part = Part(kind=kind, span=span, **kw)  # type: ignore[arg-type]
        self.doc.parts.append(part)
        return part

    # -- genre
    def _genre(self) -> str:
        head = self.text[: self.ordered[0].start] if self.ordered else self.text[:3000]
        has_q = any(lab.kind == "question" for lab in self.ordered)
        has_a = any(lab.kind in ("answer", "answers_header") for lab in self.ordered)
        if re.search(rf"(?m)^\s*(?i:{_cue('page_id')})\s+{_ID}\b", head) or (
            re.search(rf"(?m)^\s*(?i:{_cue('submitted_label')})\s+\d", head)
            and re.search(rf"(?m)^\s*(?i:{_cue('askers_label')})\s", head)
        ):
            return "kamervraag-page"
        letter = re.search(
            rf"(?im)^\s*(?:{_cue('offering')}|{_cue('subject_label')}\s|{_cue('date_label')}\s+\d)",
            head,
        )
        if letter and (has_q or re.search(rf"(?im)^\s*{_cue('offering')}", head)):
            return "letter"
        if re.search(rf"(?m)^\s*(?i:{_cue('questions_header')})\s", head) or has_q:
            answered = has_a or any(lab.kind == "answers_header" for lab in self.labels.values())
            return "aanhangsel" if answered else "kamervragen"
        if letter:
            return "letter"
        if not re.search(r"[^\W\d_]", self.text):
            return "unknown"
        return "article"

    # -- parts
    def _qa_parts(self, page: bool) -> None:
        labels = self.ordered
        if labels:
            self._add("header", self._trimmed(self._content_start(), labels[0].start))
        pending: list[int] = []
        last_q: int | None = None
        for k, lab in enumerate(labels):
            end = self._region_end(k)
            if lab.kind == "question":
                n = lab.numbers[0]
                last_q = n
                if page and not self._has_answer_label(k):
                    self._page_question(lab, end)
                    continue
                self._add("question", self._trimmed(lab.start, end), number=n)
                pending.append(n)
            elif lab.kind == "answer":
                covers = lab.numbers or tuple(pending) or ((last_q,) if last_q else ())
                pending = [q for q in pending if q not in covers]
                span = self._trimmed(lab.start, end)
                refs = self._pointers(span, covers)
                number = covers[0] if covers else None
                self._add("answer", span, number=number, covers=covers, refers_to=refs)
            elif lab.kind == "notice":
                span = self._trimmed(lab.start, end)
                part = self._add("notice", span)
                if part is not None:
                    when = _first(m.date for m in find_date_matches(lab.rest)[:1])
                    by = _notice_people(self.text, part.span)
                    self.doc.notices.append(Notice(span=part.span, date=when, by=by))
            elif lab.kind == "answers_header":
                self._add("header", self._trimmed(lab.start, end))

    def _has_answer_label(self, k: int) -> bool:
        return k + 1 < len(self.ordered) and self.ordered[k + 1].kind == "answer"

    def _page_question(self, lab: _Label, end: int) -> None:
        """Page layout: the question is the first paragraph, the answer the rest."""
        i = lab.line
        n = lab.numbers[0]
        j = i + 1
        if not lab.rest:
            while j < len(self.lines) and self.lines[j].blank and self.lines[j].start < end:
                j += 1
        while j < len(self.lines) and not self.lines[j].blank and self.lines[j].start < end:
            j += 1
        q_end = min(end, self.lines[j - 1].rend) if j - 1 >= i else end
        self._add("question", self._trimmed(lab.start, q_end), number=n)
        while j < len(self.lines) and self.lines[j].start < end and self._ignorable(j):
            j += 1
        if j < len(self.lines) and self.lines[j].start < end:
            span = self._trimmed(self.lines[j].lstart, end)
            refs = self._pointers(span, (n,))
            self._add("answer", span, number=n, covers=(n,), refers_to=refs)

    def _pointers(self, span: Span | None, covers: tuple[int, ...]) -> tuple[int, ...]:
        if span is None:
            return ()
        found: set[int] = set()
        for m in _rx().pointer.finditer(self.text, span.start, span.end):
            found.update(expand_numbers(m["nums"]))
        return tuple(sorted(found - set(covers)))

    def _content_start(self) -> int:
        return len(self.text) - len(self.text.lstrip())

    def _paragraph_parts(self, kind_for: Callable[[int], str]) -> None:
        block: list[int] = []

        def flush() -> None:
            if block:
                span = self._trimmed(self.lines[block[0]].lstart, self.lines[block[-1]].rend)
                self._add(kind_for(block[0]), span)
                block.clear()

        for i, line in enumerate(self.lines):
            if line.start >= self.end:
                break
            if line.blank or i in self.footnote_lines:
                flush()
            else:
                block.append(i)
        flush()

    def _footnote_parts(self) -> None:
        run: list[Footnote] = []
        for note in self.doc.footnotes:
            if run and self.text[run[-1].span.end : note.span.start].strip():
                self._add("footnotes", Span(run[0].span.start, run[-1].span.end))
                run = []
            run.append(note)
        if run:
            self._add("footnotes", Span(run[0].span.start, run[-1].span.end))

    def _delay_notices(self) -> None:
        taken = [p.span for p in self.doc.parts if p.kind in ("question", "answer", "notice")]
        for m in _rx().delay.finditer(self.text, 0, self.end):
            if any(s.start <= m.start() < s.end for s in taken):
                continue
            lo = self.text.rfind("\n\n", 0, m.start())
            lo = 0 if lo < 0 else lo + 2
            hi = self.text.find("\n\n", m.end())
            hi = self.end if hi < 0 else min(hi, self.end)
            lo += len(self.text[lo:hi]) - len(self.text[lo:hi].lstrip())
            span = self._trimmed(lo, hi)
            if span is None:
                continue
            received = re.search(r"\((?i:ontvangen)\s+", self.text[span.start : span.end])
            when = _date_after(self.text, span.start + received.end()) if received else None
            self._add("notice", span)
            by = _notice_people(self.text, span)
            self.doc.notices.append(Notice(span=span, date=when, by=by))
            taken.append(span)

    # -- metadata
    def _metadata(self, genre: str) -> None:
        doc, text = self.doc, self.text
        first_q = next((lab.start for lab in self.ordered if lab.kind == "question"), self.end)
        head_end = first_q if first_q < self.end else min(self.end, 6000)
        page = genre == "kamervraag-page"
        doc.identifier = _identifier(text, 0, head_end, page)
        if doc.identifier is None:
            for lab in self.ordered:
                if lab.kind == "answers_header":
                    doc.identifier = _identifier(
                        text, lab.start, self._region_end(self.ordered.index(lab)), False
                    )
                    if doc.identifier:
                        break
        if page:
            self._page_metadata(head_end)
        else:
            self._qa_metadata(genre, head_end)

    def _label_line(self, role: str, hi: int, negative: str = "") -> re.Match[str] | None:
        return re.compile(
            rf"(?m)^[ \t]*(?i:{_cue(role)})\b{negative}[ \t]*:?[ \t]*(?P<value>.*)$"
        ).search(self.text, 0, hi)

    def _page_metadata(self, head_end: int) -> None:
        doc, text = self.doc, self.text
        m = self._label_line("submitted_label", head_end)
        if m:
            doc.submitted = _date_after(text, m.start("value"))
        m = self._label_line("answered_label", head_end, r"(?!\s+(?i:door))")
        if m:
            doc.answered = _date_after(text, m.start("value"))
        m = self._label_line("askers_label", head_end)
        if m:
            doc.asked_by = self._page_people(m, head_end)
        m = self._label_line("answerers_label", head_end)
        if m:
            doc.answered_by = self._page_people(m, head_end)
        first = re.search(rf"(?m)^\s*(?i:{_cue('page_id')})\s+{_ID}[^\n]*\n", text[:head_end])
        if first:
            for line in self.lines[self._line_index(first.end()) :]:
                if line.start >= head_end:
                    break
                if line.blank:
                    continue
                if not re.match(
                    rf"\s*(?i:{_cue('submitted_label')}|{_cue('answered_label')}|{_cue('askers_label')})\b",
                    line.text,
                ):
                    doc.title = _norm(line.text)
                break
        if doc.title is None:
            m = self._label_line("title_label", len(text))
            if m and m["value"].strip():
                doc.title = _norm(m["value"])
        if not doc.asked_by:
            doc.asked_by, _ = _members(text, (0, self.end))

    def _page_people(self, m: re.Match[str], head_end: int) -> list[Participant]:
        """The names after a page label: on its line, else one per line below it."""
        if m["value"].strip():
            found = _participants_from_list(self.text, m.start("value"), m.end("value"))
            if found:
                return found
            # "Beantwoord door minister van Defensie": the holder is found by date
            office = re.compile(rf"(?i:{_cue('office')})\s+(?i:van|voor)\s+{_PORTFOLIO}")
            return [
                Participant(name="", office=_norm(o[0]))
                for o in office.finditer(self.text, m.start("value"), m.end("value"))
            ]
        people: list[Participant] = []
        for line in self.lines[self._line_index(m.end()) + 1 :][:12]:
            if line.blank and not people:
                continue  # blank lines between the label and its names
            if line.blank or line.start >= head_end:
                break
            found = _participants_from_list(self.text, line.start, line.end)
            if not found:
                break  # the next label ("Beantwoord door", "Onderwerpen")
            people += found
        return people

    def _qa_metadata(self, genre: str, head_end: int) -> None:
        doc, text = self.doc, self.text
        if genre == "article":
            first = next((p for p in doc.parts if p.kind == "body"), None)
            if first is not None:
                candidate = doc.slice(first.span)
                if (
                    len(candidate) <= 200
                    and "\n" not in candidate.strip()
                    and not candidate.endswith(".")
                ):
                    doc.title = _norm(candidate)
            return
        headers = [
            (lab.start, self._region_end(self.ordered.index(lab)))
            for lab in self.ordered
            if lab.kind == "answers_header"
        ]
        # Dates: "ingezonden (op) <date>", "(ontvangen <date>)", "Datum <date>".
        submitted = re.compile(rf"(?i:{_cue('submitted_cue')})\s*:?\s+(?:(?i:op)\s+)?")
        doc.submitted = _first(
            _date_after(text, m.end()) for m in submitted.finditer(text, 0, self.end)
        )
        received = re.compile(rf"\((?i:{_cue('received_cue')})\s*:?\s+")
        doc.answered = _first(
            _date_after(text, m.end())
            for lo, hi in headers
            for m in received.finditer(text, lo, hi)
        )
        if doc.answered is None:
            m = self._label_line("date_label", head_end)
            if m:
                doc.answered = _date_after(text, m.start("value"))
        if doc.answered is None and genre == "letter":
            doc.answered = self._bare_date(head_end)
        # Who asked: the richest members list before the questions (else anywhere).
        asked, list_end = _members(text, (0, head_end))
        if not asked:
            asked, list_end = _members(text, (0, self.end))
        doc.asked_by = asked
        # Who answered: the signers, else the named ministers of "Antwoord van ...".
        answered = _signers(text, self.lines, self.end)
        if not answered:
            for lo, hi in headers:
                answered = _answer_header_people(text, lo, hi)
                if answered:
                    break
        doc.answered_by = answered
        if genre == "letter" and not asked and not self._has_qa():
            # a policy letter (Kamerbrief) answers no questions: its date is no answer date
            doc.answered = None
        # Title: the "over ..." subject, else the Betreft/Onderwerp line.
        if list_end is not None:
            doc.title = _subject(text, list_end)
        if doc.title is None:
            m = self._label_line("subject_label", head_end)
            if m:
                value_line = self._line_index(m.start("value"))
                parts = [m["value"]]
                for line in self.lines[value_line + 1 : value_line + 4]:
                    if line.blank or line.start >= head_end:
                        break
                    parts.append(line.text)
                doc.title = _norm(" ".join(parts)) or None

    def _has_qa(self) -> bool:
        return any(
            lab.kind in ("question", "answer", "answers_header") for lab in self.labels.values()
        )

    def _bare_date(self, head_end: int) -> date | None:
        for line in self.lines:
            if line.start >= head_end:
                break
            s = line.text.strip()
            # "Den Haag, 12 oktober 2020", "'s-Gravenhage, dinsdag 12 oktober 2020"
            body = re.sub(r"^(?:(?:'s-)?[A-Z][\w' -]+,\s*)", "", s)
            body = re.sub(rf"^(?i:{_cue('weekday')}),?\s+", "", body)
            matches = find_date_matches(body)
            if matches and matches[0].precision == "day" and matches[0].span == Span(0, len(body)):
                return matches[0].date
        return None

    def _warnings(self, genre: str) -> None:
        doc = self.doc
        if genre == "unknown":
            doc.warnings.append("W201 no known layout recognised")
        questions = [p.number for p in doc.parts if p.kind == "question" and p.number is not None]
        covered = {n for p in doc.parts if p.kind == "answer" for n in p.covers}
        unanswered = sorted({q for q in questions if q not in covered})
        if genre in ("letter", "aanhangsel", "kamervraag-page") and unanswered:
            listed = ", ".join(map(str, unanswered))
            doc.warnings.append(f"W202 no answer found for question {listed}")
        for a, b in itertools.pairwise(questions):
            if b != a + 1:
                doc.warnings.append(f"W203 question numbers go from {a} to {b}")
        content = [p for p in doc.parts if p.kind in ("question", "answer", "notice", "body")]
        if content and genre != "unknown":
            last = max(content, key=lambda p: p.span.end)
            tail = doc.slice(last.span)
            # a text that ends in its signer's name ends where a letter ends
            signed = any(
                p.span
                and p.span.end <= last.span.end
                and doc.text.count("\n", p.span.end, last.span.end) <= 1
                for p in doc.answered_by
            )
            if not signed and (tail[-1:].isalnum() or tail[-1:] in ",;:-("):
                doc.warnings.append("W204 text ends mid-sentence: it may be cut off")

    def parse(self) -> Document:
        genre = self._genre()
        self.doc.genre = genre
        steps: list[tuple[str, Callable[[], None]]] = []
        if genre in ("letter", "aanhangsel", "kamervragen", "kamervraag-page") and self.ordered:
            steps.append(("parts", lambda: self._qa_parts(genre == "kamervraag-page")))
        elif genre != "unknown":
            salutation = re.search(rf"(?im)^\s*{_cue('offering')}", self.text)
            cut = salutation.start() if salutation and genre == "letter" else -1
            steps.append(
                (
                    "parts",
                    lambda: self._paragraph_parts(
                        lambda i: "header" if self.lines[i].start < cut else "body"
                    ),
                )
            )
        steps += [
            ("notices", self._delay_notices),
            ("footnotes", self._footnote_parts),
            ("metadata", lambda: self._metadata(genre)),
            ("warnings", lambda: self._warnings(genre)),
        ]
        for name, step in steps:
            try:
                step()
            except Exception as exc:  # odd text must never stop a run
                self.doc.warnings.append(f"W299 layout step {name} failed: {type(exc).__name__}")
        self.doc.parts.sort(key=lambda p: (p.span.start, -p.span.end, p.kind))
        self.doc.notices.sort(key=lambda n: n.span.start)
        return self.doc


def parse_document(text: str, source: str) -> Document:
    """Recognise the layout of ``text`` and fill a :class:`Document`.

    Parameters
    ----------
    text : str
        The clean text from :func:`kamerkg.extract.read.read_text`; every span in
        the result indexes it.
    source : str
        The file name recorded as ``Document.source``.

    Returns
    -------
    Document
        ``genre`` is ``letter``, ``kamervraag-page``, ``aanhangsel``,
        ``kamervragen``, ``article`` or ``unknown``; metadata that is not found
        stays ``None`` or empty. Never raises on odd text.

    Examples
    --------
    >>> page = "Kamervraag 2021Z00001\\n\\nHet bericht\\n\\nIngediend 1 oktober 2021\\n"
    >>> doc = parse_document(page, "p.txt")
    >>> doc.genre, doc.identifier, doc.submitted.isoformat(), doc.title
    ('kamervraag-page', '2021Z00001', '2021-10-01', 'Het bericht')
    """
    return _Parser(text, source).parse()
