"""Where everything on a swimlane process map goes — for the editor, the PDF and BPMN DI.

Coordinates are points, origin at the map's top-left corner, y downwards:

    ┌────────┬──────── phase 1 ────────┬──── phase 2 ────┐   phase header row
    │ lane 1 │      ○ step               │                 │
    ├────────┼───────────────────────────┼─────────────────┤   ← line of interaction
    │ lane 2 │            ▭ step         │      ◇          │
    └────────┴───────────────────────────┴─────────────────┘
    │ Output │ …per step…                                   │   info rows
    │Measure │                                               │
    │Problems│                                               │

A step's stored ``x`` is its centre along the time axis, measured from the left edge of the
first phase column; ``y`` is its centre measured from the top of its lane. Lanes grow to fit
their steps and never shrink below ``LANE_MIN_HEIGHT``.
"""

from __future__ import annotations

import bisect
import functools
import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field

from mot_workshop.domain.enums import LaneKind, Shape, marker_applies
from mot_workshop.domain.process import Flow, Lane, Phase, Step
from mot_workshop.layout.bounds import bounded_phases, bounded_steps
from mot_workshop.layout.geometry import Point, Rect
from mot_workshop.layout.text_metrics import text_height, text_width, wrap

LANE_HEADER_WIDTH = 150.0
PHASE_HEADER_HEIGHT = 40.0
LANE_MIN_HEIGHT = 130.0
LANE_PADDING = 22.0           # free band inside a lane's top and bottom: routes run here
CONTENT_MIN_WIDTH = 600.0
CONTENT_PADDING = 60.0        # beyond the right-most step when it is outside every phase
STEP_FONT = 11.0
INFO_FONT = 9.0
INFO_ROW_MIN_HEIGHT = 34.0
INFO_CELL_PADDING = 5.0
INFO_MAX_LINES = 6
SNAP = 10.0

SHAPE_SIZE: dict[Shape, tuple[float, float]] = {
    Shape.ACTIVITY: (150.0, 64.0),
    Shape.COMPUTER: (150.0, 64.0),
    Shape.OTHER_PROCESS: (150.0, 64.0),
    Shape.DECISION: (130.0, 84.0),
    Shape.START_END: (120.0, 46.0),
    Shape.CONNECTOR: (40.0, 40.0),
}

# Front stage / back stage: where the customer meets us and where the customer's sight ends.
_STAGE = {LaneKind.CUSTOMER: 0, LaneKind.CONTACT: 1, LaneKind.DEPARTMENT: 2, LaneKind.SYSTEM: 2,
          LaneKind.OTHER: 2}
INTERACTION = "interaction"
VISIBILITY = "visibility"
INFO_ROWS = ("output", "measure", "problems")


@dataclass(frozen=True)
class LaneBox:
    lane_id: int
    kind: LaneKind
    name: str
    rect: Rect            # the whole band, header included
    header: Rect


@dataclass(frozen=True)
class PhaseBox:
    phase_id: int
    name: str
    header: Rect
    column: Rect          # header plus every lane below it


@dataclass(frozen=True)
class StepBox:
    step_id: int
    lane_id: int
    shape: Shape
    rect: Rect
    label_lines: tuple[str, ...]
    marker: str | None = None       # the BPMN marker drawn in the shape (enums.Marker), where it applies
    event_role: str | None = None


def step_marker(step: Step) -> dict:
    """The StepBox fields of a step's BPMN marker: set only where the marker means something."""
    if not marker_applies(step.marker, step.shape):
        return {}
    return {"marker": str(step.marker), "event_role": str(step.event_role) if step.event_role else None}


@dataclass(frozen=True)
class StageLine:
    kind: str             # INTERACTION or VISIBILITY
    y: float
    x1: float
    x2: float


@dataclass(frozen=True)
class InfoCell:
    step_id: int
    rect: Rect
    lines: tuple[str, ...]


@dataclass(frozen=True)
class InfoRow:
    kind: str             # output / measure / problems
    rect: Rect
    header: Rect
    cells: tuple[InfoCell, ...]


@dataclass
class MapLayout:
    lanes: list[LaneBox] = field(default_factory=list)
    phases: list[PhaseBox] = field(default_factory=list)
    steps: dict[int, StepBox] = field(default_factory=dict)
    routes: dict[int, list[Point]] = field(default_factory=dict)
    # flows from one in-process connector to another: the pair of circles stands for the
    # jump (프로세스내 연결), so they get no line, on screen or on paper
    jumps: set[int] = field(default_factory=set)        # their flow ids
    label_points: dict[int, Point] = field(default_factory=dict)
    stage_lines: list[StageLine] = field(default_factory=list)
    info_rows: list[InfoRow] = field(default_factory=list)
    content: Rect = Rect(0, 0, 0, 0)        # the lanes' drawing area, headers excluded
    bounds: Rect = Rect(0, 0, 0, 0)

    def lane_at(self, y: float) -> LaneBox | None:
        return next((lane for lane in self.lanes if lane.rect.top <= y < lane.rect.bottom), None)

    def phase_at(self, x: float) -> PhaseBox | None:
        return next((p for p in self.phases if p.header.left <= x < p.header.right), None)


