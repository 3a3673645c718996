"""The layout of one map kept up to date edit by edit — for the editor, which must stay
instant on maps of thousands of steps. The result always equals ``swimlane.layout_map`` of
the same data (a test checks it after edits and undos); what ``update`` adds is knowing what
changed, so the editor touches only those items:

- steps are boxed again only when they changed, or when a lane above them changed height;
- routes come from a ``RouteCache``: only flows whose ends or obstacles moved are re-routed;
- the frame (lanes, phases, info rows, bounds) is reported changed only when it did.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from mot_workshop.domain.enums import LaneKind, Shape
from mot_workshop.domain.process import Flow, Lane, Phase, Step
from mot_workshop.layout.bounds import bounded_phases, bounded_steps
from mot_workshop.layout.geometry import Rect
from mot_workshop.layout.route_cache import RouteCache
from mot_workshop.layout.swimlane import (
    CONTENT_MIN_WIDTH, CONTENT_PADDING, LANE_HEADER_WIDTH, LANE_MIN_HEIGHT, LANE_PADDING, PHASE_HEADER_HEIGHT,
    INFO_ROWS, LaneBox, MapLayout, PhaseBox, StepBox, _is_jump, _label_point, _stage_lines, info_order, info_row,
    shape_size, step_label_lines, step_marker, steps_by_lane_and_right_edge,
)


@dataclass
class LayoutDiff:
    steps: set[int] = field(default_factory=set)      # boxes changed, added or gone
    flows: set[int] = field(default_factory=set)      # routes changed, added or gone
    frame: bool = False                               # lanes, phases, info rows or bounds


class LiveLayout:
    def __init__(self) -> None:
        self.layout = MapLayout()
        self.router = RouteCache()
        self._labels: dict[int, tuple[tuple[str, Shape], tuple[str, ...]]] = {}
        self._texts: dict[int, tuple[str, ...]] = {}      # each step's info-row texts, as last laid out

    def _label_lines(self, step: Step) -> tuple[str, ...]:
        key = (step.label, step.shape)
        known = self._labels.get(step.id)
        if known is None or known[0] != key:
            known = self._labels[step.id] = (key, step_label_lines(step))
        return known[1]

    def _info_rows(self, steps: Sequence[Step], boxes: dict, top: float, right: float,
                   changed: set[int] | None, old: MapLayout) -> list:
        """The info rows; a row is made again only if a changed step's text in it changed, or
        a changed step with text there moved (its cell follows it), or the row moved: a label
        edit, or an edit elsewhere, leaves the row's cells where they were."""
        if changed is None:
            self._texts = {s.id: tuple(getattr(s, kind).strip() for kind in INFO_ROWS) for s in steps}
            touched = set(INFO_ROWS)
        else:
            touched = set()
            by_id = {s.id: s for s in steps} if changed else {}
            for sid in changed:
                before = self._texts.pop(sid, ("",) * len(INFO_ROWS))
                step = by_id.get(sid)
                after = tuple(getattr(step, kind).strip() for kind in INFO_ROWS) if step is not None \
                    else ("",) * len(INFO_ROWS)
                if step is not None:
                    self._texts[sid] = after
                was, now = old.steps.get(sid), boxes.get(sid)
                moved = was is None or now is None or was.rect != now.rect
                touched |= {kind for kind, a, b in zip(INFO_ROWS, before, after) if a != b or (moved and (a or b))}
        rows, y, ordered = [], top, None
        previous = {row.kind: row for row in old.info_rows}
        for kind in INFO_ROWS:
            row = previous.get(kind)
            if kind in touched or row is None or row.rect.top != y or row.rect.right != right:
                if ordered is None:
                    ordered = info_order(steps, boxes)
                row = info_row(kind, ordered, boxes, y, right)
            rows.append(row)
            y += row.rect.h
        return rows

    def update(self, lanes: Sequence[Lane], phases: Sequence[Phase], steps: Sequence[Step],
               flows: Sequence[Flow], changed_steps: Iterable[int] | None = None) -> LayoutDiff:
        """The layout of this data. ``changed_steps``: the steps edited since the last call
        (None: any may have changed, as after opening)."""
        old = self.layout
        out = MapLayout()
        steps, phases = bounded_steps(steps, len(phases)), bounded_phases(phases, len(steps))   # as layout_map
        full = changed_steps is None
        changed = set() if full else set(changed_steps)
        by_lane, right = steps_by_lane_and_right_edge(lanes, phases, steps)
        x0 = LANE_HEADER_WIDTH

        y = PHASE_HEADER_HEIGHT
        for i, lane in enumerate(lanes):
            members = by_lane[lane.id]
            needed = max((s.y + shape_size(s.shape)[1] / 2 + LANE_PADDING for s in members), default=0.0)
            height = max(LANE_MIN_HEIGHT, needed)
            rect = Rect(0, y, right, height)
            box = LaneBox(lane.id, LaneKind(lane.kind), lane.name, rect, Rect(0, y, x0, height))
            out.lanes.append(box)
            before = old.lanes[i] if i < len(old.lanes) else None
            same_band = before is not None and before.lane_id == lane.id and before.rect.top == y
            for step in members:
                kept = old.steps.get(step.id)
                if same_band and not full and step.id not in changed and kept is not None and \
                        kept.lane_id == lane.id:
                    out.steps[step.id] = kept
                    continue
                w, h = shape_size(step.shape)
                cy = y + max(step.y, h / 2 + LANE_PADDING)
                out.steps[step.id] = StepBox(step.id, lane.id, Shape(step.shape), Rect.around(x0 + step.x, cy, w, h),
                                             self._label_lines(step), **step_marker(step))
            y += height
        lanes_bottom = y
        out.content = Rect(x0, PHASE_HEADER_HEIGHT, right - x0, lanes_bottom - PHASE_HEADER_HEIGHT)
        x = x0
        for phase in phases:
            header = Rect(x, 0, phase.width, PHASE_HEADER_HEIGHT)
            out.phases.append(PhaseBox(phase.id, phase.name, header, Rect(x, 0, phase.width, lanes_bottom)))
            x += phase.width
        out.stage_lines = _stage_lines(out.lanes, x0, right)
        out.info_rows = self._info_rows(steps, out.steps, lanes_bottom, right, None if full else changed, old)
        bottom = out.info_rows[-1].rect.bottom if out.info_rows else lanes_bottom
        out.bounds = Rect(0, 0, right, bottom)
        out.jumps = {f.id for f in flows if _is_jump(out.steps, f)}

        rects = {s: b.rect for s, b in out.steps.items()}
        pairs = [(f.id, f.source_id, f.target_id) for f in flows if f.id not in out.jumps]
        lane_rects = [lane.rect for lane in out.lanes]
        if full:
            out.routes = dict(self.router.full(rects, pairs, lane_rects))
            rerouted = set(out.routes) | set(old.routes)
        else:
            rerouted = self.router.update(rects, pairs, lane_rects)
            out.routes = dict(self.router.routes)
        out.label_points = {fid: (old.label_points[fid] if fid not in rerouted and fid in old.label_points
                                  else _label_point(points)) for fid, points in out.routes.items()}
        self.layout = out
        self._labels = {sid: v for sid, v in self._labels.items() if sid in out.steps} \
            if len(self._labels) > 2 * len(out.steps) + 64 else self._labels

        diff = LayoutDiff(flows=rerouted)
        diff.steps = {sid for sid in set(out.steps) | set(old.steps) if out.steps.get(sid) is not old.steps.get(sid)}
        diff.frame = full or (out.lanes, out.phases, out.info_rows, out.bounds, out.stage_lines) != \
            (old.lanes, old.phases, old.info_rows, old.bounds, old.stage_lines)
        return diff
