"""Budget 1: command latency on a big map — execute + commit, and undo, through History.

A file holding one map of 1,000 steps and 1,200 flows (benchmarks/generate.py) gets a
realistic editing mix, round after round: rename a step, move five steps at once, add a
step, add a flow, delete a step with its flows, move a lane — each one ``History.push``
(execute in one transaction, committed to disk, listeners told) — and then the six undos,
newest first. Each push and each undo is timed on its own; the table shows p50 / p95 / max
per command and overall against the budget (p95 ≤ 10 ms).

    python benchmarks/bench_commands.py            # 150 rounds, synchronous=FULL (the app's setting)
    python benchmarks/bench_commands.py --quick    # 30 rounds
    python benchmarks/bench_commands.py --sync both   # FULL, then NORMAL for comparison
    python benchmarks/bench_commands.py --profile  # cProfile of the timed calls, top 25

Exit status 0, or 1 with --strict when a line is over budget.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate  # noqa: E402

from mot_workshop.editing.command import Command  # noqa: E402
from mot_workshop.editing.entities import CreateEntity, DeleteEntity, UpdateEntities, UpdateEntity  # noqa: E402
from mot_workshop.editing.history import History  # noqa: E402
from mot_workshop.editing.ordering import Reorder  # noqa: E402
from mot_workshop.persistence.store import Store  # noqa: E402

BUDGET_P95_MS = 10.0
COMMANDS = ("update step label", "move 5 steps", "create step", "create flow",
            "delete step + flows", "reorder lane")


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile (p in 0–100) of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * p // 100))
    return ordered[int(rank) - 1]


class Mix:
    """Builds each round's six commands against what is in the file now."""

    def __init__(self, store: Store, map_id: int, seed: int):
        self.rng = random.Random(seed)
        self.map_id = map_id
        self.lanes = [lane.id for lane in store.select("lane", map_id=map_id)]
        self.phases = [phase.id for phase in store.select("phase", map_id=map_id)]
        self.steps = [step.id for step in store.select("step", map_id=map_id)]
        self.counter = 0

    def commands(self) -> list[tuple[str, Callable[[], Command]]]:
        rng, steps = self.rng, self.steps
        self.counter += 1
        n = self.counter
        moved = rng.sample(steps, min(5, len(steps)))
        source, target = rng.sample(steps, 2)
        doomed = rng.choice(steps)
        lane = rng.choice(self.lanes)
        return [
            ("update step label", lambda: UpdateEntity("step", rng.choice(steps), {"label": f"고객 요청을 확인한다 {n}"})),
            ("move 5 steps", lambda: UpdateEntities("step", {
                sid: {"x": rng.uniform(0, 2800), "y": rng.uniform(10, 70)} for sid in moved})),
            ("create step", lambda: CreateEntity("step", {
                "map_id": self.map_id, "lane_id": rng.choice(self.lanes), "phase_id": rng.choice(self.phases),
                "label": f"새 단계 {n}", "x": rng.uniform(0, 2800), "y": 40.0})),
            ("create flow", lambda: CreateEntity("flow", {"map_id": self.map_id, "source_id": source,
                                                          "target_id": target})),
            ("delete step + flows", lambda: DeleteEntity("step", doomed)),
            ("reorder lane", lambda: Reorder("lane", lane, rng.randrange(len(self.lanes)))),
        ]