def shape_size(shape: Shape) -> tuple[float, float]:
    return SHAPE_SIZE[Shape(shape)]


@functools.lru_cache(maxsize=1 << 16)
def wrapped(text: str, size: float, width: float, max_lines: int) -> tuple[str, ...]:
    """``wrap`` remembered: a big map's labels and info cells are wrapped once, not per edit."""
    return tuple(wrap(text, size, width, max_lines=max_lines))


def step_label_lines(step: Step) -> tuple[str, ...]:
    w, _ = shape_size(step.shape)
    inner = w * (0.62 if step.shape == Shape.DECISION else 0.86)
    return wrapped(step.label, STEP_FONT, inner, 3) if step.label else ()


def steps_by_lane_and_right_edge(lanes, phases, steps) -> tuple[dict[int, list[Step]], float]:
    """Each lane's steps, and the map's right edge: phase columns left to right, then room
    for steps beyond the last phase. Shared by the full and the live (incremental) layout."""
    by_lane: dict[int, list[Step]] = {lane.id: [] for lane in lanes}
    for step in steps:
        by_lane.setdefault(step.lane_id, []).append(step)
    x0 = LANE_HEADER_WIDTH
    column_right = x0 + sum(p.width for p in phases)
    step_right = max((x0 + s.x + shape_size(s.shape)[0] / 2 for s in steps), default=x0)
    return by_lane, max(column_right, step_right + CONTENT_PADDING, x0 + CONTENT_MIN_WIDTH)


def layout_map(lanes: Sequence[Lane], phases: Sequence[Phase], steps: Sequence[Step],
               flows: Sequence[Flow] = (), *, info_rows: bool = True, route: bool = True) -> MapLayout:
    """The full geometry of one map. Lanes and phases are taken in the order given."""
    from mot_workshop.layout.routing import route_flows

    out = MapLayout()
    steps, phases = bounded_steps(steps, len(phases)), bounded_phases(phases, len(steps))
    by_lane, right = steps_by_lane_and_right_edge(lanes, phases, steps)
    x0 = LANE_HEADER_WIDTH

    # Lanes top to bottom, each as tall as its lowest step needs.
    y = PHASE_HEADER_HEIGHT
    for lane in lanes:
        needed = max((s.y + shape_size(s.shape)[1] / 2 + LANE_PADDING for s in by_lane[lane.id]), default=0.0)
        height = max(LANE_MIN_HEIGHT, needed)
        rect = Rect(0, y, right, height)
        out.lanes.append(LaneBox(lane.id, LaneKind(lane.kind), lane.name, rect, Rect(0, y, x0, height)))
        for step in by_lane[lane.id]:
            w, h = shape_size(step.shape)
            cy = y + max(step.y, h / 2 + LANE_PADDING)
            out.steps[step.id] = StepBox(step.id, lane.id, Shape(step.shape),
                                         Rect.around(x0 + step.x, cy, w, h), step_label_lines(step),
                                         **step_marker(step))
        y += height
    lanes_bottom = y
    out.content = Rect(x0, PHASE_HEADER_HEIGHT, right - x0, lanes_bottom - PHASE_HEADER_HEIGHT)

    x = x0
    for phase in phases:
        header = Rect(x, 0, phase.width, PHASE_HEADER_HEIGHT)
        out.phases.append(PhaseBox(phase.id, phase.name, header, Rect(x, 0, phase.width, lanes_bottom)))
        x += phase.width

    out.stage_lines = _stage_lines(out.lanes, x0, right)
    if info_rows:
        out.info_rows = _info_rows(steps, out.steps, lanes_bottom, right)
    bottom = out.info_rows[-1].rect.bottom if out.info_rows else lanes_bottom
    out.bounds = Rect(0, 0, right, bottom)
    out.jumps = {f.id for f in flows if _is_jump(out.steps, f)}
    if route:
        routes = route_flows({s: b.rect for s, b in out.steps.items()},
                             [(f.id, f.source_id, f.target_id) for f in flows if f.id not in out.jumps],
                             [lane.rect for lane in out.lanes])
        out.routes = routes
        out.label_points = {fid: _label_point(points) for fid, points in routes.items()}
    return out


def _is_jump(steps: dict[int, StepBox], flow: Flow) -> bool:
    """A flow between two in-process connectors: drawn as the pair of circles, not a line."""
    source, target = steps.get(flow.source_id), steps.get(flow.target_id)
    return source is not None and target is not None and source.shape == target.shape == Shape.CONNECTOR \
        and source.marker in (None, "link") and target.marker in (None, "link")   # not two events (timer …)


