"""As-Is vs To-Be (and Redesign): each figure with its change in percent."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from mot_workshop.analysis.map_metrics import FIGURES, MapMetrics


@dataclass(frozen=True)
class FigureChange:
    name: str
    values: tuple[float | None, ...]     # one per compared map, in order
    change_pct: float | None             # last vs first; None when the first is 0 or missing
    lower_is_better: bool

    @property
    def improved(self) -> bool | None:
        first, last = self.values[0], self.values[-1]
        if first is None or last is None or first == last:
            return None
        return (last < first) == self.lower_is_better

    def as_dict(self) -> dict:
        return {"name": self.name, "values": list(self.values), "change_pct": self.change_pct,
                "improved": self.improved}


def percent_change(old: float | None, new: float | None) -> float | None:
    if old is None or new is None or old == 0:
        return None
    return (new - old) / abs(old) * 100.0


def compare(metrics: Sequence[MapMetrics]) -> list[FigureChange]:
    """Compare maps in order (As-Is, To-Be[, Redesign]): the change is last against first."""
    out = []
    for name, lower_is_better in FIGURES.items():
        values = tuple(m.figure(name) for m in metrics)
        out.append(FigureChange(name, values, percent_change(values[0], values[-1]), lower_is_better))
    return out
