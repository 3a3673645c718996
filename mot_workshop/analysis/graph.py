"""A process map as a directed graph of steps (networkx), with its starts and ends."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mot_workshop.domain.enums import Shape
from mot_workshop.domain.process import Flow, Step

if TYPE_CHECKING:
    import networkx as nx

# Shapes that may legitimately end a path: the end event, and a hand-over to another process.
TERMINAL_SHAPES = (Shape.START_END, Shape.OTHER_PROCESS)


@dataclass
class MapGraph:
    graph: nx.DiGraph
    steps: dict[int, Step]

    @property
    def starts(self) -> list[int]:
        """Start events: start/end shapes that nothing flows into."""
        return [s for s, step in self.steps.items()
                if step.shape == Shape.START_END and self.graph.in_degree(s) == 0]

    @property
    def ends(self) -> list[int]:
        starts = set(self.starts)
        return [s for s, step in self.steps.items()
                if step.shape in TERMINAL_SHAPES and self.graph.out_degree(s) == 0 and s not in starts]

    def weight(self, step_id: int) -> float:
        step = self.steps[step_id]
        return step.duration + step.wait

    def __enter__(self) -> MapGraph:
        return self

    def __exit__(self, *exc) -> None:
        emptied(self.graph)


def emptied(graph: nx.DiGraph) -> None:
    """Empty a graph that is done with. networkx keeps views of a graph on the graph itself
    (``in_degree``, ``edges``: a reference cycle), so a used graph outlives its last name
    until a full collection — rare while a big map's objects are frozen — and a
    10,000-step map's graph holds ~15 MB."""
    graph.clear()


def build(steps: Sequence[Step], flows: Sequence[Flow]) -> MapGraph:
    import networkx as nx

    graph = nx.DiGraph()
    graph.add_nodes_from(step.id for step in steps)
    known = set(graph)
    graph.add_edges_from((f.source_id, f.target_id) for f in flows
                         if f.source_id in known and f.target_id in known)
    return MapGraph(graph, {step.id: step for step in steps})
