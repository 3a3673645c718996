"""Nothing clipped, nothing smeared: cut text ends in "…" and shows whole as a tooltip, tree
items name the map kind first, a partial repaint draws exactly what a full one draws."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QRectF
from PySide6.QtGui import QHelpEvent, QImage, QPainter
from PySide6.QtWidgets import QApplication, QToolTip

from mot_workshop.ui.swimlane.map_frame import stage_label_boxes
from tests.ui.wizard_fixtures import sample  # noqa: F401


def test_tree_names_the_map_kind_first(sample):
    window, _path = sample
    tree = window.tree
    for m in window.session.store.select("process_map"):
        item = tree.item_for("process_map", m.id)
        text = item.text(0)
        assert text.split(" · ")[0] in ("As-Is", "To-Be", "Redesign") or text.endswith(" map"), text
        assert item.toolTip(0) == text


@pytest.mark.qt_log_ignore("does not support raise", "propagateSizeHints")     # offscreen tooltips
def test_info_cells_end_in_an_ellipsis_and_tell_the_whole_text(sample, qtbot):
    window, _path = sample
    m = window.session.store.select("process_map")[0]
    editor = window.open_map(m.id)
    view, scene = editor.view, editor.scene
    qtbot.waitExposed(view)
    view.viewport().repaint()
    cut = 0
    for (kind, step_id), lines in scene.frame._cells.items():
        full = " ".join(getattr(scene.steps[step_id], kind).split())
        shown = " ".join(lines)
        if shown != full:
            assert lines[-1].endswith("…"), (full, lines)
            cut += 1
    problems = next(r for r in scene.layout.info_rows if r.kind == "problems")
    cell = problems.cells[0]
    centre = view.mapFromScene(cell.rect.x + cell.rect.w / 2, cell.rect.y + cell.rect.h / 2)
    QApplication.sendEvent(view.viewport(), QHelpEvent(QEvent.Type.ToolTip, centre, view.viewport().mapToGlobal(centre)))
    assert QToolTip.text() == scene.steps[cell.step_id].problems.strip()
    QToolTip.hideText()


def _render(frame, exposed: QRectF, area: QRectF) -> QImage:
    image = QImage(int(area.width()), int(area.height()), QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.translate(-area.x(), -area.y())
    painter.setClipRect(exposed)
    frame.paint(painter, exposed)
    painter.end()
    return image


def test_a_partial_repaint_draws_what_a_full_one_draws(sample, qtbot):
    window, _path = sample
    m = window.session.store.select("process_map")[0]
    editor = window.open_map(m.id)
    frame = editor.scene.frame
    bounds = frame.boundingRect()
    for stage in frame.layout.stage_lines:
        for box in stage_label_boxes(stage, 80):
            assert bounds.contains(box)
        y = stage.y
        area = QRectF(stage.x1, y - 30, min(900.0, stage.x2 - stage.x1), 60)
        part = QRectF(area.x() + area.width() / 3, area.y(), area.width() / 3, area.height())
        full = _render(frame, bounds, area)
        partial = _render(frame, part, area)
        for px in range(int(part.x() - area.x()) + 2, int(part.right() - area.x()) - 2, 3):
            for py in range(0, int(area.height()), 3):
                assert full.pixel(px, py) == partial.pixel(px, py), (stage.kind, px, py)
