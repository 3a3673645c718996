"""What changed between two maps of a process (As-Is → To-Be → Redesign), step by step.

A derived map's lanes and steps remember what they were copied from (``origin_id``), so a
renamed step is "changed", not "removed and added". Origins are followed through several
derivations (Redesign → To-Be → As-Is) when the steps in between are given.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from mot_workshop.domain.process import Lane, Step

ADDED, REMOVED, CHANGED, MOVED, UNCHANGED = "added", "removed", "changed", "moved", "unchanged"
STATUSES = (ADDED, REMOVED, CHANGED, MOVED, UNCHANGED)
COMPARED_FIELDS = ("label", "shape", "duration", "wait", "value_class", "is_mot", "output", "measure",
                   "problems", "touchpoint_id", "linked_process_id")


@dataclass(frozen=True)
class StepChange:
    status: str
    before_id: int | None
    after_id: int | None
    fields: tuple[str, ...] = ()        # what differs, for changed and moved steps


@dataclass
class MapDiff:
    changes: list[StepChange] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        out = dict.fromkeys(STATUSES, 0)
        for change in self.changes:
            out[change.status] += 1
        return out

    def status_after(self) -> dict[int, StepChange]:
        return {c.after_id: c for c in self.changes if c.after_id is not None}

    def status_before(self) -> dict[int, StepChange]:
        return {c.before_id: c for c in self.changes if c.before_id is not None}


def _resolve(origin: int | None, targets: set[int], chain: Mapping[int, int | None]) -> int | None:
    seen: set[int] = set()
    while origin is not None and origin not in targets and origin not in seen:
        seen.add(origin)
        origin = chain.get(origin)
    return origin if origin in targets else None


def diff_maps(before_steps: Sequence[Step], before_lanes: Sequence[Lane],
              after_steps: Sequence[Step], after_lanes: Sequence[Lane], *,
              step_origins: Mapping[int, int | None] | None = None,
              lane_origins: Mapping[int, int | None] | None = None) -> MapDiff:
    """Compare ``after`` with ``before``. ``step_origins`` / ``lane_origins`` (id -> origin id
    of every step / lane in the workshop) let origins be followed through intermediate maps."""
    step_chain = dict(step_origins or {})
    lane_chain = dict(lane_origins or {})
    before = {s.id: s for s in before_steps}
    before_lane_ids = {lane.id for lane in before_lanes}
    lane_origin = {lane.id: _resolve(lane.origin_id, before_lane_ids, lane_chain) for lane in after_lanes}
    matched: dict[int, int] = {}                  # before id -> after id (first claim wins)
    out = MapDiff()
    for step in sorted(after_steps, key=lambda s: (s.x, s.id)):
        origin = _resolve(step.origin_id, set(before), step_chain)
        if origin is None or origin in matched:
            out.changes.append(StepChange(ADDED, None, step.id))
            continue
        matched[origin] = step.id
        old = before[origin]
        differing = tuple(name for name in COMPARED_FIELDS if getattr(old, name) != getattr(step, name))
        if lane_origin.get(step.lane_id) != old.lane_id:
            out.changes.append(StepChange(MOVED, old.id, step.id, ("lane_id", *differing)))
        elif differing:
            out.changes.append(StepChange(CHANGED, old.id, step.id, differing))
        else:
            out.changes.append(StepChange(UNCHANGED, old.id, step.id))
    for step in sorted(before_steps, key=lambda s: (s.x, s.id)):
        if step.id not in matched:
            out.changes.append(StepChange(REMOVED, step.id, None))
    return out


def diff_in_snapshot(snapshot, before_map_id: int, after_map_id: int) -> MapDiff:
    """The diff of two maps of a workshop, following origins through every map in it."""
    return diff_maps(snapshot.where("step", map_id=before_map_id), snapshot.where("lane", map_id=before_map_id),
                     snapshot.where("step", map_id=after_map_id), snapshot.where("lane", map_id=after_map_id),
                     step_origins={s.id: s.origin_id for s in snapshot.all("step")},
                     lane_origins={lane.id: lane.origin_id for lane in snapshot.all("lane")})
