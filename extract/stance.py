"""How firmly the text commits to a claim: asserted, reported, unconfirmed or denied.

Cues are data (``lexicons/stance_cues.csv``: stance, regex, scope, priority,
where the reporting source sits, and whether the cue must precede the claim).
Scopes:

``sentence``
    the cue sits in the claim's own sentence;
``next-sentence``
    the cue sits in the sentence after it and points back ("Het kabinet kan dit
    niet bevestigen.");
``part``
    the cue sits anywhere in an answer and applies to the claims of the questions
    that answer covers;
``opening``
    the cue opens an answer ("Ja.", "Nee,") and settles the questions it covers;
``part-after``
    the cue sits later in the same part and leaves a reported claim open
    ("Volgens de krant ... . Het kabinet kan dit niet bevestigen.").
A ``self`` source is the cue itself ("in de media", "volgens berichten"): it names
who reports without naming an actor. Other cues without a named source (hedges such
as "vermeende", bare verbs) leave the source empty.
A ``named-before`` source is a ``before`` source that must be named: a capitalised
word in the sentence before the cue.

``question``
    the cue opens a question in a part the layout did not mark as one ("Klopt het
    dat X ...?" in a list of numbered questions): the claim is only raised.

A claim stated only inside a question is ``unconfirmed`` unless an answer
covering that question (``Part.covers``, followed through ``refers_to``) opens
with a yes or no. Words of negation between the two ends of a claim
(``lexicons/stance_negations.csv``) deny it.

Examples
--------
>>> from kamerkg.extract.model import Document, Part, Span
>>> text = "Volgens de VS is X gelieerd aan Y. Het kabinet kan dit niet bevestigen."
>>> doc = Document(source="a.txt", text=text, parts=[Part("body", Span(0, len(text)))])
>>> r = assess(doc, Span(0, 34), part_index=0)
>>> (r.stance, r.reported_by_surface)
('unconfirmed', 'VS')
>>> assess(doc, Span(0, 34), part_index=0, focus=Span(17, 33)).stance
'unconfirmed'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from kamerkg.extract.model import Claim, Document, Span

from .lexicons import rows as lexicon_rows
from .linewrap import wrapping
from .sentences import may_match_any

__all__ = ["StanceCue", "StanceResult", "answers_for", "assess", "load_cues"]

_PRIORITY_OF_DEFAULT = 0
_HEADING = re.compile(
    r"^\s*(?:[•\-*]\s*)?(?:antwoord(?:en)?(?:\s+op)?(?:\s+(?:vraag|vragen))?"
    r"(?:\s*(?:\d+|t/m|tot en met|en\b|,|&))*\s*[:.]?\s*)?",
    re.IGNORECASE,
)
# A sentence that opens with an indirect question names its own matter, so its cue
# does not point back at the sentence before.
_OWN_MATTER = re.compile(r"\s*(?:of|wat|wie|welke|waarom|hoe|wanneer)\b", re.IGNORECASE)
# A claim whose second end sits in a parenthesis that opens inside it, with no verb
# ("X (het moederbedrijf van Y)"), is carried by a noun phrase.
_PAREN_APPOSITION = re.compile(
    r"^(?:(?!\b(?:en|of)\b)[^,;()])*"  # the first end right before the parenthesis
    r"\(\s*(?:het|de|een)\s(?:(?!\b(?:is|zijn|was|waren|heeft|hebben|had|wordt|worden|werd)\b)"
    r"[^()])*$",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?](?=\s)")


def _own_matter(text: str, m: re.Match[str]) -> bool:
    """Whether the cue ``m`` sits in a sentence that opens with an indirect question."""
    ends = [e.end() for e in _SENTENCE_END.finditer(text, 0, m.start())]
    return bool(_OWN_MATTER.match(text, ends[-1] if ends else 0))


_NEXT_SENTENCE = re.compile(r"\s*(.+?[.!?])(?=\s|$)", re.DOTALL)
# A reporting source named after the cue: an optional article, then capitalised words.
_SOURCE_AFTER = re.compile(
    r"\s*(?:van\s+|door\s+)?(?:de\s+|het\s+|een\s+)?"
    r"((?:[A-ZÀ-Ý][\w.&'-]*)(?:\s+(?:(?:van|der|de|den|voor|en|of|the)\s+)*[A-ZÀ-Ý][\w.&'-]*)*)"
)
_ADJECTIVE_NOUN = re.compile(r"\s+(?-i:[a-zà-ÿ])[\w-]+")
_SOURCE_BEFORE = re.compile(
    r"((?:[A-ZÀ-Ý][\w.&'-]*)(?:\s+(?:(?:van|der|de|den|voor|the)\s+)*[A-ZÀ-Ý][\w.&'-]*)*)\s*$"
)


@dataclass(frozen=True)
class StanceCue:
    """One row of ``stance_cues.csv`` with its compiled pattern."""

    stance: str
    pattern: re.Pattern[str]
    scope: str
    priority: int
    source: str
    precedes: bool


@dataclass(frozen=True)
class StanceResult:
    """The stance of one claim and what decided it.

    ``reported_by_surface`` is the name the text gives the reporting source
    ("VS" in "volgens de VS"), ``source_span`` where it sits (so the caller can
    map it to an actor), and ``report_source`` the cue phrase itself when no
    actor is named ("in de media").
    """

    stance: str
    cue: str | None = None
    reported_by_surface: str | None = None
    report_source: str | None = None
    source_span: Span | None = None


@lru_cache(maxsize=1)
def load_cues() -> tuple[StanceCue, ...]:
    """The cue table, highest priority first (stable for equal priorities)."""
    cues = [
        StanceCue(
            stance=row["stance"],
            pattern=re.compile(wrapping(row["pattern"]), re.IGNORECASE),
            scope=row["scope"],
            priority=int(row["priority"]),
            source=row["source"] or "none",
            precedes=row["precedes"] == "1",
        )
        for row in lexicon_rows("stance_cues.csv")
    ]
    return tuple(sorted(cues, key=lambda c: -c.priority))


@lru_cache(maxsize=1)
def _sentence_patterns() -> tuple[re.Pattern[str], ...]:
    """The patterns of the sentence cues, in table order."""
    return tuple(cue.pattern for cue in load_cues() if cue.scope == "sentence")


@lru_cache(maxsize=1)
def _negation() -> re.Pattern[str]:
    patterns = [row["pattern"] for row in lexicon_rows("stance_negations.csv")]
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


@lru_cache(maxsize=1)
def _home() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The text's own side as a reporting source ("De AIVD stelt dat", "volgens de MIVD"):
    a finding of a Dutch service or of the government is the text's own assertion."""
    names = "|".join(f"(?:{row['pattern']})" for row in lexicon_rows("stance_home_sources.csv"))
    before = re.compile(rf"(?:^|[.;:]\s*|\b)(?:{names})\s+(?:\w+\s+){{0,2}}$", re.IGNORECASE)
    after = re.compile(rf"\s*(?:van\s+|door\s+)?(?:de\s+|het\s+)?(?:{names})\b", re.IGNORECASE)
    return before, after


