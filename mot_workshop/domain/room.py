"""What participants send from their phones that has no home in the worksheets yet: their
own scores of a touchpoint (kept beside the team's, so the spread is never lost) and their
ideas for a touchpoint."""

from __future__ import annotations

from dataclasses import dataclass

from mot_workshop.domain.base import Entity, long_text, ref, score, short_text


@dataclass(frozen=True)
class RoomScore(Entity):
    """One voter's scores of one touchpoint; the team's own scores stay on the touchpoint."""

    KIND = "room_score"
    touchpoint_id: int = ref("touchpoint")
    participant_id: int | None = ref("participant", "cascade", optional=True)
    voter: str = short_text()                 # the name the phone gave, kept if the person goes
    level: int | None = score()               # experienced level 1–5
    importance: int | None = score()


@dataclass(frozen=True)
class Idea(Entity):
    """An improvement idea for a touchpoint, posted by a participant."""

    KIND = "idea"
    ORDER_SCOPE = ("touchpoint_id",)
    touchpoint_id: int = ref("touchpoint")
    seq: int = 0
    text: str = long_text(max_len=2_000)
    author: str = short_text(required=False)