def _stage_lines(lanes: list[LaneBox], x1: float, x2: float) -> list[StageLine]:
    lines = []
    for upper, lower in zip(lanes, lanes[1:]):
        stages = {_STAGE[upper.kind], _STAGE[lower.kind]}
        if stages in ({0, 1}, {0, 2}):
            lines.append(StageLine(INTERACTION, upper.rect.bottom, x1, x2))
        elif stages == {1, 2}:
            lines.append(StageLine(VISIBILITY, upper.rect.bottom, x1, x2))
    return lines


def _info_rows(steps: Sequence[Step], boxes: dict[int, StepBox], top: float, right: float) -> list[InfoRow]:
    """One row each for Output, measure and problems; a step's cell sits under the step.
    Cells that would overlap (steps above each other in different lanes) stack in tracks."""
    rows = []
    y = top
    ordered = info_order(steps, boxes)
    for kind in INFO_ROWS:
        row = info_row(kind, ordered, boxes, y, right)
        rows.append(row)
        y += row.rect.h
    return rows


def info_order(steps: Sequence[Step], boxes: dict[int, StepBox]) -> list[Step]:
    return sorted(steps, key=lambda s: (boxes[s.id].rect.cx, s.id))


SWEEP_CHECKPOINT = 128     # steps of ``info_order`` between two saved states of a row's sweep


@dataclass
class InfoSweep:
    """What laying out one info row left behind, so the next layout can resume its sweep
    where the first changed step stands instead of from the map's left edge: the state of the
    track assignment every ``SWEEP_CHECKPOINT`` steps, the cells placed, the tracks' offsets."""
    checkpoints: list[tuple[int, tuple[float, ...], int]] = field(default_factory=list)  # (index, tracks, placed)
    placed: list[tuple[int, int, Rect, tuple[str, ...], float]] = field(default_factory=list)
    offsets: list[float] = field(default_factory=list)
    y: float = 0.0
    tracks: tuple[float, ...] = ()        # the tracks' right edges at the end of the sweep
    widest: float = 0.0                   # at least as wide as any cell placed


def _free_from(tracks: Sequence[float], bound: float) -> tuple[float, ...]:
    """Tracks as the rest of a sweep sees them when no cell to come starts left of ``bound``:
    every track ending there or before is free to all of them alike, and free tracks at the
    end are as good as none (the next track needed gets the same number either way)."""
    out = [edge if edge > bound else bound for edge in tracks]
    while out and out[-1] == bound:
        out.pop()
    return tuple(out)


def _rebased(old_then: Sequence[float], new_then: Sequence[float], old_later: Sequence[float],
             bound: float) -> tuple[float, ...]:
    """The new sweep's tracks at a later point, where two sweeps met at a point ``then`` (equal
    from ``bound`` on) and went on alike: a track a cell took since is as the old sweep left
    it, one none took is as the new sweep had it, and a track only the old sweep had, unused
    since, the new sweep does not have."""
    out: list[float] = []
    for k in range(max(len(old_later), len(new_then))):
        later = old_later[k] if k < len(old_later) else None
        then = old_then[k] if k < len(old_then) else None
        if later is not None and (then is None or then > bound or later != then):
            out.append(later)                 # taken since (or never free: the same in both)
        elif k < len(new_then):
            out.append(new_then[k])
        else:
            break                             # the old sweep's spare free tracks
    return tuple(out)