def run(path: Path, *, rounds: int, warmup: int, seed: int, sync: str,
        profile: cProfile.Profile | None = None) -> dict[str, list[float]]:
    """Times (ms) per line: each command's push, and each command's undo."""
    timings: dict[str, list[float]] = {name: [] for name in COMMANDS}
    timings.update({f"undo {name}": [] for name in COMMANDS})
    store = Store.open(path)
    try:
        # The store keeps synchronous=FULL; the comparison run lowers it on this connection only.
        store._raw.execute(f"PRAGMA synchronous = {sync}")
        history = History(store)
        history.subscribe(lambda changes: None)          # a listener, as the UI has
        map_id = store.select("process_map")[0].id
        mix = Mix(store, map_id, seed)
        clock = time.perf_counter
        for round_no in range(warmup + rounds):
            record = round_no >= warmup
            done = []
            for name, make in mix.commands():
                command = make()
                if profile is not None and record:
                    profile.enable()
                started = clock()
                history.push(command)
                elapsed = clock() - started
                if profile is not None and record:
                    profile.disable()
                if record:
                    timings[name].append(elapsed * 1000)
                done.append(name)
            for name in reversed(done):
                if profile is not None and record:
                    profile.enable()
                started = clock()
                history.undo()
                elapsed = clock() - started
                if profile is not None and record:
                    profile.disable()
                if record:
                    timings[f"undo {name}"].append(elapsed * 1000)
        if store.count("step", map_id=map_id) != len(mix.steps):
            raise AssertionError("the undos did not bring the map back to its starting size")
    finally:
        store.close()
    return timings


def table(timings: dict[str, list[float]], budget: float) -> tuple[list[str], bool]:
    lines = [f"{'command':<28}{'n':>6}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}{'budget p95':>12}  result"]
    ok = True
    overall = [t for values in timings.values() for t in values]
    for name, values in [*timings.items(), ("overall", overall)]:
        if not values:
            continue
        p95 = percentile(values, 95)
        passed = p95 <= budget
        ok &= passed
        lines.append(f"{name:<28}{len(values):>6}{percentile(values, 50):>9.2f}{p95:>9.2f}"
                     f"{max(values):>9.2f}{budget:>11.1f}   {'PASS' if passed else 'FAIL'}")
    return lines, ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Command execute+commit and undo latency on a big map.")
    parser.add_argument("--quick", action="store_true", help="30 rounds instead of 150")
    parser.add_argument("--strict", action="store_true", help="exit 1 when over budget")
    parser.add_argument("--steps", type=int, default=1000)
    parser.add_argument("--flows", type=int, default=None, help="default: 1.2 × steps")
    parser.add_argument("--rounds", type=int, default=None, help="rounds of the six-command mix")
    parser.add_argument("--warmup", type=int, default=2, help="untimed rounds first")
    parser.add_argument("--sync", choices=("FULL", "NORMAL", "both"), default="FULL",
                        help="PRAGMA synchronous for the run (the app uses FULL)")
    parser.add_argument("--dir", type=Path, default=None, help="where to write the file (default: a temp dir)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--profile", action="store_true", help="print the top of a cProfile of the timed calls")
    args = parser.parse_args(argv)
    rounds = args.rounds if args.rounds is not None else (30 if args.quick else 150)
    flows = args.flows if args.flows is not None else round(args.steps * 1.2)
    syncs = ("FULL", "NORMAL") if args.sync == "both" else (args.sync,)

    with tempfile.TemporaryDirectory(dir=args.dir) as folder:
        path = Path(folder) / "map.motw"
        started = time.perf_counter()
        generate.build_map_file(path, steps=args.steps, flows=flows)
        print(f"built {path.name}: {args.steps:,} steps, {flows:,} flows "
              f"in {time.perf_counter() - started:.2f} s")
        ok = True
        for sync in syncs:
            profile = cProfile.Profile() if args.profile else None
            timings = run(path, rounds=rounds, warmup=args.warmup, seed=args.seed, sync=sync, profile=profile)
            print()
            print(f"Command latency: History.push (execute + commit) and undo, {args.steps:,}-step map "
                  f"with {flows:,} flows, synchronous={sync}, {rounds} rounds after {args.warmup} warm-up")
            lines, passed = table(timings, BUDGET_P95_MS)
            print("\n".join(lines))
            ok &= passed
            if profile is not None:
                print()
                pstats.Stats(profile, stream=sys.stdout).sort_stats("cumulative").print_stats(25)
    print()
    print(f"budget p95 <= {BUDGET_P95_MS:.0f} ms: {'PASS' if ok else 'FAIL'}")
    return 1 if args.strict and not ok else 0


if __name__ == "__main__":
    sys.exit(main())
