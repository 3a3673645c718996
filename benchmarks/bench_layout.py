"""Budget: laying out and re-routing a 1,000-step, 1,200-flow map.

A map as a team would draw it at that size: steps left to right along the time axis, one to
three per column in different lanes, a main path, forward branches and a few loops back.
Prints the time of the full layout (lanes, phases, info rows and routes) and of re-routing
every connector alone, with the budget (re-routing all connectors ≤ 200 ms) and the number
of routes that still cross a shape.

    python benchmarks/bench_layout.py [--quick] [--strict]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time

from mot_workshop.domain.process import Flow, Lane, Phase, Step
from mot_workshop.layout.routing import crossings, route_flows
from mot_workshop.layout.swimlane import layout_map

KINDS = ("customer", "contact", "department", "department", "system", "department", "other", "department")
ROUTE_BUDGET_MS = 200.0


def big_map(steps: int = 1000, flows: int = 1200, lanes: int = 8, seed: int = 7):
    rng = random.Random(seed)
    lane_list = [Lane(id=i + 1, map_id=1, seq=i, kind=KINDS[i % len(KINDS)], name=f"Lane {i + 1}")
                 for i in range(lanes)]
    step_list: list[Step] = []
    column = 0
    while len(step_list) < steps:
        for lane in rng.sample(lane_list, rng.randint(1, 3)):
            if len(step_list) < steps:
                shape = rng.choices(("activity", "decision", "computer", "start-end"), (70, 15, 12, 3))[0]
                step_list.append(Step(id=len(step_list) + 1, map_id=1, lane_id=lane.id, shape=shape,
                                      label=f"step {len(step_list) + 1}", x=100.0 + 200.0 * column,
                                      y=65.0, output="output" if rng.random() < 0.3 else ""))
        column += 1
    phases = [Phase(id=i + 1, map_id=1, seq=i, name=f"P{i + 1}", width=2000.0) for i in range(column // 10 + 1)]
    pairs = set()
    flow_list = []
    for a, b in zip(step_list, step_list[1:]):
        pairs.add((a.id, b.id))
    while len(pairs) < flows:
        i = rng.randrange(steps)
        j = min(steps - 1, i + rng.randint(2, 8)) if rng.random() < 0.8 else max(0, i - rng.randint(1, 6))
        if i != j:
            pairs.add((step_list[i].id, step_list[j].id))
    flow_list = [Flow(id=n + 1, map_id=1, source_id=a, target_id=b) for n, (a, b) in enumerate(sorted(pairs))]
    return lane_list, phases, step_list, flow_list


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a small map and few runs (a smoke test)")
    parser.add_argument("--strict", action="store_true", help="exit 1 when over budget")
    args = parser.parse_args(argv)
    steps, flows, runs = (100, 120, 2) if args.quick else (1000, 1200, 7)
    lanes, phases, step_list, flow_list = big_map(steps, flows)
    full, routing = [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        lay = layout_map(lanes, phases, step_list, flow_list)
        full.append((time.perf_counter() - t0) * 1000)
        rects = {s: b.rect for s, b in lay.steps.items()}
        t0 = time.perf_counter()
        routes = route_flows(rects, [(f.id, f.source_id, f.target_id) for f in flow_list],
                             [lane.rect for lane in lay.lanes])
        routing.append((time.perf_counter() - t0) * 1000)
    crossing = sum(1 for f in flow_list if crossings(routes[f.id], rects, (f.source_id, f.target_id)))
    verdict = "PASS" if statistics.median(routing) <= ROUTE_BUDGET_MS else "FAIL"
    print(f"map: {len(step_list)} steps, {len(flow_list)} flows, {len(lanes)} lanes")
    print(f"{'measure':<34}{'median ms':>10}{'worst ms':>10}{'budget':>10}  verdict")
    print(f"{'full layout (incl. routes)':<34}{statistics.median(full):>10.1f}{max(full):>10.1f}{'':>10}")
    print(f"{'re-route all connectors':<34}{statistics.median(routing):>10.1f}{max(routing):>10.1f}"
          f"{ROUTE_BUDGET_MS:>10.0f}  {verdict}")
    print(f"routes crossing a shape: {crossing} of {len(flow_list)}")
    return 1 if args.strict and verdict == "FAIL" else 0


if __name__ == "__main__":
    sys.exit(main())
