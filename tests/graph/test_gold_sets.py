"""The gold sets that ship with kamerkg: each loads, and each gold file has its document."""

from __future__ import annotations

from pathlib import Path

import pytest

from kamerkg.graph.evaluate import load_gold_dir

ROOT = Path(__file__).resolve().parents[2]
SETS = {
    "samples": ("seeds/documents", "seeds/gold"),
    "heldout": ("tests/heldout/documents", "tests/heldout/gold"),
    "dev2": ("tests/dev2/documents", "tests/dev2/gold"),
    "dev3": ("tests/dev3/documents", "tests/dev3/gold"),
    "dev4": ("tests/dev4/documents", "tests/dev4/gold"),
    "unseen": ("tests/unseen/documents", "tests/unseen/gold"),
    "unseen2": ("tests/unseen2/documents", "tests/unseen2/gold"),
    "unseen3": ("tests/unseen3/documents", "tests/unseen3/gold"),
    "unseen4": ("tests/unseen4/documents", "tests/unseen4/gold"),
}
RELATIONS = {"memberOf", "attributedTo", "affiliatedWith", "targeted", "uses"}


@pytest.mark.parametrize("name", sorted(SETS))
def test_every_gold_file_loads_and_pairs_with_a_document(name: str) -> None:
    documents, gold = (ROOT / part for part in SETS[name])
    golds = load_gold_dir(gold)
    texts = {p.name for p in documents.glob("*.txt")}
    assert {g.document for g in golds} == texts
    assert (documents.parent / "README.md").exists() or name == "samples"


@pytest.mark.parametrize("name", sorted(SETS))
def test_relations_use_the_public_vocabulary_and_name_gold_entities(name: str) -> None:
    for gold in load_gold_dir(ROOT / SETS[name][1]):
        names = {n for entity in gold.entities for n in entity.names}
        for relation in gold.relations:
            assert relation.p in RELATIONS, (gold.document, str(relation))
            ends = gold.names_of(relation.s) | gold.names_of(relation.o)
            assert ends <= names, (gold.document, str(relation))
