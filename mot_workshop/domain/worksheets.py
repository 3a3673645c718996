"""The worksheet tables of steps 2, 3, 4, 6, 7 and 8 (METHOD.md). Rows belong to a process."""

from __future__ import annotations

from dataclasses import dataclass

from mot_workshop.domain.base import Entity, short_text, ref, score, long_text
from mot_workshop.domain.enums import Qcds, SurveyMethod, TargetKind, VocDirection, VocType


@dataclass(frozen=True)
class VocEntry(Entity):
    """Step 2: one customer voice from a survey or interview."""

    KIND = "voc"
    ORDER_SCOPE = ("process_id",)
    process_id: int | None = ref("process", "set-null")
    seq: int = 0
    target_customer: str = short_text(required=False)   # department or company
    interviewee: str = short_text(required=False)
    interviewer: str = short_text(required=False)
    held_at: str = short_text(required=False)           # date and time
    place: str = short_text(required=False)
    method: SurveyMethod | None = None
    voc_type: VocType | None = None
    direction: VocDirection | None = None
    requirement: str = long_text()                     # key requirement
    characteristic: Qcds | None = None
    indicator: str = short_text(required=False)         # related indicator (CSI)
    expected_level: str = short_text(required=False)
    interview_id: int | None = ref("interview", "set-null")   # the interview form it was heard in


@dataclass(frozen=True)
class OutputAnalysis(Entity):
    """Step 3: what the process's customer receives and how it should be measured."""

    KIND = "output_analysis"
    ORDER_SCOPE = ("process_id",)
    process_id: int = ref("process")
    seq: int = 0
    output: str = short_text()
    characteristic: str = short_text(required=False)    # performance characteristic (성과특성)
    importance: int | None = score()
    measure: str = short_text(required=False)
    current_level: str = short_text(required=False)
    expected_level: str = short_text(required=False)    # what the customer expects
    target_level: str = short_text(required=False)
    priority: bool = False                        # the top improvement priority


@dataclass(frozen=True)
class Benchmark(Entity):
    """Step 4: one problem compared with company A, company B and the best (TOP)."""

    KIND = "benchmark"
    ORDER_SCOPE = ("process_id",)
    process_id: int = ref("process")
    seq: int = 0
    problem: str = short_text()
    major_process: str = short_text(required=False)
    medium_process: str = short_text(required=False)
    page_no: str = short_text(required=False, max_len=20)
    characteristic: Qcds = Qcds.Q
    measure: str = short_text(required=False)
    unit: str = short_text(required=False, max_len=40)
    higher_is_better: bool = True
    us: float | None = None
    company_a: float | None = None
    company_b: float | None = None
    top: float | None = None
    size_class: str = short_text(required=False, max_len=1)   # the seed's "B M I" column
    design_or_execution: str = short_text(required=False, max_len=1)   # the seed's "D E" column
    nature: str = long_text()                          # nature of the problem
    gap_cause: str = long_text()
    ideas: str = long_text()                           # qualitative results: ideas, cases


@dataclass(frozen=True)
class Obstacle(Entity):
    """Step 6: what stands between the current process and the To-Be."""

    KIND = "obstacle"
    ORDER_SCOPE = ("process_id",)
    process_id: int = ref("process")
    seq: int = 0
    current_features: str = long_text()
    tobe_features: str = long_text()
    obstacle: str = long_text()
    solution: str = long_text()
    source_step_id: int | None = ref("step", "set-null")   # the As-Is step whose problem it is


@dataclass(frozen=True)
class Target(Entity):
    """Step 7: a measure with its current, competitor, customer-required and target levels.

    Levels are text so qualitative targets fit; for a quantitative target every level that
    is filled in must be a number (domain.rules checks it).
    """

    KIND = "target"
    ORDER_SCOPE = ("process_id",)
    process_id: int = ref("process")
    seq: int = 0
    measure: str = short_text()
    kind: TargetKind = TargetKind.QUANTITATIVE
    unit: str = short_text(required=False, max_len=40)
    higher_is_better: bool = True
    current: str = short_text(required=False, max_len=200)
    competitor: str = short_text(required=False, max_len=200)
    required_level: str = short_text(required=False, max_len=200)
    target: str = short_text(required=False, max_len=200)


@dataclass(frozen=True)
class KeyIndicator(Entity):
    """Step 8: a key management indicator (핵심 관리지표) of the redesigned process."""

    KIND = "key_indicator"
    ORDER_SCOPE = ("process_id",)
    process_id: int = ref("process")
    seq: int = 0
    name: str = short_text()
    definition: str = long_text()
    target: str = short_text(required=False)
    owner: str = short_text(required=False)


@dataclass(frozen=True)
class Action(Entity):
    """Step 8: a key supplementary action (핵심 보완사항) with owner and due date."""

    KIND = "action"
    ORDER_SCOPE = ("process_id",)
    process_id: int = ref("process")
    seq: int = 0
    description: str = short_text()
    owner: str = short_text(required=False)
    due: str = short_text(required=False, max_len=40)   # ISO date
    done: bool = False
