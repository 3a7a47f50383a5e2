"""Fixtures shared by the extract tests: the curated gazetteer and the rule-path pipeline."""

from __future__ import annotations

import pytest

from kamerkg.extract.gazetteer import Gazetteer, load_gazetteer
from kamerkg.extract.nlp import load_nlp


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


@pytest.fixture(scope="module")
def nlp(gaz: Gazetteer):
    """``spacy.blank("nl")`` with kamerkg's rule components (no statistical model)."""
    return load_nlp("blank", gaz)
