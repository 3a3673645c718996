"""Connector routes kept up to date edit by edit, equal to a full ``route_flows``.

A route is a function of what ``routing.route`` reads: its two shapes, the lanes, the grid
cells of the shape index its candidates were tested in, the runs of earlier routes on the
lines it tested, and the sides earlier flows leave and enter its two steps by (the ports).
Each route's reads are remembered. After an edit only the routes that read something that
changed are routed again, in flow order: those whose shapes moved, those that tested a cell
a moved shape left or entered, and — when a flow is added, deleted, re-ended or re-routed —
the later routes that tested the lines it left or took and the later flows of its end steps
(their ports may now clash, or be free again). Everything else keeps its route, so moving
one step of a 10,000-step map re-routes a handful of flows, not 12,000.

Flows are taken in the order given, which must be increasing flow ids (the store's order);
any other order, or changed lanes, falls back to routing everything.
"""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Sequence

from mot_workshop.layout.geometry import Point, Rect
from mot_workshop.layout.routing import _Drawn, _Index, _Ports, route

Flow = tuple[int, int, int]          # (flow id, source step id, target step id)


class _TrackedIndex(_Index):
    """The shape index, changeable in place, noting the cells each route tests."""

    def __init__(self, rects: dict[int, Rect]):
        super().__init__(dict(rects))
        self.read: set | None = None

    def remove(self, key: int) -> set:
        r = self.inflated.pop(key)
        del self.rects[key]
        cells = set(self._cells(r.left, r.top, r.right, r.bottom))
        for cell in cells:
            self.cells[cell].remove(key)
        return cells

    def add(self, key: int, rect: Rect) -> set:
        self.rects[key] = rect
        r = self.inflated[key] = rect.inflate(_margin())
        cells = set(self._cells(r.left, r.top, r.right, r.bottom))
        for cell in cells:
            self.cells.setdefault(cell, []).append(key)
        return cells

    def hits(self, a: Point, b: Point, skip: tuple[int, int]) -> int:
        if self.read is not None:
            x1, x2 = min(a[0], b[0]), max(a[0], b[0])
            y1, y2 = min(a[1], b[1]), max(a[1], b[1])
            self.read.update(self._cells(x1, y1, x2, y2))
        return super().hits(a, b, skip)


