"""Orthogonal connector routes that go around shapes.

For each flow a handful of candidate routes is tried in order of preference — straight, one
bend, a Z through the gap between the shapes, then detours along the free band inside a
lane's top or bottom edge (shapes keep clear of it) — and the first that crosses no other
shape and runs along no route already drawn wins; otherwise the cheapest is kept (crossing a
shape costs most, then running on top of another route, then bends, then length: two routes
on one line read as one, and the reader cannot tell which arrow goes where). A grid
index keeps each collision test to the few shapes nearby, so re-routing a thousand-step map
stays well inside a frame budget.

Two more things cost: leaving a step by the side an earlier flow entered it (or entering by
the side an earlier flow left it) — in and out on one port read as a line passing through —
and running along a lane boundary, where a route looks like the lane's own edge. When the
usual candidates all pay the port cost, routes leaving and entering by the other sides are
tried as well.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence

from mot_workshop.layout.geometry import Point, Rect

MARGIN = 8.0          # clearance kept around shapes
STUB = 14.0           # length of the first/last leg leaving or entering a shape
CELL = 160.0          # grid index cell size
BAND = 11.0           # distance of a detour channel from a lane's edge
SHARED = 3.0          # cost of each point of length run on top of an earlier route
PORT_CLASH = 20_000.0  # leaving by a side an earlier flow enters (or entering by one it leaves)
ON_EDGE = 50.0        # cost of each point of length run along a lane boundary
EDGE_NEAR = 2.0       # how close to a boundary a run counts as on it
THIN = 8.0            # height of the rows that index shapes for long horizontal segments
LONG = 4              # a run over more cells than this visits only the cells that hold something


def exit_side(points: Sequence[Point]) -> str:
    """The side of its source a route leaves by (from its first leg's direction)."""
    (x1, y1), (x2, y2) = points[0], points[1]
    if abs(y1 - y2) < 1e-6:
        return "right" if x2 > x1 else "left"
    return "bottom" if y2 > y1 else "top"


def entry_side(points: Sequence[Point]) -> str:
    """The side of its target a route enters by (from its last leg's direction)."""
    (x1, y1), (x2, y2) = points[-2], points[-1]
    if abs(y1 - y2) < 1e-6:
        return "left" if x2 > x1 else "right"
    return "top" if y2 > y1 else "bottom"


class _Ports:
    """Which sides of each step earlier routes leave ("out") and enter ("in") by."""

    def __init__(self) -> None:
        self.used: dict[int, list[tuple[int, str, str]]] = {}    # step -> [(order, side, way)]
        self.limit = float("inf")        # a route sees only the ports of flows before it
        self.read: set | None = None

    def clash(self, src: int, tgt: int, points: Sequence[Point]) -> int:
        if self.read is not None:
            self.read.update((src, tgt))
        out, into = exit_side(points), entry_side(points)
        n = 0
        for step, side, other in ((src, out, "in"), (tgt, into, "out")):
            for order, s, way in self.used.get(step, ()):
                if order < self.limit and s == side and way == other:
                    n += 1
                    break
        return n

    def taken(self, step: int, way: str) -> set[str]:
        """The sides of ``step`` earlier flows use the ``way`` ("in" or "out")."""
        return {s for order, s, w in self.used.get(step, ()) if order < self.limit and w == way}

    def add(self, order: int, src: int, tgt: int, points: Sequence[Point]) -> None:
        self.used.setdefault(src, []).append((order, exit_side(points), "out"))
        self.used.setdefault(tgt, []).append((order, entry_side(points), "in"))

    def take(self, order: int, src: int, tgt: int) -> None:
        for step in (src, tgt):
            self.used[step] = [u for u in self.used.get(step, ()) if u[0] != order]


def _on_edges(points: Sequence[Point], edges: Sequence[float]) -> float:
    """Length of the horizontal runs of ``points`` lying on a lane boundary."""
    total = 0.0
    for (x1, y1), (x2, y2) in zip(points, points[1:]):
        if abs(y1 - y2) < 1e-6 and any(abs(y1 - e) <= EDGE_NEAR for e in edges):
            total += abs(x2 - x1)
    return total


class _Index:
    """The shapes (inflated by MARGIN) by grid cell, and by thin row for long horizontal
    segments: a rework loop back across a 10,000-step map runs along a lane's free band for
    thousands of cells, and walking them all would make one test cost as much as routing a
    hundred short flows."""

    def __init__(self, rects: dict[int, Rect]):
        self.rects: dict[int, Rect] = {}
        self.inflated: dict[int, tuple[float, float, float, float]] = {}    # key -> left, top, right, bottom
        self.cells: dict[tuple[int, int], list[int]] = {}
        # thin row -> its shapes' lefts (sorted) and keys, as two lists (no tuple per entry)
        self.rows: dict[int, tuple[list[float], list[int]]] = {}
        self.widest = 0.0                                      # widest inflated shape ever indexed
        pending: dict[int, list[tuple[float, int]]] = {}
        for key, rect in rects.items():
            r = self._put(key, rect)
            for row in range(int(r[1] // THIN), int(r[3] // THIN) + 1):
                pending.setdefault(row, []).append((r[0], key))
        for row, entries in pending.items():
            entries.sort()
            self.rows[row] = ([left for left, _ in entries], [key for _, key in entries])

    @staticmethod
    def _cells(x1: float, y1: float, x2: float, y2: float) -> Iterable[tuple[int, int]]:
        for cx in range(int(x1 // CELL), int(x2 // CELL) + 1):
            for cy in range(int(y1 // CELL), int(y2 // CELL) + 1):
                yield cx, cy

    @staticmethod
    def long(x1: float, x2: float) -> bool:
        """Whether a horizontal segment from x1 to x2 is tested by thin row, not by cell."""
        return int(x2 // CELL) - int(x1 // CELL) >= LONG

    def _put(self, key: int, rect: Rect) -> tuple[float, float, float, float]:
        self.rects[key] = rect
        r = self.inflated[key] = (rect.x - MARGIN, rect.y - MARGIN, rect.x + rect.w + MARGIN, rect.y + rect.h + MARGIN)
        self.widest = max(self.widest, r[2] - r[0])
        for cell in self._cells(*r):
            self.cells.setdefault(cell, []).append(key)
        return r

    def add(self, key: int, rect: Rect) -> tuple[set, tuple[float, float, float, float]]:
        """Index a shape; the grid cells it covers and its inflated rect."""
        r = self._put(key, rect)
        for row in range(int(r[1] // THIN), int(r[3] // THIN) + 1):
            lefts, keys = self.rows.setdefault(row, ([], []))
            i = bisect.bisect_right(lefts, r[0])
            lefts.insert(i, r[0])
            keys.insert(i, key)
        return set(self._cells(*r)), r

    def remove(self, key: int) -> tuple[set, tuple[float, float, float, float]]:
        """Take a shape out; the grid cells it covered and its inflated rect."""
        r = self.inflated.pop(key)
        del self.rects[key]
        cells = set(self._cells(*r))
        for cell in cells:
            self.cells[cell].remove(key)
        for row in range(int(r[1] // THIN), int(r[3] // THIN) + 1):
            lefts, keys = self.rows[row]
            i = bisect.bisect_left(lefts, r[0])
            while keys[i] != key:
                i += 1
            del lefts[i], keys[i]
        return cells, r

    def hits(self, a: Point, b: Point, skip: tuple[int, int]) -> int:
        """How many shapes (other than ``skip``) the segment a–b passes through."""
        x1, x2 = min(a[0], b[0]), max(a[0], b[0])
        y1, y2 = min(a[1], b[1]), max(a[1], b[1])
        if y1 == y2 and self.long(x1, x2):
            return self._hits_along(y1, x1, x2, skip)
        seen: set[int] = set()
        count = 0
        for cell in self._cells(x1, y1, x2, y2):
            for key in self.cells.get(cell, ()):
                if key in seen or key in skip:
                    continue
                seen.add(key)
                left, top, right, bottom = self.inflated[key]
                if x1 < right and left < x2 and y1 < bottom and top < y2 or \
                        (x1 == x2 and left < x1 < right and y1 < bottom and top < y2) or \
                        (y1 == y2 and top < y1 < bottom and x1 < right and left < x2):
                    count += 1
        return count

    def _hits_along(self, y: float, x1: float, x2: float, skip: tuple[int, int]) -> int:
        """``hits`` of a long horizontal segment: only the shapes of its thin row are tested
        (the same shapes and the same test as by cell: top < y < bottom, overlapping in x)."""
        row = self.rows.get(int(y // THIN))
        if row is None:
            return 0
        lefts, keys = row
        count = 0
        inflated = self.inflated
        for i in range(bisect.bisect_left(lefts, x1 - self.widest), bisect.bisect_left(lefts, x2)):
            key = keys[i]
            _, top, right, bottom = inflated[key]
            if top < y < bottom and x1 < right and key not in skip:
                count += 1
        return count


class _Drawn:
    """The straight runs of the routes placed so far, by the line they lie on and, along it,
    by grid cell (a big map has hundreds of runs on each lane's detour band); each line also
    lists its cells holding runs, so a long run visits only those."""

    def __init__(self) -> None:
        self.runs: dict[tuple[str, int, int], list[tuple[float, float]]] = {}
        self.lines: dict[tuple[str, int], list[int]] = {}      # line -> its cells with runs, sorted

    @staticmethod
    def _runs(points: Sequence[Point]):
        for (x1, y1), (x2, y2) in zip(points, points[1:]):
            if abs(y1 - y2) < 1e-6:
                yield "row", round(y1), min(x1, x2), max(x1, x2)
            elif abs(x1 - x2) < 1e-6:
                yield "column", round(x1), min(y1, y2), max(y1, y2)

    def _cells_on(self, direction: str, line: int, lo: float, hi: float) -> Iterable[int]:
        """The cells of the run lo–hi on a line that may hold runs."""
        first, last = int(lo // CELL), int(hi // CELL)
        if last - first < LONG:
            return range(first, last + 1)
        used = self.lines.get((direction, line), ())
        return used[bisect.bisect_left(used, first):bisect.bisect_right(used, last)]

    def _note_cell(self, direction: str, line: int, cell: int) -> None:
        used = self.lines.setdefault((direction, line), [])
        i = bisect.bisect_left(used, cell)
        if i == len(used) or used[i] != cell:
            used.insert(i, cell)

    def shared(self, points: Sequence[Point], cost: float = 0.0, beaten: float = float("inf")) -> float:
        """How much of ``points`` lies on top of routes already drawn; it may stop counting
        once ``cost`` plus SHARED times the count so far reaches ``beaten`` (the route has lost)."""
        total = 0.0
        for direction, line, lo, hi in self._runs(points):
            for cell in self._cells_on(direction, line, lo, hi):
                low, high = max(lo, cell * CELL), min(hi, (cell + 1) * CELL)   # this cell's part
                for a, b in self.runs.get((direction, line, cell), ()):
                    total += max(0.0, min(high, b) - max(low, a))
                if cost + total * SHARED >= beaten:
                    return total
        return total

    def add(self, points: Sequence[Point]) -> None:
        for direction, line, lo, hi in self._runs(points):
            for cell in range(int(lo // CELL), int(hi // CELL) + 1):
                key = (direction, line, cell)
                if key not in self.runs:
                    self.runs[key] = []
                    self._note_cell(direction, line, cell)
                self.runs[key].append((lo, hi))


def simplify(points: Sequence[Point]) -> list[Point]:
    """Drop repeated points and middle points of straight runs."""
    out: list[Point] = []
    for p in points:
        px, py = p
        if out:
            bx, by = out[-1]
            if abs(bx - px) < 1e-6 and abs(by - py) < 1e-6:
                continue
            if len(out) >= 2:
                ax, ay = out[-2]
                if (abs(ax - bx) < 1e-6 and abs(bx - px) < 1e-6) or (abs(ay - by) < 1e-6 and abs(by - py) < 1e-6):
                    out[-1] = p
                    continue
        out.append(p)
    return out


def _length(points: Sequence[Point]) -> float:
    total = 0
    ax, ay = points[0] if points else (0.0, 0.0)
    for bx, by in points[1:]:
        total += abs(bx - ax) + abs(by - ay)
        ax, ay = bx, by
    return total


def _candidates(a: Rect, b: Rect, channels: Sequence[float]) -> Iterable[list[Point]]:
    ay, by = a.cy, b.cy
    right_a, left_b = (a.right, ay), (b.left, by)
    if b.left >= a.right + 2 * STUB:                       # b lies ahead on the time axis
        if abs(ay - by) < 0.5:
            yield [right_a, left_b]
        mid = (a.right + b.left) / 2
        for mx in (mid, a.right + STUB, b.left - STUB):
            yield [right_a, (mx, ay), (mx, by), left_b]
        if by > a.bottom or by < a.top:                    # down (or up) from a, then along b's row
            yield [(a.cx, a.bottom if by > ay else a.top), (a.cx, by), left_b]
        if ay > b.bottom or ay < b.top:                    # along a's row, then down (or up) into b
            yield [right_a, (b.cx, ay), (b.cx, b.top if ay < by else b.bottom)]
    overlap_l, overlap_r = max(a.left, b.left), min(a.right, b.right)
    if overlap_r - overlap_l > 2 * MARGIN:                 # one above the other: straight down or up
        x = (overlap_l + overlap_r) / 2
        if b.top >= a.bottom:
            yield [(x, a.bottom), (x, b.top)]
        elif a.top >= b.bottom:
            yield [(x, a.top), (x, b.bottom)]
    for cy in channels:
        exit_a = (a.cx, a.bottom) if cy > ay else (a.cx, a.top)
        enter_b = (b.cx, b.bottom) if cy > by else (b.cx, b.top)
        if not (a.top < cy < a.bottom) and not (b.top < cy < b.bottom):
            yield [exit_a, (a.cx, cy), (b.cx, cy), enter_b]
        yield [right_a, (a.right + STUB, ay), (a.right + STUB, cy), (b.left - STUB, cy), (b.left - STUB, by), left_b]


def _sides(r: Rect) -> dict[str, tuple[Point, Point]]:
    """Each side's port and the end of the stub leaving it."""
    return {"right": ((r.right, r.cy), (r.right + STUB, r.cy)), "left": ((r.left, r.cy), (r.left - STUB, r.cy)),
            "top": ((r.cx, r.top), (r.cx, r.top - STUB)), "bottom": ((r.cx, r.bottom), (r.cx, r.bottom + STUB))}


def _other_ports(a: Rect, b: Rect, channels: Sequence[float], closed_a: set[str],
                 closed_b: set[str]) -> Iterable[list[Point]]:
    """Routes by every pair of free sides: stub out, one or two bends (or a channel), stub in."""
    ends_b = [end for side, end in _sides(b).items() if side not in closed_b]
    for side, (pa, sa) in _sides(a).items():
        if side in closed_a:
            continue
        for pb, sb in ends_b:
            yield [pa, sa, (sb[0], sa[1]), sb, pb]
            yield [pa, sa, (sa[0], sb[1]), sb, pb]
            for cy in channels[:1]:
                yield [pa, sa, (sa[0], cy), (sb[0], cy), sb, pb]


def _channels(a: Rect, b: Rect, lanes: Sequence[Rect]) -> list[float]:
    """Free bands near a and b: inside the top and bottom edge of each lane they span."""
    top, bottom = min(a.top, b.top), max(a.bottom, b.bottom)
    near = [lane for lane in lanes if lane.bottom >= top - lane.h and lane.top <= bottom + lane.h]
    bands = {y for lane in near for y in (lane.top + BAND, lane.bottom - BAND)}
    mid = (a.cy + b.cy) / 2
    return sorted(bands, key=lambda y: abs(y - mid))


def route(a_id: int, b_id: int, index: _Index, lanes: Sequence[Rect], drawn: _Drawn | None = None,
          ports: _Ports | None = None) -> list[Point]:
    a, b = index.rects[a_id], index.rects[b_id]
    best: tuple[float, list[Point]] | None = None
    edges = sorted({y for lane in lanes for y in (lane.top, lane.bottom)})
    channels = _channels(a, b, lanes)

    def consider(candidate: list[Point]) -> bool:
        """Weigh one candidate; True when it is clean and short enough to take at once."""
        nonlocal best
        if best is not None:
            # no route beats the straight distance between its ends plus a bend when they are
            # not in line: most candidates lose here, before they are even simplified
            (x0, y0), (x1, y1) = candidate[0], candidate[-1]
            dx, dy = abs(x1 - x0), abs(y1 - y0)
            if dx + dy + (40 if dx > 1e-6 and dy > 1e-6 else 0) >= best[0]:
                return False
        points = simplify(candidate)
        if len(points) < 2:
            return False
        cost = (len(points) - 2) * 40 + _length(points)
        if best is not None and cost >= best[0]:
            return False                                   # cannot win: skip the costlier checks
        clash = ports.clash(a_id, b_id, points) if ports is not None else 0
        cost += PORT_CLASH * clash + ON_EDGE * _on_edges(points, edges)
        if best is not None and cost >= best[0]:
            return False
        cost += 100_000 * sum(index.hits(p, q, (a_id, b_id)) for p, q in zip(points, points[1:]))
        if best is not None and cost >= best[0]:
            return False
        # a long route along a busy band tests thousands of runs: stop once it has lost
        shared = drawn.shared(points, cost, best[0] if best is not None else float("inf")) \
            if drawn is not None else 0.0
        cost += shared * SHARED
        if best is None or cost < best[0]:
            best = (cost, points)
        return cost < PORT_CLASH and shared == 0 and len(points) <= 3

    for candidate in _candidates(a, b, channels):
        if consider(candidate):
            return best[1]                                 # nothing better than a clean short route
    if best is not None and best[0] >= PORT_CLASH and ports is not None and ports.clash(a_id, b_id, best[1]):
        for candidate in _other_ports(a, b, channels, ports.taken(a_id, "in"), ports.taken(b_id, "out")):
            consider(candidate)
    if best is None:                                       # a flow from a shape to itself
        return [(a.right, a.cy), (a.right + STUB, a.cy), (a.right + STUB, a.top - STUB),
                (a.cx, a.top - STUB), (a.cx, a.top)]
    return best[1]


def route_flows(rects: dict[int, Rect], flows: Sequence[tuple[int, int, int]],
                lanes: Sequence[Rect] = ()) -> dict[int, list[Point]]:
    """Routes for ``flows`` given as (flow id, source step id, target step id), each kept off
    the lines of the ones before it where it can be."""
    index = _Index(rects)
    drawn = _Drawn()
    ports = _Ports()
    routes: dict[int, list[Point]] = {}
    for order, (fid, src, tgt) in enumerate(flows):
        if src in rects and tgt in rects:
            routes[fid] = points = route(src, tgt, index, lanes, drawn, ports)
            drawn.add(points)
            ports.add(order, src, tgt, points)
    return routes


def crossings(points: Sequence[Point], rects: dict[int, Rect], skip: tuple[int, int]) -> int:
    """How many shapes a route passes through (tests and the editor's warnings)."""
    index = _Index(rects)
    return sum(index.hits(p, q, skip) for p, q in zip(points, points[1:]))


def shared_length(first: Sequence[Point], second: Sequence[Point]) -> float:
    """How long two routes run on top of each other (tests and checks)."""
    drawn = _Drawn()
    drawn.add(first)
    return drawn.shared(second)
