"""A BPMN type kept from another tool is seen on the map (a marker badge in the shape, named in
the tooltip and in the properties panel, in both languages) and can be changed or cleared
there: one undo step, redo, and still so after reopening the file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtTest import QTest

from mot_workshop.domain.enums import EventRole, Marker
from mot_workshop.editing.history import History
from mot_workshop.editing.imports import import_map_command
from mot_workshop.export.bpmn import read_bpmn
from mot_workshop.i18n import set_language
from mot_workshop.persistence.store import Store

FILE = Path(__file__).resolve().parents[1] / "data" / "bpmn_made" / "markers-modeler.bpmn"


@pytest.fixture
def marked_file(tmp_path):
    path = tmp_path / "marked.motw"
    with Store.create(path, title="Markers", language="en") as store:
        command = import_map_command(store, read_bpmn(FILE.read_bytes(), source=FILE.name))
        History(store).push(command)
        steps = {s.label: s.id for s in store.select("step", map_id=command.map_id) if s.label}
        return path, command.map_id, steps


@pytest.fixture
def marked_editor(window, marked_file, qtbot):
    path, map_id, steps = marked_file
    assert window.files.open_path(path)
    editor = window.open_map(map_id)
    qtbot.waitExposed(editor.view)
    editor.view.zoom_reset()
    return editor


def _ink(editor, step_id: int) -> int:
    """Dark pixels of the marker badge's corner of a step, as the scene paints it."""
    from mot_workshop.layout.step_markers import badge

    item = editor.scene.step_items[step_id]
    r = item.scene_shape_rect()
    cx, cy, radius = badge(str(item.step.shape), r.x(), r.y(), r.width(), r.height())
    area = QRectF(cx - radius - 1, cy - radius - 1, 2 * radius + 2, 2 * radius + 2)
    image = QImage(80, 80, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    editor.scene.render(painter, QRectF(0, 0, 80, 80), area)
    painter.end()
    return sum(1 for x in range(80) for y in range(80) if QColor(image.pixel(x, y)).lightness() < 110)


def _click(editor, step_id: int) -> None:
    item = editor.scene.step_items[step_id]
    editor.view.centerOn(item)
    centre = item.scene_shape_rect().center()
    point = editor.view.mapFromScene(QPointF(centre.x() + 30 if item.step.shape != "connector" else centre.x(),
                                             centre.y() - 4))
    QTest.mouseClick(editor.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)


def test_the_marker_is_drawn_named_and_clearable_with_undo_redo_and_reopen(marked_editor, marked_file, window):
    editor = marked_editor
    path, map_id, steps = marked_file
    split = next(s.id for s in window.session.store.select("step", map_id=map_id) if s.marker == Marker.PARALLEL)
    late = steps["Two days passed"]
    assert "BPMN: Timer, boundary, interrupting" in editor.scene.step_items[late].tooltip()
    drawn = _ink(editor, split)
    assert drawn > 20                                         # the plus in the decision's corner

    _click(editor, split)
    form = window.properties.form
    assert form is not None and form.kind == "step" and form.ids == [split]
    combo = form.fields["marker"].widget
    assert combo.currentText() == "Parallel (AND)"
    offered = [combo.itemText(i) for i in range(combo.count())]
    assert offered == ["—", "Parallel (AND)", "Inclusive (OR)", "Event-based", "Complex"]   # a decision's kinds
    combo.setFocus()
    QTest.keyClick(combo, Qt.Key.Key_Home)                    # "—": no BPMN type, a plain decision
    store = window.session.store
    assert store.get("step", split).marker is None
    cleared = _ink(editor, split)
    assert cleared < drawn / 3                                # the badge is gone from the map
    window.stack.undo()
    assert store.get("step", split).marker == Marker.PARALLEL and _ink(editor, split) > 3 * cleared
    assert combo.currentText() == "Parallel (AND)"
    window.stack.redo()
    assert store.get("step", split).marker is None

    _click(editor, late)                                      # an event: another kind and a role
    form = window.properties.form
    combo = form.fields["marker"].widget
    assert "Timer" in [combo.itemText(i) for i in range(combo.count())]
    assert "Parallel (AND)" not in [combo.itemText(i) for i in range(combo.count())]
    role = form.fields["event_role"].widget
    assert role.currentText() == "Boundary, interrupting"
    index = role.findText("Boundary, non-interrupting")
    role.setFocus()
    while role.currentIndex() != index:
        QTest.keyClick(role, Qt.Key.Key_Down if role.currentIndex() < index else Qt.Key.Key_Up)
    assert store.get("step", late).event_role == EventRole.BOUNDARY_NON_INTERRUPTING

    editor.select([late])                                     # a copy keeps the type
    copy = editor.duplicate()
    assert [(s.marker, s.event_role) for s in (store.get("step", i) for i in copy)] == [
        (Marker.TIMER, EventRole.BOUNDARY_NON_INTERRUPTING)]

    with Store.open(path, read_only=True) as again:
        assert again.get("step", split).marker is None
        assert again.get("step", late).event_role == EventRole.BOUNDARY_NON_INTERRUPTING


def test_the_panel_and_tooltip_speak_korean(window, marked_file, qtbot):
    from mot_workshop.i18n.labels import marker_text

    path, map_id, steps = marked_file
    set_language("ko")
    try:
        with Store.open(path, read_only=True) as store:
            step = store.get("step", steps["Customer asks"])
        assert marker_text(step.marker, step.event_role) == "BPMN: 메시지, 경계, 비중단"
        assert marker_text(step.marker, step.event_role, "en") == \
            "BPMN: Message, boundary, non-interrupting"
    finally:
        set_language("en")
