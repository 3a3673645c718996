"""The figures of one process map: size, hand-offs, lead time, waiting, value-added shares,
rework loops and structural problems.

Lead time is the longest path from a start (durations + waits, in minutes); a rework loop is
counted once along it. Customer-contact steps are the moments of truth and the customer's
own steps.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field

from mot_workshop.analysis import graph as map_graph
from mot_workshop.analysis.structure import Problem, problems
from mot_workshop.domain.enums import LaneKind, Shape, ValueClass
from mot_workshop.domain.process import Flow, Lane, Step

# The numbers compared between As-Is, To-Be and Redesign (name -> lower is better?).
FIGURES = {
    "steps": True, "handoffs": True, "decisions": True, "contact_steps": False,
    "lead_time": True, "total_work": True, "total_wait": True, "va_share": False,
    "nva_share": True, "cycle_efficiency": False, "loops": True, "problems": True,
}


@dataclass
class MapMetrics:
    steps: int = 0
    flows: int = 0
    handoffs: int = 0
    decisions: int = 0
    contact_steps: int = 0
    lead_time: float = 0.0
    critical_path: list[int] = field(default_factory=list)
    total_work: float = 0.0
    total_wait: float = 0.0
    time_by_class: dict[str, float] = field(default_factory=dict)
    va_share: float | None = None
    bva_share: float | None = None
    nva_share: float | None = None
    cycle_efficiency: float | None = None
    loops: int = 0
    loop_steps: list[int] = field(default_factory=list)
    structure: list[Problem] = field(default_factory=list)

    def figure(self, name: str) -> float | None:
        return len(self.structure) if name == "problems" else getattr(self, name)

    def as_dict(self) -> dict:
        data = asdict(self)
        data["structure"] = [p.as_dict() for p in self.structure]
        return data


def analyse(steps: Sequence[Step], flows: Sequence[Flow], lanes: Sequence[Lane]) -> MapMetrics:
    with map_graph.build(steps, flows) as mg:
        lane_kind = {lane.id: lane.kind for lane in lanes}
        step_lane = {step.id: step.lane_id for step in steps}
        m = MapMetrics(steps=len(steps), flows=mg.graph.number_of_edges())
        m.handoffs = sum(1 for a, b in mg.graph.edges if step_lane[a] != step_lane[b])
        m.decisions = sum(1 for s in steps if s.shape == Shape.DECISION)
        m.contact_steps = sum(1 for s in steps if s.is_mot or lane_kind.get(s.lane_id) == LaneKind.CUSTOMER)
        m.total_work = sum(s.duration for s in steps)
        m.total_wait = sum(s.wait for s in steps)
        m.time_by_class = {str(c): sum(s.duration for s in steps if s.value_class == c) for c in ValueClass}
        m.time_by_class["unclassified"] = sum(s.duration for s in steps if s.value_class is None)
        if m.total_work > 0:
            m.va_share = m.time_by_class["VA"] / m.total_work
            m.bva_share = m.time_by_class["BVA"] / m.total_work
            m.nva_share = m.time_by_class["NVA"] / m.total_work
        m.loops, m.loop_steps = _loops(mg)
        m.lead_time, m.critical_path = _longest_path(mg)
        if m.lead_time > 0:
            m.cycle_efficiency = m.time_by_class["VA"] / m.lead_time
        m.structure = problems(mg)
        return m


def _loops(mg: map_graph.MapGraph) -> tuple[int, list[int]]:
    import networkx as nx

    components = [c for c in nx.strongly_connected_components(mg.graph)
                  if len(c) > 1 or any(mg.graph.has_edge(n, n) for n in c)]
    return len(components), sorted(n for c in components for n in c)


def _longest_path(mg: map_graph.MapGraph) -> tuple[float, list[int]]:
    """Longest start-to-anywhere path over the loop-free condensation of the map."""
    import networkx as nx

    if not mg.steps:
        return 0.0, []
    dag = nx.condensation(mg.graph)
    try:
        members = nx.get_node_attributes(dag, "members")
        weight = {c: sum(mg.weight(s) for s in members[c]) for c in dag}
        mapping = dag.graph["mapping"]
        allowed = set(dag)
        if mg.starts:
            allowed = {mapping[s] for s in mg.starts}
            for start in list(allowed):
                allowed |= nx.descendants(dag, start)
        best: dict[int, float] = {}
        came_from: dict[int, int | None] = {}
        order: dict[int, int] = {}
        for c in nx.topological_sort(dag):
            order[c] = len(order)
            if c not in allowed:
                continue
            preds = [p for p in dag.predecessors(c) if p in best]
            prev = max(preds, key=lambda p: best[p]) if preds else None
            best[c] = weight[c] + (best[prev] if prev is not None else 0.0)
            came_from[c] = prev
        if not best:
            return 0.0, []
        last = max(best, key=lambda c: (best[c], order[c]))   # on a tie, the path that goes furthest
        chain = []
        node: int | None = last
        while node is not None:
            chain.append(node)
            node = came_from[node]
        path = [s for c in reversed(chain) for s in sorted(members[c], key=lambda s: (mg.steps[s].x, s))]
        return best[last], path
    finally:
        map_graph.emptied(dag)
