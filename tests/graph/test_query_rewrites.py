"""Rewritten named queries give the rows of the text they replaced, in the same order.

``fixtures/queries_before/`` keeps each named query as it was before a rewrite for
speed; both texts run on the sample build and on a generated corpus, on the store and
on rdflib, with parameter values taken from the data.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kamerkg.graph.cli import main
from kamerkg.graph.query import run_query
from kamerkg.graph.store import Store, load_graph

BEFORE = Path(__file__).parent / "fixtures" / "queries_before"
GENERATE = Path(__file__).parents[2] / "bench" / "generate.py"
REWRITTEN = sorted(path.stem for path in BEFORE.glob("*.rq"))


@pytest.fixture(scope="module")
def generated_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A build of 40 generated documents: more claims, stances and reporters than the samples."""
    work = tmp_path_factory.mktemp("rewrites")
    subprocess.run(
        [sys.executable, str(GENERATE), "40", str(work / "docs"), "--seed", "3"],
        check=True,
        capture_output=True,
    )
    assert main(["build", str(work / "docs"), "-o", str(work / "out"), "--quiet"]) == 0
    return work / "out"


def _param_sets(name: str, rows: list[dict[str, str | None]]) -> list[dict[str, str]]:
    """No parameter, then each parameter alone with values seen in the rows (any case)."""
    sets: list[dict[str, str]] = [{}]
    if name == "attributions":
        sets += [{"stance": s} for s in ("asserted", "reported", "UNCONFIRMED", "denied")]
        sets += [{"relation": r} for r in sorted({r["relation"] or "" for r in rows})[:4]]
        sets += [{"actor": a.upper()} for a in sorted({r["subject"] or "" for r in rows})[:3]]
        sets += [{"actor": a} for a in sorted({r["object"] or "" for r in rows})[-3:]]
        sets += [{"stance": "asserted", "relation": "attributedTo"}, {"actor": "nobody"}]
    return sets


@pytest.mark.parametrize("which", ["sample", "generated"])
@pytest.mark.parametrize("name", REWRITTEN)
def test_rewrite_gives_the_same_rows(
    name: str, which: str, sample_build: Path, generated_build: Path
) -> None:
    out = sample_build if which == "sample" else generated_build
    before = (BEFORE / f"{name}.rq").read_text(encoding="utf-8")
    graph = load_graph(out)
    with Store.open(out, read_only=True) as store:
        everything = run_query(store, name)
        assert everything.rows, "the build should give rows to compare"
        for params in _param_sets(name, everything.records()):
            new = run_query(store, name, params)
            old = run_query(store, before, params)
            assert new.columns == old.columns
            assert new.rows == old.rows, params
            assert run_query(graph, name, params).rows == run_query(graph, before, params).rows
