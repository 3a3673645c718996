"""The workshop itself, its teams and participants."""

from __future__ import annotations

from dataclasses import dataclass

from mot_workshop.domain.base import Entity, amount, short_text, ref, long_text
from mot_workshop.domain.enums import Language


@dataclass(frozen=True)
class Workshop(Entity):
    """One per file (id 1): what the cover of the session report shows."""

    KIND = "workshop"
    title: str = short_text()
    organisation: str = short_text(required=False)
    facilitator: str = short_text(required=False)
    held_on: str = short_text(required=False, max_len=40)   # ISO date, e.g. 2026-11-22
    place: str = short_text(required=False)
    language: Language = Language.KO
    benchmark_a: str = short_text(required=False)           # the names behind "company A / B"
    benchmark_b: str = short_text(required=False)
    dots_per_voter: int = amount(5)
    notes: str = long_text()
    objectives: str = long_text()                             # what the workshop set out to achieve


@dataclass(frozen=True)
class Team(Entity):
    KIND = "team"
    ORDER_SCOPE = ()
    seq: int = 0
    name: str = short_text()
    colour: str = short_text(required=False, max_len=16)    # #RRGGBB


@dataclass(frozen=True)
class Participant(Entity):
    KIND = "participant"
    ORDER_SCOPE = ("team_id",)
    team_id: int | None = ref("team", "cascade", optional=True)
    seq: int = 0
    name: str = short_text()
    role: str = short_text(required=False)
