"""Shared fixtures: one build of the bundled sample documents per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from kamerkg.graph.cli import main


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory) -> Path:
    """An output folder holding the graph of ``seeds/documents`` (built once)."""
    out = tmp_path_factory.mktemp("sample-build")
    assert main(["build", "-o", str(out), "--quiet"]) == 0
    return out