@lru_cache(maxsize=1)
def _home_names() -> re.Pattern[str]:
    names = "|".join(f"(?:{row['pattern']})" for row in lexicon_rows("stance_home_sources.csv"))
    return re.compile(rf"(?<![\w-])(?:{names})(?![\w-])", re.IGNORECASE)


def _home_inside(cue_text: str) -> bool:
    """A home-side name inside the cue itself, not after a nationality adjective."""
    for hit in _home_names().finditer(cue_text):
        if not _FOREIGN_ADJECTIVE.search(cue_text[: hit.start()]):
            return True
    return False


# A name past a sentence's first word ("Tsjechië heeft", "de Zweedse dienst heeft"):
# the finding of a named party, which a "named-before" cue needs.
_FUNCTION_OPENERS = (
    *("De", "Het", "Een", "Dit", "Dat", "Deze", "Die", "Uit", "Ook", "In", "Op", "Zo", "Er"),
    *("Wel", "Ik", "Wij", "We", "Zij", "Ze", "Hij", "Men"),
)
_NAMED = re.compile(
    r"(?<=\S)\s+(?:\S+\s+)*?(?-i:[A-ZÀ-Ý])[\w-]+"  # a capital past the first word
    r"|^\s*(?-i:[A-ZÀ-Ý])[\w-]+"  # or a first word that is no article or adverb
    + "".join(f"(?<!^{w})" for w in _FUNCTION_OPENERS)
    + r"\s"
)

# A nationality adjective ("Chinese", "Russische", "Britse") before a home-side name.
_FOREIGN_ADJECTIVE = re.compile(r"[A-ZÀ-Ý][\w-]*(?:se|sche)\s+$")


def _home_source(text: str, start: int, m: re.Match[str], where: str) -> bool:
    before, after = _home()
    where = "before" if where == "named-before" else where
    if _home_inside(m.group(0)):
        return True  # "heeft de MIVD vastgesteld dat": the home side sits inside the cue
    if where == "before":
        lo = max(start, m.start() - 60)
        hit = before.search(text[lo : m.start()])
        # "de Russische minister stelt dat": a foreign office is no home source.
        if not hit:
            return False
        return not _FOREIGN_ADJECTIVE.search(text[max(0, lo + hit.start() - 25) : lo + hit.start()])
    if where == "after":
        return bool(after.match(text, m.end(), min(len(text), m.end() + 60)))
    return False


