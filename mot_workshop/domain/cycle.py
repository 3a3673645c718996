"""MOT cycles: the customer's touchpoints on a ring from IN to OUT."""

from __future__ import annotations

from dataclasses import dataclass

from mot_workshop.domain.base import Entity, short_text, ref, score, long_text
from mot_workshop.domain.enums import Element


@dataclass(frozen=True)
class Cycle(Entity):
    """A cycle; ``parent_id`` makes it a sub-cycle (phone, visit, delivery …)."""

    KIND = "cycle"
    ORDER_SCOPE = ("parent_id",)
    parent_id: int | None = ref("cycle", "cascade", optional=True)
    seq: int = 0
    name: str = short_text()
    description: str = long_text()
    process_id: int | None = ref("process", "set-null")
    team_id: int | None = ref("team", "set-null")


@dataclass(frozen=True)
class Touchpoint(Entity):
    """One moment of truth; ``name`` is a customer action ("takes a parking ticket")."""

    KIND = "touchpoint"
    ORDER_SCOPE = ("cycle_id",)
    cycle_id: int = ref("cycle")
    seq: int = 0
    name: str = short_text()
    element: Element = Element.SOFT
    expectation: str = long_text()
    level: int | None = score()           # experienced level: 1 very dissatisfied … 5 very satisfied
    importance: int | None = score()
    problems: str = long_text()                # what was seen (현상)
    improvement: str = long_text()             # customer-service improvement idea (개선안)
    owner: str = short_text(required=False)     # the team that owns it
    critical: bool = False
