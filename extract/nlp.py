"""The spaCy pipeline: sentences and actor mentions over a document's clean text.

``load_nlp`` builds a pipeline (the Dutch model when installed, else a blank one)
and adds three registered components:

``kamerkg_senter``
    rule-based sentence starts (only when the model has no parser or senter);
``kamerkg_ruler``
    curated names (fed from ``Gazetteer.patterns()``, matched on words so case,
    diacritics and line breaks do not matter) plus the pattern families of
    ``patterns.py``;
``kamerkg_merge``
    keeps statistical entities (mapped to the seven actor types by
    ``lexicons/nlp_model_labels.csv``) only where no rule matched; rules win.

Mentions keep exact character offsets: ``find_mentions`` reads them from
``doc.user_data``, not from token boundaries.

Examples
--------
>>> from kamerkg.extract.model import Document
>>> nlp = load_nlp("blank")
>>> doc = Document(source="x.txt", text="Volgens W.B. Jansen viel APT 28 aan.")
>>> [(m.text, m.label) for m in find_mentions(nlp, doc)]
[('W.B. Jansen', 'Person'), ('APT 28', 'ThreatActor')]
"""

from __future__ import annotations

import bisect
import inspect
import itertools
import re
import weakref
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy
import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_suffix_regex, filter_spans

from .errors import InputError
from .ids import fold
from .model import ACTOR_TYPES, Document, Mention, Span
from .overlaps import first_fit
from .patterns import (
    CANDIDATE_ORDER,
    Candidate,
    Lexicons,
    find_adjective_bodies,
    find_codes,
    find_cued,
    find_defined_acronyms,
    find_organisations,
    find_persons,
    find_repeats,
    load_lexicons,
    sentence_starts,
)

__all__ = [
    "CHUNK_CHARS",
    "MODEL_PACKAGE",
    "PhraseIndex",
    "find_mentions",
    "load_nlp",
    "sentences",
]

MODEL_PACKAGE = "nl_core_news_sm"
#: Texts longer than this are processed in parts cut at paragraph breaks.
CHUNK_CHARS = 200_000

_RULES_KEY = "kamerkg_rules"
_MENTIONS_KEY = "kamerkg_mentions"
#: Footnote digits glued to punctuation ("'?1", "»?1", "Commerce.5", "Zen?[5]").
_FOOTNOTE_SUFFIXES = (
    r"(?<=[?!'\"’”»\])])[0-9]{1,2}",
    r"(?<=[a-z]\.)[0-9]{1,2}",
    r"(?<=\[)[0-9]{1,3}",
)


# --------------------------------------------------------------------------- loading


def load_nlp(model: str | None = None, gazetteer: Any = None) -> Language:
    """Build the pipeline.

    Parameters
    ----------
    model : str or None
        ``None``: ``nl_core_news_sm`` when installed, else ``spacy.blank("nl")``;
        ``"blank"``: always the blank pipeline; otherwise a package name or path.
    gazetteer : Gazetteer or None
        Curated lists; its ``patterns()`` feed the ruler and its ``adjectives()``
        the adjective rules.

    Raises
    ------
    InputError
        E201 when an explicit model cannot be loaded.
    """
    if model == "blank" or (model is None and not spacy.util.is_package(MODEL_PACKAGE)):
        nlp = spacy.blank("nl")
    else:
        name = model or MODEL_PACKAGE
        try:
            nlp = spacy.load(name)
        except (OSError, ImportError, ValueError) as exc:
            raise InputError(
                "E201",
                f"spaCy model {name!r} cannot be loaded ({type(exc).__name__})",
                "install it with pip install 'kamerkg[model]' or pass --model blank",
            ) from exc
    patterns: list[dict] = []
    if gazetteer is not None:
        # Tokenise the curated names with this very blank tokenizer (before it is
        # tuned): the gazetteer would otherwise load a second spacy.blank("nl").
        blank = not nlp.pipe_names and nlp.lang == "nl"
        patterns = _gazetteer_patterns(gazetteer, nlp if blank else None)
    _tune_tokenizer(nlp)
    if not ({"parser", "senter"} & set(nlp.pipe_names)):
        nlp.add_pipe("kamerkg_senter", first=True)
    ruler = nlp.add_pipe("kamerkg_ruler", last=True)
    if gazetteer is not None:
        ruler.add_patterns(patterns, _capitalised(gazetteer))
        ruler.set_adjectives(_gazetteer_adjectives(gazetteer))
    nlp.add_pipe("kamerkg_merge", last=True)
    return nlp


