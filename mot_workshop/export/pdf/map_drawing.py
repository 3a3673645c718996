"""A swimlane map drawn as vectors from ``layout.swimlane.layout_map`` — the same geometry
the editor shows — and split into readable page tiles when it is too big for the paper.

The scale is chosen so that the smallest text (flow labels and info cells, 9 pt in map
units) stays at least ``MIN_TEXT`` points on paper. When the map does not fit at that
scale it is cut into tiles: columns along the time axis, cut between steps where possible,
with an overlap band shaded on both tiles; and, when the lanes plus the info rows are too
tall, bands of whole lanes / info rows. Every tile repeats the lane headers and the phase
header row, and is titled "… — part k of n".
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from mot_workshop.domain.process import Step
from mot_workshop.export.pdf import fonts, shapes
from mot_workshop.export.pdf.styles import COLOURS
from mot_workshop.i18n import tr
from mot_workshop.layout.geometry import Rect
from mot_workshop.layout.swimlane import (
    INFO_CELL_PADDING, INFO_FONT, LANE_HEADER_WIDTH, PHASE_HEADER_HEIGHT, STEP_FONT, MapLayout,
)
from mot_workshop.layout.text_metrics import LINE_SPACING

MIN_TEXT = 6.0
OVERVIEW_MIN_TEXT = 5.0            # a whole-map overview is printed only when its text stays this large
FLOW_FONT = 9.0
HEADER_FONT = 10.0
SMALLEST = min(STEP_FONT, INFO_FONT, FLOW_FONT)
OVERLAP = 60.0                     # map units shared by neighbouring column tiles
MAX_SCALE = 1.0
TILE_SCALE = 0.8                   # tiles are drawn no larger than this: fewer pages, text ≥ 7 pt


def info_title(kind: str) -> str:
    return {"output": tr("Output"), "measure": tr("Measure"), "problems": tr("Problems")}[kind]


@dataclass(frozen=True)
class Tile:
    x0: float          # content columns shown (map x, right of the lane headers)
    x1: float
    y0: float          # rows shown (map y, below the phase header row)
    y1: float
    column: int
    band: int

    @property
    def width(self) -> float:
        return LANE_HEADER_WIDTH + (self.x1 - self.x0)

    @property
    def height(self) -> float:
        return PHASE_HEADER_HEIGHT + (self.y1 - self.y0)


@dataclass(frozen=True)
class TilePlan:
    scale: float
    tiles: tuple[Tile, ...]
    columns: int
    bands: int

    @property
    def smallest_text(self) -> float:
        return SMALLEST * self.scale

    def part(self, column: int, band: int) -> int | None:
        """The 1-based part number of the tile at (column, band), None when it is left out."""
        for n, tile in enumerate(self.tiles, 1):
            if tile.column == column and tile.band == band:
                return n
        return None


def plan_tiles(layout: MapLayout, avail_w: float, avail_h: float, *, min_text: float = MIN_TEXT) -> TilePlan:
    """The scale and the tiles of a map for a frame of ``avail_w`` × ``avail_h`` points."""
    bounds = layout.bounds
    width, height = max(bounds.w, 1.0), max(bounds.h, 1.0)
    s_min = min_text / SMALLEST
    s_fit = min(avail_w / width, avail_h / height, MAX_SCALE)
    left, top = LANE_HEADER_WIDTH, PHASE_HEADER_HEIGHT
    if s_fit >= s_min:
        return TilePlan(s_fit, (Tile(left, bounds.right, top, bounds.bottom, 0, 0),), 1, 1)
    scale = max(s_min, min(TILE_SCALE, avail_h / height))
    bands = _bands(layout, avail_h / scale - top + 1e-6)      # a map exactly one page high is one band
    columns = _columns(layout, avail_w / scale - left)
    tiles = tuple(Tile(x0, x1, y0, y1, c, b) for c, (x0, x1) in enumerate(columns)
                  for b, (y0, y1) in enumerate(bands))
    # a tile with nothing of its own (empty lanes, an overlap strip) is left out
    index = _BoxIndex(layout)
    kept = tuple(t for t in tiles if _tile_has_content(index, t)) or tiles[:1]
    return TilePlan(scale, kept, len(columns), len(bands))


def _bands(layout: MapLayout, room: float) -> list[tuple[float, float]]:
    """Whole lanes and whole info rows, grouped top to bottom into bands of ≤ ``room``: as
    few bands as fit, of even height, and never a band of info rows alone (the Output /
    measure / problems strip goes with the lane above it, not on a page of its own)."""
    lanes = [(lane.rect.top, lane.rect.bottom) for lane in layout.lanes]
    units = lanes + [(row.rect.top, row.rect.bottom) for row in layout.info_rows]
    room = max(room, 1.0)
    if not units:
        return [(PHASE_HEADER_HEIGHT, layout.bounds.bottom)]
    if any(bottom - top > room for top, bottom in units):
        return _sliced_bands(units, room)       # a lane taller than a page: cut into page-high slices
    cuts = _even_cuts([bottom - top for top, bottom in units], room)
    first_info = len(lanes)
    if lanes and len(cuts) > 0 and cuts[-1] >= first_info:
        # the last band would hold only info rows: it takes the last lane(s) along while it fits
        while cuts[-1] >= first_info and units[-1][1] - units[cuts[-1] - 1][0] <= room and cuts[-1] > (
                cuts[-2] + 1 if len(cuts) > 1 else 1):
            cuts[-1] -= 1
    edges = [0, *cuts, len(units)]
    return [(units[a][0], units[b - 1][1]) for a, b in zip(edges, edges[1:])]


def _even_cuts(heights: list[float], room: float) -> list[int]:
    """Where to start each band after the first (unit indices): the fewest bands of at most
    ``room``, their tallest as low as can be (so the last page is not a sliver)."""
    def greedy(limit: float) -> list[int]:
        cuts, height = [], 0.0
        for i, h in enumerate(heights):
            if height and height + h > limit:
                cuts.append(i)
                height = 0.0
            height += h
        return cuts

    count = len(greedy(room))
    low, high = max(heights), room
    for _ in range(30):                 # the lowest limit that still needs no more bands
        mid = (low + high) / 2
        if len(greedy(mid)) > count:
            low = mid
        else:
            high = mid
    return greedy(high)


def _sliced_bands(units: list[tuple[float, float]], room: float) -> list[tuple[float, float]]:
    bands: list[tuple[float, float]] = []
    for top, bottom in units:
        if bands and bottom - bands[-1][0] <= room:
            bands[-1] = (bands[-1][0], bottom)
            continue
        while bottom - top > room:
            bands.append((top, top + room))
            top += room
        bands.append((top, bottom))
    return bands


def _columns(layout: MapLayout, room: float) -> list[tuple[float, float]]:
    """Column ranges along the time axis, as few as the room allows and of even width, so
    no column holds only the overlap strip; each cut falls between steps where it can."""
    start, right = LANE_HEADER_WIDTH, layout.bounds.right
    room = max(room, OVERLAP * 3)
    if right - start <= room:
        return [(start, right)]
    boxes = _Spans(b.rect for b in layout.steps.values())
    columns = []
    while right - start > room:
        count = math.ceil((right - start - OVERLAP) / (room - OVERLAP))     # columns still needed
        ideal = start + (right - start + (count - 1) * OVERLAP) / count      # an even share of what is left
        # no later column may be needed only because this cut fell short
        wide = max(start + 2 * OVERLAP, ideal - room * 0.25)
        low = max(wide, right - (count - 1) * (room - OVERLAP))
        cut = _free_cut(boxes, ideal, low=min(low, start + room), high=start + room)
        if cut is None:             # no clean cut there: one more column rather than a cut step
            cut = _free_cut(boxes, ideal, low=wide, high=start + room)
        if cut is None:
            cut = start + room
        columns.append((start, cut))
        start = cut - OVERLAP
    columns.append((start, right))
    return columns


def _free_cut(boxes, ideal: float, *, low: float, high: float) -> float | None:
    """The x nearest ``ideal`` within [low, high] that cuts no step, or whose cut steps the
    next column shows whole; None when there is none."""
    reach = max(ideal - low, high - ideal, 0.0)
    candidates = [x for offset in range(0, int(reach) + 1, 10) for x in (ideal - offset, ideal + offset)
                  if low <= x <= high]
    for x in candidates:
        if not boxes.crossed(x):
            return x
    for x in candidates:        # else a cut whose crossed steps lie whole in the next column's overlap
        if not boxes.crossed(x, left_of=x - OVERLAP + 2):
            return x
    return None


class _Spans:
    """The steps' x extents, sorted by left edge, with the furthest right edge so far: is
    x inside a step is a binary search (a 10,000-step map tries thousands of cuts)."""

    def __init__(self, rects) -> None:
        spans = sorted((r.left, r.right) for r in rects)
        self.lefts = [left for left, _ in spans]
        self.reach: list[float] = []
        far = -math.inf
        for _, right in spans:
            far = max(far, right)
            self.reach.append(far)

    def crossed(self, x: float, *, left_of: float | None = None) -> bool:
        """Whether a step with its left edge before ``left_of`` (default ``x``) reaches past x."""
        import bisect

        n = bisect.bisect_left(self.lefts, x if left_of is None else min(left_of, x))
        return n > 0 and self.reach[n - 1] > x


def _tile_has_content(index: _BoxIndex, tile: Tile) -> bool:
    """A tile is worth a page when a step, or an info cell with text, shows on it beyond
    the strip it shares with its left neighbour."""
    x0 = tile.x0 + (OVERLAP if tile.column > 0 else 0)
    view = Rect(x0, tile.y0, max(tile.x1 - x0, 1.0), tile.y1 - tile.y0)
    return any(r.intersects(view) for r in index.near(view))


class _BoxIndex:
    """Steps and info cells with text, by column strip: a tile asks only its own strip."""

    STRIP = 400.0

    def __init__(self, layout: MapLayout) -> None:
        self.strips: dict[int, list[Rect]] = {}
        rects = [b.rect for b in layout.steps.values()]
        rects += [cell.rect for row in layout.info_rows for cell in row.cells if cell.lines]
        for r in rects:
            for strip in range(int(r.left // self.STRIP), int(r.right // self.STRIP) + 1):
                self.strips.setdefault(strip, []).append(r)

    def near(self, view: Rect):
        for strip in range(int(view.left // self.STRIP), int(view.right // self.STRIP) + 1):
            yield from self.strips.get(strip, ())


@dataclass
class MapContent:
    """A laid-out map with what the drawing needs beyond geometry."""

    layout: MapLayout
    steps: dict[int, Step]
    flow_labels: dict[int, str]
    flow_ends: dict[int, tuple[int, int]] = field(default_factory=dict)     # flow id -> (source, target)
    _index: _GeometryIndex | None = field(default=None, repr=False, compare=False)
    _cut: dict[int, tuple[int, str]] | None = field(default=None, repr=False, compare=False)

    @property
    def cut_labels(self) -> dict[int, tuple[int, str]]:
        """step id -> (note number, whole label) of every step label too long for its box
        even at the smallest size: the page under its map part repeats them whole."""
        if self._cut is None:
            self._cut = {}
            for sid, box in self.layout.steps.items():
                text = step_text(box, self.steps.get(sid))
                if len(text) > 60 and label_is_cut(text, str(box.shape), box.rect.w, box.rect.h):
                    self._cut[sid] = (len(self._cut) + 1, " ".join(text.split()))
        return self._cut

    @property
    def index(self) -> _GeometryIndex:
        """Where everything is, made once per map (not per tile, region and build pass)."""
        if self._index is None:
            self._index = _GeometryIndex(self.layout, self.flow_labels)
        return self._index


class _GeometryIndex:
    """A grid over the map: which steps, routes, info cells and flow labels lie near a view.
    Each tile region asks only for its neighbours; a big map's report stays linear."""

    SIZE = 400.0

    def __init__(self, layout: MapLayout, labels: Mapping[int, str]) -> None:
        self.grid: dict[tuple[int, int], list[tuple[str, int, object]]] = {}
        for n, (sid, box) in enumerate(layout.steps.items()):
            self._add(box.rect.inflate(12), ("step", n, sid))
        for n, (fid, points) in enumerate(layout.routes.items()):
            if len(points) >= 2:
                xs, ys = [p[0] for p in points], [p[1] for p in points]
                self._add(Rect(min(xs), min(ys), max(xs) - min(xs) + 1, max(ys) - min(ys) + 1), ("route", n, fid))
        for r, row in enumerate(layout.info_rows):
            for n, cell in enumerate(row.cells):
                self._add(cell.rect, ("cell", (r, n), cell))
        for n, fid in enumerate(labels):
            point = layout.label_points.get(fid)
            if point is not None:
                self._add(Rect(point[0], point[1], 0, 0), ("label", n, fid))

    def _cells(self, r: Rect):
        s = self.SIZE
        for cx in range(int(r.left // s), int(r.right // s) + 1):
            for cy in range(int(r.top // s), int(r.bottom // s) + 1):
                yield cx, cy

    def _add(self, rect: Rect, entry) -> None:
        for cell in self._cells(rect):
            self.grid.setdefault(cell, []).append(entry)

    def near(self, view: Rect, kind: str) -> list:
        """What of ``kind`` may meet ``view`` (a superset, in drawing order)."""
        found = {}
        for cell in self._cells(view.inflate(2)):
            for entry in self.grid.get(cell, ()):
                if entry[0] == kind:
                    found[entry[1]] = entry[2]
        return [found[key] for key in sorted(found)]


def map_content(snapshot, map_id: int) -> MapContent:
    from mot_workshop.layout.swimlane import layout_map

    lanes = snapshot.where("lane", map_id=map_id)
    phases = snapshot.where("phase", map_id=map_id)
    steps = snapshot.where("step", map_id=map_id)
    flows = snapshot.where("flow", map_id=map_id)
    layout = layout_map(lanes, phases, steps, flows)
    labels = {f.id: (f.label or f.condition) for f in flows if (f.label or f.condition)}
    return MapContent(layout, {s.id: s for s in steps}, labels, {f.id: (f.source_id, f.target_id) for f in flows})


CAPTION = 20.0                     # points above each tile for its title
BIG_MAP_PARTS = 6                  # readable parts printed of a map too big to print whole


def map_flowables(content: MapContent, avail_w: float, avail_h: float, *, title: str,
                  first_h: float | None = None, min_text: float = MIN_TEXT, max_parts: int | None = None) -> list:
    """The map under a heading that leaves ``first_h`` points on its page (default: all of
    ``avail_h``). When it fits there at a readable scale: one drawing. Otherwise an overview
    of the whole map fills the rest of that page and the readable tiles, each with its
    caption ("title — part k of n"), follow on full pages. A map that would need more than
    ``max_parts`` tiles gets the overview tables of ``map_overview`` and its first parts."""
    from reportlab.platypus import PageBreak

    first_h = avail_h if first_h is None else first_h
    notes = notes_height(content.cut_labels.values(), avail_w)     # the notes of cut labels go under each part
    first_h, avail_h = first_h - notes, avail_h - notes
    single = plan_tiles(content.layout, avail_w, first_h - CAPTION - 2, min_text=min_text)
    if len(single.tiles) == 1:
        return [MapTileFlowable(content, single.tiles[0], single, title)]
    if max_parts is not None:
        plan = plan_tiles(content.layout, avail_w, avail_h - CAPTION - 2, min_text=min_text)
        if len(plan.tiles) > max_parts:
            from mot_workshop.export.pdf.map_overview import big_map_flowables

            return big_map_flowables(content, plan, avail_w, title=title, shown=BIG_MAP_PARTS)
    out = []
    overview_scale = min(avail_w / content.layout.bounds.w, (first_h - CAPTION - 2) / content.layout.bounds.h)
    if first_h > 160 and SMALLEST * overview_scale >= OVERVIEW_MIN_TEXT:     # an overview one can still read
        plan = plan_tiles(content.layout, avail_w, avail_h - CAPTION - 2, min_text=min_text)
        count = len(plan.tiles)
        overview = TilePlan(overview_scale, (Tile(LANE_HEADER_WIDTH, content.layout.bounds.right, PHASE_HEADER_HEIGHT,
                                                  content.layout.bounds.bottom, 0, 0),), 1, 1)
        out.append(MapTileFlowable(content, overview.tiles[0], overview,
                                   tr("{title} — overview; readable parts follow ({count} pages)", title=title,
                                      count=count)))
        out.append(PageBreak())
    else:       # no overview: the first part starts under the heading, so every part fits that room
        plan = plan_tiles(content.layout, avail_w, first_h - CAPTION - 2, min_text=min_text)
        count = len(plan.tiles)
    out += [MapTileFlowable(content, tile, plan, tr("{title} — part {n} of {count}", title=title, n=n, count=count))
            for n, tile in enumerate(plan.tiles, 1)]
    return out


def _flowable_base():
    from reportlab.platypus import Flowable

    return Flowable


class MapTileFlowable(_flowable_base()):
    """One tile of a map at the plan's scale, headers repeated."""

    def __init__(self, content: MapContent, tile: Tile, plan: TilePlan, caption: str = "") -> None:
        super().__init__()
        self.content, self.tile, self.plan, self.caption = content, tile, plan, caption
        self.width = tile.width * plan.scale
        view = Rect(tile.x0, tile.y0, tile.x1 - tile.x0, tile.y1 - tile.y0)
        self.notes = [content.cut_labels[sid] for sid in content.cut_labels
                      if view.intersects(content.layout.steps[sid].rect)]
        self.notes_height = notes_height(self.notes, self.width)
        self.height = tile.height * plan.scale + CAPTION + self.notes_height

    def wrap(self, avail_width, avail_height):
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        t, s = self.tile, self.plan.scale
        hw, ph = LANE_HEADER_WIDTH, PHASE_HEADER_HEIGHT
        cw, rh = t.x1 - t.x0, t.y1 - t.y0
        c.saveState()
        c.setFont(fonts.BOLD, 10.5)
        c.setFillColor(COLOURS["navy"])
        c.drawString(0, self.height - 13, fonts.clip(self.caption, 10.5, self.width, bold=True))
        c.translate(0, self.height - CAPTION)
        c.scale(s, -s)                       # from here on: map units, y down
        regions = (
            (Rect(0, 0, hw, ph), 0.0, 0.0),
            (Rect(hw, 0, cw, ph), hw - t.x0, 0.0),
            (Rect(0, ph, hw, rh), 0.0, ph - t.y0),
            (Rect(hw, ph, cw, rh), hw - t.x0, ph - t.y0),
        )
        for clip, dx, dy in regions:
            c.saveState()
            p = c.beginPath()
            p.rect(clip.x, clip.y, clip.w, clip.h)
            c.clipPath(p, stroke=0, fill=0)
            c.translate(dx, dy)
            draw_map(c, self.content, Rect(clip.x - dx, clip.y - dy, clip.w, clip.h))
            c.restoreState()
        self._overlap_marks(c, cw, rh)
        c.setStrokeColor(COLOURS["rule"])
        c.setLineWidth(0.8)
        c.rect(0, 0, t.width, t.height, stroke=1, fill=0)
        c.restoreState()
        if self.notes:
            self._draw_notes(c)

    def _draw_notes(self, c) -> None:
        """The whole text of each label cut in its box, numbered as the box's mark."""
        c.saveState()
        c.setFont(fonts.REGULAR, NOTE_SIZE)
        c.setFillColor(COLOURS["ink"])
        y = self.notes_height - NOTE_GAP - NOTE_SIZE
        for n, text in self.notes:
            for line in fonts.fit_lines(f"{n}. {text}", NOTE_SIZE, self.width):
                c.drawString(0, y, fonts.printable(line))
                y -= NOTE_SIZE * NOTE_LEADING
        c.restoreState()

    def _overlap_marks(self, c, cw: float, rh: float) -> None:
        """Shade the band this tile shares with its neighbours and say where the map goes on."""
        t, plan = self.tile, self.plan
        hw, ph = LANE_HEADER_WIDTH, PHASE_HEADER_HEIGHT
        c.saveState()
        c.setFillColor(COLOURS["overlap"])
        c.setFillAlpha(0.55)
        if t.column > 0:
            c.rect(hw, ph, min(OVERLAP, cw), rh, stroke=0, fill=1)
        if t.column < plan.columns - 1:
            c.rect(hw + cw - OVERLAP, ph, OVERLAP, rh, stroke=0, fill=1)
        c.restoreState()
        size = max(FLOW_FONT, MIN_TEXT / plan.scale)
        after, before = plan.part(t.column + 1, t.band), plan.part(t.column - 1, t.band)
        if t.column < plan.columns - 1 and after:
            shapes.text(c, hw + cw - 4, ph - 6, tr("continues on part {n} →", n=after), size,
                        align="right", colour=COLOURS["paper"])
        if t.column > 0 and before:
            shapes.text(c, hw + 4, ph - 6, tr("← continued from part {n}", n=before), size,
                        colour=COLOURS["paper"])


# ------------------------------------------------------------------ drawing in map units
def _visible(r: Rect, view: Rect) -> bool:
    return r.intersects(view.inflate(2))


def draw_map(c, content: MapContent, view: Rect) -> None:
    """Everything of the map that intersects ``view``, on a y-down canvas in map units."""
    layout = content.layout
    index = content.index
    _draw_frame(c, layout, view)
    _draw_info_rows(c, layout, view, index)
    _draw_routes(c, layout, view, index)
    _draw_steps(c, layout, content.steps, view, index, content.cut_labels)
    draw_flow_labels(c, layout, content.flow_labels, view, index)


def _draw_frame(c, layout: MapLayout, view: Rect) -> None:
    right = layout.bounds.right
    c.setLineWidth(0.6)
    for i, phase in enumerate(layout.phases):
        if not _visible(phase.column, view):
            continue
        c.setFillColor(COLOURS["band"] if i % 2 else COLOURS["paper"])
        c.rect(phase.column.x, phase.column.y, phase.column.w, phase.column.h, stroke=0, fill=1)
    for lane in layout.lanes:
        if not _visible(lane.rect, view):
            continue
        c.setStrokeColor(COLOURS["grid"])
        c.line(0, lane.rect.bottom, right, lane.rect.bottom)
        h = lane.header
        c.setFillColor(COLOURS.get("lane_" + str(lane.kind)) or COLOURS["lane_department"])
        c.rect(h.x, h.y, h.w, h.h, stroke=0, fill=1)
        lines = fonts.fit_lines(lane.name, HEADER_FONT, h.w - 16, max_lines=4, bold=True)
        shapes.lines_centered(c, lines, h.cx, h.cy, HEADER_FONT, bold=True)
    c.setFillColor(COLOURS["header_fill"])
    c.rect(0, 0, right, PHASE_HEADER_HEIGHT, stroke=0, fill=1)
    shapes.text(c, LANE_HEADER_WIDTH / 2, PHASE_HEADER_HEIGHT / 2 + 4, tr("Time"), HEADER_FONT, bold=True,
                align="center", colour=COLOURS["paper"])
    for phase in layout.phases:
        hdr = phase.header
        if not _visible(hdr, view):
            continue
        c.setStrokeColor(COLOURS["paper"])
        c.line(hdr.x, 4, hdr.x, PHASE_HEADER_HEIGHT - 4)
        lines = fonts.fit_lines(phase.name, 11, hdr.w - 12, max_lines=2, bold=True)
        shapes.lines_centered(c, lines, hdr.cx, hdr.cy, 11, bold=True, colour=COLOURS["paper"])
    c.setStrokeColor(COLOURS["rule"])
    c.line(LANE_HEADER_WIDTH, 0, LANE_HEADER_WIDTH, layout.bounds.bottom)
    for stage in layout.stage_lines:
        c.saveState()
        c.setStrokeColor(COLOURS["blue"] if stage.kind == "interaction" else COLOURS["amber"])
        c.setLineWidth(1.1)
        c.setDash(6, 4)
        c.line(stage.x1, stage.y, stage.x2, stage.y)
        c.restoreState()
        if _visible(Rect(view.x, stage.y - 10, view.w, 12), view):
            name = tr("line of interaction") if stage.kind == "interaction" else tr("line of visibility")
            shapes.text(c, view.right - 6, stage.y - 3, name, 9.0, align="right",
                        colour=COLOURS["blue"] if stage.kind == "interaction" else COLOURS["amber"])


def _draw_info_rows(c, layout: MapLayout, view: Rect, index: _GeometryIndex | None = None) -> None:
    near = {id(cell) for cell in index.near(view, "cell")} if index is not None else None
    for row in layout.info_rows:
        if not _visible(row.rect, view):
            continue
        c.setFillColor(COLOURS["band_dark"])
        c.rect(row.header.x, row.header.y, row.header.w, row.header.h, stroke=0, fill=1)
        c.setStrokeColor(COLOURS["rule"])
        c.setLineWidth(0.6)
        c.line(0, row.rect.top, row.rect.right, row.rect.top)
        c.line(0, row.rect.bottom, row.rect.right, row.rect.bottom)
        colour = COLOURS["red"] if row.kind == "problems" else COLOURS["ink"]
        shapes.lines_centered(c, [info_title(row.kind)], row.header.cx, row.header.cy, HEADER_FONT, bold=True,
                              colour=colour)
        for cell in row.cells if near is None else [cell for cell in row.cells if id(cell) in near]:
            if not _visible(cell.rect, view):
                continue
            r = cell.rect
            c.setStrokeColor(COLOURS["grid"])
            c.setFillColor(COLOURS["paper"])
            c.roundRect(r.x + 1, r.y + 2, r.w - 2, r.h - 4, 2, stroke=1, fill=1)
            lines = fonts.fit_lines(" ".join(cell.lines), INFO_FONT, r.w - 2 * INFO_CELL_PADDING,
                                    max_lines=max(1, len(cell.lines)))
            y = r.y + INFO_CELL_PADDING + INFO_FONT
            for line in lines:
                shapes.text(c, r.x + INFO_CELL_PADDING, y, line, INFO_FONT, colour=colour)
                y += INFO_FONT * LINE_SPACING


def _draw_routes(c, layout: MapLayout, view: Rect, index: _GeometryIndex | None = None) -> None:
    colour = COLOURS["route"]
    fids = layout.routes if index is None else index.near(view, "route")
    for fid in fids:
        points = layout.routes[fid]
        if len(points) < 2:
            continue
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        if not _visible(Rect(min(xs), min(ys), max(xs) - min(xs) + 1, max(ys) - min(ys) + 1), view):
            continue
        c.saveState()
        c.setStrokeColor(colour)
        c.setLineWidth(1.0)
        c.setLineJoin(1)
        p = c.beginPath()
        p.moveTo(*points[0])
        for pt in points[1:]:
            p.lineTo(*pt)
        c.drawPath(p, stroke=1, fill=0)
        c.restoreState()
        shapes.arrowhead(c, points[-1], points[-2], 7.0, colour)


def draw_flow_labels(c, layout: MapLayout, labels: Mapping[int, str], view: Rect,
                     index: _GeometryIndex | None = None) -> None:
    for fid in labels if index is None else index.near(view, "label"):
        label = labels[fid]
        point = layout.label_points.get(fid)
        if not label or point is None or not view.contains_point(*point):
            continue
        w = fonts.string_width(label, FLOW_FONT) + 6
        x, y = point
        c.setFillColor(COLOURS["paper"])
        c.setStrokeColor(COLOURS["grid"])
        c.roundRect(x - w / 2, y - FLOW_FONT * 0.8, w, FLOW_FONT * 1.6, 2, stroke=1, fill=1)
        shapes.text(c, x, y + FLOW_FONT * 0.35, label, FLOW_FONT, align="center", colour=COLOURS["muted"])


NOTE_SIZE = 7.5
NOTE_LEADING = 1.25
NOTE_GAP = 4.0


def step_text(box, step: Step | None) -> str:
    """What a step box says: the step's label, else the layout's lines."""
    if step is not None and step.label:
        return step.label
    return " ".join(box.label_lines) if box.label_lines else ""


def label_is_cut(text: str, shape: str, w: float, h: float) -> bool:
    """True when the box cannot show ``text`` whole even at the smallest size."""
    _, lines = fit_label(text, shape, w, h)
    shown = "".join(lines)
    return shown.endswith("…") and len(shown) - 1 < len("".join(text.split()))


def notes_height(notes, width: float) -> float:
    """Points the numbered notes of cut labels take under a map part ``width`` wide."""
    notes = list(notes)
    if not notes:
        return 0.0
    lines = sum(len(fonts.fit_lines(f"{n}. {text}", NOTE_SIZE, width)) for n, text in notes)
    return NOTE_GAP + lines * NOTE_SIZE * NOTE_LEADING + 2


def fit_label(text: str, shape: str, w: float, h: float) -> tuple[float, list[str]]:
    """A step's label in its box: the largest size (down to the map's smallest text) at
    which it fits whole, broken between words; else broken inside a long word; cut with
    "…" only when even that does not fit."""
    start = STEP_FONT if shape != "connector" else 12.0
    width, room = shapes.inner_width(shape, w), h * (0.62 if shape == "decision" else 0.9)
    sizes = [start - 0.5 * i for i in range(int((start - SMALLEST) / 0.5) + 1)]
    words = " ".join(text.split())
    fallback = None
    for size in sizes:
        lines = fonts.fit_lines(text, size, width)
        if len(lines) * size * 1.2 > room:
            continue
        if " ".join(lines) == words:              # every break fell between words
            return size, lines
        fallback = fallback or (size, lines)
    if fallback is not None:
        return fallback
    size = sizes[-1]
    return size, fonts.fit_lines(text, size, width, max_lines=max(1, int(room // (size * 1.2))))


def _draw_steps(c, layout: MapLayout, steps: Mapping[int, Step], view: Rect,
                index: _GeometryIndex | None = None, cut: Mapping[int, tuple[int, str]] | None = None) -> None:
    for sid in layout.steps if index is None else index.near(view, "step"):
        box = layout.steps[sid]
        r = box.rect
        if not _visible(r.inflate(12), view):
            continue
        shape = str(box.shape)
        shapes.draw_shape(c, shape, r.x, r.y, r.w, r.h)
        step = steps.get(sid)
        size, lines = fit_label(step_text(box, step), shape, r.w, r.h)
        cy = r.cy - (r.h * 0.05 if shape == "computer" else 0.0)
        shapes.lines_centered(c, lines, r.cx, cy, size, bold=shape == "connector")
        shapes.draw_marker(c, shape, box.marker, box.event_role, r.x, r.y, r.w, r.h)
        if cut and sid in cut:          # its whole text is note n under the map part
            shapes.badge(c, r.right - 2, r.bottom - 1, 7, str(cut[sid][0]), COLOURS["muted"], 8.0)
        if step is None:
            continue
        if step.is_mot:
            shapes.badge(c, r.right - 6, r.top - 1, 12, "MOT", COLOURS["navy"], 9.0)
        if step.problems.strip():
            shapes.badge(c, r.left + 4, r.top - 1, 8, "!", COLOURS["red"], 10.0)
