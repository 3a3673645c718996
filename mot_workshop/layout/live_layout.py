"""The layout of one map kept up to date edit by edit — for the editor, which must stay
instant on maps of thousands of steps. The result always equals ``swimlane.layout_map`` of
the same data (tests check it after random edits, and after edits and undos in the editor);
what ``update`` adds is knowing what changed, so the editor touches only those items:

- steps are boxed again only when they changed, or when a lane above them changed height;
- routes come from a ``RouteCache``: only flows whose ends or obstacles moved are re-routed;
- the frame (lanes, phases, info rows, bounds) is reported changed only when it did.

An edit that keeps the map's steps, lanes and phases (a move, a label, a text: most edits)
costs in proportion to what it changed: each lane's members, each step's right edge and the
depth it needs of its lane are kept, so the map's width and the lanes' heights follow from
a few dictionary maxima instead of a walk over every step. Other edits take the whole walk.
"""

from __future__ import annotations

import bisect
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from mot_workshop.domain.enums import LaneKind, Shape
from mot_workshop.domain.process import Flow, Lane, Phase, Step
from mot_workshop.layout.bounds import bounded_phases, bounded_step, bounded_steps, time_span
from mot_workshop.layout.geometry import Rect
from mot_workshop.layout.route_cache import RouteCache
from mot_workshop.layout.swimlane import (
    CONTENT_MIN_WIDTH, CONTENT_PADDING, LANE_HEADER_WIDTH, LANE_MIN_HEIGHT, LANE_PADDING, PHASE_HEADER_HEIGHT,
    INFO_ROWS, InfoSweep, LaneBox, MapLayout, PhaseBox, StepBox, _is_jump, _label_point, _stage_lines, info_row,
    shape_size, step_label_lines, step_marker,
)

NO_TEXT = ("",) * len(INFO_ROWS)
ROUTE_PART = 25            # flows routed between two looks at the clock, when routing after the paint


@dataclass
class LayoutDiff:
    steps: set[int] = field(default_factory=set)      # boxes changed, added or gone
    flows: set[int] = field(default_factory=set)      # routes changed, added or gone
    frame: bool = False                               # lanes, phases, info rows or bounds


class _BoxRects(Mapping):
    """The step boxes' rects, read through (no 10,000-entry copy per edit)."""

    def __init__(self, boxes: dict[int, StepBox]):
        self.boxes = boxes

    def __getitem__(self, sid: int) -> Rect:
        return self.boxes[sid].rect

    def get(self, sid: int, default=None):
        box = self.boxes.get(sid)
        return default if box is None else box.rect

    def __iter__(self) -> Iterator[int]:
        return iter(self.boxes)

    def __len__(self) -> int:
        return len(self.boxes)


