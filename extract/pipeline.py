"""One document's way through ``extract/``: file to ``Extraction``.

``read -> layout -> nlp -> resolve -> claims/events``. The ``Extractor`` loads the
spaCy pipeline and the curated lists once and is then reused for every document;
build it once per process.
"""

from __future__ import annotations

import gc
from array import array
from dataclasses import dataclass, field
from pathlib import Path

from .claims import extract_claims, implied_countries
from .events import extract_incidents, extract_responses
from .gazetteer import Gazetteer, load_gazetteer
from .layout import parse_document
from .model import Document, Extraction, Span
from .nlp import find_mentions, load_nlp, sentences
from .patterns import remember_sentence_starts, sentence_starts
from .read import read_text
from .resolve import CorpusIndex, resolve

__all__ = ["DEFAULT_MAX_BYTES", "EXTRACTOR_VERSION", "Extractor", "Prepared"]

#: Bumped when extraction output changes, so ``build --update`` re-reads every file.
EXTRACTOR_VERSION = "1"
DEFAULT_MAX_BYTES = 20_000_000
#: Allocations between collections of the youngest generation (Python's default: 700).
_GC_YOUNG = 5_000


@dataclass
class Prepared:
    """A document read and laid out, with its mentions: what the corpus pass needs.

    ``sentence_bounds`` holds the sentences of the same pipeline run as the mentions,
    as flat ``start, end`` pairs (compact: a build keeps every document prepared
    until the corpus pass, then finishes it long after the run left the cache);
    ``None`` makes ``finish`` find them again.
    """

    document: Document
    mentions: list = field(default_factory=list)
    path: str = ""
    sentence_bounds: array | None = None
    #: The raw sentence starts of the text (``patterns.sentence_starts``), which the
    #: resolver asks for again; ``None`` makes it find them again.
    sentence_starts: array | None = None

    @property
    def sentences(self) -> list[Span] | None:
        """The sentence spans, or ``None`` when they were not kept."""
        if self.sentence_bounds is None:
            return None
        bounds = iter(self.sentence_bounds)
        return [Span(start, end) for start, end in zip(bounds, bounds, strict=True)]


class Extractor:
    """Turns files or texts into ``Extraction`` objects.

    Parameters
    ----------
    model : str or None
        ``None`` uses ``nl_core_news_sm`` when installed, else ``spacy.blank("nl")``;
        ``"blank"`` forces the rule path; any other value is a spaCy package or path.
    extra_lists : sequence of Path
        Folders with more actor lists (CSV, same columns as ``seeds/actors``).
    """

    def __init__(
        self,
        model: str | None = None,
        extra_lists: tuple[Path, ...] = (),
        max_bytes: int = DEFAULT_MAX_BYTES,
    ) -> None:
        self.gazetteer: Gazetteer = load_gazetteer(tuple(extra_lists))
        self.nlp = load_nlp(model, self.gazetteer)
        self.max_bytes = max_bytes
        # The lists, lexicons and pipeline live as long as the extractor; without this
        # the cyclic collector rescans them all at every full collection, which cost
        # about a tenth of the extraction time (issue 6).
        gc.freeze()
        # Extraction makes many short-lived containers (matches, per-text caches): a
        # young-generation collection every 700 of them cost about 7% of the rule path
        # (issue 6), every 5,000 under 1%; reference counting frees nearly all of them.
        young, *older = gc.get_threshold()
        if 0 < young < _GC_YOUNG:
            gc.set_threshold(_GC_YOUNG, *older)

    def prepare_file(self, path: Path, source: str | None = None) -> Prepared:
        result = read_text(path, max_bytes=self.max_bytes)
        prepared = self.prepare_text(result.text, source or path.name)
        prepared.document.warnings[:0] = list(result.warnings)
        prepared.path = str(path)
        return prepared

    def prepare_text(self, text: str, source: str) -> Prepared:
        document = parse_document(text, source)
        mentions = find_mentions(self.nlp, document)
        bounds = array("q", [x for s in sentences(self.nlp, document) for x in (s.start, s.end)])
        starts = array("q", sentence_starts(document.text))
        return Prepared(document, mentions, sentence_bounds=bounds, sentence_starts=starts)

    def finish(self, prepared: Prepared, corpus: CorpusIndex | None = None) -> Extraction:
        """Resolve actors and find claims, incidents and responses."""
        document, mentions = prepared.document, prepared.mentions
        if prepared.sentence_starts is not None:
            remember_sentence_starts(document.text, prepared.sentence_starts)
        resolution = resolve(document, mentions, self.gazetteer, corpus=corpus)
        spans = prepared.sentences
        if spans is None:
            spans = sentences(self.nlp, document)
        # Countries named only by adjective ("het Russische bedrijf X") still anchor claims.
        implied = implied_countries(document, resolution.actors, mentions)
        for actor in implied:
            actor.named = False
        actors = resolution.actors + implied
        claims = list(resolution.memberships)
        claims += extract_claims(document, actors, mentions, spans)
        incidents = extract_incidents(document, actors, mentions, spans)
        responses = extract_responses(document, actors, mentions, spans, incidents)
        return Extraction(
            document=document,
            actors=sorted(actors, key=lambda a: a.id),
            claims=claims,
            incidents=incidents,
            responses=responses,
            asked_by=list(resolution.asked_by),
            answered_by=list(resolution.answered_by),
        )

    def extract_text(self, text: str, source: str = "text.txt") -> Extraction:
        return self.finish(self.prepare_text(text, source))

    def extract_file(self, path: Path, source: str | None = None) -> Extraction:
        return self.finish(self.prepare_file(path, source))
