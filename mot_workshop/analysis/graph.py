"""A process map as a directed graph of steps, with its starts and ends."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from mot_workshop.domain.enums import Shape
from mot_workshop.domain.process import Flow, Step

if TYPE_CHECKING:
    import networkx as nx

# Shapes that may legitimately end a path: the end event, and a hand-over to another process.
TERMINAL_SHAPES = (Shape.START_END, Shape.OTHER_PROCESS)


class MapGraph:
    """The steps and their flows as plain successor and predecessor lists (no repeats, in flow
    order). The networkx graph the metrics' algorithms need is made when first asked: importing
    networkx costs 22 MB, and the structure check and the navigator's checks need none of it."""

    def __init__(self, steps: dict[int, Step], edges: list[tuple[int, int]]):
        self.steps = steps
        self.edges = edges                  # (source, target) of each flow between known steps
        self.succ: dict[int, dict[int, None]] = {s: {} for s in steps}
        self.pred: dict[int, dict[int, None]] = {s: {} for s in steps}
        for a, b in edges:
            self.succ[a][b] = self.pred[b][a] = None
        self._graph: nx.DiGraph | None = None

    @property
    def graph(self) -> nx.DiGraph:
        if self._graph is None:
            import networkx as nx

            self._graph = nx.DiGraph()
            self._graph.add_nodes_from(self.steps)
            self._graph.add_edges_from(self.edges)
        return self._graph

    @property
    def starts(self) -> list[int]:
        """Start events: start/end shapes that nothing flows into."""
        return [s for s, step in self.steps.items()
                if step.shape == Shape.START_END and not self.pred[s]]

    @property
    def ends(self) -> list[int]:
        starts = set(self.starts)
        return [s for s, step in self.steps.items()
                if step.shape in TERMINAL_SHAPES and not self.succ[s] and s not in starts]

    def descendants(self, start: int) -> set[int]:
        """The steps a path from ``start`` reaches (not ``start`` itself unless a loop does)."""
        seen: set[int] = set()
        todo = [start]
        while todo:
            for nxt in self.succ[todo.pop()]:
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return seen

    def weight(self, step_id: int) -> float:
        step = self.steps[step_id]
        return step.duration + step.wait

    def __enter__(self) -> MapGraph:
        return self

    def __exit__(self, *exc) -> None:
        if self._graph is not None:
            emptied(self._graph)


def emptied(graph: nx.DiGraph) -> None:
    """Empty a graph that is done with. networkx keeps views of a graph on the graph itself
    (``in_degree``, ``edges``: a reference cycle), so a used graph outlives its last name
    until a full collection — rare while a big map's objects are frozen — and a
    10,000-step map's graph holds ~15 MB."""
    graph.clear()


def build(steps: Sequence[Step], flows: Sequence[Flow]) -> MapGraph:
    by_id = {step.id: step for step in steps}
    return MapGraph(by_id, [(f.source_id, f.target_id) for f in flows
                            if f.source_id in by_id and f.target_id in by_id])
