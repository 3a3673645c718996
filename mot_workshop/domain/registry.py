"""Every entity kind, in the order parents come before children, and who refers to whom.

The store builds its tables from this list; deleting and restoring (with every child, and
with references cleared and put back) walks the relations found here.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from mot_workshop.domain.base import Entity, OnDelete, field_infos
from mot_workshop.domain.cycle import Cycle, Touchpoint
from mot_workshop.domain.enums import VoteTarget
from mot_workshop.domain.facilitation import Note, StepProgress, Vote
from mot_workshop.domain.method_data import AsIsAnswer, CsCheck, Interview, QcdsScore, ViewpointAspect
from mot_workshop.domain.process import Flow, Lane, Phase, Process, ProcessMap, Step
from mot_workshop.domain.room import Idea, RoomScore
from mot_workshop.domain.workshop import Participant, Team, Workshop
from mot_workshop.domain.worksheets import (
    Action,
    Benchmark,
    KeyIndicator,
    Obstacle,
    OutputAnalysis,
    Target,
    VocEntry,
)

ENTITY_CLASSES: tuple[type[Entity], ...] = (
    Workshop, Team, Participant, Process, Cycle, Touchpoint,
    ProcessMap, Lane, Phase, Step, Flow,
    Interview, VocEntry, OutputAnalysis, Benchmark, Obstacle, Target, KeyIndicator, Action,
    Vote, Note, StepProgress, RoomScore, Idea,
    CsCheck, AsIsAnswer, QcdsScore, ViewpointAspect,
)

KINDS: dict[str, type[Entity]] = {cls.KIND: cls for cls in ENTITY_CLASSES}

# Kinds a vote can be cast on; deleting one of these deletes its votes (undo restores them).
VOTE_TARGETS: dict[str, VoteTarget] = {"process": VoteTarget.PROCESS, "step": VoteTarget.STEP,
                                        "touchpoint": VoteTarget.TOUCHPOINT}


@dataclass(frozen=True)
class Relation:
    child_kind: str
    field: str
    on_delete: OnDelete


def entity_class(kind: str) -> type[Entity]:
    try:
        return KINDS[kind]
    except KeyError:
        raise KeyError(f"unknown entity kind {kind!r}") from None


@functools.cache
def referrers(kind: str) -> tuple[Relation, ...]:
    """The fields of other kinds (and of this one) that hold an id of ``kind``."""
    return tuple(
        Relation(cls.KIND, info.name, info.ref.on_delete)
        for cls in ENTITY_CLASSES
        for info in field_infos(cls)
        if info.ref is not None and info.ref.kind == kind
    )