def info_row(kind: str, ordered: Sequence[Step], boxes: dict[int, StepBox], y: float, right: float,
             previous: InfoRow | None = None, sweep: InfoSweep | None = None, start: int = 0,
             end: int | None = None) -> InfoRow:
    """The ``kind`` row at ``y``, from the steps in ``info_order``. Cells equal to one of
    ``previous`` row's are that cell (an edit re-places a few of a big map's thousands).
    With ``sweep`` (from laying out ``previous``) and ``start`` (no step of ``ordered`` before
    that index changed, nor moved in the order), the sweep resumes from its last saved state
    before ``start``. With ``end`` too (from that index on, ``ordered`` holds the steps the
    sweep saw, unchanged, at the same indices), it stops at the first saved state after
    ``end`` where it meets the old sweep again — from there on it would only repeat it — and
    takes the rest from ``sweep``, which is brought up to date either way."""
    tracks: list[float] = []          # right edge of the last cell in each track
    placed: list[tuple[int, int, Rect, tuple[str, ...], float]] = []
    begin = 0
    checkpoints: list = []
    widest = 0.0
    resumable = sweep is not None and previous is not None and sweep.checkpoints
    if resumable and start > 0:
        at = bisect.bisect_right(sweep.checkpoints, (start, (float("inf"),), 0)) - 1
        if at >= 0:
            begin, saved, count = sweep.checkpoints[at]
            tracks, placed = list(saved), sweep.placed[:count]
            checkpoints = sweep.checkpoints[:at + 1]
            widest = sweep.widest             # at least the widest cell resumed with
    kept = len(placed)
    rejoined = None                   # (new placed count, old placed count) where the sweeps met
    old_points = sweep.checkpoints if resumable and end is not None and \
        len(previous.cells) == len(sweep.placed) else ()
    for index in range(begin, len(ordered)):
        if index % SWEEP_CHECKPOINT == 0 and (not checkpoints or checkpoints[-1][0] != index):
            state = tuple(tracks)
            checkpoints.append((index, state, len(placed)))
            at = index // SWEEP_CHECKPOINT
            if old_points and begin < index and end <= index and at < len(old_points) and \
                    old_points[at][0] == index:
                # no cell to come starts left of this: the steps are sorted by centre
                bound = boxes[ordered[index].id].rect.cx - sweep.widest / 2
                then = old_points[at][1]
                if _free_from(then, bound) == _free_from(state, bound):
                    old_count = old_points[at][2]
                    rejoined = (len(placed), old_count)
                    delta = len(placed) - old_count
                    placed.extend(sweep.placed[old_count:])
                    checkpoints.extend((i, _rebased(then, state, t, bound), c + delta)
                                       for i, t, c in old_points[at + 1:])
                    tracks = list(_rebased(then, state, sweep.tracks, bound))
                    widest = max(widest, sweep.widest)
                    break
        step = ordered[index]
        text = getattr(step, kind).strip()
        if not text:
            continue
        box = boxes[step.id].rect
        width = max(box.w, 120.0)
        if width > widest:
            widest = width
        left = box.cx - width / 2
        lines = wrapped(text, INFO_FONT, width - 2 * INFO_CELL_PADDING, INFO_MAX_LINES)
        for track, edge in enumerate(tracks):       # the first track free here (a loop: no generator per cell)
            if edge <= left:
                break
        else:
            tracks.append(0.0)
            track = len(tracks) - 1
        tracks[track] = left + width + 4
        need = text_height(len(lines), INFO_FONT) + 2 * INFO_CELL_PADDING
        placed.append((track, step.id, Rect(left, 0, width, 0), lines, need))
    track_heights = [INFO_ROW_MIN_HEIGHT] * max(1, len(tracks))
    for track, _, _, _, need in placed:
        if need > track_heights[track]:
            track_heights[track] = need
    offsets = list(itertools.accumulate(track_heights, initial=0.0))
    height = sum(track_heights)
    same_tracks = sweep is not None and previous is not None and sweep.offsets == offsets and sweep.y == y
    if not same_tracks:
        kept, rejoined = 0, None
    cells: list[InfoCell] = list(previous.cells[:kept]) if kept else []   # before the resumed sweep: as they were
    stop = rejoined[0] if rejoined is not None else len(placed)
    # a step re-placed here had its old cell between the two stretches that stand as they were
    known = {cell.step_id: cell for cell in previous.cells[kept:rejoined[1] if rejoined else None]} \
        if previous is not None else {}
    for t, sid, r, lines, _ in placed[kept:stop]:
        cell, top, h = known.get(sid), y + offsets[t], track_heights[t]
        if cell is None or cell.lines is not lines and cell.lines != lines or \
                (cell.rect.x, cell.rect.y, cell.rect.w, cell.rect.h) != (r.x, top, r.w, h):
            cell = InfoCell(sid, Rect(r.x, top, r.w, h), lines)
        cells.append(cell)
    if rejoined is not None:
        cells.extend(previous.cells[rejoined[1]:])     # where the sweeps met on, the cells stand as they were
    if sweep is not None:
        sweep.checkpoints, sweep.placed, sweep.offsets, sweep.y = checkpoints, placed, offsets, y
        sweep.tracks, sweep.widest = tuple(tracks), widest
    return InfoRow(kind, Rect(0, y, right, height), Rect(0, y, LANE_HEADER_WIDTH, height), tuple(cells))


def _label_point(points: list[Point]) -> Point:
    """Where a flow's label goes: the middle of its first leg long enough to hold it."""
    for (ax, ay), (bx, by) in zip(points, points[1:]):
        if abs(bx - ax) + abs(by - ay) >= 40:
            return ((ax + bx) / 2, (ay + by) / 2)
    (ax, ay), (bx, by) = points[0], points[-1]
    return ((ax + bx) / 2, (ay + by) / 2)


def snap(value: float, grid: float = SNAP) -> float:
    return round(value / grid) * grid


def label_width(text: str) -> float:
    return text_width(text, STEP_FONT)