def answers_for(document: Document, part_index: int) -> list[int]:
    """Indexes of the answer parts that cover the question at ``part_index``.

    An answer covers a question when its ``covers`` holds the question's number;
    an answer without ``covers`` covers the questions since the previous answer.
    Answers that only point elsewhere ("Zie antwoord op vraag 3") bring in the
    answers they point to.
    """
    parts = document.parts
    if not 0 <= part_index < len(parts) or parts[part_index].kind != "question":
        return []
    number = parts[part_index].number
    found: list[int] = []
    for i, part in enumerate(parts):
        if part.kind == "answer" and number is not None and number in part.covers:
            found.append(i)
    if not found:
        # Fallback: the first answer after the question.
        for i in range(part_index + 1, len(parts)):
            if parts[i].kind == "answer":
                found.append(i)
                break
    seen = set(found)
    queue = list(found)
    while queue:
        part = parts[queue.pop(0)]
        for ref in part.refers_to:
            for j, other in enumerate(parts):
                if other.kind == "answer" and ref in other.covers and j not in seen:
                    seen.add(j)
                    queue.append(j)
    return sorted(seen)


def _answer_text(document: Document, index: int) -> str:
    text = document.slice(document.parts[index].span)
    return text[_HEADING.match(text).end() :]


def _next_sentence(document: Document, span: Span, part_index: int | None) -> tuple[int, str]:
    limit = len(document.text)
    if part_index is not None and 0 <= part_index < len(document.parts):
        limit = document.parts[part_index].span.end
    m = _NEXT_SENTENCE.match(document.text, span.end, limit)
    if not m:
        return span.end, ""
    return m.start(1), m.group(1)


def _source(text: str, start: int, end: int, where: str) -> tuple[str, Span] | None:
    where = "before" if where == "named-before" else where
    if where == "after":
        m = _SOURCE_AFTER.match(text, end, min(len(text), end + 80))
        if m:
            name = m.group(1)
            # A sentence's full stop is no part of the name ("..., meldt NRC.").
            if name.endswith(".") and "." not in name[:-1]:
                name = name[:-1]
            # "volgens Britse deskundigen": a nationality adjective names no one alone.
            noun = _ADJECTIVE_NOUN.match(text, m.start(1) + len(name))
            if _FOREIGN_ADJECTIVE.search(name + " ") and noun:
                name += noun.group(0)
            return name, Span(m.start(1), m.start(1) + len(name))
    elif where == "before":
        window_start = max(0, start - 80)
        m = _SOURCE_BEFORE.search(text[window_start:start])
        if m:
            return m.group(1), Span(window_start + m.start(1), window_start + m.end(1))
    return None


def assess(
    document: Document,
    sentence_span: Span,
    *,
    part_index: int | None,
    claim: Claim | None = None,
    focus: Span | None = None,
    presupposed: bool = False,
    anchors: Sequence[Span] = (),
) -> StanceResult:
    """The stance of a claim found in ``sentence_span``.

    Parameters
    ----------
    document : Document
        The laid-out document.
    sentence_span : Span
        The claim's evidence sentence.
    part_index : int or None
        Index of the part holding the sentence (``document.part_at``).
    claim : Claim, optional
        The claim itself; only its evidence is used when ``focus`` is absent.
    focus : Span, optional
        From the start of the claim's first end to the end of its last end,
        trigger included: negation inside it denies the claim, and cues marked
        ``precedes`` must end before it.
    presupposed : bool
        True for claims carried by a noun phrase ("het Chinese bedrijf X"): a
        question presupposes them, so the question rule does not apply.
    anchors : sequence of Span
        Where the claim's subject is named anywhere in the document. A claim
        raised in a question is settled by an answer sentence that names one of
        them and repeats the question's words (see ``_echo``).

    Returns
    -------
    StanceResult
        Never raises; odd input gives ``asserted`` without a cue.
    """
    try:
        return _assess(document, sentence_span, part_index, focus, presupposed, anchors)
    except (IndexError, ValueError, re.error):
        return StanceResult("asserted")