def _tune_tokenizer(nlp: Language) -> None:
    suffixes = list(nlp.Defaults.suffixes or ()) + list(_FOOTNOTE_SUFFIXES)
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search


def _gazetteer_patterns(gazetteer: Any, nlp: Language | None = None) -> list[dict]:
    patterns = getattr(gazetteer, "patterns", None)
    if callable(patterns):
        takes_nlp = nlp is not None and "nlp" in inspect.signature(patterns).parameters
        return list(patterns(nlp) if takes_nlp else patterns())
    out = []
    for entry in getattr(gazetteer, "entries", []):
        for name in [entry.name, *sorted(entry.aliases)]:
            out.append({"label": entry.type, "pattern": name, "id": entry.name})
    return out


def _capitalised(gazetteer: Any) -> set[str]:
    out = set()
    for entry in getattr(gazetteer, "entries", []):
        for name in [entry.name, *entry.aliases]:
            if name[:1].isupper() and len(name.split()) > 1:
                out.add(fold(name))
    return out


def _gazetteer_adjectives(gazetteer: Any) -> dict[str, str]:
    adjectives = getattr(gazetteer, "adjectives", None)
    if not callable(adjectives):
        return {}
    return {fold(k): entry.name for k, entry in sorted(adjectives().items())}


# --------------------------------------------------------------------------- components


@Language.factory("kamerkg_senter")
def _make_senter(nlp: Language, name: str) -> SentenceRules:
    return SentenceRules()


class SentenceRules:
    """Sets sentence starts from :func:`patterns.sentence_starts` in one array write."""

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        starts = numpy.array(sentence_starts(doc.text), dtype="uint64")
        # one vectorised test instead of a Python loop over every token
        values = numpy.where(numpy.isin(doc.to_array("IDX"), starts), 1, -1).astype("int64")
        values[0] = 1
        doc.from_array([SENT_START], values.astype("uint64").reshape(-1, 1))
        return doc


