#!/usr/bin/env python3
"""Time every named query on a built store and on rdflib's in-memory graph.

Usage: ``bench/query_times.py OUT [--rdflib-timeout S] [--repeat N] [--rows FILE]
[--only NAME ...]``

OUT is the output folder of ``kamerkg build``. Store times are the best of
``--repeat`` runs; rdflib runs once per query in a forked child, stopped after
``--rdflib-timeout`` seconds (0: no limit). ``--rows FILE`` writes every query's
rows as JSON, so a rewritten query can be compared with the one before it.
"""

from __future__ import annotations

import argparse
import importlib.machinery
import importlib.util
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--rdflib-timeout", type=float, default=60.0)
    parser.add_argument("--no-rdflib", action="store_true")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--rows", type=Path)
    parser.add_argument("--only", nargs="*")
    args = parser.parse_args(argv)

    from kamerkg.graph.query import list_queries, run_query
    from kamerkg.graph.store import Store, load_graph

    # bench/run has no .py suffix: load it by path for its helpers.
    loader = importlib.machinery.SourceFileLoader("bench_run", str(HERE / "run"))
    spec = importlib.util.spec_from_loader("bench_run", loader)
    bench_run = importlib.util.module_from_spec(spec)
    loader.exec_module(bench_run)
    QUERY_PARAMS, timed_in_child = bench_run.QUERY_PARAMS, bench_run.timed_in_child

    graph = None
    if not args.no_rdflib:
        start = time.perf_counter()
        graph = load_graph(args.out)
        print(f"rdflib parse {time.perf_counter() - start:.1f} s, {len(graph):,} triples")
    print("| query | rows | store ms | store CPU ms | rdflib ms | rdflib / store |")
    print("|---|---:|---:|---:|---:|---:|")
    rows_out: dict[str, list] = {}
    total_store = total_rdflib = 0.0
    with Store.open(args.out, read_only=True) as store:
        for query in list_queries():
            if args.only and query.name not in args.only:
                continue
            params = QUERY_PARAMS.get(query.name, {})
            best = cpu = float("inf")
            for _ in range(max(1, args.repeat)):
                start, start_cpu = time.perf_counter(), time.thread_time()
                result = run_query(store, query.name, params)
                best = min(best, time.perf_counter() - start)
                # The query runs in this thread: its CPU time hardly moves with other load.
                cpu = min(cpu, time.thread_time() - start_cpu)
            rows_out[query.name] = [list(r) for r in result.rows]
            total_store += best
            cell = ratio = "-"
            if graph is not None:
                limit = args.rdflib_timeout or None
                seconds = timed_in_child(
                    lambda q=query.name, p=params: run_query(graph, q, p), limit
                )
                if seconds is None:
                    cell, ratio = f"> {limit * 1000:,.0f}", f"> {limit / best:.1f}x"
                    total_rdflib += limit
                else:
                    cell, ratio = f"{seconds * 1000:,.0f}", f"{seconds / best:.1f}x"
                    total_rdflib += seconds
            rows = len(result.rows)
            print(
                f"| {query.name} | {rows:,} | {best * 1000:,.0f} | {cpu * 1000:,.0f} | "
                f"{cell} | {ratio} |"
            )
    line = f"| **all** | | {total_store * 1000:,.0f} | |"
    if graph is not None:
        line += f" {total_rdflib * 1000:,.0f} | {total_rdflib / total_store:.1f}x |"
    print(line)
    if args.rows:
        args.rows.write_text(json.dumps(rows_out, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