def _assess(
    document: Document,
    span: Span,
    part_index: int | None,
    focus: Span | None,
    presupposed: bool,
    anchors: Sequence[Span] = (),
) -> StanceResult:
    text = document.text
    if focus is not None and _PAREN_APPOSITION.match(text[focus.start : focus.end]):
        presupposed = True  # "SAIC (het moederbedrijf van MG)": a noun phrase, not a question
    cues = load_cues()
    hits: list[tuple[int, str, str, str | None, Span | None]] = []
    reporter: tuple[str, Span] | None = None
    reported_cue: str | None = None
    # Only the cues that may match in the sentence (one scan of the text for them all).
    may = may_match_any(text, span, _sentence_patterns())
    k = -1
    for cue in cues:
        if cue.scope != "sentence":
            continue
        k += 1
        if may is not None and k not in may:
            continue
        for m in cue.pattern.finditer(text, span.start, span.end):
            if cue.precedes and focus is not None and m.end() > focus.start:
                continue
            if cue.stance == "reported" and _home_source(text, span.start, m, cue.source):
                continue
            if cue.source == "named-before" and not _NAMED.search(text[span.start : m.start()]):
                continue  # "het onderzoek heeft vastgesteld": no other party's finding
            hits.append((cue.priority, cue.stance, m.group(0).strip(), None, None))
            if cue.stance == "reported":
                src = _source(text, m.start(), m.end(), cue.source)
                if reporter is None and src is not None:
                    reporter = src
                if reported_cue is None and cue.source == "self":
                    # Only a cue that names a source ("in de media") stands in for one;
                    # a hedge ("vermeende", "naar verluidt") or a bare verb names none.
                    reported_cue = m.group(0).strip()
            break
    part = None
    if part_index is not None and 0 <= part_index < len(document.parts):
        part = document.parts[part_index]
    if not presupposed and (part is None or part.kind != "question"):
        for cue in cues:
            if cue.scope != "question":
                continue
            m = cue.pattern.search(text, span.start, span.end)
            if m and (focus is None or m.end() <= focus.start) and "?" in text[m.end() : span.end]:
                hits.append((cue.priority, cue.stance, m.group(0).strip(), None, None))
    if focus is not None:
        neg = _negation().search(text, max(span.start, focus.start), min(span.end, focus.end))
        if neg:
            hits.append((35, "denied", neg.group(0), None, None))
    _next_start, next_text = _next_sentence(document, span, part_index)
    if _OWN_MATTER.match(next_text):
        next_text = ""  # "Of ook Y ..., kan ik niet bevestigen.": a matter of its own
    for cue in cues:
        if cue.scope == "next-sentence" and next_text:
            m = cue.pattern.search(next_text)
            if m:
                hits.append((cue.priority, cue.stance, m.group(0).strip(), None, None))

    reported_by = reporter[0] if reporter else None
    source_span = reporter[1] if reporter else None
    report_source = None if reporter else reported_cue

    if part is not None and part.kind == "question" and not presupposed:
        answers = answers_for(document, part_index)
        for index in answers:
            opening = _answer_text(document, index).lstrip()
            for cue in cues:
                if cue.scope == "opening":
                    m = cue.pattern.match(opening)
                    if m:
                        return StanceResult(
                            cue.stance, m.group(0), reported_by, report_source, source_span
                        )
        for index in answers:
            body = _answer_text(document, index)
            for cue in cues:
                if cue.scope == "part":
                    m = cue.pattern.search(body)
                    if m:
                        return StanceResult(
                            "unconfirmed",
                            m.group(0).strip(),
                            reported_by,
                            report_source,
                            source_span,
                        )
        echoed = _echo(document, answers, span, focus, anchors)
        if echoed is not None:
            return echoed
        strong = [h for h in hits if h[1] in ("denied", "reported")]
        if strong:
            best = max(strong, key=lambda h: h[0])
            return StanceResult(best[1], best[2], reported_by, report_source, source_span)
        return StanceResult("unconfirmed", None, reported_by, report_source, source_span)

    if not hits:
        carried = _carried_report(document, span, part_index)
        return carried if carried is not None else StanceResult("asserted")
    best = max(hits, key=lambda h: h[0])
    if best[1] == "reported" and part is not None:
        # "Volgens X ... . (...) Het kabinet kan niet bevestigen of ...": a report the
        # answer goes on to leave open is unconfirmed.
        rest = text[span.end : part.span.end]
        for cue in cues:
            if cue.scope == "part-after":
                m = next((m for m in cue.pattern.finditer(rest) if not _own_matter(rest, m)), None)
                if m:
                    return StanceResult(
                        "unconfirmed", m.group(0).strip(), reported_by, report_source, source_span
                    )
    return StanceResult(best[1], best[2], reported_by, report_source, source_span)


