"""A cycle's score under the multiplication rule (곱셈의 법칙, "100 − 1 = 0").

The mean of the experienced levels hides the one bad moment that spoils the whole visit, so
the summary always names the weakest link too: the lowest-rated *critical* touchpoint, or,
when none is flagged critical, the lowest-rated touchpoint of all. Ties go to the more
important touchpoint, then to the earlier one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from mot_workshop.domain.cycle import Touchpoint


@dataclass(frozen=True)
class CycleScore:
    total: int                       # touchpoints in the cycle
    rated: int                       # with an experienced level
    mean: float | None               # plain mean of the levels
    weighted_mean: float | None      # mean weighted by importance (unknown importance counts 3)
    weakest: Touchpoint | None       # the weakest link
    weakest_index: int | None        # its position in the cycle (0-based)
    weakest_is_critical: bool        # chosen among the critical moments
    critical: int                    # touchpoints flagged critical

    @property
    def broken(self) -> bool:
        """100 − 1 = 0: the weakest link is a dissatisfying moment (level 1 or 2)."""
        return self.weakest is not None and self.weakest.level is not None and self.weakest.level <= 2


def score_cycle(touchpoints: Sequence[Touchpoint]) -> CycleScore:
    """``touchpoints`` in cycle order."""
    rated = [(i, tp) for i, tp in enumerate(touchpoints) if tp.level is not None]
    critical = [(i, tp) for i, tp in rated if tp.critical]
    pool = critical or rated
    weakest = min(pool, key=lambda p: (p[1].level, -(p[1].importance or 3), p[0]), default=None)
    mean = sum(tp.level for _, tp in rated) / len(rated) if rated else None
    weights = [(tp.importance or 3, tp.level) for _, tp in rated]
    weighted = sum(w * lv for w, lv in weights) / sum(w for w, _ in weights) if weights else None
    return CycleScore(
        total=len(touchpoints), rated=len(rated), mean=mean, weighted_mean=weighted,
        weakest=weakest[1] if weakest else None, weakest_index=weakest[0] if weakest else None,
        weakest_is_critical=bool(critical), critical=sum(1 for tp in touchpoints if tp.critical),
    )
