"""The method's worksheets that record answers to fixed questions (METHOD.md, the seeds):
the CS check-points ticked per To-Be map (step 5), the As-Is questions answered per map
(step 3), the Q/C/D/S × us / A / B / TOP benchmark grid (step 4), the sub-aspect rows of
step 1's discussion viewpoints, and step 2's interview forms that group VOC rows."""

from __future__ import annotations

from dataclasses import dataclass, field

from mot_workshop.domain.base import Entity, long_text, ref, short_text
from mot_workshop.domain.enums import Qcds, SurveyMethod, Viewpoint

CS_CHECKPOINTS = 8          # domain.method.cs_checkpoints()
ASIS_QUESTIONS = 6          # domain.method.asis_questions()


@dataclass(frozen=True)
class CsCheck(Entity):
    """Step 5: one of the eight CS check-points applied to a To-Be map, with a note."""

    KIND = "cs_check"
    map_id: int = ref("process_map")
    point: int = field(default=1, metadata={"range": (1, CS_CHECKPOINTS)})
    ticked: bool = False
    note: str = long_text()


@dataclass(frozen=True)
class AsIsAnswer(Entity):
    """Step 3: the answer to one As-Is analysis question about a map."""

    KIND = "asis_answer"
    map_id: int = ref("process_map")
    question: int = field(default=1, metadata={"range": (1, ASIS_QUESTIONS)})
    answer: str = long_text()


@dataclass(frozen=True)
class QcdsScore(Entity):
    """Step 4: the quantitative result on one of Q, C, D, S for us, company A, company B
    and the best (TOP) — a row of the seed's benchmark grid."""

    KIND = "qcds_score"
    process_id: int = ref("process")
    characteristic: Qcds = Qcds.Q
    us: float | None = None
    company_a: float | None = None
    company_b: float | None = None
    top: float | None = None
    note: str = short_text(required=False)


@dataclass(frozen=True)
class ViewpointAspect(Entity):
    """Step 1: what was said under one sub-aspect of a discussion viewpoint (the VOC
    topics' product / service / image rows …) and which core processes it points to."""

    KIND = "viewpoint_aspect"
    ORDER_SCOPE = ("viewpoint",)
    viewpoint: Viewpoint = Viewpoint.CORE
    seq: int = 0
    aspect: str = short_text()
    discussion: str = long_text()
    core_processes: str = short_text(required=False)


@dataclass(frozen=True)
class Interview(Entity):
    """Step 2: one interview or survey — the head of a VOC form; its requirements are the
    VOC rows that name it."""

    KIND = "interview"
    ORDER_SCOPE = ("process_id",)
    process_id: int | None = ref("process", "set-null")
    seq: int = 0
    target_customer: str = short_text(required=False)
    interviewee: str = short_text(required=False)
    interviewer: str = short_text(required=False)
    held_at: str = short_text(required=False)
    place: str = short_text(required=False)
    method: SurveyMethod | None = None
