"""Helpers shared by test modules (put on sys.path by tests/conftest.py)."""

from __future__ import annotations

import re

from kamerkg.extract.ids import slug
from kamerkg.extract.model import Actor, Document, Mention, Part, Span


def document_with_names(
    text: str, table: dict[str, str], parts: list[Part] | None = None, **meta
) -> tuple[Document, list[Actor], list[Mention]]:
    """A document whose mentions are the names of ``table`` (name -> type) found in ``text``.

    Longer names win where names overlap, as the entity ruler does; the body is one part
    unless ``parts`` are given.
    """
    actors = [Actor(slug(n), n, t) for n, t in sorted(table.items())]
    mentions: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for name in sorted(table, key=len, reverse=True):
        for m in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?!\w)", text):
            if any(m.start() < b and a < m.end() for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            mentions.append(Mention(Span(m.start(), m.end()), name, "X", actor_id=slug(name)))
    parts = parts if parts is not None else [Part("body", Span(0, len(text)))]
    return Document(source="t.txt", text=text, parts=parts, **meta), actors, mentions


def claim_triples(text: str, table: dict[str, str]) -> set[tuple[str, str, str, str]]:
    """(subject, relation, object, stance) of every claim found in ``text`` over ``table``."""
    from kamerkg.extract.claims import extract_claims

    document, actors, mentions = document_with_names(text, table)
    return {
        (c.subject, c.relation, c.object, c.stance)
        for c in extract_claims(document, actors, mentions, [])
    }
