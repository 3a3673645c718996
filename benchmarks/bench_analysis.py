"""Budget: ``analysis.map_metrics.analyse`` on a 1,000-step, 1,200-flow map ≤ 50 ms.

The map is ``bench_layout.big_map`` (steps left to right in one to three lanes per column,
a main path, forward branches and loops back), with work and waiting times and value
classes so every figure (lead time, critical path, shares, loops, structure) is computed.

    python benchmarks/bench_analysis.py [--quick] [--strict]
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import statistics
import sys
import time
from pathlib import Path

BUDGET_MS = 50.0


def timed_map(steps: int, flows: int):
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_layout import big_map

    lanes, _, step_list, flow_list = big_map(steps, flows)
    rng = random.Random(11)
    step_list = [dataclasses.replace(s, duration=float(rng.randint(1, 30)), wait=float(rng.choice((0, 0, 5, 15, 60))),
                                     value_class=rng.choice(("VA", "BVA", "NVA", None)), is_mot=rng.random() < 0.1)
                 for s in step_list]
    return lanes, step_list, flow_list


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a small map and few runs (a smoke test)")
    parser.add_argument("--strict", action="store_true", help="exit 1 when over budget")
    args = parser.parse_args(argv)
    from mot_workshop.analysis.map_metrics import analyse

    steps, flows, runs = (100, 120, 3) if args.quick else (1000, 1200, 21)
    lanes, step_list, flow_list = timed_map(steps, flows)
    analyse(step_list, flow_list, lanes)            # warm-up: imports networkx
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        metrics = analyse(step_list, flow_list, lanes)
        times.append((time.perf_counter() - t0) * 1000)
    verdict = "PASS" if statistics.median(times) <= BUDGET_MS else "FAIL"
    print(f"map: {len(step_list)} steps, {len(flow_list)} flows, {len(lanes)} lanes; lead time "
          f"{metrics.lead_time:,.0f} min, {metrics.loops} loops, {len(metrics.structure)} structure problems")
    print(f"{'measure':<34}{'median ms':>10}{'worst ms':>10}{'budget':>10}  verdict")
    print(f"{'analyse (map_metrics)':<34}{statistics.median(times):>10.1f}{max(times):>10.1f}{BUDGET_MS:>10.0f}  {verdict}")
    return 1 if args.strict and verdict == "FAIL" else 0


if __name__ == "__main__":
    sys.exit(main())
