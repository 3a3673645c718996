"""The check a map editor runs after each edit: the map's structure problems and its lead
time — the same answers as ``map_metrics.analyse`` gives, without networkx (importing it
costs 22 MB, more than all the items of a 1,000-step map)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from mot_workshop.analysis import graph as map_graph
from mot_workshop.analysis.structure import Problem, problems
from mot_workshop.domain.process import Flow, Lane, Step


@dataclass(frozen=True)
class MapCheck:
    steps: int
    structure: list[Problem] = field(default_factory=list)
    lead_time: float = 0.0


def check(steps: Sequence[Step], flows: Sequence[Flow], lanes: Sequence[Lane] = ()) -> MapCheck:
    with map_graph.build(steps, flows) as mg:
        return MapCheck(len(steps), problems(mg), lead_time(mg))


def lead_time(mg: map_graph.MapGraph) -> float:
    """The work and wait of the longest path from a start (from anywhere when there is none),
    a loop's steps counted once — the value ``analyse`` finds over the map's condensation."""
    parts = _loops_as_parts(mg.succ)          # reverse topological order
    part_of = {s: n for n, part in enumerate(parts) for s in part}
    weight = [sum(mg.weight(s) for s in part) for part in parts]
    starts = mg.starts
    allowed = set(range(len(parts)))
    if starts:
        allowed = {part_of[s] for s in starts}
        todo = list(allowed)
        while todo:
            for s in parts[todo.pop()]:
                for nxt in mg.succ[s]:
                    if part_of[nxt] not in allowed:
                        allowed.add(part_of[nxt])
                        todo.append(part_of[nxt])
    best: dict[int, float] = {}
    for n in range(len(parts) - 1, -1, -1):   # a part after every part that leads into it
        if n not in allowed:
            continue
        before = [best[p] for s in parts[n] for p in map(part_of.__getitem__, mg.pred[s]) if p != n and p in best]
        best[n] = weight[n] + (max(before) if before else 0.0)
    return max(best.values(), default=0.0)


def _loops_as_parts(succ: dict[int, dict[int, None]]) -> list[list[int]]:
    """The strongly connected parts (Tarjan's algorithm, without recursion), each found after
    every part it leads to."""
    index: dict[int, int] = {}
    low: dict[int, int] = {}
    stack: list[int] = []
    on_stack: set[int] = set()
    parts: list[list[int]] = []
    for root in succ:
        if root in index:
            continue
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        work = [(root, iter(succ[root]))]
        while work:
            node, following = work[-1]
            for nxt in following:
                if nxt not in index:
                    index[nxt] = low[nxt] = len(index)
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(succ[nxt])))
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    part = []
                    while True:
                        s = stack.pop()
                        on_stack.discard(s)
                        part.append(s)
                        if s == node:
                            break
                    parts.append(part)
    return parts
