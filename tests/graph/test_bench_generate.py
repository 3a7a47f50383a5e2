"""The benchmark's document generator: real layouts, sizes, truth offsets, determinism."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"


def load_generator():
    spec = importlib.util.spec_from_file_location("bench_generate", BENCH / "generate.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    sys.modules.setdefault("bench_generate", module)
    spec.loader.exec_module(module)
    return module


gen = load_generator()


@pytest.fixture(scope="module")
def docs() -> list[tuple[str, str, object]]:
    return [gen.generate(i, seed=7) for i in range(12)]


def test_same_seed_same_bytes_other_seed_other_text() -> None:
    assert gen.generate(3, seed=1) == gen.generate(3, seed=1)
    assert gen.generate(3, seed=1)[1] != gen.generate(3, seed=2)[1]
    assert gen.generate(3, seed=1)[1] != gen.generate(4, seed=1)[1]


def test_all_three_layouts_appear(docs) -> None:
    assert {truth.layout for _, _, truth in docs} == set(gen.LAYOUTS)


def test_word_counts_in_range(docs) -> None:
    for name, text, _ in docs:
        assert 550 <= len(text.split()) <= 1300, name


def test_letter_layout(docs) -> None:
    for _, text, truth in docs:
        if truth.layout != "letter":
            continue
        assert re.search(r"^Vraag 1$", text, re.M)
        assert re.search(r"^Antwoord op vraag 1$", text, re.M)
        assert f"met kenmerk {truth.identifier}" in text
        assert re.search(r"\(ingezonden \d{1,2} \w+ \d{4}, \d{4}Z\d{5}\)", text)


def test_webpage_layout(docs) -> None:
    for _, text, truth in docs:
        if truth.layout != "webpage":
            continue
        assert text.startswith(f"Kamervraag {truth.identifier}")
        for field in ("Ingediend ", "Beantwoord ", "Indieners ", "Beantwoord door "):
            assert re.search(rf"^{field}", text, re.M), field
        assert re.search(r"^Beantwoord \d{1,2} \w+ \d{4} \(na \d+ dagen\)$", text, re.M)
        assert re.search(r"^ • Vraag 1$", text, re.M)


def test_publication_layout(docs) -> None:
    for _, text, truth in docs:
        if truth.layout != "publication":
            continue
        assert re.search(
            r"^Vragen van (het lid|de leden) .+\(ingezonden \d{1,2} \w+ \d{4}\)\.", text, re.M
        )
        assert re.search(r"^Antwoord 1$", text, re.M)


def test_truth_offsets_point_at_the_evidence(docs) -> None:
    stances = set()
    for _, text, truth in docs:
        assert truth.claims and truth.incidents and truth.responses
        for claim in truth.claims:
            evidence = text[claim["start"] : claim["end"]]
            assert evidence.endswith(".")
            stances.add(claim["stance"])
            for name in (claim["subject"], claim["object"]):
                assert name in evidence
            if claim["cue"] and claim["stance"] != "reported":
                assert claim["cue"].split()[0].lower() in evidence.lower()
        for incident in truth.incidents:
            assert incident["trigger"] in text[incident["start"] : incident["end"]]
        for part in truth.parts:
            if part["kind"] == "question":
                assert text[part["start"] :].lstrip(" •").startswith(f"Vraag {part['number']}")
    assert stances == {"asserted", "reported", "unconfirmed", "denied"}


def test_askers_and_minister_are_in_the_text(docs) -> None:
    for _, text, truth in docs:
        for name, party in truth.asked_by:
            assert f"({party})" in text
            assert name.split(" ", 1)[1].lower() in text.lower()
        ((minister, _office),) = truth.answered_by
        assert minister.split(" ", 1)[1].lower() in text.lower()


def test_varied_actors_across_a_corpus() -> None:
    truths = [gen.generate(i, seed=0)[2] for i in range(40)]
    kinds = {kind for t in truths for _label, kind, _aliases in t.actors.values()}
    assert {
        "Person",
        "PoliticalParty",
        "ThreatActor",
        "Country",
        "Company",
        "GovernmentBody",
    } <= kinds
    threat_actors = {v[0] for t in truths for v in t.actors.values() if v[1] == "ThreatActor"}
    assert len(threat_actors) >= 5


def test_command_line_writes_files(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(BENCH / "generate.py"), "4", str(tmp_path), "--seed", "3", "--truth"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    texts = sorted(tmp_path.glob("*.txt"))
    assert len(texts) == 4 and len(list(tmp_path.glob("*.json"))) == 4
    assert texts[0].read_text(encoding="utf-8") == gen.generate(0, seed=3)[1]
