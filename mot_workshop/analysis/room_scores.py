"""The room's scores of a touchpoint beside the team's: mean, spread and count per measure."""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from mot_workshop.domain.room import RoomScore


@dataclass(frozen=True)
class Spread:
    n: int
    mean: float | None
    sd: float | None          # population standard deviation: how far the room disagrees
    low: int | None
    high: int | None

    def as_dict(self) -> dict:
        return {"n": self.n, "mean": None if self.mean is None else round(self.mean, 2),
                "sd": None if self.sd is None else round(self.sd, 2), "low": self.low, "high": self.high}


def spread(values: Iterable[int]) -> Spread:
    values = list(values)
    if not values:
        return Spread(0, None, None, None, None)
    return Spread(len(values), statistics.fmean(values), statistics.pstdev(values), min(values), max(values))


def room_scores(scores: Iterable[RoomScore]) -> dict[int, dict[str, Spread]]:
    """touchpoint id -> {"level": Spread, "importance": Spread}."""
    levels: dict[int, list[int]] = defaultdict(list)
    importance: dict[int, list[int]] = defaultdict(list)
    ids = set()
    for score in scores:
        ids.add(score.touchpoint_id)
        if score.level is not None:
            levels[score.touchpoint_id].append(score.level)
        if score.importance is not None:
            importance[score.touchpoint_id].append(score.importance)
    return {tp: {"level": spread(levels[tp]), "importance": spread(importance[tp])} for tp in ids}
