"""Auto-layout of a swimlane map: steps left to right in flow order inside their lanes.

Lanes stay as they are (rows are the organisation, not the layout's to choose) and so do
phases (the time axis): each step keeps its phase, and each phase grows or shrinks to the
columns its steps need. Inside that frame a step sits one column after the latest step that
flows into it, in a column its lane has free; ties keep the drawn order. Rework flows (back
edges) do not push steps right, so loops stay compact. networkx gives the flow order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from mot_workshop.domain.process import Flow, Phase, Step
from mot_workshop.layout.swimlane import LANE_MIN_HEIGHT

COLUMN_WIDTH = 200.0
MIN_PHASE_WIDTH = 200.0


@dataclass(frozen=True)
class Arrangement:
    step_positions: dict[int, tuple[float, float]]   # step id -> (x, y)
    step_phases: dict[int, int | None]                # step id -> phase id
    phase_widths: dict[int, float]                    # phase id -> width


def _phase_index(step: Step, phases: Sequence[Phase]) -> int:
    """The step's phase, or the column its x falls in; after the last phase: len(phases)."""
    for index, phase in enumerate(phases):
        if phase.id == step.phase_id:
            return index
    left = 0.0
    for index, phase in enumerate(phases):
        if step.x < left + phase.width:
            return index
        left += phase.width
    return len(phases)


def _forward_edges(steps: Sequence[Step], flows: Sequence[Flow]) -> list[tuple[int, int]]:
    """Flows minus the back edges of a depth-first walk from the starts (rework loops):
    an edge into a step still on the walk's stack closes a loop."""
    import networkx as nx

    graph = nx.DiGraph()
    order = sorted(steps, key=lambda s: (s.x, s.id))
    graph.add_nodes_from(s.id for s in order)
    graph.add_edges_from((f.source_id, f.target_id) for f in flows
                         if f.source_id in graph and f.target_id in graph and f.source_id != f.target_id)
    back: set[tuple[int, int]] = set()
    roots = [n for n in graph if graph.in_degree(n) == 0] + list(graph)
    visited: set[int] = set()
    for root in roots:
        if root in visited:
            continue
        stack = [(root, iter(graph.successors(root)))]
        on_stack = {root}
        visited.add(root)
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                on_stack.discard(node)
                continue
            if child in on_stack:
                back.add((node, child))
            elif child not in visited:
                visited.add(child)
                on_stack.add(child)
                stack.append((child, iter(graph.successors(child))))
    return [e for e in graph.edges if e not in back]


def arrange(steps: Sequence[Step], flows: Sequence[Flow], phases: Sequence[Phase]) -> Arrangement:
    import networkx as nx

    phase_of = {s.id: _phase_index(s, phases) for s in steps}
    edges = [(u, v) for u, v in _forward_edges(steps, flows) if phase_of[u] <= phase_of[v]]
    dag = nx.DiGraph()
    drawn = {s.id: (s.x, s.id) for s in steps}
    dag.add_nodes_from(s.id for s in steps)
    dag.add_edges_from(edges)
    lane_of = {s.id: s.lane_id for s in steps}
    column: dict[int, int] = {}
    taken: set[tuple[int, int]] = set()               # (lane id, column)
    first_column = 0
    phase_columns: list[tuple[int, int]] = []         # per phase index: (first, last)
    for p in range(len(phases) + 1):
        members = {s for s in dag if phase_of[s] == p}
        sub = dag.subgraph(members)
        last = first_column - 1
        for step_id in nx.lexicographical_topological_sort(sub, key=lambda s: drawn[s]):
            col = max([first_column] + [column[u] + 1 for u in dag.predecessors(step_id) if u in column])
            while (lane_of[step_id], col) in taken:
                col += 1
            column[step_id] = col
            taken.add((lane_of[step_id], col))
            last = max(last, col)
        if p < len(phases):
            last = max(last, first_column + int(MIN_PHASE_WIDTH // COLUMN_WIDTH) - 1)
        phase_columns.append((first_column, last))
        first_column = last + 1
    widths = {phase.id: (phase_columns[i][1] - phase_columns[i][0] + 1) * COLUMN_WIDTH
              for i, phase in enumerate(phases)}
    y = LANE_MIN_HEIGHT / 2
    positions = {s: ((column[s] + 0.5) * COLUMN_WIDTH, y) for s in column}
    step_phases = {s.id: (phases[phase_of[s.id]].id if phase_of[s.id] < len(phases) else None) for s in steps}
    return Arrangement(positions, step_phases, widths)