class PhraseIndex:
    """Curated names matched on words: case, diacritics and line breaks ignored.

    Words a pattern marks as exact (``ORTH``) must match their case; so must
    short all-capital names ("EU", "SER"), so the Dutch words "ser" or "eu" never
    become actors, and a name written with a capital may not start lowercase
    ("voor Nederland" is no mention of the party Voor Nederland).

    Examples
    --------
    >>> index = PhraseIndex()
    >>> index.add("Tweede Kamer", "GovernmentBody", "Tweede Kamer")
    >>> index.add("EU", "Organisation", "Europese Unie")
    >>> t = "De TWEEDE\\nKamer en de EU-lidstaten, niet eu of tweede kamer"
    >>> [(t[c.start:c.end], c.canonical) for c in index.find(t)]
    [('TWEEDE\\nKamer', 'Tweede Kamer'), ('EU', 'Europese Unie')]
    """

    # letters and digits apart, so a glued footnote number ("AIVD3") leaves the name
    _WORD = re.compile(r"[^\W\d_]+|\d+")

    def __init__(self) -> None:
        # folded key -> [(label, canonical, exact words by index, first word capitalised)]
        self._index: dict[str, list[tuple[str, str, tuple[tuple[int, str], ...], bool]]] = {}
        self._prefixes: set[str] = set()
        self.max_words = 1
        self._folded: dict[str, str] = {}

    @staticmethod
    def _sep(raw: str) -> str:
        return " ".join(raw.split()) if raw.strip() else " "

    def _split(self, surface: str) -> tuple[list[str], list[str]]:
        matches = list(self._WORD.finditer(surface))
        words = [m.group(0) for m in matches]
        seps = [self._sep(surface[a.end() : b.start()]) for a, b in itertools.pairwise(matches)]
        return words, seps

    @staticmethod
    def _key(words: list[str], seps: list[str]) -> str:
        return "".join(w + s for w, s in zip(words, [*seps, ""], strict=False))

    def add(
        self,
        surface: str,
        label: str,
        canonical: str,
        exact: Iterable[int] | None = None,
        first_upper: bool | None = None,
    ) -> None:
        """Index one name; ``exact`` lists word positions whose case must match."""
        words, seps = self._split(surface)
        if not words or label not in ACTOR_TYPES:
            return
        raw = self._key(words, seps)
        if exact is None:
            short_caps = len(raw) <= 6 and raw.replace(" ", "").isupper()
            exact = range(len(words)) if short_caps else ()
        if first_upper is None:
            first_upper = surface.lstrip()[:1].isupper()
        rule = (label, canonical, tuple((i, words[i]) for i in sorted(set(exact))), first_upper)
        self.max_words = max(self.max_words, len(words))
        key = fold(raw)
        words_f = [fold(w) for w in words]
        for n in range(1, len(words) + 1):
            self._prefixes.add(self._key(words_f[:n], seps[: n - 1]))
        bucket = self._index.setdefault(key, [])
        if rule not in bucket:
            bucket.append(rule)

    def add_tokens(self, tokens: list[dict], label: str, canonical: str, first_upper: bool) -> None:
        """Index a token pattern (``ORTH`` exact, ``LOWER``/``TEXT`` any case)."""
        surface, exact, count = "", [], 0
        for token in tokens:
            value = str(token.get("ORTH") or token.get("TEXT") or token.get("LOWER") or "")
            n = len(self._WORD.findall(value))
            if "ORTH" in token:
                exact.extend(range(count, count + n))
            count += n
            surface = f"{surface} {value}" if surface else value
        if surface:
            self.add(surface, label, canonical, exact, first_upper)

    @staticmethod
    def _fits(rule, words: list[str]) -> bool:
        _, _, exact, first_upper = rule
        if first_upper and not words[0][:1].isupper():
            return False
        return all(i < len(words) and words[i] == w for i, w in exact)

    def type_of(self, surface: str) -> str | None:
        """The label of a known surface form, else None."""
        hit = self.lookup(surface)
        return hit[0] if hit else None

    def lookup(self, surface: str) -> tuple[str, str] | None:
        words, seps = self._split(surface)
        if not words:
            return None
        for rule in self._index.get(fold(self._key(words, seps)), ()):
            if self._fits(rule, words):
                return rule[0], rule[1]
        return None

    def find(self, text: str) -> list[Candidate]:
        """The longest match starting at each word (they may overlap; the merge decides)."""
        matches = list(self._WORD.finditer(text))
        words = [m.group(0) for m in matches]
        prefixes, index, n = self._prefixes, self._index, len(matches)
        out: list[Candidate] = []
        # Folded words of this index's own: the shared fold cache also holds the
        # names and clauses of later steps and would forget them between documents.
        folded = self._folded
        if len(folded) > 200_000:
            folded.clear()
        distinct = set(words)
        for w in distinct.difference(folded):
            folded[w] = fold(w)
        # most words start no name: find the few that do before any other work
        starters = {w for w in distinct if folded[w] in prefixes}
        for i in [i for i, w in enumerate(words) if w in starters]:
            key = folded[words[i]]
            at = matches[i].start()
            if at >= 2 and text[at - 1] == "-" and text[at - 2].isalnum():
                continue  # "Noord-Amerika" is no mention of Amerika
            best = None
            for j in range(i, min(n, i + self.max_words)):
                if j > i:
                    gap = text[matches[j - 1].end() : matches[j].start()]
                    if gap == " ":  # by far the most common gap
                        sep = gap
                    else:
                        sep = self._sep(gap)
                        # a gap a name may span: short, at most one line break
                        if len(sep) > 3 or gap.count("\n") > 1:
                            break
                    key = key + sep + folded[words[j]]
                    if key not in prefixes:
                        break
                rules = index.get(key)
                if rules:
                    hit = next((r for r in rules if self._fits(r, words[i : j + 1])), None)
                    if hit is not None:
                        best = (j, hit)
            if best is not None:
                j, hit = best
                end = matches[j].end()
                # words end before ")": a name with a bracketed part keeps its closing
                # bracket ("NoName057(16)")
                opened = text.count("(", at, end) > text.count(")", at, end)
                if opened and text[end : end + 1] == ")":
                    end += 1
                out.append(Candidate(at, end, hit[0], "rule", hit[1]))
        return out


