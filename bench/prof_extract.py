#!/usr/bin/env python3
"""In-process speed of extraction on the rule path, against the bare tokenizer.

Issue 6 asks the rule path for at least half the throughput of
``spacy.blank("nl")``'s tokenizer on the same texts. This runs both over a folder
of ``.txt`` files (``bench/generate.py 200 /tmp/gen`` makes one), several rounds,
and prints CPU milliseconds per document for the tokenizer, ``prepare_text`` and
``finish``, and the tokenizer/extraction ratio. CPU time, and the best round,
because a busy machine makes wall-clock times meaningless.

Usage: ``bench/prof_extract.py DIR [--rounds N] [--profile N] [--stages]``;
``--profile`` prints the N most expensive functions (own time) of one more,
profiled round; ``--stages`` the CPU ms/doc of each step of both passes (best of
the rounds; inner steps are also counted in the steps that call them).
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import importlib
import pstats
import sys
import time
from collections import defaultdict
from pathlib import Path

__all__ = ["STAGES", "main", "measure", "stages"]


def measure(texts: list[str], rounds: int = 3) -> dict[str, float]:
    """Best round of CPU ms per document: tokenizer, prepare, finish, total, ratio."""
    import spacy

    from kamerkg.extract.pipeline import Extractor

    extractor = Extractor(model="blank")
    tokenizer = spacy.blank("nl")
    best: dict[str, float] = {}
    n = max(1, len(texts))
    for _ in range(rounds):
        t0 = time.process_time()
        for text in texts:
            tokenizer.make_doc(text)
        t1 = time.process_time()
        prepared = [extractor.prepare_text(text, f"d{i}.txt") for i, text in enumerate(texts)]
        t2 = time.process_time()
        for item in prepared:
            extractor.finish(item)
        t3 = time.process_time()
        row = {
            "tokenizer": (t1 - t0) / n * 1000,
            "prepare": (t2 - t1) / n * 1000,
            "finish": (t3 - t2) / n * 1000,
            "total": (t3 - t1) / n * 1000,
        }
        row["ratio"] = row["tokenizer"] / row["total"] if row["total"] else 0.0
        if not best or row["total"] < best["total"]:
            best = row
    return best


def _profile(texts: list[str], top: int) -> None:
    from kamerkg.extract.pipeline import Extractor

    extractor = Extractor(model="blank")
    profiler = cProfile.Profile()
    profiler.enable()
    for i, text in enumerate(texts):
        extractor.finish(extractor.prepare_text(text, f"d{i}.txt"))
    profiler.disable()
    pstats.Stats(profiler, stream=sys.stdout).sort_stats("tottime").print_stats(top)


#: (module, attribute, label) of the steps ``--stages`` times; "." in an attribute
#: names a method. Indented labels run inside the step above them.
STAGES = (
    ("pipeline", "parse_document", "pass 1: layout"),
    ("pipeline", "find_mentions", "pass 1: mentions (name finders, sentences)"),
    ("nlp", "PhraseIndex.find", "  curated names"),
    ("nlp", "find_persons", "  persons"),
    ("nlp", "find_organisations", "  organisations"),
    ("nlp", "find_codes", "  threat-actor codes"),
    ("nlp", "find_adjective_bodies", "  adjective + state noun"),
    ("nlp", "find_cued", "  cued names"),
    ("nlp", "find_defined_acronyms", "  defined acronyms"),
    ("nlp", "find_repeats", "  repeats"),
    ("nlp", "_token_starts", "  sentence starts (tokenizer where glued)"),
    ("pipeline", "resolve", "pass 2: resolve"),
    ("pipeline", "implied_countries", "pass 2: implied countries"),
    ("pipeline", "extract_claims", "pass 2: claims"),
    ("claims", "_judge_and_dedupe", "  stance of each claim"),
    ("claims", "_fallback_claims", "  per-sentence fallbacks"),
    ("claims", "_event_anaphora", "  event anaphora"),
    ("pipeline", "extract_incidents", "pass 2: incidents"),
    ("pipeline", "extract_responses", "pass 2: responses"),
    ("scan", "_candidates", "scan index, both passes (inside the steps above)"),
    ("scan", "_keyed_offsets", "  word starts by key (once a text a pass)"),
    ("sentences", "units_to_scan", "trigger plans (inside claims, incidents, responses)"),
)


def stages(texts: list[str], rounds: int = 3) -> dict[str, float]:
    """Best round of CPU ms per document of each of ``STAGES`` (outermost calls)."""
    from kamerkg.extract.pipeline import Extractor

    spent: defaultdict[str, float] = defaultdict(float)
    depth: defaultdict[str, int] = defaultdict(int)
    restore = []

    def timed(label: str, func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            depth[label] += 1
            start = time.process_time()
            try:
                return func(*args, **kwargs)
            finally:
                depth[label] -= 1
                if not depth[label]:  # a recursive call counts once
                    spent[label] += time.process_time() - start

        return wrapper

    for module_name, attribute, label in STAGES:
        module = importlib.import_module(f"kamerkg.extract.{module_name}")
        owner, _, name = attribute.rpartition(".")
        target = getattr(module, owner) if owner else module
        original = getattr(target, name)
        setattr(target, name, timed(label, original))
        restore.append((target, name, original))
        # A step imported by name into other modules is timed there too.
        for other in ("claims", "events", "pipeline", "nlp", "resolve", "sentences"):
            other_module = importlib.import_module(f"kamerkg.extract.{other}")
            imported = getattr(other_module, name, None) is original
            if not owner and other_module is not module and imported:
                setattr(other_module, name, getattr(target, name))
                restore.append((other_module, name, original))
    try:
        extractor = Extractor(model="blank")
        best: dict[str, float] = {}
        n = max(1, len(texts))
        for _ in range(rounds):
            spent.clear()
            start = time.process_time()
            prepared = [extractor.prepare_text(t, f"d{i}.txt") for i, t in enumerate(texts)]
            for item in prepared:
                extractor.finish(item)
            total = (time.process_time() - start) / n * 1000
            if not best or total < best["total"]:
                best = {label: spent[label] / n * 1000 for _, _, label in STAGES}
                best["total"] = total
        return best
    finally:
        for target, name, original in reversed(restore):
            setattr(target, name, original)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--profile", type=int, default=0, metavar="N")
    parser.add_argument("--stages", action="store_true")
    args = parser.parse_args(argv)
    texts = [p.read_text(encoding="utf-8") for p in sorted(args.folder.glob("*.txt"))]
    if not texts:
        print(f"no .txt files in {args.folder}", file=sys.stderr)
        return 2
    row = measure(texts, args.rounds)
    print(
        f"{len(texts)} documents, CPU ms/doc: tokenizer {row['tokenizer']:.2f}, "
        f"prepare {row['prepare']:.2f}, finish {row['finish']:.2f}, "
        f"extraction {row['total']:.2f}; tokenizer/extraction {row['ratio']:.3f}"
    )
    if args.stages:
        table = stages(texts, args.rounds)
        print(f"steps, CPU ms/doc (best round, timed: {table.pop('total'):.2f} in all):")
        for label, ms in table.items():
            print(f"  {label:52s} {ms:6.2f}")
    if args.profile:
        _profile(texts, args.profile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