# "Volgens X werd Y bestookt. Ook Z was doelwit.": an additive opener carries the
# report of the sentence before over to a sentence without a cue of its own.
_ADDITIVE = re.compile(r"\s*(?:ook|eveneens|evenzo)\b", re.IGNORECASE)


def _carried_report(document: Document, span: Span, part_index: int | None) -> StanceResult | None:
    if part_index is None or not 0 <= part_index < len(document.parts):
        return None
    text = document.text
    if not _ADDITIVE.match(text, span.start, span.end):
        return None
    part = document.parts[part_index]
    ends = [m.end() for m in _SENTENCE_END.finditer(text, part.span.start, span.start)]
    if not ends:
        return None
    start = ends[-2] if len(ends) > 1 else part.span.start
    while start < ends[-1] and text[start].isspace():
        start += 1
    if "\n\n" in text[ends[-1] : span.start]:
        return None  # a new paragraph starts a new matter
    before = _assess(document, Span(start, ends[-1]), part_index, None, True)
    return before if before.stance == "reported" else None


# --- The answer that repeats the question -----------------------------------------
# "Klopt het dat X Y heeft aangevallen?" is often settled without "Ja" or "Nee": the
# answer restates the claim in its own words ("De AIVD heeft vastgesteld dat X achter
# de aanval op Y zit", "Er zijn geen aanwijzingen dat X ..."). That sentence's own
# stance settles the question.
_ANSWER_SENTENCE = re.compile(r"\S(?:[^.!?]|[.!?](?!\s|$))*(?:[.!?]|$)")
_WORD = re.compile(r"[^\W_]+")
_MIN_SHARED = 2


@lru_cache(maxsize=1)
def _echo_stopwords() -> frozenset[str]:
    return frozenset(row["word"].lower() for row in lexicon_rows("stance_echo_stopwords.csv"))


@lru_cache(maxsize=1)
def _echo_pointer() -> re.Pattern[str]:
    patterns = [row["pattern"] for row in lexicon_rows("stance_echo_pointers.csv")]
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def _content_words(text: str, base: int = 0) -> list[tuple[str, int, int]]:
    """Content words with their offsets: four letters or more, an acronym or a year."""
    stop = _echo_stopwords()
    found = []
    for m in _WORD.finditer(text):
        word = m.group(0)
        if len(word) < 4 and not (word.isupper() and len(word) >= 2):
            continue
        if word.lower() in stop:
            continue
        found.append((word.lower(), base + m.start(), base + m.end()))
    return found


def _echo(
    document: Document,
    answers: Sequence[int],
    span: Span,
    focus: Span | None,
    anchors: Sequence[Span],
) -> StanceResult | None:
    """The stance of the answer sentence that repeats a question's claim, if any.

    The sentence must name the claim's subject (an ``anchor``) and share at least
    two content words with the claim, the subject's name counting as one. Its
    negation only counts between the subject and the last shared word.
    """
    if not anchors:
        return None
    text = document.text
    claim = focus if focus is not None else span
    wanted = {w for w, _, _ in _content_words(text[claim.start : claim.end])}
    best: tuple[int, Span, int, Span] | None = None
    for index in answers:
        part = document.parts[index]
        body = text[part.span.start : part.span.end]
        offset = part.span.start + _HEADING.match(body).end()
        for m in _ANSWER_SENTENCE.finditer(text, offset, part.span.end):
            sentence = Span(m.start(), m.end())
            inside = [a for a in anchors if sentence.start <= a.start and a.end <= sentence.end]
            if not inside:
                continue
            shared = [(w, a, b) for w, a, b in _content_words(m.group(0), m.start()) if w in wanted]
            # The actor's own name counts once ("Storm-0558" is one word, not two).
            in_name = [any(x.start <= a and b <= x.end for x in inside) for _, a, b in shared]
            named = any(in_name)
            other = {w for (w, _, _), name in zip(shared, in_name, strict=True) if not name}
            # "APT28 zit daarachter": a pointer back at the matter asked about.
            pointer = bool(_echo_pointer().search(m.group(0)))
            score = len(other) + int(named) + int(pointer)
            if score < _MIN_SHARED:
                continue
            first = min(a.start for a in inside)
            last = max(max(b for _, _, b in shared), min(a.end for a in inside))
            if best is None or score > best[0]:
                best = (score, sentence, index, Span(first, last))
    if best is None:
        return None
    _, sentence, index, focus_in_answer = best
    result = _assess(document, sentence, index, focus_in_answer, False)
    return StanceResult(
        result.stance,
        result.cue or "answer repeats the question",
        result.reported_by_surface,
        result.report_source,
        result.source_span,
    )