@Language.factory("kamerkg_ruler")
def _make_ruler(nlp: Language, name: str) -> EntityRules:
    return EntityRules()


class EntityRules:
    """Curated names plus pattern families; candidates go to ``doc.user_data``."""

    def __init__(self) -> None:
        self.index = PhraseIndex()
        self.adjectives: dict[str, str] = {}
        self.lexicons: Lexicons = load_lexicons()

    def add_patterns(self, patterns: Iterable[dict], capitalised: Iterable[str] = ()) -> None:
        """Add EntityRuler-style patterns: ``{"label", "pattern", "id"}``.

        ``capitalised`` holds folded names written with a leading capital, whose
        first word must then be capitalised in the text too.
        """
        caps = set(capitalised)
        for pattern in patterns:
            surface = pattern.get("pattern")
            label = pattern.get("label", "")
            if isinstance(surface, list):
                joined = " ".join(str(next(iter(t.values()), "")) for t in surface)
                canonical = pattern.get("id") or joined
                self.index.add_tokens(surface, label, canonical, fold(joined) in caps)
            elif surface:
                self.index.add(str(surface), label, pattern.get("id") or str(surface))

    def set_adjectives(self, adjectives: dict[str, str]) -> None:
        self.adjectives = dict(adjectives)

    def candidates(self, text: str) -> list[Candidate]:
        lex, type_of = self.lexicons, self.index.type_of
        found = self.index.find(text)
        found += find_codes(text, lex)
        found += find_adjective_bodies(text, lex, self.adjectives)
        found += [
            c
            for c in find_persons(text, lex, type_of)
            if not _particle_adjective(text[c.start : c.end], lex, self.adjectives)
        ]
        found += find_organisations(text, lex, type_of)
        found += find_cued(text, lex, type_of)
        found += find_defined_acronyms(text, lex, type_of)
        urls = _url_ranges(text)
        found = _drop_unwanted(text, found, lex, urls)
        found = _foreign_ministries(text, found, lex, self.adjectives)
        repeats = find_repeats(text, _select(found), lex, type_of)
        found += _drop_unwanted(text, repeats, lex, urls)
        return found

    def __call__(self, doc: Doc) -> Doc:
        doc.user_data[_RULES_KEY] = self.candidates(doc.text)
        return doc


def _particle_adjective(name: str, lex: Lexicons, adjectives: dict[str, str]) -> bool:
    """ "Van Chinese (zijde)", "De Russische": a particle before a country adjective."""
    words = name.split()
    return len(words) == 2 and words[0].lower() in lex.particles and fold(words[1]) in adjectives


#: A capitalised nationality adjective ending right before a span ("Oekraïense ").
_ADJECTIVE_BEFORE = re.compile(r"(?<![\w-])([^\W\d_][^\W\d_]+(?:-[^\W\d_]+)*e)[ \t]+$")


def _foreign_ministries(
    text: str, found: list[Candidate], lex: Lexicons, adjectives: dict[str, str]
) -> list[Candidate]:
    """ "het Oekraïense ministerie van Defensie" is a foreign ministry, not the Dutch one.

    A ministry name right after a foreign nationality adjective becomes an
    uncurated body named with the adjective.
    """
    starts = {c.start for c in found}
    out = []
    for c in found:
        if c.label == "GovernmentBody" and text[c.start : c.end].lower().startswith("ministerie "):
            m = _ADJECTIVE_BEFORE.search(text, max(0, c.start - 40), c.start)
            adj = m.group(1) if m else ""
            # a curated name that already starts at the adjective is kept as it is
            if (
                adj[:1].isupper()
                and fold(adj) in adjectives
                and adj not in lex.home_adjectives
                and m.start(1) not in starts
            ):
                c = Candidate(m.start(1), c.end, c.label, "pattern")
        out.append(c)
    return out


#: Web addresses, also query strings wrapped onto the next line ("utm_source=Twitter").
#: A query-string match always spans its whole run of non-blanks, so it may only start
#: where a run starts; the look-behind spares the regex a rescan from every character.
_URL = re.compile(r"(?:https?://|www\.)\S+|(?<!\S)\S*\w=\S*")


