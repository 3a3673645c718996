"""What the facilitator runs in the room: dot votes, the parking lot, the wizard's progress."""

from __future__ import annotations

from dataclasses import dataclass

from mot_workshop.domain.base import Entity, amount, long_text, ref, short_text
from mot_workshop.domain.enums import StepStatus, VoteTarget


@dataclass(frozen=True)
class Vote(Entity):
    """Dots cast by a participant (or a whole team) on a process, step or touchpoint.

    The target is polymorphic, so it is not a database reference; ``domain.registry``
    removes a target's votes with it (and undo brings them back).
    """

    KIND = "vote"
    participant_id: int | None = ref("participant", "cascade", optional=True)
    team_id: int | None = ref("team", "cascade", optional=True)
    target_kind: VoteTarget = VoteTarget.PROCESS
    target_id: int = 0
    dots: int = amount(1)


@dataclass(frozen=True)
class Note(Entity):
    """A parking-lot note: an off-topic point kept for later."""

    KIND = "note"
    ORDER_SCOPE = ()
    seq: int = 0
    text: str = long_text()
    author: str = short_text(required=False)
    wizard_step: int | None = None            # the step (1–8) it came up in
    done: bool = False


@dataclass(frozen=True)
class StepProgress(Entity):
    """The wizard's state for one of the eight steps."""

    KIND = "step_progress"
    step_no: int = 1
    status: StepStatus = StepStatus.NOT_STARTED
    process_id: int | None = ref("process", "set-null")   # the process the step works on
    seconds_spent: float = amount()
    notes: str = long_text()
