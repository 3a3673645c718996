"""Structural problems of a map, each tied to the step it concerns, so an editor can point
at it: no start, no end, dead ends, unreachable steps, decisions with one exit."""

from __future__ import annotations

from dataclasses import dataclass

from mot_workshop.analysis.graph import TERMINAL_SHAPES, MapGraph
from mot_workshop.domain.enums import Shape
from mot_workshop.i18n import tr

NO_START = "no-start"
NO_END = "no-end"
DEAD_END = "dead-end"
UNREACHABLE = "unreachable"
ONE_EXIT_DECISION = "one-exit-decision"

def message(code: str) -> str:
    """The problem in words, in the current language."""
    return {
        NO_START: tr("The map has no start."),
        NO_END: tr("The map has no end."),
        DEAD_END: tr("Nothing follows this step, and it is not an end."),
        UNREACHABLE: tr("This step cannot be reached from the start."),
        ONE_EXIT_DECISION: tr("This decision has fewer than two exits."),
    }[code]


@dataclass(frozen=True)
class Problem:
    code: str
    step_id: int | None = None
    label: str = ""

    def as_dict(self) -> dict:
        return {"code": self.code, "step_id": self.step_id, "label": self.label}


def problems(mg: MapGraph) -> list[Problem]:
    if not mg.steps:
        return []
    found: list[Problem] = []
    starts, ends = mg.starts, mg.ends
    if not starts:
        found.append(Problem(NO_START))
    if not ends:
        found.append(Problem(NO_END))
    reachable = set(starts)
    for start in starts:
        reachable |= mg.descendants(start)
    for step_id, step in sorted(mg.steps.items(), key=lambda item: (item[1].x, item[0])):
        out = len(mg.succ[step_id])
        if out == 0 and step.shape not in TERMINAL_SHAPES:
            found.append(Problem(DEAD_END, step_id, step.label))
        if starts and step_id not in reachable:
            found.append(Problem(UNREACHABLE, step_id, step.label))
        if step.shape == Shape.DECISION and out < 2:
            found.append(Problem(ONE_EXIT_DECISION, step_id, step.label))
    return found
