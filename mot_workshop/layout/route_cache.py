"""Connector routes kept up to date edit by edit, equal to a full ``route_flows``.

A route is a function of what ``routing.route`` reads: its two shapes, the lanes, the grid
cells of the shape index its candidates were tested in, the runs of earlier routes on the
lines it tested, and the sides earlier flows leave and enter its two steps by (the ports).
Each route's reads are remembered: short tests by grid cell, long ones (a loop back across
the whole map tests thousands of cells) as the segment or run itself. After an edit only the
routes that read something that changed are routed again, in flow order: those whose shapes
moved, those that tested a cell a moved shape left or entered or a long segment it lay or now
lies across, and — when a flow is added, deleted, re-ended or re-routed —
the later routes that tested the lines it left or took and the later flows of its end steps
(their ports may now clash, or be free again). Everything else keeps its route, so moving
one step of a 10,000-step map re-routes a handful of flows, not 12,000.

Flows are taken in the order given, which must be increasing flow ids (the store's order);
any other order, or changed lanes, falls back to routing everything.

Each update also keeps what it replaced (a ``_Journal``: the shapes' old rects, and every
re-routed flow's old route, ends, ports and reads). An update that asks for exactly the state
an earlier one left — an undo — takes it back from there instead of routing again: the routes
are a function of that state, so what was computed for it still holds.
"""

from __future__ import annotations

import heapq
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from mot_workshop.layout.geometry import Point, Rect
from mot_workshop.layout.routing import CELL, SHARED, THIN, _Drawn, _Index, _Ports, route

Flow = tuple[int, int, int]          # (flow id, source step id, target step id)
SPAN = 32 * CELL                     # block length by which long reads are found
FEW = 8                              # readers of a key kept as a tuple; more: a set


# Read keys are single ints: a 10,000-step map's routes read ~150,000 grid cells and run
# cells, and a tuple of ints per key would cost three times the memory. Exact for any cell
# number below 2**23 in size (a map 1.3 billion points long).
def _cell_key(cx: int, cy: int) -> int:
    return (cx << 24) + cy


def _line_key(direction: str, line: int) -> int:
    """The run key of a line's cell 0; its cell n is this plus n."""
    return (line << 1 | (direction == "column")) << 24


