"""Shared fixtures: one build of the bundled sample documents per test session."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

# Shared helpers live in tests/support.py; tests import it by name.
sys.path.insert(0, str(Path(__file__).parent))

from kamerkg.graph.cli import main


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory) -> Path:
    """An output folder holding the graph of ``seeds/documents`` (built once)."""
    out = tmp_path_factory.mktemp("sample-build")
    assert main(["build", "-o", str(out), "--quiet"]) == 0
    return out
