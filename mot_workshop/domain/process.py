"""Processes and their maps: lanes, phases (the time axis), steps and flows.

A process is named "proper noun + transitive verb" (불만품을 교환한다), has a mission and a
scope (start, end), and is drawn as an As-Is, a To-Be and a Redesign map.
"""

from __future__ import annotations

from dataclasses import dataclass

from mot_workshop.domain.base import COORD_MAX, Entity, amount, coordinate, long_text, ref, score, short_text
from mot_workshop.domain.enums import EventRole, LaneKind, MapKind, Marker, ProcessRole, Shape, ValueClass, Viewpoint


@dataclass(frozen=True)
class Process(Entity):
    KIND = "process"
    ORDER_SCOPE = ()
    seq: int = 0
    name: str = short_text()
    mission: str = long_text()
    start_point: str = short_text(required=False)
    end_point: str = short_text(required=False)
    major: str = short_text(required=False)        # hierarchy: major process (대분류)
    medium: str = short_text(required=False)       # hierarchy: medium process (중분류)
    role: ProcessRole = ProcessRole.CORE
    viewpoint: Viewpoint | None = None
    aspects: str = short_text(required=False)      # product / service / image aspects discussed
    innovation: int | None = score()         # innovation effect (혁신 효과), 1–5
    feasibility: int | None = score()        # feasibility (실행가능성), 1–5
    selected: bool = False                   # chosen as a core process to redesign
    team_id: int | None = ref("team", "set-null")


@dataclass(frozen=True)
class ProcessMap(Entity):
    KIND = "process_map"
    process_id: int = ref("process")
    kind: MapKind = MapKind.AS_IS
    title: str = short_text(required=False)
    derived_from_id: int | None = ref("process_map", "set-null")
    notes: str = long_text()


@dataclass(frozen=True)
class Lane(Entity):
    KIND = "lane"
    ORDER_SCOPE = ("map_id",)
    map_id: int = ref("process_map")
    seq: int = 0
    kind: LaneKind = LaneKind.DEPARTMENT
    name: str = short_text()
    origin_id: int | None = ref("lane", "set-null")    # the lane it was derived from (As-Is → To-Be)


@dataclass(frozen=True)
class Phase(Entity):
    """A column of the time axis, across all lanes."""

    KIND = "phase"
    ORDER_SCOPE = ("map_id",)
    map_id: int = ref("process_map")
    seq: int = 0
    name: str = short_text()
    width: float = amount(240.0, COORD_MAX)


@dataclass(frozen=True)
class Step(Entity):
    """A shape on a map. ``x`` is along the time axis; ``y`` is the offset inside its lane."""

    KIND = "step"
    map_id: int = ref("process_map")
    lane_id: int = ref("lane", "guard")
    phase_id: int | None = ref("phase", "set-null")
    shape: Shape = Shape.ACTIVITY
    label: str = short_text(required=False)
    x: float = coordinate()
    y: float = coordinate()
    duration: float = amount()               # minutes of work
    wait: float = amount()                   # minutes of waiting before the step
    value_class: ValueClass | None = None
    output: str = long_text()
    measure: str = long_text()
    problems: str = long_text()
    is_mot: bool = False                     # a moment of truth: the customer meets us here
    touchpoint_id: int | None = ref("touchpoint", "set-null")
    linked_process_id: int | None = ref("process", "set-null")   # for other-process links
    origin_id: int | None = ref("step", "set-null")    # the step it was derived from (As-Is → To-Be)
    marker: Marker | None = None             # a BPMN gateway kind or event definition (enums.Marker)
    event_role: EventRole | None = None      # a connector event's role: throw, boundary …


@dataclass(frozen=True)
class Flow(Entity):
    KIND = "flow"
    map_id: int = ref("process_map")
    source_id: int = ref("step")
    target_id: int = ref("step")
    label: str = short_text(required=False)
    condition: str = short_text(required=False)    # a decision branch's condition