class _TrackedIndex(_Index):
    """The shape index, noting what each route's tests read: the grid cells of short
    segments, and long horizontal segments themselves (a loop across the map would otherwise
    read thousands of cells, and be routed again whenever any shape near its line moved)."""

    def __init__(self, rects: dict[int, Rect]):
        super().__init__(rects)
        self.read: set | None = None
        self.read_along: list | None = None

    def hits(self, a: Point, b: Point, skip: tuple[int, int]) -> int:
        if self.read is not None:
            x1, x2 = min(a[0], b[0]), max(a[0], b[0])
            y1, y2 = min(a[1], b[1]), max(a[1], b[1])
            if y1 == y2 and self.long(x1, x2):
                self.read_along.append((y1, x1, x2))
            else:
                first, last = int(y1 // CELL), int(y2 // CELL) + 1
                for cx in range(int(x1 // CELL), int(x2 // CELL) + 1):       # keys as _cell_key makes them
                    self.read.update(range((cx << 24) + first, (cx << 24) + last))
        return super().hits(a, b, skip)


class _OrderedDrawn(_Drawn):
    """Every route's runs, each tagged with its flow id; a route sees only earlier flows'.
    Reads are noted per cell for short runs and as the run itself for long ones. A cell's
    runs are one flat tuple, flow, lo, hi, flow, lo, hi …, in flow order (a list of a tuple
    per run cost a 10,000-step map ~15 MB); a flow's own runs keep the order it put them in."""

    def __init__(self) -> None:
        super().__init__()
        self.tagged: dict[int, tuple] = {}    # run key -> (flow, lo, hi, flow, lo, hi, …)
        self.limit = 0
        self.read: set | None = None
        self.read_long: list | None = None

    def keys_of(self, points: Sequence[Point]) -> set:
        keys: set[int] = set()
        for direction, line, lo, hi in self._runs(points):
            base = _line_key(direction, line)
            keys.update(range(base + int(lo // CELL), base + int(hi // CELL) + 1))
        return keys

    def shared(self, points: Sequence[Point], cost: float = 0.0, beaten: float = float("inf")) -> float:
        total = 0.0
        runs_of = list(self._runs(points))
        cells_of = [self._cells_on(direction, line, lo, hi) for direction, line, lo, hi in runs_of]
        if self.read is not None:       # all it may read, even when it stops early
            for (direction, line, lo, hi), cells in zip(runs_of, cells_of):
                if isinstance(cells, range):
                    base = _line_key(direction, line)
                    self.read.update(range(base + cells.start, base + cells.stop))
                else:
                    self.read_long.append((direction, line, lo, hi))
        for (direction, line, lo, hi), cells in zip(runs_of, cells_of):
            base = _line_key(direction, line)
            for cell in cells:
                runs = self.tagged.get(base + cell)
                if not runs:
                    continue
                low, high = max(lo, cell * CELL), min(hi, (cell + 1) * CELL)
                flat = iter(runs)
                for order, a, b in zip(flat, flat, flat):
                    if order >= self.limit:
                        break
                    total += max(0.0, min(high, b) - max(low, a))
                if cost + total * SHARED >= beaten:
                    return total
        return total

    def put(self, order: int, points: Sequence[Point]) -> None:
        for direction, line, lo, hi in self._runs(points):
            base = _line_key(direction, line)
            for cell in range(int(lo // CELL), int(hi // CELL) + 1):
                key = base + cell
                runs = self.tagged.get(key)
                if runs is None:
                    self.tagged[key] = (order, lo, hi)
                    self._note_cell(direction, line, cell)
                    continue
                at = len(runs)                  # after every run of this flow or an earlier one
                while at and runs[at - 3] > order:
                    at -= 3
                self.tagged[key] = runs[:at] + (order, lo, hi) + runs[at:]

    def take(self, order: int, points: Sequence[Point]) -> None:
        for key in self.keys_of(points):
            runs = self.tagged.get(key)
            if runs is not None:
                self.tagged[key] = tuple(value for at in range(0, len(runs), 3) if runs[at] != order
                                         for value in runs[at:at + 3])


class _LongReads:
    """Long reads (a segment or run over many cells) by line and block of BLOCK cells, so
    finding the readers of a spot looks at the reads passing its block, not along the line."""

    def __init__(self) -> None:
        self.blocks: dict[tuple, dict[int, tuple]] = {}     # (line, block) -> flow -> reads

    def add(self, fid: int, line, lo: float, hi: float, read: tuple, keys: set) -> None:
        for block in range(int(lo // SPAN), int(hi // SPAN) + 1):
            key = (line, block)
            flows = self.blocks.setdefault(key, {})
            flows[fid] = flows.get(fid, ()) + (read,)
            keys.add(key)

    def forget(self, fid: int, keys) -> None:
        for key in keys:
            self.blocks[key].pop(fid, None)

    def near(self, line, lo: float, hi: float):
        """(flow, reads) of the blocks lo–hi passes (a flow may come more than once)."""
        for block in range(int(lo // SPAN), int(hi // SPAN) + 1):
            yield from self.blocks.get((line, block), {}).items()


class _Readers:
    """key -> the flows that read it. Most keys have one reader, kept as the bare flow id; a
    few as a tuple, a set only beyond FEW (a set per key cost a 10,000-step map ~30 MB)."""

    __slots__ = ("by",)

    def __init__(self) -> None:
        self.by: dict = {}

    def add(self, key, fid: int) -> None:
        now = self.by.get(key)
        if now is None:
            self.by[key] = fid
        elif type(now) is int:
            if now != fid:
                self.by[key] = (now, fid)
        elif type(now) is tuple:
            if fid not in now:
                self.by[key] = now + (fid,) if len(now) < FEW else {*now, fid}
        else:
            now.add(fid)

    def discard(self, key, fid: int) -> None:
        now = self.by.get(key)
        if now is None:
            return
        if type(now) is int:
            if now == fid:
                del self.by[key]
        elif type(now) is tuple:
            if fid in now:
                rest = tuple(f for f in now if f != fid)
                self.by[key] = rest[0] if len(rest) == 1 else rest
        else:
            now.discard(fid)

    def get(self, key) -> Iterable[int]:
        now = self.by.get(key)
        return () if now is None else (now,) if type(now) is int else now


JOURNALS = 32                        # updates that can be taken back without routing
JOURNAL_FLOWS = 20_000               # flows all of them may hold (an auto-layout of a big map
                                     # re-routes every flow: its journal alone may be dropped)


@dataclass
class _FlowState:
    """Everything the cache holds of one flow."""
    ends: tuple[int, int] | None
    points: list[Point] | None
    port_ends: tuple[int, int] | None
    port_readers: tuple[int, ...]                    # its steps whose ports it read
    reads: tuple | None
    along: dict                                      # its long hit tests, by block
    lines: dict                                      # its long run reads, by block


@dataclass
class _Journal:
    """What one update replaced: the state before it, where it differs from the state after."""
    listed: Sequence[Flow]
    rects: dict[int, Rect | None] = field(default_factory=dict)      # shape -> its rect before
    flows: dict[int, _FlowState] = field(default_factory=dict)


class RouteCache:
    """Routes of one map's flows; ``update`` re-routes only what an edit can have changed."""

    def __init__(self) -> None:
        self.routes: dict[int, list[Point]] = {}
        self._flows: dict[int, tuple[int, int]] = {}
        self._at_step = _Readers()                           # step -> the flows from or to it
        self._listed: Sequence[Flow] = ()                    # the flows as last given
        self._lanes: tuple = ()
        self._index: _TrackedIndex | None = None
        self._drawn = _OrderedDrawn()
        self._reads: dict[int, tuple[array, array, tuple, tuple]] = {}    # cells, run keys, thin rows, lines
        self._cell_readers = _Readers()
        self._key_readers = _Readers()
        self._along_readers = _LongReads()    # long horizontal hit tests, by thin row: (y, x1, x2)
        self._line_readers = _LongReads()     # long runs whose shared length was read, by line: (lo, hi)
        self._ports = _Ports()
        self._port_ends: dict[int, tuple[int, int]] = {}     # the steps a flow's ports are noted at
        self._step_readers = _Readers()                      # step -> flows that read its ports
        self._journals: list[_Journal] = []                  # the last updates, newest last
        self._journal: _Journal | None = None                # the update under way

    # ------------------------------------------------------------------ routing one flow
    def _route(self, fid: int, src: int, tgt: int, lanes: Sequence[Rect]) -> list[Point] | None:
        self._keep(fid)
        self._forget_reads(fid)
        if src not in self._index.rects or tgt not in self._index.rects:
            return None
        cells, keys, steps, along, runs = set(), set(), set(), [], []
        index, drawn = self._index, self._drawn
        index.read, index.read_along, drawn.read, drawn.read_long, drawn.limit = cells, along, keys, runs, fid
        self._ports.read, self._ports.limit = steps, fid
        try:
            points = route(src, tgt, index, lanes, drawn, self._ports)
        finally:
            index.read = index.read_along = drawn.read = drawn.read_long = self._ports.read = None
        for step in steps:
            self._step_readers.add(step, fid)
        rows, lines = set(), set()
        for y, x1, x2 in along:
            self._along_readers.add(fid, int(y // THIN), x1, x2, (y, x1, x2), rows)
        for direction, line, lo, hi in runs:
            self._line_readers.add(fid, (direction, line), lo, hi, (lo, hi), lines)
        # kept as packed arrays: a set per flow would cost a 10,000-step map ~50 MB
        self._reads[fid] = (array("q", cells), array("q", keys), tuple(rows), tuple(lines))
        for cell in cells:
            self._cell_readers.add(cell, fid)
        for key in keys:
            self._key_readers.add(key, fid)
        return points

    def _set_ends(self, fid: int, ends: tuple[int, int] | None) -> None:
        """Note (None: forget) a flow's two steps, and the flows at each step."""
        self._keep(fid)
        before = self._flows.pop(fid, None)
        for step in before or ():
            self._at_step.discard(step, fid)
        if ends is not None:
            self._flows[fid] = ends
            for step in ends:
                self._at_step.add(step, fid)

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
        self._keep(fid)
        for step in self._port_ends.get(fid, ()) + self._flows.get(fid, ()):
            self._step_readers.discard(step, fid)
        cells, keys, rows, lines = self._reads.pop(fid, ((), (), (), ()))
        for cell in cells:
            self._cell_readers.discard(cell, fid)
        for key in keys:
            self._key_readers.discard(key, fid)
        self._along_readers.forget(fid, rows)
        self._line_readers.forget(fid, lines)

    # ------------------------------------------------------------------ taking an update back
    def _keep(self, fid: int) -> None:
        """Note a flow's state in the update under way's journal, before its first change."""
        journal = self._journal
        if journal is None or fid in journal.flows:
            return
        reads = self._reads.get(fid)
        rows, lines = (reads[2], reads[3]) if reads is not None else ((), ())
        ends = self._flows.get(fid)
        port_ends = self._port_ends.get(fid)
        steps = set(ends or ()) | set(port_ends or ())
        journal.flows[fid] = _FlowState(
            ends, self.routes.get(fid), port_ends,
            tuple(step for step in steps if fid in self._step_readers.get(step)), reads,
            {key: self._along_readers.blocks[key][fid] for key in rows},
            {key: self._line_readers.blocks[key][fid] for key in lines})

    def _restore(self, fid: int, state: _FlowState) -> None:
        """Put a flow back as ``state`` holds it."""
        self._forget_reads(fid)
        self._set_ends(fid, state.ends)
        now = self.routes.pop(fid, None)
        if now is not None:
            self._drawn.take(fid, now)
        self._note_ports(fid, 0, 0, None)
        if state.points is not None:
            self.routes[fid] = state.points
            self._drawn.put(fid, state.points)
        if state.port_ends is not None:
            self._note_ports(fid, *state.port_ends, state.points)
        for step in state.port_readers:
            self._step_readers.add(step, fid)
        if state.reads is not None:
            self._reads[fid] = state.reads
            cells, keys, _rows, _lines = state.reads
            for cell in cells:
                self._cell_readers.add(cell, fid)
            for key in keys:
                self._key_readers.add(key, fid)
        for readers, blocks in ((self._along_readers, state.along), (self._line_readers, state.lines)):
            for key, reads in blocks.items():
                readers.blocks.setdefault(key, {})[fid] = reads

    def _take_back(self, rects: Mapping[int, Rect], flows: Sequence[Flow] | None,
                   moved: Iterable[int] | None) -> set[int] | None:
        """When the state asked for is the one before the newest update, put it back; the
        flows whose route changed. None when it is not (then the update routes)."""
        if not self._journals:
            return None
        journal = self._journals[-1]
        wanted = self._listed if flows is None else flows
        if wanted is not journal.listed and wanted != journal.listed:
            return None
        index = self._index
        if moved is None:
            differ = {sid for sid in set(index.rects) | set(rects) if index.rects.get(sid) != rects.get(sid)}
        else:
            differ = {sid for sid in moved if index.rects.get(sid) != rects.get(sid)}
        if differ != set(journal.rects) or any(rects.get(sid) != old for sid, old in journal.rects.items()):
            return None
        self._journals.pop()
        for sid, old in journal.rects.items():
            if sid in index.rects:
                index.remove(sid)
            if old is not None:
                index.add(sid, old)
        changed = set()
        for fid, state in journal.flows.items():
            if self.routes.get(fid) != state.points:
                changed.add(fid)
            self._restore(fid, state)
        self._listed = journal.listed
        return changed

    # ------------------------------------------------------------------ whole map
    def full(self, rects: dict[int, Rect], flows: Sequence[Flow], lanes: Sequence[Rect]) -> dict[int, list[Point]]:
        for _ in self.full_in_parts(rects, flows, lanes):
            pass
        return self.routes

    def full_in_parts(self, rects: dict[int, Rect], flows: Sequence[Flow], lanes: Sequence[Rect],
                      part: int = 1 << 30) -> Iterator[int]:
        """``full``, pausing after every ``part`` flows (yields how many are routed): a big map
        is routed after its first paint, a slice at a time between events."""
        self.__init__()
        self._index = _TrackedIndex(rects)
        self._lanes = _lane_key(lanes)
        ordered = all(a[0] < b[0] for a, b in zip(flows, flows[1:]))
        self._listed = flows
        for n, (fid, src, tgt) in enumerate(flows, 1):
            self._set_ends(fid, (src, tgt))
            points = self._route(fid, src, tgt, lanes)
            if points is not None:
                self.routes[fid] = points
                self._drawn.put(fid, points)
                self._note_ports(fid, src, tgt, points)
            if n % part == 0 and n < len(flows):
                yield n
        if not ordered:          # an order we cannot follow edit by edit: route all next time
            self._lanes = None

    # ------------------------------------------------------------------ after an edit
    def update(self, rects: Mapping[int, Rect], flows: Sequence[Flow] | None, lanes: Sequence[Rect], *,
               moved: Iterable[int] | None = None) -> set[int]:
        """Bring the routes up to date; the ids of flows whose route changed (or went).
        ``flows`` None: the same flows as last time. ``moved``: when known, the only shapes
        whose rect may differ from last time (else all are compared)."""
        if self._index is not None and _lane_key(lanes) == self._lanes:
            taken_back = self._take_back(rects, flows, moved)
            if taken_back is not None:
                return taken_back
        same = flows is None or flows is self._listed
        journal = _Journal(self._listed)
        flows = self._listed if flows is None else flows
        self._listed = flows
        if self._index is None or _lane_key(lanes) != self._lanes or \
                not same and not all(a[0] < b[0] for a, b in zip(flows, flows[1:])):
            before = dict(self.routes)
            self.full(dict(rects.items()), flows, lanes)
            return {fid for fid in set(before) | set(self.routes) if before.get(fid) != self.routes.get(fid)}
        self._journal = journal
        try:
            changed = self._update(rects, flows, lanes, same, moved)
        finally:
            self._journal = None
        if journal.rects or journal.flows:
            self._journals.append(journal)
            del self._journals[:-JOURNALS]
            held = sum(len(j.flows) for j in self._journals)
            while self._journals and held > JOURNAL_FLOWS:
                held -= len(self._journals.pop(0).flows)
        return changed

    def _update(self, rects: Mapping[int, Rect], flows: Sequence[Flow], lanes: Sequence[Rect], same: bool,
                moved: Iterable[int] | None) -> set[int]:
        journal = self._journal
        index = self._index
        queue: list[int] = []
        queued: set[int] = set()
        changed: set[int] = set()

        def push(fid: int) -> None:
            if fid not in queued:
                queued.add(fid)
                heapq.heappush(queue, fid)

        def readers_of_runs(points, after: int) -> None:
            """Later flows that tested a line where ``points`` run (their shared length may change)."""
            for key in self._drawn.keys_of(points):
                for reader in self._key_readers.get(key):
                    if reader > after:
                        push(reader)
            for direction, line, lo, hi in self._drawn._runs(points):
                for reader, spans in self._line_readers.near((direction, line), lo, hi):
                    if reader > after and reader not in queued and any(a <= hi and lo <= b for a, b in spans):
                        push(reader)

        def readers_near(r) -> None:
            """Flows whose long horizontal tests a shape at inflated rect ``r`` lies across."""
            left, top, right, bottom = r
            for row in range(int(top // THIN), int(bottom // THIN) + 1):
                for reader, segments in self._along_readers.near(row, left, right):
                    if reader not in queued and \
                            any(top < y < bottom and x1 < right and left < x2 for y, x1, x2 in segments):
                        push(reader)

        def readers_of_ports(steps, after: int) -> None:
            for step in steps:
                for reader in self._step_readers.get(step):
                    if reader > after:
                        push(reader)

        shifted: set[int] = set()
        dirty_cells: set = set()
        for sid in set(index.rects) | set(rects) if moved is None else moved:
            old, new = index.rects.get(sid), rects.get(sid)
            if old is new or old == new:
                continue
            shifted.add(sid)
            journal.rects.setdefault(sid, old)
            for change in ((index.remove(sid),) if old is not None else ()) + \
                    ((index.add(sid, new),) if new is not None else ()):
                cells, inflated = change
                dirty_cells |= cells
                readers_near(inflated)
        for cell in dirty_cells:
            for reader in self._cell_readers.get(_cell_key(*cell)):
                push(reader)
        if not same:
            wanted = {fid: (src, tgt) for fid, src, tgt in flows}
            for fid in [f for f in self._flows if f not in wanted]:           # deleted flows
                self._forget_reads(fid)
                self._set_ends(fid, None)
                points = self.routes.pop(fid, None)
                changed.add(fid)
                readers_of_ports(self._note_ports(fid, 0, 0, None), fid)
                if points is not None:
                    self._drawn.take(fid, points)
                    readers_of_runs(points, fid)
            for fid, ends in wanted.items():
                if self._flows.get(fid) != ends:
                    self._set_ends(fid, ends)
                    push(fid)
        for sid in shifted:                                 # the flows of a moved shape
            for fid in self._at_step.get(sid):
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
            if old is not None:
                self._drawn.take(fid, old)
                readers_of_runs(old, fid)
            if points is None:
                self.routes.pop(fid, None)
            else:
                self.routes[fid] = points
                self._drawn.put(fid, points)
                readers_of_runs(points, fid)
        return changed


def _lane_key(lanes: Sequence[Rect]) -> tuple:
    """What routing reads of the lanes: their top and bottom edges."""
    return tuple((lane.top, lane.bottom) for lane in lanes)