def _url_ranges(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every web address, sorted and not overlapping."""
    return [(m.start(), m.end()) for m in _URL.finditer(text)]


def _drop_unwanted(
    text: str,
    found: list[Candidate],
    lex: Lexicons,
    urls: list[tuple[int, int]] | None = None,
) -> list[Candidate]:
    """No names inside web addresses; a portfolio after "minister van" is an office."""
    if urls is None:
        urls = _url_ranges(text)
    url_starts = [a for a, _ in urls]
    out = []
    for c in found:
        k = bisect.bisect_right(url_starts, c.start)
        if k and c.start < urls[k - 1][1]:
            continue
        if c.label == "GovernmentBody":
            lo = max(0, c.start - 40)
            prefix = lex.office_prefix.search(text[lo : c.start])
            if prefix and prefix.group(0).lower().startswith("ministerie"):
                # "ministerie van <portfolio>" is the ministry itself: take the whole name
                c = Candidate(lo + prefix.start(), c.end, c.label, c.source, c.canonical)
            elif prefix:
                continue
        out.append(c)
    return out


@Language.factory("kamerkg_merge")
def _make_merge(nlp: Language, name: str) -> MergeEntities:
    return MergeEntities()


#: Rule sources in order of trust when two spans have the same length.
_RANK = {"rule": 0, "pattern": 1, "model": 2}


class MergeEntities:
    """Rules first (longest wins), then model entities where no rule matched."""

    def __init__(self) -> None:
        self.labels = load_lexicons().model_labels
        self.stopwords = load_lexicons().stopwords

    def __call__(self, doc: Doc) -> Doc:
        rules = list(doc.user_data.get(_RULES_KEY, []))
        chosen = _select(rules)
        taken = [(c.start, c.end) for c in chosen]
        for ent in doc.ents:
            label = self.labels.get(ent.label_)
            if label is None or not ent.text[:1].isupper() or ent.text in self.stopwords:
                continue
            start, end = ent.start_char, ent.end_char
            if any(a < end and start < b for a, b in taken):
                continue
            chosen.append(Candidate(start, end, label, "model"))
            taken.append((start, end))
        chosen.sort(key=lambda c: (c.start, c.end))
        doc.user_data[_MENTIONS_KEY] = chosen
        spans = []
        for c in chosen:
            span = doc.char_span(
                c.start, c.end, label=c.label, alignment_mode="expand", kb_id=c.source
            )
            if span is not None:
                spans.append(span)
        doc.ents = filter_spans(spans)
        return doc


def _select(candidates: list[Candidate]) -> list[Candidate]:
    order = sorted(
        set(candidates),
        key=lambda c: (
            -(c.end - c.start),
            _RANK.get(c.source, 3),
            c.start,
            c.label,
            c.canonical or "",
        ),
    )
    chosen = first_fit(order)
    return sorted(chosen, key=CANDIDATE_ORDER)


# --------------------------------------------------------------------------- running

#: The components ``load_nlp`` adds; a pipeline of only these (a blank model) is the
#: rule path, where nothing needs a spaCy ``Doc`` except a few sentence boundaries.
_OWN_COMPONENTS = ("kamerkg_senter", "kamerkg_ruler", "kamerkg_merge")


@dataclass(frozen=True)
class _Part:
    """One processed part of a text: its offset, mentions and sentences (part offsets)."""

    offset: int
    mentions: list[Candidate]
    sentences: list[Span]


#: The last processed text per pipeline, so mentions and sentences share one run.
_CACHE: weakref.WeakKeyDictionary[Language, tuple[str, list[_Part]]] = weakref.WeakKeyDictionary()


def _chunks(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    out, pos = [], 0
    while pos < len(text):
        end = min(len(text), pos + size)
        if end < len(text):
            cut = max(text.rfind("\n\n", pos, end), text.rfind("\n", pos, end))
            if cut <= pos:
                cut = text.rfind(" ", pos, end)
            end = cut + 1 if cut > pos else end
        out.append((pos, text[pos:end]))
        pos = end
    return out


def _run(nlp: Language, text: str) -> list[_Part]:
    cached = _CACHE.get(nlp)
    if cached is not None and cached[0] == text:
        return cached[1]
    process = _rule_part if tuple(nlp.pipe_names) == _OWN_COMPONENTS else _spacy_part
    parts = [process(nlp, offset, chunk) for offset, chunk in _chunks(text)]
    _CACHE[nlp] = (text, parts)
    return parts


def _spacy_part(nlp: Language, offset: int, chunk: str) -> _Part:
    doc = nlp(chunk)
    if _MENTIONS_KEY in doc.user_data:
        items = list(doc.user_data[_MENTIONS_KEY])
    else:  # a pipeline without our components: map its entities
        labels = load_lexicons().model_labels
        items = [
            Candidate(e.start_char, e.end_char, labels[e.label_], "model")
            for e in doc.ents
            if e.label_ in labels
        ]
    spans = []
    for sent in doc.sents:
        raw = sent.text_with_ws
        start = sent.start_char + (len(raw) - len(raw.lstrip()))
        end = sent.start_char + len(raw.rstrip())
        if end > start:
            spans.append(Span(start, end))
    return _Part(offset, items, spans)


def _rule_part(nlp: Language, offset: int, chunk: str) -> _Part:
    """What ``nlp(chunk)`` would give on the rule path, without building a ``Doc``.

    ``MergeEntities`` keeps exactly ``_select`` of the rule candidates when there are
    no model entities, and ``SentenceRules`` marks the token starts among
    :func:`sentence_starts`; only those glued to the previous character need the
    tokenizer (see :func:`_token_starts`).
    """
    ruler: EntityRules = nlp.get_pipe("kamerkg_ruler")
    chosen = _select(ruler.candidates(chunk))
    chosen.sort(key=lambda c: (c.start, c.end))
    return _Part(offset, chosen, _sentence_spans(chunk, _token_starts(nlp, chunk)))


def _token_starts(nlp: Language, text: str) -> list[int]:
    """Sentence starts that begin a spaCy token, plus 0 (the first token).

    spaCy cuts the text at white space first and tokenizes every run of other
    characters on its own, so a start after white space always begins a token and
    a start inside a run needs only that run tokenized.
    """
    out = [0]
    for s in sentence_starts(text):
        if s == 0:
            continue
        if text[s - 1].isspace():
            out.append(s)
            continue
        a = s
        while a > 0 and not text[a - 1].isspace():
            a -= 1
        b = s
        while b < len(text) and not text[b].isspace():
            b += 1
        if any(t.idx == s - a for t in nlp.tokenizer(text[a:b])):
            out.append(s)
    return out


def _sentence_spans(text: str, starts: list[int]) -> list[Span]:
    """Sentences from their (token-aligned) starts, blanks trimmed, empty ones dropped."""
    out: list[Span] = []
    bounds = [*starts, len(text)]
    for begin, end in itertools.pairwise(bounds):
        raw = text[begin:end]
        stripped = raw.lstrip()
        a = begin + (len(raw) - len(stripped))
        b = begin + len(raw.rstrip())
        if b > a:
            out.append(Span(a, b))
    return out


def find_mentions(nlp: Language, document: Document) -> list[Mention]:
    """Actor mentions in ``document.text``: sorted, not overlapping, exact offsets.

    Header participants with a span that no rule covered are added with
    ``source="header"``.
    """
    found: list[Candidate] = []
    for part in _run(nlp, document.text):
        offset = part.offset
        found += [
            Candidate(c.start + offset, c.end + offset, c.label, c.source) for c in part.mentions
        ]
    for participant in [*document.asked_by, *document.answered_by]:
        span = participant.span
        if span is None or span.end <= span.start:
            continue
        if all(span.end <= c.start or c.end <= span.start for c in found):
            found.append(Candidate(span.start, span.end, "Person", "header"))
    found.sort(key=CANDIDATE_ORDER)
    return [
        Mention(Span(c.start, c.end), document.text[c.start : c.end], c.label, c.source)
        for c in found
    ]


def sentences(nlp: Language, document: Document) -> list[Span]:
    """Sentence spans over the whole text (character offsets, blanks trimmed)."""
    return [
        Span(s.start + part.offset, s.end + part.offset)
        for part in _run(nlp, document.text)
        for s in part.sentences
    ]
