#!/usr/bin/env python3
"""In-process speed of extraction on the rule path, against the bare tokenizer.

Issue 6 asks the rule path for at least half the throughput of
``spacy.blank("nl")``'s tokenizer on the same texts. This runs both over a folder
of ``.txt`` files (``bench/generate.py 200 /tmp/gen`` makes one), several rounds,
and prints CPU milliseconds per document for the tokenizer, ``prepare_text`` and
``finish``, and the tokenizer/extraction ratio. CPU time, and the best round,
because a busy machine makes wall-clock times meaningless.

Usage: ``bench/prof_extract.py DIR [--rounds N] [--profile N]``; ``--profile``
prints the N most expensive functions (own time) of one more, profiled round.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

__all__ = ["main", "measure"]


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--profile", type=int, default=0, metavar="N")
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
    if args.profile:
        _profile(texts, args.profile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