class LiveLayout:
    def __init__(self) -> None:
        self.layout = MapLayout()
        self.router = RouteCache()
        self._labels: dict[int, tuple[tuple[str, Shape], tuple[str, ...]]] = {}
        self._texts: dict[int, tuple[str, ...]] = {}      # each step's info-row texts, as last laid out
        # what the last update was given and derived, for edits that keep the map's shape
        self._frame_key: tuple | None = None              # lanes and phases as given
        self._given: dict[int, Step] = {}                 # step id -> the step as given
        self._bounded: dict[int, Step] = {}               # step id -> the step as laid out (bounded)
        self._per_lane: Counter = Counter()               # lane id -> its number of steps
        self._members: dict[int, dict[int, None]] = {}    # lane id -> its steps
        self._right_of: dict[int, float] = {}             # step id -> its right edge
        self._need: dict[int, dict[int, float]] = {}      # lane id -> step id -> depth it needs
        self._with_text: dict[int, Step] = {}             # steps with some info-row text
        self._phases: list[Phase] = []                    # bounded
        self._pairs: list[tuple[int, int, int]] = []      # the routed flows as last given to the router
        self._order: list[tuple[float, int]] | None = None   # (centre x, id) of the steps with text, sorted
        self._order_key: dict[int, tuple[float, int]] = {}
        self._sweeps: dict[str, InfoSweep] = {}          # each info row's sweep, to resume it
        self._stale: dict[str, int] = {}                 # kind -> from where its sweep is out of date
        self._stale_to: dict[str, int | None] = {}       # kind -> up to where (None: to the end)
        self._defer = False
        self._pending: Iterator | None = None             # the routing still to do after a deferred layout

    def _label_lines(self, step: Step) -> tuple[str, ...]:
        key = (step.label, step.shape)
        known = self._labels.get(step.id)
        if known is None or known[0] != key:
            known = self._labels[step.id] = (key, step_label_lines(step))
        return known[1]

    def _info_rows(self, boxes: dict, top: float, right: float, changed: dict[int, Step | None] | None,
                   old: MapLayout) -> list:
        """The info rows; a row is made again only if a changed step's text in it changed, or
        a changed step with text there moved (its cell follows it), or the row moved: a label
        edit, or an edit elsewhere, leaves the row's cells where they were. ``changed``: the
        changed steps (bounded; None if gone), or None when every step may have changed."""
        end: int | None = None          # from here on the order holds the same steps as before
        if changed is None:
            touched = set(INFO_ROWS)
            self._order = None
            start = 0
        else:
            count = len(self._order) if self._order is not None else None
            was_at = [self._position(sid) for sid in changed]
            touched = set()
            for sid, step in changed.items():
                before = self._texts.pop(sid, NO_TEXT)
                after = tuple(getattr(step, kind).strip() for kind in INFO_ROWS) if step is not None else NO_TEXT
                self._with_text.pop(sid, None)
                if step is not None:
                    self._texts[sid] = after
                    if after != NO_TEXT:
                        self._with_text[sid] = step
                was, now = old.steps.get(sid), boxes.get(sid)
                moved = was is None or now is None or was.rect != now.rect
                touched |= {kind for kind, a, b in zip(INFO_ROWS, before, after) if a != b or (moved and (a or b))}
                self._reorder(sid, boxes)
            # where the sweep of a row may resume: before the first changed step, in the old
            # order and in the new (the steps before both are the same, in the same order); and
            # after the last one, where the order holds the same steps again at the same indices
            # (unless steps gained or lost text: the indices after them shifted)
            at = was_at + [self._position(sid) for sid in changed]
            start = min(at, default=len(self._order or ()))
            if count is not None and self._order is not None and len(self._order) == count:
                end = max(at, default=0) + 1
        rows, y, ordered = [], top, None
        previous = {row.kind: row for row in old.info_rows}
        for kind in INFO_ROWS:
            row = previous.get(kind)
            stale = self._stale[kind] = min(self._stale.get(kind, 0), start)
            to = self._stale_to.get(kind, None)
            to = self._stale_to[kind] = None if to is None or end is None else max(to, end)
            if kind in touched or row is None or row.rect.top != y or row.rect.right != right:
                if ordered is None:
                    ordered = self._ordered(boxes)
                sweep = self._sweeps.setdefault(kind, InfoSweep())
                row = info_row(kind, ordered, boxes, y, right, row, sweep, stale, to)
                self._stale[kind] = len(ordered)           # its sweep state is current
                self._stale_to[kind] = 0
            rows.append(row)
            y += row.rect.h
        return rows

    def _position(self, sid: int) -> int:
        """The index of a step in the sorted order of steps with text (where it would go)."""
        if self._order is None:
            return 0
        key = self._order_key.get(sid)
        return bisect.bisect_left(self._order, key) if key is not None else len(self._order)

    def _ordered(self, boxes: dict) -> list[Step]:
        """The steps with info-row text in ``info_order`` (only they have cells), kept sorted
        edit by edit rather than sorted again."""
        if self._order is None:
            self._order_key = {s.id: (boxes[s.id].rect.cx, s.id) for s in self._with_text.values() if s.id in boxes}
            self._order = sorted(self._order_key.values())
        return [self._with_text[sid] for _, sid in self._order]

    def _reorder(self, sid: int, boxes: dict) -> None:
        """Keep the sorted order right for a changed step (its text or place)."""
        if self._order is None:
            return
        key = self._order_key.pop(sid, None)
        if key is not None:
            del self._order[bisect.bisect_left(self._order, key)]
        if sid in self._with_text and sid in boxes:
            key = self._order_key[sid] = (boxes[sid].rect.cx, sid)
            bisect.insort(self._order, key)

    def update(self, lanes: Sequence[Lane], phases: Sequence[Phase], steps: Sequence[Step],
               flows: Sequence[Flow], changed_steps: Iterable[int] | None = None,
               changed_flows: Iterable[int] | None = None, *, defer_routes: bool = False) -> LayoutDiff:
        """The layout of this data. ``changed_steps``: the steps edited since the last call
        (None: any may have changed, as after opening); ``changed_flows`` likewise for flows
        (None: not known, compared here). ``defer_routes`` (with ``changed_steps`` None): lay
        out all but the routes, which ``route_some`` / ``finish_routes`` then add."""
        if changed_steps is not None and self.routing_pending:      # an edit needs every route first
            self.finish_routes()
        self._pending = None                       # a new full layout replaces unfinished routing
        self._defer = defer_routes and changed_steps is None
        if changed_steps is not None:
            diff = self._patch(lanes, phases, steps, flows, set(changed_steps),
                               None if changed_flows is None else set(changed_flows))
            if diff is not None:
                return diff
        return self._rebuild(lanes, phases, steps, flows, changed_steps)

    # ------------------------------------------------------------------ every step walked
    def _rebuild(self, lanes, phases, steps, flows, changed_steps) -> LayoutDiff:
        old = self.layout
        out = MapLayout()
        given = steps
        steps, phases = bounded_steps(steps, len(phases)), bounded_phases(phases, len(steps))   # as layout_map
        full = changed_steps is None
        changed = set() if full else set(changed_steps)
        x0 = LANE_HEADER_WIDTH
        self._given = {s.id: s for s in given}
        was_bounded, self._bounded = self._bounded, {s.id: s for s in steps}
        self._per_lane = Counter(s.lane_id for s in steps)
        self._members = {lane.id: {} for lane in lanes}
        self._right_of, self._need = {}, {lane.id: {} for lane in lanes}
        for step in steps:
            w, h = shape_size(step.shape)
            self._members.setdefault(step.lane_id, {})[step.id] = None
            self._right_of[step.id] = x0 + step.x + w / 2
            self._need.setdefault(step.lane_id, {})[step.id] = step.y + h / 2 + LANE_PADDING
        self._phases = phases
        self._frame_key = (tuple(lanes), tuple(phases))
        right = self._right_edge()

        y = PHASE_HEADER_HEIGHT
        for i, lane in enumerate(lanes):
            height = max(LANE_MIN_HEIGHT, max(self._need[lane.id].values(), default=0.0))
            rect = Rect(0, y, right, height)
            box = LaneBox(lane.id, LaneKind(lane.kind), lane.name, rect, Rect(0, y, x0, height))
            out.lanes.append(box)
            before = old.lanes[i] if i < len(old.lanes) else None
            same_band = before is not None and before.lane_id == lane.id and before.rect.top == y
            for sid in self._members[lane.id]:
                kept, laid = old.steps.get(sid), self._bounded[sid]
                if same_band and not full and sid not in changed and kept is not None and kept.lane_id == lane.id \
                        and (was_bounded.get(sid) is laid or was_bounded.get(sid) == laid):   # not pulled elsewhere
                    out.steps[sid] = kept
                    continue
                out.steps[sid] = self._box(self._bounded[sid], y)
            y += height
        self._frame(out, lanes, right, y)
        if full:
            self._texts = {s.id: tuple(getattr(s, kind).strip() for kind in INFO_ROWS) for s in steps}
            self._with_text = {s.id: s for s in steps if self._texts[s.id] != NO_TEXT}
            texts_changed = None
        else:
            reboxed = {sid for sid, box in out.steps.items() if box is not old.steps.get(sid)}
            texts_changed = {sid: self._bounded.get(sid) for sid in changed | reboxed}
        self._order = None                   # boxes may have moved without changing: sort again
        out.info_rows = self._info_rows(out.steps, y, right, texts_changed, old)
        self._finish_frame(out, y)
        out.jumps = {f.id for f in flows if _is_jump(out.steps, f)}

        rects = {s: b.rect for s, b in out.steps.items()}
        self._pairs = pairs = [(f.id, f.source_id, f.target_id) for f in flows if f.id not in out.jumps]
        lane_rects = [lane.rect for lane in out.lanes]
        if full and self._defer:                   # routed after the first paint: see route_some
            self._pending = self._routing(out, rects, pairs, lane_rects)
            rerouted = set(old.routes)
        elif full:
            out.routes = dict(self.router.full(rects, pairs, lane_rects))
            rerouted = set(out.routes) | set(old.routes)
        else:
            rerouted = self.router.update(rects, pairs, lane_rects)
            out.routes = dict(self.router.routes)
        out.label_points = {fid: (old.label_points[fid] if fid not in rerouted and fid in old.label_points
                                  else _label_point(points)) for fid, points in out.routes.items()}
        self.layout = out
        self._prune_labels(out)

        diff = LayoutDiff(flows=rerouted)
        diff.steps = {sid for sid in set(out.steps) | set(old.steps) if out.steps.get(sid) is not old.steps.get(sid)}
        diff.frame = full or self._frame_changed(out, old)
        return diff

    # ------------------------------------------------------------------ routes after the first paint
    @property
    def routing_pending(self) -> bool:
        return self._pending is not None

    def route_some(self, seconds: float) -> bool:
        """Route for about ``seconds``; True once every route is in the layout."""
        if self._pending is None:
            return True
        end = time.perf_counter() + seconds
        for _ in self._pending:
            if time.perf_counter() >= end:
                return False
        self._pending = None
        return True

    def finish_routes(self) -> None:
        while not self.route_some(3600.0):
            pass

    def _routing(self, out: MapLayout, rects, pairs, lane_rects) -> Iterator[None]:
        yield from self.router.full_in_parts(rects, pairs, lane_rects, part=ROUTE_PART)
        out.routes = dict(self.router.routes)
        out.label_points = {fid: _label_point(points) for fid, points in out.routes.items()}

    # ------------------------------------------------------------------ only what changed
    def _patch(self, lanes, phases, steps, flows, changed: set[int], changed_flows: set[int] | None) \
            -> LayoutDiff | None:
        """``update`` for an edit that keeps the map's steps, lanes and phases; None when the
        edit does not (a step came or went, a lane or phase changed): the caller walks all."""
        old = self.layout
        given = self._given
        if self._frame_key is None or len(steps) != len(given) or any(sid not in given for sid in changed) or \
                self._frame_key != (tuple(lanes), tuple(bounded_phases(phases, len(steps)))):
            return None
        now = {s.id: s for s in steps if s.id in changed} if changed else {}
        if len(now) != len(changed):
            return None
        x0 = LANE_HEADER_WIDTH
        span = time_span(len(steps), len(phases))
        # lanes whose number of steps changed: their steps' depth bound may have changed
        recount: set[int] = set()
        for sid, step in now.items():
            before = given[sid].lane_id
            if before != step.lane_id:
                self._per_lane[before] -= 1
                self._per_lane[step.lane_id] += 1
                recount |= {before, step.lane_id}
                del self._members[before][sid]
                self._members.setdefault(step.lane_id, {})[sid] = None
                self._need[before].pop(sid, None)
            given[sid] = step
        rebox: dict[int, Step] = {}
        for sid in set(now) | {sid for lane in recount for sid in self._members.get(lane, ())}:
            step = given[sid]
            laid = bounded_step(step, span, self._per_lane[step.lane_id])
            if sid in now or laid != self._bounded[sid]:
                self._bounded[sid] = rebox[sid] = laid
                w, h = shape_size(laid.shape)
                self._right_of[sid] = x0 + laid.x + w / 2
                self._need.setdefault(laid.lane_id, {})[sid] = laid.y + h / 2 + LANE_PADDING
        right = self._right_edge()

        out = MapLayout()
        out.steps = dict(old.steps)
        moved: set[int] = set()
        y = PHASE_HEADER_HEIGHT
        for i, lane in enumerate(lanes):
            height = max(LANE_MIN_HEIGHT, max(self._need[lane.id].values(), default=0.0))
            rect = Rect(0, y, right, height)
            out.lanes.append(LaneBox(lane.id, LaneKind(lane.kind), lane.name, rect, Rect(0, y, x0, height)))
            if old.lanes[i].rect.top != y:                  # the lane moved: all its steps with it
                members = self._members[lane.id]
            else:
                members = [sid for sid, step in rebox.items() if step.lane_id == lane.id]
            for sid in members:
                box = self._box(self._bounded[sid], y)
                if box != out.steps.get(sid):
                    out.steps[sid] = box
                    moved.add(sid)
            y += height
        known = {lane.id for lane in lanes}
        for sid, step in rebox.items():
            if step.lane_id not in known and out.steps.pop(sid, None) is not None:      # as layout_map: not drawn
                moved.add(sid)
        self._frame(out, lanes, right, y)
        out.info_rows = self._info_rows(out.steps, y, right, {sid: self._bounded[sid] for sid in now}, old)
        self._finish_frame(out, y)

        connectors = any(old.steps.get(sid) is not None and old.steps[sid].shape == Shape.CONNECTOR or
                         sid in out.steps and out.steps[sid].shape == Shape.CONNECTOR for sid in now)
        if changed_flows is None or changed_flows or connectors:
            out.jumps = {f.id for f in flows if _is_jump(out.steps, f)}
            pairs = [(f.id, f.source_id, f.target_id) for f in flows if f.id not in out.jumps]
        else:
            out.jumps = set(old.jumps)
            pairs = self._pairs
        same_flows = pairs is self._pairs or pairs == self._pairs
        self._pairs = pairs
        rerouted = self.router.update(_BoxRects(out.steps), None if same_flows else pairs,
                                      [lane.rect for lane in out.lanes], moved=moved)
        out.routes = dict(self.router.routes)
        out.label_points = dict(old.label_points)
        for fid in rerouted:
            points = out.routes.get(fid)
            if points is None:
                out.label_points.pop(fid, None)
            else:
                out.label_points[fid] = _label_point(points)
        self.layout = out
        self._prune_labels(out)
        return LayoutDiff(steps=moved, flows=rerouted, frame=self._frame_changed(out, old))

    # ------------------------------------------------------------------ shared parts
    def _right_edge(self) -> float:
        x0 = LANE_HEADER_WIDTH
        column_right = x0 + sum(p.width for p in self._phases)
        step_right = max(self._right_of.values(), default=x0)
        return max(column_right, step_right + CONTENT_PADDING, x0 + CONTENT_MIN_WIDTH)

    def _box(self, step: Step, lane_top: float) -> StepBox:
        w, h = shape_size(step.shape)
        cy = lane_top + max(step.y, h / 2 + LANE_PADDING)
        return StepBox(step.id, step.lane_id, Shape(step.shape), Rect.around(LANE_HEADER_WIDTH + step.x, cy, w, h),
                       self._label_lines(step), **step_marker(step))

    def _frame(self, out: MapLayout, lanes, right: float, lanes_bottom: float) -> None:
        x0 = LANE_HEADER_WIDTH
        out.content = Rect(x0, PHASE_HEADER_HEIGHT, right - x0, lanes_bottom - PHASE_HEADER_HEIGHT)
        x = x0
        for phase in self._phases:
            header = Rect(x, 0, phase.width, PHASE_HEADER_HEIGHT)
            out.phases.append(PhaseBox(phase.id, phase.name, header, Rect(x, 0, phase.width, lanes_bottom)))
            x += phase.width
        out.stage_lines = _stage_lines(out.lanes, x0, right)

    @staticmethod
    def _finish_frame(out: MapLayout, lanes_bottom: float) -> None:
        bottom = out.info_rows[-1].rect.bottom if out.info_rows else lanes_bottom
        out.bounds = Rect(0, 0, out.content.right, bottom)

    @staticmethod
    def _frame_changed(out: MapLayout, old: MapLayout) -> bool:
        return (out.lanes, out.phases, out.info_rows, out.bounds, out.stage_lines) != \
            (old.lanes, old.phases, old.info_rows, old.bounds, old.stage_lines)

    def _prune_labels(self, out: MapLayout) -> None:
        if len(self._labels) > 2 * len(out.steps) + 64:
            self._labels = {sid: v for sid, v in self._labels.items() if sid in out.steps}
