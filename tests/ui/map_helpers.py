"""A small As-Is map built through commands, and mouse helpers for the map editor tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from mot_workshop.editing.entities import CreateEntity
from mot_workshop.editing.history import History
from mot_workshop.persistence.store import Store


def build_map_file(path: Path) -> dict:
    """Process 'Exchange goods' with an As-Is map: lanes Customer, Sales clerk, Back office;
    phases Receive, Check; steps Visit (customer), Take request, Check receipt (clerk),
    Approve (back office); flows Visit→Take request→Check receipt."""
    store = Store.create(path, title="Map test workshop", language="en")
    try:
        h = History(store)

        def make(entity_kind, **values):
            command = CreateEntity(entity_kind, values)
            h.push(command)
            return command.id

        process = make("process", name="Exchange goods")
        m = make("process_map", process_id=process, kind="as-is", title="")
        lanes = [make("lane", map_id=m, kind=k, name=n) for k, n in
                 (("customer", "Customer"), ("contact", "Sales clerk"), ("department", "Back office"))]
        phases = [make("phase", map_id=m, name=n, width=w) for n, w in (("Receive", 420.0), ("Check", 420.0))]
        steps = [make("step", map_id=m, lane_id=lanes[0], phase_id=phases[0], shape="start-end", label="Visit",
                      x=100.0, y=65.0, is_mot=True),
                 make("step", map_id=m, lane_id=lanes[1], phase_id=phases[0], shape="activity", label="Take request",
                      x=300.0, y=65.0, problems="Queue at the desk"),
                 make("step", map_id=m, lane_id=lanes[1], phase_id=phases[1], shape="activity",
                      label="Check receipt", x=560.0, y=65.0),
                 make("step", map_id=m, lane_id=lanes[2], phase_id=phases[1], shape="decision", label="Approve?",
                      x=620.0, y=65.0)]
        flows = [make("flow", map_id=m, source_id=steps[0], target_id=steps[1]),
                 make("flow", map_id=m, source_id=steps[1], target_id=steps[2])]
        return {"process": process, "map": m, "lanes": lanes, "phases": phases, "steps": steps, "flows": flows}
    finally:
        store.close()


def drag(view, start: QPointF, end: QPointF, steps: int = 10, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    viewport = view.viewport()
    a, b = view.mapFromScene(start), view.mapFromScene(end)
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, modifiers, a)
    for i in range(1, steps + 1):
        QTest.mouseMove(viewport, QPoint(a.x() + (b.x() - a.x()) * i // steps, a.y() + (b.y() - a.y()) * i // steps))
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, modifiers, b)


def drop(view, mime, scene_point: QPointF) -> None:
    viewport = view.viewport()
    pos = view.mapFromScene(scene_point)
    actions = Qt.DropAction.CopyAction
    for event in (QDragEnterEvent(pos, actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier),
                  QDragMoveEvent(pos, actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)):
        QApplication.sendEvent(viewport, event)
        assert event.isAccepted()
    QApplication.sendEvent(viewport, QDropEvent(QPointF(pos), actions, mime, Qt.MouseButton.LeftButton,
                                                Qt.KeyboardModifier.NoModifier))


def lane_box(scene, lane_id):
    return next(b for b in scene.layout.lanes if b.lane_id == lane_id)


def in_file(path: Path, kind: str, **where):
    with Store.open(path, read_only=True) as store:
        return store.select(kind, **where)


@pytest.fixture
def map_file(tmp_path):
    path = tmp_path / "map.motw"
    return path, build_map_file(path)


@pytest.fixture
def map_editor(window, map_file, qtbot):
    path, ids = map_file
    assert window.files.open_path(path)
    editor = window.open_map(ids["map"])
    qtbot.waitExposed(editor.view)
    editor.view.zoom_reset()
    editor.view.centerOn(0, 0)
    return editor
