"""Budgets of the team server (PostgreSQL on the same machine):

1. command round trip — one edit pushed by a client, committed on the server: p95 ≤ 15 ms;
2. an edit visible on another client — from the push on client A to client B having heard
   it (LISTEN/NOTIFY) and re-read the changed row: p95 ≤ 200 ms;
3. opening a shared 20 × 200-step workshop (benchmarks/generate.py) to a full snapshot:
   worst of the runs ≤ 1 s.

    python benchmarks/bench_server.py                  # a throwaway cluster, full sizes
    python benchmarks/bench_server.py --quick          # fewer rounds and runs
    python benchmarks/bench_server.py --url postgresql://user@host/db   # an existing server

Without --url it starts a throwaway PostgreSQL cluster the way the tests do (server
binaries from /usr/lib/postgresql/*/bin). Exit status 0, or 1 with --strict when over budget.
"""

from __future__ import annotations

import argparse
import queue
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT))

import generate  # noqa: E402
from server_target import NoServer, server_url  # noqa: E402

from mot_workshop.editing.entities import UpdateEntity  # noqa: E402
from mot_workshop.editing.history import History  # noqa: E402
from mot_workshop.editing.sharing import load_into_server  # noqa: E402
from mot_workshop.persistence.server.listener import Listener  # noqa: E402
from mot_workshop.persistence.server.server import Server  # noqa: E402

ROUND_TRIP_MS = 15.0
VISIBLE_MS = 200.0
OPEN_MS = 1000.0


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def measure(url: str, *, processes: int, steps: int, rounds: int, runs: int) -> list[tuple[str, float, float, str]]:
    from mot_workshop.domain.workshop import Workshop

    built = generate.workshop_entities(processes=processes, steps=steps)
    entities = [Workshop(id=1, title="Benchmark workshop", language="ko"), *built.entities]
    with Server(url) as server:
        for entry in server.workshops():
            if entry.title == "Benchmark workshop":
                server.drop(entry.title)
        started = time.perf_counter()
        load_into_server(server, entities, title="Benchmark workshop").close()
        print(f"uploaded {len(entities):,} entities ({processes} processes x {steps} steps) "
              f"in {time.perf_counter() - started:.2f} s")

        a, b = server.open("Benchmark workshop"), server.open("Benchmark workshop")
        heard: queue.Queue = queue.Queue()
        listener = Listener(b.address, b.workshop_id, b.client_id,
                            lambda kind, data: heard.put((time.perf_counter(), kind, data))).start()
        try:
            history = History(a)
            step_ids = [s.id for s in a.select("step")][:50]
            round_trip, visible = [], []
            for n in range(rounds):
                step = step_ids[n % len(step_ids)]
                command = UpdateEntity("step", step, {"label": f"edit {n}"})
                started = time.perf_counter()
                history.push(command)
                round_trip.append((time.perf_counter() - started) * 1000)
                while True:
                    _, kind, data = heard.get(timeout=10)
                    if kind == "changed" and ("step", step) in data["updated"]:
                        break
                if b.get("step", step).label != f"edit {n}":
                    raise AssertionError("client B did not see the edit it was told about")
                visible.append((time.perf_counter() - started) * 1000)
        finally:
            listener.stop()
            a.close()
            b.close()

        opening = []
        for _ in range(runs):
            started = time.perf_counter()
            store = server.open("Benchmark workshop")
            snapshot = store.snapshot()
            opening.append((time.perf_counter() - started) * 1000)
            store.close()
            if sum(snapshot.counts().values()) != len(entities):
                raise AssertionError("the opened workshop is missing entities")
        server.drop("Benchmark workshop")
    return [
        ("command round trip (p95)", p95(round_trip), ROUND_TRIP_MS, f"median {statistics.median(round_trip):.1f}"),
        ("edit visible on another client (p95)", p95(visible), VISIBLE_MS, f"median {statistics.median(visible):.1f}"),
        (f"open {processes} x {steps} shared workshop (worst)", max(opening), OPEN_MS,
         f"median {statistics.median(opening):.1f}"),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Team server latency budgets.")
    parser.add_argument("--url", help="an existing server (default: start a throwaway cluster)")
    parser.add_argument("--quick", action="store_true", help="50 rounds and 3 opening runs")
    parser.add_argument("--strict", action="store_true", help="exit 1 when over budget")
    parser.add_argument("--processes", type=int, default=20)
    parser.add_argument("--steps", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=None, help="edits timed (default 300)")
    parser.add_argument("--runs", type=int, default=None, help="openings timed (default 5)")
    args = parser.parse_args(argv)
    rounds = args.rounds or (50 if args.quick else 300)
    runs = args.runs or (3 if args.quick else 5)
    try:
        with server_url(args.url) as url:
            lines = measure(url, processes=args.processes, steps=args.steps, rounds=rounds, runs=runs)
    except NoServer as missing:
        print(missing, file=sys.stderr)
        return 1
    print(f"{'measure':<44}{'ms':>9}{'budget':>9}  result  ({rounds} edits, {runs} openings)")
    ok = True
    for label, value, budget, note in lines:
        passed = value <= budget
        ok &= passed
        print(f"{label:<44}{value:>9.1f}{budget:>9.0f}  {'PASS' if passed else 'FAIL'}    {note}")
    return 0 if ok or not args.strict else 1


if __name__ == "__main__":
    sys.exit(main())