class _OrderedDrawn(_Drawn):
    """Every route's runs, each tagged with its flow id; a route sees only earlier flows'."""

    def __init__(self) -> None:
        super().__init__()
        self.tagged: dict[tuple, list[tuple[int, int, float, float]]] = {}
        self.limit = 0
        self.read: set | None = None

    def keys_of(self, points: Sequence[Point]) -> set:
        return {(d, line, cell) for d, line, lo, hi in self._runs(points)
                for cell in range(int(lo // _cell()), int(hi // _cell()) + 1)}

    def shared(self, points: Sequence[Point]) -> float:
        total = 0.0
        size = _cell()
        for direction, line, lo, hi in self._runs(points):
            for cell in range(int(lo // size), int(hi // size) + 1):
                key = (direction, line, cell)
                if self.read is not None:
                    self.read.add(key)
                low, high = max(lo, cell * size), min(hi, (cell + 1) * size)
                for order, _, a, b in self.tagged.get(key, ()):
                    if order >= self.limit:
                        break
                    total += max(0.0, min(high, b) - max(low, a))
        return total

    def put(self, order: int, points: Sequence[Point]) -> None:
        size = _cell()
        n = 0
        for direction, line, lo, hi in self._runs(points):
            for cell in range(int(lo // size), int(hi // size) + 1):
                bisect.insort(self.tagged.setdefault((direction, line, cell), []), (order, n, lo, hi))
                n += 1

    def take(self, order: int, points: Sequence[Point]) -> None:
        for key in self.keys_of(points):
            runs = self.tagged.get(key, [])
            runs[:] = [run for run in runs if run[0] != order]


def _margin() -> float:
    from mot_workshop.layout import routing

    return routing.MARGIN


def _cell() -> float:
    from mot_workshop.layout import routing

    return routing.CELL


class RouteCache:
    """Routes of one map's flows; ``update`` re-routes only what an edit can have changed."""

    def __init__(self) -> None:
        self.routes: dict[int, list[Point]] = {}
        self._flows: dict[int, tuple[int, int]] = {}
        self._lanes: tuple = ()
        self._index: _TrackedIndex | None = None
        self._drawn = _OrderedDrawn()
        self._reads: dict[int, tuple[tuple, tuple]] = {}
        self._shared: dict[tuple, tuple] = {}
        self._cell_readers: dict[tuple, set[int]] = {}
        self._key_readers: dict[tuple, set[int]] = {}
        self._ports = _Ports()
        self._port_ends: dict[int, tuple[int, int]] = {}     # the steps a flow's ports are noted at
        self._step_readers: dict[int, set[int]] = {}         # step -> flows that read its ports

    # ------------------------------------------------------------------ routing one flow
    def _route(self, fid: int, src: int, tgt: int, lanes: Sequence[Rect]) -> list[Point] | None:
        self._forget_reads(fid)
        if src not in self._index.rects or tgt not in self._index.rects:
            return None
        cells, keys, steps = set(), set(), set()
        self._index.read, self._drawn.read, self._drawn.limit = cells, keys, fid
        self._ports.read, self._ports.limit = steps, fid
        try:
            points = route(src, tgt, self._index, lanes, self._drawn, self._ports)
        finally:
            self._index.read = self._drawn.read = self._ports.read = None
        for step in steps:
            self._step_readers.setdefault(step, set()).add(fid)
        # kept as tuples of shared keys: a set per flow would cost a 10,000-step map ~50 MB
        shared = self._shared
        self._reads[fid] = (tuple(shared.setdefault(c, c) for c in cells), tuple(shared.setdefault(k, k) for k in keys))
        for cell in cells:
            self._cell_readers.setdefault(cell, set()).add(fid)
        for key in keys:
            self._key_readers.setdefault(key, set()).add(fid)
        return points

    def _note_ports(self, fid: int, src: int, tgt: int, points: list[Point] | None) -> tuple[int, ...]:
        """Note the ports of ``points`` (None: none); the steps whose ports changed hands."""
        steps: tuple[int, ...] = ()
        ends = self._port_ends.pop(fid, None)
        if ends is not None:
            self._ports.take(fid, *ends)
            steps += ends
        if points is not None:
            self._ports.add(fid, src, tgt, points)
            self._port_ends[fid] = (src, tgt)
            steps += (src, tgt)
        return steps

    def _forget_reads(self, fid: int) -> None:
        for step in self._port_ends.get(fid, ()) + self._flows.get(fid, ()):
            self._step_readers.get(step, set()).discard(fid)
        cells, keys = self._reads.pop(fid, ((), ()))
        for cell in cells:
            self._cell_readers[cell].discard(fid)
        for key in keys:
            self._key_readers[key].discard(fid)

    # ------------------------------------------------------------------ whole map
    def full(self, rects: dict[int, Rect], flows: Sequence[Flow], lanes: Sequence[Rect]) -> dict[int, list[Point]]:
        self.__init__()
        self._index = _TrackedIndex(rects)
        self._lanes = _lane_key(lanes)
        ordered = all(a[0] < b[0] for a, b in zip(flows, flows[1:]))
        for fid, src, tgt in flows:
            self._flows[fid] = (src, tgt)
            points = self._route(fid, src, tgt, lanes)
            if points is not None:
                self.routes[fid] = points
                self._drawn.put(fid, points)
                self._note_ports(fid, src, tgt, points)
        if not ordered:          # an order we cannot follow edit by edit: route all next time
            self._lanes = None
        return self.routes

    # ------------------------------------------------------------------ after an edit
    def update(self, rects: dict[int, Rect], flows: Sequence[Flow], lanes: Sequence[Rect]) -> set[int]:
        """Bring the routes up to date; the ids of flows whose route changed (or went)."""
        if self._index is None or _lane_key(lanes) != self._lanes or \
                not all(a[0] < b[0] for a, b in zip(flows, flows[1:])):
            before = dict(self.routes)
            self.full(rects, flows, lanes)
            return {fid for fid in set(before) | set(self.routes) if before.get(fid) != self.routes.get(fid)}
        index = self._index
        queue: list[int] = []
        queued: set[int] = set()
        changed: set[int] = set()

        def push(fid: int) -> None:
            if fid not in queued:
                queued.add(fid)
                heapq.heappush(queue, fid)

        def readers_of_keys(keys, after: int) -> None:
            for key in keys:
                for reader in self._key_readers.get(key, ()):
                    if reader > after:
                        push(reader)

        def readers_of_ports(steps, after: int) -> None:
            for step in steps:
                for reader in self._step_readers.get(step, ()):
                    if reader > after:
                        push(reader)

        moved: set[int] = set()
        dirty_cells: set = set()
        for sid in set(index.rects) | set(rects):
            old, new = index.rects.get(sid), rects.get(sid)
            if old == new:
                continue
            moved.add(sid)
            if old is not None:
                dirty_cells |= index.remove(sid)
            if new is not None:
                dirty_cells |= index.add(sid, new)
        for cell in dirty_cells:
            for reader in self._cell_readers.get(cell, ()):
                push(reader)
        wanted = {fid: (src, tgt) for fid, src, tgt in flows}
        for fid in [f for f in self._flows if f not in wanted]:           # deleted flows
            self._forget_reads(fid)
            del self._flows[fid]
            points = self.routes.pop(fid, None)
            changed.add(fid)
            readers_of_ports(self._note_ports(fid, 0, 0, None), fid)
            if points is not None:
                self._drawn.take(fid, points)
                readers_of_keys(self._drawn.keys_of(points), fid)
        for fid, ends in wanted.items():
            if self._flows.get(fid) != ends or ends[0] in moved or ends[1] in moved:
                self._flows[fid] = ends
                push(fid)
        while queue:
            fid = heapq.heappop(queue)
            if fid not in self._flows:
                continue
            src, tgt = self._flows[fid]
            points = self._route(fid, src, tgt, lanes)
            old = self.routes.get(fid)
            if points == old and self._port_ends.get(fid) == ((src, tgt) if points is not None else None):
                continue
            changed.add(fid)
            readers_of_ports(self._note_ports(fid, src, tgt, points), fid)
            keys = set()
            if old is not None:
                self._drawn.take(fid, old)
                keys |= self._drawn.keys_of(old)
            if points is None:
                self.routes.pop(fid, None)
            else:
                self.routes[fid] = points
                self._drawn.put(fid, points)
                keys |= self._drawn.keys_of(points)
            readers_of_keys(keys, fid)
        return changed


def _lane_key(lanes: Sequence[Rect]) -> tuple:
    """What routing reads of the lanes: their top and bottom edges."""
    return tuple((lane.top, lane.bottom) for lane in lanes)
