"""MOT cycle scores under the multiplication rule (100 − 1 = 0): the mean alone hides the
moment that zeroes the whole experience, so the weakest critical touchpoint comes first."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from mot_workshop.domain.cycle import Touchpoint
from mot_workshop.domain.enums import Element

TOP_LEVEL = 5


def priority(tp: Touchpoint) -> float | None:
    """Importance × gap to the top level: where improvement pays most."""
    if tp.level is None or tp.importance is None:
        return None
    return float(tp.importance * (TOP_LEVEL - tp.level))


def weakest(touchpoints: Sequence[Touchpoint], *, critical_only: bool) -> Touchpoint | None:
    """Lowest experienced level; ties go to the more important, then the earlier one."""
    rated = [t for t in touchpoints if t.level is not None and (t.critical or not critical_only)]
    if not rated:
        return None
    return min(rated, key=lambda t: (t.level, -(t.importance or 0), t.seq, t.id))


@dataclass
class ElementScore:
    count: int = 0
    mean_level: float | None = None
    mean_priority: float | None = None


@dataclass
class CycleScores:
    touchpoints: int = 0
    rated: int = 0
    mean_level: float | None = None
    weakest_critical_id: int | None = None
    weakest_id: int | None = None
    weakest_level: int | None = None
    priorities: list[tuple[int, float]] = field(default_factory=list)   # (touchpoint id, priority), highest first
    by_element: dict[str, ElementScore] = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {
            "touchpoints": self.touchpoints, "rated": self.rated, "mean_level": self.mean_level,
            "weakest_critical_id": self.weakest_critical_id, "weakest_id": self.weakest_id,
            "weakest_level": self.weakest_level,
            "priorities": [{"touchpoint_id": t, "priority": p} for t, p in self.priorities],
            "by_element": {k: vars(v) for k, v in self.by_element.items()},
        }


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def score(touchpoints: Sequence[Touchpoint]) -> CycleScores:
    levels = [t.level for t in touchpoints if t.level is not None]
    s = CycleScores(touchpoints=len(touchpoints), rated=len(levels), mean_level=_mean(levels))
    critical = weakest(touchpoints, critical_only=True)
    overall = weakest(touchpoints, critical_only=False)
    s.weakest_critical_id = critical.id if critical else None
    s.weakest_id = overall.id if overall else None
    s.weakest_level = (critical or overall).level if (critical or overall) else None
    ranked = [(t, priority(t)) for t in touchpoints]
    s.priorities = sorted(((t.id, p) for t, p in ranked if p is not None),
                          key=lambda item: (-item[1], item[0]))
    for element in Element:
        members = [t for t in touchpoints if t.element == element]
        s.by_element[str(element)] = ElementScore(
            count=len(members),
            mean_level=_mean([t.level for t in members if t.level is not None]),
            mean_priority=_mean([p for t in members if (p := priority(t)) is not None]),
        )
    return s
