"""Budget 2: opening a big workshop to a full snapshot.

A generated workshop of 20 processes × 200 steps (benchmarks/generate.py: two maps per
process with lanes and phases, flows ≈ 1.2 × steps, an MOT cycle with a sub-cycle and
touchpoints, rows in every worksheet table, teams, votes, notes) is opened several times.
Each run is cold in-process — a new ``Store.open(path)`` (header check, lock, version check,
connection, table check) followed by ``store.snapshot()`` (every entity as a domain object),
then ``close()`` — so nothing is reused from an earlier run but the operating system's file
cache and Python's imports. Budget: open + snapshot ≤ 300 ms, for the median and the worst.

    python benchmarks/bench_open.py             # 9 runs of each mode
    python benchmarks/bench_open.py --quick     # 3 runs
    python benchmarks/bench_open.py --profile   # cProfile of one writable open + snapshot

Exit status 0, or 1 with --strict when a line is over budget.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate  # noqa: E402

from mot_workshop.persistence.store import Store  # noqa: E402

BUDGET_MS = 300.0


def open_once(path: Path, *, read_only: bool) -> tuple[float, float, int]:
    """(open ms, snapshot ms, entities) of one cold open (collect garbage first, untimed)."""
    clock = time.perf_counter
    started = clock()
    store = Store.open(path, read_only=read_only)
    opened = clock()
    try:
        snapshot = store.snapshot()
        done = clock()
    finally:
        store.close()
    return (opened - started) * 1000, (done - opened) * 1000, sum(snapshot.counts().values())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Open a big workshop to a full snapshot.")
    parser.add_argument("--quick", action="store_true", help="3 runs instead of 9")
    parser.add_argument("--strict", action="store_true", help="exit 1 when over budget")
    parser.add_argument("--processes", type=int, default=20)
    parser.add_argument("--steps", type=int, default=200, help="steps per process")
    parser.add_argument("--runs", type=int, default=None)
    parser.add_argument("--dir", type=Path, default=None, help="where to write the file (default: a temp dir)")
    parser.add_argument("--profile", action="store_true", help="print the top of a cProfile of one run")
    args = parser.parse_args(argv)
    runs = args.runs if args.runs is not None else (3 if args.quick else 9)

    with tempfile.TemporaryDirectory(dir=args.dir) as folder:
        path = Path(folder) / "workshop.motw"
        started = time.perf_counter()
        built = generate.build_workshop_file(path, processes=args.processes, steps=args.steps)
        counts = built.counts()
        print(f"built {path.name} in {time.perf_counter() - started:.2f} s: {path.stat().st_size / 1e6:.1f} MB, "
              f"{sum(counts.values()) + 1:,} entities ({counts.get('step', 0):,} steps, "
              f"{counts.get('flow', 0):,} flows, {counts.get('touchpoint', 0):,} touchpoints)")
        print()
        print(f"Open to a full snapshot: {args.processes} processes x {args.steps} steps, {runs} cold runs each")
        print(f"{'mode':<34}{'open ms':>9}{'snapshot ms':>13}{'median ms':>11}{'worst ms':>10}"
              f"{'budget':>8}  result")
        ok = True
        for label, read_only in (("Store.open + snapshot", False), ("Store.open(read_only) + snapshot", True)):
            results = []
            for _ in range(runs):
                gc.collect()
                results.append(open_once(path, read_only=read_only))
            entities = {n for _, _, n in results}
            if entities != {sum(counts.values()) + 1}:
                raise AssertionError(f"snapshot holds {entities} entities, expected {sum(counts.values()) + 1}")
            totals = [o + s for o, s, _ in results]
            median, worst = statistics.median(totals), max(totals)
            passed = worst <= BUDGET_MS
            ok &= passed
            print(f"{label:<34}{statistics.median(o for o, _, _ in results):>9.1f}"
                  f"{statistics.median(s for _, s, _ in results):>13.1f}{median:>11.1f}{worst:>10.1f}"
                  f"{BUDGET_MS:>8.0f}  {'PASS' if passed else 'FAIL'}")
        print("(open and snapshot columns are medians; the budget applies to the worst total)")
        if args.profile:
            profile = cProfile.Profile()
            gc.collect()
            profile.enable()
            open_once(path, read_only=False)
            profile.disable()
            print()
            pstats.Stats(profile, stream=sys.stdout).sort_stats("tottime").print_stats(25)
    print()
    print(f"budget open + snapshot <= {BUDGET_MS:.0f} ms: {'PASS' if ok else 'FAIL'}")
    return 1 if args.strict and not ok else 0


if __name__ == "__main__":
    sys.exit(main())
