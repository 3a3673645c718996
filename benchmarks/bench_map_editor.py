"""Budgets of the swimlane map editor on a generated 1,000-step, 1,200-flow map
(``bench_layout.big_map``: eight lanes, phases along the time axis, a main path, forward
branches and loops back):

1. open to first paint — from asking the window for the map's tab until the view has
   painted it once (layout, items, fit, paint; a map of 500 flows or more gets its routes
   and connectors right after that paint, between events) — ≤ 500 ms;
2. mouse-move while dragging a step — a real press on a step, then mouse-move events, each
   timed until the viewport has repainted — ≤ 16 ms at the 95th percentile;
3. re-routing all connectors (``layout.routing.route_flows``) — ≤ 200 ms (median).

The map is zoomed to 100 % for the drag (the facilitator's working zoom), so a move repaints
what a real screen shows. The release pushes one command (one undo step).

    python benchmarks/bench_map_editor.py [--quick] [--steps N --flows M --moves K] [--strict]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

OPEN_BUDGET_MS = 500.0
MOVE_BUDGET_MS = 16.0
ROUTE_BUDGET_MS = 200.0


def build_file(path: Path, steps: int, flows: int) -> int:
    from bench_layout import big_map

    from mot_workshop.domain.process import Process, ProcessMap
    from mot_workshop.editing.bulk import InsertEntities
    from mot_workshop.editing.history import History
    from mot_workshop.persistence.store import Store

    lanes, phases, step_list, flow_list = big_map(steps, flows)
    entities = [Process(id=1, name="Big process"), ProcessMap(id=1, process_id=1, kind="as-is", title="Big map"),
                *lanes, *phases, *step_list, *flow_list]
    with Store.create(path, title="Map editor benchmark", language="en") as store:
        History(store).push(InsertEntities(entities))
    return 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Open, drag and re-route a big swimlane map.")
    parser.add_argument("--quick", action="store_true", help="a 100-step map, few moves (a smoke test)")
    parser.add_argument("--steps", type=int, default=None)
    parser.add_argument("--flows", type=int, default=None)
    parser.add_argument("--moves", type=int, default=None)
    parser.add_argument("--runs", type=int, default=None, help="times the map is opened")
    parser.add_argument("--strict", action="store_true", help="exit 1 when over budget")
    args = parser.parse_args(argv)
    steps = args.steps or (100 if args.quick else 1000)
    flows = args.flows or (120 if args.quick else 1200)
    moves = args.moves or (30 if args.quick else 200)
    runs = args.runs or (1 if args.quick else 3)
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    with tempfile.TemporaryDirectory(prefix="mot-bench-map-") as tmp:
        folder = Path(tmp)
        os.environ["MOT_WORKSHOP_SETTINGS"] = str(folder / "settings.ini")
        path = folder / "map.motw"
        map_id = build_file(path, steps, flows)

        from PySide6.QtCore import QPoint, QPointF, Qt
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication

        from mot_workshop.i18n import set_language
        from mot_workshop.layout.routing import route_flows
        from mot_workshop.ui.app import create_app
        from mot_workshop.ui.main_window import MainWindow
        from mot_workshop.ui.settings import Settings

        set_language("en")
        app = create_app("en")
        window = MainWindow(Settings(), remember=False)
        window.resize(1440, 900)
        window.show()
        assert window.files.open_path(path)
        QApplication.processEvents()

        opens = []
        for _ in range(runs):
            for index in range(window.tabs.count() - 1, 0, -1):
                window.close_tab(index)
            QApplication.processEvents()
            t0 = time.perf_counter()
            editor = window.open_map(map_id)
            QApplication.processEvents()
            editor.view.viewport().repaint()
            opens.append((time.perf_counter() - t0) * 1000)

        view, scene = editor.view, editor.scene
        viewport = view.viewport()
        view.zoom_reset()
        item = scene.step_items[min(scene.step_items)]
        view.centerOn(item)
        QApplication.processEvents()
        start = view.mapFromScene(item.scene_shape_rect().center())
        times: list[float] = []
        before = window.stack.count()
        QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
        pos = start
        for i in range(1, moves + 1):
            pos = QPoint(start.x() + (i * 3) % 240, start.y() + ((i * 7) % 180) - 60)
            t0 = time.perf_counter()
            QTest.mouseMove(viewport, pos)
            viewport.repaint()
            times.append((time.perf_counter() - t0) * 1000)
        t0 = time.perf_counter()
        QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos)
        viewport.repaint()
        release = (time.perf_counter() - t0) * 1000
        pushed = window.stack.count() - before

        lay = scene.layout
        rects = {s: b.rect for s, b in lay.steps.items()}
        pairs = [(f.id, f.source_id, f.target_id) for f in scene.flows.values()]
        lane_rects = [lane.rect for lane in lay.lanes]
        routing = []
        for _ in range(max(3, runs)):
            t0 = time.perf_counter()
            route_flows(rects, pairs, lane_rects)
            routing.append((time.perf_counter() - t0) * 1000)
        window.close()
        app.processEvents()

    times.sort()
    p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
    rows = [("open to first paint", statistics.median(opens), max(opens), OPEN_BUDGET_MS,
             statistics.median(opens) <= OPEN_BUDGET_MS),
            ("drag: mouse move + repaint (p95)", p95, times[-1], MOVE_BUDGET_MS, p95 <= MOVE_BUDGET_MS),
            ("re-route all connectors", statistics.median(routing), max(routing), ROUTE_BUDGET_MS,
             statistics.median(routing) <= ROUTE_BUDGET_MS)]
    print(f"platform: {os.environ.get('QT_QPA_PLATFORM', 'default')}; map: {steps} steps, {flows} flows; "
          f"{runs} open(s), {moves} mouse moves; {pushed} undo step(s) pushed (1 expected)")
    print(f"{'measure':<36}{'median/p95':>11}{'worst':>9}{'budget':>9}  verdict")
    for name, value, worst, budget, ok in rows:
        print(f"{name:<36}{value:>9.1f}ms{worst:>7.1f}ms{budget:>7.0f}ms  {'PASS' if ok else 'FAIL'}")
    print(f"drag mean {statistics.fmean(times):.2f} ms; release (command, file write, relayout) {release:.1f} ms")
    failed = not all(ok for *_, ok in rows) or pushed != 1
    return 1 if args.strict and failed else 0


if __name__ == "__main__":
    sys.exit(main())
