"""notebooks/explore.ipynb runs top to bottom on a fixture graph without errors."""

from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOK = ROOT / "notebooks" / "explore.ipynb"
FIXTURE = Path(__file__).parent / "fixtures" / "small.ttl"


def outputs_text(nb) -> str:
    parts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            parts.append(out.get("text", ""))
            for value in out.get("data", {}).values():
                parts.append(value if isinstance(value, str) else "")
    return "\n".join(parts)


def test_notebook_runs_on_fixture(tmp_path, monkeypatch):
    monkeypatch.setenv("KAMERKG_GRAPH", str(FIXTURE))
    monkeypatch.setenv("KAMERKG_OUT", str(tmp_path))
    monkeypatch.setenv("MPLBACKEND", "Agg")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    )
    client.execute()  # raises CellExecutionError on the first failing cell
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert errors == []
    text = outputs_text(nb)
    assert "2024Z01234" in text and "Karin van Dijk" in text  # who asked whom
    assert "APT31" in text and "attributed to" in text
    assert "reported" in text and "Het kabinet stelt vast" in text  # stance and evidence
    assert any("image/png" in o.get("data", {}) for c in nb.cells for o in c.get("outputs", []))
    assert "<iframe" in text
    assert (tmp_path / "graph.html").exists()
